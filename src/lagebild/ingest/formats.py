"""One reader per input format: bytes in, raw (uncleaned) articles out.

Each reader yields :class:`~lagebild.records.Article` objects whose ``text`` is the raw
text before cleaning (``id`` is ``""`` unless the input gives one) or a
:class:`~lagebild.records.Failure` for a part that could not be read; one bad entry never
stops the rest of its file.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from lagebild.config import Limits
from lagebild.errors import LagebildError, LimitExceededError, MalformedInputError
from lagebild.ingest.dates import date_from_dateline, date_from_url, normalise_date
from lagebild.ingest.decode import decode
from lagebild.records import Article, Failure

log = logging.getLogger(__name__)

Item = Article | Failure


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:  # "http://[bad" and other unparsable URLs: no outlet, not a crash
        return None
    return host.removeprefix("www.") or None


def _article(text: str, *, origin: str, **meta: object) -> Article:
    url = meta.get("url") or None
    published = (
        normalise_date(meta.get("published"))
        or date_from_url(str(url) if url else None)
        or date_from_dateline(text)
    )
    return Article(
        id=str(meta.get("id") or ""),
        url=str(url) if url else None,
        outlet=str(meta.get("outlet") or "") or outlet_from_url(str(url) if url else None),
        lang=str(meta.get("lang") or "") or None,
        title=str(meta.get("title") or "") or None,
        published=published,
        text=text,
        author=str(meta.get("author") or "") or None,
        source_path=origin,
    )


# --------------------------------------------------------------------------- text


def read_text(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    text, _ = decode(data)
    title = None
    if origin.endswith((".md", ".markdown")):
        m = re.match(r"\s*#\s+(.+)\n", text)
        if m:
            title = m[1].strip()
    yield _article(text, origin=origin, title=title)


# --------------------------------------------------------------------------- HTML


def _check_depth(html: str, limits: Limits) -> None:
    """Refuse absurdly nested markup before a parser has to recurse through it."""
    depth = deepest = 0
    for m in re.finditer(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>", html):
        if m[1]:
            depth = max(0, depth - 1)
        elif not m[3] and m[2].lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limits.max_html_depth:
                raise LimitExceededError(
                    f"HTML nesting deeper than {limits.max_html_depth} levels; refused"
                )


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "p", "li", "option"}  # fmt: skip


def html_to_article(html: str, origin: str, limits: Limits, **meta: object) -> Article:
    import trafilatura

    _check_depth(html, limits)
    url = meta.get("url")
    doc = trafilatura.bare_extraction(
        html, url=str(url) if url else None, include_comments=False, with_metadata=True,
        include_tables=False,
    )  # fmt: skip
    found: dict[str, Any] = {}
    if isinstance(doc, dict):
        found = doc
    elif doc is not None:
        found = doc.as_dict()
    text = found.get("text") or ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise MalformedInputError("no article text found in the HTML")
    merged = {
        "title": found.get("title"),
        "published": found.get("date"),
        "author": found.get("author"),
        "url": found.get("url"),
        "outlet": found.get("hostname") or found.get("sitename"),
    }
    merged.update({k: v for k, v in meta.items() if v})
    return _article(text, origin=origin, **merged)


def read_html(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    html, _ = decode(data)
    yield html_to_article(html, origin, limits)


# --------------------------------------------------------------------------- feeds


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _fragment_text(fragment: str) -> str:
    """Text of an HTML fragment from a feed entry, one paragraph per block element."""
    import lxml.html

    # lxml refuses NUL and other control characters anywhere in a tree: drop them first
    fragment = _CONTROL.sub("", fragment)
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception as err:  # lxml raises several types on junk
        raise MalformedInputError(f"unreadable entry HTML: {err}") from err
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def read_feed(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except (UnicodeError, LookupError, ValueError) as err:  # a lying encoding declaration
        raise MalformedInputError(f"feed cannot be decoded: {err}") from err
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        raise MalformedInputError(f"not a readable RSS/Atom feed ({reason})")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#entry{n}"
        try:
            body = ""
            if entry.get("content"):
                body = max((str(c.get("value") or "") for c in entry.content), key=len)
            body = body or str(entry.get("summary") or "")  # feedparser may hand out None
            text = _fragment_text(body)
            if not text.strip():
                raise MalformedInputError("feed entry has neither content nor summary")
            yield _article(
                text, origin=where, id=entry.get("id") or None, url=entry.get("link"),
                title=entry.get("title"), author=entry.get("author"),
                published=entry.get("published_parsed") or entry.get("updated_parsed"),
                lang=(entry.get("language") or parsed.feed.get("language") or "")[:2] or None,
            )  # fmt: skip
        except LagebildError as err:
            yield Failure(where, "ingest", err.message, err.code)


# --------------------------------------------------------------------------- WARC


def gzip_members_complete(data: bytes, chunk: int = 1 << 20) -> bool:
    """True when ``data`` is a sequence of whole gzip members (output is discarded).

    warcio reads a cut-off member as far as it goes without complaint, so a truncated
    ``.warc.gz`` would silently lose its last record; this check tells.
    """
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            d.decompress(data[pos:], chunk)  # at most ``chunk`` bytes of output kept at once
            while d.unconsumed_tail and not d.eof:
                d.decompress(d.unconsumed_tail, chunk)
        except zlib.error:
            return False
        if not d.eof:
            return False
        pos = len(data) - len(d.unused_data)
    return True


def _warc_articles(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = record.http_headers.get_header("Content-Type") or ""
        if "html" not in ctype.lower():
            continue
        n += 1
        url = record.rec_headers.get_header("WARC-Target-URI")
        where = f"{origin}#{url or n}"
        body = record.content_stream().read(limits.max_input_bytes + 1)
        if len(body) > limits.max_input_bytes:
            yield Failure(where, "ingest", "WARC record larger than the input limit", "E103")
            continue
        try:
            html, _ = decode(body, what="WARC record")
            yield html_to_article(html, where, limits, url=url)
        except LagebildError as err:
            yield Failure(where, "ingest", err.message, err.code)


def read_warc(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    """HTML responses of a WARC/WARC.gz; a truncated archive keeps its whole records only."""
    from warcio.exceptions import ArchiveLoadFailed

    complete = data[:2] != b"\x1f\x8b" or gzip_members_complete(data)
    held: Item | None = None  # the newest record waits until the next one proves it whole
    n = 0
    try:
        for item in _warc_articles(data, origin, limits):
            if held is not None:
                yield held
                n += 1
            held = item
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError) as err:
        # warcio signals a cut-off archive in several ways, AttributeError among them
        yield Failure(origin, "ingest", f"WARC truncated or corrupt after {n} record(s): {err}",
                      "E104")  # fmt: skip
        return
    if held is not None and complete:
        yield held
    elif not complete:
        yield Failure(origin, "ingest",
                      f"WARC truncated or corrupt after {n} whole record(s); the cut-off last "
                      "record was dropped", "E104")  # fmt: skip


# --------------------------------------------------------------------------- JSONL

JSONL_FIELDS = ("id", "url", "title", "text", "html", "published", "lang", "outlet")


def read_jsonl(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    text, _ = decode(data)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise MalformedInputError("a JSONL line must be an object")
            meta = {k: obj.get(k) for k in JSONL_FIELDS if k not in ("text", "html")}
            if obj.get("text"):
                yield _article(str(obj["text"]), origin=where, **meta)
            elif obj.get("html"):
                yield html_to_article(str(obj["html"]), where, limits, **meta)
            else:
                raise MalformedInputError("JSONL line has neither 'text' nor 'html'")
        except json.JSONDecodeError as err:
            yield Failure(where, "ingest", f"invalid JSON: {err.msg}", "E104")
        except LagebildError as err:
            yield Failure(where, "ingest", err.message, err.code)


# --------------------------------------------------------------------------- gzip


def gunzip(data: bytes, limits: Limits, origin: str) -> bytes:
    """Decompress with a cap: a gzip bomb is refused, not expanded."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read(1 << 20):
                out.write(chunk)
                if out.tell() > limits.max_decompressed_bytes:
                    raise LimitExceededError(
                        f"decompresses to more than {limits.max_decompressed_bytes} bytes; refused"
                    )
    except (OSError, EOFError, zlib.error) as err:
        raise MalformedInputError(f"gzip data truncated or corrupt: {err}") from err
    return out.getvalue()
