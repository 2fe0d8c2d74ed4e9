"""Role words in a text: titles before names, appositions after them, descriptions.

"US-Außenminister Marco Rubio" records the role as said on Rubio; "Rubio, der auch als
amtierender nationaler Sicherheitsberater fungiert" too (apposition); "der ukrainische
Präsident" without a name becomes a mention of the holder on the article's date. Plurals,
indefinite ("ein Sprecher") and former holders are not resolved.
"""

from __future__ import annotations

from lagebild.actors import roles
from lagebild.actors.catalog import kind_of
from lagebild.actors.matcher import Mention
from lagebild.actors.state import (
    DETERMINERS,
    GLUE,
    GLUE_NEEDS,
    INDEFINITE,
    MODIFIER_KINDS,
    NAME_STOP,
    PARTICLES,
    RIGHT_LINKS,
    SINGULAR,
    TextState,
    ends_in_s,
    loose_person,
)


def find_roles(state: TextState) -> None:
    toks = state.toks
    starting, ending, covered = state.index()
    i = 0
    while i < len(toks):
        hit = None if i in covered or not toks[i].is_word else roles.match_at(toks, i)
        if hit is None:
            i += 1
            continue
        j, word = hit
        _one_role(state, i, j, word, starting, ending)
        starting, ending, covered = state.index()  # rebuilt only if a mention was added
        i = j


def _left(state: TextState, i: int, ending: dict[int, Mention]
          ) -> tuple[list[int], Mention | None, int]:
    """Qualifier tokens and a modifier (adjective, prefix, genitive) before the role word."""
    toks = state.toks
    quals: list[int] = []
    modifier: Mention | None = None
    k = i - 1
    if k >= 1 and toks[k].text == "-" and toks[k].end == toks[i].start:
        m = ending.get(k - 1)
        if m is not None and _modifier_kind(state, m):
            modifier, k = m, m.first - 1
        elif toks[k - 1].key in roles.QUALIFIERS:
            quals.append(k - 1)
            k -= 2
    while k >= 0:
        m = ending.get(k)
        if toks[k].key in roles.QUALIFIERS and m is None:
            quals.insert(0, k)
            k -= 1
            continue
        if m is not None and modifier is None and _modifier_kind(state, m) \
                and (m.strongest == "adj" or m.genitive or ends_in_s(state, m)
                     or _noun_adjunct(state, m, i)):
            modifier, k = m, m.first - 1
            continue
        if k >= 2 and toks[k].key == "s" and toks[k - 1].text == "'" and modifier is None:
            m = ending.get(k - 2)
            if m is not None and _modifier_kind(state, m):
                modifier, k = m, m.first - 1
                continue
        break
    return quals, modifier, k


def _noun_adjunct(state: TextState, m: Mention, i: int) -> bool:
    """An English state name right before the role word: "the US secretary of state"."""
    toks = state.toks
    return m.last == i and m.strongest in ("name", "metonym") and toks[i].text.islower() \
        and state.kind(m) == "country"


def _saxon(state: TextState, m: Mention | None) -> bool:
    """A genitive before the role word stands for the article: "Polens Außenminister"."""
    return m is not None and (m.genitive or ends_in_s(state, m)) and m.strongest != "adj"


def _modifier_kind(state: TextState, m: Mention) -> bool:
    kind = state.kind(m)
    return m.actor_id is not None and (kind in MODIFIER_KINDS or (kind == "person"
                                                                 and m.genitive))


def _org_of(state: TextState, m: Mention | None) -> str | None:
    if m is None or m.actor_id is None:
        return None
    if kind_of(m.actor_id) == "person":
        entry = state.gaz.get(m.actor_id)
        return entry.country if entry else state.countries.get(m.actor_id)
    if kind_of(m.actor_id) == "group":
        return None
    return roles.org_code(m.actor_id)


def _right(state: TextState, j: int, starting: dict[int, Mention]) -> Mention | None:
    toks = state.toks
    if j < len(toks) and toks[j].is_capital:  # a bare genitive: "der Außenminister Polens"
        m = starting.get(j)
        if m is not None and m.actor_id and state.kind(m) in ("country", "org") \
                and (m.genitive or ends_in_s(state, m)):
            return m
    if j >= len(toks) or toks[j].key not in RIGHT_LINKS:
        return None
    k = j + 1
    if k < len(toks) and toks[k].key in DETERMINERS:
        k += 1
    m = starting.get(k)
    return m if m is not None and m.actor_id and state.kind(m) in MODIFIER_KINDS else None


