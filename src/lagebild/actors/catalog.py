"""The gazetteer: actors the project knows, read from data files a user can extend.

Shipped files live in ``lagebild/actors/data/`` (``countries.tsv``, ``orgs.yaml``,
``groups.yaml``, ``places.yaml``, ``outlets.yaml``, ``persons.yaml``). User files are read
after them, so they can add actors or add aliases/roles to known ones (same ``id``):
every ``*.yaml``/``*.yml``/``*.json`` in ``<user data dir>/lagebild/actors/`` and the files
named in the ``LAGEBILD_ACTORS`` environment variable (``os.pathsep``-separated).
``lagebild actors import`` writes such a file from a Wikidata dump.

An entry in a YAML/JSON file::

    {id: person:marco-rubio, name: Marco Rubio, country: USA, wikidata: Q324546,
     aliases: [Marco Rubio], short: [Rubio],
     roles: [[Secretary of State, USA, 2025-01-21, null]]}

Fields: ``kind`` (else from the id prefix), ``gender`` (``f`` for women), ``aliases``
(full names), ``short`` (forms that may stand alone, e.g. surnames), ``adj`` (adjectives;
``~`` = German endings), ``demonyms``, ``metonyms`` (seats of government), ``ambiguous``
(aliases that are ordinary words too), ``parent``, ``roles`` (``[title, org, start, end]``
or mappings with those keys).
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.actors import tokens as tk
from lagebild.errors import ConfigError
from lagebild.records import Actor, Role

log = logging.getLogger(__name__)

KINDS = ("person", "country", "org", "group", "outlet", "place")
ENV_VAR = "LAGEBILD_ACTORS"
SHIPPED = ("countries.tsv", "orgs.yaml", "groups.yaml", "places.yaml", "outlets.yaml",
           "persons.yaml")
GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")
# alias types, strongest first: a full name beats a seat of government beats an adjective
TYPES = ("name", "metonym", "demonym", "adj", "short", "ambiguous")


@dataclass(slots=True)
class Entry:
    id: str
    kind: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    parent: str | None = None
    gender: str | None = None  # "f" for women (German role words agree with it)
    roles: list[Role] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # type -> alias strings


@dataclass(frozen=True, slots=True)
class Alias:
    """One alias form as token keys, with the case each token asks for and its actors."""

    keys: tuple[str, ...]
    cases: tuple[int, ...]
    ids: tuple[str, ...]
    types: tuple[str, ...]  # parallel to ids


def user_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("lagebild")) / "actors"


def user_files() -> list[Path]:
    found: list[Path] = []
    folder = user_dir()
    if folder.is_dir():
        found += sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    for part in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if part.strip():
            found.append(Path(part.strip()))
    return found


def kind_of(actor_id: str) -> str | None:
    prefix = actor_id.partition(":")[0]
    return prefix if prefix in KINDS else None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _country_rows(text: str) -> Iterator[dict[str, Any]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {
            "id": f"country:{row['id']}",
            "name": row["name_en"],
            "country": row["id"],
            "wikidata": row["wikidata"] or None,
            "aliases": [row["name_en"], row["name_de"], *_split(row["aliases"] or "")],
            "adj": _split(row["adj_en"] or "") + [f"{s}~" for s in _split(row["adj_de"] or "")],
            "demonyms": _split(row["demonyms"] or ""),
            "metonyms": _split(row["metonyms"] or ""),
        }


def _role(value: Any) -> Role:
    if isinstance(value, dict):
        title, org, start, end = (value.get(k) for k in ("role", "org", "start", "end"))
    else:
        title, org, start, end = (list(value) + [None] * 4)[:4]
    return Role(str(title), org and str(org), start and str(start), end and str(end))


def _read(path: Path | None, name: str, text: str | None = None) -> list[dict[str, Any]]:
    import yaml

    if text is None:
        assert path is not None
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"cannot read gazetteer file: {err}", path=str(path)) from err
    if name.endswith(".tsv"):
        return list(_country_rows(text))
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is 10x faster
        data = json.loads(text) if name.endswith(".json") else yaml.load(text, Loader=loader)
    except (ValueError, yaml.YAMLError) as err:
        raise ConfigError(f"invalid gazetteer file: {err}", path=name) from err
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list) or not all(isinstance(d, dict) and "id" in d for d in data):
        raise ConfigError("a gazetteer file is a list of entries with an 'id'", path=name)
    return data


class Gazetteer:
    """All known actors, their aliases as a first-token index, and role holders."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.entries: dict[str, Entry] = {}
        for record in records:
            self._add(record)
        self.by_wikidata = {e.wikidata: e.id for e in self.entries.values() if e.wikidata}
        self.index: dict[str, list[Alias]] = {}
        self.exact: dict[tuple[str, ...], Alias] = {}
        self._build_index()

    # ------------------------------------------------------------------ building
    def _add(self, record: dict[str, Any]) -> None:
        actor_id = str(record["id"])
        kind = record.get("kind") or kind_of(actor_id)
        if kind not in KINDS:
            raise ConfigError(f"unknown actor kind for {actor_id!r}; ids start with {KINDS}")
        entry = self.entries.get(actor_id)
        if entry is None:
            name = str(record.get("name") or actor_id.partition(":")[2])
            entry = self.entries[actor_id] = Entry(actor_id, kind, name)
        for attr in ("country", "wikidata", "parent", "gender"):
            if record.get(attr) and not getattr(entry, attr):
                setattr(entry, attr, str(record[attr]))
        entry.roles += [_role(r) for r in record.get("roles") or []]
        types = {"aliases": "name", "short": "short", "adj": "adj", "demonyms": "demonym",
                 "metonyms": "metonym", "ambiguous": "ambiguous"}
        for key_name, alias_type in types.items():
            values = [str(v) for v in record.get(key_name) or [] if v]
            entry.aliases.setdefault(alias_type, []).extend(values)
        if entry.name not in entry.aliases.get("ambiguous", ()):
            entry.aliases.setdefault("name", []).insert(0, entry.name)

    def _build_index(self) -> None:
        merged: dict[tuple[tuple[str, ...], tuple[int, ...]], dict[str, str]] = {}
        for entry in self.entries.values():
            for alias_type, aliases in entry.aliases.items():
                for alias in aliases:
                    kind_type = alias_type
                    if alias[:1].islower() and alias.endswith("~") and " " not in alias:
                        kind_type = "adj"
                    for keys, cases in _forms(alias, kind_type):
                        ids = merged.setdefault((keys, cases), {})
                        old = ids.get(entry.id)
                        if old is None or TYPES.index(kind_type) < TYPES.index(old):
                            ids[entry.id] = kind_type
        exact: dict[tuple[str, ...], dict[str, str]] = {}
        for (keys, cases), ids in merged.items():
            found = Alias(keys, cases, tuple(ids), tuple(ids.values()))
            self.index.setdefault(keys[0], []).append(found)
            same = exact.setdefault(keys, {})
            for actor_id, alias_type in ids.items():
                if actor_id not in same or TYPES.index(alias_type) < TYPES.index(same[actor_id]):
                    same[actor_id] = alias_type
        for forms in self.index.values():
            forms.sort(key=lambda a: -len(a.keys))
        self.exact = {k: Alias(k, (), tuple(v), tuple(v.values())) for k, v in exact.items()}

    # ------------------------------------------------------------------ lookups
    def get(self, actor_id: str | None) -> Entry | None:
        return self.entries.get(actor_id) if actor_id else None

    def kind(self, actor_id: str | None) -> str | None:
        entry = self.get(actor_id)
        return entry.kind if entry else (kind_of(actor_id) if actor_id else None)

    def lookup(self, text: str) -> list[str]:
        """Actor ids whose alias is exactly ``text`` (case-insensitive), strongest first.

        A capital is its state first and the city second ("Moskau" -> country:RUS,
        place:moscow): out of context the name stands for the government.
        """
        keys = tuple(tk.key(w) for w in tk.alias_words(text))
        alias = self.exact.get(keys)
        if alias is None:
            return []

        def rank(pair: tuple[str, str]) -> float:
            entry = self.entries.get(pair[0])
            if entry is not None and entry.kind == "place" and entry.country \
                    and "metonym" in alias.types:
                return TYPES.index("metonym") + 0.5
            return TYPES.index(pair[1])

        pairs = sorted(zip(alias.ids, alias.types, strict=True), key=rank)
        return [i for i, _ in pairs]

    def outlet(self, name_or_url: str) -> str | None:
        """``"CNN"``, ``"cnn.com"``, ``"https://edition.cnn.com/..."`` -> ``outlet:cnn.com``."""
        text = name_or_url.strip()
        for actor_id in self.lookup(text.removeprefix("„").removesuffix("“").strip('"')):
            if actor_id.startswith("outlet:"):
                return actor_id
        host = text.lower().split("://", 1)[-1].split("/", 1)[0].split(":")[0]
        while "." in host:
            if f"outlet:{host}" in self.entries:
                return f"outlet:{host}"
            host = host.partition(".")[2]
        return None

    def actor(self, actor_id: str, date: str | None = None) -> Actor | None:
        """The record for a known actor, with the roles it held on ``date`` (all if None)."""
        entry = self.get(actor_id)
        if entry is None:
            return None
        roles = tuple(r for r in entry.roles if date is None or active(r, date))
        return Actor(entry.name, entry.kind, entry.country, entry.wikidata, roles)

    def persons(self) -> Iterator[Entry]:
        return (e for e in self.entries.values() if e.kind == "person")


