"""Story ids that stay stable across runs: each new cluster is matched to the stored stories by
the articles they share.

Every run clusters the whole pile again (stored articles and new ones), so a stored story can
come back unchanged, grown, split in parts or merged with another. The rules:

- **Grown or unchanged**: a stored story's id goes to the cluster holding most of its
  articles, so adding articles never changes an id.
- **Split**: the larger part keeps the id (on a tie, the part holding the story's first
  article in pile order); every other part is a new story with a new id.
- **Merged**: when the largest parts of several stored stories land in one cluster, the oldest
  story (first created) keeps its id, ties going to the one contributing more articles, then
  to the smaller id. The others become aliases of it, so their old links still resolve.
- **New**: a cluster that is no stored story's largest part gets a new id, a hash of its
  member record keys (stable: the same articles give the same id).
- **Replaced articles**: an article replaced by a new version of its file counts as that new
  version, so editing a file keeps its story's id.
- A stored story none of whose articles is left in the pile is dropped.

Everything here is pure: record keys in, ids out; the store and the pipeline do the I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StoredStory:
    """A story as the store keeps it: what matching needs to know."""

    id: str
    created: int  # creation order: smaller is older
    keys: frozenset[str]  # source keys of its member articles
    analysis_key: str | None = None


@dataclass(frozen=True)
class Assignment:
    ids: tuple[str, ...]  # one id per cluster, in cluster order
    aliases: Mapping[str, str] = field(default_factory=dict)  # merged-away id -> id taking it
    dropped: tuple[str, ...] = ()  # stored ids with no article left in the pile


def assign_story_ids(clusters: Sequence[Sequence[str]], stored: Sequence[StoredStory],
                     replaced: Mapping[str, str] | None = None) -> Assignment:
    """Ids for `clusters` (lists of source keys, in pile order) given the stored stories.
    `replaced` maps the key of an article that was replaced to the key of its new version."""
    heirs = _heirs(clusters, stored, replaced or {})
    by_id = {s.id: s for s in stored}
    ids: list[str | None] = [None] * len(clusters)
    aliases: dict[str, str] = {}
    for index, candidates in heirs.items():
        keeper = min(candidates, key=lambda c: (by_id[c[0]].created, -c[1], c[0]))[0]
        ids[index] = keeper
        aliases.update({other: keeper for other, _ in candidates if other != keeper})
    taken = {s.id for s in stored} | {i for i in ids if i}
    for index, cluster in enumerate(clusters):
        if ids[index] is None:
            ids[index] = new_story_id(cluster, taken)
            taken.add(str(ids[index]))
    continued = set(aliases) | {i for i in ids if i}
    dropped = tuple(sorted(s.id for s in stored if s.id not in continued))
    return Assignment(tuple(str(i) for i in ids), aliases, dropped)


def _heirs(clusters: Sequence[Sequence[str]], stored: Sequence[StoredStory],
           replaced: Mapping[str, str]) -> dict[int, list[tuple[str, int]]]:
    """cluster index -> [(stored id, shared articles)] for the stored stories whose largest
    part is that cluster."""
    cluster_of = {key: index for index, cluster in enumerate(clusters) for key in cluster}
    heirs: dict[int, list[tuple[str, int]]] = {}
    for story in stored:
        shared: dict[int, int] = {}
        for key in story.keys:
            index = cluster_of.get(_current(key, replaced))
            if index is not None:
                shared[index] = shared.get(index, 0) + 1
        if shared:
            # most shared articles; on a tie the part that comes first in pile order
            best = max(shared, key=lambda i: (shared[i], -i))
            heirs.setdefault(best, []).append((story.id, shared[best]))
    return heirs


def _current(key: str, replaced: Mapping[str, str]) -> str:
    """The key of the newest version of an article (follows chains of replacements)."""
    seen = {key}
    while key in replaced and replaced[key] not in seen:
        key = replaced[key]
        seen.add(key)
    return key


def new_story_id(keys: Sequence[str], taken: set[str] | frozenset[str] = frozenset()) -> str:
    """'s' + 10 hex digits of a hash of the sorted member keys; re-hashed on the (unlikely)
    chance that the id is already used by another story."""
    payload = "|".join(sorted(keys))
    for attempt in range(1000):
        digest = hashlib.sha256(f"{payload}#{attempt}".encode() if attempt else payload.encode())
        candidate = f"s{digest.hexdigest()[:10]}"
        if candidate not in taken:
            return candidate
    raise ValueError("no free story id")  # unreachable: 1000 collisions of a 40-bit hash
