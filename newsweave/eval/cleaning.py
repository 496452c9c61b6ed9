"""Cleaning quality on LocalNews: does cleaning keep the relevant paragraphs and drop the rest?

The dataset labels paragraphs (1 = story text, 0 = boilerplate, promo or off-topic). A paragraph
there is several lines of the article text run together, so each line of the raw text is
mapped to its paragraph and judged kept when it survives (whitespace-normalised) in the cleaned
text. Scores are weighted by characters: precision = relevant kept / kept, recall = relevant
kept / relevant.
"""

from __future__ import annotations

from ..claims import parse_articles
from ..clean import clean_record
from ..config import Settings
from ..errors import InputError
from ..models import RawRecord
from ..toolkit import Toolkit
from .data import read_jsonl


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


def evaluate_cleaning(path: str, toolkit: Toolkit | None, settings: Settings,
                      limit: int | None = None) -> dict:
    kept_rel = kept_all = rel_all = irrelevant_all = irrelevant_removed = 0
    articles = 0
    for story in read_jsonl(path, limit):
        for item in story["articles"]:
            raw = RawRecord(path=item["id"], source_id=item["id"], body=item.get("text") or "",
                            title=item.get("title"), url=item.get("url"))
            try:
                article = clean_record(raw, settings)
                if toolkit is not None:
                    article = parse_articles([article], toolkit, settings)[0].article
                clean = _squash(article.text)
            except InputError:
                clean = ""
            articles += 1
            for line, label in line_labels(item):
                kept = line in clean
                size = len(line)
                kept_all += size if kept else 0
                kept_rel += size if kept and label else 0
                rel_all += size if label else 0
                irrelevant_all += 0 if label else size
                irrelevant_removed += size if not label and not kept else 0
    precision = kept_rel / kept_all if kept_all else 0.0
    recall = kept_rel / rel_all if rel_all else 0.0
    return {"dataset": "localnews-stories-dev", "articles": articles,
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if kept_rel else 0.0,
            "boilerplate_removed": round(irrelevant_removed / irrelevant_all, 4)
            if irrelevant_all else 0.0}
