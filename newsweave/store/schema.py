"""The database schema as numbered migrations; `Store` applies the missing ones in order, each
with its version bump in one transaction."""

from __future__ import annotations

SCHEMA_VERSION = 3
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
        story TEXT NOT NULL               -- the analysed Story as JSON
    );
    """,
    # A story's analysis as plain rows (store/tables.py) beside the report JSON, so SQL clients
    # and datasette can facet it. Filled as stories are (re)analysed; the analysis code changed
    # with this version, so every story is analysed again on the next run.
    3: """
    ALTER TABLE articles ADD COLUMN code TEXT;  -- version of the cleaning code that made it
    CREATE TABLE story_articles (story_id TEXT NOT NULL, article_id TEXT NOT NULL, outlet TEXT,
        published TEXT, published_from TEXT, language TEXT, title TEXT, url TEXT,
        words INTEGER);
    CREATE TABLE facts (story_id TEXT NOT NULL, fact_id TEXT NOT NULL, text TEXT NOT NULL,
        status TEXT NOT NULL, sources INTEGER NOT NULL, independent_sources INTEGER NOT NULL);
    CREATE TABLE mentions (story_id TEXT NOT NULL, fact_id TEXT NOT NULL,
        article_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL);
    CREATE TABLE conflicts (story_id TEXT NOT NULL, conflict_id TEXT NOT NULL,
        kind TEXT NOT NULL, topic TEXT NOT NULL, confidence REAL NOT NULL, explanation TEXT);
    CREATE TABLE conflict_sides (story_id TEXT NOT NULL, conflict_id TEXT NOT NULL,
        side INTEGER NOT NULL, value TEXT NOT NULL, text TEXT, article_id TEXT NOT NULL,
        outlet TEXT);
    CREATE TABLE entities (story_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL, articles INTEGER NOT NULL);
    CREATE TABLE copy_groups (story_id TEXT NOT NULL, group_no INTEGER NOT NULL,
        kind TEXT NOT NULL, score REAL NOT NULL, original TEXT, article_id TEXT NOT NULL);
    CREATE INDEX story_articles_by_story ON story_articles(story_id);
    CREATE INDEX facts_by_story ON facts(story_id);
    CREATE INDEX mentions_by_story ON mentions(story_id);
    CREATE INDEX conflicts_by_story ON conflicts(story_id);
    CREATE INDEX conflict_sides_by_story ON conflict_sides(story_id);
    CREATE INDEX entities_by_story ON entities(story_id);
    CREATE INDEX copy_groups_by_story ON copy_groups(story_id);
    """,
}
