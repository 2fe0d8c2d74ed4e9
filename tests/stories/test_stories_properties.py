"""Property tests: the B³ scorer and the number reader."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lagebild.eval.stories import b3
from lagebild.stories.text import numbers, sentences

labels = st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 5), min_size=1)


@given(labels, st.data())
def test_b3_is_a_fraction_and_perfect_on_itself(gold, data):
    gold = {k: str(v) for k, v in gold.items()}
    assert b3(gold, gold)["f1"] == 1.0
    pred = {k: str(data.draw(st.integers(0, 5))) for k in gold}
    score = b3(pred, gold)
    assert all(0.0 <= score[k] <= 1.0 for k in ("p", "r", "f1"))


@given(st.integers(0, 10**6))
def test_numbers_read_back_what_was_written(n):
    assert [v for v, _, _ in numbers(f"Es waren {n} Menschen.")] == [float(n)]


@given(st.text(max_size=300))
def test_sentence_spans_always_point_into_the_text(text):
    for start, end, sent in sentences(text):
        assert text[start:end] == sent
