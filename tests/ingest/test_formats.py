"""Each input format on fixtures the project wrote; bad inputs give one failure each."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.config import Limits
from lagebild.ingest import detect_format, read_bytes, read_paths
from lagebild.records import Article, Failure

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def articles(items):
    return [x for x in items if isinstance(x, Article)]


def failures(items):
    return [x for x in items if isinstance(x, Failure)]


def test_html_page_metadata_and_no_comments():
    [a] = list(read_paths([str(DATA / "page.html")]))
    assert isinstance(a, Article)
    assert a.title == "Ministers meet in Brussels on air defence"
    assert a.published == "2025-09-03"
    assert a.author == "Jane Reporter"
    assert a.url == "https://www.example-times.test/world/2025/09/03/ministers-air-defence"
    assert a.outlet == "example-times.test"
    assert "at least 12 countries" in a.text
    assert "Reader comment" not in a.text


def test_feed_one_record_per_entry():
    items = list(read_paths([str(DATA / "feed.xml")]))
    got = articles(items)
    assert [a.title for a in got] == [
        "Kabinett beschließt Haushaltsentwurf",
        "Regierung plant neue Regeln für Drohnen",
    ]
    assert got[0].id == "urn:beispiel:haushalt-2025"
    assert got[0].published == "2025-07-30"
    assert got[0].lang == "de"
    assert "Finanzminister" in got[0].text and "<p>" not in got[0].text
    assert "\n\n" in got[0].text  # paragraphs kept apart
    assert got[1].outlet == "nachrichten.example"


def test_jsonl_ids_kept_html_extracted_and_dates_normalised():
    got = articles(read_paths([str(DATA / "articles.jsonl")]))
    assert [a.id for a in got] == ["j-001", "j-002", ""]
    assert got[0].lang == "en" and got[0].outlet == "wire.example"
    assert "konstruktiven Atmosphäre" in got[1].text
    assert got[1].published == "2025-10-02"  # German numeric date normalised
    assert got[2].published == "2025-10-03"  # from the URL


def _warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


PAGE = (
    "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>"
    "<p>{t} happened on Monday, a spokesperson said, and the story goes on for a while "
    "so that the extractor keeps it as the main text of the page.</p></article></body></html>"
)


def test_warc_gz_built_in_test(tmp_path):
    data = _warc_bytes(
        [
            ("https://a.example/2025/01/02/one", PAGE.format(t="First event")),
            ("https://b.example/two", PAGE.format(t="Second event")),
        ]
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    got = list(read_paths([str(path)]))
    assert [a.url for a in articles(got)] == [
        "https://a.example/2025/01/02/one",
        "https://b.example/two",
    ]
    assert articles(got)[0].published == "2025-01-02"
    assert not failures(got)


def test_truncated_warc_keeps_what_was_read(tmp_path):
    data = _warc_bytes([(f"https://a.example/{i}", PAGE.format(t=f"Event {i}")) for i in range(6)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.7)])
    got = list(read_paths([str(path)]))
    assert 1 <= len(articles(got)) < 6
    [f] = failures(got)
    assert "truncated or corrupt" in f.reason


def test_stdin(tmp_path):
    code = (
        "import sys, json; from lagebild.ingest import read_paths; "
        "print(json.dumps([a.text for a in read_paths(['-'])]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=b"Ein Text von stdin.\n",
        capture_output=True,
        check=True,
    )
    assert json.loads(out.stdout) == ["Ein Text von stdin.\n"]


def test_directory_recursive(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Erster Text.", encoding="utf-8")
    (tmp_path / "y.md").write_text("# Titel\n\nZweiter Text.", encoding="utf-8")
    got = articles(read_paths([str(tmp_path)]))
    assert sorted(a.text.strip()[-6:] for a in got) == ["Text.", "Text."] or len(got) == 2
    assert {a.title for a in got} == {None, "Titel"}


def test_latin1_is_detected():
    [a] = articles(read_paths([str(DATA / "latin1_de.txt")]))
    assert "Grüße aus München" in a.text and "Ärger" in a.text


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E101"),
        ("blank.txt", b"  \n\n ", "E101"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "E102"),
        (
            "broken.txt",
            bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C]) * 40,
            "E104",
        ),
        ("bad.jsonl", b'{"text": "ok line"}\n{not json\n', None),
        ("bomb.jsonl.gz", gzip.compress(b" " * (3 * 1024 * 1024)), "E106"),
    ],
)
def test_bad_inputs_give_one_failure(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    limits = Limits(max_decompressed_bytes=1024 * 1024)
    got = list(read_paths([str(path)], limits))
    fails = failures(got)
    assert len(fails) == 1
    if code:
        assert fails[0].code == code, fails[0]
    assert "\n" not in fails[0].reason


def test_too_large_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    [f] = list(read_paths([str(path)], Limits(max_input_bytes=20 * 1024 * 1024)))
    assert isinstance(f, Failure) and f.code == "E103"
    assert "input limit" in f.reason


def test_missing_file():
    [f] = list(read_paths(["/no/such/file.txt"]))
    assert isinstance(f, Failure) and f.code == "E105"


def test_detect_format_by_content():
    assert detect_format("x", b"WARC/1.0\r\n") == "warc"
    assert detect_format("x", b'{"text": 1}') == "jsonl"
    assert detect_format("x", b"<?xml version='1.0'?><rss>") == "feed"
    assert detect_format("x", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("x", b"plain words") == "text"


def test_deep_html_refused():
    html = "<html><body>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>"
    [f] = list(read_bytes(html.encode(), "deep.html", Limits(max_html_depth=400)))
    assert isinstance(f, Failure) and f.code == "E106"


def test_every_cut_of_a_warc_gz_is_reported(tmp_path):
    """A cut anywhere (not on a record boundary) gives a failure and only whole records."""
    pages = [(f"https://a.example/{i}", PAGE.format(t=f"Event {i}")) for i in range(4)]
    data = _warc_bytes(pages)
    for cut in range(40, len(data) - 1, 31):
        got = list(read_bytes(data[:cut], "cut.warc.gz", Limits()))
        assert len(failures(got)) == 1, cut
        for a in articles(got):
            assert a.text.rstrip().endswith("main text of the page."), cut


def test_gzip_magic_junk_is_a_failure():
    got = list(read_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)), "junk.warc.gz", Limits()))
    assert len(failures(got)) == 1 and not articles(got)
