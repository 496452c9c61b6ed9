""""Only one source" checked before it is said: each single-source fact is searched for in every
other article of its story, and a fact found there is corroborated.

Alignment (`align.py`) keeps a fact to one claim per article and merges best-first, so a claim
an article states twice (lead and body) or a paraphrase in other words is left alone as a
single-source fact, and the brief would write "Only X reports" about what others report too.
Here every single-source claim is paired with each claim of the story's other articles (same
language) and the pair scored by a logistic model over signals that hold for any story:

    cosine       encoder cosine of the two claims
    keywords     shared content words and names, weighted by rarity in the story (align's)
    jaccard      shared content words and names over all of them, unweighted
    names        the two share a named entity
    same number  the two share a figure;  other numbers: both give figures, none shared
    predicate    the two share a content verb lemma ("say", "be", "have", ... left out)
    best         one is the other's most similar claim (cosine) in its article, leaving out
                 the claim of that article already in the other's fact (the place taken)
    mutual       each is the other's most similar claim in its article, the same way

The model is fitted on the tune half of the labelled stories (`bench/verify_fit.py`: labelled
paraphrases against look-alikes and random pairs of one story) and shipped as numbers in
`verifier.json`. A single-source fact whose best partner scores at least `Settings.verify_cut`
joins the partner's fact: one fact, the partner's sources and its own, corroborated (a disputed
fact stays disputed). Ids of the facts that joined another are mapped to the one they joined,
so a possible difference still names a fact of the story.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .align import ClaimTable, bag_matrix, keyword_weights
from .compare.scorer import LogisticModel
from .models import Article, Conflict, CopyGroup, Fact, independent_count

VERIFIER_FILE = "verifier.json"
# Verbs every kind of statement uses: sharing them says nothing about sharing a fact.
LIGHT_VERBS = frozenset({"say", "be", "have", "do", "tell", "add", "state", "report", "note"})
# Rows of the single-source x story pair matrices built at once: bounded memory on long piles
# (a block is ROWS x claims x signals floats).
ROWS = 128


# The pair scorer is a plain logistic model, like the disagreement scorer.
Verifier = LogisticModel


def verifier_from(data: Mapping[str, Any]) -> Verifier:
    return Verifier(tuple(data["features"]), tuple(map(float, data["mean"])),
                    tuple(map(float, data["scale"])), tuple(map(float, data["coef"])),
                    float(data["intercept"]))


@lru_cache(maxsize=1)
def packaged_verifier() -> Verifier:
    """The model shipped with the package (read once)."""
    text = resources.files("newsweave").joinpath(VERIFIER_FILE).read_text("utf-8")
    return verifier_from(json.loads(text)["model"])


# --- signals ------------------------------------------------------------------------------


def claim_verbs(articles: Sequence[Article], table: ClaimTable, docs: Mapping[str, Any]
                ) -> tuple[frozenset[str], ...]:
    """Content verb lemmas of each claim, read from its article's parse (`docs` by article
    id; an article without a parse gives none)."""
    found = []
    for claim in table.claims:
        doc = docs.get(claim.article)
        span = None if doc is None else doc.char_span(claim.start, claim.end,
                                                      alignment_mode="expand")
        found.append(frozenset() if span is None else frozenset(
            t.lemma_.lower() for t in span
            if t.pos_ == "VERB" and t.lemma_.lower() not in LIGHT_VERBS))
    return tuple(found)


@dataclass(frozen=True)
class Bags:
    """Sparse word, name, number and verb bags of a story's claims, built once."""

    weighted: Any  # content words and names, sqrt(idf) values (align.bag_matrix)
    plain: Any  # the same words, 1 each
    names: Any
    numbers: Any
    verbs: Any
    mass: np.ndarray  # summed idf of each claim's words
    sizes: np.ndarray  # words of each claim
    has_number: np.ndarray


