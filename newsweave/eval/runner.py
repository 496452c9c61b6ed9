"""Runs the named evaluations, prints a table, compares with the pinned floors."""

from __future__ import annotations

import json
from importlib import resources

from ..config import Settings
from ..errors import NewsweaveError
from ..toolkit import Toolkit
from .alignment import evaluate_alignment
from .brief import evaluate_brief
from .cleaning import evaluate_cleaning
from .conflicts import evaluate_claimdiff, evaluate_conflicts
from .data import DATASETS, datasets_dir
from .entities import evaluate_entities
from .stories import evaluate_clustering, evaluate_copies

EVALUATIONS = ("cleaning", "alignment", "stories", "copies", "conflicts", "claimdiff",
               "entities", "brief")


def pinned_limit(name: str, floors: dict) -> int | None:
    """The slice an evaluation's floors were measured on ("stories" covers two rows)."""
    rows = [v for k, v in floors.items() if k == name or k.startswith(name + ":")]
    return rows[0].get("limit") if rows else None


def run_evaluations(names: list[str], datasets: str | None, limit: int | None,
                    gate: bool = False, threads: int | None = None) -> dict:
    """`gate` without an explicit limit runs each evaluation on its pinned slice."""
    unknown = [n for n in names if n not in EVALUATIONS]
    if unknown:
        raise NewsweaveError(f"unknown evaluation '{unknown[0]}'; use "
                             f"{', '.join(EVALUATIONS)}")
    folder = datasets_dir(datasets)
    settings = Settings()
    toolkit = Toolkit(threads=threads)
    results = {}
    floors = load_floors() if gate and limit is None else {}
    asked = limit
    for name in names or EVALUATIONS:
        limit = pinned_limit(name, floors) if floors else asked
        if name == "cleaning":
            results[name] = evaluate_cleaning(str(folder / DATASETS["cleaning"]), toolkit,
                                              settings, limit)
        elif name == "alignment":
            results[name] = evaluate_alignment(str(folder / DATASETS["alignment"]),
                                               str(folder / DATASETS["ecbplus-articles"]),
                                               toolkit, settings, limit)
        elif name == "stories":
            for row in evaluate_clustering(folder, toolkit, settings, limit):
                results[f"stories:{row['dataset'].split('-')[0]}"] = row
            continue
        elif name == "conflicts":
            results[name] = evaluate_conflicts(folder, toolkit, settings, limit)
        elif name == "claimdiff":
            results[name] = evaluate_claimdiff(folder, toolkit, settings, limit)
        elif name == "brief":
            results[name] = evaluate_brief(folder, toolkit, settings, limit)
        elif name == "entities":
            results[name] = evaluate_entities(folder, toolkit, settings, limit)
        elif name == "copies":
            results[name] = evaluate_copies(folder, toolkit, settings, limit)
        results[name]["limit"] = limit
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
    return failures
