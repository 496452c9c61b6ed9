"""Name slots: the people a statement names, with the role it gives them ("Mayor Jane Doe",
"the mayor, Jane Doe", "Jane Doe, the mayor").

Two statements of one fact that each name someone the other article never names disagree
about who it was ("A and B sought" vs "C and B sought"; naming fewer people is no conflict).
Speakers count too: the encoder aligned the two statements as one, so "A said" vs "C said" of
it is a misattribution. Requiring the same event for both people was measured and dropped:
paraphrases use different verbs, and name recall fell from 28/31 to 15/31. Across facts, only
people given the same office are compared ("the mayor, John Smith" vs "the mayor, Jane Doe").
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from .compare_parse import Slot, event_of, fold, slot_base

# Two spellings of one name (hyphenated or spaced given names, transliteration variants)
# score above this (rapidfuzz token_set_ratio, 0-100); different people who share one part
# of a name score lower because the other parts differ.
SAME_NAME_RATIO = 85.0
# Modifiers that say the role is not (or no longer) this person's alone.
ROLE_QUALIFIERS = {"former", "ex", "late", "then", "acting", "interim", "outgoing",
                   "incoming", "another", "other", "fellow"}
# Office nouns a title can be headed by. Why a closed list: the words the parser chains before
# a name also hold name parts and places ("Ng Chee Meng", "Johor Bahru"); only a title whose
# head is an office can exclude another. Generic, non-national office words only.
OFFICES = {
    "president", "minister", "premier", "chancellor", "mayor", "governor", "senator",
    "secretary", "director", "chairman", "chairwoman", "chairperson", "chair", "ceo", "cfo",
    "coo", "commissioner", "judge", "justice", "prosecutor", "attorney", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "commander",
    "general", "colonel", "captain", "officer", "inspector", "superintendent", "sheriff",
    "principal", "professor", "lecturer", "manager", "treasurer", "speaker", "councillor",
    "councilor", "councilman", "councilwoman", "representative", "mp", "lawmaker",
    "legislator", "executive", "coach", "bishop", "archbishop", "consul", "envoy", "auditor",
    "controller", "comptroller", "registrar", "provost", "rector", "editor", "administrator",
    "magistrate"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "madam", "sir", "mdm"}


def name_slots(doc: Any) -> list[Slot]:
    slots = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = frozenset(w for t in ent if t.is_alpha and (w := fold(t.text))
                          not in HONORIFICS)
        if not words:
            continue
        # "former minister X": the role does not single the person out, but X is still
        # named as a participant of the statement.
        role, unique = role_of(ent) or ((), False)
        base = slot_base(event_of(ent.root))
        # `context` holds an office one person fills ("the mayor"); only such roles link
        # different facts ("TikTok user X" is one of many users).
        office = unique and bool(role) and role[-1] in OFFICES
        slots.append(Slot("name", "who", words, ent.text.removesuffix("'s").removesuffix("’s"),
                          False, context=frozenset(role) if office else frozenset(),
                          role=" ".join(role), **base))
    return slots


def role_of(ent: Any) -> tuple[tuple[str, ...], bool] | None:
    """The role words given to the person (empty when none) and whether the role is held by
    one person ("the mayor", "Prime Minister X"; not "a passenger", "Passenger X"); None when
    a qualifier says the role is shared or past."""
    titles = title_before(ent)
    words, unique = list(titles), len(titles) > 1 or bool(titles) and not titles[0].is_sent_start
    root = ent.root
    nouns = ([root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []) + \
        [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for noun in nouns:
        words += [c for c in noun.children if c.dep_ in ("compound", "amod")] + [noun]
        unique = unique or any(c.dep_ == "poss" or c.lower_ == "the" for c in noun.children)
    folded = tuple(fold(t.lemma_) for t in words if t.is_alpha)
    if any(w in ROLE_QUALIFIERS for w in folded):
        return None
    return tuple(w for w in folded if w not in HONORIFICS), unique


def title_before(ent: Any) -> list[Any]:
    """'Prime Minister' in 'Prime Minister Lawrence Wong': the modifiers right before the
    name that attach to it."""
    doc, words = ent.doc, list[Any]()
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod") and i < doc[i].head.i < ent.end \
            and doc[i].pos_ in ("PROPN", "NOUN", "ADJ"):
        words.insert(0, doc[i])
        i -= 1
    return words


def same_person(x: frozenset[str], y: frozenset[str], x_shown: str = "",
                y_shown: str = "") -> bool:
    """Subset ("Wong" / "Lawrence Wong"), one spelling with other spacing ("Wen Jie" /
    "Wenjie"), or a close fuzzy match."""
    if x <= y or y <= x:
        return True
    if x_shown and re.sub(r"[\W_]", "", fold(x_shown)) == re.sub(r"[\W_]", "", fold(y_shown)):
        return True
    return fuzz.token_set_ratio(" ".join(sorted(x)), " ".join(sorted(y))) >= SAME_NAME_RATIO


def named_in(words: frozenset[str], text: str) -> bool:
    """Every word of the name occurs in the (folded) article text."""
    return all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
