"""Statements -> scored disagreements, for every registered kind alike.

Every distinct English mention text is parsed once per story and reduced to slots by each
kind's reader. Within one kind and key, two statements of different articles are a candidate
when their values do not agree (`SlotKind.agree`: rounding, hedges, bounds) and they are at all
related (one fact, the kind's comparison rule, or similar sentences); the scorer gives each
candidate the probability that it is a real disagreement (`signals.py`, `scorer.py`).
Candidates above the floor link their statements, as do agreeing statements the rule compares;
each connected group yields at most one disagreement, whose positions gather the statements that
agree with each other and whose confidence is its most likely candidate's probability.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np

from ..models import Conflict, Position, Story
from ..toolkit import Toolkit
from ..words import fold
from .kind import SlotKind, new_conflict, own_statements
from .number_slots import written_figures
from .parse import doc_names
from .scorer import Scorer
from .signals import cosine, signals
from .slots import Entry, Said, Slot

# Why: statements this alike (encoder cosine) may speak of one thing even when alignment put
# them in different facts; below it, with no shared fact, event verb or rule, a pair is not a
# candidate. Low on purpose: the two sides of the tune half's labelled disagreements score
# 0.2-0.8 (median about 0.5); the scorer, not this cut, decides.
CANDIDATE_COSINE = 0.3
# The evidence of a disagreement whose every compared pair is one that each article states
# both ways (`both_known`): "assaulted two girls" and "had sex with three girls" in one
# article, "made three girls have sex with him" and "offences against two girls" in the
# other. Listed, not shown (`compare.listed_apart`): it is most often two things both report,
# but values swapped between two sentences ("five died ... three were injured" / "three
# died ... five were injured") are a real difference of that shape.
EACH_STATES_BOTH = "each states both"


@dataclass(frozen=True)
class Candidate:
    """A scored pair of statements that give different values of one kind and key."""

    probability: float
    signals: Mapping[str, float]
    slots: tuple[Slot, Slot] | None = None  # the two slots compared, the first statement's first


@dataclass
class Judge:
    """What scoring candidates needs: the scorer, its cut, claim vectors, copy groups, and the
    encoder for statements with their values masked."""

    scorer: Scorer
    floor: float
    vectors: Mapping[str, np.ndarray] = field(default_factory=dict)
    copy_group: Mapping[str, int] = field(default_factory=dict)  # article -> copy group
    pairs: bool = False  # every candidate pair its own difference (to fit the scorer)
    encode: Callable[[list[str]], np.ndarray] | None = None
    masked: dict[str, np.ndarray] = field(default_factory=dict)  # masked text -> vector

    def candidate(self, kind: SlotKind, x: Entry, y: Entry) -> Candidate | None:
        """The disagreeing pair of slots of two statements, if related at all: one the rule
        compares first, then the most likely."""
        best: Candidate | None = None
        for a, s in x:
            for b, t in y:
                if a.mention.article == b.mention.article or kind.agree(a, s, b, t) \
                        or not self.related(kind, a, s, b, t):
                    continue
                found = signals(kind, a, s, b, t, self.vectors, self.copied(a, b))
                found["masked cosine"] = self.masked_cosine(a, s, b, t)
                pair = Candidate(self.scorer.probability(found), found, (s, t))
                # A pair the rule compares speaks for the two statements before any other.
                if best is None or (pair.signals["rule"], pair.probability) > \
                        (best.signals["rule"], best.probability):
                    best = pair
        return best

    def masked_cosine(self, a: Said, x: Slot, b: Said, y: Slot) -> float:
        """Cosine of the two statements with their values blanked: one sentence but for the
        value reads alike however different the values ("left on Sunday" / "left on
        September 19"), which the plain cosine, sensitive to figures, does not show."""
        if self.encode is None:
            return 0.0
        texts = [mask(a.mention.text, x.shown), mask(b.mention.text, y.shown)]
        todo = [t for t in texts if t not in self.masked]
        if todo:
            self.masked.update(zip(todo, self.encode(todo)))
        return float(np.dot(self.masked[texts[0]], self.masked[texts[1]]))

    def related(self, kind: SlotKind, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        if kind.unrelated(a, x, b, y):
            return False
        return a.fact == b.fact or (bool(x.event) and x.event == y.event) or \
            kind.comparable(a, x, b, y) or cosine(a, b, self.vectors) >= CANDIDATE_COSINE

    def copied(self, a: Said, b: Said) -> bool:
        left = self.copy_group.get(a.mention.article)
        return left is not None and left == self.copy_group.get(b.mention.article)


def mask(text: str, value: str) -> str:
    """The statement with the words of its value replaced by one placeholder word."""
    return text.replace(value, "something", 1) if value and value in text else text


def slot_conflicts(story: Story, toolkit: Toolkit, kinds: Mapping[str, SlotKind],
                   judge: Judge) -> list[Conflict]:
    """Disagreements between the story's statements, one kind at a time, each with the
    probability that it is real as its confidence."""
    buckets: dict[tuple[str, str], Entry] = defaultdict(list)
    saids = read_mentions(story, toolkit, kinds)
    for kind in kinds.values():
        saids = kind.with_story(saids, judge.encode)
    for said in saids:
        for slot in said.slots:
            buckets[(slot.kind, slot.key)].append((said, slot))
    found: dict[str, Conflict] = {}
    for (kind, _), bucket in buckets.items():
        for conflict in bucket_conflicts(bucket, kinds[kind], judge):
            found.setdefault(conflict.id, conflict)  # a group before a pair of its facts
    return list(found.values())


def read_mentions(story: Story, toolkit: Toolkit, kinds: Mapping[str, SlotKind]) -> list[Said]:
    """English mentions reduced to slots; each distinct text is parsed once, and each parse is
    dropped once its mentions are read (slots hold plain values), so memory stays bounded by
    the batch, not the story."""
    articles = {a.id: a for a in story.articles}
    pending = [(f.id, m) for f in story.facts for m in f.mentions
               if articles.get(m.article) is not None and articles[m.article].parsed]
    by_text: dict[str, list[int]] = {}
    for index, (_, mention) in enumerate(pending):
        by_text.setdefault(mention.stated, []).append(index)
    folded = {a.id: fold(a.text) for a in story.articles}
    anchors, copied = story.anchor_dates, story.sentence_anchors()
    saids: list[Said | None] = [None] * len(pending)
    for text, doc in zip(by_text, toolkit.nlp.pipe(list(by_text), batch_size=64)):
        for index in by_text[text]:
            fact, mention = pending[index]
            article = articles[mention.article]
            anchor = copied.get((article.id, mention.text), anchors[article.id])
            slots = tuple(s for kind in kinds.values() for s in kind.read(doc, anchor))
            saids[index] = Said(mention, fact, doc_names(doc), slots,
                                article.published_from == "inferred", folded[article.id],
                                written_figures(doc), anchor)
    return [s for s in saids if s is not None]


def bucket_conflicts(bucket: Entry, kind: SlotKind, judge: Judge) -> list[Conflict]:
    """All slots of one kind and key. Statements the kind's rule compares form groups that
    speak of one thing, one disagreement at most per group; every other candidate above the
    floor is a pair of its own (a possible difference). With `judge.pairs` every candidate is
    a pair of its own."""
    by_mention: dict[str, Entry] = defaultdict(list)
    for said, slot in bucket:
        by_mention[said.mention.claim or said.mention.text].append((said, slot))
    entries = list(by_mention.values())
    agreeing: set[tuple[int, int]] = set()
    ruled: dict[tuple[int, int], Candidate] = {}
    others: dict[tuple[int, int], Candidate] = {}
    for i, j in combinations(range(len(entries)), 2):
        if kind.entries_agree(entries[i], entries[j]):
            if related(entries[i], entries[j], kind):
                agreeing.add((i, j))
        elif (found := judge.candidate(kind, entries[i], entries[j])) is not None \
                and found.probability >= judge.floor:
            (ruled if found.signals["rule"] and not judge.pairs else others)[(i, j)] = found
    grouped = [c for component in components(len(entries), agreeing | set(ruled))
               if (c := component_conflict(component, entries, agreeing, ruled, kind))]
    inside = {i for pair in ruled for i in pair}
    return grouped + [make_conflict(with_agreeing((i, j), by_compared(entries, (i, j), found,
                                                                      kind), agreeing, kind),
                                    kind, found)
                      for (i, j), found in others.items() if not {i, j} <= inside
                      and not both_known(entries, (i, j), kind)]


def both_known(entries: list[Entry], pair: tuple[int, int], kind: SlotKind) -> bool:
    """Each side's article states the other side's value too, in another statement of this
    kind and key: two things both articles report ("arrested on Monday", "charged on
    Tuesday" in each), not one thing told two ways. A value one article alone writes (a
    slip in one sentence) is still a difference."""
    def articles(k: int) -> set[str]:
        return {s.mention.article for s, _ in entries[k]}

    def states(side: int, other: int) -> bool:
        return any(k not in pair and articles(k) & articles(side)
                   and kind.same_value(entries[k], entries[other]) for k in range(len(entries)))
    return states(pair[0], pair[1]) and states(pair[1], pair[0])


def by_compared(entries: list[Entry], pair: tuple[int, int], found: Candidate,
                kind: SlotKind) -> list[Entry]:
    """The entries with the pair's two statements narrowed to the slots the candidate
    compared, as in a group: a statement giving several values of the key ("one count of
    attempted murder and two counts of possession") shows the one compared ("two counts"
    against "5 counts"), not its first."""
    if not kind.by_compared_value:
        return entries
    compared = compared_slots({pair: found})
    return [only_compared(entry, compared.get(n, set())) for n, entry in enumerate(entries)]


def only_compared(entry: Entry, slot_ids: set[int]) -> Entry:
    """A statement's slots that a candidate compared (ids), or all of them when none was."""
    return [p for p in entry if id(p[1]) in slot_ids] or entry


def with_agreeing(pair: tuple[int, int], entries: list[Entry],
                  agreeing: set[tuple[int, int]], kind: SlotKind) -> list[Entry]:
    """The two sides of a lone candidate, each joined by the statements compared with it
    that state its value and not the other side's: a position lists every source that holds
    it ("338 rooms" in three articles against "a 330-room resort"), not the one sentence the
    candidate was scored on. An article that would stand on both sides joins neither."""
    joined: list[list[int]] = []
    for mine, theirs in (pair, pair[::-1]):
        joined.append([k for k in sorted({b if a == mine else a for a, b in agreeing
                                          if mine in (a, b)})
                       if k != theirs and kind.same_value(entries[mine], entries[k])
                       and not kind.same_value(entries[theirs], entries[k])])
    articles = [{s.mention.article for k in (side, *more) for s, _ in entries[k]}
                for side, more in zip(pair, joined)]
    return [entries[side] + [p for k in more for p in entries[k]
                             if p[0].mention.article not in articles[1 - n]]
            for n, (side, more) in enumerate(zip(pair, joined))]


def related(x: Entry, y: Entry, kind: SlotKind) -> bool:
    return any(a.mention.article != b.mention.article and kind.comparable(a, s, b, t)
               for a, s in x for b, t in y)


def components(size: int, links: set[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of two or more, each in index order, by their first index."""
    # Imported here: scipy.cluster adds 0.14 s of start-up that `--help` need not pay.
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    sets = DisjointSet(range(size))
    for i, j in links:
        sets.merge(i, j)
    return sorted((sorted(s) for s in sets.subsets() if len(s) > 1), key=lambda g: g[0])


def component_conflict(component: list[int], entries: list[Entry],
                       agreeing: set[tuple[int, int]],
                       candidates: dict[tuple[int, int], Candidate],
                       kind: SlotKind) -> Conflict | None:
    """The statements of a candidate disagree; statements agreeing with one of them join it.
    They are grouped by value into positions ("124 miles (200km)" is one position)."""
    inside = set(component)
    mine = {k: v for k, v in candidates.items() if k[0] in inside}
    if not mine:
        return None
    involved = {i for pair in mine for i in pair}
    for i, j in agreeing:
        if (i in involved) != (j in involved) and i in inside:
            involved |= {i, j}
    compared = compared_slots(mine) if kind.by_compared_value else {}
    groups, home_of = group_by_value(sorted(involved), entries, compared, kind)
    sides = disagreeing(groups)
    kept = {n for n, group in enumerate(groups) if any(group is side for side in sides)}
    crossing = [(i, j) for i, j in mine
                if home_of[i] != home_of[j] and {home_of[i], home_of[j]} <= kept]
    if not crossing:
        return None  # no two statements that were compared stand on two sides
    best = max(mine.values(), key=lambda c: c.probability)
    if all(both_known(entries, pair, kind) for pair in crossing):
        best = replace(best, signals={**best.signals, EACH_STATES_BOTH: 1.0})
    return make_conflict(sides, kind, best) if len(sides) >= 2 else None


def group_by_value(indices: list[int], entries: list[Entry], compared: dict[int, set[int]],
                   kind: SlotKind) -> tuple[list[Entry], dict[int, int]]:
    """Statements grouped into positions by value, and the position of each statement."""
    groups: list[Entry] = []
    home_of: dict[int, int] = {}
    # Hedged statements last: "about 25" agrees with 25 and with 28, and joins the side that
    # states its figure exactly rather than whichever side came first; an order of magnitude
    # ("dozens of questions") agrees with "at least 48" and "almost 48" alike, and comes last.
    for index in sorted(indices, key=lambda i: (
            any(getattr(s, "magnitude", False) for _, s in entries[i]),
            any(s.hedged for _, s in entries[i]), i)):
        # A statement giving several values of the key stands by the one that disagreed.
        entry = only_compared(entries[index], compared.get(index, set()))
        home = next((n for n, g in enumerate(groups) if kind.same_value(g, entry)), None)
        if home is None:
            home = next((n for n, g in enumerate(groups)
                         if kind.joins(g, entry, related(g, entry, kind))), None)
        if home is None:
            groups.append(list(entry))
            home = len(groups) - 1
        else:
            groups[home].extend(entry)
        home_of[index] = home
    return groups, home_of


def compared_slots(candidates: dict[tuple[int, int], Candidate]) -> dict[int, set[int]]:
    """Per statement, the ids of its slots that a disagreeing candidate compared ("four
    goats strayed and 9 were rounded up" disagrees with "17 were rounded up" by its 9, and
    shows 9)."""
    compared: dict[int, set[int]] = {}
    for (i, j), candidate in candidates.items():
        if candidate.slots is not None:
            compared.setdefault(i, set()).add(id(candidate.slots[0]))
            compared.setdefault(j, set()).add(id(candidate.slots[1]))
    return compared


def disagreeing(groups: list[Entry]) -> list[Entry]:
    """Positions that some source holds against another: two positions disagree when each
    has a source the other lacks. An article in every position with another reports two
    events ("caught fire on Apr 25 ... on Apr 27"), not a disagreement."""
    articles = [{s.mention.article for s, _ in g} for g in groups]
    return [g for i, g in enumerate(groups)
            if any(articles[i] - other and other - articles[i]
                   for j, other in enumerate(articles) if j != i)]


def position(kind: SlotKind, said: Said, slot: Slot, stating: Entry) -> Position:
    """A position shown by one statement's value, citing every article that states it, each
    with its own sentence (the shown one for the shown statement's article)."""
    articles = tuple(dict.fromkeys(other.mention.article for other, _ in stating))
    return Position(kind.shown(slot), said.mention.text, articles, own_statements(
        (said.mention.article, said.mention.text),
        ((other.mention.article, other.mention.text) for other, _ in stating), articles))


def make_conflict(groups: list[Entry], kind: SlotKind, best: Candidate) -> Conflict:
    """Positions most sources first, each shown by its kind's chosen slot; the confidence is
    the most likely candidate's probability, its signals kept as the evidence."""
    groups.sort(key=lambda g: -len({s.mention.article for s, _ in g}))
    shown = [kind.position_slot(g, groups) for g in groups]
    positions = tuple(position(kind, said, slot, kind.stating(g, slot))
                      for g, (said, slot) in zip(groups, shown))
    slots: list[Slot] = [slot for g in groups for _, slot in g]
    saids = [said for g in groups for said, _ in g]
    facts = tuple(dict.fromkeys(s.fact for s in saids))
    return new_conflict(kind.name, kind.topic(slots), positions, facts, kind.explain(slots),
                        round(best.probability, 3), tuple(sorted(best.signals.items())))
