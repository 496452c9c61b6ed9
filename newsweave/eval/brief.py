"""Brief quality on LocalNews dev: closeness to the human headline, and coverage of the
information only some sources carry.

Every story (its first `conflicts.MAX_ARTICLES` articles, written as JSON records) goes
through the whole chain, whose brief has `Settings.brief_sentences` (N) sentences. The baseline
is the lead: the first N sentences of the earliest published article.

Faithfulness: `faithful` is the share of brief sentences that pass this module's own check
(cited; every word in a cited source; names and numbers in every cited source, or for a
disagreement in some cited source); it must be 1. The check is written here, apart from the
brief's, so that the two do not share a mistake.

Headline similarity: ROUGE-1/2/L (`rouge-score`, Porter stemming) of the whole brief against
the one-sentence human `headline`, and the encoder cosine of the brief text, and of its best
single sentence, with the headline. `precision`, `recall` and `f1` are ROUGE-1's. Scores are
means over stories.

Coverage of diverse information. A story's diverse items D are its conflicts and its
single-source facts. A text (the brief, or the baseline lead) mentions
  - a conflict when one of its sentences contains the values of two of its positions, as the
    sources wrote them (case and accents folded; a verdict such as "denied" counts when the
    sentence mentions its statement, as for a fact below);
  - a single-source fact when one of its sentences contains at least `MENTIONED` of the
    fact's content words (stop words aside).
Mentions are judged on the words, not on the ids the brief reports, so the brief and the
baseline are scored alike. Per story:
  coverage      = |mentioned D| / min(|D|, N): the share of what an N-sentence text could hold
                  (one item a sentence) that it does hold; the headline metric;
  coverage_all  = |mentioned D| / |D| (pooled over stories): strict, unbounded by the budget;
  conflict_coverage = mentioned conflicts / conflicts (pooled; stories with conflicts).
Real LocalNews stories rarely disagree, so each story is also run once more with one figure
changed in one article (the first injection of `conflicts.INJECTIONS` that applies):
  injected_conflict_coverage = share of the injected conflicts the pipeline finds that the
                  brief of the changed story mentions (as above).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Settings
from ..dating import as_written
from ..errors import NewsweaveError
from ..models import Article, BriefSentence, Conflict, Position, Story
from ..toolkit import Toolkit
from ..words import NUMBER_WORDS, stop_words
from .conflicts import Injected, story_records
from .data import read_jsonl
from .injection import INJECTIONS, found_injection, remember_people

# A sentence mentions a fact when it holds this share of the fact's content words: the
# same threshold the brief uses for near-duplicates (paraphrases share 0.5-0.8).
MENTIONED = 0.6
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
# Words the brief adds around the sources' words.
FRAMING = frozenset({"only", "reports", "report", "that", "and"})
# Words and figures ("1,200" is one figure, and the same as "1200").
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@dataclass(frozen=True)
class Scored:
    """One text (brief or baseline) of one story, scored."""

    rouge: dict[str, tuple[float, float, float]]  # type -> (precision, recall, f1)
    cosine: float
    best_cosine: float
    mentioned: int
    diverse: int
    budget: int
    conflicts_mentioned: int
    conflicts: int


def evaluate_brief(folder: Path, toolkit: Toolkit, settings: Settings,
                   limit: int | None) -> dict:
    """Brief vs lead baseline on the first `limit` LocalNews dev stories."""
    began = time.perf_counter()
    scorer = rouge_scorer()
    runner = Injected(toolkit, settings, until="brief")
    briefs: list[Scored] = []
    leads: list[Scored] = []
    problems = [0, 0]  # brief sentences, and of those failing `unfaithful`
    injected = [0, 0]  # conflicts found after an injection, and of those mentioned
    skipped = 0
    for record in read_jsonl(folder / "localnews-stories-dev.jsonl", limit):
        records = story_records(record)
        story, lost, _ = runner.analyse(records)
        skipped += lost
        if not story.articles:
            continue
        problems[0] += len(story.brief)
        problems[1] += sum(unfaithful(s, story) for s in story.brief)
        headline = record["headline"]
        briefs.append(score_text([s.text for s in story.brief], headline, story, settings,
                                 scorer, toolkit))
        leads.append(score_text(lead_sentences(story, settings.brief_sentences), headline,
                                story, settings, scorer, toolkit))
        found, mentioned = injected_conflict(records, story, runner)
        injected[0] += found
        injected[1] += mentioned
        remember_people(story, runner.pool)
    scores = summarise(briefs, leads, problems, time.perf_counter() - began)
    scores["injected_conflicts"] = injected[0]
    scores["injected_conflict_coverage"] = round(injected[1] / max(injected[0], 1), 3)
    scores["skipped"] = skipped
    return scores


def rouge_scorer() -> Any:
    try:
        from rouge_score import rouge_scorer as module  # type: ignore[import-untyped]
    except ImportError as err:
        raise NewsweaveError("the brief evaluation needs rouge-score: "
                             "pip install rouge-score") from err
    return module.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def injected_conflict(records: list[dict], story: Story, runner: Injected) -> tuple[int, int]:
    """(1 when the chain finds the first applicable injected change, 1 when the brief of the
    changed story then mentions that conflict)."""
    for injection in INJECTIONS:
        after = runner.changed(records, story, injection.name)
        if after is None:
            continue
        changed, edit = after
        hits = [c for c in changed.conflicts if found_injection((c,), injection.kind, edit)]
        if not hits:
            return 0, 0
        texts = [s.text for s in changed.brief]
        return 1, int(any(conflict_mentioned(c, changed, texts) for c in hits))
    return 0, 0


def lead_sentences(story: Story, count: int) -> list[str]:
    """The first `count` sentences of the earliest published article (the lead baseline),
    from its claims (every claim is a mention of some fact; ids are article:sentence.part)."""
    first = min(story.articles, key=lambda a: (a.published or "9999", story.articles.index(a)))
    spans: dict[int, list[int]] = {}
    for fact in story.facts:
        for mention in fact.mentions:
            if mention.article != first.id or ":" not in mention.claim:
                continue
            sentence = int(mention.claim.rsplit(":", 1)[1].split(".")[0])
            span = spans.setdefault(sentence, [mention.start, mention.end])
            span[0], span[1] = min(span[0], mention.start), max(span[1], mention.end)
    ordered = sorted(spans.items())[:count]
    return [first.text[start:end] for _, (start, end) in ordered]


def score_text(sentences: list[str], headline: str, story: Story, settings: Settings,
               scorer: Any, toolkit: Toolkit) -> Scored:
    text = " ".join(sentences)
    rouge = {k: (v.precision, v.recall, v.fmeasure)
             for k, v in scorer.score(headline, text).items()}
    vectors = toolkit.encoder.encode([headline, text] + sentences)
    cosines = vectors[1:] @ vectors[0]
    single = [f for f in story.facts if f.status == "single_source"]
    facts_hit = sum(fact_mentioned(f.text, sentences) for f in single)
    conflicts_hit = sum(conflict_mentioned(c, story, sentences) for c in story.conflicts)
    diverse = len(single) + len(story.conflicts)
    return Scored(rouge, float(cosines[0]), float(cosines[1:].max(initial=0.0)),
                  facts_hit + conflicts_hit, diverse,
                  min(diverse, settings.brief_sentences), conflicts_hit, len(story.conflicts))


def fact_mentioned(fact_text: str, sentences: list[str]) -> bool:
    words = content_words(fact_text)
    return bool(words) and any(len(words & content_words(s)) >= MENTIONED * len(words)
                               for s in sentences)


def conflict_mentioned(conflict: Conflict, story: Story, sentences: list[str]) -> bool:
    articles = {a.id: a for a in story.articles}
    return any(sum(position_in(p, articles, s) for p in conflict.positions) >= 2
               for s in sentences)


def position_in(position: Position, articles: dict[str, Article], sentence: str) -> bool:
    """The position's value (its words) is in the sentence; a value that is a verdict
    rather than words of the text ("denied") counts when its statement is mentioned."""
    first = articles.get(position.articles[0]) if position.articles else None
    value = as_written(position.value, position.text, first.published) if first else None
    if value is None:
        return fact_mentioned(position.text, [sentence])
    words = content_words(value) or frozenset(value.lower().split())
    return words <= content_words(sentence)


def summarise(briefs: list[Scored], leads: list[Scored], problems: list[int],
              seconds: float) -> dict:
    brief, lead = _means(briefs), _means(leads)
    return {"dataset": "localnews-stories-dev (brief vs headline)",
            "precision": brief["rouge1_p"], "recall": brief["rouge1_r"],
            "f1": brief["rouge1_f1"], **{k: v for k, v in brief.items()
                                         if k not in ("rouge1_p", "rouge1_r", "rouge1_f1")},
            **{f"baseline_{k}": v for k, v in lead.items()
               if k not in ("rouge1_p", "rouge1_r", "conflict_coverage")},
            "stories": len(briefs), "story_conflicts": sum(r.conflicts for r in briefs),
            "sentences": problems[0],
            "faithful": round(1 - problems[1] / max(problems[0], 1), 3),
            "seconds": round(seconds, 1)}


def _means(rows: list[Scored]) -> dict[str, float]:
    if not rows:
        return {}
    out: dict[str, float] = {}
    for kind in ROUGE_TYPES:
        for index, name in enumerate(("p", "r", "f1")):
            if kind == "rouge1" or name == "f1":
                out[f"{kind}_{name}"] = _mean([r.rouge[kind][index] for r in rows])
    out["cosine"] = _mean([r.cosine for r in rows])
    out["best_sentence_cosine"] = _mean([r.best_cosine for r in rows])
    out["coverage"] = _mean([min(r.mentioned, r.budget) / r.budget for r in rows if r.budget])
    out["coverage_all"] = round(sum(r.mentioned for r in rows)
                                / max(sum(r.diverse for r in rows), 1), 3)
    out["conflict_coverage"] = round(sum(r.conflicts_mentioned for r in rows)
                                     / max(sum(r.conflicts for r in rows), 1), 3)
    return out


def _mean(values: list[float]) -> float:
    return round(float(np.mean(values)), 3) if values else 0.0


def tokens(text: str) -> list[str]:
    return [w.replace(",", "") if w[0].isdigit() else w for w in TOKEN.findall(text.lower())]


def content_words(text: str) -> frozenset[str]:
    return frozenset(tokens(text)) - stop_words()


def key_words(text: str) -> set[str]:
    """Figures, number words and capitalised words past the first."""
    found = TOKEN.findall(text)
    return {w.replace(",", "").lower() for i, w in enumerate(found)
            if w[0].isdigit() or w.lower() in NUMBER_WORDS or (i and w[0].isupper())}


def unfaithful(sentence: BriefSentence, story: Story) -> bool:
    """The sentence says what its cited sources do not: no citation, a citation outside the
    story, a word none of them has, or a name or figure missing from one of them (from all of
    them, for a disagreement, whose sides cite different sources)."""
    articles = {a.id: a for a in story.articles}
    cited = [articles[c] for c in sentence.citations if c in articles]
    if not sentence.citations or len(cited) < len(sentence.citations):
        return True
    labels = {w for a in cited for w in tokens(a.label)}
    have = [set(tokens(a.text)) for a in cited]
    every = set().union(*have)
    if any(w not in every and w not in FRAMING | labels for w in tokens(sentence.text)):
        return True
    keys = key_words(sentence.text) - labels
    numbers = {v: k for k, v in NUMBER_WORDS.items()}
    sides = [every] if sentence.kind == "conflict" else have
    return any(k not in side and numbers.get(k) not in side and NUMBER_WORDS.get(k) not in side
               for side in sides for k in keys)
