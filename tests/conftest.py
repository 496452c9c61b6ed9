"""Shared fixtures: the real models, loaded once per test session, and tiny story builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.claims import parse_articles
from newsweave.config import Settings
from newsweave.models import Article, Fact, Mention, Report, Story
from newsweave.pipeline import Context, analyze
from newsweave.store import Store
from newsweave.toolkit import Toolkit

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "kim-russia-2023"
DATASETS = SHARED / "datasets"


@pytest.fixture(scope="session")
def toolkit() -> Toolkit:
    return Toolkit()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("reference story not found at ../shared/corpus")
    return REFERENCE


@pytest.fixture(scope="session")
def reference_run(reference_dir, toolkit, settings, tmp_path_factory) -> tuple[Report, Path]:
    """The reference story analysed once for the whole test session (strict: a failing step
    raises), and the database it is kept in. Tests that write to the database copy it."""
    db = tmp_path_factory.mktemp("reference") / "news.db"
    with Store(db) as store:
        report = analyze([reference_dir], Context(settings, store, toolkit, strict=True))
    return report, db


@pytest.fixture(scope="session")
def reference_story(reference_run) -> Story:
    return reference_run[0].stories[0]


def write_story(folder: Path, *texts: str, suffix: str = ".txt") -> list[Path]:
    """Write one file per text: a tiny hand-built story on disk."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(texts):
        path = folder / f"a{index}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def analysed_story(toolkit, settings: Settings, *texts: str,
                   published: str = "2025-03-04") -> Story:
    """The first story of the chain `newsweave analyze` runs, over one JSON record per text."""
    from newsweave.eval.data import analyse_files

    records = [{"id": f"a{i}", "title": "", "text": t, "url": None, "outlet": None,
                "published": published} for i, t in enumerate(texts)]
    return analyse_files(records, toolkit, settings, "jsonl").report.stories[0]


def story_of_two_facts(toolkit, settings, first: str, second: str) -> Story:
    """Two articles whose statements alignment kept apart: one fact each."""
    return story_of_facts(toolkit, settings, (first,), (second,))


def story_of_facts(toolkit, settings, *facts: tuple[str, ...]) -> Story:
    """One article per statement, the statements grouped into the given facts."""
    texts = [text for fact in facts for text in fact]
    articles = [Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2023-09-17", "metadata",
                        "en") for i, text in enumerate(texts)]
    parsed_all = parse_articles(articles, toolkit, settings)
    parsed = iter(parsed_all)
    made = []
    for n, fact in enumerate(facts):
        mentions = tuple(Mention(p.article.id, p.claims[0].text, p.claims[0].start,
                                 p.claims[0].end, p.claims[0].id)
                         for p in (next(parsed) for _ in fact))
        made.append(Fact(f"f{n}", mentions[0].text, "single_source" if len(fact) == 1
                         else "corroborated", tuple(m.article for m in mentions),
                         len(fact), mentions))
    return Story("s1", "test", tuple(p.article for p in parsed_all), tuple(made))