def _one_role(state: TextState, i: int, j: int, word: roles.RoleWord,
              starting: dict[int, Mention], ending: dict[int, Mention]) -> None:
    toks, text = state.toks, state.text
    quals, modifier, k = _left(state, i, ending)
    plural = word.plural or (word.ambiguous_number and not _saxon(state, modifier)
                             and (k < 0 or toks[k].key not in SINGULAR))
    first_q = quals[0] if quals else i
    if modifier is not None and quals and modifier.first > quals[0]:
        said = " ".join([toks[q].text for q in quals] + [text[toks[i].start:toks[j - 1].end]])
    else:
        said = text[toks[first_q].start:toks[j - 1].end]
    org = _org_of(state, modifier) or _implied(state, word)

    name = starting.get(j)
    if name is not None and state.kind(name) != "person":
        name = None
    if name is None and not plural:
        name = _name_words(state, j)
    if name is not None:
        right = _right(state, name.last, starting)
        name.roles.append((said, org or _org_of(state, right)))
        return
    right = None if modifier is not None or word.org else _right(state, j, starting)
    if right is not None:
        org = _org_of(state, right)
        after = starting.get(right.last)
        if after is not None and state.kind(after) == "person":
            after.roles.append((said, org))
            return
    if word.plural:
        return
    person = _apposition(state, min([first_q, i] + ([modifier.first] if modifier else [])),
                         ending)
    if person is not None:
        person.roles.append((said, org))
        return
    if org is None or plural or (k >= 0 and toks[k].key in INDEFINITE):
        return  # "ein Sprecher des Weißen Hauses" is not a particular person
    former = any(toks[q].key in roles.FORMER for q in quals)
    wanted = _seat_keys(state, modifier or right) if "head" in word.keys else None
    deputy = [toks[q].key for q in quals if toks[q].key in roles.DEPUTY]
    if deputy:  # "Vize-Präsident": the vice president; "stellvertretende ...": a deputy
        wanted = frozenset({"vice_president"} if "president" in word.keys and deputy[0]
                           in ("vize", "vice") else {f"deputy_{k}" for k in word.keys})
    found = [] if former else roles.holders(state.gaz, wanted or word.keys, org, state.date,
                                            word.gender)
    first = i
    while first - 1 in quals and (modifier is None or first - 1 >= modifier.last):
        first -= 1
    desc = Mention(first, j, toks[first].start, toks[j - 1].end, source="role",
                   label="PER", actor_id=found[0] if len(found) == 1 else None)
    if desc.actor_id:
        desc.roles.append((said, org))
    state.add(desc)


# ministries that stand for their state: their "Chef"/"head" is the minister, not the leader
SEAT_ROLES = {
    "pentagon": "defence_minister", "pentagons": "defence_minister",
    "state department": "foreign_minister", "foreign office": "foreign_minister",
    "auswartiges amt": "foreign_minister", "auswartigen amtes": "foreign_minister",
    "quai d orsay": "foreign_minister", "us-aussenministerium": "foreign_minister",
}


def _seat_keys(state: TextState, m: Mention | None) -> frozenset[str] | None:
    """ "Pentagon-Chef", "der Chef des Pentagons": the defence secretary, not the president."""
    if m is None:
        return None
    words = [t.key for t in state.toks[m.first:m.last] if t.is_word or t.text == "-"]
    phrase = " ".join(words).replace(" - ", "-")
    role = SEAT_ROLES.get(phrase)
    return frozenset({role}) if role else None


def _implied(state: TextState, word: roles.RoleWord) -> str | None:
    if word.org != roles.FEDERAL:
        return word.org
    tld = (state.outlet or "").rstrip("/").rpartition(".")[2].lower()
    return roles.FEDERAL_BY_TLD.get(tld, "DEU")


def _apposition(state: TextState, first: int, ending: dict[int, Mention]) -> Mention | None:
    """A person just before a role phrase, joined by a comma, "der", "als", "who is" ..."""
    toks = state.toks
    k = first - 1
    glue: list[str] = []
    while k >= 0 and len(glue) < 6:
        m = ending.get(k)
        if m is not None:
            if state.kind(m) == "person" and glue and GLUE_NEEDS & set(glue):
                return m
            return None
        if toks[k].key not in GLUE:
            return None
        glue.append(toks[k].key)
        k -= 1
    return None


def _name_words(state: TextState, j: int) -> Mention | None:
    """An unknown name after a title: two to four capitalised words ("Anna Beispiel")."""
    toks = state.toks
    words: list[int] = []
    k = j
    starting, _, covered = state.index()
    loose: list[Mention] = []  # NER may have found half the name ("Erika [Mustermann]")
    while k < len(toks) and len(words) < 4:
        t = toks[k]
        here = starting.get(k)
        if here is not None and loose_person(here):
            loose.append(here)
        elif k in covered:
            break
        if t.is_word and t.is_capital and t.key not in NAME_STOP \
                and roles.match_at(toks, k) is None:
            words.append(k)
            k += 1
        elif words and k + 1 < len(toks) and toks[k + 1].is_capital and (
            (t.text == "-" and t.start == toks[k - 1].end) or t.key in PARTICLES
        ):
            k += 1
        else:
            break
    if len(words) < 2:
        return None
    last = words[-1] + 1
    for m in loose:
        if j <= m.first and m.last <= last and m in state.mentions:
            state.drop(m)
    m = Mention(j, last, toks[j].start, toks[last - 1].end, source="name", label="PER")
    state.add(m)
    return m
