"""Statements -> number slots: quantities with units (converted with pint to base units), counts
of a noun ("five drones", "a 330-room hotel"), intervals ("every 14 months") and rates ("10,000
passengers per hour"); house numbers are `address_slots`', ages `age_slots`'. Durations ("10
years and six weeks") are one summed quantity; a figure's bound ("up to", "more than") and
hedge ("about") are kept with it. Compared by `numbers.Numbers`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..words import UNNARROWING
from .address_slots import address_slots
from .claims import negated, subject_of
from .dates import tally_day
from .figures import (
    MULTIPLIERS,
    NUMBER_WORDS,
    as_speed,
    figure_start,
    measure,
    measure_unit,
    multiplied_after,
    number_value,
    per_time,
    unit_of,
    word_value,
)
from .parse import event_of, slot_base
from .rating_slots import is_rating
from .slots import NumberSlot

# A counted noun is a word: two letters in a row at least ("m." of "7 a. m." is not one).
WORD = re.compile(r"[^\W\d_]{2}")
# Entities whose numbers are no quantities: ordinals, percentages and money have readers of
# their own (`ordinal_slots`, `percent_slots`, `money_slots`);
# DATE and TIME entities are only kept when they are durations (a number of a time unit).
SKIP_ENTS = {"ORDINAL", "PERCENT", "MONEY"}
# A unit that is a weight as often as money: `money_slots` leaves it, so it is read here as a
# weight even where the tagger calls it money ("raised 61 pounds" / "81 pounds" still differ).
WEIGHT_OR_MONEY = {"pound", "pounds"}
HEDGES = {"about", "approximately", "around", "roughly", "nearly", "almost", "some", "over",
          "more", "less", "fewer", "up", "least", "most", "estimated", "approx", "circa",
          "under", "than", "close", "within"}
# Bounds just below their figure: "nearly three hours" is less than three, but not much less.
NEAR = r"nearly|almost|just under|just shy of"
NEAR_BOUND = re.compile(rf"\b(?:{NEAR})$")
UPPER_BOUND = re.compile(r"\b(?:up to|at most|no more than|less than|fewer than|under|"
                         rf"within|as many as|{NEAR})$")
LOWER_BOUND = re.compile(r"\b(?:(?<!no )more than|at least|over|above|upwards of)$")
# Bounds that exclude their figure: "more than four days" is not four days.
STRICT_BOUND = re.compile(r"\b(?:(?<!no )more than|less than|fewer than|under|over|above|"
                          rf"{NEAR})$")
# Words inside a hedge phrase: "up to", "at least", "as many as".
HEDGE_LINKS = {"to", "at", "as", "many", "much"}
# Subjects that deny the verb: "none of the teams offered more than eight years".
NEGATIVE_SUBJECTS = {"none", "nobody", "neither", "nothing", "no-one"}
RANGE_WORDS = {"to", "-", "–", "and", "or", "between"}
# "two other officers", "six more projects": a part of a total, not the total itself.
# "six existing zones", "two earlier attacks": the part there before, not the total now.
PARTIAL = {"other", "more", "another", "additional", "further", "remaining", "new", "extra",
           "existing", "original", "previous", "earlier", "former"}
# "including 28 air checkpoints": one part of a list, not the total.
LISTING = {"including", "excluding", "among"}
COUNT = "count of "  # the key of a count: "count of " and the counted noun
INTERVAL = "interval"  # the key of a span of time that repeats ("every 14 months")
# Entity types whose digits are no count or measure of a thing.
NOT_FIGURES = {"MONEY", "DATE", "TIME", "PERCENT", "ORDINAL"}
# Words after a span of time that make it a moment: "four years ago", "nine days earlier",
# "three years later" (the tagger calls "later" a comparative or not).
OFFSET_WORDS = {"ago", "previously", "earlier", "later"}
COMPARATIVES = {"RBR", "JJR"}  # "five rounds sooner", "12 km longer", "nine days earlier"
# Determiners making a noun after a figure its rate's measure: "500 tonnes a day".
EACH_ONE = {"a", "an", "each", "every"}
FIGURE = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


def number_slots(doc: Any, published: str | None) -> list[NumberSlot]:
    """Every number slot of a parsed statement; counts given "as of" a day carry that day."""
    slots = [*quantity_slots(doc), *hyphenated_slots(doc), *address_slots(doc)]
    moment = tally_day(doc, published)
    return [replace(s, moment=moment) if moment and s.key.startswith(COUNT) else s
            for s in slots]


def is_hedged(token: Any) -> bool:
    """A hedge word right before the figure ("more than 100", "up to 10", "about 25"), or
    attached to it; not one further back ("takes over all 117")."""
    doc = token.doc
    if spread_over(token):
        return False
    near, i = set(), token.i - 1
    while i >= max(token.i - 3, 0) and doc[i].lower_ in HEDGES | HEDGE_LINKS:
        near.add(doc[i].lower_)
        i -= 1
    near |= {c.lower_ for c in token.children} | {c.lower_ for c in token.head.children
                                                  if c.dep_ in ("advmod", "quantmod")}
    return bool(near & HEDGES)


def words_before(token: Any) -> str:
    """The three words before a figure, as written: where its bound is ("up to", "almost")."""
    return " ".join(t.text for t in token.doc[max(token.i - 3, 0):token.i])


def bound_of(token: Any) -> tuple[str, bool]:
    """"up to five minutes" is at most five, "more than 100" above 100: the direction
    ("upper", "lower" or "") and whether the figure itself is excluded."""
    if spread_over(token):
        return "", False
    before = words_before(token).lower()
    strict = STRICT_BOUND.search(before) is not None
    if UPPER_BOUND.search(before):
        return "upper", strict
    return ("lower", strict) if LOWER_BOUND.search(before) else ("", False)


def spread_over(token: Any) -> bool:
    """"bid $160 million over eight years", "rain fell over three days": "over" is a
    preposition whose object is a span of time the figure counts, the stretch a thing is
    spread across, not a bound on the figure ("lasted over eight hours", "over 200 people",
    where it modifies the figure; "jailed over 10 times", not a span of time)."""
    word, unit = (token.doc[token.i - 1] if token.i else None), token.head
    if word is None or word.lower_ != "over" or word.dep_ != "prep":
        return False
    span = measure(1.0, unit.lemma_.lower()) if unit.pos_ == "NOUN" else None
    return unit.dep_ == "pobj" and unit.head.i == word.i and span is not None \
        and span[0] == "duration"


def bound_words(token: Any) -> str:
    """The words of the figure's bound, as written ("at least ", "almost "), or ""."""
    before = words_before(token)
    found = UPPER_BOUND.search(before.lower()) or LOWER_BOUND.search(before.lower())
    return f"{before[found.start():found.end()]} " if found else ""


