"""What one recogniser mention's span says of the name, read off the parse around it.

Cues over a single mention, which `entity_forms.collect_forms` weighs: a courtesy title or an
office word before it (a person), a dateline (a place), a preposition of place before it, a
possessive after it; and the span's extent: a one-word "person" that is the tail of a longer
name, a "person" qualifying a counted noun, an office's field run into a person's name, the
piece of a person's name the recogniser left off, and a name that is only a piece of a longer
one the recogniser did not see ("Reka" of "Reka Bus Interchange") or the words opening it
that it left off ("Inland" of "Inland Navigation Safety Board"); and two mentions the
recogniser cut from one name ("CNN" + "Philippines").
"""

from __future__ import annotations

import re
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
    text_between,
)

# Words that stand before a name as a title: `words.TITLES` and the offices' short forms.
NAME_TITLES = TITLES | OFFICE_SHORT_FORMS
# A "person" right after one of these is a place the small model mistyped ("in Kampong Reka").
PLACE_PREPOSITIONS = {"in", "at", "along", "near", "around", "across", "towards", "toward"}
# A dateline closed by a colon ("KOTA REKA: ..."), which `words.DATELINE` (a dash) leaves.
COLON_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}:\s")
# Labels whose name keeps its kind when another name follows it as part of it ("Hilton
# Hotel" + "Kuala Lumpur", "Amnesty International" + "Kenya"); any other name takes the kind
# of the name it qualifies ("U.S." + "District Court", "Marina" + "Kovalchuk") unless that
# is a place ("Ong Kah" + "Leng" read as a place).
OWN_KIND = {"ORG", "FAC"}
# What may run into a person's name as part of it: a piece of the name, or a given name the
# recogniser typed a place ("Marina" + "Kovalchuk"). A people ("American" + "Joe Smith") or a
# body ("Rear Admiral" + X) qualifies the person; it is no part of the name.
INTO_PERSON = {"PERSON", "GPE", "LOC"}
# Words for the people of a body or place, which a name qualifies as it does an office ("Reka
# Party Members of Parliament", "Reka Residents"): the name is no piece of a longer one.
MEMBERS = {"member", "resident", "citizen", "supporter", "voter"}
# Generational suffixes that end a person's name.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


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
    noun of its own ("minister Reka Holdings") stays what its head says, and so does a name
    that qualifies a noun after it ("chief Reka House correspondent X")."""
    if ent.start == 0 or len(ent) < 2 or head_kind(tuple(t.lower_ for t in ent)) is not None \
            or ent.root.dep_ == "compound" and ent.root.head.i >= ent.end:
        return False  # "chief Reka House correspondent X": the name qualifies a noun after it
    before = ent.doc[ent.start - 1]
    return before.lower_ in OFFICES and (before.is_lower or before.is_upper)


def dateline(ent: Any) -> bool:
    """A name in capitals opening a line of a dateline ("KOTA REKA, Feb 2 - ...", "KOTA REKA:
    ..."): a place, which the small model often calls an organisation."""
    if not ent.text.isupper():
        return False
    before = text_between(ent.doc, ent.start_char - 40, ent.start_char).rstrip(" \t")
    opening = text_between(ent.doc, ent.start_char, ent.start_char + 60)
    return (ent.start_char == 0 or not before or before.endswith("\n")) and \
        (DATELINE.match(opening) is not None or COLON_DATELINE.match(opening) is not None)


def dateline_run(ent: Any) -> Any:
    """A dateline's place in capitals whole: the words in capitals of no entity that the
    recogniser left off after it ("KOTA" + "REKA: ..."). Elsewhere the mention as it is: a
    headline in capitals runs on in capitals too."""
    doc, end = ent.doc, ent.end
    while ent.text.isupper() and end < ent.sent.end and doc[end].is_alpha and \
            doc[end].is_upper and not doc[end].ent_type_:
        end += 1
    if end == ent.end:
        return ent
    run = doc[ent.start:end]
    run.label_ = ent.label_
    return run if dateline(run) else ent


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


def person_at_end(ent: Any, people: set[str]) -> Any:
    """A person's name the story names on its own that ends a mention of another kind, and
    the words before it an office's field the recogniser ran into it ("Member of Parliament
    Reka Tan" read as the body "Parliament Reka Tan"): the person's name alone. Otherwise the
    mention as it is."""
    if ent.label_ == "PERSON":
        return ent
    for start in range(ent.start + 1, ent.end - 1):
        tail = ent.doc[start:ent.end]
        field = ent.doc[ent.start:start]
        if all(t.is_title and not t.is_stop for t in field) and fold(tail.text) in people:
            tail.label_ = "PERSON"
            return tail
    return ent


def name_piece(ent: Any) -> bool:
    """A one-word "person" right after another capitalised word that is no title and no name
    of its own is the tail of a longer name the recogniser broke ("Santa Cruz" read as
    "Cruz", "Storm Alba" as "Alba")."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.pos_ == "PROPN" and before.is_title and not before.is_sent_start and \
        not before.ent_type_ and before.lower_.rstrip(".") not in NAME_TITLES


def qualifies_next_name(ent: Any) -> bool:
    """A "person" run straight into a capitalised word is the first part of
    a longer name the recogniser cut ("Reka West SMC MP", "Reka Bedok MRT station", "Reka
    Butter Cookies"): a person's name is seldom followed by another capitalised word, a
    generational suffix ("Jr") or a possessive aside. Call it after the name's span is
    complete (`whole_name`), so that a surname the recogniser left off is not read so."""
    doc, last = ent.doc, ent[-1]
    if ent.end >= len(doc) or possessive(ent) or \
            not (last.is_title or last.is_upper):  # "King Abdullah of" + "Saudi Arabia"
        return False
    after = doc[ent.end]
    return capitalised(after) and after.lower_.rstrip(".") not in SUFFIXES


def cut_from_longer_name(ent: Any) -> bool:
    """A name, not a person's, that the recogniser cut from a longer one: a capitalised word
    of no entity and no office runs straight on after it ("Reka" + "Beech tree", "Reka" +
    "Grumman"), or a capitalised word of no entity stands right before it with no office among
    the words before that ("Old" + "Reka Bakery", "Former" + "Reka Factory"). Acronyms are no
    such pieces: a name before one is what it names ("Reka MRT station", "Reka West GRC"), and
    one qualifies names it is no part of ("BCA Green Mark"). A line in title case says nothing
    of where names end."""
    doc, sent = ent.doc, ent.sent
    words = [t for t in sent if t.is_alpha]
    if sum(t.is_title or t.is_upper for t in words) > 0.6 * len(words) or possessive(ent):
        return False
    after = doc[ent.end] if ent.end < sent.end else None
    before = doc[ent.start - 1] if ent.start > sent.start else None
    return after is not None and capitalised(after) and not after.ent_type_ and \
        ent[-1].is_title and not after.is_upper and not office_word(after) or \
        before is not None and capitalised(before) and not before.ent_type_ and \
        before.pos_ not in ("DET", "PRON", "ADP", "CCONJ") and \
        not any(office_word(t) for t in doc[max(before.i - 4, sent.start):before.i + 1])


def capitalised(token: Any) -> bool:
    """A capitalised word that is not the first word of its sentence (after any quote
    mark or bracket opening it)."""
    opening = all(t.is_punct for t in token.doc[token.sent.start:token.i])
    return token.is_alpha and not opening and \
        (token.is_title or token.is_upper and len(token) > 1)


def office_word(token: Any) -> bool:
    """A title, an office or a word for a body's members ("Mr", "Minister", "Residents")."""
    word = token.lower_.rstrip(".")
    return word in NAME_TITLES or word.removesuffix("s") in OFFICES | MEMBERS


def piece_of_name(ent: Any) -> bool:
    """A name, not a person's, that only opens a longer name no entity covers: it qualifies
    a run of capitalised proper nouns right after it, of no entity, no office and no members
    (`MEMBERS`), that ends in a capitalised word ("Reka" of "Reka Bus Interchange",
    "Chinese" of "Chinese University of X"). An acronym ending the run is the name's kind
    ("Reka West GRC" is the constituency of Reka West; "Reka MRT station"); acronyms qualify
    names they are no part of ("BCA Green Mark", "PAP Reka branch"), and a place or body
    before an office keeps its mention ("US Trade Representative X")."""
    if ent.text.isupper():
        return False
    doc, end = ent.doc, ent.end
    run = end
    while run < len(doc) and run - end < 4 and (doc[run].is_title or doc[run].is_upper) and \
            doc[run].pos_ == "PROPN" and not doc[run].ent_type_ and not doc[run].is_sent_start:
        run += 1
    while run > end and not doc[run - 1].is_title:
        run -= 1
    return run > end and ent.root.head.i in range(end, run) and not possessive(ent) and \
        not any(office_word(t) for t in doc[end:run])


def adjoined(ents: Any) -> list[Any]:
    """The recogniser's mentions, with two that stand side by side as one name joined: the
    first qualifies a word of the second ("Ong Kah" + "Leng", "U.S." + "District Court",
    "Marina" + "Kovalchuk", "CNN" + "Philippines"), with only a space between them and no
    possessive ("North Korea's Kim" stays two). An office's field names no person ("Secretary
    of State" + "X": "State" hangs on "of", not on the name). Not into a person's name after
    a people or an organisation ("American" + "X"; an affiliation or a title: "Rear Admiral" +
    "X", "for Home Affairs" + "X") or before a title, which opens a name ("Reka Chief
    Minister" + "Datuk Seri X"). The caller passes names only: "2025 Budget" is a year and a
    name."""
    joined: list[Any] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and one_name(last, ent):
            label = last.label_ if last.label_ in OWN_KIND or ent.label_ == "GPE" \
                else ent.label_
            joined[-1] = ent.doc[last.start:ent.end]
            joined[-1].label_ = label
        else:
            joined.append(ent)
    return joined


def one_name(first: Any, second: Any) -> bool:
    """`first` runs into `second` as one name (see `adjoined`)."""
    doc = first.doc
    if second.start != first.end or not doc[first.end - 1].whitespace_ or possessive(first) \
            or first.root.dep_ not in ("compound", "amod", "nmod") \
            or first.root.head.i not in range(second.start, second.end):
        return False
    if second.label_ != "PERSON":
        return True
    return first.label_ in INTO_PERSON and second[0].lower_.rstrip(".") not in \
        NAME_TITLES | HONORARY_TITLES


def with_left_words(ent: Any) -> Any:
    """A name, not a person's, with the capitalised words of no entity that open it and that
    the recogniser left off ("Inland" + "Navigation Safety Board", "Liberal" + "Democrat",
    "North" + "Korean"): words that qualify the name, no title or office, no stop word
    ("Just Reka" of a shop), not opening the sentence. Not across "and": "Police and Reka
    Affairs Department" are two names."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start + 1 and ent.end - start < 8:
        before = doc[start - 1]
        if before.head.i not in range(start, ent.end) or before.pos_ not in ("PROPN", "ADJ") \
                or not before.is_title or before.is_sent_start or before.ent_type_ or \
                before.is_stop or before.lower_.rstrip(".") in NAME_TITLES | OFFICES:
            break
        start -= 1
    return doc[start:ent.end]


def glued_word(ent: Any) -> Any:
    """The lower-case word a "person" runs into across a hyphen with no space ("Moon Jae-in",
    "Beau-tea cupcakes", "Mar-a-Lago"), or None. Participles and adjectives ("Reka-led",
    "Reka-backed", "Reka-friendly") qualify a noun with the name; they are no part of it."""
    doc, end = ent.doc, ent.end
    if end + 1 >= len(doc) or doc[end].text not in ("-", "‐") or \
            doc[end].idx != ent.end_char or doc[end + 1].idx != doc[end].idx + 1:
        return None
    word = doc[end + 1]
    glued = word.is_alpha and word.is_lower and word.tag_ not in ("VBN", "VBD", "JJ")
    return word if glued else None


def hyphened_name(ent: Any) -> Any:
    """A person's name of two words or more with the syllable after its hyphen ("Moon Jae" +
    "-in"); a one-word "person" glued to a lower-case word is a piece of a longer word
    ("Beau-tea", "Mar-a-Lago") and gives None."""
    word = glued_word(ent)
    if word is None:
        return ent
    if len(ent) > 1 and len(word) <= 3:
        return ent.doc[ent.start:word.i + 1]
    return None


def verb_form(ent: Any) -> bool:
    """One word the tagger reads as a verb's participle or past form ("Coping with the loss,
    ...", "Sharing her story, ..."): a capitalised verb opening a clause, no name."""
    return len(ent) == 1 and ent[0].tag_ in ("VBG", "VBN", "VBD")


def counted_name(ent: Any) -> bool:
    """A "person" or body counted with "a" or "an" and heading its own phrase ("passed a
    Bill", "as a Party, we"): a common noun capitalised, not a name. A name qualifying a noun
    after it ("a Reka post") is read by `qualifies_counted_noun`; acronyms by
    `entity_forms.counted_acronyms`."""
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return before in ("a", "an") and ent.label_ in ("PERSON", "ORG") and \
        not ent.text.isupper() and ent.root.head.i < ent.end


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
