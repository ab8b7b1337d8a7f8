"""One-page summary of an action for advocates: a self-contained HTML page the browser prints.

Every piece of curated text goes through `html.escape`; links are only ever http(s) source URLs. On paper a link
cannot be followed, so the print stylesheet writes each source's address after it.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import pandas as pd

from .store import Store

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
PRECISION_WORDS = {"day": "", "week": "week of ", "month": "month of "}


def format_date(day: pd.Timestamp | dt.date, precision: str = "day") -> str:
    """One date format across the app: 30 Aug 2025, 'week of 18 Aug 2025', 'Sep 2025'."""
    day = pd.Timestamp(day)
    if precision == "month":
        return f"{day:%b %Y}"
    return f"{PRECISION_WORDS.get(precision, '')}{day.day} {day:%b %Y}"


def action_summary_html(store: Store, action_id: str, permalink: str) -> str:
    action = store.actions.set_index("id").loc[action_id]
    sources = store.sources.set_index("id")
    status_labels = dict(zip(store.statuses["id"], store.statuses["label"]))
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(action['title'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(action['title'])}</h1>",
        f"<p class='meta'>{escape(action['jurisdiction_name'])} · {escape(action['actor'])} · "
        f"{escape(action['action_type'].replace('-', ' '))} · {escape(format_date(action['date'], action['date_precision']))}"
        f" · status: {escape(status_labels.get(action['status'], action['status']))}</p>",
        f"<p>{escape(action['summary'])}</p>",
    ]
    parts += _events(store, action_id)
    parts += _disagreements(store, action_id)
    parts += _provisions(store, action_id, sources)
    if action["notes"]:
        parts.append(f"<h2>Notes</h2><p>{escape(action['notes'])}</p>")
    parts.append("<h2>Sources</h2><ul>")
    for source_id in action["sources"].split(", "):
        parts.append(f"<li>{_source(sources, source_id)}</li>")
    parts.append("</ul>")
    parts.append(
        f"<footer>Local-policy tracker · data as of {escape(str(store.as_of))} · last verified "
        f"{escape(format_date(action['last_verified']))}<br>Permalink: {_link(permalink, permalink)}</footer></body></html>"
    )
    return "\n".join(parts)


def _events(store: Store, action_id: str) -> list[str]:
    events = store.events[store.events["action_id"] == action_id].sort_values(["date", "seq"])
    items = [
        f"<li>{escape(format_date(e.date, e.date_precision))}: {escape(e.type)}"
        + (f" — {escape(e.note)}" if isinstance(e.note, str) and e.note else "")
        + "</li>"
        for e in events.itertuples()
    ]
    return ["<h2>Timeline</h2><ul>", *items, "</ul>"]


def _disagreements(store: Store, action_id: str) -> list[str]:
    rows = store.disagreements[store.disagreements["action_id"] == action_id]
    return [
        f"<div class='flag'><strong>Sources disagree</strong> ({escape(r.sources)}): {escape(r.description)}</div>"
        for r in rows.itertuples()
    ]


def _provisions(store: Store, action_id: str, sources: pd.DataFrame) -> list[str]:
    provisions = store.provisions[store.provisions["action_id"] == action_id].sort_values("seq")
    if provisions.empty:
        return []
    evidence = store.evidence[store.evidence["action_id"] == action_id]
    out = ["<h2>What it requires</h2>"]
    for who, group in provisions.groupby("applies_to", sort=False):
        out.append(f"<h3>{escape(who)}</h3>")
        for p in group.itertuples():
            flag = " <em>(sources disagree)</em>" if p.disputed else ""
            out.append(f"<p><span class='verb'>{escape(p.requirement)}</span> {escape(p.text)}{flag}</p>")
            for e in evidence[evidence["provision_id"] == p.provision_id].itertuples():
                words = f"“{escape(e.quote)}”" if isinstance(e.quote, str) else f"[paraphrase] {escape(e.paraphrase)}"
                out.append(f"<blockquote>{words} — {_source(sources, e.source)}</blockquote>")
    return out


def _source(sources: pd.DataFrame, source_id: str) -> str:
    if source_id not in sources.index:
        return escape(source_id)
    s = sources.loc[source_id]
    label = f"{s['outlet']}, “{s['title']}”" + (f" ({s['published']})" if pd.notna(s["published"]) else "")
    return _link(s["url"], label) if isinstance(s["url"], str) else escape(label + f" [seed {s['seed']}]")


def _link(url: str, label: str) -> str:
    if not url.startswith(("https://", "http://")):
        return escape(label)
    return f"<a href='{escape(url, quote=True)}' rel='noopener noreferrer'>{escape(label)}</a>"
