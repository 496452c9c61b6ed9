"""Counts of one thing named with two nouns (`compare/count_keys.py`): synthetic articles
through the real parser and encoder."""

from __future__ import annotations

from test_compare import conflicts_of, differences_of

from newsweave.compare.count_keys import noun_keys


def values(found) -> list[set[str]]:
    return [{p.value for p in c.positions} for c in found]


def test_near_synonyms_are_one_noun_and_kinds_of_one_class_are_not(toolkit):
    keys = noun_keys(["employee", "home", "house", "man", "woman", "worker"],
                     toolkit.encoder.encode)
    assert keys["house"] == keys["home"] and keys["worker"] == keys["employee"]
    assert keys["man"] != keys["woman"] and keys["home"] != keys["worker"]


def test_counts_of_near_synonyms_are_compared(toolkit, settings):
    found = conflicts_of(toolkit, settings, "The blaze destroyed 20 homes in the village.",
                         "The blaze destroyed 25 houses in the village.")
    assert values(found) == [{"20 homes", "25 houses"}]
    assert not conflicts_of(toolkit, settings, "The blaze destroyed 20 homes in the village.",
                            "The blaze destroyed 20 houses in the village.")


def test_a_class_word_and_other_kinds_are_not_one_count(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The crash involved 3 cars.",
                            "The crash involved 5 vehicles.")
    assert not conflicts_of(toolkit, settings, "Police arrested 12 men at the scene.",
                            "Police arrested 15 women at the scene.")


def test_figures_of_one_event_dated_apart_are_two_events(toolkit, settings):
    """Both statements date the figure's event, more than a week apart: two quakes, each with
    its toll. The same figures on one day, or with one side undated, are still compared."""
    def counts(first: str, second: str) -> list[set[str]]:
        return values([c for c in conflicts_of(toolkit, settings, first, second,
                                               published="2008-09-10") if c.kind == "number"])
    assert counts("A quake killed 26 people in the town in December 2003.",
                  "A quake killed 600 people in the town in February 2005.") == []
    assert counts("A quake killed 26 people in the town on Sunday.",
                  "A quake killed 60 people in the town on Sunday.") == [{"26 people",
                                                                          "60 people"}]
    assert counts("A quake killed 26 people in the town in December 2003.",
                  "A quake killed 60 people in the town.") == [{"26 people", "60 people"}]


def test_a_time_written_apart_is_no_count_of_letters(toolkit, settings):
    """"by 7 a. m." (a time written with spaces, as some feeds do) counts no "m."; a count of
    a noun written as a word still differs."""
    assert not differences_of(toolkit, settings,
                              "The fire was put out by 7 a. m., after crews attacked it.",
                              "The fire was put out by 6: 40 a. m., after crews attacked it.")
    assert values(conflicts_of(toolkit, settings, "The fire destroyed 7 homes in the village.",
                               "The fire destroyed 6 homes in the village.")) == \
        [{"7 homes", "6 homes"}]
