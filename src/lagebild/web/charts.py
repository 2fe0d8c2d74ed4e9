"""Server-side SVG charts (no JavaScript, no chart library): sourcing shares and drift
rates per outlet. Every label is escaped; colours and sizes are presentation attributes,
so the strict CSP (no inline styles) holds."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from lagebild.web.queries import GROUPS, OutletStats

COLOURS = {
    "named": "#2f6f4f",
    "anonymous": "#c46f1b",
    "outlet": "#3f5f9f",
    "unattributed": "#9a9a9a",
}
LABEL_W, BAR_W, ROW_H, TOP = 210, 460, 22, 34


def _label(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="chart" font-family="system-ui, sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>"
    )
    return Markup(head + "".join(body) + "</svg>")


def sourcing_chart(stats: Sequence[OutletStats]) -> Markup:
    """One 100 % bar per outlet: its statements by the type of their first source."""
    rows = [s for s in stats if s.n_statements]
    width = LABEL_W + BAR_W + 70
    height = TOP + ROW_H * max(1, len(rows)) + 8
    body: list[str] = []
    x = LABEL_W
    for group in GROUPS:  # legend
        body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[group]}"/>')
        body.append(f'<text x="{x + 16}" y="16">{escape(group)}</text>')
        x += 118
    if not rows:
        body.append(f'<text x="{LABEL_W}" y="{TOP + 14}">no attributed statements yet</text>')
    for i, s in enumerate(rows):
        y = TOP + i * ROW_H
        body.append(
            f'<text x="{LABEL_W - 8}" y="{y + 14}" text-anchor="end">'
            f"{escape(_label(s.outlet))}</text>"
        )
        x0 = float(LABEL_W)
        for group in GROUPS:
            w = BAR_W * s.share(group)
            if w <= 0:
                continue
            tip = f"{s.outlet}: {group} {s.statements[group]} of {s.n_statements}"
            body.append(
                f'<rect x="{x0:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" '
                f'fill="{COLOURS[group]}"><title>{escape(tip)}</title></rect>'
            )
            x0 += w
        body.append(f'<text x="{LABEL_W + BAR_W + 6}" y="{y + 14}">{s.n_statements}</text>')
    return _svg(width, height, "Statements by source type per outlet", body)


def drift_chart(stats: Sequence[OutletStats]) -> Markup:
    """One bar per outlet: the share of its story copies that drift from the origin."""
    rows = [s for s in stats if s.copies]
    width = LABEL_W + BAR_W + 110
    height = TOP + ROW_H * max(1, len(rows)) + 8
    body: list[str] = [f'<text x="{LABEL_W}" y="16">copies with drift from the origin</text>']
    if not rows:
        body.append(f'<text x="{LABEL_W}" y="{TOP + 14}">no story copies yet</text>')
    for i, s in enumerate(rows):
        y = TOP + i * ROW_H
        rate = s.drift_rate or 0.0
        body.append(
            f'<text x="{LABEL_W - 8}" y="{y + 14}" text-anchor="end">'
            f"{escape(_label(s.outlet))}</text>"
        )
        body.append(
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W}" height="{ROW_H - 6}" fill="#eeeeee"/>'
        )
        if rate > 0:
            body.append(
                f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W * rate:.1f}" '
                f'height="{ROW_H - 6}" fill="#b3261e"/>'
            )
        body.append(
            f'<text x="{LABEL_W + BAR_W + 6}" y="{y + 14}">{100 * rate:.0f} % '
            f"({s.drifted}/{s.copies})</text>"
        )
    return _svg(width, height, "Drift rate of story copies per outlet", body)
