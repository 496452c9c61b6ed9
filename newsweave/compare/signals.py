"""What is known about a candidate disagreement: two statements of different articles giving
different values of one kind, as numbers a model can weigh.

Two questions decide a disagreement, and the signals speak to them:
  is it the same thing?  one fact, sentence similarity, the same event verb, shared subjects,
                         objects, names and context nouns, the hand-written comparison rule,
                         one value per statement, "also" (another event of the kind);
  is it another value?   how far apart the figures or days are, hedges and bounds, weekdays
                         resolved by rule, an inferred publication date, how alike the words
                         of the two values are, copies of one text.
None of them names a story, a place or a person: they hold for stories not seen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import numpy as np
from rapidfuzz import fuzz

from ..dating import days_between
from .kind import SlotKind, different_codes, sole
from .slots import DateSlot, NumberSlot, Said, Slot

KINDS = ("number", "date", "time", "attribute", "name", "claim")
# Words that place a statement at one moment of a developing story ("so far 23 caught",
# "initially five"): two such statements may give two true values at two times.
MOMENT = re.compile(r"\b(?:so far|as of|as at|initially|initial|previously|earlier|later|"
                    r"now|currently|latest|updated?|at least so far|by then|since)\b", re.IGNORECASE)
# Words that make a figure part of a larger one, or a rate ("including", "of them", "each").
PART = re.compile(r"\b(?:including|of whom|of them|among them|in total|a total of|in all|"
                  r"altogether|each|per|apiece|respectively)\b", re.IGNORECASE)


def jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


def cosine(a: Said, b: Said, vectors: Mapping[str, np.ndarray]) -> float:
    """Encoder cosine of the two statements (0 when either has no vector)."""
    left, right = vectors.get(a.mention.claim), vectors.get(b.mention.claim)
    if left is None or right is None:
        return 0.0
    return float(np.dot(left, right))


def value_gap(x: Slot, y: Slot) -> float:
    """How far apart the values are: |log ratio| of figures, log days of dates, else 0."""
    if isinstance(x, NumberSlot) and isinstance(y, NumberSlot) and x.value > 0 and y.value > 0:
        return abs(math.log(x.value / y.value))
    if isinstance(x, DateSlot) and isinstance(y, DateSlot):
        return math.log1p(days_between(x.value, y.value))
    return 0.0


def signals(kind: SlotKind, a: Said, x: Slot, b: Said, y: Slot,
            vectors: Mapping[str, np.ndarray], copied: bool) -> dict[str, float]:
    """The signals of one candidate pair of slots (`copied`: the two articles are copies of
    one text)."""
    dates = [s for s in (x, y) if isinstance(s, DateSlot)]
    bounded = [s for s in (x, y) if isinstance(s, NumberSlot | DateSlot) and s.bound]
    return {
        **{f"kind {name}": float(kind.name == name) for name in KINDS},
        "same fact": float(a.fact == b.fact),
        "cosine": cosine(a, b, vectors),
        "rule": float(kind.comparable(a, x, b, y)),
        "same event": float(bool(x.event) and x.event == y.event),
        "subjects": jaccard(x.subjects, y.subjects),
        "objects": jaccard(x.objects, y.objects),
        "context": jaccard(x.context, y.context),
        "names": jaccard(a.names, b.names),
        "one value each": float(sole(a, x) and sole(b, y)),
        "different codes": float(different_codes(x.subjects | x.objects,
                                                 y.subjects | y.objects)),
        "also": float(x.additive or y.additive),
        "hedged": float(x.hedged or y.hedged),
        "bound": float(bool(bounded)),
        "gap": value_gap(x, y),
        "weekday": float(any(not d.explicit for d in dates)),
        "inferred date": float(bool(dates) and (a.inferred_date or b.inferred_date)),
        "wording": fuzz.token_set_ratio(x.shown, y.shown) / 100,
        "copies": float(copied),
        "different events": float(bool(x.event and y.event) and x.event != y.event),
        "moments": float(bool(MOMENT.search(a.mention.text) or MOMENT.search(b.mention.text))),
        "parts": float(bool(PART.search(a.mention.text) or PART.search(b.mention.text))),
        "dated apart": float(dated_apart(a, b)),
    }


def dated_apart(a: Said, b: Said) -> bool:
    """The two statements carry dates of their own, on different days: two moments."""
    left = {s.value for s in a.slots if isinstance(s, DateSlot)}
    right = {s.value for s in b.slots if isinstance(s, DateSlot)}
    return bool(left and right and not left & right)
