"""Why the baseline misses labelled disagreements, what its false reports are, and why
paraphrases are not one fact: the TUNE half only (the check half stays unread).

Reads the reports kept by `bench/disagreements_baseline.py` (artifacts/disagreements-baseline/)
and prints one line per item with its category; bench/disagreements-diagnosis.md summarises.
Loads spaCy (to read each side's slots as `compare` does) and the encoder (cosines).

    python bench/disagreements_diagnosis.py > artifacts/disagreements-diagnosis.txt
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

from newsweave.align import ClaimTable, build_table, pair_scores
from newsweave.claims import parse_articles
from newsweave.compare import agree, comparable, read_mentions, shown_value
from newsweave.compare_parse import Said
from newsweave.config import Settings
from newsweave.eval.labels import (
    Labelled,
    LabelledStory,
    Quoted,
    Side,
    conflict_matches,
    figures,
    in_one_fact,
    locate_quote,
    overlaps,
    paraphrase_facts,
    publication_dates,
    read_labelled_stories,
    same_value,
    split_stories,
    words,
    written_days,
)
from newsweave.models import Story
from newsweave.toolkit import Toolkit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTIFACTS = ROOT / "artifacts" / "disagreements-baseline"
DATASETS = ROOT.parent / "shared" / "datasets"
HOME: dict[str, str] = {}  # article id -> report story id, of the story last loaded
READ_KINDS = {"number", "date", "attribute", "name", "claim"}  # slot kinds compare reads


def union_story(labels: LabelledStory) -> Story:
    with open(ARTIFACTS / f"{labels.source}-{labels.story}.pickle", "rb") as handle:
        report = pickle.load(handle)
    stories = report.stories
    HOME.clear()  # which report story holds each article (a labelled story may be split)
    HOME.update({a.id: s.id for s in stories for a in s.articles})
    return Story(id=labels.key, title=labels.key,
                 articles=tuple(a for s in stories for a in s.articles),
                 facts=tuple(f for s in stories for f in s.facts),
                 conflicts=tuple(c for s in stories for c in s.conflicts))


def side_saids(side: Side, story: Story, saids: list[Said]) -> list[Said] | str:
    """The statements holding a side's quote, or why there are none."""
    texts = {a.id: a for a in story.articles}
    article = texts.get(side.articles[0])
    if article is None:
        return "article skipped"
    if article.language != "en":
        return f"article not English ({article.language})"
    span = locate_quote(side.quote, article.text)
    if span is None:
        return "quote not in cleaned text"
    found = [s for s in saids if s.mention.article == article.id
             and overlaps(span, s.mention.start, s.mention.end)]
    return found or "quote in no fact"


def value_slots(side: Side, found: list[Said], kind: str, published: str | None) -> list:
    """(said, slot) pairs of the label's kind whose value is the side's."""
    return [(s, x) for s in found for x in s.slots if x.kind == kind
            and (kind == "claim" or same_value(shown_value(x), side.value, published))]


# Categories from furthest along the pipeline to least: a pair of sides that got further
# explains the miss of the whole label.
STEPS = ("slots compared and differ, no matching report (grouping or position values)",
         "slots compared, values judged to agree", "slots read, not comparable",
         "slots read under different keys", "slot not read", "sides in different stories",
         "value not a day",
         "quote in no fact", "quote not in cleaned text", "article not English",
         "article skipped")


def missed_category(label: Labelled, story: Story, saids: list[Said],
                    published: dict) -> str:
    """Why a labelled disagreement is not reported: the furthest step any pair of sides with
    different values reached."""
    if label.kind not in READ_KINDS:
        return f"no slot kind for '{label.kind}'"
    days = {i: published.get(side.articles[0]) for i, side in enumerate(label.sides)}
    pairs = [(i, j) for i, j in combinations(range(len(label.sides)), 2)
             if distinct(label, i, j, days)]
    found = [pair_category(label, i, j, story, saids, published) for i, j in pairs]
    if not found:
        return "sides with one value (a hedge or a qualifier)"
    return min(found, key=lambda c: next(k for k, step in enumerate(STEPS) if
                                         c.startswith(step)))


def distinct(label: Labelled, i: int, j: int, days: dict) -> bool:
    """Two sides give different values: days for dates, else figures, else words (two sides
    of one label can give one value in other words)."""
    a, b = label.sides[i].value, label.sides[j].value
    if label.kind == "date":
        x, y = written_days(a, days[i]), written_days(b, days[j])
        if x and y:
            return not x & y
    x, y = figures(a), figures(b)
    if x and y:
        return not (x <= y or y <= x)
    return words(a) != words(b)


