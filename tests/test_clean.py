import json
from dataclasses import asdict

import pytest

from newsweave.claims import parse_articles
from newsweave.clean import clean_record, hard_wrap_width
from newsweave.errors import InputError
from newsweave.models import RawRecord
from newsweave.store import article_from_json

LONG_PARAGRAPH = (
    "The central bank left its main interest rate unchanged on Thursday, as expected by most "
    "economists, after a meeting that lasted two days. The governor told reporters that "
    "inflation had eased for a third month but remained above the target range. Markets "
    "barely moved after the statement, which signalled no change in policy. REUTERS, AFP")


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


def test_text_of_only_urls_and_markers_is_an_input_error(settings):
    with pytest.raises(InputError, match="no story text"):
        clean("date 2020-01-02\nOriginal url:\nhttps://a.example/x", settings)


def test_one_paragraph_article_ending_in_a_credit_keeps_its_body(settings):
    article = clean(f"Central Bank Holds Rates\n\n{LONG_PARAGRAPH}", settings)
    assert article.title == "Central Bank Holds Rates"
    assert article.text == LONG_PARAGRAPH.removesuffix(" REUTERS, AFP")
    assert ("REUTERS, AFP", "credit") in [(r.text, r.reason) for r in article.removed]
    assert article.warnings == ()  # kept by the rules, not by the guard


def test_short_paragraph_of_several_sentences_is_story_text_whatever_its_end(settings):
    body = ("Four people died when the storm reached the coast. Power was cut to two thousand "
            "homes overnight. Crews worked until morning – see the map")
    article = clean(f"Storm Hits Coast\n\n{body}", settings)
    assert article.text == body and article.warnings == ()


def test_cleaning_that_would_remove_most_words_keeps_the_text_with_a_warning(settings):
    promo = "Subscribe now to get the latest news and analysis delivered to your inbox daily"
    text = "\n\n".join(["Talks resumed in the capital on Monday, officials said."]
                       + [f"{promo} ({n})" for n in range(3)])
    article = clean(text, settings)
    assert promo in article.text and "Talks resumed" in article.text
    assert article.removed == ()
    assert article.warnings == (
        "cleaning would have removed 83% of the words (promo); the text is kept whole",)


def test_cleaning_that_would_leave_nothing_keeps_the_text_with_a_warning(settings):
    article = clean("Robbers steal jewels worth millions from a Paris store", settings)
    assert article.text == "Robbers steal jewels worth millions from a Paris store"
    assert article.warnings[0].startswith("cleaning would have removed 100% of the words")


def test_a_repeated_copy_of_the_text_is_not_counted_as_lost(settings):
    story = ("The council approved the new budget on Monday after a long debate.\n\n"
             "The mayor said the plan would cut spending by ten percent next year.")
    article = clean(f"{story}\n\n{story}", settings)
    assert article.text == story and article.warnings == ()
    assert [r.reason for r in article.removed] == ["duplicate", "duplicate"]


def test_a_lone_caption_like_sentence_is_kept_as_the_story(toolkit, settings):
    text = "Firefighters at the scene of the warehouse blaze in the port on Tuesday."
    article = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert article.article.text == text and len(article.claims) == 1
    assert "caption" in article.article.warnings[0]


def test_headings_and_related_headlines_are_removed_and_kept_aside(settings):
    paragraphs = ["The council approved the new budget on Monday after a long debate.",
                  "How the new budget affects residents",
                  "The mayor said the plan would cut spending by ten percent next year.",
                  ("Transport minister defends new bus plan, calls for patience over higher "
                   "fares from March"),
                  "Residents can read the plan at example.gov/budget",
                  "The council listed the following changes to the plan:",
                  "Parking charges will rise in the town centre from next year."]
    article = clean("\n\n".join(paragraphs), settings)
    assert [(r.text, r.reason) for r in article.removed] == [(paragraphs[1], "heading"),
                                                           (paragraphs[3], "heading")]
    assert article.text.split("\n\n") == [p for i, p in enumerate(paragraphs) if i not in (1, 3)]


