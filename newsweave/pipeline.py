"""The ordered stages of `analyze`. Each stage declares what it needs and what it makes; the
runner checks the order, reports progress and wraps a failure in an error naming the stage."""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np

from .align import align_claims
from .claims import parse_articles
from .clean import clean_record
from .cluster import cluster_articles, lead_text
from .compare import find_conflicts, mark_disputed
from .config import Settings
from .copies import find_copies, independent_counts
from .entities import merge_entities
from .errors import InputError, NewsweaveError, StageError
from .ingest import find_input_files, read_file
from .models import Article, Claim, RawRecord, Report, Skipped, Story
from .store import Store, record_key
from .timeline import build_timeline
from .toolkit import Toolkit

ProgressFn = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Context:
    settings: Settings
    store: Store
    toolkit: Toolkit
    progress: ProgressFn = field(default=lambda stage, done, total: None)


@dataclass(frozen=True)
class RunState:
    paths: tuple[str, ...] = ()
    records: tuple[tuple[str, RawRecord], ...] | None = None  # (store key, record)
    articles: tuple[Article, ...] | None = None
    claims: dict[str, tuple[Claim, ...]] | None = None
    vectors: dict[str, np.ndarray] | None = None
    stories: tuple[Story, ...] | None = None
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[[RunState, Context], RunState]


