"""Articles -> stories: a mixed, multilingual pile sorted into one group per real-world event.

Two articles are compared by a weighted sum of "says the same thing" (cosine of the
multilingual encodings of title and lead) and "names the same people, places and figures"
(cosine of IDF-weighted bags of names and numbers). Two earthquakes read alike; their places,
dates and death tolls do not. Candidate pairs come from nearest neighbours (faiss) on a compact
sketch of both signals, never all pairs; clusters then merge average-link, because the mean
pairwise similarity of two clusters is the dot product of their feature sums divided by their
sizes. When both clusters carry publication dates, their dates must overlap or lie within a
window of each other. Two established clusters in one language also need to be nearly as alike
across as each is within itself: two events of one kind pass a global threshold together, but
each is tighter alone. That test counts distinct reports: copies of one report count once.
Smaller groups get a looser form of it: an article joins only if it is at least about half as
alike to the group's members in its language as they are to each other (a report of another
crime of the same city is an outlier there).
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from .config import Settings
from .models import Article

# Why: two clusters of at least this many distinct reports each are "established": the mean of
# their >= 10 internal pairs is a stable estimate of how alike one event's reports are. Smaller
# ones (a pair of near-copies, say) look far more cohesive than the story they belong to.
COHESION_MIN_SIZE = 5
# Why: an established cluster joins another only if their mutual similarity is at least this
# share of their own cohesion (geometric mean). On ECB+ dev read from files (tune half,
# bench/cluster_split.py) halves of one story score 0.75-0.89 and two same-kind events of one
# topic 0.67-0.88: the ranges overlap, no ratio separates them. Tune F1 is flat from 0.77 to
# 0.85 (a spike at 0.88 rests on one topic); 0.8 keeps only clear cases apart.
COHESION_RATIO = 0.8
# Why: two leads this alike are one report copied (wire copies, light rewrites): in LocalNews
# dev 69 of the 71 pairs of articles with lead cosine >= 0.95 share >= 60% of their 3-word
# shingles, against 13 of 31 at 0.90-0.95. The cohesion test counts such a set once.
COPY_COSINE = 0.95
# Why: the title plus the first three sentences carry the who/what/where of a news report.
LEAD_SENTENCES = 3
# Why: names and numbers are read from the first 4,000 characters: the who/where/how-many of a
# report is up front, and long scraped pages would otherwise pull in sidebars and comments.
NAME_CHARS = 4000
# Why: names are folded into this many buckets only to *find* candidate neighbours; pairs are
# then scored on the exact (unhashed) bags, so collisions cost a candidate, never a wrong score.
SKETCH_DIM = 256
# Why: up to this many articles the neighbour search is exact (a flat index: 10,000 articles
# search in seconds); above it an inverted-file index keeps the search near-linear.
EXACT_SEARCH_LIMIT = 20_000
# Why: inverted-file search probes this many of its ~2*sqrt(n) lists; articles of one story sit
# close together, so a few percent of the pile (2.5% at 100k articles) is enough to find them.
IVF_PROBES = 16
# Why: pairs per chunk when scoring candidates; bounds the temporary arrays to ~100 MB.
PAIR_CHUNK = 25_000

NAME = re.compile(r"\b[A-ZÀ-Þ][\w'’-]*[\w]|\b\d[\d,.]*\d\b")
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


def lead_text(article: Article, sentences: int = LEAD_SENTENCES) -> str:
    """Title and first sentences: the text to encode for clustering. An article whose body
    came out empty (its one paragraph read as a caption) is encoded by its title, even a
    first-words one: encoding "" would place it next to nothing it reports."""
    body = " ".join(article.text.split("\n\n")[:sentences + 2])
    lead = " ".join(SENTENCE_END.split(body)[:sentences]).strip()
    if article.headline:
        return f"{article.headline}. {lead}" if lead else article.headline
    return lead or article.title or ""


def name_tokens(text: str) -> set[str]:
    """Capitalised words and multi-digit numbers: the names, places and figures of a report."""
    return {t.lower().strip("'’").replace(",", "") for t in NAME.findall(text)}


def name_matrix(articles: list[Article]) -> sparse.csr_matrix:
    """Sparse IDF-weighted, L2-normalised bags of names, one row per article; a name no other
    article has cannot link anything and is left out. IDF is smoothed, ln((1 + n) / (1 + df))
    + 1 (the smooth IDF of scikit-learn's TfidfVectorizer): rare names still weigh most, and a
    name in every article still weighs 1 instead of 0. Why: in a folder of one story (a user's
    usual input) the story's own names are in every article; with ln(n / df) they counted
    nothing, the bags held only incidental names and one-story folders split (the labelled
    stories one at a time, tune half: 12 of 28 split, into 49 parts; smoothed 11, 44 parts;
    check half 6 (37) -> 4 (34); ECB+ and LocalNews pooled B3 F1 up 0.003-0.02 on both
    halves, precision unchanged; bench/cluster_split.py)."""
    bags = [name_tokens(f"{a.title or ''} {a.text[:NAME_CHARS]}") for a in articles]
    df: dict[str, int] = {}
    for bag in bags:
        for token in bag:
            df[token] = df.get(token, 0) + 1
    vocab = {t: i for i, t in enumerate(t for t, count in df.items() if count > 1)}
    n = len(articles)
    rows, cols, vals = [], [], []
    for row, bag in enumerate(bags):
        for token in bag:
            if token in vocab:
                rows.append(row)
                cols.append(vocab[token])
                vals.append(math.log((1 + n) / (1 + df[token])) + 1)
    matrix = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)),
                               shape=(n, max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1 / np.maximum(norms, 1e-9)) @ matrix)


@dataclass(frozen=True)
class Features:
    """Per article: the scaled text vector and the scaled name bag; their concatenation has
    unit length, so a dot product is a similarity in [-1, 1]."""

    text: np.ndarray  # n x 512, float32
    names: sparse.csr_matrix  # n x vocabulary

    def pair_scores(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        scores = np.empty(len(left), dtype=np.float32)
        for start in range(0, len(left), PAIR_CHUNK):
            i, j = left[start:start + PAIR_CHUNK], right[start:start + PAIR_CHUNK]
            text = np.einsum("ij,ij->i", self.text[i], self.text[j])
            names = np.asarray(self.names[i].multiply(self.names[j]).sum(axis=1)).ravel()
            scores[start:start + len(i)] = text + names
        return scores

    def sketch(self) -> np.ndarray:
        """Text part plus the name bags folded into SKETCH_DIM buckets, for neighbour search."""
        width = self.names.shape[1]
        buckets = sparse.csr_matrix((np.ones(width, dtype=np.float32),
                                     (np.arange(width), np.arange(width) % SKETCH_DIM)),
                                    shape=(width, SKETCH_DIM))
        folded = np.asarray((self.names @ buckets).todense(), dtype=np.float32)
        return np.ascontiguousarray(np.hstack([self.text, folded]))


def features(articles: list[Article], vectors: np.ndarray, cfg: Settings) -> Features:
    weight = cfg.cluster_name_weight if len(articles) > 2 else 0.0  # IDF needs a pile to mean much
    names = name_matrix(articles)
    has_names = np.diff(names.indptr) > 0
    text_scale = np.where(has_names, math.sqrt(1 - weight), 1.0).astype(np.float32)
    text = np.ascontiguousarray(vectors * text_scale[:, None], dtype=np.float32)
    return Features(text, sparse.csr_matrix(names * math.sqrt(weight), dtype=np.float32))


def nearest(matrix: np.ndarray, k: int) -> np.ndarray:
    """Ids of each row's k nearest rows by inner product (-1 where there are fewer)."""
    import faiss

    n, dim = matrix.shape
    index: Any = faiss.IndexFlatIP(dim)
    if n > EXACT_SEARCH_LIMIT:
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, 2 * int(math.sqrt(n)),
                                   faiss.METRIC_INNER_PRODUCT)
        index.train(matrix)
        index.nprobe = IVF_PROBES
    index.add(matrix)
    return index.search(matrix, min(k + 1, n))[1]


