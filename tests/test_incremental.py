"""Runs against an existing database (issues 4 and 6): new articles join the stored stories or
make new ones, story ids stay stable, and only what changed is analysed again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import write_story
from web_testdata import full_report

from newsweave.errors import StoreError
from newsweave.models import Report, Story
from newsweave.pipeline import Context, RunStats, analyze
from newsweave.serialize import story_to_dict
from newsweave.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    StoryChanges,
    StoryRecord,
    story_from_json,
    story_to_json,
)
from newsweave.story_ids import StoredStory, assign_story_ids, new_story_id

BUDGET = (
    "The city council of Lakeside approved a budget of 4.2 million dollars on Monday after a "
    "long debate over road repairs, officials said.\n\n"
    "Mayor Ana Ruiz said the money would repair three bridges and two schools before winter.\n\n"
    "Opposition members said the plan was rushed and voted against it in the evening session.\n"
)


def run(paths: list[Path], db: Path, toolkit, settings) -> tuple[Report, RunStats]:
    with Store(db) as store:
        ctx = Context(settings, store, toolkit)
        return analyze(paths, ctx), ctx.stats


def copy_articles(source: Path, folder: Path, names: list[str]) -> Path:
    """Writable copies of some reference articles (the originals are read-only)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def four_of_five(reference_dir, toolkit, settings, tmp_path_factory):
    """A database holding four of the five reference articles, and the folder they came from."""
    base = tmp_path_factory.mktemp("base")
    names = sorted(p.name for p in reference_dir.glob("*.txt"))
    corpus = copy_articles(reference_dir, base / "corpus", names[:4])
    report, _ = run([corpus], base / "news.db", toolkit, settings)
    return base, report.stories[0].id, names


@pytest.fixture
def workspace(four_of_five, tmp_path):
    """A private copy of the four-article database and its folder, for one test to change."""
    base, story_id, names = four_of_five
    shutil.copytree(base / "corpus", tmp_path / "corpus")
    shutil.copy(base / "news.db", tmp_path / "news.db")
    return tmp_path / "corpus", tmp_path / "news.db", story_id, names


# --- runs on the real pipeline ---------------------------------------------------------------


def test_article_added_in_a_second_run_joins_its_story_and_the_id_stays(
        workspace, reference_dir, toolkit, settings):
    corpus, db, story_id, names = workspace
    copy_articles(reference_dir, corpus, names[4:])
    report, stats = run([corpus], db, toolkit, settings)
    assert [s.id for s in report.stories] == [story_id]
    assert len(report.stories[0].articles) == 5
    assert stats.articles_cleaned == 1


def test_unrelated_article_makes_a_new_story_and_leaves_the_old_one_alone(
        workspace, toolkit, settings):
    corpus, db, story_id, _ = workspace
    write_story(corpus / "budget", BUDGET)
    report, stats = run([corpus], db, toolkit, settings)
    ids = [s.id for s in report.stories]
    assert len(ids) == 2 and story_id in ids
    assert stats.stories_analysed == 1 and stats.stories_reused == 1
    with Store(db) as store:
        assert {r["id"] for r in store.list_stories()} == set(ids)


def test_stored_article_without_claims_is_reused_when_another_file_arrives(
        workspace, reference_dir, toolkit, settings):
    """A kept article can have no claims (a line of sports transactions: verbs without a
    subject); loaded back on the next run it is still an article of the pile."""
    corpus, db, story_id, names = workspace
    (corpus / "transactions.txt").write_text(
        "HARBOR CITY HAWKS Fired Sam Doyle, coach. Named Lee Park coach.\n", encoding="utf-8")
    first, _ = run([corpus], db, toolkit, settings)
    copy_articles(reference_dir, corpus, names[4:])
    report, stats = run([corpus], db, toolkit, settings)
    assert stats.articles_cleaned == 1  # only the new file; the claimless one came from the store
    held = {a.path.rsplit("/", 1)[-1] for s in report.stories for a in s.articles}
    assert held == {*names, "transactions.txt"}
    assert story_id in [s.id for s in report.stories]
    assert len({a.id for s in first.stories for a in s.articles}) == 5


