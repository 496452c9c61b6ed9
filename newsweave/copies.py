"""Copies: articles that are one text published again, so they are one source, not several.

Three kinds, checked in order of cost:
- duplicate: the same words, give or take light edits (MinHash + LSH over word shingles);
- rewrite: the same language, the same sentences paraphrased one by one, in the same order,
  covering most of the shorter text;
- translation: different languages, sentences aligned in order by the cross-lingual encoder.
Two reports of one event by different outlets share facts and a quote or two, but not a run of
sentences in one order; the order-preserving alignment with a coverage floor tells them apart.
Copies are grouped by union; the group's original is the earliest published, then the longest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from unidecode import unidecode

from .models import Article, Claim, CopyGroup, CopyKind, Fact, independent_count
from .toolkit import Toolkit

# Why: 3-word shingles survive light edits (a changed word breaks only 3 shingles) while two
# outlets' own reports of one event share almost none beyond quotes.
SHINGLE = 3
# Why: 128 permutations estimate Jaccard to about +-0.04, plenty for a 0.6 cut.
PERMUTATIONS = 128
# Why: a lightly edited copy (headline, a sentence or two, a byline changed) keeps Jaccard above
# ~0.7; the reference story's five outlet reports score below 0.1 against each other.
DUPLICATE_JACCARD = 0.6
# Why: same-language sentences that paraphrase one another score above ~0.8 with the encoder;
# different sentences about the same event reach ~0.7 (see STACK-NOTES).
REWRITE_SIMILARITY = 0.8
# Why: a sentence and its translation score 0.75-0.95 across languages; tuned on MEANTIME dev
# (translations vs other articles of the same topic).
TRANSLATION_SIMILARITY = 0.6
# Why: a copy carries most of its source; sharing a few sentences (a quote, a wire paragraph)
# is borrowing, not copying. Share of the shorter article's sentences aligned in order.
MIN_COVERAGE = 0.62
# Why: two or three short sentences aligning by chance is not evidence of a copy.
MIN_ALIGNED = 3
# Why: only each article's nearest neighbours (by mean sentence vector) are aligned in full,
# so large piles cost O(n k), not O(n^2) alignments.
CANDIDATES = 10

WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+|\n+")
KIND_ORDER = {"duplicate": 0, "rewrite": 1, "translation": 2}


@dataclass(frozen=True)
class CopyLink:
    a: int
    b: int
    kind: CopyKind
    score: float


def shingles(text: str) -> set[str]:
    words = [unidecode(w.lower()) for w in WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def duplicate_links(articles: list[Article]) -> list[CopyLink]:
    """Near-duplicate pairs: LSH candidates confirmed by their estimated Jaccard."""
    # Imported here: datasketch pulls in scipy.integrate, about 1 s of start-up that
    # `newsweave --help` and cached re-runs should not pay.
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=PERMUTATIONS)
    hashes = []
    for index, article in enumerate(articles):
        minhash = MinHash(num_perm=PERMUTATIONS)
        minhash.update_batch([s.encode() for s in shingles(article.text)])
        hashes.append(minhash)
        lsh.insert(str(index), minhash)
    links = []
    for index, minhash in enumerate(hashes):
        for other in map(int, lsh.query(minhash)):
            score = minhash.jaccard(hashes[other])
            if other > index and score >= DUPLICATE_JACCARD:
                links.append(CopyLink(index, other, "duplicate", round(score, 3)))
    return links


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if len(WORD.findall(s)) >= 3]


def sentence_vectors(articles: list[Article], claim_vectors: Mapping[str, np.ndarray] | None,
                     claims: Mapping[str, tuple[Claim, ...]] | None,
                     toolkit: Toolkit) -> list[np.ndarray]:
    """One matrix of unit vectors per article, rows in text order: the stored claim vectors
    when the pipeline has them, else the article's sentences encoded here."""
    result: list[np.ndarray | None] = [None] * len(articles)
    missing: list[tuple[int, list[str]]] = []
    for index, article in enumerate(articles):
        own = (claims or {}).get(article.id, ())
        if own and claim_vectors and all(c.id in claim_vectors for c in own):
            ordered = sorted(own, key=lambda c: c.start)
            result[index] = np.vstack([claim_vectors[c.id] for c in ordered])
        else:
            missing.append((index, split_sentences(article.text)))
    texts = [s for _, sentences in missing for s in sentences]
    encoded = toolkit.encoder.encode(texts) if texts else np.zeros((0, 512), np.float32)
    start = 0
    for index, sentences in missing:
        result[index] = encoded[start:start + len(sentences)].reshape(len(sentences), encoded.shape[1])
        start += len(sentences)
    return [r if r is not None else np.zeros((0, 512), np.float32) for r in result]


