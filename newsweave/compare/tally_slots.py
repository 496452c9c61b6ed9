"""Statements -> counts whose figure stands alone: "the death toll rose to 45", "visitors
numbered 61,200", "attendance was 61,200", "the crowd was estimated at 20,000", "officials put
the number of dead at 45". No noun follows the figure, so `number_slots` reads no count; the
counted thing is the verb's subject (or, after "put", its object), and "number of", "total
of" hand over to what they count ("the number of visitors" counts visitors, keyed as "45
visitors" is). A death toll counts people killed (`TOLLS`), so "the death toll rose to 52" is
compared with "45 people were killed". A figure that a verb of harm, arrest or rescue takes as
its object or subject counts people too ("killing at least 45", "12 were arrested").
"""

from __future__ import annotations

from typing import Any

from ..dating import date_core, resolve_date
from ..words import has_currency
from .dates import date_spans
from .figures import figure_start, multiplied_after, number_value
from .number_slots import COUNT, SKIP_ENTS, bound_fields, bound_words, is_hedged, is_number
from .parse import slot_base
from .slots import NumberSlot

# Verbs that give a tally its figure as their object: "visitors numbered 61,200".
TALLY_OBJECT = {"number", "total", "reach", "hit", "top", "exceed", "surpass", "pass", "measure",
                "register"}
# Verbs that give it after "to" or "at": "rose to 45", "stands at 45", "estimated at 20,000".
TALLY_TO = {"rise", "climb", "jump", "increase", "grow", "swell", "soar", "mount", "fall",
            "drop", "decline", "decrease", "stand", "estimate", "put", "reach", "raise",
            "revise", "lower", "bring", "peg", "place", "tally"}
# Verbs whose object is the tally they set: "officials put the toll at 45".
SETTING = {"put", "raise", "revise", "lower", "bring", "peg", "place", "estimate"}
# Nouns that name a tally of something else: "death toll", "number of visitors".
TALLY_NOUNS = {"toll", "number", "total", "tally", "count", "figure", "tolls", "numbers"}
# Verbs whose bare figure counts people: "killed 45", "45 were arrested", "12 died". Such a
# count is compared with counts of "people" ("45 people were killed").
PEOPLE_VERBS = {"kill", "injure", "wound", "hurt", "arrest", "detain", "rescue", "evacuate",
                "hospitalise", "hospitalize", "displace", "strand", "shoot", "stab", "infect",
                "die", "drown", "survive", "flee", "perish"}
DYING = {"die", "drown", "survive", "flee", "perish"}
PEOPLE = "people"
# Tallies of people and the event that counts them: "the death toll" is of people killed.
TOLLS = {"death": "kill", "toll": "kill", "dead": "kill", "fatality": "kill"}
# Prepositions a tally's figure follows.
TO_AT = {"to", "at"}


def tally_slots(doc: Any, published: str | None) -> list[NumberSlot]:
    slots = []
    for token in doc:
        if not is_number(token) or token.ent_type_ in SKIP_ENTS | {"DATE", "TIME"} or \
                multiplied_after(token) or pronoun_one(token) or money(token):
            continue
        first, value = figure_start(token), number_value(token)
        figure = f"{bound_words(first)}{doc[first.i:token.i + 1].text}"
        verb = tally_verb(token)
        thing = None if verb is None else counted_thing(verb)
        counted = None if thing is None else counted_words(thing)
        tally = counted is not None
        if tally:
            shown = f"{written(thing)} {verb_words(verb)} {preposition(token)}{figure}"
        elif (verb := people_verb(token)) is not None:
            counted = PEOPLE
            shown = f"{verb_words(verb)} {figure}" if token.dep_ == "dobj" else \
                f"{figure} {verb_words(verb)}"
        if counted is None or value is None or verb is None:
            continue
        base = slot_base(verb)
        if counted in TOLLS:
            counted, base["event"] = PEOPLE, TOLLS[counted]
        slots.append(NumberSlot(key=COUNT + counted, value=value, tally=tally,
                                shown=" ".join(shown.split()), hedged=is_hedged(first),
                                moment=verb_day(verb, published), **bound_fields(first),
                                **base))
    return slots


def pronoun_one(figure: Any) -> bool:
    """"is one of the first", "a critical one": "one" standing for a noun, not a figure."""
    return figure.lower_ == "one"


