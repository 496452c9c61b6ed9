"""render.py: the JSON contract and its schema, and the Markdown a reader sees."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import jsonschema
import pytest

from newsweave.models import (
    Article,
    BriefSentence,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    Mention,
    Position,
    Removal,
    Report,
    Skipped,
    Story,
    TimelineEvent,
)
from newsweave.render import report_to_markdown
from newsweave.serialize import (
    load_schema,
    report_to_dict,
    report_to_json,
    story_to_dict,
    validate_report,
)


def make_article(id: str, text: str, outlet: str | None = None, **kw: object) -> Article:
    fields: dict = {"path": f"{id}.txt", "title": None, "url": None, "published": None,
                    "published_from": None, "language": "en"}
    fields.update(kw)
    return Article(id=id, text=text, outlet=outlet, **fields)


def make_fact(id: str, text: str, articles: tuple[Article, ...], status: str = "corroborated",
              independent: int | None = None) -> Fact:
    """A fact whose every mention is `text` found in each article's own text."""
    mentions = []
    for article in articles:
        start = article.text.index(text)
        mentions.append(Mention(article.id, text, start, start + len(text)))
    return Fact(id=id, text=text, status=status, articles=tuple(a.id for a in articles),  # type: ignore[arg-type]
                independent_sources=len(articles) if independent is None else independent,
                mentions=tuple(mentions))


def make_report(**story_fields: object) -> Report:
    """Three outlets; two say 250 km, one says 200 km; one alone mentions the mayor."""
    a = make_article("a1", "The road is 250 km long. The mayor spoke.", "Alpha News",
                     published="2024-03-01", published_from="metadata",
                     removed=(Removal("Photo: Alpha", "caption"),))
    b = make_article("b2", "Officials said the road is 250 km long.", "Beta Times",
                     published="2024-03-02", published_from="inferred")
    c = make_article("c3", "The road is 200 km long.", None)
    fields: dict = {
        "articles": (a, b, c),
        "facts": (make_fact("f1", "250 km long", (a, b), "disputed"),
                  make_fact("f2", "The mayor spoke.", (a,), "single_source"),
                  make_fact("f3", "200 km long", (c,), "disputed")),
        "conflicts": (Conflict("k1", "number", "length of the road",
                               (Position("250 km", "The road is 250 km long.", ("a1", "b2")),
                                Position("200 km", "The road is 200 km long.", ("c3",))),
                               "Sources give different lengths.", 0.9, ("f1", "f3")),),
    }
    fields.update(story_fields)
    return Report(stories=(Story(id="s1", title="Road opens", **fields),))


def test_dict_of_a_full_report_validates_against_schema():
    a = make_article("a1", "On 1 March the road opened.", "Alpha News", published="2024-03-01")
    report = make_report(
        entities=(Entity("Alpha Town", "GPE", ("Alpha",), ("a1",), ("alias: 0.9",)),),
        timeline=(TimelineEvent("2024-03-01", "The road opened.", ("a1",), "k1"),),
        copies=(CopyGroup(("a1", "b2"), "rewrite", 0.81, "a1"),),
        brief=(BriefSentence("The road opened.", ("a1", "b2")),),
    )
    data = report_to_dict(report)
    validate_report(data)
    validate_report(json.loads(report_to_json(report)))
    validate_report(report_to_dict(Report(stories=(Story("s2", "Empty", (a,)),))))


def test_every_contract_key_is_present_even_when_lists_are_empty():
    story = report_to_dict(Report(stories=(Story("s", "T", ()),)))["stories"][0]
    assert set(story) == {"id", "title", "articles", "facts", "conflicts", "entities",
                          "timeline", "copies", "brief", "brief_left_out", "quotes",
                          "quote_groups", "possible", "possible_left_out"}
    assert report_to_dict(Report(stories=()))["skipped"] == []


def test_stored_story_dict_is_the_reports_story_entry():
    report = make_report()
    assert story_to_dict(report.stories[0]) == report_to_dict(report)["stories"][0]


def test_unknown_fact_status_fails_validation():
    data = report_to_dict(make_report())
    data["stories"][0]["facts"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)


def test_malformed_published_date_fails_validation():
    data = report_to_dict(make_report())
    data["stories"][0]["articles"][0]["published"] = "March 2024"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)


