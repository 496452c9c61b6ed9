"""What kind of thing a name is, read off its head noun in English.

The small recogniser types little-known names by guess: roads and rail lines as organisations,
schemes and laws as organisations, local places as people. The head noun of a name of two words
or more says what it names whatever the recogniser said ("X Road" is a facility, "X Scheme" a
programme, "X Ministry" an organisation). The head is the word before "of" or "for" ("School of
Public Policy", "Port of Tanjung Pelepas") or, when that word says nothing ("Control of Supplies
Act"), the last word, figures aside ("Hougang Avenue 5", "Control of Supplies Act 1961"); a
Malay road word heads the name it opens ("Jalan Reka").

Strength of the cue by kind:
  LAW, PROGRAMME, PRODUCT  any label gives way (a courtesy title aside: "Mr Grant" stays a
                  person)
  FAC (routes)    any label gives way: a road, a line, a station is never a body
  LOC             a person, body, event or product gives way; a GPE or a facility stays
                  ("X City" may be a cinema)
  ORG             anything but a GPE gives way ("European Union" may stay a GPE)
  FAC, institutions ("X Hospital", "X Hotel")  only a person gives way: a body is a fair type
  EVENT           any label gives way in that mention ("X Festival", "X Air Show" tagged a
                  place, a body or a facility)
"""

from __future__ import annotations

import re
from typing import Any

from .words import (
    BODY_NOUNS,
    EVENT_HEADS,
    FACILITY_HEADS,
    LAW_HEADS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    PLATFORM_NOUNS,
    PLATFORM_VERBS,
    PRODUCT_HEADS,
    PROGRAMME_HEADS,
    REPORTING,
    ROUTE_HEADS,
    ROUTE_LEADS,
    TITLES,
    VESSEL_NOUNS,
    VESSEL_PREFIXES,
    text_between,
)

# Labels a head noun of each kind overrides; None: every label.
OVERRIDES: dict[str, frozenset[str] | None] = {
    "LAW": None, "PROGRAMME": None, "ROUTE": None, "PRODUCT": None,
    "LOC": frozenset({"PERSON", "ORG", "EVENT", "PRODUCT", "NORP"}),
    "ORG": frozenset({"PERSON", "LOC", "FAC", "EVENT", "PRODUCT", "NORP"}),
    "FAC": frozenset({"PERSON"}),
    "EVENT": frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP", "PRODUCT"}),
}
KIND_LABEL = {"ROUTE": "FAC"}
# Verbs of saying a "person" after "on" is the platform of ("wrote on Reka"; tune half: four
# stories' "Twitter" listed as a person).
SAYING_VERBS = frozenset({"say", "write", "tweet", "react"})
# Nouns of an epidemic a name qualifies ("the Covid pandemic", "the Reka virus outbreak"): the
# name is the disease's, an event, not a person or body (tune half: 5 "COVID-19" bodies).
EPIDEMIC_NOUNS = frozenset({"pandemic", "epidemic", "outbreak"})
# Nouns that measure out goods ("a tin of X", "a bottle of X", "four pieces each of X"): what
# they hold is a product, never a body, a person or a place (tune half: a hamper's tea and a
# platter's dumplings typed as bodies).
PORTIONS = frozenset({"tin", "can", "bottle", "jar", "box", "pack", "packet", "bag", "carton",
                      "sachet", "cup", "glass", "mug", "bowl", "plate", "piece", "slice",
                      "serving", "portion", "scoop", "loaf", "tub", "pot", "bar", "stick"})
# ", 38," or ", aged 38," right after a name: a person's age, the way news copy gives it; not a
# list of figures (", 12, 14").
AGE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,\s*(?![\d(])")
# Relatives a name is set beside ("his son, Hunter").
KIN = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                 "child", "grandson", "granddaughter", "grandmother", "grandfather", "partner",
                 "girlfriend", "boyfriend", "fiance", "fiancee", "widow", "widower", "uncle",
                 "aunt", "nephew", "niece", "cousin", "spouse"})
# Verbs a speaker is the subject of.
SPEAKING = REPORTING | {"ask", "tweet", "argue", "deny", "admit", "reply", "respond", "tell"}
# Words before a name that cite it as the source of a report: an outlet ("told CNA",
# "according to Lianhe Zaobao", "queries from The Straits Times").
SOURCE_CUES = (("told",), ("according", "to"), ("reported", "by"), ("quoted", "by"),
               ("queries", "from"), ("interview", "with"))
