"""Alignment changes measured in seconds, not minutes: the labelled stories' steps up to
`copies` are run once and kept, then only `facts` (alignment) and `verify` are re-run for a
variant, and scored as `newsweave eval corroboration` scores them, plus the pairs a reader
judges for false corroboration.

  capture HALF            runs every labelled story of the half up to `copies` and pickles
                          the drafts (a few minutes; the only step that parses and encodes).
  score HALF [--set K=V]  re-runs alignment and the "only one source" search under `Settings()`
                          with the overrides (or the code on PYTHONPATH, for a change of
                          formula): paraphrases in one fact, look-alikes joined, "only one
                          source" wrong, and round 37's read support sample (mentions judged
                          `same` / `other` still in their fact). `--pairs OUT.json` writes every
                          (fact, mention) pair of the corroborated facts.
  diff BASE.json NEW.json [--judged TSV ...] [--todo OUT.tsv]
                          pairs gone and new between two runs, tallied by the judgements given
                          (columns id, story, mention_article, fact, mention, judgement, as
                          `bench/support-round39/` holds them); pairs nobody judged yet go to
                          `--todo` to be judged.

Conflicts are not re-run (`possible` is empty), so `single_wrong` can differ from the eval's in
the third decimal. A variant worth keeping still needs the whole `newsweave eval` on both halves:
a claim that leaves one fact is free to join another, which can make a new disagreement
(`bench/results-align.md`).

Usage: PYTHONPATH=. python bench/align_variants.py capture tune --cache /tmp/drafts
       PYTHONPATH=. python bench/align_variants.py score tune --cache /tmp/drafts --set align_threshold=0.54
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from dataclasses import fields, replace
from pathlib import Path

from newsweave import chain, story_steps
from newsweave.config import Settings
from newsweave.eval.data import analyse_files, datasets_dir
from newsweave.eval.disagreements import RECORD_FIELDS
from newsweave.eval.labels import pooled, read_labelled_stories, score_story, split_stories
from newsweave.run_tools import Tools
from newsweave.steps import Step
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
SUPPORT = HERE / "support-round37"


def halves() -> dict:
    return split_stories(read_labelled_stories(datasets_dir()))


def capture(half: str, cache: Path, toolkit: Toolkit) -> None:
    """Each labelled story's drafts as the `copies` step leaves them."""
    seen: list = []

    def kept(draft, tools):
        seen.append(draft)
        return draft

    names = [s.name for s in story_steps.STORY_STEPS]
    keep = Step("keep", ("copies",), ("copies",), kept)
    chain.STORY_STEPS = story_steps.STORY_STEPS[:names.index("copies") + 1] + (keep,)
    out = []
    for labels in halves()[half]:
        seen.clear()
        records = [{k: getattr(a, k) for k in RECORD_FIELDS} for a in labels.articles]
        analyse_files(records, toolkit, Settings(), "jsonl")
        out.append((labels.key, list(seen)))
        print(labels.key, flush=True)
    chain.STORY_STEPS = story_steps.STORY_STEPS
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"{half}.pkl").write_bytes(pickle.dumps(out))


def overridden(pairs: list[str]) -> Settings:
    """`Settings()` with K=V overrides, each value read as its default's type (a number where
    the default is None)."""
    defaults = {f.name: getattr(Settings(), f.name) for f in fields(Settings)}
    changes: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in defaults:
            raise SystemExit(f"--set {pair}: no setting named {key!r}")
        default = defaults[key]
        changes[key] = value.lower() in ("1", "true", "yes") if isinstance(default, bool) \
            else float(value) if default is None else type(default)(value)
    return replace(Settings(), **changes)


def realign(half: str, cache: Path, settings: Settings, toolkit: Toolkit) -> dict[str, list]:
    """Every labelled story's stories, alignment and the search re-run on the kept drafts."""
    tools = Tools(toolkit=toolkit, settings=settings, memory=None)
    stories = {}
    for key, drafts in pickle.loads((cache / f"{half}.pkl").read_bytes()):
        made = []
        for draft in drafts:
            draft = replace(story_steps.step_facts(draft, tools), possible=())
            made.append(story_steps.step_verify(draft, tools).story())
        stories[key] = made
    return stories


