"""Cost of the actors stage relative to the nlp stage, per article (German and English).

German: the 10kGNAD test articles (../shared/data/tenk_gnad_test); English: the English
side of the WMT24 documents (../shared/data/wmt24_en_de_docs). For each article the nlp
stage (the configured spaCy pipeline) and then the actors stage run; the script prints the
total seconds of each, the ratio actors/nlp, entities and linked share.

    .venv/bin/python bench/actors.py --limit 200
"""

from __future__ import annotations

import argparse
import json
import time

from corpora import texts  # bench/ is on sys.path when a script here runs


def run(lang: str, limit: int) -> dict[str, object]:
    from lagebild.actors import actors_stage, gazetteer
    from lagebild.config import Config
    from lagebild.nlp import load
    from lagebild.pipeline import Context
    from lagebild.records import Article

    ctx = Context(Config())
    nlp = load(lang, ctx.config)
    started = time.perf_counter()
    ctx.resource("actors.gazetteer", gazetteer)
    load_s = time.perf_counter() - started
    nlp_s = actors_s = 0.0
    entities = linked = 0
    docs = texts(lang, limit)
    for n, text in enumerate(docs):
        article = Article(str(n), None, None, lang, None, "2016-01-01", text)
        started = time.perf_counter()
        doc = nlp(text)
        nlp_s += time.perf_counter() - started
        started = time.perf_counter()
        out = actors_stage(article, doc, ctx)
        actors_s += time.perf_counter() - started
        entities += len(out.entities)
        linked += sum(1 for e in out.entities if e.actor_id)
    return {"lang": lang, "articles": len(docs), "nlp_s": round(nlp_s, 2),
            "actors_s": round(actors_s, 3), "ratio": round(actors_s / nlp_s, 4),
            "gazetteer_load_s": round(load_s, 2), "entities": entities,
            "linked_share": round(linked / max(1, entities), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--lang", action="append", choices=["de", "en"])
    args = parser.parse_args()
    for lang in args.lang or ["de", "en"]:
        print(json.dumps(run(lang, args.limit)))


if __name__ == "__main__":
    main()
