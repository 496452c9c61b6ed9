"""Attribute slots: what kind of thing an event involves, from the noun's modifiers ("toured a
fighter jet factory" vs "a bomber factory"). More specific is not a conflict ("factory" vs
"jet factory", "a metal bar" vs "a steel bar"), nor the same meaning in other words ("jail
term" / "prison term"); only two differing, unrelated modifiers are, in one fact or in
statements of one event that name the same people or places."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from ..words import FACILITY_HEADS, REPORTING, fold
from .kind import Encode, EventKind
from .parse import event_of, slot_base
from .slots import AttributeSlot, Said, Slot

# Entity labels of named places and buildings.
PLACE_LABELS = {"FAC", "ORG", "LOC", "GPE"}
# The key of a thing named in apposition ("the plane, an Airbus A320,"): "name of " and
# the noun; names of people, peoples, dates and figures are other kinds' or none.
NAMED = "name of "
NOT_THINGS = {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
              "ORDINAL"}
# The key of a named place of one kind ("named hospital"): `facility_slots`.
FACILITY = "named "
# The key of a nationality given to a thing or person: "nationality of " and the noun.
NATIONALITY = "nationality of "
# Two modifiers spelled alike (armoured/armored) are one modifier, not a disagreement.
MODIFIER_SAME_RATIO = 80.0
# Modifiers naming a whole class of things: outlets rewriting a report generalise ("a steel
# bar" -> "a metal bar", "a pistol" -> "a weapon"), which says less, not something else.
CLASS_WORDS = frozenset({
    "metal", "material", "substance", "chemical", "vehicle", "aircraft", "vessel", "weapon",
    "firearm", "device", "equipment", "machine", "structure", "building", "property",
    "animal", "food", "drug", "fuel"})
# Why: two modifiers whose words the encoder reads this alike say one thing in other words
# ("prison" / "jail" 0.84, "retirement" / "pension" 0.82, "murder" / "homicide" 0.88), while
# kinds of one class stay below ("pistol" / "rifle" 0.68, "morning" / "evening" 0.68,
# "plum" / "apricot" 0.63, "fighter jet" / "bomber" 0.52). Chosen on invented word pairs
# (tests/test_compare.py): the labelled stories hold no modifier pair of either sort.
SYNONYM_COSINE = 0.75
# A class word and a member of its class read at least this alike ("metal" / "steel" 0.65,
# / "copper" 0.48; "weapon" / "knife" 0.57; "aircraft" / "bomber" 0.52); a member of another
# class does not ("metal" / "wooden" 0.38, / "plastic" 0.43, / "glass" 0.40).
MEMBER_COSINE = 0.45


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


def facility_slots(doc: Any) -> list[AttributeSlot]:
    """Named places of one kind under an event: "taken to Tan Tock Seng Hospital" and "taken
    to Northfield General Hospital" name two hospitals, and neither holds the other (a city
    and its district would, which is why place names without such a head are not read)."""
    slots = []
    for ent in doc.ents:
        head = ent[-1]
        if ent.label_ not in PLACE_LABELS or len(ent) < 2 or \
                head.lower_ not in FACILITY_HEADS:
            continue
        verb = event_of(head)
        if verb is None or fold(verb.lemma_) in REPORTING:
            continue
        words = frozenset(fold(t.text) for t in ent[:-1] if t.is_alpha and t.lower_ != "the")
        slots.append(AttributeSlot(key=f"{FACILITY}{head.lower_}", value=words,
                                   shown=ent.text.removeprefix("the "), **slot_base(verb)))
    return slots


def nationality_slots(doc: Any) -> list[AttributeSlot]:
    """One thing or person given a nationality under an event: "a Danish company" / "a
    Norwegian company", "a 34-year-old Malaysian man" / "Singaporean man", "the victim, a
    Malaysian," / "a Singaporean"."""
    slots = []
    for token in doc:
        if token.tag_ != "NN":
            continue
        peoples = [c for c in token.children if c.dep_ in ("amod", "appos")
                   and c.ent_type_ == "NORP"]
        verb = event_of(token)
        if len(peoples) != 1 or verb is None or fold(verb.lemma_) in REPORTING:
            continue
        people = peoples[0]
        shown = f"{token.text}, {people.text}" if people.dep_ == "appos" else \
            f"{people.text} {token.text}"  # "victim, Malaysian" / "Malaysian man"
        slots.append(AttributeSlot(key=f"{NATIONALITY}{token.lemma_.lower()}",
                                   value=frozenset({fold(people.text)}), shown=shown,
                                   **slot_base(verb)))
    return slots


