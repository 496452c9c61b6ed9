"""What a written figure is worth: digits and number words, multiplied out when written in
words ("1.8 million", "three hundred", "two dozen"), and units read with pint."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..words import NUMBER_WORDS as WORD_VALUES

# Number words that multiply the figure written next to them.
MULTIPLIERS = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6,
               "billion": 1e9, "trillion": 1e12}
NUMBER_WORDS = {w: float(v) for w, v in WORD_VALUES.items()} | MULTIPLIERS
# How the parser hangs the parts of one figure together ("1.8" compound of "million", "dozen"
# quantmod of "four").
FIGURE_DEPS = {"compound", "quantmod", "nummod"}
# Dimensions a news figure is compared in; pint also knows typographic "points" and "lines".
DIMENSIONS = {"[length]": "distance", "[time]": "duration", "[mass]": "mass",
              "[length] ** 2": "area", "[length] ** 3": "volume",
              "[length] / [time]": "speed"}
NOT_UNITS = {"point", "line", "stone", "pica", "bit", "count", "set", "degree", "second"}


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


def figure_parts(token: Any) -> list[Any]:
    """The tokens written as one figure with `token`, in order: a number right beside it that
    it multiplies or that multiplies it ("1.8" of "1.8 million", "dozen" of "two dozen")."""
    parts = [token]
    for child in token.children:
        if child.dep_ in FIGURE_DEPS and abs(child.i - token.i) == 1 and \
                word_value(child.lower_) is not None and \
                (child.lower_ in MULTIPLIERS or token.lower_ in MULTIPLIERS):
            parts.append(child)
    return sorted(parts, key=lambda t: t.i)


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
