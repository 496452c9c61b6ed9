"""Hostile input (issue 6): nothing a user can put in a folder crashes `analyze`.

Every unusable file is listed in the JSON `skipped` with a one-line reason naming it, the exit
status says so (3), every usable file is in the report, and a run killed at any moment resumes
to the same result as a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from newsweave.chain import analyze_articles
from newsweave.cli import main
from newsweave.models import RawRecord
from newsweave.serialize import report_to_dict, validate_report

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
CLI = Path(sys.executable).with_name("newsweave")

GOOD_TEXT = (
    "The city council approved a new budget of 4.2 million dollars on Monday after a long "
    "debate, officials said.\n\n"
    "Mayor Ana Ruiz told reporters that the money would repair three bridges and two schools "
    "before the winter.\n\n"
    "Opposition members said the plan was rushed and voted against it in the evening session.\n"
)
OTHER_TEXT = (
    "Council members passed the 4.2 million dollar budget on Monday evening, the city said.\n\n"
    "The mayor said three bridges would be repaired before the winter begins.\n"
)


def analyze_json(folder: Path, db: Path) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["analyze", str(folder), "--json", "-", "--db", str(db),
                                       "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed: {result.exception!r}\n{result.output}")
    assert "Traceback" not in result.output
    data = json.loads(result.stdout) if result.exit_code in (0, 3) else {}
    return result.exit_code, data, result.output


def article_ids(data: dict) -> set[str]:
    return {a["id"] for story in data["stories"] for a in story["articles"]}


def skipped_reasons(data: dict) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in data["skipped"]}


def assert_skipped(data: dict, name: str, *words: str) -> None:
    """`name` is listed as skipped, on one line, and the reason says what is wrong."""
    matches = {p: r for p, r in skipped_reasons(data).items() if Path(p.split(":")[0]).name
               == name or Path(p).name == name or f"/{name}" in p}
    assert matches, f"{name} not in skipped: {data['skipped']}"
    for path, reason in matches.items():
        assert reason.strip() and "\n" not in reason and "\n" not in path
        line = f"{path}: {reason}"
        assert name in line
        assert all(w.lower() in reason.lower() for w in words), (name, reason)


# --- the hostile corpus --------------------------------------------------------------------


def build_hostile_corpus(folder: Path) -> dict[str, tuple[str, ...]]:
    """Write every kind of bad file into `folder`; return {bad file name: words its skip
    reason must contain}. Good files are named good*, and their article ids are listed in
    GOOD_IDS."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[str, tuple[str, ...]] = {}

    def write(name: str, data: bytes | str, *reason_words: str, is_bad: bool = True) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        if is_bad:
            bad[name] = reason_words
        return path

    # Good files in every encoding and format a user might have.
    write("good.txt", GOOD_TEXT, is_bad=False)
    write("good_copy_other_name.txt", GOOD_TEXT, is_bad=False)  # a duplicate under another name
    latin1 = ("Le conseil a approuvé le budget lundi après un long débat, selon les élus "
              "municipaux présents à la séance.\n")
    write("good_latin1.txt", latin1.encode("latin-1"), is_bad=False)
    write("good_utf16.txt", OTHER_TEXT.encode("utf-16"), is_bad=False)  # with a BOM
    write("good_invalid_utf8.txt", GOOD_TEXT.encode() + b"\nThe vote ended at 9 p.m. \xff\xfe "
          b"and members left the hall.\n", is_bad=False)
    write("good_other_languages.txt",
          "市议会周一在长时间辩论后批准了新的预算，官员们表示资金将用于修理桥梁。\n\n"
          "Городской совет в понедельник утвердил новый бюджет после долгих дебатов, "
          "сообщили чиновники.\n", is_bad=False)
    write("good_truncated.html",
          "<html><head><title>Budget vote</title></head><body><article><p>"
          + GOOD_TEXT.replace("\n\n", "</p><p>") + "</p><p>The session was closed by the"
          " chair after midnight and the <b", is_bad=False)
    write("good_lines.jsonl", "\n".join([
        json.dumps({"id": "good-jsonl-1", "text": OTHER_TEXT}),
        "{this is not json",
        json.dumps({"id": "good-jsonl-2", "text": GOOD_TEXT.replace("Monday", "Tuesday")}),
    ]), is_bad=False)
    bad["good_lines.jsonl:2"] = ("invalid JSON",)

    # Bad files: each must be skipped with a reason.
    write("empty.txt", "", "empty")
    write("whitespace.txt", "   \n\t\n  \n", "empty")
    write("binary.txt", bytes(range(256)) * 40, "binary")
    write("scripts_only.html", "<html><head><script>var a = 1;</script></head><body><nav><ul>"
          "<li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav><script>"
          "track();</script></body></html>", "text")  # no article text / no story text
    write("no_body.html", "<html><head><title>Nothing here</title></head></html>",
          "no article text")
    write("not_object.json", json.dumps([1, "two", None]), "not an object")
    write("scalar.json", json.dumps("just a string"), "not an object")
    write("wrong_fields.json", json.dumps({"headline": "x", "body_text": GOOD_TEXT}),
          "no article text")
    write("wrong_types.json", json.dumps({"text": 12345, "title": "x"}), "should be a string")
    write("broken.json", '{"text": "unterminated', "invalid JSON")
    write("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply")
    write("long_number.json", "1" * 5000, "number too long")
    write("bad_url.jsonl", json.dumps({"id": "good-bad-url", "text": GOOD_TEXT.replace(
        "Monday", "Thursday"), "url": "http://[not-a-host/2020/01/02/x"}), is_bad=False)
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    bad["pipe.txt"] = ("not a regular file",)
    with open(os.path.join(os.fsencode(folder), b"good_name_\xff.txt"), "wb") as handle:
        handle.write(OTHER_TEXT.replace("Monday", "Saturday").encode())  # name is not UTF-8
    write("no_sentences.txt", "Breaking news\nLive updates\nMore to follow\n", "no story text")
    write("unsupported.pdf", b"%PDF-1.4 not really", "unsupported file type")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:  # 12 MB, over 10 MB
        line = "The council met again on Monday and talked about the budget for hours. " * 20
        for _ in range(12 * 1024 * 1024 // len(line) + 1):
            handle.write(line + "\n")
    bad["huge.txt"] = ("MB limit",)

    # A symlink loop: sub/loop -> .. ; the walk must stop and say so.
    (folder / "sub").mkdir()
    (folder / "sub" / "good_nested.txt").write_text(OTHER_TEXT.replace("Monday", "Friday"),
                                                    encoding="utf-8")
    (folder / "sub" / "loop").symlink_to("..", target_is_directory=True)
    bad["loop"] = ("symlink loop",)

    if os.geteuid() != 0:  # root reads a chmod 000 file anyway
        unreadable = write("unreadable.txt", GOOD_TEXT.replace("Monday", "Sunday"),
                           "cannot be read")
        unreadable.chmod(0)
    return bad


GOOD_IDS = {"good", "good_copy_other_name", "good_latin1", "good_utf16", "good_invalid_utf8",
            "good_other_languages", "good_truncated", "good-jsonl-1", "good-jsonl-2",
            "good_nested", "good-bad-url", "good_name_\ufffd"}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Path, dict[str, tuple[str, ...]], int, dict, str]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    bad = build_hostile_corpus(folder)
    try:
        code, data, output = analyze_json(folder, folder.parent / "n.db")
    finally:
        unreadable = folder / "unreadable.txt"
        if unreadable.exists():
            unreadable.chmod(0o644)
    return folder, bad, code, data, output


