"""Data the web and HTML-report tests share: a store built by the real pipeline, and one
hand-built story that has every section (brief, disagreements, entities, timeline, copies)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsweave.config import Settings
from newsweave.models import (
    Article,
    BriefSentence,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    Mention,
    Position,
    Report,
    Skipped,
    Story,
    TimelineEvent,
)
from newsweave.pipeline import Context, analyze
from newsweave.store import Store
from newsweave.toolkit import Toolkit

SCRIPT = "<script>window.pwned=1</script>"
IMG = '<img src=x onerror="window.pwned=2">'
JS_URL = "javascript:window.pwned=3"

EVIL_RECORD = {
    "id": "evil", "title": SCRIPT + "Kim visit", "url": JS_URL, "outlet": IMG,
    "published": "2023-09-17",
    "text": ("North Korean leader Kim Jong Un left Russia on Sunday after a six-day visit. "
             f"{SCRIPT} Kim received five explosive drones as gifts from a regional governor. "
             f"{IMG} Putin accepted an invitation to visit North Korea."),
}


def build_store(folder: Path, reference_dir: Path, toolkit: Toolkit, settings: Settings) -> Path:
    """The reference story plus one hostile article, analyzed into `folder/news.db`."""
    corpus = folder / "corpus"
    shutil.copytree(reference_dir, corpus)
    (corpus / "evil.json").write_text(json.dumps(EVIL_RECORD), encoding="utf-8")
    db = folder / "news.db"
    with Store(db) as store:
        analyze([corpus], Context(settings, store, toolkit, strict=True))
    return db


def _article(n: int, **fields: str) -> Article:
    values = {"title": f"Title {n}", "url": None, "outlet": f"Outlet {n}",
              "published": f"2023-09-1{n}", "text": f"Text {n}."} | fields
    return Article(id=f"a{n}", path=f"a{n}.txt", published_from="metadata", language="en",
                   **values)


def _mention(article: str, text: str) -> Mention:
    return Mention(article=article, text=text, start=0, end=len(text))


def full_report() -> Report:
    """One story with every section; article 2 carries hostile strings in every field."""
    articles = (_article(1, url="https://example.org/kim"),
                _article(2, outlet=IMG, url=JS_URL, title=SCRIPT),
                _article(3))
    facts = (
        Fact("f1", "Kim met Putin at Vostochny cosmodrome", "corroborated", ("a1", "a2", "a3"), 2,
             (_mention("a1", "Kim met Putin at the Vostochny cosmodrome on Wednesday."),
              _mention("a2", "Putin hosted Kim at Vostochny."),
              _mention("a3", "The two met at the cosmodrome."))),
        Fact("f2", "The talks lasted five hours", "disputed", ("a1",), 1,
             (_mention("a1", "Talks lasted five hours."),)),
        Fact("f3", "The talks lasted four hours", "disputed", ("a2",), 1,
             (_mention("a2", f"Talks lasted four hours {SCRIPT}."),)),
        Fact("f4", "Kim was given five drones", "single_source", ("a3",), 1,
             (_mention("a3", "Kim was given five drones."),)),
    )
    conflict = Conflict("c1", "number", "How long the talks lasted",
                        (Position("five hours", "Talks lasted five hours.", ("a1",)),
                         Position("four hours", f"Talks lasted four hours {IMG}.", ("a2",))),
                        "The sources give different durations.", 0.8, ("f2", "f3"))
    story = Story(
        id="s1", title="Kim meets Putin", articles=articles, facts=facts, conflicts=(conflict,),
        entities=(Entity("Kim Jong Un", "PERSON", ("Kim Jong-un", "Kim"), ("a1", "a2")),),
        timeline=(TimelineEvent("2023-09-13", "Kim and Putin meet", ("a1", "a2")),
                  TimelineEvent("2023-09-17", "Kim leaves Russia", ("a3",), "c1")),
        copies=(CopyGroup(("a1", "a3"), "rewrite", 0.91, "a1"),),
        brief=(BriefSentence("Kim met Putin at the Vostochny cosmodrome.", ("a1", "a2")),
               BriefSentence("The talks lasted four or five hours.", ("a1", "a2"))))
    return Report(stories=(story,), skipped=(Skipped("bad.html", "no story text left"),))
