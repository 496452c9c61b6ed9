import pytest

from newsweave.clean import clean_record, hard_wrap_width
from newsweave.errors import InputError
from newsweave.models import RawRecord


def clean(text, settings, **meta):
    return clean_record(RawRecord(path="t.txt", source_id="t", body=text, **meta), settings)


def test_related_copyright_url_and_promo_lines_are_removed_and_kept_aside(settings):
    text = ("The council approved the new budget on Monday after a long debate.\n\n"
            "Related article: Council Debates Budget\n\n"
            "Download our app for the latest news.\n\n"
            "The mayor said the plan would cut spending by ten percent next year.\n\n"
            "Original url:\nhttps://paper.example/2020/01/02/budget\n\nCopyright 2020, Paper")
    article = clean(text, settings)
    assert "Related article" not in article.text and "Download" not in article.text
    assert "https://" not in article.text and "Copyright" not in article.text
    reasons = {r.reason for r in article.removed}
    assert {"related", "promo", "url", "copyright"} <= reasons
    assert "mayor said" in article.text


def test_hard_wrapped_lines_are_joined_into_sentences(settings):
    para = ("The storm knocked out power to thousands of homes across the region late on\n"
            "Tuesday, officials said, and crews worked through the night to restore it to\n"
            "most of them by the following morning, according to the utility company.\n")
    text = "\n".join([para] * 4)
    assert hard_wrap_width(text.split("\n")) > 0
    article = clean(text, settings)
    assert "late on Tuesday" in article.text


def test_headline_standfirst_and_byline_become_metadata(settings):
    text = ("Storm Hits Coast\n\nThousands without power after the storm\n\nStaff Writer\n\n"
            "The storm knocked out power to thousands of homes on Tuesday, officials said.")
    article = clean(text, settings)
    assert article.title == "Storm Hits Coast"
    assert article.text.startswith("The storm knocked out")
    assert [r.reason for r in article.removed] == ["headline", "standfirst", "byline"]


def test_caption_with_photo_credit_and_its_duplicate_are_removed(settings):
    text = ("The minister met the delegation in the capital on Friday, officials said.\n\n"
            "The minister shakes hands with the envoy in the capital.—Reuters\n\n"
            "The minister shakes hands with the envoy in the capital.—Reuters\n\n"
            "Talks focused on trade and security, according to a statement.")
    article = clean(text, settings)
    assert "Reuters" not in article.text
    assert sum(r.reason in ("caption", "duplicate") for r in article.removed) == 2


def test_text_with_nothing_left_is_an_input_error(settings):
    with pytest.raises(InputError, match="no story text"):
        clean("Related article: Something\n\nhttps://a.example/x", settings)


def test_html_goes_through_the_extractor(settings):
    html = ("<html><head><title>Fire in town</title></head><body><nav>Home | News</nav>"
            "<article><p>A big fire broke out on Monday in the old town, the fire brigade said."
            "</p>\n<p>Nobody was hurt and the cause of the fire is still unknown.</p></article>"
            "<script>alert(1)</script></body></html>")
    article = clean(html, settings, html=True)
    assert "fire brigade said" in article.text and "alert" not in article.text
    assert article.title == "Fire in town"


def test_html_with_only_scripts_is_an_input_error(settings):
    with pytest.raises(InputError, match="no article text|no story text"):
        clean("<html><body><script>var a = 1;</script></body></html>", settings, html=True)
