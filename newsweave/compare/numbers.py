"""Number slots: quantities with units (converted with pint to base units) and counts of a
noun ("five drones"). Durations ("10 years and six weeks") are one summed quantity.

Two figures agree within rounding (`EXACT_TOLERANCE`), or a hedge's tolerance ("about"); a
bound ("up to five minutes") agrees with any figure inside it. Counts are exact unless round.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from .dates import tally_day
from .figures import NUMBER_WORDS, figure_start, measure, number_value, word_value
from .kind import EventKind, compatible_subjects, same_actors, same_event
from .parse import event_of, slot_base
from .slots import Entry, NumberSlot, Said, Slot

# Outlets convert and round ("124 miles (200km)" is 199.6 km): 3% covers rounding to two
# significant figures without letting 10% differences through.
EXACT_TOLERANCE = 0.03
# "about", "around", "more than": outlets round such figures freely; 6 days vs "about a week"
# is 14% apart and must agree, 250 vs 200 km (20%) must not.
HEDGED_TOLERANCE = 0.16
# Counts from this size on, when round (a multiple of ten), may be an outlet's rounding.
ROUND_COUNT = 20
# Entities whose numbers are not compared: ordinals, percentages and money are out of scope;
# DATE and TIME entities are only kept when they are durations (a number of a time unit).
SKIP_ENTS = {"ORDINAL", "PERCENT", "MONEY"}
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
RANGE_WORDS = {"to", "-", "–", "and", "or", "between"}
# "two other officers", "six more projects": a part of a total, not the total itself.
# "six existing zones", "two earlier attacks": the part there before, not the total now.
PARTIAL = {"other", "more", "another", "additional", "further", "remaining", "new", "extra",
           "existing", "original", "previous", "earlier", "former"}
# "including 28 air checkpoints": one part of a list, not the total.
LISTING = {"including", "excluding", "among"}
COUNT = "count of "  # the key of a count: "count of " and the counted noun
# Entity types whose digits are no count or measure of a thing.
NOT_FIGURES = {"MONEY", "DATE", "TIME", "PERCENT", "ORDINAL"}
FIGURE = re.compile(r"\d+(?:\.\d+)?|[a-z]+")



def is_hedged(token: Any) -> bool:
    """A hedge word right before the figure ("more than 100", "up to 10", "about 25"), or
    attached to it; not one further back ("takes over all 117")."""
    doc = token.doc
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
    before = words_before(token).lower()
    strict = STRICT_BOUND.search(before) is not None
    if UPPER_BOUND.search(before):
        return "upper", strict
    return ("lower", strict) if LOWER_BOUND.search(before) else ("", False)


def bound_words(token: Any) -> str:
    """The words of the figure's bound, as written ("at least ", "almost "), or ""."""
    before = words_before(token)
    found = UPPER_BOUND.search(before.lower()) or LOWER_BOUND.search(before.lower())
    return f"{before[found.start():found.end()]} " if found else ""


def bound_fields(token: Any) -> dict[str, Any]:
    direction, strict = bound_of(token)
    near = direction == "upper" and NEAR_BOUND.search(words_before(token).lower()) is not None
    return {"bound": direction, "strict": strict, "near": near}


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
    million while the other lost $4.9 million" (one of a pair or a set)."""
    return any(c.lower_ in PARTIAL for c in unit.children if token.i < c.i < unit.i) or \
        any(c.lower_ in PARTIAL and not bound_word(c) for c in token.children) or \
        listed_part(unit) or one_of_several(token, unit)


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
    """"eight years old" is an age, "every 14 months" a frequency."""
    doc = unit.doc
    after = doc[unit.i + 1].lower_ if unit.i + 1 < len(doc) else ""
    return after == "old" or any(c.lower_ in ("every", "each", "per") for c in unit.children)


