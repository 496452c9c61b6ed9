"""Ratings on a named scale (an earthquake's magnitude, a storm's category) are compared
exactly, and their figures count nothing."""

from __future__ import annotations

from test_compare import differences_of

from newsweave.compare.numbers import Numbers
from newsweave.compare.rating_slots import rating_slots


def read(toolkit, text: str):
    return [(s.key, s.value, s.shown) for s in rating_slots(toolkit.nlp(text))]


def test_ratings_are_read_in_their_usual_forms(toolkit):
    assert read(toolkit, "A magnitude 6.1 earthquake struck the island.") == [
        ("rating: magnitude", 6.1, "magnitude 6.1")]
    assert read(toolkit, "A 6.1-magnitude quake struck the island.") == [
        ("rating: magnitude", 6.1, "6.1-magnitude")]
    assert read(toolkit, "The quake measured 5.8 on the Richter scale.") == [
        ("rating: magnitude", 5.8, "5.8 on the Richter scale")]
    assert read(toolkit, "The quake had a preliminary magnitude of 5.9.") == [
        ("rating: magnitude", 5.9, "magnitude of 5.9")]
    assert read(toolkit, "It made landfall as a Category 4 hurricane.") == [
        ("rating: category", 4.0, "Category 4")]
    assert read(toolkit, "A magnitude 4.5 aftershock followed.") == [
        ("rating: magnitude of aftershock", 4.5, "magnitude 4.5")]


def test_a_rating_counts_nothing(toolkit):
    slots = Numbers().read(toolkit.nlp("A magnitude 6.1 earthquake struck the island."), None)
    assert [s.key for s in slots] == ["rating: magnitude"]


def values(toolkit, settings, first: str, second: str) -> list[set[str]]:
    return [{p.value for p in c.positions}
            for c in differences_of(toolkit, settings, first, second) if c.kind == "number"]


def test_two_ratings_of_one_event_differ_exactly(toolkit, settings):
    assert values(toolkit, settings,
                  "A magnitude 6.1 earthquake struck the region on Monday, the survey said.",
                  "A magnitude 6.0 earthquake struck the region on Monday, the survey said.") \
        == [{"magnitude 6.1", "magnitude 6.0"}]
    assert values(toolkit, settings, "Two earthquakes struck the region on Monday.",
                  "A magnitude 6.1 earthquake struck the region on Monday.") == []
    assert values(toolkit, settings,
                  "A magnitude 6.1 earthquake struck the region on Monday.",
                  "A magnitude 4.5 aftershock struck the region on Monday.") == []
