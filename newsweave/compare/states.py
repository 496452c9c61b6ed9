"""States of one subject that exclude each other, as two articles report them.

  plea     a person "pleaded guilty" in one article; "pleaded not guilty", "claimed trial",
           "contested" or "denied the charges", was convicted "after a trial" or acquitted in
           another
  running  a stopped thing "remains suspended", "is still closed", "remains cut off", "has
           been suspended since Monday" or "has yet to resume" in one article; it "was
           resumed" or "has reopened" in another

Both families are closed because the exclusion is in what the words mean, not in how a story
happens to be told: one who pleads guilty is not tried on that charge, and what is still
suspended has not resumed. Read from the dependency parse, with `claims`' tests for a negated,
hedged, planned, asked or conditional statement (none of those states anything). The subject is
the clause's: a person's name, or for a plea also "he"/"she", "the accused" or "the
46-year-old", taken to be the person the article last made the subject of a sentence; a thing
is its head noun with its compounds ("train services" and "services" are one; "bus services"
is another). An article that gives one subject both states (a change of plea, a report that
follows events, or a parse we cannot trust) takes no side. A later report may follow events
("remains suspended" in the morning, "resumed" by noon), and one plea may cover some charges
only: these differences are listed for a reader, never shown. The labelled dev stories hold
one such difference (tune half), too few to fit a confidence on.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from ..models import Conflict, Entity, Story
from ..toolkit import Toolkit
from ..words import fold
from .claims import asked, hedged, negated, subject_of
from .exclusive import Reading, one_side_each, readings_by_subject, sides_conflict
from .parse import RESUMED, STOPPED, planned
from .titles import person_of

CONFIDENCE = 0.5
TOPICS = {"plea": "how {} answered the charges", "running": "whether {} resumed"}
REASONS = {"plea": "one who pleads guilty is not tried on the charge (a plea may cover some "
                   "charges only)",
           "running": "what is still stopped has not resumed (a later report may follow events)"}
# The tagger often gives an adjective its own form as lemma ("closed").
STOPPED_FORMS = {"suspended", "halted", "closed", "shut", "stopped", "grounded", "blocked"}
ONGOING = {"remain", "stay"}
# The tagger often gives "remains" (read as the noun) as its own lemma.
ONGOING_FORMS = {"remain", "remains", "remained", "stay", "stays", "stayed"}
CONVICTED = {"convict", "find", "sentence", "jail", "acquit"}
CONTESTED = {"charge", "allegation", "case", "accusation"}
CONTESTING = {"contest", "deny"}  # "contested the charges", "denied the charges"
SHE_OR_HE = {"he", "she"}
# Descriptions court reports give the person they are about ("the accused", "the 46-year-old").
DESCRIBED = {"accused", "defendant"}
AGED = re.compile(r"^\d+-year-old$")
CONDITIONS = {"if", "unless", "whether", "once", "until"}


@dataclass(frozen=True)
class State(Reading):
    """A plea or a running state as one sentence gives it; `side` 0 is "pleaded guilty" or
    "still stopped", 1 "contested" or "running again"."""

    family: str = ""  # a key of TOPICS: "plea" or "running"
    subject: str = ""  # the subject as written


def state_conflicts(story: Story, entities: tuple[Entity, ...],
                    toolkit: Toolkit) -> tuple[Conflict, ...]:
    """One possible difference per subject to which two articles give exclusive states."""
    said = readings_by_subject(story, entities, toolkit, article_states)
    return tuple(c for subject, states in merged_things(said).items()
                 if (c := subject_conflict(states, story)) is not None)


def article_states(doc: Any, article: str, keys: dict[str, int],
                   people: list[Entity]) -> Iterable[tuple[Hashable, State]]:
    """(subject, state) for every plea and running state the article states."""
    current: int | None = None  # the person the article last made a sentence's subject
    for sentence in doc.sents:
        for token in sentence:
            found = plea_of(token) or running_of(token)
            if found is None or stated_otherwise(found[0]):
                continue
            verb, family, side, words = found
            subject = plea_subject(verb, keys, people, article, current) \
                if family == "plea" else thing_of(verb)
            if subject is not None:
                shown = doc[min(t.i for t in words):max(t.i for t in words) + 1].text
                yield (family, subject[0]), State(side, shown, article, sentence.text,
                                                  sentence.start_char, sentence.end_char,
                                                  family, subject[1])
        current = sentence_person(sentence, keys, people, article, current)


def stated_otherwise(verb: Any) -> bool:
    """Hedged, planned, asked or a condition: the state is not said to hold."""
    conditional = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)
    return conditional or hedged(verb) or planned(verb) or asked(verb)


def plea_of(token: Any) -> tuple[Any, str, int, list[Any]] | None:
    """(verb, "plea", side, words): "pleaded (not) guilty", "claimed trial", "contested the
    charges", "convicted after a trial", "acquitted"."""
    lemma, after = fold(token.lemma_), token.nbor() if token.i + 1 < len(token.doc) else None
    if lemma == "plead" and token.dep_ != "xcomp":  # "agreed to plead guilty": not yet
        guilty = next((c for c in token.children if c.lower_ == "guilty"), None)
        if guilty is not None:
            denied = negated(token, token) or any(c.dep_ == "neg" for c in guilty.children)
            return token, "plea", int(denied), [token, guilty]
    if lemma == "claim" and after is not None and after.lower_ == "trial" \
            and not negated(token, token):
        return token, "plea", 1, [token, after]  # the parser often reads "claimed" as an adjective
    if lemma == "acquit" and token.pos_ == "VERB" and not negated(token, token):
        return token, "plea", 1, [*auxiliaries(token), token]  # acquitted: tried, not pleaded
    if lemma in CONTESTING and token.pos_ == "VERB" and not negated(token, token) and any(
            c.dep_ == "dobj" and fold(c.lemma_) in CONTESTED for c in token.children):
        return token, "plea", 1, [token, *(c for c in token.children if c.dep_ == "dobj")]
    if token.lower_ not in ("after", "following"):
        return None
    trial = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ == "trial"), None)
    verb = verb_above(token) if trial is not None else None
    if verb is not None and fold(verb.lemma_) in CONVICTED:
        return verb, "plea", 1, [token, trial]
    return None


