"""The `newsweave` command: thin wrappers over library functions.

Exit status: 0 all inputs used; 3 a report was written but some inputs were skipped (listed in
the summary and the JSON); 1 nothing could be done (the error says why); 2 bad command line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

import click

from . import __version__
from .chain import RunStats
from .config import Settings
from .errors import NewsweaveError
from .models import Report
from .pipeline import Context
from .pipeline import analyze as run_analyze
from .store import Store
from .toolkit import Toolkit

EXIT_SKIPPED = 3
DEFAULT_DB = "newsweave.db"


def fail(message: str) -> None:
    click.echo(f"newsweave: error: {message}", err=True)
    sys.exit(1)


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="SQLite database: results are kept here and reused on re-runs.")(func)


def threads_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--threads", type=click.IntRange(1, 256), envvar="NEWSWEAVE_THREADS",
                        help="Threads for the sentence encoder (default: one per core). On a "
                             "machine other jobs keep busy, 1 can run several times faster. "
                             "Also read from NEWSWEAVE_THREADS.")(func)


def quiet_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--quiet", "-q", is_flag=True,
                        help="No progress bars or summary line.")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsweave")
def main() -> None:
    """newsweave: many news reports in, one cited account out.

    Point it at article files (.txt, .html, .json, .jsonl) and it tells you, fact by fact,
    which sources state what, what only one source carries, and where sources disagree.

    \b
    Start here:
      newsweave analyze path/to/articles/           Markdown report to stdout
      newsweave analyze DIR --json r.json --html r.html
      newsweave stories                             stories kept in the database
      newsweave eval cleaning                       quality on the labelled datasets
    """


class ProgressBars:
    """Rich progress bars on a terminal (stderr); silent otherwise or with --quiet."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        self.enabled = enabled and console.is_terminal
        self.progress = Progress(console=console, transient=True) if self.enabled else None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Self:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.progress:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


def summary_line(report: Report, stats: RunStats | None = None) -> str:
    facts = sum(len(s.facts) for s in report.stories)
    conflicts = sum(len(s.conflicts) for s in report.stories)
    articles = sum(len(s.articles) for s in report.stories)
    line = (f"{len(report.stories)} stories, {articles} articles, {facts} facts, "
            f"{conflicts} conflicts, {len(report.skipped)} skipped")
    if stats is not None:
        line += f" ({stats.stories_analysed} analysed, {stats.stories_reused} reused unchanged)"
    if report.skipped:
        line += "\n" + "\n".join(f"  skipped {s.path}: {s.reason}" for s in report.skipped)
    return line


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write the JSON report (schema newsweave.report/1) here; '-' for stdout.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Write a self-contained HTML report here.")
@click.option("--md", "md_path", type=click.Path(dir_okay=False),
              help="Write the Markdown report here ('-' for stdout, the default when no other "
                   "output is asked for).")
@db_option
@quiet_option
@threads_option
@click.option("--max-file-mb", default=Settings.max_file_mb, show_default=True, type=int,
              help="Skip (and list) any single article larger than this.")
@click.option("--brief-sentences", default=Settings.brief_sentences, show_default=True,
              type=click.IntRange(1, 50),
              help="Length of each story's brief, in sentences; every sentence cites its "
                   "sources, and what it leaves out is listed.")
@click.option("--possible", "possible_max", default=Settings.possible_max, show_default=True,
              type=click.IntRange(0, 1000),
              help="Possible differences listed per story (less likely than the shown "
                   "disagreements; most likely first). The report says how many it leaves out.")
@click.option("--one-story", is_flag=True,
              help="The inputs are coverage of one event: report them as one story, even where "
                   "the grouping (made for piles of many events) would split off an article "
                   "whose opening reads differently.")
@click.option("--strict", is_flag=True,
              help="Stop with the error when a story's analysis fails, instead of reporting "
                   "its articles as skipped (for debugging).")
