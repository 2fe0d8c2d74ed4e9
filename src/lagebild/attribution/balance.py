"""Tidy German speaker spans: balanced quote marks and brackets, no relative clause.

The phrase chunkers trim punctuation at a span's edges, which also cuts the closing mark
of a name inside it: "Die „Süddeutsche Zeitung" and "die Aufsichtsbehörde (DGAC" lose
their closing „…“ / (…). A span with an unmatched opening mark is extended over the
closing mark right after it. Annotators mark the speaker without its relative clause
("Der NDR, der in der ARD … verantwortlich ist" → "Der NDR") but with an apposition
("Günther Platter, der Verteidigungsminister Österreichs"): the tagger tells the relative
pronoun (PRELS) from the article (ART). A span ending in a title noun takes the name
after it ("UN-Generalsekretär" → "UN-Generalsekretär Kofi Annan"). German only
(measured on the Wikinews tune split).
"""

from __future__ import annotations

from typing import Any

from lagebild.attribution.found import Found

Token = Any

PAIRS = {"„": "“", "(": ")", "»": "«", "«": "»", "‚": "‘"}


def balanced(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` extended over closing marks its opening marks are missing."""
    if span is None:
        return None
    a, b = span
    inner = text[a:b]
    for opening, closing in PAIRS.items():
        if opening == closing:
            continue
        while inner.count(opening) > inner.count(closing) and text[b : b + 1] == closing:
            b += 1
            inner = text[a:b]
    return a, b


def without_relative(toks: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` (characters) cut before ", der/die/das …" when that opens a relative clause
    that closes (a comma follows the span) – not when the clause runs on to the cue."""
    if span is None or not toks:
        return span
    a, b = span
    inside = [t for t in toks if a <= t.idx < b]
    if len(inside) < 3:
        return span
    after = inside[-1].i + 1
    if after >= len(inside[-1].doc) or inside[-1].doc[after].text != ",":
        return span  # the clause runs on to the cue: its pronoun may be the speaker
    for t in inside[1:-1]:
        nxt = t.doc[t.i + 1]
        if t.text == "," and nxt.tag_ in {"PRELS", "PRELAT"} and nxt.i < inside[-1].i:
            prev = t.doc[t.i - 1]
            return a, prev.idx + len(prev.text)
    return span


def with_name(toks: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` ending in a title noun extended over the name right after it
    ("UN-Generalsekretär" + "Kofi Annan"): consecutive NE-tagged tokens."""
    if span is None or not toks:
        return span
    a, b = span
    inside = [t for t in toks if a <= t.idx < b]
    if not inside or inside[-1].tag_ != "NN":
        return span
    doc = inside[-1].doc
    k = inside[-1].i + 1
    while k < len(doc) and doc[k].tag_ == "NE" and k - inside[-1].i <= 3:
        k += 1
    if k == inside[-1].i + 1:
        return span
    last = doc[k - 1]
    return a, last.idx + len(last.text)


def balance_all(text: str, found: list[Found], toks: list[Token] | None = None) -> None:
    """Apply :func:`balanced` (and, given the tokens, :func:`without_relative` and
    :func:`with_name`) to every speaker and mention span in place."""
    for f in found:
        if toks is not None:
            f.speaker = without_relative(toks, f.speaker)
            f.mention = without_relative(toks, f.mention)
            f.speaker = with_name(toks, f.speaker)
            f.mention = with_name(toks, f.mention)
        f.speaker = balanced(text, f.speaker)
        f.mention = balanced(text, f.mention)
