"""The articles `entities.credited` adds to the entities of a labelled half (articles that
write out a name of two words or more where the recogniser did not tag it), and a fixed sample
of them to read.

The entities are taken as the pickled reports hold them (`--reports`, made by code without
the rule, as `entity_sample.py` and `sample_facts.py` write them) and credited with the code
on PYTHONPATH. Prints how many articles are added; `--out TSV` writes the `--size` additions
with the lowest SHA-256 of "credit-round40 | story key | entity | article", with the text
around the name, for a reader to judge `right` (the words there are that entity) or `wrong`
(a piece of another name, another person or thing of that name, or no name); `--judged TSV`
tallies such a file.

Usage: PYTHONPATH=.:bench python bench/sample_credits.py tune|check --reports R.pkl
       [--size 40] [--out SAMPLE.tsv | --judged FILLED.tsv]
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sample_facts import bottom_k, flat, half_runs, sample_arguments  # bench/ is here

from newsweave.entities import credited, written_in

COLUMNS = ("key", "entity", "type", "article", "context", "judgement", "note")


def additions(runs: list[tuple[str, list]]) -> dict[str, tuple[str, str, str, str, str]]:
    """"story key | entity | article" -> (story key, entity, type, article, text around)."""
    found = {}
    for key, stories in runs:
        for story in stories:
            texts = {a.id: a.text for a in story.articles}
            for entity in story.entities:
                names = [n for n in (entity.name, *entity.aliases) if len(n.split()) > 1]
                for article in set(credited(entity, story).articles) - set(entity.articles):
                    name = next(n for n in names if written_in(n, texts[article]))
                    at = re.search(re.escape(name), texts[article])
                    assert at is not None
                    around = flat(texts[article][max(0, at.start() - 200):at.end() + 200])
                    found[f"{key} | {entity.name} | {article}"] = (
                        key, entity.name, entity.type, article, around)
    return found


def main() -> None:
    args = sample_arguments("credit-round40", 40)
    if args.judged:
        lines = Path(args.judged).read_text("utf-8").splitlines()[1:]
        said = Counter((line.split("\t") + [""] * 7)[5].strip() for line in lines)
        print(f"right {said['right']}, wrong {said['wrong']} of {sum(said.values())}")
        return
    found = additions(half_runs(args))
    print(f"# {args.half}: {len(found)} articles credited, "
          f"{len({k.rsplit(' | ', 1)[0] for k in found})} entities")
    if args.out:
        rows = ["\t".join(COLUMNS)] + ["\t".join((*found[k], "", ""))
                                       for k in bottom_k(found, args.seed, args.size)]
        Path(args.out).write_text("\n".join(rows) + "\n", "utf-8")


if __name__ == "__main__":
    main()
