"""Statements -> ordinal slots: "the third leadership change", "the change ... is the second".

An ordinal places one thing in a series, and a story has many series (phases, tranches,
birthdays, meetings), so two ordinals are only compared when their statements are aligned into
one fact and they rank the same noun (the key: "ordinal of change") narrowed by the same
adjectives (`context`); "the second tranche" and "the sixth distribution" rank two things, as do
"his first overseas trip" and "his second trip". Ordinals are exact: the third is not the second.
"first" as an adverb ("when he first arrived") ranks nothing. Compared by `numbers.Numbers`.
"""

from __future__ import annotations

import re
from typing import Any

from ..dating import MONTHS
from ..words import UNNARROWING
from .parse import event_of, slot_base
from .slots import NumberSlot

ORDINAL = "ordinal of "  # the key of an ordinal: "ordinal of " and the ranked noun
WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
         "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
# Links from an ordinal standing alone to the noun it ranks through the verb "be": "the
# change is the second", "the second was the change".
COPULA_ROLES = {"attr", "acomp", "nsubj"}


def ordinal_slots(doc: Any) -> list[NumberSlot]:
    """Every ordinal of a parsed statement that ranks a noun it names."""
    slots = []
    for token in ordinal_tokens(doc):
        value = ordinal_value(token.lower_)
        noun = ranked_noun(token)
        if value is None or noun is None:
            continue
        slots.append(NumberSlot(key=ORDINAL + noun.lemma_.lower(), value=value,
                                shown=doc[token.i:noun.i + 1].text if noun.i > token.i
                                else token.text, context=qualifiers(noun, token),
                                **slot_base(event_of(token))))
    return slots


def ordinal_tokens(doc: Any) -> list[Any]:
    """Ordinals the parser tagged as such, and figures with an ordinal ending whatever their
    tag ("on the 12th floor" is tagged as the date "the 12th") outside a date with a month;
    `ranked_noun` then tells them from days ("on the 12th" ranks nothing)."""
    tagged = {ent[0].i for ent in doc.ents if ent.label_ == "ORDINAL" and len(ent) == 1}
    in_days = {t.i for ent in doc.ents if ent.label_ == "DATE" and MONTHS.search(ent.text.lower())
               for t in ent}
    written = {t.i for t in doc if DIGITS.fullmatch(t.text) and t.i not in in_days}
    return [doc[i] for i in sorted(tagged | written)]


def qualifiers(noun: Any, ordinal: Any) -> frozenset[str]:
    """The adjectives that narrow the series ("first overseas trip" ranks overseas trips, not
    trips: Putin's "second trip" to a country is no rival of it)."""
    return frozenset(c.lemma_.lower() for c in noun.children
                     if c.dep_ == "amod" and c.i != ordinal.i and c.ent_type_ != "ORDINAL"
                     and c.lemma_.lower() not in UNNARROWING)


def ordinal_value(word: str) -> float | None:
    if word in WORDS:
        return float(WORDS[word])
    match = DIGITS.fullmatch(word)
    return float(match[1]) if match else None


def ranked_noun(token: Any) -> Any:
    """The noun the ordinal ranks: the one it modifies ("third leadership change"), or the
    subject it is said of ("the change ... is the second"); None for an adverb ("first
    arrived") or an ordinal of nothing named."""
    if token.pos_ == "ADV" or token.dep_ in ("advmod", "npadvmod"):
        return None
    head = token.head
    if token.dep_ in ("amod", "nummod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        return head
    if token.dep_ in COPULA_ROLES and head.lemma_ == "be":
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i != token.i), None)
        if subject is not None and subject.pos_ == "NOUN":
            return subject
    return None
