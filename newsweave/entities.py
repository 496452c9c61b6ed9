"""Named-entity mentions -> entities with aliases.

spaCy finds the mentions; each is normalised (possessives and titles off), then variants merge:
  spelling        same tokens once folded to ascii, hyphens and case ignored ("Lee Jae-myung")
  transliteration same number of tokens and every token compatible: same phonetic key
                  (zh/j, y/i, doubled letters...) or a close rapidfuzz ratio on long tokens
  nickname        "Luis (Lucho) Diaz" is also "Lucho Diaz" when that name is mentioned
  acronym         an all-capitals word spelling the initials of one organisation's name
  short form      a person's single name, head or tail of the name, or the name without its
                  middle names; an organisation's head or tail ("the Saints"); when it points
                  to one full name: the only candidate, the one named far more often, or the one
                  named alone in far more of the articles that use the short form. A surname the
                  recogniser took for an organisation or group joins the one person it ends
                  when both are named in the same articles.
Different people who share part of a name never merge: every given-name token must be
compatible, so one differing syllable blocks the merge. Every merge writes an evidence line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from unidecode import unidecode

from .models import Entity, Story
from .toolkit import Toolkit
from .words import (
    DATELINE,
    HONORARY_TITLES,
    HONORIFICS,
    MONTH_WORDS,
    OFFICES,
    TITLES,
    WEEKDAYS,
    fold,
)

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"}
PLACES = {"GPE", "LOC", "FAC", "ORG"}  # spaCy mixes these up for little-known places
# A "person" right after one of these is a place the small model mistyped ("in Kampong Reka").
PLACE_PREPOSITIONS = {"in", "at", "along", "near", "around", "across", "towards", "toward"}
CURRENCY = re.compile(r"[$€£¥₹₩]")
WEB_ADDRESS = re.compile(r"://|\bwww\.|@")
POSSESSIVE = re.compile(r"\s*['’]s?$")
# A nickname set in quotes or brackets inside a person's name: 'Luis "Lucho" Diaz'.
NICKNAME = re.compile(r"""\s+[("“]([A-Z][\w.-]*)[)"”](?=\s)""")
# Spans the recogniser runs over a list of names ("Ortiz, Orozco") are cut at these.
NAME_LIST = re.compile(r",\s+|\s+and\s+|\s*;\s*")
# Words skipped when spelling an organisation's initials ("Bank of England": BE or BOE).
INITIALS_SKIP = {"of", "the", "and", "for", "on", "in", "at", "to", "s"}
# Tokens this long or longer may differ by a transliteration letter or two (Tchaikovsky /
# Chaikovsky score about 90); shorter ones (Jun / Jin) are distinct given names.
TOKEN_RATIO = 80.0
TOKEN_RATIO_MIN_LENGTH = 5
# A short form shared by several full names goes to the one mentioned this many times more
# often than the next (a family name in a story about the son, who is named far more than
# the father).
SHORT_FORM_DOMINANCE = 3
# A surname tagged as an organisation or group joins the one person whose name it ends only
# when the full name is also named in at least this share of the articles using the surname:
# the recogniser often mistakes a surname for a team or company, rarely within one article.
MISLABEL_COOCCURRENCE = 0.5
PHONETIC = (("zh", "j"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("ck", "k"), ("ph", "f"),
            ("y", "i"), ("w", "v"), ("ie", "i"))


@dataclass
class Form:
    """One normalised surface form and what we saw of it."""

    text: str
    tokens: tuple[str, ...]
    labels: Counter = field(default_factory=Counter)
    spellings: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    nicknames: set[str] = field(default_factory=set)  # keys of "Nickname Surname"
    titled: bool = False  # named after a courtesy title at least once ("Mr Law")

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def count(self) -> int:
        return sum(self.labels.values())


def merge_entities(story: Story, toolkit: Toolkit) -> tuple[Entity, ...]:
    """Entities of one story, most mentioned first."""
    forms = collect_forms(story, toolkit)
    merges = Merges(forms)
    merge_variants(forms, merges)
    merge_nicknames(forms, merges)
    merge_acronyms(forms, merges)
    merge_short_forms(forms, merges)
    clusters: dict[str, list[Form]] = defaultdict(list)
    for key, form in forms.items():
        clusters[merges.root(key)].append(form)
        if len(form.spellings) > 1:
            shown = " = ".join(f"'{s}'" for s in sorted(form.spellings))
            merges.evidence[merges.root(key)].append(
                f"spelling: {shown} (hyphens and case ignored, token ratio 100)")
    entities = [make_entity(members, merges.evidence[root])
                for root, members in clusters.items()]
    return tuple(sorted(entities, key=lambda e: (-len(e.articles), -len(e.aliases), e.name)))


def collect_forms(story: Story, toolkit: Toolkit) -> dict[str, Form]:
    english = [a for a in story.articles if a.parsed
               and len(a.text) < toolkit.nlp.max_length]  # longer: spaCy refuses (E088)
    forms: dict[str, Form] = {}
    # The full parse (not the recogniser alone) because quotes read it next from the cache.
    docs = toolkit.parse([a.text for a in english])
    for article, doc in zip(english, docs):
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            titled = after_title(ent)
            label = "PERSON" if titled else ent.label_
            if label == "PERSON" and placed(ent):
                label = "LOC"
            if label == "PERSON" and name_piece(ent):
                continue
            if label == "PERSON" and len(ent) > 1:
                ent = whole_name(ent)
            text = name_text(ent, label)
            parts = NAME_LIST.split(text) if label == "PERSON" else org_parts(text)
            for part in parts:
                add_form(forms, part, label, article.id, titled)
    cases = word_cases(docs)
    text = "\n".join(a.text for a in english)
    return {key: form for key, form in forms.items() if not common_words(form, cases, text)}


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
    whose every word the story also writes in lower case is a product, a heading or a common
    noun ("Gift Box", "News"), unless a courtesy title names it a person ("Mr Law"). Acronyms
    ("US", "WHO") are names."""
    if form.text.isupper():
        return False
    if form.label == "PERSON" and not form.titled and \
            all(cases.get(t, (0, 0))[0] for t in form.tokens):
        return True  # "Sushi Box", "Gift Lantern", "News": every word also written as a word
    if len(form.tokens) > 1:
        phrase = form.text.lower()
        return phrase in text and re.search(rf"\b{re.escape(phrase)}\b", text) is not None
    lower, capital = cases.get(form.tokens[0], (0, 0))
    return lower > 0 and lower >= capital


def after_title(ent: Any) -> bool:
    """A courtesy title before or opening the name: "Mr Tan" is a person whatever the
    recogniser says (the small model often tags such names as places or organisations)."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    return before in HONORIFICS or ent[0].lower_.rstrip(".") in HONORIFICS


def placed(ent: Any) -> bool:
    """A "person" after a preposition of place ("in Kampong Reka", "along Jalan Tenang") is a
    place the small model mistyped; "at Tan's stall" is a person's."""
    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
    return before in PLACE_PREPOSITIONS and not possessive(ent)


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
        not before.ent_type_ and before.lower_.rstrip(".") not in TITLES


def whole_name(ent: Any) -> Any:
    """A person's name of two or more words with the piece the recogniser left off next to it
    ("Tan Wei" + "Ming", "Ng" + "Hui Ling"): a capitalised proper noun of no entity of its
    own, no title. Not after a possessive ("X's Hotel") or before "of" (the "X School of
    Y"). On the left only where a name can begin (after a verb or punctuation, not
    after "for", "the" or another capitalised word), so an office's field stays off
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
                                    or doc[start - 2].pos_ in ("VERB", "AUX")):
        start -= 1
    return doc[start:end]


def loose_name_word(token: Any) -> bool:
    """A capitalised word that no entity claims and that is no title."""
    return token.is_alpha and token.is_title and not token.ent_type_ and \
        token.lower_ not in TITLES | HONORARY_TITLES


def name_text(ent: Any, label: str) -> str:
    """The span without lower-case words at its edges (`capitalised_part`); "" when a body is
    only the office's field in a title ("Minister of Natural Resources", "the Minister of
    Ecology": an office, not an organisation)."""
    text = capitalised_part(ent.text)
    before = [t.lower_ for t in ent.doc[max(ent.start - 2, 0):ent.start]]
    if label in ("ORG", "FAC") and text and (office_of(before)
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


def office_of(words: list[str]) -> bool:
    """Are the (lower-case) words an office word and "of" ("minister of", "secretary of")?"""
    return len(words) == 2 and words[1] == "of" and words[0].rstrip(".") in OFFICES


def org_parts(text: str) -> list[str]:
    """"Ministry of Health and Ministry of Education": two organisations the recogniser ran
    together, cut where "and" repeats the first word; "Johnson and Johnson" stays whole."""
    words = [w for w in text.split() if w.lower() != "the"]
    first = words[0] if words else ""
    parts = re.split(rf"\s+and\s+(?:the\s+)?(?={re.escape(first)}\s)", text) if first \
        else [text]
    return parts if all(len(p.split()) >= 2 for p in parts) else [text]


def add_form(forms: dict[str, Form], found: str, label: str, article: str,
             titled: bool = False) -> None:
    nickname = NICKNAME.search(found) if label == "PERSON" else None
    text = normalise(NICKNAME.sub(" ", found) if nickname else found)
    tokens = name_tokens(text)
    if not tokens or not_a_name(tokens, label) or CURRENCY.search(found) or \
            WEB_ADDRESS.search(found):
        return  # no name, an amount ("S$300") or a web or mail address
    key = " ".join(tokens)
    form = forms.setdefault(key, Form(text, tokens))
    form.labels[label] += 1
    form.spellings.add(normalise(found))  # the nickname stays in the shown spelling
    form.articles.add(article)
    form.titled = form.titled or titled
    if nickname and len(tokens) > 1:
        form.nicknames.add(" ".join((*name_tokens(nickname.group(1)), tokens[-1])))


def not_a_name(tokens: tuple[str, ...], label: str) -> bool:
    """A date, a figure or an amount the recogniser took for a name ("Oct 14" as a person,
    "2,000" as an organisation): a weekday or month word, or no word but figures. Names of
    bodies and products may carry a figure ("G20", "Airbus A320"); people and places do not."""
    if any(t in WEEKDAYS or t in MONTH_WORDS for t in tokens):
        return True
    if all(t.isdigit() for t in tokens) or all(t in TITLES for t in tokens):
        return True  # a figure, or a piece of a title ("Defense" of "Defense Minister X")
    return label in ("PERSON", "GPE", "LOC", "NORP") and any(c.isdigit() for t in tokens
                                                               for c in t)


def normalise(text: str) -> str:
    """Possessive, leading titles and a dateline run into the name off: "Governor Smith's" ->
    "Smith", "SINGAPORE - Passengers" -> "Passengers"."""
    text = re.sub(r"\.(?=[A-Z][a-z])", ". ", " ".join(text.split()))  # "Gov.Smith"
    text = POSSESSIVE.sub("", DATELINE.sub("", text)).strip(" .,;:\"'“”‘’()/-–—")
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded, lower-cased name words; inner possessives and apostrophes out, so
    "People's" is "people" and "O'Neil" is "oneil"."""
    folded = re.sub(r"['`]s\b", "", unidecode(text).lower())
    return tuple(w for w in re.split(r"[^a-z0-9]+", re.sub(r"['`]", "", folded)) if w)


def phonetic(token: str) -> str:
    key = token
    for old, new in PHONETIC:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def tokens_compatible(a: str, b: str) -> bool:
    if a == b or phonetic(a) == phonetic(b):
        return True
    return (min(len(a), len(b)) >= TOKEN_RATIO_MIN_LENGTH
            and fuzz.ratio(a, b) >= TOKEN_RATIO)


def labels_compatible(a: Form, b: Form) -> bool:
    return a.label == b.label or (a.label in PLACES and b.label in PLACES)


class Merges:
    """Which forms are one entity (scipy's DisjointSet), with one evidence line per merge,
    kept under the merged group's root."""

    def __init__(self, keys: Iterable[str]) -> None:
        from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

        self.sets = DisjointSet(keys)
        self.evidence: dict[str, list[str]] = defaultdict(list)

    def root(self, key: str) -> str:
        return str(self.sets[key])

    def join(self, a: str, b: str, line: str) -> bool:
        """Merge the groups of `a` and `b`; their evidence (a's first) and `line` go together."""
        if self.sets.connected(a, b):
            return False
        lines = [*self.evidence.pop(self.root(a), []), *self.evidence.pop(self.root(b), [])]
        self.sets.merge(a, b)
        self.evidence[self.root(a)] = [*lines, line]
        return True

    def articles(self, forms: dict[str, Form], root: str) -> set[str]:
        """Articles naming any form of the group whose root is `root`."""
        return set().union(*(f.articles for k, f in forms.items() if self.root(k) == root))


def merge_variants(forms: dict[str, Form], merges: Merges) -> None:
    """Spelling and transliteration variants: same token count, every token compatible."""
    keys = sorted(forms, key=lambda k: -forms[k].count)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            fa, fb = forms[a], forms[b]
            if len(fa.tokens) != len(fb.tokens) or not labels_compatible(fa, fb) \
                    or merges.sets.connected(a, b):
                continue
            if not all(tokens_compatible(x, y) for x, y in zip(fa.tokens, fb.tokens)):
                continue
            score = fuzz.token_sort_ratio(" ".join(fa.tokens), " ".join(fb.tokens))
            rule = "spelling" if "".join(fa.tokens) == "".join(fb.tokens) else "transliteration"
            merges.join(a, b, f"{rule}: '{fa.text}' = '{fb.text}' (token ratio {score:.0f})")


def merge_nicknames(forms: dict[str, Form], merges: Merges) -> None:
    """'Luis "Lucho" Diaz' and "Lucho Diaz", when the story names both."""
    for key, form in forms.items():
        for nick in sorted(form.nicknames & forms.keys()):
            merges.join(key, nick, f"nickname: '{forms[nick].text}' = '{form.text}' "
                                   "(nickname in the full name, surname ratio 100)")


def initials(tokens: tuple[str, ...]) -> set[str]:
    kept = [t for t in tokens if t not in INITIALS_SKIP]
    spelled = {"".join(t[0] for t in tokens), "".join(t[0] for t in kept)}
    return spelled | {"t" + s for s in spelled}  # "The Hollywood Reporter": THR


def merge_acronyms(forms: dict[str, Form], merges: Merges) -> None:
    """"ABC" and the one organisation or place whose initials it spells."""
    named = [k for k, f in forms.items() if len(f.tokens) > 1 and f.label in PLACES]
    for key, form in forms.items():
        if len(form.tokens) != 1 or not any(s.isupper() and 2 <= len(s) <= 6
                                            for s in form.spellings):
            continue
        matches = {merges.root(k) for k in named if form.tokens[0] in initials(forms[k].tokens)}
        matches.discard(merges.root(key))
        if len(matches) != 1:
            continue
        root = matches.pop()
        merges.join(key, root, f"acronym: '{form.text}' = '{forms[root].text}' "
                               "(initials match, 1 candidate)")


def contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` is the head or tail of `full`, or its first and last names without the middle
    ones, token by token."""
    n = len(part)
    if n >= len(full):
        return False
    windows = [full[:n], full[-n:]] + ([full[:n - 1] + full[-1:]] if n >= 2 else [])
    return any(all(tokens_compatible(x, y) for x, y in zip(window, part)) for window in windows)


def short_form_candidates(forms: dict[str, Form], short: str,
                          merges: Merges) -> dict[str, tuple[int, bool]]:
    """Root of every full name `short` may stand for -> (its mentions, reached only because
    the recogniser gave the surname another label)."""
    form = forms[short]
    found: dict[str, tuple[int, bool]] = {}
    acronym = all(s.isupper() and len(s) <= 5 for s in form.spellings)  # "UN" is no surname
    for key, full in forms.items():
        if not contains(full.tokens, form.tokens) or (acronym and full.label == "PERSON"):
            continue
        same_kind = full.label == form.label and form.label in ("PERSON", "ORG")
        mislabel = (full.label == "PERSON" and form.label != "PERSON" and len(form.tokens) == 1
                    and form.label not in ("GPE", "LOC") and full.tokens[-1] == form.tokens[0])
        if same_kind or mislabel:
            count, was_mislabel = found.get(merges.root(key), (0, True))
            found[merges.root(key)] = (count + full.count, was_mislabel and not same_kind)
    found.pop(merges.root(short), None)
    return found


def merge_short_forms(forms: dict[str, Form], merges: Merges) -> None:
    """A short name joins the one full name it can stand for. Longer short forms go first,
    so "John Smith" has joined "John Q. Smith" before "Smith" looks for its full name."""
    for short in sorted(forms, key=lambda k: (-len(forms[k].tokens), k)):
        candidates = short_form_candidates(forms, short, merges)
        if not candidates:
            continue
        line = choose_full_name(forms, short, candidates, merges)
        if line is not None:
            merges.join(line[0], short, line[1])


def choose_full_name(forms: dict[str, Form], short: str, candidates: dict[str, tuple[int, bool]],
                     merges: Merges) -> tuple[str, str] | None:
    """The full name `short` stands for and the evidence line, or None when unclear."""
    form = forms[short]
    ranked = sorted(candidates, key=lambda k: -candidates[k][0])
    root, (count, mislabel) = ranked[0], candidates[ranked[0]]
    name = f"'{form.text}' -> '{forms[root].text}'"
    together = len(form.articles & merges.articles(forms, root))
    if len(ranked) == 1:
        if mislabel and together < MISLABEL_COOCCURRENCE * len(form.articles):
            return None
        rule = "short form (mislabelled surname)" if mislabel else "short form"
        return root, (f"{rule}: {name} (1 candidate, named together in {together} of "
                      f"{len(form.articles)} articles, {count} mentions)")
    if count >= SHORT_FORM_DOMINANCE * candidates[ranked[1]][0]:
        return root, (f"dominant short form: {name} ({len(ranked)} candidates, {count} vs "
                      f"{candidates[ranked[1]][0]} mentions)")
    votes = alone_votes(forms, form, ranked, merges)
    best = max(range(len(ranked)), key=lambda i: votes[i])
    rest = max(v for i, v in enumerate(votes) if i != best)
    if votes[best] >= SHORT_FORM_DOMINANCE * max(rest, 1):
        return ranked[best], (f"short form in context: '{form.text}' -> "
                              f"'{forms[ranked[best]].text}' (named alone in {votes[best]} vs "
                              f"{rest} of the articles using it, {len(ranked)} candidates)")
    return None


def alone_votes(forms: dict[str, Form], form: Form, ranked: list[str],
                merges: Merges) -> list[int]:
    """Per candidate: articles using the short form where it is the only candidate named."""
    where = [merges.articles(forms, root) & form.articles for root in ranked]
    return [len(w - set().union(*(o for j, o in enumerate(where) if j != i)))
            for i, w in enumerate(where)]


def make_entity(members: list[Form], evidence: list[str]) -> Entity:
    labels: Counter = Counter()
    for form in members:
        labels.update(form.labels)
    name = max(members, key=lambda f: (len(f.tokens) > 1, f.count, len(f.text))).text
    aliases = tuple(sorted(set().union(*(f.spellings for f in members)) - {name}))
    articles = tuple(sorted(set().union(*(f.articles for f in members))))
    return Entity(name=name, type=labels.most_common(1)[0][0], aliases=aliases,
                  articles=articles, evidence=tuple(evidence))
