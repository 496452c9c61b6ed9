"""Capitalised words that are no names: common nouns and headings the story also writes in
lower case, ordinary words set in capitals, and acronyms the story counts or spells out as
common nouns. `entity_forms` drops the forms these read as common words."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .words import INITIALS_SKIP, fold

if TYPE_CHECKING:
    from .entity_forms import Form

def counted_acronyms(docs: list[Any]) -> set[str]:
    """Acronyms the story counts like common nouns, heading a phrase after "a" or "an" ("a
    GRC", "an SME", "a PAB"): the short form of a common noun, not a name. A name in capitals
    takes "a" only before the noun it qualifies ("an HDB flat", "a DBS account")."""
    return {t.text for doc in docs for t in doc
            if t.is_upper and t.is_alpha and len(t) > 1 and t.dep_ != "compound"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)}


def word_cases(docs: list[Any]) -> dict[str, list[int]]:
    """Per folded word: how often the story writes it in lower case, and capitalised inside
    a sentence."""
    cases: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc in docs:
        for t in doc:
            if t.is_alpha and (t.text.islower() or not t.is_sent_start):
                cases[fold(t.text)][0 if t.text.islower() else 1] += 1
    return cases


def common_words(form: Form, cases: dict[str, list[int]], text: str) -> bool:
    """A heading or a common noun capitalised ("Expiry Date", "Households", "Government"), not
    a name: the story also writes it in lower case - a one-word form at least as often as
    capitalised inside a sentence ("Lim" is never "lim"), a longer one as the same phrase
    ("expiry date"; "People's Action Party" never as "people's action party"). A "person"
    or an unpriced product whose every word the story also writes in lower case is a heading
    or a common noun ("Gift Box", "Carrot Cake", "News"), unless a courtesy title names it a
    person ("Mr Law"); so is a "nationality" whose every word the story writes in lower case
    at least half as often as capitalised ("Cheese" in a list of flavours): informal posts
    quoted in a story write a real one in lower case now and then ("chinese ppl"), rarely
    that often; a product priced once is named on sale ("Golden Trio Set (S$38)"). Acronyms
    ("US", "WHO") are names, unless the story spells one out in lower case ("certificates of
    entitlement (COE)": a common noun's short form) or it is a word in capitals (`shouted`)."""
    if form.text.isupper():
        return spelled_in_lower_case(form.text, text) or shouted(form, cases, text)
    if form.label == "NORP" and all(2 * cases.get(t, (0, 0))[0] >= cases.get(t, (0, 0))[1] > 0
                                    for t in form.tokens):
        return True  # "Cheese" in a list of flavours; "chinese ppl" in a quoted post aside
    if (form.label == "PERSON" or form.label == "PRODUCT" and not form.priced) and \
            not form.titled and \
            all(cases.get(t, (0, 0))[0] for t in form.tokens):
        return True  # "Sushi Box", "Gift Lantern", "News": every word also written as a word
    if len(form.tokens) > 1:
        phrase = form.text.lower()
        return phrase in text and re.search(rf"\b{re.escape(phrase)}\b", text) is not None
    lower, capital = cases.get(form.tokens[0], (0, 0))
    return lower > 0 and lower >= capital


def shouted(form: Form, cases: dict[str, list[int]], text: str) -> bool:
    """An ordinary word set in capitals for emphasis ("indulgent and TASTY snacks"), which the
    recogniser takes for an acronym: the story writes the word in lower case at least as
    often as capitalised. Function words ("WHO", "US", "IT") are acronyms whatever their
    lower-case twins, and so is one the story introduces in brackets ("New Environment Action
    Team (NEAT)")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    word = form.tokens[0]
    lower, capital = cases.get(word, (0, 0))
    return len(form.tokens) == 1 and len(word) > 2 and word not in STOP_WORDS and \
        lower > 0 and lower >= capital and f"({form.text})" not in text


def spelled_in_lower_case(acronym: str, text: str) -> bool:
    """Does the text spell the acronym out in lower-case words just before it in brackets
    ("non-governmental organisation (NGO)")?"""
    found = re.finditer(rf"((?:[\w-]+\s+){{1,8}})\(\s*{re.escape(acronym)}\s*\)", text)
    for match in found:
        words = match.group(1).split()
        for n in range(1, len(words) + 1):
            if not words[-n].islower():
                break
            parts = [p for w in words[-n:] for p in re.split(r"[-–]", w) if p]
            if acronym.lower() in ("".join(p[0] for p in parts), "".join(
                    p[0] for p in parts if p not in INITIALS_SKIP)):
                return True
    return False