def story_bags(table: ClaimTable, verbs: Sequence[frozenset[str]]) -> Bags:
    words = [set(c.keywords) | set(c.names) for c in table.claims]
    weighted = bag_matrix(words, keyword_weights(table.claims))
    plain = bag_matrix(words)
    return Bags(weighted, plain, bag_matrix([set(c.names) for c in table.claims]),
                bag_matrix([set(c.numbers) for c in table.claims]),
                bag_matrix([set(v) for v in verbs]),
                np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel(),
                np.asarray(plain.sum(axis=1)).ravel(),
                np.array([bool(c.numbers) for c in table.claims]))


def best_in_articles(table: ClaimTable, fact_of: Sequence[int]) -> np.ndarray:
    """For each claim and article, the highest cosine of the claim with a claim of that
    article outside its own fact (`fact_of`: fact index of each claim). A fact holds one claim
    per article, so the claim an article states twice is compared with the rest of the article
    once the fact's place for that article is taken."""
    articles = np.array(table.article_of)
    facts = np.asarray(fact_of)
    count = int(articles.max()) + 1 if len(articles) else 0
    ceiling = np.full((len(articles), count), -np.inf, np.float32)
    for start in range(0, len(articles), ROWS):
        cosine = table.vectors[start:start + ROWS] @ table.vectors.T
        cosine[facts[start:start + ROWS, None] == facts[None, :]] = -np.inf
        for article in range(count):
            columns = np.flatnonzero(articles == article)
            if len(columns):
                ceiling[start:start + ROWS, article] = cosine[:, columns].max(axis=1)
    return ceiling


def pair_signals(rows: np.ndarray, table: ClaimTable, bags: Bags, best: np.ndarray
                 ) -> dict[str, np.ndarray]:
    """The signals of claims `rows` against every claim of the story (rows x claims)."""
    def product(matrix: Any) -> np.ndarray:
        return (matrix[rows] @ matrix.T).toarray()

    shared = product(bags.weighted)
    common = product(bags.plain)
    numbers = product(bags.numbers)
    articles = np.array(table.article_of)
    cosine = table.vectors[rows] @ table.vectors.T
    chosen = cosine >= best[rows][:, articles] - 1e-6  # j: row's best claim in j's article
    chosen_back = cosine >= best[:, articles[rows]].T - 1e-6  # row: j's best in row's article
    return {
        "cosine": cosine,
        "keywords": shared / np.maximum(np.minimum.outer(bags.mass[rows], bags.mass), 1e-9),
        "jaccard": common / np.maximum(np.add.outer(bags.sizes[rows], bags.sizes) - common, 1),
        "names": (product(bags.names) > 0).astype(float),
        "same number": (numbers > 0).astype(float),
        "other numbers": (np.outer(bags.has_number[rows], bags.has_number)
                          & (numbers == 0)).astype(float),
        "predicate": (product(bags.verbs) > 0).astype(float),
        "best": (chosen | chosen_back).astype(float),
        "mutual": (chosen & chosen_back).astype(float),
    }


# --- partners and facts ---------------------------------------------------------------------


def best_partners(rows: np.ndarray, table: ClaimTable, bags: Bags, best: np.ndarray,
                  verifier: Verifier) -> list[tuple[int, float]]:
    """For each claim of `rows`, its most probable partner in another article of its
    language, and the probability."""
    articles = np.array(table.article_of)
    languages = np.array(table.language_of)
    found = []
    for start in range(0, len(rows), ROWS):
        block = rows[start:start + ROWS]
        probability = verifier.probabilities(pair_signals(block, table, bags, best))
        apart = (articles[block][:, None] != articles[None, :]) & \
            (languages[block][:, None] == languages[None, :])
        probability = np.where(apart, probability, -1.0)
        partner = np.argmax(probability, axis=1)
        found += [(int(j), float(probability[k, j])) for k, j in enumerate(partner)]
    return found


def single_rows(facts: Sequence[Fact], table: ClaimTable) -> list[tuple[int, int]]:
    """(fact index, claim row) of each single-source fact of one claim."""
    row_of = {c.id: k for k, c in enumerate(table.claims)}
    return [(index, row_of[f.mentions[0].claim]) for index, f in enumerate(facts)
            if f.status == "single_source" and len(f.mentions) == 1
            and f.mentions[0].claim in row_of]


