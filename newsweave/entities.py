"""Named-entity mentions -> entities with aliases.

spaCy finds the mentions; each is normalised (possessives and titles off), then variants merge:
  spelling        same tokens once folded to ascii, hyphens and case ignored ("Lee Jae-myung")
  transliteration same number of tokens and every token compatible: same phonetic key
                  (zh/j, y/i, doubled letters...) or a close rapidfuzz ratio on long tokens
  short form      a person's single name or tail of the name, when it points to one full name
Different people who share part of a name never merge: every given-name token must be
compatible, so one differing syllable blocks the merge. Every merge writes an evidence line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from unidecode import unidecode

from .models import Entity, Story
from .toolkit import Toolkit

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"}
PLACES = {"GPE", "LOC", "FAC", "ORG"}  # spaCy mixes these up for little-known places
TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "governor", "gov", "minister", "prime",
          "deputy", "leader", "general", "gen", "senator", "sen", "rep", "representative",
          "king", "queen", "prince", "chairman", "chancellor", "secretary", "director", "judge",
          "mayor", "premier", "the", "comrade", "colonel", "col", "captain", "capt", "lt",
          "sergeant", "sgt", "prof", "professor", "vice", "foreign", "defense", "defence"}
POSSESSIVE = re.compile(r"\s*['’]s?$")
# Tokens this long or longer may differ by a transliteration letter or two (Tchaikovsky /
# Chaikovsky score about 90); shorter ones (Jun / Jin) are distinct given names.
TOKEN_RATIO = 80.0
TOKEN_RATIO_MIN_LENGTH = 5
# A short form shared by several full names goes to the one mentioned this many times more
# often than the next ("Kim" in a story about the son, who is named far more than the father).
SHORT_FORM_DOMINANCE = 3
PHONETIC = (("zh", "j"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("ck", "k"), ("ph", "f"),
            ("y", "i"), ("w", "v"))


@dataclass
class Form:
    """One normalised surface form and what we saw of it."""

    text: str
    tokens: tuple[str, ...]
    labels: Counter = field(default_factory=Counter)
    spellings: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def count(self) -> int:
        return sum(self.labels.values())


def merge_entities(story: Story, toolkit: Toolkit) -> tuple[Entity, ...]:
    """Entities of one story, most mentioned first."""
    forms = collect_forms(story, toolkit)
    parent = {key: key for key in forms}
    evidence: dict[str, list[str]] = defaultdict(list)
    merge_variants(forms, parent, evidence)
    merge_short_forms(forms, parent, evidence)
    clusters: dict[str, list[Form]] = defaultdict(list)
    for key, form in forms.items():
        clusters[find(parent, key)].append(form)
        if len(form.spellings) > 1:
            shown = " = ".join(f"'{s}'" for s in sorted(form.spellings))
            evidence[find(parent, key)].append(f"spelling: {shown} (hyphens and case ignored, "
                                               "token ratio 100)")
    entities = [make_entity(members, evidence[root]) for root, members in clusters.items()]
    return tuple(sorted(entities, key=lambda e: (-len(e.articles), -len(e.aliases), e.name)))


def collect_forms(story: Story, toolkit: Toolkit) -> dict[str, Form]:
    english = [a for a in story.articles if a.language == "en"]
    forms: dict[str, Form] = {}
    texts = (a.text for a in english)
    # The recogniser does not need the parser: skipping it halves the time.
    docs = toolkit.nlp.pipe(texts, batch_size=16, disable=["parser", "lemmatizer"])
    for article, doc in zip(english, docs):
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            text = normalise(ent.text)
            tokens = name_tokens(text)
            if not tokens:
                continue
            key = " ".join(tokens)
            form = forms.setdefault(key, Form(text, tokens))
            form.labels[ent.label_] += 1
            form.spellings.add(text)
            form.articles.add(article.id)
    return forms


def normalise(text: str) -> str:
    """Possessive and leading titles off: "Governor Smith's" -> "Smith"."""
    text = POSSESSIVE.sub("", " ".join(text.split())).strip(" .,;:\"'“”‘’()")
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-‐–]+", unidecode(text).lower()) if w.isalnum())


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


def find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def union(parent: dict[str, str], a: str, b: str) -> bool:
    ra, rb = find(parent, a), find(parent, b)
    if ra == rb:
        return False
    parent[rb] = ra
    return True


def merge_variants(forms: dict[str, Form], parent: dict[str, str],
                   evidence: dict[str, list[str]]) -> None:
    """Spelling and transliteration variants: same token count, every token compatible."""
    keys = sorted(forms, key=lambda k: -forms[k].count)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            fa, fb = forms[a], forms[b]
            if len(fa.tokens) != len(fb.tokens) or not labels_compatible(fa, fb) \
                    or find(parent, a) == find(parent, b):
                continue
            if not all(tokens_compatible(x, y) for x, y in zip(fa.tokens, fb.tokens)):
                continue
            score = fuzz.token_sort_ratio(" ".join(fa.tokens), " ".join(fb.tokens))
            rule = "spelling" if "".join(fa.tokens) == "".join(fb.tokens) else "transliteration"
            lines = [*evidence.pop(find(parent, a), []), *evidence.pop(find(parent, b), [])]
            union(parent, a, b)
            evidence[find(parent, a)] = lines + [
                f"{rule}: '{fa.text}' = '{fb.text}' (token ratio {score:.0f})"]


def contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` is the head or tail of `full`, token by token (given or family name alone)."""
    n = len(part)
    if n >= len(full):
        return False
    for window in (full[:n], full[-n:]):
        if all(tokens_compatible(x, y) for x, y in zip(window, part)):
            return True
    return False


def merge_short_forms(forms: dict[str, Form], parent: dict[str, str],
                      evidence: dict[str, list[str]]) -> None:
    """A person's short name joins the one full name it can stand for."""
    people = [k for k in forms if forms[k].label == "PERSON"]
    for short in sorted(people, key=lambda k: len(forms[k].tokens)):
        candidates: dict[str, int] = defaultdict(int)
        for full in people:
            if contains(forms[full].tokens, forms[short].tokens):
                candidates[find(parent, full)] += forms[full].count
        candidates.pop(find(parent, short), None)
        if not candidates:
            continue
        ranked = sorted(candidates.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < SHORT_FORM_DOMINANCE * ranked[1][1]:
            continue
        root = ranked[0][0]
        lines = evidence.pop(find(parent, short), [])
        union(parent, root, short)
        rule = "short form" if len(ranked) == 1 else "dominant short form"
        line = (f"{rule}: '{forms[short].text}' -> '{forms[root].text}' "
                f"({len(ranked)} candidate(s), {ranked[0][1]} mentions)")
        evidence[find(parent, root)] += [*lines, line]


def make_entity(members: list[Form], evidence: list[str]) -> Entity:
    labels: Counter = Counter()
    for form in members:
        labels.update(form.labels)
    name = max(members, key=lambda f: (len(f.tokens) > 1, f.count, len(f.text))).text
    aliases = tuple(sorted(set().union(*(f.spellings for f in members)) - {name}))
    articles = tuple(sorted(set().union(*(f.articles for f in members))))
    return Entity(name=name, type=labels.most_common(1)[0][0], aliases=aliases,
                  articles=articles, evidence=tuple(evidence))
