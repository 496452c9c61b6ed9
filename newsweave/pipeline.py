"""The ordered stages of `analyze`. Each stage declares what it needs and what it makes; the
runner checks the order, reports progress and wraps a failure in an error naming the stage.

A run adds its inputs to the database: they are clustered together with every article already
stored, each cluster keeps the id of the stored story it continues (see `story_ids`), and only
stories whose members, settings or code changed are analysed again. The report covers the
stories that hold at least one of the run's inputs, with all their articles.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from .align import align_claims
from .brief import write_brief
from .claims import parse_articles
from .clean import clean_record
from .cluster import cluster_articles, lead_text
from .compare import mark_disputed, story_conflicts
from .config import Settings
from .copies import find_copies, independent_counts
from .entities import merge_entities
from .errors import InputError, NewsweaveError, StageError
from .ingest import find_input_files, read_file, shown
from .models import Article, Claim, RawRecord, Report, Skipped, Story
from .quotes import compare_quotes, extract_quotes
from .store import Store, StoryChanges, StoryRow, record_key
from .story_ids import Assignment, assign_story_ids
from .timeline import build_timeline
from .toolkit import Toolkit

ProgressFn = Callable[[str, int, int], None]  # (stage, done, total)


def code_version() -> str:
    """A hash of the package's source: a stored analysis made by other code is not reused."""
    package = Path(str(resources.files("newsweave")))
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# The code this process runs, hashed once when it is imported (editing a file afterwards does
# not change the running code, so it must not change the version either).
CODE_VERSION = code_version()


@dataclass
class RunStats:
    """What a run did rather than found in the store: counters a test or summary can read."""

    articles_cleaned: int = 0
    texts_encoded: int = 0
    stories_analysed: int = 0
    stories_reused: int = 0  # analysis found in the store: same members, settings and code
    stories_saved: int = 0  # stories written (new or changed) to the database


@dataclass
class Context:
    settings: Settings
    store: Store
    toolkit: Toolkit
    progress: ProgressFn = field(default=lambda stage, done, total: None)
    stats: RunStats = field(default_factory=RunStats)
    code: str = CODE_VERSION


@dataclass(frozen=True)
class Input:
    """One record read this run, with its store key and the file it came from."""

    key: str
    record: RawRecord
    origin: str  # real path of the file it was read from
    source_id: str  # the record's own id in that file, before it was made unique
    replaces: tuple[str, ...] = ()  # keys of stored older versions of this record


@dataclass(frozen=True)
class StoryPlan:
    """One cluster of the pile, with its id and whether it needs analysing and reporting."""

    id: str
    keys: tuple[str, ...]  # source keys of its articles
    articles: tuple[Article, ...]
    analysis_key: str
    stored: bool  # the stored story with this id has this very analysis: nothing to write
    reported: bool  # holds an input of this run


@dataclass(frozen=True)
class RunState:
    paths: tuple[str, ...] = ()
    records: tuple[Input, ...] | None = None
    articles: tuple[Article, ...] | None = None  # this run's inputs, cleaned
    keys: tuple[str, ...] = ()  # source key of each of `articles`
    claims: dict[str, tuple[Claim, ...]] | None = None
    vectors: dict[str, np.ndarray] | None = None
    plan: tuple[StoryPlan, ...] | None = None
    assignment: Assignment | None = None
    stories: tuple[Story, ...] | None = None
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[[RunState, Context], RunState]


# --- read: files -> records, each matched against what the store holds ----------------------


