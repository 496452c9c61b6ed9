"""Statements -> amounts of money: "$1.2 million", "S$5,000", "RM1.5 billion", "€1.2bn",
"2,000 dollars", "USD 4 million".

An amount is a figure with a currency written beside it: a sign or a code before it, or a
currency word after it. It is read from the words, not from the entity tagger, which misses
many amounts ("S$5,000" untagged, "SGD 2.5 million" an organisation) and tags some house
numbers as money. The key is the currency's family ("money in dollar"), so "$1.2 million" and
"S$1.2 million" are compared; a country's code is kept apart (`currency`), and two amounts in
two different codes ("S$1.3 million" / "US$960,000", a conversion) are never compared. What the
amount is of ("a $5,000 fine", "a fine of $5,000", "$3,000 in compensation") is its `of`: two
amounts of two different things are two amounts. A bound ("just under $900,000") and a hedge
("about $450m") are read as for any figure. Compared by `numbers.Numbers`: within rounding,
and a round amount may round the other ("$1 million" / "$1.125 million").
"""

from __future__ import annotations

import re
from typing import Any

from .number_slots import bound_fields, bound_words, is_hedged
from .parse import event_of, slot_base
from .slots import NumberSlot

MONEY = "money in "  # the key of an amount: "money in " and its currency's family

# Signs and codes before a figure -> (family, country code); a bare "$" is any dollar.
MARKS = {
    "$": ("dollar", ""), "us$": ("dollar", "us"), "usd": ("dollar", "us"),
    "s$": ("dollar", "sg"), "sgd": ("dollar", "sg"), "a$": ("dollar", "au"),
    "au$": ("dollar", "au"), "aud": ("dollar", "au"), "hk$": ("dollar", "hk"),
    "hkd": ("dollar", "hk"), "nz$": ("dollar", "nz"), "nzd": ("dollar", "nz"),
    "c$": ("dollar", "ca"), "cad": ("dollar", "ca"), "nt$": ("dollar", "tw"),
    "€": ("euro", ""), "eur": ("euro", ""), "£": ("pound", ""), "gbp": ("pound", ""),
    "¥": ("yen or yuan", ""), "jpy": ("yen", ""), "cny": ("yuan", ""), "rmb": ("yuan", ""),
    "rm": ("ringgit", ""), "myr": ("ringgit", ""), "rs": ("rupee", ""), "rs.": ("rupee", ""),
    "₹": ("rupee", ""), "inr": ("rupee", ""), "rp": ("rupiah", ""), "idr": ("rupiah", ""),
    "₩": ("won", ""), "krw": ("won", ""), "₽": ("ruble", ""), "rub": ("ruble", ""),
    "₦": ("naira", ""), "thb": ("baht", ""), "chf": ("franc", ""), "php": ("peso", ""),
}
# Currency words after a figure -> family. Not "pounds" (a weight as often), "won" (a verb),
# "cents" (a part of another unit).
WORDS = {
    "dollar": "dollar", "euro": "euro", "sterling": "pound", "yen": "yen", "yuan": "yuan",
    "renminbi": "yuan", "ringgit": "ringgit", "rupee": "rupee", "rupiah": "rupiah",
    "baht": "baht", "peso": "peso", "franc": "franc", "dirham": "dirham", "riyal": "riyal",
    "dinar": "dinar", "lira": "lira", "krona": "krona", "kronor": "krona", "krone": "krone",
    "zloty": "zloty", "ruble": "ruble", "rouble": "ruble", "naira": "naira", "rand": "rand",
    "shilling": "shilling", "dong": "dong",
}
# "RM119.8mil", "Rp2.5bil", "$3mln": the short forms of Malaysian, Indonesian and wire copy.
SCALES = {"million": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
          "bil": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "k": 1e3,
          "thousand": 1e3, "crore": 1e7, "lakh": 1e5}
