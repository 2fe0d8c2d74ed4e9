"""Clean: one title, the lead once, the body once; boilerplate out; offsets kept.

Scraped and syndicated copies repeat their headline and teaser (the seed article has its
headline twice and its teaser three times) and carry call-to-action lines. The cleaner
splits the raw text into blocks (lines), drops blocks that repeat an earlier block
verbatim or near-verbatim, removes call-to-action sentences, normalises whitespace and
odd quote glyphs, and keeps a position map so that every offset into the cleaned text
maps back to the raw input (:meth:`lagebild.records.Article.raw_offset`). Every removal is
reported in ``removed`` with raw offsets and a reason.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from lagebild.clean.blocks import Block, find_blocks, near_duplicate, normalised
from lagebild.clean.textmap import TextBuilder
from lagebild.errors import EmptyInputError, LimitExceededError
from lagebild.records import Article, Removed, content_hash

__all__ = ["clean", "clean_stage"]

# Sentences that only send the reader elsewhere. Conservative: whole sentences that
# start with one of these, at most 200 characters.
_CTA = re.compile(
    r"(?:(?<=^)|(?<=[.!?…]\s))\s*(?:"
    r"Erfahren Sie mehr|Lesen Sie (?:auch|mehr|hier|weiter)|Mehr (?:dazu|zum Thema|erfahren)"
    r"|Klicken Sie hier|Jetzt (?:abonnieren|anmelden|lesen)|Hier (?:geht es|gelangen Sie|lesen Sie)"
    r"|Folgen Sie uns|Abonnieren Sie|Melden Sie sich .{0,40}Newsletter|Zum (?:Artikel|Liveticker)"
    r"|Weiterlesen|Read more|Learn more|Find out more|Click here|Subscribe (?:to|now)|Sign up"
    r"|Follow us|Continue reading|Related:|Mehr Informationen"
    r")[^.!?\n]{0,200}[.!?…:]?",
    re.IGNORECASE,
)
_HEADLINE_MAX = 200


def _is_headline(block: Block) -> bool:
    text = block.text.strip()
    return 0 < len(text) <= _HEADLINE_MAX and not text.endswith((".", ":", ",", ";"))


def _cta_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CTA.finditer(text) if m.group().strip()]


def clean(raw: str, title: str | None = None) -> dict[str, Any]:
    """Clean ``raw``; returns ``text``, ``title``, ``removed`` and ``offset_map``."""
    blocks = find_blocks(raw)
    removed: list[Removed] = []
    kept: list[Block] = []
    seen: list[tuple[str, Block, str]] = []  # (normalised text, first block, its role)

    if title is None and blocks and _is_headline(blocks[0]) and len(blocks) > 1:
        title = blocks[0].text.strip()
    title_norm = normalised(title) if title else None

    for i, block in enumerate(blocks):
        norm = normalised(_CTA.sub(" ", block.text))
        if not norm:
            continue
        if title_norm and near_duplicate(norm, title_norm):
            reason = (
                "title" if not any(r.reason == "title" for r in removed) else "repeated_headline"
            )
            removed.append(Removed(block.start, block.end, reason, block.text))
            continue
        match = next((s for s in seen if near_duplicate(norm, s[0])), None)
        if match is not None:
            role = match[2]
            removed.append(Removed(block.start, block.end, f"repeated_{role}", block.text))
            continue
        role = "teaser" if not kept and i <= 3 else "paragraph"
        if len(seen) < 400:
            seen.append((norm, block, role))
        kept.append(block)

    builder = TextBuilder(raw)
    for block in kept:
        if builder.length:
            builder.separator(block.start, "\n\n")
        pos = block.start
        for s, e in _cta_spans(block.text):
            builder.copy(pos, block.start + s)
            removed.append(
                Removed(block.start + s, block.start + e, "call_to_action", block.text[s:e].strip())
            )
            pos = block.start + e
        builder.copy(pos, block.end)
    text, offset_map = builder.result()
    removed.sort(key=lambda r: r.raw_start)
    return {"text": text, "title": title, "removed": tuple(removed), "offset_map": offset_map}


def clean_stage(article: Article, doc: object, ctx: Any) -> Article:
    """Pipeline stage: clean the raw text of ``article`` and give it its id."""
    limits = ctx.config.limits
    if len(article.text) > limits.max_text_chars:
        raise LimitExceededError(
            f"text of {len(article.text):,} characters is over the limit "
            f"of {limits.max_text_chars:,}"
        )
    result = clean(article.text, article.title)
    if not result["text"].strip():
        raise EmptyInputError("no text left after cleaning")
    digest = content_hash(result["text"])
    return dataclasses.replace(
        article,
        id=article.id or digest,
        text=result["text"],
        title=result["title"],
        removed=result["removed"],
        offset_map=result["offset_map"],
        content_hash=digest,
    )