def verb_above(token: Any) -> Any:
    """The nearest verb the word hangs on ("convicted of dangerous driving after a trial":
    the parser may hang "after" on "driving")."""
    node = token.head
    while node.pos_ != "VERB" or node.tag_ == "VBG" and node.dep_ == "pobj":
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def running_of(token: Any) -> tuple[Any, str, int, list[Any]] | None:
    """(verb, "running", side, words): "remain suspended", "is still closed", "has not
    resumed", "has yet to reopen" (side 0); "was resumed", "has reopened" (side 1)."""
    lemma = fold(token.lemma_)
    if stopped(token) and token.tag_ in ("VBN", "JJ"):
        shown = [token, *(c for c in token.children if c.dep_ == "prt")]
        if token.dep_ in ("acomp", "xcomp", "oprd") and ongoing(token.head) \
                and not negated(token.head, token.head):
            return token.head, "running", 0, [token.head, *shown]
        # "still suspended"; "remain suspended after ...", which the parser may read as an
        # auxiliary and its participle
        still = [c for c in token.children if c.lower_ == "still" or c.dep_ in (
            "aux", "auxpass") and ongoing(c)] or stopped_since(token)
        if still and not negated(token, token):
            return token, "running", 0, [*still, *shown]
    if lemma in RESUMED and token.pos_ == "VERB" and token.dep_ not in ("relcl", "acl", "amod"):
        if negated(token, token):
            return token, "running", 0, [*negation_words(token), token]
        if token.tag_ == "VBD" or token.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") for c in token.children):
            return token, "running", 1, [*auxiliaries(token), token]
    return None


def stopped_since(participle: Any) -> list[Any]:
    """"have been suspended since Monday": the stop goes on (its auxiliaries)."""
    words = [c for c in participle.children if c.dep_ in ("aux", "auxpass")]
    since = any(c.dep_ == "prep" and c.lower_ == "since" for c in participle.children)
    return words if since and any(fold(c.lemma_) == "have" for c in words) else []


def stopped(word: Any) -> bool:
    """"suspended", "closed", "cut off"."""
    return fold(word.lemma_) in STOPPED or word.lower_ in STOPPED_FORMS or \
        fold(word.lemma_) == "cut" and any(c.dep_ == "prt" and c.lower_ == "off"
                                           for c in word.children)


def ongoing(word: Any) -> bool:
    """"remain" or "stay" in any form."""
    return fold(word.lemma_) in ONGOING or word.lower_ in ONGOING_FORMS


