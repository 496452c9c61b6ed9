"""What a written figure is worth: digits and number words, multiplied out when written in
words ("1.8 million", "three hundred", "two dozen"), and units read with pint."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..words import NUMBER_WORDS as WORD_VALUES

# Number words that multiply the figure written next to them; "lakh" and "crore" are the
# hundred thousand and ten million of South Asian numbering ("2 lakh people" is 200,000).
MULTIPLIERS = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6,
               "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
               "crores": 1e7}
NUMBER_WORDS = {w: float(v) for w, v in WORD_VALUES.items()} | MULTIPLIERS
# How the parser hangs the parts of one figure together ("1.8" compound of "million", "dozen"
# quantmod of "four").
FIGURE_DEPS = {"compound", "quantmod", "nummod"}
# Dimensions a news figure is compared in; pint also knows typographic "points" and "lines".
DIMENSIONS = {"[length]": "distance", "[time]": "duration", "[mass]": "mass",
              "[length] ** 2": "area", "[length] ** 3": "volume",
              "[length] / [time]": "speed"}
NOT_UNITS = {"point", "line", "stone", "pica", "bit", "count", "set", "degree", "second",
             # pint's attometre and picometre are "3 am" and "3 pm"; metres a second are "20
             # MPs" (members of parliament); "Dr", "Rd", "Ms" are titles and roads
             "am", "pm", "mps", "dr", "rd", "ms",
             # old measures that news uses as common nouns: "three shots", "two bags of cash",
             # "one chain of command", "two leagues below", "the first two quarters"
             "shot", "bag", "chain", "link", "rod", "pole", "perch", "hand", "league", "barn",
             "grain", "quarter"}
# Speeds written as one word, in the units pint reads ("120 km/h", "90kmh", "70 mph").
SPEEDS = {"km/h": "kilometer / hour", "kmh": "kilometer / hour", "kph": "kilometer / hour",
          "km/hr": "kilometer / hour", "mph": "mile / hour", "m/s": "meter / second"}
# Time words after a slash: "120 km / h" is the speed "km/h".
PER_TIME = {"h": "h", "hr": "h", "hour": "h", "s": "s"}


@lru_cache(maxsize=1)
def unit_registry() -> Any:
    """pint's registry takes ~0.5 s to build; built once, on first use, and never mutated."""
    import pint

    return pint.UnitRegistry()


def measure(value: float, word: str) -> tuple[str, float] | None:
    """(dimension name, value in base units) when `word` is a unit of a compared dimension."""
    if word in NOT_UNITS or not word.isalpha() and word not in ("km", "m2", "km2", *SPEEDS):
        return None
    registry = unit_registry()
    try:
        quantity = registry.Quantity(value, registry.parse_units(SPEEDS.get(word, word)))
    except Exception:  # noqa: BLE001 - pint raises several types for "not a unit"
        return None
    name = DIMENSIONS.get(str(quantity.dimensionality))
    if name is None:
        return None
    return name, float(quantity.to_base_units().magnitude)


def per_time(unit: Any) -> str:
    """"h" when a slash and a time word follow the unit ("120 km / h"), else ""."""
    doc = unit.doc
    if unit.i + 2 < len(doc) and doc[unit.i + 1].text == "/":
        return PER_TIME.get(doc[unit.i + 2].lower_, "")
    return ""


# Words that raise a length unit to an area or a volume ("19,000 square feet", "5 sq km").
POWERS = {"square": 2, "sq": 2, "cubic": 3, "cu": 3}
RAISED = {2: "area", 3: "volume"}


def measure_unit(value: float, unit: Any) -> tuple[str, float] | None:
    """`measure` of the unit word `unit`, raised by "square" or "cubic" right before it:
    "19,000 square feet" is an area of 1,765 m2, not a distance of 5,791 m."""
    before = unit.doc[unit.i - 1] if unit.i > 0 else None
    power = POWERS.get(before.lower_.rstrip(".")) if before is not None else None
    per = per_time(unit)
    found = measure(1.0 if power else value, unit.lemma_.lower() + (f"/{per}" if per else ""))
    if not power or found is None:
        return found
    return (RAISED[power], value * found[1] ** power) if found[0] == "distance" else None


def unit_of(token: Any) -> Any:
    """The word a figure counts or measures: its head, or the unit after "sq" when the
    parser hangs the figure on that ("5 sq km")."""
    head = token.head
    if head.lower_.rstrip(".") in POWERS and head.head.i == head.i + 1:
        return head.head
    return head


def figure_parts(token: Any) -> list[Any]:
    """The tokens written as one figure with `token`, in order: a number right beside it that
    it multiplies or that multiplies it ("1.8" of "1.8 million", "dozen" of "two dozen")."""
    parts = [token]
    for child in token.children:
        if child.dep_ in FIGURE_DEPS and abs(child.i - token.i) == 1 and \
                word_value(child.lower_) is not None and \
                (child.lower_ in MULTIPLIERS or token.lower_ in MULTIPLIERS):
            parts.append(child)
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.lower_ in MULTIPLIERS and before is not None and before.head.i == token.head.i \
            and word_value(before.lower_) is not None:
        parts.append(before)  # "2 lakh people": the parser hangs both words on "people"
    return sorted(parts, key=lambda t: t.i)


def multiplied_after(token: Any) -> bool:
    """The next word multiplies this figure as its sibling ("2" of "2 lakh people"): the
    figure is read from that word (`figure_parts`), not from this one."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and after.lower_ in MULTIPLIERS and after.head.i == token.head.i


def figure_start(token: Any) -> Any:
    """The first token of the figure `token` is part of ("1.8" of "more than 1.8 million")."""
    return figure_parts(token)[0]


def number_value(token: Any) -> float | None:
    """The figure's value: "1.8 million" is 1,800,000, "two dozen" 24."""
    value = 1.0
    for part in figure_parts(token):
        part_value = word_value(part.lower_)
        if part_value is None:
            return None
        value *= part_value
    return value


def word_value(word: str) -> float | None:
    """A figure in digits ("2,100") or a number word ("six"), lower-cased; else None."""
    word = word.replace(",", "")
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word.isalpha():
        return None  # float() also reads "nan" and "inf"
    try:
        return float(word)
    except ValueError:
        return None


def as_speed(key: str, amount: float, shown: str, rate: str) -> tuple[str, float, str, str]:
    """A distance per unit of time is a speed ("150 kilometres per hour" is "150 km/h"):
    the key, value (m/s), shown words and rate of the slot, the rate's words now shown."""
    seconds = measure(1.0, rate.removeprefix(" per ")) if key == "distance" and rate else None
    if seconds is None or seconds[0] != "duration":
        return key, amount, shown, rate
    return "speed", amount / seconds[1], shown + rate, ""
