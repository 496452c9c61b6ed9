"""The labelled disagreements (`localnews-disagreements-dev.jsonl`) and how a report is scored
against them. Pure functions over `newsweave.models`: no parser, no encoder, no store, so the
measuring stick shares no code, and so no mistake, with the pipeline it measures.

A labelled story holds real `disagreements` (two or more sides, each a value, the articles that
give it and a verbatim quote from the first of them), `lookalikes` (same shape: pairs a naive
tool flags that are not disagreements) and `paraphrases` (one claim, quoted from several
articles). Scoring follows the dataset README: a reported conflict matches a labelled entry when
two of its positions match two different sides, each by a shared article and the same value:
  - a date position ("2025-02-05", "by 2025-02-05") and a side whose written value holds a date
    on that day (read with dateparser against the side's article's publication date);
  - two values that both carry figures: the figures of one are among the other's ("1,200" is
    1200, "seven" is 7, text2num);
  - otherwise one value's words (stemmed, number words as digits) are among the other's.
A claim conflict's values are polarities ("asserted"/"denied"), not words a label can share:
such a position matches a side when its statement is the side's quote (one inside the other,
or a fuzzy partial match of at least `SAME_STATEMENT_RATIO`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import TypeVar

from ..models import Conflict, Fact, Position, Story
from .lookalike_readings import load_readings, same_thing

DISAGREEMENTS_FILE = "localnews-disagreements-dev.jsonl"
T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """Where a labelled story's articles are: file, story key, article list and field names."""

    file: str
    story_key: str
    articles_key: str
    fields: Mapping[str, str]  # LabelledArticle field -> record key


SOURCES = {
    "localnews": Source("localnews-stories-dev.jsonl", "story_id", "articles",
                        {"id": "id", "text": "text", "title": "title", "url": "url",
                         "outlet": "outlet", "published": "published"}),
    "newswcl50": Source("newswcl50-stories-dev.jsonl", "event_id", "documents",
                        {"id": "doc_id", "text": "text", "url": "url"}),
}
# Why: a value the pipeline cannot read as words ("asserted") is compared by its statement;
# quotes and claims differ at the edges (curly quotes, a clause cut off), 90 of 100 keeps those
# and no two different sentences of one story we looked at.
SAME_STATEMENT_RATIO = 90.0
# Why: sentence splitters disagree at the edges (a quote mark, an abbreviation); an overlap of
# less than a third of the shorter span is such an edge, not the same statement.
MIN_OVERLAP = 1 / 3
POLARITIES = frozenset({"asserted", "denied"})
ISO_DAY = re.compile(r"^(?:(?:by|after)\s+)?(\d{4}-\d{2}-\d{2})(?:\s+\([A-Za-z]+\))?$")
FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")
WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
NO_WORDS = frozenset({"a", "an", "the", "of"})  # words every value may carry


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True)
class Side:
    value: str
    articles: tuple[str, ...]
    quote: str  # verbatim in the first of `articles`


@dataclass(frozen=True)
class Labelled:
    """A labelled disagreement or look-alike."""

    kind: str
    topic: str
    sides: tuple[Side, ...]
    note: str = ""  # the label's `note` (disagreements) or `why_not` (look-alikes)
    # look-alikes: both sides state one thing (True) or different things (False), as
    # `lookalike_readings` read them; None: not read
    same_thing: bool | None = None


@dataclass(frozen=True)
class Quoted:
    article: str
    quote: str


@dataclass(frozen=True)
class Paraphrase:
    claim: str
    mentions: tuple[Quoted, ...]


@dataclass(frozen=True)
class LabelledStory:
    source: str
    story: str
    articles: tuple[LabelledArticle, ...]
    disagreements: tuple[Labelled, ...] = ()
    lookalikes: tuple[Labelled, ...] = ()
    paraphrases: tuple[Paraphrase, ...] = ()
    name_variants: tuple[tuple[str, ...], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.source}:{self.story}"


