"""Facts -> conflicts: two sources that state one slot (a number, a date, a kind of thing, a
person, a claim) differently.

Every distinct English mention text is parsed once per story and reduced to slots:
  number     a quantity with a unit (converted with pint) or a count of a noun ("five drones")
             - compare_numbers
  date       the date of an event (verb), relative dates resolved against publication
             - compare_dates
  attribute  the kind of a thing an event involves, from its noun modifiers ("bomber factory")
  name       a person named in a role or as a participant - compare_names
  claim      the polarity of a predicate (asserted or denied) - compare_claims
Two slots are compared when they come from different articles and either sit in one fact or
describe one event: same event verb (or synonym) and compatible participants. Real
disagreements often sit in sentences the encoder does not align, hence the second route. In one
fact, a figure or date stated once per statement is compared even under different verbs
(`same_fact_comparable`).
Names and claims are only compared inside one fact (or, for names, under one stated role):
their slots are too common to match across unrelated sentences.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import combinations
from typing import Any, cast

from rapidfuzz import fuzz

from .compare_claims import claim_slots
from .compare_dates import WEEKDAYS, date_slots, resolve_date
from .compare_names import name_slots, named_in, same_person
from .compare_numbers import quantity_slots
from .compare_parse import PRONOUNS, REPORTING, Said, Slot, doc_names, event_of, fold, slot_base
from .config import Settings
from .models import Conflict, ConflictKind, Fact, Position, Story
from .toolkit import Toolkit

__all__ = ["WEEKDAYS", "day_of", "find_conflicts", "mark_disputed", "most_confident_first",
           "read_mentions", "resolve_date"]

# Outlets convert and round ("124 miles (200km)" is 199.6 km): 3% covers rounding to two
# significant figures without letting 10% differences through.
EXACT_TOLERANCE = 0.03
# "about", "around", "more than": outlets round such figures freely; 6 days vs "about a week"
# is 14% apart and must agree, 250 vs 200 km (20%) must not.
HEDGED_TOLERANCE = 0.16
# Counts from this size on, when round (a multiple of ten), may be an outlet's rounding.
ROUND_COUNT = 20
# Two modifiers spelled alike (armoured/armored) are one modifier, not a disagreement.
MODIFIER_SAME_RATIO = 80.0
# Pronouns a claim's subject can be: two different ones are two different subjects.
PERSONAL = PRONOUNS | {"you", "me", "us", "him", "her", "them", "this", "these", "those"}
# Two dates of one fact under different verbs: one event misdated only this close together.
SAME_EVENT_DAYS = 7
# How a bounded date shows in a position's value ("by 2024-12-19").
BOUND_SHOWN = {"upper": "by ", "lower": "after "}
# Starting confidence per kind: numbers and dates are read exactly; a name or a polarity can
# also differ because the parse or the alignment put two different statements together.
BASE_CONFIDENCE = {"number": 0.8, "date": 0.8, "attribute": 0.8, "name": 0.6, "claim": 0.5}

Entry = list[tuple[Said, Slot]]


def find_conflicts(story: Story, toolkit: Toolkit, settings: Settings) -> tuple[Conflict, ...]:
    """Conflicts of one story, most confident first."""
    del settings  # thresholds here are fixed by unit rounding, see the constants above
    buckets: dict[tuple[str, str], Entry] = defaultdict(list)
    for said in read_mentions(story, toolkit):
        for slot in said.slots:
            buckets[(slot.kind, slot.key)].append((said, slot))
    conflicts = [c for bucket in buckets.values() for c in bucket_conflicts(bucket)]
    return most_confident_first({c.id: c for c in conflicts}.values())


def most_confident_first(conflicts: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return tuple(sorted(conflicts, key=lambda c: (-c.confidence, c.topic)))


def mark_disputed(facts: tuple[Fact, ...], conflicts: tuple[Conflict, ...]) -> tuple[Fact, ...]:
    """Facts named by a conflict become 'disputed'; the others keep their status."""
    named = {f for c in conflicts for f in c.facts}
    return tuple(replace(f, status="disputed") if f.id in named else f for f in facts)


def read_mentions(story: Story, toolkit: Toolkit) -> list[Said]:
    """English mentions reduced to slots; each distinct text is parsed once, and each parse is
    dropped once its mentions are read (slots hold plain values), so memory stays bounded by
    the batch, not the story."""
    articles = {a.id: a for a in story.articles}
    pending = [(f.id, m) for f in story.facts for m in f.mentions
               if articles.get(m.article) is not None and articles[m.article].language == "en"]
    by_text: dict[str, list[int]] = {}
    for index, (_, mention) in enumerate(pending):
        by_text.setdefault(mention.text, []).append(index)
    folded = {a.id: fold(a.text) for a in story.articles}
    saids: list[Said | None] = [None] * len(pending)
    for text, doc in zip(by_text, toolkit.nlp.pipe(list(by_text), batch_size=64)):
        for index in by_text[text]:
            fact, mention = pending[index]
            article = articles[mention.article]
            slots = (quantity_slots(doc) + date_slots(doc, article.published)
                     + attribute_slots(doc) + name_slots(doc) + claim_slots(doc))
            saids[index] = Said(mention, fact, doc_names(doc), tuple(slots),
                                article.published_from == "inferred", folded[article.id])
    return [s for s in saids if s is not None]


def attribute_slots(doc: Any) -> list[Slot]:
    """Things named with noun modifiers under an event: 'toured a fighter jet factory'."""
    slots = []
    for token in doc:
        # Plural things may be of several kinds ("drones" of two types): singular only.
        if token.tag_ != "NN" or token.dep_ not in ("dobj", "pobj", "conj", "attr"):
            continue
        # "a five-year cycle" is a length of time, not a kind of cycle.
        modifiers = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and not any(t.like_num for t in c.subtree)]
        verb = event_of(token)
        if not modifiers or verb is None or fold(verb.lemma_) in REPORTING:
            continue
        words = frozenset(fold(m.lemma_) for m in modifiers for m in m.subtree
                          if m.pos_ == "NOUN" and m.i < token.i)
        shown = doc[min(m.left_edge.i for m in modifiers):token.i + 1].text
        slots.append(Slot("attribute", f"kind of {token.lemma_.lower()}", words, shown, False,
                          context=frozenset(), **slot_base(verb)))
    return slots


# ---- comparing -------------------------------------------------------------------------------

def comparable(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Two slots speak of one thing: same fact, or the same event with the same actors."""
    if a.mention.article == b.mention.article:
        return False
    if x.kind in ("name", "claim"):
        return comparable_statement(a, x, b, y)
    if (x.additive or y.additive) and (x.kind == "date" or a.fact != b.fact):
        return False  # "also sold on Feb 21": another sale, not a second date for this one
    if a.fact == b.fact:
        return same_fact_comparable(a, x, b, y)
    if x.kind == "number" and x.key == "duration":
        # Spans of time recur in unrelated sentences ("for 10 years", "within four hours"):
        # across facts only the same event with the same actors.
        return x.event == y.event and bool(x.event) and bool(x.subjects & y.subjects) \
            and not (x.additive or y.additive)
    same_actors = bool(a.names & b.names) or not a.names or not b.names
    if x.kind == "number" and x.context:
        return bool(x.context & y.context) and same_actors
    if x.event != y.event or not x.event:
        return False
    if x.objects and y.objects and not (x.objects & y.objects):
        return False
    return compatible_subjects(x.subjects, y.subjects) and same_actors


