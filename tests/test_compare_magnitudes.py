"""A count given as an order of magnitude ("thousands of people", "hundreds of thousands of
files") is a range of that order: it disagrees with a figure or a bound outside it, agrees with
one inside it, and with any range it overlaps."""

from __future__ import annotations

from test_compare import differences_of

from newsweave.compare.magnitude_slots import magnitude_slots


def read(toolkit, text: str):
    return [(s.key, s.value, s.to, s.shown) for s in magnitude_slots(toolkit.nlp(text))]


def test_orders_of_magnitude_are_read_as_ranges_of_a_count(toolkit):
    assert read(toolkit, "Thousands of people joined the march.") == [
        ("count of people", 2000.0, 9999.0, "Thousands of people")]
    assert read(toolkit, "Police seized hundreds of thousands of files.") == [
        ("count of file", 2e5, 1e6 - 1, "hundreds of thousands of files")]
    assert read(toolkit, "Several hundred homes were flooded.") == [
        ("count of home", 200.0, 999.0, "Several hundred homes")]
    # Not an order of magnitude: a figure, a bound, money.
    assert read(toolkit, "Two hundred homes were flooded.") == []
    assert read(toolkit, "The storm could hit up to thousands of homes.") == []
    assert read(toolkit, "The firm lost millions of dollars.") == []


def values(toolkit, settings, first: str, second: str) -> list[set[str]]:
    return [{p.value for p in c.positions}
            for c in differences_of(toolkit, settings, first, second, published="2025-03-05")
            if c.kind == "number"]


def test_a_figure_outside_an_order_of_magnitude_differs(toolkit, settings):
    assert values(toolkit, settings, "Israel obtained hundreds of thousands of files.",
                  "Israel obtained 100,000 files.") == [
        {"hundreds of thousands of files", "100,000 files"}]
    assert values(toolkit, settings, "Thousands of people joined the protest on Saturday.",
                  "Tens of thousands of people joined the protest on Saturday.") == [
        {"Thousands of people", "Tens of thousands of people"}]
    assert values(toolkit, settings, "Dozens of people were hurt in the blast.",
                  "Three people were hurt in the blast.") == [
        {"Dozens of people", "Three people"}]


def test_a_figure_or_range_inside_an_order_of_magnitude_agrees(toolkit, settings):
    assert values(toolkit, settings, "Thousands of people joined the protest on Saturday.",
                  "About 5,000 people joined the protest on Saturday.") == []
    assert values(toolkit, settings, "Tens of thousands of people joined the protest.",
                  "Between 20,000 and 30,000 people joined the protest.") == []
    assert values(toolkit, settings, "Police arrested dozens of protesters on Saturday.",
                  "Police arrested 45 protesters on Saturday.") == []


def test_an_order_of_magnitude_does_not_join_two_figures_that_differ(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The counsel has dozens of questions he wants to ask the president.",
                           "The counsel has at least four dozen questions he wants to ask the "
                           "president.",
                           "The counsel has almost four dozen questions he wants to ask the "
                           "president.")
    assert [[p.value for p in c.positions] for c in found if c.kind == "number"] == [
        ["at least four dozen questions", "almost four dozen questions"]]


def test_millions_alone_holds_only_its_low_end(toolkit):
    assert read(toolkit, "Millions of people watched the debate.") == [
        ("count of people", 2e6, 1e9 - 1, "Millions of people")]
    assert read(toolkit, "Tens of millions of people watched the debate.") == [
        ("count of people", 2e7, 1e8 - 1, "Tens of millions of people")]
