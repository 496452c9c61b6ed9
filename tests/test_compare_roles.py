"""Parts one person cannot play at once in one road incident (`compare/roles.py`)."""

from __future__ import annotations

import pytest
from conftest import analysed_story
from test_compare_titles import make_story, sides

from newsweave.compare.roles import role_conflicts
from newsweave.config import Settings
from newsweave.entities import merge_entities


def roles(toolkit, *texts: str):
    story = make_story(*texts)
    return role_conflicts(story, merge_entities(story, toolkit), toolkit)


def test_the_driver_in_one_article_and_a_passenger_in_another_differ(toolkit):
    found = roles(toolkit,
                  "The car hit a lamp post. The driver, Mr Tan Ah Kow, 45, was taken to hospital.",
                  "The car hit a lamp post. Mr Tan Ah Kow, a passenger in the car, was hurt.")
    assert [sides(c) for c in found] == [{"driver": ("a0",), "passenger": ("a1",)}]
    assert "Tan Ah Kow" in found[0].topic and found[0].kind == "title"


def test_a_pillion_rider_is_carried_and_a_copula_gives_a_part(toolkit):
    found = roles(toolkit, "Pillion rider Lim Wee Kiat died at the scene.",
                  "Lim Wee Kiat was the rider of the motorcycle, the police said.")
    assert [sides(c) for c in found] == [{"Pillion rider": ("a0",), "rider": ("a1",)}]


def test_a_relative_clause_gives_a_part(toolkit):
    found = roles(toolkit, "Mr Tan Ah Kow, who was a passenger in the car, was injured.",
                  "Mr Tan Ah Kow, the driver of the car, was injured.")
    assert [sides(c) for c in found] == [{"passenger": ("a0",), "driver": ("a1",)}]


def test_one_part_in_other_words_or_a_past_part_is_no_difference(toolkit):
    assert not roles(toolkit, "The driver, Mr Tan Ah Kow, 45, was taken to hospital.",
                     "Motorist Tan Ah Kow was taken to hospital.")
    assert not roles(toolkit, "The driver, Mr Tan Ah Kow, 45, was taken to hospital.",
                     "Mr Tan Ah Kow, a former passenger of the airline, was hurt.")


def test_a_swap_is_listed_for_the_reader_not_shown(toolkit):
    first = ("A car crashed into a lamp post on Main Road on Monday night. The driver, Mr Tan "
             "Ah Kow, 45, was taken to hospital. His passenger, Mr Lee Boon Hock, 50, was "
             "unhurt, the police said.")
    second = ("A car crashed into a lamp post on Main Road on Monday night. Mr Tan Ah Kow, a "
              "passenger in the car, was taken to hospital. The driver, Mr Lee Boon Hock, 50, "
              "was arrested, the police said.")
    story = analysed_story(toolkit, Settings(), first, second)
    assert not [c for c in story.conflicts if c.kind == "title"]
    listed = [sides(c) for c in story.possible if c.kind == "title"]
    assert listed and set(listed[0]) == {"driver", "passenger"}


def test_a_part_named_before_another_clause_is_not_the_persons(toolkit):
    assert not roles(toolkit, "Besides the driver, Mr Tan Ah Kow and his son were hurt.",
                     "Mr Tan Ah Kow, a passenger in the car, was hurt.")


@pytest.mark.parametrize("first, second, part", [
    # The parser reads "the driver of the car" and the name as two subjects of "arrested".
    ("Police said the driver of the car, Mr Jonas Verhey, 34, was arrested.",
     "Police said a passenger in the car, Mr Jonas Verhey, 34, was arrested.", "driver"),
    ("Mr Jonas Verhey, 34, was driving the car when it hit the barrier.",
     "Mr Jonas Verhey, 34, was a passenger in the car when it hit the barrier.", "was driving"),
    ("Mr Jonas Verhey, who was driving, was taken to hospital.",
     "Mr Jonas Verhey, a passenger, was taken to hospital.", "was driving"),
    # The doer of a passive verb, in a clause or a participle phrase.
    ("The car was driven by Mr Jonas Verhey, 34, police said.",
     "Mr Jonas Verhey, 34, was a passenger in the car, police said.", "was driven"),
    ("The car, driven by Mr Jonas Verhey, 34, hit the barrier.",
     "Mr Jonas Verhey, a passenger, was taken to hospital.", "driven")])
def test_a_part_set_off_mid_sentence_or_driving_gives_the_person_a_part(toolkit, first, second,
                                                                       part):
    found = roles(toolkit, first, second)
    assert [sides(c) for c in found] == [{part: ("a0",), "passenger": ("a1",)}]


def test_a_part_before_the_name_of_someone_saying_it_is_not_theirs(toolkit):
    assert not roles(toolkit, "The car hit a pedestrian, Mr Jonas Verhey said.",
                     "Mr Jonas Verhey, a passenger in the car, was hurt.")


def test_a_denied_part_is_not_given(toolkit):
    passenger = "Mr Tan Ah Kow, a passenger in the car, was hurt."
    assert not roles(toolkit, "Mr Tan Ah Kow was not the driver of the car, the police said.",
                     passenger)
    assert not roles(toolkit, "Mr Tan Ah Kow, who was not driving, was taken to hospital.",
                     passenger)
    assert roles(toolkit, "Mr Tan Ah Kow was the driver of the car, the police said.", passenger)
