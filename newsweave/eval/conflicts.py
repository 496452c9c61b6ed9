"""Conflict detection on injected changes (recall of each kind), and ClaimDiff pairs.

Injection benchmark (LocalNews dev): every story (its first `MAX_ARTICLES` articles, written as
JSON records) is analysed untouched; whatever is reported there counts as false (real stories
of one local event rarely disagree, so this is a pessimistic precision), except a conflict that
matches a real disagreement read by hand in `localnews-disagreements-dev.jsonl` (the README
rule, `labels.conflict_matches`): those are counted apart as `labelled_real_untouched`. Then, per injector
(`injection.py`), one article is changed and the story analysed again; the injection is found
when a conflict of the right kind, shown or listed as a possible difference (`found`; shown
only: `found_shown`, which precision is read from), puts the changed article alone on one side
and another article on the other side. Conflicts after an injection that involve the changed article and
were not already reported on the untouched story count as false. Injections measure recall on
the stories the rules were tuned on: `newsweave eval disagreements` is the quality measure.

ClaimDiff (weak variant): label 1 = claim b weakens or contradicts claim a. The two claims are a
two-article pile; a pair is predicted 1 when the analysis reports any conflict. The baseline
predicts 1 below a cosine threshold, the best threshold picked on the data itself (an
optimistic baseline).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Settings
from ..memory import Memory
from ..models import Conflict, Report, Story
from ..toolkit import Toolkit
from .data import analyse_files, read_jsonl
from .injection import (
    INJECTIONS,
    PATTERNS,
    Edit,
    Pool,
    found_injection,
    inject,
    new_false,
    remember_people,
    unwitnessed,
)
from .labels import (
    DISAGREEMENTS_FILE,
    Labelled,
    conflict_matches,
    halved_by_hash,
    read_labelled_stories,
)

# Larger stories (up to 83 outlets) add little but time: the first articles carry the event.
MAX_ARTICLES = 4
# What a LocalNews article record carries besides its text.
RECORD_KEYS = ("id", "title", "text", "url", "outlet", "published")


def story_records(story: dict) -> list[dict]:
    """The first articles of a LocalNews story as records (what a scraper would give)."""
    return [{k: a.get(k) for k in RECORD_KEYS} for a in story["articles"][:MAX_ARTICLES]]


def as_one(report: Report) -> Story:
    """Every story of a report seen as one: a slice of one event that clustering split is
    still scored as one story (its facts and conflicts are those of the parts)."""
    stories = report.stories
    if len(stories) == 1:
        return stories[0]
    return Story("eval", "eval", tuple(a for s in stories for a in s.articles),
                 facts=tuple(f for s in stories for f in s.facts),
                 conflicts=tuple(c for s in stories for c in s.conflicts),
                 possible=tuple(c for s in stories for c in s.possible),
                 entities=tuple(e for s in stories for e in s.entities),
                 copies=tuple(g for s in stories for g in s.copies),
                 brief=tuple(b for s in stories for b in s.brief),
                 timeline=tuple(t for s in stories for t in s.timeline))


class Injected:
    """Analyses a story's records untouched and with one injected change, through files,
    reusing what one Memory keeps (only the changed article is parsed again)."""

    def __init__(self, toolkit: Toolkit, settings: Settings, until: str = "conflicts") -> None:
        self.toolkit, self.settings, self.until = toolkit, settings, until
        self.memory = Memory()
        self.pool = Pool(toolkit.nlp)

    def analyse(self, records: list[dict]) -> tuple[Story, int, int]:
        """The story, the articles skipped, and how many stories clustering made of it."""
        done = analyse_files(records, self.toolkit, self.settings, "jsonl", self.memory,
                             self.until)
        return as_one(done.report), done.skipped, len(done.report.stories)

    def changed(self, records: list[dict], story: Story, kind: str
                ) -> tuple[Story, Edit] | None:
        """The story after the first edit of injector `kind` that applies, and the edit;
        None when it applies nowhere."""
        injection = next(i for i in INJECTIONS if i.name == kind)
        edits = injection.find(story, self.pool)
        if not edits:
            return None
        edit = edits[0]
        article = next(a for a in story.articles if a.id == edit.article)
        new = [inject(r, article, edit) if str(r["id"]) == edit.article else r for r in records]
        return self.analyse(new)[0], edit


def evaluate_conflicts(datasets: Path, toolkit: Toolkit, settings: Settings,
                       limit: int | None) -> dict:
    """Injection recall (per injector) and untouched-story precision on LocalNews dev."""
    stories = ((str(r.get("story_id")), story_records(r))
               for r in read_jsonl(datasets / "localnews-stories-dev.jsonl", limit))
    return {"dataset": "localnews-stories-dev (conflict injection)",
            **injected_scores(stories, labelled_real(datasets), toolkit, settings)}


def evaluate_unseen_conflicts(datasets: Path, toolkit: Toolkit, settings: Settings,
                              limit: int | None) -> dict[str, dict]:
    """The same injections into ECB+ dev stories, which no conflict rule was fitted on: a row
    per half (the stories split once by the hash of their id, as the labelled set is)."""
    rows = {}
    for half, stories in ecbplus_halves(datasets, limit).items():
        rows[f"conflicts-unseen:{half}"] = {
            "dataset": f"ecbplus-clustering-dev (conflict injection, {half} half)",
            **injected_scores(stories.items(), {}, toolkit, settings)}
    return rows


def ecbplus_halves(datasets: Path, limit: int | None) -> dict[str, dict[str, list[dict]]]:
    """ECB+ dev stories (first `MAX_ARTICLES` articles each, no dates, as plain files would
    be), split by the SHA-256 of the story id: the first half of that order is `tune`."""
    found: dict[str, list[dict]] = {}
    for row in read_jsonl(datasets / "ecbplus-clustering-dev.jsonl"):
        found.setdefault(row["gold_story"], []).append(
            {"id": row["id"], "title": "", "text": row["text"], "url": None, "outlet": None,
             "published": None})
    tune, check = halved_by_hash(found, str)
    halves = {"tune": tune, "check": check}
    return {half: {s: found[s][:MAX_ARTICLES] for s in ids[:limit] if len(found[s]) > 1}
            for half, ids in halves.items()}


def injected_scores(stories: Iterable[tuple[str, list[dict]]],
                    real: dict[str, tuple[Labelled, ...]], toolkit: Toolkit,
                    settings: Settings) -> dict:
    """Each story analysed untouched, then once per injector with one article changed."""
    began = time.perf_counter()
    runner = Injected(toolkit, settings)
    counts = {"stories": 0, "injected": 0, "found": 0, "found_shown": 0, "false_untouched": 0,
              "labelled_real_untouched": 0, "false_injected": 0, "unwitnessed": 0,
              "skipped": 0, "split_stories": 0}
    by_kind: dict[str, list[int]] = {i.name: [0, 0] for i in INJECTIONS}
    false_by_kind: dict[str, int] = {}
    for story_id, records in stories:
        story, skipped, parts = runner.analyse(records)
        counts["skipped"] += skipped
        if len(story.articles) < 2:
            continue
        counts["stories"] += 1
        counts["split_stories"] += parts > 1
        known = known_real(story.conflicts, real.get(story_id, ()), records)
        counts["labelled_real_untouched"] += len(known)
        for conflict in story.conflicts:
            if conflict not in known:
                counts["false_untouched"] += 1
                false_by_kind[conflict.kind] = false_by_kind.get(conflict.kind, 0) + 1
        counts["unwitnessed"] += sum(unwitnessed(story, p) for p in PATTERNS.values())
        for injection in INJECTIONS:
            inject_once(runner, records, story, injection, counts, by_kind)
        remember_people(story, runner.pool)
    return conflict_scores(counts, by_kind, false_by_kind, time.perf_counter() - began)


def inject_once(runner: Injected, records: list[dict], story: Story, injection: Any,
                counts: dict[str, int], by_kind: dict[str, list[int]]) -> None:
    """One injector's first edit into `story`, counted where it applies."""
    after = runner.changed(records, story, injection.name)
    if after is None:
        return
    changed, edit = after
    hit = found_injection((*changed.conflicts, *changed.possible), injection.kind, edit)
    counts["injected"] += 1
    counts["found"] += hit
    counts["found_shown"] += found_injection(changed.conflicts, injection.kind, edit)
    counts["false_injected"] += new_false(changed.conflicts, story.conflicts, edit,
                                          injection.kind)
    by_kind[injection.name][0] += 1
    by_kind[injection.name][1] += hit


