"""Facts -> conflicts: two sources that state one slot (a number, a date, a kind of thing)
differently.

Every English mention is parsed once and reduced to slots:
  number     a quantity with a unit (converted with pint) or a count of a noun ("five drones")
  date       the date of an event (verb), relative dates resolved against publication
  attribute  the kind of a thing an event involves, from its noun modifiers ("bomber factory")
Two slots are compared when they come from different articles and either sit in one fact or
describe one event: same event verb (or synonym) and compatible participants. Real
disagreements often sit in sentences the encoder does not align, hence the second route.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Any, cast

from rapidfuzz import fuzz
from unidecode import unidecode

from .claims import NUMBER_WORDS as CLAIM_NUMBERS
from .config import Settings
from .models import Conflict, ConflictKind, Fact, Mention, Position, Story
from .toolkit import Toolkit

# Outlets convert and round ("124 miles (200km)" is 199.6 km): 3% covers rounding to two
# significant figures without letting 10% differences through.
EXACT_TOLERANCE = 0.03
# "about", "around", "more than": outlets round such figures freely; 6 days vs "about a week"
# is 14% apart and must agree, 250 vs 200 km (20%) must not.
HEDGED_TOLERANCE = 0.16
# Two modifiers spelled alike (armoured/armored) are one modifier, not a disagreement.
MODIFIER_SAME_RATIO = 80.0

HEDGES = {"about", "approximately", "around", "roughly", "nearly", "almost", "some", "over",
          "more", "less", "fewer", "up", "least", "most", "estimated", "approx", "circa",
          "under", "than", "close"}
REPORTING = {"say", "report", "tell", "accord", "state", "add", "announce", "claim", "write",
             "quote", "cite", "show", "publish", "confirm", "describe", "indicate", "note"}
# Plain English synonyms for the events news reports date; one name per group.
EVENT_GROUPS = (
    ("leave", "depart", "exit", "quit"), ("arrive", "reach", "land", "enter"),
    ("begin", "start", "commence", "launch"), ("end", "conclude", "finish", "wrap"),
    ("visit", "tour", "inspect"), ("meet", "talk"), ("give", "gift", "present", "hand"),
    ("receive", "get", "accept"), ("kill", "die"), ("sign", "ink"),
    ("announce", "unveil"), ("arrest", "detain"), ("open", "inaugurate"))
EVENT_OF = {lemma: group[0] for group in EVENT_GROUPS for lemma in group}
NUMBER_WORDS = {w: float(v) for w, v in CLAIM_NUMBERS.items()} | {"thousand": 1000.0}
SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"}
# Verbs too general to name an event, and prepositions that date a state, not an event
# ("by Friday 13 had been found", "as of yesterday").
LIGHT_VERBS = {"be", "have", "do", "make", "take", "go", "come", "become", "seem", "expect"}
STATE_PREPOSITIONS = {"by", "since", "until", "till", "of", "before", "after", "through"}
RANGE_WORDS = {"to", "-", "–", "and", "or", "between"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "that"}


@dataclass(frozen=True)
class Slot:
    kind: str  # "number" | "date" | "attribute"
    key: str  # what is measured: dimension, counted noun, event, kind of thing
    value: Any  # float (base units), ISO date, or frozenset of modifiers
    shown: str  # the words as written
    hedged: bool
    event: str  # event group governing the slot ("" when none)
    context: frozenset[str]  # nouns around a measured quantity
    subjects: frozenset[str]  # who acts: names/lemmas, pronouns kept
    objects: frozenset[str]  # what is acted upon


@dataclass(frozen=True)
class Said:
    """One mention reduced to what it asserts."""

    mention: Mention
    fact: str
    names: frozenset[str]
    slots: tuple[Slot, ...]
    inferred_date: bool


def find_conflicts(story: Story, toolkit: Toolkit, settings: Settings) -> tuple[Conflict, ...]:
    """Conflicts of one story, most confident first."""
    del settings  # thresholds here are fixed by unit rounding, see the constants above
    saids = read_mentions(story, toolkit)
    buckets: dict[tuple[str, str], list[tuple[Said, Slot]]] = defaultdict(list)
    for said in saids:
        for slot in said.slots:
            buckets[(slot.kind, slot.key)].append((said, slot))
    conflicts = [c for bucket in buckets.values() if (c := bucket_conflict(bucket))]
    unique = {c.id: c for c in conflicts}
    return tuple(sorted(unique.values(), key=lambda c: (-c.confidence, c.topic)))


def mark_disputed(facts: tuple[Fact, ...], conflicts: tuple[Conflict, ...]) -> tuple[Fact, ...]:
    """Facts named by a conflict become 'disputed'; the others keep their status."""
    named = {f for c in conflicts for f in c.facts}
    return tuple(replace(f, status="disputed") if f.id in named else f for f in facts)


def read_mentions(story: Story, toolkit: Toolkit) -> list[Said]:
    articles = {a.id: a for a in story.articles}
    pending = [(f.id, m) for f in story.facts for m in f.mentions
               if articles.get(m.article) is not None and articles[m.article].language == "en"]
    docs = toolkit.nlp.pipe((m.text for _, m in pending), batch_size=64)
    saids = []
    for (fact, mention), doc in zip(pending, docs):
        article = articles[mention.article]
        slots = (quantity_slots(doc) + date_slots(doc, article.published)
                 + attribute_slots(doc))
        saids.append(Said(mention, fact, doc_names(doc), tuple(slots),
                           article.published_from == "inferred"))
    return saids


# ---- slots ---------------------------------------------------------------------------------

def fold(text: str) -> str:
    return unidecode(text).lower().strip()


def doc_names(doc: Any) -> frozenset[str]:
    return frozenset(fold(t.text) for t in doc
                     if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") and t.is_alpha)


def event_of(token: Any) -> Any:
    """The verb (or event noun) that governs a token: climb through objects and clauses."""
    node = token
    for _ in range(8):
        if node.pos_ == "VERB" and node is not token:
            return node
        if node.head is node:
            return node if node.pos_ in ("VERB", "NOUN") else None
        if node is not token and node.pos_ == "NOUN" and node.lemma_.lower() in EVENT_OF:
            return node
        node = node.head
    return None


def participants(verb: Any) -> tuple[frozenset[str], frozenset[str]]:
    if verb is None:
        return frozenset(), frozenset()
    subjects, objects = set(), set()
    for child in verb.children:
        words = {fold(t.text) if t.pos_ == "PROPN" else fold(t.lemma_) for t in child.subtree
                 if t.pos_ in ("PROPN", "NOUN", "PRON")}
        if child.dep_ in ("nsubj", "nsubjpass", "poss"):
            subjects |= words
        elif child.dep_ in ("dobj", "attr") or (child.dep_ == "prep" and child.lower_ == "with"):
            objects |= words
    return frozenset(subjects), frozenset(objects)


def slot_base(verb: Any) -> dict[str, Any]:
    subjects, objects = participants(verb)
    lemma = fold(verb.lemma_) if verb is not None and verb.lemma_ not in LIGHT_VERBS else ""
    return {"event": EVENT_OF.get(lemma, lemma), "subjects": subjects, "objects": objects}


def number_value(token: Any) -> float | None:
    word = token.lower_.replace(",", "")
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    try:
        return float(word)
    except ValueError:
        return None


def is_hedged(token: Any) -> bool:
    doc = token.doc
    near = {doc[i].lower_ for i in range(max(token.i - 3, 0), token.i)}
    near |= {c.lower_ for c in token.children} | {c.lower_ for c in token.head.children
                                                  if c.dep_ in ("advmod", "quantmod")}
    return bool(near & HEDGES)


def in_range(token: Any) -> bool:
    """Part of "15 to 20km", "lanes 1 and 2" or a "five-lane" modifier: not one figure."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before in RANGE_WORDS or after in RANGE_WORDS