def bound_fields(token: Any) -> dict[str, Any]:
    direction, strict = bound_of(token)
    if strict and direction and negated_figure(token):
        # "none offered more than eight years": at most eight; "not fewer than 10": at least
        direction, strict = ("upper" if direction == "lower" else "lower"), False
    near = direction == "upper" and NEAR_BOUND.search(words_before(token).lower()) is not None
    return {"bound": direction, "strict": strict, "near": near}


def negated_figure(token: Any) -> bool:
    """The figure's verb is denied ("has not offered", "no team offered", "none of them
    offered")."""
    verb = event_of(token)
    if verb is None or verb.pos_ != "VERB":
        return False
    return negated(verb, verb) or any(s.lower_ in NEGATIVE_SUBJECTS for s in subject_of(verb))


def is_number(token: Any) -> bool:
    """A figure or a number word; a capitalised number word inside a sentence is part of a
    name ("One Pass applications", "Formula One"), not a count."""
    if token.is_alpha and token.is_title and not token.is_sent_start:
        return False
    return bool(token.like_num or token.lower_ in NUMBER_WORDS)


def in_range(token: Any) -> bool:
    """Part of "15 to 20km", "two or three tries", "lanes 1 and 2" or a "five-lane" modifier:
    not one figure. "sentenced to 10 years" is one figure."""
    doc = token.doc

    def at(i: int) -> Any:
        return doc[i] if 0 <= i < len(doc) else None

    before, after = at(token.i - 1), at(token.i + 1)
    if after is not None and after.text == "-":
        return True
    for word, beyond in ((before, at(token.i - 2)), (after, at(token.i + 2))):
        # "on Jan. 23 to two years": a day of a month is not the other end of a range.
        if word is not None and word.lower_ in RANGE_WORDS and beyond is not None \
                and is_number(beyond) and beyond.head.pos_ != "PROPN":
            return True
    # "between two years and three months and two years and six months": the second end is
    # far from "between" but still under it.
    return any(t.lower_ == "between" for t in doc[max(token.i - 4, 0):token.i]) or \
        any(t.lower_ == "between" for t in token.head.ancestors)


