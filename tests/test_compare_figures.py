"""Figures written partly in words are multiplied out ("three hundred people" is 300, "1.8
million" is 1,800,000, "four dozen" is 48); a statement with two figures shows the one that
disagrees; kinds of things are compared across facts only where the statements share names."""

from __future__ import annotations

import pytest
from conftest import story_of_two_facts
from test_compare import conflicts_of, differences, differences_of, position_values

from newsweave.compare import find_conflicts
from newsweave.compare.number_slots import hyphenated_slots, quantity_slots
from newsweave.compare.ordinal_slots import ordinal_slots
from newsweave.compare.percent_slots import percent_slots


def test_figures_in_words_multiply_out(toolkit):
    doc = toolkit.nlp("Three hundred people and four dozen volunteers attended, and more than "
                      "1.8 million viewers watched.")
    assert [(s.shown, s.value, s.bound) for s in quantity_slots(doc)] == [
        ("Three hundred people", 300.0, ""), ("four dozen volunteers", 48.0, ""),
        ("more than 1.8 million viewers", 1_800_000.0, "lower")]


def test_figure_in_words_agrees_with_its_digits(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The storm destroyed three hundred homes.",
                            "The storm destroyed 300 homes.")


def test_millions_written_with_a_word_conflict(toolkit, settings):
    found = conflicts_of(toolkit, settings, "About 1.8 million people fled the floods.",
                         "About 2.5 million people fled the floods.")
    assert [c.kind for c in found] == ["number"]
    assert {p.value for p in found[0].positions} == {"1.8 million people", "2.5 million people"}



def test_statement_with_two_figures_shows_the_one_that_disagrees(toolkit, settings):
    found = conflicts_of(toolkit, settings, "Four goats strayed and 9 goats were rounded up.",
                         "17 goats were rounded up.")
    assert [c.kind for c in found] == ["number"]
    assert {p.value for p in found[0].positions} == {"9 goats", "17 goats"}


def ruled_kinds_of_things(found):
    """Attribute differences (listed, never shown) that the comparison rule compared."""
    return [c for c in found if c.kind == "attribute" and dict(c.signals)["rule"]]


def test_kinds_of_things_across_facts_need_shared_names(toolkit, settings):
    first = "The bakery filled the tart with a sweet potato paste."
    second = "The bakery filled the tart with a pineapple paste."
    assert ruled_kinds_of_things(differences_of(toolkit, settings, first, second))
    story = story_of_two_facts(toolkit, settings, first, second)
    assert not ruled_kinds_of_things(differences(story, toolkit, settings))
    story = story_of_two_facts(toolkit, settings,
                               "The Elm Street bridge in Dunmore was hit by a gravel barge.",
                               "Divers in Dunmore found cracks in the Elm Street bridge, which "
                               "was hit by a grain barge.")
    assert len(ruled_kinds_of_things(differences(story, toolkit, settings))) == 1
    assert not find_conflicts(story, toolkit, settings)  # kinds of things are never shown


def test_running_counts_given_for_two_days_are_two_moments(toolkit, settings):
    assert not conflicts_of(toolkit, settings,
                            "By Friday, 9 goats had been rounded up, the farm said.",
                            "As of Saturday, 17 goats had been rounded up, according to police.")
    found = conflicts_of(toolkit, settings,
                         "By Friday, 9 goats had been rounded up, the farm said.",
                         "By Friday, 17 goats had been rounded up, according to police.")
    assert [c.kind for c in found] == ["number"]


def test_nearly_is_a_bound_just_below_its_figure(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "The lawyer has at least four dozen questions for the mayor.",
                         "The lawyer has almost four dozen questions for the mayor.")
    assert [c.kind for c in found] == ["number"]
    assert {p.value for p in found[0].positions} == {"at least four dozen questions",
                                                     "almost four dozen questions"}
    assert not conflicts_of(toolkit, settings, "Nearly 900 people attended the rally.",
                            "About 880 people attended the rally.")
    assert conflicts_of(toolkit, settings, "The flood lasted nearly three hours.",
                        "The flood lasted one hour.")


