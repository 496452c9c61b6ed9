"""Facts -> conflicts: two sources that state one thing differently.

Each kind of disagreement is one module, registered once below:
  number     a quantity with a unit (pint) or a count of a noun ("five drones")
  date       the date of an event, relative dates resolved against publication
  time       the clock time of an event or a statement ("alerted at about 6.05am")
  attribute  the kind of a thing an event involves, from its noun modifiers ("bomber factory")
  name       a person named in a role or as a participant
  claim      the polarity of a predicate (asserted or denied)
  title      one person given posts that exclude each other (read per merged entity)
The first six are slot kinds (`kind.SlotKind`: reader, comparison rule, explanation), compared
by one engine (`engine.py`): two statements of different articles that give different values of
one kind are a candidate, scored by a model fitted on labelled real coverage (`signals.py`,
`scorer.py`); the kind's hand-written comparison rule is one of its signals. Titles are read
from whole articles, as are the two closed families listed for a reader and never shown:
parts one person cannot play at once in an incident (`roles.py`) and states of one subject
that exclude each other, a guilty plea and a trial, still suspended and resumed (`states.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from ..config import Settings
from ..dating import day_of, resolve_date
from ..entity_forms import name_tokens, normalise
from ..models import Conflict, Entity, Fact, Position, Story
from ..toolkit import Toolkit
from .attributes import Attributes
from .body_names import body_name_conflicts
from .claims import Claims
from .dates import Dates
from .engine import CANDIDATE_COSINE, EACH_STATES_BOTH, Judge, slot_conflicts
from .kind import SlotKind, most_confident_first
from .likelihood import likelihood_conflicts
from .names import Names
from .numbers import Numbers, is_money
from .roles import role_conflicts
from .scorer import packaged_scorer
from .states import state_conflicts
from .times import Times
from .titles import shown_and_listed

SLOT_KINDS: dict[str, SlotKind] = {kind.name: kind for kind in (
    Numbers(), Dates(), Times(), Attributes(), Names(), Claims())}
KINDS = (*SLOT_KINDS, "title")

# The most values one disagreement shows (`too_many_sides`).
MOST_SIDES = 3
# Why: figures of two facts whose sentences read less alike than this (encoder cosine) are
# compared only because the kind's rule links them (a shared event verb); such a disagreement
# is listed, not shown (`loosely_related`). The engine's own cut for a candidate with nothing
# else to relate it (`engine.CANDIDATE_COSINE`); 0.4, set on the tune half of the ECB+ dev
# stories read by hand, lost real ones at 0.37-0.39 on their check half
# (bench/results-shown-ecbplus.md, round 25).
SHOWN_COSINE = CANDIDATE_COSINE

__all__ = [
    "KINDS",
    "SLOT_KINDS",
    "Differences",
    "day_of",
    "find_conflicts",
    "mark_disputed",
    "most_confident_first",
    "packaged_scorer",
    "resolve_date",
    "story_conflicts",
]


class Differences(NamedTuple):
    """What a report shows, what it lists apart, and how many possible differences the list
    leaves out (the least likely, past `possible_max` and `money_max`)."""

    shown: tuple[Conflict, ...]
    possible: tuple[Conflict, ...]
    left_out: int


def story_conflicts(story: Story, entities: tuple[Entity, ...], toolkit: Toolkit,
                    settings: Settings, vectors: Mapping[str, np.ndarray] | None = None
                    ) -> Differences:
    """The disagreements a report shows and the possible differences it lists apart, each
    most confident first, and how many the list leaves out. Slot disagreements are split at
    the scorer's `show` probability; titles that exclude each other (read from whole
    articles, with no scorer of their own) are shown when they are a post and its deputy
    post, listed otherwise (`titles.to_show`); parts one person cannot play at once in an
    incident (the driver and a passenger, `roles`) and states of one subject that exclude
    each other (a guilty plea and a trial, "remains suspended" and "was resumed", `states`),
    one act weighed both ways ("is expected to" and "is unlikely to", `likelihood`) and one
    body named two ways (`body_names`) are listed. At most `possible_max` scored or
    title differences are listed; the closed families come on top of them, rare as they are,
    so that neither crowds the other out, and so do at most `money_max` differences of
    amounts of money (listed, never shown: `money_slots`)."""
    owner = entity_of_name(entities)
    shown, possible = (tuple(c for c in found if not one_entity(c, owner))
                       for found in scored_conflicts(story, toolkit, settings, vectors))
    shown_titles, listed_titles = shown_and_listed(story, entities, toolkit)
    closed = distinct(most_confident_first([*role_conflicts(story, entities, toolkit),
                                            *state_conflicts(story, entities, toolkit),
                                            *likelihood_conflicts(story, entities, toolkit),
                                            *body_name_conflicts(story, entities, toolkit)]))
    money = distinct(tuple(c for c in possible if is_money(c)))
    listed = distinct(most_confident_first([*listed_titles, *(
        c for c in possible if not is_money(c) and not told_closer(c, closed))]))
    every = distinct(most_confident_first([*closed, *listed, *money]))
    kept = distinct(most_confident_first([*closed, *listed[:settings.possible_max],
                                          *money[:settings.money_max]]))
    return Differences(most_confident_first([*shown, *shown_titles]), kept,
                       len(every) - len(kept))


def told_closer(conflict: Conflict, closed: tuple[Conflict, ...]) -> bool:
    """A claim read as asserted and denied whose every side quotes a sentence one closed
    family's difference quotes for that article ("is expected to meet X" / "is unlikely to
    meet X" is one act weighed two ways, not "meet" asserted and denied): one difference, told
    the closed family's way."""
    return conflict.kind == "claim" and any(
        all(quoted_in(p, other) for p in conflict.positions) for other in closed)


