"""Statements -> house numbers and numbered streets: "12 Tanner Road", "12 Jalan Kemboja" (a
house number, compared only with numbers on the same street) and "Tanner Street 12", "Lorong
4 Kemboja" (the number of a numbered street, compared only with that street's). Outlets copy
such figures wrong; an exact figure, never a rounded one. Compared by `numbers.Numbers`.
"""

from __future__ import annotations

from typing import Any

from .parse import event_of, slot_base
from .slots import NumberSlot

# Entity types whose digits are no house number (the small model tags some house numbers as
# ordinals: those are kept).
NOT_FIGURES = {"MONEY", "DATE", "TIME", "PERCENT"}
ADDRESS = "number on "  # the key of a street number: "number on " and the street's name
NUMBERED_STREET = "number of "  # the key of a numbered street: "number of " and its name
# Words that end a street's name: a figure right before such a name is its house number
# ("12 Tanner Road", "112 Tanner Rd"), which outlets copy wrong.
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "boulevard",
                "blvd", "way", "crescent", "close", "place", "terrace", "highway"}
# Street words that open a street's name ("Jalan Kemboja", "rue des Lilas", "Calle Mayor"),
# and the particles such names hold.
LEADING_STREET_WORDS = {"jalan", "jln", "lorong", "rue", "calle", "avenida", "rua"}
STREET_PARTICLES = {"de", "del", "des", "du", "da", "do", "dos", "la", "le", "les", "los"}


def address_slots(doc: Any) -> list[NumberSlot]:
    """House numbers (`house_number`) and the numbers of numbered streets (`numbered_street`)
    of a statement, each keyed by its street."""
    slots = []
    for token in doc:
        if not token.text.isdigit() or token.ent_type_ in NOT_FIGURES:
            continue
        slots += numbered_street(token) + house_number(token)
    return slots


def house_number(token: Any) -> list[NumberSlot]:
    """The figure before a street's name: a street word ends the name ("12 Tanner Road") or,
    as in Malay, French, Spanish or Portuguese, opens it ("12 Jalan Kemboja", "14 rue des
    Lilas"), with the name's particles ("des", "de la") inside."""
    doc, name = token.doc, list[Any]()
    for word in doc[token.i + 1:token.i + 6]:
        opening = not name and word.lower_ in LEADING_STREET_WORDS
        particle = bool(name) and name[0].lower_ in LEADING_STREET_WORDS and \
            word.lower_ in STREET_PARTICLES
        if not (word.is_title or word.is_upper or opening or particle) or not word.is_alpha:
            break
        name.append(word)
        if word.lower_.rstrip(".") in STREET_WORDS and len(name) > 1:
            return [address(token, name[:-1], word)]
    while name and name[-1].lower_ in STREET_PARTICLES:
        name.pop()
    if len(name) > 1 and name[0].lower_ in LEADING_STREET_WORDS:
        return [address(token, name, name[-1])]
    return []


def address(token: Any, street: list[Any], last: Any) -> NumberSlot:
    """The house number `token` on the street named by `street`, shown up to `last`."""
    return NumberSlot(key=street_key(ADDRESS, street), value=float(token.text),
                      shown=token.doc[token.i:last.i + 1].text, **slot_base(event_of(last)))


def street_key(prefix: str, street: list[Any]) -> str:
    """The key a street's figures are compared under: the prefix and the street's words."""
    return prefix + " ".join(w.lower_.rstrip(".") for w in street)


def numbered_street(token: Any) -> list[NumberSlot]:
    """The figure of a numbered street: it tells one street of that name from its neighbours
    ("Tanner Street 12" / "13", "Lorong 4 Kemboja" / "Lorong 5 Kemboja")."""
    found = street_before(token) or street_opened(token)
    if found is None:
        return []
    street, shown = found
    return [NumberSlot(key=street_key(NUMBERED_STREET, street), value=float(token.text),
                       shown=shown.text, **slot_base(event_of(token)))]


def street_before(token: Any) -> tuple[list[Any], Any] | None:
    """"Tanner Street 12": the street word before the figure and the name before it (the
    street's words, and the span shown), or None."""
    doc, name = token.doc, list[Any]()
    if token.i < 2 or doc[token.i - 1].lower_.rstrip(".") not in STREET_WORDS or \
            not doc[token.i - 1].is_title:
        return None
    for word in reversed(doc[max(token.i - 4, 0):token.i - 1]):
        if not (word.is_title and word.is_alpha) or word.is_sent_start:
            break
        name.insert(0, word)
    return ([*name, doc[token.i - 1]], doc[name[0].i:token.i + 1]) if name else None


def street_opened(token: Any) -> tuple[list[Any], Any] | None:
    """"Lorong 4 Kemboja": a street word that opens the name before the figure, and the name's
    words after it, or None."""
    doc, name = token.doc, list[Any]()
    if token.i < 1 or doc[token.i - 1].lower_.rstrip(".") not in LEADING_STREET_WORDS or \
            not doc[token.i - 1].is_title:
        return None
    for word in doc[token.i + 1:token.i + 4]:
        if not (word.is_title and word.is_alpha):
            break
        name.append(word)
    return ([doc[token.i - 1], *name], doc[token.i - 1:name[-1].i + 1]) if name else None