def pair_category(label: Labelled, i: int, j: int, story: Story, saids: list[Said],
                  published: dict) -> str:
    sides = (label.sides[i], label.sides[j])
    per_side = [side_saids(side, story, saids) for side in sides]
    for found in per_side:
        if isinstance(found, str):
            return found
    if HOME.get(sides[0].articles[0]) != HOME.get(sides[1].articles[0]):
        return "sides in different stories (the pipeline split the labelled story)"
    if label.kind == "date" and any(not written_days(s.value, published.get(s.articles[0]))
                                    for s in sides):
        return "value not a day (month, year, week, period)"
    aligned = "in one fact" if {s.fact for s in per_side[0]} & {s.fact for s in per_side[1]} \
        else "not aligned"
    slots = [value_slots(side, p, label.kind, published.get(side.articles[0]))  # type: ignore
             for side, p in zip(sides, per_side)]
    if not all(slots):
        return f"slot not read ({aligned})"
    pairs = [(a, x, b, y) for a, x in slots[0] for b, y in slots[1] if x.key == y.key]
    if not pairs:
        return f"slots read under different keys ({aligned})"
    compared = [(a, x, b, y) for a, x, b, y in pairs if comparable(a, x, b, y)]
    if not compared:
        return f"slots read, not comparable ({aligned})"
    if all(agree(a, x, b, y) for a, x, b, y in compared):
        return "slots compared, values judged to agree"
    return STEPS[0]


def slots_seen(label: Labelled, story: Story, saids: list[Said]) -> str:
    """What compare read in each side's statements: kind:key=shown."""
    parts = []
    for side in label.sides:
        found = side_saids(side, story, saids)
        shown = found if isinstance(found, str) else "; ".join(
            f"{x.kind}:{x.key}={shown_value(x)}" for s in found for x in s.slots)
        parts.append(f"{side.articles[0]}: {shown or '(none)'}")
    return "\n      ".join(parts)


def show_side(side: Side) -> str:
    return f"{'/'.join(side.articles)}={side.value!r}"


def diagnose_disagreements(tune: list[LabelledStory], toolkit: Toolkit) -> None:
    counts: Counter[str] = Counter()
    for labels in tune:
        story = union_story(labels)
        published = publication_dates(labels, [story])
        saids = read_mentions(story, toolkit)
        for label in labels.disagreements:
            if any(conflict_matches(c, label, published) for c in story.conflicts):
                category = "found"
            else:
                category = missed_category(label, story, saids, published)
            counts[category] += 1
            print(f"D {labels.key} [{label.kind}] {label.topic} :: {category} :: "
                  + " | ".join(show_side(s) for s in label.sides))
            if category != "found":
                print("      " + slots_seen(label, story, saids))
    print("\nMissed disagreements by category:")
    for category, n in counts.most_common():
        print(f"  {n:3d}  {category}")


def diagnose_reports(tune: list[LabelledStory]) -> None:
    counts: Counter[str] = Counter()
    for labels in tune:
        story = union_story(labels)
        published = publication_dates(labels, [story])
        for c in story.conflicts:
            real = [d for d in labels.disagreements if conflict_matches(c, d, published)]
            alike = [d for d in labels.lookalikes if conflict_matches(c, d, published)]
            tag = "real" if real else f"look-alike ({alike[0].kind})" if alike else "unlabelled"
            counts[tag if tag != "real" else "real"] += 1
            print(f"R {labels.key} {c.kind} {c.topic!r} conf {c.confidence} :: {tag}")
            for p in c.positions:
                print(f"    {p.value!r} {p.articles}: {p.text[:160]!r}")
            for d in alike:
                print(f"    why not: {d.note}")
    print("\nReported conflicts:", dict(counts))


def claim_table(story: Story, toolkit: Toolkit) -> tuple[ClaimTable, np.ndarray]:
    """The story's claims as `align` scores them (parsed again: the pipeline's claims are not
    kept in the report), and their pair scores."""
    settings = Settings()
    parsed = parse_articles(list(story.articles), toolkit, settings)
    claims = {p.article.id: p.claims for p in parsed}
    texts = sorted({c.text for group in claims.values() for c in group})
    vectors = dict(zip(texts, toolkit.encoder.encode(texts)))
    table = build_table(list(story.articles), claims,
                        {c.id: vectors[c.text] for g in claims.values() for c in g})
    return table, pair_scores(table, settings)


