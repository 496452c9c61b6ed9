"""The web UI through the app's test client, over a store the real pipeline filled."""

from __future__ import annotations

import json
import re
import warnings

import pytest
from click.testing import CliRunner
from web_testdata import SCRIPT, build_store

from newsweave.cli import main
from newsweave.errors import StoreError
from newsweave.serialize import story_to_dict
from newsweave.store import Store
from newsweave.web import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what we pin
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory, reference_dir, toolkit, settings):
    return build_store(tmp_path_factory.mktemp("web"), reference_dir, toolkit, settings)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def story(db):
    """The stored story in its JSON form (what the JSON twin serves)."""
    with Store(db) as store:
        return story_to_dict(store.load_story(store.list_stories()[0]["id"]))


def test_story_list_shows_title_and_counts(client, story):
    page = client.get("/stories")
    assert page.status_code == 200
    assert f'href="/stories/{story["id"]}"' in page.text
    row = client.get("/stories.json").json()["stories"][0]
    assert row["title"] == story["title"]
    assert row["sources"] == len(story["articles"]) == 6
    assert row["facts"] == len(story["facts"]) and row["conflicts"] == len(story["conflicts"])
    assert row["first_date"] == "2023-09-17"


def test_root_is_the_story_list(client):
    assert _without_nonce(client.get("/").text) == _without_nonce(client.get("/stories").text)


def _nonce(page: str) -> str:
    return re.search(r"'nonce-([^']+)'", page)[1]


def _without_nonce(page: str) -> str:
    return page.replace(_nonce(page), "")


def test_story_page_has_facts_and_links_to_articles(client, story):
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    assert page.text.count('<tr class="fact"') == len(story["facts"])
    assert f'href="/stories/{story["id"]}/articles/evil"' in page.text


def test_story_json_twin_is_the_stored_story(client, story):
    assert client.get(f"/stories/{story['id']}.json").json() == {"story": story}


@pytest.mark.parametrize("path", ["/stories/no-such-story", "/stories/bad%20id",
                                  "/stories/" + "a" * 201, "/stories/%2e%2e%2fetc%2fpasswd",
                                  "/stories/x/articles/evil", "/stories/no-such.json"])
def test_bad_or_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_unknown_article_of_a_known_story_is_404(client, story):
    assert client.get(f"/stories/{story['id']}/articles/nope").status_code == 404
    assert client.get(f"/stories/{story['id']}/articles/bad$id.json").json() == {
        "detail": "no such id"}


def test_article_page_highlights_its_fact_mentions(client, story):
    article = story["articles"][0]["id"]
    page = client.get(f"/stories/{story['id']}/articles/{article}")
    mentions = {(m["start"], m["end"]) for f in story["facts"] for m in f["mentions"]
                if m["article"] == article}
    assert page.status_code == 200
    assert 0 < page.text.count('<mark class="mention') <= len(mentions)
    data = client.get(f"/stories/{story['id']}/articles/{article}.json").json()
    marked = [p for p in data["pieces"] if p["fact"]]
    assert len(marked) == page.text.count('<mark class="mention')
    assert all(p["fact"] in {f["id"] for f in story["facts"]} for p in marked)


def test_hostile_article_text_is_escaped(client, story):
    page = client.get(f"/stories/{story['id']}/articles/evil").text
    assert SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert page.count("<script") == 2


def test_pages_carry_a_content_security_policy_with_a_fresh_nonce(client):
    first, second = client.get("/stories").text, client.get("/stories").text
    assert _nonce(first) != _nonce(second)
    assert f'<script nonce="{_nonce(first)}">' in first
    assert client.get("/stories").headers["x-content-type-options"] == "nosniff"


def test_request_with_a_large_body_is_refused(client):
    response = client.request("GET", "/stories", content=b"x" * 100_000)
    assert response.status_code == 413


def test_missing_database_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_serve_get_prints_one_response(db):
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--get", "/stories.json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["stories"][0]["sources"] == 6


def test_serve_get_of_a_missing_page_exits_non_zero(db):
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--get", "/stories/x.json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == {"detail": "no such story"}