# --- reading ---------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def read_labelled_stories(datasets: str | Path) -> list[LabelledStory]:
    """Every labelled story with all the articles of its story (LocalNews) or event
    (NewsWCL50)."""
    folder = Path(datasets)
    readings = load_readings()
    articles = {name: story_articles(folder / source.file, source)
                for name, source in SOURCES.items()}
    stories = []
    for record in read_jsonl(folder / DISAGREEMENTS_FILE):
        found = articles.get(record["source"], {}).get(str(record["story"]))
        if found is None:
            raise ValueError(f"labelled story {record['source']}:{record['story']} has no "
                             f"articles in {', '.join(s.file for s in SOURCES.values())}")
        stories.append(labelled_story(record, found))
    return [read_lookalikes(story, readings) for story in stories]


def read_lookalikes(story: LabelledStory, readings: Mapping) -> LabelledStory:
    """The story with each look-alike's reading (same thing or different things) attached."""
    return replace(story, lookalikes=tuple(
        replace(entry, same_thing=same_thing(readings, story.key, index, entry.note))
        for index, entry in enumerate(story.lookalikes)))


def story_articles(path: Path, source: Source) -> dict[str, tuple[LabelledArticle, ...]]:
    return {str(record[source.story_key]): tuple(
        LabelledArticle(**{name: item.get(key) for name, key in source.fields.items()})
        for item in record[source.articles_key]) for record in read_jsonl(path)}


def labelled_story(record: dict, articles: tuple[LabelledArticle, ...]) -> LabelledStory:
    return LabelledStory(
        source=record["source"], story=str(record["story"]), articles=articles,
        disagreements=tuple(labelled(d, "note") for d in record.get("disagreements", ())),
        lookalikes=tuple(labelled(d, "why_not") for d in record.get("lookalikes", ())),
        paraphrases=tuple(Paraphrase(p["claim"], tuple(
            Quoted(m["article"], m["quote"]) for m in p["mentions"]))
            for p in record.get("paraphrases", ())),
        name_variants=tuple(tuple(group) for group in record.get("name_variants", ())))


def labelled(entry: dict, note_key: str) -> Labelled:
    sides = tuple(Side(s["value"], tuple(s["articles"]), s["quote"]) for s in entry["sides"])
    return Labelled(entry["kind"], entry["topic"], sides, entry.get(note_key, ""))


def split_stories(stories: Iterable[LabelledStory]) -> dict[str, tuple[LabelledStory, ...]]:
    """The tune and check halves, fixed once and never changed. Within each source, stories
    are ordered by the SHA-256 of "source:story" and the first half (rounded up) is `tune`:
    a hash is blind to the labels and to file order, and splitting each source on its own puts
    LocalNews and NewsWCL50 stories in both halves."""
    halves: dict[str, list[LabelledStory]] = {"tune": [], "check": []}
    by_source: dict[str, list[LabelledStory]] = {}
    for story in stories:
        by_source.setdefault(story.source, []).append(story)
    for _, group in sorted(by_source.items()):
        tune, check = halved_by_hash(group, lambda s: s.key)
        halves["tune"].extend(tune)
        halves["check"].extend(check)
    return {name: tuple(group) for name, group in halves.items()}


def halved_by_hash(items: Iterable[T], key: Callable[[T], str]) -> tuple[list[T], list[T]]:
    """Items ordered by the SHA-256 of their key, cut in two: the first half (rounded up)
    is the tune half. Every dev set is split by this one rule."""
    ordered = sorted(items, key=lambda item: hashlib.sha256(key(item).encode("utf-8")).hexdigest())
    cut = (len(ordered) + 1) // 2
    return ordered[:cut], ordered[cut:]


# --- values ----------------------------------------------------------------------------------


def digits_for_words(value: str) -> str:
    """Ascii, lower case, number words as digits ("seven-hour" -> "7 hour")."""
    from text_to_num import alpha2digit
    from unidecode import unidecode

    return alpha2digit(unidecode(value).lower().replace("-", " "), "en", threshold=0)


