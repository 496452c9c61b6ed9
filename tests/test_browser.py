"""One real headless Chromium per page: the UI works and hostile article text stays text."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_testdata import build_store, full_report

from newsweave.render_html import report_to_html
from newsweave.store import Store
from newsweave.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium / chromedriver not installed (apt-get install chromium "
                    "chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1200,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def db(tmp_path_factory, reference_dir, toolkit, settings) -> Path:
    return build_store(tmp_path_factory.mktemp("browser"), reference_dir, toolkit, settings)


@pytest.fixture(scope="module")
def server(db) -> Iterator[str]:
    """The app served by uvicorn on a free local port, in a thread."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not served.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def story_id(db) -> str:
    with Store(db) as store:
        return str(store.list_stories()[0]["id"])


def by_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def popover_text(driver) -> str:
    pop = by_css(driver, "#nw-pop")[0]
    assert pop.is_displayed()
    return str(pop.text)


def no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert  # noqa: B018 - raises when there is none
    except NoAlertPresentException:
        return True
    return False


def test_story_list_opens_a_story(browser, server, story_id):
    browser.get(server + "/")
    links = by_css(browser, "table.story-list a")
    assert [link.text for link in links] == [
        "Kim Jong Un wraps up Russia trip, invites Putin to visit North Korea"]
    browser.save_screenshot(str(ARTIFACTS / "web-stories.png"))
    links[0].click()
    assert browser.current_url == f"{server}/stories/{story_id}"
    assert by_css(browser, "h1")[0].text.startswith("Kim Jong Un wraps up Russia trip")


def test_clicking_a_source_dot_shows_that_sources_sentence(browser, server, story_id, db):
    with Store(db) as store:
        fact = store.load_story(story_id).facts[0]
    browser.get(f"{server}/stories/{story_id}")
    by_css(browser, "#facts-0 tbody tr button.dot")[0].click()
    said = next(m.text for m in fact.mentions if m.article == fact.articles[0])
    assert said in popover_text(browser)
    browser.save_screenshot(str(ARTIFACTS / "web-story-dot.png"))


def test_facts_filter_shows_only_the_chosen_status(browser, server, story_id, db):
    with Store(db) as store:
        facts = store.load_story(story_id).facts
    browser.get(f"{server}/stories/{story_id}")
    by_css(browser, 'button[data-filter="single_source"]')[0].click()
    shown = [row for row in by_css(browser, "#facts-0 tbody tr") if row.is_displayed()]
    assert {row.get_attribute("data-status") for row in shown} <= {"single_source"}
    assert len(shown) == sum(f.status == "single_source" for f in facts)
    browser.save_screenshot(str(ARTIFACTS / "web-story-filtered.png"))
    by_css(browser, 'button[data-filter="all"]')[0].click()
    assert all(row.is_displayed() for row in by_css(browser, "#facts-0 tbody tr"))


def test_hostile_article_renders_as_text_and_runs_nothing(browser, server, story_id):
    browser.get(f"{server}/stories/{story_id}/articles/evil")
    assert no_alert(browser)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert not by_css(browser, ".article-text img, .article-text script, h1 img")
    text = by_css(browser, ".article-text")[0].text
    assert "<script>window.pwned=1</script>" in text and "onerror=" in text
    assert "<img" in by_css(browser, "h1")[0].text
    marks = by_css(browser, "mark.mention")
    assert marks
    marks[0].click()
    assert popover_text(browser)
    browser.save_screenshot(str(ARTIFACTS / "web-article-hostile.png"))


def test_html_report_citation_shows_the_source_sentence(browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_to_html(full_report()), encoding="utf-8")
    browser.get(path.as_uri())
    assert no_alert(browser)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    by_css(browser, "button.cite")[0].click()
    assert "Kim met Putin at the Vostochny cosmodrome on Wednesday." in popover_text(browser)
    assert by_css(browser, ".conflicts")[0].is_displayed()
    browser.save_screenshot(str(ARTIFACTS / "report-citation.png"))
    phone = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", phone)
    try:
        browser.get(path.as_uri())
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        browser.save_screenshot(str(ARTIFACTS / "report-narrow.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

