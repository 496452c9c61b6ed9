"""Spans of days ("Jan 14-18", "from 14 to 18 January") agree with any day inside them, and one
pair of statements gives one claim difference however many verbs it negates."""

from __future__ import annotations

import pytest
from test_compare import conflicts_of, differences_of

from newsweave.compare.dates import date_slots
from newsweave.dating import date_range, day_of


def test_a_span_of_days_is_read_with_both_ends(toolkit):
    def spans(text):
        return [(s.value, s.last) for s in date_slots(toolkit.nlp(text), "2025-01-20")]

    assert spans("The fair ran on Jan 14-18 in the city.") == [("2025-01-14", "2025-01-18")]
    assert spans("He toured the region from Jan 14 to 18.") == [("2025-01-14", "2025-01-18")]
    assert spans("The festival runs from 14 to 18 January.") == [("2025-01-14", "2025-01-18")]
    assert spans("Talks were held between March 3 and March 5.") == \
        [("2025-03-03", "2025-03-05")]
    # A figure counting a noun is no second day.
    assert spans("The fair opened on Jan 5 and 18 stalls sold out.") == [("2025-01-05", "")]


def test_date_range_needs_its_ends_in_order_and_close():
    assert date_range("Dec 30 to Jan 2 in", "2025-01-20")[:2] == ("2024-12-30", "2025-01-02")
    assert date_range("Jan 18 and 14", "2025-01-20") is None
    assert date_range("Jan 5 and 3 others", "2025-01-20") is None
    assert date_range("March 3, 2024 and later", "2025-01-20") is None


def test_a_day_inside_a_span_agrees_with_it(toolkit, settings):
    assert not differences_of(toolkit, settings,
                              "The minister visited the port city from June 4 to 8.",
                              "The minister visited the port city on June 6.",
                              published="2023-06-20")
    # One span written two ways: not even a possible difference.
    assert not differences_of(toolkit, settings,
                              "The minister visited the port city on June 4-8.",
                              "The minister visited the port city from 4 to 8 June.",
                              published="2023-06-20")


def test_a_day_outside_a_span_still_disagrees(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The minister visited the port city from June 4 to 8.",
                           "The minister visited the port city on June 12.",
                           published="2023-06-20")
    assert [c.kind for c in found] == ["date"]
    values = {p.value for p in found[0].positions}
    assert values == {"2023-06-04 to 2023-06-08", "2023-06-12"}
    assert {day_of(v) for v in values} == {"2023-06-04", "2023-06-12"}


def test_one_pair_of_statements_gives_one_claim_difference(toolkit, settings):
    found = [c for c in differences_of(
        toolkit, settings,
        "No new agreements are expected to be signed during the minister's visit to the port.",
        "New agreements are expected to be signed during the minister's visit to the port.")
        if c.kind == "claim"]
    assert len(found) == 1


def test_two_spans_ending_differently_are_a_possible_difference(toolkit, settings):
    texts = ("The storm dropped 250mm of rain on the town between June 10 and 11.",
             "The storm dropped 250mm of rain on the town between 10 and 13 June.")
    assert not conflicts_of(toolkit, settings, *texts, published="2023-06-20")
    found = [c for c in differences_of(toolkit, settings, *texts, published="2023-06-20")
             if c.kind == "date"]
    assert [{p.value for p in c.positions} for c in found] == \
        [{"2023-06-10 to 2023-06-11", "2023-06-10 to 2023-06-13"}]



AGENCY = "The new agency formally began operations on Feb {}, officials said."
BRIDGE = "Officials expect the bridge to reopen on {}, the ministry said."


# "expect the bridge to reopen on Tuesday": the parser makes the infinitive a clause of its own
# (ccomp, with "the bridge" its subject), and it is still a plan.
@pytest.mark.parametrize("plan, done, two_reports, published", [
    ("The new agency is expected to formally begin operations on Feb 1, officials said.",
     AGENCY.format(2), (AGENCY.format(2), AGENCY.format(3)), "2025-02-03"),
    (BRIDGE.format("Tuesday"), "The bridge reopened on Monday, the ministry said.",
     (BRIDGE.format("Tuesday"), BRIDGE.format("Thursday")), "2025-02-04")],
    ids=["expected to", "expect it to"])
def test_a_planned_date_and_a_date_of_what_happened_are_not_shown(toolkit, settings, plan, done,
                                                                   two_reports, published):
    """A plan and what happened are only a possible difference; two reports of one of them
    that date it differently still disagree."""
    assert not conflicts_of(toolkit, settings, plan, done, published=published)
    assert [c.kind for c in differences_of(toolkit, settings, plan, done,
                                           published=published)] == ["date"]
    assert [c.kind for c in conflicts_of(toolkit, settings, *two_reports,
                                         published=published)] == ["date"]


def test_a_proposed_figure_and_a_figure_that_is_are_not_shown(toolkit, settings):
    proposal = "The committee recommended 10 days of paid leave for parents of newborns."
    now = "Parents of newborns get six days of paid leave."
    assert not conflicts_of(toolkit, settings, proposal, now)
    assert [c.kind for c in differences_of(toolkit, settings, proposal, now)] == ["number"]
    # two reports of one proposal still disagree
    assert [c.kind for c in conflicts_of(
        toolkit, settings, proposal,
        "The committee recommended 12 days of paid leave for parents of newborns.")] == ["number"]