def support_kept(half: str, stories: dict[str, list]) -> str:
    """Round 37's read sample: judged mentions still in the fact whose text they were read
    against."""
    kept, total = Counter(), Counter()
    for line in (SUPPORT / f"{half}-round37.tsv").read_text("utf-8").splitlines()[1:]:
        key_text, article, judgement = line.split("\t")[:3]
        key, text = key_text.split(" | ", 1)
        facts = [f for s in stories.get(key, []) for f in s.facts
                 if any(m.text.strip() == text.strip() for m in f.mentions)]
        total[judgement] += 1
        kept[judgement] += any(m.article == article for f in facts for m in f.mentions)
    return ", ".join(f"{j} kept {kept[j]}/{n}" for j, n in sorted(total.items()))


def pairs_of(stories: dict[str, list]) -> list[list[str]]:
    """(story, mention article, fact text, mention text) of every corroborated fact."""
    out = []
    for key, made in stories.items():
        for fact in (f for s in made for f in s.facts if len(f.articles) > 1):
            first = next(m for m in fact.mentions if m.text == fact.text)
            out += [[key, m.article, fact.text, m.text] for m in fact.mentions
                    if m.article != first.article]
    return out


def score(half: str, cache: Path, settings: Settings, toolkit: Toolkit,
          pairs: Path | None) -> None:
    stories = realign(half, cache, settings, toolkit)
    labels = {s.key: s for s in halves()[half]}
    t = pooled(score_story(labels[k], made) for k, made in stories.items())
    print(f"{half}: paraphrases in one fact {t.in_one_fact}/{t.paraphrases}, "
          f"look-alikes read apart joined {t.joined_apart}/{t.apart}, "
          f"single_wrong {t.mentions_single}/{t.mentions}, only_wrong {t.mentions_alone}/"
          f"{t.mentions}, single-source facts {t.single_source}")
    print(f"  round 37's support sample: {support_kept(half, stories)}")
    if pairs:
        pairs.write_text(json.dumps(pairs_of(stories)), encoding="utf-8")


def one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def diff(base: Path, new: Path, judged: list[Path], todo: Path | None) -> None:
    """Pairs gone and new, by judgement."""
    before = {tuple(map(one_line, p)) for p in json.loads(base.read_text("utf-8"))}
    after = {tuple(map(one_line, p)) for p in json.loads(new.read_text("utf-8"))}
    said = {}
    for path in judged:
        for line in path.read_text("utf-8").splitlines()[1:]:
            cells = line.split("\t")
            said[tuple(cells[1:5])] = cells[5].strip()
    counts = Counter((side, said.get(p, "unjudged"))
                     for side, group in (("gone", before - after), ("new", after - before))
                     for p in group)
    print(" ".join(f"{side} {j}: {n}" for (side, j), n in sorted(counts.items())))
    print(f"false mentions {counts['new', 'other'] - counts['gone', 'other']:+d}, "
          f"right mentions {counts['new', 'same'] - counts['gone', 'same']:+d}")
    if todo:
        rows = sorted(p for p in (before ^ after) if p not in said)
        todo.write_text("id\tstory\tmention_article\tfact\tmention\tjudgement\n" + "".join(
            f"p{i}\t" + "\t".join(p) + "\t\n" for i, p in enumerate(rows)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("capture", "score", "diff"))
    parser.add_argument("args", nargs="*", help="HALF, or BASE.json NEW.json for diff")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsweave-align-drafts"))
    parser.add_argument("--set", action="append", default=[], metavar="K=V")
    parser.add_argument("--pairs", type=Path)
    parser.add_argument("--judged", type=Path, action="append", default=[])
    parser.add_argument("--todo", type=Path)
    args = parser.parse_args()
    if args.command == "diff":
        diff(Path(args.args[0]), Path(args.args[1]), args.judged, args.todo)
    elif args.command == "capture":
        capture(args.args[0], args.cache, Toolkit(threads=1))
    else:
        score(args.args[0], args.cache, overridden(args.set), Toolkit(threads=1), args.pairs)


if __name__ == "__main__":
    main()
