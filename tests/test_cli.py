"""The command line: help for every command, a batch with bad inputs, JSON to stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "ingest"
EXE = [sys.executable, "-m", "lagebild.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, env=env, timeout=600)


def test_help_of_every_command():
    top = run("--help")
    assert top.returncode == 0, top.stderr.decode()
    for cmd in (
        "analyze",
        "stories",
        "demo",
        "eval",
        "ingest",
        "export",
        "serve",
        "watch",
        "actors",
    ):
        assert cmd in top.stdout.decode()
        got = run(cmd, "--help")
        assert got.returncode == 0, (cmd, got.stderr.decode()[-2000:])
    listing = run("eval", "--help").stdout.decode()
    for task in [w for w in ("ud", "ner", "time", "stories") if w in listing]:
        got = run("eval", task, "--help")
        assert got.returncode == 0, (task, got.stderr.decode()[-2000:])


def test_bad_inputs_one_line_each_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Die Regierung teilte am Montag mit, dass die Gespräche weitergehen.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "invalid.txt").write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28]) * 60)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    db = tmp_path / "store.db"
    out = tmp_path / "out.jsonl"
    got = run(
        "analyze",
        str(tmp_path),
        str(DATA / "page.html"),
        "--json",
        str(out),
        "--db",
        f"sqlite:///{db}",
        "--stages",
        "clean,language",
    )
    err = got.stderr.decode()
    assert got.returncode == 0, err
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 4, err
    assert any("E101" in s for s in skipped) and any("E102" in s for s in skipped)
    assert any("E103" in s for s in skipped) and any("E104" in s for s in skipped)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    from lagebild.store import Store

    store = Store.open(f"sqlite:///{db}")
    try:
        assert store.count_articles() == 2
    finally:
        store.close()


def test_nothing_processed_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    got = run("analyze", str(tmp_path / "empty.txt"), "--no-store")
    assert got.returncode == 1
    assert "nothing could be processed" in got.stderr.decode()


def test_json_to_stdout_from_stdin():
    got = run(
        "analyze",
        "-",
        "--json",
        "-",
        "--no-store",
        "--stages",
        "clean,language",
        stdin="Kurzer Text über das Wetter in Berlin am Montag.".encode(),
    )
    assert got.returncode == 0, got.stderr.decode()
    [record] = [json.loads(line) for line in got.stdout.decode().splitlines()]
    assert record["lang"] == "de" and record["source_path"] == "<stdin>"


@pytest.mark.parametrize("spec", ["de", "=x", "de=,en=y"])
def test_bad_model_option(spec):
    got = run("analyze", str(DATA / "page.html"), "--no-store", "--model", spec)
    assert got.returncode == 2
    assert "--model wants" in got.stderr.decode()
