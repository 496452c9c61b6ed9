"""Do stories split when their articles come as files? B-cubed precision/recall/F1 of story
clustering through the real path (articles written as files, read, cleaned, parsed and
clustered by `chain.analyze_paths`, stopping after clustering), on a tune half and a check half
of every set, side by side:

  ecbplus    ECB+ dev (`.txt`: title, blank line, body); two events of one kind per topic
  mmds       MMDS dev (`.txt`), English/Malay/Chinese; scored on the articles that survive
             cleaning (a lost article is counted, not scored as a story of its own)
  localnews  LocalNews dev pooled: all 52 stories' articles as one pile (`.jsonl` records
             with the dataset's title, url, outlet, published), gold = story
  labelled   the 56 labelled stories (`localnews-disagreements-dev.jsonl`), each analysed
             alone as a user's folder of one story (`.jsonl`): how many split, into how many

Halves are fixed once: within a set, the split keys are ordered by the SHA-256 of
"source:key" and the first half (rounded up) is tune, the way `eval.labels.split_stories` splits
the labelled stories (so the LocalNews pooled tune half holds exactly the labelled tune
stories plus three unlabelled ones). The key is the gold story, except on ECB+, where it is
the topic: a topic's two events of one kind must land in one half, or the half would have no
hard negatives. Fit and tune on tune only; the check half is for agreeing.

One analysis runs at a time (the machine is shared); parsed articles are kept in one `Memory`
for the run, so the labelled stories reuse the LocalNews pool's parses. Run from the root:

    python bench/cluster_split.py [--only ecbplus,localnews] [--set cluster_threshold=0.34]
                                  [--write LABEL] [--threads 1] [--datasets DIR]

`--write LABEL` puts the table under the heading "LABEL" in bench/results-cluster-split.md
(other sections are kept), so a before and an after sit in one file.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from newsweave.config import Settings
from newsweave.eval.data import Analysed, analyse_files, datasets_dir, read_jsonl
from newsweave.eval.labels import read_labelled_stories, split_stories
from newsweave.eval.stories import bcubed
from newsweave.memory import Memory
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results-cluster-split.md"
HALVES = ("tune", "check")
LOCAL_FIELDS = ("id", "title", "text", "url", "outlet", "published")


@dataclass(frozen=True)
class Item:
    """One article of a set: its record as written, gold story and split key."""

    record: dict
    gold: str
    key: str  # "source:key", hashed for the split


@dataclass(frozen=True)
class Row:
    name: str
    half: str
    articles: int
    lost: int  # written but in no story (skipped by reading or cleaning)
    gold_stories: int
    stories: int
    precision: float
    recall: float
    f1: float
    split: str = ""  # labelled stories: "split of all (parts)"
    seconds: float = 0.0


@dataclass
class Tools:
    """What every analysis of the run shares."""

    toolkit: Toolkit
    settings: Settings
    memory: Memory


def halves(items: list[Item]) -> dict[str, list[Item]]:
    """Tune: the first half (rounded up) of the keys ordered by SHA-256; check: the rest."""
    keys = sorted({i.key for i in items}, key=lambda k: hashlib.sha256(k.encode()).hexdigest())
    tune = set(keys[:(len(keys) + 1) // 2])
    return {"tune": [i for i in items if i.key in tune],
            "check": [i for i in items if i.key not in tune]}


def ecbplus_items(datasets: Path) -> list[Item]:
    return [Item(r, str(r["gold_story"]), f"ecbplus:{r['gold_topic']}")
            for r in read_jsonl(datasets / "ecbplus-clustering-dev.jsonl")]


def mmds_items(datasets: Path) -> list[Item]:
    """The noise bucket's articles are unrelated: each is a story (and a split key) of its own."""
    items = []
    for r in read_jsonl(datasets / "mmds-multilingual-clustering-dev.jsonl"):
        gold = f"noise:{r['id']}" if r.get("gold_is_noise_bucket") else str(r["gold_story"])
        items.append(Item(r, gold, f"mmds:{gold}"))
    return items


def localnews_items(datasets: Path) -> list[Item]:
    return [Item({k: a.get(k) for k in LOCAL_FIELDS}, str(s["story_id"]),
                 f"localnews:{s['story_id']}")
            for s in read_jsonl(datasets / "localnews-stories-dev.jsonl") for a in s["articles"]]


def placed(done: Analysed) -> dict[str, int]:
    """Dataset id -> the story it landed in."""
    return {done.dataset_id(a.id): n for n, s in enumerate(done.report.stories)
            for a in s.articles}