def named_thing_slots(doc: Any) -> list[AttributeSlot]:
    """A thing a statement names in apposition: "the plane, an Airbus A320," / "the plane, a
    Boeing 737,"; "the ferry, the MV Sea Star," / "the MV Ocean Star". A person's name is the
    name kind's, a nationality ("the victim, a Malaysian,") `nationality_slots`' kind."""
    slots = []
    for name in doc:
        thing = name.head
        if name.dep_ != "appos" or name.pos_ != "PROPN" or thing.tag_ != "NN" or \
                name.ent_type_ in NOT_THINGS:
            continue
        verb = event_of(thing)
        if verb is None or fold(verb.lemma_) in REPORTING:
            continue
        words = [t for t in name.subtree if t.pos_ in ("PROPN", "NUM")]
        slots.append(AttributeSlot(key=f"{NAMED}{thing.lemma_.lower()}",
                                   value=frozenset(fold(t.text) for t in words),
                                   shown=doc[words[0].i:words[-1].i + 1].text,
                                   **slot_base(verb)))
    return slots


def same_name(x: AttributeSlot, y: AttributeSlot) -> bool:
    """One name spelt two ways ("Khoo Teck Puat" / "Khoo Tek Puat")."""
    return fuzz.token_sort_ratio(modifier_text(x), modifier_text(y)) >= MODIFIER_SAME_RATIO


def modifier_text(slot: AttributeSlot) -> str:
    """The slot's modifiers as one text, the same for the same set of words."""
    return " ".join(sorted(slot.value))


def same_meaning(x: str, y: str, cosine: float) -> bool:
    """Two modifier texts one meaning: synonyms, or a class word and a member of the class."""
    return cosine >= SYNONYM_COSINE or \
        cosine >= MEMBER_COSINE and (x in CLASS_WORDS or y in CLASS_WORDS)


def with_alike_modifiers(saids: list[Said], encode: Encode | None) -> list[Said]:
    """Each attribute slot told which other modifiers of the story say the same thing
    (`same_meaning`, from the encoder's vectors of the modifier texts)."""
    texts = sorted({modifier_text(s) for said in saids for s in said.slots
                    if isinstance(s, AttributeSlot)})
    if encode is None or len(texts) < 2:
        return saids
    vectors = np.asarray(encode(texts))
    cosines = vectors @ vectors.T
    alike = {text: frozenset(other for j, other in enumerate(texts)
                             if j != i and same_meaning(text, other, float(cosines[i, j])))
             for i, text in enumerate(texts)}
    return [replace(said, slots=tuple(
        replace(s, alike=alike[modifier_text(s)]) if isinstance(s, AttributeSlot) else s
        for s in said.slots)) for said in saids]


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
    # Listed as possible differences only: outlets name one thing in other words far more
    # often than they disagree on its kind, and no word list tells which ("distress call" /
    # "mayday call", "fashion line" / "clothing line", "piracy attempt" / "hijack attempt",
    # "peace officer" / "police officer"). Every shown one read was false: 8 of 8 on the
    # ECB+ dev stories (never used to tune disagreements), "petrol station" / "gas station"
    # on the unlabelled LocalNews stories; none was shown on the labelled ones, and none of
    # their 14 labelled attribute disagreements is a pair of modifiers. Only the seed story's
    # "fighter jet factory" / "bomber factory" was real.
    possible_only = True

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        del published
        return [*attribute_slots(doc), *facility_slots(doc), *nationality_slots(doc),
                *named_thing_slots(doc)]

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """Across facts, one event only where both statements name the same people or places:
        one verb with no names meets many things of one name ("stuffed with a plum jam" /
        "stuffed with an apricot jam": two pastries). On the tune half of the labelled stories
        both attribute disagreements shown across facts were such pairs (no name shared), and
        none of the labelled ones was found there; "the bridge ... hit by a gravel barge" /
        "the bridge ... hit by a grain barge" share their names and are compared."""
        return bool(a.names & b.names) and super().across_facts(a, x, b, y)

    def with_story(self, saids: list[Said], encode: Encode | None) -> list[Said]:
        return with_alike_modifiers(saids, encode)

    def agree(self, a: Said, x: AttributeSlot, b: Said, y: AttributeSlot) -> bool:
        if x.key.startswith(NATIONALITY):  # peoples read alike are still two peoples
            return x.value == y.value
        if x.key.startswith((NAMED, FACILITY)):  # one name told more or less fully ("an
            # A320", "General Hospital"); a shared word ("Jalan Kayu" / "Jalan Besar") is not
            return x.value <= y.value or y.value <= x.value or same_name(x, y)
        return modifiers_agree(x.value, y.value) or modifier_text(y) in x.alike
