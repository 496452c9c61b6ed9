"""Brief quality on LocalNews dev: closeness to the human headline, and coverage of the
information only some sources carry.

Every story (its first `conflicts.MAX_ARTICLES` articles, read with `conflicts.load_articles`)
goes through the real pipeline (clean, parse, encode, `pipeline.analyze_story`: copies,
alignment, conflicts, entities, timeline), then `write_brief` with `Settings.brief_sentences`
(N). The baseline is the lead: the first N sentences of the earliest published article.

Faithfulness: `faithful` is the share of brief sentences that `brief.check_sentence` passes
(cited, every word in a cited source, names and numbers in every cited source); it must be 1.

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

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..brief import check_sentence, content_words, write_brief, written_value
from ..config import Settings
from ..errors import NewsweaveError
from ..models import Article, Claim, Conflict, Position, Story
from ..pipeline import Context, RunState, analyze_story
from ..store import Store
from ..toolkit import Toolkit
from .conflicts import (
    INJECTIONS,
    Pool,
    Runner,
    found_injection,
    inject,
    load_articles,
    remember_people,
)
from .data import read_jsonl

# A sentence mentions a fact when it holds this share of the fact's content words: the
# same threshold the brief uses for near-duplicates (paraphrases share 0.5-0.8).
MENTIONED = 0.6
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


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
    runner = Runner(toolkit, settings)
    briefs: list[Scored] = []
    leads: list[Scored] = []
    problems = [0, 0]  # brief sentences, and of those failing `check_sentence`
    injected = [0, 0]  # conflicts found after an injection, and of those mentioned
    pool = Pool(toolkit.nlp)
    with Store(":memory:") as store:
        ctx = Context(settings=settings, store=store, toolkit=toolkit)
        for record in read_jsonl(folder / "localnews-stories-dev.jsonl", limit):
            articles = load_articles(record, settings)
            if not articles:
                continue
            story, claims = full_story(articles, runner, ctx)
            brief, _ = write_brief(story, settings.brief_sentences)
            problems[0] += len(brief)
            problems[1] += sum(bool(check_sentence(s, story)) for s in brief)
            texts = [s.text for s in brief]
            lead = lead_sentences(story, claims, settings.brief_sentences)
            headline = record["headline"]
            briefs.append(score_text(texts, headline, story, settings, scorer, toolkit))
            leads.append(score_text(lead, headline, story, settings, scorer, toolkit))
            found, mentioned = injected_conflict(story, runner, ctx, pool)
            injected[0] += found
            injected[1] += mentioned
            remember_people(story, pool)
    scores = summarise(briefs, leads, problems, time.perf_counter() - began)
    scores["injected_conflicts"] = injected[0]
    scores["injected_conflict_coverage"] = round(injected[1] / max(injected[0], 1), 3)
    return scores


def rouge_scorer() -> Any:
    try:
        from rouge_score import rouge_scorer as module  # type: ignore[import-untyped]
    except ImportError as err:
        raise NewsweaveError("the brief evaluation needs rouge-score: "
                             "pip install rouge-score") from err
    return module.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def full_story(articles: list[Article], runner: Runner,
               ctx: Context) -> tuple[Story, dict[str, tuple[Claim, ...]]]:
    """The story as `analyze` makes it, with the parse and vector caches of `runner`."""
    aligned = runner.story(articles)  # parses and encodes every claim once
    claims = {a.id: cs for a, cs in runner.parse(articles)}
    vectors = {c.id: runner.vectors[c.text] for cs in claims.values() for c in cs}
    state = RunState(claims=claims, vectors=vectors)
    return analyze_story(list(aligned.articles), state, ctx), claims


def injected_conflict(story: Story, runner: Runner, ctx: Context,
                      pool: Pool) -> tuple[int, int]:
    """(1 when the pipeline finds the first applicable injected change, 1 when the brief of
    the changed story then mentions that conflict)."""
    for injection in INJECTIONS:
        edits = injection.find(story, pool)
        if not edits:
            continue
        after, _ = full_story(inject(list(story.articles), edits[0]), runner, ctx)
        hits = [c for c in after.conflicts
                if found_injection((c,), injection.kind, edits[0].article)]
        if not hits:
            return 0, 0
        brief, _ = write_brief(after, ctx.settings.brief_sentences)
        texts = [s.text for s in brief]
        return 1, int(any(conflict_mentioned(c, after, texts) for c in hits))
    return 0, 0


def lead_sentences(story: Story, claims: dict[str, tuple[Claim, ...]], count: int) -> list[str]:
    """The first `count` sentences of the earliest published article (the lead baseline)."""
    first = min(story.articles, key=lambda a: (a.published or "9999", story.articles.index(a)))
    spans: dict[int, list[int]] = {}
    for claim in claims.get(first.id, ()):
        span = spans.setdefault(claim.sentence, [claim.start, claim.end])
        span[0], span[1] = min(span[0], claim.start), max(span[1], claim.end)
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
    value = written_value(position, first) if first else None
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
