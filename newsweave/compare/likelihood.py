"""What one subject is expected to do, as two articles weigh it: one says the subject "is
expected to" or "is likely to" do a thing, another that it "is unlikely to" or "is not expected
to" do that same thing ("he is expected to meet the mayor" / "he is unlikely to meet the
mayor"). The two exclude each other by what the words mean, as a plea and a trial do
(`states`), so the family is closed: the same act (verb and what it is done to) of the same
subject (a person, taken as `states` takes a plea's subject, or a thing by its head noun), one
side per article. An article that weighs one act both ways takes no side. A later report may
follow a change of plan, so the difference is listed for a reader, never shown.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from ..models import Conflict, Entity, Story
from ..toolkit import Toolkit
from ..words import fold
from .claims import asked, negated, subject_of
from .exclusive import Reading, one_side_each, readings_by_subject, sides_conflict
from .states import CONDITIONS, plea_subject, sentence_person
from .titles import person_of

CONFIDENCE = 0.5
TOPIC = "how likely it is that {}"
REASON = ("one thing cannot be both expected and unlikely (a later report may follow a change "
          "of plan)")
EXPECTING = {"expect"}  # "is expected to": the passive of these weighs what will happen
LIKELY = {"likely": 0, "unlikely": 1}  # "is likely to" (side 0), "is unlikely to" (side 1)


@dataclass(frozen=True)
class Weighed(Reading):
    """An act as one sentence weighs it: `side` 0 expected or likely, 1 unlikely or not
    expected."""

    subject: str = ""  # "who will do what", as written
    done_to: frozenset[str] = frozenset()  # the words of what the act is done to, folded


def likelihood_conflicts(story: Story, entities: tuple[Entity, ...],
                         toolkit: Toolkit) -> tuple[Conflict, ...]:
    """One possible difference per subject and act that two articles weigh both ways."""
    said = readings_by_subject(story, entities, toolkit, article_weighings)
    found = []
    for weighings in (group for same_verb in said.values() for group in by_object(same_verb)):
        sides = one_side_each(weighings)
        if len(sides) == 2:
            subject = max((w.subject for w in weighings), key=len)
            found.append(sides_conflict("claim", TOPIC.format(subject), [sides[0], sides[1]],
                                        story.facts, REASON, CONFIDENCE))
    return tuple(found)


def by_object(weighings: list[Weighed]) -> list[list[Weighed]]:
    """Weighings of one subject and verb grouped by what the act is done to: objects that
    share a word are one ("the queen" / "Queen Elizabeth II"), and no object is its own."""
    groups: list[list[Weighed]] = []
    for weighed in weighings:
        joined = [g for g in groups if any(
            bool(w.done_to & weighed.done_to) or not (w.done_to or weighed.done_to) for w in g)]
        groups = [g for g in groups if not any(g is j for j in joined)] + \
            [[w for g in joined for w in g] + [weighed]]
    return groups


def article_weighings(doc: Any, article: str, keys: dict[str, int],
                      people: list[Entity]) -> Iterable[tuple[Hashable, Weighed]]:
    """((subject, verb), weighing) for every act an article says its subject is expected,
    likely or unlikely to do."""
    current: int | None = None  # the person the article last made a sentence's subject
    for sentence in doc.sents:
        for token in sentence:
            found = weighing_of(token)
            if found is None:
                continue
            anchor, side, verb, owner = found
            who = named_before(owner, keys, people, article) or \
                plea_subject(owner, keys, people, article, current) or thing_subject(owner)
            if who is None:
                continue
            weighs = " ".join(t.lower_ for t in weighing_words(anchor, owner))
            for act, (lemma, done_to, written) in acts_of(verb, owner):
                yield (who[0], lemma), Weighed(side, f"{weighs} to {act.text}", article,
                                               sentence.text, sentence.start_char,
                                               sentence.end_char, f"{who[1]} will {written}",
                                               done_to)
        current = sentence_person(sentence, keys, people, article, current)


def named_before(owner: Any, keys: dict[str, int], people: list[Entity],
                 article: str) -> tuple[int, str] | None:
    """For a "he" or "she" subject, the person named last before it in its own sentence
    ("Because X's visit is not a state one, he is unlikely to ...")."""
    subjects = subject_of(owner)
    if not subjects or subjects[0].lower_ not in ("he", "she"):
        return None
    pronoun = subjects[0]
    for ent in reversed([e for e in pronoun.sent.ents if e.end <= pronoun.i]):
        person = person_of(ent, keys, people, article, typed=False)
        if person is not None:
            return person, people[person].name
    return None


def weighing_of(token: Any) -> tuple[Any, int, Any, Any] | None:
    """(the weighing word, side, the act's verb, the word that holds the subject): "is
    (not) expected to V", "is (un)likely to V"; none in a question or under a condition."""
    if fold(token.lemma_) in EXPECTING and token.pos_ == "VERB" and \
            any(c.dep_ == "auxpass" for c in token.children):
        side, owner = int(negated(token, token)), token
    elif token.lower_ in LIKELY and token.dep_ == "acomp":
        owner = token.head
        side = LIKELY[token.lower_] ^ int(negated(owner, owner))
    else:
        return None
    verb = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
                None)
    if verb is None or asked(owner) or under_condition(owner) or \
            any(c.dep_ == "expl" for c in owner.children):  # "there are likely to be"
        return None
    return token, side, verb, owner


