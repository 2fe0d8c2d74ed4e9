"""Event triggers: verbs, nouns and constructions (German and English) → PLOVER event type.

Each line of ``data/triggers.txt`` is ``EVENT mode weight [flags] | regex``; the regex is matched
case-insensitively on the text of one clause. German separable verbs are written with
the particle at the clause end (``schloss … aus``), so the pattern spans the middle field.
``weight`` decides between several triggers in one clause: speech acts that govern another
event (REQUEST, THREATEN, REJECT, AGREE) outrank the events they govern.

Flags after the weight: ``accept`` (negating it makes a REJECT), ``ruleout`` (a rule-out
verb: the event it governs is negated), ``intent`` (a commitment verb: the event it
governs is future).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# separable German verb: finite stem … particle at the end of the clause, or joined forms
# (lower case only: "Stimmen zu", "Angreifer" are nouns)
_SEP = (r"(?:\b(?-i:(?:{stem}))\w*\b[^.,;:!?–]{{0,90}}?\b{part}\b"
        r"|\b(?-i:{part}(?:ge|zu)?(?:{stem}))(?!\w*end(?:e|en|er|es|em)?\b)\w*)")


# the same with a particle that is also a preposition ("liefert … aus", "legt … vor"):
# the particle must close the clause, else "liefert Waffen aus Beständen" would match
_SEP_END = (r"(?:\b(?-i:(?:{stem}))\w*\b[^.,;:!?–]{{0,90}}?\b{part}"
            r"(?=\s*(?:[.,;:!?–)\"“”]|$|(?:und|oder|aber|sowie|and|or)\b))"
            r"|\b(?-i:{part}(?:ge|zu)?(?:{stem}))(?!\w*end(?:e|en|er|es|em)?\b)\w*)")


def sep(stem: str, part: str, *, end: bool = False) -> str:
    return (_SEP_END if end else _SEP).format(stem=stem, part=part)


_SEP_CALL = re.compile(r"SEP(END)?\(([^,()]+),([^()]+)\)")


def _table() -> list[str]:
    text = resources.files("lagebild.claims").joinpath("data", "triggers.txt").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    # {NAME} = a word class defined on a line "@NAME regex" (nouns shared by several lines)
    classes = dict(ln[1:].split(" ", 1) for ln in lines if ln.startswith("@"))
    lines = [re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{classes[m.group(1)].strip()})", ln)
             for ln in lines if not ln.startswith("@")]
    return [_SEP_CALL.sub(lambda m: sep(m.group(2), m.group(3), end=bool(m.group(1))), ln)
            for ln in lines]



@dataclass(frozen=True, slots=True)
class Trigger:
    event: str
    mode: str | None
    weight: int
    pattern: re.Pattern[str]
    accept: bool = False  # negating it makes a REJECT ("keine … akzeptieren")
    ruleout: bool = False  # "schloss … aus": the event it governs is negated
    intent: bool = False  # "sagte zu", "promised": the event it governs is future
    grams: frozenset[str] = frozenset()  # a match contains one of these (prefilter)


# letters from common to rare (German and English news): a run's rarest trigram makes the
# most selective prefilter ("höh" for "erhöh" rather than "erh")
_COMMON = "enisratdhulcgmobwfkzpvüäößjyxq"


def _rarest(run: str) -> str:
    return max((run[i : i + 3] for i in range(len(run) - 2)),
               key=lambda g: sum(_COMMON.find(ch) if ch in _COMMON else 30 for ch in g))


def _grams(regex: str) -> frozenset[str]:
    """One trigram of every literal run (≥ 3 letters) of a pattern: every match contains
    a whole run of its branch, so a clause without any of these trigrams is skipped
    without running the regex (checked against real text in the tests). The trigram is
    the run's rarest; a letter made optional ("prices?") ends a run."""
    plain = re.sub(r"\\.|\[[^\]]*\]|\{[^}]*\}|\(\?(?:[:=!]|<[=!]|-?[a-z]+:)", " ",
                   re.sub(r"[^\W\d_][?*]|[^\W\d_]\{0", " ", regex))
    return frozenset(_rarest(run.lower()) for run in re.findall(r"[^\W\d_]{3,}", plain))


@dataclass(frozen=True, slots=True)
class TriggerHit:
    trigger: Trigger
    start: int  # offsets into the text searched
    end: int
    text: str


@functools.cache
def triggers() -> tuple[Trigger, ...]:
    out = []
    for line in _table():
        head, _, regex = line.partition(" | ")
        event, mode, weight, *flags = head.split()
        out.append(Trigger(event, None if mode == "-" else mode, int(weight),
                           re.compile(regex, re.IGNORECASE),
                           "accept" in flags, "ruleout" in flags, "intent" in flags,
                           _grams(regex)))
    return tuple(out)


# speech and cognition verbs that are not events in themselves
NOT_EVENTS = re.compile(
    r"\b(?:sagte?n?|gesagt|erklär\w*|betont\w*|bekräftig\w*|mitgeteilt|teilte\w*|berichtet\w*|"
    r"said|says|told|stated|announced|reported|added|noted)\b", re.IGNORECASE)


def find_triggers(text: str, *, prefilter: bool = True) -> list[TriggerHit]:
    """All trigger matches in ``text``; where two overlap the heavier (then longer) wins."""
    low = text.lower()
    grams = {low[i : i + 3] for i in range(len(low) - 2)}
    hits = [TriggerHit(t, m.start(), m.end(), m.group(0))
            for t in triggers() if not prefilter or not t.grams.isdisjoint(grams)
            for m in t.pattern.finditer(text)]
    hits.sort(key=lambda h: (-h.trigger.weight, -(h.end - h.start), h.start))
    kept: list[TriggerHit] = []
    for hit in hits:
        if not any(_overlap(hit, k) for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _core(hit: TriggerHit) -> list[tuple[int, int]]:
    """The words a match really occupies: a separable verb ("schloss … aus") only its
    first and last word, so the event in its middle field stays visible."""
    words = hit.text.split()
    if len(words) <= 3:
        return [(hit.start, hit.end)]
    return [(hit.start, hit.start + len(words[0])), (hit.end - len(words[-1]), hit.end)]


def _overlap(a: TriggerHit, b: TriggerHit) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in _core(a) for s2, e2 in _core(b))
