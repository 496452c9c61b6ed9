"""The data that flows between stages. Every stage takes and returns these frozen records.

Offsets (`start`, `end`) always index into `Article.text`, the cleaned text, so that
`article.text[m.start:m.end] == m.text` holds for every mention, claim and sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .words import count_words, folded_words

# Languages the parser (spaCy's English model) reads.
PARSED_LANGUAGES = frozenset({"en"})
FactStatus = Literal["corroborated", "single_source", "disputed"]
ConflictKind = Literal["number", "date", "time", "name", "attribute", "claim", "title"]
CopyKind = Literal["duplicate", "rewrite", "translation"]


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, with the reason a user can act on."""

    path: str
    reason: str


@dataclass(frozen=True)
class RawRecord:
    """One article as found on disk, before cleaning. `html` is true when `body` is markup."""

    path: str
    source_id: str  # file name without extension, or the record's own id
    body: str
    html: bool = False
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # "metadata" | "text" | "url"
    language: str | None = None


@dataclass(frozen=True)
class Removal:
    """A piece of the raw text that cleaning took out, and why; or ("not a statement") a piece
    left in the text that is never made a fact (a dateline or byline inside a paragraph)."""

    text: str
    reason: str  # "caption", "related", "copyright", "url", "promo", "byline", "headline", ...


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str  # cleaned story text: paragraphs separated by blank lines
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    published_from: str | None  # "metadata" | "text" | "url" | "inferred" | None
    language: str
    removed: tuple[Removal, ...] = ()
    content_hash: str = ""
    warnings: tuple[str, ...] = ()  # what a reader should know about the cleaning, if anything

    @property
    def words(self) -> int:
        """Words of the cleaned text (in Chinese or Japanese, characters)."""
        return count_words(self.text)

    @property
    def parsed(self) -> bool:
        """Read by the English parser: its figures, dates, names and claims are compared with
        other sources, its entities and quote speakers found. Other languages are aligned
        with other sources by the multilingual encoder only."""
        return self.language in PARSED_LANGUAGES

    @property
    def headline(self) -> str | None:
        """The article's own title; None when `title` is only its first words (they end in
        "…", see `clean.first_words`)."""
        return None if not self.title or self.title.endswith("…") else self.title

    @property
    def label(self) -> str:
        """What a reader calls this source: its outlet when known, else its id."""
        return self.outlet or self.id


