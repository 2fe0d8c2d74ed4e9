"""Hand-built records for the web tests (our own sentences): a story with drift across an
English origin and a German copy, a hostile copy whose every text field carries markup
that must stay inert, and a generator of stories with many copies for benchmarks."""

from __future__ import annotations

import warnings
from typing import Any

from lagebild.config import Config
from lagebild.records import (
    Actor,
    Article,
    Attribution,
    Claim,
    Drift,
    Entity,
    Origin,
    Quantity,
    Role,
    Source,
    Span,
    Speaker,
    Story,
    StoryClaim,
    TimeValue,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx in its TestClient
    from fastapi.testclient import TestClient

TOKEN = "correct-horse-battery-staple"
# Ingest in tests runs the cheap stages only: no spaCy model is needed for the web layer.
LIGHT = Config(stages=("clean", "language"))

# Any script that runs sets this global; the browser test asserts it stays undefined.
PWN = "window.__pwned=1"
HOSTILE = (
    f'<script>{PWN}</script><img src=x onerror="{PWN}">'
    f'<a href="javascript:{PWN}">click</a></style><style>body{{display:none}}</style>'
    f'<div style="background:url(javascript:{PWN})">x</div><svg onload="{PWN}"></svg>'
)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


ACTORS = {
    "country:NOR": Actor("Norland", "country", "NOR"),
    "country:UKR": Actor("Ukraine", "country", "UKR"),
    "person:anna-berg": Actor(
        "Anna Berg",
        "person",
        "NOR",
        roles=(Role("Foreign Minister", "NOR", "2024-03-01"),),
    ),
}


def origin_article() -> Article:
    text = (
        "Foreign Minister Anna Berg said on Thursday that Norland will send 30 armoured "
        "vehicles to Ukraine if a ceasefire is reached. Two diplomats familiar with the "
        "talks told the Wire that the first vehicles could leave within weeks."
    )
    content = span(
        text, "Norland will send 30 armoured vehicles to Ukraine if a ceasefire is reached"
    )
    cue = span(text, "said")
    att = Attribution(
        "t1",
        "indirect",
        cue,
        content,
        Speaker("Anna Berg", "person:anna-berg"),
        (Source("Anna Berg", "named_person", "person:anna-berg"),),
    )
    att2 = Attribution(
        "t2",
        "reported",
        span(text, "told"),
        span(text, "the first vehicles could leave within weeks"),
        None,
        (
            Source("Two diplomats familiar with the talks", "anonymous_diplomat"),
            Source("the Wire", "outlet", "outlet:wire.example"),
        ),
    )
    claim = Claim(
        "c1",
        "country:NOR",
        "AID",
        None,
        "country:UKR",
        "conditional",
        "if a ceasefire is reached",
        Quantity("30", 30.0, None, "armoured vehicles"),
        TimeValue("on Thursday", "2025-08-21", "day", "exact", "weekday"),
        content,
        "t1",
    )
    ents = (
        Entity(*_pos(text, "Anna Berg"), "Anna Berg", "PER", "person:anna-berg"),
        Entity(*_pos(text, "Norland"), "Norland", "LOC", "country:NOR"),
        Entity(*_pos(text, "Ukraine"), "Ukraine", "LOC", "country:UKR"),
    )
    return Article(
        "a-origin",
        "https://wire.example/norland-vehicles",
        "wire.example",
        "en",
        "Norland pledges 30 vehicles to Ukraine if ceasefire holds",
        "2025-08-21",
        text,
        entities=ents,
        actors=dict(ACTORS),
        attributions=(att, att2),
        claims=(claim,),
    )


def _pos(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def german_copy() -> Article:
    text = (
        "Außenministerin Anna Berg hat angekündigt, Norland werde 40 gepanzerte Fahrzeuge "
        "an die Ukraine liefern. Die ersten Fahrzeuge könnten demnach binnen Wochen starten."
    )
    content = span(text, "Norland werde 40 gepanzerte Fahrzeuge an die Ukraine liefern")
    att = Attribution(
        "t1",
        "indirect",
        span(text, "angekündigt"),
        content,
        Speaker("Anna Berg", "person:anna-berg"),
        (Source("Anna Berg", "named_person", "person:anna-berg"),),
    )
    claim = Claim(
        "c1",
        "country:NOR",
        "AID",
        None,
        "country:UKR",
        "future",
        None,
        Quantity("40", 40.0, None, "Fahrzeuge"),
        None,
        content,
        "t1",
    )
    return Article(
        "a-copy-de",
        "https://tagesblatt.example/norland",
        "tagesblatt.example",
        "de",
        "Norland liefert 40 Fahrzeuge an die Ukraine",
        "2025-08-22",
        text,
        entities=(Entity(*_pos(text, "Anna Berg"), "Anna Berg", "PER", "person:anna-berg"),),
        actors=dict(ACTORS),
        attributions=(att,),
        claims=(claim,),
    )


def hostile_copy() -> Article:
    text = (
        f"Norland will send vehicles to Ukraine, an official said. {HOSTILE} "
        "The vehicles are promised without conditions."
    )
    content = span(text, "Norland will send vehicles to Ukraine")
    evidence = span(text, HOSTILE)  # a claim whose evidence is the hostile markup itself
    att = Attribution(
        "t1",
        "according_to",
        span(text, "said"),
        content,
        Speaker(f"an official {HOSTILE}", None),
        (Source(f"an official {HOSTILE}", "anonymous_official"),),
    )
    claim = Claim(
        "c1",
        "country:NOR",
        "AID",
        None,
        "country:UKR",
        "asserted",
        None,
        None,
        None,
        content,
        "t1",
    )
    claim2 = Claim(
        f'c2"><script>{PWN}</script>',
        "country:NOR",
        "THREATEN",
        None,
        "country:UKR",
        "possible",
        HOSTILE,
        Quantity(HOSTILE, None),
        None,
        evidence,
        None,
    )
    actors = dict(ACTORS)
    actors[f"group:x{HOSTILE}"] = Actor(f"Evil {HOSTILE}", "group")
    return Article(
        "a-hostile",
        f"javascript:{PWN}",
        f"evil{HOSTILE}.example",
        "en",
        f"Hostile title {HOSTILE}",
        "2025-08-22",
        text,
        entities=(
            Entity(0, 7, "Norland", "LOC", "country:NOR"),
            Entity(10, 5, "bad", "LOC", "country:NOR"),  # reversed offsets: dropped
            Entity(-4, 10**9, "bad", "LOC", "country:NOR"),
        ),  # outside the text
        actors=actors,
        attributions=(att,),
        claims=(claim, claim2),
        author=HOSTILE,
    )


def drift_story() -> Story:
    return Story(
        "s-norland",
        ("a-origin", "a-copy-de", "a-hostile"),
        Origin("wire.example", "a-origin", "2025-08-21", "earliest"),
        claims=(
            StoryClaim(
                "k1",
                "country:NOR",
                "AID",
                "country:UKR",
                {"a-origin": "c1", "a-copy-de": "c1", "a-hostile": "c1"},
            ),
        ),
        drift=(
            Drift(
                "number_changed",
                "k1",
                ("a-origin", "a-copy-de"),
                "armoured vehicles: 30 → 40",
                {"a-origin": "send 30 armoured vehicles", "a-copy-de": "40 gepanzerte Fahrzeuge"},
            ),
            Drift(
                "condition_dropped",
                "k1",
                ("a-origin", "a-copy-de"),
                "condition dropped: if a ceasefire is reached",
                {"a-origin": "if a ceasefire is reached", "a-copy-de": ""},
            ),
            Drift(
                "detail_added",
                None,
                ("a-origin", "a-hostile"),
                f"added {HOSTILE}",
                {"a-hostile": HOSTILE},
            ),
        ),
        title="Norland pledges vehicles to Ukraine",
    )


def other_story() -> tuple[list[Article], Story]:
    text = "Ukraine asked Norland for more air defence systems on Monday, the ministry said."
    a = Article(
        "a-other",
        "https://wire.example/air-defence",
        "wire.example",
        "en",
        "Ukraine asks Norland for air defence",
        "2025-09-01",
        text,
        actors={"country:UKR": ACTORS["country:UKR"], "country:NOR": ACTORS["country:NOR"]},
        claims=(
            Claim(
                "c1",
                "country:UKR",
                "REQUEST",
                None,
                "country:NOR",
                "asserted",
                None,
                None,
                None,
                span(text, "Ukraine asked Norland for more air defence"),
                None,
            ),
        ),
    )
    return [a], Story(
        "s-air",
        ("a-other",),
        Origin("wire.example", "a-other", "2025-09-01", "earliest"),
        title=a.title,
    )


def fill(store) -> None:  # type: ignore[no-untyped-def]
    """Put the fixture articles and stories into ``store``."""
    others, story2 = other_story()
    store.save_articles([origin_article(), german_copy(), hostile_copy(), *others])
    store.save_stories([drift_story(), story2])


def many_copies(n: int, prefix: str = "b") -> tuple[list[Article], Story]:
    """A story with ``n`` copies (for benchmarks): each copy has one claim and drift."""
    base = origin_article()
    articles = []
    present = {}
    drift = []
    for i in range(n):
        aid = f"{prefix}-{i:03d}"
        outlet = f"outlet{i:03d}.example"
        articles.append(
            Article(
                aid,
                f"https://{outlet}/story",
                outlet,
                "en" if i % 2 else "de",
                f"Copy {i}: {base.title}",
                f"2025-08-{21 + i % 7:02d}",
                base.text * 12,  # ~2,600 characters, a usual article
                entities=base.entities,
                actors=base.actors,
                attributions=base.attributions,
                claims=base.claims,
            )
        )
        present[aid] = "c1"
        if i:
            drift.append(
                Drift(
                    "number_changed",
                    "k1",
                    (articles[0].id, aid),
                    "30 → 40",
                    {articles[0].id: "30", aid: "40"},
                )
            )
    story = Story(
        f"{prefix}-story",
        tuple(a.id for a in articles),
        Origin(articles[0].outlet, articles[0].id, articles[0].published, "earliest"),
        claims=(StoryClaim("k1", "country:NOR", "AID", "country:UKR", present),),
        drift=tuple(drift),
        title=f"Story with {n} copies",
    )
    return articles, story


def make_client(store: Any, **kwargs: Any) -> TestClient:
    """A TestClient over an app on ``store`` (light ingest pipeline unless told)."""
    from lagebild.web import create_app

    kwargs.setdefault("config", LIGHT)
    app = create_app(None, store=store, **kwargs)
    return TestClient(app, raise_server_exceptions=False)