def analyze(paths: tuple[str, ...], json_path: str | None, html_path: str | None,
            md_path: str | None, db_path: str, quiet: bool, threads: int | None,
            max_file_mb: int, brief_sentences: int, possible_max: int, one_story: bool,
            strict: bool) -> None:
    """Analyze article files and folders (searched recursively) as one pile.

    The inputs are added to the database (--db) and sorted into stories together with the
    articles already there: an article about a stored story joins it, and the story keeps its
    id; the others make new stories. Only stories whose articles changed are analysed again,
    so a re-run on unchanged input redoes nothing. A file whose content changed replaces its
    earlier version (same file, same record id). The report covers the stories that hold any
    of the given inputs, with all their articles (earlier runs' included); 'newsweave
    stories' lists every story in the database.

    \b
    Examples:
      newsweave analyze ../shared/corpus/kim-russia-2023
      newsweave analyze news/ --json report.json --html report.html --db news.db
      newsweave analyze coverage-of-one-event/ --one-story
      newsweave analyze news/ --possible 20    # a longer list of possible differences
    """
    from . import render, render_html, serialize

    outputs = chosen_outputs(json_path, md_path, html_path)
    settings = Settings(max_file_mb=max_file_mb, brief_sentences=brief_sentences,
                        possible_max=possible_max, one_story=one_story)
    try:
        with Store(db_path) as store, ProgressBars(not quiet) as bars:
            ctx = Context(settings=settings, store=store, toolkit=Toolkit(threads=threads),
                          progress=bars, strict=strict)
            report = run_analyze(list(paths), ctx)
            stats = ctx.stats
    except NewsweaveError as err:
        fail(str(err))
        return
    if not report.stories:
        fail("no article could be read; " + (summary_line(report).split("\n", 1)[-1]
                                             if report.skipped else "no input files found"))
    makers = {"json": serialize.report_to_json, "md": render.report_to_markdown,
              "html": render_html.report_to_html}
    for kind, target in outputs.items():
        write_output(target, makers[kind](report))
    if not quiet:
        click.echo(summary_line(report, stats), err=True)
    sys.exit(EXIT_SKIPPED if report.skipped else 0)


def chosen_outputs(json_path: str | None, md_path: str | None,
                   html_path: str | None) -> dict[str, str]:
    """Output kind -> target; Markdown to stdout when none is asked for. Two outputs to one
    target (two to stdout, say) would lose one: that is a usage error."""
    asked = {k: v for k, v in (("json", json_path), ("md", md_path), ("html", html_path)) if v}
    targets = [v for v in asked.values()]
    clash = next((t for t in targets if targets.count(t) > 1), None)
    if clash is not None:
        where = "stdout ('-')" if clash == "-" else f"'{clash}'"
        raise click.UsageError(f"{' and '.join('--' + k for k, v in asked.items() if v == clash)}"
                               f" both write to {where}; give each output its own target")
    return asked or {"md": "-"}


def write_output(target: str, text: str) -> None:
    if target == "-":
        click.echo(text)
        return
    try:
        Path(target).write_text(text, encoding="utf-8")
    except OSError as err:
        fail(f"{target}: cannot write: {err.strerror or err}")


@main.command()
def steps() -> None:
    """Print the analysis chain: every step, what it needs and makes, and what it does.

    \b
    The steps run in this order for every input pile; 'stories' runs the story steps on
    each story it found. 'newsweave analyze', every evaluation and the tests run this chain.
    """
    from .chain import STEPS, STORY_STEPS
    from .steps import describe

    click.echo("Steps of every run:")
    click.echo("\n".join(describe(STEPS, "  ")))
    click.echo("\nSteps of each story (inside 'stories'):")
    click.echo("\n".join(describe(STORY_STEPS, "  ")))


@main.command("eval")
@click.argument("names", nargs=-1)
@click.option("--datasets", "datasets_path", type=click.Path(file_okay=False),
              help="Folder of the labelled datasets (default ../shared/datasets).")
@click.option("--limit", type=int, help="Use only the first N records of each dataset.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--gate", is_flag=True,
              help="Compare with the pinned floors (newsweave/eval/floors.json), each on its "
                   "pinned slice unless --limit is given; exit 1 when a score is below its floor.")
@click.option("--one-story", is_flag=True,
              help="Analyse each story's articles as `analyze --one-story` does (the labelled "
                   "and the injected stories come one story at a time).")
