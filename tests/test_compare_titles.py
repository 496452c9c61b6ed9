"""One person given titles that exclude each other: synthetic articles through the real parser,
an injected title in a real story, and the reference story left alone."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import DATASETS

from newsweave.clean import clean_record
from newsweave.compare.titles import person_keys, person_of, read_title, title_conflicts
from newsweave.entities import merge_entities
from newsweave.errors import InputError
from newsweave.models import Article, RawRecord, Story


def first_articles(story: dict, settings, count: int = 4) -> list[Article]:
    """The first cleaned articles of a LocalNews story."""
    found = []
    for item in story["articles"][:count]:
        raw = RawRecord(item["id"], item["id"], item.get("text") or "", title=item.get("title"),
                        published=item.get("published"), published_from="metadata")
        try:
            found.append(clean_record(raw, settings))
        except InputError:
            continue
    return found


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2023-09-17",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def conflicts(toolkit, *texts: str):
    story = make_story(*texts)
    return title_conflicts(story, merge_entities(story, toolkit), toolkit)


def sides(conflict) -> dict[str, tuple[str, ...]]:
    return {p.value: p.articles for p in conflict.positions}


def test_same_office_with_different_portfolios_conflicts(toolkit):
    found = conflicts(toolkit, "Foreign Minister Maria Lopez met the delegation on Monday.",
                      "Defence Minister Maria Lopez met the delegation on Monday.")
    assert len(found) == 1
    assert found[0].kind == "title" and "Maria Lopez" in found[0].topic
    assert sides(found[0]) == {"Foreign Minister": ("a0",), "Defence Minister": ("a1",)}
    assert 0 < found[0].confidence <= 0.6 and found[0].explanation


def test_appositive_titles_are_compared(toolkit):
    found = conflicts(toolkit, "Maria Lopez, the foreign minister, met the delegation.",
                      "Maria Lopez, the defence minister, met the delegation.")
    assert [sides(c) for c in found] == [{"foreign minister": ("a0",),
                                          "defence minister": ("a1",)}]


def test_secretary_of_one_department_conflicts_with_another(toolkit):
    found = conflicts(toolkit, "Secretary of State Maria Lopez met the delegation.",
                      "Secretary of Defense Maria Lopez met the delegation.")
    assert len(found) == 1


def test_rank_word_on_one_side_conflicts(toolkit):
    found = conflicts(toolkit, "Deputy Mayor John Harper opened the bridge on Friday.",
                      "Mayor John Harper opened the bridge on Friday.")
    assert [sides(c) for c in found] == [{"Deputy Mayor": ("a0",), "Mayor": ("a1",)}]


def test_titles_given_by_a_copula_or_with_a_place_after_them_are_compared(toolkit):
    found = conflicts(toolkit, "John Harper, the mayor of Riverton, opened the bridge.",
                      "John Harper, the deputy mayor of Riverton, opened the bridge.")
    assert [sides(c) for c in found] == [{"deputy mayor of Riverton": ("a1",),
                                          "mayor of Riverton": ("a0",)}]
    found = conflicts(toolkit, "John Harper is the mayor of Riverton, the council said.",
                      "John Harper, the deputy mayor of Riverton, opened the bridge.")
    assert [sides(c) for c in found] == [{"deputy mayor of Riverton": ("a1",),
                                          "mayor of Riverton": ("a0",)}]
    assert not conflicts(toolkit, "John Harper is not the mayor of Riverton, the council said.",
                         "John Harper, the deputy mayor of Riverton, opened the bridge.")


def test_a_rank_word_after_the_office_is_the_holders_rank(toolkit):
    assert not conflicts(toolkit, "Los Angeles county Sheriff deputy Jerry Ortiz was shot.",
                         "Deputy Sheriff Jerry Ortiz was shot on Friday.")
    found = conflicts(toolkit, "Los Angeles county Sheriff deputy Jerry Ortiz was shot.",
                      "Los Angeles county Sheriff Jerry Ortiz was shot on Friday.")
    assert [sides(c) for c in found] == [{"Los Angeles county Sheriff deputy": ("a0",),
                                          "Los Angeles county Sheriff": ("a1",)}]


def test_less_specific_title_does_not_conflict(toolkit):
    assert not conflicts(toolkit, "Minister Maria Lopez met the delegation on Monday.",
                         "Foreign Minister Maria Lopez met the delegation on Monday.")


def test_governor_of_a_region_agrees_with_governor(toolkit):
    assert not conflicts(toolkit, "John Harper, governor of the northern region, opened it.",
                         "Governor John Harper opened the bridge.")


def test_former_title_does_not_conflict(toolkit):
    assert not conflicts(toolkit, "Former Defence Minister Maria Lopez met the delegation.",
                         "Foreign Minister Maria Lopez met the delegation.")


def test_acting_title_does_not_conflict(toolkit):
    assert not conflicts(toolkit, "Acting Mayor John Harper opened the bridge on Friday.",
                         "Deputy Mayor John Harper opened the bridge on Friday.")


def test_past_post_given_by_the_other_article_is_no_conflict(toolkit):
    assert not conflicts(toolkit, "Foreign Minister Maria Lopez met the delegation.",
                         "Defence Minister Maria Lopez met the delegation. Lopez, a former "
                         "foreign minister, said little.")


def test_different_people_are_not_compared(toolkit):
    assert not conflicts(toolkit, "Foreign Minister Maria Lopez met the delegation.",
                         "Defence Minister Carla Ruiz met the delegation.")


def test_honorifics_are_not_titles(toolkit):
    story = make_story("Mr John Harper opened the bridge.", "Dr John Harper opened the bridge.")
    docs = toolkit.parse([a.text for a in story.articles])
    assert all(read_title(ent, "a") is None for doc in docs for ent in doc.ents)
    assert not title_conflicts(story, merge_entities(story, toolkit), toolkit)


def test_deputy_post_and_another_portfolio_do_not_conflict(toolkit):
    assert not conflicts(toolkit, "Deputy Prime Minister Maria Lopez met the delegation.",
                         "Finance Minister Maria Lopez met the delegation.")


def test_head_of_government_and_a_portfolio_do_not_conflict(toolkit):
    assert not conflicts(toolkit, "Prime Minister Maria Lopez met the delegation.",
                         "Finance Minister Maria Lopez met the delegation.")
    assert conflicts(toolkit, "Prime Minister Maria Lopez met the delegation.",
                     "Deputy Prime Minister Maria Lopez met the delegation.")


def test_different_office_nouns_do_not_conflict(toolkit):
    assert not conflicts(toolkit, "Party leader Maria Lopez met the delegation.",
                         "President Maria Lopez met the delegation.")


def test_places_and_descriptions_are_not_offices(toolkit):
    assert not conflicts(toolkit, "Texas Senator John Harper spoke on Friday.",
                         "US Senator John Harper spoke on Friday.")
    assert not conflicts(toolkit, "Longtime Mayor John Harper opened the bridge.",
                         "Popular Mayor John Harper opened the bridge.")


# ---- real stories ------------------------------------------------------------------------------

def titled_person(story: Story, toolkit):
    """(article, [(start, end)]) of the current, rank-free titles the last article gives a
    person who is titled in at least two articles; None when there is none."""
    entities = merge_entities(story, toolkit)
    people = [e for e in entities if e.type == "PERSON"]
    keys, spans = person_keys(people), {}
    for article, doc in zip(story.articles, toolkit.parse([a.text for a in story.articles])):
        for ent in doc.ents:
            person = person_of(ent, keys, people, article.id)
            title = read_title(ent, article.id) if person is not None else None
            start = article.text.find(title.shown, title.start, title.end) if title else -1
            if title and title.current and not title.rank and start >= 0:
                spans.setdefault(person, {}).setdefault(article.id, []).append(
                    (start, start + len(title.shown)))
    for by_article in spans.values():
        if len(by_article) >= 2:
            last = max(by_article)
            return last, by_article[last]
    return None


@pytest.fixture(scope="module")
def real_story(toolkit, settings):
    path = DATASETS / "localnews-stories-dev.jsonl"
    if not path.is_file():
        pytest.skip("LocalNews dataset not found at ../shared/datasets")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            articles = [a for a in first_articles(json.loads(line), settings)
                        if a.language == "en"]
            story = Story("s", "real", tuple(articles))
            found = titled_person(story, toolkit)
            if found is not None:
                return story, found
    pytest.skip("no person titled in two articles")


def test_real_story_untouched_has_no_title_conflict(real_story, toolkit):
    story, _ = real_story
    assert not title_conflicts(story, merge_entities(story, toolkit), toolkit)


def test_deputy_injected_into_a_real_story_is_reported_with_its_side(real_story, toolkit):
    story, (changed, spans) = real_story
    article = next(a for a in story.articles if a.id == changed)
    text = article.text
    for start, _ in sorted(spans, reverse=True):
        text = text[:start] + "Deputy " + text[start:]
    edited = replace(story, articles=tuple(replace(a, text=text) if a.id == changed else a
                                           for a in story.articles))
    found = title_conflicts(edited, merge_entities(edited, toolkit), toolkit)
    assert any(any(p.articles == (changed,) for p in c.positions)
               and any(changed not in p.articles for p in c.positions) for c in found)


def test_reference_story_has_no_title_conflict(reference_story, toolkit):
    assert not title_conflicts(reference_story, reference_story.entities, toolkit)


def test_posts_told_apart_by_modifiers_are_listed_and_deputy_posts_shown(toolkit, settings):
    from newsweave.compare import story_conflicts

    story = make_story("Foreign Minister Maria Lopez met the delegation on Monday.",
                       "Defence Minister Maria Lopez met the delegation on Monday.")
    shown, possible, _ = story_conflicts(story, merge_entities(story, toolkit), toolkit,
                                         settings)
    assert not shown
    assert [c.kind for c in possible] == ["title"]
    story = make_story("Deputy Mayor John Harper opened the bridge on Friday.",
                       "Mayor John Harper opened the bridge on Friday.")
    shown, possible, _ = story_conflicts(story, merge_entities(story, toolkit), toolkit,
                                         settings)
    assert [c.kind for c in shown] == ["title"] and not possible


def test_an_article_giving_both_posts_is_listed_with_each_side(toolkit, settings):
    """One article calls the judge both "District Judge" and "Deputy Judge" (a slip, or a
    change of post): its titles stand apart, and the difference is listed, not shown."""
    from newsweave.compare import story_conflicts

    story = make_story("District Judge Paul Chan heard the case. In sentencing, Deputy Judge "
                       "Chan said the helper was at fault.",
                       "District Judge Paul Chan heard the case. Judge Chan said the helper "
                       "was at fault.")
    shown, possible, _ = story_conflicts(story, merge_entities(story, toolkit), toolkit,
                                         settings)
    assert not shown
    assert [sides(c) for c in possible if c.kind == "title"] == [
        {"District Judge": ("a0", "a1"), "Deputy Judge": ("a0",)}]
    story = make_story("District Judge Paul Chan heard the case. In sentencing, Deputy Judge "
                       "Chan said the helper was at fault.")
    assert not story_conflicts(story, merge_entities(story, toolkit), toolkit, settings)[1]
