"""A figure with no noun after it is a count when the verb gives it as a tally of its subject
("the death toll rose to 45", "visitors numbered 61,200"); it is compared with the same count
elsewhere, bounds and days included."""

from __future__ import annotations

from test_compare import conflicts_of, differences_of

from newsweave.compare.tally_slots import tally_slots


def compared(found) -> list[tuple[str, list[str]]]:
    """Each difference found: its kind and its values, sorted."""
    return [(c.kind, sorted(p.value for p in c.positions)) for c in found]


def read(toolkit, text: str, published: str | None = "2025-03-04"):
    return [(s.key, s.value, s.shown, s.bound) for s in tally_slots(toolkit.nlp(text), published)]


def test_tallies_are_counts_of_what_their_subject_names(toolkit):
    assert read(toolkit, "Visitors numbered 61,200 over the weekend.") == [
        ("count of visitor", 61_200.0, "Visitors numbered 61,200", "")]
    assert read(toolkit, "The number of cases has risen to more than 1.2 million.") == [
        ("count of case", 1_200_000.0, "number of cases has risen to more than 1.2 million",
         "lower")]
    assert read(toolkit, "The crowd was estimated at 20,000.") == [
        ("count of crowd", 20_000.0, "crowd was estimated at 20,000", "")]
    # After "put", the tally is the object; a death toll counts people killed.
    assert [s[:2] for s in read(toolkit, "Officials put the death toll at 45.")] == [
        ("count of people", 45.0)]
    assert read(toolkit, "The road toll rose to 45.") == []


def test_figures_that_are_no_tally_give_none(toolkit):
    for text in ("He was 45 when he left.", "Prices rose to 45 per cent.",
                 "The figure rose to 45.", "It reached 61,200.",
                 "The toll rose by 12 overnight.", "Sales rose to 45 million dollars.",
                 "The launch was one of the first events.", "The year will be a critical one.",
                 "Losses hit S$385.6 million in the first half."):
        assert read(toolkit, text) == [], text


def test_two_tallies_of_one_thing_conflict(toolkit, settings):
    assert compared(conflicts_of(toolkit, settings,
                                 "The death toll from the floods rose to 45, officials said.",
                                 "The death toll from the floods rose to 52, officials said.")
                    ) == [("number", ["death toll rose to 45", "death toll rose to 52"])]


def test_a_tally_is_compared_with_the_count_it_names(toolkit, settings):
    assert compared(differences_of(
        toolkit, settings, "The floods killed 45 people and left 61,200 visitors stranded.",
        "Stranded visitors numbered 71,600, the ministry said.")) == [
        ("number", ["61,200 visitors", "Stranded visitors numbered 71,600"])]


def test_a_tally_is_the_whole_count_under_any_verb_of_its_fact(toolkit, settings):
    found = conflicts_of(toolkit, settings, "The fair drew 61,200 visitors this year.",
                         "Visitors numbered 71,600 at the fair this year, organisers said.")
    assert [c.kind for c in found] == ["number"]
    assert compared(conflicts_of(
        toolkit, settings, "The death toll from the landslide has risen to 45, the agency said.",
        "At least 52 people were killed in the landslide, the agency said.")) == [
        ("number", ["At least 52 people", "death toll has risen to 45"])]


def test_tallies_for_two_days_are_two_moments(toolkit, settings):
    def kinds(first: str, second: str) -> list[str]:
        return [c.kind for c in conflicts_of(toolkit, settings, first, second,
                                             published="2025-03-05")]

    assert "number" not in kinds("The death toll from the floods rose to 45 on Monday.",
                                 "The death toll from the floods rose to 52 on Tuesday.")
    assert kinds("The death toll from the floods rose to 45 on Monday.",
                 "The death toll from the floods rose to 52 on Monday.") == ["number"]


def test_a_bare_figure_a_verb_of_harm_takes_counts_people(toolkit, settings):
    assert read(toolkit, "The blast killed at least 45 and injured 30 others.")[:1] == [
        ("count of people", 45.0, "killed at least 45", "lower")]
    assert [s[:3] for s in read(toolkit, "Twelve were arrested after the protest.")] == [
        ("count of people", 12.0, "Twelve were arrested")]
    assert read(toolkit, "Two of them were killed.") == []
    assert not conflicts_of(toolkit, settings, "The blast in the market killed 45 on Friday.",
                            "Forty-five people were killed in the market blast on Friday.")
    found = conflicts_of(toolkit, settings, "The blast in the market killed 45 on Friday.",
                         "The market blast on Friday killed 52 people.")
    assert [c.kind for c in found] == ["number"]
    assert {p.value for p in found[0].positions} == {"killed 45", "52 people"}


def test_figures_of_two_events_in_one_statement_are_compared_event_by_event(toolkit,
                                                                           settings):
    assert [s[:3] for s in read(toolkit, "Twelve people were killed and 30 injured.")] == [
        ("count of people", 30.0, "30 injured")]
    found = conflicts_of(toolkit, settings,
                         "Twelve people were killed and 30 injured in the blast on Friday.",
                         "Twelve people were killed and 45 injured in the blast on Friday.")
    assert [{p.value for p in c.positions} for c in found] == [{"30 injured", "45 injured"}]
    assert not conflicts_of(toolkit, settings,
                            "Twelve people were killed and 30 injured in the blast on Friday.",
                            "The blast on Friday killed 12 people and injured 30.")


def test_figures_of_two_things_under_one_event_are_compared_thing_by_thing(toolkit,
                                                                          settings):
    # the life sentences agree; the sentences of life without parole do not, and the seven
    # the other statement also writes (of the other thing) is no excuse
    found = conflicts_of(toolkit, settings,
                         "He was sentenced on Saturday to seven life sentences and four "
                         "sentences of life without parole.",
                         "He was sentenced on Saturday to seven life sentences and seven "
                         "sentences of life without parole.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"four sentences", "seven sentences"}]
    found = conflicts_of(toolkit, settings,
                         "Doctors recorded 627 severe cases and 270 mild cases last week.",
                         "Doctors recorded 627 severe cases and 300 mild cases last week.")
    assert [{p.value for p in c.positions} for c in found] == [
        {"270 mild cases", "300 mild cases"}]
    assert not conflicts_of(toolkit, settings,
                            "He was sentenced on Saturday to seven life sentences and four "
                            "sentences of life without parole.",
                            "He was sentenced on Saturday to seven life sentences.")
