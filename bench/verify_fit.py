"""Fit the "only one source" verifier (`newsweave/verifier.json`) on the tune half of the
labelled stories, and nothing else:

    python bench/verify_fit.py [--datasets DIR] [--write]

Each tune story's articles are cleaned, parsed and encoded by the chain's own steps (as one
story: a labelled paraphrase whose articles clustering splits still gives a pair). Pairs of
claims from two articles, with the signals `verify.pair_signals` computes:
  positive  the two claims (most alike by cosine) holding two quotes of a labelled paraphrase;
  negative  the two claims holding two sides of a labelled look-alike (weighted `LOOKALIKE`:
            what a false corroboration looks like), and random pairs of the story's claims.
A logistic regression (scikit-learn) with the strength chosen by story-grouped
cross-validation on log-loss. The cut (`Settings.verify_cut`) is chosen by what the whole chain
does with the model on the tune half (see config.py); the check half is never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from newsweave.align import ClaimTable, align_claims, build_table
from newsweave.chain import STEPS, PileState, Tools, unique_ids
from newsweave.config import Settings
from newsweave.eval.data import datasets_dir
from newsweave.eval.labels import (
    LabelledStory,
    locate_quote,
    overlaps,
    read_labelled_stories,
    split_stories,
)
from newsweave.ingest import record_key
from newsweave.memory import Input, Memory
from newsweave.models import RawRecord
from newsweave.steps import run_steps
from newsweave.toolkit import Toolkit
from newsweave.verify import best_in_articles, claim_verbs, pair_signals, story_bags

FEATURES = ("cosine", "keywords", "jaccard", "names", "same number", "other numbers",
            "predicate", "best", "mutual")
LOOKALIKE = 20.0  # weight of a look-alike pair against one random pair
RANDOM_PAIRS = 1500  # random claim pairs per story
STRENGTHS = (0.01, 0.1, 1.0)
FOLDS = 5
TARGET = Path(__file__).resolve().parents[1] / "newsweave" / "verifier.json"


def story_table(story: LabelledStory, toolkit: Toolkit
                ) -> tuple[dict[str, str], ClaimTable, tuple, list[int]]:
    """The story's cleaned texts, claims and vectors (the chain's clean, parse and encode
    steps), claim verbs, and the fact (index) of each claim as alignment makes them."""
    records = [RawRecord(f"{a.id}.json", a.id, a.text, title=a.title, url=a.url,
                         outlet=a.outlet, published=a.published) for a in story.articles]
    inputs = unique_ids([Input(record_key(r), r, r.path, r.source_id) for r in records])
    steps = tuple(s for s in STEPS if s.name in ("clean", "parse", "encode"))
    state = run_steps(steps, PileState(inputs=tuple(inputs)),
                      Tools(toolkit, Settings(), Memory()))
    articles = list(state.articles)
    table = build_table(articles, dict(state.claims), dict(state.vectors))
    english = [a for a in articles if a.parsed]
    docs = dict(zip((a.id for a in english), toolkit.parse([a.text for a in english])))
    facts = align_claims(articles, dict(state.claims), dict(state.vectors), Settings())
    fact_of = {m.claim: k for k, f in enumerate(facts) for m in f.mentions}
    groups = [fact_of.get(c.id, len(facts) + k) for k, c in enumerate(table.claims)]
    return ({a.id: a.text for a in articles}, table, claim_verbs(articles, table, docs),
            groups)


def claims_at(table: ClaimTable, texts: dict[str, str], article: str, quote: str) -> list[int]:
    span = locate_quote(quote, texts.get(article, ""))
    return [] if span is None else [k for k, c in enumerate(table.claims)
                                    if c.article == article and overlaps(span, c.start, c.end)]


def labelled_pairs(sides: list[tuple[str, str]], table: ClaimTable, texts: dict[str, str],
                   cosine: np.ndarray) -> list[tuple[int, int]]:
    """For each two quotes of different articles, their claims most alike by cosine."""
    found = [(a, claims_at(table, texts, a, q)) for a, q in sides]
    pairs = []
    for k, (left, xs) in enumerate(found):
        for right, ys in found[k + 1:]:
            if left != right and xs and ys:
                pairs.append(max(((x, y) for x in xs for y in ys), key=lambda p: cosine[p]))
    return pairs


def story_examples(story: LabelledStory, toolkit: Toolkit, seed: int) -> list[tuple]:
    """(signals, label, weight) of the story's pairs."""
    texts, table, verbs, groups = story_table(story, toolkit)
    if len(set(table.article_of)) < 2:
        return []
    signals = pair_signals(np.arange(len(table.claims)), table, story_bags(table, verbs),
                           best_in_articles(table, groups))
    cosine = signals["cosine"]
    positive = {p for para in story.paraphrases for p in labelled_pairs(
        [(m.article, m.quote) for m in para.mentions], table, texts, cosine)}
    positive |= {(y, x) for x, y in positive}
    lookalike = {p for entry in story.lookalikes for p in labelled_pairs(
        [(s.articles[0], s.quote) for s in entry.sides], table, texts, cosine)} - positive
    apart = [(i, j) for i in range(len(table.claims)) for j in range(i + 1, len(table.claims))
             if table.article_of[i] != table.article_of[j] and (i, j) not in positive]
    chosen = random.Random(seed).sample(apart, min(len(apart), RANDOM_PAIRS))

    def row(pair: tuple[int, int]) -> list[float]:
        return [float(signals[f][pair]) for f in FEATURES]

    return ([(row(p), 1, 1.0) for p in positive if p[0] < p[1]]
            + [(row(p), 0, LOOKALIKE) for p in lookalike]
            + [(row(p), 0, 1.0) for p in chosen])