@dataclass(frozen=True)
class Sentence:
    article: str
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One statement: a sentence, or one clause of a sentence that carries several facts."""

    id: str  # "<article>:<sentence>.<part>"
    article: str
    sentence: int
    text: str
    start: int
    end: int
    keywords: tuple[str, ...] = ()  # lemmas of content words, lower-cased
    numbers: tuple[str, ...] = ()  # normalised numeric values mentioned
    names: tuple[str, ...] = ()  # named-entity strings, ascii-folded and lower-cased
    # A predicate split off its sentence with no subject of its own ("offered to send Y" of
    # "The mayor accepted X and offered to send Y") names here the subject it shares.
    subject: str = ""


@dataclass(frozen=True)
class Mention:
    article: str
    text: str
    start: int
    end: int
    claim: str = ""  # id of the claim this mention is
    # A predicate split off its sentence with no subject of its own: the subject it shares
    # (Claim.subject).
    subject: str = ""

    @property
    def stated(self) -> str:
        """The mention read as a sentence of its own: its shared subject, then its words."""
        return f"{self.subject} {self.text}" if self.subject else self.text


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    status: FactStatus
    articles: tuple[str, ...]
    independent_sources: int
    mentions: tuple[Mention, ...]
    subject: str = ""  # the shared subject when `text` is a split-off predicate (Claim.subject)
    # A single-source fact another article may state in other words: the articles of its
    # likeliest partner when the search (verify.py) was not sure enough to join them.
    maybe_also: tuple[str, ...] = ()

    @property
    def readable(self) -> str:
        return readable(self.text, self.subject)


# Marks that open nothing at the start of a fact: bullets, dashes, a pipe or a comma followed by
# a space, and a bracket never closed before them ("( – Like ..."). "-5 degrees" and "(1
# dollar equals ...)" keep theirs.
STRAY_MARKS = re.compile(r"^(?:\((?![^)]*\))\s*)?(?:[-–—•|,;:]+\s+)+")


def readable(text: str, subject: str) -> str:
    """A fact as a reader sees it: a split-off predicate with its subject before it in brackets
    ("[The mayor] offered to send Y"), and without a stray mark the page left before it (a
    list's "- ", the "( – " of a dateline whose source was cut). The fact's text (JSON, SQL)
    stays verbatim, as the sources wrote it."""
    text = STRAY_MARKS.sub("", text, count=1) or text
    return f"[{subject}] {text}" if subject else text


@dataclass(frozen=True)
class Statement:
    """One cited article's own sentence for a position."""

    article: str
    text: str


@dataclass(frozen=True)
class Position:
    value: str
    text: str  # the sentence that shows the value
    articles: tuple[str, ...]
    # each article's own sentence, in the order of `articles` (the shown one for its article)
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: ConflictKind
    topic: str
    positions: tuple[Position, ...]
    explanation: str = ""
    confidence: float = 0.0  # probability that the sources really disagree (compare/scorer.py)
    facts: tuple[str, ...] = ()  # ids of the facts whose statements disagree
    signals: tuple[tuple[str, float], ...] = ()  # what the confidence was computed from


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    evidence: tuple[str, ...] = ()  # one line per merge: rule and score


@dataclass(frozen=True)
class TimelineEvent:
    date: str  # YYYY-MM-DD
    text: str
    articles: tuple[str, ...]
    conflict: str | None = None


@dataclass(frozen=True)
class CopyGroup:
    articles: tuple[str, ...]
    kind: CopyKind
    score: float
    original: str | None = None


@dataclass(frozen=True)
class BriefSentence:
    text: str
    citations: tuple[str, ...]  # article ids whose statements this sentence is built from
    kind: str = "agreed"  # "agreed" | "conflict" | "single_source"
    facts: tuple[str, ...] = ()  # ids of the facts or conflicts this sentence reports


@dataclass(frozen=True)
class Quote:
    """A quoted span with its speaker (offsets index into the article's text). `verbatim` is
    true when its words are found in every other source of its quote group; on extraction it
    is true by construction."""

    id: str
    speaker: str | None
    text: str
    article: str
    start: int
    end: int
    verbatim: bool = True


@dataclass(frozen=True)
class QuoteGroup:
    """One statement of one speaker as the sources quote it.

    `differs` is true when two sources word it differently: neither's words are found in the
    other source (a source quoting only part of what another quotes does not differ)."""

    id: str
    speaker: str | None
    quotes: tuple[Quote, ...]
    differs: bool = False

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.article for q in self.quotes))

    @property
    def wordings(self) -> tuple[str, ...]:
        """Distinct wordings, most sources first (case, punctuation and spacing ignored)."""
        seen: dict[str, list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            seen[" ".join(folded_words(quote.text))].append(quote)
        ranked = sorted(seen.values(), key=lambda qs: -len({q.article for q in qs}))
        return tuple(qs[0].text for qs in ranked)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    copies: tuple[CopyGroup, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    brief_left_out: tuple[str, ...] = ()  # ids of facts and conflicts the brief does not report
    quote_groups: tuple[QuoteGroup, ...] = ()
    # Differences the scorer judged less likely than not to be real disagreements: shown
    # apart ("possible differences"), never in the brief and never making a fact disputed.
    possible: tuple[Conflict, ...] = ()
    # Possible differences above the floor that the list leaves out, the least likely
    # (`Settings.possible_max`, `money_max`): the report says how many, nothing goes unsaid.
    possible_left_out: int = 0

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quotation, group by group (most-quoted statements first)."""
        return tuple(q for g in self.quote_groups for q in g.quotes)

    @property
    def independent_sources(self) -> int:
        """Sources once every copy group counts as one."""
        return independent_count((a.id for a in self.articles), self.copies)

    @property
    def anchor_dates(self) -> dict[str, str | None]:
        """Article id -> the day its relative dates ("this morning", "on Sunday") count from:
        its publication date, or for a copy the earliest of its copy group's (a reprint
        published days after the wire still says the wire's "this morning")."""
        anchors = {a.id: a.published for a in self.articles}
        for group in self.copies:
            days = sorted(d for d in (anchors.get(m) for m in group.articles) if d)
            for member in group.articles:
                if days and member in anchors:
                    anchors[member] = days[0]
        return anchors

    def sentence_anchors(self) -> dict[tuple[str, str], str]:
        """(article id, mention text) -> the day a copied sentence's relative dates count
        from: a sentence one fact holds in the same words in several articles is one text
        copied, and its "this morning" is the earliest of their anchors (`anchor_dates`),
        though the rest of a reprint is its own and no copy group holds it."""
        anchors = self.anchor_dates
        found: dict[tuple[str, str], str] = {}
        for fact in self.facts:
            same_words: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
            for mention in fact.mentions:
                same_words[tuple(folded_words(mention.text))].append(mention)
            for mentions in same_words.values():
                days = sorted(d for d in (anchors.get(m.article) for m in mentions) if d)
                if days and len({m.article for m in mentions}) > 1:
                    found.update(((m.article, m.text), days[0]) for m in mentions)
        return found

    @property
    def labels(self) -> dict[str, str]:
        """Article id -> what a reader calls it (`source_labels`)."""
        return source_labels(self.articles)

    def left_out_by_status(self) -> dict[str, int]:
        """How many facts of each status, and conflicts, the brief leaves out."""
        status = {f.id: f.status for f in self.facts}
        status.update({c.id: "conflict" for c in self.conflicts})
        counts: dict[str, int] = {}
        for item in self.brief_left_out:
            kind = status.get(item, "unknown")
            counts[kind] = counts.get(kind, 0) + 1
        return counts


def independent_count(article_ids: Iterable[str], copies: Iterable[CopyGroup]) -> int:
    """Copy groups among the articles, plus one for each article that is in no group."""
    group_of = {article: index for index, g in enumerate(copies) for article in g.articles}
    return len({group_of.get(a, a) for a in article_ids})


def source_labels(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> what a reader calls it (`Article.label`); a repeated outlet gets its id."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.label] = counts.get(article.label, 0) + 1
    return {a.id: a.label if counts[a.label] == 1 else f"{a.label} ({a.id})" for a in articles}


@dataclass(frozen=True)
class Report:
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...] = field(default=())
