"""Entities, round 20: datelines closed by a colon, ranks before names, a person's name the
recogniser ran into an office's field, and constituencies typed as people or bodies."""

from __future__ import annotations

from test_entities_kinds3 import make_story, types_of


def test_a_dateline_closed_by_a_colon_is_a_place_whole(toolkit):
    found = types_of(make_story("KUALA TERENGGANU: Twelve men were held by police on Friday.",
                                "Twelve men were held, police said."), toolkit)
    assert found == {"KUALA TERENGGANU": "GPE"}


def test_a_rank_before_a_name_is_no_body(toolkit):
    found = types_of(make_story(
        "The case was heard, said Rear Admiral John Barr, commander of the district.",
        "Two new faces, Associate Professor Ann Leeson and Ms Joan Park, are also part of it."),
        toolkit)
    assert found == {"John Barr": "PERSON", "Ann Leeson": "PERSON", "Joan Park": "PERSON"}


def test_a_person_run_into_an_offices_field_is_the_person(toolkit):
    found = types_of(make_story(
        "Responding, Member of Parliament Nur Aisyah Rahim called for more support.",
        "Ms Nur Aisyah Rahim said the scheme would help."), toolkit)
    assert found == {"Nur Aisyah Rahim": "PERSON"}  # not the body "Parliament Nur Aisyah Rahim"


def test_a_constituency_is_a_place(toolkit):
    found = types_of(make_story(
        "Opposition MP Ong Kah Hin (Bukit Merah GRC) said that the plan would help."), toolkit)
    assert found == {"Bukit Merah GRC": "LOC", "Ong Kah Hin": "PERSON"}


def test_a_name_qualifying_a_noun_after_an_office_word_is_no_person(toolkit):
    found = types_of(make_story(
        "The Blue House said the talks would go ahead. The Blue House did not comment on the "
        "visit; chief Blue House correspondent Ann Lee reports from Seoul."), toolkit)
    assert found["Blue House"] != "PERSON" and found["Ann Lee"] == "PERSON"
