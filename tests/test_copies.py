"""Copy detection: duplicates, rewrites and translations are one source; own reports are not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsweave.chain import analyze_articles
from newsweave.clean import clean_record
from newsweave.copies import aligned_in_order, find_copies, independent_counts
from newsweave.eval.data import read_jsonl
from newsweave.models import Article, CopyGroup, Fact, RawRecord

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"

REPORT = ("The city council approved the new bridge on Monday after a long debate. "
          "The bridge will cost 40 million euros and open in 2027. "
          "Opponents said the money should go to schools instead. "
          "The mayor called the vote a turning point for the old harbour district. "
          "Construction is due to start in the spring, the council said.")


def make_article(name: str, text: str, published: str | None = None,
                 language: str = "en") -> Article:
    return Article(id=name, path=name, text=text, title=None, url=None, outlet=None,
                   published=published, published_from=None, language=language)


def test_lightly_edited_copy_is_a_duplicate_of_the_earlier_original(toolkit):
    edited = REPORT.replace("on Monday", "on Monday evening").replace("spring", "summer")
    other = make_article("c", "Storms closed three airports on the coast on Monday. "
                              "Hundreds of flights were cancelled and trains stopped running.")
    articles = [make_article("a", edited, "2024-05-02"), make_article("b", REPORT, "2024-05-01"),
                other]
    groups = find_copies(articles, None, None, toolkit)
    assert len(groups) == 1
    assert groups[0].kind == "duplicate"
    assert set(groups[0].articles) == {"a", "b"} and groups[0].original == "b"


def test_sentence_by_sentence_paraphrase_is_a_rewrite(toolkit):
    rewrite = ("On Monday, after a lengthy debate, the city council approved the new bridge. "
               "The bridge is going to cost 40 million euros and will open in 2027. "
               "Opponents argued that the money should instead go to schools. "
               "The vote was a turning point for the old harbour district, the mayor said. "
               "The council said construction is due to begin in the spring.")
    groups = find_copies([make_article("a", REPORT), make_article("b", rewrite)], None, None,
                         toolkit)
    assert [g.kind for g in groups] == ["rewrite"]


def test_aligned_in_order_ignores_matches_out_of_order():
    import numpy as np

    crossed = np.array([[0.1, 0.9], [0.9, 0.1]])
    assert aligned_in_order(crossed, 0.8) == 1
    assert aligned_in_order(np.eye(3), 0.8) == 3


def test_independent_sources_count_a_copy_group_once():
    fact = Fact(id="f", text="x", status="corroborated", articles=("a", "b", "c"),
                independent_sources=3, mentions=())
    groups = (CopyGroup(articles=("a", "b"), kind="duplicate", score=0.9, original="a"),)
    assert independent_counts((fact,), groups)[0].independent_sources == 2


def test_reference_outlets_own_reports_are_not_copies(toolkit, reference_dir: Path, settings):
    articles = [clean_record(RawRecord(str(p), p.stem, p.read_text(encoding="utf-8")), settings)
                for p in sorted(reference_dir.glob("*.txt"))]
    assert find_copies(articles, None, None, toolkit) == ()


def test_meantime_translations_of_one_article_form_one_group(toolkit):
    path = DATASETS / "meantime-translations-dev.jsonl"
    if not path.exists():
        pytest.skip("MEANTIME dev set not found")
    records = list(read_jsonl(path, limit=480))
    originals = sorted({r["gold_original"] for r in records})[:2]
    chosen = [r for r in records if r["gold_original"] in originals]
    raw = [RawRecord(str(r["id"]), str(r["id"]), r["text"], title=r.get("title"))
           for r in chosen]
    report = analyze_articles(raw, toolkit, until="copies", strict=True)
    groups = [g for s in report.stories for g in s.copies]
    expected = {frozenset(str(r["id"]) for r in chosen if r["gold_original"] == o)
                for o in originals}
    assert {frozenset(g.articles) for g in groups} == expected
    assert all(g.kind == "translation" for g in groups)


def test_articles_without_any_sentence_get_an_empty_matrix(toolkit):
    from newsweave.copies import sentence_vectors
    from newsweave.models import Article

    empty = Article(id="e", path="e.txt", text="Yes. No.", title=None, url=None, outlet=None,
                    published=None, published_from=None, language="en")
    full = replace(empty, id="f", text="The council approved the new budget on Monday.")
    vectors = sentence_vectors([empty, full], None, None, toolkit)
    assert vectors[0].shape == (0, 512) and vectors[1].shape == (1, 512)
