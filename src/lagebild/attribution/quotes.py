"""Quotation marks: find the quoted stretches of a text, in every style, nested.

German „…“ „…” »…« «…» ‚…‘ ›…‹, English “…” ‘…’, typewriter "…" and '…'. Straight
and single quotes that are apostrophes ("don't", "Rubio's", "geht's") are left alone. A
quote still open at a blank line (paragraph end) is dropped, so one stray mark does not
swallow the rest of an article.
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> the marks that may close it
_CLOSERS: dict[str, str] = {
    "„": "“”\"",
    "»": "«",
    "«": "»",
    "“": "”\"",
    '"': '"“”',
    "‚": "‘’'",
    "‘": "’'",
    "'": "'’",
    "›": "‹",
    "‹": "›",
}
_SINGLE = "‚‘'’›‹"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    depth: int  # 0 = outermost

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before in "sSzx" and after in " ,.;")


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-/:„»«\"“‚‘'") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """All properly closed quotations, sorted by start; ``depth`` counts nesting."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and i + 1 < n and text[i + 1] == "\n":
            stack.clear()
        elif ch in _CLOSERS or ch in "”’":
            if ch in _SINGLE and _is_apostrophe(text, i):
                i += 1
                continue
            closes = stack and ch in _CLOSERS[stack[-1][0]]
            if closes and (ch not in "\"'" or _can_close(text, i)):
                _, start = stack.pop()
                found.append(Quote(start, i + 1, len(stack)))
            elif ch in _CLOSERS and _can_open(text, i):
                # a closer of an outer quote ends it, even if inner ones are open
                outer = [k for k, (m, _) in enumerate(stack) if ch in _CLOSERS[m]]
                if outer and ch not in "\"'" and ch in "“”":
                    del stack[outer[-1] + 1 :]
                    _, start = stack.pop()
                    found.append(Quote(start, i + 1, len(stack)))
                else:
                    stack.append((ch, i))
            elif stack:
                outer = [k for k, (m, _) in enumerate(stack) if ch in _CLOSERS[m]]
                if outer:
                    del stack[outer[-1] + 1 :]
                    _, start = stack.pop()
                    found.append(Quote(start, i + 1, len(stack)))
        i += 1
    return sorted(found, key=lambda q: (q.start, -q.end))