# "(S$33.80)", "($17.90)", "(RM28)" right after a name: the price of a product on sale.
PRICE = re.compile(r"\s*\(\s*(?:[A-Z]{0,3}\$|RM|USD|SGD|US\$|£|€)\s?\d")


def head_kind(tokens: tuple[str, ...]) -> str | None:
    """The kind a name's head noun says ("LAW", "PROGRAMME", "ROUTE", "LOC", "ORG", "FAC",
    "PRODUCT", "EVENT"), or None; a Malay road word opening it ("Jalan X") is a route's head. Names of
    one word have no head to read."""
    words = [t for t in tokens if not t.isdigit()]
    if len(words) < 2:
        return None
    if words[0] in ROUTE_LEADS:
        return "ROUTE"
    linked = [i for i, w in enumerate(words) if w in ("of", "for") and i > 0]
    kind = noun_kind(words[linked[0] - 1]) if linked else None
    return kind or noun_kind(words[-1])


def noun_kind(word: str) -> str | None:
    for kind, heads in (("LAW", LAW_HEADS), ("PROGRAMME", PROGRAMME_HEADS),
                        ("ROUTE", ROUTE_HEADS), ("ORG", ORGANISATION_HEADS),
                        ("LOC", PLACE_HEADS), ("FAC", FACILITY_HEADS),
                        ("PRODUCT", PRODUCT_HEADS), ("EVENT", EVENT_HEADS)):
        if word in heads:
            return kind
    return None


