"""Hypothesis strategies for random, fully populated article and story records."""

from __future__ import annotations

from hypothesis import strategies as st

from lagebild.records import (
    EVENT_TYPES,
    FORMS,
    MODALITIES,
    SOURCE_TYPES,
    Actor,
    Article,
    Attribution,
    Claim,
    Drift,
    Entity,
    Origin,
    Quantity,
    Removed,
    Role,
    Source,
    Span,
    Speaker,
    Story,
    StoryClaim,
    TimeExpr,
    TimeValue,
)

# Any text a page can carry, including NUL, control characters and astral-plane symbols.
# Plus short strings made of what breaks stores: NUL, a lone surrogate, quotes, astral symbols.
nasty = st.text(st.sampled_from(["\x00", "a", "ä", "'", '"', "\ud800", "\U0001f600"]), max_size=6)
text = st.text(max_size=40) | nasty
opt_text = st.none() | text
ident = st.text("abcdefghijklmnopqrstuvwxyz0123456789:-_.", min_size=1, max_size=16)
opt_ident = st.none() | ident
offset = st.integers(min_value=0, max_value=10**7)
value = st.none() | st.floats(allow_nan=False) | st.integers(-(10**6), 10**6).map(float)
time_type = st.sampled_from(["exact", "approximate", "range", "unresolved"])

span = st.builds(Span, offset, offset, text)
role = st.builds(Role, text, opt_text, opt_text, opt_text, st.sampled_from(["gazetteer", "text"]))
actor = st.builds(
    Actor, text, st.sampled_from(["person", "country", "org", "outlet"]), opt_text, opt_text,
    st.lists(role, max_size=3).map(tuple),
)  # fmt: skip
source = st.builds(Source, text, st.sampled_from(SOURCE_TYPES), opt_ident)
speaker = st.builds(Speaker, text, opt_ident, st.none() | offset, st.none() | offset)
time_value = st.builds(TimeValue, text, opt_text, text, time_type, text)
time_expr = st.builds(TimeExpr, offset, offset, text, opt_text, text, time_type, text)
quantity = st.builds(Quantity, text, value, opt_text, opt_text, opt_text)


@st.composite
def articles(draw: st.DrawFn, article_id: st.SearchStrategy[str] = ident) -> Article:
    n_attr = draw(st.integers(0, 3))
    attributions = tuple(
        Attribution(
            f"t{i}",
            draw(st.sampled_from(FORMS)),
            draw(st.none() | span),
            draw(span),
            draw(st.none() | speaker),
            tuple(draw(st.lists(source, max_size=3))),
        )
        for i in range(n_attr)
    )
    claims = tuple(
        Claim(
            f"c{i}",
            draw(opt_ident),
            draw(st.sampled_from(EVENT_TYPES)),
            draw(opt_text),
            draw(opt_ident),
            draw(st.sampled_from(MODALITIES)),
            draw(opt_text),
            draw(st.none() | quantity),
            draw(st.none() | time_value),
            draw(span),
            draw(st.none() | st.sampled_from([a.id for a in attributions] or [None])),
            draw(opt_text),
            draw(opt_text),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Article(
        id=draw(article_id),
        url=draw(opt_text),
        outlet=draw(st.none() | st.sampled_from(["cnn.com", "spiegel.de", "example.org"]) | text),
        lang=draw(st.none() | st.sampled_from(["de", "en", "uk"]) | text),
        title=draw(opt_text),
        published=draw(st.none() | st.dates().map(str) | text),
        text=draw(st.text(max_size=300) | nasty),
        removed=tuple(draw(st.lists(st.builds(Removed, offset, offset, text, text), max_size=2))),
        entities=tuple(
            draw(st.lists(st.builds(Entity, offset, offset, text, text, opt_ident), max_size=4))
        ),
        actors=draw(st.dictionaries(ident, actor, max_size=3)),
        attributions=attributions,
        times=tuple(draw(st.lists(time_expr, max_size=3))),
        claims=claims,
        author=draw(opt_text),
        source_path=draw(opt_text),
        offset_map=tuple(draw(st.lists(st.tuples(offset, offset, offset), max_size=3))),
        content_hash=draw(st.sampled_from(["", "0" * 64]) | st.text(max_size=80)),
        pipeline_version=draw(st.sampled_from(["lagebild-0.1.0", "test"])),
    )


def stories(article_ids: list[str]) -> st.SearchStrategy[Story]:
    """Stories over the given (stored) article ids."""
    members = st.lists(st.sampled_from(article_ids), min_size=1, max_size=4, unique=True)

    @st.composite
    def build(draw: st.DrawFn) -> Story:
        ids = draw(members)
        claims = tuple(
            StoryClaim(
                f"k{i}",
                draw(opt_ident),
                draw(st.sampled_from(EVENT_TYPES)),
                draw(opt_ident),
                draw(st.dictionaries(st.sampled_from(ids), ident, max_size=len(ids))),
            )
            for i in range(draw(st.integers(0, 3)))
        )
        drift = tuple(
            Drift(
                draw(text),
                draw(opt_ident),
                tuple(draw(st.lists(st.sampled_from(ids), max_size=3))),
                draw(text),
                draw(st.dictionaries(st.sampled_from(ids), text, max_size=2)),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        origin = draw(
            st.none()
            | st.builds(
                Origin,
                opt_text,
                st.none() | st.sampled_from(ids),
                opt_text,
                st.sampled_from(["credited", "earliest"]),
            )
        )
        return Story(draw(ident), tuple(ids), origin, claims, drift, draw(opt_text))

    return build()
