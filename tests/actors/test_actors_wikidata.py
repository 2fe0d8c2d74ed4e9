"""``lagebild actors import``: a Wikidata dump subset extends the gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.actors.catalog import load
from lagebild.actors.cli import app
from lagebild.actors.wikidata import entities, import_dump
from lagebild.errors import InputError, InputNotFoundError, MalformedInputError

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
DUMP = DATA / "wikidata_sample.json"


def test_dump_lines_are_read():
    ids = [e["id"] for e in entities(DUMP)]
    assert ids == ["Q999000001", "Q999000002", "Q212", "Q999000003", "Q999000005"]


def test_import_writes_a_file_the_loader_reads(tmp_path: Path):
    out = tmp_path / "wd.yaml"
    result = import_dump(DUMP, out)
    assert (result.read, result.written, result.merged) == (5, 3, 1)
    gaz = load([out])
    assert gaz.lookup("Erika Mustermann") == ["person:erika-mustermann"]
    assert gaz.lookup("Ukrajina") == ["country:UKR"]  # merged into the shipped actor
    assert gaz.outlet("Beispielblatt") == "outlet:beispielblatt.example"
    person = gaz.actor("person:erika-mustermann")
    assert person is not None and person.country == "DEU" and person.wikidata == "Q999000001"
    assert gaz.get("person:erika-mustermann").gender == "f"
    assert [(r.role, r.org, r.start, r.end) for r in person.roles] == [
        ("Federal Commissioner for Examples", "DEU", "2025-05-06", None),
        ("Q999000004", "DEU", "2019", "2021-12"),
    ]
    assert not gaz.lookup("Beispielstadt")  # a city: not kept


def test_imported_people_are_linked(tmp_path: Path, monkeypatch):
    from lagebild.actors import catalog as gazetteer_module
    from lagebild.actors import linker

    out = tmp_path / "wd.yaml"
    import_dump(DUMP, out)
    monkeypatch.setenv(gazetteer_module.ENV_VAR, str(out))
    gaz = gazetteer_module.load()
    found = linker.link(gaz, "Erika Mustermann sprach mit Kiew.", "2025-08-22")
    assert [m.actor_id for m in found] == ["person:erika-mustermann", "country:UKR"]


def test_bad_dumps(tmp_path: Path):
    with pytest.raises(InputNotFoundError):
        import_dump(tmp_path / "missing.json", tmp_path / "x.yaml")
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"id": "Q1", "labels": \n]\n', encoding="utf-8")
    with pytest.raises(MalformedInputError):
        import_dump(broken, tmp_path / "x.yaml")
    empty = tmp_path / "empty.json"
    empty.write_text("[\n]\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_dump(empty, tmp_path / "x.yaml")


def test_gzip_dump(tmp_path: Path):
    import gzip

    packed = tmp_path / "dump.json.gz"
    packed.write_bytes(gzip.compress(DUMP.read_bytes()))
    assert import_dump(packed, tmp_path / "wd.yaml").written == 3


def test_cli_import_and_resolve(tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "wd.yaml"
    result = runner.invoke(app, ["import", str(DUMP), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["written"] == 3 and out.exists()
    result = runner.invoke(app, ["resolve", "der ukrainische Präsident", "--date", "2025-08-22"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["actor_id"] == "person:volodymyr-zelenskyy"
