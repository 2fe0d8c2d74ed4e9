"""Relative and deictic expressions: weekdays, gestern/heute/morgen, "vergangene Woche",
"innerhalb der kommenden zwei Wochen", "vor zwei Tagen", durations, clock times, REFs."""

from __future__ import annotations

import datetime as dt
import re

from lagebild.claims.time import calendar as cal
from lagebild.claims.time.lexicon import DAY_PARTS, UNITS, VAGUE_WORDS, WEEKDAYS, number
from lagebild.claims.time.rules import (
    NEXTW,
    NUM,
    PASTW,
    THISW,
    UNIT,
    VAGUE,
    WD,
    Ctx,
    Norm,
    RuleFn,
    future_tense,
    unresolved,
)

I = re.IGNORECASE  # noqa: E741


def _anchor(ctx: Ctx) -> dt.date | None:
    """The date relative expressions count from: the publication date (news) or the last
    date mentioned (narrative)."""
    if ctx.narrative or ctx.dct is None:
        y, m, d = ctx.ref
        if y is not None and y > 0:
            return dt.date(y, m or 1, d or 1)
    return ctx.dct


def _day(day: dt.date, reason: str, kind: str = "exact", suffix: str = "") -> Norm:
    return Norm(day.isoformat() + suffix, "day", kind, reason, (day.year, day.month, day.day))


def h_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    rest = (m["rest"] or "").lower()
    if rest == "s" and not m["pre"]:
        return None  # "mittwochs": every Wednesday
    if ctx.dct is None:
        return unresolved("weekday without a publication date")
    weekday = WEEKDAYS[m["wd"].lower()]
    pre = (m["pre"] or "").lower()
    if re.search(NEXTW, pre):
        day, reason = cal.weekday_after(ctx.dct, weekday), "next such weekday after publication"
    elif re.search(PASTW, pre):
        day = cal.weekday_before(ctx.dct, weekday, strict=True)
        reason = "last such weekday before publication"
    elif future_tense(ctx, m):
        day = cal.weekday_after(ctx.dct, weekday, strict=False)
        reason = "weekday on or after publication date (future tense)"
    else:
        day, reason = cal.weekday_before(ctx.dct, weekday), "weekday before publication date"
    part = next((v for k, v in DAY_PARTS.items() if rest.endswith(k)), "")
    return _day(day, reason, suffix=f"T{part}" if part and len(rest) <= 12 else "")


_DEICTIC = {
    "vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2,
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
}  # fmt: skip


