"""A figure given as a range ("two to three minutes", "between seven and 16 years", "aged
between 23 and 42") is one slot with two ends: two ranges disagree when an end does, a figure
agrees with a range it falls in, and a day of a month or a list of numbers is no range."""

from __future__ import annotations

from test_compare import differences_of

from newsweave.compare.range_slots import range_slots


def read(toolkit, text: str):
    return [(s.key, s.value, s.to, s.shown) for s in range_slots(toolkit.nlp(text))]


def test_ranges_are_read_with_both_ends(toolkit):
    assert read(toolkit, "Police said the suspects, aged between 23 and 42, were detained.") \
        == [("ages", 23.0, 42.0, "aged between 23 and 42")]
    assert read(toolkit, "He faces between seven and 16 years in jail.") == [
        ("duration", 7 * 365.25 * 86400, 16 * 365.25 * 86400, "between seven and 16 years")]
    assert read(toolkit, "The flood affected 20,000 to 30,000 people.") == [
        ("count of people", 20000.0, 30000.0, "20,000 to 30,000 people")]


def test_days_of_a_month_and_lists_are_no_ranges(toolkit):
    assert read(toolkit, "Heavy rain fell between Jan 10 and 11.") == []
    assert read(toolkit, "Services 171, 963 and 966 were delayed.") == []
    assert read(toolkit, "Lanes 1 to 3 were closed.") == []


def number_values(found):
    return [{p.value for p in c.positions} for c in found if c.kind == "number"]


def test_two_ranges_with_another_end_differ(toolkit, settings):
    found = differences_of(
        toolkit, settings,
        "The 12 men and four women, aged between 23 and 42, were detained at an office block.",
        "Police detained 16 Malaysians aged between 24 and 43 at an office block.")
    assert number_values(found) == [{"aged between 23 and 42", "aged between 24 and 43"}]


def test_a_figure_inside_a_range_agrees_and_one_outside_differs(toolkit, settings):
    inside = differences_of(toolkit, settings,
                            "Trains ran every two to three minutes during the morning peak.",
                            "Trains ran every three minutes during the morning peak.")
    assert number_values(inside) == []
    outside = differences_of(toolkit, settings,
                             "Trains ran every two to three minutes during the morning peak.",
                             "Trains ran every five minutes during the morning peak.")
    assert number_values(outside) == [{"two to three minutes", "five minutes"}]
