"""The one analysis chain: every step newsweave runs, in order, as data (`newsweave steps`).

    analyze_paths(paths)       files and folders -> Report
    analyze_articles(records)  RawRecords (articles as found) -> Report

Both run `STEPS` over the whole pile; the `stories` step runs `STORY_STEPS` (`story_steps`)
on each story it found. `Memory` decides what is reused and kept: in this process only by default, in the
database with `pipeline.StoreMemory` (which is all `pipeline.analyze` adds). `newsweave
analyze`, every evaluation and the tests run this chain, so what is measured is what users run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .claims import parse_articles
from .clean import clean_record
from .cluster import cluster_articles, joined_around, lead_text
from .code_version import CODE_VERSION
from .config import Settings
from .errors import InputError
from .ingest import find_input_files, read_file, record_key, shown
from .memory import Input, Memory, StoryChanges, StoryRecord
from .models import Article, Claim, RawRecord, Report, Skipped, Story
from .run_tools import ProgressFn, RunStats, Tools
from .steps import Step, run_steps, steps_until
from .story_ids import assign_story_ids
from .story_steps import STORY_STEPS, Draft, dated, story_title
from .toolkit import Toolkit

# Articles are parsed and kept in batches of this many: bounded memory, steady progress, and a
# run killed half-way keeps every whole batch.
PARSE_BATCH = 32


# --- the pile: files -> records -> articles -> stories ---------------------------------------


@dataclass(frozen=True)
class StoryPlan:
    """One cluster of the pile, with its id and whether it needs analysing and reporting."""

    id: str
    keys: tuple[str, ...]  # record keys of its articles
    articles: tuple[Article, ...]
    analysis_key: str
    kept: bool  # memory holds this very analysis under this id: nothing to write
    reported: bool  # holds an input of this run


@dataclass(frozen=True)
class PileState:
    paths: tuple[str, ...] | None = None
    inputs: tuple[Input, ...] | None = None
    cleaned: tuple[tuple[Input, Article, tuple[Claim, ...] | None], ...] | None = None
    articles: tuple[Article, ...] | None = None  # this run's inputs, cleaned and parsed
    keys: tuple[str, ...] | None = None  # record key of each of `articles`
    claims: Mapping[str, tuple[Claim, ...]] | None = None  # by article id
    vectors: Mapping[str, np.ndarray] | None = None  # by claim id
    plan: tuple[StoryPlan, ...] | None = None
    changes: StoryChanges | None = None  # ids merged away or dropped by clustering
    stories: tuple[Story, ...] | None = None
    skipped: tuple[Skipped, ...] = ()


def step_read(state: PileState, tools: Tools) -> PileState:
    """Files and folders -> records; unreadable files are listed as skipped."""
    assert state.paths is not None
    found = find_input_files(state.paths, exclude=tools.memory.own_files())
    inputs: list[Input] = []
    skipped = list(state.skipped) + list(found.skipped)
    for done, path in enumerate(found.files, start=1):
        records, bad = read_file(path, tools.settings)
        origin = shown(os.path.realpath(path))
        inputs += [Input(record_key(r), r, origin, r.source_id) for r in records]
        skipped += bad
        tools.progress("read", done, len(found.files))
    return replace(state, inputs=tuple(tools.memory.prepare(unique_ids(inputs))),
                   skipped=tuple(skipped))


def unique_ids(inputs: list[Input]) -> list[Input]:
    """Two inputs with one id (same file name in two folders) get a hash suffix, not a merge."""
    seen: set[str] = set()
    result = []
    for item in inputs:
        if item.record.source_id in seen:
            item = renamed(item)
        seen.add(item.record.source_id)
        result.append(item)
    return result


def renamed(item: Input) -> Input:
    record = replace(item.record, source_id=f"{item.record.source_id}-{item.key[:6]}")
    return replace(item, key=record_key(record), record=record)


def step_clean(state: PileState, tools: Tools) -> PileState:
    """Records -> articles: story text kept, boilerplate removed with reasons (known records
    are taken from memory with their claims)."""
    assert state.inputs is not None
    cleaned = []
    skipped = list(state.skipped)
    for done, item in enumerate(state.inputs, start=1):
        known = tools.memory.load_article(item.key)
        if known is not None:
            cleaned.append((item, known[0], known[1]))
        else:
            try:
                cleaned.append((item, clean_record(item.record, tools.settings), None))
            except InputError as err:
                skipped.append(Skipped(err.path, err.reason))
        tools.progress("clean", done, len(state.inputs))
    return replace(state, cleaned=tuple(cleaned), skipped=tuple(skipped))


def step_parse(state: PileState, tools: Tools) -> PileState:
    """Articles -> claims (sentences, split where they carry several facts); captions found
    by the parse leave the text. Each batch is kept in memory as it is done."""
    assert state.cleaned is not None
    fresh = [(item, article) for item, article, claims in state.cleaned if claims is None]
    parsed: dict[str, tuple[Article, tuple[Claim, ...]]] = {
        item.key: (article, claims) for item, article, claims in state.cleaned
        if claims is not None}
    for start in range(0, len(fresh), PARSE_BATCH):
        batch = fresh[start:start + PARSE_BATCH]
        for (item, _), result in zip(batch, parse_articles([a for _, a in batch],
                                                           tools.toolkit, tools.settings)):
            tools.memory.save_article(item, result.article, result.claims)
            parsed[item.key] = (result.article, result.claims)
            tools.stats.articles_cleaned += 1
        tools.progress("parse", min(start + PARSE_BATCH, len(fresh)), len(fresh))
    keys = tuple(item.key for item, _, _ in state.cleaned)
    articles = tuple(parsed[k][0] for k in keys)
    return replace(state, articles=articles, keys=keys,
                   claims={parsed[k][0].id: parsed[k][1] for k in keys})


def step_encode(state: PileState, tools: Tools) -> PileState:
    """Claims -> sentence vectors (each distinct text encoded once, then remembered)."""
    assert state.claims is not None
    every = [c for group in state.claims.values() for c in group]
    known = encode_texts([c.text for c in every], tools)
    return replace(state, vectors={c.id: known[c.text] for c in every})


def encode_texts(texts: list[str], tools: Tools, step: str = "encode") -> dict[str, np.ndarray]:
    """Vectors of `texts` (by text): from memory when known, else encoded and remembered."""
    unique = sorted(set(texts))
    encoder = tools.toolkit.encoder_name
    known = tools.memory.load_vectors(encoder, unique)
    missing = [t for t in unique if t not in known]
    batch = tools.settings.encode_batch * 4
    for start in range(0, len(missing), batch):
        chunk = missing[start:start + batch]
        fresh = dict(zip(chunk, tools.toolkit.encoder.encode(chunk)))
        tools.memory.save_vectors(encoder, fresh)
        known.update(fresh)
        tools.stats.texts_encoded += len(chunk)
        tools.progress(step, min(start + batch, len(missing)), len(missing))
    return known


def step_cluster(state: PileState, tools: Tools) -> PileState:
    """The pile (with what memory already holds) -> stories with stable ids: a story keeps
    the id of the kept story it continues."""
    assert state.articles is not None and state.keys is not None
    if not state.articles:
        return replace(state, plan=(), changes=StoryChanges())
    pile = tools.memory.pile(list(zip(state.keys, state.articles)))
    keys, articles = [k for k, _ in pile], [a for _, a in pile]
    leads = encode_texts([lead_text(a) for a in articles], tools, "leads")
    groups = cluster_articles(articles, np.vstack([leads[lead_text(a)] for a in articles]),
                              tools.settings)
    inputs = set(state.keys)
    if tools.settings.one_story:
        groups = joined_around(groups, {i for i, k in enumerate(keys) if k in inputs})
    clusters = [[keys[i] for i in group] for group in groups]
    kept = tools.memory.stored_stories()
    assignment = assign_story_ids(clusters, kept, tools.memory.replacements())
    known = {s.id: s.analysis_key for s in kept}
    plan = []
    for story_id, cluster, group in zip(assignment.ids, clusters, groups):
        key = analysis_key(cluster, tools)
        plan.append(StoryPlan(story_id, tuple(cluster), tuple(articles[i] for i in group), key,
                              kept=known.get(story_id) == key,
                              reported=not inputs.isdisjoint(cluster)))
    return replace(state, plan=tuple(plan),
                   changes=StoryChanges((), assignment.aliases, assignment.dropped))


def analysis_key(keys: list[str], tools: Tools) -> str:
    """What a story's analysis depends on: its member records (their keys hash content and
    metadata), the settings, the encoder, the analysis code and how far the chain ran."""
    payload = json.dumps([sorted(keys), repr(tools.settings), tools.toolkit.encoder_name,
                          CODE_VERSION, tools.until])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def step_stories(state: PileState, tools: Tools) -> PileState:
    """Each story whose analysis memory lacks runs STORY_STEPS; a story whose analysis fails
    is still reported, its articles listed as skipped, and tried again next run."""
    assert state.plan is not None and state.changes is not None
    todo = [p for p in state.plan if p.reported or not p.kept]
    stories: list[Story] = []
    records: list[StoryRecord] = []
    skipped = list(state.skipped)
    for done, plan in enumerate(todo, start=1):
        try:
            story = story_for(plan, state, tools)
        except Exception as err:
            if tools.strict:
                raise
            story = unanalysed_story(plan, err, skipped)
        else:
            if not plan.kept:
                records.append(StoryRecord(plan.id, plan.keys, plan.analysis_key, story))
        if plan.reported:
            stories.append(story)
        tools.progress("stories", done, len(todo))
    tools.memory.commit(replace(state.changes, records=tuple(records)))
    tools.stats.stories_saved += len(records)
    return replace(state, stories=tuple(stories), skipped=tuple(skipped))


def unanalysed_story(plan: StoryPlan, err: Exception, skipped: list[Skipped]) -> Story:
    """A story whose analysis failed: its articles are still reported (and each listed as
    skipped with the reason), nothing is kept, so the next run tries again."""
    articles = dated(plan.articles)
    reason = (f"analysis of its story {plan.id} failed ({type(err).__name__}: {err}); "
              "the story is listed without facts and will be retried on the next run")
    skipped.extend(Skipped(a.path, reason) for a in articles)
    return Story(id=plan.id, title=story_title(articles), articles=articles)


def story_for(plan: StoryPlan, state: PileState, tools: Tools) -> Story:
    """The remembered analysis for the plan's key, else a fresh one (remembered at once, so a
    run killed later does not redo it)."""
    known = tools.memory.load_analysis(plan.analysis_key)
    if known is not None:
        tools.stats.stories_reused += 1
        return replace(known, id=plan.id)
    claims = story_claims(plan, state, tools)
    mine = [c for group in claims.values() for c in group]
    vectors = {c.id: state.vectors[c.id] for c in mine if state.vectors and c.id in state.vectors}
    if len(vectors) < len(mine):
        encoded = encode_texts([c.text for c in mine if c.id not in vectors], tools)
        vectors.update((c.id, encoded[c.text]) for c in mine if c.id not in vectors)
    draft = Draft(id=plan.id, articles=plan.articles, claims=claims, vectors=vectors)
    story = run_steps(steps_until(STORY_STEPS, tools.until), draft, tools).story()
    tools.memory.save_analysis(plan.analysis_key, story)
    tools.stats.stories_analysed += 1
    return story


def story_claims(plan: StoryPlan, state: PileState, tools: Tools
                 ) -> dict[str, tuple[Claim, ...]]:
    """Claims of the plan's articles: this run's from the state, earlier runs' from memory."""
    claims = {a.id: state.claims[a.id] for a in plan.articles
              if state.claims and a.id in state.claims}
    earlier = [(k, a) for k, a in zip(plan.keys, plan.articles) if a.id not in claims]
    if earlier:
        loaded = tools.memory.load_claims([k for k, _ in earlier])
        claims.update((a.id, loaded.get(k, ())) for k, a in earlier)
    return claims


