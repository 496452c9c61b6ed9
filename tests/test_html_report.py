"""The self-contained HTML report: every article-derived string is inert text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from web_testdata import IMG, SCRIPT, full_report

from newsweave.models import Article, Fact, Mention, Report, Story
from newsweave.render_html import report_to_html, safe_url


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the JSON data block."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data_block = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_block += data


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def test_script_tags_in_article_fields_are_escaped():
    html = report_to_html(full_report())
    assert SCRIPT not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    scripts = [attrs for tag, attrs in parse(html).tags if tag == "script"]
    assert len(scripts) == 2  # the JSON data block and the page's own script, nothing else


def test_onerror_attributes_never_become_real_attributes():
    tags = parse(report_to_html(full_report())).tags
    assert not [tag for tag, _ in tags if tag == "img"]
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]


def test_javascript_urls_are_never_links():
    tags = parse(report_to_html(full_report())).tags
    hrefs = [attrs.get("href") or "" for tag, attrs in tags if tag == "a"]
    assert hrefs == ["https://example.org/kim"]
    assert safe_url("JavaScript:alert(1)") is None
    assert safe_url(" data:text/html,x") is None


def test_data_block_is_json_with_no_raw_angle_brackets():
    block = parse(report_to_html(full_report())).data_block
    assert "<" not in block and ">" not in block
    quotes = json.loads(block)["0"]
    assert quotes["f2.a2"]["text"] == f"Talks lasted four hours {SCRIPT}."
    assert quotes["b0.1"]["source"] == f"[2] {IMG}"


def test_brief_citation_quotes_the_cited_sources_sentence():
    quotes = json.loads(parse(report_to_html(full_report())).data_block)["0"]
    assert quotes["b0.0"]["text"] == "Kim met Putin at the Vostochny cosmodrome on Wednesday."
    assert quotes["b0.1"]["text"] == "Putin hosted Kim at Vostochny."


def test_every_section_shows_when_the_story_has_it():
    html = report_to_html(full_report())
    for heading in ("Brief", "Where sources disagree", "Facts", "Entities", "Timeline",
                    "Sources", "Copies", "Skipped inputs"):
        assert f">{heading}</h" in html, heading
    assert "also spelled Kim Jong-un, Kim" in html


def test_empty_sections_are_hidden():
    article = Article(id="a1", path="a1.txt", text="Kim left.", title=None, url=None,
                      outlet=None, published=None, published_from=None, language="en")
    fact = Fact("f1", "Kim left", "single_source", ("a1",), 1,
                (Mention("a1", "Kim left", 0, 8),))
    html = report_to_html(Report(stories=(Story("s1", "Kim", (article,), (fact,)),)))
    assert ">Facts</h2>" in html and ">Sources</h2>" in html
    for heading in ("Brief", "Where sources disagree", "Entities", "Timeline", "Copies"):
        assert f">{heading}</h" not in html, heading


def test_report_is_self_contained():
    html = report_to_html(full_report())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!example\.org)""", html)
    assert "@media print" in html and "max-width:40rem" in html


def test_quotes_of_one_speaker_sit_under_one_heading():
    from dataclasses import replace

    from newsweave.models import Quote
    from newsweave.quotes import compare_quotes

    report = full_report()
    story = report.stories[0]
    quotes = tuple(Quote(f"{a.id}:q{i}", "Jane Roe", text, a.id, 0, len(text), True)
                   for i, (a, text) in enumerate([
                       (story.articles[0], "We will rebuild the bridge this year"),
                       (story.articles[1], "Nobody was hurt and the road is open again")]))
    story = replace(story, quote_groups=compare_quotes(quotes))
    html = report_to_html(replace(report, stories=(story,) + report.stories[1:]))
    section = html[html.index('<section class="quotes">'):]
    section = section[:section.index("</section>")]
    assert section.count("<strong>Jane Roe</strong>") == 1
    assert "We will rebuild the bridge" in section and "Nobody was hurt" in section


def test_a_split_off_predicate_shows_its_subject_in_brackets_in_the_facts_table():
    report = full_report()
    story = report.stories[0]
    said = replace(story.facts[3], text="was given five drones", subject=f"The leader {SCRIPT}")
    html = report_to_html(replace(report, stories=(
        replace(story, facts=(*story.facts[:3], said)),)))
    assert "<td>[The leader &lt;script&gt;window.pwned=1&lt;/script&gt;] was given five drones" \
        in html
