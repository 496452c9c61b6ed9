"""Quotes: spans with offsets, speakers from the parse, and sources compared statement by
statement."""

from __future__ import annotations

import pytest

from newsweave.entities import merge_entities
from newsweave.models import Article, Quote, Story
from newsweave.quotes import MAX_QUOTE_CHARS, compare_quotes, extract_quotes, quote_spans
from newsweave.serialize import group_summary


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2024-03-02",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def quotes_of(toolkit, *texts: str) -> tuple[Quote, ...]:
    story = make_story(*texts)
    return extract_quotes(story, toolkit, merge_entities(story, toolkit))


def quote(article: str, text: str, speaker: str | None = "Jane Doe") -> Quote:
    return Quote(id=f"{article}:q0", speaker=speaker, text=text, article=article, start=0,
                 end=len(text))


def spans_text(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quote_spans(text)]


def test_curly_quote_with_said_gets_the_named_speaker(toolkit):
    found = quotes_of(toolkit, "“We will rebuild the bridge within a year,” Mayor Anna "
                               "Kowalski said on Tuesday.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Anna Kowalski", "We will rebuild the bridge within a year")]


def test_offsets_index_the_article_text(toolkit):
    text = ("The council met late.\n\nTom Baker said: \"The budget is not enough for the "
            "schools.\" He left early.")
    story = make_story(text)
    found = extract_quotes(story, toolkit, ())
    assert found and all(text[q.start:q.end] == q.text for q in found)


def test_straight_curly_and_guillemet_quotes_are_found():
    text = 'He said "one two three four". She said “five six seven eight». They said «nine ten».'
    assert spans_text(text) == ["one two three four", "nine ten"]


def test_unbalanced_quote_gives_no_span():
    assert spans_text('He said "this sentence never closes and goes on and on.') == []


def test_quote_left_open_cannot_swallow_the_article():
    text = 'He said “' + "word " * 600 + "” and left."
    assert all(s.end - s.start <= MAX_QUOTE_CHARS for s in quote_spans(text))
    assert quote_spans(text) == []


def test_one_word_scare_quote_is_ignored(toolkit):
    assert quotes_of(toolkit, 'The so-called "reform" passed the senate on Monday.') == ()


def test_song_title_is_not_a_quote(toolkit):
    assert quotes_of(toolkit, 'The band played "Farewell To The Old Harbour" at the end.') == ()


def test_story_without_quotes_gives_nothing(toolkit):
    assert quotes_of(toolkit, "Nobody said anything at the meeting on Monday.") == ()


def test_according_to_names_the_speaker(toolkit):
    found = quotes_of(toolkit, "The dam “could fail within days if the rain continues,” "
                               "according to engineer Maria Santos.")
    assert [q.speaker for q in found] == ["Maria Santos"]


def test_pronoun_stands_for_the_only_person_named_before(toolkit):
    found = quotes_of(toolkit, "Maria Lopez runs the shelter on Elm Street. “We have no beds "
                               "left for tonight,” she said.")
    assert [q.speaker for q in found] == ["Maria Lopez"]


def test_pronoun_after_two_people_is_left_unattributed(toolkit):
    found = quotes_of(toolkit, "John Smith and Peter Brown met the workers on Monday. “The "
                               "factory will stay open all year,” he said.")
    assert [q.speaker for q in found] == [None]


def test_speaker_gets_the_merged_entity_name(toolkit):
    found = quotes_of(toolkit, "Governor Oleg Petrenko visited the flooded town on Monday.",
                      "“The road will open again in May,” Petrenko said.")
    assert [q.speaker for q in found] == ["Oleg Petrenko"]


def test_quote_over_two_paragraphs_keeps_its_speaker(toolkit):
    found = quotes_of(toolkit, "Jane Doe said: “We are here to stay and we will build again."
                               "\n\n“Nobody will move us from this place.”")
    assert [q.speaker for q in found] == ["Jane Doe", "Jane Doe"]


def speakers_of(toolkit, text: str) -> list[str | None]:
    return [q.speaker for q in quotes_of(toolkit, text)]


def test_quote_ending_its_sentence_takes_the_name_in_the_next_one(toolkit):
    assert speakers_of(toolkit, "“Can we win the vote next week?” Jane Doe said.") == [
        "Jane Doe"]


def test_said_before_name_and_title_gives_the_speaker(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week,” said Jane Doe, the party "
                                "leader.") == ["Jane Doe"]


def test_name_told_outlet_gives_the_speaker(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week,” Jane Doe told Reuters.") == [
        "Jane Doe"]


