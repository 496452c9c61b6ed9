"""Attribute slots: what kind of thing an event involves, from the noun's modifiers ("toured a
fighter jet factory" vs "a bomber factory"). More specific is not a conflict ("factory" vs
"jet factory"); only two differing, unrelated modifiers are, in one fact or in statements of
one event that name the same people or places."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from ..words import REPORTING, fold
from .kind import EventKind
from .parse import event_of, slot_base
from .slots import AttributeSlot, Said, Slot

# Two modifiers spelled alike (armoured/armored) are one modifier, not a disagreement.
MODIFIER_SAME_RATIO = 80.0


def attribute_slots(doc: Any) -> list[AttributeSlot]:
    """Things named with noun modifiers under an event: 'toured a fighter jet factory'."""
    slots = []
    for token in doc:
        # Plural things may be of several kinds ("drones" of two types): singular only.
        if token.tag_ != "NN" or token.dep_ not in ("dobj", "pobj", "conj", "attr"):
            continue
        # "a five-year cycle" is a length of time, not a kind of cycle.
        modifiers = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and not any(t.like_num for t in c.subtree)]
        verb = event_of(token)
        if not modifiers or verb is None or fold(verb.lemma_) in REPORTING:
            continue
        words = frozenset(fold(m.lemma_) for m in modifiers for m in m.subtree
                          if m.pos_ == "NOUN" and m.i < token.i)
        shown = doc[min(m.left_edge.i for m in modifiers):token.i + 1].text
        slots.append(AttributeSlot(key=f"kind of {token.lemma_.lower()}", value=words,
                                   shown=shown, **slot_base(verb)))
    return slots


def modifiers_agree(x: frozenset[str], y: frozenset[str]) -> bool:
    """More specific is not a conflict: only two differing, unrelated modifiers are."""
    if not x or not y or x & y or x <= y or y <= x:
        return True
    left, right = " ".join(sorted(x)), " ".join(sorted(y))
    return left in right or right in left or fuzz.token_set_ratio(left, right) >= \
        MODIFIER_SAME_RATIO


class Attributes(EventKind):
    name = "attribute"
    reason = "the same thing is described as different kinds, neither more specific"

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        del published
        return list(attribute_slots(doc))

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """Across facts, one event only where both statements name the same people or places:
        one verb with no names meets many things of one name ("stuffed with a plum jam" /
        "stuffed with an apricot jam": two pastries). On the tune half of the labelled stories
        both attribute disagreements shown across facts were such pairs (no name shared), and
        none of the labelled ones was found there; "the bridge ... hit by a gravel barge" /
        "the bridge ... hit by a grain barge" share their names and are compared."""
        return bool(a.names & b.names) and super().across_facts(a, x, b, y)

    def agree(self, a: Said, x: AttributeSlot, b: Said, y: AttributeSlot) -> bool:
        return modifiers_agree(x.value, y.value)
