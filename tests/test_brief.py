"""The brief: cited, faithful to the sources' words, agreed facts first, disagreements with
both sides attributed, single-source details labelled, and a complete record of what is left
out. Small hand-built stories, plus the reference story through the whole pipeline."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from unidecode import unidecode

from newsweave.brief import statement, write_brief
from newsweave.brief_check import check_sentence
from newsweave.models import (
    Article,
    BriefSentence,
    Conflict,
    Entity,
    Fact,
    Mention,
    Position,
    Story,
    TimelineEvent,
)

NUMBER_WORDS = {"four": "4", "three": "3", "two": "2"}


def article(key: str, text: str, outlet: str | None = None,
            published: str = "2024-03-04") -> Article:
    return Article(key, f"{key}.txt", text, None, None, outlet, published, "metadata", "en")


def fact(key: str, *said: tuple[Article, str], status: str | None = None) -> Fact:
    mentions = tuple(Mention(a.id, text, a.text.index(text), a.text.index(text) + len(text),
                             f"{a.id}:{a.text[:a.text.index(text)].count('. ')}.0")
                     for a, text in said)
    ids = tuple(dict.fromkeys(a.id for a, _ in said))
    status = status or ("corroborated" if len(ids) > 1 else "single_source")
    return Fact(key, said[0][1], status, ids, len(ids), mentions)  # type: ignore[arg-type]


A = article("a", "Officials opened the Harbor Bridge on Monday after four years of work. "
                 "The bridge is 1,200 metres long, officials said. "
                 "Mayor Lena Ortiz cut the bridge ribbon before a crowd of 3,000 people.",
            "Daily Post")
B = article("b", "Officials opened the Harbor Bridge on Monday after four years of work. "
                 "The bridge is 900 metres long. "
                 "Bridge tolls will be waived for the first month, officials said.",
            "Evening Star")
C = article("c", "The Harbor Bridge opened on Monday after four years of construction. "
                 "The bridge cost 85 million dollars, according to the city budget.")
OPENING = "Officials opened the Harbor Bridge on Monday after four years of work"
OPENED = fact("f_open", (A, OPENING), (B, OPENING),
              (C, "The Harbor Bridge opened on Monday after four years of construction"))
LENGTH = fact("f_len", (A, "The bridge is 1,200 metres long, officials said"),
              (B, "The bridge is 900 metres long"), status="disputed")
RIBBON = "Mayor Lena Ortiz cut the bridge ribbon before a crowd of 3,000 people"
MAYOR = fact("f_mayor", (A, RIBBON))
TOLLS = fact("f_tolls", (B, "Bridge tolls will be waived for the first month, officials said"))
COST = fact("f_cost", (C, "The bridge cost 85 million dollars, according to the city budget"))
LENGTH_CONFLICT = Conflict("c_len", "number", "distance", (
    Position("1,200 metres", "The bridge is 1,200 metres long, officials said", ("a",)),
    Position("900 metres", "The bridge is 900 metres long", ("b",))), facts=("f_len",))


def bridge_story(**changes: Any) -> Story:
    story = Story("s", "Harbor Bridge", (A, B, C), (OPENED, LENGTH, MAYOR, TOLLS, COST),
                  (LENGTH_CONFLICT,))
    return replace(story, **changes)


def words(text: str) -> set[str]:
    found = set(re.findall(r"[^\W_]+", unidecode(text).lower()))
    return found | {NUMBER_WORDS[w] for w in found if w in NUMBER_WORDS}


def figures(text: str) -> set[str]:
    return {w for w in words(text) if w.isdigit()}


def own_words(sentence: BriefSentence, story: Story) -> str:
    """The sources' words of an agreed or single-source sentence (the framing taken off)."""
    if sentence.kind == "single_source":
        label = next(a.label for a in story.articles if a.id == sentence.citations[0])
        said = sentence.text.removeprefix("Only ")
        assert said.startswith(f"{label} reports that ")
        return said[len(f"{label} reports that "):]
    return sentence.text


# ---- citations and faithfulness -------------------------------------------------------------

def test_every_sentence_cites_articles_of_the_story():
    brief, _ = write_brief(bridge_story(), 9)
    ids = {a.id for a in bridge_story().articles}
    assert brief
    assert all(s.citations and set(s.citations) <= ids for s in brief)


