"""Statements -> ages of people named by a noun, not a name: "a 34-year-old man", "the
47-year-old driver", "a man, 34,". Local reports name a suspect or a victim by age and noun
long before (or instead of) a name, and outlets copy the age wrong. Such an age is compared only
within one fact, with the age of the same noun under the same verb: two facts may speak of two
men, and one fact of two motorcyclists, one killed and one taken to hospital. Ages of named
people are `number_slots.age_slots`. Compared by `numbers.Numbers`, exactly.
"""

from __future__ import annotations

from typing import Any

from .parse import event_of, slot_base
from .slots import NumberSlot

AGE_OF = "age of "  # the key: "age of " and the noun ("age of man")
OLDEST = 120


def unnamed_age_slots(doc: Any) -> list[NumberSlot]:
    slots = []
    for token in doc:
        found = hyphenated_age(token) or appositive_age(token)
        if found is None:
            continue
        figure, noun, shown = found
        event = slot_base(event_of(noun))["event"]
        slots.append(NumberSlot(key=AGE_OF + noun.lemma_.lower(), value=float(figure.text),
                                shown=shown, event=event,
                                subjects=frozenset({noun.lemma_.lower()}),
                                objects=frozenset(), context=frozenset({"age"})))
    return slots


def an_age(token: Any) -> bool:
    return token.text.isdigit() and 0 < int(token.text) < OLDEST


def hyphenated_age(old: Any) -> tuple[Any, Any, str] | None:
    """"a 34-year-old man": the figure, the noun and the words shown; None when the age
    is of a name ("the 28-year-old Jane Doe", `age_slots`) or of no noun."""
    doc = old.doc
    start = old.i - 4
    if old.lower_ != "old" or start < 0 or \
            [t.lower_ for t in doc[start + 1:old.i]] != ["-", "year", "-"]:
        return None
    figure, noun = doc[start], old.head
    if not an_age(figure) or old.dep_ != "amod" or noun.pos_ != "NOUN":
        return None
    return figure, noun, f"{figure.text}-year-old {noun.text}"


def appositive_age(figure: Any) -> tuple[Any, Any, str] | None:
    """"a man, 34, was arrested": a figure set off by commas after a noun."""
    doc = figure.doc
    noun = figure.head
    if figure.dep_ != "appos" or noun.pos_ != "NOUN" or not an_age(figure) or \
            figure.i < 1 or doc[figure.i - 1].text != "," or \
            (figure.i + 1 < len(doc) and doc[figure.i + 1].text not in {",", ".", ";", ")"}):
        return None
    return figure, noun, f"{noun.text}, {figure.text}"