def active(role: Role, date: str) -> bool:
    """Whether a role was held on ``date`` (ISO strings compare; ``YYYY-MM`` is inclusive)."""
    start, end = role.start or "", role.end
    return start[: len(date)] <= date and (end is None or date < end or end.startswith(date))


def _forms(alias: str, alias_type: str) -> Iterator[tuple[tuple[str, ...], tuple[int, ...]]]:
    words = tk.alias_words(alias)
    if not words:
        return
    options: list[list[tuple[str, int]]] = []
    for n, word in enumerate(words):
        if n + 1 < len(words) and words[n + 1] == "~":
            continue
        if word == "~" and n > 0:
            stem = words[n - 1]
            choices = []
            for ending in GERMAN_ENDINGS:
                case = tk.case_class(stem)
                if ending == "" and alias_type == "adj":
                    case = tk.LOWER if stem[:1].islower() else case
                choices.append((tk.key(stem + ending), case))
            options.append(choices)
            continue
        options.append([(tk.key(word), tk.case_class(word))])
    for combo in itertools.product(*options):
        yield tuple(k for k, _ in combo), tuple(c for _, c in combo)


def load(paths: Iterable[Path] | None = None) -> Gazetteer:
    """Read the shipped files, then the user files (or ``paths`` if given)."""
    records: list[dict[str, Any]] = []
    data = resources.files("lagebild.actors") / "data"
    for name in SHIPPED:
        records += _read(None, name, (data / name).read_text(encoding="utf-8"))
    for path in user_files() if paths is None else paths:
        if not path.exists():
            log.warning("gazetteer file %s not found; skipped", path)
            continue
        records += _read(path, path.name)
    return Gazetteer(records)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of this process, loaded once (shipped and user files)."""
    return load()
