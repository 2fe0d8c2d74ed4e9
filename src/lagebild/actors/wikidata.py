"""Extend the gazetteer from a Wikidata JSON dump (or a subset of one).

The public dumps hold one entity per line inside a JSON array::

    [
    {"type": "item", "id": "Q42", "labels": {...}, "aliases": {...}, "claims": {...}},
    {...}
    ]

:func:`import_dump` reads such a file (plain, ``.gz`` or ``.bz2``), keeps people (P31 Q5),
states (ISO 3166-1 alpha-3, P298), organisations and news outlets, and writes a user
gazetteer file that :func:`lagebild.actors.catalog.load` reads on the next start. An
entity whose Wikidata id the gazetteer already knows extends that actor (aliases, roles)
instead of creating a second one. Roles come from "position held" (P39) with start (P580)
and end (P582) qualifiers; the position's label is taken from the dump when it is there.
"""

from __future__ import annotations

import bz2
import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lagebild.actors.catalog import Gazetteer, load, user_dir
from lagebild.actors.linker import slug
from lagebild.errors import InputError, InputNotFoundError, MalformedInputError

log = logging.getLogger(__name__)

LANGS = ("en", "de", "uk", "ru", "fr")
HUMAN = "Q5"
STATE_CLASSES = frozenset({"Q6256", "Q3624078", "Q7275"})
OUTLET_CLASSES = frozenset({
    "Q11032", "Q1110794", "Q1153191", "Q192283", "Q1002697", "Q41298", "Q1616075",
    "Q2001305", "Q14350", "Q17232649", "Q5633421",
})
ORG_CLASSES = frozenset({"Q43229", "Q484652", "Q245065", "Q7210356", "Q163740", "Q4830453",
                         "Q327333", "Q7188", "Q2659904"})


@dataclass(frozen=True, slots=True)
class ImportResult:
    out: Path
    read: int
    written: int
    merged: int  # entries that extend an actor the gazetteer already had


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def entities(path: Path) -> Iterator[dict[str, Any]]:
    """The entities of a dump file, one per line (a whole-file JSON array works too)."""
    if not path.exists():
        raise InputNotFoundError("no such dump file", path=str(path))
    with _open(path) as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            if line.startswith("[") and line.endswith("]"):  # a one-line array
                try:
                    yield from json.loads(line)
                except ValueError as err:
                    raise MalformedInputError(f"line {number}: {err}", path=str(path)) from err
                continue
            try:
                entity = json.loads(line)
            except ValueError as err:
                raise MalformedInputError(f"line {number}: {err}", path=str(path)) from err
            if isinstance(entity, dict) and "id" in entity:
                yield entity


def _values(entity: dict[str, Any], prop: str) -> list[Any]:
    found = []
    for statement in entity.get("claims", {}).get(prop, []):
        value = statement.get("mainsnak", {}).get("datavalue", {}).get("value")
        if value is not None and statement.get("rank") != "deprecated":
            found.append(value)
    return found


def _items(entity: dict[str, Any], prop: str) -> list[str]:
    return [v["id"] for v in _values(entity, prop) if isinstance(v, dict) and "id" in v]


def _label(entity: dict[str, Any]) -> str | None:
    labels = entity.get("labels", {})
    for lang in LANGS:
        if lang in labels:
            return str(labels[lang]["value"])
    return None


def _names(entity: dict[str, Any]) -> list[str]:
    names = [str(v["value"]) for lang, v in entity.get("labels", {}).items() if lang in LANGS]
    for lang, aliases in entity.get("aliases", {}).items():
        if lang in LANGS:
            names += [str(a["value"]) for a in aliases]
    return list(dict.fromkeys(names))


def _time(snak: dict[str, Any]) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    if not isinstance(value, dict) or "time" not in value:
        return None
    stamp = str(value["time"]).lstrip("+")[:10]
    precision = int(value.get("precision", 11))
    return stamp if precision >= 11 else stamp[:7] if precision == 10 else stamp[:4]


