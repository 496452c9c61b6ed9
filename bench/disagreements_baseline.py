"""Disagreements baseline (issue 13): the current pipeline scored against the labelled
disagreements, look-alikes and paraphrases of ../shared/datasets/localnews-disagreements-dev.jsonl
(46 LocalNews stories, 10 NewsWCL50 events), tune and check halves side by side.

Each labelled story is written as one `.json` file per article (id, title, text, url, outlet,
published: ids survive) to a temporary folder and analysed alone with a fresh database, one
story at a time (the machine is shared). All stories of the report are taken together as the
labelled story. Run from the repository root:

    python bench/disagreements_baseline.py [--datasets DIR] [--limit N] [--threads 1]

Writes bench/results-disagreements-baseline.md and keeps every story's report (pickled
`Story` records, gitignored) in artifacts/disagreements-baseline/ for the diagnosis.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsweave.config import Settings
from newsweave.eval.labels import (
    LabelledStory,
    Score,
    pooled,
    read_labelled_stories,
    score_story,
    split_stories,
)
from newsweave.models import Report
from newsweave.pipeline import Context, analyze
from newsweave.store import Store
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATASETS = ROOT.parent / "shared" / "datasets"
RESULTS = HERE / "results-disagreements-baseline.md"
ARTIFACTS = ROOT / "artifacts" / "disagreements-baseline"
FIELDS = ("id", "title", "text", "url", "outlet", "published")


@dataclass(frozen=True)
class Run:
    """One labelled story through the pipeline: its score and what the run did to it."""

    labels: LabelledStory
    score: Score
    articles: int
    skipped: int
    stories: int  # stories the pipeline made of it
    ids_kept: bool  # the report's article ids are the dataset's
    seconds: float


def write_articles(labels: LabelledStory, folder: Path) -> None:
    for item in labels.articles:
        record = {name: getattr(item, name) for name in FIELDS}
        (folder / f"{item.id}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                encoding="utf-8")


def analyse(labels: LabelledStory, toolkit: Toolkit) -> tuple[Report, float]:
    with tempfile.TemporaryDirectory(prefix="nw-dis-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(labels, folder)
        start = time.perf_counter()
        with Store(str(Path(tmp) / "story.db")) as store:
            report = analyze([folder], Context(settings=Settings(), store=store, toolkit=toolkit))
        return report, time.perf_counter() - start


def run_story(labels: LabelledStory, toolkit: Toolkit) -> Run:
    report, seconds = analyse(labels, toolkit)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / f"{labels.source}-{labels.story}.pickle", "wb") as handle:
        pickle.dump(report, handle)
    return scored(labels, report, seconds)


def load_run(labels: LabelledStory) -> Run | None:
    """A story's kept report, scored again (after a change to the scoring only)."""
    path = ARTIFACTS / f"{labels.source}-{labels.story}.pickle"
    if not path.exists():
        return None
    with open(path, "rb") as handle:
        return scored(labels, pickle.load(handle), 0.0)


def scored(labels: LabelledStory, report: Report, seconds: float) -> Run:
    given = {a.id for a in labels.articles}
    got = {a.id for s in report.stories for a in s.articles}
    ids_kept = got <= given and len(got) + len(report.skipped) == len(given)
    return Run(labels, score_story(labels, report.stories), len(given), len(report.skipped),
               len(report.stories), ids_kept, seconds)


def rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def summary_rows(score: Score) -> list[tuple[str, str]]:
    return [
        ("conflicts reported", str(score.reported)),
        ("of them real (match a labelled disagreement)", str(score.real)),
        ("**precision** (goal >= 70%)", rate(score.precision)),
        ("labelled disagreements", str(score.labelled)),
        ("found (matched by a report)", str(score.found)),
        ("**recall** (goal >= 50%)", rate(score.recall)),
        ("look-alikes", str(score.lookalikes)),
        ("look-alikes flagged (goal <= 10%)", f"{score.flagged} ({rate(score.flagged_rate)})"),
        ("paraphrases", str(score.paraphrases)),
        ("**paraphrases in one fact**", f"{score.in_one_fact} ({rate(score.one_fact_rate)})"),
        ("paraphrases with a quote not found in the cleaned text", str(score.unlocated)),
        ("single-source facts", str(score.single_source)),
        ("false single-source facts (state a paraphrase another article states)",
         f"{score.false_single} ({rate(score.false_single_rate)}, a lower bound)"),
        ("paraphrase quotes in some fact", str(score.mentions)),
        ("**of them shown as single-source only** (false 'only one source')",
         f"{score.mentions_single} ({rate(score.mentions_single_rate)})"),
    ]


