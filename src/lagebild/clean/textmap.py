"""Build a cleaned text while keeping the raw position of every character."""

from __future__ import annotations

# Odd quote glyphs mapped to the usual ones; one character for one, so positions hold.
_QUOTES = str.maketrans({
    "\u201f": "\u201c", "\u301d": "\u201c", "\u301e": "\u201d", "\uff02": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
})  # fmt: skip
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}  # zero-width, soft hyphen


class TextBuilder:
    """Append slices of ``raw``; whitespace runs collapse to one space, blocks are trimmed."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars: list[str] = []
        self.pos: list[int] = []
        self._pending: int | None = None  # raw position of a space to emit lazily

    @property
    def length(self) -> int:
        return len(self.chars)

    def separator(self, raw_pos: int, sep: str) -> None:
        """Start a new block: drop a pending space, emit ``sep`` mapped to ``raw_pos``."""
        self._pending = None
        for ch in sep:
            self.chars.append(ch)
            self.pos.append(max(0, raw_pos - 1))

    def copy(self, start: int, end: int) -> None:
        at_block_start = not self.chars or self.chars[-1] == "\n"
        for i in range(start, end):
            ch = self.raw[i].translate(_QUOTES)
            if ch in _DROP:
                continue
            if ch.isspace():
                if not at_block_start and self._pending is None:
                    self._pending = i
                continue
            if self._pending is not None:
                self.chars.append(" ")
                self.pos.append(self._pending)
                self._pending = None
            self.chars.append(ch)
            self.pos.append(i)
            at_block_start = False

    def result(self) -> tuple[str, tuple[tuple[int, int, int], ...]]:
        """The text and its map: ``(clean_start, raw_start, length)`` runs."""
        runs: list[tuple[int, int, int]] = []
        start = 0
        for i in range(1, len(self.pos) + 1):
            if i == len(self.pos) or self.pos[i] != self.pos[i - 1] + 1:
                runs.append((start, self.pos[start], i - start))
                start = i
        return "".join(self.chars), tuple(runs)