def quantity_slots(doc: Any) -> list[Slot]:
    slots = []
    for token in doc:
        if token.ent_type_ in SKIP_ENTS or not (token.like_num or token.lower_ in NUMBER_WORDS):
            continue
        value = number_value(token)
        unit = token.head
        if value is None or token.dep_ not in ("nummod", "compound") or unit.pos_ != "NOUN" \
                or unit.i < token.i or in_range(token):
            continue
        measured = measure(value, unit.lemma_.lower())
        verb = event_of(unit)
        base = slot_base(verb)
        if measured is not None:
            dimension, amount = measured
            scope = verb.subtree if verb is not None else doc
            context = frozenset(t.lemma_.lower() for t in scope if t.pos_ == "NOUN"
                                and measure(1.0, t.lemma_.lower()) is None)
            slots.append(Slot("number", dimension, amount, f"{token.text} {unit.text}",
                              is_hedged(token), context=context, **base))
        else:
            slots.append(Slot("number", f"count of {unit.lemma_.lower()}", value,
                              f"{token.text} {unit.text}", is_hedged(token),
                              context=frozenset(), **base))
    return slots


def date_slots(doc: Any, published: str | None) -> list[Slot]:
    slots = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or published is None:
            continue
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ in STATE_PREPOSITIONS:
            continue
        resolved = resolve_date(ent.text, published)
        verb = event_of(ent.root)
        if resolved is None or verb is None or fold(verb.lemma_) in REPORTING | LIGHT_VERBS \
                or ent.text.lower() in ("today", "tonight"):
            continue
        base = slot_base(verb)
        slots.append(Slot("date", f"date of {base['event']}", resolved, ent.text, False,
                          context=frozenset(), **base))
    return slots


