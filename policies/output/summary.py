"""One-page summary of an action for advocates: a self-contained HTML page the browser prints.

It renders `store.action_detail`, as the Requirements page does. Every piece of curated text goes through
`escape.html_text`; links are only ever http(s) source URLs. On paper a link cannot be followed, so the print
stylesheet writes each source's address after it.
"""

from __future__ import annotations

from ..store import ActionDetail
from ..store.detail import THIS, SourceRef
from .escape import html_text as escape
from .escape import safe_url
from .formats import format_date, out_of_date_note, rests_on

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; } .meta { color: #444; } .verb { font-weight: 700; text-transform: uppercase; font-size: .8rem; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #8aa; color: #333; }
.flag { background: #fff4d6; border: 1px solid #e0b000; padding: .5rem .7rem; margin: .6rem 0; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; border-top: 1px solid #ccc; padding-top: .5rem; word-break: break-all; }
@page { margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; } a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; } blockquote, .flag, li, p { break-inside: avoid; }
  li a::after, blockquote a::after { content: " <" attr(href) ">"; font-size: .8em; color: #555; word-break: break-all; }
}
"""


def action_summary_html(detail: ActionDetail, data_as_of: object, permalink: str) -> str:
    d = detail
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(d.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(d.title)}</h1>",
        f"<p class='meta'>{escape(d.jurisdiction_name)} · {escape(d.actor)} · {escape(d.type_label.lower())} · "
        f"{escape(format_date(d.date, d.date_precision))} · status on {escape(format_date(d.status_date))}: "
        f"{escape(d.status_label)} ({escape(rests_on(d.last_verified))}) · {escape(d.verification_label.lower())}</p>",
        *(
            [f"<div class='flag'>{escape(out_of_date_note(d.last_verified, d.status_date))}</div>"]
            if d.out_of_date
            else []
        ),
        f"<p>{escape(d.summary)}</p>",
        "<h2>Timeline</h2><ul>",
        *[
            f"<li>{escape(format_date(e.date, e.precision))}: {escape(e.type)}"
            + (f" — {escape(e.note)}" if e.note else "")
            + "</li>"
            for e in d.events
        ],
        "</ul>",
        *(["<h2>Legal status over time</h2><ul>"] if d.fight else []),
        *[
            f"<li>{escape(format_date(f.date, f.precision))}: {escape(f.event)}"
            + ("" if f.relation == THIS else f" — {escape(f.relation)} “{escape(f.title)}”")
            + "</li>"
            for f in d.fight
        ],
        *(["</ul>"] if d.fight else []),
        *[
            f"<div class='flag'><strong>Sources disagree</strong> ({escape(', '.join(s.outlet for s in g.sources))}): "
            f"{escape(g.description)}</div>"
            for g in d.disagreements
        ],
    ]
    if d.provisions:
        parts.append("<h2>What it requires</h2>")
    for who, provisions in d.provisions:
        parts.append(f"<h3>{escape(who)}</h3>")
        for p in provisions:
            flag = " <em>(sources disagree)</em>" if p.disputed else ""
            parts.append(f"<p><span class='verb'>{escape(p.requirement)}</span> {escape(p.text)}{flag}</p>")
            for e in p.evidence:
                words = f"“{escape(e.quote)}”" if e.quote else f"[paraphrase] {escape(e.paraphrase)}"
                parts.append(f"<blockquote>{words} — {_source(e.source)}</blockquote>")
    if d.notes:
        parts.append(f"<h2>Notes</h2><p>{escape(d.notes)}</p>")
    parts.append("<h2>Sources</h2><ul>")
    parts += [f"<li>{_source(s)}</li>" for s in d.sources]
    parts.append("</ul>")
    parts.append(
        f"<footer>Local-policy tracker · data as of {escape(data_as_of)} · last verified "
        f"{escape(format_date(d.last_verified))}<br>Permalink: {_link(permalink, permalink)}</footer></body></html>"
    )
    return "\n".join(parts)


def _source(s: SourceRef) -> str:
    label = f"{s.outlet}, “{s.title}”" + (f" ({s.published})" if s.published else "") if s.title else s.outlet
    return _link(s.url, label) if s.url else escape(label + (f" [seed {s.seed}]" if s.seed else ""))


def _link(url: str | None, label: str) -> str:
    if not safe_url(url):
        return escape(label)
    return f"<a href='{escape(url)}' rel='noopener noreferrer'>{escape(label)}</a>"
