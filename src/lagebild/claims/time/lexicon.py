"""Words of time in German and English: months, weekdays, seasons, number words, units."""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        ("januar", "jänner", "jan", "january"),
        ("februar", "feber", "feb", "february"),
        ("märz", "mär", "mrz", "march", "mar"),
        ("april", "apr"),
        ("mai", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("oktober", "okt", "october", "oct"),
        ("november", "nov"),
        ("dezember", "dez", "december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _num

# full names only (abbreviations need a trailing dot to count as a month)
MONTH_FULL = sorted((n for n in MONTHS if len(n) > 4 or n in ("mai", "may", "juni", "juli",
                                                               "june", "july", "märz")),
                    key=len, reverse=True)
MONTH_ABBR = sorted((n for n in MONTHS if n not in MONTH_FULL), key=len, reverse=True)

WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI",
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "hundert": 100, "beide": 2, "beiden": 2,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100,
}  # fmt: skip

# vague quantities: "wenige Tage" → PXD
VAGUE_WORDS = (
    "wenige", "wenigen", "weniger", "einige", "einigen", "mehrere", "mehreren", "viele",
    "vielen", "etliche", "etlichen", "few", "several", "some", "many",
)  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
    "siebziger": 7, "achtziger": 8, "neunziger": 9,
}  # fmt: skip

# unit word (stem) → (TIMEX unit letter, is time-of-day unit)
UNITS: dict[str, tuple[str, bool]] = {
    "tag": ("D", False), "tage": ("D", False), "tagen": ("D", False), "tages": ("D", False),
    "woche": ("W", False), "wochen": ("W", False),
    "monat": ("M", False), "monate": ("M", False), "monaten": ("M", False),
    "monats": ("M", False),
    "jahr": ("Y", False), "jahre": ("Y", False), "jahren": ("Y", False), "jahres": ("Y", False),
    "jahrzehnt": ("DE", False), "jahrzehnte": ("DE", False), "jahrzehnten": ("DE", False),
    "stunde": ("H", True), "stunden": ("H", True), "minute": ("M", True),
    "minuten": ("M", True),
    "day": ("D", False), "days": ("D", False), "week": ("W", False), "weeks": ("W", False),
    "month": ("M", False), "months": ("M", False), "year": ("Y", False),
    "years": ("Y", False), "decade": ("DE", False), "decades": ("DE", False),
    "hour": ("H", True), "hours": ("H", True), "minutes": ("M", True),
}  # fmt: skip

# parts of the day (TIMEX2 suffixes)
DAY_PARTS: dict[str, str] = {
    "morgen": "MO", "morgens": "MO", "morgenstunden": "MO", "vormittag": "MO",
    "mittag": "MI", "nachmittag": "AF", "abend": "EV", "abends": "EV", "nacht": "NI",
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "MI",
}  # fmt: skip

PAST_WORDS = ("vergangene", "vergangenen", "vergangenes", "vergangener", "letzte", "letzten",
              "letztes", "letzter", "vorige", "vorigen", "voriges", "vorheriges", "last",
              "past", "previous")
NEXT_WORDS = ("nächste", "nächsten", "nächstes", "nächster", "kommende", "kommenden",
              "kommendes", "kommender", "folgende", "folgenden", "next", "coming")
THIS_WORDS = ("diese", "diesen", "dieses", "dieser", "diesem", "selben", "gleichen",
              "laufenden", "laufende", "this",
              "current")


def number(word: str) -> int | None:
    """A number written in digits or as a word ("zwei", "two"), else None."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)
