"""Clock times: two minutes for one moment conflict; a time to the hour, a span of hours, a time
naming a thing and the same hour of two days do not."""

from __future__ import annotations

from conftest import story_of_two_facts
from test_compare import conflicts_of

from newsweave.compare import find_conflicts
from newsweave.compare.times import clock_times, time_slots


def kinds(found) -> list[str]:
    return [c.kind for c in found]


def test_one_alert_timed_differently_conflicts_even_when_hedged(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "The police said they were alerted to the crash at about 5.40am.",
                         "The police said they were alerted to the crash at about 5.35am.")
    assert kinds(found) == ["time"]
    assert {p.value for p in found[0].positions} == {"5.40am", "5.35am"}
    assert found[0].topic == "time of alert"


def test_time_of_one_statement_under_two_verbs_conflicts(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "At 7.04am, the operator said on Facebook that trains were delayed.",
                         "At 7:03am, the operator provided an update that trains were delayed.")
    assert kinds(found) == ["time"]
    assert {p.articles for p in found[0].positions} == {("a0",), ("a1",)}


def test_time_to_the_hour_agrees_with_a_time_in_that_half_hour(toolkit, settings):
    assert "time" not in kinds(conflicts_of(
        toolkit, settings, "The operator said at 7am that trains were delayed.",
        "The operator said at 7.04am that trains were delayed."))
    found = conflicts_of(toolkit, settings, "The operator said at 7am that trains were delayed.",
                         "The operator said at 7.45am that trains were delayed.")
    assert kinds(found) == ["time"]


def test_one_time_written_two_ways_agrees(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The shop closed its doors at 9.15pm.",
                            "The shop closed its doors at 9:15 p.m.")


def test_span_of_hours_is_no_moment(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The trains ran every two minutes from 7am to 9am.",
                            "The trains ran every two minutes from 7.30am to 9am.")


def test_same_hour_of_two_days_is_two_moments(toolkit, settings):
    found = conflicts_of(toolkit, settings, "The fire broke out at 3am on Monday.",
                         "The fire broke out at 4am on Tuesday.")
    assert "time" not in kinds(found)


def test_clock_times_read_as_minutes_after_midnight():
    assert [(t[2], t[3]) for t in clock_times("At 12 noon, then 5.15pm, 7:03 a.m. and 9pm.")] \
        == [(720, True), (1035, False), (423, False), (1260, True)]
    assert clock_times("He is 12 and I am 30 years old.") == []


def test_time_naming_a_thing_or_ending_a_span_is_no_slot(toolkit):
    doc = toolkit.nlp("She missed the 7am train and waited until 8.30am for the next one.")
    assert time_slots(doc) == []
    doc = toolkit.nlp("The council closed the road at 11pm.")
    assert [(s.value, s.event) for s in time_slots(doc)] == [(23 * 60, "close")]


def test_hedged_quarter_hour_is_approximate_but_other_hedged_minutes_are_not(toolkit, settings):
    assert not conflicts_of(toolkit, settings,
                            "The owner shared an update at around 11.30am on the fire.",
                            "The owner shared an update at 11.37am on the fire.")
    found = conflicts_of(toolkit, settings,
                         "The owner shared an update at around 11.20am on the fire.",
                         "The owner shared an update at 11.24am on the fire.")
    assert kinds(found) == ["time"]


def test_times_of_statements_in_two_facts_are_two_updates(toolkit, settings):
    story = story_of_two_facts(toolkit, settings,
                               "The operator said at 7.04am that trains were delayed.",
                               "The operator said at 7.10am that the line had reopened.")
    assert "time" not in kinds(find_conflicts(story, toolkit, settings))
    story = story_of_two_facts(toolkit, settings,
                               "The police were alerted to the crash at 5.40am.",
                               "The police were alerted to the crash at 5.35am.")
    assert kinds(find_conflicts(story, toolkit, settings)) == ["time"]
