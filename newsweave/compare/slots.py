"""What a statement asserts, reduced to typed slots: one record type per kind of value.

Every slot names the event (governing verb) it belongs to and that event's participants, so
`compare` can tell whether two slots speak of one thing; the `value` is typed by kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..models import Mention


@dataclass(frozen=True, kw_only=True)
class Slot:
    kind: ClassVar[str] = ""
    key: str  # what is stated: dimension, counted noun, event, kind of thing, role
    shown: str  # the words as written
    event: str  # event group governing the slot ("" when none)
    subjects: frozenset[str]  # who acts: names/lemmas, pronouns kept
    objects: frozenset[str]  # what is acted upon
    # What a passive with no agent acts on ("X was signed", "X, who was signed"); `subjects`
    # keeps the passive's own subject too, as the fitted scorer was trained on it.
    patients: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()  # nouns around a quantity; an office; a predicate
    hedged: bool = False  # "about", "may have"
    additive: bool = False  # "also ...": another event of the kind, not the same one
    planned: bool = False  # "will open", "is expected to begin": a plan, not what happened

    @property
    def acted_on(self) -> frozenset[str]:
        """What the event is done to, active ("signed X") or passive ("X was signed")."""
        return self.objects | self.patients


@dataclass(frozen=True, kw_only=True)
class NumberSlot(Slot):
    kind: ClassVar[str] = "number"
    value: float  # in base units (pint) for measures; the count for counts
    bound: str = ""  # "upper" ("up to five"), "lower" ("more than five") or ""
    strict: bool = False  # the bound excludes the figure ("more than five", "under five")
    near: bool = False  # the bound approaches its figure from below ("nearly five", "almost")
    moment: str = ""  # ISO day a running count is given for ("as of Monday", "by Jan 5")
    of: str = ""  # what is counted or measured, as "of" names it ("days of annual leave")
    to: float | None = None  # the high end of a range ("three to four minutes": 3, to 4)
    # Words that narrow what a count counts: "severe" of "627 severe cases", "involve" of
    # "5 incidents involving knives".
    narrowed: frozenset[str] = frozenset()
    # Given as the total by a verb of counting ("visitors numbered 61,200", "the toll rose to
    # 45"): that verb names no act, so the count is compared with the same count under any verb
    # of its fact.
    tally: bool = False
    currency: str = ""  # an amount's country code ("sg" of "S$"); "" for a bare "$" or "€"
    # A range read from an order of magnitude ("thousands of people": 2,000 to 9,999), not
    # written out: it agrees with any range it overlaps (`magnitude_slots`).
    magnitude: bool = False


@dataclass(frozen=True, kw_only=True)
class DateSlot(Slot):
    kind: ClassVar[str] = "date"
    value: str  # ISO date, or "YYYY-MM" for a date given to the month ("in July 2020")
    last: str = ""  # the last day (ISO) when the date is a span of days ("Jan 14-18")
    bound: str = ""  # "upper" ("by Dec 19"), "lower" ("after Dec 19") or ""
    explicit: bool = True  # written out, not a weekday resolved by rule
    # Read from the publication date: a weekday, "yesterday", "this morning" (the day is only
    # as sure as the publication date it counts from).
    relative: bool = False
    weekday: str = ""  # a weekday written with the date ("Monday (Mar 3)"), folded
    stated: bool = False  # the date of a statement ("said on Monday"), not of what it reports
    day_name: str = ""  # the weekday a relative phrase names ("on Sunday" -> "sunday"), folded
    # False when the article has no publication date to count from: `value` is then only a
    # placeholder, and a weekday is compared by its name alone.
    anchored: bool = True
    # "late" ("late Thursday", "Thursday night"), "early" ("early Friday"), "both"
    # ("overnight"), or "": where in its day the phrase puts the event (`day_edges`).
    edge: str = ""


@dataclass(frozen=True, kw_only=True)
class TimeSlot(Slot):
    kind: ClassVar[str] = "time"
    value: int  # minutes after midnight
    rounded: bool = False  # written to the hour ("7am", "noon")


@dataclass(frozen=True, kw_only=True)
class AttributeSlot(Slot):
    kind: ClassVar[str] = "attribute"
    value: frozenset[str]  # the modifiers saying what kind of thing it is
    # The story's other modifiers that say the same in other words ("prison" for "jail"),
    # filled in once the whole story is read (`attributes.with_alike_modifiers`).
    alike: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class NameSlot(Slot):
    kind: ClassVar[str] = "name"
    value: frozenset[str]  # the words of the person's name, folded
    role: str = ""  # the role given to the person, as written ("prime minister")
    part: str = ""  # "subject", "object", or a preposition and its word ("of murder"); "" else


@dataclass(frozen=True, kw_only=True)
class ClaimSlot(Slot):
    kind: ClassVar[str] = "claim"
    value: bool  # asserted (True) or denied


@dataclass(frozen=True)
class Said:
    """One mention reduced to what it asserts."""

    mention: Mention
    fact: str
    names: frozenset[str]
    slots: tuple[Slot, ...]
    inferred_date: bool
    article_text: str = field(default="", repr=False)  # folded text of the whole article
    # Figures the statement writes as counts or measures (not money, dates, times, shares).
    figures: frozenset[float] = frozenset()
    anchor: str | None = None  # the date the article's relative dates count from

    @property
    def own_date(self) -> str | None:
        """The day relative dates count from, when it is the article's own (not inferred from
        its story); None otherwise."""
        return None if self.inferred_date else self.anchor


Entry = list[tuple[Said, Slot]]
