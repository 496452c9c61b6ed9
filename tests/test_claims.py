"""Claims: site promos and parser breaks inside a paragraph."""
import pytest

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


@pytest.mark.parametrize("question", [
    "How does oil harm the creatures living in the sea?",  # in the writer's voice
    "“Who will stop the dumping at sea, who will help us?",  # quoted, no speaker in it
])
def test_a_question_in_the_writers_voice_or_quoted_alone_is_no_statement(question, toolkit,
                                                                           settings):
    news = "The ministry fined the company $50,000 on Monday for dumping waste at sea."
    parsed = parse(news + "\n\n" + question, toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    assert (question, "not a statement") in {(r.text, r.reason) for r in parsed.article.removed}


def test_a_quoted_question_stays(toolkit, settings):
    text = "One of the passengers asked: “Why did nobody tell us about the delay at the airport?”"
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text]


def test_a_sentence_pointing_at_what_follows_is_no_statement(toolkit, settings):
    news = "The vouchers can be spent at hawker stalls and shops across the island this year."
    pointer = "Here are some examples of where residents can spend them:"
    parsed = parse(news + " " + pointer, toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    assert (pointer, "not a statement") in {(r.text, r.reason) for r in parsed.article.removed}


def test_a_verb_waiting_for_what_follows_its_colon_is_no_statement(toolkit, settings):
    lead_in = "The violations found by the inspectors include:"
    statement = "The new law puts in place four safeguards for people who lose their savings:"
    items = "- failure to lock the gates of the depot at night"
    parsed = parse(f"{lead_in}\n\n{items}\n\n{statement}\n\n{items}", toolkit, settings)
    texts = [c.text for c in parsed.claims]
    assert not any(t.startswith("The violations") for t in texts)
    assert any(t.startswith("The new law puts in place four safeguards") for t in texts)


def test_a_predicate_the_parser_hung_on_a_participle_borrows_the_main_subject(toolkit,
                                                                              settings):
    text = "The court found that the claims were not warranted and dismissed the case on Friday."
    parsed = parse(text, toolkit, settings)
    assert [(c.text, c.subject) for c in parsed.claims] == [
        ("The court found that the claims were not warranted", ""),
        ("dismissed the case on Friday", "The court")]


def test_a_bare_verb_after_an_infinitive_is_no_predicate_of_its_own(toolkit, settings):
    text = "The rebels wanted to seize the bridge and cut the supply lines to the capital."
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_clause_after_while_without_a_subject_stays_with_its_sentence(toolkit, settings):
    text = ("The officer crashed his motorcycle while chasing the suspect on the expressway "
            "and later died in hospital.")
    parsed = parse(text, toolkit, settings)
    assert [(c.text, c.subject) for c in parsed.claims] == [
        ("The officer crashed his motorcycle while chasing the suspect on the expressway", ""),
        ("later died in hospital", "The officer")]


def test_a_clause_opening_with_that_stays_with_what_it_reports(toolkit, settings):
    text = ("In its statement, the party thanked the chairman for his service, adding that he "
            "continues to serve elsewhere in the party.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_participle_without_a_subject_is_a_label(toolkit, settings):
    news = "The shop has sold rice and bread to residents of the estate for forty years."
    parsed = parse(news + " Closed on Mondays.", toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    assert ("Closed on Mondays.", "not a statement") in {
        (r.text, r.reason) for r in parsed.article.removed}


def test_a_reported_clause_before_its_speaker_and_a_colon_stays(toolkit, settings):
    text = ("The agency will keep checking the clinics that prescribe such drugs, it said, "
            "adding:")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-len(", adding:")]]


def test_a_source_named_after_a_comma_stays_with_what_it_reports(toolkit, settings):
    text = ("The man has been charged with one count of criminal intimidation and one charge "
            "under the Misuse of Drugs Act, reported The Daily Example.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_question_and_its_speaker_broken_by_the_parser_are_one_claim(toolkit, settings):
    text = ('"Why was it right to pardon some killers, while no pardon was given to other '
            'killers?" the minister asked.')
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_speaker_and_the_quote_after_the_comma_are_one_claim(toolkit, settings):
    text = ("Some users compared the current leaders unfavourably with the founding leaders, "
            "with one remarking, “We need a government with competence and vision.”")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text]


def test_a_disclaimer_paragraph_is_a_promo(toolkit, settings):
    news = "The ship was detained in the port on Friday after inspectors found oily waste."
    disclaimer = [("The information contained in this website is for general information "
                   "purposes only."),
                  ("Any reliance you place on such information is therefore strictly at your "
                   "own risk.")]
    parsed = parse(news + "\n\n" + " ".join(disclaimer), toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    assert {(d, "promo") for d in disclaimer} <= {(r.text, r.reason)
                                                  for r in parsed.article.removed}


def test_a_participle_left_waiting_for_what_follows_the_colon_is_cut_off(toolkit, settings):
    text = "The bus captain expressed joy in returning the backpack to its owner, saying:"
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [
        "The bus captain expressed joy in returning the backpack to its owner"]


def test_a_break_the_parser_put_before_a_small_letter_is_mended(toolkit, settings):
    text = ("If you suspect that you have given a scammer access to your account, you should "
            "promptly call the bank's fraud hotline at 1800 339 6963 if you are in Singapore, or "
            "+65 6339 6963 if you are overseas.")
    parsed = parse(text, toolkit, settings)
    assert [c.text for c in parsed.claims] == [text[:-1]]


def test_a_field_of_a_listing_is_no_statement_and_a_clause_after_a_colon_is(toolkit,
                                                                            settings):
    fields = ["Address: 12 Main Street, #01-05.", "Opening hours: 10am to 7pm (Tue to Sun)."]
    item = "Appeal process: Victims can appeal against the orders to the Commissioner of Police."
    parsed = parse(" ".join(fields) + "\n\n" + item, toolkit, settings)
    assert [c.text for c in parsed.claims] == [item[:-1]]
    assert {(f, "not a statement") for f in fields} <= {(r.text, r.reason)
                                                       for r in parsed.article.removed}


def test_an_embedded_post_opening_with_its_handle_is_no_fact(toolkit, settings):
    news = ("Residents of the island were told to stay away from the shore after the storm, "
            "the council said on Monday.")
    post = ("@islandnews_daily Warga pulau diminta menjauhi pantai setelah badai, kata dewan "
            "kota pada hari Senin. Polisi juga menutup jalan menuju pelabuhan sampai Selasa.")
    frame = ("View this post on Instagram. A post shared by Island News Daily, the island's "
             "paper, with its readers on Monday.")
    parsed = parse(f"{news}\n\n{post}\n\n{frame}", toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    removed = {(r.text, r.reason) for r in parsed.article.removed}
    assert {(post, "embedded post"), (frame, "embedded post")} <= removed


def test_an_order_after_a_short_label_and_a_dash_is_no_fact(toolkit, settings):
    news = "SINGAPORE – Police arrested two men linked to the scam on Monday."
    steps = ["- CHECK – Verify the link and check the website address for errors.",
             "- TELL – Tell the authorities, family and friends about scams."]
    after = " Do not send money to strangers."  # each step a paragraph of two sentences
    parsed = parse("\n\n".join((news, *(s + after for s in steps))), toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    removed = {(r.text, r.reason) for r in parsed.article.removed}
    assert {(s, "address to the reader") for s in steps} <= removed


def test_an_order_after_a_phrase_set_off_by_a_comma_is_no_fact(toolkit, settings):
    news = "Last year, police arrested 16 people linked to the scam."
    orders = ["For lost vouchers, report the loss at your nearest community centre.",
              "This New Year, take advantage of our special promotions at every outlet."]
    parsed = parse("\n\n".join((news, *(o + " Do not send money to strangers." for o in orders))),
                   toolkit, settings)
    assert [c.text for c in parsed.claims] == [news[:-1]]
    removed = {(r.text, r.reason) for r in parsed.article.removed}
    assert {(o, "address to the reader") for o in orders} <= removed


def test_marks_around_a_number_do_not_make_an_order_someones_words(toolkit, settings):
    order = "For urgent police assistance, dial ‘999’."
    said = "“Stay at home and do not travel to the coast this weekend.”"
    parsed = parse(f"{order} Do not send money to strangers.\n\n{said} The police chief "
                   "spoke on Monday.", toolkit, settings)
    assert (order, "address to the reader") in {(r.text, r.reason)
                                                for r in parsed.article.removed}
    assert said.strip("“”.") in [c.text.strip("“”.") for c in parsed.claims]
