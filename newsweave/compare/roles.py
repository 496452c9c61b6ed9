"""Parts one person cannot play at once in one road or air incident: in control, carried, or
on foot ("the driver, X" in one article, "X, a passenger in the car," in another).

Read like titles: the words before a person's name that attach to it ("driver X", "pillion
rider X"), an appositive noun ("X, the driver,", "the passenger, X") or a copula ("X was the
driver"). The parts are a closed family because the exclusion is physical, not a matter of
wording: whoever drives or rides a vehicle is not carried in it nor walking beside it. Offices and
other roles are left to `titles` (one person can hold several posts; a victim can be a
suspect). An article that gives the person two parts (a change, a second vehicle, or a parse
we cannot trust) takes no side. Over every dev story (both labelled halves and ECB+) five
people are given a part, by one or two articles each, and none two parts: there is nothing
to fit a confidence on, so these differences are listed for a reader, never shown.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..models import Conflict, Entity, Fact, Story
from ..toolkit import Toolkit
from ..words import HONORIFICS, REPORTING, fold
from .claims import negated
from .exclusive import Reading, one_side_each, sides_conflict
from .names import title_before
from .titles import copula_nouns, person_keys, person_mentions, qualified

# The part a role word gives; "pillion" makes a rider a carried one ("pillion rider").
PARTS = {
    "driver": "in control", "motorist": "in control", "motorcyclist": "in control",
    "cyclist": "in control", "rider": "in control", "pilot": "in control",
    "chauffeur": "in control", "drive": "in control",
    "passenger": "carried", "pillion": "carried",
    "pedestrian": "on foot",
}
CONFIDENCE = 0.5
REASON = "the same person is given two parts in the incident that one person cannot play at once"


def role_conflicts(story: Story, entities: tuple[Entity, ...],
                   toolkit: Toolkit) -> tuple[Conflict, ...]:
    """One possible difference per person whom two articles give exclusive parts."""
    people = [e for e in entities if e.type == "PERSON"]
    keys = person_keys(people)
    given: dict[int, list[Reading]] = defaultdict(list)
    for article, doc in toolkit.english_parses(story.articles):
        for ent, person in person_mentions(doc, keys, people, article.id):
            if (part := read_part(ent, article.id)) is not None:
                given[person].append(part)
    return tuple(c for person, parts in given.items()
                 if (c := person_conflict(people[person], parts, story.facts)) is not None)


def read_part(ent: Any, article: str) -> Reading | None:
    """The part the words given to a name say ("driver", "pillion rider"), or None; a part
    said to be past ("a former driver") is none."""
    words = next((w for w in role_words(ent) if any(fold(t.lemma_) in PARTS for t in w)), [])
    lemmas = [fold(t.lemma_) for t in words]
    if not words or qualified(words):
        return None
    part = "carried" if "pillion" in lemmas else \
        next(PARTS[w] for w in reversed(lemmas) if w in PARTS)
    sentence = ent.sent
    shown = sentence.doc[words[0].i:words[-1].i + 1].text
    return Reading(part, shown, article, sentence.text, sentence.start_char, sentence.end_char)


def role_words(ent: Any) -> list[list[Any]]:
    """Word groups that may say what a named person is: the words before the name that attach
    to it ("pillion rider X"), an appositive ("X, a passenger in the car,"), a noun set off by
    a comma right before the name, opening the sentence ("The driver, Mr X, 45, was ...",
    which the parser often reads as no appositive) and the noun a copula gives ("X was the
    driver", "X, who was a passenger,"; not "X was not the driver" nor "X would be the driver");
    each noun with the words qualifying it."""
    doc, root = ent.doc, ent.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    start = ent.start - 1 if ent.start and fold(doc[ent.start - 1].text).rstrip(".") in \
        HONORIFICS else ent.start
    if start >= 2 and doc[start - 1].text == ",":
        nouns += set_off_before(doc[start - 2], root)
    nouns += copula_nouns(root)
    nouns += [c for clause in root.children if clause.dep_ == "relcl" and clause.lemma_ == "be"
              and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in clause.children)
              and not negated(clause, clause)
              for c in clause.children if c.dep_ == "attr"]  # "X, who was a passenger,"
    qualified_nouns = [sorted([*(c for c in n.children if c.dep_ in ("compound", "amod")), n],
                              key=lambda t: t.i) for n in nouns if n.pos_ == "NOUN"]
    return [title_before(ent), *qualified_nouns, *driving(root)]


def set_off_before(last: Any, root: Any) -> list[Any]:
    """The noun of the phrase that ends (`last`) right before ", <name>" when it names the
    person: the phrase opens the sentence ("The driver, Mr X, 45, was ...") or, with all it
    qualifies ("the driver of the car"), takes the name's own place in the clause: two
    subjects of one verb are one subject the parser split ("Police said the driver of the car,
    X, was arrested"), or it is read as an object. Not "Besides the driver, X and his son were
    hurt" (a preposition's object)."""
    if last.left_edge.i == last.sent.start:
        return [last]
    noun = last
    while noun.head.i < noun.i and noun.head.right_edge.i <= last.i + 1 and \
            noun.head.pos_ in ("NOUN", "ADP"):
        noun = noun.head  # "car" -> "of" -> "driver"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return [noun] if noun.dep_ == root.dep_ and noun.head.i == root.head.i else []
    # "Police said a passenger in the car, X, was hurt": the phrase read as what was said;
    # not "It hit a pedestrian, X said" (the name is the one saying it).
    speaking = root.dep_ == "nsubj" and fold(root.head.lemma_) in REPORTING
    return [noun] if noun.dep_ == "dobj" and not speaking else []


def driving(root: Any) -> list[list[Any]]:
    """The verb that makes the named person the one at the wheel: "X was driving the car",
    "X, who was driving, ...", "X drove off", "the car was driven by X", "the car, driven by
    X," (its auxiliaries shown with it); not "X was not driving"."""
    verbs = [root.head] if root.dep_ == "nsubj" else []
    if root.dep_ == "pobj" and root.head.dep_ == "agent":  # the doer of a passive verb
        verbs.append(root.head.head)
    verbs += [c for c in root.children if c.dep_ == "relcl"
              and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)]
    return [sorted([*(a for a in v.children if a.dep_ in ("aux", "auxpass")), v],
                   key=lambda t: t.i)
            for v in verbs if v.pos_ == "VERB" and fold(v.lemma_) == "drive" and not negated(v, v)]


def person_conflict(person: Entity, parts: list[Reading],
                    facts: tuple[Fact, ...]) -> Conflict | None:
    """Articles grouped by the one part each gives; none when fewer than two parts remain."""
    sides = one_side_each(parts)
    if len(sides) < 2:
        return None
    return sides_conflict("title", f"what part {person.name} played",
                          sorted(sides.values(), key=len, reverse=True), facts, REASON,
                          CONFIDENCE)