def test_extra_keys_are_allowed_for_later_versions():
    data = report_to_dict(make_report())
    data["stories"][0]["facts"][0]["score"] = 0.5
    data["generated"] = "now"
    validate_report(data)


def test_schema_is_draft_2020_12_and_names_the_contract():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == "newsweave.report/1"


def test_mention_offsets_round_trip_through_json():
    report = make_report()
    texts = {a.id: a.text for a in report.stories[0].articles}
    data = json.loads(report_to_json(report))
    mentions = [m for f in data["stories"][0]["facts"] for m in f["mentions"]]
    assert len(mentions) == 4
    for m in mentions:
        assert texts[m["article"]][m["start"]:m["end"]] == m["text"]


def test_removed_texts_and_reasons_are_parallel_lists():
    article = report_to_dict(make_report())["stories"][0]["articles"][0]
    assert article["removed"] == ["Photo: Alpha"]
    assert article["removed_reasons"] == ["caption"]
    assert article["words"] == 9


def test_json_keeps_non_ascii_text_readable():
    report = make_report(brief=(BriefSentence("Straße über den Fluss", ("a1",)),))
    assert "Straße über" in report_to_json(report)


def test_disagreements_come_before_facts_and_sources():
    md = report_to_markdown(make_report())
    assert md.index("## Where sources disagree") < md.index("## Sources")
    assert md.index("## Sources") < md.index("## Facts by number of sources")
    assert '"250 km" [Alpha News, Beta Times]' in md
    assert '"200 km" [c3]' in md
    assert "Sources give different lengths." in md


def test_no_disagreement_section_without_conflicts():
    assert "Where sources disagree" not in report_to_markdown(make_report(conflicts=()))


def test_facts_are_grouped_by_source_count_and_disputes_marked():
    md = report_to_markdown(make_report())
    two = md.index("## Stated by 2 sources")
    assert two < md.index("## Stated by 1 source\n")
    line = next(x for x in md.splitlines() if x.startswith("- 250 km long"))
    assert "[Alpha News, Beta Times]" in line and "**disputed**" in line
    assert "length of the road" in line


def test_single_source_fact_is_listed_under_its_outlet():
    md = report_to_markdown(make_report())
    section = md[md.index("## Only one source"):]
    assert section.index("### Alpha News") < section.index("- The mayor spoke.")
    assert "The mayor spoke." not in md[:md.index("## Only one source")]


def test_a_single_source_fact_with_a_likely_partner_says_where():
    report = make_report()
    story = report.stories[0]
    other = next(a.id for a in story.articles if a.outlet == "Beta Times")
    facts = tuple(replace(f, maybe_also=(other,)) if f.status == "single_source" else f
                  for f in story.facts)
    md = report_to_markdown(replace(report, stories=(replace(story, facts=facts),)))
    section = md[md.index("## Only one source"):]
    assert "*Maybe also in X*" in section
    line = next(x for x in section.splitlines() if x.startswith("- The mayor spoke."))
    assert line.endswith("*(maybe also in Beta Times, in other words)*")
    assert "Maybe also" not in report_to_markdown(report)


def test_a_split_off_predicate_is_shown_after_its_subject_in_brackets():
    story = make_report().stories[0]
    said = replace(make_fact("f2", "spoke.", story.articles[:1], "single_source"),
                   subject="The mayor")
    story = replace(story, facts=(story.facts[0], said, story.facts[2]))
    md = report_to_markdown(make_report(facts=story.facts))
    assert "- [The mayor] spoke." in md
    assert [f["subject"] for f in story_to_dict(story)["facts"]] == ["", "The mayor", ""]


@pytest.mark.parametrize("text, shown", [
    ("( – Like its neighbour, the island has grown more isolated.",
     "Like its neighbour, the island has grown more isolated."),
    ("- At least one member must be a citizen.", "At least one member must be a citizen."),
    ("(One dollar equals 0.73 euros.)", "(One dollar equals 0.73 euros.)"),
    ("-5 degrees was the night's low.", "-5 degrees was the night's low."),
])
def test_a_fact_is_shown_without_a_stray_mark_the_page_left_before_it(text, shown):
    """A list's bullet or the "( – " of a dateline whose source was cut is not shown; a
    bracket closed in the fact and a minus sign are. The JSON keeps the source's text."""
    story = make_report().stories[0]
    source = story.articles[0].id
    fact = Fact(id="f2", text=text, status="single_source", articles=(source,),
                independent_sources=1, mentions=(Mention(source, text, 0, len(text)),))
    story = replace(story, facts=(story.facts[0], fact, story.facts[2]))
    md = report_to_markdown(make_report(facts=story.facts))
    assert f"- {shown}" in md.splitlines()
    assert story_to_dict(story)["facts"][1]["text"] == text


