"""Title slots: one person given titles that exclude each other ("Foreign Minister X" in one
article, "Defence Minister X" in another; "Deputy Mayor X" vs "Mayor X").

The person is one merged entity (any alias); each article's titles for it are read from the
dependency parse: title words right before the name ("Deputy Prime Minister X"), an
appositive ("X, the foreign minister,"), "X, governor of Y". Only titles that single the
person out count (`role_of`), and none qualified as past or shared ("former", "acting").

A title is an office noun (its head), rank words ("deputy") and the other words that say which
office it is ("foreign"). Places, peoples and named organisations ("US", "Russian", "IPS"),
honorifics and descriptions ("longtime") are left out: one person is the US senator and the
Texas senator. Two titles exclude each other only with the same head and either
  - a rank word on one side only, governing no more than the other side names ("deputy
    mayor" vs "mayor", "Deputy Prime Minister" vs "Prime Minister"; not vs "Finance
    Minister", often the same person's second post, nor vs the less specific "Minister"), or
  - the same rank and differing, unrelated modifiers ("foreign minister" vs "defence minister");
    a head of government's title ("prime minister") and a portfolio are one person's two posts.
An article that also gives the person the other's post as past or shared ("a former foreign
minister") knows of it: no conflict.
More specific is not a conflict ("minister" vs "foreign minister"), and different heads never
are: one person often holds a party post and a state post ("leader" and "president"). No
closed family of offices ("mayor" vs "governor") is used: a mayor can be a county governor's
deputy, a governor can chair a board; no such list could be justified for unseen stories.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..entity_forms import NAME_LIST, name_tokens, normalise
from ..models import Conflict, Entity, Fact, Position, Statement, Story
from ..toolkit import Toolkit
from ..words import HONORIFICS, MILITARY, OFFICES, QUALIFIERS, RANK_WORDS, TITLES, fold, stop_words
from .attributes import modifiers_agree
from .kind import most_confident_first, new_conflict, own_statements
from .names import role_of, title_before

# Offices whose modifiers often describe the holder's group rather than the office ("party
# leader" and "opposition leader" are one person; "the army chief" is the "military chief"):
# only a rank word on one side makes two of these exclusive.
VAGUE_OFFICES = {"leader", "head", "chief", "officer", "executive", "representative",
                 "spokesman", "spokeswoman", "spokesperson", "manager", "editor"}
# Words that describe the holder, not which office it is.
DESCRIPTIVE = {"new", "newly", "old", "young", "longtime", "long", "veteran", "current",
               "incumbent", "sitting", "serve", "top", "senior", "powerful", "popular",
               "embattled", "beleaguered", "elected", "appointed", "influential", "respected",
               "well", "known", "famous", "controversial", "outspoken", "then", "now", "first",
               "female", "male", "woman", "local", "regional", "national", "federal", "own",
               "late"}
# Words making a minister the head of a government ("Prime Minister", "First Minister", "Chief
# Minister"): a head of government often keeps a portfolio too (prime minister and finance
# minister), so such a title excludes another minister's title only through a rank word.
GOVERNMENT_HEADS = {"prime", "first", "chief"}
# Place, people, party and organisation names in a title say where or for whom, not which
# office: the US senator is also the Texas senator.
AFFILIATIONS = {"GPE", "NORP", "LOC", "FAC", "PERSON"}
# "a former minister", "one deputy": one of several holders.
SHARED_DETERMINERS = {"a", "an", "one", "another", "some", "any"}
# Lower than numbers and dates (0.8): a title can differ because the parse attached a word to
# the wrong name, and outlets sometimes give an older title. A rank word is read more surely.
CONFIDENCE = {"rank": 0.55, "modifier": 0.5}
REASONS = {
    "rank": "the same person is given a post and its deputy or vice post, which one person "
            "does not hold at once",
    "modifier": "the same person is given two offices of one kind that differ in what they "
                "cover, neither more specific"}


@dataclass(frozen=True)
class Title:
    head: str  # folded lemma of the office noun
    rank: frozenset[str]  # rank words present
    modifiers: frozenset[str]  # the other words saying which office
    shown: str  # as written
    article: str
    sentence: str
    start: int  # the sentence's offsets in the article
    end: int
    current: bool = True  # False: past or shared ("former", "acting"); only acknowledges
    scope: frozenset[str] | None = frozenset()  # modifiers after the rank word, None: unclear


def title_conflicts(story: Story, entities: tuple[Entity, ...],
                    toolkit: Toolkit) -> tuple[Conflict, ...]:
    """One conflict per person given exclusive titles by different articles."""
    shown, listed = shown_and_listed(story, entities, toolkit)
    return most_confident_first([*shown, *listed])


def shown_and_listed(story: Story, entities: tuple[Entity, ...], toolkit: Toolkit
                     ) -> tuple[tuple[Conflict, ...], tuple[Conflict, ...]]:
    """The title conflicts a report shows and those it lists as possible differences
    (`to_show`), each most confident first."""
    people = [e for e in entities if e.type == "PERSON"]
    keys = person_keys(people)
    titles: dict[int, list[Title]] = defaultdict(list)
    past: list[tuple[Title, str]] = []
    for article, doc in toolkit.english_parses(story.articles):
        for ent, person in person_mentions(doc, keys, people, article.id):
            if (title := read_title(ent, article.id)) is not None:
                titles[person].append(title)
        past += past_posts(doc, article.id)
    for person, given in titles.items():
        given += [t for t, sentence in past if any(re.search(rf"\b{re.escape(w)}\b", sentence)
                                                    for w in surnames(people[person]))]
    found = [found for p, found_titles in titles.items()
             if (found := person_conflict(people[p], found_titles, story.facts)) is not None]
    return (most_confident_first(c for c, show in found if show),
            most_confident_first(c for c, show in found if not show))


def past_posts(doc: Any, article: str) -> list[tuple[Title, str]]:
    """Posts written as past or shared anywhere ("Smith, a former foreign minister"), with
    the folded sentence: the recogniser often misses a bare surname, so the sentence's words,
    not a recognised name, tie such a post to a person."""
    found = []
    for token in doc:
        head = token.head
        if fold(token.text) not in QUALIFIERS or fold(head.lemma_) not in OFFICES:
            continue
        words = [t for c in head.children if c.dep_ in ("compound", "amod", "nmod")
                 for t in c.subtree] + [head]
        title = make_title(sorted(words, key=lambda t: t.i), article, head.sent, current=False)
        if title is not None:
            found.append((title, fold(head.sent.text)))
    return found


def surnames(person: Entity) -> set[str]:
    """The last word of each of the person's spellings."""
    return {tokens[-1] for s in (person.name, *person.aliases) if (tokens := name_tokens(s))}