def number_follows(token: Any, unit: Any) -> bool:
    """"Avenue 5 three months later": another figure of the same noun comes right after, so
    this one belongs to what precedes it (an address, a name), not to the amount."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.head.i == unit.i and following.dep_ == "nummod" \
        and is_number(following)


def is_partial(token: Any, unit: Any) -> bool:
    """"two other officers", "six more projects" (the parser hangs "more" on the number),
    "including 28 air checkpoints" (a part listed, not the total), "one victim lost $1
    million while the other lost $4.9 million" (one of a pair or a set), "killed 12 people in
    Vietnam and 4 in Laos" (parts, the noun left out of the next)."""
    return any(c.lower_ in PARTIAL for c in unit.children if token.i < c.i < unit.i) or \
        any(c.lower_ in PARTIAL and not bound_word(c) for c in token.children) or \
        listed_part(unit) or one_of_several(token, unit) or elided_parts(unit)


def elided_parts(unit: Any) -> bool:
    """A bare figure coordinated after the counted noun stands for another part of it ("12
    people in Vietnam and 4 in Laos"), however the parser hangs it."""
    return any(t.dep_ == "conj" and is_number(t) and t.head.i in (unit.i, unit.head.i)
               and t.doc[t.i - 1].lower_ in ("and", ",") for t in unit.sent if t.i > unit.i)


def one_of_several(token: Any, unit: Any) -> bool:
    """"One X ..., the other ..." / "one X ... and another ...": a count of one that the
    sentence goes on to set beside another member of the same group."""
    if token.lower_ not in ("one", "1"):
        return False
    after = [t for t in token.sent if t.i > unit.i]
    return any(t.lower_ == "another" or (t.lower_ == "other" and t.i > 0
                                         and t.doc[t.i - 1].lower_ == "the") for t in after)


def bound_word(token: Any) -> bool:
    """"more than 100": "more" makes a bound here, not a part of a total."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "than"


def listed_part(unit: Any) -> bool:
    for node in unit.ancestors:
        if node.lower_ in LISTING:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def not_an_amount(unit: Any) -> bool:
    """"eight years old" is an age, "one in every 10 people" a rate; "every 14 months" is an
    interval (`interval_of`); "one day at a time", "two steps at a time" a pace."""
    doc = unit.doc
    after = [t.lower_ for t in doc[unit.i + 1:unit.i + 4]]
    return after[:1] == ["old"] or after == ["at", "a", "time"] or \
        any(c.lower_ in ("every", "each", "per") for c in unit.children)


def offset_or_difference(unit: Any) -> bool:
    """"promoted four years ago", "a heart attack nine days earlier": a span that places an
    event in time is a moment, not how long anything lasted; "five rounds sooner", "12 km
    longer" is a difference between two amounts, not an amount."""
    return unit.dep_ == "npadvmod" and (unit.head.lower_ in OFFSET_WORDS
                                        or unit.head.tag_ in COMPARATIVES)


def whole_of_a_part(unit: Any) -> bool:
    """"28 of his 68 punches", "two of the three victims died": what the verb says is of the
    part; the whole it is taken from is another figure."""
    of = unit.head
    return unit.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i \
        and is_number(of.head)


def interval_of(unit: Any, dimension: str) -> str:
    """"every 14 months", "a train every two to three minutes": a span of time that repeats
    is an interval, compared with intervals only ("" for anything else)."""
    if dimension == "duration" and any(c.lower_ == "every" for c in unit.children):
        return INTERVAL
    return ""


