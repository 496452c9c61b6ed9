"""Cleaning quality on LocalNews: does cleaning keep the relevant paragraphs and drop the rest?

The dataset labels paragraphs (1 = story text, 0 = boilerplate, promo or off-topic). A paragraph
there is several lines of the article text run together, so each line of the raw text is
mapped to its paragraph and judged kept when it survives (whitespace-normalised) in the cleaned
text. Scores are weighted by characters: precision = relevant kept / kept, recall = relevant
kept / relevant. Articles are written as JSON records (id, title, text, url) and run through
the chain up to clustering, as a user's would be: captions found by the parse are out too.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..toolkit import Toolkit
from .data import DATASETS, analyse_files, read_jsonl


def line_labels(article: dict) -> list[tuple[str, int]]:
    """Each non-empty raw line with the relevance label of the paragraph holding it."""
    labelled = []
    paragraphs = [(_squash(p["text"]), p["relevant"]) for p in article["paragraphs"]]
    for line in (article.get("text") or "").splitlines():
        key = _squash(line)
        if not key:
            continue
        label = next((rel for text, rel in paragraphs if key in text), None)
        if label is not None:
            labelled.append((key, label))
    return labelled


def _squash(text: str) -> str:
    return "".join(text.split())


def evaluate_cleaning(folder: Path, toolkit: Toolkit, settings: Settings,
                      limit: int | None = None) -> dict:
    path = folder / DATASETS["cleaning"]
    sizes = {"kept_rel": 0, "kept_all": 0, "rel_all": 0, "irrelevant_all": 0,
             "irrelevant_removed": 0}
    articles = skipped = 0
    for story in read_jsonl(path, limit):
        records = [{k: a.get(k) for k in ("id", "title", "text", "url")}
                   for a in story["articles"]]
        done = analyse_files(records, toolkit, settings, "jsonl", until="cluster")
        cleaned = {done.dataset_id(a.id): _squash(a.text)
                   for s in done.report.stories for a in s.articles}
        articles += len(records)
        skipped += done.skipped
        for item in story["articles"]:
            add_sizes(sizes, line_labels(item), cleaned.get(str(item["id"]), ""))
    precision = sizes["kept_rel"] / sizes["kept_all"] if sizes["kept_all"] else 0.0
    recall = sizes["kept_rel"] / sizes["rel_all"] if sizes["rel_all"] else 0.0
    return {"dataset": "localnews-stories-dev", "articles": articles, "skipped": skipped,
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4)
            if sizes["kept_rel"] else 0.0,
            "boilerplate_removed": round(sizes["irrelevant_removed"] / sizes["irrelevant_all"], 4)
            if sizes["irrelevant_all"] else 0.0}


def add_sizes(sizes: dict[str, int], lines: list[tuple[str, int]], clean: str) -> None:
    """Characters kept and removed, by label, of one article's labelled lines."""
    for line, label in lines:
        kept = line in clean
        size = len(line)
        sizes["kept_all"] += size if kept else 0
        sizes["kept_rel"] += size if kept and label else 0
        sizes["rel_all"] += size if label else 0
        sizes["irrelevant_all"] += 0 if label else size
        sizes["irrelevant_removed"] += size if not label and not kept else 0
