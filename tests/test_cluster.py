"""Story clustering: hand-built piles with made-up vectors, and one real ECB+ check."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsweave import cluster
from newsweave.chain import analyze_articles
from newsweave.cluster import cluster_articles, features, lead_text
from newsweave.config import Settings
from newsweave.eval.data import read_jsonl
from newsweave.eval.stories import bcubed
from newsweave.memory import Memory
from newsweave.models import Article, RawRecord

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def make_article(index: int, text: str, published: str | None = None,
                 language: str = "en") -> Article:
    return Article(id=f"a{index}", path=f"a{index}", text=text, title=None, url=None,
                   outlet=None, published=published, published_from=None, language=language)


def unit(*values: float) -> np.ndarray:
    vector = np.zeros(512, dtype=np.float32)
    vector[:len(values)] = values
    return vector / np.linalg.norm(vector)


def test_reports_naming_the_same_place_join_while_a_same_kind_event_elsewhere_stays_apart():
    texts = ["Quake hits Arvala, 12 dead, says Mayor Tonnes.",
             "Mayor Tonnes says 12 dead in the Arvala quake.",
             "Quake hits Belmora, 40 dead, says Governor Ruiz.",
             "Governor Ruiz: 40 dead as quake strikes Belmora."]
    articles = [make_article(i, t) for i, t in enumerate(texts)]
    # The encoder finds all four alike (cosine 0.6 each pair): only names and figures differ.
    vectors = np.vstack([unit(*([0.6 ** 0.5] + [0.0] * i + [0.4 ** 0.5])) for i in range(4)])
    assert cluster_articles(articles, vectors, Settings()) == [[0, 1], [2, 3]]


def test_identical_reports_months_apart_are_two_stories():
    articles = [make_article(0, "Flood in Harlow.", "2024-01-02"),
                make_article(1, "Flood in Harlow.", "2024-03-20"),
                make_article(2, "Flood in Harlow.", None)]
    vectors = np.vstack([unit(1, 0), unit(1, 0), unit(1, 0)])
    groups = cluster_articles(articles, vectors, Settings())
    assert len(groups) == 2 and sorted(len(g) for g in groups) == [1, 2]


def test_a_story_reported_day_after_day_for_weeks_is_one_story():
    days = [f"2024-01-{day:02d}" for day in range(1, 25, 2)]  # 12 reports over 23 days
    articles = [make_article(i, "Flood in Harlow.", day) for i, day in enumerate(days)]
    vectors = np.vstack([unit(1, 0)] * len(articles))
    assert cluster_articles(articles, vectors, Settings()) == [list(range(len(articles)))]


def test_the_same_report_after_a_quiet_fortnight_is_another_story():
    days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-18", "2024-01-19"]
    articles = [make_article(i, "Flood in Harlow.", day) for i, day in enumerate(days)]
    vectors = np.vstack([unit(1, 0)] * len(articles))
    assert cluster_articles(articles, vectors, Settings()) == [[0, 1, 2], [3, 4]]


def test_a_folder_of_one_story_joins_by_the_names_every_report_shares():
    # Every report names the mayor, the bridge and the river; each shares one more name with
    # one other report. The encoder finds them only fairly alike (cosine 0.6 each pair).
    texts = ["the Arvala bridge over the Tonne opened, said mayor Ruiz and Kell.",
             "mayor Ruiz opened the Arvala bridge on the Tonne, Kell said.",
             "the Tonne now has the Arvala bridge, mayor Ruiz said, and Lund agreed.",
             "Lund saw mayor Ruiz open the Arvala bridge across the Tonne."]
    articles = [make_article(i, t) for i, t in enumerate(texts)]
    vectors = np.vstack([unit(*([0.6 ** 0.5] + [0.0] * i + [0.4 ** 0.5])) for i in range(4)])
    assert cluster_articles(articles, vectors, Settings()) == [[0, 1, 2, 3]]


def test_lead_text_is_title_and_first_sentences():
    article = make_article(0, "One. Two. Three. Four.")
    article = Article(**{**article.__dict__, "title": "Head"})
    assert lead_text(article) == "Head. One. Two. Three."


def test_an_article_left_without_body_text_is_encoded_by_its_title():
    article = Article(**{**make_article(0, "").__dict__, "title": "Quake hits Arvala, 12…"})
    assert lead_text(article) == "Quake hits Arvala, 12…"


def test_two_ecbplus_events_of_one_kind_stay_apart(toolkit):
    path = DATASETS / "ecbplus-clustering-dev.jsonl"
    if not path.exists():
        pytest.skip("ECB+ dev set not found")
    records = [r for r in read_jsonl(path) if r["gold_topic"] == "1"]
    raw = [RawRecord(str(r["id"]), str(r["id"]), r["text"]) for r in records]
    report = analyze_articles(raw, toolkit, until="cluster", strict=True)
    story_of = {a.id: n for n, s in enumerate(report.stories) for a in s.articles}
    labels = [story_of.get(str(r["id"]), -1 - i) for i, r in enumerate(records)]
    precision, _recall, f1 = bcubed([r["gold_story"] for r in records], labels)
    assert precision >= 0.9 and f1 >= 0.8


def test_the_groups_holding_a_runs_inputs_are_made_one():
    groups = [[0, 1], [2], [3, 4], [5]]
    assert cluster.joined_around(groups, {2, 5}) == [[0, 1], [2, 5], [3, 4]]
    assert cluster.joined_around(groups, {0, 1}) == groups  # one group holds them all


ONE_EVENT = [  # one event; the second report opens on other business and comes to it later
    ("A fire destroyed the timber warehouse on Quay Street in Harlow on Monday night, and "
     "forty firefighters fought the blaze for six hours."),
    ("The council approved its budget for next year on Tuesday. Councillors argued for two "
     "hours over parking charges. The bus fare rise was put off until spring. They also "
     "heard that a fire destroyed the timber warehouse on Quay Street on Monday night."),
]
OTHER = ("The city orchestra will tour four countries next spring, playing twelve concerts "
         "with a new conductor, its board said.")


def test_one_story_makes_the_inputs_one_story_and_leaves_stored_stories_apart(toolkit):
    def records(texts: list[str], first: int) -> list[RawRecord]:
        return [RawRecord(f"r{first + i}", f"r{first + i}", t) for i, t in enumerate(texts)]

    memory = Memory()
    analyze_articles(records([OTHER], 9), toolkit, memory=memory, until="cluster")
    split = analyze_articles(records(ONE_EVENT, 0), toolkit, memory=memory, until="cluster")
    assert len(split.stories) == 2  # the grouping, made for piles, keeps the reports apart
    joined = analyze_articles(records(ONE_EVENT, 0), toolkit, Settings(one_story=True),
                              memory=memory, until="cluster")
    assert [sorted(a.id for a in s.articles) for s in joined.stories] == [["r0", "r1"]]


def two_events(size: int, within: float, across: float, copies: int = 1) -> np.ndarray:
    """Two groups of `size` unit vectors: cosine `within` inside a group, `across` between.
    `copies`: each report of the first group appears this many times (identical vectors)."""
    basis = np.eye(512, dtype=np.float32)
    shared, own = basis[0], (basis[1], basis[2])
    rows = [np.sqrt(across) * shared + np.sqrt(within - across) * own[group]
            + np.sqrt(1 - within) * basis[3 + group * size + i]
            for group in (0, 1) for i in range(size) for _ in range(copies if group == 0 else 1)]
    return np.vstack(rows)


def unnamed_pile(size: int, languages: tuple[str, str] = ("en", "en")) -> list[Article]:
    """Articles with no capitalised words or numbers: only the encoder can tell them apart."""
    return [make_article(i, "a quake hit the town.", language=languages[i // size])
            for i in range(2 * size)]


def test_two_cohesive_events_of_one_kind_stay_apart_although_above_the_threshold():
    groups = cluster_articles(unnamed_pile(6), two_events(6, within=0.9, across=0.6), Settings())
    assert groups == [list(range(6)), list(range(6, 12))]


def test_two_halves_of_one_story_merge():
    groups = cluster_articles(unnamed_pile(6), two_events(6, within=0.9, across=0.85), Settings())
    assert groups == [list(range(12))]


def test_copies_of_one_wire_report_do_not_split_its_story():
    # Five reports, each printed three times, and five more reports of the same story: counted
    # by article, the copies make the first half look far tighter than the story is.
    vectors = two_events(5, within=0.6, across=0.49, copies=3)
    groups = cluster_articles(unnamed_pile(10)[:20], vectors, Settings())
    assert groups == [list(range(20))]


def test_same_story_in_two_languages_merges_although_less_alike_across():
    pile = unnamed_pile(6, languages=("en", "zh"))
    groups = cluster_articles(pile, two_events(6, within=0.9, across=0.6), Settings())
    assert groups == [list(range(12))]


def pair_and_outsider() -> np.ndarray:
    """Two reports alike at 0.9 and a third alike to each at 0.45: above the threshold (0.36),
    but half as alike as the pair is within itself."""
    basis = np.eye(512, dtype=np.float32)
    pair = [np.sqrt(0.45) * (basis[0] + basis[1]) + np.sqrt(0.1) * basis[k] for k in (3, 4)]
    return np.vstack([*pair, np.sqrt(0.45) * basis[0] + np.sqrt(0.55) * basis[5]])


def test_an_outsider_in_the_pairs_language_stays_out():
    pile = [make_article(i, "a robbery in the town.") for i in range(3)]
    vectors = pair_and_outsider()
    assert cluster_articles(pile, vectors, Settings()) == [[0, 1], [2]]
    no_test = Settings(cluster_outlier_ratio=0.0)
    assert cluster_articles(pile, vectors, no_test) == [[0, 1, 2]]


def test_an_outsider_in_another_language_is_not_held_to_the_pairs_cohesion():
    # Across languages the encoder scores lower: the test compares within one language only.
    pile = [make_article(i, "a robbery in the town.", language=("en", "en", "zh")[i])
            for i in range(3)]
    assert cluster_articles(pile, pair_and_outsider(), Settings()) == [[0, 1, 2]]


def test_pair_scores_equal_the_dot_product_of_text_and_names():
    texts = ["Rain in Oslo, 30 mm.", "Oslo rain: 30 mm fell.", "Sun in Lima.", "Lima sun."]
    articles = [make_article(i, t) for i, t in enumerate(texts)]
    vectors = np.vstack([unit(1, i) for i in range(4)])
    feats = features(articles, vectors, Settings())
    dense = np.hstack([feats.text, feats.names.toarray()])
    left, right = np.array([0, 0, 2]), np.array([1, 2, 3])
    expected = [float(dense[i] @ dense[j]) for i, j in zip(left, right)]
    assert np.allclose(feats.pair_scores(left, right), expected, atol=1e-6)


def test_approximate_search_on_a_large_pile_finds_the_same_stories(monkeypatch):
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((40, 512)).astype(np.float32)
    vectors = np.repeat(centres, 10, axis=0) + 0.3 * rng.standard_normal((400, 512))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    articles = [make_article(i, "no names here.") for i in range(400)]
    exact = cluster_articles(articles, vectors, Settings())
    monkeypatch.setattr(cluster, "EXACT_SEARCH_LIMIT", 100)
    assert cluster_articles(articles, vectors, Settings()) == exact
