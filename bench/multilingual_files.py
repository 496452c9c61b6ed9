"""Every real article kept (issue 14): dev sets written as files, run through `newsweave analyze`.

Each dataset is written two ways, (a) one `.txt` per article (title, blank line, body; ECB+ has
no title: body only) and (b) one `.jsonl` of records {id, title, text}, and analysed by a
`newsweave analyze DIR --db <tmp> --json <tmp> -q` subprocess, one at a time. Counted: inputs
skipped (with their reasons), articles that kept under half of their words, and story B-cubed
P/R/F1 against the gold labels, a skipped article counting as a story of its own.

Gold stories: MMDS `gold_story` (noise-bucket articles are singletons), ECB+ `gold_story`,
MEANTIME `gold_original` (an article and its translations; different articles of one topic
are different stories here).

Run from the repository root: `python bench/multilingual_files.py --label after`. Results are
kept by label in bench/results-multilingual.json and written as a table to
bench/results-multilingual.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsweave.eval.data import datasets_dir, read_jsonl
from newsweave.eval.stories import bcubed, gold_labels

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results-multilingual.json"
RESULTS_MD = HERE / "results-multilingual.md"
CLI = Path(sys.executable).with_name("newsweave")
DATASETS = {  # name -> (file, gold field); None: gold_labels() (MMDS noise bucket as singletons)
    "mmds": ("mmds-multilingual-clustering-dev.jsonl", None),
    "meantime": ("meantime-translations-dev.jsonl", "gold_original"),
    "ecbplus": ("ecbplus-clustering-dev.jsonl", "gold_story"),
}
FORMS = ("txt", "jsonl")
ABOUT = ("Written by `python bench/multilingual_files.py` (issue 14). txt: one file per article "
         "(title, blank line, body; ECB+ body only); jsonl: one file of {id, title, text} "
         "records. Gold stories: MMDS `gold_story` (noise bucket as singletons), ECB+ "
         "`gold_story`, MEANTIME `gold_original` (an article and its translations). A skipped "
         "article counts as a story of its own. 'kept < 1/2': articles whose cleaned text has "
         "under half the words (split at spaces) of the dataset text.")
TABLE_HEAD = ("| label | dataset | form | articles | skipped | kept < 1/2 | B3 P | B3 R | B3 F1 "
              "| seconds |")
LABELS = {  # the rows kept in the results file, in table order
    "before": "main at 2943c08, before issue 14",
    "after": "branch clean-multilingual (issue 14)",
    "after-on-main": "branch clean-multilingual-on-main: the same commits rebased on main "
                     "a9f91f8 (issue 12/13 refactor)",
    "datelines-branch": "branch clean-multilingual-datelines: the above plus datelines in any "
                        "language; the extra dates split two MEANTIME translation groups whose "
                        "dates disagree in the data (10-day clustering window)",
}
RENAMED = re.compile(r"^(.*)-[0-9a-f]{6}$")  # the pipeline's suffix for a clashing id


@dataclass(frozen=True)
class Outcome:
    story_of: dict[str, str]  # dataset id -> predicted story id
    words_of: dict[str, int]  # dataset id -> words kept (report's count)
    skipped: dict[str, str]  # dataset id -> reason
    seconds: float


def write_inputs(records: list[dict], form: str, folder: Path) -> None:
    if form == "jsonl":
        with open(folder / "articles.jsonl", "w", encoding="utf-8") as handle:
            for r in records:
                row = {"id": str(r["id"]), "title": r.get("title"), "text": r["text"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    for r in records:
        title = r.get("title")
        text = f"{title}\n\n{r['text']}\n" if title else f"{r['text']}\n"
        (folder / f"{file_name(r['id'])}.txt").write_text(text, encoding="utf-8")


def file_name(record_id: object) -> str:
    """A dataset id as a file stem (MEANTIME ids hold slashes); also the article's id."""
    return str(record_id).replace("/", "__")


def dataset_id(skipped_path: str, form: str, records: list[dict]) -> str:
    """The dataset id a report's skipped path names: a file stem, or a JSONL line number."""
    if form == "txt":
        return Path(skipped_path).stem.replace("__", "/")
    line = skipped_path.rsplit(":", 1)[-1]
    return str(records[int(line) - 1]["id"]) if line.isdigit() else skipped_path


