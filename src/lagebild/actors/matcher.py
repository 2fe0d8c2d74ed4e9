"""Find gazetteer aliases in a token list: greedy, longest match first, case-aware.

A text token matches an alias token when their keys are equal and the text honours the
alias's case (``US`` never matches "us"; "Turkey" asks for a capital letter). A German
genitive ``-s``/``-es`` on the last token of a capitalised name is accepted
("Moskaus", "Trumps", "Selenskyjs").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.actors import tokens as tk
from lagebild.actors.catalog import TYPES, Alias, Gazetteer


def _keys(words: str) -> frozenset[str]:
    return frozenset(tk.key(w) for w in words.split())


# words that introduce a publication: an ambiguous outlet name after them is the outlet
OUTLET_CUES = _keys(
    "laut zufolge gegenüber told via magazin zeitung nachrichtenmagazin wochenzeitung blatt "
    "boulevardzeitung boulevardblatt newspaper magazine paper sender reported berichtete "
    "berichtet according"
)
QUOTES = frozenset("„“”\"«»‚‘'")
GENITIVE_TYPES = frozenset({"name", "metonym", "short"})


@dataclass(slots=True)
class Mention:
    """A stretch of tokens that may name an actor."""

    first: int  # token index
    last: int  # token index after the mention
    start: int  # character offsets
    end: int
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    source: str = "gazetteer"  # gazetteer | ner | role | name
    label: str | None = None
    actor_id: str | None = None
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    genitive: bool = False  # matched with a German genitive -s

    @property
    def strongest(self) -> str | None:
        return min(self.types, key=TYPES.index) if self.types else None


def _alt_keys(token: tk.Token) -> tuple[str, ...]:
    k = token.key
    if token.is_capital and len(k) > 3 and k.endswith("s"):
        return (k[:-2], k[:-1]) if k.endswith("es") else (k[:-1],)
    return ()


def _match_at(gaz: Gazetteer, toks: list[tk.Token], i: int) -> tuple[Alias, bool] | None:
    first = toks[i]
    candidates: list[Alias] | tuple[Alias, ...] = gaz.index.get(first.key, ())
    if first.is_capital and first.key.endswith("s"):
        for alt in _alt_keys(first):  # single-token names with a genitive -s
            candidates = [*candidates, *(a for a in gaz.index.get(alt, ()) if len(a.keys) == 1)]
    if not candidates:
        return None
    best: tuple[Alias, bool] | None = None
    for alias in candidates:
        n = len(alias.keys)
        if i + n > len(toks) or (best and n <= len(best[0].keys)):
            continue
        genitive = False
        ok = True
        for m, (want, case) in enumerate(zip(alias.keys, alias.cases, strict=True)):
            token = toks[i + m]
            if token.key != want:
                if m == n - 1 and case != tk.ANY and want in _alt_keys(token):
                    genitive = True
                else:
                    ok = False
                    break
            if not tk.case_ok(token, case):
                ok = False
                break
        if ok and genitive and not GENITIVE_TYPES.intersection(alias.types):
            ok = False  # "Islanders" is not a genitive of the demonym "Isländer"
        if ok:
            best = (alias, genitive)
    return best


def find(gaz: Gazetteer, toks: list[tk.Token]) -> list[Mention]:
    """All alias matches, left to right, each the longest starting at its token."""
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = _match_at(gaz, toks, i) if toks[i].is_word else None
        if hit is None:
            i += 1
            continue
        alias, genitive = hit
        last = i + len(alias.keys)
        if _longer_inside(gaz, toks, i, last):  # "the West Bank": not "the West"
            i += 1
            continue
        mention = Mention(i, last, toks[i].start, toks[last - 1].end, alias.ids, alias.types,
                          genitive=genitive)
        if set(alias.types) == {"ambiguous"} and not _outlet_context(toks, i, last):
            i += 1
            continue
        found.append(mention)
        i = last
    return found


def _longer_inside(gaz: Gazetteer, toks: list[tk.Token], first: int, last: int) -> bool:
    for k in range(first + 1, last):
        hit = _match_at(gaz, toks, k) if toks[k].is_word else None
        if hit is not None and k + len(hit[0].keys) > last:
            return True
    return False


def _outlet_context(toks: list[tk.Token], first: int, last: int) -> bool:
    """An ordinary word ("Zeit", "Bild") names an outlet only when quoted or introduced."""
    before = toks[first - 1] if first else None
    after = toks[last] if last < len(toks) else None
    if before and after and before.text in QUOTES and after.text in QUOTES:
        return True
    window = [t.key for t in toks[max(0, first - 3):first]]
    return any(k in OUTLET_CUES for k in window)
