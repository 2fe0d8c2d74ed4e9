"""Quantities with what they count: "30 Länder", "mehr als 1.000 Soldaten", "$2 billion"."""

from __future__ import annotations

import re

from lagebild.claims.time.lexicon import NUMBER_WORDS, UNITS
from lagebild.records import Quantity

_QUALIFIERS = {
    "mehr als": "more_than", "über": "more_than", "more than": "more_than", "over": "more_than",
    "weniger als": "less_than", "unter": "less_than", "less than": "less_than",
    "fewer than": "less_than", "rund": "about", "etwa": "about", "ungefähr": "about",
    "circa": "about", "ca.": "about", "knapp": "about", "fast": "about", "nahezu": "about",
    "about": "about", "around": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "bis zu": "up_to", "up to": "up_to",
    "mindestens": "at_least", "at least": "at_least",
}  # fmt: skip
_SCALES = {"tausend": 1e3, "thousand": 1e3, "mio.": 1e6, "millionen": 1e6, "million": 1e6,
           "millions": 1e6, "mrd.": 1e9, "milliarden": 1e9, "milliarde": 1e9, "billion": 1e9,
           "billions": 1e9}  # fmt: skip
_CURRENCY = {"euro": "EUR", "€": "EUR", "dollar": "USD", "us-dollar": "USD", "$": "USD",
             "dollars": "USD", "pfund": "GBP", "pounds": "GBP", "£": "GBP", "rubel": "RUB",
             "roubles": "RUB", "rubles": "RUB"}  # fmt: skip
_WORDS = {k: v for k, v in NUMBER_WORDS.items() if v > 1 and k not in ("a", "an")}
_NUM = r"\d{1,3}(?:[.,\s]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|" + "|".join(sorted(_WORDS, key=len,
                                                                            reverse=True))
_QUAL = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_SCALE = "|".join(re.escape(s) for s in _SCALES)
_PATTERN = re.compile(
    rf"(?<![\w.,])(?:(?P<q>{_QUAL})\s+)?"
    rf"(?P<cur>[$€£]\s?)?(?P<n>{_NUM})(?![\w.]\w)\s*(?P<scale>{_SCALE})?"
    rf"\s*(?P<unit>Euro|€|US-Dollar|Dollar|dollars|Pfund|pounds|Rubel|roubles|rubles)?\s*"
    rf"(?P<counts>(?-i:(?:[a-zäöü]+e[nrms]?\s+)?[A-ZÄÖÜ][\w-]*|[a-z][\w-]*))?",
    re.IGNORECASE,
)
_NOT_COUNTED = set(UNITS) | {"prozent", "percent", "uhr", "jahre", "jahren", "januar", "februar",
                             "märz", "april", "mai", "juni", "juli", "august", "september",
                             "oktober", "november", "dezember", "v", "und", "and", "bis", "to",
                             "or", "oder"}  # fmt: skip


def _value(text: str) -> float | None:
    t = text.strip().lower()
    if t in _WORDS:
        return float(_WORDS[t])
    if re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?", t):  # German 1.000 / 1.000,5
        return float(t.replace(".", "").replace(" ", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):  # English 1,000
        return float(t.replace(",", ""))
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Counted quantities in ``text``: (start, end, Quantity). Years, dates and time spans
    are left to the time normaliser."""
    out = []
    for m in _PATTERN.finditer(text):
        value = _value(m["n"])
        if value is None:
            continue
        counts = (m["counts"] or "").strip()
        if counts.lower() in ("in", "of", "for", "to", "at", "on", "from", "with"):
            counts = ""
        last = counts.split()[-1].lower() if counts else ""
        if last in _NOT_COUNTED or (not m["unit"] and not m["cur"] and not counts):
            continue
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", m["n"]) and not m["q"]:
            continue  # a year
        if m["n"].endswith(".") or text[m.end("n") : m.end("n") + 1] == ".":
            continue  # "21." is a day of the month
        if m["scale"]:
            value *= _SCALES[m["scale"].lower()]
        unit = m["unit"] or (m["cur"] or "").strip()
        currency = _CURRENCY.get(unit.lower()) if unit else None
        if currency and counts and not counts[0].isupper():
            counts = ""
        qualifier = _QUALIFIERS.get(m["q"].lower()) if m["q"] else None
        end = m.end("counts") if counts else max(m.end(g) for g in ("n", "scale", "unit") if m[g])
        start = m.start()
        out.append((start, end, Quantity(text[start:end].strip(), value, currency,
                                         counts or None, qualifier)))
    return out