def test_unchanged_rerun_cleans_encodes_analyses_and_writes_nothing(workspace, toolkit,
                                                                     settings):
    corpus, db, story_id, _ = workspace
    report, stats = run([corpus], db, toolkit, settings)
    assert [s.id for s in report.stories] == [story_id]
    assert stats == RunStats(stories_reused=1)


def test_reused_story_reports_exactly_what_the_first_analysis_did(workspace, toolkit,
                                                                   settings):
    corpus, db, story_id, _ = workspace
    with Store(db) as store:
        first = store.load_story(story_id)
    report, _ = run([corpus], db, toolkit, settings)
    assert story_to_dict(report.stories[0]) == story_to_dict(first)


def test_changed_file_replaces_its_old_version(reference_dir, tmp_path, toolkit, settings):
    names = sorted(p.name for p in reference_dir.glob("*.txt"))[:3]
    corpus, db = copy_articles(reference_dir, tmp_path / "corpus", names), tmp_path / "n.db"
    story_id = run([corpus], db, toolkit, settings)[0].stories[0].id
    changed = corpus / names[1]  # a file is known by its real path: change it in place
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOfficials gave no further "
                       "details about the schedule of the next meeting.\n", encoding="utf-8")
    report, stats = run([corpus], db, toolkit, settings)
    assert [s.id for s in report.stories] == [story_id]
    assert stats.articles_cleaned == 1 and stats.stories_analysed == 1
    with Store(db) as store:
        assert store.count_articles() == 3
        texts = [a.text for a in store.load_story(story_id).articles
                 if a.id == Path(names[1]).stem]
        assert len(texts) == 1 and "next meeting" in texts[0]


def test_run_on_a_subset_reports_only_the_stories_holding_its_inputs(workspace, toolkit,
                                                                      settings):
    corpus, db, story_id, _ = workspace
    (budget,) = write_story(corpus.parent / "other", BUDGET)
    report, _ = run([budget], db, toolkit, settings)
    assert len(report.stories) == 1 and report.stories[0].id != story_id
    with Store(db) as store:
        assert len(store.list_stories()) == 2


def test_same_file_name_from_another_folder_gets_its_own_article_id(workspace, toolkit,
                                                                    settings):
    corpus, db, _, _ = workspace
    write_story(corpus.parent / "first", BUDGET)
    write_story(corpus.parent / "second", BUDGET.replace("Monday", "Tuesday"))
    run([corpus.parent / "first"], db, toolkit, settings)
    run([corpus.parent / "second"], db, toolkit, settings)
    with Store(db) as store:
        ids = [a.id for _, a in store.load_pile()]
    assert len(ids) == 6 and len(set(ids)) == 6


# --- story ids: the matching rules -----------------------------------------------------------


def stored(story_id: str, created: int, *keys: str) -> StoredStory:
    return StoredStory(story_id, created, frozenset(keys))


def test_cluster_that_grew_keeps_the_stored_id():
    assignment = assign_story_ids([["a", "b", "c"]], [stored("s1", 1, "a", "b")])
    assert assignment.ids == ("s1",) and not assignment.aliases


def test_split_keeps_the_id_for_the_larger_part():
    assignment = assign_story_ids([["a"], ["b", "c"]], [stored("s1", 1, "a", "b", "c")])
    assert assignment.ids[1] == "s1"
    assert assignment.ids[0] != "s1" and assignment.ids[0].startswith("s")


def test_even_split_keeps_the_id_for_the_part_first_in_pile_order():
    assignment = assign_story_ids([["a", "b"], ["c", "d"]], [stored("s1", 1, "a", "b", "c", "d")])
    assert assignment.ids[0] == "s1" and assignment.ids[1] != "s1"


