"""Speaker spans with balanced quote marks and brackets (German).

The phrase chunkers trim punctuation at a span's edges, which also cuts the closing mark
of a name inside it: "Die „Süddeutsche Zeitung" and "die Aufsichtsbehörde (DGAC" lose
their closing „…“ / (…). A span with an unmatched opening mark is extended over the
closing mark right after it. German only (measured on the Wikinews tune split).
"""

from __future__ import annotations

from lagebild.attribution.found import Found

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


def balance_all(text: str, found: list[Found]) -> None:
    """Apply :func:`balanced` to every speaker and mention span in place."""
    for f in found:
        f.speaker = balanced(text, f.speaker)
        f.mention = balanced(text, f.mention)
