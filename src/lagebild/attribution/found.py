"""The record the rules produce (:class:`Found`) and the sentence span they walk over."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Token = Any
Doc = Any


@dataclass
class Found:
    form: str
    content: list[tuple[int, int]]  # character spans
    cue: tuple[int, int] | None = None  # character span
    speaker: tuple[int, int] | None = None  # character span of the mention in the frame
    sources: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    sent: int = 0
    rule: str = ""
    mention: tuple[int, int] | None = None  # the source phrase as annotated, if not speaker

    @property
    def start(self) -> int:
        return self.content[0][0]


@dataclass
class Sent:
    start: int  # token indices
    end: int
    index: int


