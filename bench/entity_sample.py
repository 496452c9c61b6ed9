"""A fixed, re-judgeable sample of the entities newsweave lists for one labelled half.

Every entity of every story the half's articles make is keyed by "story key | canonical name"
(the labelled story's `source:story` and the entity's shown name). The sample is the 120 keys
with the lowest SHA-256 of "seed | key" (a bottom-k hash sample): it is fixed for a given
population, and after a change the same rule over the new population keeps every sampled key
that survives, drops those that vanish and takes in new keys exactly as often as the new
population holds them (a new key enters only if its hash is below the 120th), so the before
and after samples are paired wherever the entities are and unbiased where they differ.

Judgements live in a TSV file (`key<TAB>type<TAB>class<TAB>note`), class one of
  ok     a named entity, right type, clean span
  none   no entity: an amount, date, number, common noun, piece of a name, headline words
  type   a right span of the wrong type (a company typed as a person, a place as a body)
  span   a title, date or extra words in the span ("Prime Minister X", "X on Monday")
A judgement holds for the key and the type it was made on; a key whose type changed is shown
unjudged again. `--paired OLD.tsv` counts, over the keys sampled before, which vanished (a
junk one vanishing is fixed, a right one vanishing is lost), which are now an alias of another
listed name (joined: a right one is kept, a junk one fixed) and which changed class.

The analysed reports are pickled (`--reports FILE`); `--entities-only` reloads them and reruns
only the entity step with the current code (entities depend on nothing later in the chain),
which is what a change to the entity modules needs.

Usage: PYTHONPATH=. python bench/entity_sample.py tune|check --reports R.pkl
       [--entities-only] [--judged J.tsv] [--out SAMPLE.md] [--paired OLD.tsv] [--all]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsweave.config import Settings
from newsweave.entities import merge_entities
from newsweave.eval.data import analyse_files, datasets_dir
from newsweave.eval.disagreements import RECORD_FIELDS
from newsweave.eval.labels import read_labelled_stories, split_stories
from newsweave.toolkit import Toolkit

SEED = "entities-round4"
SIZE = 120
CLASSES = ("ok", "none", "type", "span")
CONTEXT = 70  # characters either side of a shown mention


def analyse(half: str, toolkit: Toolkit) -> list[tuple[str, list]]:
    """(story key, report stories) of every labelled story of the half."""
    runs = []
    for labels in split_stories(read_labelled_stories(datasets_dir()))[half]:
        records = [{k: getattr(a, k) for k in RECORD_FIELDS} for a in labels.articles]
        report = analyse_files(records, toolkit, Settings(), "jsonl").report
        runs.append((labels.key, list(report.stories)))
    return runs


def rerun_entities(runs: list[tuple[str, list]], toolkit: Toolkit) -> list[tuple[str, list]]:
    return [(key, [replace(s, entities=merge_entities(s, toolkit)) for s in stories])
            for key, stories in runs]


def population(runs: list[tuple[str, list]],
               listed: Callable[[Any], Iterable[tuple[str, Any]]] = lambda story: (
                   (e.name, e) for e in story.entities)) -> dict[str, tuple]:
    """key -> (item, story) for every item a story lists (`listed`: its entities by name,
    unless told otherwise); a name listed in two stories of one labelled story is one key (the
    first, most mentioned, kept)."""
    found: dict[str, tuple] = {}
    for key, stories in runs:
        for story in stories:
            for name, item in listed(story):
                found.setdefault(f"{key} | {name}", (item, story))
    return found


def rank(key: str) -> str:
    return hashlib.sha256(f"{SEED} | {key}".encode()).hexdigest()


def contexts(entity, story, most: int = 2) -> list[str]:
    forms = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(f) for f in forms))
    shown = []
    for article in story.articles:
        for match in pattern.finditer(article.text):
            left = article.text[max(0, match.start() - CONTEXT):match.start()]
            right = article.text[match.end():match.end() + CONTEXT]
            shown.append(" ".join(f"{left}[[{match.group()}]]{right}".split()))
            if len(shown) >= most:
                return shown
    return shown


def read_judged(path: str | None) -> dict[str, tuple[str, str, str]]:
    judged: dict[str, tuple[str, str, str]] = {}
    if path and Path(path).exists():
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, kind, cls, note = (line.split("\t") + ["", "", ""])[:4]
                judged[key] = (kind, cls, note)
    return judged


def show(sample: list[str], found: dict[str, tuple], judged: dict) -> list[str]:
    lines = []
    for key in sample:
        entity, story = found[key]
        kind, cls, note = judged.get(key, ("", "?", ""))
        if kind != entity.type:
            cls, note = "?", ""
        aliases = "; ".join(a for a in entity.aliases if a != entity.name)
        lines.append(f"{key}\t{entity.type}\t{cls}\t{note}\t(aliases: {aliases}; "
                     f"{len(entity.articles)} articles)")
        lines += [f"    | {c}" for c in contexts(entity, story)]
    return lines


def tally(sample: list[str], found: dict[str, tuple], judged: dict) -> Counter:
    counts: Counter = Counter()
    for key in sample:
        kind, cls, _ = judged.get(key, ("", "?", ""))
        counts[cls if kind == found[key][0].type else "?"] += 1
    return counts


def alias_index(found: dict[str, tuple]) -> dict[str, str]:
    """"story | alias" -> the listed name it is an alias of, for aliases that are no listed
    name of their own: a key judged before that is now one was joined, not dropped."""
    index: dict[str, str] = {}
    for key, (entity, _) in found.items():
        story = key.split(" | ", 1)[0]
        for alias in entity.aliases:
            if f"{story} | {alias}" not in found:
                index.setdefault(f"{story} | {alias}", entity.name)
    return index


def paired(old_path: str, found: dict[str, tuple], judged: dict) -> Counter:
    """Over the keys judged before: vanished junk (fixed), vanished right ones (lost), and
    (class before -> class now) for the keys still listed."""
    moves: Counter = Counter()
    aliases = alias_index(found)
    for key, (kind, cls, _) in read_judged(old_path).items():
        if key in aliases:  # joined to another listed name: still listed, as its alias
            moves["now an alias of a listed name, was junk (fixed)" if cls != "ok"
                  else "now an alias of a listed name, was ok (kept)"] += 1
            continue
        if key not in found:
            moves["vanished, was junk (fixed)" if cls != "ok" else "vanished, was ok (lost)"] += 1
            continue
        now = judged.get(key, ("", "?", ""))
        now_cls = now[1] if now[0] == found[key][0].type else "?"
        moves[f"{cls} -> {now_cls}"] += 1
    return moves


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("half", choices=("tune", "check"))
    parser.add_argument("--reports", required=True)
    parser.add_argument("--entities-only", action="store_true")
    parser.add_argument("--judged")
    parser.add_argument("--paired")
    parser.add_argument("--out")
    parser.add_argument("--all", action="store_true", help="list every entity, not the sample")
    args = parser.parse_args()
    toolkit = Toolkit(threads=int(os.environ.get("NEWSWEAVE_THREADS", "1")))
    if Path(args.reports).exists():
        runs = pickle.loads(Path(args.reports).read_bytes())
        if args.entities_only:
            runs = rerun_entities(runs, toolkit)
    else:
        runs = analyse(args.half, toolkit)
        Path(args.reports).write_bytes(pickle.dumps(runs))
    found = population(runs)
    sample = sorted(found, key=rank) if args.all else sorted(sorted(found, key=rank)[:SIZE])
    judged = read_judged(args.judged)
    lines = show(sample, found, judged)
    counts = tally(sample, found, judged)
    junk = sum(counts[c] for c in ("none", "type", "span"))
    lines.append(f"# {args.half}: {len(found)} entities listed, sample {len(sample)}: "
                 + ", ".join(f"{c} {counts[c]}" for c in (*CLASSES, "?"))
                 + f"; junk {junk}/{len(sample)} = {100 * junk / max(1, len(sample)):.1f} %")
    if args.paired:
        lines += [f"# paired: {move} {n}" for move, n in sorted(paired(args.paired, found,
                                                                        judged).items())]
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8") if args.out else print(text, end="")


if __name__ == "__main__":
    main()
