"""Synthetic news corpora for the Spark tests and benchmarks (our own templates, seeded).

``synthetic_corpus(n, copies=…)`` makes ``n`` JSONL-ready article dicts: ``n / copies``
*events*, each re-published by ``copies`` outlets with small edits (a sentence dropped, a
number changed, one day later) — the shape of wire copies that the stories job has to group
while keeping different events apart. An event is written in German or English from random
parts (subject, verb, object, adverbial) and made-up names, so two events share little text.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

SYLLABLES = ["bra", "ten", "lor", "vik", "sa", "mun", "del", "ro", "ka", "fen", "ti", "gar",
             "os", "wen", "li", "dra", "mo", "hel", "ur", "zan", "pe", "kor", "ny",
             "bel"]  # fmt: skip
ROLES = [("Ministerin", "minister"), ("Bürgermeister", "mayor"), ("Senatorin", "senator"),
         ("Gouverneur", "governor"), ("Botschafterin", "ambassador"),
         ("Sprecher", "spokesman")]  # fmt: skip
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]  # fmt: skip
DE_VERBS = ["fordert", "kritisiert", "unterstützt", "prüft", "verschiebt", "finanziert",
            "blockiert", "begrüßt", "plant", "verlangt", "stoppt", "beschleunigt"]  # fmt: skip
EN_VERBS = ["demands", "criticises", "backs", "reviews", "delays", "funds", "blocks",
            "welcomes", "plans", "calls for", "halts", "speeds up"]  # fmt: skip
OBJECTS = [
    ("den Ausbau des Hafens von {place}", "the expansion of the port of {place}"),
    ("neue Regeln für Drohnen", "new rules for drones"),
    ("eine Reform der Renten", "a pension reform"),
    ("den Bau einer Brücke nach {place}", "a bridge to {place}"),
    ("mehr Geld für Schulen in {place}", "more money for schools in {place}"),
    ("die Rückkehr der Fischereiflotte", "the return of the fishing fleet"),
    ("ein Verbot von Einwegplastik", "a ban on single-use plastic"),
    ("strengere Kontrollen an der Grenze", "tighter border checks"),
    ("eine Steuer auf Flugtickets", "a tax on plane tickets"),
    ("den Verkauf von {number} Lokomotiven", "the sale of {number} locomotives"),
    ("ein Kraftwerk bei {place}", "a power plant near {place}"),
    ("die Schließung der Mine von {place}", "closing the mine at {place}"),
]
ADVERBIALS = [
    ("am {weekday}", "on {weekday}"),
    ("nach einem Treffen in {place}", "after a meeting in {place}"),
    ("trotz heftiger Kritik", "despite fierce criticism"), ("mit {number} Abgeordneten",
    "with {number} lawmakers"), ("gemeinsam mit {other}", "together with {other}"),
    ("ohne Zustimmung des Parlaments", "without parliament's approval"),
    ("zum ersten Mal seit {number} Jahren", "for the first time in {number} years"),
    ("vor der Wahl im Herbst", "ahead of the autumn election"),
]  # fmt: skip
WEEKDAYS = [("Montag", "Monday"), ("Dienstag", "Tuesday"), ("Mittwoch", "Wednesday"),
            ("Donnerstag", "Thursday"), ("Freitag", "Friday")]  # fmt: skip
OUTLETS = ["tagesblick.example", "nordkurier.example", "wirepost.example",
           "dailyledger.example", "abendzeit.example", "metrowire.example", "rundschau.example",
           "globedesk.example"]  # fmt: skip


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _sentence(rng: random.Random, lang: str, fill: dict[str, Any], lead: bool) -> str:
    de = lang == "de"
    role = rng.choice(ROLES)[0 if de else 1]
    subject = (
        f"{role} {fill['person']}" if lead else rng.choice([fill["person"], fill["other"], role])
    )
    if not de and not lead and subject == role:
        subject = f"The {role}"
    verb = rng.choice(DE_VERBS if de else EN_VERBS)
    obj = rng.choice(OBJECTS)[0 if de else 1]
    adverbial = rng.choice(ADVERBIALS)[0 if de else 1]
    if lead:  # the lead dates the event: what keeps two events of one day apart
        when: dt.date = fill["date"]
        adverbial = (
            f"am {when.day}. {MONTHS_DE[when.month - 1]}" if de
            else f"on {when.strftime('%B')} {when.day}"
        )  # fmt: skip
    values = {**fill, "weekday": fill["weekday"][0 if de else 1], "number": rng.randint(3, 90)}
    text = f"{subject} {verb} {obj} {adverbial}.".format(**values)
    return text[0].upper() + text[1:]


def _event(rng: random.Random, lang: str, day: dt.date) -> list[str]:
    fill = {
        "person": f"{_name(rng)} {_name(rng, 3)}", "other": f"{_name(rng)} {_name(rng, 3)}",
        "place": _name(rng, 3), "weekday": rng.choice(WEEKDAYS),
        "date": day - dt.timedelta(days=rng.randrange(0, 30)),
    }  # fmt: skip
    return [_sentence(rng, lang, fill, lead=i == 0) for i in range(6)]


def synthetic_corpus(
    n: int, *, copies: int = 5, seed: int = 7, start: str = "2025-09-01", per_day: int = 400
) -> list[dict[str, Any]]:
    """``n`` article dicts (``id, url, outlet, lang, title, published, text``)."""
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    out: list[dict[str, Any]] = []
    event_no = 0
    while len(out) < n:
        lang = "de" if event_no % 2 == 0 else "en"
        day = first + dt.timedelta(days=(event_no * copies) // per_day)
        sentences = _event(rng, lang, day)
        for copy in range(copies):
            if len(out) >= n:
                break
            body = list(sentences)
            if copy:
                body.pop(rng.randrange(2, len(body)))  # a copy drops a sentence
            title = body[0].rstrip(".")[:90]
            outlet = OUTLETS[(event_no + copy) % len(OUTLETS)]
            published = (day + dt.timedelta(days=1 if copy > 2 else 0)).isoformat()
            out.append({
                "id": f"syn-{len(out):07d}",
                "url": f"https://{outlet}/{published}/story-{event_no}-{copy}",
                "outlet": outlet, "lang": lang, "title": title, "published": published,
                "text": title + "\n\n" + "\n\n".join(body),
            })  # fmt: skip
        event_no += 1
    return out