def same_fact_comparable(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """In one fact: the same event, or no second event to tell apart. Outlets put one figure
    or date under different verbs ("stopped the show for 10 minutes", "disrupted it for about
    10 minutes"; "will present the budget on 18 Feb", "set to be unveiled on 21 Feb"). When
    each statement gives the slot one value, the two are compared: figures that share a
    participant; dates that share an actor ("Country A presented on Monday" and "country B
    embraced it on Tuesday" are two events), lie within a week (sold in January, charged a
    year later) and are not bounds ("bit him prior to Nov 20", "confronted her on Nov 24").
    A statement's date (event "", from "said on") is not the date of what it reports."""
    if x.event == y.event:
        return True
    if not (x.event and y.event):
        return x.kind != "date"
    if x.kind not in ("number", "date") or not (sole(a, x) and sole(b, y)):
        return False
    everyone = (x.subjects | x.objects, y.subjects | y.objects)
    if different_codes(*everyone):
        return False
    if x.kind == "number":
        return compatible_subjects(*everyone)
    return not (x.bound or y.bound) and days_apart(x.value, y.value) <= SAME_EVENT_DAYS \
        and compatible_subjects(x.subjects, y.subjects)


def different_codes(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both sides name things by codes ("flight AB123", "bus 960") and no code is shared:
    two different things of one kind."""
    left, right = ({w for w in s if any(c.isdigit() for c in w)} for s in (x, y))
    return bool(left and right and not left & right)


def days_apart(x: str, y: str) -> int:
    return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)


def sole(said: Said, slot: Slot) -> bool:
    """The statement gives this slot one value only ("Thursday (Jan 23)" is one date)."""
    return all(s.value == slot.value for s in said.slots
               if s.kind == slot.kind and s.key == slot.key and bool(s.event) == bool(slot.event))


def comparable_statement(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Names: one fact, or one stated role. Claims: one fact, about the same participants."""
    if x.kind == "name":
        return a.fact == b.fact or bool(x.context) and x.context == y.context
    if a.fact != b.fact or not x.subjects or not y.subjects:
        return False  # a claim needs a stated subject on both sides
    if x.subjects <= PERSONAL and y.subjects <= PERSONAL and not x.subjects & y.subjects:
        return False  # "I don't know" and "you know", "that's not true" and "it is true"
    if x.objects and y.objects and not (x.objects & y.objects):
        return False
    return compatible_subjects(x.subjects, y.subjects)


def compatible_subjects(x: frozenset[str], y: frozenset[str]) -> bool:
    if not x or not y or (x & PRONOUNS) or (y & PRONOUNS):
        return True
    return bool(x & y)


def agree(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    if x.kind == "number":
        if x.key.startswith("count") and not (x.hedged or y.hedged) and \
                not (rounded(x.value) or rounded(y.value)):
            return bool(x.value == y.value)  # 114 vs 117 checkpoints: counts are exact
        tolerance = HEDGED_TOLERANCE if (x.hedged or y.hedged) else EXACT_TOLERANCE
        if within_bound(x, y, tolerance) or within_bound(y, x, tolerance):
            return True  # "up to five minutes" and "about 3.5 minutes"
        top = max(abs(x.value), abs(y.value), 1e-9)
        return abs(x.value - y.value) / top <= tolerance
    if x.kind == "name":
        # A person the other article also names is someone it knows about, not a rival.
        return same_person(x.value, y.value, x.shown, y.shown) or \
            named_in(x.value, b.article_text) or named_in(y.value, a.article_text)
    if x.kind == "date":
        return bool(x.value == y.value) or same_day_of_year(x, y) or date_within(x, y) or \
            date_within(y, x)
    if x.kind == "claim":
        return bool(x.value == y.value)
    return modifiers_agree(x.value, y.value)


def within_bound(x: Slot, y: Slot, tolerance: float) -> bool:
    """`y`'s figure lies inside the bound `x` states."""
    if x.bound == "upper":
        return bool(y.value <= x.value * (1 + tolerance))
    if x.bound == "lower":
        return bool(y.value >= x.value * (1 - tolerance))
    return False


def date_within(x: Slot, y: Slot) -> bool:
    """`y`'s date lies inside the bound `x` states ("by Dec 19" and "on Dec 17"; "by Dec 19"
    and "after Dec 2")."""
    if x.bound == "upper":
        return y.bound == "upper" or bool(y.value <= x.value)
    if x.bound == "lower":
        return y.bound == "lower" or bool(y.value >= x.value)
    return False


def rounded(value: float) -> bool:
    """A round count ("about 1,200", "300 people") may be rounded by an outlet; others are
    stated exactly."""
    return value >= ROUND_COUNT and value % 10 == 0


def same_day_of_year(x: Slot, y: Slot) -> bool:
    """"Oct 15" read as this year agrees with "Oct 15, 2021": the year was only guessed."""
    guessed = not re.search(r"\b\d{4}\b", x.shown) or not re.search(r"\b\d{4}\b", y.shown)
    return x.explicit and y.explicit and guessed and x.value[5:] == y.value[5:]


def modifiers_agree(x: frozenset[str], y: frozenset[str]) -> bool:
    """More specific is not a conflict: only two differing, unrelated modifiers are."""
    if not x or not y or x & y or x <= y or y <= x:
        return True
    left, right = " ".join(sorted(x)), " ".join(sorted(y))
    return left in right or right in left or fuzz.token_set_ratio(left, right) >= \
        MODIFIER_SAME_RATIO


def bucket_conflicts(bucket: Entry) -> list[Conflict]:
    """All slots of one kind and key, split into groups of statements that speak of one thing
    (connected by `comparable`); one conflict at most per group."""
    by_mention: dict[str, Entry] = defaultdict(list)
    for said, slot in bucket:
        by_mention[said.mention.claim or said.mention.text].append((said, slot))
    entries = list(by_mention.values())
    links = {(i, j) for i, j in combinations(range(len(entries)), 2)
             if related(entries[i], entries[j])}
    found = []
    for component in components(len(entries), links):
        conflict = component_conflict([entries[i] for i in component],
                                      {(component.index(i), component.index(j))
                                       for i, j in links if i in component and j in component})
        if conflict is not None:
            found.append(conflict)
    return found


def components(size: int, links: set[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of two or more, each in index order, by their first index."""
    # Imported here: scipy.cluster adds 0.14 s of start-up that `--help` need not pay.
    from scipy.cluster.hierarchy import DisjointSet  # type: ignore[import-untyped]

    sets = DisjointSet(range(size))
    for i, j in links:
        sets.merge(i, j)
    return sorted((sorted(s) for s in sets.subsets() if len(s) > 1), key=lambda g: g[0])


def component_conflict(entries: list[Entry], links: set[tuple[int, int]]) -> Conflict | None:
    """A mention disagrees with a comparable one when none of its slots agrees with any of the
    other's ("124 miles (200km)" is one position). Disagreeing mentions, and those agreeing
    with them, are grouped by value into positions."""
    involved: set[int] = set()
    for i, j in links:
        if not any_agree(entries[i], entries[j]):
            involved |= {i, j}
    if not involved:
        return None
    for i, j in links:
        if (i in involved) != (j in involved) and any_agree(entries[i], entries[j]):
            involved |= {i, j}
    groups: list[Entry] = []
    # Hedged statements last: "about 25" agrees with 25 and with 28, and joins the side that
    # states its figure exactly rather than whichever side came first.
    for index in sorted(involved, key=lambda i: (any(s.hedged for _, s in entries[i]), i)):
        entry = entries[index]
        home = next((g for g in groups if same_value(g, entry)), None) or \
            next((g for g in groups if joins(g, entry)), None)
        if home is None:
            groups.append(list(entry))
        else:
            home.extend(entry)
    sides = disagreeing(groups)
    return make_conflict(sides) if len(sides) >= 2 else None


def joins(group: Entry, entry: Entry) -> bool:
    """An entry agreeing with a position joins it; a person only when compared with it (no
    comparison between two people is no agreement)."""
    if entry[0][1].kind == "name" and not related(group, entry):
        return False
    return any_agree(group, entry)


def disagreeing(groups: list[Entry]) -> list[Entry]:
    """Positions that some source holds against another: two positions disagree when each
    has a source the other lacks. An article in every position with another reports two
    events ("caught fire on Apr 25 ... on Apr 27"), not a disagreement."""
    articles = [{s.mention.article for s, _ in g} for g in groups]
    return [g for i, g in enumerate(groups)
            if any(articles[i] - other and other - articles[i]
                   for j, other in enumerate(articles) if j != i)]


def related(x: Entry, y: Entry) -> bool:
    return any(comparable(a, s, b, t) for a, s in x for b, t in y)


def any_agree(x: Entry, y: Entry) -> bool:
    """One agreeing pair of slots makes two statements agree ("124 miles (200km)" is one
    figure). Names are lists of people instead: they disagree when each side names someone
    the other side neither names in the statement nor anywhere in its article - a swap, not
    an omission ("A and B" vs "C and B"; "A and B" vs "B" agrees)."""
    if x and x[0][1].kind == "name":
        return not (unaccounted(x, y) and unaccounted(y, x))
    return any(agree(a, s, b, t) for a, s in x for b, t in y)


def same_value(x: Entry, y: Entry) -> bool:
    """One figure or date stated alike on both sides; names: one person on both sides and
    no swap (see `any_agree`)."""
    if x[0][1].kind == "name":
        return any(same_person(s.value, t.value, s.shown, t.shown) for _, s in x for _, t in y) \
            and any_agree(x, y)
    return any(s.value == t.value for _, s in x for _, t in y)


def unaccounted(x: Entry, y: Entry) -> Entry:
    """People of `x` whom `y` does not name, in its statements or its articles; only people
    comparable with one of `y`'s (one fact, or one stated role) count."""
    texts = {b.mention.article: b.article_text for b, _ in y}
    return [(a, s) for a, s in x
            if any(comparable_statement(a, s, b, t) for b, t in y)
            and not any(same_person(s.value, t.value, s.shown, t.shown) for _, t in y)
            and not any(named_in(s.value, text) for text in texts.values())]


def shown_value(slot: Slot) -> str:
    """Dates as resolved (ISO), polarity as asserted/denied, the rest as written."""
    if slot.kind == "date":
        return BOUND_SHOWN.get(slot.bound, "") + str(slot.value)
    if slot.kind == "claim":
        return "asserted" if slot.value else "denied"
    return slot.shown


def make_conflict(groups: list[Entry]) -> Conflict:
    groups.sort(key=lambda g: -len({s.mention.article for s, _ in g}))
    shown = [position_slot(g, groups) for g in groups]
    positions = tuple(Position(
        value=shown_value(shown[i][1]), text=shown[i][0].mention.text,
        articles=tuple(dict.fromkeys(s.mention.article for s, _ in g)))
        for i, g in enumerate(groups))
    first = groups[0][0][1]
    facts = tuple(dict.fromkeys(s.fact for g in groups for s, _ in g))
    topic = topic_of([slot for g in groups for _, slot in g])
    digest = hashlib.sha256((topic + "|" + "|".join(sorted(facts))).encode()).hexdigest()
    return Conflict(id=f"c{digest[:10]}", kind=cast(ConflictKind, first.kind), topic=topic,
                    positions=positions, explanation=explanation_of(groups, positions),
                    confidence=confidence_of(groups), facts=facts)


def position_slot(group: Entry, groups: list[Entry]) -> tuple[Said, Slot]:
    """The slot that shows a position: for names, a person the other sides do not name."""
    if group[0][1].kind != "name":
        return group[0]
    others = [pair for g in groups if g is not group for pair in g]
    return next(iter(unaccounted(group, others)), group[0])


def day_of(value: str) -> str:
    """The ISO day of a date position's value, its bound word dropped ("by 2024-12-19")."""
    for word in BOUND_SHOWN.values():
        value = value.removeprefix(word)
    return value


def topic_of(slots: list[Slot]) -> str:
    slot = slots[0]
    event = next((s.event for s in slots if s.event), "")
    if slot.kind == "number" and not slot.key.startswith("count"):
        return f"{slot.key} ({event})" if event else slot.key
    if slot.kind == "date":
        return f"date of {event}" if event else "date"
    if slot.kind == "name":
        role = next((s.role for s in slots if s.role), "")
        return f"who is the {role}" if role else f"who {event or 'is named'}"
    return slot.key


# Why two values of each kind cannot both hold, as a reader would put it.
REASONS = {
    "number": "the figures differ beyond rounding ({tolerance})",
    "date": "the same event is dated differently (weekdays read against each article's "
            "publication date)",
    "attribute": "the same thing is described as different kinds, neither more specific",
    "name": "different people are named for the same part, and neither article names the "
            "other's person",
    "claim": "one statement asserts what the other denies",
}


def explanation_of(groups: list[Entry], positions: tuple[Position, ...]) -> str:
    slots = [slot for g in groups for _, slot in g]
    kind = slots[0].kind
    hedged = any(s.hedged for s in slots) and kind == "number"
    tolerance = f"{(HEDGED_TOLERANCE if hedged else EXACT_TOLERANCE):.0%} allowed" + \
        (", figures hedged" if hedged else "")
    sides = "; ".join(f"{', '.join(p.articles)} {'say' if len(p.articles) > 1 else 'says'} "
                      f"{p.value}" for p in positions)
    return f"{sides}: {REASONS[kind].format(tolerance=tolerance)}."


def confidence_of(groups: list[Entry]) -> float:
    """Lower when figures are hedged or a date rests on an inferred publication date or on a
    weekday; higher when the statements were aligned as one fact."""
    slots = [slot for g in groups for _, slot in g]
    saids = [said for g in groups for said, _ in g]
    kind = slots[0].kind
    score = BASE_CONFIDENCE[kind]
    if any(s.hedged for s in slots):
        score -= 0.1
    if kind == "date" and any(s.inferred_date for s in saids):
        score -= 0.2
    if kind == "date" and not all(s.explicit for s in slots):
        score -= 0.05
    if len({s.fact for s in saids}) == 1:
        score += 0.1
    return round(max(score, 0.1), 2)
