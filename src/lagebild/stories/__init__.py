"""Stories: copies of one report grouped across outlets and languages, with origin,
aligned claims and drift.

``group(articles)`` and :class:`StoryIndex` group; ``build_stories(articles)`` also names
the origin, aligns the claims and flags drift; ``write_html`` writes the report. The names
are imported on first use (numpy, datasketch and the encoder are not needed to read a
story record or a credit).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lagebild.stories.build import build_stories
    from lagebild.stories.grouping import GroupingOptions, StoryIndex, group
    from lagebild.stories.report import write_html

__all__ = ["GroupingOptions", "StoryIndex", "build_stories", "group", "write_html"]

_WHERE = {
    "build_stories": "lagebild.stories.build",
    "GroupingOptions": "lagebild.stories.grouping",
    "StoryIndex": "lagebild.stories.grouping",
    "group": "lagebild.stories.grouping",
    "write_html": "lagebild.stories.report",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