def attribute_slots(doc: Any) -> list[Slot]:
    """Things named with noun modifiers under an event: 'toured a fighter jet factory'."""
    slots = []
    for token in doc:
        # Plural things may be of several kinds ("drones" of two types): singular only.
        if token.tag_ != "NN" or token.dep_ not in ("dobj", "pobj", "conj", "attr"):
            continue
        modifiers = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        verb = event_of(token)
        if not modifiers or verb is None or fold(verb.lemma_) in REPORTING:
            continue
        words = frozenset(fold(m.lemma_) for m in modifiers for m in m.subtree
                          if m.pos_ == "NOUN" and m.i < token.i)
        shown = doc[min(m.left_edge.i for m in modifiers):token.i + 1].text
        slots.append(Slot("attribute", f"kind of {token.lemma_.lower()}", words, shown, False,
                          context=frozenset(), **slot_base(verb)))
    return slots


# ---- units and dates --------------------------------------------------------------------------

# Dimensions a news figure is compared in; pint also knows typographic "points" and "lines".
DIMENSIONS = {"[length]": "distance", "[time]": "duration", "[mass]": "mass",
              "[length] ** 2": "area", "[length] ** 3": "volume",
              "[length] / [time]": "speed"}
NOT_UNITS = {"point", "line", "stone", "pica", "bit", "count", "set", "degree", "second"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_PHRASE = re.compile(r"^(?:on |earlier |late |early |this |last |past )*(" +
                            "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?$")
MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b")
# Reports look back; a month-day more than this far after publication is last year's.
FUTURE_DAYS = 60


@lru_cache(maxsize=1)
def unit_registry() -> Any:
    """pint's registry takes ~0.5 s to build; built once, on first use, and never mutated."""
    import pint

    return pint.UnitRegistry()


def measure(value: float, word: str) -> tuple[str, float] | None:
    """(dimension name, value in base units) when `word` is a unit of a compared dimension."""
    if word in NOT_UNITS or not word.isalpha() and word not in ("km", "m2", "km2"):
        return None
    registry = unit_registry()
    try:
        quantity = registry.Quantity(value, registry.parse_units(word))
    except Exception:  # noqa: BLE001 - pint raises several types for "not a unit"
        return None
    name = DIMENSIONS.get(str(quantity.dimensionality))
    if name is None:
        return None
    return name, float(quantity.to_base_units().magnitude)


def resolve_date(text: str, published: str) -> str | None:
    """A weekday or month-day phrase -> ISO date, read from the article's publication date.
    A bare or "this" weekday is the latest such day on or before publication; "last" is
    strictly before (dateparser gives the previous week for the same weekday)."""
    phrase = " ".join(fold(text).replace(",", " ").split())
    base = date.fromisoformat(published)
    if phrase in ("today", "this morning", "tonight", "this evening"):
        return base.isoformat()
    if phrase in ("yesterday", "last night"):
        return (base - timedelta(days=1)).isoformat()
    match = WEEKDAY_PHRASE.match(phrase)
    if match:
        back = (base.weekday() - WEEKDAYS.index(match.group(1))) % 7
        if back == 0 and re.search(r"\b(last|past)\b", phrase):
            back = 7
        return (base - timedelta(days=back)).isoformat()
    if MONTHS.search(phrase) and re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase):
        return month_day(phrase, base)
    return None


def month_day(phrase: str, base: date) -> str | None:
    import dateparser  # type: ignore[import-untyped]

    parsed = dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        return None
    day = parsed.date()
    if not re.search(r"\b\d{4}\b", phrase):
        day = day.replace(year=base.year)
        if day > base + timedelta(days=FUTURE_DAYS):
            day = day.replace(year=base.year - 1)
    return day.isoformat()


# ---- comparing -------------------------------------------------------------------------------

