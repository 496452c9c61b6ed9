"""What newsweave shows on two more sets of stories nobody tuned disagreements on.

Run from the repository root: `python bench/shown_on_unseen.py OUT` writes OUT-mmds-tune.md,
OUT-mmds-check.md and OUT-meantime.md (not kept in git: they quote the articles), for reading
by hand; what the readings found is in bench/results-shown-unseen.md.

- MMDS (`mmds-multilingual-clustering-dev.jsonl`): every gold story but the noise bucket with
  two articles or more, each given to the chain as one pile (English, Chinese and Malay; no
  publication dates), split once by story into halves (SHA-256 of "mmds|<story>", even: tune):
  the tune half is read to design, the check half only judged.
- MEANTIME (`meantime-translations-dev.jsonl`): the English articles of each of its four
  topics as one pile of 30 (Wikinews, a date line under each headline), clustered by the chain
  as `newsweave analyze` would: a month of market reports, of one carmaker's news, and so on.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from shown_on_ecbplus import described

from newsweave.config import Settings
from newsweave.eval.data import analyse_files
from newsweave.toolkit import Toolkit

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"


def record(row: dict) -> dict:
    return {"id": row["id"], "title": row.get("title") or "", "text": row["text"], "url": None,
            "outlet": None, "published": None}


def mmds_piles() -> dict[str, dict[str, list[dict]]]:
    """Half -> gold story -> its article records."""
    piles: dict[str, dict[str, list[dict]]] = {"tune": defaultdict(list),
                                               "check": defaultdict(list)}
    for line in (DATA / "mmds-multilingual-clustering-dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if not row.get("gold_is_noise_bucket"):
            story = str(row["gold_story"])
            digest = int(hashlib.sha256(f"mmds|{story}".encode()).hexdigest(), 16)
            piles["tune" if digest % 2 == 0 else "check"][story].append(record(row))
    return piles


def meantime_piles() -> dict[str, list[dict]]:
    """Topic -> its English article records."""
    piles: dict[str, list[dict]] = defaultdict(list)
    for line in (DATA / "meantime-translations-dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["language"] == "en":
            piles[row["gold_topic"]].append(record(row))
    return piles


def shown_in(piles: dict[str, list[dict]], toolkit: Toolkit, out: Path) -> int:
    """Every story of two articles or more the chain makes of each pile, written out."""
    lines, shown = [], 0
    for name, records in sorted(piles.items()):
        if len(records) < 2:
            continue
        report = analyse_files(records, toolkit, Settings(), "jsonl").report
        lines.append(f"## {name} ({len(records)} articles)")
        for story in (s for s in report.stories if len(s.articles) > 1):
            lines.append(f"### story of {', '.join(a.id for a in story.articles)}")
            shown += len(story.conflicts)
            for conflict in story.conflicts:
                lines += described("shown", conflict)
            for conflict in story.possible:
                lines += described("possible", conflict)
        print(name, shown, flush=True)
    out.write_text(f"# shown {shown}\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return shown


def main(prefix: str) -> None:
    toolkit = Toolkit()
    for half, piles in mmds_piles().items():
        count = shown_in(piles, toolkit, Path(f"{prefix}-mmds-{half}.md"))
        print(f"MMDS {half}: {count} shown")
    print(f"MEANTIME: {shown_in(meantime_piles(), toolkit, Path(f'{prefix}-meantime.md'))} shown")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "shown-unseen")
