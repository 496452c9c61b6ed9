"""One act weighed both ways by two articles (`compare/likelihood.py`)."""

from __future__ import annotations

import pytest
from test_compare_titles import make_story, sides

from newsweave.compare import story_conflicts, told_closer
from newsweave.compare.likelihood import likelihood_conflicts
from newsweave.config import Settings
from newsweave.entities import merge_entities
from newsweave.models import Conflict, Position, Statement


def weighed(toolkit, *texts: str):
    story = make_story(*texts)
    return likelihood_conflicts(story, merge_entities(story, toolkit), toolkit)


def test_expected_and_unlikely_to_do_one_thing_differ(toolkit):
    found = weighed(toolkit,
                    "Mayor Ada Okafor arrived on Monday. Even if she does not get a parade, "
                    "she is expected to shake hands with the governor and to meet Queen Mira "
                    "Tallis.",
                    "Mayor Ada Okafor arrived on Monday. Because the visit is not a state one, "
                    "she is unlikely to meet Queen Mira Tallis or visit the palace.")
    assert [sides(c) for c in found] == [{"expected to meet": ("a0",), "unlikely to meet": ("a1",)}]
    assert found[0].kind == "claim"
    assert found[0].topic == "how likely it is that Ada Okafor will meet Queen Mira Tallis"


def test_not_expected_against_likely_for_a_thing(toolkit):
    found = weighed(toolkit, "The storm is not expected to hit the coast, forecasters said.",
                    "The storm is likely to hit the coast on Friday.")
    assert [sides(c) for c in found] == [{"not expected to hit": ("a0",),
                                          "likely to hit": ("a1",)}]
    assert "the storm will hit the coast" in found[0].topic


@pytest.mark.parametrize("texts", [
    # another act, another subject, one side
    ("The storm is expected to hit the coast on Friday.",
     "The storm is unlikely to reach the capital."),
    ("Ada Okafor is expected to attend the summit.", "Ben Tallis is unlikely to attend the summit."),
    ("Ada Okafor is not expected to attend the summit.",
     "Ada Okafor is unlikely to attend the summit."),
    # a condition; one article weighing the act both ways
    ("If the talks fail, Ada Okafor is expected to attend the summit.",
     "Ada Okafor is unlikely to attend the summit."),
    (("Ada Okafor is expected to attend the summit. By Friday, Ada Okafor was unlikely to "
      "attend the summit."), "Ada Okafor is unlikely to attend the summit."),
])
def test_no_difference_without_one_act_weighed_both_ways(toolkit, texts):
    assert not weighed(toolkit, *texts)


def test_a_weighing_difference_is_listed_not_shown(toolkit):
    story = make_story("The storm is not expected to hit the coast, forecasters said.",
                       "The storm is likely to hit the coast on Friday.")
    found = story_conflicts(story, merge_entities(story, toolkit), toolkit, Settings())
    assert not any("how likely" in c.topic for c in found.shown)
    assert any("how likely" in c.topic for c in found.possible)


def test_the_weighing_replaces_the_same_sentences_read_as_asserted_and_denied(toolkit):
    closed = weighed(toolkit, "She arrived on Monday. Mayor Ada Okafor is expected to meet "
                     "Queen Mira Tallis at the palace.",
                     "Mayor Ada Okafor is unlikely to meet Queen Mira Tallis at the palace.")
    assert len(closed) == 1

    def polarity(*sides: tuple[str, str, str]) -> Conflict:
        return Conflict("c1", "claim", "whether meet", tuple(
            Position(value, text, (article,), (Statement(article, text),))
            for value, article, text in sides))
    same = polarity(("asserted", "a0", "Ada Okafor is expected to meet Queen Mira Tallis"),
                    ("denied", "a1", "Ada Okafor is unlikely to meet Queen Mira Tallis"))
    elsewhere = polarity(("asserted", "a0", "She arrived on Monday"),
                         ("denied", "a1", "Ada Okafor is unlikely to meet Queen Mira Tallis"))
    assert told_closer(same, closed)
    assert not told_closer(elsewhere, closed)