def run_analyze(records: list[dict], form: str) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="nw-bench-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_inputs(records, form, folder)
        db, report_path = Path(tmp) / "run.db", Path(tmp) / "report.json"
        started = time.perf_counter()
        done = subprocess.run([str(CLI), "analyze", str(folder), "--db", str(db), "--json",
                               str(report_path), "-q"], capture_output=True, text=True,
                              check=False)
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 3):  # 3: ran, some inputs skipped
            raise SystemExit(f"newsweave analyze failed ({done.returncode}): {done.stderr}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    known = {str(r["id"]) for r in records}
    story_of, words_of = {}, {}
    for story in report["stories"]:
        for article in story["articles"]:
            key = article["id"].replace("__", "/") if form == "txt" else article["id"]
            if key not in known and (match := RENAMED.match(key)):
                key = match[1]
            story_of[key] = story["id"]
            words_of[key] = article["words"]
    skipped = {dataset_id(s["path"], form, records): s["reason"] for s in report["skipped"]}
    return Outcome(story_of, words_of, skipped, seconds)


def score(records: list[dict], gold_field: str | None, outcome: Outcome) -> dict:
    gold = gold_labels(records) if gold_field is None else [str(r[gold_field]) for r in records]
    names: dict[str, int] = {}
    predicted = []
    for r in records:
        key = outcome.story_of.get(str(r["id"]), f"lost:{r['id']}")
        predicted.append(names.setdefault(key, len(names)))
    precision, recall, f1 = bcubed(gold, predicted)
    halved = sum(1 for r in records if str(r["id"]) in outcome.words_of
                 and outcome.words_of[str(r["id"])] < 0.5 * len(r["text"].split()))
    reasons = Counter(re.sub(r"\d+", "N", reason) for reason in outcome.skipped.values())
    return {"articles": len(records), "skipped": len(outcome.skipped),
            "missing": sum(1 for r in records if str(r["id"]) not in outcome.story_of
                           and str(r["id"]) not in outcome.skipped),
            "kept_under_half": halved, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4),
            "seconds": round(outcome.seconds, 1), "reasons": dict(reasons.most_common()),
            "skipped_ids": sorted(outcome.skipped)}


def load_results() -> dict:
    if RESULTS_JSON.exists():
        return json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
    return {}


def write_markdown(results: dict) -> None:
    lines = ["# Every real article kept: dev sets as files through `newsweave analyze`", "",
             f"Machine: {os.cpu_count()} cores, shared with other work: seconds are indicative.",
             "", ABOUT, "", TABLE_HEAD, "|---|---|---|---|---|---|---|---|---|---|"]
    reasons = []
    order = {label: index for index, label in enumerate(LABELS)}
    for key, row in sorted(results.items(), key=lambda kv: order.get(kv[0].split("/")[0], 99)):
        label, name, form = key.split("/")
        lines.append(f"| {label} | {name} | {form} | {row['articles']} | {row['skipped']} | "
                     f"{row['kept_under_half']} | {row['precision']:.3f} | "
                     f"{row['recall']:.3f} | {row['f1']:.3f} | {row['seconds']} |")
        for reason, count in row["reasons"].items():
            reasons.append(f"- {label} {name} {form}: {count} x {reason}")
    lines += ["", "Labels:", ""] + [f"- {label}: {what}" for label, what in LABELS.items()]
    lines += ["", "Skip reasons (numbers shown as N):", ""] + (reasons or ["- none"])
    RESULTS_MD.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--label", required=True, help="row label, e.g. before / after")
    parser.add_argument("--datasets", help="folder of the shared dev sets")
    parser.add_argument("--only", nargs="*", choices=sorted(DATASETS), default=list(DATASETS))
    parser.add_argument("--forms", nargs="*", choices=FORMS, default=list(FORMS))
    args = parser.parse_args()
    folder = datasets_dir(args.datasets)
    results = load_results()
    for name in args.only:
        file_name, gold_field = DATASETS[name]
        records = list(read_jsonl(folder / file_name))
        for form in args.forms:
            row = score(records, gold_field, run_analyze(records, form))
            results[f"{args.label}/{name}/{form}"] = row
            print(f"{args.label} {name} {form}: skipped {row['skipped']} "
                  f"{row['reasons']} F1 {row['f1']} ({row['seconds']} s)", flush=True)
            RESULTS_JSON.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
            write_markdown(results)


if __name__ == "__main__":
    main()
