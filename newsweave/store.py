"""The only module that touches SQLite: schema, migrations, save and load.

What is expensive is kept: cleaned articles with their claims (keyed by a hash of the input
record), vectors of claims and leads (keyed by encoder and text), and each story's analysis
(keyed by a hash of its member records, the settings and the code). Running twice on the same
input finds everything here and redoes none of it; every write is one transaction, so a run
killed half-way leaves whole articles or none, and a run's story changes (ids, merges) land
all together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from types import UnionType
from typing import Any, Self, Union, get_args, get_origin, get_type_hints

import numpy as np

from .errors import StoreError
from .models import Article, Claim, RawRecord, Removal, Story
from .story_ids import StoredStory

SCHEMA_VERSION = 2
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS articles (
        source_key TEXT PRIMARY KEY,      -- hash of the input record: same input, same row
        id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        path TEXT NOT NULL,
        article TEXT NOT NULL,            -- Article as JSON
        claims TEXT NOT NULL,             -- [Claim] as JSON
        added TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX IF NOT EXISTS articles_by_id ON articles(id);
    CREATE TABLE IF NOT EXISTS vectors (
        encoder TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (encoder, text_hash)
    );
    CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        article_keys TEXT NOT NULL,       -- JSON list of articles.source_key
        report TEXT NOT NULL,             -- the story's report JSON
        updated TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # Incremental runs: an article knows the file it came from (a changed file replaces its
    # old version), stories keep their id across runs (created orders them for merges, aliases
    # keep merged-away ids resolving), and a story's analysis is kept under a key of its
    # inputs so an unchanged story is never analysed twice.
    2: """
    ALTER TABLE articles ADD COLUMN origin TEXT;     -- real path of the file read
    ALTER TABLE articles ADD COLUMN source_id TEXT;  -- the record's id before it was made unique
    ALTER TABLE articles ADD COLUMN replaces TEXT;   -- JSON list of source_keys it replaced
    UPDATE articles SET origin = path, source_id = id;
    -- version 1 kept a changed file as a second article: the newest version replaces the rest
    UPDATE articles SET replaces = (
        SELECT json_group_array(o.source_key) FROM articles o
        WHERE o.path = articles.path AND o.id = articles.id AND o.rowid <> articles.rowid)
    WHERE rowid IN (SELECT MAX(rowid) FROM articles GROUP BY path, id HAVING COUNT(*) > 1);
    DELETE FROM articles WHERE rowid NOT IN (SELECT MAX(rowid) FROM articles GROUP BY path, id);
    CREATE INDEX articles_by_origin ON articles(origin, source_id);
    ALTER TABLE stories ADD COLUMN created INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN analysis_key TEXT;  -- analyses.key of the stored report
    ALTER TABLE stories ADD COLUMN first_date TEXT;
    ALTER TABLE stories ADD COLUMN last_date TEXT;
    ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN facts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;
    UPDATE stories SET created = rowid,
        sources = json_array_length(report, '$.articles'),
        facts = json_array_length(report, '$.facts'),
        conflicts = json_array_length(report, '$.conflicts'),
        first_date = (SELECT MIN(json_extract(value, '$.published'))
                      FROM json_each(report, '$.articles')),
        last_date = (SELECT MAX(json_extract(value, '$.published'))
                     FROM json_each(report, '$.articles')),
        -- copy groups are disjoint (grouped by union): each group counts once
        independent_sources = json_array_length(report, '$.articles') - (
            SELECT COALESCE(SUM(json_array_length(value, '$.articles') - 1), 0)
            FROM json_each(report, '$.copies'));
    CREATE INDEX stories_by_analysis ON stories(analysis_key);
    CREATE TABLE story_aliases (
        alias TEXT PRIMARY KEY,           -- an id a story had before it was merged
        story_id TEXT NOT NULL            -- the story that took it over
    );
    CREATE TABLE analyses (
        key TEXT PRIMARY KEY,             -- hash of member records, settings and code
        story TEXT NOT NULL               -- the analysed Story as JSON, article texts left out
    );
    """,
}


def record_key(raw: RawRecord) -> str:
    """Same record content and metadata -> same key, wherever the file lives."""
    payload = json.dumps([raw.source_id, raw.body, raw.html, raw.title, raw.url, raw.outlet,
                          raw.published, raw.language], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoryRow:
    """One story as written to the `stories` table: its report and what `list_stories` shows."""

    id: str
    title: str
    article_keys: tuple[str, ...]
    report: dict[str, Any]
    analysis_key: str
    first_date: str | None = None
    last_date: str | None = None
    sources: int = 0
    independent_sources: int = 0
    facts: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class StoryChanges:
    """What one run changes among the stored stories, written in one transaction."""

    rows: tuple[StoryRow, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # merged-away id -> live id
    dropped: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rows or self.aliases or self.dropped)


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
    def load_article(self, key: str) -> tuple[Article, tuple[Claim, ...]] | None:
        row = self.conn.execute("SELECT article, claims FROM articles WHERE source_key = ?",
                                (key,)).fetchone()
        if row is None:
            return None
        return article_from_json(row[0]), claims_from_json(row[1])

    def has_article(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE source_key = ?",
                                 (key,)).fetchone() is not None

    def save_article(self, key: str, article: Article, claims: Iterable[Claim],
                     origin: str | None = None, source_id: str | None = None,
                     replaces: Iterable[str] = ()) -> None:
        """Save one article; the rows in `replaces` (older versions of it) go in the same
        transaction, so a killed run leaves either the old version or the new one."""
        old = sorted(set(replaces) - {key})
        with self.conn:
            self.conn.executemany("DELETE FROM articles WHERE source_key = ?",
                                  [(k,) for k in old])
            self.conn.execute(
                "INSERT OR REPLACE INTO articles (source_key, id, content_hash, path, article,"
                " claims, origin, source_id, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, article.id, article.content_hash, article.path,
                 json.dumps(asdict(article), ensure_ascii=False),
                 json.dumps([asdict(c) for c in claims], ensure_ascii=False),
                 origin or article.path, source_id or article.id,
                 json.dumps(old) if old else None))

    def replace_articles(self, key: str, replaces: Iterable[str]) -> None:
        """Remove older versions of the stored article `key` (when it was saved by a run that
        was killed before it could remove them)."""
        old = sorted(set(replaces) - {key})
        if old:
            with self.conn:
                self.conn.executemany("DELETE FROM articles WHERE source_key = ?",
                                      [(k,) for k in old])
                self.conn.execute("UPDATE articles SET replaces = ? WHERE source_key = ?",
                                  (json.dumps(old), key))

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
        found: dict[str, tuple[Claim, ...]] = {}
        for chunk in _chunks(list(keys)):
            rows = self.conn.execute(
                f"SELECT source_key, claims FROM articles WHERE source_key IN "
                f"({','.join('?' * len(chunk))})", chunk).fetchall()
            found.update((key, claims_from_json(text)) for key, text in rows)
        return found

    def replacements(self) -> dict[str, str]:
        """Key of a replaced (removed) article -> key of the version that replaced it."""
        rows = self.conn.execute("SELECT source_key, replaces FROM articles "
                                 "WHERE replaces IS NOT NULL").fetchall()
        return {old: key for key, text in rows for old in json.loads(text)}

    def load_article_text(self, article_id: str) -> str | None:
        """The cleaned text of the article with this id (the newest row when several match)."""
        row = self.conn.execute("SELECT article FROM articles WHERE id = ? ORDER BY added DESC "
                                "LIMIT 1", (article_id,)).fetchone()
        return str(json.loads(row[0])["text"]) if row else None

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
        created after every existing one), merged-away ids as aliases, dropped stories gone, and
        analyses no story uses any more deleted."""
        if not changes:
            return
        with self.conn:
            gone = sorted(set(changes.dropped) | set(changes.aliases))
            self.conn.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in gone])
            for row in changes.rows:
                self._upsert_story(row)
            self._record_aliases(changes.aliases, [r.id for r in changes.rows])
            self.conn.execute("DELETE FROM analyses WHERE key NOT IN "
                              "(SELECT analysis_key FROM stories WHERE analysis_key IS NOT NULL)")

    def _upsert_story(self, row: StoryRow) -> None:
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
            (row.id, row.title, json.dumps(sorted(row.article_keys)),
             json.dumps(row.report, ensure_ascii=False), row.analysis_key, row.first_date,
             row.last_date, row.sources, row.independent_sources, row.facts, row.conflicts))

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

    def load_story(self, story_id: str) -> dict | None:
        """The story's report JSON; an id merged into another story gives that story."""
        live = self.resolve_story_id(story_id)
        row = self.conn.execute("SELECT report FROM stories WHERE id = ?",
                                (live,)).fetchone() if live else None
        return json.loads(row[0]) if row else None

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


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    data["removed"] = tuple(Removal(**r) for r in data.get("removed", []))
    return Article(**data)