def labelled_real(datasets: Path) -> dict[str, tuple[Labelled, ...]]:
    """LocalNews story id -> the real disagreements read by hand in it (none when the labelled
    file is not there)."""
    if not (Path(datasets) / DISAGREEMENTS_FILE).exists():
        return {}
    return {s.story: s.disagreements for s in read_labelled_stories(datasets)
            if s.source == "localnews"}


def known_real(conflicts: tuple[Conflict, ...], real: tuple[Labelled, ...],
               records: list[dict]) -> list[Conflict]:
    """The conflicts of an untouched story that match one of its labelled disagreements."""
    published = {str(r["id"]): r.get("published") for r in records}
    return [c for c in conflicts if any(conflict_matches(c, label, published) for label in real)]


def conflict_scores(counts: dict[str, int], by_kind: dict[str, list[int]],
                    false_by_kind: dict[str, int], seconds: float) -> dict:
    shown = counts["found_shown"]
    false = counts["false_untouched"] + counts["false_injected"]
    precision = shown / (shown + false) if shown + false else 0.0
    recall = counts["found"] / counts["injected"] if counts["injected"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            **counts, "recall_by_kind": {k: f"{v[1]}/{v[0]}" for k, v in by_kind.items()},
            "false_untouched_by_kind": false_by_kind, "seconds": round(seconds, 1)}


