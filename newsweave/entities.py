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
from dataclasses import dataclass, field
from typing import Any

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
          "sergeant", "sgt", "prof", "professor", "vice", "foreign", "defense", "defence",
          "lawyer", "attorney", "spokesman", "spokeswoman", "spokesperson", "ambassador",
          "commissioner", "inspector", "officer", "chief", "coach", "justice"}
# A name right after one of these is a person whatever the recogniser says ("Mr Tan" is
# often tagged as a place or organisation by the small model).
PERSON_TITLES = {"mr", "mrs", "ms", "mdm", "miss", "madam", "dr", "sir"}
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
    merge_nicknames(forms, parent, evidence)
    merge_acronyms(forms, parent, evidence)
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
    english = [a for a in story.articles if a.language == "en"
               and len(a.text) < toolkit.nlp.max_length]  # longer: spaCy refuses (E088)
    forms: dict[str, Form] = {}
    # The full parse (not the recogniser alone) because quotes read it next from the cache.
    docs = toolkit.parse([a.text for a in english])
    for article, doc in zip(english, docs):
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            label = "PERSON" if after_title(ent) else ent.label_
            parts = NAME_LIST.split(ent.text) if label == "PERSON" else org_parts(ent.text)
            for part in parts:
                add_form(forms, part, label, article.id)
    return forms


def after_title(ent: Any) -> bool:
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    return before in PERSON_TITLES or ent[0].lower_.rstrip(".") in PERSON_TITLES


def org_parts(text: str) -> list[str]:
    """"Ministry of Health and Ministry of Education": two organisations the recogniser ran
    together, cut where "and" repeats the first word; "Johnson and Johnson" stays whole."""
    words = [w for w in text.split() if w.lower() != "the"]
    first = words[0] if words else ""
    parts = re.split(rf"\s+and\s+(?:the\s+)?(?={re.escape(first)}\s)", text) if first \
        else [text]
    return parts if all(len(p.split()) >= 2 for p in parts) else [text]


def add_form(forms: dict[str, Form], found: str, label: str, article: str) -> None:
    nickname = NICKNAME.search(found) if label == "PERSON" else None
    text = normalise(NICKNAME.sub(" ", found) if nickname else found)
    tokens = name_tokens(text)
    if not tokens:
        return
    key = " ".join(tokens)
    form = forms.setdefault(key, Form(text, tokens))
    form.labels[label] += 1
    form.spellings.add(normalise(found))  # the nickname stays in the shown spelling
    form.articles.add(article)
    if nickname and len(tokens) > 1:
        form.nicknames.add(" ".join((*name_tokens(nickname.group(1)), tokens[-1])))


def normalise(text: str) -> str:
    """Possessive and leading titles off: "Governor Smith's" -> "Smith"."""
    text = re.sub(r"\.(?=[A-Z][a-z])", ". ", " ".join(text.split()))  # "Gov.Smith"
    text = POSSESSIVE.sub("", text).strip(" .,;:\"'“”‘’()")
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


def merge_nicknames(forms: dict[str, Form], parent: dict[str, str],
                    evidence: dict[str, list[str]]) -> None:
    """'Luis "Lucho" Diaz' and "Lucho Diaz", when the story names both."""
    for key, form in forms.items():
        for nick in sorted(form.nicknames & forms.keys()):
            lines = [*evidence.pop(find(parent, key), []), *evidence.pop(find(parent, nick), [])]
            if union(parent, key, nick):
                lines.append(f"nickname: '{forms[nick].text}' = '{form.text}' "
                             "(nickname in the full name, surname ratio 100)")
            evidence[find(parent, key)] = lines


def initials(tokens: tuple[str, ...]) -> set[str]:
    kept = [t for t in tokens if t not in INITIALS_SKIP]
    spelled = {"".join(t[0] for t in tokens), "".join(t[0] for t in kept)}
    return spelled | {"t" + s for s in spelled}  # "The Hollywood Reporter": THR


