"""German V2 inversion: a fronted object parsed as the speaker of the cue verb.

German puts objects first freely ("Die Entwicklung im Iran verglich Merkel mit …",
"Eine Verschiebung des Wahltermins bezeichnete Conze als fatal"). The German model often
parses the fronted object as subject and the real speaker right after the verb as object
or apposition. When the chosen speaker is the prefield, its head noun is not person- or
institution-like, and the phrase right after the finite cue verb is a name or title,
that phrase speaks. German only; measured on the Wikinews tune split (docs/notes).
"""

from __future__ import annotations

from typing import Any

from lagebild.attribution.phrases import np_right

Token = Any
_OBLIQUE = {"den", "dem", "einem", "einen", "des", "eines", "ihm", "ihn", "ihnen", "uns"}


def person_like(tok: Token) -> bool:
    """The word itself names someone who can speak (name, NER person/org, title, org word)."""
    from lagebild.attribution.lexicon import lexicon

    if tok.pos_ == "PROPN" or tok.ent_type_ in {"PER", "ORG"}:
        return True
    lex = lexicon()
    w = tok.text.lower()
    return w in lex.titles or w.startswith(lex.title_prefixes) or w in lex.org_words or \
        w.endswith(lex.org_suffixes)


def _first_noun(toks: list[Token], span: tuple[int, int]) -> Token | None:
    return next((t for t in toks[span[0] : span[1]] if t.pos_ in {"NOUN", "PROPN", "PRON"}),
                None)


def uninvert(toks: list[Token], i: int, lo: int, hi: int, span: tuple[int, int],
             avoid: range = range(0)) -> tuple[int, int]:
    """``span`` (the chosen speaker of the cue at ``i``), or the phrase after the verb."""
    if span[1] > i or span[0] != lo:
        return span  # only a speaker that fills the prefield of a main clause
    head = _first_noun(toks, span)
    if head is None or head.pos_ == "PRON" or person_like(head):
        return span
    if i + 1 >= hi or (i + 1) in avoid or toks[i + 1].text.lower() in _OBLIQUE:
        return span
    after = np_right(toks, i + 1, hi)
    if after is None or after[0] != i + 1 or any(k in avoid for k in range(*after)):
        return span
    first = _first_noun(toks, after)
    if first is None or not (person_like(first) or first.text.lower() in {"er", "wir"}):
        return span
    return after