def test_every_cited_article_contains_the_sentence_words_and_numbers():
    story = bridge_story()
    texts = {a.id: a.text for a in story.articles}
    for sentence in write_brief(story, 9)[0]:
        if sentence.kind == "conflict":
            continue
        said = own_words(sentence, story)
        assert words(said) <= words(texts[sentence.citations[0]]), sentence.text
        for cited in sentence.citations:
            assert figures(said) <= words(texts[cited]), (sentence.text, cited)


def test_checker_passes_every_sentence_of_the_brief():
    story = bridge_story()
    assert all(check_sentence(s, story) == () for s in write_brief(story, 9)[0])


def test_checker_flags_a_word_no_cited_source_has():
    story = bridge_story()
    invented = BriefSentence("Officials opened the Harbor Bridge on Tuesday.", ("a", "b"))
    assert any("tuesday" in p for p in check_sentence(invented, story))


def test_checker_flags_a_number_missing_from_one_cited_source():
    story = bridge_story()
    claimed = BriefSentence("The bridge is 900 metres long.", ("a", "b"))
    assert any("900" in p for p in check_sentence(claimed, story))


def test_checker_flags_a_sentence_without_citation():
    assert check_sentence(BriefSentence("The Harbor Bridge opened.", ()), bridge_story())


def test_agreed_sentence_cites_only_sources_that_state_its_figures():
    one = article("d", "Officials opened the Harbor Bridge on Monday after three years of work.")
    story = bridge_story(articles=(A, B, C, one), facts=(fact(
        "f_open", (A, "Officials opened the Harbor Bridge on Monday after four years of work"),
        (one, "Officials opened the Harbor Bridge on Monday after three years of work")),))
    brief, _ = write_brief(story, 9)
    agreed = [s for s in brief if s.kind == "agreed"]
    assert all(not ({"a", "d"} <= set(s.citations)) for s in agreed)


# ---- order and sections ----------------------------------------------------------------------

def test_brief_leads_with_agreed_facts_then_conflicts_then_single_source():
    kinds = [s.kind for s in write_brief(bridge_story(), 9)[0]]
    order = {"agreed": 0, "conflict": 1, "single_source": 2}
    assert kinds[0] == "agreed"
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert {"agreed", "conflict", "single_source"} <= set(kinds)


def test_one_sentence_brief_reports_the_most_widely_stated_fact():
    brief, _ = write_brief(bridge_story(), 1)
    assert brief[0].facts == ("f_open",)


def test_agreed_facts_are_told_in_time_order():
    said = ("The council approved the Harbor Bridge budget in 2020.",
            "Officials opened the Harbor Bridge on Monday after four years of work.")
    first, second = article("d", " ".join(said)), article("e", " ".join(said))
    vote = fact("f_vote", (first, said[0][:-1]), (second, said[0][:-1]))
    opened = fact("f_open", (A, said[1][:-1]), (B, said[1][:-1]), (first, said[1][:-1]),
                  (second, said[1][:-1]))
    timeline = (TimelineEvent("2020-05-01", vote.text, ("d", "e")),
                TimelineEvent("2024-03-04", opened.text, ("a", "b", "d", "e")))
    story = Story("s", "t", (A, B, first, second), (opened, vote), timeline=timeline)
    agreed = [s.facts[0] for s in write_brief(story, 9)[0] if s.kind == "agreed"]
    assert agreed == ["f_vote", "f_open"]


def test_conflict_sentence_attributes_each_side_with_its_value():
    brief, _ = write_brief(bridge_story(), 9)
    conflict = next(s for s in brief if s.kind == "conflict")
    assert "Daily Post reports" in conflict.text and "Evening Star reports" in conflict.text
    assert "1,200 metres" in conflict.text and "900 metres" in conflict.text
    assert conflict.text.index("Daily Post") < conflict.text.index("1,200") < \
        conflict.text.index("Evening Star") < conflict.text.index("900 metres")
    assert set(conflict.citations) == {"a", "b"} and conflict.facts == ("c_len",)


def test_date_conflict_shows_the_dates_as_the_sources_wrote_them():
    first = article("a", "The mayor left the city on Sunday, aides said.", "Daily Post",
                    "2024-03-05")
    second = article("b", "The mayor left the city on March 2, aides said.", "Evening Star",
                     "2024-03-05")
    left = Conflict("c_day", "date", "date of leave", (
        Position("2024-03-03", "The mayor left the city on Sunday", ("a",)),
        Position("2024-03-02", "The mayor left the city on March 2", ("b",))))
    story = Story("s", "t", (first, second), (), (left,))
    sentence = write_brief(story, 9)[0][0]
    assert "Sunday" in sentence.text and "March 2" in sentence.text
    assert "2024" not in sentence.text


