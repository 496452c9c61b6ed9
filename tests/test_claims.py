"""Claims: site promos and parser breaks inside a paragraph."""
from newsweave.claims import parse_articles
from newsweave.clean import clean_record
from newsweave.models import RawRecord


def parse(text, toolkit, settings):
    article = clean_record(RawRecord(path="t.txt", source_id="t", body=text, language="en"),
                           settings)
    return parse_articles([article], toolkit, settings)[0]


def test_a_paragraph_closing_with_an_appeal_to_subscribe_is_a_promo(toolkit, settings):
    news = ("The air force will upgrade all of its fighter jets by the end of the decade, the "
            "ministry said on Tuesday.")
    appeal = ["Every subscription lets us hire more reporters.",
              "Please consider subscribing now."]
    parsed = parse(news + "\n\n" + " ".join(appeal), toolkit, settings)
    removed = {(r.text, r.reason) for r in parsed.article.removed}
    assert {(appeal[0], "promo"), (appeal[1], "promo")} <= removed
    assert [c.text for c in parsed.claims] == [news[:-1]]


def test_news_before_a_closing_pointer_to_more_information_stays(toolkit, settings):
    text = ("Applications for the new grant open on March 1 and close at the end of April. "
            "For more details, applicants can visit the agency's website.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [
        "Applications for the new grant open on March 1 and close at the end of April"]


def test_a_pointer_to_more_information_is_a_promo(toolkit, settings):
    text = ("The police arrested 16 people linked to the syndicate on Monday. For more "
            "information on scams, members of the public can visit www.scamshield.example or "
            "call the helpline at 1799.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [
        "The police arrested 16 people linked to the syndicate on Monday"]
    assert any(r.reason == "promo" and r.text.startswith("For more information")
               for r in parsed.article.removed)


def test_a_break_the_parser_put_inside_a_place_name_is_mended(toolkit, settings):
    text = ("The disruption happened during a weekday evening, causing congested MRT stations "
            "at Marsiling and Yew Tee, as well as long queues for free buses as commuters "
            "search for alternative transport.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]