def stage_read(state: RunState, ctx: Context) -> RunState:
    own = [ctx.store.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    found = find_input_files(state.paths, exclude=own)
    inputs: list[Input] = []
    skipped = list(state.skipped) + list(found.skipped)
    for done, path in enumerate(found.files, start=1):
        file_records, file_skipped = read_file(path, ctx.settings)
        origin = shown(os.path.realpath(path))
        inputs.extend(Input(record_key(r), r, origin, r.source_id) for r in file_records)
        skipped.extend(file_skipped)
        ctx.progress("read", done, len(found.files))
    inputs = unique_ids(inputs)
    run_keys = {i.key for i in inputs}
    inputs = [against_store(i, ctx.store, run_keys) for i in inputs]
    return replace(state, records=tuple(inputs), skipped=tuple(skipped))


def unique_ids(inputs: list[Input]) -> list[Input]:
    """Two inputs with one id (same file name in two folders) get a hash suffix, not a merge."""
    seen: set[str] = set()
    result = []
    for item in inputs:
        if item.record.source_id in seen:
            item = _renamed(item)
        seen.add(item.record.source_id)
        result.append(item)
    return result


def against_store(item: Input, store: Store, run_keys: set[str]) -> Input:
    """A record not stored yet replaces the stored versions read from the same file under the
    same record id; if another stored article (from another file) has its id, it gets a hash
    suffix like `unique_ids` gives, so article ids stay unique across runs."""
    if store.has_article(item.key):
        return item
    older = tuple(k for k in store.versions(item.origin, item.source_id) if k not in run_keys)
    item = replace(item, replaces=older)
    clash = [k for k in store.keys_with_id(item.record.source_id)
             if k not in older and k not in run_keys]
    return _renamed(item) if clash else item


def _renamed(item: Input) -> Input:
    record = replace(item.record, source_id=f"{item.record.source_id}-{item.key[:6]}")
    return replace(item, key=record_key(record), record=record)


# --- clean: records -> articles with claims, stored ------------------------------------------


def stage_clean_and_parse(state: RunState, ctx: Context) -> RunState:
    """Articles already in the store are loaded; new ones are cleaned, parsed and saved in
    batches, each article in its own transaction (with the removal of its older versions)."""
    assert state.records is not None
    articles: dict[str, Article] = {}
    claims: dict[str, tuple[Claim, ...]] = {}
    pending: list[tuple[Input, Article]] = []
    skipped = list(state.skipped)
    total = len(state.records)
    for done, item in enumerate(state.records, start=1):
        cached = ctx.store.load_article(item.key)
        if cached is not None:
            articles[item.key], claims[cached[0].id] = cached
        else:
            try:
                pending.append((item, clean_record(item.record, ctx.settings)))
            except InputError as err:
                skipped.append(Skipped(err.path, err.reason))
        if len(pending) >= 32 or (done == total and pending):
            _parse_and_save(pending, articles, claims, ctx)
            pending = []
        ctx.progress("clean", done, total)
    keys = tuple(i.key for i in state.records if i.key in articles)
    return replace(state, articles=tuple(articles[k] for k in keys), keys=keys, claims=claims,
                   skipped=tuple(skipped))


def _parse_and_save(pending: list[tuple[Input, Article]], articles: dict[str, Article],
                    claims: dict[str, tuple[Claim, ...]], ctx: Context) -> None:
    parsed = parse_articles([a for _, a in pending], ctx.toolkit, ctx.settings)
    for (item, _), result in zip(pending, parsed):
        ctx.store.save_article(item.key, result.article, result.claims, origin=item.origin,
                               source_id=item.source_id, replaces=item.replaces)
        articles[item.key] = result.article
        claims[result.article.id] = result.claims
        ctx.stats.articles_cleaned += 1


# --- encode: every text once, kept in the store ----------------------------------------------


def stage_encode(state: RunState, ctx: Context) -> RunState:
    """Each claim text is encoded once and kept in the store."""
    assert state.claims is not None
    known = encode_texts([c.text for group in state.claims.values() for c in group], ctx)
    vectors = {c.id: known[c.text] for group in state.claims.values() for c in group}
    return replace(state, vectors=vectors)


def encode_texts(texts: list[str], ctx: Context, stage: str = "encode") -> dict[str, np.ndarray]:
    """Vectors of `texts` (by text): from the store when known, else encoded and stored."""
    unique = sorted(set(texts))
    encoder_name = ctx.toolkit.encoder_name
    known = ctx.store.load_vectors(encoder_name, unique)
    missing = [t for t in unique if t not in known]
    batch = ctx.settings.encode_batch * 4
    for start in range(0, len(missing), batch):
        chunk = missing[start:start + batch]
        fresh = dict(zip(chunk, ctx.toolkit.encoder.encode(chunk)))
        ctx.store.save_vectors(encoder_name, fresh)
        known.update(fresh)
        ctx.stats.texts_encoded += len(chunk)
        ctx.progress(stage, min(start + batch, len(missing)), len(missing))
    return known


# --- cluster: the whole pile -> stories with stable ids -------------------------------------


def stage_cluster(state: RunState, ctx: Context) -> RunState:
    """Sort the stored pile (this run's articles included) into stories and give each its id:
    the id of the stored story it continues, or a new one. A run with no usable input leaves
    the stored stories alone."""
    assert state.articles is not None
    if not state.articles:
        return replace(state, plan=(), assignment=Assignment(()))
    pile = ctx.store.load_pile()
    keys = [k for k, _ in pile]
    articles = [a for _, a in pile]
    leads = encode_texts([lead_text(a) for a in articles], ctx, "leads")
    groups = cluster_articles(articles, np.vstack([leads[lead_text(a)] for a in articles]),
                              ctx.settings)
    clusters = [[keys[i] for i in group] for group in groups]
    stored = ctx.store.stored_stories()
    assignment = assign_story_ids(clusters, stored, ctx.store.replacements())
    known = {s.id: s.analysis_key for s in stored}
    inputs = set(state.keys)
    plan = []
    for story_id, cluster, group in zip(assignment.ids, clusters, groups):
        key = analysis_key(cluster, ctx)
        plan.append(StoryPlan(story_id, tuple(cluster), tuple(articles[i] for i in group), key,
                              stored=known.get(story_id) == key,
                              reported=not inputs.isdisjoint(cluster)))
    return replace(state, plan=tuple(plan), assignment=assignment)


def analysis_key(keys: list[str], ctx: Context) -> str:
    """What a story's analysis depends on: its member records (their keys hash content and
    metadata), the settings, the encoder and the code."""
    payload = json.dumps([sorted(keys), repr(ctx.settings), ctx.toolkit.encoder_name, ctx.code])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- stories: analyse what changed, reuse the rest, save ------------------------------------


def stage_stories(state: RunState, ctx: Context) -> RunState:
    """Per story: its stored analysis when members, settings and code are unchanged, else
    copies, aligned facts, conflicts, entities and timeline. Changed stories, merged ids and
    dropped stories are written in one transaction at the end."""
    assert state.plan is not None and state.assignment is not None
    todo = [p for p in state.plan if p.reported or not p.stored]
    stories: list[Story] = []
    rows: list[StoryRow] = []
    skipped = list(state.skipped)
    for done, plan in enumerate(todo, start=1):
        try:
            story = story_for(plan, state, ctx)
        except Exception as err:  # noqa: BLE001 -- one bad story must not stop the others
            story = unanalysed_story(plan, err, skipped)
        else:
            if not plan.stored:
                rows.append(story_row(story, plan))
        if plan.reported:
            stories.append(story)
        ctx.progress("stories", done, len(todo))
    changes = StoryChanges(tuple(rows), state.assignment.aliases, state.assignment.dropped)
    ctx.store.commit_stories(changes)
    ctx.stats.stories_saved += len(rows)
    return replace(state, stories=tuple(stories), skipped=tuple(skipped))


def unanalysed_story(plan: StoryPlan, err: Exception, skipped: list[Skipped]) -> Story:
    """A story whose analysis failed: its articles are still reported (and each listed as
    skipped with the reason), nothing is stored, so the next run tries again."""
    group = infer_missing_dates(list(plan.articles))
    reason = (f"analysis of its story {plan.id} failed ({type(err).__name__}: {err}); "
              "the story is listed without facts and will be retried on the next run")
    skipped.extend(Skipped(a.path, reason) for a in group)
    return Story(id=plan.id, title=story_title(group), articles=tuple(group))


def story_for(plan: StoryPlan, state: RunState, ctx: Context) -> Story:
    """The stored analysis for the plan's key, else a fresh one (stored at once, so a run killed
    later does not redo it)."""
    group = infer_missing_dates(list(plan.articles))
    stored = ctx.store.load_analysis(plan.analysis_key)
    if stored is not None:
        ctx.stats.stories_reused += 1
        return replace(stored, id=plan.id, title=story_title(group), articles=tuple(group))
    story = analyze_story(list(plan.articles), story_inputs(plan, state, ctx), ctx, plan.id)
    ctx.store.save_analysis(plan.analysis_key, story)
    ctx.stats.stories_analysed += 1
    return story


def story_inputs(plan: StoryPlan, state: RunState, ctx: Context) -> RunState:
    """A state holding the claims and claim vectors of the plan's articles: this run's from
    `state`, the ones stored by earlier runs from the store."""
    assert state.claims is not None and state.vectors is not None
    claims = {a.id: state.claims[a.id] for a in plan.articles if a.id in state.claims}
    earlier = [(k, a) for k, a in zip(plan.keys, plan.articles) if a.id not in claims]
    if earlier:
        loaded = ctx.store.load_claims([k for k, _ in earlier])
        claims.update((a.id, loaded.get(k, ())) for k, a in earlier)
    mine = [c for a in plan.articles for c in claims[a.id]]
    vectors = {c.id: state.vectors[c.id] for c in mine if c.id in state.vectors}
    missing = [c for c in mine if c.id not in vectors]
    if missing:
        known = encode_texts([c.text for c in missing], ctx)
        vectors.update((c.id, known[c.text]) for c in missing)
    return replace(state, claims=claims, vectors=vectors)


def analyze_story(members: list[Article], state: RunState, ctx: Context,
                  story_id: str = "") -> Story:
    """Every analysis of one story, from its own articles, claims and claim vectors only. The
    Story it returns is stored whole and reused while members, settings and code are unchanged
    (`story_for`), so a new analysis step is added here and nowhere else."""
    assert state.claims is not None and state.vectors is not None
    group = list(infer_missing_dates(members))
    claims = {a.id: state.claims[a.id] for a in group}
    copies = find_copies(group, state.vectors, claims, ctx.toolkit, ctx.settings)
    facts = independent_counts(align_claims(group, claims, state.vectors, ctx.settings), copies)
    story = Story(id=story_id, title=story_title(group), articles=tuple(group),
                  facts=facts, copies=copies)
    entities = merge_entities(story, ctx.toolkit)
    conflicts = story_conflicts(story, entities, ctx.toolkit, ctx.settings)
    groups = compare_quotes(extract_quotes(story, ctx.toolkit, entities), story.articles)
    story = replace(story, facts=mark_disputed(story.facts, conflicts), conflicts=conflicts,
                    entities=entities, quotes=tuple(q for g in groups for q in g.quotes),
                    timeline=build_timeline(story, conflicts))
    brief, left_out = write_brief(story, ctx.settings.brief_sentences)  # needs the timeline
    return replace(story, brief=brief, brief_left_out=left_out)


def story_row(story: Story, plan: StoryPlan) -> StoryRow:
    from .render import story_to_dict
    from .render_html import independent_sources

    report = story_to_dict(story)
    dates = sorted(a.published for a in story.articles if a.published)
    return StoryRow(story.id, story.title, plan.keys, report, plan.analysis_key,
                    first_date=dates[0] if dates else None,
                    last_date=dates[-1] if dates else None, sources=len(story.articles),
                    independent_sources=independent_sources(report), facts=len(story.facts),
                    conflicts=len(story.conflicts))


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """An undated article in a story is dated like the story's dated articles (their median),
    marked 'inferred' so a reader knows."""
    known = sorted(date.fromisoformat(a.published) for a in articles if a.published)
    if not known:
        return articles
    median = known[len(known) // 2] if len(known) % 2 else statistics.median_low(known)
    return [a if a.published else replace(a, published=median.isoformat(),
                                          published_from="inferred") for a in articles]


def story_title(articles: list[Article]) -> str:
    """The title of the earliest article that has a real one (not a first-words fallback)."""
    titled = [a for a in articles if a.title and not a.title.endswith("…")]
    chosen = min(titled or articles, key=lambda a: (a.published or "9999", a.id))
    return chosen.title or chosen.id


STAGES: tuple[Stage, ...] = (
    Stage("read", needs=("paths",), makes=("records",), run=stage_read),
    Stage("clean", needs=("records",), makes=("articles", "claims"), run=stage_clean_and_parse),
    Stage("encode", needs=("claims",), makes=("vectors",), run=stage_encode),
    Stage("cluster", needs=("articles",), makes=("plan", "assignment"), run=stage_cluster),
    Stage("stories", needs=("plan", "assignment", "claims", "vectors"), makes=("stories",),
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
    """Files and folders in, one Report out: the stories holding any of the inputs, each with
    all its articles (including ones stored by earlier runs). Every stored result is reused."""
    state = run_stages(RunState(paths=tuple(str(p) for p in paths)), ctx)
    return Report(stories=state.stories or (), skipped=state.skipped)
