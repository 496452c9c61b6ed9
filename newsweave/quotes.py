"""Quoted speech: who is quoted saying what, and whether sources quote the same words.

`extract_quotes` finds spans between double quotes (straight, curly, guillemets, low-high) in
each article, paragraph by paragraph, and finds the speaker in the dependency parse: a speech
verb outside the quote ("said", "told", "described ... as", "according to") and its subject,
climbing from a verb without a subject to the clause it hangs on ("issued a statement saying").
A "he"/"she" subject stands for the nearest preceding person only when the nearest sentence
naming people names exactly one. Speakers are given the canonical name of their merged entity.

`compare_quotes` groups quotes of one speaker across sources that render one statement and
says, quote by quote, whether its words appear in every other source of the group (`verbatim`)
and, group by group, whether two sources word the statement differently (`differs`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz
from unidecode import unidecode

from .entities import PERSON_TITLES, contains, name_tokens, normalise
from .models import Article, Entity, Quote, Story
from .toolkit import Toolkit

# A quoted span longer than this is a quote mark left open, not a quotation: the longest
# quotations in news are a few sentences of one paragraph (~600 characters).
MAX_QUOTE_CHARS = 1200
# Quotes of this many words or fewer are scare quotes, titles or terms ("so-called
# 'reforms'") unless the parse attributes them to a speaker; a lone word never counts.
SHORT_QUOTE_WORDS = 3
# Pronoun subjects look back this many sentences for the person they stand for; further back
# a "he" is as likely to mean someone named in between without a recognised name.
PRONOUN_LOOKBACK = 3
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

SPEECH_LEMMAS = {
    "say", "tell", "add", "state", "declare", "announce", "describe", "characterize",
    "characterise", "call", "label", "write", "note", "explain", "insist", "claim", "warn",
    "argue", "indicate", "report", "quote", "ask", "reply", "respond", "stress", "emphasize",
    "emphasise", "comment", "confirm", "deny", "acknowledge", "admit", "suggest", "tweet",
    "post", "urge", "promise", "vow", "predict", "recall", "assert", "maintain", "observe",
    "remark", "conclude", "accord", "testify", "shout", "cry", "agree", "plead",
}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Which recognised name in a subject phrase is the speaker: a person before an organisation
# before a place ("a spokesperson for the Foreign Ministry of X": the ministry, not X).
SPEAKER_LABELS = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "FAC": 4}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OPEN_CLOSE = {"“": "”", "«": "»", "„": "“”", '"': '"'}
MARKS = re.compile(r'[“”«»„"]')
SPACE_AND_MARKS = " \t\n“”«»„\"'‘’"
PARAGRAPH = re.compile(r"\n\s*\n")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Span:
    """Content of one quotation (marks excluded) in article offsets."""

    start: int
    end: int
    paragraph: int = 0
    continued: bool = False  # left open at its paragraph's end, reopened in the next one
    alone: bool = False  # the quotation is its whole paragraph


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
            seen[" ".join(words(quote.text))].append(quote)
        ranked = sorted(seen.values(), key=lambda qs: -len({q.article for q in qs}))
        return tuple(qs[0].text for qs in ranked)


# --- finding quoted spans ---------------------------------------------------------------------


def quote_spans(text: str) -> list[Span]:
    """Every quotation in `text`, paragraph by paragraph; unbalanced marks give nothing."""
    cuts = list(PARAGRAPH.finditer(text))
    paragraphs = list(zip([0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(text)]))
    spans = []
    for index, (start, end) in enumerate(paragraphs):
        following = text[paragraphs[index + 1][0]:][:1] if index + 1 < len(paragraphs) else ""
        spans += [replace(span, paragraph=index, alone=not text[start:span.start].strip(
                      SPACE_AND_MARKS) and not text[span.end:end].strip(SPACE_AND_MARKS + ".,!?"))
                  for span in paragraph_spans(text, start, end, following)]
    return [s for s in spans if s.end - s.start <= MAX_QUOTE_CHARS]


def paragraph_spans(text: str, start: int, end: int, following: str) -> list[Span]:
    spans: list[Span] = []
    opened: tuple[str, int] | None = None  # (mark, content start)
    for match in MARKS.finditer(text, start, end):
        mark, pos = match.group(), match.start()
        if opened and mark in OPEN_CLOSE[opened[0]] and (mark != '"' or can_close(text, pos)):
            spans.append(trimmed(text, opened[1], pos))
            opened = None
        elif (mark in OPEN_CLOSE and (mark != '"' or can_open(text, pos))
              and (opened is None or mark == opened[0])):  # same mark again: first was stray
            opened = (mark, pos + 1)
    if opened and following == opened[0]:  # the convention for quotes over paragraphs
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


# --- speakers ---------------------------------------------------------------------------------


def alias_index(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Folded name tokens of every name and alias -> its entity."""
    index: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(" ".join(name_tokens(normalise(name))), entity)
    return index


