"""States of one subject that exclude each other (`compare/states.py`)."""

from __future__ import annotations

from conftest import analysed_story
from test_compare_titles import make_story, sides

from newsweave.compare.states import state_conflicts
from newsweave.config import Settings
from newsweave.entities import merge_entities


def states(toolkit, *texts: str):
    story = make_story(*texts)
    return state_conflicts(story, merge_entities(story, toolkit), toolkit)


def test_a_guilty_plea_and_a_conviction_after_a_trial_differ(toolkit):
    found = states(toolkit,
                   "The driver, Mr Ong Kah Seng, pleaded guilty to dangerous driving.",
                   "Mr Ong Kah Seng was convicted of dangerous driving after a trial.")
    assert [sides(c) for c in found] == [{"pleaded guilty": ("a0",), "after a trial": ("a1",)}]
    assert "Ong Kah Seng" in found[0].topic and found[0].kind == "claim"


def test_he_is_the_person_the_article_is_about(toolkit):
    found = states(toolkit,
                   "Mr Ong Kah Seng was arrested in 2019. He pleaded not guilty to all charges.",
                   "Mr Ong Kah Seng was arrested in 2019. The 52-year-old pleaded guilty in "
                   "court.")
    assert [sides(c) for c in found] == [{"pleaded not guilty": ("a0",),
                                          "pleaded guilty": ("a1",)}]


def test_a_plea_planned_asked_or_given_both_ways_is_no_side(toolkit):
    assert not states(toolkit, "Mr Ong Kah Seng is expected to plead guilty next week.",
                      "Mr Ong Kah Seng claimed trial to the charges.")
    assert not states(toolkit, "Mr Ong Kah Seng has agreed to plead guilty.",
                      "Mr Ong Kah Seng claimed trial to the charges.")
    assert not states(toolkit, "Mr Ong Kah Seng pleaded not guilty in 2019. In 2020, Mr Ong "
                      "Kah Seng pleaded guilty to a reduced charge.",
                      "Mr Ong Kah Seng pleaded guilty to a reduced charge.")


def test_an_acquittal_follows_a_trial_not_a_guilty_plea(toolkit):
    found = states(toolkit, "Mr Ong Kah Seng pleaded guilty to dangerous driving.",
                   "Mr Ong Kah Seng was acquitted of dangerous driving on Friday.")
    assert [sides(c) for c in found] == [{"pleaded guilty": ("a0",), "was acquitted": ("a1",)}]


def test_two_peoples_pleas_are_no_difference(toolkit):
    assert not states(toolkit, "Mr Ong Kah Seng pleaded guilty to dangerous driving.",
                      "Mr Lim Boon Hock claimed trial to the charges.")


def test_still_suspended_against_resumed_differs_for_one_thing_only(toolkit):
    found = states(toolkit, "Train services on the East line remain suspended, the operator said.",
                   "Services were resumed on Thursday, the operator said.")
    assert [sides(c) for c in found] == [{"remain suspended": ("a0",),
                                          "were resumed": ("a1",)}]
    assert found[0].topic == "whether train services resumed"
    found = states(toolkit, "Train services remain suspended after the fire damaged a signal box.",
                   "Train services were resumed on Thursday.")
    assert [sides(c) for c in found] == [{"remain suspended": ("a0",), "were resumed": ("a1",)}]
    assert not states(toolkit, "Train services on the East line remain suspended.",
                      "Bus services were resumed on Thursday.")


def test_remains_closed_or_cut_off_however_the_tagger_reads_it(toolkit):
    # "remains" read as an auxiliary holding the subject; "closed" as an adjective; a particle
    found = states(toolkit, "The ferry service remains suspended.",
                   "The ferry service has resumed.")
    assert [sides(c) for c in found] == [{"remains suspended": ("a0",),
                                          "has resumed": ("a1",)}]
    found = states(toolkit, "The main road remains closed after the landslide.",
                   "The main road was reopened on Monday after the landslide.")
    assert [sides(c) for c in found] == [{"remains closed": ("a0",), "was reopened": ("a1",)}]
    found = states(toolkit, "Water supply to the estate remains cut off.",
                   "Water supply to the estate was restored on Sunday.")
    assert [sides(c) for c in found] == [{"remains cut off": ("a0",), "was restored": ("a1",)}]
    assert not states(toolkit, "The main road remains closed after the landslide.",
                      "The school was reopened on Monday after the landslide.")


def test_stopped_since_a_day_and_charges_denied_are_sides(toolkit):
    found = states(toolkit, "Train services have been suspended since Monday.",
                   "Train services resumed on Tuesday.")
    assert [sides(c) for c in found] == [{"have been suspended": ("a0",),
                                          "resumed": ("a1",)}]
    found = states(toolkit, "Mr Ong Kah Seng denied the charges in court.",
                   "Mr Ong Kah Seng pleaded guilty in court.")
    assert [sides(c) for c in found] == [{"denied the charges": ("a0",),
                                          "pleaded guilty": ("a1",)}]
    assert not states(toolkit, "Train services were suspended on Monday.",
                      "Train services resumed on Tuesday.")


def test_not_yet_resumed_is_stopped_and_a_plan_to_resume_says_nothing(toolkit):
    found = states(toolkit, "Ferry services have yet to resume after the storm.",
                   "The operator restored ferry services at 3pm.")
    assert [sides(c) for c in found] == [{"yet to resume": ("a0",), "restored": ("a1",)}]
    assert not states(toolkit, "Ferry services have yet to resume after the storm.",
                      "Ferry services will resume on Friday, the operator said.")
    assert not states(toolkit, "Ferry services have yet to resume after the storm.",
                      "If ferry services resumed, the operator would add more trips.")


def test_a_state_difference_is_listed_not_shown(toolkit):
    first = ("A fire broke out at the Harlow Road depot on Monday. Train services on the East "
             "line remain suspended, the operator said on Tuesday.")
    second = ("A fire broke out at the Harlow Road depot on Monday. Train services on the East "
              "line were resumed on Tuesday morning, the operator said.")
    story = analysed_story(toolkit, Settings(), first, second)
    assert not [c for c in story.conflicts if c.kind == "claim"]
    listed = [sides(c) for c in story.possible if c.kind == "claim"]
    assert {"remain suspended": ("a0",), "were resumed": ("a1",)} in listed
    # listed on top of the scored ones: no cap on those crowds it out
    capped = analysed_story(toolkit, Settings(possible_max=0), first, second)
    assert [sides(c) for c in capped.possible] == [{"remain suspended": ("a0",),
                                                    "were resumed": ("a1",)}]


def test_a_plea_is_quoted_from_its_own_paragraph(toolkit):
    # The model's parser runs "... in 2021." and the next paragraph on as one sentence; the
    # difference quoted the paragraph before as well.
    found = states(toolkit,
                   "The court heard the case in 2021.\n\n38-year-old Mr Ong Kah Seng pleaded guilty "
                   "to dangerous driving.",
                   "Mr Ong Kah Seng was convicted of dangerous driving after a trial.")
    texts = {p.articles: p.text for p in found[0].positions}
    assert texts[("a0",)] == "38-year-old Mr Ong Kah Seng pleaded guilty to dangerous driving."
