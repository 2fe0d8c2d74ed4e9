"""Blocks (non-empty lines) of a raw text and how to tell repeated ones apart."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+")
MIN_REPEAT_CHARS = 20  # shorter lines ("Anzeige", "Foto: dpa") are left to other rules
MAX_EDIT_CHARS = 3000  # longer blocks are compared by shingles only


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
    # cheap gate before the quadratic edit similarity: a near-verbatim copy shares many
    # word 4-grams (hostile input with long, similar-looking lines would otherwise cost
    # minutes per article)
    if _jaccard(_shingles(a), _shingles(b)) < 0.3:
        return False
    if max(len(a), len(b)) > MAX_EDIT_CHARS:
        return _jaccard(_shingles(a), _shingles(b)) >= 0.8
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and (matcher.ratio() >= threshold)
    )


@functools.lru_cache(maxsize=4096)
def _shingles(text: str, n: int = 4) -> frozenset[str]:
    words = text.split()
    if len(words) < n:
        return frozenset((" ".join(words),))
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))