def canonical(text: str, label: str, index: Mapping[str, Entity]) -> str:
    """The merged entity's name for a speaker's words; a bare surname finds the one person
    whose name ends or starts with it; otherwise the words themselves, titles off."""
    clean = normalise(text)
    tokens = name_tokens(clean)
    if " ".join(tokens) in index:
        return index[" ".join(tokens)].name
    if label == "PERSON" and tokens:
        found = {e.name for key, e in index.items()
                 if e.type == "PERSON" and contains(tuple(key.split()), tokens)}
        if len(found) == 1:
            return found.pop()
    return clean


def speech_verbs(sentences: list[Any], span: Span) -> list[Any]:
    """Speech verbs outside the quote (marks included) in the sentences it touches, nearest
    to the quote first."""
    outside = [t for sent in sentences for t in sent
               if not span.start - 1 <= t.idx < span.end + 1]
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_LEMMAS
             and (t.pos_ in ("VERB", "AUX") or t.lower_ == "according")]
    return sorted(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))


def subject_of(verb: Any, quote_before: bool) -> Any | None:
    """The verb's subject ("according to X": X); a verb without one hangs on a clause that
    has it ("issued a statement saying", "and said"): climb up to three heads. After a quote
    the parser sometimes takes an inverted subject for an object ('"...," noted the agency').
    """
    token = verb
    for level in range(4):
        if token.lower_ == "according":
            return next((g for c in token.children if c.dep_ == "prep"
                         for g in c.children), None)  # the parser varies below "to"
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        agent = next((g for c in token.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and token.lemma_ != "quote":
            return agent
        if subject is not None:
            return subject
        inverted = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        if level == 0 and quote_before and inverted is not None:
            return inverted
        if token.head is token:
            return None
        token = token.head
    return None


def label_of(ent: Any, index: Mapping[str, Entity]) -> str:
    """The recogniser's label, corrected to a person after a personal title ("Mr Tan", which
    the small model often tags as a place) or when the story's merged entity is a person."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    if before in PERSON_TITLES or ent[0].lower_.rstrip(".") in PERSON_TITLES:
        return "PERSON"
    known = index.get(" ".join(name_tokens(normalise(ent.text))))
    return "PERSON" if known is not None and known.type == "PERSON" else str(ent.label_)


def named_in(token: Any, span: Span, index: Mapping[str, Entity]) -> tuple[str, str] | None:
    """(name, label) of the recognised name a subject token is part of, else of the best
    person or organisation in its phrase (a place inside a phrase is rarely the speaker)."""
    outside = [e for e in token.doc.ents if e.end_char <= span.start or e.start_char >= span.end]
    labelled = [(e, label_of(e, index)) for e in outside]
    for ent, label in labelled:
        if ent.start <= token.i < ent.end:
            return (ent.text, label) if label in SPEAKER_LABELS else None
    subtree = list(token.subtree)
    first, last = subtree[0].i, subtree[-1].i
    names = [(e, label) for e, label in labelled if first <= e.start and e.end - 1 <= last
             and label in ("PERSON", "ORG")]
    if not names:
        return None
    ent, label = min(names, key=lambda n: (SPEAKER_LABELS[n[1]], abs(n[0].start - token.i)))
    return ent.text, label


def antecedent(pronoun: Any, index: Mapping[str, Entity]) -> str | None:
    """The person a "he"/"she" stands for: in the nearest sentence before it that names
    people, the only one named, or else the only one who is a subject there; None if unsure."""
    doc = pronoun.doc
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= pronoun.i < s.end)
    for sent in reversed(sents[max(0, here - PRONOUN_LOOKBACK):here + 1]):
        named = [e for e in doc.ents if e.start >= sent.start and e.end <= min(sent.end, pronoun.i)
                 and label_of(e, index) == "PERSON"]
        people = {canonical(e.text, "PERSON", index) for e in named}
        if len(people) == 1:
            return people.pop()
        subjects = {canonical(e.text, "PERSON", index) for e in named
                    if any(t.dep_ in SUBJECTS or (t.dep_ == "conj" and t.head.dep_ in SUBJECTS)
                           for t in e)}
        if people:
            return subjects.pop() if len(subjects) == 1 else None
    return None


def find_speaker(doc: Any, span: Span, index: Mapping[str, Entity],
                 last_person: str | None = None) -> tuple[str, str] | None:
    """(speaker, label) of a quotation. A "he"/"she" with no clear antecedent stands for
    `last_person`, the person last quoted in the article (the way news writing goes on)."""
    sentences = [s for s in doc.sents if s.start_char < span.end and s.end_char > span.start]
    for verb in speech_verbs(sentences, span):
        subject = subject_of(verb, quote_before=span.end <= verb.idx)
        if subject is None or span.start <= subject.idx < span.end:
            continue
        name = named_in(subject, span, index) or proper_noun(subject)
        if name is not None:
            return canonical(*name, index), name[1]
        if subject.lower_ in PERSON_PRONOUNS:
            found = antecedent(subject, index) or last_person
            return (found, "PERSON") if found else None
        return None
    return None


def proper_noun(token: Any) -> tuple[str, str] | None:
    """A proper-noun subject the recogniser missed, with its compound words ("Wak Lan")."""
    if token.pos_ != "PROPN":
        return None
    words = sorted([token, *(c for c in token.children if c.dep_ == "compound"
                             and c.pos_ == "PROPN")], key=lambda t: t.i)
    return " ".join(t.text for t in words), "PROPN"


# --- extraction -------------------------------------------------------------------------------


def is_statement(text: str, speaker: str | None) -> bool:
    """Not a scare quote, term or title: long enough, or short and attributed."""
    found = words(text)
    if len(found) <= 1 or is_title(text):
        return False
    return len(found) > SHORT_QUOTE_WORDS or speaker is not None


def is_title(text: str) -> bool:
    """Title case without sentence punctuation: the name of a song, book or film."""
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return (bool(long_words) and len(text.split()) <= 8 and text[-1:] not in ".!?"
            and all(w[0].isupper() for w in long_words))


def words(text: str) -> list[str]:
    """Folded words; periods inside abbreviations go ("U.S." reads as "US")."""
    return WORD.findall(unidecode(text).lower().replace(".", ""))


def extract_quotes(story: Story, toolkit: Toolkit,
                   entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Every quotation in the story's articles with its speaker, in article order."""
    index = alias_index(entities)
    found = [(a, quote_spans(a.text)) for a in story.articles]
    english = [(a, spans) for a, spans in found if spans and a.language == "en"
               and len(a.text) < toolkit.nlp.max_length]
    docs = dict(zip((a.id for a, _ in english), toolkit.parse([a.text for a, _ in english])))
    quotes: list[Quote] = []
    for article, spans in found:
        quotes += article_quotes(article, spans, docs.get(article.id), index)
    return tuple(quotes)


def article_quotes(article: Article, spans: list[Span], doc: Any | None,
                   index: Mapping[str, Entity]) -> Iterator[Quote]:
    """A quotation with no speaker of its own that opens its paragraph, right after the
    previous paragraph ended on an attributed quotation, goes on with that speaker when it
    fills its paragraph or continues a quotation left open (the convention news writing
    follows for a speaker's words over several paragraphs)."""
    previous: Span | None = None
    carried: str | None = None
    last_person: str | None = None
    for number, span in enumerate(spans):
        found = find_speaker(doc, span, index, last_person) if doc is not None else None
        speaker = found[0] if found else None
        if found and found[1] == "PERSON":
            last_person = found[0]
        goes_on = previous is not None and previous.paragraph == span.paragraph - 1 and (
            previous.continued or span.alone)
        if speaker is None and goes_on and is_paragraph_start(article.text, span.start):
            speaker = carried
        previous, carried = span, speaker
        text = article.text[span.start:span.end]
        if is_statement(text, speaker):
            yield Quote(id=f"{article.id}:q{number}", speaker=speaker, text=text,
                        article=article.id, start=span.start, end=span.end)


def is_paragraph_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(SPACE_AND_MARKS.replace("\n", ""))
    return not before or before.endswith("\n")


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
    parent = list(range(len(quotes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    folded = [" ".join(words(q.text)) for q in quotes]
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            if root(i) != root(j) and same_statement(a, quotes[j], folded[i], folded[j]):
                parent[root(j)] = root(i)
    members: dict[int, list[Quote]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        members[root(i)].append(quote)
    texts = {a.id: " ".join(words(a.text)) for a in articles}
    groups = [make_group(group, texts) for group in members.values()]
    ranked = sorted(groups, key=lambda g: (-len(g.articles), g.quotes[0].id))
    return tuple(replace(g, id=f"qg{n}") for n, g in enumerate(ranked, start=1))


def make_group(quotes: list[Quote], texts: Mapping[str, str]) -> QuoteGroup:
    by_article: dict[str, str] = defaultdict(str)
    for quote in quotes:
        by_article[quote.article] += " " + " ".join(words(quote.text)) + " "

    def found_in(quote: Quote, article: str) -> bool:
        haystack = f" {texts.get(article) or by_article[article]} "
        return f" {' '.join(words(quote.text))} " in haystack

    marked = [replace(q, verbatim=all(found_in(q, other) for other in by_article
                                      if other != q.article)) for q in quotes]
    differs = any(not found_in(a, b.article) and not found_in(b, a.article)
                  for a in marked for b in marked if a.article < b.article)
    speaker = next((q.speaker for q in quotes if q.speaker), None)
    return QuoteGroup(id="", speaker=speaker, quotes=tuple(marked), differs=differs)


def group_summary(group: QuoteGroup, labels: Mapping[str, str]) -> str:
    """What a fact-checker reads: who is quoted by how many sources, and where the words
    differ ("X is quoted in 3 sources; B's wording differs: '...' vs '...'")."""
    who = group.speaker or "An unattributed speaker"
    line = f"{who} is quoted in {len(group.articles)} source" + (
        "s" if len(group.articles) > 1 else "")
    if not group.differs:
        return line + f": “{group.wordings[0]}”"
    main = group.wordings[0]
    folded = f" {' '.join(words(main))} "
    odd = [q for q in group.quotes if f" {' '.join(words(q.text))} " not in folded
           and folded not in f" {' '.join(words(q.text))} "]
    parts = [f"{labels.get(q.article, q.article)}'s wording differs: “{q.text}” vs “{main}”"
             for q in odd[:2]]
    return line + "; " + "; ".join(parts or [f"wordings differ: {' vs '.join(group.wordings)}"])
