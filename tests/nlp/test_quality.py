"""Quality floors of the shipped German pipeline on the held-out dev splits.

The dev splits are carved from ../shared/data by ``lagebild.nlp.corpus.write_dev_splits``
(a stable hash per sentence; the training script never trains on them). Floors live in
floors.json next to this file; raise them when the model improves, never lower them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.eval import check_floors  # noqa: E402
from lagebild.eval.ner import score_ner  # noqa: E402
from lagebild.eval.ud import score_ud  # noqa: E402
from lagebild.nlp import BUILTIN_MODELS, corpus, load_model  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())

pytestmark = [
    pytest.mark.skipif(not (SHARED / corpus.UD_FILES[0]).is_file(),
                       reason=f"gold data not found under {SHARED}"),
    pytest.mark.skipif(not (BUILTIN_MODELS["lagebild-de"] / "config.cfg").is_file(),
                       reason="German model not trained (scripts/train_de.py)"),
]


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.write_dev_splits(SHARED, tmp_path_factory.mktemp("nlp_dev"))


def floors(section: str) -> list[str]:
    return [f"{key}={value}" for key, value in FLOORS[section].items()]


def test_german_ud_dev_floors(dev: dict[str, Path]) -> None:
    scores = score_ud(load_model("lagebild-de"), corpus.read_conllu(dev["ud"]))
    assert check_floors(scores, floors("de_ud_dev")) == []


def test_german_ner_dev_floors(dev: dict[str, Path]) -> None:
    scores = score_ner(load_model("lagebild-de"), corpus.read_ner(dev["ner"]))
    assert check_floors(scores, floors("de_ner_dev")) == []


def test_dev_split_is_held_out_of_training(dev: dict[str, Path]) -> None:
    dev_keys = {s.key for s in corpus.read_conllu(dev["ud"])}
    assert dev_keys and all(corpus.is_dev(k) for k in dev_keys)
    for name in corpus.UD_FILES:
        train, held = corpus.split(corpus.read_conllu(SHARED / name))
        assert not {s.key for s in train} & dev_keys
        assert {s.key for s in held} <= dev_keys
