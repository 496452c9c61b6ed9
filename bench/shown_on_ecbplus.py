"""What newsweave shows on stories nobody tuned disagreements on: the ECB+ dev stories.

Run from the repository root: `python bench/shown_on_ecbplus.py [OUT.md]` (default
bench/shown-ecbplus.md, not kept in git: it quotes the articles). Every `gold_story` of
`../shared/datasets/ecbplus-clustering-dev.jsonl` (3-22 articles, no publication dates, as a
folder of plain text files would be) goes through the chain; every shown disagreement and every
possible difference is written with its positions and sentences, for reading by hand. ECB+ has no
labels for disagreements: what the readings found is in bench/results-shown-ecbplus.md.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from newsweave.config import Settings
from newsweave.eval.data import analyse_files
from newsweave.models import Conflict
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "datasets" / "ecbplus-clustering-dev.jsonl"


def stories() -> dict[str, list[dict]]:
    """Article records by gold story, as JSON records the chain reads."""
    found: dict[str, list[dict]] = defaultdict(list)
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            found[row["gold_story"]].append({"id": row["id"], "title": "", "text": row["text"],
                                             "url": None, "outlet": None, "published": None})
    return dict(sorted(found.items()))


def described(tag: str, conflict: Conflict) -> list[str]:
    lines = [f"- **{tag}** {conflict.kind}, {conflict.topic} ({conflict.confidence:.3f})"]
    lines += [f"  - {p.value!r} {', '.join(p.articles)}: {p.text[:240]}"
              for p in conflict.positions]
    return lines


def main(out: Path) -> None:
    toolkit, settings = Toolkit(), Settings()
    lines, shown = [], 0
    for story, records in stories().items():
        report = analyse_files(records, toolkit, settings, "jsonl").report
        lines.append(f"## {story} ({len(records)} articles)")
        for made in report.stories:
            shown += len(made.conflicts)
            for conflict in made.conflicts:
                lines += described("shown", conflict)
            for conflict in made.possible:
                lines += described("possible", conflict)
        print(story, len(records), flush=True)
    out.write_text(f"# Shown on ECB+ dev stories: {shown}\n\n" + "\n".join(lines) + "\n",
                   encoding="utf-8")
    print(f"{shown} shown; written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "shown-ecbplus.md")
