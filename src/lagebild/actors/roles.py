"""Role words in German and English, the functions they name, and who held them when.

A role word ("Außenminister", "Präsidentin", "secretary of state") maps to *keys*: the
functions it can name (``foreign_minister``). A gazetteer title ("Secretary of State") maps
to keys too, so "der US-Außenminister" finds the Secretary of State of the USA on the
article's date. Plural forms are marked: "die Sicherheitsberater" names no single person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lagebild.actors import tokens as tk
from lagebild.actors.catalog import Gazetteer, active


@dataclass(frozen=True, slots=True)
class RoleWord:
    keys: frozenset[str]
    plural: bool = False
    org: str | None = None  # implied organisation/country ("Kremlsprecher" -> RUS)
    ambiguous_number: bool = False  # German -er nouns: "die Außenminister" is plural
    gender: str | None = None  # German forms: "f" (Kanzlerin), "m" (Kanzler), None (English)


# "Bundeskanzler", "Bundespräsident": Germany's, Austria's or Switzerland's, by the outlet
FEDERAL = "federal"
FEDERAL_BY_TLD = {"de": "DEU", "at": "AUT", "ch": "CHE"}

# German nouns by inflection class: er (Minister), ent (Präsident), chef (Chef), adj (Vorsitzende)
_DE: tuple[tuple[str, str, str, str | None], ...] = (
    ("Präsident", "ent", "president", None),
    ("Staatspräsident", "ent", "president", None),
    ("Bundespräsident", "ent", "president", FEDERAL),
    ("Vizepräsident", "ent", "vice_president", None),
    ("Ministerpräsident", "ent", "prime_minister", None),
    ("Premierminister", "er", "prime_minister", None),
    ("Premier", "chef", "prime_minister", None),
    ("Regierungschef", "chef", "head_of_government", None),
    ("Staatschef", "chef", "head_of_state", None),
    ("Staatsoberhaupt", "chef", "head_of_state", None),
    ("Kanzler", "er", "chancellor", None),
    ("Bundeskanzler", "er", "chancellor", FEDERAL),
    ("Vizekanzler", "er", "vice_chancellor", None),
    ("Außenminister", "er", "foreign_minister", None),
    ("Aussenminister", "er", "foreign_minister", None),
    ("Chefdiplomat", "ent", "foreign_minister", None),
    ("Außenamtschef", "chef", "foreign_minister", None),
    ("Verteidigungsminister", "er", "defence_minister", None),
    ("Kriegsminister", "er", "defence_minister", None),
    ("Finanzminister", "er", "finance_minister", None),
    ("Sicherheitsberater", "er", "national_security_adviser", None),
    ("Generalsekretär", "er", "secretary_general", None),
    ("Sprecher", "er", "spokesperson", None),
    ("Regierungssprecher", "er", "spokesperson", None),
    ("Kremlsprecher", "er", "spokesperson", "RUS"),
    ("Kremlchef", "chef", "head", "RUS"),
    ("Chef", "chef", "head", None),
    ("Machthaber", "er", "leader", None),
    ("Führer", "er", "leader", None),
    ("Staatsführer", "er", "leader", None),
    ("König", "chef", "king", None),
    ("Papst", "chef", "pope", None),
    ("Emir", "chef", "emir", None),
    ("Kronprinz", "ent", "crown_prince", None),
    ("Kommissionspräsident", "ent", "commission_president", None),
    ("Kommissionschef", "chef", "commission_president", None),
    ("Ratspräsident", "ent", "council_president", None),
    ("Außenbeauftragt", "adj", "foreign_policy_chief", None),
    ("Sonderbeauftragt", "adj", "special_envoy", None),
    ("Sondergesandt", "adj", "special_envoy", None),
    ("Gesandt", "adj", "special_envoy", None),
    ("Vorsitzend", "adj", "chair", None),
    ("Botschafter", "er", "ambassador", None),
    ("Bürgermeister", "er", "mayor", None),
    ("Oberbefehlshaber", "er", "commander_in_chief", None),
    ("Generalstabschef", "chef", "chief_of_general_staff", None),
    ("Stabschef", "chef", "chief_of_staff", None),
)

_EN: tuple[tuple[str, str, str | None], ...] = (
    ("president", "president", None),
    ("vice president", "vice_president", None),
    ("vice-president", "vice_president", None),
    ("prime minister", "prime_minister", None),
    ("premier", "prime_minister", None),
    ("chancellor", "chancellor", None),
    ("foreign minister", "foreign_minister", None),
    ("foreign secretary", "foreign_minister", None),
    ("secretary of state", "secretary_of_state", None),
    ("top diplomat", "foreign_minister", None),
    ("defense secretary", "defence_minister", None),
    ("defence secretary", "defence_minister", None),
    ("secretary of defense", "defence_minister", None),
    ("secretary of war", "defence_minister", None),
    ("war secretary", "defence_minister", None),
    ("defense minister", "defence_minister", None),
    ("defence minister", "defence_minister", None),
    ("security adviser", "national_security_adviser", None),
    ("security advisor", "national_security_adviser", None),
    ("secretary general", "secretary_general", None),
    ("secretary-general", "secretary_general", None),
    ("spokesman", "spokesperson", None),
    ("spokeswoman", "spokesperson", None),
    ("spokesperson", "spokesperson", None),
    ("press secretary", "spokesperson", None),
    ("envoy", "special_envoy", None),
    ("finance minister", "finance_minister", None),
    ("treasury secretary", "finance_minister", None),
    ("leader", "leader", None),
    ("king", "king", None),
    ("pope", "pope", None),
    ("emir", "emir", None),
    ("crown prince", "crown_prince", None),
    ("chair", "chair", None),
    ("chairman", "chair", None),
    ("chairwoman", "chair", None),
    ("ambassador", "ambassador", None),
    ("mayor", "mayor", None),
    ("chief", "head", None),
    ("head", "head", None),
    ("commander-in-chief", "commander_in_chief", None),
    ("chief of staff", "chief_of_staff", None),
)

def _keys(words: str, fold: bool = True) -> frozenset[str]:
    return frozenset(tk.key(w) if fold else w for w in words.split())


# words that may stand between a determiner and a role word and belong to the role said
QUALIFIERS = _keys(
    "amtierend amtierende amtierender amtierenden amtierendem kommissarisch kommissarische "
    "kommissarischer kommissarischen stellvertretend stellvertretende stellvertretender "
    "stellvertretenden designiert designierte designierter designierten neu neue neuer neuen "
    "national nationale nationaler nationalen nationalem oberst oberste oberster obersten "
    "ehemalig ehemalige ehemaliger ehemaligen früher frühere früherer früheren erst erste "
    "erster ersten Vize Ex Sonder acting former deputy national top chief senior new then "
    "interim incoming outgoing special first vice ex"
)
FORMER = _keys(
    "ehemalig ehemalige ehemaliger ehemaligen früher frühere früherer früheren former ex "
    "then outgoing Ex"
)

# qualifiers that make a deputy of the role ("stellvertretende Außenministerin")
DEPUTY = _keys(
    "stellvertretend stellvertretende stellvertretender stellvertretenden Vize deputy vice"
)

# states where the president leads the government: "the Russian leader" is the president
EXECUTIVE_PRESIDENCY = _keys(
    "USA RUS UKR FRA TUR CHN BRA MEX ARG KOR BLR KAZ AZE EGY SYR VEN ZAF NGA KEN ARE TWN IDN "
    "PHL COL CHL PER PSE MDA SRB IRN AFG", fold=False
)


def _german_forms(base: str, cls: str) -> list[tuple[str, bool, bool]]:
    """(form, plural, number-ambiguous) for a German role noun; "-in" forms are feminine."""
    if cls == "er":
        return [(base, False, True), (base + "s", False, False), (base + "n", True, False),
                (base + "in", False, False), (base + "innen", True, False)]
    if cls == "ent":
        return [(base, False, False), (base + "en", False, True), (base + "in", False, False),
                (base + "innen", True, False)]
    if cls == "chef":
        forms = [(base, False, False), (base + "s", False, True), (base + "es", False, False),
                 (base + "in", False, False), (base + "innen", True, False)]
        return forms
    return [(base + e, False, e == "en") for e in ("e", "er", "en", "em")]


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], RoleWord]:
    words: dict[tuple[str, ...], RoleWord] = {}
    for base, cls, role_key, org in _DE:
        for form, plural, amb in _german_forms(base, cls):
            gender: str | None = "f" if form.endswith(("in", "innen")) else "m"
            if cls == "adj" or base.endswith("in"):
                gender = None  # "der/die Vorsitzende"; "Emir" + "-in"
            words[(tk.key(form),)] = RoleWord(frozenset({role_key}), plural, org, amb, gender)
    for phrase, role_key, org in _EN:
        keys = tuple(tk.key(w) for w in tk.alias_words(phrase))
        words.setdefault(keys, RoleWord(frozenset({role_key}), False, org))
        many = (*keys[:-1], keys[-1] + "s")
        if keys[-1].endswith("man"):
            many = (*keys[:-1], keys[-1][:-3] + "men")
        words.setdefault(many, RoleWord(frozenset({role_key}), True, org))
    return words


@lru_cache(maxsize=1)
def _first_index() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for keys in lexicon():
        index.setdefault(keys[0], []).append(keys)
    for forms in index.values():
        forms.sort(key=len, reverse=True)
    return index


def match_at(toks: list[tk.Token], i: int) -> tuple[int, RoleWord] | None:
    """The longest role word starting at token ``i``: (end token index, role word)."""
    forms = _first_index().get(toks[i].key)
    if forms is None:
        return None
    for keys in forms:
        end = i + len(keys)
        if end <= len(toks) and all(toks[i + n].key == k for n, k in enumerate(keys)):
            return end, lexicon()[keys]
    return None


_TITLE_RULES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (pattern, frozenset(keys.split()))
    for pattern, keys in (
        (r"president", "president head_of_state head"),
        (r"vice president", "vice_president"),
        (r"(prime minister|premier|taoiseach)", "prime_minister head_of_government"),
        (r"(first )?deputy prime minister", "deputy_prime_minister"),
        (r"chancellor", "chancellor head_of_government"),
        (r"vice chancellor", "vice_chancellor"),
        (r"chancellor of the exchequer|finance minister|secretary of the treasury",
         "finance_minister"),
        (r"secretary of state", "secretary_of_state foreign_minister"),
        (r"foreign (minister|secretary)", "foreign_minister"),
        (r"(defence minister|defence secretary|secretary of (defense|war)"
         r"|armed forces minister)", "defence_minister"),
        (r"(national security adviser|foreign and security policy adviser.*)",
         "national_security_adviser"),
        (r"secretary[- ]general", "secretary_general head"),
        (r"(kremlin spokesman|government spokesman|press secretary)", "spokesperson"),
        (r"foreign ministry spokes(man|woman)", "foreign_ministry_spokesperson"),
        (r"special envoy.*", "special_envoy"),
        (r"(king|queen)", "king head_of_state"),
        (r"emir", "emir head_of_state"),
        (r"pope", "pope head_of_state"),
        (r"supreme leader", "supreme_leader head_of_state leader"),
        (r"crown prince", "crown_prince"),
        (r"president of the european commission", "president commission_president head"),
        (r"president of the european council", "president council_president"),
        (r"president of the (european parliament|european central bank)", "president head"),
        (r"president of the confederation", "president head_of_state"),
        (r"high representative.*", "foreign_policy_chief"),
        (r"(director[- ]general|managing director)", "director_general head"),
        (r"ambassador.*", "ambassador"),
        (r"mayor.*", "mayor"),
        (r"commander-in-chief.*", "commander_in_chief"),
        (r"chief of the general staff", "chief_of_general_staff"),
        (r"(white house chief of staff|head of the presidential office)", "chief_of_staff"),
    )
)


@lru_cache(maxsize=2048)
def title_keys(title: str) -> frozenset[str]:
    """The functions a gazetteer title names ("Secretary of State" -> foreign_minister, ...)."""
    plain = re.sub(r"\s*\(.*?\)", "", title).strip().lower()
    keys = {re.sub(r"\W+", "_", plain)}
    for pattern, found in _TITLE_RULES:
        if re.fullmatch(pattern, plain):
            keys |= found
    return frozenset(keys)


def org_code(actor_id: str) -> str:
    """How a role's org is written: ISO3 for a state, the id for anything else."""
    return actor_id.partition(":")[2] if actor_id.startswith("country:") else actor_id