def test_single_source_detail_is_labelled_with_its_source():
    """Every single-source sentence cites its one source; the tolls hold no name or figure
    that the other articles lack (the bridge, its officials), so the brief does not claim
    them as the Evening Star's alone."""
    brief, _ = write_brief(bridge_story(), 9)
    single = [s for s in brief if s.kind == "single_source"]
    assert single
    for sentence in single:
        label = {"a": "Daily Post", "b": "Evening Star", "c": "c"}[sentence.citations[0]]
        assert sentence.text.removeprefix("Only ").startswith(f"{label} reports that ")
        assert len(sentence.citations) == 1
    tolls = [s.text for s in single if s.facts == ("f_tolls",)]
    assert tolls == [("Evening Star reports that bridge tolls will be waived for the first "
                      "month, officials said.")]


def test_a_detail_another_article_tells_in_other_words_is_not_said_to_be_one_sources_alone():
    """The search for a fact in the other articles can miss it in other words ("fee" /
    "tolls", "scrapped" / "waived"); when another article has every name and figure of it,
    the brief does not write "Only"."""
    post = article("a", "The Harbor Bridge opened on Monday. Tolls on the Harbor Bridge will "
                        "be waived until May, the Transport Authority said.", "Daily Post")
    star = article("b", "The Harbor Bridge opened on Monday. The Transport Authority has "
                        "scrapped the crossing fee until May.", "Evening Star")
    tolls = fact("f_tolls", (post, ("Tolls on the Harbor Bridge will be waived until May, the "
                                    "Transport Authority said")))
    told = [s.text for s in write_brief(Story("s", "t", (post, star), (tolls,)), 9)[0]]
    assert told == [("Daily Post reports that tolls on the Harbor Bridge will be waived until "
                     "May, the Transport Authority said.")]
    alone = article("c", "The Harbor Bridge opened on Monday.", "Evening Star")
    told = [s.text for s in write_brief(Story("s", "t", (post, alone), (tolls,)), 9)[0]]
    assert told == [("Only Daily Post reports that tolls on the Harbor Bridge will be waived "
                     "until May, the Transport Authority said.")]


# ---- budget and what is left out --------------------------------------------------------------

def test_max_sentences_is_respected():
    for budget in (0, 1, 2, 3, 4):
        assert len(write_brief(bridge_story(), budget)[0]) <= budget


def test_left_out_lists_every_fact_and_conflict_not_reported():
    story = bridge_story()
    for budget in (1, 3, 9):
        brief, left_out = write_brief(story, budget)
        reported = {i for s in brief for i in s.facts}
        everything = {f.id for f in story.facts} | {c.id for c in story.conflicts}
        assert reported | set(left_out) == everything
        assert not reported & set(left_out)


def test_near_duplicate_facts_are_not_both_reported():
    twin = fact("f_twin", *((a, m.text) for a, m in zip((A, C), OPENED.mentions[::2])))
    story = bridge_story(facts=(OPENED, twin, MAYOR, TOLLS, COST), conflicts=())
    reported = [i for s in write_brief(story, 9)[0] for i in s.facts]
    assert not {"f_open", "f_twin"} <= set(reported)


def test_dangling_pronoun_statement_loses_to_a_clean_one():
    first = article("a", "He said the Harbor Bridge opened to traffic at noon on Monday.",
                    "Daily Post")
    second = article("b", "The Harbor Bridge opened to traffic at noon on Monday.",
                     "Evening Star")
    noon = fact("f_noon", (first, first.text[:-1]),
                (second, "The Harbor Bridge opened to traffic at noon on Monday"))
    story = Story("s", "t", (first, second), (noon,))
    assert write_brief(story, 9)[0][0].text.startswith("The Harbor Bridge")


def test_clause_cut_from_mid_sentence_is_not_used():
    text = "The council met on Monday and approved the bridge budget of 85 million dollars."
    source = article("a", text, "Daily Post")
    clause = fact("f_clause", (source, "and approved the bridge budget of 85 million dollars"))
    story = Story("s", "t", (source, B), (clause,))
    assert write_brief(story, 9)[0] == ()


def test_a_split_off_predicate_is_told_after_the_subject_it_shares_in_brackets():
    text = "The council met on Monday and approved the bridge budget of 85 million dollars."
    source = article("a", text, "Daily Post")
    clause = replace(fact("f_clause", (source, "approved the bridge budget of 85 million dollars")),
                     subject="The council")
    other = article("b", "The council budget for the bridge runs to 85 million dollars.",
                    "Evening Star")
    brief = write_brief(Story("s", "t", (source, other), (clause,)), 9)[0]
    assert [s.text for s in brief] == [
        ("Daily Post reports that [the council] approved the bridge budget of 85 million "
         "dollars.")]


