"""The measuring stick for disagreements (newsweave.eval.labels), on tiny hand-made inputs."""

import json
from dataclasses import replace

import pytest
from conftest import DATASETS

from newsweave.eval.labels import (
    Labelled,
    LabelledArticle,
    LabelledStory,
    Paraphrase,
    Quoted,
    Side,
    conflict_matches,
    false_single_source,
    in_one_fact,
    locate_quote,
    paraphrase_facts,
    position_matches_side,
    read_labelled_stories,
    same_value,
    score_story,
    split_stories,
)
from newsweave.eval.lookalike_readings import load_readings, note_digest, same_thing
from newsweave.models import Article, Conflict, Fact, Mention, Position, Statement, Story

HOURS = Labelled("number", "length of the debate", (
    Side("seven hours", ("a1",), "The seven-hour session ended."),
    Side("six hours", ("a2", "a3"), "In a debate lasting six hours, ..."),
))


def conflict(*positions: tuple[str, tuple[str, ...]], text: str = "") -> Conflict:
    return Conflict(id="c1", kind="number", topic="t", positions=tuple(
        Position(value, text, articles) for value, articles in positions))


def article(aid: str, text: str) -> Article:
    return Article(id=aid, path=aid, text=text, title=None, url=None, outlet=None,
                   published="2025-02-06", published_from="metadata", language="en")


def fact(fid: str, status: str, *spans: tuple[str, str, str]) -> Fact:
    """spans: (article id, article text, sentence): the sentence is found in the text."""
    mentions = tuple(Mention(a, s, t.index(s), t.index(s) + len(s)) for a, t, s in spans)
    return Fact(fid, spans[0][2], status, tuple(m.article for m in mentions),  # type: ignore[arg-type]
                len(mentions), mentions)


def test_number_words_match_digits_and_a_hyphenated_unit():
    assert same_value("7 hours", "seven hours")
    assert same_value("seven-hour", "seven hours")
    assert not same_value("6 hours", "seven hours")


def test_thousands_separator_is_one_figure():
    assert same_value("1,200", "1200 passengers")
    assert not same_value("1,200", "1,300 passengers")


def test_figures_decide_over_shared_words():
    assert not same_value("27.2 per cent", "27.1 per cent")


def test_value_words_inside_the_other_value_match():
    assert same_value("the police", "the police (as reported by a paper)")
    assert same_value("long-distance bus", "bus")
    assert not same_value("car", "bus")


def test_iso_date_matches_a_written_date_on_that_day():
    assert same_value("2025-02-05", "Wednesday (Feb 5)", "2025-02-06")
    assert same_value("by 2024-01-23", "Jan. 23, 2024")
    assert not same_value("2025-02-04", "Wednesday (Feb 5)", "2025-02-06")


def test_weekday_is_read_against_the_publication_date():
    assert same_value("2025-02-03", "Monday", "2025-02-06")
    assert not same_value("2025-02-03", "Monday", "2025-02-13")


def test_date_figures_alone_do_not_make_a_date_match():
    # 5 is among the figures of 2025-02-05, but Feb 2 is another day
    assert not same_value("2025-02-05", "Feb 2", "2025-02-06")


def test_position_needs_an_article_of_the_side():
    side = HOURS.sides[0]
    assert position_matches_side(Position("7 hours", "", ("a1",)), side)
    assert not position_matches_side(Position("7 hours", "", ("a9",)), side)


def test_conflict_matches_when_two_positions_match_two_sides():
    assert conflict_matches(conflict(("seven-hour", ("a1",)), ("six hours", ("a3",))), HOURS)


def test_conflict_with_one_side_matched_twice_does_not_match():
    both_first = conflict(("seven hours", ("a1",)), ("7 hours", ("a1", "a2")))
    assert not conflict_matches(both_first, HOURS)


def test_conflict_on_another_value_of_the_same_articles_does_not_match():
    assert not conflict_matches(conflict(("2 MPs", ("a1",)), ("3 MPs", ("a2",))), HOURS)


def test_polarity_position_matches_by_its_statement():
    label = Labelled("claim", "plea", (Side("pleaded guilty", ("a1",), "He pleaded guilty."),
                                       Side("found guilty", ("a2",), "He was found guilty.")))
    found = Conflict("c", "claim", "plead", (
        Position("asserted", "He pleaded guilty.", ("a1",)),
        Position("denied", "He was found guilty .", ("a2",))))
    assert conflict_matches(found, label)
    other = Conflict("c", "claim", "plead", (
        Position("asserted", "The court sat on Monday.", ("a1",)),
        Position("denied", "He was found guilty.", ("a2",))))
    assert not conflict_matches(other, label)