def test_hostile_folder_gives_exit_3_and_a_valid_report(hostile_run):
    _folder, _bad, code, data, output = hostile_run
    assert code == 3, output
    validate_report(data)


def test_every_bad_file_is_skipped_with_a_one_line_reason_naming_it(hostile_run):
    _folder, bad, _code, data, _output = hostile_run
    for name, words in bad.items():
        assert_skipped(data, name, *words)


def test_every_good_file_is_in_the_report(hostile_run):
    _folder, _bad, _code, data, _output = hostile_run
    assert GOOD_IDS <= article_ids(data), data["skipped"]


def test_no_good_file_is_skipped(hostile_run):
    _folder, _bad, _code, data, _output = hostile_run
    assert not [p for p in skipped_reasons(data) if "/good" in p and ":2" not in p]


def test_one_article_story_is_a_report_with_exit_0(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "only.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, data, output = analyze_json(tmp_path / "in", tmp_path / "n.db")
    assert code == 0, output
    assert article_ids(data) == {"only"}
    validate_report(data)


def test_only_bad_files_is_a_one_line_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01" * 100)
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "in"), "--db",
                                       str(tmp_path / "n.db"), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith("newsweave: error:")
    assert "Traceback" not in result.output


# --- property: any text gives an InputError or a valid report --------------------------------