def claims_at(quote: Quoted, story: Story, table: ClaimTable) -> list[int]:
    article = next((a for a in story.articles if a.id == quote.article), None)
    span = locate_quote(quote.quote, article.text) if article else None
    if span is None:
        return []
    return [k for k, c in enumerate(table.claims)
            if c.article == quote.article and overlaps(span, c.start, c.end)]


def pair_reason(x: list[int], y: list[int], table: ClaimTable, scores: np.ndarray,
                story: Story) -> tuple[str, float, float]:
    """Why two quoted statements are not one fact: (reason, best score, its cosine)."""
    if not x or not y:
        return "quote in no claim", 0.0, 0.0
    if HOME.get(table.claims[x[0]].article) != HOME.get(table.claims[y[0]].article):
        return "mentions in different stories (the pipeline split the story)", 0.0, 0.0
    i, j = max(((i, j) for i in x for j in y), key=lambda p: scores[p[0], p[1]])
    score, cosine = float(scores[i, j]), float(table.vectors[i] @ table.vectors[j])
    fact_of = {m.claim: f for f in story.facts for m in f.mentions}
    a, b = fact_of.get(table.claims[i].id), fact_of.get(table.claims[j].id)
    if a is not None and a is b:
        return "one fact", score, cosine
    if score < Settings().align_threshold:
        return "pair scored below the threshold", score, cosine
    taken = (a is not None and table.claims[j].article in a.articles) or \
        (b is not None and table.claims[i].article in b.articles)
    return ("another claim of the article holds its place in the fact" if taken
            else "groups not merged (average-link floor)"), score, cosine


def diagnose_paraphrases(tune: list[LabelledStory], toolkit: Toolkit) -> None:
    counts: Counter[str] = Counter()
    below: list[tuple[float, float]] = []
    for labels in tune:
        story = union_story(labels)
        texts = {a.id: a.text for a in story.articles}
        placed_all = [paraphrase_facts(p, texts, story.facts) for p in labels.paraphrases]
        if all(in_one_fact(p) for p in placed_all):
            continue
        table, scores = claim_table(story, toolkit)
        for p, placed in zip(labels.paraphrases, placed_all):
            if in_one_fact(placed):
                continue
            at = [claims_at(m, story, table) for m in p.mentions]
            reasons = [(*pair_reason(at[i], at[j], table, scores, story),
                        word_overlap(p.mentions[i].quote, p.mentions[j].quote))
                       for i, j in combinations(range(len(at)), 2)
                       if p.mentions[i].article != p.mentions[j].article]
            worst = [r for r in reasons if r[0] != "one fact"] or reasons
            reason, score, cosine, overlap = min(worst, key=lambda r: r[1])
            counts[reason] += 1
            if reason == "pair scored below the threshold":
                below.append((cosine, overlap))
            print(f"P {labels.key} score {score:.2f} cos {cosine:.2f} words {overlap:.2f} :: "
                  f"{reason} :: {p.claim}")
    print("\nParaphrases not in one fact, by their weakest pair:", dict(counts.most_common()))
    for name, low, high in (("cos < 0.5", -1, 0.5), ("cos 0.5-0.7", 0.5, 0.7),
                            ("cos >= 0.7", 0.7, 2)):
        group = [w for c, w in below if low <= c < high]
        print(f"  below threshold, {name}: {len(group)} (word overlap >= 0.25: "
              f"{sum(w >= 0.25 for w in group)})")


def word_overlap(a: str, b: str) -> float:
    """Jaccard of content words (stemmed, stop words out)."""
    from newsweave.compare_parse import stop_words

    x, y = ({w for w in words(t) if w not in stop_words() and len(w) > 2} for t in (a, b))
    return len(x & y) / max(1, len(x | y))


def main() -> None:
    halves = split_stories(read_labelled_stories(sys.argv[1] if len(sys.argv) > 1
                                                 else DATASETS))
    tune = list(halves["tune"])
    toolkit = Toolkit(threads=1)
    diagnose_disagreements(tune, toolkit)
    print()
    diagnose_reports(tune)
    print()
    diagnose_paraphrases(tune, toolkit)


if __name__ == "__main__":
    main()