def quoted_in(position: Position, other: Conflict) -> bool:
    """The position quotes, for one of its articles, a sentence (or a part of one) that a
    position of `other` quotes for the same article."""
    theirs = [said for q in other.positions for said in statements_of(q)]
    return any(article == elsewhere and (text in quoted or quoted in text)
               for article, text in statements_of(position) for elsewhere, quoted in theirs)


def statements_of(position: Position) -> list[tuple[str, str]]:
    """(article, its own sentence) for each article of a position."""
    return [(q.article, " ".join(q.text.split())) for q in position.statements] or \
        [(article, " ".join(position.text.split())) for article in position.articles[:1]]


def entity_of_name(entities: tuple[Entity, ...]) -> dict[tuple[str, ...], int]:
    """Each spelling of each entity (name words, titles off) -> the entity's index."""
    return {name_tokens(normalise(form)): n for n, e in enumerate(entities)
            for form in (e.name, *e.aliases)}


def one_entity(conflict: Conflict, owner: dict[tuple[str, ...], int]) -> bool:
    """A name conflict whose people the story's entities merged as one person's spellings
    ("Kovalenko" / "Kowalenko"): the report would call one person two rivals."""
    if conflict.kind != "name":
        return False
    found = {owner.get(name_tokens(normalise(p.value))) for p in conflict.positions}
    return len(found) == 1 and None not in found


def first_of_each(conflicts: Iterable[Conflict],
                  key: Callable[[Conflict], Hashable | None]) -> tuple[Conflict, ...]:
    """The conflicts in the given order, a later one dropped when an earlier one had its key
    (a key of None is never a repeat)."""
    seen: set[Hashable] = set()
    kept = []
    for conflict in conflicts:
        found = key(conflict)
        if found is not None:
            if found in seen:
                continue
            seen.add(found)
        kept.append(conflict)
    return tuple(kept)


def distinct(conflicts: tuple[Conflict, ...]) -> tuple[Conflict, ...]:
    """One difference per set of values (the same two figures stated in several sentence
    pairs, by the same sources or others, are one difference to read), in the given order."""
    return first_of_each(conflicts, lambda c: (c.kind, frozenset(p.value for p in c.positions)))


