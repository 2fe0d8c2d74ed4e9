"""The stories report: one self-contained HTML file (inline CSS, no scripts, no CDN).

Per story: its copies, the origin, a drift table with each copy's evidence side by side
(the drifted copy highlighted) and the aligned claims with each copy's wording. Every
piece of text from an article is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path

from lagebild.records import Article, Claim, Story

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2125;
background:#fafafa}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin:0 0 .3rem}
section.story{background:#fff;border:1px solid #d8dde2;border-radius:6px;padding:1rem 1.2rem;
margin:0 0 1.5rem}
.meta{color:#5a6470;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;table-layout:fixed}
th,td{border:1px solid #e1e5e9;padding:.35rem .5rem;vertical-align:top;text-align:left;
overflow-wrap:anywhere}
th{background:#f1f3f5;font-weight:600}
td.ref{background:#eef7ee}td.drift{background:#fdecea;border-color:#e6a39b}
.kind{display:inline-block;padding:0 .4rem;border-radius:3px;background:#b3261e;color:#fff;
font-size:.8rem;white-space:nowrap}
.none{color:#9aa3ad}.badge{font-size:.8rem;color:#5a6470}
ul.copies{margin:.3rem 0 .6rem;padding-left:1.2rem}
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _link(article: Article) -> str:
    label = _e(article.outlet or article.id)
    url = article.url or ""
    if url.startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>'
    return label


def _claim_cell(claim: Claim) -> str:
    facts: list[str] = [claim.modality]
    if claim.condition:
        facts.append(f"if: {claim.condition}")
    if claim.quantity:
        facts.append(f"qty: {claim.quantity.text}")
    if claim.time:
        facts.append(f"time: {claim.time.resolved or claim.time.text}")
    return f"{_e(claim.evidence.text)}<div class='badge'>{_e(' · '.join(facts))}</div>"


def _story_html(story: Story, articles: dict[str, Article]) -> str:
    copies = [articles[a] for a in story.articles if a in articles]
    ids = [a.id for a in copies]
    out = [f"<section class='story' id='{_e(story.id)}'>",
           f"<h2>{_e(story.title or story.id)}</h2>"]
    origin = story.origin
    if origin:
        where = f" (copy {_e(origin.article_id)})" if origin.article_id else " (not in the set)"
        out.append(f"<div class='meta'>Origin: <b>{_e(origin.outlet or 'unknown')}</b>{where}, "
                   f"{_e(origin.date or 'undated')}, basis: {_e(origin.basis)} · "
                   f"{len(copies)} copies · story {_e(story.id)}</div>")
    out.append("<ul class='copies'>")
    for a in copies:
        out.append(f"<li>{_link(a)} · {_e(a.lang or '?')} · {_e(a.published or 'undated')} · "
                   f"<span class='badge'>{_e(a.id)}</span> {_e(a.title or '')}</li>")
    out.append("</ul>")
    head = "".join(f"<th>{_e(articles[i].outlet or i)}<br><span class='badge'>{_e(i)}</span></th>"
                   for i in ids)
    if story.drift:
        out.append(f"<table><tr><th style='width:14rem'>Drift</th>{head}</tr>")
        for d in story.drift:
            cells = []
            for i in ids:
                cls = "drift" if i in d.articles[1:] else "ref" if i == d.articles[0] else ""
                text = d.evidence.get(i)
                body = _e(text) if text else "<span class='none'>–</span>"
                cells.append(f"<td class='{cls}'>{body}</td>")
            out.append(f"<tr><td><span class='kind'>{_e(d.kind)}</span><br>{_e(d.detail)}</td>"
                       f"{''.join(cells)}</tr>")
        out.append("</table>")
    else:
        out.append("<p class='meta'>No drift found between the copies.</p>")
    if story.claims:
        drifted = {(d.claim_id, a) for d in story.drift for a in d.articles[1:] if d.claim_id}
        by_id = {a.id: {c.id: c for c in a.claims} for a in copies}
        out.append(f"<table><tr><th style='width:14rem'>Claim</th>{head}</tr>")
        for sc in story.claims:
            cells = []
            for i in ids:
                claim = by_id[i].get(sc.present_in.get(i, ""))
                cls = "drift" if (sc.id, i) in drifted else ""
                body = _claim_cell(claim) if claim else "<span class='none'>–</span>"
                cells.append(f"<td class='{cls}'>{body}</td>")
            label = f"{sc.actor_id or '?'} {sc.event_type} {sc.target_id or ''}"
            out.append(f"<tr><td>{_e(label)}</td>{''.join(cells)}</tr>")
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out)


def render_html(stories: Sequence[Story], articles: Iterable[Article]) -> str:
    by_id = {a.id: a for a in articles}
    shown = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    multi = [s for s in shown if len(s.articles) > 1]
    singles = len(shown) - len(multi)
    body = "\n".join(_story_html(s, by_id) for s in multi)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>lagebild stories</title><style>{_CSS}</style></head><body>"
        f"<h1>lagebild · stories</h1><p class='meta'>{len(multi)} stories with several copies, "
        f"{singles} single articles, {len(by_id)} articles.</p>\n{body}\n</body></html>\n"
    )


def write_html(stories: Sequence[Story], articles: Iterable[Article], path: str | Path) -> Path:
    """Write the report to ``path`` (UTF-8); returns the path."""
    target = Path(path)
    target.write_text(render_html(stories, articles), encoding="utf-8")
    return target
