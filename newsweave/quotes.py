"""Quoted speech: who is quoted saying what, and whether sources quote the same words.

`extract_quotes` finds spans between double quotes (straight, curly, guillemets, low-high,
and the ``two backticks, two apostrophes'' of text rebuilt from tokens) in each article,
paragraph by paragraph, and gives each its speaker (`quote_speakers`: the dependency parse and
the article around the quote; None where unclear).

`compare_quotes` groups quotes of one speaker across sources that render one statement and
says, quote by quote, whether its words appear in every other source of the group (`verbatim`)
and, group by group, whether two sources word the statement differently (`differs`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from .models import Article, Entity, Quote, QuoteGroup, Story
from .quote_speakers import PARAGRAPH, Page, Span, alias_index, article_speakers
from .toolkit import Toolkit
from .words import folded_words

# A quoted span longer than this is a quote mark left open, not a quotation: the longest
# quotations in news are a few sentences of one paragraph (~600 characters).
MAX_QUOTE_CHARS = 1200
# Quotes of this many words or fewer are scare quotes, titles or terms ("so-called
# 'reforms'") unless the parse attributes them to a speaker; a lone word never counts.
SHORT_QUOTE_WORDS = 3
# Two quotes render one statement when the shorter one's words are all found, in order, in
# the longer one; or, worded differently, when it has at least FUZZY_MIN_WORDS words (shorter
# phrases like "on the high side" turn up inside any long quote), this rapidfuzz partial ratio
# (0-100) and this share of its distinct words in the longer one. Measured on same-speaker
# quote pairs from two sources in 8 LocalNews dev stories: renderings of one statement scored
# 74-97 sharing 0.7-1.0 of the words; different statements reached 71 sharing at most 0.6.
MATCH_RATIO = 72.0
MATCH_OVERLAP = 0.65
FUZZY_MIN_WORDS = 6
# A quote with no speaker joins a group of a named speaker only when nearly identical:
# without the speaker to agree on, the words alone must.
UNATTRIBUTED_RATIO = 92.0

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“”", '"': '"', "``": "''"}
# Two apostrophes close only a quotation opened by two backticks, so apostrophes of normal
# text ("the company's", "'90s") never count; of three in a row the last two close.
MARKS = re.compile(r'``|\'\'(?!\')|[“”«»„"]')
SPACE_AND_MARKS = " \t\n“”«»„\"'‘’`"


# --- finding quoted spans ---------------------------------------------------------------------


def quote_spans(text: str) -> list[Span]:
    """Every quotation in `text`, paragraph by paragraph; unbalanced marks give nothing."""
    cuts = list(PARAGRAPH.finditer(text))
    paragraphs = list(zip([0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(text)]))
    spans = []
    for index, (start, end) in enumerate(paragraphs):
        following = text[paragraphs[index + 1][0]:][:2] if index + 1 < len(paragraphs) else ""
        spans += [replace(span, paragraph=index, alone=not text[start:span.start].strip(
                      SPACE_AND_MARKS) and not text[span.end:end].strip(SPACE_AND_MARKS + ".,!?"))
                  for span in paragraph_spans(text, start, end, following)]
    return [s for s in spans if s.end - s.start <= MAX_QUOTE_CHARS]


def paragraph_spans(text: str, start: int, end: int, following: str) -> list[Span]:
    """Quotations of one paragraph; `following`: the next paragraph's first characters."""
    spans: list[Span] = []
    opened: tuple[str, int] | None = None  # (mark, content start)
    for match in MARKS.finditer(text, start, end):
        mark, pos = match.group(), match.start()
        if opened and mark in OPEN_CLOSE[opened[0]] and (mark != '"' or can_close(text, pos)):
            spans.append(trimmed(text, opened[1], pos))
            opened = None
        elif (mark in OPEN_CLOSE and (mark != '"' or can_open(text, pos))
              and (opened is None or mark == opened[0])):  # same mark again: first was stray
            opened = (mark, match.end())
    if opened and following.startswith(opened[0]):  # the convention for quotes over paragraphs
        spans.append(replace(trimmed(text, opened[1], end), continued=True))
    elif opened:  # a stray opening mark: quotations after it still count
        spans += paragraph_spans(text, opened[1], end, following)
    return [s for s in spans if s.end > s.start]


