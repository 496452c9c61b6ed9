"""End to end on the reference story: the behaviour a user checks first."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections import Counter

import pytest

from newsweave.pipeline import Context, RunStats, analyze
from newsweave.serialize import report_to_dict, validate_report
from newsweave.store import Store

BOILERPLATE = re.compile(r"related article|https?://|copyright|original url|—\s*reuters",
                         re.IGNORECASE)


@pytest.fixture(scope="module")
def reference_report(reference_run):
    return reference_run


def test_parting_gifts_are_one_fact_from_at_least_four_outlets(reference_report):
    story = reference_report[0].stories[0]
    gifts = [f for f in story.facts
             if re.search(r"drone", f.text, re.IGNORECASE) and len(f.articles) >= 4]
    assert gifts, "the gifts statement should be aligned across sources"
    wording = {m.text for m in gifts[0].mentions}
    assert len(wording) >= 4  # different sentences, one fact
    assert any("vest" in w for w in wording)


def test_single_source_facts_name_their_source(reference_report):
    story = reference_report[0].stories[0]
    single = [f for f in story.facts if f.status == "single_source"]
    assert single and all(len(f.articles) == 1 for f in single)
    ids = {a.id for a in story.articles}
    assert all(f.articles[0] in ids for f in single)


def test_no_caption_link_or_copyright_line_becomes_a_fact(reference_report):
    story = reference_report[0].stories[0]
    for fact in story.facts:
        for mention in fact.mentions:
            assert not BOILERPLATE.search(mention.text), mention.text
    removed = {r.reason for a in story.articles for r in a.removed}
    assert {"caption", "related", "url", "copyright"} <= removed


def test_mention_offsets_point_into_the_cleaned_text(reference_report):
    story = reference_report[0].stories[0]
    texts = {a.id: a.text for a in story.articles}
    for fact in story.facts:
        for m in fact.mentions:
            assert texts[m.article][m.start:m.end] == m.text


def test_report_json_validates_against_the_schema(reference_report):
    data = json.loads(json.dumps(report_to_dict(reference_report[0])))
    validate_report(data)
    assert data["stories"][0]["articles"][0]["id"] == "000_6b28afc6b56a5f0e"


def test_running_twice_redoes_nothing_and_duplicates_nothing(reference_report, reference_dir,
                                                             toolkit, settings, tmp_path):
    first, kept = reference_report
    db = tmp_path / "news.db"
    shutil.copy(kept, db)
    with Store(db) as store:
        before = store.count_articles()
        ctx = Context(settings, store, toolkit)
        again = analyze([reference_dir], ctx)
        assert store.count_articles() == before == 5
        assert len(store.list_stories()) == 1
    assert report_to_dict(again) == report_to_dict(first)
    assert ctx.stats == RunStats(stories_reused=1)  # nothing cleaned, encoded or analysed


def test_publication_dates_are_sniffed_or_marked_inferred(reference_report):
    articles = reference_report[0].stories[0].articles
    sources = {a.published_from for a in articles}
    assert {"text", "url"} <= sources
    assert all(a.published for a in articles)
    assert "inferred" in sources


def test_a_story_whose_analysis_fails_is_reported_and_its_articles_listed_as_skipped(
        tmp_path, toolkit, settings, monkeypatch):
    from newsweave import story_steps

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The council approved the new budget on Monday after a long "
                                  "debate about road repairs and school funding in the town.")

    def broken(*args, **kwargs):
        raise ValueError("injected failure")

    monkeypatch.setattr(story_steps, "align_claims", broken)
    with Store(tmp_path / "news.db") as store:
        report = analyze([folder], Context(settings, store, toolkit))
        assert store.list_stories() == []  # nothing stored: the next run tries again
    assert [a.id for s in report.stories for a in s.articles] == ["a"]
    assert [s.path for s in report.skipped] == [str(folder / "a.txt")]
    assert "injected failure" in report.skipped[0].reason


def test_a_run_after_a_failed_story_analyses_it(tmp_path, toolkit, settings, monkeypatch):
    from newsweave import story_steps

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The council approved the new budget on Monday after a long "
                                  "debate about road repairs and school funding in the town.")
    real = story_steps.align_claims
    monkeypatch.setattr(story_steps, "align_claims", lambda *a, **k: 1 / 0)
    with Store(tmp_path / "news.db") as store:
        analyze([folder], Context(settings, store, toolkit))
    monkeypatch.setattr(story_steps, "align_claims", real)
    with Store(tmp_path / "news.db") as store:
        report = analyze([folder], Context(settings, store, toolkit))
        assert len(store.list_stories()) == 1
    assert not report.skipped and report.stories[0].facts


def test_a_person_given_a_post_and_its_deputy_post_is_a_reported_conflict(tmp_path, toolkit,
                                                                           settings):
    folder = tmp_path / "in"
    folder.mkdir()
    body = ("opened the new river bridge on Monday, the council said. The bridge cost the "
            "town two years of work and links the old market to the railway station.")
    (folder / "a.txt").write_text(f"Mayor Jane Porter {body}")
    (folder / "b.txt").write_text(f"Deputy Mayor Jane Porter {body}")
    with Store(tmp_path / "news.db") as store:
        report = analyze([folder], Context(settings, store, toolkit))
    [story] = report.stories
    [title] = [c for c in story.conflicts if c.topic.endswith("title")]
    assert title.kind == "title"
    assert {p.value for p in title.positions} == {"Mayor", "Deputy Mayor"}


def test_the_analysis_is_also_plain_sql_rows(reference_report):
    report, db = reference_report
    story = report.stories[0]
    with sqlite3.connect(db) as conn:
        kinds = dict(conn.execute("SELECT kind, COUNT(*) FROM conflicts WHERE story_id = ? "
                                  "GROUP BY kind", (story.id,)).fetchall())
        sides = conn.execute("SELECT conflict_id, value, article_id, outlet FROM "
                             "conflict_sides WHERE story_id = ?", (story.id,)).fetchall()
        facts = conn.execute("SELECT COUNT(*) FROM facts WHERE story_id = ?",
                             (story.id,)).fetchone()[0]
        mentions = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        copies = conn.execute("SELECT COUNT(*) FROM copy_groups").fetchone()[0]
    assert kinds == dict(Counter(c.kind for c in story.conflicts))
    outlet = {a.id: a.outlet for a in story.articles}
    assert sorted(sides) == sorted((c.id, p.value, a, outlet[a]) for c in story.conflicts
                                   for p in c.positions for a in p.articles)
    assert facts == len(story.facts)
    assert mentions == sum(len(f.mentions) for f in story.facts)
    assert copies == sum(len(g.articles) for g in story.copies)
