"""Conflict detection quality.

Injection benchmark (LocalNews dev): every story goes through clean, parse, encode, align and
`find_conflicts` untouched; whatever is reported there counts as false (real stories of one
local event rarely disagree, so this is a pessimistic precision). Then, in one article, one
figure that another article of the same fact also states is changed programmatically (a
distance or other measure, a count, a weekday, a month-day), the story is run again, and the
injection is found when a conflict of the right kind puts the changed article on one side and
another article on the other.

ClaimDiff (weak variant): label 1 = claim b weakens or contradicts claim a. The two claims form
one fact of a two-article story; a pair is predicted 1 when `find_conflicts` reports anything.
The baseline predicts 1 below a cosine threshold, the best threshold picked on the data itself
(an optimistic baseline).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..align import align_claims
from ..claims import parse_articles
from ..clean import clean_record
from ..compare import WEEKDAYS, find_conflicts
from ..config import Settings
from ..errors import InputError
from ..models import Article, Claim, Conflict, Fact, Mention, RawRecord, Story
from ..toolkit import Toolkit
from .data import read_jsonl

# Larger stories (up to 83 outlets) add little but time: the first articles carry the event.
MAX_ARTICLES = 4
MEASURES = r"(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|kg|kilograms?|tons?|" \
           r"tonnes?|pounds|inches|acres|hectares|mph)"
NUMBER_UNIT = re.compile(rf"\b(\d+(?:\.\d+)?)\s?{MEASURES}\b", re.IGNORECASE)
COUNT = re.compile(r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve)"
                   r"\s+([a-z]{3,}s)\b")
WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
MONTH_DAY = re.compile(r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)"
                       r"\s+(\d{1,2})\b")
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twelve": 12}


@dataclass(frozen=True)
class Injection:
    kind: str  # conflict kind expected
    name: str  # which injector
    pattern: re.Pattern[str]
    change: Callable[[re.Match[str]], str]


def _scaled(match: re.Match[str]) -> str:
    # x1.5 is beyond the hedged tolerance (16%), so even "about" figures must conflict.
    value = float(match.group(1)) * 1.5
    shown = f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return match.group(0).replace(match.group(1), shown, 1)


def _count(match: re.Match[str]) -> str:
    raw = match.group(1).lower()
    value = WORDS.get(raw) or int(raw)
    return f"{value + 3} {match.group(2)}"


def _weekday(match: re.Match[str]) -> str:
    index = [w.capitalize() for w in WEEKDAYS].index(match.group(1))
    return WEEKDAYS[(index - 2) % 7].capitalize()


def _month_day(match: re.Match[str]) -> str:
    day = int(match.group(2))
    return f"{match.group(1)} {day + 3 if day <= 25 else day - 3}"


INJECTIONS = (
    Injection("number", "measure", NUMBER_UNIT, _scaled),
    Injection("number", "count", COUNT, _count),
    Injection("date", "weekday", WEEKDAY, _weekday),
    Injection("date", "month-day", MONTH_DAY, _month_day),
)


class Runner:
    """Clean -> parse -> encode -> align -> compare, with parse and vector caches."""

    def __init__(self, toolkit: Toolkit, settings: Settings) -> None:
        self.toolkit, self.settings = toolkit, settings
        self.parsed: dict[tuple[str, str], tuple[Article, tuple[Claim, ...]]] = {}
        self.vectors: dict[str, np.ndarray] = {}

    def parse(self, articles: list[Article]) -> list[tuple[Article, tuple[Claim, ...]]]:
        todo = [a for a in articles if (a.id, a.text) not in self.parsed]
        for article, result in zip(todo, parse_articles(todo, self.toolkit, self.settings)):
            self.parsed[(article.id, article.text)] = (result.article, result.claims)
        return [self.parsed[(a.id, a.text)] for a in articles]

    def story(self, articles: list[Article]) -> Story:
        parsed = self.parse(articles)
        texts = sorted({c.text for _, claims in parsed for c in claims} - self.vectors.keys())
        self.vectors.update(zip(texts, self.toolkit.encoder.encode(texts)))
        claims = {a.id: cs for a, cs in parsed}
        vectors = {c.id: self.vectors[c.text] for cs in claims.values() for c in cs}
        clean = [a for a, _ in parsed]
        facts = align_claims(clean, claims, vectors, self.settings)
        return Story("eval", "eval", tuple(clean), facts)

    def conflicts(self, articles: list[Article]) -> tuple[Story, tuple[Conflict, ...]]:
        story = self.story(articles)
        return story, find_conflicts(story, self.toolkit, self.settings)


def load_articles(record: dict, settings: Settings) -> list[Article]:
    articles = []
    for item in record["articles"][:MAX_ARTICLES]:
        raw = RawRecord(item["id"], item["id"], item.get("text") or "", title=item.get("title"),
                        url=item.get("url"), outlet=item.get("outlet"),
                        published=item.get("published"), published_from="metadata")
        try:
            articles.append(clean_record(raw, settings))
        except InputError:
            continue
    return articles


def candidates(story: Story, injection: Injection) -> list[tuple[Mention, re.Match[str]]]:
    """Mentions holding a figure that another article of the same fact states verbatim."""
    found = []
    for fact in story.facts:
        for mention in fact.mentions:
            for match in injection.pattern.finditer(mention.text):
                others = [m for m in fact.mentions if m.article != mention.article
                          and match.group(0) in m.text]
                if others:
                    found.append((mention, match))
    return found


def inject(articles: list[Article], mention: Mention, match: re.Match[str],
           injection: Injection) -> list[Article]:
    start = mention.start + match.start()
    end = mention.start + match.end()
    return [replace(a, text=a.text[:start] + injection.change(match) + a.text[end:])
            if a.id == mention.article else a for a in articles]


def found_injection(conflicts: tuple[Conflict, ...], kind: str, changed: str) -> bool:
    for conflict in conflicts:
        sides = [set(p.articles) for p in conflict.positions]
        if conflict.kind == kind and any(s == {changed} or (changed in s and len(s) == 1)
                                         for s in sides) and any(changed not in s for s in sides):
            return True
    return False


def involving(conflicts: tuple[Conflict, ...], article: str) -> int:
    return sum(1 for c in conflicts if any(article in p.articles for p in c.positions))


def evaluate_conflicts(datasets: Path, toolkit: Toolkit, settings: Settings,
                       limit: int | None) -> dict:
    """Injection recall and untouched-story precision on LocalNews dev."""
    began = time.perf_counter()
    runner = Runner(toolkit, settings)
    counts = {"stories": 0, "injected": 0, "found": 0, "false_untouched": 0,
              "false_injected": 0}
    by_kind: dict[str, list[int]] = {i.name: [0, 0] for i in INJECTIONS}
    for record in read_jsonl(datasets / "localnews-stories-dev.jsonl", limit):
        articles = load_articles(record, settings)
        if len(articles) < 2:
            continue
        story, conflicts = runner.conflicts(articles)
        counts["stories"] += 1
        counts["false_untouched"] += len(conflicts)
        for injection in INJECTIONS:
            options = candidates(story, injection)
            if not options:
                continue
            mention, match = options[0]
            changed = inject(list(story.articles), mention, match, injection)
            _, after = runner.conflicts(changed)
            hit = found_injection(after, injection.kind, mention.article)
            counts["injected"] += 1
            counts["found"] += hit
            counts["false_injected"] += max(involving(after, mention.article) - hit, 0)
            by_kind[injection.name][0] += 1
            by_kind[injection.name][1] += hit
    return _conflict_scores(counts, by_kind, time.perf_counter() - began)


def _conflict_scores(counts: dict[str, int], by_kind: dict[str, list[int]],
                     seconds: float) -> dict:
    found = counts["found"]
    false = counts["false_untouched"] + counts["false_injected"]
    precision = found / (found + false) if found + false else 0.0
    recall = found / counts["injected"] if counts["injected"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"dataset": "localnews-stories-dev (conflict injection)",
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            **counts, "recall_by_kind": {k: f"{v[1]}/{v[0]}" for k, v in by_kind.items()},
            "seconds": round(seconds, 1)}


def pair_story(row: dict) -> Story:
    """Two claims, two articles, one fact."""
    published = row.get("date") or None
    articles, mentions = [], []
    for side in ("a", "b"):
        text = row[f"claim_{side}"]
        articles.append(Article(side, side, text, None, None, None, published, "metadata",
                                "en"))
        mentions.append(Mention(side, text, 0, len(text), f"{side}:0.0"))
    fact = Fact("f", mentions[0].text, "corroborated", ("a", "b"), 2, tuple(mentions))
    return Story("pair", "pair", tuple(articles), (fact,))


def f1_of(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(gold), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_cosine_baseline(cosines: np.ndarray, gold: list[bool]) -> tuple[float, float]:
    """(threshold, F1) of "cosine below threshold = weakened", best threshold on the data."""
    best = (0.0, 0.0)
    for threshold in np.unique(np.round(cosines, 2)):
        f1 = f1_of(list(cosines <= threshold), gold)[2]
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best


def evaluate_claimdiff(datasets: Path, toolkit: Toolkit, settings: Settings,
                       limit: int | None) -> dict:
    """F1 of find_conflicts on ClaimDiff 'weak' pairs, next to a cosine baseline. `limit`
    counts stories elsewhere; here it takes limit * 25 pairs so the F1 still means something."""
    began = time.perf_counter()
    rows = [r for r in read_jsonl(datasets / "claimdiff-pairs-dev.jsonl")
            if r["variant"] == "weak"]
    rows = rows[:limit * 25] if limit else rows
    gold = [r["label"] == 1 for r in rows]
    predicted = [bool(find_conflicts(pair_story(r), toolkit, settings)) for r in rows]
    a = toolkit.encoder.encode([r["claim_a"] for r in rows])
    b = toolkit.encoder.encode([r["claim_b"] for r in rows])
    cosines = np.sum(a * b, axis=1)
    precision, recall, f1 = f1_of(predicted, gold)
    threshold, baseline = best_cosine_baseline(cosines, gold)
    return {"dataset": "claimdiff-pairs-dev (weak)", "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3), "pairs": len(rows),
            "positives": sum(gold), "baseline_cosine_f1": round(baseline, 3),
            "baseline_threshold": threshold, "seconds": round(time.perf_counter() - began, 1)}
