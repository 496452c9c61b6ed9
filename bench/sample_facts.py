"""A fixed, re-judgeable sample of the facts newsweave lists for one labelled half, to read
for fragments (issue 13: datelines, bylines, promos, headings, captions, posts, notes,
questions, labels, half-clauses: anything that is not a statement).

Every fact of every story the half's articles make is keyed "story key | fact text" (the
labelled story's `source:story` and the fact's verbatim `text`, without its bracketed
subject; a key met twice in one labelled story is one key, the first kept). The sample is the
120 keys with the lowest SHA-256 of "seed | key" (a bottom-k hash sample): fixed for a given
population, and after a change the same rule keeps every sampled key that survives and takes
in new keys only as often as the new population holds them, so rounds can be paired.

Prints, per sampled key: the key, status, the fact as a reader sees it ("[subject] text")
and each mention's sentence in its article (the mention in [[ ]]). `--out` writes a TSV to
judge (key, status, judgement, class, note); `--judged` reads such a TSV back and tallies it
(judgement `statement` or `fragment`; class: the fragment's class, then `wrong-bracket` when
the bracketed subject is the wrong noun). Tabs and newlines in a key are shown as spaces.

Usage: PYTHONPATH=. python bench/sample_facts.py tune|check [--reports R.pkl]
       [--seed fragments-round9] [--size 120] [--out SAMPLE.tsv] [--judged J.tsv]
(`--reports` pickles the analysed stories once, then reloads them; NEWSWEAVE_THREADS: 1.)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
from collections import Counter
from pathlib import Path

CONTEXT = 160  # characters either side of a mention, cut at sentence ends when possible


def analyse(half: str) -> list[tuple[str, list]]:
    """(story key, report stories) of every labelled story of the half, as the entity sample
    reads them (`entity_sample.analyse`)."""
    from entity_sample import analyse as analyse_half  # bench/ is this script's folder

    from newsweave.toolkit import Toolkit
    return analyse_half(half, Toolkit(threads=int(os.environ.get("NEWSWEAVE_THREADS", "1"))))


def population(runs: list[tuple[str, list]]) -> dict[str, tuple]:
    """key -> (fact, story) for every fact, keyed as the entity sample keys its names."""
    from entity_sample import population as listed_items

    return listed_items(runs, lambda story: ((f.text, f) for f in story.facts))


def flat(text: str) -> str:
    return " ".join(text.split())


def sentence(mention, texts: dict[str, str]) -> str:
    text = texts.get(mention.article, "")
    left = text[max(0, mention.start - CONTEXT):mention.start]
    right = text[mention.end:mention.end + CONTEXT]
    cut = max(left.rfind(". "), left.rfind("\n"))
    left = left[cut + 1:] if cut >= 0 else left
    ends = [i for i in (right.find(". "), right.find("\n")) if i >= 0]
    right = right[:min(ends) + 1] if ends else right
    return flat(f"{left}[[{text[mention.start:mention.end]}]]{right}")


def bottom_k(keys, seed: str, size: int) -> list[str]:
    """The `size` keys with the lowest SHA-256 of "seed | key": a sample that keeps every
    sampled key a change leaves, so samples before and after a change pair by key."""
    return sorted(keys, key=lambda key: hashlib.sha256(f"{seed} | {key}".encode()).hexdigest()
                  )[:size]


def sample_arguments(seed: str, size: int) -> argparse.Namespace:
    """The command line every read sample takes (a half, the pickled reports, the TSV to
    write or tally, the sample's seed and size)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("half", choices=("tune", "check"))
    for name in ("--reports", "--out", "--judged"):
        parser.add_argument(name)
    parser.add_argument("--seed", default=seed)
    parser.add_argument("--size", type=int, default=size)
    return parser.parse_args()


def half_runs(args: argparse.Namespace) -> list[tuple[str, list]]:
    """The half's analysed stories, from `--reports` when it exists (else analysed and, with
    `--reports`, pickled there)."""
    if args.reports and Path(args.reports).exists():
        return pickle.loads(Path(args.reports).read_bytes())
    runs = analyse(args.half)
    if args.reports:
        Path(args.reports).write_bytes(pickle.dumps(runs))
    return runs


def main() -> None:
    args = sample_arguments("fragments-round9", 120)
    found = population(half_runs(args))
    sample = bottom_k(found, args.seed, args.size)
    print(f"# {args.half}: {len(found)} fact keys, sample {len(sample)}, seed {args.seed!r}")
    rows = []
    for n, key in enumerate(sample, 1):
        fact, story = found[key]
        print(f"\n{n}. {flat(key)}\n   status {fact.status} | {len(fact.mentions)} mentions"
              f"\n   FACT: {flat(fact.readable)}")
        own = sorted(fact.mentions, key=lambda m: flat(m.text) != flat(fact.text))
        for mention in own[:2]:  # the mention the text is taken from first
            print(f"   | {sentence(mention, {a.id: a.text for a in story.articles})}")
        rows.append(f"{flat(key)}\t{fact.status}\t\t\t")
    if args.out:
        Path(args.out).write_text("key\tstatus\tjudgement\tclass\tnote\n" + "\n".join(rows)
                                  + "\n", encoding="utf-8")
    if args.judged:
        lines = Path(args.judged).read_text(encoding="utf-8").splitlines()[1:]
        cells = [(line.split("\t") + [""] * 5)[:5] for line in lines if line.strip()]
        keys = {flat(k) for k in sample}
        cells = [c for c in cells if c[0] in keys]
        fragments = [c for c in cells if c[2] == "fragment"]
        wrong = sum("wrong-bracket" in c[3] for c in cells)
        by_class = Counter(c[3].split()[0] for c in fragments)
        print(f"\n# judged {len(cells)}/{len(sample)}: fragments {len(fragments)} = "
              f"{100 * len(fragments) / max(1, len(cells)):.1f} %; by class "
              f"{dict(by_class.most_common())}; wrong-bracket {wrong}")


if __name__ == "__main__":
    main()