def stage_read(state: RunState, ctx: Context) -> RunState:
    own = [ctx.store.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    found = find_input_files(state.paths, exclude=own)
    records: list[tuple[str, RawRecord]] = []
    skipped = list(state.skipped) + list(found.skipped)
    for done, path in enumerate(found.files, start=1):
        file_records, file_skipped = read_file(path, ctx.settings)
        records.extend((record_key(r), r) for r in file_records)
        skipped.extend(file_skipped)
        ctx.progress("read", done, len(found.files))
    return replace(state, records=tuple(unique_ids(records)), skipped=tuple(skipped))


def unique_ids(records: list[tuple[str, RawRecord]]) -> list[tuple[str, RawRecord]]:
    """Two inputs with one id (same file name in two folders) get a hash suffix, not a merge."""
    seen: dict[str, int] = {}
    result = []
    for key, record in records:
        if record.source_id in seen:
            record = replace(record, source_id=f"{record.source_id}-{key[:6]}")
            key = record_key(record)
        seen[record.source_id] = 1
        result.append((key, record))
    return result


def stage_clean_and_parse(state: RunState, ctx: Context) -> RunState:
    """Articles already in the store are loaded; new ones are cleaned, parsed and saved in
    batches, each article in its own transaction."""
    assert state.records is not None
    articles: dict[str, Article] = {}
    claims: dict[str, tuple[Claim, ...]] = {}
    pending: list[tuple[str, Article]] = []
    skipped = list(state.skipped)
    total = len(state.records)
    for done, (key, raw) in enumerate(state.records, start=1):
        cached = ctx.store.load_article(key)
        if cached is not None:
            articles[key], claims[cached[0].id] = cached
        else:
            try:
                pending.append((key, clean_record(raw, ctx.settings)))
            except InputError as err:
                skipped.append(Skipped(err.path, err.reason))
        if len(pending) >= 32 or (done == total and pending):
            _parse_and_save(pending, articles, claims, ctx)
            pending = []
        ctx.progress("clean", done, total)
    ordered = tuple(articles[key] for key, _ in state.records if key in articles)
    return replace(state, articles=ordered, claims=claims, skipped=tuple(skipped))


def _parse_and_save(pending: list[tuple[str, Article]], articles: dict[str, Article],
                    claims: dict[str, tuple[Claim, ...]], ctx: Context) -> None:
    parsed = parse_articles([a for _, a in pending], ctx.toolkit, ctx.settings)
    for (key, _), result in zip(pending, parsed):
        ctx.store.save_article(key, result.article, result.claims)
        articles[key] = result.article
        claims[result.article.id] = result.claims


def stage_encode(state: RunState, ctx: Context) -> RunState:
    """Each claim text is encoded once and kept in the store."""
    assert state.claims is not None
    texts = sorted({c.text for group in state.claims.values() for c in group})
    encoder_name = ctx.toolkit.encoder_name
    known = ctx.store.load_vectors(encoder_name, texts)
    missing = [t for t in texts if t not in known]
    batch = ctx.settings.encode_batch * 4
    for start in range(0, len(missing), batch):
        chunk = missing[start:start + batch]
        fresh = dict(zip(chunk, ctx.toolkit.encoder.encode(chunk)))
        ctx.store.save_vectors(encoder_name, fresh)
        known.update(fresh)
        ctx.progress("encode", min(start + batch, len(missing)), len(missing))
    vectors = {c.id: known[c.text] for group in state.claims.values() for c in group}
    return replace(state, vectors=vectors)


def stage_stories(state: RunState, ctx: Context) -> RunState:
    """Sort the pile into stories, then per story: copies, aligned facts, independent counts.
    Missing dates are inferred per story, after clustering, so an undated article gets no
    time window when stories are formed."""
    assert state.articles is not None and state.claims is not None
    assert state.vectors is not None
    articles = list(state.articles)
    if not articles:
        return replace(state, stories=())
    leads = ctx.toolkit.encoder.encode([lead_text(a) for a in articles])
    groups = cluster_articles(articles, leads, ctx.settings)
    stories = []
    for done, members in enumerate(groups, start=1):
        stories.append(analyze_story([articles[i] for i in members], state, ctx))
        ctx.progress("stories", done, len(groups))
    return replace(state, stories=tuple(stories))


def analyze_story(members: list[Article], state: RunState, ctx: Context) -> Story:
    assert state.claims is not None and state.vectors is not None
    group = list(infer_missing_dates(members))
    claims = {a.id: state.claims[a.id] for a in group}
    copies = find_copies(group, state.vectors, claims, ctx.toolkit, ctx.settings)
    facts = independent_counts(align_claims(group, claims, state.vectors, ctx.settings), copies)
    story = Story(id=story_id(group), title=story_title(group), articles=tuple(group),
                  facts=facts, copies=copies)
    conflicts = find_conflicts(story, ctx.toolkit, ctx.settings)
    return replace(story, facts=mark_disputed(story.facts, conflicts), conflicts=conflicts,
                   entities=merge_entities(story, ctx.toolkit),
                   timeline=build_timeline(story, conflicts))


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """An undated article in a story is dated like the story's dated articles (their median),
    marked 'inferred' so a reader knows."""
    known = sorted(date.fromisoformat(a.published) for a in articles if a.published)
    if not known:
        return articles
    median = known[len(known) // 2] if len(known) % 2 else statistics.median_low(known)
    return [a if a.published else replace(a, published=median.isoformat(),
                                          published_from="inferred") for a in articles]


def story_id(articles: list[Article]) -> str:
    digest = hashlib.sha256("|".join(sorted(a.content_hash for a in articles)).encode())
    return f"s{digest.hexdigest()[:10]}"


def story_title(articles: list[Article]) -> str:
    """The title of the earliest article that has a real one (not a first-words fallback)."""
    titled = [a for a in articles if a.title and not a.title.endswith("…")]
    chosen = min(titled or articles, key=lambda a: (a.published or "9999", a.id))
    return chosen.title or chosen.id


STAGES: tuple[Stage, ...] = (
    Stage("read", needs=("paths",), makes=("records",), run=stage_read),
    Stage("clean", needs=("records",), makes=("articles", "claims"), run=stage_clean_and_parse),
    Stage("encode", needs=("claims",), makes=("vectors",), run=stage_encode),
    Stage("stories", needs=("articles", "claims", "vectors"), makes=("stories",),
          run=stage_stories),
)


def run_stages(state: RunState, ctx: Context, stages: tuple[Stage, ...] = STAGES) -> RunState:
    for stage in stages:
        missing = [n for n in stage.needs if getattr(state, n) in (None, ())
                   and n != "paths" and getattr(state, n) is None]
        if missing:
            raise NewsweaveError(f"stage '{stage.name}' needs {', '.join(missing)}, "
                                 "which no earlier stage made")
        try:
            state = stage.run(state, ctx)
        except NewsweaveError:
            raise
        except Exception as err:
            raise StageError(stage.name, err) from err
    return state


def analyze(paths: list[str | Path], ctx: Context) -> Report:
    """Files and folders in, one Report out; every stored result is reused."""
    state = run_stages(RunState(paths=tuple(str(p) for p in paths)), ctx)
    stories = state.stories or ()
    report = Report(stories=stories, skipped=state.skipped)
    _save_stories(report, state, ctx)
    return report


def _save_stories(report: Report, state: RunState, ctx: Context) -> None:
    from .render import story_to_dict

    keys = {r.source_id: k for k, r in (state.records or ())}
    for story in report.stories:
        ctx.store.save_story(story.id, story.title,
                             [keys.get(a.id, a.id) for a in story.articles],
                             story_to_dict(story))