STEPS: tuple[Step, ...] = (
    Step("read", ("paths",), ("inputs", "skipped"), step_read),
    Step("clean", ("inputs",), ("cleaned", "skipped"), step_clean),
    Step("parse", ("cleaned",), ("articles", "keys", "claims"), step_parse),
    Step("cluster", ("articles", "keys"), ("plan", "changes"), step_cluster),
    Step("encode", ("claims",), ("vectors",), step_encode),
    Step("stories", ("plan", "changes", "claims", "vectors"), ("stories", "skipped"),
         step_stories),
)


# --- one story: articles -> copies, facts, entities, conflicts, quotes, timeline, brief -------


# --- entry points --------------------------------------------------------------------------


def analyze_paths(paths: Iterable[str | Path], toolkit: Toolkit | None = None,
                  settings: Settings | None = None, **options: object) -> Report:
    """Files and folders (searched recursively) in, one Report out: the stories holding any
    of the inputs, each with all its articles. Options as for `analyze_articles`."""
    state = PileState(paths=tuple(str(p) for p in paths))
    return run_chain(state, STEPS, toolkit, settings, **options)


def analyze_articles(articles: Iterable[RawRecord], toolkit: Toolkit | None = None,
                     settings: Settings | None = None, **options: object) -> Report:
    """Articles as found (`RawRecord`: body, and title, url, outlet, date when known) in, one
    Report out. Options: `memory` (a `Memory`: reuse across calls, or the database), `progress`
    (step, done, total), `stats` (a RunStats to fill), `strict` (a failing story raises instead
    of being listed as skipped), `until` (the last step to run, e.g. "cluster" or "facts")."""
    inputs = tuple(Input(record_key(r), r, r.path, r.source_id) for r in articles)
    state = PileState(inputs=tuple(unique_ids(list(inputs))))
    return run_chain(state, STEPS[1:], toolkit, settings, **options)


def run_chain(state: PileState, steps: tuple[Step, ...], toolkit: Toolkit | None,
              settings: Settings | None, memory: Memory | None = None,
              progress: ProgressFn | None = None, stats: RunStats | None = None,
              strict: bool = False, until: str | None = None) -> Report:
    tools = Tools(toolkit or Toolkit(), settings or Settings(), memory or Memory(),
                  progress or (lambda step, done, total: None), stats or RunStats(), strict,
                  until)
    state = run_steps(steps_until(steps, until), state, tools)
    if state.stories is None and state.plan is not None:  # stopped after clustering
        stories = tuple(Story(p.id, story_title(p.articles), p.articles) for p in state.plan)
        return Report(stories=stories, skipped=state.skipped)
    return Report(stories=state.stories or (), skipped=state.skipped)
