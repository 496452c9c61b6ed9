"""Statements -> ages of people named by a noun, not a name: "a 34-year-old man", "the
47-year-old driver", "a man, 34,", "the victim, aged 45,", "the driver, who was 45,". Local
reports name a suspect or a victim by age and noun long before (or instead of) a name, and
outlets copy the age wrong. Such an age is compared only within one fact, with the age of the
same noun under the same verb: two
facts may speak of two men, and one fact of two motorcyclists, one killed and one taken to
hospital. Ages of named people ("Jane Doe, 28,", "Jane Doe, aged 28,") are `named_age_slots`,
compared for one person wherever stated. Compared by `numbers.Numbers`, exactly.
"""

from __future__ import annotations

from typing import Any

from .number_slots import in_range
from .parse import event_of, slot_base
from .slots import NumberSlot

AGE_OF = "age of "  # the key: "age of " and the noun ("age of man")
OLDEST = 120
# What closes an age set off after a noun or a name ("a man, 34, was", "Jane Doe, 28.").
CLOSING = {",", ".", ";", ")"}


def unnamed_age_slots(doc: Any) -> list[NumberSlot]:
    slots = []
    for token in doc:
        found = hyphenated_age(token) or appositive_age(token) or aged_noun(token) or \
            relative_age(token)
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


def aged_noun(figure: Any) -> tuple[Any, Any, str] | None:
    """"the victim, aged 45,", "a man aged 45": the figure after "aged" that a noun takes;
    not the ages of a group ("two men, aged 21 and 22")."""
    aged = figure.head
    noun = aged.head
    if not an_age(figure) or aged.lower_ != "aged" or aged.i != figure.i - 1 or \
            noun.tag_ != "NN" or any(c.dep_ == "conj" for c in figure.children) or \
            in_range(figure):
        return None  # one person's age, not a group's ("women aged 21 to 37")
    return figure, noun, f"{noun.text}, aged {figure.text}"


def relative_age(figure: Any) -> tuple[Any, Any, str] | None:
    """"the driver, who was 45, died": an age in a relative clause on a noun."""
    noun = figure.doc[figure.i - 4] if figure.i >= 4 else None
    if noun is None or noun.tag_ != "NN" or age_in_clause(noun.doc, noun.i + 1) != figure:
        return None
    return figure, noun, f"{noun.text}, who {figure.doc[figure.i - 1].text} {figure.text}"


def age_in_clause(doc: Any, comma: int) -> Any:
    """The figure of ", who is 28," or ", who was 28 years old," starting at `comma`."""
    if comma + 3 >= len(doc) or doc[comma].text != "," or doc[comma + 1].lower_ != "who" or \
            doc[comma + 2].lemma_ != "be":
        return None
    figure = doc[comma + 3]
    after = comma + 4
    if [t.lower_ for t in doc[after:after + 2]] == ["years", "old"]:
        after += 2
    closing = doc[after].text if after < len(doc) else ","
    return figure if an_age(figure) and closing in CLOSING else None


def appositive_age(figure: Any) -> tuple[Any, Any, str] | None:
    """"a man, 34, was arrested": a figure set off by commas after a noun."""
    doc = figure.doc
    noun = figure.head
    if figure.dep_ != "appos" or noun.pos_ != "NOUN" or not an_age(figure) or \
            figure.i < 1 or doc[figure.i - 1].text != "," or \
            (figure.i + 1 < len(doc) and doc[figure.i + 1].text not in CLOSING):
        return None
    return figure, noun, f"{noun.text}, {figure.text}"


def named_age_slots(doc: Any) -> list[NumberSlot]:
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
    """The figure in "Jane Doe, 28,", "Jane Doe, aged 28," or "Jane Doe, who is 28," (a
    comma, a whole number of years, a comma or the end)."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    in_clause = age_in_clause(doc, ent.end)
    if in_clause is not None:
        return in_clause
    at = ent.end + 2 if doc[ent.end + 1].lower_ == "aged" else ent.end + 1
    if at >= len(doc):
        return None
    figure = doc[at]
    closing = doc[at + 1].text if at + 1 < len(doc) else ","
    return figure if an_age(figure) and closing in CLOSING else None


def age_before(ent: Any) -> Any:
    """The figure in "the 28-year-old Jane Doe"."""
    doc = ent.doc
    start = ent.start - 5
    words = [t.lower_ for t in doc[max(start, 0):ent.start]]
    if start < 0 or words[1:] != ["-", "year", "-", "old"]:
        return None
    return doc[start] if an_age(doc[start]) else None