def test_polarity_position_matches_by_the_shared_articles_own_statement():
    """A side cited by two articles is shown by one's sentence; the label may quote the
    other's, and that article's own statement matches it."""
    label = Labelled("claim", "visit", (Side("to meet her", ("a2",), "He is expected to meet her."),
                                        Side("unlikely", ("a3",), "He is unlikely to meet her.")))
    shown = Position("asserted", "Reports say he will meet her.", ("a1", "a2"),
                     (Statement("a1", "Reports say he will meet her."),
                      Statement("a2", "He is expected to meet her.")))
    denied = Position("denied", "He is unlikely to meet her.", ("a3",))
    assert conflict_matches(Conflict("c", "claim", "meet", (shown, denied)), label)
    unquoted = replace(shown, statements=shown.statements[:1])
    assert not conflict_matches(Conflict("c", "claim", "meet", (unquoted, denied)), label)


def test_quote_is_located_despite_curly_quotes():
    text = "First. He said \u201cwe will go\u201d on Monday. Last."
    start, end = locate_quote('He said "we will go" on Monday.', text)  # type: ignore[misc]
    assert text[start:end].startswith("He said")
    assert locate_quote("Nothing like this sentence at all.", text) is None


A1 = "Intro. The amendment was rejected. Rest."
A2 = "Start. His amendment was voted down. End."
REJECTED = Paraphrase("amendment rejected", (Quoted("a1", "The amendment was rejected."),
                                             Quoted("a2", "His amendment was voted down.")))


def test_paraphrase_in_one_fact():
    facts = [fact("f1", "corroborated", ("a1", A1, "The amendment was rejected."),
                  ("a2", A2, "His amendment was voted down."))]
    placed = paraphrase_facts(REJECTED, {"a1": A1, "a2": A2}, facts)
    assert placed == [frozenset({"f1"}), frozenset({"f1"})]
    assert in_one_fact(placed)


def test_paraphrase_split_over_two_facts_is_not_in_one_fact_and_both_are_false_singles():
    facts = [fact("f1", "single_source", ("a1", A1, "The amendment was rejected.")),
             fact("f2", "single_source", ("a2", A2, "His amendment was voted down.")),
             fact("f3", "single_source", ("a1", A1, "Rest."))]
    texts = {"a1": A1, "a2": A2}
    assert not in_one_fact(paraphrase_facts(REJECTED, texts, facts))
    assert false_single_source([REJECTED], texts, facts) == {"f1", "f2"}


def test_edge_overlap_does_not_place_a_quote_in_a_fact():
    text = "The amendment was rejected. Rest of it goes on for a while."
    facts = [fact("f1", "single_source", ("a1", text, "d. Rest of it goes on for a while."))]
    span = (0, len("The amendment was rejected."))
    assert paraphrase_facts(Paraphrase("x", (Quoted("a1", text[:span[1]]),)),
                            {"a1": text}, facts) == [frozenset()]


def test_score_story_counts_real_false_and_flagged_reports():
    lookalike = Labelled("number", "leave", (Side("30 weeks", ("a1",), "q"),
                                             Side("10 weeks", ("a2",), "q")))
    labels = LabelledStory("localnews", "1", (LabelledArticle("a1", A1),), (HOURS,), (lookalike,),
                           (REJECTED,))
    real = conflict(("seven hours", ("a1",)), ("six hours", ("a2",)))
    alike = conflict(("30 weeks", ("a1",)), ("10 weeks", ("a2",)))
    story = Story("s", "t", (article("a1", A1), article("a2", A2)), conflicts=(real, alike))
    score = score_story(labels, [story])
    assert (score.reported, score.real, score.found, score.flagged) == (2, 1, 1, 1)
    assert (score.precision, score.recall, score.flagged_rate) == (0.5, 1.0, 1.0)
    assert score.paraphrases == 1 and score.in_one_fact == 0