def figures(value: str) -> frozenset[float]:
    """The figures a value states: "1,200" and "1200" are one figure, "7:03" is 7.03."""
    found: set[float] = set()
    for figure in FIGURE.findall(digits_for_words(value)):
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", figure):
            figure = figure.replace(",", "")
        found.add(float(".".join(re.sub(r"[,:]", ".", figure).split(".")[:2])))
    return frozenset(found)


def words(value: str) -> frozenset[str]:
    """Stemmed words of a value, numbers as digits, without articles."""
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", digits_for_words(value))
    return frozenset(stem(w) for w in WORD.findall(text) if w not in NO_WORDS)


def written_days(value: str, published: str | None) -> frozenset[str]:
    """ISO days of the dates written in a label's value, read against the publication date
    (weekdays and year-less dates; as the past and as the current year, either counts). Only
    dates precise to the day count; without a publication date, only dates with a year."""
    import dateparser.search
    from dateparser.date import DateDataParser

    text = re.sub(r"(?<=[A-Za-z])\.\s", " ", value)  # "Jan. 23" -> "Jan 23"
    parts = [text, *re.split(r"[(),;]|\bi\.e\.?", text)]
    days: set[str] = set()
    for prefer in ("past", "current_period"):
        settings: dict[str, object] = {
            "PREFER_DATES_FROM": prefer, "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
        if published:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
        parser = DateDataParser(languages=["en"], settings=settings)
        for part in filter(str.strip, parts):
            found = dateparser.search.search_dates(part, languages=["en"], settings=settings)
            days.update(when.date().isoformat() for said, when in found or ()
                        if parser.get_date_data(said).period == "day"
                        and (published or re.search(r"\b\d{4}\b", said)))
    return frozenset(days)


def same_value(reported: str, label: str, published: str | None = None) -> bool:
    """The README's "same value": a date on the same day, the same figures, or one value's
    words among the other's. `published` is the label's article's publication date."""
    day = ISO_DAY.match(reported.strip())
    if day:
        return day.group(1) in written_days(label, published)
    ours, theirs = figures(reported), figures(label)
    if ours and theirs:
        return ours <= theirs or theirs <= ours
    mine, other = words(reported), words(label)
    return bool(mine and other) and (mine <= other or other <= mine)


def same_statement(text: str, quote: str) -> bool:
    """A position's statement and a label's quote are one sentence (or one inside the other)."""
    from rapidfuzz import fuzz
    from unidecode import unidecode

    a, b = (" ".join(unidecode(t).lower().split()) for t in (text, quote))
    if not a or not b:
        return False
    return a in b or b in a or fuzz.partial_ratio(a, b) >= SAME_STATEMENT_RATIO


def position_matches_side(position: Position, side: Side,
                          published: Mapping[str, str | None] | None = None) -> bool:
    """A shared article and the same value; a polarity is compared by its statements (the one
    shown, and each shared article's own).
    `published` maps article ids to publication dates (dates in the side's value are read
    against its first article's)."""
    if not set(position.articles) & set(side.articles):
        return False
    if position.value.strip().lower() in POLARITIES:
        said = [q.text for q in position.statements if q.article in side.articles]
        return any(same_statement(text, side.quote) for text in [position.text, *said])
    day = (published or {}).get(side.articles[0])
    return same_value(position.value, side.value, day)


def conflict_matches(conflict: Conflict, label: Labelled,
                     published: Mapping[str, str | None] | None = None) -> bool:
    """Two of the conflict's positions match two different sides of the label."""
    hits = [{i for i, side in enumerate(label.sides)
             if position_matches_side(position, side, published)}
            for position in conflict.positions]
    return any(a != b for x, y in combinations(hits, 2) for a in x for b in y)


# --- paraphrases and facts --------------------------------------------------------------------


def locate_quote(quote: str, text: str) -> tuple[int, int] | None:
    """Where a quote sits in an article's (cleaned) text: verbatim, else the best fuzzy
    alignment of at least `SAME_STATEMENT_RATIO`; None when it is not there."""
    from rapidfuzz import fuzz

    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    if not quote.strip() or not text:
        return None
    found = fuzz.partial_ratio_alignment(quote, text, score_cutoff=SAME_STATEMENT_RATIO)
    return None if found is None else (found.dest_start, found.dest_end)


def overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    shared = min(span[1], end) - max(span[0], start)
    return shared > 0 and shared >= MIN_OVERLAP * min(span[1] - span[0], end - start)


def facts_at(article: str, span: tuple[int, int], facts: Iterable[Fact]) -> frozenset[str]:
    """Ids of the facts with a mention in `article` that overlaps `span`."""
    return frozenset(f.id for f in facts for m in f.mentions
                     if m.article == article and overlaps(span, m.start, m.end))


def paraphrase_facts(paraphrase: Paraphrase, texts: Mapping[str, str],
                     facts: Sequence[Fact]) -> list[frozenset[str] | None]:
    """Per mention, the facts its quote lands in (None: the quote is not in the text)."""
    placed: list[frozenset[str] | None] = []
    for mention in paraphrase.mentions:
        span = locate_quote(mention.quote, texts.get(mention.article, ""))
        placed.append(None if span is None else facts_at(mention.article, span, facts))
    return placed


def joined(entry: Labelled, texts: Mapping[str, str], facts: Sequence[Fact]) -> bool:
    """Two sides of a look-alike (different things) stated in one fact: a false agreement."""
    placed = [facts_at(s.articles[0], span, facts) for s in entry.sides
              if (span := locate_quote(s.quote, texts.get(s.articles[0], ""))) is not None]
    return any(a & b for a, b in combinations(placed, 2))


def in_one_fact(placed: list[frozenset[str] | None]) -> bool:
    if not placed or any(p is None for p in placed):
        return False
    return bool(frozenset.intersection(*[p for p in placed if p is not None]))


def false_single_source(paraphrases: Iterable[Paraphrase], texts: Mapping[str, str],
                        facts: Sequence[Fact]) -> frozenset[str]:
    """Single-source facts stating a labelled paraphrase that another article also states."""
    single = [f for f in facts if f.status == "single_source"]
    wrong: set[str] = set()
    for paraphrase in paraphrases:
        for mention, placed in zip(paraphrase.mentions,
                                   paraphrase_facts(paraphrase, texts, single)):
            others = {m.article for m in paraphrase.mentions} - {mention.article}
            if placed and others:
                wrong.update(placed)
    return frozenset(wrong)


# --- scores ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Counts for one story; `+` pools stories, the properties give the rates."""

    reported: int = 0  # conflicts reported
    real: int = 0  # reported conflicts that match a labelled disagreement
    labelled: int = 0  # labelled disagreements
    found: int = 0  # labelled disagreements matched by a reported or a possible conflict
    found_shown: int = 0  # of them, matched by a reported conflict
    lookalikes: int = 0
    flagged: int = 0  # look-alikes matched by some reported conflict
    joined: int = 0  # look-alikes whose two sides' statements the pipeline put in one fact
    apart: int = 0  # look-alikes read as different things (`lookalike_readings`)
    joined_apart: int = 0  # of them, put in one fact: a false corroboration
    paraphrases: int = 0
    in_one_fact: int = 0  # paraphrases whose mentions all land in one fact
    unlocated: int = 0  # paraphrases with a quote not found in the cleaned text
    single_source: int = 0  # single-source facts reported
    false_single: int = 0  # single-source facts stating a paraphrase another article states
    mentions: int = 0  # paraphrase quotes found in the text and landing in some fact
    mentions_single: int = 0  # of them, landing in single-source facts only
    mentions_alone: int = 0  # of those, in facts naming no other article that may state them

    def __add__(self, other: Score) -> Score:
        return Score(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def precision(self) -> float | None:
        return self.real / self.reported if self.reported else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None

    @property
    def recall_shown(self) -> float | None:
        return self.found_shown / self.labelled if self.labelled else None

    @property
    def joined_rate(self) -> float | None:
        return self.joined / self.lookalikes if self.lookalikes else None

    @property
    def false_join_rate(self) -> float | None:
        """Of the look-alikes about different things, the share put in one fact."""
        return self.joined_apart / self.apart if self.apart else None

    @property
    def flagged_rate(self) -> float | None:
        return self.flagged / self.lookalikes if self.lookalikes else None

    @property
    def one_fact_rate(self) -> float | None:
        return self.in_one_fact / self.paraphrases if self.paraphrases else None

    @property
    def false_single_rate(self) -> float | None:
        """A lower bound: only a few claims of each story are labelled."""
        return self.false_single / self.single_source if self.single_source else None

    @property
    def mentions_single_rate(self) -> float | None:
        """Of the statements another article also makes, the share shown as single-source."""
        return self.mentions_single / self.mentions if self.mentions else None


def matched(conflicts: Sequence[Conflict], labels: Sequence[Labelled],
            published: Mapping[str, str | None]) -> list[list[int]]:
    """For each conflict, the indices of the labels it matches."""
    return [[i for i, label in enumerate(labels) if conflict_matches(c, label, published)]
            for c in conflicts]


def publication_dates(labels: LabelledStory, stories: Sequence[Story]) -> dict[str, str | None]:
    """The dataset's dates, else the report's (read from the URL or inferred)."""
    report = {a.id: a.published for s in stories for a in s.articles}
    return {a.id: a.published or report.get(a.id) for a in labels.articles}


def score_story(labels: LabelledStory, stories: Sequence[Story]) -> Score:
    """One labelled story against the report's stories holding its articles, taken as one
    (the pipeline may split a labelled story in several)."""
    conflicts = [c for s in stories for c in s.conflicts]
    possible = [c for s in stories for c in s.possible]
    facts = [f for s in stories for f in s.facts]
    texts = {a.id: a.text for s in stories for a in s.articles}
    published = publication_dates(labels, stories)
    real = matched(conflicts, labels.disagreements, published)
    either = real + matched(possible, labels.disagreements, published)
    alike = matched(conflicts, labels.lookalikes, published)
    placed = [paraphrase_facts(p, texts, facts) for p in labels.paraphrases]
    status = {f.id: f.status for f in facts}
    alone = {f.id for f in facts if f.status == "single_source" and not f.maybe_also}
    landed = [m for p in placed for m in p if m]
    joins = [(entry.same_thing, joined(entry, texts, facts)) for entry in labels.lookalikes]
    return Score(
        reported=len(conflicts), real=sum(1 for hits in real if hits),
        labelled=len(labels.disagreements), found=len({i for hits in either for i in hits}),
        found_shown=len({i for hits in real for i in hits}),
        lookalikes=len(labels.lookalikes), flagged=len({i for hits in alike for i in hits}),
        joined=sum(together for _, together in joins),
        apart=sum(same is False for same, _ in joins),
        joined_apart=sum(together for same, together in joins if same is False),
        paraphrases=len(placed), in_one_fact=sum(1 for p in placed if in_one_fact(p)),
        unlocated=sum(1 for p in placed if any(m is None for m in p)),
        single_source=sum(1 for f in facts if f.status == "single_source"),
        false_single=len(false_single_source(labels.paraphrases, texts, facts)),
        mentions=len(landed),
        mentions_single=sum(1 for m in landed if all(status[f] == "single_source" for f in m)),
        mentions_alone=sum(1 for m in landed if m <= alone))


def pooled(scores: Iterable[Score]) -> Score:
    return sum(scores, Score())