def quantity_slots(doc: Any) -> list[NumberSlot]:
    slots: list[NumberSlot] = []
    used: set[int] = set()
    for token in doc:
        if token.i in used or not is_number(token) or multiplied_after(token) or \
                is_rating(token):
            continue
        value = number_value(token)
        unit, first = unit_of(token), figure_start(token)
        if token.ent_type_ in SKIP_ENTS and unit.lower_ not in WEIGHT_OR_MONEY:
            continue
        if value is None or token.dep_ not in ("nummod", "compound") or not countable(unit) \
                or unit.i < token.i or in_range(token) or in_range(first):
            continue
        measured = measure_unit(value, unit)
        if measured is None and token.ent_type_ in ("DATE", "TIME"):
            continue  # "2023 elections", "the 1990s": a date, not a count
        if measured is None and not WORD.search(unit.text):
            continue  # "7 a. m.", a time written apart: a count names its noun in a word
        interval = interval_of(unit, measured[0]) if measured is not None else ""
        rate = rate_of(unit)
        if is_partial(token, unit) or number_follows(token, unit) or \
                offset_or_difference(unit) or whole_of_a_part(unit) or \
                (not (interval or rate) and not_an_amount(unit)):
            continue
        verb = event_of(unit)
        if measured is not None:
            amount, end = summed(unit, measured[0], measured[1], used)
            end += 2 if per_time(doc[end]) else 0  # "120 km / h"
            scope = verb.subtree if verb is not None else doc
            context = frozenset(t.lemma_.lower() for t in scope if t.pos_ == "NOUN"
                                and measure(1.0, t.lemma_.lower()) is None)
            key, shown = (interval or measured[0]), doc[first.i:end + 1].text
            key, amount, shown, rate = as_speed(key, amount, shown, rate)
        else:
            amount, context = value, frozenset()
            key, shown = COUNT + unit.lemma_.lower(), f"{doc[first.i:unit.i].text} {unit.text}"
        slots.append(NumberSlot(key=key + rate, value=amount, narrowed=narrowing(unit, token),
                                shown=bound_words(first) + shown + rate, of=thing_of(unit),
                                hedged=is_hedged(first), context=context,
                                **bound_fields(first), **slot_base(verb)))
    return slots


def narrowing(unit: Any, figure: Any) -> frozenset[str]:
    """Adjectives and participles that narrow what the unit counts ("627 severe cases", "5
    incidents involving knives"): such a count is of a part, not of the whole a bare count
    gives. Words placing it in time ("recent") or picking the leading ones ("top", "largest")
    narrow nothing."""
    return frozenset(c.lemma_.lower() for c in unit.children if c.i != figure.i and (
        c.dep_ == "amod" and c.pos_ == "ADJ" and c.tag_ != "JJS" and c.ent_type_ not in
        NOT_FIGURES and c.lemma_.lower() not in UNNARROWING or c.dep_ == "acl" and c.tag_ == "VBG"))


def thing_of(unit: Any) -> str:
    """What "of" after the unit says is counted or measured, with the words that say which
    ("4 days of annual leave" -> "annual leave", "5 cases of dengue" -> "dengue"); "" when
    nothing follows."""
    for child in unit.children:
        if child.lower_ == "of" and child.i == unit.i + 1:
            thing = next((t for t in child.children if t.dep_ == "pobj"), None)
            if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
                which = [t.lemma_.lower() for t in thing.children
                         if t.dep_ in ("amod", "compound") and t.i < thing.i]
                return " ".join([*which, thing.lemma_.lower()])
    return ""


def rate_of(unit: Any) -> str:
    """" per hour" of "10,000 passengers per hour", "80 km per hour" and "15,000 passengers
    an hour": a figure per something is a rate, compared with rates of that something only
    ("" for anything else)."""
    for child in unit.children:
        if child.i < unit.i:
            continue
        if child.lower_ == "per":
            thing = next((t for t in child.children if t.dep_ == "pobj"), None)
            if thing is not None:
                return f" per {thing.lemma_.lower()}"
    return per_time_after(unit)


def per_time_after(unit: Any) -> str:
    """" per hour" of "15,000 passengers an hour", "500 tonnes a day": a unit of time right
    after the unit, with "a", "each" or "every", is what the figure is a rate of (read from
    the words: the parser hangs "an hour" on the noun or on the verb)."""
    doc = unit.doc
    if unit.i + 2 >= len(doc) or doc[unit.i + 1].lower_ not in EACH_ONE:
        return ""
    time = doc[unit.i + 2]
    found = measure(1.0, time.lemma_.lower()) if time.pos_ == "NOUN" else None
    return f" per {time.lemma_.lower()}" if found is not None and found[0] == "duration" \
        else ""


def countable(unit: Any) -> bool:
    """A common noun, or a plural proper noun naming a group of people ("4,000
    Norwegians", "two Americans"): what a figure in front of it counts."""
    if unit.lower_ in MULTIPLIERS:  # "2 lakh people": "2" counts no lakhs
        return False
    return unit.pos_ == "NOUN" or (unit.tag_ == "NNPS" and unit.ent_type_ == "NORP")


