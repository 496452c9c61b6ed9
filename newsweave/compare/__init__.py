"""Facts -> conflicts: two sources that state one thing differently.

Each kind of disagreement is one module, registered once below:
  number     a quantity with a unit (pint) or a count of a noun ("five drones")
  date       the date of an event, relative dates resolved against publication
  attribute  the kind of a thing an event involves, from its noun modifiers ("bomber factory")
  name       a person named in a role or as a participant
  claim      the polarity of a predicate (asserted or denied)
  title      one person given posts that exclude each other (read per merged entity)
The first five are slot kinds (`kind.SlotKind`: reader, comparer, explanation), compared by one
engine (`engine.py`): two slots are compared when they come from different articles and either
sit in one fact or describe one event (same event verb, compatible participants). Names and
claims are compared only inside one fact (or, for names, under one stated office): their slots
are too common to match across unrelated sentences. Titles are read from whole articles.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Settings
from ..dating import day_of, resolve_date
from ..models import Conflict, Entity, Fact, Story
from ..toolkit import Toolkit
from .attributes import Attributes
from .claims import Claims
from .dates import Dates
from .engine import slot_conflicts
from .kind import SlotKind, most_confident_first
from .names import Names
from .numbers import Numbers
from .titles import title_conflicts

SLOT_KINDS: dict[str, SlotKind] = {kind.name: kind for kind in (
    Numbers(), Dates(), Attributes(), Names(), Claims())}
KINDS = (*SLOT_KINDS, "title")

__all__ = ["KINDS", "SLOT_KINDS", "day_of", "find_conflicts", "mark_disputed",
           "most_confident_first", "resolve_date", "story_conflicts"]


def story_conflicts(story: Story, entities: tuple[Entity, ...], toolkit: Toolkit,
                    settings: Settings) -> tuple[Conflict, ...]:
    """Every conflict a report shows, most confident first: slot conflicts and exclusive
    titles."""
    return most_confident_first([*find_conflicts(story, toolkit, settings),
                                 *title_conflicts(story, entities, toolkit)])


def find_conflicts(story: Story, toolkit: Toolkit, settings: Settings) -> tuple[Conflict, ...]:
    """Slot conflicts of one story, most confident first."""
    del settings  # thresholds here are fixed by unit rounding, see numbers.py
    return most_confident_first(slot_conflicts(story, toolkit, SLOT_KINDS))


def mark_disputed(facts: tuple[Fact, ...], conflicts: tuple[Conflict, ...]) -> tuple[Fact, ...]:
    """Facts named by a conflict become 'disputed'; the others keep their status."""
    named = {f for c in conflicts for f in c.facts}
    return tuple(replace(f, status="disputed") if f.id in named else f for f in facts)
