"""`analyze` with a database: the chain (`chain.py`) with a memory that is the store.

Everything expensive is kept in the database and reused: cleaned articles and their claims,
vectors, each story's analysis. A run's inputs are clustered together with every stored article,
each cluster keeps the id of the stored story it continues (`story_ids`), and only stories whose
members, settings or analysis code changed are analysed again. The report covers the stories
that hold at least one of the run's inputs, with all their articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .chain import ProgressFn, RunStats, analyze_paths, renamed
from .code_version import CLEANING_VERSION
from .config import Settings
from .memory import Input, Memory, StoryChanges
from .models import Article, Claim, Report, Story
from .store import Store
from .story_ids import StoredStory
from .toolkit import Toolkit

__all__ = ["Context", "RunStats", "StoreMemory", "analyze"]


class StoreMemory(Memory):
    """The chain's memory kept in a database: runs are incremental."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def own_files(self) -> tuple[str, ...]:
        return tuple(self.store.path + suffix for suffix in ("", "-wal", "-shm", "-journal"))

    def prepare(self, inputs: list[Input]) -> list[Input]:
        run_keys = {i.key for i in inputs}
        return [self.against_store(i, run_keys) for i in inputs]

    def against_store(self, item: Input, run_keys: set[str]) -> Input:
        """A record not stored yet replaces the stored versions read from the same file under
        the same record id; if another stored article (from another file) has its id, it gets
        a hash suffix, so article ids stay unique across runs."""
        if self.store.has_article(item.key):
            return item
        older = tuple(k for k in self.store.versions(item.origin, item.source_id)
                      if k not in run_keys)
        item = replace(item, replaces=older)
        clash = [k for k in self.store.keys_with_id(item.record.source_id)
                 if k not in older and k not in run_keys]
        return renamed(item) if clash else item

    def load_article(self, key: str) -> tuple[Article, tuple[Claim, ...]] | None:
        return self.store.load_article(key, CLEANING_VERSION)

    def save_article(self, item: Input, article: Article, claims: tuple[Claim, ...]) -> None:
        self.store.save_article(item.key, article, claims, origin=item.origin,
                                source_id=item.source_id, replaces=item.replaces,
                                code=CLEANING_VERSION)

    def load_claims(self, keys: Iterable[str]) -> dict[str, tuple[Claim, ...]]:
        return self.store.load_claims(keys)

    def load_vectors(self, encoder: str, texts: list[str]) -> dict[str, np.ndarray]:
        return self.store.load_vectors(encoder, texts)

    def save_vectors(self, encoder: str, vectors: Mapping[str, np.ndarray]) -> None:
        self.store.save_vectors(encoder, dict(vectors))

    def pile(self, run: list[tuple[str, Article]]) -> list[tuple[str, Article]]:
        """Every stored article: this run's were stored as they were parsed."""
        del run
        return self.store.load_pile()

    def stored_stories(self) -> list[StoredStory]:
        return self.store.stored_stories()

    def replacements(self) -> dict[str, str]:
        return self.store.replacements()

    def load_analysis(self, key: str) -> Story | None:
        return self.store.load_analysis(key)

    def save_analysis(self, key: str, story: Story) -> None:
        self.store.save_analysis(key, story)

    def commit(self, changes: StoryChanges) -> None:
        self.store.commit_stories(changes)


@dataclass
class Context:
    """A run against a database: settings, store, models, progress and what the run did."""

    settings: Settings
    store: Store
    toolkit: Toolkit
    progress: ProgressFn = field(default=lambda step, done, total: None)
    stats: RunStats = field(default_factory=RunStats)
    strict: bool = False  # a failing story raises (tests) instead of being listed as skipped


def analyze(paths: list[str | Path], ctx: Context) -> Report:
    """Files and folders in, one Report out, every stored result reused (see the module
    docstring)."""
    return analyze_paths(paths, ctx.toolkit, ctx.settings, memory=StoreMemory(ctx.store),
                         progress=ctx.progress, stats=ctx.stats, strict=ctx.strict)
