"""The shipped gazetteer: coverage, aliases, roles with dates, outlets, user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.actors import gazetteer
from lagebild.actors.catalog import active, load
from lagebild.actors.roles import holders, title_keys
from lagebild.errors import ConfigError
from lagebild.records import Role


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_all_states_are_there(gaz):
    states = [e for e in gaz.entries.values() if e.kind == "country"]
    assert len(states) == 197  # 193 UN members + Kosovo, Taiwan, Palestine, Vatican
    for iso in ("XKX", "TWN", "PSE", "VAT", "SSD", "TLS"):
        assert f"country:{iso}" in gaz.entries
    assert all(len(e.country or "") == 3 for e in states)


def test_ids_have_known_kinds(gaz):
    for actor_id, entry in gaz.entries.items():
        assert actor_id.partition(":")[0] == entry.kind


@pytest.mark.parametrize(("alias", "actor_id"), [
    ("Moskau", "country:RUS"), ("Kreml", "country:RUS"), ("Kremlin", "country:RUS"),
    ("russischen", "country:RUS"), ("Russischer", "country:RUS"), ("Weißen Hauses", "country:USA"),
    ("White House", "country:USA"), ("US-amerikanische", "country:USA"), ("Kyjiw", "country:UKR"),
    ("Kyiv", "country:UKR"), ("Kiew", "country:UKR"), ("Київ", "country:UKR"),
    ("Peking", "country:CHN"), ("Beijing", "country:CHN"), ("Élysée", "country:FRA"),
    ("Downing Street", "country:GBR"), ("Vereinigten Königreich", "country:GBR"),
    ("Brüssel", "org:EU"), ("EU-Kommission", "org:EU-COMMISSION"), ("OSZE", "org:OSCE"),
    ("Europäer", "group:europe"), ("europäische Führer", "group:europe"),
    ("Verbündeten", "group:allies"), ("Westen", "group:west"),
    ("Schwarzen Meer", "place:black-sea"),
    ("Wolodymyr Selenskyj", "person:volodymyr-zelenskyy"),
    ("Zelenskyy", "person:volodymyr-zelenskyy"),
    ("Selensky", "person:volodymyr-zelenskyy"), ("Зеленський", "person:volodymyr-zelenskyy"),
    ("Lawrow", "person:sergey-lavrov"), ("Sergei Lavrov", "person:sergey-lavrov"),
    ("Erdogan", "person:recep-tayyip-erdogan"), ("Erdoğan", "person:recep-tayyip-erdogan"),
])
def test_aliases(gaz, alias, actor_id):
    assert gaz.lookup(alias)[0] == actor_id


def test_capitals_are_also_cities(gaz):
    assert gaz.lookup("Moskau") == ["country:RUS", "place:moscow"]
    assert gaz.lookup("Brussels") == ["org:EU", "place:brussels"]
    paris = gaz.get("place:paris")
    assert paris is not None and paris.kind == "place" and paris.country == "FRA"


def test_bare_adjective_stem_is_lowercase_only(gaz):
    assert gaz.lookup("russisch") == ["country:RUS"]
    from lagebild.actors import mentions

    assert [e.actor_id for e in mentions("Er spricht Russisch.")] == []


def test_roles_with_dates(gaz):
    rubio = gaz.actor("person:marco-rubio", "2025-08-22")
    assert rubio is not None and rubio.country == "USA"
    titles = {(r.role, r.start) for r in rubio.roles}
    assert ("Secretary of State", "2025-01-21") in titles
    assert ("National Security Adviser (acting)", "2025-05-01") in titles
    trump = gaz.actor("person:donald-trump", "2025-08-22")
    assert trump is not None and [r.start for r in trump.roles] == ["2025-01-20"]


def test_many_countries_have_officials(gaz):
    countries = {e.country for e in gaz.persons()}
    assert len(countries) >= 40


def test_active_and_title_keys():
    assert active(Role("President", "USA", "2025-01-20", None), "2025-08-22")
    assert not active(Role("President", "USA", "2021-01-20", "2025-01-20"), "2025-08-22")
    assert active(Role("X", "USA", "2025-05", None), "2025-05-01")
    assert "foreign_minister" in title_keys("Secretary of State")
    assert "national_security_adviser" in title_keys("National Security Adviser (acting)")


def test_holders_follow_the_date(gaz):
    assert holders(gaz, ["foreign_minister"], "USA", "2025-08-22") == ["person:marco-rubio"]
    assert holders(gaz, ["foreign_minister"], "DEU", "2024-03-01") == ["person:annalena-baerbock"]
    assert holders(gaz, ["foreign_minister"], "DEU", "2025-09-01") == ["person:johann-wadephul"]
    assert holders(gaz, ["chair"], "USA", "2025-08-22") == []


def test_outlets(gaz):
    assert gaz.outlet("CNN") == "outlet:cnn.com"
    assert gaz.outlet("https://edition.cnn.com/2025/08/21/politics/x") == "outlet:cnn.com"
    assert gaz.outlet("„Spiegel“") == "outlet:spiegel.de"
    assert gaz.outlet("Nachrichtenagentur Reuters") == "outlet:reuters.com"
    assert gaz.outlet("Moskau") is None
    assert gaz.kind("outlet:cnn.com") == "outlet"


def test_user_file_extends_the_gazetteer(tmp_path: Path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([
        {"id": "person:anna-beispiel", "name": "Anna Beispiel", "country": "AUT",
         "aliases": ["Anna Beispiel"], "roles": [["Foreign Minister", "AUT", "2031-01-01"]]},
        {"id": "country:UKR", "aliases": ["Ukrajina"]},
    ]), encoding="utf-8")
    gaz = load([extra])
    assert gaz.lookup("Anna Beispiel") == ["person:anna-beispiel"]
    assert gaz.lookup("Ukrajina") == ["country:UKR"]
    assert gaz.get("country:UKR").wikidata == "Q212"  # the shipped entry, extended
    assert "person:anna-beispiel" in holders(gaz, ["foreign_minister"], "AUT", "2031-02-01")


def test_bad_user_file_is_a_config_error(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: no id here\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load([bad])
    worse = tmp_path / "worse.yaml"
    worse.write_text("- {id: spaceship:x}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load([worse])