def neighbour_pairs(feats: Features, k: int) -> dict[tuple[int, int], float]:
    """Each article's k nearest neighbours, scored exactly on text and names."""
    ids = nearest(feats.sketch(), k)
    left = np.repeat(np.arange(ids.shape[0]), ids.shape[1])
    right = ids.ravel().astype(np.int64)
    keep = (right >= 0) & (right != left)
    low, high = np.minimum(left, right)[keep], np.maximum(left, right)[keep]
    unique = np.unique(low * ids.shape[0] + high)
    low, high = unique // ids.shape[0], unique % ids.shape[0]
    scores = feats.pair_scores(low, high)
    return {(int(i), int(j)): float(s) for i, j, s in zip(low, high, scores)}


def parse_day(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


@dataclass
class _Sums:
    """Summed features of some articles: enough for mean pairwise similarities."""

    text: np.ndarray  # sum of text parts
    names: dict[int, float]  # sum of name parts
    self_similarity: float  # sum of each article's similarity with itself
    count: int

    def __add__(self, other: _Sums) -> _Sums:
        names = dict(self.names)
        for key, value in other.names.items():
            names[key] = names.get(key, 0.0) + value
        return _Sums(self.text + other.text, names, self.self_similarity + other.self_similarity,
                     self.count + other.count)

    def __sub__(self, other: _Sums) -> _Sums:
        return self + _Sums(-other.text, {k: -v for k, v in other.names.items()},
                            -other.self_similarity, -other.count)


@dataclass
class _Group:
    members: list[int]
    sums: _Sums  # over the members
    reports: _Sums  # over one member per copy set (see `copy_sets`): the distinct reports
    shown_by: dict[int, int]  # copy set -> the member standing for it in `reports`
    first: int | None  # earliest and latest publication day, when known
    last: int | None
    links: set[int]  # ids of groups with a neighbour pair into this one
    languages: dict[str, int]  # members per language
    by_language: dict[str, _Sums]  # summed features of the members in each language


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    """Dot product of two sparse vectors (iterating in C: this is the merge loop's hot spot)."""
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return sum(map(operator.mul, small.values(), map(large.get, small, repeat(0.0))))


def _mean_across(a: _Sums, b: _Sums) -> float:
    return (float(a.text @ b.text) + _dot(a.names, b.names)) / (a.count * b.count)


def _average(a: _Group, b: _Group) -> float:
    return _mean_across(a.sums, b.sums)


def _cohesion(sums: _Sums) -> float:
    """Mean similarity over the distinct pairs of the summed articles."""
    n = sums.count
    total = float(sums.text @ sums.text) + _dot(sums.names, sums.names)
    return max((total - sums.self_similarity) / (n * (n - 1)), 1e-6)


def _language(group: _Group) -> str:
    return max(group.languages, key=lambda k: group.languages[k])


def _distinct_events(a: _Group, b: _Group) -> bool:
    """Two established clusters in one language that are much less alike than each is within
    itself report two events of one kind. Across languages the encoder scores lower and names
    cannot match across scripts, so there the cohesion test does not apply. Both sides count
    distinct reports only: copies of one wire report score ~1 with each other and would make
    a cluster look far tighter than its story (LocalNews dev, tune half: a story of 12
    articles but 8 distinct reports was kept apart from its own other half)."""
    if min(a.reports.count, b.reports.count) < COHESION_MIN_SIZE or \
            _language(a) != _language(b):
        return False
    across = _mean_across(a.reports, b.reports)
    return across < COHESION_RATIO * math.sqrt(_cohesion(a.reports) * _cohesion(b.reports))


def _outlier(a: _Group, b: _Group, ratio: float) -> bool:
    """The smaller group, in one language, is much less alike to the larger one's members in
    that language (two or more) than they are to each other: `ratio` of their cohesion
    (`Settings.cluster_outlier_ratio`). Measured within one language, as the encoder scores
    across languages lower."""
    small, big = (a, b) if a.sums.count <= b.sums.count else (b, a)
    if len(small.languages) > 1:
        return False
    same = big.by_language.get(_language(small))
    if same is None or same.count < 2:
        return False
    return _mean_across(small.sums, same) < ratio * _cohesion(same)


def _within_window(a: _Group, b: _Group, days: int) -> bool:
    """The two clusters' publication days overlap or lie at most `days` apart. The gap is
    measured, not the span of the merged cluster: a story reported day after day for weeks
    is one story, while the same kind of event again after a quiet spell is another."""
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return max(a.first, b.first) - min(a.last, b.last) <= days


def _merge(a: _Group, b: _Group, unit: list[_Sums]) -> _Group:
    """`unit`: each article's own sums, to take out a copy set both sides stand for."""
    firsts = [d for d in (a.first, b.first) if d is not None]
    lasts = [d for d in (a.last, b.last) if d is not None]
    sums = a.sums + b.sums
    shared = a.shown_by.keys() & b.shown_by.keys()
    if a.reports is a.sums and b.reports is b.sums and not shared:
        reports = sums  # no copies on either side (the usual case): one sum serves both
    else:
        reports = a.reports + b.reports
        for copy_set in shared:
            reports = reports - unit[b.shown_by[copy_set]]
    languages = dict(a.languages)
    for language, count in b.languages.items():
        languages[language] = languages.get(language, 0) + count
    return _Group(a.members + b.members, sums, reports, b.shown_by | a.shown_by,
                  min(firsts, default=None), max(lasts, default=None), a.links | b.links,
                  languages, _sums_by_language(a, b, languages, sums))


def _sums_by_language(a: _Group, b: _Group, languages: dict[str, int],
                      sums: _Sums) -> dict[str, _Sums]:
    """Per language, the summed features of the merged group's members in it; a group in one
    language (the usual case) keeps its one sum, no second copy."""
    if len(languages) == 1:
        return {next(iter(languages)): sums}
    by_language = dict(a.by_language)
    for language, own in b.by_language.items():
        by_language[language] = by_language[language] + own if language in by_language else own
    return by_language


def _unit_sums(feats: Features) -> list[_Sums]:
    names = feats.names
    unit = []
    for i in range(feats.text.shape[0]):
        row = slice(names.indptr[i], names.indptr[i + 1])
        bag = dict(zip(names.indices[row].tolist(), names.data[row].astype(float).tolist()))
        text = feats.text[i].astype(np.float64)
        unit.append(_Sums(text, bag, float(text @ text) + _dot(bag, bag), 1))
    return unit


def _singletons(unit: list[_Sums], copy_set: list[int], days: list[int | None],
                languages: list[str]) -> dict[int, _Group]:
    return {i: _Group([i], sums, sums, {copy_set[i]: i}, days[i], days[i], set(),
                      {languages[i]: 1}, {languages[i]: sums}) for i, sums in enumerate(unit)}


def copy_sets(leads: np.ndarray, pairs: dict[tuple[int, int], float]) -> list[int]:
    """Per article, the smallest index of its set of copies: articles joined by neighbour
    pairs whose leads are near-identical (cosine >= COPY_COSINE)."""
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    found = DisjointSet(range(len(leads)))
    ends = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    for start in range(0, len(ends), PAIR_CHUNK):
        left, right = ends[start:start + PAIR_CHUNK].T
        close = np.einsum("ij,ij->i", leads[left], leads[right]) >= COPY_COSINE
        for i, j in zip(left[close].tolist(), right[close].tolist()):
            found.merge(i, j)
    copy_set = list(range(len(leads)))
    for members in found.subsets():
        first = min(members)
        for i in members:
            copy_set[i] = first
    return copy_set


def average_link(feats: Features, pairs: dict[tuple[int, int], float],
                 days: list[int | None], languages: list[str], copies: list[int],
                 cfg: Settings) -> list[list[int]]:
    """Greedy average-link over the neighbour graph: best pair first, until none passes or
    the best remaining pairs are distinct events. `copies`: each article's copy set."""
    unit = _unit_sums(feats)
    groups = _singletons(unit, copies, days, languages)
    heap = []
    for (i, j), score in pairs.items():
        # Two groups can only average above the threshold if some pair of their members is
        # above it, and the neighbour lists hold each article's most similar pairs: a pair
        # below the threshold links nothing (and would cost a recomputation at every merge).
        if score >= cfg.cluster_threshold:
            groups[i].links.add(j)
            groups[j].links.add(i)
            heap.append((-score, i, j))
    heapq.heapify(heap)
    next_id = len(groups)
    while heap:
        score, i, j = heapq.heappop(heap)
        if i not in groups or j not in groups:
            continue
        if not _within_window(groups[i], groups[j], cfg.cluster_window_days):
            continue
        if _distinct_events(groups[i], groups[j]) or \
                _outlier(groups[i], groups[j], cfg.cluster_outlier_ratio):
            continue
        merged = _merge(groups.pop(i), groups.pop(j), unit)
        merged.links -= {i, j}
        for other in list(merged.links):
            if other not in groups:
                merged.links.discard(other)
                continue
            groups[other].links -= {i, j}
            groups[other].links.add(next_id)
            score = _average(merged, groups[other])
            if score >= cfg.cluster_threshold:
                heapq.heappush(heap, (-score, next_id, other))
        groups[next_id] = merged
        next_id += 1
    return sorted((sorted(g.members) for g in groups.values()), key=lambda m: m[0])


def cluster_articles(articles: list[Article], leads: np.ndarray,
                     settings: Settings) -> list[list[int]]:
    """Indices of `articles` grouped into stories; `leads` encode `lead_text` of each."""
    if not articles:
        return []
    cfg = settings
    leads = np.asarray(leads, dtype=np.float32)
    feats = features(articles, leads, cfg)
    pairs = neighbour_pairs(feats, cfg.cluster_neighbours)
    days = [parse_day(a.published) for a in articles]
    return average_link(feats, pairs, days, [a.language for a in articles],
                        copy_sets(leads, pairs), cfg)


def joined_around(groups: list[list[int]], members: set[int]) -> list[list[int]]:
    """`groups` with every group that holds any of `members` made one, in the place of the
    first of them; the other groups as they were."""
    holding = [g for g in groups if members.intersection(g)]
    if len(holding) < 2:
        return groups
    joined = sorted(i for g in holding for i in g)
    first = groups.index(holding[0])
    rest = [g for g in groups if not members.intersection(g)]
    return [*rest[:first], joined, *rest[first:]]
