"""Named-entity mentions -> entities with aliases.

spaCy finds the mentions; `entity_forms` normalises each (possessives and titles off), then
variants merge:
  spelling        same letters once folded to ascii, hyphens, spaces and case ignored ("Lee
                  Jae-myung", "NewsAsia")
  transliteration same number of tokens and every token compatible: same phonetic key
                  (zh/j, y/i, doubled letters...) or a close rapidfuzz ratio on long tokens
  nickname        "Luis (Lucho) Diaz" is also "Lucho Diaz" when that name is mentioned
  familiar name   "Bill Hakim" and "William Hakim": the rest of the name the same, the given
                  names a name and its familiar form in the curated `nicknames` dataset
  acronym         an all-capitals word spelling the initials of one organisation's name
  short form      a person's single name, head or tail of the name, or the name without its
                  middle names; an organisation's head or tail ("the Saints"); when it points
                  to one full name: the only candidate, the one named far more often, or the one
                  named alone in far more of the articles that use the short form. A single
                  name the recogniser took for an organisation or group joins the one person
                  it begins or ends ("Tan", "Iskandar") when both are named in the same
                  articles; a full name is a person once any of its forms follows a courtesy
                  title, however the recogniser tagged its other mentions.
Different people who share part of a name never merge: every given-name token must be
compatible, so one differing syllable blocks the merge. Every merge writes an evidence line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

# Mention reading lives in entity_forms; its names are re-exported for existing importers.
from .entity_forms import Form, collect_forms
from .entity_kinds import head_kind, name_label
from .models import Entity, Story
from .toolkit import Toolkit
from .words import INITIALS_SKIP, TITLES

PLACES = {"GPE", "LOC", "FAC", "ORG"}  # spaCy mixes these up for little-known places
# Names an acronym may spell: places and bodies, the laws and schemes `entity_kinds`
# retypes from the recogniser's "organisation" ("PPHS": Parenthood Provisional Housing Scheme),
# and events ("Chinese New Year (CNY)", which the recogniser calls an organisation).
SPELLED = PLACES | {"LAW", "PROGRAMME", "EVENT"}
# Tokens this long or longer may differ by a transliteration letter or two (Tchaikovsky /
# Chaikovsky score about 90); shorter ones (Jun / Jin) are distinct given names.
TOKEN_RATIO = 80.0
TOKEN_RATIO_MIN_LENGTH = 5
# A short form shared by several full names goes to the one mentioned this many times more
# often than the next (a family name in a story about the son, who is named far more than
# the father).
SHORT_FORM_DOMINANCE = 3
# A surname or given name tagged as an organisation or group joins the one person whose name it
# begins or ends only
# when the full name is also named in at least this share of the articles using the surname:
# the recogniser often mistakes a surname for a team or company, rarely within one article.
MISLABEL_COOCCURRENCE = 0.5
PHONETIC = (("zh", "j"), ("kh", "h"), ("ch", "c"), ("ts", "c"), ("ck", "k"), ("ph", "f"),
            ("y", "i"), ("w", "v"), ("ie", "i"))


def merge_entities(story: Story, toolkit: Toolkit) -> tuple[Entity, ...]:
    """Entities of one story, most mentioned first."""
    forms = collect_forms(story, toolkit)
    merges = Merges(forms)
    merge_variants(forms, merges)
    merge_nicknames(forms, merges)
    merge_familiar_names(forms, merges)
    merge_acronyms(forms, merges)
    merge_short_forms(forms, merges)
    clusters: dict[str, list[Form]] = defaultdict(list)
    for key, form in forms.items():
        clusters[merges.root(key)].append(form)
        if len(form.spellings) > 1:
            shown = " = ".join(f"'{s}'" for s in sorted(form.spellings))
            merges.evidence[merges.root(key)].append(
                f"spelling: {shown} (hyphens and case ignored, token ratio 100)")
    entities = [credited(make_entity(members, merges.evidence[root]), story)
                for root, members in clusters.items() if not unattested_person(members)]
    return tuple(sorted(entities, key=lambda e: (-len(e.articles), -len(e.aliases), e.name)))


# Capitalised words that may stand right before a name that is no part of a longer one.
LEAD_WORDS = TITLES | {"the", "a", "an"}


def credited(entity: Entity, story: Story) -> Entity:
    """The entity with every article of the story that writes one of its names of two words
    or more, where the recogniser tagged it or not ("met at the Reka Space Centre", left
    untagged): a name written out is the entity, unless it is a piece of a longer name
    (`written_in`: "New York" of "New York Times"). One-word names are left to the tags."""
    names = [n for n in (entity.name, *entity.aliases) if len(n.split()) > 1]
    found = [a.id for a in story.articles if a.id not in entity.articles
             and any(written_in(name, a.text) for name in names)]
    if not found:
        return entity
    return replace(entity, articles=tuple(sorted((*entity.articles, *found))),
                   evidence=(*entity.evidence, f"written out in {', '.join(found)}, untagged"))


def written_in(name: str, text: str) -> bool:
    """`name` in `text` as whole words, with no capitalised word running on after it or
    into it from before ("Ana Reyes" of "Maria Ana Reyes"), unless that word is a title, an
    office or an article ("The", "Queen", "Mr"); a word closed by a comma or a stop does not
    run on."""
    for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+[A-Z])", text):
        before = text[max(0, found.start() - 40):found.start()]
        word = before.split()[-1] if before[-1:].isspace() and before.strip() else ""
        if not (word[:1].isupper() and word[-1:].isalpha()) or word.lower() in LEAD_WORDS:
            return True
    return False


def unattested_person(members: list[Form]) -> bool:
    """One word the recogniser calls a person that nothing in the story calls one: no
    courtesy title, office, age or relative with it anywhere, it never says anything ("Smith
    said"), and no longer name it is part of ("Rice", "Hougang", "Singpass", a tea or a brand
    in a shopping guide). A person the story names by one word alone is mostly given a title
    ("Mr Law"), quoted, or named in full once."""
    return all(len(f.tokens) == 1 and f.label == "PERSON" and not f.titled and not f.attested
               for f in members)


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
    """Spelling variants (the same letters, spaces aside: "NewsAsia", "News Asia") and
    transliterations (same token count, every token compatible)."""
    keys = sorted(forms, key=lambda k: -forms[k].count)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            fa, fb = forms[a], forms[b]
            spelling = "".join(fa.tokens) == "".join(fb.tokens)
            if not labels_compatible(fa, fb) or merges.sets.connected(a, b) or \
                    not spelling and (len(fa.tokens) != len(fb.tokens) or not all(
                        tokens_compatible(x, y) for x, y in zip(fa.tokens, fb.tokens))):
                continue
            score = fuzz.token_sort_ratio(" ".join(fa.tokens), " ".join(fb.tokens))
            rule = "spelling" if spelling else "transliteration"
            merges.join(a, b, f"{rule}: '{fa.text}' = '{fb.text}' (token ratio {score:.0f})")


def merge_nicknames(forms: dict[str, Form], merges: Merges) -> None:
    """'Luis "Lucho" Diaz' and "Lucho Diaz", when the story names both."""
    for key, form in forms.items():
        for nick in sorted(form.nicknames & forms.keys()):
            merges.join(key, nick, f"nickname: '{forms[nick].text}' = '{form.text}' "
                                   "(nickname in the full name, surname ratio 100)")


def merge_familiar_names(forms: dict[str, Form], merges: Merges) -> None:
    """"William Hakim" and "Bill Hakim": two names of a person, the same but for a given name
    and its familiar form."""
    people = sorted(k for k, f in forms.items() if f.label == "PERSON" and len(f.tokens) > 1)
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            fa, fb = forms[a], forms[b]
            if fa.tokens[1:] != fb.tokens[1:] or fa.tokens[0] == fb.tokens[0] or \
                    merges.sets.connected(a, b) or not familiar(fa.tokens[0], fb.tokens[0]):
                continue
            merges.join(a, b, f"familiar name: '{fa.text}' = '{fb.text}' (given names in "
                              "the nicknames dataset)")


@lru_cache(maxsize=1)
def nicknamer() -> Any:
    from nicknames import NickNamer  # type: ignore[import-untyped]

    return NickNamer()


def familiar(a: str, b: str) -> bool:
    """Is one given name a familiar form of the other ("bill" / "william", "liz" /
    "elizabeth")?"""
    names = nicknamer()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


def initials(tokens: tuple[str, ...]) -> set[str]:
    kept = [t for t in tokens if t not in INITIALS_SKIP]
    spelled = {"".join(t[0] for t in tokens), "".join(t[0] for t in kept)}
    return spelled | {"t" + s for s in spelled}  # "The Hollywood Reporter": THR


def merge_acronyms(forms: dict[str, Form], merges: Merges) -> None:
    """"ABC" and the one organisation or place that an article names it after in brackets
    ("Reka Parks Board (RParks)"), or else the one whose initials it spells: "Reka
    Environment Team (RET)" in four articles and "Reka Enforcement Team" in one are two
    bodies, and "RET" is the first. A short form declared for two names joins neither."""
    declared = declared_short_forms(forms)
    named = [k for k, f in forms.items() if len(f.tokens) > 1 and f.label in SPELLED]
    for key, form in forms.items():
        acronym = any(s.isupper() and 2 <= len(s) <= 6 for s in form.spellings)
        if len(form.tokens) != 1 or not (acronym or key in declared):
            continue
        spelled = {k for k in named if acronym and form.tokens[0] in initials(forms[k].tokens)}
        matches = {merges.root(k) for k in declared.get(key) or spelled}
        matches.discard(merges.root(key))
        if len(matches) != 1 or outvoted_event(forms[root := matches.pop()], form):
            continue
        rule = "declared in brackets after the name" if declared.get(key) else \
            "initials match, 1 candidate"
        merges.join(key, root, f"acronym: '{form.text}' = '{forms[root].text}' ({rule})")


def declared_short_forms(forms: dict[str, Form]) -> dict[str, set[str]]:
    """Short form's key -> keys of the names an article declares it for in brackets."""
    declared: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        for short in form.declared & forms.keys() - {key}:
            if not forms[short].titled:
                declared[short].add(key)
    return declared


