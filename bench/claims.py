"""Cost of the claims stage (times + claims) relative to the nlp stage, per article.

German: the 10kGNAD test articles (../shared/data/tenk_gnad_test); English: the English
side of the WMT24 documents (../shared/data/wmt24_en_de_docs). Each article goes through
nlp → actors → attribution (untimed) and then the claims stage (timed); the script prints
seconds for nlp and claims, the ratio claims/nlp, claims-stage words/s and articles/s, and
claims and time expressions per article.

    .venv/bin/python bench/claims.py --limit 200
"""

from __future__ import annotations

import argparse
import json
import time

from corpora import texts  # bench/ is on sys.path when a script here runs


def run(lang: str, limit: int) -> dict[str, object]:
    from lagebild.claims import claims_stage
    from lagebild.config import Config
    from lagebild.nlp import load
    from lagebild.pipeline import Context, stage_function
    from lagebild.records import Article

    ctx = Context(Config())
    nlp = load(lang, ctx.config)
    actors, attribution = stage_function("actors"), stage_function("attribution")
    nlp_s = claims_s = 0.0
    n_claims = n_times = words = 0
    docs = texts(lang, limit)
    for n, text in enumerate(docs):
        article = Article(str(n), None, None, lang, None, "2016-01-01", text)
        started = time.perf_counter()
        doc = nlp(text)
        nlp_s += time.perf_counter() - started
        article = attribution(actors(article, doc, ctx), doc, ctx)
        started = time.perf_counter()
        out = claims_stage(article, doc, ctx)
        claims_s += time.perf_counter() - started
        n_claims += len(out.claims)
        n_times += len(out.times)
        words += len(text.split())
    return {"lang": lang, "articles": len(docs), "words": words, "nlp_s": round(nlp_s, 2),
            "claims_s": round(claims_s, 3), "ratio_claims_to_nlp": round(claims_s / nlp_s, 4),
            "claims_words_per_s": round(words / claims_s), "claims_articles_per_s":
            round(len(docs) / claims_s, 1), "claims_per_article": round(n_claims / len(docs), 2),
            "times_per_article": round(n_times / len(docs), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles per language (0 = all)")
    parser.add_argument("--lang", choices=("de", "en", "both"), default="both")
    args = parser.parse_args()
    for lang in ("de", "en") if args.lang == "both" else (args.lang,):
        print(json.dumps(run(lang, args.limit)))


if __name__ == "__main__":
    main()
