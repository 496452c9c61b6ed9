"""What the closed families of exclusive readings share (`roles`: parts in an incident;
`states`: a plea, stopped or running again; `likelihood`: an act expected or unlikely): the
readings of each article by subject, the reading of one sentence, the sides the articles take,
and the possible difference made of them. An article that gives one subject
two sides (a change, a second event, or a parse we cannot trust) takes no side."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..models import Conflict, Entity, Fact, Position, Story
from ..toolkit import Toolkit
from .kind import new_conflict
from .titles import person_keys, quotes, statements


@dataclass(frozen=True)
class Reading:
    """One side of a closed family as one sentence gives it."""

    side: Hashable  # which member of the family
    shown: str  # the words as written
    article: str
    sentence: str
    start: int  # the sentence's offsets in the article
    end: int


R = TypeVar("R", bound=Reading)
# What one article's parse says: (article's parse, article id, person keys, people) ->
# (subject key, reading) for each reading.
ArticleReader = Callable[[Any, str, dict[str, int], list[Entity]], Iterable[tuple[Hashable, R]]]


def readings_by_subject(story: Story, entities: tuple[Entity, ...], toolkit: Toolkit,
                        read: ArticleReader[R]) -> dict[Hashable, list[R]]:
    """Every reading of the story's English articles, by the subject key `read` gives it;
    people are the story's merged persons."""
    people = [e for e in entities if e.type == "PERSON"]
    keys = person_keys(people)
    said: dict[Hashable, list[R]] = defaultdict(list)
    for article, doc in toolkit.english_parses(story.articles):
        for key, reading in read(doc, article.id, keys, people):
            said[key].append(reading)
    return said


def one_side_each(readings: Iterable[Reading]) -> dict[Hashable, list[Reading]]:
    """Side -> the first reading of each article that gives only that side."""
    by_article: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        by_article[reading.article].append(reading)
    sides: dict[Hashable, list[Reading]] = defaultdict(list)
    for given in by_article.values():
        if len({r.side for r in given}) == 1:
            sides[given[0].side].append(given[0])
    return sides


def sides_conflict(kind: str, topic: str, groups: list[list[Reading]],
                   facts: tuple[Fact, ...], reason: str, confidence: float) -> Conflict:
    """One position per side (its first sentence, every article giving it), naming the facts
    that quote any of the sentences."""
    positions = tuple(Position(value=g[0].shown, text=g[0].sentence.strip(),
                               articles=tuple(sorted({r.article for r in g})),
                               statements=statements(g[0], g)) for g in groups)
    disputed = tuple(dict.fromkeys(f.id for g in groups for r in g for f in facts
                                   if quotes(f, r)))
    return new_conflict(kind, topic, positions, disputed, reason, confidence)