def can_open(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/'‘") and not after.isspace()


def can_close(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def trimmed(text: str, start: int, end: int) -> Span:
    """Whitespace off both ends and a trailing comma or colon (punctuation of the sentence
    around the quote, set inside the marks by American style)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(start, end)


# --- extraction -------------------------------------------------------------------------------


def is_statement(text: str, speaker: str | None) -> bool:
    """Not a scare quote, term or title: long enough, or short and attributed."""
    found = folded_words(text)
    if len(found) <= 1 or is_title(text):
        return False
    return len(found) > SHORT_QUOTE_WORDS or speaker is not None


def is_title(text: str) -> bool:
    """Title case without sentence punctuation: the name of a song, book or film."""
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return (bool(long_words) and len(text.split()) <= 8 and text[-1:] not in ".!?"
            and all(w[0].isupper() for w in long_words))


def extract_quotes(story: Story, toolkit: Toolkit,
                   entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every quotation in the story's articles with its speaker, in article order."""
    index = alias_index(entities)
    found = [(a, quote_spans(a.text)) for a in story.articles]
    docs = {a.id: doc for a, doc in toolkit.english_parses(a for a, spans in found if spans)}
    quotes: list[Quote] = []
    for article, spans in found:
        quotes += article_quotes(article, spans, docs.get(article.id), index)
    return tuple(quotes)


def article_quotes(article: Article, spans: list[Span], doc: Any | None,
                   index: Mapping[str, Entity]) -> Iterator[Quote]:
    """The article's quotations that are statements, with their speakers where the parse
    (`doc`; None for languages the parser does not read) makes them clear."""
    speakers = article_speakers(Page(article.text, doc, spans, index)) if doc is not None \
        else [None] * len(spans)
    for number, (span, speaker) in enumerate(zip(spans, speakers)):
        text = article.text[span.start:span.end]
        if is_statement(text, speaker):
            yield Quote(id=f"{article.id}:q{number}", speaker=speaker, text=text,
                        article=article.id, start=span.start, end=span.end)


# --- comparison across sources ---------------------------------------------------------------


def same_statement(a: Quote, b: Quote, words_a: str, words_b: str) -> bool:
    """Two quotes of compatible speakers from two sources render one statement (`words_*`:
    their words, folded and joined by spaces)."""
    if a.article == b.article or (a.speaker and b.speaker and a.speaker != b.speaker):
        return False
    short, long = sorted((words_a, words_b), key=len)
    if not short:
        return False
    if f" {short} " in f" {long} ":
        return True
    if len(short.split()) < FUZZY_MIN_WORDS:
        return False
    overlap = len(set(short.split()) & set(long.split())) / len(set(short.split()))
    needed = MATCH_RATIO if a.speaker and b.speaker else UNATTRIBUTED_RATIO
    return overlap >= MATCH_OVERLAP and fuzz.partial_ratio(short, long) >= needed


def compare_quotes(quotes: tuple[Quote, ...],
                   articles: tuple[Article, ...] = ()) -> tuple[QuoteGroup, ...]:
    """Quotes grouped by statement, every quote in exactly one group (alone if no other
    source renders it), groups quoted by most sources first.

    A quote is `verbatim` when its words (case, punctuation and spacing ignored) are found in
    every other source of its group: in that source's text when `articles` gives it (a source
    may carry the words without quote marks), else in that source's quotes of the group."""
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    sets = DisjointSet(range(len(quotes)))
    folded = [" ".join(folded_words(q.text)) for q in quotes]
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            if not sets.connected(i, j) and same_statement(a, quotes[j], folded[i], folded[j]):
                sets.merge(i, j)
    members: dict[int, list[Quote]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        members[sets[i]].append(quote)
    texts = {a.id: " ".join(folded_words(a.text)) for a in articles}
    groups = [make_group(group, texts) for group in members.values()]
    ranked = sorted(groups, key=lambda g: (-len(g.articles), g.quotes[0].id))
    return tuple(replace(g, id=f"qg{n}") for n, g in enumerate(ranked, start=1))


def make_group(quotes: list[Quote], texts: Mapping[str, str]) -> QuoteGroup:
    by_article: dict[str, str] = defaultdict(str)
    for quote in quotes:
        by_article[quote.article] += " " + " ".join(folded_words(quote.text)) + " "

    def found_in(quote: Quote, article: str) -> bool:
        haystack = f" {texts.get(article) or by_article[article]} "
        return f" {' '.join(folded_words(quote.text))} " in haystack

    marked = [replace(q, verbatim=all(found_in(q, other) for other in by_article
                                      if other != q.article)) for q in quotes]
    differs = any(not found_in(a, b.article) and not found_in(b, a.article)
                  for a in marked for b in marked if a.article < b.article)
    speaker = next((q.speaker for q in quotes if q.speaker), None)
    return QuoteGroup(id="", speaker=speaker, quotes=tuple(marked), differs=differs)