@pytest.mark.parametrize("verb", ["added", "tweeted", "wrote on Facebook", "posted online",
                                  "shared"])
def test_other_speech_verbs_give_the_speaker(toolkit, verb):
    assert speakers_of(toolkit, f"“We will win the vote next week,” Jane Doe {verb}.") == [
        "Jane Doe"]


def test_outlet_quoting_a_person_gives_the_person(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week,” the Daily Courier quoted "
                                "Jane Doe as saying.") == ["Jane Doe"]


def test_statement_introduced_in_the_paragraph_before_gets_its_speaker(toolkit):
    assert speakers_of(toolkit, "Jane Doe said in a statement:\n\n“We will win the vote "
                                "next week.”") == ["Jane Doe"]


def test_in_a_statement_name_said_gives_the_speaker(toolkit):
    assert speakers_of(toolkit, "In a statement, Jane Doe said: “We will win the vote next "
                                "week.”") == ["Jane Doe"]


def test_organisation_can_be_the_speaker(toolkit):
    assert speakers_of(toolkit, "The Health Ministry said in a statement: “Hospitals will "
                                "stay open over the holiday.”") == ["Health Ministry"]


def test_name_and_colon_introduce_a_quote(toolkit):
    assert speakers_of(toolkit, "Jane Doe: “We will win the vote next week.”") == ["Jane Doe"]


def test_reported_speech_gives_the_next_paragraph_quote_its_speaker(toolkit):
    assert speakers_of(toolkit, "Jane Doe said the party was ready for the fight.\n\n“We "
                                "will win the vote next week.”") == ["Jane Doe"]


def test_quote_sentence_after_an_attributed_quote_keeps_its_speaker(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week,” Jane Doe said. “Nobody "
                                "can stop us now.”") == ["Jane Doe", "Jane Doe"]


def test_quote_over_paragraphs_takes_the_speaker_named_at_its_end(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week.\n\n“Nobody can stop us "
                                "now,” Jane Doe said.") == ["Jane Doe", "Jane Doe"]


def test_name_inside_the_quote_is_not_the_pronoun_antecedent(toolkit):
    assert speakers_of(toolkit, "“I met John Smith at the market yesterday,” he said.") == [
        None]


def test_pronoun_skips_names_inside_quotes_for_the_person_before(toolkit):
    assert speakers_of(toolkit, "Mary Jones spoke first. “I met John Smith at the market "
                                "yesterday,” she said.") == ["Mary Jones"]


def test_pronoun_after_another_pronoun_subject_stays_unattributed(toolkit):
    assert speakers_of(toolkit, "The spokesman arrived late. He did not say what Jane Doe "
                                "wanted. “We will not comment on the case at all,” he "
                                "said.") == [None]


def test_speaker_described_without_a_name_stays_unattributed(toolkit):
    assert speakers_of(toolkit, "Jane Doe arrived at noon.\n\n“We will win the vote next "
                                "week,” the retiree said.") == [None]


def test_quote_after_a_paragraph_reporting_no_speech_stays_unattributed(toolkit):
    assert speakers_of(toolkit, "Mr Tan left the hall. The crowd cheered.\n\n“We will win "
                                "the vote next week.”") == [None]


def test_next_paragraph_does_not_attribute_the_quote_before_it(toolkit):
    assert speakers_of(toolkit, "“We will win the vote next week.”\n\nJane Doe has since "
                                "responded.") == [None]


def test_quote_in_a_clause_with_another_subject_is_not_the_first_subjects(toolkit):
    assert speakers_of(toolkit, "The Health Ministry expressed concern, and the mayor issued "
                                "a “very strong warning to all residents”.") == [None]


def test_person_owning_the_subject_is_not_the_speaker(toolkit):
    assert speakers_of(toolkit, "“She checked into the clinic on her own,” Jane Doe's agent "
                                "told reporters.") == [None]


def test_person_told_something_is_not_the_speaker(toolkit):
    assert speakers_of(toolkit, "Jane Doe was told: “The flight is cancelled until further "
                                "notice.”") == [None]


def test_backtick_quotes_are_found():
    text = "``We will rebuild the bridge,'' the mayor said of the town's plan."
    assert spans_text(text) == ["We will rebuild the bridge"]


def test_apostrophes_are_not_quote_marks():
    assert spans_text("The company's plan from the '90s was the workers' choice, and it's "
                      "still 'fine' by them.") == []


def test_two_apostrophes_without_backticks_open_nothing():
    assert spans_text("It was the workers'' choice in the '90s, the firm''s best year.") == []


