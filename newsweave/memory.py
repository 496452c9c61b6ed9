"""What one analysis may reuse and keep: cleaned articles with their claims, text vectors and
whole story analyses.

`Memory` keeps them in this process only (evals that re-run a story with one article changed
reuse everything else). `pipeline.StoreMemory` keeps them in the database instead, which makes
runs incremental: stored articles join the pile, stories keep their ids, and only stories
whose members, settings or code changed are analysed again. The chain (`chain.py`) calls the
same methods either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .models import Article, Claim, RawRecord, Story
from .story_ids import StoredStory


@dataclass(frozen=True)
class Input:
    """One record of this run, with its content key and the file it came from."""

    key: str  # hash of the record's content and metadata (`store.record_key`)
    record: RawRecord
    origin: str  # real path of the file it was read from
    source_id: str  # the record's own id in that file, before it was made unique
    replaces: tuple[str, ...] = ()  # keys of stored older versions of this record


@dataclass(frozen=True)
class StoryRecord:
    """A story as a run leaves it: its id, member keys and the analysis it was given."""

    id: str
    keys: tuple[str, ...]
    analysis_key: str
    story: Story


@dataclass(frozen=True)
class StoryChanges:
    """What one run changes among the kept stories, written all together."""

    records: tuple[StoryRecord, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # merged-away id -> live id
    dropped: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.records or self.aliases or self.dropped)


class Memory:
    """In-process memory: caches for one `Memory` object's lifetime, no earlier pile."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Article, tuple[Claim, ...]]] = {}
        self._vectors: dict[tuple[str, str], np.ndarray] = {}
        self._analyses: dict[str, Story] = {}

    def own_files(self) -> tuple[str, ...]:
        """Files that are not input even when found in an input folder (a database)."""
        return ()

    def prepare(self, inputs: list[Input]) -> list[Input]:
        """The inputs as this memory sees them (the store marks replaced versions)."""
        return inputs

    def load_article(self, key: str) -> tuple[Article, tuple[Claim, ...]] | None:
        return self._articles.get(key)

    def save_article(self, item: Input, article: Article, claims: tuple[Claim, ...]) -> None:
        self._articles[item.key] = (article, claims)

    def load_claims(self, keys: Iterable[str]) -> dict[str, tuple[Claim, ...]]:
        return {k: self._articles[k][1] for k in keys if k in self._articles}

    def load_vectors(self, encoder: str, texts: list[str]) -> dict[str, np.ndarray]:
        return {t: self._vectors[(encoder, t)] for t in texts if (encoder, t) in self._vectors}

    def save_vectors(self, encoder: str, vectors: Mapping[str, np.ndarray]) -> None:
        self._vectors.update(((encoder, t), v) for t, v in vectors.items())

    def pile(self, run: list[tuple[str, Article]]) -> list[tuple[str, Article]]:
        """Everything to cluster: here, this run's articles only."""
        return run

    def stored_stories(self) -> list[StoredStory]:
        return []

    def replacements(self) -> dict[str, str]:
        return {}

    def load_analysis(self, key: str) -> Story | None:
        return self._analyses.get(key)

    def save_analysis(self, key: str, story: Story) -> None:
        self._analyses[key] = story

    def commit(self, changes: StoryChanges) -> None:
        """Nothing outlives the process here."""
        del changes
