"""Amounts of money are compared: a figure with a currency sign, code or word beside it, in
its currency's family, within rounding; two country codes or two things paid for are two
amounts."""

from __future__ import annotations

import pytest
from conftest import analysed_story
from test_compare import differences_of, position_values

from newsweave.compare.money_slots import money_slots
from newsweave.config import Settings


def read(toolkit, text: str):
    return [(s.key, s.value, s.currency, s.of, s.bound)
            for s in money_slots(toolkit.nlp(text))]


def test_amounts_are_read_with_their_currency_scale_and_bound(toolkit):
    assert read(toolkit, "He was fined S$5,000 and ordered to pay US$1.2 million.") == [
        ("money in dollar", 5_000.0, "sg", "", ""),
        ("money in dollar", 1_200_000.0, "us", "", "")]
    assert read(toolkit, "The agency paid USD 4 million and RM1.5bn to the contractors.") == [
        ("money in dollar", 4_000_000.0, "us", "", ""),
        ("money in ringgit", 1_500_000_000.0, "", "", "")]
    assert read(toolkit, "The bridge cost 1.5 billion euros.") == [
        ("money in euro", 1_500_000_000.0, "", "", "")]
    assert read(toolkit, "They raised just under $900,000 for the victims.") == [
        ("money in dollar", 900_000.0, "", "", "upper")]
    # what the amount is of, however the parser hangs it
    assert [s[3] for s in read(toolkit, "He was ordered to pay a $5,000 fine.")] == ["fine"]
    assert [s[3] for s in read(toolkit, "A fine of £5,000 was imposed.")] == ["fine"]
    assert [s[3] for s in read(toolkit, "He paid $3,000 in compensation.")] == ["compensation"]
    assert [s[3] for s in read(toolkit, "Losses hit $5 million in the first half.")] == [""]
    # a price after the product it is the price of
    assert [s[3] for s in read(toolkit, "The crumbly almond tarts ($21.90) sell out.")] == [
        "tart"]
    assert [s[3] for s in read(toolkit, "Highlights include the Golden Lantern (S$88) set.")
            ] == ["lantern"]


def test_no_amount_without_a_currency_nor_at_the_end_of_a_range(toolkit):
    for text in ("The parcel weighed 5 pounds.", "The team won 3 games.",
                 "Prices range from $5 million to $8 million.",
                 "The fund will spend between $2 million and $3 million."):
        assert read(toolkit, text) == [], text
    # "to" a person is no range
    assert len(read(toolkit, "He paid $5,000 to the victim's family.")) == 1


@pytest.mark.parametrize("first, second, shown", [
    ("The fund raised $800,000 for the victims.", "The fund raised $900,000 for the victims.",
     {"$800,000", "$900,000"}),
    ("The project will cost RM1.5 billion, the minister said.",
     "The project will cost RM2 billion, the minister said.", {"RM1.5 billion", "RM2 billion"}),
    ("He was fined S$5,000 for the offence.", "He was fined $8,000 for the offence.",
     {"S$5,000", "$8,000"}),
    ("The bridge cost €1.2bn to build.", "The bridge cost 1.5 billion euros to build.",
     {"€1.2bn", "1.5 billion euros"}),
    # one amount agrees, its conversion does not
    ("The offence carries a fine of up to S$8,000 (US$5,900).",
     "The offence carries a fine of up to S$8,000 (US$8,850).", {"US$5,900", "US$8,850"}),
    # the bounds policy, as for any figure
    ("The fund raised just under $900,000 for the victims.",
     "The fund raised over $900,000 for the victims.",
     {"just under $900,000", "over $900,000"}),
])
def test_different_amounts_of_one_thing_are_a_difference(toolkit, settings, first, second,
                                                          shown):
    assert position_values(differences_of(toolkit, settings, first, second)) == [shown]


@pytest.mark.parametrize("first, second", [
    # one amount, rounded or written with its country's sign
    ("The company was fined $1.125 million.", "The company was fined $1.1 million."),
    ("The company was fined $1 million.", "The company was fined $1.125 million."),
    ("He was fined S$5,000 for the offence.", "He was fined $5,000 for the offence."),
    ("The deal is worth USD 4 million, the firm said.", "The deal is worth $4 million."),
    # one amount in two currencies; two things paid for
    ("The project will cost S$1.3 million.", "The project will cost US$960,000."),
    ("He was ordered to pay a $5,000 fine.", "He was ordered to pay $3,000 in compensation."),
    ("The offence carries a fine of up to S$8,000 (US$5,900).",
     "The offence carries a fine of up to S$8,000."),
    # short forms of a scale, as Malaysian and wire copy write them
    ("The dealer can be fined up to RM1mil.", "The dealer can be fined up to RM1 million."),
    ("The plot was bought for RM119.8mil.", "The plot was bought for RM119.8 million."),
    ("The firm paid $3mln for the plot.", "The firm paid $3 million for the plot."),
])
def test_one_amount_or_two_things_paid_for_are_no_difference(toolkit, settings, first,
                                                              second):
    assert differences_of(toolkit, settings, first, second) == []


def test_a_money_difference_is_listed_beside_the_others_never_shown(toolkit):
    first = ("The council approved the new sports hall on Monday. The hall will cost "
             "$12 million to build, the mayor said.")
    second = ("The council approved the new sports hall on Monday. The hall will cost "
              "$15 million to build, the mayor said.")
    for settings in (Settings(), Settings(possible_max=0)):
        story = analysed_story(toolkit, settings, first, second)
        assert not story.conflicts
        assert position_values(story.possible) == [{"$12 million", "$15 million"}]
    assert not analysed_story(toolkit, Settings(money_max=0), first, second).possible


def test_pounds_the_tagger_calls_money_are_still_compared_as_a_weight(toolkit, settings):
    # neither money (the money reader leaves "pounds") nor skipped as money by the measures
    found = differences_of(toolkit, settings,
                           "The fund has raised 61,200 pounds so far, organisers said.",
                           "Organisers said the fund has now raised 71,600 pounds.")
    assert position_values(found) == [{"61,200 pounds", "71,600 pounds"}]
    assert not differences_of(toolkit, settings,
                              "The fund has raised 61,200 pounds so far, organisers said.",
                              "Organisers said the fund has raised 61,200 pounds.")
