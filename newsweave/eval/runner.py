"""Runs the named evaluations, prints a table, compares with the pinned floors."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..errors import NewsweaveError
from ..toolkit import Toolkit
from .alignment import evaluate_alignment
from .brief import evaluate_brief
from .cleaning import evaluate_cleaning
from .conflicts import evaluate_claimdiff, evaluate_conflicts, evaluate_unseen_conflicts
from .data import datasets_dir
from .disagreements import evaluate_labelled
from .entities import evaluate_entities
from .stories import evaluate_clustering, evaluate_copies

Rows = dict[str, dict]
Evaluator = Callable[[Path, Toolkit, Settings, int | None], Rows]


def one_row(name: str, evaluate: Callable[..., dict]) -> Evaluator:
    return lambda folder, toolkit, settings, limit: {
        name: evaluate(folder, toolkit, settings, limit)}


# Name -> evaluator giving its result rows. `stories` gives a row per dataset; the labelled
# evaluations a row per half and share one analysis when asked together (`run_evaluations`).
EVALUATORS: dict[str, Evaluator] = {
    "cleaning": one_row("cleaning", evaluate_cleaning),
    "alignment": one_row("alignment", evaluate_alignment),
    "stories": lambda folder, toolkit, settings, limit: {
        f"stories:{row['dataset'].split('-')[0]}": row
        for row in evaluate_clustering(folder, toolkit, settings, limit)},
    "copies": one_row("copies", evaluate_copies),
    "disagreements": lambda *args: evaluate_labelled(*args, {"disagreements"}),
    "corroboration": lambda *args: evaluate_labelled(*args, {"corroboration"}),
    "conflicts": one_row("conflicts", evaluate_conflicts),
    "conflicts-unseen": evaluate_unseen_conflicts,
    "claimdiff": one_row("claimdiff", evaluate_claimdiff),
    "entities": one_row("entities", evaluate_entities),
    "brief": one_row("brief", evaluate_brief),
}
EVALUATIONS = tuple(EVALUATORS)
LABELLED = {"disagreements", "corroboration"}
# Evaluations whose stories are analysed one at a time, where `--one-story` means something;
# the others analyse piles of many stories.
ONE_STORY = LABELLED | {"conflicts", "conflicts-unseen", "brief"}


def pinned_limit(name: str, floors: dict) -> int | None:
    """The slice an evaluation's floors were measured on ("stories" covers two rows)."""
    rows = [v for k, v in floors.items() if k == name or k.startswith(name + ":")]
    return rows[0].get("limit") if rows else None


def run_evaluations(names: list[str], datasets: str | None, limit: int | None,
                    gate: bool = False, threads: int | None = None,
                    settings: Settings | None = None) -> Rows:
    """`gate` without an explicit limit runs each evaluation on its pinned slice."""
    unknown = [n for n in names if n not in EVALUATORS]
    if unknown:
        raise NewsweaveError(f"unknown evaluation '{unknown[0]}'; use "
                             f"{', '.join(EVALUATIONS)}")
    settings = settings or Settings()
    wanted = list(names or EVALUATIONS)
    piles = [n for n in wanted if n not in ONE_STORY]
    if settings.one_story and piles:
        raise NewsweaveError(f"--one-story does not apply to '{piles[0]}' (it analyses piles of "
                             f"many stories); use it with {', '.join(sorted(ONE_STORY))}")
    folder = datasets_dir(datasets)
    toolkit = Toolkit(threads=threads)
    floors = load_floors() if gate and limit is None else {}
    results: Rows = {}
    labelled = [n for n in wanted if n in LABELLED]
    if labelled:  # one analysis of the labelled stories serves both
        chosen = pinned_limit(labelled[0], floors) if floors else limit
        rows = evaluate_labelled(folder, toolkit, settings, chosen, set(labelled))
        results |= {k: {**row, "limit": chosen} for k, row in rows.items()}
    for name in (n for n in wanted if n not in LABELLED):
        chosen = pinned_limit(name, floors) if floors else limit
        rows = EVALUATORS[name](folder, toolkit, settings, chosen)
        results |= {k: {**row, "limit": chosen} for k, row in rows.items()}
    return results


def format_table(results: dict) -> str:
    lines = [(f"{'evaluation':<16} {'dataset':<32} {'precision':>9} {'recall':>7} {'f1':>7}"
             "  other")]
    for name, row in results.items():
        other = ", ".join(_other_field(k, v) for k, v in row.items() if k not in
                          ("dataset", "precision", "recall", "f1", "limit")
                          and isinstance(v, (int, float, dict)))
        lines.append(f"{name:<16} {row['dataset']:<32} {row['precision']:>9.3f} "
                     f"{row['recall']:>7.3f} {row['f1']:>7.3f}  {other}")
    return "\n".join(lines)


def _other_field(key: str, value: object) -> str:
    """`k=v`, or for a breakdown such as recall by kind `k={a: 1/2, b: 3/3}`."""
    if isinstance(value, dict):
        return f"{key}={{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return f"{key}={value}"


def load_floors() -> dict:
    text = resources.files("newsweave.eval").joinpath("floors.json").read_text("utf-8")
    return json.loads(text)


def check_floors(results: dict) -> list[str]:
    """Scores below the pinned floors for the slice they were measured on."""
    floors = load_floors()
    failures = []
    for name, row in results.items():
        for metric, floor in floors.get(name, {}).get("floors", {}).items():
            if row.get(metric, 0.0) < floor:
                failures.append(f"{name} {metric} {row.get(metric)} < {floor}")
        for metric, ceiling in floors.get(name, {}).get("ceilings", {}).items():
            if row.get(metric, 0) > ceiling:
                failures.append(f"{name} {metric} {row.get(metric)} > {ceiling}")
    return failures