def auxiliaries(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def negation_words(verb: Any) -> list[Any]:
    """"not" or "yet" that negates the verb, on it or on the verb it complements."""
    nodes = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return [c for n in nodes for c in n.children if c.dep_ == "neg" or c.lower_ == "yet"]


def plea_subject(verb: Any, keys: dict[str, int], people: list[Entity], article: str,
                 current: int | None) -> tuple[int, str] | None:
    """(person, as written) for the plea's subject: a name, or "he"/"she", "the accused",
    "the 46-year-old" taken to be the person the article is about at that point."""
    subjects = subject_of(verb)
    if subjects and subjects[0].lower_ in ("who", "that") and verb.dep_ == "relcl":
        subjects = [verb.head]  # "X, who pleaded guilty"
    if not subjects and verb.i > 0:
        subjects = [verb.doc[verb.i - 1]]  # "The 46-year-old claimed trial", misparsed
    if not subjects:
        return None
    word = subjects[0]
    person = person_named(word, keys, people, article)
    if person is not None:
        return person, people[person].name
    if current is not None and (word.lower_ in SHE_OR_HE or described(word)):
        return current, people[current].name
    return None


def described(word: Any) -> bool:
    """"the accused", "the defendant", "the 46-year-old"."""
    return fold(word.lemma_) in DESCRIBED or bool(AGED.match(word.lower_)) or \
        word.lower_ == "old" and word.i >= 2 and bool(AGED.match(
            word.doc[word.i - 4:word.i + 1].text.replace(" ", "").lower()))


def sentence_person(sentence: Any, keys: dict[str, int], people: list[Entity], article: str,
                    current: int | None) -> int | None:
    """The person a sentence's main subject names, else the one before it."""
    subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = person_named(subjects[0], keys, people, article) if subjects else None
    return current if found is None else found


def person_named(word: Any, keys: dict[str, int], people: list[Entity],
                 article: str) -> int | None:
    """The merged person a word's name or its appositive's names ("The driver, X, ..."),
    whatever the recogniser labelled this mention."""
    for named in (word, *(c for c in word.children if c.dep_ == "appos")):
        for ent in word.doc.ents:
            if ent.start <= named.i < ent.end:
                found = person_of(ent, keys, people, article, typed=False)
                if found is not None:
                    return found
    return None


def thing_of(verb: Any) -> tuple[tuple[str, frozenset[str]], str] | None:
    """((head lemma, compound lemmas), as written) for what is stopped or running: the object
    of a transitive verb ("restored services"), else the subject; no pronoun."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "service remains suspended": the parser may hang the subject on "remains" as an auxiliary
    nouns = objects or subject_of(verb) or [s for a in auxiliaries(verb) for s in subject_of(a)]
    if not nouns or nouns[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = nouns[0]
    compounds = [c for c in head.children if c.dep_ == "compound"]
    written = " ".join(t.text if t.tag_ in ("NNP", "NNPS") else t.lower_
                       for t in sorted([*compounds, head], key=lambda t: t.i))
    return (fold(head.lemma_), frozenset(fold(c.lemma_) for c in compounds)), written


def merged_things(said: dict[Hashable, list[State]]) -> dict[Hashable, list[State]]:
    """A thing named without compounds ("services") joins each thing of its head noun named
    with them ("train services"); people and things with compounds stay as they are."""
    def bare(key: Any) -> bool:  # ("running", (head, no compounds))
        return key[0] == "running" and not key[1][1]

    def wider(key: Any) -> list[Any]:  # the things of its head noun named with compounds
        return [k for k in said if k[0] == "running" and k[1][1] and k[1][0] == key[1][0]]

    merged = {k: list(v) for k, v in said.items() if not bare(k) or not wider(k)}
    for key, states in said.items():
        for other in wider(key) if bare(key) else []:
            merged[other] += states
    return merged


def subject_conflict(states: list[State], story: Story) -> Conflict | None:
    """Articles grouped by the one state each gives; none unless both states are given."""
    sides = one_side_each(states)
    if len(sides) < 2:
        return None
    family = states[0].family
    subject = max((s.subject for s in states), key=len)
    return sides_conflict("claim", TOPICS[family].format(subject), [sides[0], sides[1]],
                          story.facts, REASONS[family], CONFIDENCE)