def quantity_slots(doc: Any) -> list[NumberSlot]:
    slots: list[NumberSlot] = []
    used: set[int] = set()
    for token in doc:
        if token.i in used or token.ent_type_ in SKIP_ENTS or not is_number(token):
            continue
        value = number_value(token)
        unit, first = token.head, figure_start(token)
        if value is None or token.dep_ not in ("nummod", "compound") or not countable(unit) \
                or unit.i < token.i or in_range(token) or in_range(first):
            continue
        measured = measure(value, unit.lemma_.lower())
        if measured is None and token.ent_type_ in ("DATE", "TIME"):
            continue  # "2023 elections", "the 1990s": a date, not a count
        if is_partial(token, unit) or not_an_amount(unit) or number_follows(token, unit):
            continue
        verb = event_of(unit)
        base = slot_base(verb)
        if measured is not None:
            dimension, amount = measured
            amount, end = summed(unit, dimension, amount, used)
            scope = verb.subtree if verb is not None else doc
            context = frozenset(t.lemma_.lower() for t in scope if t.pos_ == "NOUN"
                                and measure(1.0, t.lemma_.lower()) is None)
            slots.append(NumberSlot(key=dimension, value=amount,
                                    shown=bound_words(first) + doc[first.i:end + 1].text,
                                    hedged=is_hedged(first),
                                    context=context, **bound_fields(first), **base))
        else:
            slots.append(NumberSlot(key=COUNT + unit.lemma_.lower(), value=value,
                                    shown=f"{bound_words(first)}{doc[first.i:unit.i].text} "
                                          f"{unit.text}",
                                    hedged=is_hedged(first), **bound_fields(first), **base))
    return slots


def countable(unit: Any) -> bool:
    """A common noun, or a plural proper noun naming a group of people ("4,000
    Norwegians", "two Americans"): what a figure in front of it counts."""
    return unit.pos_ == "NOUN" or (unit.tag_ == "NNPS" and unit.ent_type_ == "NORP")


def hyphenated_slots(doc: Any) -> list[NumberSlot]:
    """"a seven-hour session", "a 20-year term": a figure and a unit joined by a hyphen in
    front of a noun measure that noun ("six-hour-long" too); "10-year-old" is an age."""
    slots = []
    for token in doc[:-2]:
        unit = doc[token.i + 2]
        if doc[token.i + 1].text != "-" or not is_number(token) or token.ent_type_ in SKIP_ENTS:
            continue
        value = number_value(token)
        measured = measure(value, unit.lemma_.lower()) if value is not None else None
        thing = next((t for t in unit.ancestors if t.pos_ == "NOUN" and t.i > unit.i), None)
        if measured is None or thing is None or \
                any(t.lower_ == "old" for t in doc[unit.i + 1:unit.i + 3]):
            continue
        verb = event_of(thing)
        slots.append(NumberSlot(key=measured[0], value=measured[1],
                                shown=doc[token.i:unit.i + 1].text, hedged=is_hedged(token),
                                context=frozenset({thing.lemma_.lower()}), **bound_fields(token),
                                **slot_base(verb)))
    return slots


def age_slots(doc: Any) -> list[NumberSlot]:
    """"Jane Doe, 28," and "the 28-year-old Jane Doe": a person's age, the person's name
    words as subjects (compared across statements for the same person)."""
    slots = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        age = age_after(ent) or age_before(ent)
        if age is None:
            continue
        names = frozenset(t.lower_ for t in ent if t.is_alpha)
        slots.append(NumberSlot(key="age", value=float(age.text), shown=f"{ent.text}, {age}",
                                event="", subjects=names, objects=frozenset(),
                                context=frozenset({"age"})))
    return slots


