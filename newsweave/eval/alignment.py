"""Alignment quality on ECB+: sentences that mention one real-world event should share a fact.

For each ECB+ story, its articles (texts from the clustering file) are written as text files
and run through the chain up to the facts, like any input. Gold: pairs of sentences from two articles that mention one
event (an ACTION chain). Predicted: pairs of sentences from two articles whose claims share a
fact. Only sentences that carry some annotation are scored, since ECB+ annotates only part of
each text. precision = predicted pairs that share any chain / predicted pairs;
recall = gold pairs predicted / gold pairs. Pair recall is low by construction (one event is
told in many sentences that state different facts about it), so the share of event sentences
aligned with at least one gold partner (`sentence_recall`) is reported beside it.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path

from ..config import Settings
from ..models import Mention
from ..toolkit import Toolkit
from .data import DATASETS, analyse_files, read_jsonl


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def load_stories(alignment_path: str, articles_path: str, limit: int | None) -> list[dict]:
    texts = {r["id"]: r["text"] for r in read_jsonl(articles_path)}
    chains_by_story: dict[str, list[dict]] = defaultdict(list)
    for chain in read_jsonl(alignment_path):
        story = chain["mentions"][0]["story"]
        chains_by_story[story].append(chain)
    stories = []
    for story in sorted(chains_by_story)[:limit]:
        chains = chains_by_story[story]
        ids = sorted({m["article"] for c in chains for m in c["mentions"]} & texts.keys())
        stories.append({"story": story, "chains": chains,
                        "articles": {i: texts[i] for i in ids}})
    return stories


def sentence_facts(mentions: list[tuple[Mention, str]], sentence: str) -> set[str]:
    """Facts holding a claim of the gold sentence (the claim inside it, or it inside one)."""
    key = _squash(sentence)
    return {fact for m, fact in mentions if (k := _squash(m.text)) and (k in key or key in k)}


def score_story(story: dict, toolkit: Toolkit,
                settings: Settings) -> tuple[int, int, int, int, int, int, int]:
    records = [{"id": i, "text": t} for i, t in story["articles"].items()]
    done = analyse_files(records, toolkit, settings, until="facts")
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for analysed in done.report.stories:
        for fact in analysed.facts:
            for m in fact.mentions:
                by_article[done.dataset_id(m.article)].append((m, fact.id))
    mentions: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, sentence) -> chains
    for chain in story["chains"]:
        for m in chain["mentions"]:
            mentions[(m["article"], m["sentence"])].add(chain["chain"])
    facts_of = {key: sentence_facts(by_article[key[0]], key[1]) for key in mentions}
    action = {c["chain"] for c in story["chains"] if c["kind"].startswith("ACTION")}
    return (*pair_counts(mentions, facts_of, action), done.skipped)


def pair_counts(mentions: dict[tuple[str, str], set[str]],
                facts_of: dict[tuple[str, str], set[str]],
                action: set[str]) -> tuple[int, int, int, int, int, int]:
    """Gold pairs, of those predicted, predicted pairs, of those correct, gold sentences,
    of those aligned with some gold partner."""
    gold = hit = predicted = correct = 0
    linked: dict[tuple[str, str], bool] = {}  # sentence -> aligned with some gold partner
    for a, b in combinations(sorted(mentions), 2):
        if a[0] == b[0]:
            continue
        same_fact = bool(facts_of[a] & facts_of[b])
        if mentions[a] & mentions[b] & action:
            gold += 1
            hit += same_fact
            for key in (a, b):
                linked[key] = linked.get(key, False) or same_fact
        if same_fact:
            predicted += 1
            correct += bool(mentions[a] & mentions[b])
    return gold, hit, predicted, correct, len(linked), sum(linked.values())


def evaluate_alignment(folder: Path, toolkit: Toolkit, settings: Settings,
                       limit: int | None = None) -> dict:
    alignment_path = str(folder / DATASETS["alignment"])
    articles_path = str(folder / DATASETS["ecbplus-articles"])
    totals = [0, 0, 0, 0, 0, 0, 0]
    stories = load_stories(alignment_path, articles_path, limit)
    for story in stories:
        for k, value in enumerate(score_story(story, toolkit, settings)):
            totals[k] += value
    gold, hit, predicted, correct, sentences, linked, skipped = totals
    precision = correct / predicted if predicted else 0.0
    recall = hit / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"dataset": "ecbplus-alignment-dev", "stories": len(stories), "skipped": skipped,
            "gold_pairs": gold, "predicted_pairs": predicted, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4),
            # share of event sentences aligned with at least one other article's mention of
            # the same event: pair recall undercounts, as one event spans many distinct facts
            "sentence_recall": round(linked / sentences, 4) if sentences else 0.0}
