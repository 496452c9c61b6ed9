"""The interface every kind of slot implements, what the kinds share, and the one constructor
of a `Conflict`.

A kind says how to read its slots from a parsed statement, when two slots of two statements
speak of one thing (`comparable`), when their values agree, and how a disagreement is shown
(value, topic, reason, confidence). `EventKind` is the common case: a value tied to an event
(numbers, dates, attributes); names and claims compare whole statements instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import numpy as np
from rapidfuzz import fuzz

from ..models import Conflict, Position, Statement
from .parse import PRONOUNS, two_acts
from .slots import Entry, Said, Slot

# Texts -> unit vectors, one row each (the toolkit's sentence encoder).
Encode = Callable[[list[str]], np.ndarray]
# Two dates of one fact under different verbs: one event misdated only this close together.
SAME_EVENT_DAYS = 7
# Two name words this alike (rapidfuzz ratio, 0-100) may be one name spelled two ways
# (Gaddafi / Qadhafi score 71, Mohammed / Muhamad 67). Most different names score far lower;
# the few that do not ("Carter" / "Porter", 67) are compared, as they were before the rule.
SPELLED_ALIKE = 65.0


class SlotKind:
    """One kind of slot. Subclasses override what differs; the registry holds one of each."""

    name: ClassVar[str] = ""
    reason: ClassVar[str] = ""  # why two values of this kind cannot both hold
    # A statement giving several values of the key stands by the one a disagreement compared
    # (values of one event); names and claims compare whole statements (lists of people).
    by_compared_value: ClassVar[bool] = False
    # True: the kind's disagreements are listed as possible differences only, never shown.
    possible_only: ClassVar[bool] = False

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        raise NotImplementedError

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        raise NotImplementedError

    def with_story(self, saids: list[Said], encode: Encode | None) -> list[Said]:
        """The statements with this kind's slots completed from the whole story (what only
        the story's other statements can tell); as read by default."""
        del encode
        return saids

    def agree(self, a: Said, x: Any, b: Said, y: Any) -> bool:
        return bool(x.value == y.value)

    def unrelated(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """The two values cannot be one thing stated two ways, however alike the statements."""
        del a, x, b, y
        return False

    def only_possible(self, conflict: Conflict) -> bool:
        """The disagreement is listed as a possible difference whatever its score."""
        del conflict
        return self.possible_only

    def entries_agree(self, x: Entry, y: Entry) -> bool:
        """One agreeing pair of slots makes two statements agree ("124 miles (200km)" is one
        figure)."""
        return any(self.agree(a, s, b, t) for a, s in x for b, t in y)

    def same_value(self, x: Entry, y: Entry) -> bool:
        return any(s.value == t.value for _, s in x for _, t in y)

    def joins(self, group: Entry, entry: Entry, related: bool) -> bool:
        """An entry agreeing with a position joins it (`related`: the two were compared)."""
        del related
        return self.entries_agree(group, entry)

    def position_slot(self, group: Entry, groups: list[Entry]) -> tuple[Said, Slot]:
        """The slot that shows a position."""
        del groups
        return group[0]

    def stating(self, group: Entry, shown: Slot) -> Entry:
        """The statements of a position that state the value it shows (every one, unless a
        kind's positions gather statements that only agree with it)."""
        del shown
        return group

    def shown(self, slot: Slot) -> str:
        return slot.shown

    def topic(self, slots: list[Slot]) -> str:
        return slots[0].key

    def explain(self, slots: list[Slot]) -> str:
        del slots
        return self.reason



class EventKind(SlotKind):
    """A value of an event (a figure, a date, a kind of thing): comparable within one fact,
    or across facts for the same event with the same participants."""

    by_compared_value: ClassVar[bool] = True

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        if (x.additive or y.additive) and a.fact != b.fact:
            return False  # "also sold on Feb 21": another sale, not a second date for this one
        if x.planned != y.planned:
            return False  # "is expected to begin on Feb 1" / "began on Sunday": plan vs event
        if two_acts(x.event, y.event):
            return False  # "gained 86" / "dropped 109 points"; "arrested" / "charged": two acts
        if a.fact == b.fact:
            return self.same_fact_comparable(a, x, b, y)
        return self.across_facts(a, x, b, y)

    # Within one fact, a slot with no event is compared with any other (dates are not: a
    # statement's own date, from "said on", is not the date of what it reports).
    eventless_comparable: ClassVar[bool] = True

    def same_fact_comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """In one fact: the same event, or no second event to tell apart. Outlets put one
        figure or date under different verbs ("stopped the show for 10 minutes", "disrupted it
        for about 10 minutes"): when each statement gives the slot one value and no two
        different codes are named, `across_verbs` decides. One act done to two named things
        is two acts, whatever the verbs (`named_apart`)."""
        if named_apart(a, x, b, y):
            return False
        if x.event == y.event:
            return True
        if not (x.event and y.event):
            return self.eventless_comparable
        if not (sole(a, x) and sole(b, y)):
            return False
        if different_codes(x.subjects | x.objects, y.subjects | y.objects):
            return False
        return self.across_verbs(x, y)

    def across_verbs(self, x: Slot, y: Slot) -> bool:
        del x, y
        return False

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        return same_event(a, x, b, y)


def same_event(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Two statements of different facts describe one event: the same event verb, shared
    objects when both name some (what a passive with no agent acts on counts: "signed Y on
    Wednesday" and "X, who was signed on Tuesday" are two signings), compatible subjects and
    no two different sets of actors."""
    if x.event != y.event or not x.event:
        return False
    mine, theirs = x.acted_on, y.acted_on
    if mine and theirs and not (mine & theirs):
        return False
    return compatible_subjects(x.subjects, y.subjects) and same_actors(a, b)


def named_apart(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Both events act on named things and the names share no word, not even one spelled
    another way: "placed X on injured reserve on Tuesday" and "placed Y on injured reserve on
    Wednesday" are two placings, and so are "placed X on injured reserve on Tuesday" and "Y
    was placed on injured reserve on Wednesday" (a passive with no agent acts on its subject,
    `Slot.patients`). Who acts is not read so: a body and its officer act as one
    ("the club fired X", "its manager fired X")."""
    mine, theirs = x.acted_on & a.names, y.acted_on & b.names
    return bool(mine and theirs) and not any(fuzz.ratio(p, q) >= SPELLED_ALIKE
                                             for p in mine for q in theirs)


def same_actors(a: Said, b: Said) -> bool:
    return bool(a.names & b.names) or not a.names or not b.names


def compatible_subjects(x: frozenset[str], y: frozenset[str]) -> bool:
    if not x or not y or (x & PRONOUNS) or (y & PRONOUNS):
        return True
    return bool(x & y)


def sole(said: Said, slot: Slot) -> bool:
    """The statement gives this slot one value only ("Thursday (Jan 23)" is one date)."""
    return all(s.value == slot.value for s in said.slots
               if s.kind == slot.kind and s.key == slot.key and bool(s.event) == bool(slot.event))


def different_codes(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both sides name things by codes ("flight AB123", "bus 960") and no code is shared:
    two different things of one kind."""
    left, right = ({w for w in s if any(c.isdigit() for c in w)} for s in (x, y))
    return bool(left and right and not left & right)


def new_conflict(kind: str, topic: str, positions: tuple[Position, ...], facts: tuple[str, ...],
                 reason: str, confidence: float,
                 signals: tuple[tuple[str, float], ...] = ()) -> Conflict:
    """The one way a Conflict is made: its id hashes the topic and the facts (or, when no fact
    is named, the positions), its explanation names each side and the reason."""
    sides = "; ".join(f"{', '.join(p.articles)} {'say' if len(p.articles) > 1 else 'says'} "
                      f"{p.value}" for p in positions)
    identity = sorted(facts) if facts else sorted(f"{p.value}:{p.articles}" for p in positions)
    digest = hashlib.sha256((topic + "|" + "|".join(identity)).encode()).hexdigest()
    return Conflict(id=f"c{digest[:10]}", kind=kind, topic=topic,  # type: ignore[arg-type]
                    positions=positions, explanation=f"{sides}: {reason}.",
                    confidence=confidence, facts=facts, signals=signals)


def most_confident_first(conflicts: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return tuple(sorted(conflicts, key=lambda c: (-c.confidence, c.topic)))


def own_statements(shown: tuple[str, str], given: Iterable[tuple[str, str]],
                   articles: Iterable[str]) -> tuple[Statement, ...]:
    """Each of `articles` with its own sentence: the shown (article, sentence) for its article,
    else the first `given` one of that article."""
    texts = dict([shown])
    for article, text in given:
        texts.setdefault(article, text)
    return tuple(Statement(a, texts[a]) for a in articles)