def test_a_claim_split_off_at_a_link_word_starts_after_it(toolkit, settings):
    text = ("The council approved the new budget for the coming year on Monday, and the mayor "
            "said the plan would cut spending on roads by ten percent.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [
        "The council approved the new budget for the coming year on Monday",
        "the mayor said the plan would cut spending on roads by ten percent"]
    assert all(parsed.article.text[c.start:c.end] == c.text for c in parsed.claims)
    text = ("Some 52.3 per cent of the residents surveyed wanted the old market rebuilt, while "
            "44.9 per cent of them supported keeping it as it is.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [
        "Some 52.3 per cent of the residents surveyed wanted the old market rebuilt",
        "44.9 per cent of them supported keeping it as it is"]


def test_a_claim_keeps_the_bracket_or_quote_it_opened(toolkit, settings):
    text = ("Spending stays within the limits of the Fiscal Balance Rule (FBR). The mayor "
            'called the new toll "a tax on commuters". Rates rose, the bank said (again).')
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [c.text for c in parsed.claims][:2] == [
        "Spending stays within the limits of the Fiscal Balance Rule (FBR)",
        'The mayor called the new toll "a tax on commuters"']
    assert all(parsed.article.text[c.start:c.end] == c.text for c in parsed.claims)


def test_a_predicate_split_off_without_a_subject_names_the_subject_it_shares(toolkit,
                                                                             settings):
    text = ("The regional governor accepted an invitation to visit the port and offered to "
            "send two engineers to the shipyard next spring.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [(c.text, c.subject) for c in parsed.claims] == [
        ("The regional governor accepted an invitation to visit the port", ""),
        ("offered to send two engineers to the shipyard next spring", "The regional governor")]


def test_a_clause_about_the_other_one_stays_with_the_first(toolkit, settings):
    text = "One trader lost $2 million in the scheme while the other lost $3.5 million."
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_borrowed_subject_must_agree_with_the_verb_in_number(toolkit):
    from newsweave.clauses import agrees

    def subject_and_verb(text: str):
        doc = toolkit.nlp(text)
        return next(t for t in doc if t.dep_ == "nsubj"), next(t for t in doc if t.dep_ == "ROOT")

    speculation, _ = subject_and_verb("Speculation grows every week.")
    officials, intend = subject_and_verb("Officials intend to field new candidates.")
    _, offers = subject_and_verb("The bank offers easy loans.")
    assert agrees(officials, intend) and not agrees(speculation, intend)
    assert agrees(speculation, offers) and not agrees(officials, offers)


def test_no_subject_is_borrowed_across_a_relative_clause(toolkit):
    from newsweave.clauses import clause_between

    doc = toolkit.nlp("Neighbours also blamed the builder who left the gate open and called "
                      "the police.")
    main = next(t for t in doc if t.dep_ == "ROOT")
    called = next(t for t in doc if t.text == "called")
    assert clause_between(main, called)
    doc = toolkit.nlp("Neighbours also blamed the builder for the flood and called the police.")
    main = next(t for t in doc if t.dep_ == "ROOT")
    assert not clause_between(main, next(t for t in doc if t.text == "called"))