def hyphenated_slots(doc: Any) -> list[NumberSlot]:
    """"a seven-hour session", "a 20-year term": a figure and a unit joined by a hyphen in
    front of a noun measure that noun ("six-hour-long" too); "10-year-old" is an age. "a
    330-room resort", "a 10-member panel": a figure and a common noun count that noun, from
    two on ("one-stop", "one-way" are idioms)."""
    slots = []
    for token in doc[:-2]:
        unit = doc[token.i + 2]
        if doc[token.i + 1].text != "-" or not is_number(token) or \
                token.ent_type_ in SKIP_ENTS or is_rating(token):
            continue
        value = number_value(token)
        measured = measure_unit(value, unit) if value is not None else None
        thing = next((t for t in unit.ancestors if t.pos_ == "NOUN" and t.i > unit.i), None)
        if value is None or thing is None or \
                any(t.lower_ == "old" for t in doc[unit.i + 1:unit.i + 3]):
            continue
        if measured is not None:
            key, amount, context = measured[0], measured[1], frozenset({thing.lemma_.lower()})
        elif value >= 2 and unit.is_alpha and unit.is_lower and unit.pos_ == "NOUN":
            key, amount, context = COUNT + unit.lemma_.lower(), value, frozenset()
        else:
            continue
        slots.append(NumberSlot(key=key, value=amount, shown=doc[token.i:unit.i + 1].text,
                                hedged=is_hedged(token), context=context, **bound_fields(token),
                                **slot_base(event_of(thing))))
    return slots


def summed(unit: Any, dimension: str, amount: float, used: set[int]) -> tuple[float, int]:
    """'10 years and six weeks': later parts in smaller units, joined to `unit` by "and", add
    up; anything else is a list. Returns the total and the index of the last unit word."""
    end, size = unit.i, unit_size(unit)
    for conj in unit.conjuncts:
        if conj.i < unit.i:
            continue
        numbers = [c for c in conj.children if c.dep_ == "nummod" and is_number(c)]
        if numbers and is_hedged(numbers[0]):
            break  # "four days and more than 30 hours of deliberations": two things
        value = number_value(numbers[0]) if numbers else None
        part = measure(value, conj.lemma_.lower()) if value is not None else None
        if part is None or part[0] != dimension or unit_size(conj) >= size:
            break
        amount += part[1]
        used.add(numbers[0].i)
        end, size = conj.i, unit_size(conj)
    if end == unit.i:
        return smaller_part_after(unit, dimension, amount, used)
    return amount, end


def smaller_part_after(unit: Any, dimension: str, amount: float, used: set[int]
                       ) -> tuple[float, int]:
    """"two years and three months' jail": the parser hangs the second part on "jail", not
    on "years"; the words still say one span."""
    doc = unit.doc
    if unit.i + 3 >= len(doc) or doc[unit.i + 1].lower_ != "and" \
            or not is_number(doc[unit.i + 2]):
        return amount, unit.i
    number, word = doc[unit.i + 2], doc[unit.i + 3]
    value = number_value(number)
    part = measure(value, word.lemma_.lower()) if value is not None else None
    if part is None or part[0] != dimension or unit_size(word) >= unit_size(unit):
        return amount, unit.i
    used.add(number.i)
    return amount + part[1], word.i


def unit_size(word: Any) -> float:
    found = measure(1.0, word.lemma_.lower())
    return found[1] if found else 0.0


def written_figures(doc: Any) -> frozenset[float]:
    """The figures a statement writes as counts or measures, in digits or words; amounts of
    money, dates, times, percentages and ordinals are other things."""
    return frozenset(value for token in doc if is_number(token)
                     and token.ent_type_ not in NOT_FIGURES
                     and (value := number_value(token)) is not None)


def written_figure(shown: str) -> float | None:
    """The one figure a slot's words write ("2,100 tonnes" -> 2100, "six days" -> 6); None
    for a sum ("two years and three months") or no figure."""
    values: list[float] = []
    for word in FIGURE.findall(shown.lower().replace(",", "")):
        value = word_value(word)
        if value is None:
            continue
        if word in MULTIPLIERS and values:
            values[-1] *= value  # "55.3 million": one figure, 55,300,000
        else:
            values.append(value)
    return values[0] if len(set(values)) == 1 else None
