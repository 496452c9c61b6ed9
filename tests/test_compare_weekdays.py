"""A weekday written beside a date: one day named as two weekdays is a disagreement; a weekday
on one side only is not."""

from __future__ import annotations

from test_compare import conflicts_of

from newsweave.compare.dates import date_slots, weekday_in
from newsweave.dating import day_of


def test_one_day_named_as_two_weekdays_conflicts(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "The bridge was closed on Monday (Feb 5) for repairs.",
                         "The bridge was closed on Wednesday (Feb 5) for repairs.")
    assert [c.kind for c in found] == ["date"]
    assert {p.value for p in found[0].positions} == {"2023-02-05 (Monday)",
                                                     "2023-02-05 (Wednesday)"}
    assert {day_of(p.value) for p in found[0].positions} == {"2023-02-05"}


def test_weekday_on_one_side_only_agrees(toolkit, settings):
    assert not conflicts_of(toolkit, settings,
                            "The bridge was closed on Wednesday (Feb 5) for repairs.",
                            "The bridge was closed on Feb 5 for repairs.")
    assert not conflicts_of(toolkit, settings,
                            "The bridge was closed on Wednesday, February 5, for repairs.",
                            "The bridge was closed on Wednesday (Feb 5) for repairs.")


def test_weekday_is_kept_with_its_written_date(toolkit):
    doc = toolkit.nlp("The bridge was closed on Monday (5 Feb) for repairs.")
    assert [(s.value, s.weekday) for s in date_slots(doc, "2025-02-06")] == \
        [("2025-02-05", "monday")]
    assert weekday_in("Wednesday, February 5") == "wednesday"
    assert weekday_in("February 5") == ""
