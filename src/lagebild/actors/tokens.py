"""The tokens the gazetteer matches over: a fast regex split of the text, and their match keys.

Matching runs over our own tokens, not spaCy's, so that the German and English models (and
``spacy.blank``) see the same alias tokens: a word is a run of letters/digits, every other
non-space character is a token of its own ("US-Piloten" -> ``US``, ``-``, ``Piloten``).
A token's *key* is its case-folded, accent-free form ("Élysée" -> ``elysee``, "Erdoğan" ->
``erdogan``); a *case class* says whether an alias token asks for a capital letter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-"})

ANY, CAPITAL, UPPER, LOWER = 0, 1, 2, 3


class Token(NamedTuple):
    i: int
    start: int
    end: int
    text: str
    key: str
    is_word: bool
    is_capital: bool

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """Case-folded, accent-free form of a word (``ß`` -> ``ss``)."""
    folded = word.translate(_APOSTROPHES).casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[Token]:
    found = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        first = word[0]
        found.append(Token(i, m.start(), m.end(), word, key(word), first.isalnum(),
                           first.isupper()))
    return found


def case_class(word: str) -> int:
    """What an alias token asks of the text: all caps, a capital first letter, lower case, any."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return UPPER
    if word[:1].isupper():
        return CAPITAL
    return ANY


def case_ok(token: Token, want: int) -> bool:
    if want == ANY:
        return True
    if want == CAPITAL:
        return token.is_capital or not token.text[:1].isalpha()
    if want == UPPER:
        return token.is_upper or not token.text[:1].isalpha()
    return token.text[:1].islower()


def alias_words(alias: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(alias)]