def run_rows(runs: list[Run]) -> list[tuple[str, str]]:
    return [
        ("stories (LocalNews + NewsWCL50)",
         (f"{len(runs)} ({sum(r.labels.source == 'localnews' for r in runs)} + "
         f"{sum(r.labels.source == 'newswcl50' for r in runs)})")),
        ("articles given / skipped", (f"{sum(r.articles for r in runs)} / "
                                     f"{sum(r.skipped for r in runs)}")),
        ("labelled stories split by the pipeline into several",
         f"{sum(r.stories > 1 for r in runs)} (into {sum(r.stories for r in runs)} stories)"),
        ("report article ids = dataset ids", "yes" if all(r.ids_kept for r in runs) else
         "NO: " + ", ".join(r.labels.key for r in runs if not r.ids_kept)),
    ]


def side_by_side(halves: dict[str, list[Run]]) -> list[str]:
    names = list(halves)
    columns = {n: run_rows(runs) + summary_rows(pooled(r.score for r in runs))
               for n, runs in halves.items()}
    lines = ["| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for index, (label, _) in enumerate(columns[names[0]]):
        lines.append(f"| {label} | " + " | ".join(columns[n][index][1] for n in names) + " |")
    return lines


def per_story(runs: list[Run], half: dict[str, str]) -> list[str]:
    lines = [("| story | half | articles | skipped | stories made | reported | real | "
             "found / labelled | look-alikes flagged | paraphrases in one fact | s |"),
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(runs, key=lambda r: (half[r.labels.key], r.labels.key)):
        s = r.score
        lines.append(f"| {r.labels.key} | {half[r.labels.key]} | {r.articles} | {r.skipped} | "
                     f"{r.stories} | {s.reported} | {s.real} | {s.found} / {s.labelled} | "
                     f"{s.flagged} / {s.lookalikes} | {s.in_one_fact} / {s.paraphrases} | "
                     f"{f'{r.seconds:.1f}' if r.seconds else '-'} |")
    return lines


def report_text(runs: list[Run], halves: dict[str, tuple[LabelledStory, ...]]) -> str:
    half = {s.key: name for name, group in halves.items() for s in group}
    by_half = {name: [r for r in runs if half[r.labels.key] == name] for name in halves}
    by_half["all"] = runs
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    split = [f"- {name}: " + ", ".join(s.key for s in group) for name, group in halves.items()]
    return "\n".join([
        "# Disagreements baseline (issue 13)", "",
        (f"Run {when} by `python bench/disagreements_baseline.py` on "
        "`localnews-disagreements-dev.jsonl`: every labelled story analysed alone (fresh db), "
        "the report's stories taken together, scored by `newsweave.eval.labels` (matching rule: "
        "see its docstring). Split (`labels.split_stories`, by story hash within each source):"),
        "", *split, "", *side_by_side(by_half), "",
        ("Look-alikes flagged, false single-source: lower is better; the rest higher. "
        "False single-source facts are counted over all single-source facts although only "
        "about six claims a story are labelled, hence a lower bound; the share of labelled "
        "paraphrase quotes shown as single-source is the comparable rate."), "",
        "## Per story", "", *per_story(runs, half), ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default=str(DATASETS))
    parser.add_argument("--limit", type=int, default=None, help="first N stories only")
    parser.add_argument("--threads", type=int, default=1, help="encoder threads (default 1)")
    parser.add_argument("--rescore", action="store_true",
                        help="score the kept reports again instead of running the pipeline")
    args = parser.parse_args()
    everything = read_labelled_stories(args.datasets)
    halves = split_stories(everything)  # of all stories, so --limit keeps each story's half
    stories = everything[:args.limit]
    toolkit = Toolkit(threads=args.threads)
    runs = []
    for number, labels in enumerate(stories, start=1):
        run = load_run(labels) if args.rescore else run_story(labels, toolkit)
        if run is None:
            sys.exit(f"no kept report for {labels.key}: run without --rescore first")
        runs.append(run)
        print(f"[{number}/{len(stories)}] {labels.key}: {run.score.reported} reported, "
              f"{run.score.real} real, {run.score.found}/{run.score.labelled} found "
              f"({run.seconds:.1f} s)", file=sys.stderr, flush=True)
    text = report_text(runs, halves)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