def joined_groups(facts: Sequence[Fact], moves: list[tuple[float, int, int]]) -> list[int]:
    """Root fact of each fact once every move (probability, single fact, partner's fact) is
    made, most probable first: a single-source fact joins its partner's group, whose root
    is the one member that never moved (each single fact moves at most once)."""
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    groups = DisjointSet(range(len(facts)))
    moved = set()
    for _, single, other in sorted(moves, reverse=True):
        if groups.merge(single, other):
            moved.add(single)
    root_of = {groups[k]: k for k in range(len(facts)) if k not in moved}
    return [root_of[groups[k]] for k in range(len(facts))]


def merged_fact(base: Fact, joining: list[Fact], copies: Sequence[CopyGroup]) -> Fact:
    """`base` with the mentions of the facts that join it; corroborated unless disputed."""
    if not joining:
        return base
    mentions = base.mentions + tuple(m for f in joining for m in f.mentions)
    articles = tuple(dict.fromkeys(m.article for m in mentions))
    status = base.status if base.status == "disputed" else (
        "corroborated" if len(articles) > 1 else "single_source")
    return replace(base, status=status, articles=articles, mentions=mentions,
                   independent_sources=independent_count(articles, copies))


def verify_facts(facts: Sequence[Fact], table: ClaimTable, verbs: Sequence[frozenset[str]],
                 copies: Sequence[CopyGroup], verifier: Verifier, cuts: tuple[float, float]
                 ) -> tuple[tuple[Fact, ...], dict[str, str]]:
    """The facts after every single-source fact was searched for in the other articles, and
    the ids of facts that joined another, mapped to the id of the fact they joined. `cuts`:
    a fact joins its partner from the first probability up; from the second, a fact left
    single-source names its partner's article (`Fact.maybe_also`)."""
    cut, maybe = cuts
    singles = single_rows(facts, table)
    if not singles or len(set(table.article_of)) < 2:
        return tuple(facts), {}
    bags = story_bags(table, verbs)
    fact_of = {m.claim: index for index, f in enumerate(facts) for m in f.mentions}
    groups = [fact_of.get(c.id, len(facts) + k) for k, c in enumerate(table.claims)]
    partners = best_partners(np.array([row for _, row in singles]), table, bags,
                             best_in_articles(table, groups), verifier)
    moves = [(p, index, fact_of[table.claims[j].id])
             for (index, _), (j, p) in zip(singles, partners)
             if p >= cut and table.claims[j].id in fact_of]
    roots = joined_groups(facts, moves)
    found = dict(zip((index for index, _ in singles), partners))
    facts = [named_partner(f, table, found.get(k), maybe) if roots[k] == k else f
             for k, f in enumerate(facts)]
    joining: dict[int, list[Fact]] = {}
    for index, root in enumerate(roots):
        if root != index:
            joining.setdefault(root, []).append(facts[index])
    kept = tuple(merged_fact(f, joining.get(k, []), copies)
                 for k, f in enumerate(facts) if roots[k] == k)
    renamed = {facts[k].id: facts[root].id for k, root in enumerate(roots) if root != k}
    return kept, renamed


def named_partner(fact: Fact, table: ClaimTable, partner: tuple[int, float] | None,
                  maybe: float) -> Fact:
    """A fact left single-source with its likeliest partner's article, when the partner's
    probability reaches `maybe` (the search did not come back empty)."""
    if partner is None or partner[1] < maybe or fact.status != "single_source":
        return fact
    return replace(fact, maybe_also=(table.claims[partner[0]].article,))


def renamed_facts(conflicts: Sequence[Conflict], renamed: Mapping[str, str]
                  ) -> tuple[Conflict, ...]:
    """Conflicts naming the facts they name after `renamed` (old id -> id joined)."""
    return tuple(replace(c, facts=tuple(dict.fromkeys(renamed.get(f, f) for f in c.facts)))
                 if any(f in renamed for f in c.facts) else c for c in conflicts)
