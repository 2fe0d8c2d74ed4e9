"""The HTML report: self-contained, escaped, drift highlighted; stories round-trip as JSON."""

from __future__ import annotations

import re

from stories_helpers import article

from lagebild.records import Drift, Origin, Story, from_dict, to_dict
from lagebild.stories import write_html


def _story() -> tuple[Story, list]:
    evil = "<script>alert(1)</script> & \"quotes\""
    a = article("a1", "Text <b>one</b>.", title=evil, outlet="<i>x</i>.example")
    b = article("a2", "Text two.", outlet="y.example")
    drift = Drift("number_changed", None, ("a1", "a2"), "numbers: 12 → 14 <img>",
                  {"a1": "12 countries <x>", "a2": "14 countries"})
    story = Story("s1", ("a1", "a2"), Origin("CNN", None, "2025-10-16", "credited"),
                  drift=(drift,), title=evil)
    return story, [a, b]


def test_report_is_escaped_and_self_contained(tmp_path):
    story, articles = _story()
    path = write_html([story], articles, tmp_path / "r.html")
    page = path.read_text(encoding="utf-8")
    assert "<script" not in page and "<img>" not in page and "<i>x</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"<link|@import|src=|https?://(?!a1|a2)", page)
    assert "class='drift'" in page and "class='ref'" in page
    assert "number_changed" in page and "14 countries" in page


def test_story_round_trips_through_json():
    story, _ = _story()
    assert from_dict(Story, to_dict(story)) == story
