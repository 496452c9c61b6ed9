"""Finding and reading the shared datasets."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import NewsweaveError

DATASETS = {
    "cleaning": "localnews-stories-dev.jsonl",
    "alignment": "ecbplus-alignment-dev.jsonl",
    "ecbplus-articles": "ecbplus-clustering-dev.jsonl",
}


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
