"""Finding the shared datasets, and running their articles through what users run.

Every evaluation writes the articles it scores to a folder, as files a user would have (one
`.txt` per article: title, blank line, body; or one `.jsonl` of records with the metadata the
dataset has), and analyses that folder with `chain.analyze_paths`: the gate then sees what
reading and cleaning do to real files, not articles built in memory. Articles the run skipped
are counted in every evaluation's output.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..chain import analyze_paths
from ..config import Settings
from ..errors import NewsweaveError
from ..memory import Memory
from ..models import Report
from ..toolkit import Toolkit

DATASETS = {
    "cleaning": "localnews-stories-dev.jsonl",
    "alignment": "ecbplus-alignment-dev.jsonl",
    "ecbplus-articles": "ecbplus-clustering-dev.jsonl",
}
# Metadata a JSON record carries besides id and text (the fields newsweave reads).
RECORD_FIELDS = ("title", "url", "outlet", "published", "language")


def datasets_dir(given: str | None = None) -> Path:
    """--datasets, else $NEWSWEAVE_DATASETS, else ../shared/datasets from here or the package."""
    candidates = [given, os.environ.get("NEWSWEAVE_DATASETS"), "../shared/datasets",
                  str(Path(__file__).resolve().parents[3] / "shared" / "datasets")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise NewsweaveError("datasets folder not found; pass --datasets DIR or set "
                         "NEWSWEAVE_DATASETS (expected ../shared/datasets)")


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def file_name(article_id: str) -> str:
    """A file name that gives back `article_id` as the article's id (its stem)."""
    return re.sub(r"[^\w.-]", "_", article_id)


def write_text_files(articles: Iterable[dict], folder: Path) -> dict[str, str]:
    """One `.txt` per article: its title (when it has one), a blank line, its body. Returns
    file stem -> dataset id."""
    ids = {}
    for article in articles:
        stem = file_name(str(article["id"]))
        title = article.get("title") or ""
        body = article.get("text") or ""
        (folder / f"{stem}.txt").write_text(f"{title}\n\n{body}" if title else body,
                                             encoding="utf-8")
        ids[stem] = str(article["id"])
    return ids


def write_json_records(articles: Iterable[dict], folder: Path) -> dict[str, str]:
    """One `.jsonl` file of records (id, text and the metadata the dataset has)."""
    ids = {}
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": str(article["id"]), "text": article.get("text") or ""}
            record |= {k: article[k] for k in RECORD_FIELDS if article.get(k)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            ids[record["id"]] = record["id"]
    return ids


WRITERS = {"txt": write_text_files, "jsonl": write_json_records}


@dataclass(frozen=True)
class Analysed:
    """A dataset slice as newsweave analysed it from files."""

    report: Report
    ids: dict[str, str]  # report article id -> dataset id
    given: int  # articles written

    @property
    def skipped(self) -> int:
        """Articles written that no story of the report holds."""
        kept = {a.id for s in self.report.stories for a in s.articles}
        return sum(1 for i in self.ids if i not in kept)

    def dataset_id(self, article_id: str) -> str:
        return self.ids.get(article_id, article_id)


def analyse_files(articles: list[dict], toolkit: Toolkit, settings: Settings,
                  form: str = "txt", memory: Memory | None = None,
                  until: str | None = None) -> Analysed:
    """Write `articles` as files of `form` ("txt" or "jsonl") and analyse the folder."""
    with tempfile.TemporaryDirectory(prefix="newsweave-eval-") as folder:
        ids = WRITERS[form](articles, Path(folder))
        report = analyze_paths([folder], toolkit, settings, memory=memory, until=until,
                               strict=True)
    return Analysed(report, ids, len(articles))
