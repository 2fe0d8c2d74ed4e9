from __future__ import annotations

from lagebild.stories import cues
from lagebild.stories.text import dates, numbers, paragraphs, sentences


def test_numbers_digits_words_and_scales():
    text = "Zwölf Länder, 1,5 Millionen Geschosse und 5 Milliarden Euro"
    values = [v for v, _, _ in numbers(text)]
    assert values == [12.0, 1.5e6, 5e9]
    assert [v for v, _, _ in numbers("twelve ships, 0.25 points, 10,000 troops")] == [
        12.0, 0.25, 10000.0]


def test_weekdays_resolve_back_from_publication_day():
    # 2025-10-17 is a Friday
    assert [d for d, _, _ in dates("am Donnerstag", "2025-10-17")] == ["2025-10-16"]
    assert [d for d, _, _ in dates("on Friday", "2025-10-17")] == ["2025-10-17"]
    assert [d for d, _, _ in dates("BERLIN, Oct 16 -", "2025-10-17")] == ["2025-10-16"]
    assert list(dates("am Donnerstag", None)) == []


def test_repeated_lines_are_kept_once():
    text = "Kopf\nTeaser hier.\nTeaser hier.\nKopf\nText eins. Text zwei."
    assert paragraphs(text) == ["Kopf", "Teaser hier.", "Text eins. Text zwei."]
    assert [s for _, _, s in sentences(text)] == ["Kopf", "Teaser hier.", "Text eins.",
                                                  "Text zwei."]


def test_sentence_offsets_point_into_the_text():
    text = "Erster Satz hier. Zweiter Satz folgt!\nDritter."
    for start, end, sent in sentences(text):
        assert text[start:end] == sent


def test_credit_patterns_in_both_languages():
    found = lambda t: [n for n, _, _ in cues.credits(t)]  # noqa: E731
    assert found("The minister said so, CNN reports.") == ["CNN"]
    assert found("Das berichtet CNN unter Berufung auf einen Diplomaten.") == ["CNN"]
    assert found("the official said, citing CNN.") == ["CNN"]
    assert found("Fidan told CNN on Wednesday.") == ["CNN"]
    assert found("berichtete die Financial Times unter Berufung auf zwei Mitglieder") == [
        "Financial Times"]
    # people and anonymous sources are not outlets
    assert found("Pistorius told Rutte on Monday, according to a diplomat.") == []
    assert found("sagte der Minister auf Nachfrage.") == []


def test_modality_condition_and_roles():
    assert cues.modality("Germany will take part in the mission.", "en") == "future"
    assert cues.modality("Germany could take part in the mission.", "en") == "possible"
    assert cues.modality("Deutschland will sich beteiligen.", "de") is None  # will = wants
    assert cues.modality("Europe could not wait.", "en") is None
    assert cues.has_condition("if Russia and Ukraine agree a ceasefire")
    assert cues.has_condition("sofern Ungarn seine Blockade aufgibt")
    assert not cues.has_condition("after Russia and Ukraine agreed a ceasefire")
    roles = cues.roles("Der Verteidigungsminister Boris Pistorius und EZB-Präsidentin "
                       "Christine Lagarde trafen German Foreign Minister Annalena Baerbock.")
    assert {k: v[0] for k, v in roles.items()} == {
        "pistorius": "defence_minister", "lagarde": "president", "baerbock": "foreign_minister"}
    assert cues.source_types("a diplomat familiar with the call said") == {"diplomat"}
    assert cues.source_types("sagte ein Regierungsbeamter") == {"official"}
