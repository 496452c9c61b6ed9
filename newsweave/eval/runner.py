"""Runs the named evaluations, prints a table, compares with the pinned floors."""

from __future__ import annotations

import json
from importlib import resources

from ..config import Settings
from ..errors import NewsweaveError
from ..toolkit import Toolkit
from .alignment import evaluate_alignment
from .cleaning import evaluate_cleaning
from .data import DATASETS, datasets_dir

EVALUATIONS = ("cleaning", "alignment")


def run_evaluations(names: list[str], datasets: str | None, limit: int | None) -> dict:
    unknown = [n for n in names if n not in EVALUATIONS]
    if unknown:
        raise NewsweaveError(f"unknown evaluation '{unknown[0]}'; use "
                             f"{', '.join(EVALUATIONS)}")
    folder = datasets_dir(datasets)
    settings = Settings()
    toolkit = Toolkit()
    results = {}
    for name in names or EVALUATIONS:
        if name == "cleaning":
            results[name] = evaluate_cleaning(str(folder / DATASETS["cleaning"]), toolkit,
                                              settings, limit)
        elif name == "alignment":
            results[name] = evaluate_alignment(str(folder / DATASETS["alignment"]),
                                               str(folder / DATASETS["ecbplus-articles"]),
                                               toolkit, settings, limit)
        results[name]["limit"] = limit
    return results


def format_table(results: dict) -> str:
    lines = [f"{'evaluation':<12} {'dataset':<26} {'precision':>9} {'recall':>7} {'f1':>7}"]
    for name, row in results.items():
        lines.append(f"{name:<12} {row['dataset']:<26} {row['precision']:>9.3f} "
                     f"{row['recall']:>7.3f} {row['f1']:>7.3f}")
    return "\n".join(lines)


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
