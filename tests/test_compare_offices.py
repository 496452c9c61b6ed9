"""An office written as "Secretary of Commerce X" or "Minister of Foreign Affairs X" is the
person's role, read as "the commerce secretary, X" is: one office filled by two people in two
articles is a possible difference, across facts too."""

from __future__ import annotations

from conftest import story_of_facts
from test_compare import differences, differences_of

from newsweave.compare.names import name_slots


def roles(toolkit, text: str) -> list[tuple[str, str, list[str]]]:
    return [(s.shown, s.role, sorted(s.context)) for s in name_slots(toolkit.nlp(text))]


def test_an_office_of_a_field_before_a_name_is_its_role(toolkit):
    assert roles(toolkit, "Secretary of Commerce John Carter said the review would start.") == \
        [("John Carter", "commerce secretary", ["commerce", "secretary"])]
    assert roles(toolkit, "In a statement, the commerce secretary, John Carter, agreed.") == \
        [("John Carter", "commerce secretary", ["commerce", "secretary"])]
    assert roles(toolkit, "Minister of Foreign Affairs John Carter said talks would resume.") == \
        [("John Carter", "foreign affairs minister", ["affairs", "foreign", "minister"])]
    # "of" after a word that is no office adds nothing to the role.
    assert all("people" not in role for _, role, _ in
               roles(toolkit, "The people of Brackenford John Carter met said little."))


def test_one_office_given_to_two_people_across_facts_is_a_possible_difference(toolkit,
                                                                              settings):
    story = story_of_facts(toolkit, settings,
                           ("Secretary of Commerce John Carter said the rules would change.",),
                           ("In a statement, the commerce secretary, Maria Lopez, agreed.",))
    found = [c for c in differences(story, toolkit, settings) if c.kind == "name"]
    assert [{p.value for p in c.positions} for c in found] == [{"John Carter", "Maria Lopez"}]


def test_one_role_in_one_fact_is_one_part_however_the_clauses_put_it(toolkit, settings):
    """"the slaying of Deputy X" and "murdering Deputy Y" put the two names in different parts
    of their clauses (the object of a preposition, the object of a verb); the role says they
    are the one deputy. The second article names the first's deputy elsewhere, so only the
    role makes the swap of one sentence a difference; each side shows its deputy, not the
    "Sheriff" the recogniser reads as a person beside him."""
    found = [c for c in differences_of(
        toolkit, settings,
        "A jury convicted a gang member of murdering Sheriff's Deputy Alan Brook in June.",
        "The judge weighed the aggravating factors in the ambush slaying of Sheriff's Deputy "
        "Peter Quill in June. Deputy Alan Brook had joined the force in 1990.")
        if c.kind == "name"]
    assert [{p.value for p in c.positions} for c in found] == [{"Alan Brook", "Peter Quill"}]


def test_a_role_many_hold_at_once_is_no_one_part(toolkit, settings):
    """Two officers of one story are two people: an office `SHARED_OFFICES` names is no
    part of its own."""
    assert not [c for c in differences_of(
        toolkit, settings,
        "A jury convicted a gang member of shooting Officer Alan Brook in June.",
        "The judge weighed the aggravating factors in the ambush shooting of Officer "
        "Peter Quill in June. Officer Alan Brook had joined the force in 1990.")
        if c.kind == "name"]
