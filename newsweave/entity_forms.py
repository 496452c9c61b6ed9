"""Entity mentions -> normalised forms: what each recogniser mention names, read off the parse.

Every spaCy mention is cleaned before merging (`entities.merge_entities` does that):
  label     a courtesy title or an age makes a person ("Mr Tan", "Tan, 38,"), a preposition
            of place a place ("in Kampong Reka"), a price a product ("Gift Set (S$38)"), a
            common noun beside it ("Reka island", "brand Reka") or a head noun its kind
            (`entity_kinds`: "X Road", "X Scheme"); a one-word person after a stray
            capitalised word, a name qualifying capitalised words no entity covers ("Reka
            Bus Interchange") and a one-word person glued to a lower-case word ("Reka-tea")
            are pieces of longer names and are dropped
  extent    two mentions side by side, the first qualifying the second, are one name ("CNN"
            + "Philippines", "U.S." + "District Court"); a person's name takes back the piece
            the recogniser left off ("Tan Wei" + "Ming", "Moon Jae" + "-in"), any other name
            the capitalised words opening it ("Inland" + "Navigation Safety Board");
            lower-case words at the edges, possessives, an owner named on its own ("Tan's
            Hillside Drive"), leading titles, datelines and a bracket left open ("X (XB") go
  splits    lists of names ("Ortiz, Orozco"), two bodies and places run together over "to"
            or "between" are cut apart
  short     a short form declared in brackets right after a name ("X Board (XBoard)") is kept
            with the form, for `entities.merge_acronyms`
  rejects   dates, figures, amounts, web addresses, office fields ("Minister for X"), offices
            ("Non-Constituency MPs", "Reka West MP"), bare titles ("II Datuk"), names
            counted with "a" ("passed a Bill"), common words capitalised in
            headings ("Expiry Date") and acronyms the story spells out in lower case
            ("certificates of entitlement (COE)") or counts ("a GRC") are no names
            (`entity_words`)
Each surviving form keeps its recogniser labels, spellings and articles (`Form`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from unidecode import unidecode

from .entity_kinds import (
    cited_as_source,
    head_kind,
    head_label,
    named_as_person,
    noun_cue_label,
    noun_kind,
    place_company,
    priced,
    vessel_named,
    with_age,
)
from .entity_spans import (
    NAME_TITLES,
    adjoined,
    after_office,
    after_title,
    counted_name,
    cut_from_longer_name,
    dateline,
    dateline_run,
    field_trimmed,
    hyphened_name,
    name_piece,
    person_at_end,
    piece_of_name,
    placed,
    qualifies_counted_noun,
    qualifies_next_name,
    verb_form,
    whole_name,
    with_left_words,
)
from .entity_words import common_words, counted_acronyms, word_cases
from .models import Story
from .toolkit import Toolkit
from .words import (
    DATELINE,
    DETERMINERS,
    HONORARY_TITLES,
    MONTH_WORDS,
    OFFICES,
    WEEKDAYS,
    fold,
    text_between,
)

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"}
# Words a minister's portfolio stands before ("Law and Home Affairs Minister X"): the words
# before are an office's field, not a body.
PORTFOLIO_OF = {"minister", "ministers"}
# Words that join the fields of one office ("Minister for Trade and Industry, as well as
# Culture, Community and Youth").
FIELD_JOINERS = {"and", "&", ",", "as", "well", "also", "of", "for"}
CURRENCY = re.compile(r"[$€£¥₹₩]")
# An amount in a currency code ("RM7,800", "S 1.5"): up to three capitals, then a figure with
# a thousands comma or a decimal point. Names with figures ("G20", "A320") have neither.
CODED_AMOUNT = re.compile(r"[A-Z]{0,3}\s?\d{1,3}(?:[,.]\d+)+")
ROMAN = re.compile(r"[ivx]{1,4}")
# Verbs a headline in title case runs into a name ("Trump Is Coming"); no name holds them.
HEADLINE_VERBS = frozenset({"is", "are", "was", "were", "will", "has", "have", "says", "said"})
# One word made from a name with a prefix ("anti-Reka", "non-Reka", "post-Soviet", "Non-Resident")
# qualifies something; it names nothing. "Pan-Reka Highway" has its own head noun.
PREFIXED = re.compile(r"(?i:anti|pro|non|post|pre)[-‐][\w.'’-]+")
WEB_ADDRESS = re.compile(r"://|\bwww\.|@")
POSSESSIVE = re.compile(r"\s*['’]s?$")
# A bracket the recogniser opened inside the span but never closed: the acronym after a name
# ("The Straits Times (ST)" read as "Straits Times (ST"), no part of the name.
UNCLOSED_BRACKET = re.compile(r"\s*\([^()]*$")
# A short form declared in brackets after a name, an owner's possessive between.
DECLARED = re.compile(r"(?:['’]s)?\s*\(\s*([A-Z][\w&]*[A-Z][\w&]*)\s*\)")
# A nickname set in quotes or brackets inside a person's name: 'Luis "Lucho" Diaz'.
NICKNAME = re.compile(r"""\s+[("“]([A-Z][\w.-]*)[)"”](?=\s)""")
# Spans the recogniser runs over a list of names ("Ortiz, Orozco") are cut at these.
NAME_LIST = re.compile(r",\s+|\s+and\s+|\s*;\s*")
# Places the recogniser runs into one span over a lower-case word of a route or a stretch.
PLACE_TO = re.compile(r"\s+to\s+(?=[A-Z])")
PLACES_BETWEEN = re.compile(r"(.+?)\s+between\s+([A-Z].*?)\s+and\s+([A-Z].*)")


@dataclass
class Form:
    """One normalised surface form and what we saw of it."""

    text: str
    tokens: tuple[str, ...]
    labels: Counter = field(default_factory=Counter)
    spellings: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    nicknames: set[str] = field(default_factory=set)  # keys of "Nickname Surname"
    titled: bool = False  # named after a courtesy title or before an age once ("Mr Law")
    # The preposition of place before each mention that has one ("in Kampong Reka": "in").
    places: Counter = field(default_factory=Counter)
    priced: bool = False  # named before a price or as a ship once ("Gift Set (S$33.80)")
    sourced: int = 0  # mentions citing it as a report's source ("told CNA")
    # named as a person once: saying something, after a title or office, beside a relative
    attested: bool = False
    # keys of the short forms an article declares in brackets after it ("Reka Board (RB)")
    declared: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def count(self) -> int:
        return sum(self.labels.values())


# Sentences the claims stage took out as the site's appeals or orders to the reader: the
# names in them (the outlet's app, a shopping guide's cakes and bakeries) are not the story's.
NOT_STORY_TEXT = {"promo", "address to the reader"}


def collect_forms(story: Story, toolkit: Toolkit) -> dict[str, Form]:
    # The full parse (not the recogniser alone) because quotes read it next from the cache.
    parsed = toolkit.english_parses(story.articles)
    docs = [doc for _, doc in parsed]
    forms: dict[str, Form] = {}
    named = {fold(POSSESSIVE.sub("", ent.text)) for doc in docs for ent in doc.ents}
    people = {fold(normalise(e.text)) for doc in docs for e in doc.ents
              if (after_title(e) or with_age(e)) and len(e) > 1}
    cases = word_cases(docs)
    for article, doc in parsed:
        unsaid = {r.text.strip() for r in article.removed if r.reason in NOT_STORY_TEXT}
        for ent in adjoined([dateline_run(e) for e in doc.ents if e.label_ in LABELS]):
            if unsaid and ent.sent.text.strip() in unsaid:
                continue
            ent = person_at_end(ent, people)
            titled = after_title(ent) or with_age(ent) or after_office(ent)
            at_place = placed(ent) or ("" if titled else place_company(ent))
            label = "PERSON" if titled else "GPE" if dateline(ent) else \
                noun_cue_label(ent, ent.label_)
            if label == "PERSON" and (name_piece(ent) or qualifies_counted_noun(ent)) or \
                    label != "PERSON" and piece_of_name(ent) or counted_name(ent) or \
                    verb_form(ent):
                continue
            listed_as = label  # a "person" retyped a place still splits as a list of names
            if label == "PERSON" and at_place:
                label = "LOC"
            if label == "PERSON" and len(ent) > 1:
                ent = whole_name(field_trimmed(ent, cases))
            elif label != "PERSON":
                ent = with_left_words(ent)
            if label == "PERSON" and ((ent := hyphened_name(ent)) is None or
                                      qualifies_next_name(ent)) or \
                    label != "PERSON" and cut_from_longer_name(ent):
                continue
            text = name_text(ent, label, named)
            parts = name_parts(text, listed_as)
            for part in parts:
                key = add_form(forms, part, label, article.id,
                               (titled, at_place, priced(ent) or vessel_named(ent),
                                cited_as_source(ent), named_as_person(ent)))
                short = declared_short_form(ent, part) if len(parts) == 1 and \
                    label != "PERSON" else ""
                if key and short:
                    forms[key].declared.add(form_key(short))
    text = "\n".join(a.text for a, _ in parsed)
    settle_places(forms)
    settle_placed_bodies(forms)
    settle_products(forms)
    settle_outlets(forms)
    counted = counted_acronyms(docs)
    return {key: form for key, form in forms.items()
            if not common_words(form, cases, text) and not form.spellings & counted
            and not paired_names(form, forms)}


def paired_names(form: Form, forms: dict[str, Form]) -> bool:
    """Names joined by a hyphen with no space, each named on its own in the story ("US-China"
    of "US-China ties", "Tan-Lim" of a meeting): a pair, not one name. A hyphenated name whose
    parts the story never names alone stays ("Coca-Cola", "Reka-Baru Holdings")."""
    parts = form.text.split("-")
    return " " not in form.text and len(parts) > 1 and all(
        part[:1].isupper() and form_key(part) in forms for part in parts)


def settle_places(forms: dict[str, Form]) -> None:
    """A name written after a preposition of place ("in Kampong Reka"), never after a courtesy
    title, and tagged a place or body at least as often as a person, is a place in every
    mention: its "person" tags turn into places, so they no longer outvote place tags split
    over several labels. A person named mostly as one ("at Lim's" aside) stays a person."""
    for form in forms.values():
        places = sum(form.labels[label] for label in ("GPE", "LOC", "FAC", "ORG"))
        if form.places and not form.titled and 0 < form.labels["PERSON"] <= places:
            form.labels["LOC"] += form.labels.pop("PERSON")


def settle_placed_bodies(forms: dict[str, Form]) -> None:
    """A name tagged only as an organisation yet written after a preposition of place in at
    least half its mentions ("a workshop in Kaki Reka", "residents in Bukit Reka") is a place:
    a body is mostly the subject or object of a verb. Acronyms ("along the PIE", "at CDC")
    and names with a head noun of their own ("in Parliament", "at Reka Hospital") keep theirs;
    so does one ever named after a courtesy title."""
    for form in forms.values():
        inside = form.count and form.places.total() - form.places["at"]
        if form.labels.keys() == {"ORG"} and 2 * inside >= form.count and \
                not form.titled and not form.text.isupper() and not any(
                    w.isupper() for w in form.text.split()) and head_kind(form.tokens) is None \
                and (len(form.tokens) > 1 or noun_kind(form.tokens[0]) is None):
            form.labels = Counter({"LOC": form.count})


def settle_products(forms: dict[str, Form]) -> None:
    """A name priced once ("Golden Trio Collection (S$38)") or named as a ship once ("M/V X")
    is a product in every mention: its other tags (a body, a place, an event) turn into
    products. One named after a courtesy title
    stays a person."""
    for form in forms.values():
        if form.priced and not form.titled:
            form.labels = Counter({"PRODUCT": form.count})


def settle_outlets(forms: dict[str, Form]) -> None:
    """A name cited as a report's source in at least half its mentions ("told ST", "according
    to Lianhe Zaobao"), never after a courtesy title, is an outlet: an organisation in every
    mention. Nationalities stay ("told Indonesian media" aside), written as words are: a
    "nationality" in capitals or with a capital inside ("UPI", "gCaptain") is an outlet."""
    for form in forms.values():
        nationality = form.label == "NORP" and all(w.istitle() for w in form.text.split())
        if form.sourced and 2 * form.sourced >= form.count and not form.titled and \
                form.label != "ORG" and not nationality:
            form.labels = Counter({"ORG": form.count})


def name_text(ent: Any, label: str, named: frozenset[str] | set[str] = frozenset()) -> str:
    """The span without lower-case words at its edges (`capitalised_part`) and without an
    owner's possessive before a name of two words or more ("Brewco's Arun Mehta", "Tan's
    Hillside Drive", "PSP's Affordable Homes Scheme"): for a name other than a person's, only
    when the story names the owner on its own too, so a name whose first word is a common
    noun stays whole ("People's Action Party", "Women's Wing"); "" when a body is only the office's field in a title
    ("Minister of Natural Resources", "the Minister of Ecology": an office, not an
    organisation) or the portfolio before "Minister" ("Home Affairs Minister X")."""
    inner = [t.i for t in ent[:-1] if t.tag_ == "POS" or t.text in ("'s", "’s")]
    if inner and ent.end - inner[-1] > 2 and \
            (label == "PERSON" or fold(ent.doc[ent.start:inner[-1]].text) in named):
        ent = ent.doc[inner[-1] + 1:ent.end]  # the name after the owner's possessive
    text = capitalised_part(ent.text)
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    if label in ("ORG", "FAC") and text and (office_field(ent) or after in PORTFOLIO_OF
                                             or office_of(text.lower().split()[:2])):
        return ""
    return text


def capitalised_part(text: str) -> str:
    """"the Ria Novosti", "a Russian city", "KCNA news agency" -> "Ria Novosti", "Russian",
    "KCNA"; "" when no word is capitalised ("hypersonic missiles" tagged as a person). Whole
    words only: "Lim Soo-suk" keeps its last part."""
    words = text.split()
    while words and words[0].islower():
        words = words[1:]
    while len(words) > 1 and words[-1].islower():
        words = words[:-1]
    return " ".join(words)


def office_field(ent: Any) -> bool:
    """Is the name a field of an office named before it in the sentence ("Minister of Natural
    Resources", "Minister of State for Trade and Industry, as well as Culture, Community and
    Youth")? Only capitalised words of no person and the words that join fields ("and", "as
    well as") stand between the office and the name."""
    doc = ent.doc
    window = doc[max(ent.sent.start, ent.start - 14):ent.start]
    words = [t.lower_ for t in window]
    fields = [i for i in range(len(words) - 1) if office_of(words[:i + 2])]
    if fields and fields[-1] + 2 < len(words) and head_kind(name_tokens(ent.text)):
        return False  # "Minister of State, Ministry of Reka": a body named by its head
    return bool(fields) and all(  # a person between ("Minister X Tan and Reka Airlines"): no
        (t.is_title or t.is_upper or t.lower_ in FIELD_JOINERS) and t.ent_type_ != "PERSON"
        for t in window[fields[-1] + 2:])


def office_of(words: list[str]) -> bool:
    """Do the (lower-case) words end in an office word and "of" or "for" ("minister of",
    "secretary for", "minister of state for")?"""
    return len(words) >= 2 and words[-1] in ("of", "for") and \
        (words[-2].rstrip(".") in OFFICES or words[-4:] == ["minister", "of", "state", "for"])


def name_parts(text: str, label: str) -> list[str]:
    """The names in one mention: people listed ("Ortiz, Orozco", "Ana Reyes and Ben Cruz")
    apart, bodies run together apart (`org_parts`). A "person" whose head noun is a body's or
    an institution's is one name ("Tan and Lim Seafood Restaurant"); goods are listed ("Tarts
    and Almond Cookies"). Places the recogniser ran together over "to" or "between" ("X
    Station to Y Station", "X Road between Y and Z") are each a name."""
    if label == "PERSON" and head_kind(name_tokens(text)) not in ("ORG", "FAC"):
        return NAME_LIST.split(text)
    between = PLACES_BETWEEN.fullmatch(text)
    if between:  # "X Road between Y and Z": three places
        return [part for place in between.groups() for part in org_parts(place)]
    return [part for place in PLACE_TO.split(text) for part in org_parts(place)]


def org_parts(text: str) -> list[str]:
    """"Ministry of Health and Ministry of Education", "Police Force, Monetary Authority":
    organisations the recogniser ran together, cut at a comma between names of two words or
    more ("Acme Holdings, Inc." and "University of California, Berkeley" stay whole; so does a
    field listed "X, Y and Z") and
    where "and" repeats the first word ("Johnson and Johnson" stays whole)."""
    listed = re.split(r",\s+", text)
    if len(listed) > 1 and all(len(p.split()) >= 2 for p in listed) and \
            not re.search(r"\s(?:and|&)\s", listed[-1]):  # "Ministry of X, Y and Z": one
        return [part for piece in listed for part in org_parts(piece)]
    words = [w for w in text.split() if w.lower() != "the"]
    first = words[0] if words else ""
    parts = re.split(rf"\s+and\s+(?:the\s+)?(?={re.escape(first)}\s)", text) if first \
        else [text]
    return parts if all(len(p.split()) >= 2 for p in parts) else [text]


def declared_short_form(ent: Any, name: str) -> str:
    """The short form an article declares in brackets right after a name ("the National Reka
    Board (NRBoard)", "Reka University's (RU) School"), or "": one word with two capitals at
    least that begins with the name's first letter, so a place or a person in brackets ("MP
    Ana Reyes (Reka West)") is none. The recogniser may have run the bracket into the span."""
    written = ent.text + text_between(ent.doc, ent.end_char, ent.end_char + 16)
    name = normalise(name)
    at = written.find(name)
    found = DECLARED.match(written, at + len(name)) if name and at >= 0 else None
    return found.group(1) if found and found.group(1)[0] == name[0] else ""


def add_form(forms: dict[str, Form], found: str, label: str, article: str,
             cues: tuple[bool, str, bool, bool, bool] = (False, "", False, False, False)
             ) -> str:
    """Count one mention and return its form's key ("" when it names nothing); `cues`: after
    a courtesy title (or before an age), after a preposition of place, before a price, cited
    as a report's source, named as a person (`named_as_person`)."""
    titled, at_place, on_sale, source, attested = cues
    nickname = NICKNAME.search(found) if label == "PERSON" else None
    text = normalise(NICKNAME.sub(" ", found) if nickname else found)
    tokens = name_tokens(text)
    if not tokens or not_a_name(tokens, label, found) or CURRENCY.search(found) or \
            WEB_ADDRESS.search(found) or CODED_AMOUNT.fullmatch(found.strip()):
        return ""  # no name, an amount ("S$300") or a web or mail address
    key = " ".join(tokens)  # `form_key` of the text
    form = forms.setdefault(key, Form(text, tokens))
    form.labels[head_label(tokens, label, titled)] += 1
    form.spellings.add(normalise(found))  # the nickname stays in the shown spelling
    form.articles.add(article)
    form.titled = form.titled or titled
    if at_place:
        form.places[at_place] += 1
    form.priced = form.priced or on_sale
    form.sourced += source
    form.attested = form.attested or attested
    if nickname and len(tokens) > 1:
        form.nicknames.add(" ".join((*name_tokens(nickname.group(1)), tokens[-1])))
    return key


def not_a_name(tokens: tuple[str, ...], label: str, found: str = "") -> bool:
    """A date, a figure or an amount the recogniser took for a name ("Oct 14" as a person,
    "2,000" as an organisation, a name run into a date): a weekday or month word with a
    figure or alone, or no word but figures. Names of bodies and products may carry a figure
    ("G20", "Airbus A320"); people and places do not. An office word ends no name, a person's
    only when written in capitals (`found`, the mention as written: "Reka West MP"; "Ian
    Bishop" is a name)."""
    dated = [t in WEEKDAYS or t in MONTH_WORDS for t in tokens]
    if any(dated) and (all(dated) or any(t.isdigit() for t in tokens)):
        return True  # "Oct 14", "Monday", "Parliament on Feb 4"; "June Tan" is a name
    if all(t.isdigit() for t in tokens) or \
            all(leading_title(t) or t in HONORARY_TITLES for t in tokens):
        return True  # a figure, or a piece of a title ("Defense" of "Defense Minister X")
    if all(ROMAN.fullmatch(t) for t in tokens):
        return True  # a rank of an office ("Deputy Prime Minister II")
    if PREFIXED.fullmatch(found):
        return True  # a word made from a name ("anti-Reka", "non-Reka", "post-X")
    if len(tokens) > 1 and any(t in HEADLINE_VERBS for t in tokens[1:]):
        return True  # words of a headline in title case ("Reka Is Coming to Town")
    if (label != "PERSON" or (found.split() or [""])[-1].isupper()) and len(tokens) > 1 and \
            "of" not in tokens and (tokens[-1] in OFFICES or tokens[-1][:-1] in OFFICES):
        return True  # an office ("Non-Constituency MPs", "Chief Operating Officer", "Reka MP")
    return label in ("PERSON", "GPE", "LOC", "NORP") and any(c.isdigit() for t in tokens
                                                               for c in t)


def normalise(text: str) -> str:
    """Possessive, leading titles and determiners, a dateline run into the name and a bracket
    left open after it off: "Governor Smith's" -> "Smith", "This Lunar New Year" -> "Lunar New
    Year", "SINGAPORE - Passengers" -> "Passengers", "Reka University's (RU" -> "Reka
    University"."""
    text = re.sub(r"\.(?=[A-Z][a-z])", ". ", " ".join(text.split()))  # "Gov.Smith"
    text = UNCLOSED_BRACKET.sub("", DATELINE.sub("", text))
    text = POSSESSIVE.sub("", text).strip(" .,;:\"'“”‘’()/-–—")
    words = text.split(" ")
    while len(words) > 1 and (leading_title(words[0]) or words[0].lower() in DETERMINERS) or \
            len(words) > 2 and words[0].lower() in HONORARY_TITLES:
        words = words[1:]  # "Datuk Seri X Y" -> "X Y"; "Haji Lane" stays whole
    while len(words) > 1 and words[-1].lower() in HONORARY_TITLES:
        words = words[:-1]  # "II Datuk" of "Deputy Prime Minister II Datuk Seri X"
    return " ".join(words)


def leading_title(word: str) -> bool:
    """A title that opens a span and is no part of the name: "Governor", "Dr.", "MPs" (of "MPs
    Hany Soh and ...")."""
    word = word.lower().rstrip(".")
    return word in NAME_TITLES or (word.endswith("s") and word[:-1] in NAME_TITLES - {"the"})


def form_key(text: str) -> str:
    """The key a name's form is kept under: its name words, space-joined."""
    return " ".join(name_tokens(text))


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded, lower-cased name words; inner possessives and apostrophes out, so
    "People's" is "people" and "O'Neil" is "oneil"."""
    folded = re.sub(r"['`]s\b", "", unidecode(text).lower())
    return tuple(w for w in re.split(r"[^a-z0-9]+", re.sub(r"['`]", "", folded)) if w)
