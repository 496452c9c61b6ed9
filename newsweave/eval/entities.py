"""Entity merging quality on ECB+ participant chains.

For each ECB+ story, its articles (texts from the clustering file, joined as in
`alignment.load_stories`) are written as text files and run through the chain up to the
entities, like any input.
Gold: participant chains (kinds HUMAN_PART_* and NON_HUMAN_PART), every mention of a chain
refers to one person, organisation or thing.

Which gold mentions are scored (the denominator): chains also hold pronouns and common nouns
("she", "the actress") that entity merging never sees, so only *name mentions* count: a chain
mention whose text, normalised like an entity name (titles and possessive off, folded to
ascii, case and hyphens ignored), equals the name or an alias of some entity found in the
story. A name the recogniser missed is therefore not scored; `coverage` reports how many of
the capitalised, non-pronoun chain mentions were scored, so that gap stays visible.

Pairs: every two scored mentions of one story (two occurrences of one name included, each
(article, sentence, text) counted once). A pair is gold-positive when both mentions are in one
chain, predicted-positive when both land in one entity. precision = correct predicted pairs /
predicted pairs; recall = correct predicted pairs / gold pairs. The baseline puts two mentions
in one entity when their lower-cased texts are equal. `variant_*` scores only pairs whose
lower-cased texts differ: the pairs merging has to decide, which the baseline never links.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from unidecode import unidecode

from ..config import Settings
from ..models import Entity
from ..toolkit import Toolkit
from ..words import TITLES
from .alignment import load_stories
from .data import DATASETS, analyse_files

PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "who", "which", "that", "this", "herself",
            "himself", "itself", "themselves"}


def name_key(text: str) -> str:
    """A name as entity merging compares it: possessive and leading titles off, folded to
    ASCII, case, hyphens and apostrophes ignored."""
    words = re.sub(r"['’]s?$", "", " ".join(text.split())).strip(" .,;:\"'“”‘’()").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    folded = re.sub(r"['`’]", "", unidecode(" ".join(words)).lower())
    return " ".join(w for w in re.split(r"[^a-z0-9]+", folded) if w)


def plain_key(text: str) -> str:
    """The baseline's identity: lower-cased text, spacing and outer punctuation ignored."""
    return " ".join(text.lower().split()).strip(" .,;:\"'`“”‘’()")


def is_name_like(text: str) -> bool:
    """Capitalised and not a pronoun: the mentions an entity recogniser could find."""
    key = plain_key(text)
    return any(ch.isupper() for ch in text) and key not in PRONOUNS and bool(key)


def story_entities(articles: dict[str, str], toolkit: Toolkit,
                   settings: Settings) -> tuple[tuple[Entity, ...], int]:
    """The entities of a story's articles (of every story clustering made of them), and how
    many articles were skipped."""
    records = [{"id": i, "text": t} for i, t in articles.items()]
    done = analyse_files(records, toolkit, settings, until="entities")
    return tuple(e for s in done.report.stories for e in s.entities), done.skipped


def gold_mentions(story: dict) -> dict[tuple[str, str, str], set[str]]:
    """(article, sentence, text) of every participant-chain mention -> its chains."""
    mentions: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for chain in story["chains"]:
        if "PART" not in chain["kind"]:
            continue
        for m in chain["mentions"]:
            mentions[(m["article"], m["sentence"], m["text"])].add(chain["chain"])
    return mentions


def score_story(story: dict, entities: tuple[Entity, ...]) -> dict[str, int]:
    entity_of = {name_key(n): k for k, e in enumerate(entities) for n in (e.name, *e.aliases)}
    mentions = gold_mentions(story)
    scored = [(key, chains, entity_of[name_key(key[2])]) for key, chains in mentions.items()
              if name_key(key[2]) in entity_of]
    counts: dict[str, int] = defaultdict(int)
    counts["mentions"] = len(scored)
    counts["name_like"] = sum(is_name_like(key[2]) for key in mentions)
    counts["covered"] = sum(is_name_like(key[2]) for key, _, _ in scored)
    for (a, chains_a, ent_a), (b, chains_b, ent_b) in combinations(scored, 2):
        gold = bool(chains_a & chains_b)
        variant = "variant_" if plain_key(a[2]) != plain_key(b[2]) else ""
        for prefix, same in (("", ent_a == ent_b),
                             ("baseline_", plain_key(a[2]) == plain_key(b[2]))):
            for tag in {"", variant}:
                counts[f"{prefix}{tag}gold"] += gold
                counts[f"{prefix}{tag}predicted"] += same
                counts[f"{prefix}{tag}correct"] += gold and same
    return counts


def prf(counts: dict[str, int], prefix: str) -> tuple[float, float, float]:
    predicted, gold = counts[f"{prefix}predicted"], counts[f"{prefix}gold"]
    precision = counts[f"{prefix}correct"] / predicted if predicted else 0.0
    recall = counts[f"{prefix}correct"] / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def evaluate_entities(folder: Path, toolkit: Toolkit, settings: Settings,
                      limit: int | None = None) -> dict:
    """Pairwise precision/recall of entity merging on the first `limit` ECB+ dev stories."""
    stories = load_stories(str(folder / DATASETS["alignment"]),
                           str(folder / DATASETS["ecbplus-articles"]), limit)
    totals: dict[str, int] = defaultdict(int)
    for story in stories:
        entities, skipped = story_entities(story["articles"], toolkit, settings)
        totals["skipped"] += skipped
        for key, value in score_story(story, entities).items():
            totals[key] += value
    precision, recall, f1 = prf(totals, "")
    base_p, base_r, base_f = prf(totals, "baseline_")
    var_p, var_r, _ = prf(totals, "variant_")
    return {"dataset": "ecbplus-alignment-dev", "stories": len(stories),
            "skipped": totals["skipped"], "mentions": totals["mentions"], "gold_pairs": totals["gold"],
            "predicted_pairs": totals["predicted"],
            "precision": precision, "recall": recall, "f1": f1,
            "baseline_precision": base_p, "baseline_recall": base_r, "baseline_f1": base_f,
            # the pairs only merging can link: different lower-cased texts
            "variant_precision": var_p, "variant_recall": var_r,
            "variant_gold_pairs": totals["variant_gold"],
            "coverage": round(totals["covered"] / totals["name_like"], 4)
            if totals["name_like"] else 0.0}