def test_statement_drops_dateline_and_leading_link_word():
    assert statement("HARBOR CITY – However, the bridge opened on Monday") == \
        "The bridge opened on Monday."
    assert statement("and the tolls were waived") == "The tolls were waived."


# ---- the reference story through the pipeline -------------------------------------------------

def test_reference_story_brief_is_cited_faithful_and_complete(reference_story, settings):
    story = reference_story
    brief, left_out = story.brief, story.brief_left_out
    assert 0 < len(brief) <= settings.brief_sentences
    assert [check_sentence(s, story) for s in brief] == [()] * len(brief)
    labels = {a.id: a.label for a in story.articles}
    for sentence in (s for s in brief if s.kind == "conflict"):
        conflict = next(c for c in story.conflicts if c.id == sentence.facts[0])
        for position in conflict.positions:
            assert all(labels[a] in sentence.text for a in position.articles)
    assert any(s.kind == "conflict" for s in brief) == bool(story.conflicts)
    reported = {i for s in brief for i in s.facts}
    assert reported | set(left_out) == {f.id for f in story.facts} | {c.id for c in
                                                                      story.conflicts}


def test_left_out_counts_group_what_is_left_out_by_status():
    story = bridge_story()
    brief, left_out = write_brief(story, 1)
    counts = replace(story, brief=brief, brief_left_out=left_out).left_out_by_status()
    assert counts == {"disputed": 1, "single_source": 3, "conflict": 1}


def test_two_conflicts_between_the_same_sources_are_both_reported():
    first = article("a", "The bridge is 1,200 metres long and cost 85 million dollars.",
                    "Daily Post")
    second = article("b", "The bridge is 900 metres long and cost 60 million dollars.",
                     "Evening Star")
    cost = Conflict("c_cost", "number", "money", (
        Position("85 million", first.text, ("a",)), Position("60 million", second.text, ("b",))))
    story = Story("s", "t", (first, second), (), (LENGTH_CONFLICT, cost))
    assert {s.facts[0] for s in write_brief(story, 9)[0]} == {"c_len", "c_cost"}


# ---- the coverage measure of `newsweave eval brief` ------------------------------------------

def test_coverage_counts_a_conflict_only_when_both_values_share_a_sentence():
    from newsweave.eval.brief import conflict_mentioned

    story = bridge_story()
    apart = ["The bridge is 1,200 metres long.", "The bridge is 900 metres long."]
    together = ["Daily Post reports 1,200 metres; Evening Star reports 900 metres."]
    assert not conflict_mentioned(LENGTH_CONFLICT, story, apart)
    assert conflict_mentioned(LENGTH_CONFLICT, story, together)


def test_coverage_counts_a_fact_when_one_sentence_holds_most_of_its_words():
    from newsweave.eval.brief import fact_mentioned

    assert fact_mentioned(RIBBON, [f"Only Daily Post reports that {RIBBON}."])
    assert not fact_mentioned(RIBBON, ["The mayor attended.", "A crowd of 3,000 people came."])


def test_verdict_conflict_quotes_each_side_statement():
    first = article("a", "The council approved the bridge budget.", "Daily Post")
    second = article("b", "The council never approved the bridge budget.", "Evening Star")
    verdict = Conflict("c_claim", "claim", "whether approve", (
        Position("asserted", "The council approved the bridge budget", ("a",)),
        Position("denied", "The council never approved the bridge budget", ("b",))))
    sentence = write_brief(Story("s", "t", (first, second), (), (verdict,)), 9)[0][0]
    for label, said in (("Daily Post", first.text[:-1]), ("Evening Star", second.text[:-1])):
        assert f"{label} reports “{said}”" in sentence.text


def test_two_verdict_conflicts_on_different_statements_are_both_reported():
    first = article("a", "The council approved the budget. The mayor signed the contract.",
                    "Daily Post")
    second = article("b", "The council never approved the budget. The mayor refused to sign "
                          "the contract.", "Evening Star")
    budget = Conflict("c_budget", "claim", "whether approve", (
        Position("asserted", "The council approved the budget", ("a",)),
        Position("denied", "The council never approved the budget", ("b",))))
    contract = Conflict("c_contract", "claim", "whether sign", (
        Position("asserted", "The mayor signed the contract", ("a",)),
        Position("denied", "The mayor refused to sign the contract", ("b",))))
    story = Story("s", "t", (first, second), (), (budget, contract))
    assert {s.facts[0] for s in write_brief(story, 9)[0]} == {"c_budget", "c_contract"}


