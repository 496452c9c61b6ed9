"""Statements -> percentage slots: "62 per cent", "more than 80%", "27.2 percent of people".

A percentage is a share of something, and a story is full of shares of different things (a
survey's findings, a vote, a rise): two are only compared when their statements are aligned
into one fact, say what they are a share of alike (the key: "percent", or "percent of
respondent" for "45 per cent of respondents") and share most of the words around the figure
(`context`, `Numbers.unrelated`). A bound ("more than 80 %") and a hedge ("about 45 %") are
read as for any figure; "3 percentage points" is a change, not a share. Compared by
`numbers.Numbers`.
"""

from __future__ import annotations

from typing import Any

from .figures import number_value
from .number_slots import bound_fields, bound_words, in_range, is_hedged
from .parse import event_of, slot_base
from .slots import NumberSlot

PERCENT = "percent"  # the key of a share, and its start when it names what it is a share of
SIGNS = {"%", "percent", "pct"}
# Words this far either side of a percentage say what it is a share of ("only 2% of the
# world's population carries the gene").
AROUND = 6
CONTENT = {"NOUN", "PROPN", "VERB", "ADJ"}


def percent_slots(doc: Any) -> list[NumberSlot]:
    """Every percentage of a parsed statement that is one figure (not one end of a range)."""
    slots = []
    for token in doc:
        last = sign_end(token)
        if last is None or in_range(token):
            continue
        value = number_value(token)
        if value is None:
            continue
        span = doc[token.i:last.i + 1]
        anchor = next((t for t in span if not token.i <= t.head.i <= last.i or t.head.i == t.i),
                      last)
        thing = share_of(span)
        slots.append(NumberSlot(key=f"{PERCENT} of {thing}" if thing else PERCENT,
                                value=value, shown=bound_words(token) + span.text,
                                context=words_around(span),
                                hedged=is_hedged(token), **bound_fields(token),
                                **slot_base(event_of(anchor))))
    return slots


def words_around(span: Any) -> frozenset[str]:
    """The content words (lemmas) within `AROUND` tokens of the percentage, in its sentence."""
    sentence = span[0].sent
    start, end = max(span.start - AROUND, sentence.start), min(span.end + AROUND, sentence.end)
    return frozenset(t.lemma_.lower() for t in span.doc[start:end]
                     if t.pos_ in CONTENT and not t.like_num and t not in span)


def sign_end(token: Any) -> Any:
    """The last token of the percent sign after a figure ("%", "percent", "per cent"), or
    None when the token is no figure followed by one."""
    doc = token.doc
    if not token.like_num or token.i + 1 >= len(doc):
        return None
    after = doc[token.i + 1]
    if after.lower_ in SIGNS:
        return after
    if after.lower_ == "per" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "cent":
        return doc[token.i + 2]
    return None


def share_of(span: Any) -> str:
    """What the percentage is a share of: the noun after "of" ("of Chinese respondents" ->
    "respondent"), "" when the statement does not say it there."""
    for token in span:
        for child in token.children:
            if child.lower_ == "of" and child.i > span.end - 1:
                noun = next((t for t in child.children if t.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                    return noun.lemma_.lower()
    return ""
