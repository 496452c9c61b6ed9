"""A figure given as a range ("three to four minutes", "between five and 12 years", "aged
between 19 and 57") is one slot with two ends: two ranges disagree when an end does, a figure
agrees with a range it falls in, and a day of a month or a list of numbers is no range."""

from __future__ import annotations

from test_compare import differences_of

from newsweave.compare.range_slots import range_slots


def read(toolkit, text: str):
    return [(s.key, s.value, s.to, s.shown) for s in range_slots(toolkit.nlp(text))]


def test_ranges_are_read_with_both_ends(toolkit):
    assert read(toolkit, "Police said the suspects, aged between 19 and 57, were detained.") \
        == [("ages", 19.0, 57.0, "aged between 19 and 57")]
    assert read(toolkit, "He faces between five and 12 years in jail.") == [
        ("duration", 5 * 365.25 * 86400, 12 * 365.25 * 86400, "between five and 12 years")]
    assert read(toolkit, "The flood affected 20,000 to 30,000 people.") == [
        ("count of people", 20000.0, 30000.0, "20,000 to 30,000 people")]
    # A multiplier after the high end multiplies both ends.
    assert read(toolkit, "Between 2 and 3.5 million people fled the floods.") == [
        ("count of people", 2e6, 3.5e6, "Between 2 and 3.5 million people")]


def test_days_of_a_month_and_lists_are_no_ranges(toolkit):
    assert read(toolkit, "Heavy rain fell between Mar 3 and 4.") == []
    assert read(toolkit, "Services 14, 52 and 88 were delayed.") == []
    assert read(toolkit, "Lanes 1 to 3 were closed.") == []


def number_values(found):
    return [{p.value for p in c.positions} for c in found if c.kind == "number"]


def test_two_ranges_with_another_end_differ(toolkit, settings):
    found = differences_of(
        toolkit, settings,
        "The nine men and three women, aged between 19 and 57, were detained at an office block.",
        "Police detained 12 suspects aged between 20 and 58 at an office block.")
    assert number_values(found) == [{"aged between 19 and 57", "aged between 20 and 58"}]


def test_a_figure_inside_a_range_agrees_and_one_outside_differs(toolkit, settings):
    inside = differences_of(toolkit, settings,
                            "Trains ran every three to four minutes during the morning peak.",
                            "Trains ran every four minutes during the morning peak.")
    assert number_values(inside) == []
    outside = differences_of(toolkit, settings,
                             "Trains ran every three to four minutes during the morning peak.",
                             "Trains ran every six minutes during the morning peak.")
    assert number_values(outside) == [{"three to four minutes", "six minutes"}]
