"""Hedges, reportative speech, future by time, object negation and general-news triggers
(issue 6). Sentences here are written for the tests and are not in the dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.claims.clauses import clauses, sentences
from lagebild.claims.lexicon import find_triggers
from lagebild.eval.modality import predict, score_modality

DATA = Path(__file__).resolve().parent.parent / "data" / "claims"


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # matrix hedge frames hand their hedge to the dass/that clause
        ("de", "Es ist nicht auszuschließen, dass der Konzern Stellen streicht.", "possible"),
        ("de", "Beobachter halten es für wahrscheinlich, dass Minsk die Grenze schließt.",
         "possible"),
        ("en", "It is possible that the regulator will fine the airline.", "possible"),
        ("en", "It cannot be ruled out that the army will be deployed.", "possible"),
        ("en", "It is not impossible that the union will strike.", "possible"),
        # a rule-out without double negation stays a negation
        ("de", "Die Regierung schloss eine Erhöhung der Steuern aus.", "negated"),
        # reportative soll / reportedly: an unconfirmed report
        ("de", "Der Landrat soll Spenden veruntreut haben.", "possible"),
        ("en", "The director allegedly sacked three workers.", "possible"),
        # planning soll (no perfect infinitive) stays future
        ("de", "Die Stadt soll im Sommer neue Kitas eröffnen und die Gebühren senken.", "future"),
        # epistemic adverbs beat a future auxiliary
        ("en", "The union will probably strike again.", "possible"),
        ("de", "Die Mieten dürften weiter steigen.", "possible"),
        # present tense with a future time
        ("de", "Der Rat stimmt nächste Woche über den Haushalt ab.", "future"),
        ("en", "The minister visits Nairobi next week.", "future"),
        ("de", "Die Polizei durchsuchte am Morgen ein Lager.", "asserted"),
        # a negated object anywhere after the verb; "nicht nur" is no negation
        ("de", "Der Versorger zahlt seinen Kunden in diesem Winter keine Prämie.", "negated"),
        ("de", "Die Polizei nahm bei der Kontrolle niemanden fest.", "negated"),
        ("de", "Die EU liefert nicht nur Geld, sondern auch Zelte.", "asserted"),
        ("en", "The firm has never laid off staff.", "negated"),
        ("en", "The assembly failed to pass the spending bill.", "negated"),
        # more hedges and future markers
        ("de", "Der Konzern wird die Preise wohl anheben.", "possible"),
        ("de", "Es ist unklar, ob die Regierung die Maut erhöht.", "possible"),
        ("en", "The bank apparently cut 90 jobs.", "possible"),
        ("de", "Die Tarife steigen voraussichtlich im Frühjahr.", "future"),
        ("de", "Die Regierung möchte Zölle auf Stahl einführen.", "future"),
        ("en", "The envoy is to visit Accra in May.", "future"),  # "May" is a month here
        ("de", "Sowohl Oslo als auch Rom liefern Zelte.", "asserted"),
    ],
)
def test_modality_of_news_sentences(lang: str, text: str, want: str) -> None:
    assert predict(text, lang)[0] == want


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Das Parlament verabschiedete das Gesetz.", "AGREE"),
        ("The assembly passed a controversial budget.", "AGREE"),
        ("Ein Gericht verurteilte den Mann zu drei Jahren Haft.", "COERCE"),
        ("A court convicted two officials.", "COERCE"),
        ("Ermittler durchsuchten Büros der Firma.", "COERCE"),
        ("Spanien lieferte den Verdächtigen an Frankreich aus.", "COERCE"),
        ("Malta nahm 200 Migranten von dem Schiff auf.", "AID"),
        ("The country tested a hypersonic missile.", "MOBILIZE"),
        ("Der Versorger erhöht die Gaspreise.", "SANCTION"),
        ("The bakery cut its prices.", "CONCEDE"),
        ("Der Konzern baut 500 Stellen ab.", "SANCTION"),
        ("The government rolled back the tariffs.", "CONCEDE"),
        ("Die Liga verhängte eine Strafe gegen den Verein.", "COERCE"),  # capitalised noun
        ("Die Behörde schob zwei Familien nach Serbien ab.", "COERCE"),
        ("The watchdog did not fine the insurer.", "COERCE"),
        ("Truckers will block the main motorways.", "PROTEST"),
        ("Der Versorger verdoppelt die Grundgebühr.", "SANCTION"),
    ],
)
def test_general_news_triggers(text: str, event: str) -> None:
    hits = find_triggers(text)
    assert event in {h.trigger.event for h in hits}, [h.text for h in hits]


def test_particle_that_is_a_preposition_needs_the_clause_end() -> None:
    """"liefert … aus Beständen" is a delivery, not an extradition."""
    hits = find_triggers("Berlin liefert Panzer aus Beständen der Bundeswehr.")
    assert {h.trigger.event for h in hits} == {"AID"}


def test_agent_nouns_are_not_events() -> None:
    assert find_triggers("Die Ermittler und investigators waren vor Ort.") == []


def test_ordinal_dates_and_thousands_do_not_split() -> None:
    text = "Die Preise steigen zum 1. Januar. Toyota recalls 300,000 cars."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["Die Preise steigen zum 1. Januar.",
                                              "Toyota recalls 300,000 cars."]
    assert len(clauses(text, spans[1])) == 1


@pytest.mark.parametrize(
    ("lang", "text", "condition"),
    [
        ("de", "Im Fall, dass die Tarifrunde scheitert, streiken die Piloten.",
         "Im Fall, dass die Tarifrunde scheitert"),
        ("de", "Für den Fall, dass Minsk angreift, verlegt Warschau Truppen.",
         "Für den Fall, dass Minsk angreift"),
        ("en", "In case the vote fails, the union will strike again.",
         "In case the vote fails"),
    ],
)
def test_clause_conditions(lang: str, text: str, condition: str) -> None:
    assert predict(text, lang) == ("conditional", condition)


def test_conditions_solange_and_initial_provided() -> None:
    assert predict("Solange der Streik dauert, schließt das Werk.", "de") == (
        "conditional", "Solange der Streik dauert")
    assert predict("Provided the court agrees, the city will close the road.", "en") == (
        "conditional", "Provided the court agrees")


def test_scorer_reports_coverage(tmp_path: Path) -> None:
    gold = tmp_path / "m.jsonl"
    rows = [{"lang": "en", "text": "The army attacked the town.", "modality": "asserted"},
            {"lang": "en", "text": "The weather was fine.", "modality": "asserted"}]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    scores = score_modality(gold)
    assert scores["claim_coverage"] == 0.5
    assert scores["accuracy_given_claim"] == 1.0
    assert scores["accuracy"] == 0.5  # strict: no claim counts as wrong


@pytest.mark.parametrize(("name", "size"), [("modality_news_dev", 160),
                                            ("modality_news_check", 60),
                                            ("modality_news_check2", 60)])
def test_news_sets_are_balanced(name: str, size: int) -> None:
    items = [json.loads(x) for x in (DATA / f"{name}.jsonl").read_text("utf-8").splitlines()]
    assert len(items) >= size
    langs = [i["lang"] for i in items]
    assert langs.count("de") == langs.count("en")
    mods = {m: [i["modality"] for i in items].count(m) for m in
            ("asserted", "future", "conditional", "possible", "negated")}
    assert min(mods.values()) >= size // 5 - 2
    assert all(i["condition"] for i in items if i["modality"] == "conditional")


def test_prefilter_changes_nothing_on_news_sets() -> None:
    """The rarest-trigram prefilter must never hide a match (optional letters end runs)."""
    for name in ("modality_news_dev", "modality_news_check", "modality_news_check2"):
        for line in (DATA / f"{name}.jsonl").read_text("utf-8").splitlines():
            text = json.loads(line)["text"]
            for sent in sentences(text):
                for clause in clauses(text, sent):
                    assert find_triggers(clause.text) == find_triggers(clause.text,
                                                                       prefilter=False)


@pytest.mark.parametrize("text", [
    "Der Angeklagte schwieg.",  # the defendant (a person), not a charge
    "Zur Belohnung stieg sie auf.",  # "lohn" inside another noun is no wage
    "In Abstimmung mit dem Partner plant die Firma weiter.",  # "in coordination with"
    "We went exploring the old town.",
    "Die Reisenden kamen über Freilassing.",
])
def test_words_that_only_look_like_triggers(text: str) -> None:
    assert find_triggers(text) == [], [h.text for h in find_triggers(text)]


def test_votes_as_a_noun_are_no_vote_event() -> None:
    assert find_triggers("Er wirbt um Stimmen für den Bürgermeister.") == []
    assert [h.trigger.event for h in find_triggers("Der Rat stimmte gegen den Plan.")] == [
        "CONSULT"]