# Random text alone is rarely English, so half the texts are built from news words, numbers
# and punctuation: they reach the spaCy parse, the encoder and the alignment.
NEWS_WORDS = ["The", "council", "said", "police", "Monday", "4.2", "million", "km", "were",
              "killed", "in", "Paris", "after", "the", "vote", ".", ",", ";", ":", '"', "'", "(",
              ")", "-", "—", "2023", "Mr.", "Dr.", "U.S.", "3/4", "%", "$", "€5", "\n", "\n\n",
              "市", "Москва", "e-mail", "https://x.org/2020/01/02/a", "Copyright", "©", "Read",
              "more:", "Photo:", "AFP"]
news_text = st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join)


@hypothesis_settings(max_examples=30, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=400), news_text), min_size=1, max_size=3))
def test_any_text_gives_a_skip_reason_or_a_valid_report(toolkit, settings, texts):
    records = [RawRecord(path=f"t{i}.txt", source_id=f"t{i}", body=text)
               for i, text in enumerate(texts)]
    report = analyze_articles(records, toolkit, settings, strict=True)  # any failure raises
    for skipped in report.skipped:
        assert skipped.path.endswith(".txt") and skipped.reason and "\n" not in skipped.reason
    reported = {a.id for s in report.stories for a in s.articles}
    assert len(reported) + len(report.skipped) == len(records)  # nothing is silently lost
    validate_report(report_to_dict(report))


# --- kill and resume -------------------------------------------------------------------------


def localnews_articles(count: int) -> list[dict]:
    """`count` short articles of one LocalNews story (its first paragraphs, kept small)."""
    path = DATASETS / "localnews-stories-dev.jsonl"
    if not path.exists():
        pytest.skip("LocalNews dev set not found at ../shared/datasets")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            story = json.loads(line)
            if len(story["articles"]) >= count:
                return [{**a, "text": a["text"][:1500]} for a in story["articles"][:count]]
    pytest.skip(f"no LocalNews story with {count} articles")


def run_cli(folder: Path, db: Path, out: Path, timeout: float = 60) -> int:
    command = [str(CLI), "analyze", str(folder), "--db", str(db), "-q", "--json", str(out)]
    return subprocess.run(command, check=False, capture_output=True, timeout=timeout).returncode


def article_count(db: Path) -> int:
    """Articles a (possibly running) analysis has kept so far."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return 0


def kill_after(command: list[str], db: Path, articles: int, timeout: float = 120) -> bool:
    """Start `command`, SIGKILL it once the database holds more than `articles` articles;
    False when it finished first."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waited = 0.0
    while proc.poll() is None and waited < timeout:
        if article_count(db) > articles:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            return True
        time.sleep(0.05)
        waited += 0.05
    proc.wait(timeout=60)
    return False


@pytest.mark.slow
def test_killed_runs_resume_to_the_same_report_as_an_uninterrupted_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index, article in enumerate(localnews_articles(40)):
        (folder / f"a{index:02d}.txt").write_text(
            f"{article.get('title') or ''}\n\n{article['text']}", encoding="utf-8")

    clean_db, clean_out = tmp_path / "clean.db", tmp_path / "clean.json"
    assert run_cli(folder, clean_db, clean_out) in (0, 3)
    total = article_count(clean_db)

    db, out = tmp_path / "killed.db", tmp_path / "killed.json"
    command = [str(CLI), "analyze", str(folder), "--db", str(db), "-q", "--json", str(out)]
    kept = []  # articles kept when each kill came
    # Killed after its first article, a few articles later, and once every article is kept
    # (before the stories are analysed): each run resumes what the last one left.
    for more in (0, 5, total):
        if not kill_after(command, db, min(article_count(db) + more, total - 1)):
            break
        kept.append(article_count(db))
    assert kept and kept[0] < total, f"no run was killed in the middle ({kept} of {total})"
    assert run_cli(folder, db, out) in (0, 3)

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert article_count(db) == total
    assert json.loads(out.read_text()) == json.loads(clean_out.read_text()), f"kills at {kept}"
