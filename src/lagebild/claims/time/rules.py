"""Patterns for temporal expressions (German and English) and how each is normalised.

Every rule is a compiled regex and a handler ``(match, ctx) -> Norm | None``. Values follow
TIMEX conventions: ``2025-08-21``, ``2025-W33``, ``2025-08``, ``2025``, ``2025-SU``,
``P3M`` (a duration), ``PRESENT_REF``, ``BC0499``, ``19`` (the 20th century); ranges are ISO
intervals ``2025-08-22/2025-09-05``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from lagebild.claims.time import calendar as cal
from lagebild.claims.time.lexicon import (
    DAY_PARTS,
    DECADE_WORDS,
    MONTH_ABBR,
    MONTH_FULL,
    MONTHS,
    NEXT_WORDS,
    NUMBER_WORDS,
    PAST_WORDS,
    SEASONS,
    THIS_WORDS,
    UNITS,
    VAGUE_WORDS,
    WEEKDAYS,
)


@dataclass(frozen=True, slots=True)
class Norm:
    value: str | None
    granularity: str
    type: str  # exact | approximate | range | unresolved
    reason: str
    anchor: tuple[int, int | None, int | None] | None = None  # (year, month, day) mentioned


@dataclass
class Ctx:
    """What a handler may consult: the anchor date and the dates mentioned so far."""

    text: str
    dct: dt.date | None
    narrative: bool
    ref: list[int | None]  # [year, month, day] of the last date mentioned
    next_year: int | None = None  # year of a directly following date ("Mai/Juni 1940")
    section: int | None = None  # year named by the current section heading (narratives)

    def clause(self, start: int, end: int) -> str:
        """The clause around a span: cut at sentence ends, commas and dashes."""
        left = max(self.text.rfind(c, 0, start) for c in ".;:!?,–\n") + 1
        rights = [i for i in (self.text.find(c, end) for c in ".;:!?,–\n") if i >= 0]
        return self.text[left : min(rights) if rights else len(self.text)]


_FUTURE = re.compile(
    r"\b(wird|werden|wirst|werde|soll|sollen|plant|planen|geplant|beabsichtigt|voraussichtlich"
    r"|will|'ll|shall|would|going to|plans? to|planned|planning to|scheduled|expected"
    r"|set to|upcoming|as soon as|as early as)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(hat|hatte|hatten|haben|war|waren|wurde|wurden|sagte|erklärte|had|was|were|did|said)\b",
    re.IGNORECASE,
)


_PAST_EN = re.compile(r"\b(?:was|were|had|did|\w{3,}ed)\b", re.IGNORECASE)


def future_tense(ctx: Ctx, m: re.Match[str]) -> bool:
    clause = ctx.clause(m.start(), m.end())
    return bool(_FUTURE.search(clause)) and not _PAST.search(clause)


def past_tense(ctx: Ctx, m: re.Match[str]) -> bool:
    clause = ctx.clause(m.start(), m.end())
    return not _FUTURE.search(clause) and bool(_PAST.search(clause) or _PAST_EN.search(clause))


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MON = rf"(?:(?:{_alt(MONTH_FULL)})s?|(?:{_alt(MONTH_ABBR)})\.)"
WD = _alt(list(WEEKDAYS))
NUM = rf"(?:\d+|{_alt(list(NUMBER_WORDS))})"
VAGUE = _alt(VAGUE_WORDS)
UNIT = _alt(list(UNITS))
PASTW, NEXTW, THISW = _alt(PAST_WORDS), _alt(NEXT_WORDS), _alt(THIS_WORDS)
MOD = (r"(?:(?:gegen\s+|bis\s+|seit\s+|ab\s+)?(?:anfang|mitte|ende|beginn|early|mid-?|late"
       r"|the\s+end\s+of|the\s+beginning\s+of|end\s+of|beginning\s+of)\s+)")
PART = r"(?:morgen|morgenstunden|vormittag|mittag|nachmittag|abend|nacht|morning|afternoon|evening|night)"  # noqa: E501
PART_PRE = (rf"(?:(?:am\s+|in\s+der\s+|gegen\s+|im\s+laufe\s+)?(?:frühen\s+|späten\s+)?"
            rf"(?P<part>{PART})\s+(?:des|vom|of)\s+)")
YEAR_SUFFIX = r"(?:\s+(?P<bc>v\.\s*Chr\.?))?"
COUNTED = (r"soldaten|menschen|personen|mann|tote|toten|opfer|einwohner|euro|dollar|kilometer"
           r"|meter|panzer|flugzeuge|schiffe|gefangene|people|soldiers|troops|dollars|euros"
           r"|men|km|miles|einheiten|kämpfer|fighters|dead|killed")


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS[word] if word in MONTHS else MONTHS[word[:-1]]


def _year(text: str | None, ctx: Ctx) -> int | None:
    if text is None:
        return None
    y = int(text)
    if len(text) == 2:  # "1.9.39"
        now = (ctx.dct.year if ctx.dct else dt.date.today().year) % 100
        y += 2000 if y <= now + 1 else 1900
    return y


def year_for(ctx: Ctx, m: re.Match[str], month: int | None) -> tuple[int | None, str, str]:
    """The year of a date that does not say it: (year, reason, type)."""
    if ctx.next_year is not None:
        return ctx.next_year, "year from the following date", "exact"
    if ctx.narrative and ctx.ref[0] is not None:
        if ctx.section is not None and ctx.ref[0] < ctx.section:
            return ctx.section, "year of the section heading", "exact"
        return ctx.ref[0], "year from the last date mentioned", "exact"
    if ctx.dct is not None:
        year = ctx.dct.year
        if month is not None and month < ctx.dct.month and future_tense(ctx, m):
            return year + 1, "year after the publication date (future tense)", "exact"
        if month is not None and month > ctx.dct.month and past_tense(ctx, m):
            return year - 1, "year before the publication date (past tense)", "exact"
        return year, "year of the publication date", "exact"
    if ctx.ref[0] is not None:
        return ctx.ref[0], "year from the last date mentioned", "approximate"
    return None, "no publication date and no year in context", "unresolved"


def unresolved(reason: str = "no publication date to resolve against") -> Norm:
    return Norm(None, "unknown", "unresolved", reason)


# --------------------------------------------------------------------------- dates


def h_date(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """Day + month (+ year): "am 21. August 2025", "Aug. 21", "21 August"."""
    day, month = int(m["d"]), _month(m["mon"])
    year = _year(m["y"], ctx)
    reason, kind = "explicit date", "exact"
    if year is None:
        year, reason, kind = year_for(ctx, m, month)
        if year is None:
            return unresolved(reason)
    if m["bc"]:
        return Norm(f"BC{year:04d}-{month:02d}-{day:02d}", "day", "exact", "explicit date BC")
    if cal.valid_date(year, month, day) is None:
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    part = m.groupdict().get("part")
    if part:
        value += "T" + DAY_PARTS.get(part.lower(), "MO")
    return Norm(value, "day", kind, reason, (year, month, day))


def h_bare_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "vom 8. bis 10. Mai": the 8 takes month and year from the date that follows."""
    month = _month(m["mon"])
    year = _year(m["y"], ctx) if m["y"] else year_for(ctx, m, month)[0]
    if year is None or cal.valid_date(year, month, int(m["d"])) is None:
        return None
    value = f"{year:04d}-{month:02d}-{int(m['d']):02d}"
    if m["part"]:
        value += "T" + DAY_PARTS.get(m["part"].lower(), "MO")
    return Norm(value, "day", "exact", "month from the following date", (year, month, None))


