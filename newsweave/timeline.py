"""Facts -> dated events. Dates come from the words of each mention, explicit ("September 19",
"2023-09-17") or relative ("on Sunday", "last Tuesday"), resolved against the publication date of
the article that says them (see `compare.resolve_date` for the weekday rule)."""

from __future__ import annotations

import re
from datetime import date

from .compare import day_of, resolve_date
from .models import Article, Conflict, Story, TimelineEvent
from .words import WEEKDAYS

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:,?\s+\d{4})?"
DATE_PHRASE = re.compile(
    rf"\b(?:(?:this|last|past|earlier|late|early)\s+)?(?:{'|'.join(WEEKDAYS)})\b"
    rf"|\b{MONTH}\s+{DAY}\b{YEAR}|\b{DAY}\s+{MONTH}{YEAR}|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE)
FULL_DATE = re.compile(rf"\b{MONTH}\s+{DAY},?\s+\d{{4}}\b|\b{DAY}\s+{MONTH},?\s+\d{{4}}\b"
                       r"|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


def dates_in(text: str, published: str) -> list[tuple[str, str]]:
    """(ISO date, phrase) for every date phrase in `text` that resolves."""
    found = []
    for match in DATE_PHRASE.finditer(text):
        phrase = match.group(0)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
            found.append((phrase, phrase))
            continue
        resolved = resolve_date(phrase, published)
        if resolved:
            found.append((resolved, phrase))
    return found


def build_timeline(story: Story,
                   conflicts: tuple[Conflict, ...] = ()) -> tuple[TimelineEvent, ...]:
    """One event per fact and date, with the articles that date it; ordered by date."""
    published = {a.id: a.published for a in story.articles}
    # A date conflict marks the events of its facts that carry one of its dates.
    date_conflicts = {(f, day_of(p.value)): c.id for c in conflicts if c.kind == "date"
                      for f in c.facts for p in c.positions}
    events = []
    for fact in story.facts:
        by_date: dict[str, list[str]] = {}
        text_of: dict[str, str] = {}
        for mention in fact.mentions:
            base = published.get(mention.article)
            if base is None:
                continue
            for day, _phrase in dates_in(mention.text, base):
                articles = by_date.setdefault(day, [])
                if mention.article not in articles:
                    articles.append(mention.article)
                if day not in text_of or mention.text == fact.text:
                    text_of[day] = mention.text
        for day, articles in by_date.items():
            events.append(TimelineEvent(date=day, text=text_of[day], articles=tuple(articles),
                                        conflict=date_conflicts.get((fact.id, day))))
    return tuple(sorted(events, key=lambda e: (e.date, -len(e.articles), e.text)))


def infer_publication_date(article: Article, story_articles: list[Article]) -> str | None:
    """The latest full date written in the text that is not after the other articles' dates
    (an article is not published before the events it reports, nor long after its story)."""
    others = [a.published for a in story_articles if a.published and a.id != article.id]
    ceiling = max(others) if others else None
    candidates = []
    for match in FULL_DATE.finditer(article.text):
        resolved = explicit_date(match.group(0))
        if resolved and (ceiling is None or resolved <= ceiling):
            candidates.append(resolved)
    return max(candidates) if candidates else None


def explicit_date(phrase: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        try:
            return date.fromisoformat(phrase).isoformat()
        except ValueError:
            return None
    year = re.search(r"\d{4}", phrase)
    assert year is not None
    return resolve_date(phrase, f"{year.group(0)}-12-31")
