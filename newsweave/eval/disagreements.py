"""Disagreements and corroboration on real coverage, read by hand
(`localnews-disagreements-dev.jsonl`, scored with `labels.py`).

Each labelled story's articles are written as JSON records (id, title, text, url, outlet,
published) and analysed by the whole chain, as a user's folder would be; every story the chain
makes of them is scored as one. The stories are split once into a tune half and a check half
(`labels.split_stories`); every figure is given for both, and the gate's floors sit on the
check half. Rules and weights are fitted on the tune half only.

disagreements  precision: reported conflicts matching a labelled disagreement / reported;
               recall: labelled disagreements matched by a reported or a possible conflict;
               recall_shown: by a reported one; flagged: look-alikes matched by a report.
corroboration  recall: labelled paraphrases whose quotes all land in one fact; precision:
               of the labelled pairs put in one fact, the share that are paraphrases (the
               rest are look-alikes, many of them one thing in other words); single_wrong: of the
               paraphrase quotes landing in facts, the share shown as single-source only;
               only_wrong: the share in single-source facts that name no article that may
               state them in other words (`Fact.maybe_also`): where the brief says "Only X".
               lookalikes_joined: look-alikes whose sides land in one fact, whether they state
               one thing in other words or not; false_joins: of the look-alikes we read as
               different things (`lookalike_readings`), the share in one fact: false
               corroboration; precision_read: the precision with only those counted wrong.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..models import Report
from ..toolkit import Toolkit
from .data import analyse_files
from .labels import (
    LabelledStory,
    Score,
    conflict_matches,
    pooled,
    publication_dates,
    read_labelled_stories,
    score_story,
    split_stories,
)

HALVES = ("tune", "check")
RECORD_FIELDS = ("id", "title", "text", "url", "outlet", "published")


@dataclass(frozen=True)
class Scored:
    """One labelled story as the chain analysed it."""

    labels: LabelledStory
    report: Report
    score: Score
    skipped: int


def analyse_labelled(datasets: Path, toolkit: Toolkit, settings: Settings,
                     limit: int | None = None) -> dict[str, list[Scored]]:
    """Every labelled story (the first `limit` of each half), analysed and scored."""
    halves = split_stories(read_labelled_stories(datasets))
    scored: dict[str, list[Scored]] = {}
    for half in HALVES:
        scored[half] = []
        for labels in halves[half][:limit]:
            records = [{k: getattr(a, k) for k in RECORD_FIELDS} for a in labels.articles]
            done = analyse_files(records, toolkit, settings, "jsonl")
            scored[half].append(Scored(labels, done.report,
                                       score_story(labels, done.report.stories), done.skipped))
    return scored


def rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def recall_by_kind(runs: list[Scored]) -> dict[str, str]:
    """found/labelled per kind of labelled disagreement (found: by a shown or possible one)."""
    labelled: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for run in runs:
        conflicts = [c for s in run.report.stories for c in (*s.conflicts, *s.possible)]
        published = publication_dates(run.labels, run.report.stories)
        for entry in run.labels.disagreements:
            labelled[entry.kind] += 1
            found[entry.kind] += any(conflict_matches(c, entry, published) for c in conflicts)
    return {k: f"{found[k]}/{n}" for k, n in sorted(labelled.items())}


def disagreement_row(half: str, runs: list[Scored], seconds: float) -> dict:
    total = pooled(r.score for r in runs)
    precision = total.precision or 0.0
    recall = total.recall or 0.0
    return {"dataset": f"localnews-disagreements-dev ({half})",
            "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3)
            if precision + recall else 0.0,
            "recall_shown": round(total.recall_shown or 0.0, 3),
            "flagged": rate(total.flagged, total.lookalikes), "reported": total.reported,
            "real": total.real, "labelled": total.labelled, "found": total.found,
            "lookalikes": total.lookalikes, "stories": len(runs),
            "split_stories": sum(len(r.report.stories) > 1 for r in runs),
            "skipped": sum(r.skipped for r in runs), "recall_by_kind": recall_by_kind(runs),
            "seconds": round(seconds, 1)}


def corroboration_row(half: str, runs: list[Scored]) -> dict:
    total = pooled(r.score for r in runs)
    together = total.in_one_fact + total.joined
    precision = rate(total.in_one_fact, together)
    recall = rate(total.in_one_fact, total.paraphrases)
    return {"dataset": f"localnews-disagreements-dev ({half})", "precision": precision,
            "recall": recall,
            "f1": round(2 * precision * recall / (precision + recall), 3)
            if precision + recall else 0.0,
            "single_wrong": rate(total.mentions_single, total.mentions),
            "only_wrong": rate(total.mentions_alone, total.mentions),
            "lookalikes_joined": rate(total.joined, total.lookalikes),
            "false_joins": rate(total.joined_apart, total.apart),
            "precision_read": rate(total.in_one_fact, total.in_one_fact + total.joined_apart),
            "lookalikes_apart": total.apart,
            "paraphrases": total.paraphrases, "unlocated": total.unlocated,
            "stories": len(runs), "skipped": sum(r.skipped for r in runs)}


def evaluate_labelled(datasets: Path, toolkit: Toolkit, settings: Settings,
                      limit: int | None, wanted: set[str]) -> dict[str, dict]:
    """Rows "disagreements:tune", "disagreements:check", "corroboration:tune", ... for the
    evaluations in `wanted`, from one analysis of every labelled story."""
    began = time.perf_counter()
    scored = analyse_labelled(datasets, toolkit, settings, limit)
    seconds = time.perf_counter() - began
    rows: dict[str, dict] = {}
    for half in HALVES:
        if "disagreements" in wanted:
            rows[f"disagreements:{half}"] = disagreement_row(half, scored[half], seconds)
        if "corroboration" in wanted:
            rows[f"corroboration:{half}"] = corroboration_row(half, scored[half])
    return rows
