"""Date slots: the date of an event (its governing verb), relative dates resolved against the
article's publication date.

A bare or "this" weekday is the latest such day on or before publication ("left on Sunday" in
a Sunday paper is that day); "last" is strictly before; a weekday of a future event ("will be
charged on Thursday") is the next such day. A weekday next to a written-out date ("Monday
(Feb 3)") yields to the written date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations
from typing import Any

from ..dating import (
    BOUND_SHOWN,
    DAY_INSIDE,
    DAYS_FROM_PUBLICATION,
    MONTHS,
    WEEKDAY_PHRASE,
    date_core,
    date_range,
    days_between,
    phrase_of,
    relative_day,
    resolve_date,
    resolve_month,
    resolve_period,
    span_of,
)
from ..models import Conflict
from ..words import REPORTING, WEEKDAYS, fold
from .day_edges import across_midnight, day_edge
from .kind import SAME_EVENT_DAYS, EventKind, compatible_subjects
from .parse import event_of, slot_base
from .slots import DateSlot, Entry, Said, Slot

# Prepositions that date a state, not an event ("as of yesterday", "until March").
STATE_PREPOSITIONS = {"since", "until", "till", "through"}
# Prepositions giving the last day of a state ("open until March 30"): `end_date_slots`.
END_PREPOSITIONS = {"until", "till"}
# Prepositions that bound an event's date: "by Dec 19 they had begun calling" is on or before
# Dec 19 and agrees with any earlier day ("prior to" is read like "before").
BOUND_PREPOSITIONS = {"by": "upper", "before": "upper", "after": "lower"}
# A date that modifies a noun ("a 14 January article") dates that thing, not the event.
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "poss"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
DATELINE_MARKS = {"—", "–", "-", "--", ":"}
# Verbs that put the event they govern in the future: "set to plead", "due to open".
FUTURE_FRAMES = {"set", "due", "schedule", "expect", "plan"}
FUTURE_AUX = {"will", "shall", "'ll"}
# What a date is read against when the article has none; only dates that need no publication
# date are read then (`readable_undated`), so the placeholder never reaches a reader.
UNANCHORED = "2000-01-01"
# A day written without its year this close to the publication date is of the year the article
# was written in, not a guess (`same_day_of_year`).
CURRENT_DAYS = 31


def date_slots(doc: Any, published: str | None) -> list[DateSlot]:
    """The dated events of a statement. Without a publication date (a folder of plain text
    files) only what needs none is read: dates written with their year, and weekdays, which
    are then compared by name ("on Saturday" / "on Thursday" of one event are two days
    whatever the week)."""
    anchored = published is not None
    published = published or UNANCHORED
    slots = []
    spans = date_spans(doc)
    dateline = dateline_date(spans, published) if anchored else None
    for ent in spans:
        if not dated_event(ent) or not (anchored or readable_undated(ent.text)):
            continue
        verb = event_of(ent.root)
        today = ent.text.lower() in ("today", "tonight")
        if verb is None or today and dateline is None:
            continue  # "today" in a reprint is the reprint's day: only a dateline fixes it
        resolved = (dateline, "", True) if today else \
            resolve_phrase(ent, published, is_future(verb))
        if resolved is None:
            continue
        base, lemma = slot_base(verb), fold(verb.lemma_)
        stated = lemma in REPORTING or after_according_to(ent)
        if stated and verb.dep_ in ("acl", "relcl"):
            continue  # "the video posted on Jan 23": the date of a thing, not of a statement
        if stated:
            # When something was said dates the statement: comparable within one fact only
            # (so is a date under a light verb: `event_name` gives it no event).
            base["event"] = ""
        value, last, explicit = resolved
        relative = not explicit or today or phrase_of(ent.text) in DAYS_FROM_PUBLICATION
        named = WEEKDAY_PHRASE.match(phrase_of(ent.text))
        slots.append(DateSlot(key="date", value=value, last=last, shown=ent.text,
                              explicit=explicit, relative=relative, bound=date_bound(ent),
                              stated=stated, day_name=named.group(1) if named else "",
                              anchored=anchored, edge=day_edge(ent), **base))
    written = {s.event for s in slots if s.explicit}
    named = {s.event: weekday_in(s.shown) for s in slots if not s.explicit}
    return [replace(s, weekday=weekday_in(s.shown) or named.get(s.event, "")) if s.explicit
            else s for s in slots if s.explicit or s.event not in written]


def future_dates(doc: Any) -> list[tuple[int, int]]:
    """Where a parsed text dates a future event ("will be charged on Wednesday", "is due to
    open on Monday"): the character spans of those dates, so that a reader working from the
    words alone (the timeline) counts their weekdays forward, as the comparison does."""
    return [(ent.start_char, ent.end_char) for ent in date_spans(doc)
            if (verb := event_of(ent.root)) is not None and is_future(verb)]


def relative_days(doc: Any) -> list[tuple[int, int]]:
    """Where a parsed text dates an event by a day counted from its publication ("arrested
    two men yesterday", "left last night", "will be charged tomorrow"): the character spans,
    for the timeline, which reads the rest of its dates from the words. "today" and "tonight"
    are left out: in a reprint they are the reprint's day, and only a dateline fixes them;
    so is a day after "of", which names a time, not a day ("the world of tomorrow")."""
    return [(ent.start_char, ent.end_char) for ent in date_spans(doc)
            if relative_day(ent.text) not in ("", "today", "tonight") and dated_event(ent)
            and event_of(ent.root) is not None and ent.root.head.lower_ != "of"]


def end_date_slots(doc: Any, published: str | None) -> list[DateSlot]:
    """"runs until March 30", "closed till Feb 3": the last day of a state, compared only
    with other last days (the key "end date"); a day inside the state does not disagree with
    its end. Written dates only (a weekday's week is too unsure for an end)."""
    if published is None:
        return []
    slots = []
    for ent in date_spans(doc):
        root = ent.root
        verb = event_of(root)
        if root.dep_ != "pobj" or root.head.lower_ not in END_PREPOSITIONS or verb is None:
            continue
        day = resolve_date(date_core(ent.text), published, future=is_future(verb))
        if day is None or WEEKDAY_PHRASE.match(phrase_of(ent.text)):
            continue
        slots.append(DateSlot(key="end date", value=day, shown=ent.text, **slot_base(verb)))
    return slots


def readable_undated(text: str) -> bool:
    """A date phrase that means one day without a publication date: it names its year
    ("March 2, 2007") or is a bare weekday ("on Saturday night")."""
    return bool(re.search(r"\b\d{4}\b", text) or WEEKDAY_PHRASE.match(phrase_of(text)))


def resolve_phrase(ent: Any, published: str, future: bool) -> tuple[str, str, bool] | None:
    """A date phrase -> (first day or month, last day of a span or "", written out): a
    span of days, a day or a month. A weekday is not written out: the rule that resolved it
    yields to a date written for the same event."""
    text = ent.text
    span = days_spanned(ent, published)
    if span is not None:
        return span[0], span[1], True
    period = resolve_period(text, published)
    if period is not None:
        return period[0], period[1], False  # counted from publication, like a weekday
    day = resolve_date(date_core(text), published, future=future)
    if day is not None:
        return day, "", WEEKDAY_PHRASE.match(phrase_of(text)) is None
    month = resolve_month(text, published, future=future)
    return None if month is None else (month, "", True)


def after_according_to(ent: Any) -> bool:
    """"met on Sunday, according to media reports Tuesday": the date right after an
    "according to" phrase dates the report, though the parser hangs it on the main verb."""
    if ent.start == 0:
        return False
    node = ent.doc[ent.start - 1]
    for _ in range(3):
        if node.lower_ == "according":
            return True
        node = node.head
    return False


def days_spanned(ent: Any, published: str) -> tuple[str, str] | None:
    """First and last day of a span the date phrase opens ("Jan 14-18", "from Jan 14 to 18",
    "Jan 17 and 18"), read on past the entity, which the parser often ends early; None for one
    day. A figure counting a noun is no second day ("on Jan 5 and 18 people were hurt")."""
    doc = ent.doc
    found = date_range(doc.text[ent.start_char:ent.end_char + 24], published)
    if found is None:
        return None
    first, last, second = found
    token = doc.char_span(ent.start_char + second, ent.start_char + second + 1,
                          alignment_mode="expand")
    if token is None or token.root.dep_ == "nummod" and not MONTHS.match(token.root.head.lower_):
        return None
    return first, last


def tally_day(doc: Any, published: str | None) -> str:
    """The day a statement gives its figures for ("as of Monday, 40 had been found", "by
    Jan 5, 12 were back"), resolved; "" when it names none. A running count grows: two
    counts for two such days are two moments, not two versions of one figure."""
    if published is None:
        return ""
    for ent in date_spans(doc):
        if as_of(ent) or ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by":
            return resolve_date(date_core(ent.text), published) or ""
    return ""


def as_of(ent: Any) -> bool:
    """The date follows "as of" or "as at": it dates a state ("as of Monday, 40 were found")."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.i > 0 \
        and root.doc[root.head.i - 1].lower_ == "as"


def weekday_in(text: str) -> str:
    """The weekday a date phrase names ("Thursday, March 3" -> "thursday"), or ""."""
    return next((w for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS), "")


def date_spans(doc: Any) -> list[Any]:
    """The parser's DATE and TIME entities, plus written month-days it missed or mislabelled
    ("on Feb 25" tagged as a law, "the morning of Feb 7" tagged as "the morning" only)."""
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    covered = [(e.start_char, e.end_char) for e in spans if DAY_INSIDE.search(e.text)]
    for match in DAY_INSIDE.finditer(doc.text):
        if any(start <= match.start() < end for start, end in covered):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def dateline_date(spans: list[Any], published: str) -> str | None:
    """The date of a dateline opening the mention ("CITY, Feb 6 - ..."), resolved."""
    for ent in spans:
        if is_dateline(ent):
            return resolve_date(date_core(ent.text), published)
    return None


def is_dateline(ent: Any) -> bool:
    """A date opening the statement and closed by a dash or colon ("CITY, Feb 6 - ..."); the
    parser sometimes runs the entity on over the dash ("March 9 - Workers") or leaves the
    year out of it ("Jan 21, 2025 -")."""
    doc = ent.doc
    if ent.start > 4:
        return False
    for token in doc[ent.start + 1:min(ent.end + 3, len(doc))]:
        if token.text in DATELINE_MARKS and not in_figures(token):
            return True
        if token.i >= ent.end and not (token.is_digit or token.text == ","):
            return False  # only a year may stand between the day and the dash
    return False


def dated_event(ent: Any) -> bool:
    """The date entity dates an event: not a dateline, a state, or a modifier of a noun. A
    date in brackets restates the date before it ("as of Saturday (18 Jan)")."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text == "(":
        restated = next((e for e in doc.ents if e.start <= ent.start - 2 < e.end
                         and e.label_ in ("DATE", "TIME")), None)
        if restated is not None:
            return dated_event(restated)
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in STATE_PREPOSITIONS:
        return False
    if as_of(ent):
        return False  # "as of Monday", "as at Jan 18" date a state
    if root.dep_ in NOUN_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and \
            root.head.lower_ not in PARTS_OF_DAY:
        return False  # "Friday afternoon" dates the event ("afternoon" is tagged apart)
    return not is_dateline(ent)


def in_figures(token: Any) -> bool:
    """A dash between two figures joins a span ("Jan 14-18"), it closes no dateline."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].is_digit and doc[token.i + 1].is_digit


def date_bound(ent: Any) -> str:
    """"upper" for "by/before/prior to Dec 19", "lower" for "after Dec 19", else ""."""
    head = ent.root.head
    if ent.root.dep_ != "pobj":
        return ""
    if head.lower_ == "to" and head.head.lower_ == "prior":
        return "upper"
    return BOUND_PREPOSITIONS.get(head.lower_, "")


def is_future(verb: Any) -> bool:
    """"will open", "is set to open"; "said it would open in April", a future seen from a
    statement that news reports date near their own (not "would have opened")."""
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])
    for node in chain:
        auxiliaries = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if auxiliaries & FUTURE_AUX or "would" in auxiliaries and "have" not in auxiliaries:
            return True
        if node is not verb and node.lemma_.lower() in FUTURE_FRAMES:
            return True
    return False


class Dates(EventKind):
    name = "date"
    reason = ("the same event is dated differently (weekdays read against each article's "
              "publication date)")
    undated_reason = ("the same event is dated differently (weekdays compared by name: an "
                      "article has no publication date to count from)")
    eventless_comparable = False

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        return [*date_slots(doc, published), *end_date_slots(doc, published)]

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """As for any event's value, except a day counted from a publication date that was
        itself inferred (an undated article takes its story's median date): "yesterday" and
        "on Thursday" there are guesses on a guess, held against another weekday by name only
        (`agree`)."""
        if x.additive or y.additive:
            return False  # "also sold on Feb 21": another sale, not a second date for this one
        if guessed_day(a, x) or guessed_day(b, y):
            # Two weekdays still differ by name: "on Saturday" / "on Thursday".
            return bool(x.day_name and y.day_name) and super().comparable(a, x, b, y)
        return super().comparable(a, x, b, y)

    def same_fact_comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """Two dates of saying (`event` ""): one act only when one speaker can have made both
        ("announced by the minister on Wednesday" and "the newspaper reported today" are two
        acts, a day apart)."""
        if not (x.event or y.event):
            # "said on Jan 20" and "expects traffic from Friday (Jan 24)": the date of a
            # statement is not the date of what a general verb reports.
            same_kind = getattr(x, "stated", False) == getattr(y, "stated", False)
            return same_kind and compatible_subjects(x.subjects, y.subjects) and \
                not (getattr(x, "stated", False) and two_sayings(a, x, b, y))
        if x.event != y.event and (dates_another_act(a, x, y) or dates_another_act(b, y, x)):
            return False
        return super().same_fact_comparable(a, x, b, y)

    def across_verbs(self, x: DateSlot, y: DateSlot) -> bool:  # type: ignore[override]
        """Dates of one fact under two verbs: one event only with one actor ("Country A
        presented on Monday" and "country B embraced it on Tuesday" are two events), within a
        week (sold in January, charged a year later) and not bounds ("bit him prior to Nov
        20", "confronted her on Nov 24")."""
        return not (x.bound or y.bound) and days_between(x.value, y.value) <= SAME_EVENT_DAYS \
            and compatible_subjects(x.subjects, y.subjects)

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """Statements of two facts linked only by their verb are one event only within a week:
        "began operations in December 2015" and "works began in January 2021", "met on April
        17" and "plans to meet in June", are two beginnings and two meetings. (On the tune half
        of the labelled stories, 6 of the 25 false shown disagreements were such pairs, 39 days
        to 9 years apart; no real one was.)"""
        near = days_between(x.value, y.value) <= SAME_EVENT_DAYS
        slip = year_slip(x, y)  # type: ignore[arg-type]
        return (near or slip) and super().across_facts(a, x, b, y)

    def agree(self, a: Said, x: DateSlot, b: Said, y: DateSlot) -> bool:
        """The same day (or month, when one side gives only the month), a year guessed alike,
        a date inside the other's bound or span of days; one day named as two weekdays
        ("Monday (Mar 3)" / "Thursday (Mar 3)") is not one date, two spans agree only when
        they are the same; "late Thursday" and "early Friday" may be one moment
        (`day_edges`). A weekday of an article with no publication date is held against
        another weekday by name only: against a date ("June 2005" / "on Thursday") it says
        nothing, its day being counted from a placeholder; so does a weekday or "yesterday"
        counted from a guessed date (an undated article among dated ones)."""
        if guessed_day(a, x) or guessed_day(b, y):
            if not (x.day_name and y.day_name):
                return True  # a weekday counted from no date or a guessed one says nothing
            # against a date; against a weekday, its name
            return x.day_name == y.day_name or across_midnight(x, y, by_name=True)
        if across_midnight(x, y, by_name=False):
            return True
        if x.weekday and y.weekday and x.weekday != y.weekday:
            return False
        if x.last and y.last:
            return (x.value, x.last) == (y.value, y.last)  # two stretches, told alike or not
        left, right = coarsest(x.value, y.value)
        return left == right or same_day_of_year(a, x, b, y) or date_within(x, y) or \
            date_within(y, x) or spans_overlap(x, y)

    def entries_agree(self, x: Entry, y: Entry) -> bool:
        """Two statements dating the same events agree when every event both date has an
        agreeing pair: "fled on Jan 5 and was arrested on Feb 2" / "arrested on Feb 2 after
        fleeing on Jan 6" differ on the flight, whatever the arrest says. Otherwise, as any
        kind's, one agreeing pair."""
        shared = {s.event for _, s in x if s.event} & {t.event for _, t in y if t.event}
        if len(shared) < 2:
            return super().entries_agree(x, y)
        return all(any(self.agree(a, s, b, t) for a, s in x if s.event == event
                       for b, t in y if t.event == event) for event in shared)

    def only_possible(self, conflict: Conflict) -> bool:
        """Spans of days that share days but end differently ("between Jan 10 and 11" /
        "between 10 and 13 January"; "Jan 14-18" / "Jan 17 and 18") may be one stretch and a
        part of it, or two accounts of one stretch: a reader is pointed to them, not told."""
        spans = [span_of(p.value) for p in conflict.positions]
        return any(x != y and x[0] <= y[1] and y[0] <= x[1] for x, y in combinations(spans, 2))

    def position_slot(self, group: Entry, groups: list[Entry]) -> tuple[Said, Slot]:
        """As any kind's; where a weekday counted from no date or a guessed one takes part,
        every weekday is shown by its name (they were compared by name)."""
        said, slot = super().position_slot(group, groups)
        by_name = any(guessed_day(s, t) for g in groups for s, t in g)
        if by_name and isinstance(slot, DateSlot) and slot.day_name:
            return said, replace(slot, anchored=False)
        return said, slot

    def shown(self, slot: DateSlot) -> str:  # type: ignore[override]
        if not slot.anchored and slot.day_name:
            return slot.day_name.title()
        weekday = f" ({slot.weekday.title()})" if slot.weekday else ""
        last = f" to {slot.last}" if slot.last else ""
        return BOUND_SHOWN.get(slot.bound, "") + slot.value + last + weekday

    def same_value(self, x: Entry, y: Entry) -> bool:
        return any((s.value, s.last, s.weekday) ==  # type: ignore[attr-defined]
                   (t.value, t.last, t.weekday) for _, s in x for _, t in y)

    def explain(self, slots: list[Slot]) -> str:
        if any(not getattr(s, "anchored", True) for s in slots):
            return self.undated_reason
        return self.reason

    def topic(self, slots: list[Slot]) -> str:
        event = next((s.event for s in slots if s.event), "")
        return f"date of {event}" if event else "date"


def year_slip(x: DateSlot, y: DateSlot) -> bool:
    """One day of one month, written a year apart: the commonest slip of a date ("with effect
    from Jan 23, 2024" in an article of January 2025, against "from 23 Jan"), not two events
    a week's rule could tell apart."""
    return len(x.value) == len(y.value) == 10 and x.value[5:] == y.value[5:] and \
        abs(int(x.value[:4]) - int(y.value[:4])) == 1 and x.explicit and y.explicit


def dates_another_act(said: Said, mine: Slot, theirs: Slot) -> bool:
    """The statement reports the other's dated act too, undated, and dates an act of its own:
    its date is not of that act ("suspected of shooting three people at the firm where he
    was fired last week" / "shot three people on Monday"; "last week" dates the firing)."""
    return bool(theirs.event) and any(s.event == theirs.event for s in said.slots) and not any(
        s.kind == mine.kind and s.event == theirs.event for s in said.slots)


def two_sayings(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Dates of saying, each its report's day or the day before, in reports of days further
    apart (or of no known day): each dates the speaker's latest word ("said on Wednesday" /
    "indicated on Saturday"), and a speaker says things more than once."""
    mine, theirs = a.own_date, b.own_date
    if not (mine and theirs):
        return True
    if days_between(mine, theirs) <= 1:
        return False
    return all(days_between(slot.value, day) <= 1 and slot.value <= day
               for day, slot in ((mine, x), (theirs, y)))


def guessed_day(said: Said, slot: Slot) -> bool:
    """The slot's day was counted from a publication date the chain inferred, or from none."""
    return (said.inferred_date or not getattr(slot, "anchored", True)) and \
        getattr(slot, "relative", False)


def coarsest(x: str, y: str) -> tuple[str, str]:
    """Two dates at the precision of the less precise one ("2020-07" and "2020-07-15" are
    one month)."""
    size = min(len(x), len(y))
    return x[:size], y[:size]


def spans_overlap(x: DateSlot, y: DateSlot) -> bool:
    """One of the two is a span of days ("Jan 14-18"), the other a day inside it ("Jan 17")."""
    if not (x.last or y.last) or len(x.value) < 10 or len(y.value) < 10:
        return False
    return x.value <= (y.last or y.value) and y.value <= (x.last or x.value)


def date_within(x: DateSlot, y: DateSlot) -> bool:
    """`y`'s date lies inside the bound `x` states ("by Dec 19" and "on Dec 17"; "by Dec 19"
    and "after Dec 2")."""
    bound, other = coarsest(x.value, y.value)
    if x.bound == "upper":
        return y.bound == "upper" or other <= bound
    if x.bound == "lower":
        return y.bound == "lower" or other >= bound
    return False


def same_day_of_year(a: Said, x: DateSlot, b: Said, y: DateSlot) -> bool:
    """"Oct 15" read as this year agrees with "Oct 15, 2021": the year was only guessed. Not
    when the day without its year falls within a month of its article's publication date, so
    that the year is the one the article was written in ("appointed with effect from 23 Jan"
    in an article of Jan 23, 2025 against "from Jan 23, 2024")."""
    guessed = [(s, t) for s, t in ((a, x), (b, y)) if not re.search(r"\b\d{4}\b", t.shown)]
    if any(s.own_date and days_between(t.value, s.own_date) <= CURRENT_DAYS
           for s, t in guessed):
        return False
    return x.explicit and y.explicit and bool(guessed) and len(x.value) == len(y.value) > 7 \
        and x.value[5:] == y.value[5:]