def outvoted_event(full: Form, acronym: Form) -> bool:
    """The acronym's "organisation" tags would outvote the event it stands for."""
    return full.label == "EVENT" and full.count < acronym.count


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
        if not contains(full.tokens, form.tokens):
            continue
        kind = group_kind(forms, merges, key)
        if acronym and (kind == "PERSON" or not set(form.tokens) <= set(full.tokens)):
            continue  # an acronym is spelled, never transliterated ("ASEAN" is no "Asian")
        same_kind = kind == form.label and form.label in ("PERSON", "ORG") or \
            retyped_body(form, full)
        mislabel = (kind == "PERSON" and form.label != "PERSON" and len(form.tokens) == 1
                    and form.label not in ("GPE", "LOC")
                    and form.tokens[0] in (full.tokens[0], full.tokens[-1]))
        if same_kind or mislabel:
            count, was_mislabel = found.get(merges.root(key), (0, True))
            found[merges.root(key)] = (count + full.count, was_mislabel and not same_kind)
    found.pop(merges.root(short), None)
    return found


def group_kind(forms: dict[str, Form], merges: Merges, key: str) -> str:
    """The type the entity of `key`'s group would get so far: a person when any of its forms
    follows a courtesy title ("Mr Iskandar Rahmat" tagged an organisation as often as a
    person), else its commonest label over all its forms, as `make_entity` types it."""
    root = merges.root(key)
    members = [f for k, f in forms.items() if merges.root(k) == root]
    if any(f.titled for f in members):
        return "PERSON"
    labels: Counter = Counter()
    for form in members:
        labels.update(form.labels)
    return labels.most_common(1)[0][0]