def person_keys(people: list[Entity]) -> dict[str, int]:
    """Every spelling of every person, as name tokens, -> the person's index."""
    keys: dict[str, int] = {}
    for index, person in enumerate(people):
        for spelling in (person.name, *person.aliases):
            keys.setdefault(" ".join(name_tokens(normalise(spelling))), index)
    return keys


def person_mentions(doc: Any, keys: dict[str, int], people: list[Entity],
                    article: str) -> Iterator[tuple[Any, int]]:
    """(mention, person) for each mention in the article of one merged person (`person_of`)."""
    for ent in doc.ents:
        if (person := person_of(ent, keys, people, article)) is not None:
            yield ent, person


def person_of(ent: Any, keys: dict[str, int], people: list[Entity], article: str,
              typed: bool = True) -> int | None:
    """The merged person a mention names; None when it names several people ("X and Y") or
    a single name that two people named in the article share. `typed`: only a mention the
    recogniser labelled a person (else the merged entity's type, decided across all its
    mentions, is enough)."""
    if typed and ent.label_ != "PERSON" or len(NAME_LIST.split(ent.text)) > 1:
        return None
    tokens = name_tokens(normalise(ent.text))
    person = keys.get(" ".join(tokens))
    if person is None or len(tokens) > 1:
        return person
    sharing = [p for p in people if article in p.articles
               and tokens[0] in name_tokens(normalise(p.name))]
    return person if len(sharing) <= 1 else None


# ---- reading one title -----------------------------------------------------------------------

def read_title(ent: Any, article: str) -> Title | None:
    """The title a mention gives the person, marked not current when it does not single the
    person out ("a minister") or a qualifier says it is past or shared ("former", "ex-")."""
    words, unique = title_words(ent)
    if not words:
        return None
    current = unique and role_of(ent) is not None and not qualified(words)
    return make_title(words, article, ent.sent, current)