def model(strength: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=strength, max_iter=3000))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", help="folder of the labelled datasets")
    parser.add_argument("--write", action="store_true", help="write newsweave/verifier.json")
    args = parser.parse_args()
    tune = split_stories(read_labelled_stories(datasets_dir(args.datasets)))["tune"]
    toolkit = Toolkit(threads=1)
    rows, labels, weights, groups = [], [], [], []
    for n, story in enumerate(tune):
        for x, y, w in story_examples(story, toolkit, n):
            rows.append(x)
            labels.append(y)
            weights.append(w)
            groups.append(n)
        print(story.key, len(rows), file=sys.stderr, flush=True)
    fitted = fit(np.asarray(rows), np.asarray(labels), np.asarray(weights), np.asarray(groups))
    print(json.dumps(fitted, indent=2))
    if args.write:
        TARGET.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {TARGET}", file=sys.stderr)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: np.ndarray) -> dict:
    from sklearn.model_selection import GroupKFold

    losses = {}
    for strength in STRENGTHS:
        held = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            held[test] = model(strength).fit(
                x[train], y[train], logisticregression__sample_weight=w[train]
            ).predict_proba(x[test])[:, 1]
        p = np.clip(held, 1e-6, 1 - 1e-6)
        losses[strength] = float(np.average(-(y * np.log(p) + (1 - y) * np.log(1 - p)),
                                            weights=w))
    strength = min(losses, key=losses.__getitem__)
    final = model(strength).fit(x, y, logisticregression__sample_weight=w)
    scaler, regression = final[0], final[1]
    return {
        "_why": ("Fitted by `python bench/verify_fit.py --write` on the tune half of "
                 "localnews-disagreements-dev only: labelled paraphrases against look-alikes "
                 f"(weight {LOOKALIKE:g}) and {RANDOM_PAIRS} random claim pairs per story. The "
                 "cut is Settings.verify_cut."),
        "model": {"features": list(FEATURES), "mean": scaler.mean_.round(6).tolist(),
                  "scale": scaler.scale_.round(6).tolist(),
                  "coef": regression.coef_[0].round(6).tolist(),
                  "intercept": round(float(regression.intercept_[0]), 6)},
        "tune": {"stories": len(set(groups.tolist())), "pairs": len(y),
                 "paraphrase_pairs": int(y.sum()),
                 "lookalike_pairs": int(((y == 0) & (w > 1)).sum()), "strength": strength,
                 "out_of_fold_weighted_log_loss": round(losses[strength], 4)},
    }


if __name__ == "__main__":
    main()
