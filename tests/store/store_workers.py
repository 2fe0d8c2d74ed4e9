"""Worker processes for the concurrent-writer tests (importable by spawned children)."""

from __future__ import annotations

from typing import Any

from lagebild.records import Actor, Article, Claim, Entity, Failure, Span

ACTORS = {
    "country:UKR": Actor("Ukraine", "country", "UKR"),
    "country:USA": Actor("United States", "country", "USA"),
    "person:marco-rubio": Actor("Marco Rubio", "person", "USA"),
}


def make_article(article_id: str, variant: str = "") -> Article:
    text = f"Artikel {article_id}: Rubio sagte der Ukraine Hilfe zu. {variant}".strip()
    claim = Claim(
        "c1", "person:marco-rubio", "AID", None, "country:UKR", "asserted", None, None, None,
        Span(0, len(text), text), None,
    )  # fmt: skip
    return Article(
        article_id, None, "example.org", "de", f"Titel {article_id}", "2025-08-22", text,
        entities=(Entity(0, 5, "Rubio", "PER", "person:marco-rubio"),),
        actors=dict(ACTORS), claims=(claim,),
    )  # fmt: skip


def write_many(url: str, worker: int, n_own: int, n_shared: int, start: Any) -> tuple[int, int]:
    """Open the store (maybe creating it) at the same moment as the other worker, then write
    own articles, shared identical articles, shared conflicting articles and failures in
    small batches so that the two writers' transactions interleave."""
    from lagebild.store import Store

    start.wait()
    with Store.open(url) as store:
        written = same = 0
        for i in range(0, n_own, 10):
            batch = [make_article(f"w{worker}-{j:04d}") for j in range(i, min(i + 10, n_own))]
            batch += [make_article(f"shared-{j:04d}") for j in range(i, min(i + 10, n_shared))]
            batch += [make_article(f"fight-{j:04d}", f"w{worker}") for j in range(i, i + 2)]
            w, s = store.save_articles(batch, batch_size=7)
            written, same = written + w, same + s
            store.save_failure(Failure(f"w{worker}-bad-{i}", "ingest", "test failure"))
        return written, same


def run_worker(url: str, worker: int, n_own: int, n_shared: int, start: Any, out: Any) -> None:
    """Process entry point: put ("ok", (written, same)) or ("error", message) on ``out``."""
    try:
        out.put(("ok", write_many(url, worker, n_own, n_shared, start)))
    except Exception as err:  # reported to the parent test, which fails with the message
        out.put(("error", f"{type(err).__name__}: {err}"))


def expected_ids(n_own: int, n_shared: int) -> set[str]:
    ids = {f"w{w}-{j:04d}" for w in (0, 1) for j in range(n_own)}
    ids |= {f"shared-{j:04d}" for j in range(n_shared)}
    ids |= {f"fight-{j:04d}" for i in range(0, n_own, 10) for j in range(i, i + 2)}
    return ids


def write_forever(url: str, first_batch: int, batch_size: int = 10) -> None:
    """Write batches of new articles until killed (the crash test SIGKILLs this process)."""
    from lagebild.store import Store

    with Store.open(url) as store:
        batch_no = first_batch
        while True:
            batch = [make_article(f"b{batch_no:05d}-{i}") for i in range(batch_size)]
            store.save_articles(batch, batch_size=batch_size)
            batch_no += 1


if __name__ == "__main__":
    import sys

    write_forever(sys.argv[1], int(sys.argv[2]))
