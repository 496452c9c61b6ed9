"""A story's analysis as plain rows, so that any SQL client (or datasette) can facet facts,
conflicts, entities and copies by story, kind, status or outlet. The report JSON stays beside
them; these rows are rewritten whenever their story is."""

from __future__ import annotations

import json
import sqlite3

from ..models import Conflict, Story

# One statement per table: (table, column names). Every table has `story_id` first.
TABLES = {
    "story_articles": ("story_id", "article_id", "outlet", "published", "published_from",
                       "language", "title", "url", "words"),
    "facts": ("story_id", "fact_id", "text", "status", "sources", "independent_sources"),
    "mentions": ("story_id", "fact_id", "article_id", "text", "start", "end"),
    "conflicts": ("story_id", "conflict_id", "kind", "topic", "confidence", "explanation"),
    "conflict_sides": ("story_id", "conflict_id", "side", "value", "text", "article_id",
                       "outlet"),
    "entities": ("story_id", "name", "type", "aliases", "articles"),
    "copy_groups": ("story_id", "group_no", "kind", "score", "original", "article_id"),
}


def story_rows(story_id: str, story: Story) -> dict[str, list[tuple[object, ...]]]:
    """The rows of every plain table for one story."""
    outlet = {a.id: a.outlet for a in story.articles}
    return {
        "story_articles": [(story_id, a.id, a.outlet, a.published, a.published_from,
                            a.language, a.title, a.url, a.words) for a in story.articles],
        "facts": [(story_id, f.id, f.text, f.status, len(f.articles), f.independent_sources)
                  for f in story.facts],
        "mentions": [(story_id, f.id, m.article, m.text, m.start, m.end)
                     for f in story.facts for m in f.mentions],
        "conflicts": [(story_id, c.id, c.kind, c.topic, c.confidence, c.explanation)
                      for c in story.conflicts],
        "conflict_sides": [row for c in story.conflicts for row in side_rows(story_id, c, outlet)],
        "entities": [(story_id, e.name, e.type, json.dumps(list(e.aliases), ensure_ascii=False),
                      len(e.articles)) for e in story.entities],
        "copy_groups": [(story_id, n, g.kind, g.score, g.original, a)
                        for n, g in enumerate(story.copies, start=1) for a in g.articles],
    }


def side_rows(story_id: str, conflict: Conflict,
              outlet: dict[str, str | None]) -> list[tuple[object, ...]]:
    """One row per article of each side, with that article's own sentence."""
    rows = []
    for side, position in enumerate(conflict.positions, start=1):
        said = {q.article: q.text for q in position.statements}
        rows += [(story_id, conflict.id, side, position.value, said.get(a, position.text), a,
                  outlet.get(a)) for a in position.articles]
    return rows


def delete_rows(conn: sqlite3.Connection, story_ids: list[str]) -> None:
    for table in TABLES:
        conn.executemany(f"DELETE FROM {table} WHERE story_id = ?", [(i,) for i in story_ids])


def insert_rows(conn: sqlite3.Connection, story_id: str, story: Story) -> None:
    for table, rows in story_rows(story_id, story).items():
        columns = TABLES[table]
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                         f"({', '.join('?' * len(columns))})", rows)
