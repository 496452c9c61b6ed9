"""A fixed, re-judgeable sample of the facts newsweave gives one source, for one labelled
half, to read for "only one source" that another article states in other words (issue 13:
38 % on the held-out stories). `newsweave eval corroboration` counts this over the labelled
paraphrases only; a story holds many more paraphrases than were labelled, so this sample is
read whole.

The population is every fact of status `single_source` of every story the half's articles
make, keyed as `sample_facts.py` keys facts ("story key | fact text"); the sample is the
`--size` keys with the lowest SHA-256 of "seed | key". Whether a fact names a likely partner
(`Fact.maybe_also`, "maybe also in X") does not change the population, so one judged sample
reads every setting of the search's `verify_maybe`.

`--out DIR` writes `sample.tsv` (key, the article, the fact; then the columns a reader fills,
blind to what newsweave said of a partner) and the story files (`sample_brief.write_story_file`):

  also_in     the other articles that state the fact's claim, in any words (empty: none)
  judgement   `alone` (no other article states it) or `also`

`--judged TSV` tallies a filled sample against the facts as the code on PYTHONPATH makes them
(`--reports` of that code): of the facts newsweave leaves unqualified (no "maybe also"), the
share another article states; how many of the facts read `alone` it qualifies; and of the
unqualified facts that hold a name or figure no other article has (`brief.own_detail`: where
the brief writes "Only X reports"), how many another article states.

Usage: PYTHONPATH=. python bench/sample_single.py tune|check [--reports R.pkl] [--size 60]
       [--out DIR] [--judged FILLED.tsv]
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sample_brief import write_story_file  # bench/ is this script's folder
from sample_facts import bottom_k, flat, half_runs, population, sample_arguments

from newsweave.brief import own_detail

COLUMNS = ("key", "article", "fact", "also_in", "judgement")


def write_sample(sample: list[str], found: dict[str, tuple], out: Path) -> None:
    rows = ["\t".join(COLUMNS)]
    for key in sample:
        fact, story = found[key]
        name = write_story_file(out, story, key.split(" | ")[0])
        rows.append("\t".join((flat(key), f"{fact.articles[0]} (story file {name}.txt)",
                               flat(fact.readable), "", "")))
    (out / "sample.tsv").write_text("\n".join(rows) + "\n", "utf-8")


def tally(path: str, found: dict[str, tuple]) -> str:
    counts: Counter = Counter()
    for line in Path(path).read_text("utf-8").splitlines()[1:]:
        cells = (line.split("\t") + [""] * len(COLUMNS))[:len(COLUMNS)]
        judgement = cells[4].strip()
        fact = found.get(cells[0], (None,))[0]
        if judgement not in ("alone", "also"):
            continue
        if fact is None or fact.status != "single_source":
            counts["gone"] += 1
            continue
        said = "qualified" if fact.maybe_also else "only"
        counts[said, judgement] += 1
        story = found[cells[0]][1]
        article = next(a for a in story.articles if a.id == fact.articles[0])
        if said == "only" and own_detail(fact.mentions[0].text, article, story):
            counts["own detail", judgement] += 1
    only = counts["only", "alone"] + counts["only", "also"]
    alone = counts["only", "alone"] + counts["qualified", "alone"]
    also = counts["only", "also"] + counts["qualified", "also"]
    return (f"judged {alone + also} (no longer single-source: {counts['gone']}); stated "
            f"elsewhere {also}; unqualified ('Only X') {only}, of them stated elsewhere "
            f"{counts['only', 'also']} = {100 * counts['only', 'also'] / max(only, 1):.1f} %; "
            f"of the {also} stated elsewhere, qualified {counts['qualified', 'also']}; of the "
            f"{alone} read alone, qualified {counts['qualified', 'alone']}; unqualified with a "
            f"name or figure no other article has (the brief's 'Only X') "
            f"{counts['own detail', 'alone'] + counts['own detail', 'also']}, of them stated "
            f"elsewhere {counts['own detail', 'also']}")


def main() -> None:
    args = sample_arguments("single-round40", 60)
    found = {flat(k): v for k, v in population(half_runs(args)).items()
             if v[0].status == "single_source"}
    if args.judged:
        print(tally(args.judged, found))
        return
    sample = bottom_k(found, args.seed, args.size)
    qualified = sum(bool(found[k][0].maybe_also) for k in sample)
    print(f"# {args.half}: {len(found)} single-source facts, sample {len(sample)} "
          f"({qualified} qualified 'maybe also'), seed {args.seed!r}")
    if args.out:
        write_sample(sample, found, Path(args.out))


if __name__ == "__main__":
    main()