def test_a_clause_with_its_own_subject_names_none(toolkit, settings):
    text = ("Police arrested the driver on the bridge on Monday, and the court charged him "
            "with careless driving on Tuesday.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert len(parsed.claims) == 2 and all(c.subject == "" for c in parsed.claims)


def test_article_warnings_survive_the_store_and_older_rows_load_without_them(settings):
    article = clean("Robbers steal jewels worth millions from a Paris store", settings)
    assert article.warnings
    assert article_from_json(json.dumps(asdict(article))) == article
    older = {k: v for k, v in asdict(article).items() if k != "warnings"}
    assert article_from_json(json.dumps(older)).warnings == ()


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



def test_contact_lines_and_image_credits_are_removed_as_promos(settings):
    text = (LONG_PARAGRAPH + "\n\n"
            "Have a story to share? Get in touch with us via email at tips@paper.example\n\n"
            "The reporter can be reached at jane@paper.example\n\n"
            "The mayor said the plan would cut spending by ten percent next year.\n\n"
            "Featured image adapted from the council's Facebook page")
    article = clean(text, settings)
    assert "@" not in article.text and "Featured image" not in article.text
    assert [r.reason for r in article.removed if r.reason != "credit"] == [
        "promo", "promo", "promo"]
    assert "mayor said" in article.text and "inflation had eased" in article.text


def test_a_speaker_without_what_was_said_is_no_statement(toolkit, settings):
    text = ("The council approved the new budget on Monday after a long debate.\n\n"
            "According to the post, the mayor said on Monday in a Facebook video:\n\n"
            "The mayor said the plan would cut spending by ten percent next year.\n\n"
            "Expressing her thanks, the treasurer added:\n\n"
            "The party said in a statement that the treasurer had resigned.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [
        "The council approved the new budget on Monday after a long debate",
        "The mayor said the plan would cut spending by ten percent next year",
        "The party said in a statement that the treasurer had resigned"]
    assert ("According to the post, the mayor said on Monday in a Facebook video:",
            "not a statement") in {(r.text, r.reason) for r in parsed.article.removed}


def test_signposts_to_more_are_promos(toolkit, settings):
    text = (LONG_PARAGRAPH + "\n\n"
            "Here's everything you need to know about the new rate.\n\n"
            "The bank will find out more about demand in the coming weeks, the governor said.")
    parsed = parse_articles([clean(text, settings, language="en")], toolkit, settings)[0]
    claims = " ".join(c.text for c in parsed.claims)
    assert "everything you need" not in claims and "find out more about demand" in claims
    reasons = {(r.text, r.reason) for r in parsed.article.removed}
    assert ("Here's everything you need to know about the new rate.", "promo") in reasons


def test_a_headline_after_an_age_stamp_is_a_related_link_whatever_its_last_mark(settings):
    story = LONG_PARAGRAPH[:-len(" REUTERS, AFP")]
    listing = ["-", "Opinion2 weeks ago",
               "Revisiting home ownership: Are flat buyers owners or lessees?", "-",
               "Politics5 days ago", "Minister defends response in town council case"]
    text = "\n".join([story, *listing])
    article = clean(text, settings)
    assert article.text == story
    assert [(r.text, r.reason) for r in article.removed if r.reason == "related"] == [
        ("Opinion2 weeks ago", "related"),
        ("Revisiting home ownership: Are flat buyers owners or lessees?", "related"),
        ("Politics5 days ago", "related"),
        ("Minister defends response in town council case", "related")]


def test_questions_in_title_case_or_numbered_are_headings_and_prose_questions_stay(settings):
    paragraphs = [LONG_PARAGRAPH, "How Will This Change Affect Fund Members?",
                  "Members over 55 will see their special account closed in January.",
                  "5. Where can I check my balances after this transition?",
                  "You can log in to the fund's website to check your balances.",
                  "Why did the board wait so long to act?"]
    article = clean("\n\n".join(paragraphs), settings)
    assert [(r.text, r.reason) for r in article.removed if r.reason == "heading"] == [
        (paragraphs[1], "heading"), (paragraphs[3], "heading")]
    assert "Why did the board wait so long to act?" in article.text


def test_a_caption_credited_to_a_picture_source_is_a_caption(settings):
    caption = ("A fighter jet of the air force taxis on the flight line upon arrival at the "
               "base, Sept. 12, 2024 (Picture source: US DoD)")
    article = clean("\n\n".join([LONG_PARAGRAPH, caption, LONG_PARAGRAPH.replace(
        "Thursday", "Friday")]), settings)
    assert (caption, "caption") in {(r.text, r.reason) for r in article.removed}


def test_editors_notes_and_app_store_pointers_are_removed(settings):
    news = "\n\n".join([LONG_PARAGRAPH[:LONG_PARAGRAPH.rindex(".") + 1],
                         "The council approved the new budget on Monday after a long debate.",
                         "The mayor said the plan would cut spending by ten percent next year."])
    notes = [("This article was first published in The Daily Example. Permission required for "
             "reproduction."),
             "Ten Ways To Save On Groceries was first published on the ExampleMoney blog.",
             ("Get the news on your phone with our free app. Download from the App Store or "
             "Google Play now")]
    article = clean(news + "\n\n" + "\n\n".join(notes), settings)
    assert article.text == news
    reasons = {r.text: r.reason for r in article.removed}
    assert [reasons.get(n) for n in notes] == ["editor's note", "editor's note", "promo"]


def test_a_story_saying_where_a_study_was_first_published_stays(settings):
    text = ("The council approved the new budget on Monday after a long debate.\n\n"
            "The study was first published in The Example Journal in 2019.")
    assert clean(text, settings).text == text


def test_a_poll_and_a_newsletter_appeal_are_promos(toolkit, settings):
    news = "The company was fined $2 million for dumping oily waste into the sea last year."
    poll = "Do you think the fine was enough? Click your choice to see results."
    appeal = "Join our free newsletter for good news and useful tips every week."
    article = clean(f"{news}\n\n{poll}\n\n{appeal}", settings)
    parsed = parse_articles([article], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [news[:-1]]
    promos = {r.text for r in parsed.article.removed if r.reason == "promo"}
    assert {"Do you think the fine was enough?", "Click your choice to see results.",
            appeal} <= promos


def test_the_blurb_after_an_about_the_author_heading_is_removed(settings):
    news = LONG_PARAGRAPH[:LONG_PARAGRAPH.rindex(".") + 1]
    blurb = ("Jane Doe is a bargain hunter who writes about saving money on groceries. She "
             "lives with two cats.")
    article = clean(f"{news}\n\nAbout the author\n\n{blurb}", settings)
    assert article.text == news
    assert {(r.text, r.reason) for r in article.removed} >= {
        ("About the author", "about"), (blurb, "about")}


def test_the_writers_tag_line_closing_the_piece_is_a_byline(settings):
    news = LONG_PARAGRAPH[:LONG_PARAGRAPH.rindex(".") + 1]
    tag = "- Jane Doe is a correspondent at The Daily Example. She covers transport."
    article = clean(f"{news}\n\n{tag}", settings)
    assert article.text == news and (tag, "byline") in {(r.text, r.reason)
                                                        for r in article.removed}
    # inside the story, or telling more than where the writer works, it is news
    about = "Ann Lee is a reporter at the Gazette who was detained at the border in May."
    for text in (f"{about}\n\n{news}\n\nMore hearings are due next month.",
                 f"{news}\n\n{about}"):
        assert about in clean(text, settings).text


def test_orders_to_the_reader_are_no_claims(toolkit, settings):
    news = "The bakery sold 4,000 boxes of tarts in the week before the festival."
    orders = ["Visit the bakery's website to order before the deadline.",
              "Don't miss its spicy prawn rolls, at $16.90 per bottle.",
              ("If sweets are what you want, don't miss the lemon tarts, salted egg cookies and "
              "fried sesame balls."),
              "Do not use links sent by strangers."]
    quoted = '"Order early," the owner said on Monday.'
    misread = ("Leave provisions, flexible work arrangements, and workplace culture directly "
               "impact an employee's ability to start a family.")
    stated = "Remember that the bakery has raised its prices twice this year."
    article = clean(" ".join([news, *orders, quoted, misread, stated]), settings)
    parsed = parse_articles([article], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [news[:-1], quoted[:-1], misread[:-1],
                                               stated[:-1]]
    assert {r.text for r in parsed.article.removed
            if r.reason == "address to the reader"} == set(orders)


def test_an_order_after_a_condition_put_to_the_reader_is_no_claim(toolkit, settings):
    news = "The bakery sold 4,000 boxes of tarts in the week before the festival."
    orders = ["If you spot a fallen power line, call the police hotline at once.",
              "If you cannot choose between the three cakes, get the trio set.",
              "If you are in doubt, call the police hotline."]
    stated = "If it rains, the parade will be moved indoors."
    article = clean(" ".join([news, *orders, stated]), settings)
    parsed = parse_articles([article], toolkit, settings)[0]
    assert [c.text for c in parsed.claims] == [news[:-1], stated[:-1]]
    assert {r.text for r in parsed.article.removed
            if r.reason == "address to the reader"} == set(orders)


def test_a_labelled_date_line_at_the_top_is_the_publication_date(settings):
    body = ("The council approved the new budget on Monday after a long debate that ran late "
            "into the night.")
    for line in ("Published: 4 March 2026", "Date: 2026-03-04", "Posted on March 4, 2026"):
        article = clean(f"{line}\n\n{body}", settings)
        assert article.published == "2026-03-04"
        assert (line, "dateline") in {(r.text, r.reason) for r in article.removed}
    assert clean(f"Updated: 2026-03-09\n\n{body}", settings).published is None