def test_existing_or_earlier_things_are_a_part_not_the_total(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The scheme covers nine flagship zones.",
                            "Besides its six existing flagship zones, the scheme covers three "
                            "new areas.")
    assert conflicts_of(toolkit, settings, "The scheme covers nine flagship zones.",
                        "The scheme covers six flagship zones.")


def test_a_figure_hyphened_to_a_noun_counts_it(toolkit, settings):
    doc = toolkit.nlp("The 330-room hotel hired a 12-member crew for its one-stop shop.")
    assert [(s.key, s.value) for s in hyphenated_slots(doc)] == [
        ("count of room", 330.0), ("count of member", 12.0)]  # "one-stop" is an idiom
    found = differences_of(toolkit, settings, "The new 330-room hotel opened on the waterfront.",
                           "The new hotel on the waterfront has 338 rooms.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"330-room", "338 rooms"})]
    assert not differences_of(toolkit, settings,
                              "The new 338-room hotel opened on the waterfront.",
                              "The new hotel on the waterfront has 338 rooms.")


def test_every_so_long_is_an_interval_compared_with_intervals(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "During the works, a train runs every 12 minutes on the line.",
                           "During the works, a train runs every 20 minutes on the line.")
    assert [(c.kind, c.topic.split(" ")[0]) for c in found] == [("number", "interval")]
    assert not differences_of(toolkit, settings,
                              "During the works, a train runs every 12 minutes on the line.",
                              "During the works, the line is closed for 20 minutes.")


def test_a_round_count_rounds_only_to_its_last_figure(toolkit, settings):
    assert not conflicts_of(toolkit, settings, "The fire destroyed 1,200 homes in the valley.",
                            "The fire destroyed 1,234 homes in the valley.")
    found = conflicts_of(toolkit, settings, "The fire destroyed 330 homes in the valley.",
                         "The fire destroyed 338 homes in the valley.")
    assert [c.kind for c in found] == ["number"]


def test_figures_an_order_of_magnitude_apart_are_two_quantities(toolkit, settings):
    story = story_of_two_facts(toolkit, settings,
                               "The jet's armament includes a 20mm cannon and air-to-air "
                               "missiles.",
                               "The jet has a combat radius of about 340 miles for "
                               "ground-attack missions.")
    assert not differences(story, toolkit, settings)
    # One fact: a slipped zero is a difference; one figure in two units too.
    found = differences_of(toolkit, settings, "The storm flooded 40 homes in the valley.",
                           "The storm flooded 400 homes in the valley.")
    assert [c.kind for c in found] == ["number"]
    story = story_of_two_facts(toolkit, settings, "The convoy drove 340 km to the border.",
                               "Officials said the convoy drove 340 m to the border.")
    assert [c.kind for c in differences(story, toolkit, settings)] == ["number"]


def test_a_figure_per_something_is_a_rate_compared_with_rates(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The new terminal can handle 10,000 passengers per hour.",
                           "The new terminal can handle 15,000 passengers per hour.")
    assert [(c.kind, c.topic.split(" (")[0]) for c in found] == [
        ("number", "count of passenger per hour")]
    assert not differences_of(toolkit, settings,
                              "The new terminal can handle 10,000 passengers per hour.",
                              "The new terminal handled 15,000 passengers on its first day.")


def test_speeds_are_compared_however_written(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The car was travelling at 120 km/h when it crashed.",
                           "The car was travelling at 90km/h when it crashed.")
    assert [{p.value for p in c.positions} for c in found] == [{"120 km/h", "90km/h"}]
    found = differences_of(toolkit, settings,
                           "Winds of up to 150 kilometres per hour battered the coast.",
                           "Winds of up to 200 kmh battered the coast.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"up to 150 kilometres per hour", "up to 200 kmh"}]
    # one speed in two units
    for first, second in (("at 120 km/h", "at 120 kilometres per hour"),
                          ("at 70 mph", "at 112 km/h")):
        assert not differences_of(toolkit, settings,
                                  f"The car was travelling {first} when it crashed.",
                                  f"The car was travelling {second} when it crashed.")


def test_a_house_number_is_exact_and_compared_on_its_street(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The fire broke out at a shophouse at 12 Tanner Road on Monday.",
                           "The fire broke out at a shophouse at 112 Tanner Rd on Monday.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"12 Tanner Road", "112 Tanner Rd"})]
    # the small model tags "112 Harbour Road" as money: a figure still, with no currency
    found = differences_of(toolkit, settings,
                           "The fire broke out at 12 Harbour Road shortly after midnight.",
                           "The fire broke out at 112 Harbour Road shortly after midnight.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"12 Harbour Road", "112 Harbour Road"}]
    # and "12 Orchard Street" as a share: a figure still, with no percent sign or word
    found = differences_of(toolkit, settings,
                           "Police raided a shop at 12 Orchard Street on Monday.",
                           "Police raided a shop at 45 Orchard Street on Monday.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"12 Orchard Street", "45 Orchard Street"}]
    assert not differences_of(toolkit, settings,
                              "The fire broke out at a shophouse at 12 Tanner Road on Monday.",
                              "The fire broke out at a shophouse at 14 Kent Road on Monday.")


def test_a_numbered_street_is_exact_and_compared_with_its_name(toolkit, settings):
    found = differences_of(toolkit, settings,
                           "The clinic, located at 512 Bishan Street 12, will close.",
                           "The clinic, located at 512 Bishan Street 13, will close.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"Bishan Street 12", "Bishan Street 13"})]
    assert not differences_of(toolkit, settings,
                              "The clinic, located at 512 Bishan Street 12, will close.",
                              "The clinic, located at 512 Bishan Street 12, shut its doors.")
    # a street word that opens the name, the figure after it ("Lorong 4 Kemboja")
    found = differences_of(toolkit, settings,
                           "The fire broke out in a flat at Block 21 Lorong 4 Kemboja on Monday.",
                           "The fire broke out in a flat at Block 21 Lorong 5 Kemboja on Monday.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"Lorong 4 Kemboja", "Lorong 5 Kemboja"})]


def test_millions_stated_beside_another_figure_are_no_conflict(toolkit, settings):
    assert not differences_of(toolkit, settings,
                              "A total of 55.3 million people tuned in to watch the ceremony.",
                              "Ratings plunged, with about 32 million people tuning in, "
                              "compared with 55.3 million a decade ago.")
    assert differences_of(toolkit, settings,
                          "A total of 55.3 million people tuned in to watch the ceremony.",
                          "A total of 32 million people tuned in to watch the ceremony.")


def test_percentages_are_compared_in_one_fact_with_bounds(toolkit, settings):
    doc = toolkit.nlp("About 45.3 per cent of Chinese respondents said so, more than 80% "
                      "agreed, and support fell 3 percentage points.")
    assert [(s.key, s.value, s.bound, s.hedged) for s in percent_slots(doc)] == [
        ("percent of respondent", 45.3, "", True), ("percent", 80.0, "lower", True)]
    found = conflicts_of(toolkit, settings, "Turnout was 62 per cent, the commission said.",
                         "Turnout was 48 per cent, the commission said.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"62 per cent", "48 per cent"})]
    found = conflicts_of(toolkit, settings, "Prices rose by more than 80% over the year.",
                         "Prices rose by more than 160% over the year.")
    assert [c.kind for c in found] == ["number"]
    # A bound and a share inside it agree; shares in two facts are shares of two things.
    assert not differences_of(toolkit, settings,
                              "More than 80 per cent of members voted in favour.",
                              "Some 85 per cent of members voted in favour.")
    story = story_of_two_facts(toolkit, settings,
                               "The survey found 53 per cent of residents back the plan.",
                               "Some 30 per cent of residents said they had never used a bus.")
    assert not differences(story, toolkit, settings)


def test_two_things_named_after_of_are_two_quantities(toolkit, settings):
    doc = toolkit.nlp("Staff receive 4 days of annual leave.")
    assert [(s.key, s.of) for s in quantity_slots(doc)] == [("duration", "annual leave")]
    assert not differences_of(toolkit, settings, "Staff receive 3 days of compassionate leave.",
                              "Staff receive 4 days of annual leave.")
    found = differences_of(toolkit, settings, "Staff receive 3 days of annual leave.",
                           "Staff receive 4 days of annual leave.")
    assert [c.kind for c in found] == ["number"]


def test_lakh_and_crore_multiply_their_figure(toolkit, settings):
    doc = toolkit.nlp("Nearly 1.5 lakh devotees and 2 crore viewers took part.")
    assert [(s.shown, s.value, s.bound) for s in quantity_slots(doc)] == [
        ("Nearly 1.5 lakh devotees", 150_000.0, "upper"), ("2 crore viewers", 20_000_000.0, "")]
    assert not differences_of(toolkit, settings, "About 2 lakh people attended the rally.",
                              "About 200,000 people attended the rally.")


def test_square_and_cubic_units_are_areas_and_volumes(toolkit, settings):
    doc = toolkit.nlp("The shops span more than 19,000 square feet (1765 square metres) and "
                      "the tank holds 300 cubic metres.")
    assert [(s.key, round(s.value)) for s in quantity_slots(doc)] == [
        ("area", 1765), ("area", 1765), ("volume", 300)]
    doc = toolkit.nlp("The fire destroyed 5 sq km of forest.")  # "5" hangs on "sq"
    assert [(s.key, s.value) for s in quantity_slots(doc)] == [("area", 5_000_000.0)]
    assert not differences_of(toolkit, settings, "The two shops span 19,000 square feet.",
                              "The two shops span 1,765 square metres.")
    found = differences_of(toolkit, settings, "The two shops span 19,000 square feet.",
                           "The two shops span 28,500 square feet.")
    assert [c.kind for c in found] == ["number"]


def test_ordinals_of_one_noun_in_one_fact_are_exact(toolkit, settings):
    doc = toolkit.nlp("The change is the second since 2022, and when he first arrived he was "
                      "the 38th person to do so.")
    assert [(s.key, s.value) for s in ordinal_slots(doc)] == [
        ("ordinal of change", 2.0), ("ordinal of person", 38.0)]
    found = differences_of(toolkit, settings,
                           "This marks the third leadership change in the ward since 2022.",
                           "This marks the second leadership change in the ward since 2022.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"third leadership change", "second leadership change"})]
    assert not conflicts_of(toolkit, settings,  # listed, never shown
                            "This marks the third leadership change in the ward since 2022.",
                            "This marks the second leadership change in the ward since 2022.")
    # Two nouns ranked are two series; ordinals in two facts rank two things.
    assert not differences_of(toolkit, settings,
                              "It was the second tranche of aid sent to the region.",
                              "It was the sixth distribution of aid sent to the region.")
    story = story_of_two_facts(toolkit, settings,
                               "He celebrated his 38th birthday in prison in 2017.",
                               "The court heard the appeal on his 46th birthday this year.")
    assert not differences(story, toolkit, settings)
    assert not differences_of(toolkit, settings,
                              "The visit marked his first overseas trip in four years.",
                              "The visit would be his second trip to the country.")


def test_an_ordinal_the_parser_took_for_a_date_still_ranks_its_noun(toolkit, settings):
    def ranked(text: str) -> list[tuple[str, float]]:
        return [(s.key, s.value) for s in ordinal_slots(toolkit.nlp(text))]

    assert ranked("The fire broke out on the 12th floor of the tower.") == [
        ("ordinal of floor", 12.0)]
    assert ranked("The 12th edition of the fair opened.") == [("ordinal of edition", 12.0)]
    assert ranked("The meeting is on the 12th.") == ranked("He was born on March 12th.") == []
    found = differences_of(toolkit, settings, "The fire broke out on the 12th floor on Sunday.",
                           "The fire broke out on the 14th floor on Sunday.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"12th floor", "14th floor"})]


def test_a_narrowed_count_is_a_part_not_the_whole(toolkit, settings):
    doc = toolkit.nlp("Police said 5 incidents involving knives and 627 severe cases were "
                      "recorded in the recent 12 months.")
    assert [(s.key, s.narrowed) for s in quantity_slots(doc)] == [
        ("count of incident", frozenset({"involve"})), ("count of case", frozenset({"severe"})),
        ("duration", frozenset())]
    doc = toolkit.nlp("The top three sectors and the three largest banks were named.")
    assert [s.narrowed for s in quantity_slots(doc)] == [frozenset(), frozenset()]
    assert not differences_of(toolkit, settings,
                              "There are 627 severe hoarding cases being monitored.",
                              "There are 270 hoarding cases being monitored.")
    found = differences_of(toolkit, settings,
                           "There are 627 severe hoarding cases being monitored.",
                           "There are 607 severe hoarding cases being monitored.")
    assert [c.kind for c in found] == ["number"]


def test_a_rate_written_with_a_is_a_rate_like_per(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "The new terminal can handle 10,000 passengers per hour.",
                         "The new terminal can handle 15,000 passengers an hour.")
    assert [c.kind for c in found] == ["number"]
    assert not conflicts_of(toolkit, settings, "The new terminal handled 10,000 passengers.",
                            "The new terminal can handle 15,000 passengers an hour.")


def test_ages_of_two_people_sharing_a_name_are_not_compared(toolkit, settings):
    assert not differences_of(toolkit, settings,
                              "Deputy Luis Ortiz, 35, was shot outside the building.",
                              "Deputy Luis Ortiz, 35, was shot; his son Jeremy Ortiz, 17, "
                              "spoke to reporters.")
    found = conflicts_of(toolkit, settings, "Deputy Luis Ortiz, 35, was shot on Friday.",
                         "Deputy Luis Ortiz, 36, was shot on Friday.")
    assert [c.kind for c in found] == ["number"]
    found = conflicts_of(toolkit, settings, "Deputy Luis Ortiz, aged 35, was shot on Friday.",
                         "Deputy Luis Ortiz, 53, was shot on Friday.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"Luis Ortiz, 35", "Luis Ortiz, 53"}]
    found = conflicts_of(toolkit, settings, "Deputy Luis Ortiz, who is 35, was shot on Friday.",
                         "Deputy Luis Ortiz, 53, was shot on Friday.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"Luis Ortiz, 35", "Luis Ortiz, 53"}]


def test_a_weekday_counted_from_an_inferred_publication_date_is_not_shown(toolkit, settings):
    from dataclasses import replace

    from test_compare import make_story

    story = make_story(toolkit, settings, "The ferry sank on Friday near the harbour.",
                       "The ferry sank yesterday near the harbour.", published="2023-09-17")
    assert [c.kind for c in find_conflicts(story, toolkit, settings)] == ["date"]
    undated = replace(story.articles[1], published_from="inferred")
    story = replace(story, articles=(story.articles[0], undated))
    assert not find_conflicts(story, toolkit, settings)


def test_a_time_offset_and_the_whole_of_a_part_are_no_amounts(toolkit):
    def read(text):
        return [s.shown for s in quantity_slots(toolkit.nlp(text))]

    assert read("The captain was promoted four years ago.") == []
    assert read("She suffered a heart attack nine days earlier.") == []
    assert read("The jury deliberated for four days.") == ["four days"]
    assert read("Police said two of the three victims died.") == []
    assert read("The boxer landed 28 of his 68 punches.") == []
    assert read("The three victims died in hospital.") == ["three victims"]


def test_a_difference_between_amounts_is_no_amount_and_a_bound_is_not_summed(toolkit):
    def read(text):
        return [s.shown for s in quantity_slots(toolkit.nlp(text))]

    assert read("The champion won the fight five rounds sooner than last time.") == []
    assert read("Three years later, the plant closed.") == []
    assert read("The jury deliberated for four days and more than 30 hours.") == [
        "four days", "more than 30 hours"]
    assert read("He was jailed for 10 years and six weeks.") == ["10 years and six weeks"]


def test_a_lone_difference_shows_the_values_it_compared(toolkit, settings):
    # the first statement gives two counts; the one compared with "5 counts" is shown
    found = differences_of(
        toolkit, settings,
        "The driver was convicted of one count of dangerous driving and two counts of theft "
        "of a vehicle.",
        "Prosecutors filed 5 counts of theft of a vehicle against the driver in March.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"two counts", "5 counts"})]


ATTRIBUTE_PAIRS = [
    # Two named places of one kind; a name inside the other's is one place told more fully.
    ("The victim was taken to Tan Tock Seng Hospital, where he died.",
     "The victim was taken to Northfield General Hospital, where he died.",
     [{"Tan Tock Seng Hospital", "Northfield General Hospital"}]),
    ("The victim was taken to Eastbrook General Hospital, where he died.",
     "The victim was taken to Eastbrook Hospital, where he died.", []),
    # a word two names share does not make them one ("Bukit" is "hill")
    ("The accident happened on Bukit Timah Road on Monday morning.",
     "The accident happened on Bukit Batok Road on Monday morning.",
     [{"Bukit Timah Road", "Bukit Batok Road"}]),
    # Two nationalities of one thing or person, before it or in apposition.
    ("A 34-year-old Malaysian man was arrested over the robbery on Monday.",
     "A 34-year-old Singaporean man was arrested over the robbery on Monday.",
     [{"Malaysian man", "Singaporean man"}]),
    ("The ship was operated by Blue Ocean Lines, a Danish company.",
     "The ship was operated by Blue Ocean Lines, a Danish company, police said.", []),
    ("The victim, a Malaysian, died in hospital on Sunday.",
     "The victim, a Singaporean, died in hospital on Sunday.",
     [{"victim, Malaysian", "victim, Singaporean"}]),
    # A thing named in apposition, named otherwise; "an A320" is "an Airbus A320".
    ("The plane, an Airbus A320, crashed shortly after take-off on Sunday.",
     "The plane, a Boeing 737, crashed shortly after take-off on Sunday.",
     [{"Airbus A320", "Boeing 737"}]),
    ("The plane, an Airbus A320, crashed shortly after take-off on Sunday.",
     "The plane, an A320, crashed shortly after take-off on Sunday.", []),
]


@pytest.mark.parametrize(("first", "second", "expected"), ATTRIBUTE_PAIRS)
def test_named_places_nationalities_and_names_in_apposition_are_listed(
        toolkit, settings, first, second, expected):
    listed = [{p.value for p in c.positions}
              for c in differences_of(toolkit, settings, first, second)
              if c.kind == "attribute"]
    assert listed == expected
    assert not conflicts_of(toolkit, settings, first, second)  # listed, never shown


def test_clock_times_and_titles_are_no_measures(toolkit):
    # pint reads "pm" as picometres, "am" as attometres and "MPs" as metres a second
    for text in ("The fire broke out at 3 pm on Monday.", "The fire broke out at 3am.",
                 "He met Dr Tan at 5 Rd."):
        assert quantity_slots(toolkit.nlp(text)) == [], text
    assert [s.key for s in quantity_slots(toolkit.nlp("Over 20 MPs spoke in the debate."))
            ] in ([], ["count of mp"])


def test_a_conversion_in_brackets_is_compared_as_written(toolkit, settings):
    def values(first: str, second: str) -> list[set[str]]:
        return [{p.value for p in c.positions}
                for c in conflicts_of(toolkit, settings, first, second)]

    assert values("The quake struck seven km (4 miles) east of the town.",
                  "The quake struck seven km (6.0 miles) east of the town.") == [
        {"4 miles", "6.0 miles"}]
    # One distance rounded two ways, or converted by one outlet only, is one distance.
    assert values("The quake struck seven km (4 miles) east of the town.",
                  "The quake struck seven km (4.3 miles) east of the town.") == []
    assert values("The quake struck seven km (4 miles) east of the town.",
                  "The quake struck seven km east of the town.") == []


def test_a_house_number_before_a_street_word_that_opens_the_name(toolkit, settings):
    """Malay, French and Spanish street names open with the street word ("Jalan", "rue"): the
    figure before it is the house number, compared on that street only."""
    found = differences_of(toolkit, settings,
                           "The fire broke out at a shophouse at 12 Jalan Kemboja on Monday.",
                           "The fire broke out at a shophouse at 112 Jalan Kemboja on Monday.")
    assert [(c.kind, {p.value for p in c.positions}) for c in found] == [
        ("number", {"12 Jalan Kemboja", "112 Jalan Kemboja"})]
    found = differences_of(toolkit, settings,
                           "Police searched a flat at 14 rue des Lilas on Monday.",
                           "Police searched a flat at 41 rue des Lilas on Monday.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"14 rue des Lilas", "41 rue des Lilas"}]
    assert not differences_of(toolkit, settings,
                              "The fire broke out at a shophouse at 12 Jalan Kemboja on Monday.",
                              "The fire broke out at a shophouse at 14 Jalan Melati on Monday.")


def test_over_a_span_of_time_is_the_span_not_a_bound(toolkit, settings):
    """"$150 million over seven years" is a seven-year contract; "over 10 times" and "lasted
    over eight hours" stay bounds."""
    doc = toolkit.nlp("The club offered $150 million over seven years after talks that lasted "
                      "over eight hours, and he had been fined over 10 times.")
    assert [(s.shown, s.bound, s.hedged) for s in quantity_slots(doc)] == [
        ("over seven years", "", False), ("over eight hours", "lower", True),
        ("over 10 times", "lower", True)]
    assert [c.kind for c in conflicts_of(
        toolkit, settings, "The club offered the striker $150 million over seven years.",
        "The club offered the striker $150 million over eight years.")] == ["number"]


def test_old_measures_that_are_common_nouns_are_counted(toolkit):
    """pint reads "shots" as a volume, "bags" as a mass and "chain" as a distance; in news
    they are things counted ("three shots" / "four shots" still differ, as counts)."""
    doc = toolkit.nlp("Police fired three shots, seized two bags of cash and put the unit "
                      "under one chain of command; the climber fell 200 feet.")
    assert [(s.key, s.value) for s in quantity_slots(doc)] == [
        ("count of shot", 3.0), ("count of bag", 2.0), ("count of chain", 1.0),
        ("distance", pytest.approx(60.96))]


def test_tallies_whose_other_figures_differ_too_are_two_spans(toolkit, settings):
    game = "Okafor caught eight passes for 66 yards against the Herons."
    season = "Okafor caught 52 passes for 440 yards against the Herons."
    assert not conflicts_of(toolkit, settings, game, season)
    listed = [c for c in differences_of(toolkit, settings, game, season) if c.kind == "number"]
    assert {"eight passes", "52 passes"} in position_values(listed)
    # One figure told two ways while the figure beside it agrees is a disagreement.
    found = conflicts_of(toolkit, settings, game,
                         "Okafor caught nine passes for 66 yards against the Herons.")
    assert position_values(found) == [{"eight passes", "nine passes"}]
