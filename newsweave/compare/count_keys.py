"""Counts of one thing named with two nouns share a key: "20 homes" / "25 houses", "12
workers" / "15 employees" are two figures for one count. The nouns are the counted words of
the story's count slots ("count of home"); two are one when the sentence encoder reads them
as alike as near-synonyms do (`SAME_NOUN_COSINE`). A class word ("vehicle", "building") is
never merged: "5 vehicles" may hold "3 cars" and more.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import numpy as np

from .attributes import CLASS_WORDS
from .engine import components
from .kind import Encode
from .number_slots import COUNT
from .slots import NumberSlot, Said

# Why: singular nouns that name one thing read this alike ("home" / "house" 0.90, "worker" /
# "employee" 0.85, "shop" / "store" 0.86, "people" / "person" 0.83), kinds of one class and
# parts of a whole below ("man" / "woman" 0.62, "home" / "flat" 0.44, "people" / "resident"
# 0.44, "soldier" / "troop" 0.65, "year" / "season" 0.69). Chosen on invented word pairs
# (tests/test_compare_counts.py); the labelled stories hold no such pair either way.
SAME_NOUN_COSINE = 0.8


def noun_of_count(slot: object) -> str:
    """The noun of a plain count's key ("count of home" -> "home"), else ""."""
    if not isinstance(slot, NumberSlot) or not slot.key.startswith(COUNT):
        return ""
    noun = slot.key[len(COUNT):]
    return noun if noun.isalpha() and noun not in CLASS_WORDS else ""


def noun_keys(nouns: list[str], encode: Encode) -> dict[str, str]:
    """Each noun (given in alphabetical order) -> the first noun of its group of
    near-synonyms."""
    vectors = np.asarray(encode(nouns))
    cosines = vectors @ vectors.T
    alike = {(i, j) for i, j in combinations(range(len(nouns)), 2)
             if cosines[i, j] >= SAME_NOUN_COSINE}
    keys = {noun: noun for noun in nouns}
    for group in components(len(nouns), alike):
        keys.update({nouns[i]: nouns[group[0]] for i in group})
    return keys


def with_synonym_counts(saids: list[Said], encode: Encode | None) -> list[Said]:
    """The statements with the keys of counts of near-synonyms made one."""
    nouns = sorted({n for said in saids for s in said.slots if (n := noun_of_count(s))})
    if encode is None or len(nouns) < 2:
        return saids
    keys = noun_keys(nouns, encode)
    if all(k == n for n, k in keys.items()):
        return saids
    return [replace(said, slots=tuple(
        replace(s, key=COUNT + keys[n]) if (n := noun_of_count(s)) else s
        for s in said.slots)) for said in saids]