def test_a_bounded_date_is_quoted_as_written():
    first = article("a", "By December 19, loan sharks began calling him.", "Daily Post",
                    published="2025-01-10")
    second = article("b", "On December 22, loan sharks started calling him.", "Evening Star",
                     published="2025-01-10")
    bound = Conflict("c_date", "date", "date of call", (
        Position("by 2024-12-19", first.text[:-1], ("a",)),
        Position("2024-12-22", second.text[:-1], ("b",))))
    sentence = write_brief(Story("s", "t", (first, second), (), (bound,)), 9)[0][0]
    # The dated words, not the whole statement: the bound is found again in the text.
    assert "Daily Post reports “By December 19”" in sentence.text
    assert "2024-12-19" not in sentence.text


def test_a_name_opening_a_reported_statement_keeps_its_capital():
    """The word after "reports that" is lower-cased unless it is a name: a surname the story
    only writes after a given name or at a sentence start is still a name."""
    d = article("d", "Ada Quill won the race. Quill was given the cup by the mayor.", "Post")
    e = article("e", "Ada Quill won the race on Sunday.", "Star")
    cup = fact("f_cup", (d, "Quill was given the cup by the mayor"))
    won = fact("f_won", (d, "Ada Quill won the race"), (e, "Ada Quill won the race on Sunday"))
    story = Story("t", "Race", (d, e), (won, cup), ())
    quill = Entity("Ada Quill", "PERSON", ("Quill",), ("d", "e"))
    named = [s.text for s in write_brief(replace(story, entities=(quill,)), 5)[0]]
    assert any("reports that Quill was given the cup" in s for s in named), named
    plain = [s.text for s in write_brief(story, 5)[0]]
    assert any("reports that quill was given the cup" in s for s in plain), plain


def test_an_article_opening_a_reported_statement_is_lower_cased():
    d = article("d", "A crowd of 3,000 people watched Ada Quill win the race.", "Post")
    e = article("e", "Ada Quill won the race on Sunday.", "Star")
    crowd = fact("f_crowd", (d, "A crowd of 3,000 people watched Ada Quill win the race"))
    told = [s.text for s in write_brief(Story("t", "Race", (d, e), (crowd,), ()), 5)[0]]
    assert told == [("Only Post reports that a crowd of 3,000 people watched Ada Quill win the "
                     "race.")]


@pytest.mark.parametrize("text, words, plain", [
    # The second clause of a quotation, cut from its marks and its speaker.
    (("The mayor said the bridge would open on Monday. “The bridge works took longer than we "
      "hoped, and I have decided to step down after the bridge opens on Monday,” she said."),
     "I have decided to step down after the bridge opens on Monday",
     "The mayor said the bridge would open on Monday"),
    # A quotation standing alone.
    (("The mayor opened the bridge on Monday. “The Harbor Bridge took four years of work, and "
      "it was worth every month.”"),
     "“The Harbor Bridge took four years of work, and it was worth every month.”",
     "The mayor opened the bridge on Monday")])
def test_someones_words_with_no_speaker_named_are_not_told(text, words, plain):
    """First-person words out of their quotation marks, or a quotation alone, are someone's
    own words: the brief cannot tell them as the source's statement."""
    source = article("a", text, "Daily Post")
    facts = (fact("f_words", (source, words)), fact("f_plain", (source, plain)))
    told = [s.text for s in write_brief(Story("s", "t", (source, B), facts), 9)[0]]
    assert told == [f"Daily Post reports that {plain[0].lower()}{plain[1:]}."]


def test_two_articles_of_one_outlet_on_a_side_are_one_source_that_reports():
    first = article("a", "The bridge is 1,200 metres long, officials said.", "Daily Post")
    again = article("a2", "The bridge is 1,200 metres long, officials said on Monday.",
                    "Daily Post")
    other = article("b", "The bridge is 900 metres long.", "Evening Star")
    length = Conflict("c_len", "number", "distance", (
        Position("1,200 metres", "The bridge is 1,200 metres long", ("a", "a2")),
        Position("900 metres", "The bridge is 900 metres long", ("b",))))
    sentence = write_brief(Story("s", "t", (first, again, other), (), (length,)), 9)[0][0]
    assert sentence.text.startswith("Daily Post reports ")
    assert "; Evening Star reports " in sentence.text