def test_backtick_quote_gets_its_speaker(toolkit):
    assert speakers_of(toolkit, "``We will rebuild the bridge within a year,'' Mayor Anna "
                                "Kowalski said.") == ["Anna Kowalski"]


def test_same_words_in_two_sources_form_one_group_that_agrees():
    groups = compare_quotes((quote("a", "We will not give up the fight."),
                             quote("b", "we will not give up the fight")))
    assert len(groups) == 1 and not groups[0].differs
    assert all(q.verbatim for q in groups[0].quotes)


def test_different_wording_of_one_statement_is_flagged():
    groups = compare_quotes((quote("a", "We will never give up the fight for this town."),
                             quote("b", "We will never give up the struggle for this town.")))
    assert len(groups) == 1 and groups[0].differs
    assert set(groups[0].wordings) == {"We will never give up the fight for this town.",
                                       "We will never give up the struggle for this town."}
    assert not any(q.verbatim for q in groups[0].quotes)


def test_shorter_quote_inside_a_longer_one_does_not_differ():
    groups = compare_quotes((quote("a", "The talks were long, but fair and useful for both"),
                             quote("b", "fair and useful")))
    assert len(groups) == 1 and not groups[0].differs
    verbatim = {q.article: q.verbatim for q in groups[0].quotes}
    assert verbatim == {"a": False, "b": True}


def test_same_words_from_different_speakers_are_not_grouped():
    groups = compare_quotes((quote("a", "The bridge is safe to use", "Jane Doe"),
                             quote("b", "The bridge is safe to use", "John Roe")))
    assert len(groups) == 2


def test_words_found_unquoted_in_the_other_source_count_as_verbatim():
    articles = (Article("a", "a", "She said the longer words were fair and useful for both.",
                        None, None, None, None, None, "en"),
                Article("b", "b", "The talks were fair and useful.", None, None, None, None,
                        None, "en"))
    groups = compare_quotes((quote("a", "were fair and useful for both"),
                             quote("b", "fair and useful")), articles)
    assert [q.verbatim for q in groups[0].quotes] == [False, True]
    assert not groups[0].differs


def test_comparing_twice_gives_the_same_groups():
    quotes = (quote("a", "We will never give up the fight for this town."),
              quote("b", "We will never give up the struggle for this town."),
              quote("c", "Another statement entirely about the weather today"))
    once = compare_quotes(quotes)
    flat = tuple(q for g in once for q in g.quotes)
    assert compare_quotes(flat) == once


def test_summary_names_the_source_whose_wording_differs():
    groups = compare_quotes((quote("a", "We will never give up the fight for this town."),
                             quote("b", "We will never give up the fight for this town."),
                             quote("c", "We will never give up the struggle for this town.")))
    line = group_summary(groups[0], {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"})
    assert line.startswith("Jane Doe is quoted in 3 sources")
    assert "Outlet C's wording differs" in line


def test_reference_quotes_index_their_articles(reference_story, toolkit):
    texts = {a.id: a.text for a in reference_story.articles}
    found = extract_quotes(reference_story, toolkit, reference_story.entities)
    assert found and all(texts[q.article][q.start:q.end] == q.text for q in found)


def test_reference_has_a_statement_quoted_alike_by_three_sources(reference_story, toolkit):
    found = extract_quotes(reference_story, toolkit, reference_story.entities)
    groups = compare_quotes(found, reference_story.articles)
    assert any(len(g.articles) >= 3 and g.speaker and not g.differs for g in groups)


def test_a_name_in_a_clause_describing_the_subject_is_not_the_speaker(toolkit):
    # "The president, sitting next to X, said": X is where the president sat, not who spoke
    assert speakers_of(toolkit, "The president, sitting next to Prime Minister Anna "
                                "Kowalski, said he believed “there is a lot of goodwill” "
                                "going into the meeting.") == [None]
    # a name in the subject's own phrase still is
    assert speakers_of(toolkit, "The mayor, Jane Doe, said “we will rebuild the bridge "
                                "within a year” at the meeting.") == ["Jane Doe"]


def test_a_title_or_a_code_is_no_speaker(toolkit):
    # the parser takes the rank of an office for the subject's name
    assert speakers_of(toolkit, "Speaking on Sunday, the Deputy Prime Minister II said "
                                "“we will cut the waiting times at the border”.") == [None]
    assert speakers_of(toolkit, "The state director Lilian Varsano spoke on Saturday.\n\n"
                                "“We will cut the waiting times at the border,” she said."
                                ) == ["Lilian Varsano"]
