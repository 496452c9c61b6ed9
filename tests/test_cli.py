import json

from click.testing import CliRunner

from newsweave.cli import main
from newsweave.render import validate_report


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
    assert result.exit_code == 1 and "use cleaning, alignment, stories, copies, conflicts, claimdiff" in result.output
