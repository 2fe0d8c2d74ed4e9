"""Small German/English cue lists for origin and drift: credits, modality, conditions,
source types and official roles. Each function reads one sentence (or text) and answers
with a language-free value, so copies in different languages can be compared.
"""

from __future__ import annotations

import functools
import re

_NAME = r"(?P<o>(?:[A-Z][\w&\-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w&\-]*)){0,3})"
_ART = r"(?:(?:die|der|das|den|dem|the)\s+)?"
_KIND = r"(?:(?:Zeitung|Zeitschrift|Nachrichtenagentur|Agentur|Sender|Magazin|Portal|newspaper|broadcaster|news agency|agency)\s+)?"  # noqa: E501 -- one alternation
_KIND_NEEDED = _KIND[:-1]  # the same words, not optional
# patterns that name an outlet as the source of the report
_CREDIT_ANY = [  # the name is credited whatever it looks like
    rf"\bberichtete(?:n)?\s+{_ART}{_KIND}{_NAME}",
    rf"\bberichtet\s+{_ART}{_KIND}{_NAME}",
    rf"\bwie\s+{_ART}{_KIND}{_NAME}\s+(?:[^.;]{{0,80}}?\s)?berichtet",
    rf"\b{_NAME}\s+(?:reported|reports|has reported|first reported)\b",
    rf"\breported\s+by\s+{_ART}{_NAME}",
    rf"\bunter\s+Berufung\s+auf\s+{_ART}{_KIND}{_NAME}",
    rf"\b(?:sagte|sagten|erklärte|bestätigte)\b[^.]*?\b(?:dem|der)\s+{_KIND_NEEDED}{_NAME}",
    rf"\bgegenüber\s+{_ART}{_KIND}{_NAME}",
    rf"\bdem\s+Sender\s+{_NAME}",
]
_CREDIT_OUTLETS = [  # credited only when the name is a known or outlet-like name
    rf"\btold\s+{_ART}{_NAME}",
    rf"\btells\s+{_ART}{_NAME}",
    rf"\bciting\s+{_ART}{_NAME}",
    rf"\baccording\s+to\s+{_ART}{_NAME}",
    rf"\blaut\s+{_ART}{_KIND}{_NAME}",
    rf"\b{_NAME}\s+(?:says|said)\b",
    rf"[-–—,]\s+{_NAME}\s*$",  # headline "… - Politico"
]
_OUTLET_WORDS = re.compile(
    r"Times|Post|News|Journal|Zeitung|Agentur|Press|Presse|Radio|TV|Spiegel|Reuters|Bloomberg"
    r"|Politico|Guardian|Telegraph|Allgemeine|Rundschau|Tagesschau|Welt|Bild"
)
_NOT_NAMES = {"The", "A", "An", "Der", "Die", "Das", "Ein", "Eine", "He", "She", "It", "They"}


@functools.cache
def outlet_aliases() -> dict[str, str]:
    """Alias (lower case) -> display name of every outlet in the actors gazetteer.

    The gazetteer is the one place that reads the actors data (shipped and user files);
    its "ambiguous" aliases ("Bild", "Times") are left out: here they would be credits.
    """
    from lagebild.actors import gazetteer

    out: dict[str, str] = {}
    for entry in gazetteer().entries.values():
        if entry.kind != "outlet":
            continue
        for alias in [entry.name, *entry.aliases.get("name", ())]:
            if alias:
                out[alias.lower()] = entry.name
    return out


def _clean_name(raw: str) -> str:
    words = raw.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words).rstrip(".,;:")


def _canonical(name: str, strict: bool) -> str | None:
    aliases = outlet_aliases()
    words = name.split()
    for n in range(len(words), 0, -1):  # longest known prefix: "Politico unter" -> Politico
        hit = aliases.get(" ".join(words[:n]).lower())
        if hit:
            return hit
    if strict and not (_OUTLET_WORDS.search(name) or re.fullmatch(r"[A-Z]{2,6}", name)):
        return None
    return name or None


def is_outlet_name(name: str) -> bool:
    """A known outlet, or a capitalised name that looks like one ("… Times", "ZDF")."""
    return bool(name) and name[0].isupper() and _canonical(name, strict=True) is not None


def credits(text: str) -> list[tuple[str, int, str]]:
    """Outlets credited as the source of the report: (name, offset, matched text)."""
    out = []
    for line in text.splitlines():
        base = text.find(line)
        for patterns, strict in ((_CREDIT_ANY, False), (_CREDIT_OUTLETS, True)):
            for pattern in patterns:
                for m in re.finditer(pattern, line):
                    name = _canonical(_clean_name(m.group("o")), strict)
                    if name and len(name) > 1:
                        out.append((name, base + m.start("o"), m.group(0)))
    out.sort(key=lambda x: x[1])
    return out


