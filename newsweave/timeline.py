"""Facts -> dated events. Dates come from the words of each mention, explicit ("September 19",
"2023-09-17") or relative ("on Sunday", "last Tuesday"), resolved against the publication date of
the article that says them, or for a copy the earliest date of its copy group, or for a
sentence copied word for word the earliest date of the articles that hold it
(`Story.anchor_dates`, `Story.sentence_anchors`; see `dating.resolve_date` for the weekday
rule). A weekday of a future event counts forward, read from the parse as the comparison
reads it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .dating import dates_in, day_of
from .models import Conflict, Mention, Story, TimelineEvent

Spans = Mapping[str, Sequence[tuple[int, int]]]  # article id -> character spans of its text


def build_timeline(story: Story, conflicts: tuple[Conflict, ...] = (),
                   future: Spans | None = None, relative: Spans | None = None
                   ) -> tuple[TimelineEvent, ...]:
    """One event per fact and date, with the articles that date it; ordered by date.
    `future`: where each article's text dates a future event (`compare.dates.future_dates`;
    "will be charged on Wednesday" is the coming Wednesday, not the last); `relative`: where
    it dates an event by a day counted from publication (`compare.dates.relative_days`)."""
    ahead, counted = future or {}, relative or {}
    published, copied = story.anchor_dates, story.sentence_anchors()
    # A date conflict marks the events of its facts that carry one of its dates.
    date_conflicts = {(f, day_of(p.value)): c.id for c in conflicts if c.kind == "date"
                      for f in c.facts for p in c.positions}
    events = []
    for fact in story.facts:
        by_date: dict[str, list[str]] = {}
        text_of: dict[str, str] = {}
        for mention in fact.mentions:
            base = copied.get((mention.article, mention.text), published.get(mention.article))
            if base is None:
                continue
            spans = within(mention, ahead.get(mention.article, ()), whole=False)
            days = within(mention, counted.get(mention.article, ()), whole=True)
            for day, _phrase in dates_in(mention.text, base, spans, days):
                articles = by_date.setdefault(day, [])
                if mention.article not in articles:
                    articles.append(mention.article)
                if day not in text_of or mention.text == fact.text:
                    text_of[day] = mention.text
        for day, articles in by_date.items():
            events.append(TimelineEvent(date=day, text=text_of[day], articles=tuple(articles),
                                        conflict=date_conflicts.get((fact.id, day))))
    return tuple(sorted(events, key=lambda e: (e.date, -len(e.articles), e.text)))


def within(mention: Mention, spans: Sequence[tuple[int, int]], whole: bool
           ) -> list[tuple[int, int]]:
    """The spans (article offsets) that overlap the mention (`whole`: that lie inside it), as
    offsets in its text."""
    def kept(start: int, end: int) -> bool:
        if whole:
            return mention.start <= start and end <= mention.end
        return start < mention.end and mention.start < end

    return [(start - mention.start, end - mention.start) for start, end in spans
            if kept(start, end)]
