"""The steps each story runs, in order, as data (`STORY_STEPS`): a `Draft` of the story
goes from its articles, claims and vectors to copies, facts, entities, disagreements, checked
"only one source" facts, quotes, a timeline and a brief. `chain` runs them on each story of
the pile."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from .align import align_claims, build_table
from .brief import write_brief
from .compare import mark_disputed, story_conflicts
from .compare.dates import future_dates, relative_days
from .copies import find_copies, independent_counts
from .entities import merge_entities
from .models import (
    Article,
    BriefSentence,
    Claim,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    QuoteGroup,
    Story,
    TimelineEvent,
)
from .quotes import compare_quotes, extract_quotes
from .run_tools import Tools
from .steps import Step
from .timeline import build_timeline
from .verify import claim_verbs, packaged_verifier, renamed_facts, verify_facts


@dataclass(frozen=True)
class Draft:
    """A story while its steps run: what each step made so far (None: not made yet)."""

    id: str
    articles: tuple[Article, ...]
    claims: Mapping[str, tuple[Claim, ...]]  # by article id
    vectors: Mapping[str, np.ndarray]  # by claim id
    title: str | None = None
    copies: tuple[CopyGroup, ...] | None = None
    facts: tuple[Fact, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    conflicts: tuple[Conflict, ...] | None = None
    possible: tuple[Conflict, ...] | None = None
    possible_left_out: int | None = None
    quote_groups: tuple[QuoteGroup, ...] | None = None
    timeline: tuple[TimelineEvent, ...] | None = None
    brief: tuple[BriefSentence, ...] | None = None
    brief_left_out: tuple[str, ...] | None = None

    def story(self) -> Story:
        """The Story so far (what is not made yet is empty)."""
        made = {name: value for name in STORY_FIELDS
                if (value := getattr(self, name)) is not None}
        return Story(id=self.id, title=self.title or story_title(self.articles),
                     articles=self.articles, **made)


STORY_FIELDS = ("copies", "facts", "entities", "conflicts", "possible", "possible_left_out",
                "quote_groups", "timeline", "brief", "brief_left_out")


def step_dates(draft: Draft, tools: Tools) -> Draft:
    """Undated articles take the story's median publication date (marked 'inferred'); the
    story's title is its earliest article's."""
    del tools
    articles = dated(draft.articles)
    return replace(draft, articles=articles, title=story_title(articles))


def dated(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    known = sorted(date.fromisoformat(a.published) for a in articles if a.published)
    if not known:
        return articles
    median = known[len(known) // 2] if len(known) % 2 else statistics.median_low(known)
    return tuple(a if a.published else replace(a, published=median.isoformat(),
                                                published_from="inferred") for a in articles)


def story_title(articles: Iterable[Article]) -> str:
    """The title of the earliest article that has a real one (not a first-words fallback)."""
    every = list(articles)
    titled = [a for a in every if a.headline]
    chosen = min(titled or every, key=lambda a: (a.published or "9999", a.id))
    return chosen.title or chosen.id


def step_copies(draft: Draft, tools: Tools) -> Draft:
    """Duplicates, rewrites and translations -> copy groups with a likely original."""
    return replace(draft, copies=find_copies(list(draft.articles), draft.vectors, draft.claims,
                                             tools.toolkit))


def step_facts(draft: Draft, tools: Tools) -> Draft:
    """Claims aligned across sources into facts; independent sources count copy groups."""
    assert draft.copies is not None
    aligned = align_claims(list(draft.articles), dict(draft.claims), dict(draft.vectors),
                           tools.settings)
    return replace(draft, facts=independent_counts(aligned, draft.copies))


def step_entities(draft: Draft, tools: Tools) -> Draft:
    """Named entities, spellings of one name merged with evidence."""
    return replace(draft, entities=merge_entities(draft.story(), tools.toolkit))


def step_conflicts(draft: Draft, tools: Tools) -> Draft:
    """Statements of different sources that disagree (a figure, a date, a kind, a person, a
    title, a claim), scored: the likely ones are shown and make their facts 'disputed', the
    less likely ones are listed apart as possible differences."""
    assert draft.facts is not None and draft.entities is not None
    found = story_conflicts(draft.story(), draft.entities, tools.toolkit, tools.settings,
                            draft.vectors)
    return replace(draft, conflicts=found.shown, possible=found.possible,
                   possible_left_out=found.left_out, facts=mark_disputed(draft.facts, found.shown))


def step_verify(draft: Draft, tools: Tools) -> Draft:
    """"Only one source" checked: a single-source fact found in another article of the story
    (paraphrase-capable pair scorer) joins that article's fact and is corroborated."""
    assert draft.facts is not None and draft.copies is not None and draft.possible is not None
    table = build_table(list(draft.articles), dict(draft.claims), dict(draft.vectors))
    english = [a for a in draft.articles if a.parsed]
    docs = dict(zip((a.id for a in english), tools.toolkit.parse([a.text for a in english])))
    facts, renamed = verify_facts(draft.facts, table, claim_verbs(draft.articles, table, docs),
                                  draft.copies, packaged_verifier(),
                                  (tools.settings.verify_cut, tools.settings.verify_maybe))
    return replace(draft, facts=facts, possible=renamed_facts(draft.possible, renamed))


def step_quotes(draft: Draft, tools: Tools) -> Draft:
    """Quotations with their speakers, grouped across sources; differing wordings flagged."""
    assert draft.entities is not None
    quotes = extract_quotes(draft.story(), tools.toolkit, draft.entities)
    return replace(draft, quote_groups=compare_quotes(quotes, draft.articles))


def step_timeline(draft: Draft, tools: Tools) -> Draft:
    """Dated events from explicit and relative dates, linked to date conflicts."""
    assert draft.conflicts is not None
    parses = tools.toolkit.english_parses(draft.articles)
    future = {article.id: future_dates(doc) for article, doc in parses}
    relative = {article.id: relative_days(doc) for article, doc in parses}
    return replace(draft, timeline=build_timeline(draft.story(), draft.conflicts, future,
                                                  relative))


def step_brief(draft: Draft, tools: Tools) -> Draft:
    """A short account, every sentence cited and checked against its sources."""
    brief, left_out = write_brief(draft.story(), tools.settings.brief_sentences)
    return replace(draft, brief=brief, brief_left_out=left_out)


STORY_STEPS: tuple[Step, ...] = (
    Step("dates", ("articles",), ("articles", "title"), step_dates),
    Step("copies", ("articles", "claims", "vectors"), ("copies",), step_copies),
    Step("facts", ("articles", "claims", "vectors", "copies"), ("facts",), step_facts),
    Step("entities", ("articles",), ("entities",), step_entities),
    Step("conflicts", ("facts", "entities", "copies"),
         ("conflicts", "possible", "possible_left_out", "facts"), step_conflicts),
    Step("verify", ("facts", "claims", "vectors", "copies", "possible"), ("facts", "possible"),
         step_verify),
    Step("quotes", ("articles", "entities"), ("quote_groups",), step_quotes),
    Step("timeline", ("facts", "conflicts", "copies"), ("timeline",), step_timeline),
    Step("brief", ("facts", "entities", "conflicts", "timeline", "copies"),
         ("brief", "brief_left_out"),
         step_brief),
)