def pair_records(row: dict, index: int) -> list[dict]:
    """Two claims of one ClaimDiff pair as two articles of one day."""
    return [{"id": f"p{index}{side}", "text": row[f"claim_{side}"],
             "published": row.get("date") or None} for side in ("a", "b")]


def f1_of(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(gold), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_cosine_baseline(cosines: np.ndarray, gold: list[bool]) -> tuple[float, float]:
    """(threshold, F1) of "cosine below threshold = weakened", best threshold on the data."""
    best = (0.0, 0.0)
    for threshold in np.unique(np.round(cosines, 2)):
        f1 = f1_of(list(cosines <= threshold), gold)[2]
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best


def evaluate_claimdiff(datasets: Path, toolkit: Toolkit, settings: Settings,
                       limit: int | None) -> dict:
    """F1 of reported conflicts on ClaimDiff 'weak' pairs, next to a cosine baseline. `limit`
    counts stories elsewhere; here it takes limit * 25 pairs so the F1 still means something."""
    began = time.perf_counter()
    rows = [r for r in read_jsonl(datasets / "claimdiff-pairs-dev.jsonl")
            if r["variant"] == "weak"]
    rows = rows[:limit * 25] if limit else rows
    gold = [r["label"] == 1 for r in rows]
    memory, predicted, skipped = Memory(), [], 0
    for index, row in enumerate(rows):
        done = analyse_files(pair_records(row, index), toolkit, settings, "jsonl", memory,
                             "conflicts")
        predicted.append(any(s.conflicts for s in done.report.stories))
        skipped += done.skipped
    a = toolkit.encoder.encode([r["claim_a"] for r in rows])
    b = toolkit.encoder.encode([r["claim_b"] for r in rows])
    precision, recall, f1 = f1_of(predicted, gold)
    threshold, baseline = best_cosine_baseline(np.sum(a * b, axis=1), gold)
    return {"dataset": "claimdiff-pairs-dev (weak)", "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3), "pairs": len(rows),
            "positives": sum(gold), "skipped": skipped, "baseline_cosine_f1": round(baseline, 3),
            "baseline_threshold": threshold, "seconds": round(time.perf_counter() - began, 1)}


def conflicts_of(report: Report) -> tuple[Conflict, ...]:
    return tuple(c for s in report.stories for c in s.conflicts)