def aligned_in_order(similarity: np.ndarray, threshold: float) -> int:
    """Longest run of sentence pairs, in order on both sides, each at or above the threshold
    (a longest common subsequence where 'equal' means similar enough)."""
    rows, cols = similarity.shape
    match = similarity >= threshold
    previous = np.zeros(cols + 1, dtype=np.int32)
    for i in range(rows):
        current = np.zeros(cols + 1, dtype=np.int32)
        for j in range(cols):
            current[j + 1] = (previous[j] + 1 if match[i, j]
                              else max(previous[j + 1], current[j]))
        previous = current
    return int(previous[cols])


def alignment_link(a: int, b: int, va: np.ndarray, vb: np.ndarray,
                   cross_lingual: bool) -> CopyLink | None:
    if not len(va) or not len(vb):
        return None
    threshold = TRANSLATION_SIMILARITY if cross_lingual else REWRITE_SIMILARITY
    aligned = aligned_in_order(va @ vb.T, threshold)
    coverage = aligned / min(len(va), len(vb))
    if aligned < min(MIN_ALIGNED, len(va), len(vb)) or coverage < MIN_COVERAGE:
        return None
    return CopyLink(a, b, "translation" if cross_lingual else "rewrite", round(coverage, 3))


def candidate_pairs(vectors: list[np.ndarray]) -> set[tuple[int, int]]:
    """Each article's nearest neighbours by mean sentence vector."""
    means = np.vstack([v.mean(axis=0) if len(v) else np.zeros(v.shape[1]) for v in vectors])
    means = means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-9)
    pairs = set()
    for start in range(0, len(means), 512):  # blocks keep the similarity matrix small
        block = means[start:start + 512] @ means.T
        for offset, row in enumerate(block):
            i = start + offset
            for j in np.argsort(-row)[:CANDIDATES + 1]:
                if int(j) != i:
                    pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def group_links(articles: list[Article], links: list[CopyLink]) -> tuple[CopyGroup, ...]:
    """Union the linked articles; each group is named by its weakest kind of link."""
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    sets = DisjointSet(range(len(articles)))
    for link in links:
        sets.merge(link.a, link.b)
    by_root: dict[int, list[CopyLink]] = {}
    for link in links:
        by_root.setdefault(sets[link.a], []).append(link)
    groups = []
    for own in by_root.values():
        ids = sorted({i for k in own for i in (k.a, k.b)})
        kind = max((k.kind for k in own), key=KIND_ORDER.__getitem__)
        chosen = [articles[i] for i in ids]
        original = min(chosen, key=lambda x: (x.published or "9999", -len(x.text), x.id))
        groups.append(CopyGroup(articles=tuple(a.id for a in chosen), kind=kind,
                                score=min(k.score for k in own), original=original.id))
    return tuple(sorted(groups, key=lambda g: g.articles))


def find_copies(articles: list[Article], claim_vectors: Mapping[str, np.ndarray] | None,
                claims: Mapping[str, tuple[Claim, ...]] | None,
                toolkit: Toolkit) -> tuple[CopyGroup, ...]:
    """Groups of articles that are copies of one another (duplicate, rewrite, translation)."""
    if len(articles) < 2:
        return ()
    links = duplicate_links(articles)
    duplicated = {(k.a, k.b) for k in links}
    vectors = sentence_vectors(articles, claim_vectors, claims, toolkit)
    for a, b in sorted(candidate_pairs(vectors) - duplicated):
        cross = articles[a].language != articles[b].language
        link = alignment_link(a, b, vectors[a], vectors[b], cross)
        if link is not None:
            links.append(link)
    return group_links(articles, links)


def independent_counts(facts: tuple[Fact, ...] | list[Fact],
                       copies: tuple[CopyGroup, ...]) -> tuple[Fact, ...]:
    """Each fact's independent_sources: copy groups among its articles, plus one for each of
    its articles that is in no group (`models.independent_count`)."""
    return tuple(replace(f, independent_sources=independent_count(f.articles, copies))
                 for f in facts)
