"""Where the tune half's labelled disagreements are lost (tune half only: the check half is
never read here). One line per labelled disagreement the report misses, with the stage that
loses it:

  capped     a possible difference matches it, but below the story's `possible_max` cut
  unread     a side's quote lands in no mention, or no mention of it reads a slot
  no-key     both sides read slots, but no two sides share a kind and key
  agree      two sides share a kind and key, and the kind's rule says their values agree
             (claim slots count only for labelled claims: every statement asserts something)
  unrelated  differing values of one key, but the pair is not related (fact, event, cosine)
  floor      related, but scored below the scorer's floor
  lost       scored above the floor, still not in the report (grouping)

Usage: PYTHONPATH=. python bench/recall_misses.py [--limit N] [--save FILE | --load FILE]
(`--save` keeps the analysed reports, pickled, so later runs only re-read slots).
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from newsweave.compare import SLOT_KINDS
from newsweave.compare.engine import Judge, read_mentions
from newsweave.compare.scorer import packaged_scorer
from newsweave.config import Settings
from newsweave.eval.data import analyse_files, datasets_dir
from newsweave.eval.disagreements import RECORD_FIELDS
from newsweave.eval.labels import (
    conflict_matches,
    locate_quote,
    overlaps,
    publication_dates,
    read_labelled_stories,
    split_stories,
)
from newsweave.toolkit import Toolkit

UNCAPPED = 1000


def analyse(limit: int | None, toolkit: Toolkit) -> list[tuple]:
    settings = replace(Settings(), possible_max=UNCAPPED)
    runs = []
    for labels in split_stories(read_labelled_stories(datasets_dir()))["tune"][:limit]:
        records = [{k: getattr(a, k) for k in RECORD_FIELDS} for a in labels.articles]
        runs.append((labels, analyse_files(records, toolkit, settings, "jsonl").report))
    return runs


def side_slots(side, stories, saids):
    """(said, slot) of the mentions the side's quote lands in (first article only)."""
    article = side.articles[0]
    texts = {a.id: a.text for s in stories for a in s.articles}
    span = locate_quote(side.quote, texts.get(article, ""))
    if span is None:
        return None
    return [(d, slot) for d in saids if d.mention.article == article
            and overlaps(span, d.mention.start, d.mention.end) for slot in d.slots]


def stage(entry, stories, saids, judge) -> tuple[str, str]:
    read = [side_slots(side, stories, saids) for side in entry.sides]
    shown = " | ".join(
        "?" if r is None else ",".join(f"{s.kind}:{s.key}={s.shown}" for _, s in r) or "-"
        for r in read)
    if any(r is None or not r for r in read):
        return "unread", shown
    best = "no-key"
    order = ["no-key", "agree", "unrelated", "floor", "lost"]
    for x, y in combinations(read, 2):
        for a, s in x:
            for b, t in y:
                if (s.kind, s.key) != (t.kind, t.key) or a.mention.article == b.mention.article \
                        or (s.kind == "claim") != (entry.kind == "claim"):
                    continue  # a polarity speaks only for a labelled claim
                kind = SLOT_KINDS[s.kind]
                if kind.agree(a, s, b, t):
                    found = "agree"
                elif not judge.related(kind, a, s, b, t):
                    found = "unrelated"
                else:
                    pair = judge.candidate(kind, [(a, s)], [(b, t)])
                    found = "floor" if pair is None or pair.probability < judge.floor \
                        else "lost"
                best = max(best, found, key=order.index)
    return best, shown


def report(runs, toolkit: Toolkit) -> None:
    scorer = packaged_scorer()
    counts: Counter[str] = Counter()
    for labels, report in runs:
        stories = report.stories
        published = publication_dates(labels, stories)
        conflicts = [c for s in stories for c in s.conflicts]
        capped = [c for s in stories for c in s.possible[:Settings().possible_max]]
        every = [c for s in stories for c in s.possible]
        saids = [d for s in stories for d in read_mentions(s, toolkit, SLOT_KINDS)]
        texts = list({d.mention.text for d in saids})
        vectors = dict(zip(texts, toolkit.encoder.encode(texts))) if texts else {}
        saids = [replace(d, mention=replace(d.mention, claim=d.mention.text)) for d in saids]
        judge = Judge(scorer, min(scorer.floor, scorer.show), vectors, {}, False,
                      toolkit.encoder.encode)
        for n, entry in enumerate(labels.disagreements):
            if any(conflict_matches(c, entry, published) for c in conflicts + capped):
                counts["found"] += 1
                continue
            if any(conflict_matches(c, entry, published) for c in every):
                why, shown = "capped", ""
            else:
                why, shown = stage(entry, stories, saids, judge)
            counts[why] += 1
            print(f"{labels.key}#{n}\t{entry.kind}\t{why}\t"
                  f"{' / '.join(s.value for s in entry.sides)}\t{shown}")
    print(dict(counts))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--load", type=Path)
    args = parser.parse_args()
    toolkit = Toolkit(threads=1)
    if args.load:
        runs = pickle.loads(args.load.read_bytes())
    else:
        runs = analyse(args.limit, toolkit)
        if args.save:
            args.save.write_bytes(pickle.dumps(runs))
    report(runs, toolkit)


if __name__ == "__main__":
    main()
