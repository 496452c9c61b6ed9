"""One body or scheme named two ways: names the story's articles never use together that
differ in one word, not the last (the head, which says what is named), and whose two words
open with the same letter, so that both names spell one acronym ("Coastal Resilience Task
Force" in three articles, "Coastal Response Task Force" in a fourth). One article then has the
name wrong, or the two are two bodies: a reader is pointed to them (listed, never shown).

Places and facilities are left out: "X Road" and "Y Road" of one letter are two roads. Names of
three words or more only: in a shorter one the word that differs is most of the name. On the
labelled tune half two pairs pass (a team, a labelled difference, and a shop whose name one
article writes with a synonym); a confidence cannot be fitted on two, hence the fixed one
below.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from ..entity_forms import name_tokens
from ..models import Conflict, Entity, Fact, Story
from ..toolkit import Toolkit
from .exclusive import Reading, sides_conflict

# Kinds of names whose words are chosen, not descriptive: a body, a scheme, a law, an event.
NAMED_KINDS = {"ORG", "PROGRAMME", "LAW", "EVENT"}
MIN_WORDS = 3
CONFIDENCE = 0.5
REASON = "articles that never use each other's name give one body or scheme two names that " \
         "differ in one word"


def body_name_conflicts(story: Story, entities: tuple[Entity, ...],
                        toolkit: Toolkit) -> tuple[Conflict, ...]:
    """One possible difference per pair of names of one acronym (see the module)."""
    named = [e for e in entities if e.type in NAMED_KINDS]
    pairs = [(a, b) for a, b in combinations(named, 2) if one_word_apart(a, b)]
    if not pairs:
        return ()
    by_id = {article.id: doc for article, doc in toolkit.english_parses(story.articles)}
    found = []
    for pair in pairs:
        groups = [readings(entity, by_id) for entity in pair]
        if all(groups):
            found.append(name_conflict(pair, groups, story.facts))
    return tuple(found)


def one_word_apart(a: Entity, b: Entity) -> bool:
    """Names in no article together, of as many words, that differ in one word, not the
    last, opening with the same letter ("Resilience" / "Response")."""
    x, y = name_tokens(a.name), name_tokens(b.name)
    if len(x) != len(y) or len(x) < MIN_WORDS or set(a.articles) & set(b.articles):
        return False
    apart = [i for i in range(len(x)) if x[i] != y[i]]
    return len(apart) == 1 and apart[0] < len(x) - 1 and x[apart[0]].isalpha() and \
        y[apart[0]].isalpha() and x[apart[0]][0] == y[apart[0]][0]


def readings(entity: Entity, docs: dict[str, Any]) -> list[Reading]:
    """The first sentence of each of the entity's articles that writes its name."""
    found = []
    for article in entity.articles:
        doc = docs.get(article)
        start = doc.text.find(entity.name) if doc is not None else -1
        span = doc.char_span(start, start + len(entity.name), alignment_mode="expand") \
            if start >= 0 else None
        if span is not None:
            sentence = span.sent
            found.append(Reading(entity.name, entity.name, article, sentence.text,
                                 sentence.start_char, sentence.end_char))
    return found


def name_conflict(pair: tuple[Entity, Entity], groups: list[list[Reading]],
                  facts: tuple[Fact, ...]) -> Conflict:
    """The two names, the one more articles use first."""
    ordered = sorted(zip(pair, groups), key=lambda eg: len(eg[1]), reverse=True)
    return sides_conflict("name", f"the name of the {ordered[0][0].name}",
                          [g for _, g in ordered], facts, REASON, CONFIDENCE)