def under_condition(verb: Any) -> bool:
    """The weighing is a clause under "if", "unless", "whether" ..., or holds one ("If the
    talks fail, X is expected to ..."); "even if" concedes, it sets no condition."""
    def condition(clause: Any) -> bool:
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in CONDITIONS]
        return any(not (m.i > 0 and m.doc[m.i - 1].lower_ == "even") for m in marks)
    return verb.dep_ == "advcl" and condition(verb) or \
        any(c.dep_ == "advcl" and condition(c) for c in verb.children)


def weighing_words(anchor: Any, owner: Any) -> list[Any]:
    """The words that weigh, without the copula: "(not) expected", "(un)likely"."""
    negations = [c for node in {anchor, owner} for c in node.children if c.dep_ == "neg"]
    return sorted([*negations, anchor], key=lambda t: t.i)


def thing_subject(owner: Any) -> tuple[Hashable, str] | None:
    """A subject that is no person: its head noun and compounds ("the storm", "bus fares");
    no pronoun."""
    subjects = subject_of(owner)
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = subjects[0]
    compounds = [*(c for c in head.children if c.dep_ == "compound"), head]
    return ("thing", tuple(fold(t.lemma_) for t in sorted(compounds, key=lambda t: t.i))), \
        written(head)


def written(head: Any) -> str:
    """A noun as written with its article and compounds ("the bus fares")."""
    words = [*(c for c in head.children if c.dep_ in ("det", "compound")), head]
    return " ".join(t.lower_ if t.dep_ == "det" else t.text
                    for t in sorted(words, key=lambda t: t.i))


def acts_of(verb: Any, owner: Any) -> list[tuple[Any, tuple[str, frozenset[str], str]]]:
    """(verb, (lemma, the words of what it is done to, as written)) for the verb and the verbs
    joined to it ("to shake hands and to meet the mayor"); a relative pronoun's object is the
    noun its clause hangs on ("the summit, which X is expected to attend")."""
    acts = []
    for node in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
        done_to = next((c for c in node.children if c.dep_ in ("dobj", "attr")), None)
        if done_to is not None and done_to.tag_ in ("WDT", "WP") and owner.dep_ == "relcl":
            done_to = owner.head
        words = frozenset() if done_to is None else frozenset(
            fold(t.lemma_) for t in (*(c for c in done_to.children if c.dep_ == "compound"),
                                     done_to))
        acts.append((node, (fold(node.lemma_), words, node.lemma_ if done_to is None
                            else f"{node.lemma_} {written(done_to)}")))
    return acts
