"""Speed benchmarks (issue 2): reference story cold / warm / cached, LocalNews dev throughput.

Run from the repository root: `python bench/run.py`. Writes bench/results.md and
bench/results.json next to this file. Goal: reference story < 2 s warm, < 10 s cold.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from newsweave.config import Settings
from newsweave.pipeline import Context, analyze
from newsweave.store import Store
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "kim-russia-2023"
LOCALNEWS = SHARED / "datasets" / "localnews-stories-dev.jsonl"
CLI = Path(sys.executable).with_name("newsweave")
RUNS = 3  # median of three: enough to drop one outlier, short enough to run often
GOAL_WARM_S = 2.0
GOAL_COLD_S = 10.0


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


class StageClock:
    """Progress callback noting when each stage last reported: a rough per-stage split."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.last: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.last[stage] = time.perf_counter()

    def split(self) -> dict[str, float]:
        result, previous = {}, self.start
        for stage, moment in self.last.items():  # insertion order = stage order
            result[stage] = round(moment - previous, 3)
            previous = moment
        return result


def run_once(paths: list[Path], db: Path, toolkit: Toolkit, settings: Settings,
             clock: StageClock | None = None):
    with Store(db) as store:
        ctx = Context(settings=settings, store=store, toolkit=toolkit)
        if clock:
            ctx.progress = clock
        return analyze(list(paths), ctx)


def cold_runs(tmp: Path) -> list[float]:
    """A new process each time: imports, model loading and the analysis itself."""
    times = []
    for run in range(RUNS):
        db = tmp / f"cold-{run}.db"
        command = [str(CLI), "analyze", str(REFERENCE), "--db", str(db), "-q",
                   "--json", os.devnull]
        seconds, proc = timed(subprocess.run, command, check=False, capture_output=True,
                              text=True)
        if proc.returncode not in (0, 3):
            raise SystemExit(f"cold run failed ({proc.returncode}): {proc.stderr}")
        times.append(seconds)
    return times


def warm_runs(tmp: Path, toolkit: Toolkit,
              settings: Settings) -> tuple[list[float], list[float], list[dict[str, float]]]:
    """Models loaded once; a fresh database each run so every stage really works. Then the
    first database is reused: everything comes from the store."""
    fresh, splits = [], []
    for run in range(RUNS):
        db = tmp / f"warm-{run}.db"
        clock = StageClock()
        seconds, _ = timed(run_once, [REFERENCE], db, toolkit, settings, clock)
        fresh.append(seconds)
        splits.append(clock.split())
    cached = []
    for _ in range(RUNS):
        seconds, _ = timed(run_once, [REFERENCE], tmp / "warm-0.db", toolkit, settings)
        cached.append(seconds)
    return fresh, cached, splits


def localnews_folders(tmp: Path) -> list[tuple[str, Path, int]]:
    """One folder per LocalNews story, holding one JSONL with that story's articles."""
    stories = []
    fields = ("id", "text", "title", "url", "outlet", "published")
    with LOCALNEWS.open(encoding="utf-8") as handle:
        for line in handle:
            story = json.loads(line)
            folder = tmp / "localnews" / f"story-{story['story_id']}"
            folder.mkdir(parents=True)
            with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
                for article in story["articles"]:
                    record = {k: article.get(k) for k in fields}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            stories.append((story["story_id"], folder, len(story["articles"])))
    return stories


def localnews_throughput(tmp: Path, toolkit: Toolkit, settings: Settings) -> dict:
    stories = localnews_folders(tmp)
    total_seconds, analysed, given, ran = 0.0, 0, 0, 0
    crashes: list[dict] = []
    skip_reasons: Counter[str] = Counter()
    per_story = []
    for story_id, folder, count in stories:
        given += count
        db = tmp / f"localnews-{story_id}.db"
        start = time.perf_counter()
        try:
            report = run_once([folder], db, toolkit, settings)
        except Exception as err:  # noqa: BLE001 - a crash is a result here, counted and shown
            crashes.append({"story": story_id, "error": f"{type(err).__name__}: {err}",
                            "traceback": traceback.format_exc(limit=3)})
            continue
        finally:
            total_seconds += time.perf_counter() - start
        ran += 1
        used = sum(len(s.articles) for s in report.stories)
        analysed += used
        for skip in report.skipped:
            skip_reasons[skip.reason.split(" (")[0]] += 1
        per_story.append({"story": story_id, "articles": count, "analysed": used,
                          "skipped": len(report.skipped)})
    return {
        "stories": len(stories), "stories_ran": ran, "crashes": crashes,
        "articles_given": given, "articles_analysed": analysed,
        "articles_skipped": sum(skip_reasons.values()), "skip_reasons": dict(skip_reasons),
        "seconds": round(total_seconds, 2),
        "articles_per_second": round(analysed / total_seconds, 2) if total_seconds else None,
        "per_story": per_story,
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "processor": platform.processor() or "unknown"}