@threads_option
def eval_command(names: tuple[str, ...], datasets_path: str | None, limit: int | None,
                 as_json: bool, gate: bool, one_story: bool, threads: int | None) -> None:
    """Score newsweave on labelled datasets: NAMES from the list below (all when none).

    \b
    cleaning    LocalNews paragraph relevance: precision/recall of what cleaning keeps
    alignment   ECB+ event chains: do sentences about one event share a fact?
    stories     ECB+ and MMDS story clustering: B-cubed and ARI, with the naive baseline
    copies      MEANTIME translations: pairwise F1 of copy groups
    disagreements  real disagreements read by hand (LocalNews, NewsWCL50): precision of
                reported conflicts, recall, look-alikes flagged; tune and check halves
    corroboration  the same stories: paraphrases placed in one fact, look-alikes shown as
                agreeing, "only one source" that another article states in other words
    conflicts   LocalNews with injected number/date/name/title changes: recall per kind
    conflicts-unseen  the same injections into ECB+ stories no conflict rule was fitted
                on (no publication dates there); tune and check halves
    claimdiff   ClaimDiff "weak" pairs: comparison F1 beside a plain cosine baseline
    entities    ECB+ participant chains: pairwise precision/recall of entity merging
    brief       LocalNews briefs: ROUGE/encoder similarity to the human headline and
                coverage of conflicts and single-source facts, beside a lead baseline
    """
    from .eval.runner import check_floors, format_table, run_evaluations

    try:
        results = run_evaluations(list(names), datasets_path, limit, gate, threads,
                                  Settings(one_story=one_story))
    except NewsweaveError as err:
        fail(str(err))
        return
    click.echo(json.dumps(results, indent=2) if as_json else format_table(results))
    if gate:
        failures = check_floors(results)
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        sys.exit(1 if failures else 0)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def stories(db_path: str, as_json: bool) -> None:
    """List every story kept in the database, most recently changed first.

    \b
    Columns: story id, first and last publication date, sources (articles),
    independent sources (copies of one text count once), conflicts, title.
    A story keeps its id across runs; an id merged into another story leads to it.

    \b
    Example:
      newsweave stories --db news.db
    """
    if not Path(db_path).exists():
        fail(f"{db_path}: no such database; run 'newsweave analyze ... --db {db_path}' first")
    try:
        with Store(db_path) as store:
            rows = store.list_stories()
    except NewsweaveError as err:
        fail(str(err))
        return
    if as_json:
        click.echo(json.dumps({"stories": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'ID':<12} {'FIRST':<10} {'LAST':<10} {'SOURCES':>7} {'INDEP':>5} "
               f"{'CONFLICTS':>9}  TITLE")
    for row in rows:
        click.echo(f"{row['id']:<12} {row['first_date'] or '-':<10} {row['last_date'] or '-':<10} "
                   f"{row['sources']:>7} {row['independent_sources']:>5} "
                   f"{row['conflicts']:>9}  {row['title']}")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--get", "get_path", metavar="PATH",
              help="Answer one request for PATH in-process, print the body and exit (no server): "
                   "e.g. --get /stories.json")
def serve(db_path: str, host: str, port: int, get_path: str | None) -> None:
    """Browse the stories kept in the database: a read-only web UI with a JSON twin per page.

    \b
    Examples:
      newsweave serve --db news.db                 then open http://127.0.0.1:8000/
      newsweave serve --db news.db --get /stories.json
    """
    from .web import create_app

    try:
        app = create_app(db_path)
    except NewsweaveError as err:
        fail(str(err))
        return
    if get_path is not None:
        import asyncio

        try:
            import httpx
        except ImportError:
            fail("--get needs httpx; install it with: pip install 'newsweave[test]'")
            return
        if not get_path.startswith("/"):
            fail(f"--get {get_path!r}: give a path starting with '/', e.g. /stories.json")

        async def get_once() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://newsweave") as c:
                return await c.get(get_path)

        response = asyncio.run(get_once())
        click.echo(response.text)
        sys.exit(0 if response.status_code < 400 else 1)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")


if __name__ == "__main__":
    main()
