"""Figures given as a range: "three to four minutes", "between five and 12 years", "30 to 35
minutes", "20,000 to 30,000 people", and the ages of a group, "aged between 19 and 57". One
slot per range, its low end as the value and its high end as `to`; the figures the range is
made of are not read as figures of their own (`number_slots.in_range`).

The ranges policy (`numbers.Numbers.agree`): two ranges of one key agree when both ends do
("aged between 19 and 57" and "aged between 20 and 58" disagree); a figure agrees with a range
it falls in, a bound with a range it overlaps.
"""

from __future__ import annotations

from typing import Any

from .figures import MULTIPLIERS, measure_unit, number_value, unit_of, word_value
from .number_slots import COUNT, INTERVAL, countable, interval_of, is_hedged, is_number, rate_of
from .parse import event_of, slot_base
from .slots import NumberSlot

# Words between the two ends: "three to four", "5-7", "between 19 and 57".
LINKS = {"to", "-", "–"}
# The key of the ages of a group ("aged between 19 and 57"): not one person's age ("age").
AGES = "ages"
# Words a group's ages hang on: "aged between 19 and 57", "ages 18 to 25".
AGE_WORDS = {"aged", "age", "ages"}
# Entities whose figures are no range of a count or measure ("5% to 7%", "$5 to $7").
NOT_RANGES = {"ORDINAL", "PERCENT", "MONEY"}
# Entities whose figures range over a measure only ("three to four minutes"), not a count
# ("2 to 3 pm", "the 1990s to 2000s").
MEASURES_ONLY = {"DATE", "TIME"}


def range_slots(doc: Any) -> list[NumberSlot]:
    """Every range of a parsed statement."""
    slots = []
    for low in doc[:-2]:
        high = ends_range(low)
        if high is None:
            continue
        high, values = multiplied(low, high)
        if values[0] is None or values[1] is None or not 0 <= values[0] < values[1]:
            continue
        slot = ages_range(low, high, values) or amount_range(low, high, values)
        if slot is not None:
            slots.append(slot)
    return slots


def multiplied(low: Any, high: Any) -> tuple[Any, tuple[float | None, float | None]]:
    """The range's last figure word and both values: "20 to 30 thousand", "between 2 and 3.5
    million" multiply both ends by the word after the high one (a low end with its own
    multiplier, "2 million to 3 million", keeps it)."""
    doc = low.doc
    after = doc[high.i + 1] if high.i + 1 < len(doc) else None
    if after is None or after.lower_ not in MULTIPLIERS:
        return high, (number_value(low), number_value(high))
    value = number_value(low)
    plain = value is not None and value == word_value(low.lower_)
    factor = word_value(after.lower_) or 1.0
    return after, (value * factor if plain and value is not None else value,
                   number_value(after))


def ends_range(low: Any) -> Any:
    """The high end of the range `low` begins ("three" of "three to four minutes"; "19" of
    "between 19 and 57"), or None. A day of a month ("Mar 3 to 4") begins none."""
    doc = low.doc
    link, high = doc[low.i + 1], doc[low.i + 2]  # `range_slots` stops two words before the end
    before = doc[low.i - 1] if low.i > 0 else None
    if not (is_number(low) and is_number(high)) or \
            {low.ent_type_, high.ent_type_} & NOT_RANGES:
        return None
    if link.lower_ not in LINKS and not (link.lower_ == "and" and before is not None
                                         and before.lower_ == "between"):
        return None
    if before is not None and (before.pos_ == "PROPN" or is_number(before)):
        return None  # "Mar 3 to 4", "services 14, 52 and 88"
    return high


def ages_range(low: Any, high: Any, values: tuple[float, float]) -> NumberSlot | None:
    """"aged between 19 and 57", "ages 18 to 25": the ages of a group of people."""
    doc = low.doc
    aged = next((t for t in doc[max(low.i - 2, 0):low.i] if t.lower_ in AGE_WORDS), None)
    if aged is None or values[1] >= 120:
        return None
    # "women, aged between 19 and 57, were detained": the ages of the women, who were detained.
    people = aged.head if aged.dep_ in ("amod", "acl") else aged
    return NumberSlot(key=AGES, value=values[0], to=values[1], shown=doc[aged.i:high.i + 1].text,
                      context=frozenset({"age"}), **slot_base(event_of(people)))


def amount_range(low: Any, high: Any, values: tuple[float, float]) -> NumberSlot | None:
    """"three to four minutes", "20,000 to 30,000 people": a range of a measure or a count,
    keyed as a figure of its unit is (`number_slots.quantity_slots`)."""
    # The parser hangs the unit on either end ("three to four minutes": on four; "between
    # five and 12 years": on five, 12 a conjunct of it).
    unit = next((u for u in (unit_of(high), unit_of(low))
                 if countable(u) and 0 < u.i - high.i <= 2), None)
    if unit is None:
        return None
    measured = [measure_unit(v, unit) for v in values]
    if measured[0] is not None and measured[1] is not None:
        every = low.i > 0 and low.doc[low.i - 1].lower_ == "every"  # "every three to four minutes"
        key = INTERVAL if every else interval_of(unit, measured[0][0]) or measured[0][0]
        amounts = measured[0][1], measured[1][1]
    elif low.ent_type_ in MEASURES_ONLY:
        return None
    else:
        key, amounts = COUNT + unit.lemma_.lower(), values
    start = low.i - 1 if low.i > 0 and low.doc[low.i - 1].lower_ == "between" else low.i
    return NumberSlot(key=key + rate_of(unit), value=amounts[0], to=amounts[1],
                      shown=low.doc[start:unit.i + 1].text, hedged=is_hedged(low),
                      **slot_base(event_of(unit)))