def retyped_body(short: Form, full: Form) -> bool:
    """A short form tagged an organisation may stand for a name whose head noun retyped it from
    one ("Protection" for "Protection from Online Falsehoods and Manipulation Act", "Thomson-East
    Coast" for "Thomson-East Coast Line"): such short forms joined it before it was retyped. A
    short form with a head noun of its own names another thing ("Malaysian Border Security
    Agency" is not its Act). Nor does one also tagged or written as a place ("in Bukit Reka"):
    it names the town "Bukit Reka Street" is named after."""
    return short.label == "ORG" and full.label in ("LAW", "PROGRAMME", "FAC") and \
        name_label(full.tokens) == full.label and head_kind(short.tokens) is None and \
        not short.places and not short.labels.keys() & {"GPE", "LOC"}


def merge_short_forms(forms: dict[str, Form], merges: Merges) -> None:
    """A short name joins the one full name it can stand for. Longer short forms go first,
    so "John Smith" has joined "John Q. Smith" before "Smith" looks for its full name. A
    short form declared in brackets after a name stands for that name only."""
    declared = declared_short_forms(forms)  # they stand for what the article said they do
    for short in sorted(forms.keys() - declared, key=lambda k: (-len(forms[k].tokens), k)):
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


def written_out(form: Form) -> bool:
    """A name of two words or more, not initials with dots ("U.S", "C.I.A")."""
    return len(form.tokens) > 1 and any(len(t) > 1 for t in form.tokens)


def make_entity(members: list[Form], evidence: list[str]) -> Entity:
    labels: Counter = Counter()
    for form in members:
        labels.update(form.labels)
    # Shown: the name most often written in full (`written_out`), never a person's name with
    # the one word before it left off in a longer member ("Yen Ling" of "Low Yen Ling": the
    # recogniser took the surname for a word).
    whole = [f for f in members if not any(
        o.tokens[1:] == f.tokens and o.label == "PERSON" and len(f.tokens) > 1 for o in members)]
    name = max(whole or members, key=lambda f: (written_out(f), f.count, len(f.text))).text
    aliases = tuple(sorted(set().union(*(f.spellings for f in members)) - {name}))
    articles = tuple(sorted(set().union(*(f.articles for f in members))))
    # A courtesy title names a person ("Mr Imran"), whatever most mentions were tagged; the
    # head noun of a law, a scheme or a road names its kind, whatever its acronym was tagged.
    shown = next(f for f in members if f.text == name)
    kind = "PERSON" if any(f.titled for f in members) else \
        name_label(shown.tokens) or labels.most_common(1)[0][0]
    return Entity(name=name, type=kind, aliases=aliases,
                  articles=articles, evidence=tuple(evidence))
