"""Publication dates: normalise given values, or find one in a URL or a dateline.

A date is returned as ISO ``YYYY-MM-DD`` or ``None``; nothing is ever invented.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime

MONTHS = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_URL_COMPACT = re.compile(r"/(20\d\d)(\d\d)(\d\d)(?:/|-|_|$)")
# "BERLIN, 22. August 2025 –" / "Washington (dpa), 22.08.2025." / "WASHINGTON, Aug. 22, 2025 —"
_DATELINE_DE = re.compile(
    rf"^\W*[\w .()/-]{{0,60}}?\b(\d{{1,2}})\.\s*({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE
)
_DATELINE_NUM = re.compile(r"^\W*[\w .()/-]{0,60}?\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_DATELINE_EN = re.compile(
    rf"^\W*[\w .()/-]{{0,60}}?\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE
)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """ISO date from a string (ISO, RFC 822, German numeric), a struct_time or a datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", text)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    for pattern in (_URL_DATE, _URL_COMPACT):
        m = pattern.search(url)
        if m:
            found = _valid(int(m[1]), int(m[2]), int(m[3]))
            if found:
                return found
    return None


def date_from_dateline(text: str) -> str | None:
    """A date in the dateline (the first 120 characters of the body)."""
    head = text.lstrip()[:120]
    m = _DATELINE_DE.match(head)
    if m:
        return _valid(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    m = _DATELINE_NUM.match(head)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    m = _DATELINE_EN.match(head)
    if m:
        return _valid(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    return None