def claims_from_json(text: str) -> tuple[Claim, ...]:
    return tuple(claim_from_dict(c) for c in json.loads(text))


def claim_from_dict(data: dict) -> Claim:
    for key in ("keywords", "numbers", "names"):
        data[key] = tuple(data.get(key, ()))
    return Claim(**data)


def story_to_json(story: Story) -> str:
    """A Story as JSON, its articles left out (they are in the articles table and are put back
    from there); numpy scalars become plain numbers."""
    data = asdict(replace(story, articles=()))
    return json.dumps(data, ensure_ascii=False, default=_plain)


def story_from_json(text: str) -> Story:
    story = from_data(Story, json.loads(text))
    assert isinstance(story, Story)
    return story


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def from_data(kind: Any, value: Any) -> Any:
    """Rebuild a (nested) frozen dataclass from what `asdict` + JSON made of it, guided by the
    type annotations in models.py: tuples, optionals and nested records."""
    if is_dataclass(kind) and isinstance(kind, type):
        hints = get_type_hints(kind)
        return kind(**{f.name: from_data(hints[f.name], value[f.name])
                       for f in fields(kind) if f.name in value})
    origin, args = get_origin(kind), get_args(kind)
    if origin is tuple and value is not None:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in value)
        return tuple(from_data(a, v) for a, v in zip(args, value))
    if origin in (Union, UnionType) and value is not None:
        options = [a for a in args if a is not type(None)]
        return from_data(options[0], value) if len(options) == 1 else value
    return value
