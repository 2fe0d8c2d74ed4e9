"""Counterparts: "Sybiha traf seinen polnischen Amtskollegen" names Poland's foreign minister.

A counterpart word with a state beside it ("seinem polnischen Kollegen", "his Russian
counterpart", "ihre Amtskollegin aus Polen") names whoever holds, in that state, the office
of the person mentioned just before. The office comes from the gazetteer (roles on the
article's date); when no single holder fits, the mention stays unresolved.
"""

from __future__ import annotations

from lagebild.actors import roles
from lagebild.actors.catalog import active, kind_of
from lagebild.actors.matcher import Mention
from lagebild.actors.state import TextState, keys

SINGULAR = keys("Kollege Kollegin Amtskollege Amtskollegin counterpart")
AMBIGUOUS = keys("Kollegen Amtskollegen")  # dative/accusative singular or plural
FEMININE = keys("Kollegin Amtskollegin")
DATIVE = keys("mit von zu bei nach aus gegenüber seit")
WINDOW = 400  # characters back to look for the person whose office is meant
GENERIC = frozenset({"head", "head_of_state", "head_of_government", "leader"})


def link(state: TextState) -> None:
    """Link counterpart words that have a state modifier and an antecedent with an office."""
    _, ending, covered = state.index()
    toks = state.toks
    for t in toks:
        if t.i in covered or t.key not in SINGULAR | AMBIGUOUS:
            continue
        modifier = ending.get(t.i - 1)
        if modifier is None or not modifier.actor_id or kind_of(modifier.actor_id) != "country":
            continue
        if t.key in AMBIGUOUS and not _singular(state, modifier.first):
            continue
        antecedent = _antecedent(state, modifier.first)
        if antecedent is None:
            continue
        org = roles.org_code(modifier.actor_id)
        gender = "f" if t.key in FEMININE else None
        found = _holder(state, antecedent, org, gender)
        mention = Mention(t.i, t.i + 1, t.start, t.end, source="role", label="PER",
                          actor_id=found)
        if found:
            mention.roles.append((t.text, org))
        state.add(mention)


def _singular(state: TextState, first: int) -> bool:
    """'seinem/seinen polnischen Kollegen' is one person; 'mit seinen Kollegen' many."""
    k = first - 1
    if k < 0:
        return False
    key = state.toks[k].key
    if key in keys("seinem ihrem dem"):
        return True
    return key in keys("seinen ihren den") and not (k >= 1 and state.toks[k - 1].key in DATIVE)


def _antecedent(state: TextState, before: int) -> str | None:
    start = state.toks[before].start
    people = [m for m in state.mentions if m.last <= before and m.actor_id
              and kind_of(m.actor_id) == "person" and state.gaz.get(m.actor_id) is not None
              and start - m.end <= WINDOW]
    return max(people, key=lambda m: m.last).actor_id if people else None


def _holder(state: TextState, person_id: str, org: str, gender: str | None) -> str | None:
    entry = state.gaz.get(person_id)
    if entry is None:
        return None
    for role in entry.roles:
        if state.date is None and role.end is not None:
            continue
        if state.date is not None and not active(role, state.date):
            continue
        full = roles.title_keys(role.role)
        for wanted in (full - GENERIC, full & GENERIC):  # "chancellor", then head of govt.
            if not wanted:
                continue
            found = [p for p in roles.holders(state.gaz, wanted, org, state.date, gender)
                     if p != person_id]
            if len(found) == 1:
                return found[0]
            if found:
                break  # several fit: not one person
    return None
