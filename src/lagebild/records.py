"""The data model: the records every stage reads and writes, and their JSON form.

One place for every record type. Records are frozen, slotted dataclasses; sequences are
tuples so that a record can be compared and shared between stages without copying.
A stage makes a new record with :func:`dataclasses.replace`.

``to_dict`` gives the JSON shape documented in DESIGN.md (keys in documented order, ``None``
kept as ``null``); ``from_dict`` reads it back, so ``from_dict(to_dict(x)) == x``.
Spans are character offsets into the article's cleaned ``text``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

from lagebild import PIPELINE_VERSION

SourceType = Literal[
    "named_person",
    "named_org",
    "anonymous_official",
    "anonymous_diplomat",
    "anonymous_sources",
    "outlet",
    "document",
    "unattributed",
]
SOURCE_TYPES: tuple[str, ...] = typing.get_args(SourceType)

Form = Literal["direct", "indirect", "reported", "according_to"]
FORMS: tuple[str, ...] = typing.get_args(Form)

Modality = Literal["asserted", "future", "conditional", "possible", "negated"]
MODALITIES: tuple[str, ...] = typing.get_args(Modality)

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EVENT_TYPES: tuple[str, ...] = typing.get_args(EventType)

TimeType = Literal["exact", "approximate", "range", "unresolved"]
Granularity = Literal["day", "week", "month", "quarter", "year", "range", "unknown"]

DRIFT_KINDS: tuple[str, ...] = (
    "role_changed",
    "number_changed",
    "modality_changed",
    "condition_dropped",
    "source_dropped",
    "source_changed",
    "detail_added",
    "detail_changed",
    "date_changed",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the cleaner removed, with offsets into the raw input."""

    raw_start: int
    raw_end: int
    reason: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    org: str | None = None
    start: str | None = None
    end: str | None = None
    source: str = "gazetteer"  # "gazetteer" or "text" (as said in this article)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str  # person | country | org | group | outlet | place
    country: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    type: SourceType
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    id: str
    form: Form
    cue: Span | None
    content: Span
    speaker: Speaker | None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalised time: what a claim carries (no offsets)."""

    text: str
    resolved: str | None
    granularity: str
    type: TimeType
    reason: str


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression found in the text, normalised against the publication date."""

    start: int
    end: int
    text: str
    resolved: str | None
    granularity: str
    type: TimeType
    reason: str

    def value(self) -> TimeValue:
        return TimeValue(self.text, self.resolved, self.granularity, self.type, self.reason)


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    value: float | None
    unit: str | None = None
    counts: str | None = None  # what is counted ("Länder", "soldiers")
    qualifier: str | None = None  # "more_than", "less_than", "about", "up_to"


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    actor_id: str | None
    event_type: EventType
    mode: str | None
    target_id: str | None
    modality: Modality
    condition: str | None
    quantity: Quantity | None
    time: TimeValue | None
    evidence: Span
    attribution: str | None
    cue: str | None = None
    content: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article: the record of DESIGN.md."""

    id: str
    url: str | None
    outlet: str | None
    lang: str | None
    title: str | None
    published: str | None
    text: str
    removed: tuple[Removed, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: dict[str, Actor] = field(default_factory=dict)
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    author: str | None = None
    source_path: str | None = None
    # [clean_start, raw_start, length] triples: cleaned text[c:c+n] == raw[r:r+n]
    offset_map: tuple[tuple[int, int, int], ...] = ()
    content_hash: str = ""
    pipeline_version: str = PIPELINE_VERSION

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset in ``text`` back to the raw input (None when it falls in a gap)."""
        for c, r, n in self.offset_map:
            if c <= clean_offset <= c + n:
                return r + (clean_offset - c)
        return None


@dataclass(frozen=True, slots=True)
class Origin:
    outlet: str | None
    article_id: str | None
    date: str | None
    basis: Literal["credited", "earliest"]


@dataclass(frozen=True, slots=True)
class StoryClaim:
    id: str
    actor_id: str | None
    event_type: str
    target_id: str | None
    present_in: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Drift:
    kind: str
    claim_id: str | None
    articles: tuple[str, ...]
    detail: str
    evidence: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    articles: tuple[str, ...]
    origin: Origin | None
    claims: tuple[StoryClaim, ...] = ()
    drift: tuple[Drift, ...] = ()
    title: str | None = None
    pipeline_version: str = PIPELINE_VERSION


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be processed: counted, reported, never fatal to a batch."""

    id: str
    stage: str
    reason: str
    code: str = "E000"


# --------------------------------------------------------------------------- ids


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- JSON

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple/dict of them) into plain JSON-ready data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def to_json(record: Any, **kwargs: Any) -> str:
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(to_dict(record), **kwargs)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Literal:
        return value
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _convert(args[0], value)
        for arg in args:  # int | float etc.
            if isinstance(arg, type) and isinstance(value, arg):
                return value
        return value
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_convert(items[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(items, value, strict=True))
    if origin is dict:
        _, vt = typing.get_args(tp)
        return {k: _convert(vt, v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of type ``cls`` from its JSON form; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def article_from_json(line: str) -> Article:
    return from_dict(Article, json.loads(line))
