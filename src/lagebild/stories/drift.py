"""Drift: what copies of one report changed, with the sentence from each copy as evidence.

Every check compares a language-free value (a number, a day, a modality class, a source
type, a role, a condition cue, the credited outlet, a place or name) across the aligned
sentences of the copies. The value most copies share is the reference (ties: the first
copy, i.e. the origin or the earliest); a copy with a different value drifted. A copy
that merely leaves a value out is shortened, not drifted, except for a condition or a
source credit, whose loss is what a fact-checker flags. Paraphrase changes none of these.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lagebild.records import Drift
from lagebild.stories import cues
from lagebild.stories.align import Copy, Unit
from lagebild.stories.origin import article_credits, outlet_key
from lagebild.stories.text import MONTHS, WEEKDAYS, dates, numbers

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_TEXT = re.compile(rf"\b\d{{1,2}}\.?\s+(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}\b", re.I)
_ROLE_WORD = re.compile(
    r"minister|präsident|president|kanzler|chancellor|sprecher|beauftragte|chief|secretary"
    r"|berater|adviser", re.I
)
_COMMON_CAPS = {  # capitalised in English but no detail a copy could add
    "ukrainian", "european", "german", "russian", "turkish", "northern", "nordic", "western",
    "eastern", "southern", "american", "french", "europe", "asia", "africa", "america", "west",
    "east", "north", "south",
}


def _tok(token: str) -> str:
    """An actor id as it is; a word by its first five letters without diacritics."""
    return token if ":" in token else _norm(token)


def _norm(token: str) -> str:
    s = unicodedata.normalize("NFKD", token.lower())
    return "".join(c for c in s if not unicodedata.combining(c))[:5]


class _Ctx:
    def __init__(self, copies: Sequence[Copy]) -> None:
        self.copies = {c.article.id: c for c in copies}
        self.order = [c.article.id for c in copies]
        self.items: dict[tuple[str, str], Drift] = {}
        places = place_ids()
        self.fuzzy: dict[str, set[str]] = {}
        for aid, c in self.copies.items():
            words = re.findall(r"[\wÄÖÜäöüß\-]+", c.article.text)
            self.fuzzy[aid] = ({_norm(w) for w in words}
                               | {places[w.lower()] for w in words if w.lower() in places}
                               | {e.actor_id for e in c.article.entities if e.actor_id})
        self.all_numbers = {aid: _numbers(c.article.text) or frozenset()
                            for aid, c in self.copies.items()}
        self.all_dates = {
            aid: frozenset(d for d, _, _ in dates(c.article.text, c.article.published))
            for aid, c in self.copies.items()
        }
        self.credited_names = {
            w.lower() for c in copies for n in article_credits(c.article) for w in n.split()
        }

    def sent(self, aid: str, s: int) -> str:
        return self.copies[aid].sents[s][2]

    def add(self, kind: str, ref: str, drifted: str, detail: str, ev_ref: str, ev: str) -> None:
        key = (kind, drifted)
        if key in self.items:
            return  # one item per kind and copy; the first (earliest unit) is the evidence
        self.items[key] = Drift(kind=kind, claim_id=None, articles=(ref, drifted),
                                detail=detail, evidence={ref: ev_ref, drifted: ev})


def _majority(values: Mapping[str, Any], order: Sequence[str],
              support: Callable[[Any], int] | None = None) -> Any | None:
    counted = Counter(values.values())
    if not counted:
        return None
    top = max(counted.values())
    tied = [v for v, n in counted.items() if n == top]
    if len(tied) > 1 and support is not None:  # a tie: the value more copies give anywhere
        best = max(support(v) for v in tied)
        tied = [v for v in tied if support(v) == best]
    if len(tied) == 1:
        return tied[0]
    for aid in order:  # a tie: the earliest copy (origin first) decides
        if values.get(aid) in tied:
            return values[aid]
    return tied[0]


def _compare(ctx: _Ctx, unit: Unit, kind: str, value: Callable[[str, str], Any | None],
             differs: Callable[[Any, Any], bool], label: str,
             support: Callable[[Any], int] | None = None,
             novel: Callable[[str, Any, Any], bool] | None = None) -> None:
    """Flag each member whose value ``differs`` from the majority value (and, with
    ``novel``, only when the reference copy does not give the new value anywhere)."""
    values = {aid: v for aid, s in unit.members.items()
              if (v := value(aid, ctx.sent(aid, s))) is not None}
    if len(values) < 2:
        return
    ref_value = _majority(values, ctx.order, support)
    ref = next(aid for aid in ctx.order if values.get(aid) == ref_value)
    for aid, v in values.items():
        if differs(ref_value, v) and (novel is None or novel(ref, ref_value, v)):
            ctx.add(kind, ref, aid, f"{label}: {_show(ref_value)} → {_show(v)}",
                    ctx.sent(ref, unit.members[ref]), ctx.sent(aid, unit.members[aid]))


def _show(value: Any) -> str:
    if isinstance(value, frozenset):
        return ", ".join(sorted(f"{x:g}" if isinstance(x, float) else str(x) for x in value))
    return str(value)


def _numbers(sentence: str) -> frozenset[float] | None:
    text = _DATE_TEXT.sub(" ", sentence)
    found = frozenset(v for v, _, _ in numbers(text) if not 1900 <= v <= 2100)
    return found or None


def _lang(ctx: _Ctx, aid: str) -> str | None:
    return ctx.copies[aid].article.lang


def unit_drift(ctx: _Ctx, unit: Unit) -> None:
    pub = {aid: ctx.copies[aid].article.published for aid in unit.members}
    def number_support(v: Any) -> int:
        return sum(v <= ctx.all_numbers[a] for a in ctx.order)

    def date_support(v: Any) -> int:
        return sum(bool(v & ctx.all_dates[a]) for a in ctx.order)

    def number_novel(ref: str, r: Any, v: Any) -> bool:
        return not (v - r) <= ctx.all_numbers[ref]

    _compare(ctx, unit, "number_changed", lambda a, s: _numbers(s),
             lambda r, v: bool(v - r) and bool(r - v),
             "numbers", number_support, number_novel)
    _compare(ctx, unit, "detail_added", lambda a, s: _numbers(s),
             lambda r, v: v > r, "numbers", number_support, number_novel)
    _compare(ctx, unit, "modality_changed", lambda a, s: cues.modality(s, _lang(ctx, a)),
             lambda r, v: r != v, "modality")
    _compare(ctx, unit, "date_changed",
             lambda a, s: frozenset(d for d, _, _ in dates(s, pub[a])) or None,
             lambda r, v: not (r & v), "day", date_support)
    _compare(ctx, unit, "source_changed", lambda a, s: cues.source_types(s) or None,
             lambda r, v: not (r & v), "source")
    _condition(ctx, unit)
    _details(ctx, unit)


def _condition(ctx: _Ctx, unit: Unit) -> None:
    has = {aid: cues.has_condition(ctx.sent(aid, s)) for aid, s in unit.members.items()}
    with_cond = [aid for aid in ctx.order if has.get(aid)]
    if len(with_cond) < 2 and not (len(with_cond) == 1 and len(has) == 2):
        return
    if 2 * len(with_cond) < len(has):
        return
    ref = with_cond[0]
    for aid, s in unit.members.items():
        if has[aid]:
            continue
        sents = ctx.copies[aid].sents
        near = [sents[i][2] for i in (s - 1, s + 1) if 0 <= i < len(sents)]
        if any(cues.has_condition(x) for x in near):
            continue
        ctx.add("condition_dropped", ref, aid, "condition left out",
                ctx.sent(ref, unit.members[ref]), ctx.sent(aid, s))


def _names(ctx: _Ctx, aid: str, s: int) -> dict[str, str]:
    """Name-like words of one sentence (key -> as written): capitalised names (English) or
    gazetteer places (German, where every noun is capitalised). Entities' actor ids only
    serve to find a name in another copy (see ``_Ctx.fuzzy``): linking differs between
    languages often enough that an id alone would flag translations as new details."""
    copy = ctx.copies[aid]
    sentence = copy.sents[s][2]
    places = place_ids()
    out: dict[str, str] = {}
    if copy.article.lang == "de":
        caps = {w.lower(): w for w in re.findall(r"[A-ZÄÖÜ][\wäöüß\-]+", sentence)}
        out.update({places[k]: w for k, w in caps.items() if k in places})
        return out
    for m in cues.ROLE_RE.finditer(sentence):  # "Defence Minister" is a role, not a name
        sentence = sentence.replace(m.group(0), m.group("name"))
    for run in _CAP_RUN.finditer(sentence):
        words = [w for w in run.group(0).split() if _name_word(ctx, w)]
        if run.start() == 0 and words and words[0] == run.group(0).split()[0]:
            words = words[1:]  # the first word of a sentence is capitalised anyway
        if not words:
            continue
        keys = [places.get(w.lower()) or _norm(w) for w in words]
        if len(words) == 1:
            out.setdefault(keys[0] if ":" in keys[0] else w_key(words[0]), words[0])
        else:  # "International Atomic Energy Agency": any word or the initials will do
            initials = _norm("".join(w[0] for w in words))
            out.setdefault("phrase:" + "|".join([*keys, initials]), " ".join(words))
    return out


_CAP_RUN = re.compile(r"[A-Z][\w\-']*(?:\s+[A-Z][\w\-']*)*")


def w_key(word: str) -> str:
    return place_ids().get(word.lower(), word.lower())


def _name_word(ctx: _Ctx, word: str) -> bool:
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) < 4 and not (word.isupper() and len(word) >= 2):
        return False
    return not (w in _COMMON_CAPS or w in WEEKDAYS or w in MONTHS or _ROLE_WORD.search(w)
                or w in ctx.credited_names or w in _STOP_WORDS)


_STOP_WORDS = {"the", "this", "that", "there", "their", "they", "these", "those", "while",
               "after", "before", "according", "also", "however", "since"}


def _present(ctx: _Ctx, key: str, aid: str) -> bool:
    """Is a name (word, place id or phrase) found anywhere in copy ``aid``?"""
    if key.startswith("phrase:"):
        return any(part in ctx.fuzzy[aid] for part in key[len("phrase:"):].split("|"))
    return _tok(key) in ctx.fuzzy[aid]


@functools.cache
def place_ids() -> dict[str, str]:
    """Country, capital and place names (lower case, one word) -> an id, from the actors
    gazetteer: a state's names, adjectives (German ones with their endings), demonyms and
    metonyms (the capital), then the names of other places."""
    from lagebild.actors import gazetteer
    from lagebild.actors.catalog import GERMAN_ENDINGS

    entries = gazetteer().entries.values()
    out: dict[str, str] = {}
    for entry in (e for e in entries if e.kind == "country"):
        for alias_type in ("name", "metonym", "demonym", "adj"):
            for alias in entry.aliases.get(alias_type, ()):
                v = alias.strip().lower()
                if v.startswith("the "):  # "The Hague": "Hague" is what a word search sees
                    v = v[4:]
                if not v or " " in v:
                    continue
                endings = GERMAN_ENDINGS if alias_type == "adj" and v.endswith("~") else ("",)
                for ending in endings:
                    out[v.rstrip("~") + ending] = entry.id
    for entry in (e for e in entries if e.kind == "place"):
        for alias in [entry.name, *entry.aliases.get("name", ())]:
            if alias and " " not in alias:
                out[alias.lower()] = entry.id
    return out


def _details(ctx: _Ctx, unit: Unit) -> None:
    if len(unit.members) == 1:  # a sentence no other copy has: new numbers are a new detail
        (aid, s), = unit.members.items()
        new = (_numbers(ctx.sent(aid, s)) or frozenset()) - frozenset().union(
            *(ctx.all_numbers[o] for o in ctx.order if o != aid))
        if new:
            first = next(o for o in ctx.order if o != aid)
            ctx.add("detail_added", first, aid, f"added: {_show(new)}", "", ctx.sent(aid, s))
    for aid, s in unit.members.items():
        lang = _lang(ctx, aid)
        peers = [o for o in ctx.order if o != aid]
        if not any(_lang(ctx, o) == lang for o in peers):
            continue  # the only copy in its language: a new word may just be a translation
        own = _names(ctx, aid, s)
        unique = sorted(shown for w, shown in own.items()
                        if not any(_present(ctx, w, o) for o in peers))
        if not unique:
            continue
        others = [o for o in unit.members if o != aid]
        said = {w: shown for o in others for w, shown in _names(ctx, o, unit.members[o]).items()}
        missing = sorted(shown for w, shown in said.items() if not _present(ctx, w, aid)
                         and 2 * sum(_present(ctx, w, o) for o in peers) >= len(peers))
        places = [shown for w, shown in said.items() if ":" in w and shown in missing]
        missing = places or missing
        ref = next((o for o in ctx.order if o in unit.members and o != aid), None)
        ev_ref = ctx.sent(ref, unit.members[ref]) if ref else ""
        if missing and ref:
            ctx.add("detail_changed", ref, aid,
                    f"detail: {', '.join(missing)} → {', '.join(unique)}",
                    ev_ref, ctx.sent(aid, s))
        elif ref or len(unit.members) == 1:
            ref = ref or next(o for o in ctx.order if o != aid)
            ctx.add("detail_added", ref, aid, f"added: {', '.join(unique)}", ev_ref,
                    ctx.sent(aid, s))


def story_drift(ctx: _Ctx) -> None:
    """Whole-copy checks: the credited outlet and officials' roles."""
    credited = {aid: {outlet_key(n): n for n in article_credits(c.article)}
                for aid, c in ctx.copies.items()}
    votes = Counter(k for names in credited.values() for k in names)
    if votes:
        top, n = votes.most_common(1)[0]
        ref = next(aid for aid in ctx.order if top in credited[aid])
        name = credited[ref][top]
        for aid in ctx.order:
            if top in credited[aid]:
                continue
            if credited[aid] and n >= 2:
                other = ", ".join(credited[aid].values())
                ctx.add("source_changed", ref, aid, f"credited outlet: {name} → {other}",
                        _credit_sentence(ctx, ref, name), _credit_sentence(ctx, aid, other))
            elif not credited[aid] and n >= 2:
                ctx.add("source_dropped", ref, aid, f"credit to {name} left out",
                        _credit_sentence(ctx, ref, name), "")
    roles = {aid: cues.roles(c.article.text) for aid, c in ctx.copies.items()}
    people = {p for r in roles.values() for p in r}
    for person in sorted(people):
        values = {aid: r[person][0] for aid, r in roles.items() if person in r}
        if len(values) < 2:
            continue
        ref_value = _majority(values, ctx.order)
        ref = next(aid for aid in ctx.order if values.get(aid) == ref_value)
        for aid, role in values.items():
            if role != ref_value:
                ctx.add("role_changed", ref, aid,
                        f"{person.title()}: {ref_value} → {role}".replace("_", " "),
                        roles[ref][person][1], roles[aid][person][1])


def _credit_sentence(ctx: _Ctx, aid: str, name: str) -> str:
    for _, _, sent in ctx.copies[aid].sents:
        if name.split()[0] in sent:
            return sent
    return name


def find_drift(copies: Sequence[Copy], units: Sequence[Unit]) -> list[Drift]:
    """Drift items of one story, one per kind and drifted copy."""
    ctx = _Ctx(copies)
    story_drift(ctx)
    for unit in units:
        unit_drift(ctx, unit)
    return list(ctx.items.values())
