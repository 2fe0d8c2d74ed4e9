"""Language-light text helpers for stories: sentences, numbers, names, dates.

These work on any cleaned text, with or without the records of the earlier stages, so
grouping and drift can use them when an article carries no entities or claims yet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

_SENT_RE = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n+")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, a repeated one (scraped headline or teaser) kept once."""
    seen: set[str] = set()
    out = []
    for line in text.splitlines():
        key = " ".join(line.split()).lower()
        if key and key not in seen:
            seen.add(key)
            out.append(line.strip())
    return out


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence; a repeated line is returned only once."""
    out: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    pos = 0
    for piece in _SENT_RE.split(text):
        start = text.find(piece, pos) if piece else -1
        if start < 0:
            continue
        pos = start + len(piece)
        stripped = piece.strip()
        key = " ".join(stripped.split()).lower()
        if len(stripped) < 3 or key in seen:
            continue
        seen.add(key)
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + lead + len(stripped), stripped))
    return out


# --------------------------------------------------------------------------- numbers

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "dutzend": 12,
}  # fmt: skip
_DIGITS_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _words_re(found: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(found, key=len, reverse=True)) + r")\b", re.I)


_SCALE_RE = re.compile(r"\s*(million|millionen|mio\.?|billion|milliarden|mrd\.?)", re.I)


def numbers(text: str) -> list[tuple[float, str, int]]:
    """(value, text, offset) of each number: digits or a number word, "2 million" scaled."""
    out = []
    found = NUMBER_WORDS.keys() & set(_LETTERS_RE.findall(text.lower()))
    matches: list[tuple[re.Match[str], float | None]] = [
        (m, None) for m in _DIGITS_RE.finditer(text)
    ]
    if found:  # only then the (slow) search for the words themselves
        matches += [(m, float(NUMBER_WORDS[m.group(1).lower()]))
                    for m in _words_re(found).finditer(text)]
    matches.sort(key=lambda x: x[0].start())
    for m, word_value in matches:
        raw = m.group(0)
        if word_value is not None:
            value = word_value
        else:
            digits = m.group(1)
            if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", digits):
                value = float(re.sub(r"[.,\s]", "", digits))
            else:
                value = float(digits.replace(",", "."))
        scale = _SCALE_RE.match(text, m.end())
        if scale:
            word = scale.group(1).lower()
            value *= 1e9 if word.startswith(("milliard", "mrd", "billion")) else 1e6
        out.append((value, raw, m.start()))
    return out


# --------------------------------------------------------------------------- names

_STOP_CAPS = {
    "the", "a", "an", "in", "on", "at", "but", "and", "for", "this", "that", "it", "he", "she",
    "they", "we", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "im",
    "am", "er", "sie", "es", "wir", "nach", "mit", "auf", "bei", "von", "zu", "aus", "dass",
}  # fmt: skip
_WORD_RE = re.compile(r"[A-ZÄÖÜ][\w\-ÄÖÜäöüß]+")


def name_tokens(text: str, sents: list[str] | None = None) -> set[str]:
    """Capitalised words not at a sentence start: mostly names (and German nouns)."""
    out = set()
    for sent in sents if sents is not None else [s for _, _, s in sentences(text)]:
        for m in _WORD_RE.finditer(sent):
            if m.start() == 0:
                continue
            word = m.group(0).lower()
            if len(word) >= 4 and word not in _STOP_CAPS:
                out.add(word)
    return out


# --------------------------------------------------------------------------- dates

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "feb": 2, "february": 2, "februar": 2, "mar": 3,
    "march": 3, "märz": 3, "apr": 4, "april": 4, "may": 5, "mai": 5, "jun": 6, "june": 6,
    "juni": 6, "jul": 7, "july": 7, "juli": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "okt": 10, "oktober": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12, "dez": 12, "dezember": 12,
}  # fmt: skip
_WEEKDAY_STEMS = set(WEEKDAYS) | {w + "s" for w in WEEKDAYS}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
_DAY_MONTH_RE = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]{3,9})\b\.?")
_MONTH_DAY_RE = re.compile(r"\b([^\W\d_]{3,9})\.?\s+(\d{1,2})\b")


def parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def dates(text: str, published: str | None) -> Iterator[tuple[str, str, int]]:
    """(ISO day, text, offset) for weekdays and day-month dates resolved against ``published``.

    A weekday is the latest such day on or before the publication date (news report the
    past); without a publication date nothing is resolved.
    """
    pub = parse_day(published)
    if pub is None:
        return
    tokens = set(_LETTERS_RE.findall(text.lower()))
    for m in _WEEKDAY_RE.finditer(text) if tokens & _WEEKDAY_STEMS else ():
        back = (pub.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
        yield (pub - dt.timedelta(days=back)).isoformat(), m.group(0), m.start()
    if not tokens & MONTHS.keys():
        return
    for rx, day_group, month_group in ((_DAY_MONTH_RE, 1, 2), (_MONTH_DAY_RE, 2, 1)):
        for m in rx.finditer(text):
            month = MONTHS.get(m.group(month_group).lower())
            if month is None:
                continue
            try:
                day = dt.date(pub.year, month, int(m.group(day_group)))
            except ValueError:
                continue
            if day > pub + dt.timedelta(days=180):
                day = day.replace(year=pub.year - 1)
            yield day.isoformat(), m.group(0), m.start()
