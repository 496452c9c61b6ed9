"""Report -> one self-contained HTML page, and the view helpers the web UI shares with it.

Every article-derived string reaches the page through autoescaped Jinja2 templates; the data
the page's script needs goes in as JSON, under a per-render nonce (see `report_to_html`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .models import Report, Story, readable
from .render import left_out_line, left_out_text, other_statements, with_labels
from .serialize import report_to_dict, story_to_dict

STATUS_NAMES = {"corroborated": "all agree", "single_source": "one source",
                "disputed": "disputed"}


def report_to_html(report: Report) -> str:
    """One self-contained HTML page (inline CSS and JS, no external assets).

    Autoescaping is on for every template: article text is untrusted. Data the page's script
    needs goes in through `|tojson` inside a `<script type="application/json">` block, and a
    per-render nonce in the Content-Security-Policy keeps any script that slipped through inert.
    """
    import secrets

    stories = [story_view(story) for story in report.stories]
    return template_env().get_template("report.html.j2").render(
        stories=stories, skipped=report_to_dict(report)["skipped"],
        nonce=secrets.token_urlsafe(16),
        quotes={str(i): story["popups"] for i, story in enumerate(stories)})


def template_env() -> Any:
    """The `jinja2.Environment` of `templates/`, autoescaping every template whatever its name.

    (Jinja2 is imported here, not at the top, so JSON and Markdown output never load it.)"""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("newsweave", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    return env


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) link, else None: no `javascript:` or `data:` hrefs."""

    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def story_view(analysed: Story) -> dict[str, Any]:
    """The story's JSON (`story_to_dict`) plus what the HTML shows: source numbers and labels,
    the quote behind every citation and source dot, status counts, date range."""
    story = story_to_dict(analysed)
    number = {a["id"]: i for i, a in enumerate(story["articles"], start=1)}
    labels = analysed.labels
    popups: dict[str, dict[str, str]] = {}

    def cite(key: str, article: str, text: str | None) -> dict[str, Any]:
        popups[key] = {"source": f"[{number.get(article, '?')}] {labels.get(article, article)}",
                       "text": text or "(no sentence of this source matches)"}
        return {"key": key, "n": number.get(article, article), "label": labels.get(article,
                                                                                  article)}

    brief = [{"text": b["text"], "kind": b.get("kind", "agreed"),
              "cites": [cite(f"b{i}.{j}", a, _brief_source(b, a, story))
                        for j, a in enumerate(sorted(b["citations"],
                                                     key=lambda a: number.get(a, 0)))]}
             for i, b in enumerate(story["brief"])]
    facts = []
    for i, fact in enumerate(story["facts"]):
        said = {m["article"]: m["text"] for m in reversed(fact["mentions"])}
        dots = [cite(f"f{i}.{a['id']}", a["id"], said.get(a["id"], fact["text"]))
                if a["id"] in fact["articles"] else None for a in story["articles"]]
        facts.append({**fact, "dots": dots, "readable": readable(fact["text"],
                                                                 fact.get("subject", "")),
                      "status_name": STATUS_NAMES.get(fact["status"], fact["status"]),
                      "maybe_also": [labels.get(a, a) for a in fact.get("maybe_also", ())]})
    counts = {s: sum(1 for f in story["facts"] if f["status"] == s) for s in STATUS_NAMES}
    dates = sorted(a["published"] for a in story["articles"] if a["published"])
    conflicts = [{**c, "explanation": with_labels(c.get("explanation", ""), labels),
                  "positions": with_others(c["positions"])} for c in story["conflicts"]]
    possible = [{**c, "positions": with_others(c["positions"])} for c in story["possible"]]
    left_out = left_out_text(analysed.left_out_by_status()) if analysed.brief else None
    return {**story, "quotes_by_speaker": by_speaker(story["quote_groups"]),
            "conflicts": conflicts, "possible": possible, "labels": labels, "left_out": left_out,
            "possible_left_out_line": left_out_line(story["possible_left_out"])
            if story["possible_left_out"] else None,
            "number": number, "brief_view": brief, "facts_view": facts,
            "status_counts": counts, "status_names": STATUS_NAMES, "popups": popups,
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "independent_sources": analysed.independent_sources}


def with_others(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Positions with `others`: the cited articles' own sentences besides the shown one."""
    return [{**p, "others": [{"text": text, "articles": articles} for text, articles in
                             other_statements(p["text"], [(q["article"], q["text"])
                                                          for q in p["statements"]])]}
            for p in positions]


def by_speaker(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote groups under one heading per speaker, speakers in the order they first come."""
    speakers: dict[str, list[dict[str, Any]]] = {}
    for group in groups:
        speakers.setdefault(group.get("speaker") or "", []).append(group)
    return [{"speaker": speaker, "groups": found}
            for speaker, found in speakers.items()]


def _brief_source(sentence: dict[str, Any], article: str, story: dict[str, Any]) -> str | None:
    """What `article` said behind a brief sentence: its own words in the facts or conflicts the
    sentence reports, else the best-matching sentence of that article."""
    ids = set(sentence.get("facts", ()))
    for conflict in story["conflicts"]:
        if conflict["id"] in ids:
            for position in conflict["positions"]:
                if article in position["articles"] and position["text"]:
                    return position["text"]
    reported = [f for f in story["facts"] if f["id"] in ids]
    return (_quote_for(sentence["text"], article, reported)
            or _quote_for(sentence["text"], article, story["facts"]))


def _quote_for(text: str, article: str, facts: list[dict[str, Any]]) -> str | None:
    """The sentence of `article` behind a brief sentence: its mention in the fact whose text
    shares the most words with the brief sentence."""
    words = set(text.lower().split())
    best, best_score = None, 0.0
    for fact in facts:
        for mention in fact["mentions"]:
            if mention["article"] != article:
                continue
            other = set(mention["text"].lower().split()) | set(fact["text"].lower().split())
            score = len(words & other) / (len(words | other) or 1)
            if score > best_score:
                best, best_score = mention["text"], score
    return best
