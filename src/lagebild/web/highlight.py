"""Article text with attributions, claims and entities highlighted, built from offsets.

The text is cut at every span boundary; each piece is HTML-escaped on its own and wrapped
in one ``<span>`` whose classes name the kinds of span covering it, so overlapping spans
never produce broken nesting and nothing from the article is ever emitted unescaped.
Offsets outside the text, reversed or not integers are dropped (hostile records).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from lagebild.records import Article

KINDS = ("entity", "cue", "content", "evidence")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    ref: str  # anchor of the item in the side lists, e.g. "t1" or "c2"
    label: str  # what a tooltip says


def _valid(start: object, end: object, length: int) -> bool:
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and not isinstance(end, bool)
        and 0 <= start < end <= length
    )


def article_marks(article: Article) -> list[Mark]:
    """The marks of an article: entities, attribution cues and contents, claim evidence."""
    length = len(article.text)
    marks: list[Mark] = []
    for e in article.entities:
        if _valid(e.start, e.end, length):
            marks.append(Mark(e.start, e.end, "entity", "", f"{e.label} {e.actor_id or ''}"))
    for i, a in enumerate(article.attributions):
        ref = f"t{i}"
        speaker = a.speaker.text if a.speaker else "?"
        if a.cue is not None and _valid(a.cue.start, a.cue.end, length):
            marks.append(Mark(a.cue.start, a.cue.end, "cue", ref, f"cue ({a.form})"))
        if _valid(a.content.start, a.content.end, length):
            marks.append(
                Mark(a.content.start, a.content.end, "content", ref, f"{a.form}: {speaker}")
            )
    for i, c in enumerate(article.claims):
        if _valid(c.evidence.start, c.evidence.end, length):
            label = f"{c.event_type} ({c.modality}) {c.actor_id or '?'} → {c.target_id or '?'}"
            marks.append(Mark(c.evidence.start, c.evidence.end, "evidence", f"c{i}", label))
    return marks


def _pieces(text: str, marks: Sequence[Mark]) -> Iterable[tuple[int, int, list[Mark]]]:
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    points = sorted(cuts)
    by_start = sorted(marks, key=lambda m: m.start)
    active: list[Mark] = []
    k = 0
    for left, right in itertools.pairwise(points):
        while k < len(by_start) and by_start[k].start <= left:
            active.append(by_start[k])
            k += 1
        active = [m for m in active if m.end > left]
        yield left, right, active


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as safe HTML with every mark's stretch wrapped in classed spans."""
    out: list[str] = []
    for left, right, active in _pieces(text, marks):
        piece = str(escape(text[left:right]))
        if not active:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in active}, key=KINDS.index)
        refs = [m.ref for m in active if m.ref]
        title = "; ".join(dict.fromkeys(m.label for m in active))
        ref_attr = f' data-ref="{escape(" ".join(dict.fromkeys(refs)))}"' if refs else ""
        classes = " ".join(f"hl-{k}" for k in kinds)
        out.append(f'<span class="hl {classes}" title="{escape(title)}"{ref_attr}>{piece}</span>')
    return Markup("".join(out))


def marked_snippet(snippet: str, start: str = "\x02", end: str = "\x03") -> Markup:
    """A search snippet whose hits are delimited by control characters, as safe HTML
    (markers out of order are balanced: never an unclosed ``<mark>``)."""
    out: list[str] = []
    open_ = False
    for ch_start in _split_markers(snippet, start, end):
        if ch_start == start:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif ch_start == end:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(str(escape(ch_start)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def _split_markers(snippet: str, start: str, end: str) -> Iterable[str]:
    piece: list[str] = []
    for ch in snippet:
        if ch in (start, end):
            if piece:
                yield "".join(piece)
                piece = []
            yield ch
        else:
            piece.append(ch)
    if piece:
        yield "".join(piece)
