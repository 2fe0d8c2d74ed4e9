"""Time normalisation: weekdays, relative days/weeks, ranges, dates, English, no date."""

from __future__ import annotations

import pytest

from lagebild.claims.time import find_times

PUB = "2025-08-22"  # a Friday


def one(text: str, published: str | None = PUB, **kw: object) -> tuple[str | None, str, str]:
    found = find_times(text, None, published, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    t = found[0]
    return t.resolved, t.granularity, t.type


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Das Telefonat am Donnerstag umfasste Berater.", "2025-08-21"),
        ("Dies wurde am Montag angesprochen.", "2025-08-18"),
        ("Am Mittwoch trafen sich die Chefs.", "2025-08-20"),
        ("Ein Beamter, der mit den Mittwochstreffen vertraut war.", "2025-08-20"),
        ("Am Freitag sprach er.", "2025-08-22"),
        ("Der Präsident wird am Montag reisen.", "2025-08-25"),
        ("Am kommenden Dienstag beginnt die Konferenz.", "2025-08-26"),
        ("Am vergangenen Freitag gab es eine Einigung.", "2025-08-15"),
        ("Last Tuesday the envoy met rebels.", "2025-08-19"),
        ("The minister will travel on Monday.", "2025-08-25"),
    ],
)
def test_weekdays_resolve_against_publication_date(text: str, value: str) -> None:
    assert one(text)[:2] == (value, "day")


@pytest.mark.parametrize(
    ("text", "value", "granularity", "kind"),
    [
        ("Gestern wurde unterzeichnet.", "2025-08-21", "day", "exact"),
        ("Die Delegation reist morgen ab.", "2025-08-23", "day", "exact"),
        ("Vergangene Woche tagte der Rat.", "2025-W33", "week", "exact"),
        ("Klarheit gibt es innerhalb der kommenden zwei Wochen.", "2025-08-22/2025-09-05",
         "range", "range"),
        ("An answer is expected within the next two weeks.", "2025-08-22/2025-09-05", "range",
         "range"),
        ("Am 21. August traf sich die Gruppe.", "2025-08-21", "day", "exact"),
        ("Die Frist läuft Anfang Dezember ab.", "2025-12", "month", "approximate"),
        ("Officials met on Aug. 21 in Rome.", "2025-08-21", "day", "exact"),
        ("Der Vertrag vom 14.03.2022 gilt.", "2022-03-14", "day", "exact"),
        ("Im vergangenen Jahr stiegen die Ausgaben.", "2024", "year", "exact"),
        ("Vor zwei Tagen kam es zu Angriffen.", "2025-08-20", "day", "exact"),
        ("The ceasefire collapsed two days ago.", "2025-08-20", "day", "exact"),
        ("Im Mai letzten Jahres scheiterten Gespräche.", "2024-05", "month", "exact"),
    ],
)
def test_relative_and_absolute(text: str, value: str, granularity: str, kind: str) -> None:
    assert one(text) == (value, granularity, kind)


def test_no_publication_date_is_unresolved_with_reason() -> None:
    found = find_times("Am Donnerstag sprach sie, am 5. Mai 2021 wurde unterzeichnet.", "de",
                       None)
    assert [t.type for t in found] == ["unresolved", "exact"]
    assert found[0].resolved is None and "publication date" in found[0].reason
    assert found[1].resolved == "2021-05-05"


def test_offsets_point_into_text() -> None:
    text = "Schon am Montag hatte das Kabinett getagt, am Mittwoch folgte der Gipfel."
    for t in find_times(text, "de", PUB):
        assert text[t.start : t.end] == t.text


def test_counts_and_years_are_not_confused() -> None:
    found = find_times("1.000 Soldaten und 2000 Panzer wurden 1939 verlegt.", "de", PUB)
    assert [t.resolved for t in found] == ["1939"]


def test_narrative_year_context_and_section_headings() -> None:
    text = ("1862\n\nIm Juni griff die Armee an. Am 4. Juli fiel die Stadt.\n\n1863\n\n"
            "Im Mai kam es.")
    values = [t.resolved for t in find_times(text, "de", "2011-02-16", narrative=True)]
    assert values == ["1862", "1862-06", "1862-07-04", "1863", "1863-05"]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("Trump said he may visit Kyiv.", "en", PUB) == []
    assert one("He may visit Kyiv in May.")[0] == "2025-05"