def merge_acronyms(forms: dict[str, Form], parent: dict[str, str],
                   evidence: dict[str, list[str]]) -> None:
    """"ABC" and the one organisation or place whose initials it spells."""
    named = [k for k, f in forms.items() if len(f.tokens) > 1 and f.label in PLACES]
    for key, form in forms.items():
        if len(form.tokens) != 1 or not any(s.isupper() and 2 <= len(s) <= 6
                                            for s in form.spellings):
            continue
        matches = {find(parent, k) for k in named if form.tokens[0] in initials(forms[k].tokens)}
        matches.discard(find(parent, key))
        if len(matches) != 1:
            continue
        root = matches.pop()
        lines = [*evidence.pop(find(parent, key), []), *evidence.pop(root, [])]
        union(parent, root, key)
        evidence[find(parent, root)] = lines + [
            f"acronym: '{form.text}' = '{forms[root].text}' (initials match, 1 candidate)"]


def contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` is the head or tail of `full`, or its first and last names without the middle
    ones, token by token."""
    n = len(part)
    if n >= len(full):
        return False
    windows = [full[:n], full[-n:]] + ([full[:n - 1] + full[-1:]] if n >= 2 else [])
    return any(all(tokens_compatible(x, y) for x, y in zip(window, part)) for window in windows)


def short_form_candidates(forms: dict[str, Form], short: str,
                          parent: dict[str, str]) -> dict[str, tuple[int, bool]]:
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
            count, was_mislabel = found.get(find(parent, key), (0, True))
            found[find(parent, key)] = (count + full.count, was_mislabel and not same_kind)
    found.pop(find(parent, short), None)
    return found


def merge_short_forms(forms: dict[str, Form], parent: dict[str, str],
                      evidence: dict[str, list[str]]) -> None:
    """A short name joins the one full name it can stand for. Longer short forms go first,
    so "John Smith" has joined "John Q. Smith" before "Smith" looks for its full name."""
    for short in sorted(forms, key=lambda k: (-len(forms[k].tokens), k)):
        candidates = short_form_candidates(forms, short, parent)
        if not candidates:
            continue
        line = choose_full_name(forms, short, candidates, parent)
        if line is None:
            continue
        root, reason = line
        lines = evidence.pop(find(parent, short), [])
        union(parent, root, short)
        evidence[find(parent, root)] += [*lines, reason]


def choose_full_name(forms: dict[str, Form], short: str, candidates: dict[str, tuple[int, bool]],
                     parent: dict[str, str]) -> tuple[str, str] | None:
    """The full name `short` stands for and the evidence line, or None when unclear."""
    form = forms[short]
    ranked = sorted(candidates, key=lambda k: -candidates[k][0])
    root, (count, mislabel) = ranked[0], candidates[ranked[0]]
    name = f"'{form.text}' -> '{forms[root].text}'"
    together = len(form.articles & cluster_articles(forms, parent, root))
    if len(ranked) == 1:
        if mislabel and together < MISLABEL_COOCCURRENCE * len(form.articles):
            return None
        rule = "short form (mislabelled surname)" if mislabel else "short form"
        return root, (f"{rule}: {name} (1 candidate, named together in {together} of "
                      f"{len(form.articles)} articles, {count} mentions)")
    if count >= SHORT_FORM_DOMINANCE * candidates[ranked[1]][0]:
        return root, (f"dominant short form: {name} ({len(ranked)} candidates, {count} vs "
                      f"{candidates[ranked[1]][0]} mentions)")
    votes = alone_votes(forms, form, ranked, parent)
    best = max(range(len(ranked)), key=lambda i: votes[i])
    rest = max(v for i, v in enumerate(votes) if i != best)
    if votes[best] >= SHORT_FORM_DOMINANCE * max(rest, 1):
        return ranked[best], (f"short form in context: '{form.text}' -> "
                              f"'{forms[ranked[best]].text}' (named alone in {votes[best]} vs "
                              f"{rest} of the articles using it, {len(ranked)} candidates)")
    return None


def cluster_articles(forms: dict[str, Form], parent: dict[str, str], root: str) -> set[str]:
    return set().union(*(f.articles for k, f in forms.items() if find(parent, k) == root))


def alone_votes(forms: dict[str, Form], form: Form, ranked: list[str],
                parent: dict[str, str]) -> list[int]:
    """Per candidate: articles using the short form where it is the only candidate named."""
    where = [cluster_articles(forms, parent, root) & form.articles for root in ranked]
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
