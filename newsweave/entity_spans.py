"""What one recogniser mention's span says of the name, read off the parse around it.

Cues over a single mention, which `entity_forms.collect_forms` weighs: a courtesy title or an
office word before it (a person), a dateline (a place), a preposition of place before it, a
possessive after it; and the span's extent: a one-word "person" that is the tail of a longer
name, a "person" qualifying a counted noun, an office's field run into a person's name, and the
piece of a person's name the recogniser left off.
"""

from __future__ import annotations

from typing import Any

from .entity_kinds import head_kind
from .words import (
    DATELINE,
    HONORARY_TITLES,
    HONORIFICS,
    OFFICE_SHORT_FORMS,
    OFFICES,
    TITLES,
    fold,
)

# Words that stand before a name as a title: `words.TITLES` and the offices' short forms.
NAME_TITLES = TITLES | OFFICE_SHORT_FORMS
# A "person" right after one of these is a place the small model mistyped ("in Kampong Reka").
PLACE_PREPOSITIONS = {"in", "at", "along", "near", "around", "across", "towards", "toward"}


def after_title(ent: Any) -> bool:
    """A courtesy title or an office's short form before or opening the name: "Mr Tan", "MOS
    Gan" are people whatever the recogniser says (the small model often tags such names as
    places or organisations)."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    titles = HONORIFICS | OFFICE_SHORT_FORMS
    return before in titles or (len(ent) > 1 and ent[0].lower_.rstrip(".") in titles)


def after_office(ent: Any) -> bool:
    """An office word written in lower case or in capitals right before a name of two words
    or more ("MP Nadia Samdin", "party chief Pritam Singh", "president Ana Reyes") names a
    person, though the small model tags such names as bodies. A capitalised office word may
    open the name of a body ("General Motors" read as "Motors"), and a name with a head
    noun of its own ("minister Reka Holdings") stays what its head says."""
    if ent.start == 0 or len(ent) < 2 or head_kind(tuple(t.lower_ for t in ent)) is not None:
        return False
    before = ent.doc[ent.start - 1]
    return before.lower_ in OFFICES and (before.is_lower or before.is_upper)


def dateline(ent: Any) -> bool:
    """A name in capitals opening a line of a dateline ("KOTA REKA, Feb 2 - ..."): a place,
    which the small model often calls an organisation."""
    if not ent.text.isupper():
        return False
    text = ent.doc.text
    before = text[max(ent.start_char - 40, 0):ent.start_char].rstrip(" \t")
    return (ent.start_char == 0 or not before or before.endswith("\n")) and \
        DATELINE.match(text[ent.start_char:ent.start_char + 60]) is not None


def placed(ent: Any) -> str:
    """The preposition of place before the name ("in Kampong Reka", "along Jalan Tenang": a
    "person" there is a place the small model mistyped), or "": "at Tan's stall" is a
    person's."""
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return before if before in PLACE_PREPOSITIONS and not possessive(ent) else ""


def possessive(ent: Any) -> bool:
    """The span ends in a possessive, or one follows it ("Tan's", "Tan 's")."""
    doc = ent.doc
    return ent[-1].tag_ == "POS" or ent[-1].text.endswith(("'s", "’s")) or \
        (ent.end < len(doc) and doc[ent.end].tag_ == "POS")


def name_piece(ent: Any) -> bool:
    """A one-word "person" right after another capitalised word that is no title and no name
    of its own is the tail of a longer name the recogniser broke ("Santa Cruz" read as
    "Cruz", "Storm Alba" as "Alba")."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.pos_ == "PROPN" and before.is_title and not before.is_sent_start and \
        not before.ent_type_ and before.lower_.rstrip(".") not in NAME_TITLES


def qualifies_counted_noun(ent: Any) -> bool:
    """A "person" qualifying a noun counted with "a" or "an" ("a Hougang flat", "a Zoom
    wedding", "a Good Heart crewmember") names a place or a thing: a person's name before a
    noun comes with "the" ("the Trump administration"), rarely with "a"."""
    root = ent.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i >= ent.end and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.head.children)


def field_trimmed(ent: Any, cases: dict[str, list[int]]) -> Any:
    """A person's name without the last word of an office's field the recogniser ran into it
    ("Minister for Culture, Community and Youth Edwin Tong" read as "Youth Edwin Tong"): a
    first word the story also writes in lower case, when an office's field ("minister for",
    "MP of") runs up to the name in capitalised words. "and Tan Kiat How" stays whole."""
    if len(ent) < 3 or not cases.get(fold(ent[0].text), (0, 0))[0]:
        return ent
    doc = ent.doc
    window = doc[max(ent.sent.start, ent.start - 10):ent.start]
    words = [t.lower_ for t in window]
    fields = [i for i in range(len(words) - 1)
              if words[i].rstrip(".") in OFFICES and words[i + 1] in ("for", "of")]
    if fields and all(t.is_title or t.lower_ in ("and", ",", "&")
                      for t in window[fields[-1] + 2:]):
        return doc[ent.start + 1:ent.end]
    return ent


def whole_name(ent: Any) -> Any:
    """A person's name of two or more words with the piece the recogniser left off next to it
    ("Tan Wei" + "Ming", "Ng" + "Hui Ling"): a capitalised proper noun of no entity of its
    own, no title. Not after a possessive ("X's Hotel") or before "of" (the "X School of
    Y"). On the left only where a name can begin (after a verb, punctuation or a courtesy
    title, not after "for", "the" or another capitalised word), so an office's field stays off
    ("Minister for Education Chan Chun Sing")."""
    doc, start, end = ent.doc, ent.start, ent.end
    # The parser tags such a last piece as anything (an adverb, a conjunction) and may even
    # start a sentence at it.
    if end < len(doc) and loose_name_word(doc[end]) and not possessive(ent) and \
            not (end + 1 < len(doc) and doc[end + 1].lower_ == "of"):
        end += 1
    before = doc[start - 1] if start else None
    if before is not None and loose_name_word(before) and before.pos_ == "PROPN" and \
            not before.is_stop and (start == 1 or doc[start - 2].is_punct
                                    or doc[start - 2].pos_ in ("VERB", "AUX")
                                    or doc[start - 2].lower_.rstrip(".") in HONORIFICS):
        start -= 1  # "Ms Low" + "Yen Ling": a surname that is also a word
    return doc[start:end]


def loose_name_word(token: Any) -> bool:
    """A capitalised word that no entity claims and that is no title."""
    return token.is_alpha and token.is_title and not token.ent_type_ and \
        token.lower_ not in NAME_TITLES | HONORARY_TITLES
