"""Claims from several articles -> facts: groups of claims that state the same thing.

A pair of claims from two different articles scores
    w_cos * cosine(vectors) + w_key * idf_overlap(keywords, names) + w_num * shared_number
and pairs are merged best-first (union-find) under two constraints: a fact holds at most one
claim per article, and two groups merge only when their average pair score stays high (no
chaining of A~B and B~C into A~C). Across languages keyword overlap means little, so the
multilingual encoder's cosine decides there, with its own threshold.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .config import Settings
from .models import Article, Claim, Fact, Mention


@dataclass(frozen=True)
class ClaimTable:
    """All claims of one story, side by side with their vectors."""

    claims: tuple[Claim, ...]
    vectors: np.ndarray  # one L2-normalised row per claim
    article_of: tuple[int, ...]  # index into the story's articles
    language_of: tuple[str, ...]


def build_table(articles: list[Article], claims: dict[str, tuple[Claim, ...]],
                vectors: dict[str, np.ndarray]) -> ClaimTable:
    rows, article_of, language_of = [], [], []
    for index, article in enumerate(articles):
        for claim in claims.get(article.id, ()):
            rows.append(claim)
            article_of.append(index)
            language_of.append(article.language)
    matrix = np.vstack([vectors[c.id] for c in rows]) if rows else np.zeros((0, 512), np.float32)
    return ClaimTable(tuple(rows), matrix.astype(np.float32), tuple(article_of),
                      tuple(language_of))


def keyword_weights(claims: tuple[Claim, ...]) -> dict[str, float]:
    """Inverse document frequency of each keyword over the story's claims."""
    counts = Counter(w for c in claims for w in set(c.keywords) | set(c.names))
    total = max(len(claims), 1)
    # Smoothed IDF; +0.1 keeps a word every claim shares from weighing nothing at all.
    return {w: math.log((1 + total) / (1 + n)) + 0.1 for w, n in counts.items()}


def bag_matrix(bags: list[set[str]],
               weights: dict[str, float] | None = None) -> sparse.csr_matrix:
    """Rows = claims, columns = words; sqrt(weight) so that row products sum the weights.
    Sparse: a long story has tens of thousands of words, each claim a dozen."""
    vocab = {w: k for k, w in enumerate(sorted(set().union(*bags)))} if bags else {}
    rows, cols, values = [], [], []
    for row, bag in enumerate(bags):
        for word in bag:
            rows.append(row)
            cols.append(vocab[word])
            values.append(math.sqrt(weights[word]) if weights else 1.0)
    return sparse.csr_matrix((np.asarray(values, np.float32), (rows, cols)),
                             shape=(len(bags), max(len(vocab), 1)))


def pair_scores(table: ClaimTable, settings: Settings) -> np.ndarray:
    """Score matrix; -1 where claims share an article (never the same fact)."""
    cosine = table.vectors @ table.vectors.T
    weights = keyword_weights(table.claims)
    words = bag_matrix([set(c.keywords) | set(c.names) for c in table.claims], weights)
    shared = (words @ words.T).toarray()
    mass = np.diag(shared)
    numbers = bag_matrix([set(c.numbers) for c in table.claims])
    same_number = (numbers @ numbers.T).toarray() > 0
    # Over the shorter claim's weight, but, where no figure is shared, over at least a share of
    # the longer one's (`Settings.align_short_share`); in place: n x n arrays are the memory here.
    divisor = np.maximum.outer(mass, mass)
    divisor *= settings.align_short_share
    divisor[same_number] = 0.0
    np.maximum(divisor, np.minimum.outer(mass, mass), out=divisor)
    overlap = shared / np.maximum(divisor, 1e-9)
    scores = (settings.align_w_cos * cosine + settings.align_w_key * overlap
              + settings.align_w_num * same_number)
    language = np.array(table.language_of)
    cross = language[:, None] != language[None, :]
    scores = np.where(cross, cosine * settings.align_threshold / settings.align_cross_lingual_cos,
                      scores)
    article = np.array(table.article_of)
    scores[article[:, None] == article[None, :]] = -1.0
    return scores.astype(np.float32)


def group_claims(table: ClaimTable, scores: np.ndarray, settings: Settings) -> list[list[int]]:
    """Best-first merging with one claim per article per fact and an average-link check."""
    n = len(table.claims)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    owner = list(range(n))
    pairs = np.argwhere(np.triu(scores >= settings.align_threshold, k=1))
    order = sorted(pairs.tolist(), key=lambda p: -scores[p[0], p[1]])
    floor = settings.align_threshold * settings.align_group_ratio
    for i, j in order:
        a, b = owner[i], owner[j]
        if a == b:
            continue
        left, right = groups[a], groups[b]
        if {table.article_of[k] for k in left} & {table.article_of[k] for k in right}:
            continue
        if float(scores[np.ix_(left, right)].mean()) < floor:
            continue
        groups[a] = left + right
        for k in right:
            owner[k] = a
        del groups[b]
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def fact_id(claim_ids: list[str]) -> str:
    digest = hashlib.sha256("|".join(sorted(claim_ids)).encode()).hexdigest()
    return f"f{digest[:10]}"


def representative(group: list[int], table: ClaimTable, scores: np.ndarray) -> int:
    """The claim closest to all others in the group, English preferred for display."""
    if len(group) == 1:
        return group[0]
    centrality = {i: float(sum(scores[i, j] for j in group if j != i)) for i in group}
    return max(group, key=lambda i: (table.language_of[i] == "en", centrality[i]))


def align_claims(articles: list[Article], claims: dict[str, tuple[Claim, ...]],
                 vectors: dict[str, np.ndarray], settings: Settings) -> tuple[Fact, ...]:
    """Facts of one story, most widely stated first. `independent_sources` counts articles
    here; copy detection lowers it to the number of copy groups."""
    table = build_table(articles, claims, vectors)
    if not table.claims:
        return ()
    # One article alone has nothing to align with: every claim is its own fact, and no claims
    # x claims matrix is built (a 50 MB dump as one article would need gigabytes for it).
    scores = (pair_scores(table, settings) if len(set(table.article_of)) > 1
              else np.zeros((0, 0), np.float32))
    ids = [a.id for a in articles]
    facts = []
    for group in group_claims(table, scores, settings):
        group = sorted(group, key=lambda k: (table.article_of[k], table.claims[k].start))
        members = [table.claims[k] for k in group]
        article_ids = tuple(dict.fromkeys(ids[table.article_of[k]] for k in group))
        shown = table.claims[representative(group, table, scores)]
        facts.append(Fact(
            id=fact_id([c.id for c in members]), text=shown.text, subject=shown.subject,
            status="corroborated" if len(article_ids) > 1 else "single_source",
            articles=article_ids, independent_sources=len(article_ids),
            mentions=tuple(Mention(c.article, c.text, c.start, c.end, c.id, c.subject)
                           for c in members)))
    return tuple(facts)