class _Importer:
    def __init__(self, gaz: Gazetteer, dump: dict[str, dict[str, Any]]) -> None:
        self.gaz = gaz
        self.dump = dump

    def iso3(self, qid: str) -> str | None:
        known = self.gaz.by_wikidata.get(qid)
        if known and known.startswith("country:"):
            return known.partition(":")[2]
        entity = self.dump.get(qid)
        codes = [str(v) for v in _values(entity, "P298")] if entity else []
        return codes[0] if codes else None

    def org_code(self, qid: str) -> str | None:
        iso = self.iso3(qid)
        if iso:
            return iso
        known = self.gaz.by_wikidata.get(qid)
        return known if known else None

    def actor_id(self, entity: dict[str, Any]) -> tuple[str, str] | None:
        qid = entity["id"]
        classes = set(_items(entity, "P31"))
        known = self.gaz.by_wikidata.get(qid)
        if known:
            return known, known.partition(":")[0]
        name = _label(entity)
        if not name:
            return None
        if HUMAN in classes:
            return f"person:{slug(name)}", "person"
        iso = [str(v) for v in _values(entity, "P298")]
        if iso or classes & STATE_CLASSES:
            return (f"country:{iso[0]}", "country") if iso else None
        if classes & OUTLET_CLASSES:
            sites = [str(v) for v in _values(entity, "P856")]
            if sites:
                host = sites[0].split("://", 1)[-1].split("/", 1)[0].lower()
                return f"outlet:{host.removeprefix('www.')}", "outlet"
            return f"outlet:{slug(name)}", "outlet"
        if classes & ORG_CLASSES:
            return f"org:{slug(name).upper()}", "org"
        return None

    def roles(self, entity: dict[str, Any], country: str | None) -> list[list[str | None]]:
        found: list[list[str | None]] = []
        for statement in entity.get("claims", {}).get("P39", []):
            value = statement.get("mainsnak", {}).get("datavalue", {}).get("value", {})
            qid = value.get("id") if isinstance(value, dict) else None
            if not qid:
                continue
            position = self.dump.get(qid)
            title = (_label(position) if position else None) or qid
            org = None
            if position:
                for prop in ("P1001", "P17", "P361"):
                    targets = _items(position, prop)
                    if targets and (org := self.org_code(targets[0])):
                        break
            qualifiers = statement.get("qualifiers", {})
            start = next((t for s in qualifiers.get("P580", []) if (t := _time(s))), None)
            end = next((t for s in qualifiers.get("P582", []) if (t := _time(s))), None)
            found.append([title, org or country, start, end])
        return found

    def entry(self, entity: dict[str, Any]) -> dict[str, Any] | None:
        found = self.actor_id(entity)
        if found is None:
            return None
        actor_id, kind = found
        record: dict[str, Any] = {"id": actor_id, "kind": kind, "wikidata": entity["id"]}
        record["name"] = _label(entity)
        record["aliases"] = _names(entity)
        if kind == "person":
            if "Q6581072" in _items(entity, "P21"):  # sex or gender: female
                record["gender"] = "f"
            countries = [c for q in _items(entity, "P27") if (c := self.iso3(q))]
            if countries:
                record["country"] = countries[0]
            roles = self.roles(entity, record.get("country"))
            if roles:
                record["roles"] = roles
        elif kind == "country":
            record["country"] = actor_id.partition(":")[2]
        return record


def import_dump(path: Path, out: Path | None = None, gaz: Gazetteer | None = None
                ) -> ImportResult:
    """Read a Wikidata dump subset and write a user gazetteer file (YAML); see module doc."""
    import yaml

    base = gaz if gaz is not None else load([])
    dump = {e["id"]: e for e in entities(path)}
    if not dump:
        raise InputError("no entities in the dump file", path=str(path))
    importer = _Importer(base, dump)
    records = [r for e in dump.values() if (r := importer.entry(e)) is not None]
    target = out if out is not None else user_dir() / "wikidata.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    target.write_text("# Imported from a Wikidata dump by `lagebild actors import`.\n" + text,
                      encoding="utf-8")
    merged = sum(1 for r in records if r["id"] in base.entries)
    log.info("imported %d of %d entities into %s", len(records), len(dump), target)
    return ImportResult(target, len(dump), len(records), merged)