def test_merge_keeps_the_older_id_and_aliases_the_other():
    assignment = assign_story_ids([["a", "b", "c", "d"]],
                                  [stored("snew", 5, "a", "b", "c"), stored("sold", 2, "d")])
    assert assignment.ids == ("sold",)
    assert assignment.aliases == {"snew": "sold"}


def test_brand_new_cluster_gets_a_stable_new_id():
    first = assign_story_ids([["x", "y"]], [stored("s1", 1, "a")])
    again = assign_story_ids([["y", "x"]], [stored("s1", 1, "a")])
    assert first.ids == again.ids and first.ids[0] != "s1"
    assert first.dropped == ("s1",)


def test_replaced_article_counts_as_its_new_version():
    assignment = assign_story_ids([["a2"]], [stored("s1", 1, "a1")], replaced={"a1": "a2"})
    assert assignment.ids == ("s1",)


def test_new_id_avoids_ids_already_taken():
    taken = {new_story_id(["a"])}
    assert new_story_id(["a"], taken) not in taken


# --- store: aliases, analyses, migration -----------------------------------------------------


def row(story_id: str, keys: tuple[str, ...]) -> StoryRecord:
    return StoryRecord(story_id, keys, f"key-{story_id}", Story(story_id, f"title {story_id}", ()))


def test_merged_away_id_still_opens_the_story_it_was_merged_into(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.commit_stories(StoryChanges((row("s1", ("a",)), row("s2", ("b",)))))
        store.commit_stories(StoryChanges((row("s1", ("a", "b")),), aliases={"s2": "s1"}))
        store.save_analysis("key-s1", Story("s1", "title s1", ()))
        assert store.load_story("s2") == Story("s1", "title s1", ())
        assert [r["id"] for r in store.list_stories()] == ["s1"]


def test_alias_chains_point_at_the_live_story(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.commit_stories(StoryChanges((row("s1", ("a",)),), aliases={"s0": "s1"}))
        store.commit_stories(StoryChanges((row("s3", ("a", "c")),), aliases={"s1": "s3"}))
        assert store.story_aliases() == {"s0": "s3", "s1": "s3"}


def test_new_story_is_created_after_every_stored_one(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.commit_stories(StoryChanges((row("s1", ("a",)), row("s2", ("b",)))))
        store.commit_stories(StoryChanges((row("s1", ("a", "c")),)))
        created = {s.id: s.created for s in store.stored_stories()}
    assert created["s1"] < created["s2"]


def test_story_analysis_round_trips_through_json():
    story = full_report().stories[0]
    assert story_from_json(story_to_json(story)) == story


def test_version_1_database_is_migrated_keeping_its_stories(tmp_path):
    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[1])
    for key, text in (("k1", "old text"), ("k2", "new text")):
        conn.execute("INSERT INTO articles (source_key, id, content_hash, path, article, claims)"
                     " VALUES (?, 'a', ?, 'a.txt', ?, '[]')", (key, key, json.dumps({"t": text})))
    report = {"articles": [{"id": "a", "published": "2024-01-02"}], "facts": [],
              "conflicts": [], "copies": []}
    conn.execute("INSERT INTO stories (id, title, article_keys, report) VALUES "
                 "('s1', 'T', '[\"k1\"]', ?)", (json.dumps(report),))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert store.count_articles() == 1 and store.replacements() == {"k1": "k2"}
        (listed,) = store.list_stories()
    assert listed["first_date"] == "2024-01-02" and listed["sources"] == 1


def test_newer_database_is_refused_with_a_clear_error(tmp_path):
    db = tmp_path / "future.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this newsweave understands"):
        Store(db)


def test_an_article_kept_by_other_cleaning_code_is_cleaned_again(workspace, toolkit,
                                                                  settings):
    corpus, db, story_id, _ = workspace
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET code = 'older' WHERE rowid = "
                     "(SELECT MIN(rowid) FROM articles)")
    report, stats = run([corpus], db, toolkit, settings)
    assert stats.articles_cleaned == 1
    assert [s.id for s in report.stories] == [story_id]