def markdown(results: dict) -> str:
    m, ref, ln = results["machine"], results["reference"], results["localnews"]

    def row(name: str, times: list[float], goal: float | None) -> str:
        median = statistics.median(times)
        verdict = "" if goal is None else ("met" if median < goal else "**missed**")
        goal_text = f"< {goal:g} s" if goal else "-"
        runs = ", ".join(f"{t:.2f}" for t in times)
        return f"| {name} | {median:.2f} | {runs} | {goal_text} | {verdict} |"

    lines = [
        "# newsweave benchmarks",
        "",
        (f"Machine: {m['cores']} cores (os.cpu_count()), Python {m['python']}, "
         f"{m['platform']}. Run at {results['when']} by `python bench/run.py`."),
        "",
        (f"Load average (1 min) at start {results['load_before']:.2f}, at end "
         f"{results['load_after']:.2f}: the machine is shared, so other work inflates these "
         "times."),
        "",
        f"## Reference story ({ref['articles']} articles, `../shared/corpus/kim-russia-2023`)",
        "",
        "| run | median s | runs s | goal | |",
        "|---|---|---|---|---|",
        row("cold: new `newsweave analyze` process, fresh db", ref["cold"], GOAL_COLD_S),
        row("warm: models loaded, fresh db", ref["warm"], GOAL_WARM_S),
        row("cached: models loaded, same db again", ref["cached"], None),
        "",
        f"Model loading in the benchmark process (spaCy + encoder): {ref['load_seconds']:.2f} s.",
        "",
        ("Warm run, seconds per stage (time between the stage's last progress reports; "
         "`clean` includes the spaCy parse, the last stage is story assembly and alignment):"),
        "",
        *(f"- run {i + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in split.items())
          for i, split in enumerate(ref["warm_stage_seconds"])),
        "",
        "## LocalNews dev set (one story = one JSONL, one fresh db per story, models loaded)",
        "",
        f"- stories run without a crash: {ln['stories_ran']} of {ln['stories']}"
        + (f" — **{len(ln['crashes'])} crashed**" if ln["crashes"] else ""),
        (f"- articles: {ln['articles_given']} given, {ln['articles_analysed']} analysed, "
         f"{ln['articles_skipped']} skipped"),
        (f"- throughput: {ln['articles_analysed']} articles / {ln['seconds']:.1f} s = "
         f"**{ln['articles_per_second']} articles/s**"),
        f"- peak RSS of the benchmark process: {results['peak_rss_mb']:.0f} MB",
    ]
    if ln["skip_reasons"]:
        lines += ["", "Skip reasons:", ""]
        lines += [f"- {n} × {reason}" for reason, n in sorted(ln["skip_reasons"].items())]
    for crash in ln["crashes"]:
        lines += ["", f"Crash in story {crash['story']}: `{crash['error']}`"]
    return "\n".join(lines) + "\n"


def main() -> None:
    settings = Settings()
    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="newsweave-bench-"))
    try:
        cold = cold_runs(tmp)
        toolkit = Toolkit()
        load_seconds, _ = timed(lambda: (toolkit.nlp, toolkit.encoder))
        warm, cached, splits = warm_runs(tmp, toolkit, settings)
        localnews = localnews_throughput(tmp, toolkit, settings)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine(),
        "load_before": load_before, "load_after": os.getloadavg()[0],
        "reference": {"articles": len(list(REFERENCE.iterdir())), "cold": cold, "warm": warm,
                      "cached": cached, "load_seconds": load_seconds,
                      "warm_stage_seconds": splits,
                      "cold_median": statistics.median(cold),
                      "warm_median": statistics.median(warm),
                      "cached_median": statistics.median(cached)},
        "localnews": localnews,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = markdown(results)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
