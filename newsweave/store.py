"""The only module that touches SQLite: schema, migrations, save and load.

What is expensive is kept: cleaned articles with their claims (keyed by a hash of the input
record) and claim vectors (keyed by encoder and claim text). Running twice on the same input
finds everything here and redoes none of it; every write is one transaction, so a run killed
half-way leaves whole articles or none.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Self

import numpy as np

from .errors import StoreError
from .models import Article, Claim, RawRecord, Removal

SCHEMA_VERSION = 1
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
}


def record_key(raw: RawRecord) -> str:
    """Same record content and metadata -> same key, wherever the file lives."""
    payload = json.dumps([raw.source_id, raw.body, raw.html, raw.title, raw.url, raw.outlet,
                          raw.published, raw.language], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: database schema version {version} is newer than this "
                             f"newsweave understands ({SCHEMA_VERSION}); upgrade newsweave")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.conn:
                self.conn.executescript(MIGRATIONS[target])
                self.conn.execute(f"PRAGMA user_version = {int(target)}")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # articles -------------------------------------------------------------------------
    def load_article(self, key: str) -> tuple[Article, tuple[Claim, ...]] | None:
        row = self.conn.execute("SELECT article, claims FROM articles WHERE source_key = ?",
                                (key,)).fetchone()
        if row is None:
            return None
        return article_from_json(row[0]), tuple(claim_from_dict(c) for c in json.loads(row[1]))

    def save_article(self, key: str, article: Article, claims: Iterable[Claim]) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO articles (source_key, id, content_hash, path, article,"
                " claims) VALUES (?, ?, ?, ?, ?, ?)",
                (key, article.id, article.content_hash, article.path,
                 json.dumps(asdict(article), ensure_ascii=False),
                 json.dumps([asdict(c) for c in claims], ensure_ascii=False)))

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # vectors --------------------------------------------------------------------------
    def load_vectors(self, encoder: str, texts: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        keys = {text_key(t): t for t in texts}
        items = list(keys.items())
        for start in range(0, len(items), 500):
            chunk = items[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT text_hash, vector FROM vectors WHERE encoder = ? AND text_hash IN "
                f"({marks})", [encoder, *(k for k, _ in chunk)]).fetchall()
            for key, blob in rows:
                found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def save_vectors(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO vectors (encoder, text_hash, vector) VALUES (?, ?, ?)",
                [(encoder, text_key(t), np.asarray(v, dtype=np.float32).tobytes())
                 for t, v in vectors.items()])

    # stories --------------------------------------------------------------------------
    def save_story(self, story_id: str, title: str, article_keys: list[str],
                   report: dict) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO stories (id, title, article_keys, report) "
                "VALUES (?, ?, ?, ?)",
                (story_id, title, json.dumps(sorted(article_keys)),
                 json.dumps(report, ensure_ascii=False)))

    def load_story(self, story_id: str) -> dict | None:
        row = self.conn.execute("SELECT report FROM stories WHERE id = ?",
                                (story_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def list_stories(self) -> list[dict]:
        rows = self.conn.execute("SELECT id, title, article_keys, updated FROM stories "
                                 "ORDER BY updated DESC, id").fetchall()
        return [{"id": r[0], "title": r[1], "articles": len(json.loads(r[2])), "updated": r[3]}
                for r in rows]

    def load_article_text(self, article_id: str) -> str | None:
        """The cleaned text of the article with this id (the newest row when several match)."""
        row = self.conn.execute("SELECT article FROM articles WHERE id = ? ORDER BY added DESC "
                                "LIMIT 1", (article_id,)).fetchone()
        return str(json.loads(row[0])["text"]) if row else None


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    data["removed"] = tuple(Removal(**r) for r in data.get("removed", []))
    return Article(**data)


def claim_from_dict(data: dict) -> Claim:
    for key in ("keywords", "numbers", "names"):
        data[key] = tuple(data.get(key, ()))
    return Claim(**data)
