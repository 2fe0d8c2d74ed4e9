"""Blocks (non-empty lines) of a raw text and how to tell repeated ones apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+")
MIN_REPEAT_CHARS = 20  # shorter lines ("Anzeige", "Foto: dpa") are left to other rules


@dataclass(frozen=True, slots=True)
class Block:
    start: int  # raw offsets of the stripped line
    end: int
    text: str


def find_blocks(raw: str) -> list[Block]:
    blocks = []
    for m in re.finditer(r"[^\n\r]+", raw):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        blocks.append(Block(start, start + len(stripped), stripped))
    return blocks


def normalised(text: str | None) -> str:
    """Lower-case words only: what two copies of a block share despite punctuation."""
    return " ".join(_WORD.findall((text or "").lower()))


def near_duplicate(a: str, b: str, threshold: float = 0.9) -> bool:
    """Verbatim or near-verbatim (edit-similarity ≥ threshold) repeat of a block."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_REPEAT_CHARS:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 * MIN_REPEAT_CHARS and len(short) >= 0.6 * len(long_) and short in long_:
        return True  # a cut-down copy of the same block
    if min(len(a), len(b)) / max(len(a), len(b)) < threshold:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and (matcher.ratio() >= threshold)
    )
