"""Two adjacent days that may be one moment: "late Thursday" and "early Friday".

What happens around midnight is dated either side of it: one outlet writes "late Thursday"
or "Thursday night", another "early Friday" or "in the early hours of Friday", and an outlet
in a later time zone gives the next day. So a day phrase at the end of its day agrees with the
next day, and one at the start of its day with the day before. Days further apart, and
adjacent days without such a word, still differ.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..words import WEEKDAYS
from .slots import DateSlot

# Words that put a day's event at its end, at its start, or across its midnight.
LATE = {"late", "night", "tonight"}
EARLY = {"early", "dawn", "predawn", "pre-dawn"}
ACROSS = {"overnight", "midnight"}
# Words that may stand between such a word and its day: "late on Friday", "in the early hours
# of Jan 5", "just after midnight on Sunday".
LINKING = {"on", "of", "the", "in", "hours", "just", "after", "before", "around", "at", "wee",
           "small"}
LOOK_BEFORE = 5
# Any word read on the way back from a date phrase.
NEAR_WORDS = LINKING | LATE | EARLY | ACROSS


def day_edge(ent: Any) -> str:
    """"late", "early" or "both" (overnight, midnight) when the words of a date phrase, or the
    words right before or after it, put the event at an edge of its day; else ""."""
    doc = ent.doc
    words = [t.lower_ for t in ent]
    start = ent.start
    while start > ent.sent.start and ent.start - start < LOOK_BEFORE and \
            doc[start - 1].lower_ in NEAR_WORDS:
        start -= 1
        words.append(doc[start].lower_)
    if ent.end < ent.sent.end and doc[ent.end].lower_ in LATE | ACROSS:
        words.append(doc[ent.end].lower_)  # "Saturday night", where the recogniser ends early
    found = set(words)
    late, early = bool(found & (LATE | ACROSS)), bool(found & (EARLY | ACROSS))
    return "both" if late and early else "late" if late else "early" if early else ""


def across_midnight(x: DateSlot, y: DateSlot, by_name: bool) -> bool:
    """The two are adjacent days and the earlier is dated at its end ("late Thursday") or the
    later at its start ("early Friday"). `by_name`: compare the weekdays' names (an article
    with no date to count from); else the resolved days."""
    if by_name:
        if not (x.day_name in WEEKDAYS and y.day_name in WEEKDAYS):
            return False
        days_on = (WEEKDAYS.index(y.day_name) - WEEKDAYS.index(x.day_name)) % 7
        step = {1: 1, 6: -1}.get(days_on, 0)  # Sunday is the day after Saturday
    else:
        if len(x.value) != 10 or len(y.value) != 10 or x.last or y.last:
            return False
        step = (date.fromisoformat(y.value) - date.fromisoformat(x.value)).days
    if step not in (1, -1):
        return False
    earlier, later = (x, y) if step == 1 else (y, x)
    return earlier.edge in ("late", "both") or later.edge in ("early", "both")
