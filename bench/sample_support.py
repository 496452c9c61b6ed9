"""A fixed, re-judgeable sample of the facts newsweave cites to two or more sources, for one
labelled half, to read for false corroboration (issue 13: "multi-source facts with a mention
that says something else"; held-out figure 12 %, 4 % would drop to one source).

The population is every fact of status `corroborated` (two or more independent sources) of
every story the half's articles make, keyed as `sample_facts.py` keys facts ("story key |
fact text"); the sample is the `--size` keys with the lowest SHA-256 of "seed | key", so after
a change the same rule keeps every sampled key that survives and the rounds can be paired.

Prints, per sampled fact, the fact as a reader sees it and every mention's sentence (the
mention in [[ ]]). `--out` writes a TSV with one row per mention to judge (key, article,
judgement, note): judgement `same` (the mention states the fact's claim, in any words, with
more or less detail) or `other` (it states something else: another event, figure, place,
step or claim). `--judged` reads such a TSV back and tallies, over the facts judged whole: the
share with a mention of `other`, and the share that would be left with one source (or none)
once those mentions are taken out. Judgements count per article: two mentions of one fact from
one article (the "only one source" search can join a second) are one judgement, the last row's.

Usage: PYTHONPATH=. python bench/sample_support.py tune|check [--reports R.pkl]
       [--seed support-round37] [--size 60] [--out SAMPLE.tsv] [--judged J.tsv]
(`--reports` is the pickle `entity_sample.py` and `sample_facts.py` write and read.)
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sample_facts import (
    bottom_k,
    flat,
    half_runs,
    population,
    sample_arguments,
    sentence,
)  # bench/ is here

from newsweave.models import independent_count


def tally(path: str, sample: dict[str, tuple]) -> str:
    """The judged TSV's figures over the sampled facts whose every article was judged."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    judged: dict[str, dict[str, str]] = defaultdict(dict)
    for line in lines:
        cells = (line.split("\t") + [""] * 4)[:4]
        if cells[0] in sample and cells[2] in ("same", "other"):
            judged[cells[0]][cells[1]] = cells[2]
    whole = [k for k, (fact, _) in sample.items()
             if judged[k] and set(judged[k]) >= {m.article for m in fact.mentions}]
    other = [k for k in whole if "other" in judged[k].values()]
    # independent sources left once the `other` mentions are out (copies count once)
    dropped = [k for k in other if independent_count(
        {a for a, j in judged[k].items() if j == "same"}, sample[k][1].copies) < 2]
    mentions = sum(len(judged[k]) for k in whole)
    wrong = sum(list(judged[k].values()).count("other") for k in whole)
    return (f"# judged {len(whole)}/{len(sample)} facts ({mentions} mentions): a mention "
            f"says something else in {len(other)} = {100 * len(other) / max(1, len(whole)):.1f}"
            f" %; left with one source {len(dropped)} = "
            f"{100 * len(dropped) / max(1, len(whole)):.1f} %; mentions 'other' {wrong}")


def main() -> None:
    args = sample_arguments("support-round37", 60)
    found = {k: v for k, v in population(half_runs(args)).items()
             if v[0].status == "corroborated"}
    sample = {flat(k): found[k] for k in bottom_k(found, args.seed, args.size)}
    print(f"# {args.half}: {len(found)} corroborated facts, sample {len(sample)}, "
          f"seed {args.seed!r}")
    rows = []
    for n, (key, (fact, story)) in enumerate(sample.items(), 1):
        texts = {a.id: a.text for a in story.articles}
        print(f"\n{n}. {key}\n   FACT: {flat(fact.readable)}")
        for mention in fact.mentions:
            print(f"   - {mention.article}: {sentence(mention, texts)}")
            rows.append(f"{key}\t{mention.article}\t\t")
    if args.out:
        Path(args.out).write_text("key\tarticle\tjudgement\tnote\n" + "\n".join(rows) + "\n",
                                  encoding="utf-8")
    if args.judged:
        print("\n" + tally(args.judged, sample))


if __name__ == "__main__":
    main()
