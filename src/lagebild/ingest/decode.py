"""Bytes to text: size and binary checks, UTF-8 first, detected encodings otherwise."""

from __future__ import annotations

import logging

from lagebild.errors import BinaryInputError, EmptyInputError, MalformedInputError

log = logging.getLogger(__name__)

_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean binary."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > 0.05


def _letter_ratio(text: str) -> float:
    """Share of letters and digits among visible characters: low for decoded garbage."""
    visible = [ch for ch in text[:20000] if not ch.isspace()]
    return sum(ch.isalnum() for ch in visible) / max(1, len(visible))


def decode(data: bytes, *, what: str = "input") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    UTF-8 (with or without BOM) is taken as is. Other bytes go to charset-normalizer; a
    guess that still leaves replacement characters or much chaos is refused rather than
    turned into mojibake.
    """
    if not data.strip():
        raise EmptyInputError(f"{what} is empty")
    if looks_binary(data):
        raise BinaryInputError(f"{what} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.25 or _letter_ratio(str(best)) < 0.75:
        raise MalformedInputError(
            f"{what} is not valid UTF-8 (byte {utf8_error.start}) and no encoding could be "
            "detected with confidence"
        ) from utf8_error
    text = str(best)
    log.info("%s decoded as %s", what, best.encoding)
    return text, best.encoding