def comparable(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Two slots speak of one thing: same fact, or the same event with the same actors."""
    if a.mention.article == b.mention.article:
        return False
    if a.fact == b.fact:
        return not (x.event and y.event and x.event != y.event)
    same_actors = bool(a.names & b.names) or not a.names or not b.names
    if x.kind == "number" and x.context:
        return bool(x.context & y.context) and same_actors
    if x.event != y.event or not x.event:
        return False
    if x.objects and y.objects and not (x.objects & y.objects):
        return False
    return compatible_subjects(x.subjects, y.subjects) and same_actors


def compatible_subjects(x: frozenset[str], y: frozenset[str]) -> bool:
    if not x or not y or (x & PRONOUNS) or (y & PRONOUNS):
        return True
    return bool(x & y)


def agree(x: Slot, y: Slot) -> bool:
    if x.kind == "number":
        tolerance = HEDGED_TOLERANCE if (x.hedged or y.hedged) else EXACT_TOLERANCE
        top = max(abs(x.value), abs(y.value), 1e-9)
        return abs(x.value - y.value) / top <= tolerance
    if x.kind == "date":
        return bool(x.value == y.value)
    return modifiers_agree(x.value, y.value)


def modifiers_agree(x: frozenset[str], y: frozenset[str]) -> bool:
    """More specific is not a conflict: only two differing, unrelated modifiers are."""
    if not x or not y or x & y or x <= y or y <= x:
        return True
    left, right = " ".join(sorted(x)), " ".join(sorted(y))
    return left in right or right in left or fuzz.token_set_ratio(left, right) >= \
        MODIFIER_SAME_RATIO


def bucket_conflict(bucket: list[tuple[Said, Slot]]) -> Conflict | None:
    """All slots of one kind and key. A mention disagrees with a comparable one when none of
    its slots agrees with any of the other's ("124 miles (200km)" is one position). Disagreeing
    mentions, and those agreeing with them, are grouped by value into positions."""
    by_mention: dict[str, list[tuple[Said, Slot]]] = defaultdict(list)
    for said, slot in bucket:
        by_mention[said.mention.claim or said.mention.text].append((said, slot))
    entries = list(by_mention.values())
    involved: set[int] = set()
    for i, j in combinations(range(len(entries)), 2):
        if related(entries[i], entries[j]) and not any_agree(entries[i], entries[j]):
            involved |= {i, j}
    if not involved:
        return None
    for i, j in combinations(range(len(entries)), 2):
        if (i in involved) != (j in involved) and related(entries[i], entries[j]) \
                and any_agree(entries[i], entries[j]):
            involved |= {i, j}
    groups: list[list[tuple[Said, Slot]]] = []
    for index in sorted(involved):
        entry = entries[index]
        home = next((g for g in groups if any_agree(g, entry)), None)
        if home is None:
            groups.append(list(entry))
        else:
            home.extend(entry)
    return make_conflict(groups) if len(groups) >= 2 else None


def related(x: list[tuple[Said, Slot]], y: list[tuple[Said, Slot]]) -> bool:
    return any(comparable(a, s, b, t) for a, s in x for b, t in y)


def any_agree(x: list[tuple[Said, Slot]], y: list[tuple[Said, Slot]]) -> bool:
    return any(agree(s, t) for _, s in x for _, t in y)


def shown_value(slot: Slot) -> str:
    """Dates as resolved (ISO), figures and kinds as written."""
    return str(slot.value) if slot.kind == "date" else slot.shown


def make_conflict(groups: list[list[tuple[Said, Slot]]]) -> Conflict:
    groups.sort(key=lambda g: -len({s.mention.article for s, _ in g}))
    positions = tuple(Position(
        value=shown_value(g[0][1]), text=g[0][0].mention.text,
        articles=tuple(dict.fromkeys(s.mention.article for s, _ in g))) for g in groups)
    first = groups[0][0][1]
    facts = tuple(dict.fromkeys(s.fact for g in groups for s, _ in g))
    topic = topic_of(first)
    explanation = "; ".join(f"{', '.join(p.articles)} {'say' if len(p.articles) > 1 else 'says'}"
                            f" {p.value}" for p in positions)
    digest = hashlib.sha256((topic + "|" + "|".join(sorted(facts))).encode()).hexdigest()
    return Conflict(id=f"c{digest[:10]}", kind=cast(ConflictKind, first.kind), topic=topic,
                    positions=positions, explanation=explanation,
                    confidence=confidence_of(groups), facts=facts)


def topic_of(slot: Slot) -> str:
    if slot.kind == "number" and not slot.key.startswith("count"):
        return f"{slot.key} ({slot.event})" if slot.event else slot.key
    return slot.key


def confidence_of(groups: list[list[tuple[Said, Slot]]]) -> float:
    """Lower when figures are hedged or a date rests on an inferred publication date."""
    slots = [slot for g in groups for _, slot in g]
    saids = [said for g in groups for said, _ in g]
    score = 0.8
    if any(s.hedged for s in slots):
        score -= 0.1
    if slots[0].kind == "date" and any(s.inferred_date for s in saids):
        score -= 0.2
    if len({s.fact for s in saids}) == 1:
        score += 0.1
    return round(score, 2)