def holders(gaz: Gazetteer, keys: Iterable[str], org: str, date: str | None,
            gender: str | None = None) -> list[str]:
    """Persons who held a role with one of ``keys`` for ``org`` on ``date`` (current if None).

    ``gender`` "f" keeps only women ("die Außenministerin"). A German masculine form is
    not a filter: it is used generically, and machine translation defaults to it.
    """
    wanted = frozenset(keys)
    if "leader" in wanted:
        return _leaders(gaz, org, date)
    found: list[str] = []
    for entry in gaz.persons():
        if gender == "f" and entry.gender != "f":
            continue
        for role in entry.roles:
            if not (title_keys(role.role) & wanted) or not _org_matches(gaz, role.org, org):
                continue
            if (role.end is None) if date is None else active(role, date):
                found.append(entry.id)
                break
    return found


def _org_matches(gaz: Gazetteer, role_org: str | None, org: str) -> bool:
    if role_org is None:
        return False
    if role_org == org:
        return True
    parent = gaz.get(role_org)
    return parent is not None and parent.parent is not None and org_code(parent.parent) == org


def _leaders(gaz: Gazetteer, org: str, date: str | None) -> list[str]:
    supreme = holders(gaz, ["supreme_leader"], org, date)
    if supreme:
        return supreme
    first = "president" if org in EXECUTIVE_PRESIDENCY else "head_of_government"
    return holders(gaz, [first], org, date) or holders(gaz, ["head_of_state"], org, date)