def h_deictic(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = m["w"].lower()
    if word == "morgen" and m["w"][0] == "M" and m.start() > 0:
        return None  # der Morgen (the morning), not "tomorrow"
    if ctx.narrative and word in ("heute", "today"):
        return Norm("PRESENT_REF", "unknown", "approximate", "the present")
    if ctx.dct is None:
        return unresolved(f"'{word}' without a publication date")
    part = (m["part"] or "").lower()
    suffix = "T" + DAY_PARTS[part] if part in DAY_PARTS else ("TNI" if word == "tonight" else "")
    return _day(ctx.dct + dt.timedelta(days=_DEICTIC[word]), f"'{word}' from publication date",
                suffix=suffix)


def h_present(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = m.group(0).lower()
    if re.search(r"zukunft|künftig|folge|später|bald|darauf|danach|future|soon|later", word):
        return Norm("FUTURE_REF", "unknown", "approximate", "the future")
    if re.search(r"zuvor|vorher|zwischenzeitlich|kürzlich|damals|formerly|previously|recently"
                 r"|past", word):
        return Norm("PAST_REF", "unknown", "approximate", "the past")
    return Norm("PRESENT_REF", "unknown", "approximate", "the present")


def h_relative_unit(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "vergangene Woche", "im nächsten Jahr", "this month", "Ende des Jahres"."""
    unit = m["u"].lower()
    rel = (m["rel"] or "").lower()
    anchor = _anchor(ctx)
    if anchor is None:
        if ctx.ref[0] is None or unit not in ("jahr", "jahres", "year", "jahresende",
                                              "jahresbeginn", "jahresanfang"):
            return unresolved()
        anchor = dt.date(ctx.ref[0], 1, 1)
    if unit == "jahr" and not rel:
        return None  # plain "Jahr" is a duration
    step = -1 if re.search(PASTW + r"|vorangegangenen|^vor$", rel) else (
        1 if re.search(NEXTW + r"|neuen|^folge$", rel) else 0)
    kind = "approximate" if m["mod"] or unit.startswith("jahres") else "exact"
    how = "publication date" if anchor == ctx.dct else "last date mentioned"
    if unit in ("woche", "week"):
        return Norm(cal.iso_week(anchor + dt.timedelta(weeks=step)), "week", kind,
                    f"week {step:+d} from {how}")
    if unit in ("monat", "monats", "month"):
        day = cal.add_months(anchor, step)
        return Norm(f"{day.year:04d}-{day.month:02d}", "month", kind, f"month {step:+d} from {how}",
                    (day.year, day.month, None))
    year = anchor.year + step
    return Norm(f"{year:04d}", "year", kind, f"year {step:+d} from {how}", (year, None, None))


def _unit(word: str) -> tuple[str, bool]:
    return UNITS[word.lower()]


def h_offset(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "vor zwei Wochen", "two days ago", "zwei Tage später", "in drei Tagen"; a plain
    "drei Tage" is left to the duration rule."""
    if m["n3"] and not (m["ago"] or m["later"]):
        return None
    if m["n4"] and not ctx.narrative:
        return None  # "nach zwei Tagen" in news: a duration
    if m["n2"] and ctx.narrative:
        return None  # "drei Monate vor der Offensive" is a duration in narratives
    n = number(m["n1"] or m["n2"] or m["n3"] or m["n4"])
    unit, clock = _unit(m["u"])
    if n is None or clock:
        return None
    if m["n4"] and (unit != "D" or n > 7):
        return None
    later = bool(m["n1"] or m["later"] or m["n4"])
    relative = m["later"] or m["n4"] or (m["ago"] and m["ago"].lower() != "ago")
    anchor = _anchor(ctx) if relative else ctx.dct
    if anchor is None:
        return unresolved()
    day = cal.shift(anchor, n if later else -n, unit)
    how = "publication date" if anchor == ctx.dct and not ctx.narrative else "last date mentioned"
    if unit == "D" or (unit in "WM" and ctx.narrative and ctx.ref[2] is not None):
        return _day(day, f"{n} {m['u']} {'after' if later else 'before'} {how}")
    if unit == "W":
        return Norm(cal.iso_week(day), "week", "approximate", f"{n} week(s) from {how}")
    if unit == "M":
        return Norm(f"{day.year:04d}-{day.month:02d}", "month", "approximate",
                    f"{n} month(s) from {how}", (day.year, day.month, None))
    return Norm(f"{day.year:04d}", "year", "approximate", f"{n} year(s) from {how}",
                (day.year, None, None))


def h_range(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "innerhalb der kommenden zwei Wochen", "within the next 30 days"."""
    word = (m["n"] or "").lower()
    if word in VAGUE_WORDS or (not word and m["u"].lower().endswith(("n", "e", "s"))
                               and m["u"].lower() not in ("woche", "stunde", "minute")):
        return Norm("FUTURE_REF", "range", "approximate", "open range after publication date")
    n = number(word) if word else 1
    unit, clock = _unit(m["u"])
    if n is None or clock:
        return None
    if ctx.narrative:
        return Norm(f"P{n}{unit}", "unknown", "exact", "duration")
    if ctx.dct is None:
        return unresolved("range without a publication date")
    end = cal.shift(ctx.dct, n, unit)
    return Norm(f"{ctx.dct.isoformat()}/{end.isoformat()}", "range", "range",
                f"next {n} {m['u']} from publication date")


_SINGULAR = {"tag", "tages", "woche", "monat", "monats", "jahr", "jahres", "jahrzehnt", "stunde",
             "minute", "day", "week", "month", "year", "decade", "hour"}


def h_duration(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = (m["n"] or "").lower()
    unit, clock = _unit(m["u"])
    plural = m["u"].lower() not in _SINGULAR
    if not word and not plural and not m["half"]:
        return None  # a bare "Tag"/"Jahr" is no time expression
    n = "X" if word in VAGUE_WORDS or (not word and plural) else number(word) if word else 1
    if n is None:
        return None
    value = f"PT{n}{unit}" if clock else f"P{n}{unit}"
    if m["half"]:
        value = {"Y": "P6M", "DE": "P5Y", "D": "PT12H"}.get(unit, value)
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "year"}.get(unit, "day")
    kind = "approximate" if n == "X" or m["q"] else "exact"
    return Norm(value, "day" if clock else gran, kind, "duration")


def h_duration_adj(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "neunmonatigen", "154-tägiger", "jahrzehntelang"."""
    stem = m["u"].lower()
    unit = {"täg": "D", "tag": "D", "wöch": "W", "woch": "W", "monat": "M", "jähr": "Y",
            "jahr": "Y", "jahrzehnt": "DE", "stünd": "H"}[stem]
    n = number(m["n"]) if m["n"] else "X"
    if n is None:
        return None
    prefix = "PT" if unit == "H" else "P"
    return Norm(f"{prefix}{n}{unit}", "unknown", "exact" if n != "X" else "approximate",
                "duration")


def h_clock(m: re.Match[str], ctx: Ctx) -> Norm | None:
    hour, minute = int(m["h"]), int(m["mi"] or m["mi2"] or m["mi3"] or 0)
    ampm = (m["ampm"] or m["ampm2"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if hour > 24 or minute > 59:
        return None
    anchor = _anchor(ctx)
    if anchor is None:
        return Norm(f"T{hour:02d}:{minute:02d}", "unknown", "unresolved",
                    "clock time without a date")
    tz = "+01" if m["tz"] else ""
    return Norm(f"{anchor.isoformat()}T{hour:02d}:{minute:02d}{tz}", "day", "exact",
                "clock time on the anchor date")


def h_day_part(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "am Abend", "in der Nacht": a part of the day last mentioned (or of publication)."""
    anchor = _anchor(ctx)
    if anchor is None or (ctx.narrative and ctx.ref[2] is None):
        return None
    part = DAY_PARTS[(m["part"] or "nacht").lower()]
    return Norm(f"{anchor.isoformat()}T{part}", "day", "approximate", "part of the anchor day")


def h_same_day(m: re.Match[str], ctx: Ctx) -> Norm | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return unresolved()
    step = 1 if re.search(r"folgend|nächst|darauf|following|next", m.group(0), I) else 0
    return _day(anchor + dt.timedelta(days=step), "relative to the last date mentioned")


REL_RULES: list[tuple[str, re.Pattern[str], RuleFn]] = [
    ("weekday", re.compile(
        rf"\b(?:(?P<pre>(?:am|an|vom|bis|seit|ab|on|by|until|since|from)?\s*(?:{PASTW}|{NEXTW}"
        rf"|{THISW})?)\s+)?(?P<wd>{WD})(?P<rest>[a-zäöüß]*)\b", I), h_weekday),
    ("deictic", re.compile(
        r"\b(?P<w>[Vv]orgestern|[Gg]estern|[Hh]eute|morgen|[Üü]bermorgen"
        r"|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)(?:\s+(?P<part>abend|morgen|früh"
        r"|nachmittag|vormittag|nacht|mittag|morning|afternoon|evening|night)\b)?"), h_deictic),
    ("present", re.compile(
        r"\b(?:derzeit|zurzeit|gegenwärtig|jetzt|in\s+zukunft|künftig|zukünftig|in\s+der\s+folge"
        r"|(?:wenig|kurz|kurze\s+zeit)\s+später|später|bald|kurz\s+darauf|kurz\s+zuvor|vorher"
        r"|now|recently|previously|(?:in\s+)?the\s+past|(?:in\s+)?the\s+future"
        r"|zwischenzeitlich|at\s+present|currently|nowadays|soon|later|(?:in\s+der\s+)?folgezeit"
        r"|kurz\s+danach|kürzlich|heutigen?\s+tag|heutiger?|(?:ab|von|zu)\s+diesem\s+zeitpunkt"
        r"|in\s+the\s+future)\b", I), h_present),
    ("relative_unit", re.compile(
        rf"\b(?:(?:in\s+der|im|in|am|bis|seit|ab|by|until|since)\s+)?(?:(?P<mod>anfang|mitte|ende"
        rf"|beginn|gegen\s+ende|early|late|mid|later|earlier|the\s+end\s+of)\s+)?"
        rf"(?:(?:des|der|of)\s+)?(?P<rel>{PASTW}|{NEXTW}|{THISW}|vorangegangenen|neuen|the)\s+"
        rf"(?P<u>woche|monats?|jahr(?:es)?|week|month|year)\b", I), h_relative_unit),
    ("relative_unit2", re.compile(
        r"\b(?:(?:zum|bis\s+zum|am|zu|im)\s+)?(?P<mod>)(?P<rel>vor|folge)?(?P<u>jahresende"
        r"|jahresbeginn|jahresanfang|jahr)\b", I), h_relative_unit),
    ("relative_unit3", re.compile(
        r"\b(?:(?:bis|seit|ab|gegen|im)\s+)?(?P<mod>anfang|mitte|ende|beginn|laufe)\s+(?P<rel>)"
        r"(?:des|dieses)\s+(?P<u>jahres|monats)\b", I), h_relative_unit),
    ("offset", re.compile(
        rf"\b(?:(?P<fut>in)\s+(?P<n1>{NUM})|vor\s+(?P<n2>{NUM})|(?P<nach>nach)\s+(?P<n4>{NUM})"
        rf"|(?P<n3>{NUM}))\s+"
        rf"(?P<u>{UNIT})(?:\s+(?P<ago>ago|zuvor|davor|earlier)|\s+(?P<later>später|danach|darauf"
        rf"|later))?\b", I),
     h_offset),
    ("range", re.compile(
        rf"\b(?:innerhalb|binnen|within|in|during|over)\s+(?:der|den|von|the)?\s*(?:{NEXTW})\s+"
        rf"(?:(?P<n>{NUM}|{VAGUE})\s+)?(?P<u>{UNIT})\b", I), h_range),
    ("duration", re.compile(
        rf"\b(?:(?P<q>mehr\s+als|über|fast|knapp|etwa|rund|gut|nahezu|more\s+than|almost"
        rf"|nearly|about|over|less\s+than|weniger\s+als)\s+)?(?:(?P<n>{NUM}|{VAGUE})\s+)?"
        rf"(?P<half>halbes?\s+)?(?:aufeinanderfolgenden\s+|langen?\s+|weiteren\s+|full\s+)?"
        rf"(?P<u>{UNIT})\b", I), h_duration),
    ("duration_adj", re.compile(
        rf"\b(?:(?P<n>{NUM})-?)?(?P<u>täg|tag|wöch|woch|monat|jähr|jahr|jahrzehnt|stünd)"
        r"(?:ig\w*|e?lang\w*)\b", I), h_duration_adj),
    ("clock", re.compile(
        r"\b(?:um\s+|at\s+|gegen\s+)?(?P<h>[0-2]?\d)(?:[:.](?P<mi>\d{2})\s*Uhr"
        r"|:(?P<mi3>\d{2})(?:\s*(?P<ampm>a\.m\.|p\.m\.|pm))?|\s+Uhr(?:\s+(?P<mi2>\d{2}))?"
        r"|\s*(?P<ampm2>a\.m\.|p\.m\.))(?P<tz>\s+mitteleuropäischer\s+zeit|\s+MEZ)?", I),
     h_clock),
    ("day_part", re.compile(
        r"\b(?:am|gegen|in\s+der|während\s+der)\s+(?P<part>Abend|Morgen|Nacht|Nachmittag"
        r"|Vormittag)\b|\b(?P<part2>nachts)\b", I), h_day_part),
    ("same_day", re.compile(
        r"\b(?:am|an|tags)\s+(?:selben|gleichen|folgenden|nächsten|diesem|darauf)(?:\s+tag)?\b"
        r"|\bam\s+tag\s+darauf\b|\bthe\s+(?:same|following|next)\s+day\b", I), h_same_day),
]