def age_after(ent: Any) -> Any:
    """The figure in "Jane Doe, 28," (a comma, a whole number of years, a comma or the end)."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    figure = doc[ent.end + 1]
    closing = doc[ent.end + 2].text if ent.end + 2 < len(doc) else ","
    return figure if figure.like_num and figure.text.isdigit() and 0 < int(figure.text) < 120 \
        and closing in {",", ".", ";", ")"} else None


def age_before(ent: Any) -> Any:
    """The figure in "the 28-year-old Jane Doe"."""
    doc = ent.doc
    start = ent.start - 5
    words = [t.lower_ for t in doc[max(start, 0):ent.start]]
    if start < 0 or words[1:] != ["-", "year", "-", "old"]:
        return None
    figure = doc[start]
    return figure if figure.text.isdigit() and 0 < int(figure.text) < 120 else None


def summed(unit: Any, dimension: str, amount: float, used: set[int]) -> tuple[float, int]:
    """'10 years and six weeks': later parts in smaller units, joined to `unit` by "and", add
    up; anything else is a list. Returns the total and the index of the last unit word."""
    end, size = unit.i, unit_size(unit)
    for conj in unit.conjuncts:
        if conj.i < unit.i:
            continue
        numbers = [c for c in conj.children if c.dep_ == "nummod" and is_number(c)]
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


class Numbers(EventKind):
    name = "number"
    reason = "the figures differ beyond rounding ({tolerance})"

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        slots = [*quantity_slots(doc), *hyphenated_slots(doc), *age_slots(doc)]
        moment = tally_day(doc, published)
        return [replace(s, moment=moment) if moment and s.key.startswith(COUNT) else s
                for s in slots]

    def across_verbs(self, x: Slot, y: Slot) -> bool:
        """One figure under two verbs of one fact: compared when they share a participant
        other than the counted things themselves ("four goats strayed" and "nine goats
        were rounded up" count two different sets)."""
        left, right = x.subjects | x.objects, y.subjects | y.objects
        shared = left & right
        if shared and shared <= counted(x):
            return False
        return compatible_subjects(left, right)

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        if x.key == "age":  # one person's age, wherever it is stated
            return bool(x.subjects & y.subjects)
        if x.key == "duration":
            # Spans of time recur in unrelated sentences ("for 10 years", "within four
            # hours"): across facts only the same event with the same actors.
            return x.event == y.event and bool(x.event) and bool(x.subjects & y.subjects) \
                and not (x.additive or y.additive)
        if x.context:
            return bool(x.context & y.context) and same_actors(a, b)
        return same_event(a, x, b, y)

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """As for any event's value, except a strict bound and its own figure ("for over 40
        years" / "for the past 40 years"): outlets write one for the other so often (4 of 5
        such pairs in the labelled dev stories are not disagreements) that the pair is only
        a possible difference, listed but not shown."""
        if own_figure(x, y) or own_figure(y, x):  # type: ignore[arg-type]
            return False
        return super().comparable(a, x, b, y)

    def agree(self, a: Said, x: NumberSlot, b: Said, y: NumberSlot) -> bool:
        """The bounds policy: two bounds of one direction agree only on one figure ("up to 10
        years" vs "up to 23 years" disagree); bounds of two directions agree when they
        overlap; a bound and a figure agree when the figure satisfies it ("up to five
        minutes" and "about 3.5 minutes" do; "more than four days" and "four days" do not).
        Figures agree within rounding, or a hedge's tolerance ("about"); counts are exact
        unless hedged or round."""
        if states_both(b, x, y) or states_both(a, y, x):
            return True  # "won 10 seats" / "contested 21 seats and won 10"
        if x.moment and y.moment and x.moment != y.moment:
            return True  # a running count on two days: "as of Monday, 9" / "by Tuesday, 17"
        tolerance = HEDGED_TOLERANCE if vague(x) or vague(y) else EXACT_TOLERANCE
        if x.bound and y.bound:
            if x.bound == y.bound:
                return close(x.value, y.value, tolerance)
            lower, upper = (x, y) if x.bound == "lower" else (y, x)
            strict = lower.strict or upper.strict  # "over 900,000" and "just under 900,000"
            return lower.value < upper.value if strict else lower.value <= upper.value
        if x.bound or y.bound:
            bound, figure = (x, y) if x.bound else (y, x)
            return satisfies(figure.value, bound, tolerance if vague(figure) else 0.0)
        if x.key.startswith("count") and (rounds_to(x.value, y.value) or
                                          rounds_to(y.value, x.value)):
            return True  # "an average of six friends" is "6.49 friends" rounded
        if x.key.startswith("count") and tolerance == EXACT_TOLERANCE and \
                not (rounded(x.value) or rounded(y.value)):
            return x.value == y.value  # 114 vs 117 checkpoints: counts are exact
        return close(x.value, y.value, tolerance)

    def same_value(self, x: Entry, y: Entry) -> bool:
        """One figure with one bound ("more than four days" is not "four days")."""
        return any((s.value, s.bound, s.strict) == (t.value, t.bound, t.strict)  # type: ignore
                   for _, s in x for _, t in y)

    def topic(self, slots: list[Slot]) -> str:
        slot = slots[0]
        event = next((s.event for s in slots if s.event), "")
        if slot.key.startswith("count"):
            return slot.key
        return f"{slot.key} ({event})" if event else slot.key

    def explain(self, slots: list[Slot]) -> str:
        if any(getattr(s, "bound", "") for s in slots):
            return "the bounds leave no figure both can hold (bounds policy)"
        hedged = any(s.hedged for s in slots)
        tolerance = f"{(HEDGED_TOLERANCE if hedged else EXACT_TOLERANCE):.0%} allowed" + \
            (", figures hedged" if hedged else "")
        return self.reason.format(tolerance=tolerance)


def written_figures(doc: Any) -> frozenset[float]:
    """The figures a statement writes as counts or measures, in digits or words; amounts of
    money, dates, times, percentages and ordinals are other things."""
    return frozenset(value for token in doc if is_number(token)
                     and token.ent_type_ not in NOT_FIGURES
                     and (value := number_value(token)) is not None)


def written_figure(shown: str) -> float | None:
    """The one figure a slot's words write ("2,100 tonnes" -> 2100, "six days" -> 6); None
    for a sum ("two years and three months") or no figure."""
    values = {v for w in FIGURE.findall(shown.lower().replace(",", ""))
              if (v := word_value(w)) is not None}
    return values.pop() if len(values) == 1 else None


def states_both(other: Said, mine: NumberSlot, theirs: NumberSlot) -> bool:
    """The other statement writes my figure too, beside its own different one ("won 10 seats"
    / "contested 21 seats and won 10"): it gives two figures of two things, and contradicts
    neither. On the tune half of the labelled stories such pairs were all false alarms."""
    figure = written_figure(mine.shown)
    return figure is not None and figure != written_figure(theirs.shown) \
        and figure in other.figures


def counted(slot: Slot) -> frozenset[str]:
    """The noun a count counts ("count of goat" -> goat); nothing for measures."""
    return frozenset({slot.key.removeprefix(COUNT)}) if slot.key.startswith(COUNT) \
        else frozenset()


def own_figure(bound: NumberSlot, figure: NumberSlot) -> bool:
    """`bound` is a strict bound whose figure is `figure`, stated plainly ("more than 150" and
    "150")."""
    return bound.bound != "" and bound.strict and not figure.bound and \
        close(bound.value, figure.value, EXACT_TOLERANCE)


def rounds_to(whole: float, fraction: float) -> bool:
    """`whole` is a whole number and `fraction`, a figure with decimals, rounds to it."""
    return whole.is_integer() and not fraction.is_integer() and \
        math.floor(fraction + 0.5) == whole


def vague(slot: NumberSlot) -> bool:
    """"about 25", "some 40 people": hedged, but not a bound."""
    return slot.hedged and not slot.bound


def close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) / max(abs(x), abs(y), 1e-9) <= tolerance


def satisfies(value: float, bound: NumberSlot, tolerance: float) -> bool:
    """`value` lies inside the bound (a vague figure within its tolerance)."""
    if bound.bound == "upper":
        if bound.near and value < bound.value * (1 - HEDGED_TOLERANCE - tolerance):
            return False  # "nearly 900" is not 600
        limit = bound.value * (1 + tolerance)
        return value < limit if bound.strict and not tolerance else value <= limit
    limit = bound.value * (1 - tolerance)
    return value > limit if bound.strict and not tolerance else value >= limit


def rounded(value: float) -> bool:
    """A round count ("about 1,200", "300 people") may be rounded by an outlet; others are
    stated exactly."""
    return value >= ROUND_COUNT and value % 10 == 0
