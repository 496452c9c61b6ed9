"""A fixed, re-judgeable sample of brief sentences, for one labelled half, to read for
faithfulness (issue 13: "brief sentences faithful to their sources", 82 % on the held-out
stories, the false ones being "Only X reports ..." where others report it too).
`newsweave eval brief` checks every sentence by its words only (no name or figure the cited
sources lack); this sample is read.

The population is every brief sentence of every story the half's articles make, keyed
"story key | sentence"; the sample is the `--size` keys with the lowest SHA-256 of
"seed | key" (bottom-k, re-drawable after a change, paired by key as the other samples are).

`--out DIR` writes `sample.tsv` (one row per sampled sentence: key, section, cited articles,
the sentence; then the columns a reader fills) and one text file per story holding every
article of it (`DIR/stories/<story>.txt`), for a reader to judge each sentence:

  cited_wrong   the cited articles that do not state the sentence's claim (in any words);
                for a disagreement, the cited articles that do not give the value the
                sentence gives them
  also_in       for "Only X reports ...": the other articles that do state the claim
  judgement     `faithful` (no cited article wrong, and an "Only" true) or `unfaithful`

`--judged TSV` tallies a filled sample: the share of sentences faithful, per section; with
`--reports`, against the briefs the code on PYTHONPATH writes for those stories (`tally`).

Usage: PYTHONPATH=. python bench/sample_brief.py tune|check [--reports R.pkl] [--size 60]
       [--out DIR] [--judged FILLED.tsv]
(`--reports` is the pickle `entity_sample.py` and `sample_facts.py` write and read.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sample_facts import (  # bench/ is this script's folder
    bottom_k,
    flat,
    half_runs,
    sample_arguments,
)

from newsweave.brief import write_brief

COLUMNS = ("key", "section", "cited", "sentence", "cited_wrong", "also_in", "judgement")


def population(runs: list[tuple[str, list]]) -> dict[str, tuple]:
    """key -> (brief sentence, story, story key) for every brief sentence of the half."""
    found = {}
    for key, stories in runs:
        for story in stories:
            for sentence in story.brief:
                found[f"{key} | {flat(sentence.text)}"] = (sentence, story, key)
    return found


def story_file(story, key: str) -> str:
    """Every article of the story, with the label the brief cites it by."""
    parts = [f"# {key} (story {story.id}): {len(story.articles)} articles\n"]
    for article in story.articles:
        parts.append(f"\n==== ARTICLE {article.id} (cited as {article.label}) ====\n"
                     f"{article.title or ''}\n\n{article.text.strip()}\n")
    return "".join(parts)


def write_story_file(out: Path, story, story_key: str) -> str:
    """Writes `out/stories/<name>.txt` (`story_file`) and returns the name."""
    (out / "stories").mkdir(parents=True, exist_ok=True)
    name = f"{story_key.replace(':', '-')}-{story.id}"
    (out / "stories" / f"{name}.txt").write_text(story_file(story, story_key), "utf-8")
    return name


def write_sample(sample: list[str], found: dict[str, tuple], out: Path) -> None:
    rows = ["\t".join(COLUMNS)]
    for key in sample:
        sentence, story, story_key = found[key]
        name = write_story_file(out, story, story_key)
        labels = {a.id: a.label for a in story.articles}
        cited = ", ".join(f"{a} ({labels.get(a, a)})" for a in sentence.citations)
        rows.append("\t".join((key.split(" | ")[0] + f" | {name}", sentence.kind, cited,
                               flat(sentence.text), "", "", "")))
    (out / "sample.tsv").write_text("\n".join(rows) + "\n", "utf-8")


def rewritten(runs: list[tuple[str, list]]) -> set[tuple[str, str]]:
    """(story key, sentence) of the briefs the code on PYTHONPATH writes for the stories."""
    return {(key, flat(b.text)) for key, stories in runs for story in stories
            for b in write_brief(story)[0]}


def tally(path: str, now: set[tuple[str, str]] | None = None) -> str:
    """Faithful sentences per section. With `now` (the briefs as the code writes them), a
    judged "Only X reports ..." that is now written without "Only" counts faithful when no
    cited article was judged wrong (its source states it: the words are its own); a sentence
    no longer written is left out of the count."""
    counts: Counter = Counter()
    for line in Path(path).read_text("utf-8").splitlines()[1:]:
        cells = (line.split("\t") + [""] * len(COLUMNS))[:len(COLUMNS)]
        judgement, key = cells[6].strip(), (cells[0].split(" | ")[0], cells[3])
        if now is not None and key not in now:
            plain = (key[0], key[1].removeprefix("Only "))
            if not key[1].startswith("Only ") or plain not in now:
                counts["gone"] += 1
                continue
            counts["only dropped"] += 1
            judgement = "faithful" if not cells[4].strip() else judgement
        if judgement in ("faithful", "unfaithful"):
            counts[cells[1], judgement] += 1
            counts["all", judgement] += 1
    parts = []
    for section in ("all", "agreed", "conflict", "single_source"):
        good, bad = counts[section, "faithful"], counts[section, "unfaithful"]
        if good + bad:
            parts.append(f"{section}: faithful {good}/{good + bad} = "
                         f"{100 * good / (good + bad):.1f} %")
    if now is not None:
        parts.append(f"'Only' no longer written {counts['only dropped']}, sentences no longer "
                     f"written {counts['gone']}")
    return "; ".join(parts)


def main() -> None:
    args = sample_arguments("brief-round40", 60)
    if args.judged:
        print(tally(args.judged, rewritten(half_runs(args)) if args.reports else None))
        return
    found = population(half_runs(args))
    sample = bottom_k(found, args.seed, args.size)
    sections = Counter(found[k][0].kind for k in sample)
    print(f"# {args.half}: {len(found)} brief sentences, sample {len(sample)} "
          f"({dict(sections)}), seed {args.seed!r}")
    if args.out:
        write_sample(sample, found, Path(args.out))


if __name__ == "__main__":
    main()
