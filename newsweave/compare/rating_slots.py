"""Ratings on a named scale: an earthquake's magnitude ("a magnitude 6.1 earthquake", "a
6.1-magnitude quake", "a magnitude of 5.9", "measured 5.8 on the Richter scale") and a storm's
category ("a Category 4 hurricane").

Agencies and outlets give one quake different magnitudes (a preliminary 5.9, a revised 6.1),
and a reader must see them; 6.0 and 6.1 are two readings, so ratings are compared exactly
(`numbers.Numbers.figures_agree`). The figure of a rating counts nothing: "a magnitude 6.1
earthquake" is not 6.1 earthquakes, and the count readers skip it (`is_rating`).
"""

from __future__ import annotations

from typing import Any

from .figures import number_value
from .parse import event_of, slot_base
from .slots import NumberSlot

RATING = "rating: "  # the key of a rating: "rating: " and its scale
# Words naming a scale before the figure ("magnitude 6.1", "Category 4"): the scale.
SCALE_BEFORE = {"magnitude", "category"}
# A rating of these is a rating of another event than the main shock or storm.
OTHER_EVENTS = {"aftershock"}


def rating_slots(doc: Any) -> list[NumberSlot]:
    """Every rating of a parsed statement."""
    slots = []
    for token in doc:
        found = rating_at(token)
        value = number_value(token) if found else None
        if found is None or value is None:
            continue
        scale, start, end = found
        shocks = [t for t in (token.head, token.head.head) if t.lower_ in OTHER_EVENTS]
        key = RATING + scale + (f" of {shocks[0].lower_}" if shocks else "")
        slots.append(NumberSlot(key=key, value=value, shown=doc[start:end + 1].text,
                                **slot_base(event_of(token))))
    return slots


def rating_at(token: Any) -> tuple[str, int, int] | None:
    """The scale a figure rates on ("magnitude", "category") and the first and last token of
    its words ("magnitude 6.1", "magnitude of 5.9", "6.1-magnitude", "5.8 on the Richter
    scale", "Category 4"); None for any other figure."""
    if not (token.like_num and any(c.isdigit() for c in token.text)):
        return None
    doc, i = token.doc, token.i
    before = [t.lower_ for t in doc[max(i - 2, 0):i]]
    after = [t.lower_ for t in doc[i + 1:i + 5]]
    if before and before[-1] in SCALE_BEFORE:
        return before[-1], i - 1, i
    if before == ["magnitude", "of"]:
        return "magnitude", i - 2, i
    if after[:1] in (["magnitude"], ["-"]) and "magnitude" in after[:2]:
        return "magnitude", i, i + after.index("magnitude") + 1
    if after[:3] == ["on", "the", "richter"]:
        return "magnitude", i, i + (4 if after[3:4] == ["scale"] else 3)
    return None


def is_rating(token: Any) -> bool:
    """The figure rates on a scale: it counts and measures nothing."""
    return rating_at(token) is not None