def noun_cue_label(ent: Any, label: str) -> str:
    """The label a common noun beside the name gives it, over the recogniser's guess: a place
    or route noun the name qualifies ("Bulan island", "Hume station": a place, a facility) for
    a "person", body or nationality, and a place noun right before a "person" ("the island
    Reka"); a noun of goods it qualifies ("Nutella tarts", "Earl Grey cake": a product) for a
    "person" ("German cookies", a brand's "X cookies" keep theirs); a body noun right before a
    "person" ("non-profit organisation Helping Hands", "brand Momo"), goods it owns ("Reka's
    tarts") or a platform's nouns and verbs ("Reka user X", "posted on Reka") for a body.
    Acronyms qualify nouns as owners ("an HDB estate") and keep their label."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    noun = qualified_noun(ent)
    if label in ("PERSON", "ORG", "NORP") and noun is not None and not ent.text.isupper():
        kind = noun_kind(noun.lower_) or noun_kind(noun.lemma_.lower())  # "stations", "cities"
        if kind in ("LOC", "ROUTE") or kind == "PRODUCT" and label == "PERSON":
            return KIND_LABEL.get(kind, kind)
    if label != "PRODUCT" and measured_out(ent):
        return "PRODUCT"
    if label in ("PERSON", "ORG") and after is not None and after.lower_ in EPIDEMIC_NOUNS:
        return "EVENT"  # an acronym too: "the COVID-19 pandemic"
    before = doc[ent.start - 1].lower_ if ent.start else ""
    if label == "PERSON" and (before in BODY_NOUNS or platform_noun(ent) or sells(ent)
                              or body_appositive(ent)):
        return "ORG"
    if label == "PERSON" and noun_kind(before) == "LOC" and doc[ent.start - 1].is_lower:
        return "LOC"  # "offshore island Reka": a place noun names what the name is
    if label == "PERSON" and posted_on(ent, SAYING_VERBS):
        return "ORG"  # "wrote on Reka": a person is said things to, not said on
    return "ORG" if label in ("PERSON", "NORP", "GPE", "LOC") and posted_on(ent) else label


def first_listed(ent: Any) -> Any:
    """The head word of the first name of the list the name is in ("Reka" of "Reka, Baru
    and Lima"), or the name's own head word."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root


def measured_out(ent: Any) -> bool:
    """The name is what a noun measuring out goods holds, with a figure or an article before
    that noun ("a tin of X", "two bottles of X", "four pieces each of X, Y and Z"): goods, a
    product. Not a name qualifying the noun held ("a cup of X coffee", "a piece of X
    history")."""
    root = first_listed(ent)  # a name listed after another is held as the first one is
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of":
        return False
    noun = of.head if of.head.lower_ != "each" else of.head.head  # "four pieces each of X"
    return noun.is_lower and noun.lemma_.lower() in PORTIONS and any(
        c.dep_ in ("det", "nummod") for c in noun.children)


def qualified_noun(ent: Any) -> Any:
    """The common noun the name qualifies, or None: right after it ("Bulan island"), after an
    acronym ("Reka MRT stations"), or after the other names listed with it ("between Reka and
    Baru stations", where the noun qualified is the first name's)."""
    root = first_listed(ent)  # a name listed after another qualifies what the first does
    noun = root.head
    between = ent.doc[ent.end:noun.i]
    if root.dep_ not in ("compound", "nmod", "amod") or noun.i < ent.end or \
            not noun.is_lower or noun.pos_ != "NOUN":
        return None
    return noun if all(t.is_title or t.is_upper or t.dep_ == "cc" or t.text == ","
                       for t in between) else None


def body_appositive(ent: Any) -> bool:
    """A body noun stands beside the name as its appositive ("a newspaper, Reka Ilbo",
    "Reka Labs, an organisation that ..."): a body, which the recogniser may call a person."""
    root = ent.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    return any(t.is_lower and t.lemma_ in BODY_NOUNS for t in nouns)


def sells(ent: Any) -> bool:
    """The name owns goods ("Reka's pineapple tarts", "Reka's Festive Collection"): a brand or
    a shop, which the recogniser tags as a person. People titled so ("Mr Tan's cookies") are
    people before this is read."""
    root = ent.root
    return root.dep_ == "poss" and noun_kind(root.head.lower_) == "PRODUCT"


def platform_noun(ent: Any) -> bool:
    """The name qualifies what is posted or kept on a platform ("a Reka post", "Reka user X",
    "my Reka account"): a platform's name. Places and nationalities qualify such nouns too
    ("Singapore users", "Chinese users"), so only a "person" is read so."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in PLATFORM_NOUNS and \
        ent.root.head.i == after.i and ent.root.dep_ in ("compound", "nmod", "amod")


def posted_on(ent: Any, verbs: frozenset[str] = PLATFORM_VERBS) -> bool:
    """The name stands after "on", "via" or "to" that a verb of posting governs, directly or
    through its object ("posted on Reka", "shared the recipe on Reka", "uploaded to Reka"):
    a platform's name. With `SAYING_VERBS`, for a "person" ("wrote on Reka", "said on
    Reka"): a place or a nationality there may be the topic ("wrote on Reka's economy")."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in ("on", "via", "to"):
        return False
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    return verb.pos_ == "VERB" and verb.lemma_ in verbs


def head_label(tokens: tuple[str, ...], label: str, titled: bool) -> str:
    """The label of a mention once its head noun has been read: "Sungai Ara Line" tagged a
    person or an organisation is a facility, "Baby Bonus Scheme" a programme, "Hock Seng
    Holdings" tagged a person an organisation. A courtesy title keeps a person ("Mr Lee
    Tower")."""
    kind = head_kind(tokens)
    if kind is None or titled:
        return label
    overridden = OVERRIDES[kind]
    if overridden is not None and label not in overridden:
        return label
    return KIND_LABEL.get(kind, kind)


def name_label(tokens: tuple[str, ...]) -> str | None:
    """The type an entity's shown name fixes across all its mentions, when its head is one that
    no recogniser label outweighs (a law, a programme, a route): "Parenthood Provisional
    Housing Scheme" stays a programme though its acronym was tagged an organisation."""
    kind = head_kind(tokens)
    return KIND_LABEL.get(kind, kind) if kind is not None and OVERRIDES[kind] is None else None


def with_age(ent: Any) -> bool:
    """The name is followed by an age ("Fei Wang, 38, a Chinese national"): a person, whatever
    the recogniser said, as after a courtesy title."""
    return AGE.match(text_between(ent.doc, ent.end_char, ent.end_char + 20)) is not None


def priced(ent: Any) -> bool:
    """The name is followed by a price in brackets ("the Golden Trio Collection (S$38)"): a
    product on sale, which the recogniser tags as a body, a place or a person."""
    return PRICE.match(text_between(ent.doc, ent.end_char, ent.end_char + 12)) is not None


def vessel_named(ent: Any) -> bool:
    """The name is a ship's: a prefix opens it or stands before it ("M/V X", "USS X"), or a
    vessel noun stands right before it ("the bulker X"). Ships are products, as spaCy's
    scheme types vehicles; the recogniser calls them bodies, places or people."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start else ""
    return ent[0].lower_ in VESSEL_PREFIXES and len(ent) > 1 or before in VESSEL_PREFIXES or \
        (before in VESSEL_NOUNS and ent.root.dep_ not in ("compound", "amod"))


def named_as_person(ent: Any) -> bool:
    """The words around the name say a person is meant: it says something ("Smith said",
    "said Smith"), a title or an office stands before it ("King Abdullah", "Vice President
    Smith", "Deputy Public Prosecutor J Smith"), or it is set beside a relative ("his wife,
    Jacqueline"). Bodies speak too ("the ministry said"), so this only attests a one-word name
    the recogniser already calls a person."""
    doc, root = ent.doc, ent.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEAKING:
        return True
    start = ent.start
    while start > 1 and len(doc[start - 1].text.rstrip(".")) == 1:
        start -= 1  # initials between the title and the name
    before = doc[start - 1] if start else None
    if before is not None and (before.lemma_.lower() in SPEAKING and before.tag_ == "VBD"
                               or before.lower_ in TITLES) or \
            len(ent) > 1 and ent[0].lower_ in TITLES:  # the title inside the name
        return True
    kin = [root.head] if root.dep_ == "appos" else []
    kin += [c for c in root.children if c.dep_ == "appos"]
    return any(t.lemma_.lower() in KIN for t in kin)


def cited_as_source(ent: Any) -> bool:
    """The name is cited as a report's source ("told ST", "according to Lianhe Zaobao",
    "Ulasan.co reported"), and not as a modifier ("told Indonesian media"). People are cited so
    too ("told Mr Tan"): `entity_forms.settle_outlets` weighs it over all mentions."""
    doc = ent.doc
    if ent.root.dep_ in ("compound", "amod", "nmod"):
        return False
    before = [t.lower_ for t in doc[max(ent.start - 3, 0):ent.start] if t.lower_ != "the"]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return after == "reported" or any(before[-len(cue):] == list(cue) for cue in SOURCE_CUES)


def seat_in_brackets(ent: Any) -> bool:
    """The name stands in brackets right after a person's name, alone or joined by hyphens
    or dashes to other names ("MP Ana Reyes (Reka West)", "Mr Tan (Reka Ris-Punggol GRC)",
    "Ms Lim (PAP-Reka Baru)"): the person's seat or home, with its party."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start > max(ent.start - 4, 0) and joined_name_word(doc[start - 1]):
        start -= 1
    while end < min(ent.end + 4, len(doc)) and joined_name_word(doc[end]):
        end += 1
    return start >= 2 and end < len(doc) and doc[start - 1].text == "(" and \
        doc[end].text == ")" and doc[start - 2].ent_type_ == "PERSON" and \
        doc[start - 2].is_title  # "Deputy Prime Minister II (Datuk X)": the holder


def joined_name_word(token: Any) -> bool:
    return token.text in ("-", "–", "—") or token.is_upper or token.is_title


def place_company(ent: Any) -> str:
    """A place cue from the names around the name: "(" when it stands in brackets right after
    a person's name (`seat_in_brackets`: the person's seat or home), "and" when it is listed
    with places and no person ("in Boon Lay, Buona Vista and Reka Ris", "between Bishan and
    Reka"); "" otherwise. The small model tags such little-known places as people; only such
    a "person" without a head noun of its own is read."""
    if ent.label_ != "PERSON" or head_kind(tuple(t.lower_ for t in ent)) is not None:
        return ""  # bodies listed with places ("Israel and Hamas") and "X Bakery" keep theirs
    if seat_in_brackets(ent):
        return "("
    listed = {t.ent_type_ for t in ent.root.conjuncts if not ent.start <= t.i < ent.end}
    return "and" if listed & {"GPE", "LOC"} and "PERSON" not in listed else ""