def test_article_without_outlet_is_labelled_by_its_id():
    md = report_to_markdown(make_report())
    assert "[c3]" in md


def test_pipes_in_text_do_not_break_the_sources_table():
    a = make_article("a|1", "Score was 3|4 at the end.", "Pipe | Outlet")
    report = make_report(articles=(a,), facts=(make_fact("f1", "3|4", (a,), "single_source"),),
                         conflicts=())
    md = report_to_markdown(report)
    rows = [x for x in md.splitlines() if x.startswith("|")]
    unescaped = [len(re.findall(r"(?<!\\)\|", row)) for row in rows]
    assert unescaped == [8, 8, 8]
    assert "Pipe \\| Outlet" in rows[2]


def test_inferred_date_is_marked_in_sources_table():
    md = report_to_markdown(make_report())
    assert "| 2024-03-02 (inferred) |" in md
    assert "| 2024-03-01 |" in md


def test_brief_comes_first_with_numbered_citations():
    md = report_to_markdown(make_report(brief=(BriefSentence("The road is long.", ("a1", "c3")),)))
    assert md.index("## Brief") < md.index("## Where sources disagree")
    assert "The road is long. [1][3]" in md
    assert "Cited: [1] Alpha News, [3] c3" in md


def test_optional_sections_appear_only_when_non_empty():
    md = report_to_markdown(make_report())
    for heading in ("## Brief", "## Copies", "## Entities", "## Timeline", "## Skipped inputs"):
        assert heading not in md
    md = report_to_markdown(make_report(
        copies=(CopyGroup(("a1", "b2", "c3"), "duplicate", 1.0, "a1"),),
        entities=(Entity("Alpha Town", "GPE", ("Alpha",), ("a1",)),),
        timeline=(TimelineEvent("2024-03-01", "The road opened.", ("a1", "b2"), "k1"),)))
    assert "3 sources carry the same text: Alpha News, Beta Times, c3" in md
    assert "- **Alpha Town** (GPE) — also: Alpha [Alpha News]" in md
    assert "- 2024-03-01 — The road opened. [Alpha News, Beta Times]" in md


def test_skipped_inputs_are_listed_at_the_end():
    report = Report(stories=make_report().stories,
                    skipped=(Skipped("bad.html", "no story text left after cleaning"),))
    md = report_to_markdown(report)
    assert md.rstrip().endswith("- bad.html: no story text left after cleaning")
    assert md.index("## Skipped inputs") > md.index("## Only one source")


def test_repeated_outlet_is_told_apart_by_id():
    a = make_article("a1", "One.", "Same Wire")
    b = make_article("b2", "Two.", "Same Wire")
    report = make_report(articles=(a, b), facts=(make_fact("f1", "One.", (a,), "single_source"),
                                                 make_fact("f2", "Two.", (b,), "single_source")),
                         conflicts=())
    md = report_to_markdown(report)
    assert "### Same Wire (a1)" in md and "### Same Wire (b2)" in md


def test_html_view_says_what_the_brief_left_out_by_status():
    from newsweave.render_html import story_view

    a = make_article("a", "One. Two. Three.")
    story = Story("s", "t", (a,), facts=(
        make_fact("f1", "One.", (a,), "single_source"), make_fact("f2", "Two.", (a,),
                                                                   "single_source"),
        make_fact("f3", "Three.", (a,))), conflicts=(Conflict("c1", "number", "t", ()),),
        brief=(BriefSentence("x", ("a",)),), brief_left_out=("f1", "f2", "c1"))
    phrase = story_view(story)["left_out"]
    assert "2 single-source facts" in phrase and "1 disagreement," in phrase + ","
    assert "several sources share" not in phrase
    assert story_view(replace(story, brief_left_out=()))["left_out"].startswith(
        "The brief covers")
    assert story_view(replace(story, brief=()))["left_out"] is None