FIGURE = r"(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
SCALE = rf"(?:[\s-]?(?P<scale>{'|'.join(sorted(SCALES, key=len, reverse=True))})\b)?"
SIGN = r"(?:US|S|AU|A|HK|NZ|C|NT)\$|[$€£¥₹₩₽₦]"
# The three-letter codes of `MARKS`, written in capitals ("USD 4 million").
CODE = rf"\b(?:{'|'.join(m.upper() for m in MARKS if m.isalpha() and len(m) == 3)})\b"
NOUN_PLACES = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos"}
RANGE_LINKS = {"to", "-", "–"}
MARK_START = re.compile(rf"{SIGN}|{CODE}")
MARKED = re.compile(rf"(?P<mark>{SIGN}|{CODE}|\b(?:RM|Rs\.?|Rp)(?=\s?\d))\s?{FIGURE}{SCALE}")
WORDED = re.compile(rf"(?<![\w$€£¥.,]){FIGURE}{SCALE}\s(?P<word>[a-z]+)\b")


def money_slots(doc: Any) -> list[NumberSlot]:
    """Every amount of money in a parsed statement that is one figure (not an end of a
    range)."""
    slots = []
    for found, family, code in amounts(doc.text):
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None or range_end(span):
            continue
        anchor = next((t for t in span if not span.start <= t.head.i < span.end
                       or t.head.i == t.i), span[-1])
        value = float(found["figure"].replace(",", "")) * SCALES.get(found["scale"] or "", 1.0)
        slots.append(NumberSlot(key=MONEY + family, value=value, currency=code,
                                shown=bound_words(span[0]) + span.text.rstrip("."),
                                of=paid_for(span, anchor), hedged=is_hedged(span[0]),
                                **bound_fields(span[0]), **slot_base(event_of(anchor))))
    return slots


def amounts(text: str) -> list[tuple[re.Match[str], str, str]]:
    """The amounts written in the text, each with its currency's family and country code."""
    found = [(m, *MARKS[m["mark"].lower()]) for m in MARKED.finditer(text)]
    for match in WORDED.finditer(text):
        word = match["word"]
        family = WORDS.get(word) or WORDS.get(word[:-1] if word.endswith("s") else "")
        if family and not any(m.start() <= match.start() < m.end() for m, _, _ in found):
            found.append((match, family, ""))
    return found


def range_end(span: Any) -> bool:
    """"$5 million to $8 million", "between $2 and $3": one end of a range of money (not
    "paid $5,000 to the victim")."""
    doc = span.doc

    def amount_at(i: int) -> bool:
        return 0 <= i < len(doc) and (doc[i].like_num or doc[i].lower_ in SCALES or
                                      MARK_START.match(doc[i].text) is not None)

    if any(t.lower_ == "between" for t in doc[max(span.start - 6, 0):span.start]) and \
            (span.start < 2 or doc[span.start - 1].lower_ in {"between", "and"}):
        return True  # "between $2 million and $3 million", both ends
    return (span.end < len(doc) and doc[span.end].lower_ in RANGE_LINKS
            and amount_at(span.end + 1)) or \
        (span.start > 0 and doc[span.start - 1].lower_ in RANGE_LINKS
         and amount_at(span.start - 2))


def paid_for(span: Any, anchor: Any) -> str:
    """What the amount is of: the noun it modifies ("a $5,000 fine"), the noun whose "of" it
    follows ("a fine of $5,000"), or the noun of an "in" right after it ("$3,000 in
    compensation", wherever the parser hangs the "in"); "" when the statement does not say."""
    head, doc = anchor.head, span.doc
    if anchor.dep_ in ("compound", "nmod", "amod", "nummod") and noun_like(head):
        return head.lemma_.lower()
    if anchor.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower()  # a price after its product: "the pineapple tarts ($21.90)"
    if span.start > 1 and doc[span.start - 1].text == "(" and \
            doc[span.start - 2].pos_ in ("NOUN", "PROPN"):
        return doc[span.start - 2].lemma_.lower()  # the same, parsed otherwise
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and noun_like(after) and not after.ent_type_ and \
            after.dep_ != "npadvmod":  # the parser's other reading of "a $5,000 fine"
        return after.lemma_.lower()
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head.lemma_.lower()
    if after is not None and after.lower_ == "in":
        noun = next((t for t in after.children if t.dep_ == "pobj"), None)
        if noun is not None and noun.pos_ == "NOUN" and not noun.ent_type_:
            return noun.lemma_.lower()  # not "in the first half": a time
    return ""


def noun_like(token: Any) -> bool:
    """A noun, or a word the tagger calls an adjective in a noun's place ("pay a $5,000 fine":
    "fine" the object)."""
    return token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ in NOUN_PLACES)
