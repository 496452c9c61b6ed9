import json

import pytest

from newsweave.errors import InputError
from newsweave.ingest import (
    date_from_url,
    decode_bytes,
    find_input_files,
    first_source_url,
    outlet_from_copyright,
    read_file,
    sniff_plain_text,
)


def test_leading_date_marker_gives_publication_date():
    record = sniff_plain_text(" date 2021-03-04 The council voted on Monday.", "x.txt", "x")
    assert record.published == "2021-03-04"
    assert record.published_from == "text"


def test_wrapped_original_url_is_joined_and_dated(tmp_path):
    text = ("Body text here.\n\nOriginal url:\nhttps://www.example.org/2022/05/06/some-long-slug-a1"
            "\n234\n\nhttps://www.example.org/2024/01/01/other\n")
    record = sniff_plain_text(text, "x.txt", "x")
    assert record.url == "https://www.example.org/2022/05/06/some-long-slug-a1234"
    assert record.published == "2022-05-06" and record.published_from == "url"
    assert record.outlet == "example.org"


def test_date_in_url_path_must_be_a_real_date():
    assert date_from_url("https://x.com/2020/02/30/a") is None
    assert date_from_url("https://x.com/news/2020/2/3/a") == "2020-02-03"


def test_copyright_line_names_the_outlet_and_a_bare_one_does_not():
    assert outlet_from_copyright("Story.\nCopyright 2021, Daily Planet") == "Daily Planet"
    assert outlet_from_copyright("Story.\nCopyright 2023,") is None


def test_news_please_and_trafilatura_field_names_are_read(tmp_path, settings):
    lines = [{"maintext": "A fire broke out on Monday in the town hall.", "date_publish":
              "2020-01-02 10:00:00", "source_domain": "paper.com", "title": "Fire"},
             {"text": "The mayor resigned after the vote on Friday.", "date": "2020-01-03",
              "hostname": "other.net", "id": "own-id"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    records, skipped = read_file(path, settings)
    assert not skipped
    assert [r.outlet for r in records] == ["paper.com", "other.net"]
    assert [r.published for r in records] == ["2020-01-02", "2020-01-03"]
    assert records[1].source_id == "own-id"
    assert len(records[0].source_id) == 12  # a short content hash when there is no id


def test_one_bad_jsonl_line_is_skipped_with_its_line_number(tmp_path, settings):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Good record with words."}\n{broken\n[1, 2]\n', encoding="utf-8")
    records, skipped = read_file(path, settings)
    assert len(records) == 1
    assert {s.path.split("[")[0] for s in skipped} == {f"{path}:2", f"{path}:3"}
    assert any("not an object" in s.reason for s in skipped)


def test_wrong_field_types_are_reported_not_crashed(tmp_path, settings):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"text": ["not", "a", "string"]}), encoding="utf-8")
    records, skipped = read_file(path, settings)
    assert not records and "should be a string" in skipped[0].reason


def test_binary_file_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02garbage" * 10, "x.txt")


def test_utf16_and_latin1_files_decode():
    assert decode_bytes("Café news".encode("utf-16"), "x") == "Café news"
    assert decode_bytes("Café news".encode("latin-1"), "x") == "Café news"


def test_folders_are_walked_recursively_and_unsupported_files_listed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x")
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    found = find_input_files([tmp_path, tmp_path / "missing"])
    assert [p.name for p in found.files] == ["a.html", "b.txt"]
    reasons = " ".join(s.reason for s in found.skipped)
    assert "unsupported file type '.pdf'" in reasons and "no such file" in reasons


def test_first_source_url_needs_the_marker():
    assert first_source_url("https://a.com/x\ntext") is None
