"""The one declared chain: steps held to what they declare, one order, one code version, and
the same results from every entry point (library, database, CLI, evaluation)."""

from __future__ import annotations

import ast
import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsweave import story_steps
from newsweave.chain import STEPS, STORY_STEPS, analyze_articles
from newsweave.cli import main
from newsweave.code_version import code_version
from newsweave.errors import StageError
from newsweave.models import RawRecord
from newsweave.pipeline import Context, analyze
from newsweave.serialize import report_to_dict
from newsweave.steps import Step, StepContractError, run_steps
from newsweave.store import Store

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsweave"
EXAMPLE = ROOT / "examples" / "linnet-bridge"
# Modules that carry out an analysis step (and the store): what evaluations and renderers
# must reach only through the chain and the Story it returns.
STAGES = {"align", "brief", "claims", "clean", "cluster", "compare", "copies", "entities",
          "ingest", "quotes", "quote_speakers", "timeline", "story_ids", "story_steps", "verify"}
BODY = ("The council of Ashford approved a budget of 4.2 million dollars on Monday after a "
        "long debate over road repairs, officials said. The mayor said the money would repair "
        "three bridges before winter.")


@dataclass(frozen=True)
class Toy:
    a: int | None = None
    b: int | None = None


def test_a_step_that_does_not_make_what_it_declares_is_stopped():
    lazy = Step("lazy", ("a",), ("b",), lambda state, tools: state)
    with pytest.raises(StepContractError, match="did not make b"):
        run_steps([lazy], Toy(a=1), None)


def test_a_step_that_changes_what_it_does_not_declare_is_stopped():
    sly = Step("sly", ("a",), ("b",), lambda state, tools: replace(state, a=2, b=3))
    with pytest.raises(StepContractError, match="changed a"):
        run_steps([sly], Toy(a=1), None)


def test_a_step_whose_needs_no_earlier_step_made_is_stopped():
    early = Step("early", ("b",), ("a",), lambda state, tools: replace(state, a=1))
    with pytest.raises(StepContractError, match="needs b"):
        run_steps([early], Toy(), None)


def test_every_step_needs_only_what_an_earlier_step_made():
    for steps, given in ((STEPS, {"paths", "skipped"}),
                         (STORY_STEPS, {"id", "articles", "claims", "vectors"})):
        made = set(given)
        for step in steps:
            assert set(step.needs) <= made, step.name
            made |= set(step.makes)


def test_steps_command_lists_the_chain_in_order():
    out = CliRunner().invoke(main, ["steps"]).output
    names = [s.name for s in (*STEPS, *STORY_STEPS)]
    positions = [out.index(f"  {name} ") for name in names]
    assert positions == sorted(positions)


def test_strict_mode_raises_where_a_run_lists_the_story_as_skipped(toolkit, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("injected failure")

    monkeypatch.setattr(story_steps, "align_claims", broken)
    records = [RawRecord("a.txt", "a", BODY)]
    with pytest.raises(StageError, match="injected failure"):
        analyze_articles(records, toolkit, strict=True)
    report = analyze_articles(records, toolkit)
    assert [s.path for s in report.skipped] == ["a.txt"]
    assert "injected failure" in report.skipped[0].reason


def test_library_and_database_runs_give_one_report(toolkit, settings, tmp_path):
    import newsweave

    free = newsweave.analyze_paths([EXAMPLE], toolkit, settings, strict=True)
    with Store(tmp_path / "news.db") as store:
        stored = analyze([EXAMPLE], Context(settings, store, toolkit, strict=True))
    assert report_to_dict(free) == report_to_dict(stored)
    # The example's four planted disagreements, one of each kind: a kind of thing is listed
    # as a possible difference, never shown.
    assert sorted(c.kind for s in free.stories for c in s.conflicts) == \
        ["date", "number", "title"]
    assert "attribute" in [c.kind for s in free.stories for c in s.possible]


def test_code_version_follows_the_analysis_code_only(tmp_path):
    copy = tmp_path / "newsweave"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_version(copy)
    for name in ("cli.py", "render.py", "render_html.py", "web.py", "eval/runner.py"):
        (copy / name).write_text((copy / name).read_text() + "\n# edited\n")
    assert code_version(copy) == before
    numbers = copy / "compare" / "numbers.py"
    numbers.write_text(numbers.read_text() + "\n# edited\n")
    assert code_version(copy) != before


def imported_modules(path: Path) -> set[str]:
    """The top-level package modules a file imports through relative imports."""
    folder = path.relative_to(PACKAGE).parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = folder[:len(folder) - (node.level - 1)]
            module = [*base, *node.module.split(".")] if node.module else list(base)
            found |= {module[0]} if module else {a.name for a in node.names}
    return found


def test_evaluations_reach_the_analysis_only_through_the_chain():
    for path in (PACKAGE / "eval").glob("*.py"):
        assert not imported_modules(path) & (STAGES | {"store", "pipeline"}), path.name


def test_renderers_import_no_analysis_step_and_the_pipeline_no_renderer():
    for name in ("render.py", "render_html.py", "serialize.py"):
        assert not imported_modules(PACKAGE / name) & (STAGES | {"chain", "pipeline"}), name
    assert not imported_modules(PACKAGE / "pipeline.py") & {"render", "render_html"}


@pytest.mark.slow
def test_conflict_evaluation_reports_what_analyze_reports(toolkit, settings, tmp_path):
    from newsweave.eval.conflicts import Injected, story_records
    from newsweave.eval.data import datasets_dir, read_jsonl, write_json_records
    from newsweave.eval.runner import load_floors

    try:
        folder = datasets_dir()
    except Exception:  # noqa: BLE001
        pytest.skip("datasets not found at ../shared/datasets")
    limit = load_floors()["conflicts"]["limit"]
    runner = Injected(toolkit, settings)
    for n, record in enumerate(read_jsonl(folder / "localnews-stories-dev.jsonl", limit)):
        records = story_records(record)
        evaluated = runner.analyse(records)[0]
        where = tmp_path / f"s{n}"
        where.mkdir()
        write_json_records(records, where)
        result = CliRunner().invoke(main, ["analyze", str(where), "--db", str(where / "n.db"),
                                           "--json", "-", "-q"])
        shown = [c for s in json.loads(result.output)["stories"] for c in s["conflicts"]]
        assert sorted(c["id"] for c in shown) == sorted(c.id for c in evaluated.conflicts)