def h_numeric(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "21.08.2025", "1.9.39", "2025-08-21", "8/21/2025"."""
    g = m.groupdict()
    if g.get("iy"):
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g.get("uy"):
        year, month, day = int(g["uy"]), int(g["um"]), int(g["ud"])
    else:
        year, month, day = _year(g["y"], ctx) or 0, int(g["m"]), int(g["d"])
    if cal.valid_date(year, month, day) is None:
        return None
    return Norm(f"{year:04d}-{month:02d}-{day:02d}", "day", "exact", "numeric date",
                (year, month, day))


def h_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "Anfang Dezember", "Juni 1940", "im Mai letzten Jahres", "in May"."""
    word = m["mon"].lower()
    pre = ctx.text[max(0, m.start("mon") - 12) : m.start("mon")].lower()
    if word == "may" and not m["y"] and not m["mod"] and not re.search(
        r"\b(in|since|until|by|of|last|next|this|early|late|mid)\s*$", pre
    ):
        return None  # the modal verb
    month = _month(word)
    approx = "approximate" if m["mod"] else "exact"
    if m["y"]:
        year: int | None = _year(m["y"], ctx)
        reason = "explicit month"
    elif m["rel"]:
        base = ctx.dct.year if (ctx.dct and not ctx.narrative) else ctx.ref[0]
        if base is None:
            return unresolved()
        rel = m["rel"].lower()
        year = base - 1 if re.search(PASTW, rel) else base + 1 if re.search(NEXTW, rel) else base
        reason = "month of a year relative to the publication date"
    else:
        year, reason, kind = year_for(ctx, m, month)
        if year is None:
            return unresolved(reason)
        approx = "approximate" if (m["mod"] or kind != "exact") else "exact"
    if m["bc"]:
        return Norm(f"BC{year:04d}-{month:02d}", "month", approx, reason)
    if m["mod"]:
        reason += f"; {m['mod'].strip().lower()} of the month"
    if year is None:
        return unresolved()
    return Norm(f"{year:04d}-{month:02d}", "month", approx, reason, (year, month, None))


def h_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    after = ctx.text[m.end() : m.end() + 20].lower()
    before = ctx.text[max(0, m.start() - 15) : m.start()].lower()
    if re.match(rf"\s*({COUNTED}|\w+(boote|schiffe|soldaten))\b", after) or re.search(
        r"(über|mehr als|rund|insgesamt|knapp|circa|ca\.|more than|over|about|some|nr\.|no\.)\s*$",
        before,
    ):
        return None
    if re.match(r"[.,]\d", after) or re.search(r"\d[.,]$", before):
        return None
    year = int(m["y"])
    if m["bc"]:
        return Norm(f"BC{year:04d}", "year", "exact", "explicit year BC")
    kind = "approximate" if m["mod"] else "exact"
    return Norm(f"{year:04d}", "year", kind, "explicit year", (year, None, None))


def h_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = m["s"].lower()
    if word == "fall" and not m["pre"] and not re.search(
        r"\b(in the|last|this|next|early|late)\s*$", ctx.text[max(0, m.start() - 10) : m.start()]
    ):
        return None
    season = SEASONS[word]
    pre = (m["pre"] or "").lower()
    if pre and not m["y"] and ctx.dct is not None and not ctx.narrative:
        step = -1 if re.search(PASTW, pre) else 1 if re.search(NEXTW, pre) else 0
        year0 = ctx.dct.year + step
        return Norm(f"{year0:04d}-{season}", "quarter", "approximate",
                    f"season {step:+d} year(s) from the publication date", (year0, None, None))
    if m["y"]:
        year: int | None = int(m["y"])
        reason = "explicit season"
    elif m["rel"]:
        base = ctx.dct.year if ctx.dct and not ctx.narrative else ctx.ref[0]
        if base is None:
            return unresolved()
        rel = m["rel"].lower()
        year = base - 1 if re.search(PASTW, rel) else base + 1 if re.search(NEXTW, rel) else base
        reason = "season of a year relative to the anchor"
    else:
        year, reason, _ = year_for(ctx, m, None)
        if year is None:
            return unresolved(reason)
    if year is None:
        return unresolved()
    if m["bc"]:
        return Norm(f"BC{year:04d}-{season}", "quarter", "approximate", reason)
    return Norm(f"{year:04d}-{season}", "quarter", "approximate", reason, (year, None, None))


def h_half(m: re.Match[str], ctx: Ctx) -> Norm | None:
    n = {"ersten": 1, "1.": 1, "first": 1, "zweiten": 2, "2.": 2, "second": 2, "dritten": 3,
         "3.": 3, "third": 3, "vierten": 4, "4.": 4, "fourth": 4}[m["n"].lower()]
    year = int(m["y"]) if m["y"] else year_for(ctx, m, None)[0]
    if year is None:
        return unresolved()
    kind = "Q" if m["u"].lower() in ("quartal", "quarter") else "H"
    return Norm(f"{year:04d}-{kind}{n}", "quarter", "exact", f"{m['u'].lower()} of a year")


def h_decade(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if m["dd"]:
        return Norm(m["dd"][:3], "year", "approximate", "decade")
    century = (ctx.ref[0] or (ctx.dct.year if ctx.dct else 1900)) // 100
    return Norm(f"{century}{DECADE_WORDS[m['dw'].lower()]}", "year", "approximate", "decade")


def h_century(m: re.Match[str], ctx: Ctx) -> Norm | None:
    n = int(m["n"]) - 1
    if m["bc"]:
        return Norm(f"BC{n:02d}", "year", "approximate", "century BC")
    return Norm(f"{n:02d}", "year", "approximate", "century")


def h_year_pair(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """The "12" of "1911/12", "1926–28": a second year that shares the century."""
    first = re.search(r"(\d{4})[/–-]$", ctx.text[max(0, m.start() - 5) : m.start()])
    if not first:
        return None
    year = int(first.group(1)) // 100 * 100 + int(m["yy"])
    return Norm(f"{year:04d}", "year", "exact", "second year of a pair", (year, None, None))


_HOLIDAYS = {"weihnachten": (12, 25), "christmas": (12, 25), "heiligabend": (12, 24),
             "silvester": (12, 31), "neujahr": (1, 1), "neujahrstag": (1, 1),
             "new year's day": (1, 1)}


def h_holiday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", m["h"].lower())]
    year = int(m["y"]) if m["y"] else year_for(ctx, m, month)[0]
    if year is None:
        return unresolved()
    return Norm(f"{year:04d}-{month:02d}-{day:02d}", "day", "exact", "holiday",
                (year, month, day))


RuleFn = Callable[[re.Match[str], Ctx], Norm | None]
I = re.IGNORECASE  # noqa: E741

DATE_RULES: list[tuple[str, re.Pattern[str], RuleFn]] = [
    ("date_de", re.compile(
        rf"\b(?:{PART_PRE}|{MOD}|(?:am|vom|zum|dem|den|bis\s+zum|seit\s+dem|ab\s+dem)\s+)?"
        rf"(?P<d>[0-3]?\d)\.\s*(?P<mon>{MON})(?:\s+(?P<y>\d{{3,4}}))?{YEAR_SUFFIX}(?!\w)", I),
     h_date),
    ("date_en", re.compile(
        rf"\b(?:{PART_PRE}|(?:on|by|until|since|before|after)\s+)?(?P<mon>{MON})\s+"
        rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(?P<y>\d{{4}}))?(?P<bc>(?!))?", I), h_date),
    ("date_en2", re.compile(
        rf"\b(?:{PART_PRE}|on\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mon>{MON})(?:,?\s+(?P<y>\d{{4}}))?(?P<bc>(?!))?(?!\w)", I), h_date),
    ("bare_day", re.compile(
        rf"\b{PART_PRE}?(?:vom\s+|am\s+)?(?P<d>[0-3]?\d)\.(?=\s*(?:bis(?:\s+zum)?|und|auf\s+den"
        rf"|–|-|/)\s*(?:dem\s+|zum\s+|den\s+)?[0-3]?\d\.\s*(?P<mon>{MON})"
        rf"(?:\s+(?P<y>\d{{4}}))?)", I), h_bare_day),
    ("numeric", re.compile(
        r"\b(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
        r"|(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{4}|\d{2})(?!\d)"
        r"|(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>\d{4}))\b"), h_numeric),
    ("month", re.compile(
        rf"\b(?:(?:im|in|since|seit|bis|until|by)\s+)?(?P<mod>{MOD})?(?:des\s+|of\s+)?"
        rf"(?P<mon>{MON})(?:\s+(?:des\s+jahres\s+)?(?P<y>\d{{3,4}})(?!\d)|\s+(?P<rel>(?:des\s+)?(?:{PASTW}|{NEXTW}"
        rf"|{THISW})\s+jahres))?{YEAR_SUFFIX}(?!\w)", I), h_month),
    ("year", re.compile(
        rf"\b(?:(?:im\s+jahre?|jahre?|in\s+the\s+year)\s+)?(?P<mod>{MOD})?(?:des\s+jahres\s+)?"
        rf"(?P<y>(?:1[0-9]{{3}}|20[0-9]{{2}})|\d{{1,4}}(?=\s+v\.\s*Chr))(?!\d|er\b|er-|s\b)"
        rf"{YEAR_SUFFIX}", I), h_year),
    ("year_pair", re.compile(r"(?<=\d{2}[/–-])(?P<yy>\d{2})\b(?!\.)"), h_year_pair),
    ("holiday", re.compile(
        r"\b(?:an\s+|zu\s+)?(?P<h>weihnachten|heiligabend|silvester|neujahr(?:stag)?|christmas"
        r"|new\s+year's\s+day)(?:\s+(?P<y>\d{4}))?\b", I), h_holiday),
    ("season", re.compile(
        rf"\b(?:(?P<pre>{PASTW}|{NEXTW}|{THISW})\s+|(?:im|in|the|des|seit|bis)\s+)?"
        r"(?:(?:früh|spät|frühen|späten|early|late|mid)-?\s*)?"
        r"(?P<s>frühjahr|frühling|sommer|herbst|winter|spring|summer|autumn|fall)(?:s)?"
        rf"(?:\s+(?:des\s+jahres\s+|of\s+)?(?P<y>\d{{1,4}})(?!\d)(?P<bc>\s+v\.\s*Chr\.?)?"
        rf"|\s+(?P<rel>(?:des\s+)?(?:{PASTW}|{NEXTW}|{THISW})\s+(?:jahres|year)))?\b", I),
     h_season),
    ("half", re.compile(
        r"\b(?:(?:im|in\s+the|in\s+der)\s+)?(?P<n>ersten|zweiten|dritten|vierten|[1-4]\.|first"
        r"|second|third|fourth)[\s-]+(?P<u>halbjahr|jahreshälfte|quartal|half|quarter)"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b", I), h_half),
    ("decade", re.compile(
        r"\b(?:(?:den|die|the|in\s+den)\s+)?(?:(?P<dd>\d{3}0)(?:er(?:[- ]?jahren?)?|s\b|'s)"
        rf"|(?P<dw>{_alt(list(DECADE_WORDS))})(?:[- ]?jahren?))", I), h_decade),
    ("century", re.compile(
        r"\b(?:(?:im|des|the)\s+)?(?P<n>\d{1,2})(?:\.|st|nd|rd|th)\s*(?:jahrhunderts?|jh\.|century)"
        r"(?P<bc>\s+v\.\s*Chr\.?)?", I), h_century),
]