def title_words(ent: Any) -> tuple[list[Any], bool]:
    """Tokens of the title: before the name (title words the recogniser kept inside the name
    included; "Secretary of State X") or in an appositive noun phrase with its "of" phrase;
    and whether it singles the person out (not "a minister", "ministers X and Y")."""
    inside = []
    for token in ent:
        if fold(token.text).rstrip(".") not in TITLES:
            break
        inside.append(token)
    before = title_before(ent) + inside
    if before:  # "Minister X" singles X out; "Passenger X" has no office and is dropped later
        return before, True
    root = ent.root
    lead = [c for c in root.children if c.dep_ == "nmod" and c.i < ent.start
            and any(p.lower_ == "of" for p in c.children)]
    if lead:
        return list(lead[0].subtree), True
    nouns = ([root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []) + \
        [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"] + \
        copula_nouns(root)
    for noun in nouns:
        dets = {fold(c.text) for c in noun.children if c.dep_ in ("det", "poss")}
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        words = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 for t in c.subtree]
        # "the foreign minister", "his deputy", "governor of the region" single one out;
        # "a minister", "ministers" are one of several.
        unique = noun.tag_ == "NN" and bool(dets or of) and not dets & SHARED_DETERMINERS
        return sorted(words + [noun] + [t for p in of for t in p.subtree], key=lambda t: t.i), \
            unique
    return [], False


def copula_nouns(root: Any) -> list[Any]:
    """The noun a copula gives the person ("X is the mayor of Y"), unless said otherwise
    ("X is not the mayor"; "X would be the mayor")."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or \
            any(c.dep_ in ("neg", "aux") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]


def qualified(words: list[Any]) -> bool:
    """"ex-minister", "then-President", "President-elect": qualifiers joined by a hyphen
    (or written just before the title) that `role_of` does not see."""
    doc = words[0].doc
    start, end = words[0].i, words[-1].i
    near = [doc[i] for i in range(max(start - 2, 0), min(end + 3, len(doc)))]
    return any(fold(t.text).strip(".-") in QUALIFIERS for t in near
               if t.i < start or t.i > end and doc[t.i - 1].text == "-") or \
        any(fold(t.text) in QUALIFIERS for t in words)


def make_title(words: list[Any], article: str, sentence: Any, current: bool) -> Title | None:
    """Head = the office noun with an "of" phrase, else the last office noun; rank words and
    office modifiers before it and in its "of" phrase; honorifics, name parts after the head,
    places and descriptions left out."""
    offices = [t for t in words if fold(t.lemma_) in OFFICES and t.pos_ in ("NOUN", "PROPN")]
    if not offices:
        return None
    head = next((t for t in offices if any(c.lower_ == "of" for c in t.children)), offices[-1])
    of = {t.i for c in head.children if c.lower_ == "of" for t in c.subtree}
    # a rank word after the office is the holder's rank too ("Sheriff deputy X")
    kept = [t for t in words if t.i < head.i or t.i in of or
            t.i > head.i and fold(t.lemma_) in RANK_WORDS]
    read = [(t, fold(t.lemma_).rstrip(".") if t.is_alpha and not affiliation(t)
             and not in_age(t) else "") for t in kept]
    rank = frozenset(w for _, w in read if w in RANK_WORDS)
    ranked_at = max((t.i for t, w in read if w in RANK_WORDS), default=-1)
    after = [(t, w) for t, w in read if t.i > ranked_at]
    # What the rank word governs ("Deputy Prime Minister": prime); unknown when a place or
    # organisation was left out there ("Deputy [District] Judge" is not a deputy judge).
    scope = None if rank and any(t.is_alpha and not w and t.i < head.i for t, w in after) \
        else office_words(w for _, w in after)
    shown_words = [t for t in kept + [head] if fold(t.text).rstrip(".") not in HONORIFICS]
    start = min(t.i for t in shown_words)
    shown = head.doc[start:max(t.i for t in shown_words) + 1].text
    return Title(fold(head.lemma_).rstrip("."), rank, office_words(w for _, w in read), shown,
                 article, sentence.text, sentence.start_char, sentence.end_char, current, scope)


def office_words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in words if w and w not in RANK_WORDS | DESCRIPTIVE | HONORIFICS
                     and w not in QUALIFIERS and w not in stop_words())


def in_age(token: Any) -> bool:
    """A word of "58-year-old": it says how old, not which office."""
    doc, i = token.doc, token.i
    while i > 1 and doc[i - 1].text == "-":
        i -= 2
    return doc[i].like_num


def affiliation(token: Any) -> bool:
    """A place, people, party or organisation in a title ("US", "Labour", "IPS director"):
    it says where or for whom, not which office. A single capitalised word the recogniser
    calls an organisation is kept: it often tags portfolio words ("Defence") that way."""
    if token.text.isupper() and len(token.text) > 1:
        return fold(token.text) not in OFFICES | RANK_WORDS
    if token.ent_type_ == "ORG":
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        return len(ent) > 1
    return token.ent_type_ in AFFILIATIONS


# ---- comparing -------------------------------------------------------------------------------

def exclusive(x: Title, y: Title) -> str | None:
    """Why two titles of one person cannot both hold ("rank", "modifier"), or None."""
    if x.head != y.head:
        return None
    if bool(x.rank) != bool(y.rank):
        ranked, plain = (x, y) if x.rank else (y, x)
        if x.head in MILITARY or ranked.scope is None:
            return None
        # A deputy post only excludes the post it is deputy to: "Deputy Prime Minister"
        # excludes "Prime Minister", not "Finance Minister" (often one person's two posts)
        # nor "Minister" (less specific).
        return "rank" if ranked.scope <= plain.modifiers else None
    if x.head in VAGUE_OFFICES or x.rank != y.rank:
        return None  # "deputy" vs "vice": two names for one rank
    if (x.modifiers ^ y.modifiers) & GOVERNMENT_HEADS:
        return None  # "Prime Minister" and "Finance Minister": often one person's two posts
    return None if modifiers_agree(x.modifiers, y.modifiers) else "modifier"


def acknowledged(title: Title, known: list[Title]) -> bool:
    """The other article also gives the person this post, as past or shared ("X, a former
    defence minister"): it knows of the post, so giving another is no contradiction."""
    return any(not t.current and t.head == title.head and bool(t.rank) == bool(title.rank)
               and modifiers_agree(t.modifiers, title.modifiers) for t in known)


def clash(xs: list[Title], ys: list[Title], known: dict[str, list[Title]]) -> str | None:
    """Why some title of `xs` excludes some title of `ys`, unless the article of one also
    gives the other's post as past or shared."""
    for x in xs:
        for y in ys:
            why = exclusive(x, y)
            if why and not acknowledged(x, known[y.article]) \
                    and not acknowledged(y, known[x.article]):
                return why
    return None


def person_conflict(person: Entity, titles: list[Title], facts: tuple[Fact, ...]
                    ) -> tuple[Conflict, bool] | None:
    """Articles grouped by compatible titles, most specific first; an article that fits
    several groups (a less specific title) takes no side. An article that contradicts itself
    (a change of post, a slip, or a parse we cannot trust) stands with each of its titles
    apart. With whether the conflict is shown (`to_show`)."""
    known: dict[str, list[Title]] = defaultdict(list)
    by_article: dict[str, list[Title]] = defaultdict(list)
    for title in titles:
        known[title.article].append(title)
        if title.current:
            by_article[title.article].append(title)
    if len(by_article) < 2:
        return None
    torn = {a for a, ts in by_article.items() if clash(ts, ts, known)}
    entries = [ts for a, ts in by_article.items() if a not in torn] + \
        [[t] for a in torn for t in by_article[a]]
    ordered = sorted(entries, key=lambda ts: -max(specificity(t) for t in ts))
    groups: list[list[Title]] = []
    reasons: set[str] = set()
    for ts in ordered:
        fits = [g for g in groups if not clash(g, ts, known)]
        if len(fits) == 1:
            fits[0].extend(ts)
        elif not fits:
            reasons |= {why for g in groups if (why := clash(g, ts, known))}
            groups.append(list(ts))
    if len(groups) < 2 or len({t.article for g in groups for t in g}) < 2:
        return None
    return make_conflict(person, groups, reasons, facts), to_show(reasons, bool(torn))


def to_show(reasons: set[str], torn: bool) -> bool:
    """A post and its deputy post ("Mayor" / "Deputy Mayor") given by different articles is
    shown. Listed as possible differences only: two offices of one kind told apart by their
    modifiers (outlets describe one post in many ways: "Saints coach" / "head coach", "local
    police inspector" / "Area Commander Inspector", "Sixers chairman" / "chairman of" the
    team's owner; 3 of 3 such shown on the ECB+ dev stories, never used to tune disagreements,
    were one post), and any conflict in which an article gives the person both titles."""
    return "rank" in reasons and not torn


def specificity(title: Title) -> int:
    return len(title.rank) + len(title.modifiers)


def make_conflict(person: Entity, groups: list[list[Title]], reasons: set[str],
                  facts: tuple[Fact, ...]) -> Conflict:
    """One position per group, shown by its most specific title; most articles first."""
    groups.sort(key=lambda g: -len({t.article for t in g}))
    shown = [max(g, key=specificity) for g in groups]
    positions = tuple(Position(value=t.shown, text=t.sentence.strip(),
                               articles=tuple(sorted({x.article for x in g})),
                               statements=statements(t, g))
                      for t, g in zip(shown, groups))
    why = "rank" if "rank" in reasons else "modifier"
    disputed = tuple(dict.fromkeys(f.id for t in shown for f in facts if quotes(f, t)))
    return new_conflict("title", f"what is {person.name}'s title", positions, disputed,
                        REASONS[why], CONFIDENCE[why])


def statements(shown: Any, group: list[Any]) -> tuple[Statement, ...]:
    """Each article's own sentence of a position, by article (the shown one for its article):
    for titles and for `exclusive.Reading`s alike."""
    return own_statements((shown.article, shown.sentence.strip()),
                          ((given.article, given.sentence.strip()) for given in group),
                          sorted({given.article for given in group}))


def quotes(fact: Fact, title: Title | Any) -> bool:
    """The fact has a mention in the title's sentence (or an `exclusive.Reading`'s: anything
    with the sentence's article and offsets)."""
    return any(m.article == title.article and m.start < title.end and m.end > title.start
               for m in fact.mentions)
