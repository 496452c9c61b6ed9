"""Counts given as an order of magnitude: "dozens of people", "thousands of protesters",
"tens of thousands of people", "hundreds of thousands of files", "several hundred homes".

Such a count is a range (`range_slots`): the plural of a size, or "several"/"a few" of it,
means at least two of that size and fewer than ten ("hundreds" are 200 to 999, "tens of
thousands" 20,000 to 99,999; "millions" alone has no upper end that holds). Outlets write it
when they have no figure, or round one away, so it is compared as a hedged range: "hundreds of
thousands of files" disagrees with "100,000 files" and with "more than 1.8 million", not with
"half a million"; two orders of magnitude agree when their ranges overlap
(`numbers.ranges_agree`), so "tens of thousands" is not held to the ends of "20,000 to
30,000". Only counts of a noun are read ("thousands of dollars" is money and is left alone).
"""

from __future__ import annotations

from typing import Any

from .money_slots import WORDS as CURRENCIES
from .number_slots import COUNT, bound_of, countable, rate_of
from .parse import event_of, slot_base
from .slots import NumberSlot

# The size each word names, singular or plural ("hundred", "hundreds").
SIZES = {"dozen": 12.0, "ten": 10.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6,
         "billion": 1e9}
# Words that make a singular size a vague count: "several hundred", "a few thousand".
SEVERAL = {"several", "few"}
# An order of magnitude is at least two of its size and fewer than ten. "millions" and
# "billions" alone are written for any larger count too ("the millions of people who voted
# for him", of 63 million): only their low end holds.
LEAST, MOST = 2.0, 10.0
OPEN_ENDED = {"millions", "billions"}
OPEN_MOST = 1000.0


def magnitude_slots(doc: Any) -> list[NumberSlot]:
    """Every count given as an order of magnitude in a parsed statement."""
    slots = []
    for ent in doc.ents:
        if ent.label_ != "CARDINAL":
            continue
        words = [t.lower_ for t in ent]
        size, noun = magnitude_of(words), counted_noun(ent)
        if size is None or noun is None or bound_of(ent[0])[0]:
            continue  # "up to thousands" bounds no count it states
        most = OPEN_MOST if len(words) == 1 and words[0] in OPEN_ENDED else MOST
        slots.append(NumberSlot(key=COUNT + noun.lemma_.lower() + rate_of(noun),
                                value=LEAST * size, to=most * size - 1, hedged=True,
                                magnitude=True, shown=doc[ent.start:noun.i + 1].text,
                                **slot_base(event_of(noun))))
    return slots


def magnitude_of(words: list[str]) -> float | None:
    """The size an order of magnitude is counted in: 1,000 for "thousands", 10,000 for "tens
    of thousands", 100 for "several hundred"; None for anything else ("two hundred")."""
    if words and words[0] == "a":
        words = words[1:]
    if len(words) == 2 and words[0] in SEVERAL and words[1] in SIZES:
        return SIZES[words[1]]
    sizes = [w for w in words if w != "of"]
    if not sizes or not all(w.endswith("s") and w[:-1] in SIZES for w in sizes) or \
            words != " of ".join(sizes).split():
        return None
    size = 1.0
    for word in sizes:
        size *= SIZES[word[:-1]]
    return size


def counted_noun(ent: Any) -> Any:
    """The noun the order of magnitude counts: "people" of "thousands of people", "homes"
    of "several hundred homes"; None for money or no noun."""
    doc = ent.doc
    if ent.end >= len(doc):
        return None
    after = doc[ent.end]
    if after.lower_ == "of":
        noun = next((c for c in after.children if c.dep_ == "pobj"), None)
    else:
        noun = after if after.head.i == after.i or ent.root.head.i == after.i else None
    if noun is None or not countable(noun) or noun.lemma_.lower() in CURRENCIES:
        return None
    return noun
