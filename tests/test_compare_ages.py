"""A person named by a noun and an age ("a 34-year-old man", "a man, 34,") has that age
compared, exactly, with the same noun's age in the other statements of its fact."""

from __future__ import annotations

from conftest import story_of_two_facts
from test_compare import conflicts_of, differences

from newsweave.compare.age_slots import unnamed_age_slots


def ages(toolkit, text: str) -> list[tuple[str, float, str]]:
    return [(s.key, s.value, s.shown) for s in unnamed_age_slots(toolkit.nlp(text))]


def test_ages_of_people_named_by_a_noun_are_read(toolkit):
    assert ages(toolkit, "A 34-year-old man was arrested and a man, 41, was questioned.") == [
        ("age of man", 34.0, "34-year-old man"), ("age of man", 41.0, "man, 41")]
    assert ages(toolkit, "The 47-year-old driver of the lorry died.") == [
        ("age of driver", 47.0, "47-year-old driver")]
    # A named person's age is read elsewhere; a ten-year-old plan has no person.
    assert ages(toolkit, "The 28-year-old Jane Doe spoke.") == []
    assert ages(toolkit, "The rule is 10 years old.") == []
    # "aged": one person's age, not a group's nor a range's
    assert ages(toolkit, "The victim, aged 45, died and a man aged 30 was arrested.") == [
        ("age of victim", 45.0, "victim, aged 45"), ("age of man", 30.0, "man, aged 30")]
    assert ages(toolkit, "The two men, aged 21 and 22, were arrested.") == []
    assert ages(toolkit, "The scheme is open to a woman aged 21 to 37.") == []
    # a relative clause: "who is 45", "who was 45 years old"
    assert ages(toolkit, "The driver, who was 45, died; the rider, who is 30 years old, "
                         "was hurt.") == [("age of driver", 45.0, "driver, who was 45"),
                                          ("age of rider", 30.0, "rider, who is 30")]
    assert ages(toolkit, "The driver, who was 45 minutes late, apologised.") == []


def test_two_ages_for_one_person_in_one_fact_conflict(toolkit, settings):
    def values(first: str, second: str) -> list[set[str]]:
        return [{p.value for p in c.positions} for c in conflicts_of(toolkit, settings,
                                                                     first, second)]

    assert values("A 34-year-old man was arrested on Monday over the robbery, police said.",
                  "A 43-year-old man was arrested on Monday over the robbery, police said.") == [
        {"34-year-old man", "43-year-old man"}]
    assert values("A man, 34, was arrested on Monday over the robbery, police said.",
                  "A 34-year-old man was arrested on Monday over the robbery, police said.") == []
    assert values("A man, aged 34, was arrested on Monday over the robbery, police said.",
                  "A man, aged 43, was arrested on Monday over the robbery, police said.") == [
        {"man, aged 34", "man, aged 43"}]
    assert values("The victim, who was 45, died at the scene of the crash on Monday.",
                  "The victim, 54, died at the scene of the crash on Monday.") == [
        {"victim, who was 45", "victim, 54"}]
    # Two people of two nouns: each age is compared with its own noun's.
    assert values("A 52-year-old man and a 41-year-old woman died in the crash on Monday.",
                  "A 41-year-old woman and a 52-year-old man died in the crash on Monday.") == []


def test_ages_in_two_facts_may_be_of_two_people(toolkit, settings):
    story = story_of_two_facts(toolkit, settings,
                               "A 34-year-old man was arrested for the robbery of the shop.",
                               "The shop's owner, a 61-year-old man, was treated in hospital.")
    assert not [c for c in differences(story, toolkit, settings) if c.kind == "number"]


def test_ages_under_two_verbs_of_one_fact_may_be_of_two_people(toolkit, settings):
    from test_compare import make_story

    story = make_story(toolkit, settings,
                       "The 52-year-old motorcyclist died at the scene of the crash on the "
                       "expressway, police said.",
                       "A 24-year-old motorcyclist was taken to hospital after the crash on "
                       "the expressway, police said.")
    assert len(story.facts) == 1  # the two statements are aligned as one
    assert not [c for c in differences(story, toolkit, settings) if c.kind == "number"]
