"""The only package that touches SQLite: schema, migrations, save and load.

What is expensive is kept: cleaned articles with their claims (keyed by a hash of the input
record), vectors of claims and leads (keyed by encoder and text), and each story's analysis
(keyed by a hash of its member records, the settings and the code). Running twice on the same
input finds everything here and redoes none of it; every write is one transaction, so a run
killed half-way leaves whole articles or none, and a run's story changes (ids, merges) land
all together or not at all. Each stored story is also written as plain rows (`tables.py`:
facts, mentions, conflicts and their sides, entities, copy groups) for SQL clients.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, replace
from pathlib import Path
from typing import Self

import numpy as np

from ..errors import StoreError
from ..memory import StoryChanges, StoryRecord
from ..models import Article, Claim, Story
from ..serialize import story_to_dict
from ..story_ids import StoredStory
from .codec import article_from_json, claims_from_json, story_from_json, story_to_json
from .schema import MIGRATIONS, SCHEMA_VERSION
from .tables import delete_rows, insert_rows

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Store", "StoryChanges", "StoryRecord",
           "story_from_json", "story_to_json"]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a newsweave database ({err})") from err

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        """Each migration and its version bump in one transaction: a run killed mid-way leaves
        the database at the old version, never half-migrated."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: database schema version {version} is newer than this "
                             f"newsweave understands ({SCHEMA_VERSION}); upgrade newsweave")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            try:
                self.conn.executescript(f"BEGIN; {MIGRATIONS[target]}; "
                                        f"PRAGMA user_version = {int(target)}; COMMIT;")
            except sqlite3.DatabaseError:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # articles -------------------------------------------------------------------------
    def load_article(self, key: str, code: str | None = None
                     ) -> tuple[Article, tuple[Claim, ...]] | None:
        """The kept article and its claims; None when it is not kept, or (with `code`) was
        made by another version of the cleaning code."""
        row = self.conn.execute("SELECT article, claims, code FROM articles WHERE "
                                "source_key = ?", (key,)).fetchone()
        if row is None or code is not None and row[2] != code:
            return None
        return article_from_json(row[0]), claims_from_json(row[1])

    def has_article(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE source_key = ?",
                                 (key,)).fetchone() is not None

    def save_article(self, key: str, article: Article, claims: Iterable[Claim],
                     origin: str | None = None, source_id: str | None = None,
                     replaces: Iterable[str] = (), code: str | None = None) -> None:
        """Save one article; the rows in `replaces` (older versions of it) go in the same
        transaction, so a killed run leaves either the old version or the new one."""
        old = sorted(set(replaces) - {key})
        with self.conn:
            self.conn.executemany("DELETE FROM articles WHERE source_key = ?",
                                  [(k,) for k in old])
            self.conn.execute(
                "INSERT OR REPLACE INTO articles (source_key, id, content_hash, path, article,"
                " claims, origin, source_id, replaces, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, article.id, article.content_hash, article.path,
                 json.dumps(asdict(article), ensure_ascii=False),
                 json.dumps([asdict(c) for c in claims], ensure_ascii=False),
                 origin or article.path, source_id or article.id,
                 json.dumps(old) if old else None, code))

    def versions(self, origin: str, source_id: str) -> list[str]:
        """Keys of the stored articles read from file `origin` under record id `source_id`."""
        rows = self.conn.execute("SELECT source_key FROM articles WHERE origin = ? AND "
                                 "source_id = ?", (origin, source_id)).fetchall()
        return [r[0] for r in rows]

    def keys_with_id(self, article_id: str) -> list[str]:
        rows = self.conn.execute("SELECT source_key FROM articles WHERE id = ?",
                                 (article_id,)).fetchall()
        return [r[0] for r in rows]

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def load_pile(self) -> list[tuple[str, Article]]:
        """Every stored article (without claims) with its key, in (path, id) order."""
        rows = self.conn.execute("SELECT source_key, article FROM articles "
                                 "ORDER BY path, id, source_key").fetchall()
        return [(key, article_from_json(text)) for key, text in rows]

    def load_claims(self, keys: Iterable[str]) -> dict[str, tuple[Claim, ...]]:
        return {k: claims_from_json(text) for k, text in self._by_keys("claims", keys).items()}

    def _by_keys(self, column: str, keys: Iterable[str]) -> dict[str, str]:
        """One column of the articles table (`claims` or `article`) for the given keys."""
        assert column in ("claims", "article")
        found: dict[str, str] = {}
        for chunk in _chunks(list(keys)):
            found.update(self.conn.execute(
                f"SELECT source_key, {column} FROM articles WHERE source_key IN "
                f"({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def replacements(self) -> dict[str, str]:
        """Key of a replaced (removed) article -> key of the version that replaced it."""
        rows = self.conn.execute("SELECT source_key, replaces FROM articles "
                                 "WHERE replaces IS NOT NULL").fetchall()
        return {old: key for key, text in rows for old in json.loads(text)}

    # vectors --------------------------------------------------------------------------
    def load_vectors(self, encoder: str, texts: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        keys = {text_key(t): t for t in texts}
        for chunk in _chunks(list(keys)):
            rows = self.conn.execute(
                f"SELECT text_hash, vector FROM vectors WHERE encoder = ? AND text_hash IN "
                f"({','.join('?' * len(chunk))})", [encoder, *chunk]).fetchall()
            for key, blob in rows:
                found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def save_vectors(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO vectors (encoder, text_hash, vector) VALUES (?, ?, ?)",
                [(encoder, text_key(t), np.asarray(v, dtype=np.float32).tobytes())
                 for t, v in vectors.items()])

    # analyses -------------------------------------------------------------------------
    def load_analysis(self, key: str) -> Story | None:
        row = self.conn.execute("SELECT story FROM analyses WHERE key = ?", (key,)).fetchone()
        return story_from_json(row[0]) if row else None

    def save_analysis(self, key: str, story: Story) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO analyses (key, story) VALUES (?, ?)",
                              (key, story_to_json(story)))

    # stories --------------------------------------------------------------------------
    def stored_stories(self) -> list[StoredStory]:
        rows = self.conn.execute("SELECT id, created, article_keys, analysis_key FROM stories "
                                 "ORDER BY created, id").fetchall()
        return [StoredStory(r[0], int(r[1]), frozenset(json.loads(r[2])), r[3]) for r in rows]

    def commit_stories(self, changes: StoryChanges) -> None:
        """Write a run's story changes in one transaction: new and changed stories (a new id is
        created after every existing one) with their plain rows, merged-away ids as aliases,
        dropped stories gone, and analyses no story uses any more deleted."""
        if not changes:
            return
        with self.conn:
            gone = sorted(set(changes.dropped) | set(changes.aliases))
            self.conn.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in gone])
            delete_rows(self.conn, gone + [r.id for r in changes.records])
            for record in changes.records:
                self._upsert_story(record)
                insert_rows(self.conn, record.id, record.story)
            self._record_aliases(changes.aliases, [r.id for r in changes.records])
            self.conn.execute("DELETE FROM analyses WHERE key NOT IN "
                              "(SELECT analysis_key FROM stories WHERE analysis_key IS NOT NULL)")

    def _upsert_story(self, record: StoryRecord) -> None:
        story = record.story
        dates = sorted(a.published for a in story.articles if a.published)
        self.conn.execute(
            "INSERT INTO stories (id, title, article_keys, report, created, analysis_key,"
            " first_date, last_date, sources, independent_sources, facts, conflicts)"
            " VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(created), 0) + 1 FROM stories),"
            " ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
            " article_keys = excluded.article_keys, report = excluded.report,"
            " analysis_key = excluded.analysis_key, first_date = excluded.first_date,"
            " last_date = excluded.last_date, sources = excluded.sources,"
            " independent_sources = excluded.independent_sources, facts = excluded.facts,"
            " conflicts = excluded.conflicts, updated = datetime('now')",
            (record.id, story.title, json.dumps(sorted(record.keys)),
             json.dumps(story_to_dict(replace(story, id=record.id)), ensure_ascii=False),
             record.analysis_key, dates[0] if dates else None, dates[-1] if dates else None,
             len(story.articles), story.independent_sources, len(story.facts),
             len(story.conflicts)))

    def _record_aliases(self, aliases: Mapping[str, str], live: list[str]) -> None:
        for alias, target in sorted(aliases.items()):
            self.conn.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?",
                              (target, alias))
            self.conn.execute("INSERT OR REPLACE INTO story_aliases (alias, story_id) "
                              "VALUES (?, ?)", (alias, target))
        # an id that is a story again is no longer an alias
        self.conn.executemany("DELETE FROM story_aliases WHERE alias = ?", [(i,) for i in live])

    def resolve_story_id(self, story_id: str) -> str | None:
        """The live id for `story_id`: itself, or the story it was merged into; None if
        unknown."""
        if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self.conn.execute("SELECT story_id FROM story_aliases WHERE alias = ?",
                                (story_id,)).fetchone()
        return str(row[0]) if row else None

    def load_story(self, story_id: str) -> Story | None:
        """The analysed story; an id merged into another story gives that story. Analyses
        kept by older versions hold no articles: they come from the articles table then."""
        live = self.resolve_story_id(story_id)
        row = self.conn.execute(
            "SELECT s.id, s.title, s.article_keys, a.story FROM stories s JOIN analyses a "
            "ON a.key = s.analysis_key WHERE s.id = ?", (live,)).fetchone() if live else None
        if row is None:
            return None
        story = replace(story_from_json(row[3]), id=row[0], title=row[1])
        if not story.articles:
            found = self.load_articles(json.loads(row[2]))
            story = replace(story, articles=tuple(found[k] for k in json.loads(row[2])
                                                  if k in found))
        return story

    def load_articles(self, keys: Iterable[str]) -> dict[str, Article]:
        return {k: article_from_json(text) for k, text in self._by_keys("article", keys).items()}

    def list_stories(self) -> list[dict]:
        """Every stored story, most recently updated first, with what a listing shows."""
        rows = self.conn.execute(
            "SELECT id, title, article_keys, updated, created, first_date, last_date, sources,"
            " independent_sources, facts, conflicts FROM stories "
            "ORDER BY updated DESC, created DESC, id").fetchall()
        names = ("id", "title", "articles", "updated", "created", "first_date", "last_date",
                 "sources", "independent_sources", "facts", "conflicts")
        return [dict(zip(names, (*r[:2], len(json.loads(r[2])), *r[3:]))) for r in rows]

    def story_aliases(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT alias, story_id FROM story_aliases").fetchall())


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """SQLite caps the number of `?` in one statement; 500 stays well under every build's cap."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
