"""The claims stage inside the real pipeline (nlp → actors → attribution → claims)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.records import Article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "sample_de_rubio.txt"
DEMO = ROOT / "src" / "lagebild" / "demo" / "articles.jsonl"


def _process(article: Article) -> Article:
    from lagebild.config import Config
    from lagebild.errors import ModelNotFoundError
    from lagebild.pipeline import Context, process

    try:
        return process(article, Context(Config()))
    except ModelNotFoundError as err:
        pytest.skip(f"pipeline model missing: {err}")


@pytest.mark.slow
def test_seed_through_pipeline() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seeds not available")
    out = _process(Article("seed", None, None, None, None, "2025-08-22",
                           SEED.read_text(encoding="utf-8")))
    claims = out.claims
    assert any(c.event_type == "REQUEST" and "rubio" in (c.actor_id or "")
               and c.target_id == "group:europe" for c in claims)
    assert any(c.modality == "conditional" and "Friedensabkommen" in (c.condition or "")
               for c in claims)
    pilots = [c for c in claims if c.modality == "possible" and "Piloten" in c.evidence.text]
    assert pilots and pilots[0].attribution is not None
    assert any("trump" in (c.actor_id or "") and "Truppen" in c.evidence.text
               and (c.modality == "negated" or c.event_type == "REJECT") for c in claims)
    ids = {a.id for a in out.attributions}
    assert all(c.attribution in ids for c in claims if c.attribution)


@pytest.mark.slow
def test_demo_articles_through_pipeline() -> None:
    rows = {json.loads(x)["id"]: json.loads(x) for x in DEMO.read_text("utf-8").splitlines()
            if x.strip()}
    out = {}
    for key in ("demo-de-1", "demo-en-1"):
        row = rows[key]
        out[key] = _process(Article(row["id"], row.get("url"), row.get("outlet"),
                                    row.get("lang"), row.get("title"), row.get("published"),
                                    row["text"]))
    de, en = out["demo-de-1"], out["demo-en-1"]
    assert any(c.modality == "conditional" and "Waffenstillstand" in (c.condition or "")
               and c.actor_id == "country:DEU" for c in de.claims)
    assert any(c.quantity and c.quantity.value == 12 for c in de.claims)
    assert any(t.text == "am Donnerstag" and t.resolved == "2025-10-16" for t in de.times)
    for art in (de, en):
        assert any(c.modality == "possible" for c in art.claims)
        assert any(c.modality == "negated" and c.actor_id == "person:boris-pistorius"
                   for c in art.claims)
        assert any(c.actor_id == "country:RUS" and c.event_type == "REJECT" for c in art.claims)
