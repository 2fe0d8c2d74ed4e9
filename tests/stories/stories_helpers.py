"""Hand-built records for the stories tests (our own sentences)."""

from __future__ import annotations

from lagebild.records import (
    Article,
    Attribution,
    Claim,
    Entity,
    Quantity,
    Source,
    Span,
    TimeValue,
)


def article(aid: str, text: str, *, lang: str = "en", published: str | None = "2025-10-17",
            outlet: str | None = None, title: str | None = None, **kw: object) -> Article:
    return Article(id=aid, url=None, outlet=outlet or f"{aid}.example", lang=lang, title=title,
                   published=published, text=text, **kw)  # type: ignore[arg-type]


def claim(cid: str, text: str, evidence: str, *, actor: str | None = "person:boris-pistorius",
          event: str = "COOPERATE", target: str | None = None, modality: str = "future",
          condition: str | None = None, quantity: float | None = None,
          day: str | None = None) -> Claim:
    start = text.index(evidence)
    return Claim(
        id=cid, actor_id=actor, event_type=event, mode=None, target_id=target,  # type: ignore[arg-type]
        modality=modality, condition=condition,  # type: ignore[arg-type]
        quantity=Quantity(str(quantity), quantity) if quantity is not None else None,
        time=TimeValue(day, day, "day", "exact", "test") if day else None,
        evidence=Span(start, start + len(evidence), evidence), attribution=None,
    )


def entity(text: str, surface: str, actor_id: str, label: str = "PER") -> Entity:
    start = text.index(surface)
    return Entity(start, start + len(surface), surface, label, actor_id)


def outlet_credit(name: str, actor_id: str) -> Attribution:
    return Attribution(id="t1", form="reported", cue=None, content=Span(0, 0, ""), speaker=None,
                       sources=(Source(name, "outlet", actor_id),))
