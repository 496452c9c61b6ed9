"""Time-of-day slots: the clock time of an event or of a statement ("alerted at about 6.05am",
"said in a post at 9.12am", "back to normal at 12 noon").

Outlets take a time from one statement, post or police reply, so two minutes for one moment
are two readings a reader must see, hedged or not: "at about 6.10am" and "at about 6.05am"
give two different times. A time written to the hour ("7am", "noon") is rounded and agrees
with any time within half an hour of it; a hedged time on a quarter hour ("around 10.30am") is
rounded too, within a quarter of an hour (as a hedged round figure is, `numbers.vague`). The time of a statement (said, posted, reported) is
one event whatever the verb, compared within one fact only (a source posts many updates a
day, each at its own time). A span of hours ("from 7am to 9am"), a bound ("by 9pm") and a
time naming a thing ("the 7am train") are not the time of an event; two statements dated on
different days, and two times more than an hour apart, speak of two moments.
"""

from __future__ import annotations

import re
from typing import Any

from ..words import REPORTING, fold
from .kind import EventKind, compatible_subjects
from .parse import event_of, slot_base
from .signals import dated_apart
from .slots import Entry, Said, Slot, TimeSlot

CLOCK = re.compile(r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s?"
                   r"(?P<half>[ap])\.?\s?m\b\.?", re.IGNORECASE)
MIDDAY = re.compile(r"\b(?:12\s?)?(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
# Words before a time that make it approximate (shown, but no wider agreement: see above).
HEDGES = {"about", "around", "approximately", "roughly", "some", "nearly", "almost", "circa",
          "approx"}
# Prepositions that make a time a bound or one end of a span, not a moment.
SPAN_WORDS = {"from", "to", "till", "until", "between", "by", "before", "after", "since",
              "through", "past"}
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "poss", "nummod"}
# A time written to the hour agrees with any time this many minutes from it; a hedged time on
# a quarter hour ("around 10.30am") with any time a quarter of an hour from it.
HOUR_MINUTES = 30
QUARTER_MINUTES = 15
# Two times of one fact further apart than this are two moments (cf. SAME_EVENT_DAYS).
SAME_MOMENT_MINUTES = 60
# Every verb of saying or posting dates one act: the statement.
STATEMENT = "say"


def clock_times(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, minutes after midnight, rounded) of each clock time written in `text`."""
    found = []
    for match in CLOCK.finditer(text):
        hour, minute = int(match["hour"]), match["minute"]
        if not 1 <= hour <= 12:
            continue
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        found.append((match.start(), match.end(), hour * 60 + int(minute or 0), minute is None))
    for match in MIDDAY.finditer(text):
        found.append((match.start(), match.end(),
                      0 if match["word"].lower() == "midnight" else 12 * 60, True))
    return sorted(found)


def a_moment(span: Any) -> bool:
    """The time is when something happened: not a span's end, a bound or a noun's modifier."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in SPAN_WORDS or (root.dep_ == "pobj" and root.head.lower_ in SPAN_WORDS):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in ("to", "-", "–", "and"):
        return False  # "7am to 9am", "between 7am and 9am"
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    return not all(t.dep_ in NOUN_MODIFIER_DEPS and t.head.pos_ in ("NOUN", "PROPN")
                   for t in outside)


def time_slots(doc: Any) -> list[TimeSlot]:
    slots = []
    for start, end, minutes, rounded in clock_times(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not a_moment(span):
            continue
        verb = event_of(span.root)
        base = slot_base(verb)
        if verb is not None and fold(verb.lemma_) in REPORTING:
            base["event"] = STATEMENT
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        slots.append(TimeSlot(key="time", value=minutes, rounded=rounded, shown=span.text,
                              **(base | {"hedged": before in HEDGES})))
    return slots


def same_time(x: TimeSlot, y: TimeSlot) -> bool:
    return abs(x.value - y.value) <= max(leeway(x), leeway(y))


def leeway(slot: TimeSlot) -> int:
    """Minutes a time may be off: to the hour, a hedged quarter hour, else exact."""
    if slot.rounded:
        return HOUR_MINUTES
    return QUARTER_MINUTES if slot.hedged and slot.value % QUARTER_MINUTES == 0 else 0


class Times(EventKind):
    name = "time"
    reason = "the same moment is given different clock times"
    eventless_comparable = False

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        del published
        return list(time_slots(doc))

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        if x.additive or y.additive or dated_apart(a, b):
            return False  # another act of the kind, or the same hour of two days
        return super().comparable(a, x, b, y)

    def across_verbs(self, x: Slot, y: Slot) -> bool:
        """One time each in one fact, under two verbs: one moment when one actor is named
        ("the operator said at 8.14am" / "the operator gave an update at 8.13am")."""
        return compatible_subjects(x.subjects, y.subjects)

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """A source says or posts many things in a day: times of statements are compared
        within one fact only; other events across facts when they are one event."""
        return x.event != STATEMENT and super().across_facts(a, x, b, y)

    def agree(self, a: Said, x: TimeSlot, b: Said, y: TimeSlot) -> bool:  # type: ignore[override]
        """One time, or two moments: times more than an hour apart are a morning update and
        an evening one, not one moment misreported."""
        return same_time(x, y) or abs(x.value - y.value) > SAME_MOMENT_MINUTES

    def entries_agree(self, x: Entry, y: Entry) -> bool:
        """Two statements agree when they give one time, or when every pair of their times is
        two moments ("broke down at 6.20am" agrees with nothing said of 8.13am)."""
        pairs = [(s, t) for _, s in x for _, t in y]
        return any(same_time(s, t) for s, t in pairs) or \
            all(abs(s.value - t.value) > SAME_MOMENT_MINUTES for s, t in pairs)  # type: ignore

    def joins(self, group: Entry, entry: Entry, related: bool) -> bool:
        """A statement joins a position that gives its time, not one an hour away."""
        del related
        return any(same_time(s, t) for _, s in group for _, t in entry)  # type: ignore[arg-type]

    def topic(self, slots: list[Slot]) -> str:
        event = next((s.event for s in slots if s.event), "")
        return f"time of {event}" if event else "time"
