"""Errors with short codes. Each subclass also inherits the matching builtin.

A bad article never aborts a batch: the pipeline turns these into :class:`Failure`
records (id, stage, reason, code); the CLI prints one line per failure and a summary.
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base of every error lagebild raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(LagebildError, ValueError):
    """An input cannot be read as an article (binary, empty, malformed)."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class MalformedInputError(InputError):
    """A container (WARC, feed, JSONL line, gzip) is truncated or invalid."""

    code = "E104"


class InputNotFoundError(LagebildError, FileNotFoundError):
    code = "E105"


class LimitExceededError(InputError):
    """A safety limit (nesting depth, decompressed size, entities per article) was hit."""

    code = "E106"


class ModelNotFoundError(LagebildError, OSError):
    """A spaCy pipeline named with --model is not installed."""

    code = "E200"


class StageError(LagebildError, RuntimeError):
    """A pipeline stage failed on one article; ``stage`` names it, ``code`` keeps the cause's."""

    code = "E300"

    def __init__(self, message: str, *, stage: str, code: str | None = None) -> None:
        super().__init__(message)
        self.stage = stage
        if code:
            self.code = code


class StoreError(LagebildError, RuntimeError):
    """The store cannot be opened, migrated or written."""

    code = "E400"


class ConfigError(LagebildError, ValueError):
    code = "E500"


class EvalError(LagebildError, ValueError):
    """A gold file cannot be read for evaluation."""

    code = "E600"