def one_claim_per_statements(conflicts: tuple[Conflict, ...]) -> tuple[Conflict, ...]:
    """One claim conflict per set of statements, the most confident kept: "no deals are
    expected to be signed" against "a deal is expected to be signed" denies both "expect" and
    "sign", but it is one difference for a reader, not two."""
    return first_of_each(most_confident_first(conflicts), lambda c: frozenset(
        (p.articles, p.text) for p in c.positions) if c.kind == "claim" else None)


def find_conflicts(story: Story, toolkit: Toolkit, settings: Settings,
                   vectors: Mapping[str, np.ndarray] | None = None) -> tuple[Conflict, ...]:
    """The slot disagreements of one story a report shows, most confident first."""
    return scored_conflicts(story, toolkit, settings, vectors)[0]


def scored_conflicts(story: Story, toolkit: Toolkit, settings: Settings,
                     vectors: Mapping[str, np.ndarray] | None = None
                     ) -> tuple[tuple[Conflict, ...], tuple[Conflict, ...]]:
    """Every scored slot disagreement above the floor: (shown, possible), each most
    confident first."""
    scorer = packaged_scorer()
    if settings.conflict_show is not None:
        scorer = replace(scorer, show=settings.conflict_show)
    floor = min(scorer.floor, scorer.show) if settings.conflict_floor is None \
        else settings.conflict_floor  # nothing that could be shown is dropped
    judge = Judge(scorer, floor, vectors or {},
                  {a: n for n, g in enumerate(story.copies) for a in g.articles},
                  settings.conflict_pairs, toolkit.encoder.encode)
    found = one_claim_per_statements(slot_conflicts(story, toolkit, SLOT_KINDS, judge))
    shown = [c for c in found if not SLOT_KINDS[c.kind].only_possible(c)
             and not listed_apart(c, bool(vectors))
             and scorer.shows(c.confidence, dict(c.signals))]
    return (most_confident_first(shown),
            most_confident_first(c for c in found if c not in shown))


def listed_apart(conflict: Conflict, with_vectors: bool) -> bool:
    """A scored disagreement that is listed as a possible difference whatever its score: too
    many values for one thing, values each article states both ways (`engine.EACH_STATES_BOTH`),
    or a figure of two facts' statements that read little alike (only when the statements had
    vectors to compare)."""
    return too_many_sides(conflict) or bool(dict(conflict.signals).get(EACH_STATES_BOTH)) or (
        with_vectors and loosely_related(conflict))


def too_many_sides(conflict: Conflict) -> bool:
    """More values than `MOST_SIDES` for one slot of one fact: the fact joined several things
    ("404 yards" / "189 rushing yards" / "66 yards" / "548 rushing yards": four players'
    statistics), not one figure misreported four ways. Of the 112 labelled dev disagreements
    (both halves) none has more than three values once written alike; of the shown
    disagreements read on the ECB+ dev stories, 6 of 30 had four or more and none was one
    figure told four ways. Such a conflict is listed as a possible difference."""
    return len(conflict.positions) > MOST_SIDES


def loosely_related(conflict: Conflict) -> bool:
    """A figure whose two statements stand in two facts and read little alike: "She shot the
    other three" and "weeks after a driver ... fatally shot eight people" share a verb, not an
    event; "the structure at 12,000 square feet" and "the nine acre site" a unit, not a thing.
    Figures only: across facts they need no more than one event verb, while dates need one
    subject and days within a week too (`Dates.across_facts`), which "left Russia on Sunday" /
    "by the time he left on September 19" of the reference story meets at a cosine below the
    cut. No labelled dev figure moved (none of their shown figures is such a pair)."""
    signals = dict(conflict.signals)
    return conflict.kind == "number" and not signals.get("same fact") and \
        signals.get("cosine", 1.0) < SHOWN_COSINE


def mark_disputed(facts: tuple[Fact, ...], conflicts: tuple[Conflict, ...]) -> tuple[Fact, ...]:
    """Facts named by a conflict become 'disputed'; the others keep their status."""
    named = {f for c in conflicts for f in c.facts}
    return tuple(replace(f, status="disputed") if f.id in named else f for f in facts)
