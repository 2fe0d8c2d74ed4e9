"""Claims on the project's own demo-style articles (German and English) and on the seed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from lagebild.claims import claims_stage
from lagebild.records import Article, Claim, from_dict, to_dict

DATA = Path(__file__).resolve().parent.parent / "data" / "claims"


def run(article: Article) -> list[Claim]:
    return list(claims_stage(article, None, None).claims)


def find(claims: list[Claim], **want: object) -> list[Claim]:
    return [c for c in claims if all(getattr(c, k) == v for k, v in want.items())]


@pytest.fixture(params=["de", "en"])
def demo(request: pytest.FixtureRequest, make_article: Callable[..., Article]) -> list[Claim]:
    text = (DATA / f"demo_{request.param}.txt").read_text(encoding="utf-8")
    return run(make_article(text, "2025-10-17", request.param))


def test_stage_contract(make_article: Callable[..., Article]) -> None:
    art = make_article("Die USA werden der Ukraine am Montag Waffen liefern.")
    out = claims_stage(art, None, None)
    assert out is not art and art.claims == () and out.claims
    assert out.times and out.times[0].resolved == "2025-08-25"
    assert from_dict(Article, to_dict(out)) == out
    assert [c.id for c in out.claims] == [f"c{i}" for i in range(1, len(out.claims) + 1)]


def test_demo_future_commitment_with_condition(demo: list[Claim]) -> None:
    hits = [c for c in demo if c.modality == "conditional" and c.condition
            and ("Waffenstillstand" in c.condition or "ceasefire" in c.condition)]
    assert hits and hits[0].actor_id in ("country:DEU", "country:USA")
    assert hits[0].event_type in ("COOPERATE", "AID", "SUPPORT")


def test_demo_request_to_lead(demo: list[Claim]) -> None:
    req = [c for c in demo if c.event_type == "REQUEST" and c.target_id in
           ("country:FRA", "group:europe")]
    assert req and req[0].actor_id in ("person:boris-pistorius", "person:marco-rubio")
    assert req[0].content and ("Führung" in req[0].content or "lead" in req[0].content)


def test_demo_possible_and_negated(demo: list[Claim]) -> None:
    assert find(demo, modality="possible")
    ruled = [c for c in demo if c.modality == "negated" or c.event_type == "REJECT"]
    assert any(c.actor_id in ("person:boris-pistorius", "person:donald-trump") for c in ruled)


def test_demo_quantity_turkey_russia(demo: list[Claim]) -> None:
    q = [c.quantity for c in demo if c.quantity]
    assert q and q[0].value in (12.0, 30.0) and q[0].counts in ("Länder", "countries")
    assert any(c.actor_id == "country:TUR" and c.event_type == "SUPPORT" for c in demo)
    rus = [c for c in demo if c.actor_id == "country:RUS" and c.event_type == "REJECT"]
    assert rus and rus[0].modality == "conditional"


def test_demo_weekday_time_on_claim(demo: list[Claim]) -> None:
    days = {"2025-10-13", "2025-10-15", "2025-10-16"}  # Monday, Wednesday, Thursday
    assert any(c.time and c.time.resolved in days for c in demo)


def test_compound_actors_split(make_article: Callable[..., Article]) -> None:
    claims = run(make_article("Die USA und ihre Verbündeten verhängten Sanktionen gegen Iran."))
    assert {c.actor_id for c in claims} == {"country:USA", "group:allies"}
    assert {c.target_id for c in claims} == {"country:IRN"}


def test_separable_verb_and_nominalisation(make_article: Callable[..., Article]) -> None:
    claims = run(make_article("Polen schloss eine Beteiligung an der Mission aus."))
    assert claims[0].actor_id == "country:POL" and claims[0].modality == "negated"
    claims = run(make_article("Die Zusage Frankreichs zur Lieferung von Panzern kam spät."))
    assert claims[0].event_type == "AID" and claims[0].modality == "future"


def test_request_content_is_the_requested_action(make_article: Callable[..., Article]) -> None:
    claims = run(make_article("Polen forderte Deutschland auf, mehr Panzer zu liefern."))
    req = find(claims, event_type="REQUEST")
    assert req and req[0].actor_id == "country:POL" and req[0].target_id == "country:DEU"
    assert "Panzer" in (req[0].content or "")


def test_attribution_link(make_article: Callable[..., Article]) -> None:
    from lagebild.records import Attribution, Source, Span, Speaker

    text = "Rubio sagte, die USA würden der Ukraine Waffen liefern."
    att = Attribution("t1", "indirect", Span(6, 11, "sagte"), Span(13, len(text) - 1, text[13:-1]),
                      Speaker("Rubio", "person:marco-rubio"),
                      (Source("Rubio", "named_person", "person:marco-rubio"),))
    art = dataclasses.replace(make_article(text), attributions=(att,))
    claims = run(art)
    assert claims and claims[0].attribution == "t1" and claims[0].actor_id == "country:USA"


def test_seed_article(seed_text: str, make_article: Callable[..., Article]) -> None:
    claims = run(make_article(seed_text))
    who = lambda c: (c.actor_id or "").lower()  # noqa: E731
    assert any(("usa" in who(c) or "rubio" in who(c)) and c.event_type in
               ("SUPPORT", "COOPERATE", "AID") and c.target_id == "country:UKR"
               and c.modality == "future" for c in claims)
    assert any(c.event_type == "REQUEST" and "rubio" in who(c) and c.target_id == "group:europe"
               for c in claims)
    assert any(c.modality == "conditional" and "Friedensabkommen" in (c.condition or "")
               for c in claims)
    assert any(c.modality == "possible" and "Piloten" in c.evidence.text for c in claims)
    assert any("trump" in who(c) and (c.modality == "negated" or c.event_type == "REJECT")
               and "Truppen" in c.evidence.text for c in claims)
    assert any(c.quantity and c.quantity.value == 30 and c.quantity.counts == "Länder"
               for c in claims)
    assert any(who(c) == "country:tur" and c.event_type in ("SUPPORT", "COOPERATE", "AGREE")
               for c in claims)
    assert any(who(c) == "country:rus" and c.event_type == "REJECT" and "Veto" in
               (c.condition or "") + c.evidence.text for c in claims)


def test_seed_weekdays(seed_text: str) -> None:
    from lagebild.claims.time import find_times

    got = {t.text.lower(): t.resolved for t in find_times(seed_text, "de", "2025-08-22")}
    assert got["am montag"] == "2025-08-18"
    assert got["am mittwoch"] == "2025-08-20"
    assert got["mittwochstreffen"] == "2025-08-20"
    assert got["am donnerstag"] == "2025-08-21"


def test_actor_inside_condition_is_not_the_target():
    """'if Russia and Ukraine agree …' conditions the commitment; Russia is not its target."""
    from lagebild.config import Config
    from lagebild.pipeline import Context, process
    from lagebild.records import Article

    ctx = Context(Config())
    for lang, text in [
        ("en", "Germany will take part in a mission to protect merchant shipping in the Black "
               "Sea if Russia and Ukraine agree a ceasefire, a diplomat said."),
        ("de", "Deutschland werde sich an einer Mission im Schwarzen Meer beteiligen, falls "
               "Russland und die Ukraine einen Waffenstillstand vereinbaren, sagte ein Diplomat."),
    ]:
        out = process(Article("c", None, None, lang, "T", "2025-10-17", text), ctx)
        conditional = [c for c in out.claims if c.modality == "conditional"]
        assert conditional, (lang, out.claims)
        assert all(c.target_id not in ("country:RUS", "country:UKR") for c in conditional)
        assert "Russ" in (conditional[0].condition or "")
