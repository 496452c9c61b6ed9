"""Statements -> slot conflicts, for every registered kind alike.

Every distinct English mention text is parsed once per story and reduced to slots by each
kind's reader. Slots of one kind and key are linked when their kind finds them comparable;
each connected group yields at most one conflict, whose positions gather the statements that
agree with each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations

from ..models import Conflict, Position, Story
from ..toolkit import Toolkit
from ..words import fold
from .kind import SlotKind, new_conflict
from .parse import doc_names
from .slots import Entry, Said, Slot


def slot_conflicts(story: Story, toolkit: Toolkit,
                   kinds: Mapping[str, SlotKind]) -> list[Conflict]:
    """Conflicts between the story's statements, one kind at a time."""
    buckets: dict[tuple[str, str], Entry] = defaultdict(list)
    for said in read_mentions(story, toolkit, kinds):
        for slot in said.slots:
            buckets[(slot.kind, slot.key)].append((said, slot))
    found = [c for (kind, _), bucket in buckets.items()
             for c in bucket_conflicts(bucket, kinds[kind])]
    return list({c.id: c for c in found}.values())


def read_mentions(story: Story, toolkit: Toolkit, kinds: Mapping[str, SlotKind]) -> list[Said]:
    """English mentions reduced to slots; each distinct text is parsed once, and each parse is
    dropped once its mentions are read (slots hold plain values), so memory stays bounded by
    the batch, not the story."""
    articles = {a.id: a for a in story.articles}
    pending = [(f.id, m) for f in story.facts for m in f.mentions
               if articles.get(m.article) is not None and articles[m.article].language == "en"]
    by_text: dict[str, list[int]] = {}
    for index, (_, mention) in enumerate(pending):
        by_text.setdefault(mention.text, []).append(index)
    folded = {a.id: fold(a.text) for a in story.articles}
    saids: list[Said | None] = [None] * len(pending)
    for text, doc in zip(by_text, toolkit.nlp.pipe(list(by_text), batch_size=64)):
        for index in by_text[text]:
            fact, mention = pending[index]
            article = articles[mention.article]
            slots = tuple(s for kind in kinds.values() for s in kind.read(doc, article.published))
            saids[index] = Said(mention, fact, doc_names(doc), slots,
                                article.published_from == "inferred", folded[article.id])
    return [s for s in saids if s is not None]


def bucket_conflicts(bucket: Entry, kind: SlotKind) -> list[Conflict]:
    """All slots of one kind and key, split into groups of statements that speak of one thing
    (connected by `comparable`); one conflict at most per group."""
    by_mention: dict[str, Entry] = defaultdict(list)
    for said, slot in bucket:
        by_mention[said.mention.claim or said.mention.text].append((said, slot))
    entries = list(by_mention.values())
    links = {(i, j) for i, j in combinations(range(len(entries)), 2)
             if related(entries[i], entries[j], kind)}
    found = []
    for component in components(len(entries), links):
        local = {(component.index(i), component.index(j))
                 for i, j in links if i in component and j in component}
        conflict = component_conflict([entries[i] for i in component], local, kind)
        if conflict is not None:
            found.append(conflict)
    return found


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


def component_conflict(entries: list[Entry], links: set[tuple[int, int]],
                       kind: SlotKind) -> Conflict | None:
    """A mention disagrees with a comparable one when none of its slots agrees with any of the
    other's ("124 miles (200km)" is one position). Disagreeing mentions, and those agreeing
    with them, are grouped by value into positions."""
    involved: set[int] = set()
    for i, j in links:
        if not kind.entries_agree(entries[i], entries[j]):
            involved |= {i, j}
    if not involved:
        return None
    for i, j in links:
        if (i in involved) != (j in involved) and kind.entries_agree(entries[i], entries[j]):
            involved |= {i, j}
    groups: list[Entry] = []
    # Hedged statements last: "about 25" agrees with 25 and with 28, and joins the side that
    # states its figure exactly rather than whichever side came first.
    for index in sorted(involved, key=lambda i: (any(s.hedged for _, s in entries[i]), i)):
        entry = entries[index]
        home = next((g for g in groups if kind.same_value(g, entry)), None) or \
            next((g for g in groups if kind.joins(g, entry, related(g, entry, kind))), None)
        if home is None:
            groups.append(list(entry))
        else:
            home.extend(entry)
    sides = disagreeing(groups)
    return make_conflict(sides, kind) if len(sides) >= 2 else None


def disagreeing(groups: list[Entry]) -> list[Entry]:
    """Positions that some source holds against another: two positions disagree when each
    has a source the other lacks. An article in every position with another reports two
    events ("caught fire on Apr 25 ... on Apr 27"), not a disagreement."""
    articles = [{s.mention.article for s, _ in g} for g in groups]
    return [g for i, g in enumerate(groups)
            if any(articles[i] - other and other - articles[i]
                   for j, other in enumerate(articles) if j != i)]


def make_conflict(groups: list[Entry], kind: SlotKind) -> Conflict:
    """Positions most sources first, each shown by its kind's chosen slot."""
    groups.sort(key=lambda g: -len({s.mention.article for s, _ in g}))
    shown = [kind.position_slot(g, groups) for g in groups]
    positions = tuple(Position(
        value=kind.shown(shown[i][1]), text=shown[i][0].mention.text,
        articles=tuple(dict.fromkeys(s.mention.article for s, _ in g)))
        for i, g in enumerate(groups))
    slots: list[Slot] = [slot for g in groups for _, slot in g]
    saids = [said for g in groups for said, _ in g]
    facts = tuple(dict.fromkeys(s.fact for s in saids))
    return new_conflict(kind.name, kind.topic(slots), positions, facts, kind.explain(slots),
                        kind.confidence(saids, slots))
