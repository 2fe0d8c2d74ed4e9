"""News sentence rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.nlp import sentences  # noqa: E402


@pytest.fixture(scope="module")
def de():
    nlp = spacy.blank("de")
    sentences.add_to(nlp)
    return nlp


@pytest.fixture(scope="module")
def en():
    nlp = spacy.blank("en")
    sentences.add_to(nlp)
    return nlp


def split(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Weber sagte am 12. Mai, der Verein habe 3 Mio. Euro verloren. Danach ging er.",
            ["Dr. Weber sagte am 12. Mai, der Verein habe 3 Mio. Euro verloren.",
             "Danach ging er."],
        ),
        (
            "Der Fehlbetrag liegt bei 3 Mio. Die Kasse ist leer.",
            ["Der Fehlbetrag liegt bei 3 Mio.", "Die Kasse ist leer."],
        ),
        (
            "Das gilt z. B. für die U.S. Navy und Prof. Ebert.",
            ["Das gilt z. B. für die U.S. Navy und Prof. Ebert."],
        ),
        (
            "„Wir geben nicht nach“, sagte die Sprecherin. »Niemals.« Dann schwieg sie.",
            ["„Wir geben nicht nach“, sagte die Sprecherin.", "»Niemals.«", "Dann schwieg sie."],
        ),
        (
            "„Wir kommen morgen.“ Sie nickte. \"Gut!\", rief der Wirt.",
            ["„Wir kommen morgen.“", "Sie nickte.", "\"Gut!\", rief der Wirt."],
        ),
        (
            "„Das reicht!“ sagte der Trainer.",
            ["„Das reicht!“ sagte der Trainer."],
        ),
        (
            "KIEW/MOSKAU (AFP) – Die Gespräche gehen weiter. Ein Ende ist nicht absehbar.",
            ["KIEW/MOSKAU (AFP) – Die Gespräche gehen weiter.", "Ein Ende ist nicht absehbar."],
        ),
        (
            "Minister sagt Hilfe zu\n\nBerlin – Die Hilfe kommt bald.",
            ["Minister sagt Hilfe zu", "Berlin – Die Hilfe kommt bald."],
        ),
        (
            "Der Vertrag wurde am 3. Oktober in St. Gallen von Anna B. Kraus unterzeichnet.",
            ["Der Vertrag wurde am 3. Oktober in St. Gallen von Anna B. Kraus unterzeichnet."],
        ),
    ],
)
def test_german_news_sentences(de, text: str, expected: list[str]) -> None:
    assert split(de, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She moved to the U.S. The move was quick.",
         ["She moved to the U.S.", "The move was quick."]),
        ("The U.S. Navy and Dr. Lee agreed.", ["The U.S. Navy and Dr. Lee agreed."]),
        ('"We will not yield," he said. "Never." Then he left.',
         ['"We will not yield," he said.', '"Never."', "Then he left."]),
        ("LONDON (Reuters) - Talks resumed on Monday. Both sides met.",
         ["LONDON (Reuters) - Talks resumed on Monday.", "Both sides met."]),
    ],
)
def test_english_news_sentences(en, text: str, expected: list[str]) -> None:
    assert split(en, text) == expected


def test_quote_roles_pair_marks() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Sie sagte: »Es reicht.« Er antwortete: „Nein.“")
    roles = {doc[i].text: role for i, role in sentences.quote_roles(doc).items()}
    assert roles == {"»": "open", "«": "close", "„": "open", "“": "close"}


def test_component_is_added_before_a_parser() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("parser")
    sentences.add_to(nlp)
    assert nlp.pipe_names == [sentences.FACTORY, "parser"]
    sentences.add_to(nlp)  # idempotent
    assert nlp.pipe_names.count(sentences.FACTORY) == 1
