"""Report -> the JSON contract (schema newsweave.report/1), the one shape every output, the
database's report column and the web's JSON pages share.

`report_to_dict` is the single source of the JSON shape; `report.schema.json` describes it and
`validate_report` checks a dict against it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from .models import (
    Article,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    Quote,
    QuoteGroup,
    Report,
    Story,
    TimelineEvent,
)
from .words import folded_words

SCHEMA = "newsweave.report/1"
SCHEMA_FILE = "report.schema.json"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data; every key is always present."""
    return {
        "schema": SCHEMA,
        "stories": [story_to_dict(story) for story in report.stories],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
    }


def report_to_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `report_to_dict`'s output, shipped as package data."""
    text = resources.files("newsweave").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_report(data: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `data` does not follow the report contract."""
    import jsonschema  # type: ignore[import-untyped]  # no stubs installed

    jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story as it appears in `report_to_dict`'s "stories" list (the store keeps this)."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": [_article_dict(a) for a in story.articles],
        "facts": [_fact_dict(f) for f in story.facts],
        "conflicts": [_conflict_dict(c) for c in story.conflicts],
        "possible": [_conflict_dict(c) for c in story.possible],
        "possible_left_out": story.possible_left_out,
        "entities": [_entity_dict(e) for e in story.entities],
        "timeline": [_event_dict(e) for e in story.timeline],
        "copies": [_copy_dict(c) for c in story.copies],
        "brief": [{"text": b.text, "citations": list(b.citations), "kind": b.kind,
                   "facts": list(b.facts)} for b in story.brief],
        "brief_left_out": list(story.brief_left_out),
        "quotes": [_quote_dict(q) for q in story.quotes],
        "quote_groups": [_quote_group_dict(g, story.labels) for g in story.quote_groups],
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "speaker": q.speaker, "text": q.text, "article": q.article,
            "start": q.start, "end": q.end, "verbatim": q.verbatim}


def _quote_group_dict(g: QuoteGroup, labels: Mapping[str, str]) -> dict[str, Any]:
    return {"id": g.id, "speaker": g.speaker, "articles": list(g.articles), "differs": g.differs,
            "wordings": list(g.wordings), "summary": group_summary(g, labels),
            "quotes": [{"id": q.id, "article": q.article, "text": q.text,
                        "verbatim": q.verbatim} for q in g.quotes]}


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "language": article.language,
        "slots_compared": article.parsed,
        "words": article.words,
        "removed": [r.text for r in article.removed],
        "removed_reasons": [r.reason for r in article.removed],
        "warnings": list(article.warnings),
    }


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.text,
        "subject": fact.subject,
        "status": fact.status,
        "articles": list(fact.articles),
        "independent_sources": fact.independent_sources,
        "mentions": [{"article": m.article, "text": m.text, "start": m.start, "end": m.end}
                     for m in fact.mentions],
        "maybe_also": list(fact.maybe_also),
    }


def _conflict_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "topic": conflict.topic,
        "positions": [{"value": p.value, "text": p.text, "articles": list(p.articles),
                       "statements": [{"article": q.article, "text": q.text}
                                      for q in p.statements]}
                      for p in conflict.positions],
        "explanation": conflict.explanation,
        "confidence": float(conflict.confidence),
        "facts": list(conflict.facts),
        "signals": {name: float(value) for name, value in conflict.signals},
    }


def _entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "articles": list(entity.articles),
        "evidence": list(entity.evidence),
    }


def _event_dict(event: TimelineEvent) -> dict[str, Any]:
    return {"date": event.date, "text": event.text, "articles": list(event.articles),
            "conflict": event.conflict}


def _copy_dict(group: CopyGroup) -> dict[str, Any]:
    return {"articles": list(group.articles), "kind": group.kind, "score": float(group.score),
            "original": group.original}


def group_summary(group: QuoteGroup, labels: Mapping[str, str]) -> str:
    """What a fact-checker reads: who is quoted by how many sources, and where the words
    differ ("X is quoted in 3 sources; B's wording differs: '...' vs '...'")."""
    who = group.speaker or "An unattributed speaker"
    line = f"{who} is quoted in {len(group.articles)} source" + (
        "s" if len(group.articles) > 1 else "")
    if not group.differs:
        return line + f": “{group.wordings[0]}”"
    main = group.wordings[0]
    folded = f" {' '.join(folded_words(main))} "
    odd = [q for q in group.quotes if f" {' '.join(folded_words(q.text))} " not in folded
           and folded not in f" {' '.join(folded_words(q.text))} "]
    parts = [f"{labels.get(q.article, q.article)}'s wording differs: “{q.text}” vs “{main}”"
             for q in odd[:2]]
    return line + "; " + "; ".join(parts or [f"wordings differ: {' vs '.join(group.wordings)}"])