# --------------------------------------------------------------------------- modality

_POSSIBLE = re.compile(
    r"\b(could|might|may|possibly|perhaps|könnte|könnten|könne|möglicherweise|eventuell"
    r"|vielleicht|womöglich)\b(?!\s+(?:not|nicht)\b)",
    re.I,
)
_FUTURE = re.compile(r"\b(will|shall|wird|werde)\b", re.I)
_NEGATED_MODAL = re.compile(
    r"\b(could|might|may|könnte|könne|will|wird|werde)\s+(not|nicht)\b", re.I
)


def modality(sentence: str, lang: str | None) -> str | None:
    """``future`` (will/wird), ``possible`` (could/könnte) or None when unclear or mixed."""
    text = _NEGATED_MODAL.sub(" ", sentence)
    future = _FUTURE.findall(text)
    if lang == "de":  # German "will" is "wants to"
        future = [w for w in future if w.lower() != "will"]
    possible = _POSSIBLE.findall(text)
    if future and not possible:
        return "future"
    if possible and not future:
        return "possible"
    return None


_CONDITION = re.compile(
    r"\b(if|unless|provided(?: that)?|as long as|in case|on condition|falls|sofern|wenn"
    r"|vorausgesetzt|unter der Bedingung|im Falle)\b",
    re.I,
)


def has_condition(sentence: str) -> bool:
    return bool(_CONDITION.search(sentence))


# --------------------------------------------------------------------------- sources

_SOURCE_TYPES = [
    ("diplomat", re.compile(r"diplomat", re.I)),
    ("spokesperson", re.compile(r"sprecher|spokes(?:man|woman|person)", re.I)),
    ("official", re.compile(r"beamt|official", re.I)),
    ("sources", re.compile(r"\bquellen\b|\bsources\b|\bkreise\b|person familiar", re.I)),
]


def source_types(sentence: str) -> frozenset[str]:
    """Anonymous source types named in a sentence (diplomat, official, spokesperson …)."""
    return frozenset(kind for kind, rx in _SOURCE_TYPES if rx.search(sentence))


# --------------------------------------------------------------------------- roles

_ROLES = [
    ("defence_minister", r"verteidigungsminister\w*|defen[cs]e\s+(?:minister|secretary)"),
    ("foreign_policy_chief", r"außenbeauftragte\w*|foreign\s+policy\s+chief|high\s+representative"),
    ("foreign_minister", r"außenminister\w*|foreign\s+minister|secretary\s+of\s+state"),
    ("finance_minister", r"finanzminister\w*|finance\s+minister"),
    ("interior_minister", r"innenminister\w*|interior\s+minister"),
    ("security_adviser", r"sicherheitsberater\w*|national\s+security\s+advis[eo]r"),
    ("secretary_general", r"generalsekretär\w*|secretary[\s-]general"),
    ("chief_economist", r"chefvolkswirt\w*|chief\s+economist"),
    ("prime_minister", r"premierminister\w*|ministerpräsident\w*|prime\s+minister"),
    ("chancellor", r"\w*kanzler\w*|chancellor"),
    ("spokesperson", r"\w*sprecher\w*|spokes(?:man|woman|person)"),
    ("president", r"\w*präsident\w*|president"),
]
_DEPUTY = r"(?P<deputy>vize-?|stellvertretende[rn]?\s+|deputy\s+)?"
ROLE_RE = re.compile(
    r"(?i:" + _DEPUTY + r"(?:[\w]+-)?(?P<role>" + "|".join(f"(?P<r{i}>{rx})" for i, (_, rx) in
                                                         enumerate(_ROLES)) + r"))"
    r"\s+(?P<name>[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})"
)


def roles(text: str) -> dict[str, tuple[str, str]]:
    """Surname (lower case) -> (role, matched phrase) for "<role> <Name>" phrases, first one."""
    out: dict[str, tuple[str, str]] = {}
    for m in ROLE_RE.finditer(text):
        idx = next(i for i in range(len(_ROLES)) if m.group(f"r{i}"))
        role = ("deputy_" if m.group("deputy") else "") + _ROLES[idx][0]
        surname = m.group("name").split()[-1].lower()
        out.setdefault(surname, (role, m.group(0)))
    return out
