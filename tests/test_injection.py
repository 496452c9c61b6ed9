"""The injectors of `newsweave eval conflicts` that move bounded figures and percentages: each
changes the figure beyond any tolerance and keeps the words around it; the unseen stories
they are also injected into; and what counts as finding an injected change."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from newsweave.eval.conflicts import MAX_ARTICLES, ecbplus_halves
from newsweave.eval.injection import (
    BOUNDED,
    PERCENT,
    Edit,
    Pool,
    _figure_scaled,
    find_names,
    find_names_once,
    found_injection,
)
from newsweave.models import Article, Conflict, Fact, Mention, Position, Story


@pytest.mark.parametrize("pattern, text, changed", [
    (BOUNDED, "He faces up to 10 years in prison.", "up to 15 years"),
    (BOUNDED, "The port handled over 57,000 tonnes of grain.", "over 85,500 tonnes"),
    (BOUNDED, "At least 3 people died.", "At least 4 people"),
    (PERCENT, "Turnout was 62.5 per cent.", "93.8 per cent"),
    (PERCENT, "Prices rose by more than 80% in a year.", "48%"),
])
def test_a_bound_or_a_share_is_moved_and_keeps_its_words(pattern, text, changed):
    match = pattern.search(text)
    assert match is not None and _figure_scaled(match) == changed


def test_a_percentage_is_not_a_bounded_count_and_points_are_no_share():
    assert BOUNDED.search("more than 80 per cent of voters") is None
    assert PERCENT.search("Support fell 3 percentage points.") is None


def test_unseen_halves_split_ecbplus_by_story_and_keep_single_articles_out(tmp_path):
    rows = [{"id": f"{s}_{n}", "text": f"Story {s}, article {n}.", "gold_story": f"{s}ecb"}
            for s in range(8) for n in range(1 if s == 3 else 6)]
    (tmp_path / "ecbplus-clustering-dev.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    halves = ecbplus_halves(tmp_path, None)
    tune, check = set(halves["tune"]), set(halves["check"])
    assert not tune & check
    assert tune | check == {f"{s}ecb" for s in range(8)} - {"3ecb"}  # one article: nothing to compare
    for stories in halves.values():
        for story, records in stories.items():
            assert len(records) == MAX_ARTICLES
            assert {r["id"].split("_")[0] for r in records} == {story.removesuffix("ecb")}
            assert all(r["published"] is None for r in records)
    assert halves == ecbplus_halves(tmp_path, None)
    assert all(len(s) <= 1 for s in ecbplus_halves(tmp_path, 1).values())


def test_an_injection_is_found_only_by_a_difference_quoting_the_edited_words():
    """A difference the changed article has elsewhere (its written date against another
    article's weekday) does not report the edit; one quoting the edited words does."""
    edit = Edit("b", ((10, 17, "March 5"),), "March 2 -> March 5")
    quoting = Conflict("c1", "date", "date of fire", (
        Position("2004-03-05", "Cheeks was fired March 5 as head coach.", ("b",)),
        Position("2004-03-02", "Cheeks was fired March 2 as head coach.", ("a", "c"))))
    elsewhere = Conflict("c2", "date", "date of hire", (
        Position("2004-04-21", "He was hired on April 21, 2004.", ("b",)),
        Position("Monday", "The team fired him on Monday.", ("a",))))
    assert found_injection((quoting,), "date", edit)
    assert not found_injection((elsewhere,), "date", edit)
    assert not found_injection((quoting,), "number", edit)
    both = replace(quoting, positions=(replace(quoting.positions[0], articles=("a", "b")),
                                       quoting.positions[1]))
    assert not found_injection((both,), "date", edit)  # the changed article stands alone


def test_a_name_swapped_once_changes_only_the_witnessed_sentence(toolkit):
    """`name` renames a witnessed person all through one article; `name-once` only in the
    sentence another article witnesses, the slip of an outlet that names the right person
    elsewhere."""
    first = "Police arrested Alan Brook on Monday. Alan Brook was charged on Tuesday."
    second = "Police arrested Alan Brook on Monday. Brook was charged with arson."
    articles = tuple(Article(f"a{n}", f"a{n}.txt", text, None, None, None, "2023-09-17",
                             "metadata", "en") for n, text in enumerate((first, second)))
    lead = "Police arrested Alan Brook on Monday."
    fact = Fact("f0", lead, "corroborated", ("a0", "a1"), 2,
                tuple(Mention(a.id, lead, 0, len(lead), None) for a in articles))
    story = Story("s1", "test", articles, (fact,))
    pool = Pool(toolkit.nlp, people=["Peter Quill"])
    everywhere, once = find_names(story, pool)[0], find_names_once(story, pool)[0]
    assert everywhere.article == once.article == "a0"
    assert len(everywhere.spans) == 2 and len(once.spans) == 1
    start, end, new = once.spans[0]
    assert (first[start:end], new) == ("Alan Brook", "Peter Quill") and end <= len(lead)