def money(figure: Any) -> bool:
    """"hit S$385.6 million": a sum the parser did not tag as money (out of scope)."""
    return has_currency(figure.doc[max(figure_start(figure).i - 1, 0):figure.i + 1])


def people_verb(figure: Any) -> Any:
    """The verb of a figure that counts people without saying so: "killing at least 45",
    "45 were injured", "12 died"; None when the figure is of something named ("45 of them")."""
    verb = figure.head
    if verb.lemma_.lower() not in PEOPLE_VERBS or any(c.lower_ == "of" for c in figure.children):
        return None
    passive_subject = figure.dep_ == "nsubjpass"
    object_of_active = figure.dep_ == "dobj" and not passive(verb)
    subject_of_intransitive = figure.dep_ == "nsubj" and verb.lemma_.lower() in DYING
    # "12 people were killed and 30 injured": the second passive's auxiliary left out.
    elided_passive = figure.dep_ == "nsubj" and verb.tag_ == "VBN" and \
        not any(c.dep_ == "dobj" for c in verb.children)
    return verb if passive_subject or object_of_active or subject_of_intransitive or \
        elided_passive else None


def tally_verb(figure: Any) -> Any:
    """The verb that gives `figure` as a tally: its object ("numbered 61,200"), its copula's
    attribute ("was 61,200") or the object of its "to" or "at" ("rose to 45")."""
    head = figure.head
    if figure.dep_ == "dobj" and head.lemma_.lower() in TALLY_OBJECT:
        return head
    if figure.dep_ == "attr" and head.lemma_.lower() == "be":
        return head
    if figure.dep_ == "pobj" and head.lower_ in TO_AT and head.head.i != head.i and \
            head.head.lemma_.lower() in TALLY_TO:
        return head.head
    return None


def counted_thing(verb: Any) -> Any:
    """The noun the tally is of: the object of a verb that sets it ("put the toll at 45"),
    else the subject."""
    deps = ("dobj",) if verb.lemma_.lower() in SETTING and not passive(verb) else \
        ("nsubj", "nsubjpass")
    return next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"), None)


def passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def counted_words(thing: Any) -> str | None:
    """What a tally counts, as its lemma: "the number of visitors" -> "visitor",
    "attendance" -> "attendance", "the death toll" -> "toll" (of people killed, `TOLLS`); None
    for a tally of nothing named ("the figure rose to 45", "the road toll")."""
    if thing.lower_ not in TALLY_NOUNS:
        return thing.lemma_.lower()
    if thing.lemma_.lower() == "toll":  # "the toll", "the death toll"; not "the road toll"
        named = [c.lemma_.lower() for c in thing.children if c.dep_ == "compound"]
        return "toll" if set(named) <= set(TOLLS) else None
    of = next((c for c in thing.children if c.lower_ == "of" and c.i == thing.i + 1), None)
    named = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if named is None:
        named = next((c for c in thing.children
                      if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == thing.i - 1), None)
    if named is None or named.pos_ not in ("NOUN", "ADJ"):
        return None
    return named.lemma_.lower()


def written(thing: Any) -> str:
    """The tally's noun as written, with the words before it that name it and its "of"
    phrase: "death toll", "number of visitors"."""
    start = min([thing.i, *(c.i for c in thing.children
                            if c.dep_ in ("compound", "amod") and c.i < thing.i)])
    end = max([thing.i, *(t.i for c in thing.children if c.lower_ == "of" and c.i > thing.i
                          for t in c.subtree)])
    return thing.doc[start:end + 1].text


def verb_words(verb: Any) -> str:
    """The verb with its auxiliaries: "has risen", "was estimated"."""
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass")
                           and c.i < verb.i)])
    return verb.doc[start:verb.i + 1].text


def preposition(figure: Any) -> str:
    """The preposition before the figure ("to ", "at "), or ""."""
    return f"{figure.head.text} " if figure.dep_ == "pobj" else ""


def verb_day(verb: Any, published: str | None) -> str:
    """The day a running tally is given for, when a date hangs on its verb ("rose to 45 on
    Monday"): two tallies of two days are two moments, not two versions of one figure."""
    if published is None:
        return ""
    for span in date_spans(verb.doc):
        root = span.root
        if root.head.i == verb.i or root.head.head.i == verb.i and root.dep_ == "pobj":
            return resolve_date(date_core(span.text), published) or ""
    return ""