def score_pile(name: str, half: str, items: list[Item], form: str, tools: Tools) -> Row:
    started = time.perf_counter()
    done = analyse_files([i.record for i in items], tools.toolkit, tools.settings, form,
                         memory=tools.memory, until="cluster")
    story_of = placed(done)
    kept = [i for i in items if str(i.record["id"]) in story_of]
    gold = [i.gold for i in kept]
    precision, recall, f1 = bcubed(gold, [story_of[str(i.record["id"])] for i in kept])
    return Row(name, half, len(items), len(items) - len(kept), len(set(gold)),
               len(set(story_of.values())), precision, recall, f1,
               seconds=time.perf_counter() - started)


def score_labelled(half: str, stories: Iterable, tools: Tools) -> Row:
    """Each labelled story alone; B-cubed over all their articles (each story its own pile,
    so precision is 1 by construction: recall says how split they are)."""
    started = time.perf_counter()
    gold: list[str] = []
    predicted: list[int] = []
    split = parts = total = articles = lost = 0
    for story in stories:
        records = [{k: getattr(a, k) for k in LOCAL_FIELDS if hasattr(a, k)}
                   for a in story.articles]
        done = analyse_files(records, tools.toolkit, tools.settings, "jsonl",
                             memory=tools.memory, until="cluster")
        story_of = placed(done)
        made = len(set(story_of.values()))
        total, split, parts = total + 1, split + (made > 1), parts + made
        articles, lost = articles + len(records), lost + len(records) - len(story_of)
        gold += [story.key] * len(story_of)
        predicted += [len(predicted) + n for n in story_of.values()]
    precision, recall, f1 = bcubed(gold, predicted) if gold else (0.0, 0.0, 0.0)
    return Row("labelled", half, articles, lost, total, len(set(predicted)), precision, recall,
               f1, split=f"{split} of {total} ({parts} parts)",
               seconds=time.perf_counter() - started)


PILES: dict[str, tuple[Callable[[Path], list[Item]], str]] = {
    "ecbplus": (ecbplus_items, "txt"),
    "mmds": (mmds_items, "txt"),
    "localnews": (localnews_items, "jsonl"),
}


def measure(datasets: Path, only: set[str], tools: Tools) -> list[Row]:
    rows = []
    for name, (read, form) in PILES.items():
        if name in only:
            split = halves(read(datasets))
            rows += [score_pile(name, half, split[half], form, tools) for half in HALVES]
            print(*(format_row(r) for r in rows[-2:]), sep="\n", file=sys.stderr)
    if "labelled" in only:
        split = split_stories(read_labelled_stories(datasets))
        rows += [score_labelled(half, split[half], tools) for half in HALVES]
        print(*(format_row(r) for r in rows[-2:]), sep="\n", file=sys.stderr)
    return rows


def format_row(row: Row) -> str:
    return (f"| {row.name} | {row.half} | {row.articles} | {row.lost} | {row.gold_stories} | "
            f"{row.stories} | {row.precision:.3f} | {row.recall:.3f} | **{row.f1:.3f}** | "
            f"{row.split} | {row.seconds:.0f} |")


def table(rows: list[Row], settings: Settings) -> str:
    changed = {f.name: getattr(settings, f.name) for f in fields(settings)
               if getattr(settings, f.name) != getattr(Settings(), f.name)}
    head = ("| set | half | articles | lost | gold stories | stories | B3 P | B3 R | B3 F1 | "
            "split (labelled) | s |\n|---|---|---|---|---|---|---|---|---|---|---|")
    note = f"Settings changed from the defaults: {changed}\n\n" if changed else ""
    return note + head + "\n" + "\n".join(format_row(r) for r in rows) + "\n"


def write_section(label: str, body: str, path: Path = RESULTS) -> None:
    """Replace (or add) the section headed `## label`, keeping the others."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Story splits\n"
    section = f"## {label}\n\n{body}\n"
    pattern = re.compile(rf"^## {re.escape(label)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else \
        text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def parse_settings(pairs: list[str]) -> Settings:
    base = Settings()
    values = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        values[name] = type(getattr(base, name))(value)
    return replace(base, **values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets")
    parser.add_argument("--only", default="ecbplus,mmds,localnews,labelled")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--write", metavar="LABEL")
    args = parser.parse_args()
    settings = parse_settings(args.set)
    tools = Tools(Toolkit(threads=args.threads), settings, Memory())
    rows = measure(datasets_dir(args.datasets), set(args.only.split(",")), tools)
    body = table(rows, settings)
    print(body)
    if args.write:
        write_section(args.write, body)


if __name__ == "__main__":
    main()
