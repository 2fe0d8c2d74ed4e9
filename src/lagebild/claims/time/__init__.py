"""Temporal expressions in German and English, normalised against the publication date.

:func:`find_times` finds every expression (rules in :mod:`.rules` and :mod:`.relative`),
keeps the longest where matches overlap, and resolves them in reading order: relative
expressions count from the publication date; a date without a year takes the publication
year (news) or the year of the last date mentioned (``narrative=True``, e.g. history texts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lagebild.claims.time.calendar import parse_date
from lagebild.claims.time.rules import DATE_RULES, Ctx, RuleFn
from lagebild.records import TimeExpr

__all__ = ["find_times", "parse_date"]

_CONNECT = re.compile(r"^\s*(/|und|bis|oder|-|–|and|to|or)\s*$", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    rule: str
    match: re.Match[str]
    fn: RuleFn


def _rules() -> list[tuple[str, re.Pattern[str], RuleFn]]:
    from lagebild.claims.time.relative import REL_RULES

    return DATE_RULES + REL_RULES


def _candidates(text: str) -> list[_Hit]:
    hits = []
    for name, pattern, fn in _rules():
        for m in pattern.finditer(text):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                hits.append(_Hit(start, end, name, m, fn))
    return hits


def find_times(
    text: str,
    lang: str | None = None,
    published: str | dt.date | None = None,
    *,
    narrative: bool = False,
) -> list[TimeExpr]:
    """Every temporal expression in ``text``, normalised against ``published``.

    ``lang`` is accepted for symmetry with the other stages; the rules cover German and
    English together. Without a publication date, relative expressions are ``unresolved``
    with the reason.
    """
    dct = published if isinstance(published, dt.date) else parse_date(published)
    ctx = Ctx(text=text, dct=dct, narrative=narrative, ref=[None, None, None])
    hits = _candidates(text)
    out: list[TimeExpr] = []
    pending = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    # resolve in reading order; a declined long match frees its span for shorter ones
    chosen: list[_Hit] = []
    while pending:
        chosen = _choose(pending)
        ctx.ref = [None, None, None]
        declined = _resolve(chosen, ctx, out, dry=True)
        if not declined:
            break
        pending = [h for h in pending if h not in declined]
    out.clear()
    ctx.ref = [None, None, None]
    _resolve(chosen, ctx, out, dry=False)
    return out


def _choose(pending: list[_Hit]) -> list[_Hit]:
    chosen: list[_Hit] = []
    for hit in pending:  # longest first
        if not any(hit.start < c.end and c.start < hit.end for c in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


_HEADING = re.compile(r"^[^\S\n]*(?P<h>[^\n.!?:;]{1,60}?)[^\S\n]*$", re.M)


def _headings(text: str) -> list[tuple[int, int, int | None]]:
    """Short lines without final punctuation (section headings) and the year they name."""
    out = []
    for m in _HEADING.finditer(text):
        if m["h"].strip():
            year = re.match(r"\D*(1\d{3}|20\d{2})\b", m["h"])
            out.append((m.start(), m.end(), int(year.group(1)) if year else None))
    return out


def _resolve(chosen: list[_Hit], ctx: Ctx, out: list[TimeExpr], *, dry: bool) -> list[_Hit]:
    """Normalise the chosen hits in reading order; return those whose rule declined.

    In narrative texts a section heading resets the reference date to the year the
    section is about (a heading that is just "1862").
    """
    declined = []
    headings = _headings(ctx.text) if ctx.narrative else []
    ctx.section = None
    heading_end = -1
    for i, hit in enumerate(chosen):
        while headings and headings[0][0] <= hit.start:
            _, heading_end, year = headings.pop(0)
            ctx.section = year if year is not None else ctx.section
            if ctx.section is not None:
                ctx.ref = [ctx.section, None, None]
        ctx.next_year = None
        if i + 1 < len(chosen):
            nxt = chosen[i + 1]
            gap = ctx.text[hit.end : nxt.start]
            found = _YEAR_IN.search(nxt.match.group(0))
            if _CONNECT.match(gap) and found and not _YEAR_IN.search(hit.match.group(0)):
                ctx.next_year = int(found.group(1))
        norm = hit.fn(hit.match, ctx)
        if norm is None:
            declined.append(hit)
            continue
        before = ctx.text[max(0, hit.start - 5) : hit.start].lower()
        if norm.anchor is not None and hit.start >= heading_end and not (
            hit.rule == "year" and before.endswith("bis ")
        ):
            y, m, d = norm.anchor
            ctx.ref = [y, m, d]
        if not dry:
            out.append(TimeExpr(hit.start, hit.end, ctx.text[hit.start : hit.end], norm.value,
                                norm.granularity, norm.type, norm.reason))  # type: ignore[arg-type]
    return declined
