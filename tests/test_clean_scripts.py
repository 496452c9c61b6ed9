"""Cleaning and sentence splitting in the scripts of our data: CJK, Cyrillic, Arabic (issue 14)."""

from newsweave.claims import parse_plain
from newsweave.clean import clean_record, split_sentences
from newsweave.models import RawRecord
from newsweave.words import count_words

CHINESE = ("周二晚上，一场暴雨袭击了沿海城市，数千户家庭停电。气象部门表示，降雨量创下十年来的新高。"
           "他们很担心。市政府已经派出工作人员抢修电网，预计周四恢复供电。")
RUSSIAN = ("Во вторник вечером сильный шторм оставил без света тысячи домов на побережье. "
           "Метеорологи заявили, что такого количества осадков не было десять лет. "
           "Городские власти направили бригады для ремонта сетей.")
ARABIC = ("تسببت عاصفة قوية مساء الثلاثاء في انقطاع الكهرباء عن آلاف المنازل على الساحل. "
          "وقالت هيئة الأرصاد إن كمية الأمطار هي الأعلى منذ عشر سنوات. "
          "فهل تعود الكهرباء إلى كل المنازل قبل يوم الخميس المقبل؟")


def clean_file(title, body, settings):
    """An article written as a file: title, blank line, body."""
    raw = RawRecord(path="a.txt", source_id="a", body=f"{title}\n\n{body}\n")
    return clean_record(raw, settings)


def test_chinese_article_keeps_its_body(settings):
    article = clean_file("暴雨袭击沿海城市", CHINESE, settings)
    assert article.title == "暴雨袭击沿海城市"
    assert article.text == CHINESE and article.warnings == ()


def test_russian_article_ending_in_a_credit_keeps_its_body(settings):
    article = clean_file("Шторм обесточил побережье", f"{RUSSIAN} ТАСС", settings)
    assert article.title == "Шторм обесточил побережье"
    assert article.text == RUSSIAN and article.warnings == ()
    assert {(r.text, r.reason) for r in article.removed} == {
        ("Шторм обесточил побережье", "headline"), ("ТАСС", "credit")}


def test_arabic_article_ending_in_a_question_keeps_its_body(settings):
    article = clean_file("عاصفة تقطع الكهرباء عن الساحل", ARABIC, settings)
    assert article.title == "عاصفة تقطع الكهرباء عن الساحل"
    assert article.text == ARABIC and article.warnings == ()


def test_cjk_words_are_counted_by_character_and_their_punctuation_is_no_word():
    assert count_words("他说：“好。”") == 3
    assert count_words("由联盟(SMART)开发。") == 6
    assert count_words("Kim met Putin — at Vostochny.") == 6  # as split at spaces


def test_full_width_marks_end_chinese_sentences_with_their_closing_quotes():
    text = "他说：“好。”然后他走了！第二天下雨了"
    assert [text[a:b] for a, b in split_sentences(text)] == ["他说：“好。”", "然后他走了！",
                                                             "第二天下雨了"]


def test_every_chinese_sentence_becomes_a_claim_at_its_offsets(settings):
    article = clean_file("暴雨袭击沿海城市", CHINESE, settings)
    claims = parse_plain(article).claims
    assert [c.text[-1] for c in claims] == ["。"] * 4
    assert claims[2].text == "他们很担心。"
    assert all(article.text[c.start:c.end] == c.text for c in claims)


def test_russian_and_arabic_paragraphs_split_into_their_sentences(settings):
    for title, body in (("Шторм", RUSSIAN), ("عاصفة", ARABIC)):
        article = clean_file(title, body, settings)
        claims = parse_plain(article).claims
        assert len(claims) == 3
        assert all(article.text[c.start:c.end] == c.text for c in claims)
