"""Clauses: where a sentence splits into claims, and where it must not (half-clauses)."""
from newsweave.claims import parse_articles
from newsweave.clean import clean_record
from newsweave.models import RawRecord


def claims_of(text, toolkit, settings):
    article = clean_record(RawRecord(path="t.txt", source_id="t", body=text, language="en"),
                           settings)
    return [(c.text, c.subject) for c in parse_articles([article], toolkit, settings)[0].claims]


def test_a_predicate_that_can_name_no_subject_stays_with_its_sentence(toolkit, settings):
    text = ("A bus driver was handed a bag containing $5,000 that was found on his bus and "
            "delivered the bag back to the depot where it was claimed by its owner.")
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_the_first_half_of_not_only_but_also_is_not_cut_off(toolkit, settings):
    text = ("These scams not only cause financial losses but also leave victims facing "
            "emotional distress.")
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_a_noun_with_a_participle_is_no_clause_of_its_own(toolkit, settings):
    text = "Many of these money mules are youths and students lured by the promise of quick cash."
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_a_clause_is_cut_at_its_own_link_word_not_an_earlier_one(toolkit, settings):
    text = ("One's personal beliefs can and will inform one's views on policy, but in the end, "
            "you have to do what is right by society.")
    texts = [t for t, _ in claims_of(text, toolkit, settings)]
    assert texts[0] == "One's personal beliefs can and will inform one's views on policy"
    assert len(texts) == 2 and texts[1].endswith("you have to do what is right by society")


def test_a_speaker_after_a_comma_stays_with_what_was_said(toolkit, settings):
    text = ("Public interest must come before personal beliefs, Law and Home Affairs Minister "
            "Jane Tan said on Monday in a Facebook post on the death penalty.")
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_a_sentence_holding_a_question_is_not_cut_into_pieces(toolkit, settings):
    text = ('"I do not know why, but is it really so hard to wait for the next train that '
            'comes in three minutes?" one commuter wrote on the forum.')
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_clauses_joined_by_and_with_subjects_of_their_own_are_two_claims(toolkit, settings):
    text = ("The ministry will raise the fees in March, and the new rates will apply to all "
            "residents of the estate.")
    assert [t for t, _ in claims_of(text, toolkit, settings)] == [
        "The ministry will raise the fees in March",
        "the new rates will apply to all residents of the estate"]


def test_a_contrast_opened_by_while_after_a_comma_is_a_claim_of_its_own(toolkit, settings):
    text = ("The resort offers a variety of rooms, from standard rooms to family rooms with "
            "views of the reservoir, while treehouses, each with a private patio, provide a "
            "retreat for couples.")
    texts = [t for t, _ in claims_of(text, toolkit, settings)]
    assert len(texts) == 2 and texts[1].startswith("treehouses, each with a private patio")


def test_a_relative_clause_after_a_comma_ending_the_sentence_is_a_claim_about_its_noun(
        toolkit, settings):
    text = ("The injury troubles went on for the Riverton Rovers, who have placed veteran "
            "striker Tomas Brennan on the injured list.")
    found = claims_of(text, toolkit, settings)
    assert [c for c, _ in found] == [
        "The injury troubles went on for the Riverton Rovers",
        "have placed veteran striker Tomas Brennan on the injured list"]
    assert found[0][1] == "" and "Riverton Rovers" in found[1][1]
    # The parser hangs "who" on the nearer noun; the person is the one "of" it belongs to.
    text = "Police on Tuesday arrested the driver of the lorry, who had fled the scene on foot."
    assert claims_of(text, toolkit, settings)[1] == ("had fled the scene on foot", "the driver")
    # A plural verb after nouns joined by "and" is about all of them.
    text = ("The council promised new buses for the towns of Ardmore and Belcross, which have "
            "shared one hospital since the spring.")
    assert claims_of(text, toolkit, settings)[1] == (
        "have shared one hospital since the spring", "Ardmore and Belcross")


def test_a_relative_clause_about_a_day_or_in_the_middle_stays_whole(toolkit, settings):
    texts = [("The minister announced a new housing plan on Friday, which means taxes will "
              "rise next year."),
             ("The driver of the lorry, who had fled the scene on foot, was arrested by the "
              "police on Tuesday."),
             # the pronoun is the subject of the reported clause, not of "said"
             ("The envoy met Anna Berg, who officials said brokered the invitation to the "
              "summit.")]
    for text in texts:
        assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_a_past_form_before_its_noun_in_a_list_of_objects_is_no_second_verb(toolkit, settings):
    # the parser reads "licensed" as a second verb of "gives"; the object list stays whole
    text = ("The new law gives inspectors and licensed wardens the power to fine drivers who "
            "block the bus lanes.")
    assert claims_of(text, toolkit, settings) == [(text[:-1], "")]


def test_a_second_past_predicate_after_an_infinitive_or_a_past_auxiliary_is_its_own_claim(
        toolkit, settings):
    for text, first in (
            (("The man allegedly used a knife to threaten the cashier and caused damage to the "
             "counter by kicking it."), "The man allegedly used a knife to threaten the cashier"),
            (("The gang didn't stop harassing the family and even sent someone to set fire to "
             "their house."), "The gang didn't stop harassing the family")):
        assert next(t for t, _ in claims_of(text, toolkit, settings)) == first