def test_scores_pool_by_adding_counts():
    labels = LabelledStory("localnews", "1", (), (HOURS,))
    one = score_story(labels, [Story("s", "t", (), conflicts=(
        conflict(("seven hours", ("a1",)), ("six hours", ("a2",))),))])
    none = score_story(labels, [])
    total = one + none
    assert (total.labelled, total.found, total.recall) == (2, 1, 0.5)


def test_split_is_by_story_hash_and_holds_each_source_in_both_halves():
    stories = [LabelledStory(src, str(n), ()) for src in ("localnews", "newswcl50")
               for n in range(6)]
    halves = split_stories(stories)
    assert halves == split_stories(list(reversed(stories)))
    for half in halves.values():
        assert {s.source for s in half} == {"localnews", "newswcl50"}
        assert len(half) == 6
    # pinned: the split never changes
    assert sorted(s.key for s in halves["tune"] if s.source == "localnews") == \
        ["localnews:1", "localnews:2", "localnews:3"]


def test_read_labelled_stories_maps_both_sources_to_their_articles(tmp_path):
    (tmp_path / "localnews-stories-dev.jsonl").write_text(json.dumps({
        "story_id": "7", "articles": [{"id": "7-00", "text": "T", "title": "H",
                                       "url": "u", "outlet": "o", "published": "2025-01-02"}]}))
    (tmp_path / "newswcl50-stories-dev.jsonl").write_text(json.dumps({
        "event_id": "0", "documents": [{"doc_id": "0_L", "text": "W", "url": "v"}]}))
    side = {"value": "x", "articles": ["7-00"], "quote": "T"}
    (tmp_path / "localnews-disagreements-dev.jsonl").write_text("\n".join(json.dumps(r) for r in (
        {"source": "localnews", "story": "7", "disagreements": [
            {"kind": "number", "topic": "t", "sides": [side, side], "note": "n"}],
         "lookalikes": [], "paraphrases": [], "name_variants": [["A", "B"]]},
        {"source": "newswcl50", "story": "0", "disagreements": [], "lookalikes": [],
         "paraphrases": [{"claim": "c", "mentions": [{"article": "0_L", "quote": "W"}]}],
         "name_variants": []})))
    local, wcl = read_labelled_stories(tmp_path)
    assert local.articles == (LabelledArticle("7-00", "T", "H", "u", "o", "2025-01-02"),)
    assert local.disagreements[0].note == "n" and local.name_variants == (("A", "B"),)
    assert wcl.articles == (LabelledArticle("0_L", "W", url="v"),)
    assert wcl.paraphrases[0].mentions == (Quoted("0_L", "W"),)


def test_a_join_counts_as_false_only_for_a_lookalike_read_as_different_things():
    sides = (Side("seven hours", ("a1",), "The amendment was rejected."),
             Side("six hours", ("a2",), "His amendment was voted down."))
    one_thing = Labelled("number", "t", sides, "same figure rounded", same_thing=True)
    two_things = Labelled("number", "t", sides, "two debates", same_thing=False)
    unread = Labelled("number", "t", sides, "not read")
    facts = (fact("f1", "corroborated", ("a1", A1, "The amendment was rejected."),
                  ("a2", A2, "His amendment was voted down.")),)
    story = Story("s", "t", (article("a1", A1), article("a2", A2)), facts=facts)
    labels = LabelledStory("localnews", "1", (), (), (one_thing, two_things, unread))
    score = score_story(labels, [story])
    assert (score.joined, score.apart, score.joined_apart) == (3, 1, 1)
    apart = score_story(replace(labels, lookalikes=(one_thing,)), [story])
    assert (apart.joined, apart.apart, apart.false_join_rate) == (1, 0, None)


def test_a_reading_is_dropped_when_its_label_changed():
    readings = {("localnews:1", 0): (note_digest("two debates"), False)}
    assert same_thing(readings, "localnews:1", 0, "two debates") is False
    assert same_thing(readings, "localnews:1", 0, "two debates, edited") is None
    assert same_thing(readings, "localnews:1", 1, "two debates") is None


def test_every_labelled_lookalike_is_read():
    if not (DATASETS / "localnews-disagreements-dev.jsonl").exists():
        pytest.skip("datasets not found at ../shared/datasets")
    stories = read_labelled_stories(DATASETS)
    readings = [entry.same_thing for s in stories for entry in s.lookalikes]
    assert len(readings) == len(load_readings()) and None not in readings
    assert 0 < readings.count(False) < len(readings)
