"""One-page summary of an action for advocates: a self-contained HTML page the browser prints.

It renders `store.action_detail`, as the Requirements page does. Every piece of curated text goes through
`escape.html_text`; links are only ever http(s) source URLs. On paper a link cannot be followed, so the print
stylesheet writes each source's address after it. It is worded in the language of the detail it renders, its
`<html lang>` says which; curated text is the record's own (its curated translation, else its English, marked).
"""

from __future__ import annotations

from dataclasses import replace

from .. import i18n
from ..i18n import mark, tr
from ..store import ActionDetail
from ..store.detail import THIS, Local, SourceRef, event_word, requirement_word
from .escape import html_text as escape
from .escape import safe_url
from .formats import format_date, out_of_date_note, rests_on
from .local import text_value

STATUS_ON = mark("status on {day}: {status}")
PARAPHRASE = mark("[paraphrase] {text}")
FOOTER = mark("Local-policy tracker · data as of {data_as_of} · last verified {day}")
SEED = mark("[seed {seed}]")  # a source with no address: the seed file it came from
# The page's headings and flags.
TIMELINE = mark("Timeline")
FIGHT = mark("Legal status over time")
DISAGREE = mark("Sources disagree")
REQUIRES = mark("What it requires")
DISPUTED = mark("(sources disagree)")
NOTES = mark("Notes")
SOURCES = mark("Sources")
PERMALINK = mark("Permalink:")

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


def readable(detail: ActionDetail) -> ActionDetail:
    """The detail with its record text in its language (`detail.lang`): the title, summary, provisions, who must
    comply and linked actions' titles in their curated translation, else in English marked "(in English)". Apply it
    once, to a detail from `store.action_detail` (the action page and the summary do)."""
    lang = detail.lang

    def text(english: str, column: str, local: Local) -> str:
        return text_value({column: english, **dict(local)}, column, lang)

    return replace(
        detail,
        title=text(detail.title, "title", detail.local),
        summary=text(detail.summary, "summary", detail.local),
        provisions=tuple(
            (
                text(who, "applies_to", items[0].local) if items else who,
                tuple(replace(p, text=text(p.text, "text", p.local)) for p in items),
            )
            for who, items in detail.provisions
        ),
        fight=tuple(replace(f, title=text(f.title, "title", f.local)) for f in detail.fight),
    )


def action_summary_html(detail: ActionDetail, data_as_of: object, permalink: str) -> str:
    """The page, in the language the detail was made in (a download is made after the run that offered it)."""
    with i18n.using(detail.lang):
        return _page(readable(detail), data_as_of, permalink)


def _page(d: ActionDetail, data_as_of: object, permalink: str) -> str:
    parts = [
        f"<!doctype html><html lang='{escape(i18n.current())}'><head><meta charset='utf-8'>",
        f"<title>{escape(d.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(d.title)}</h1>",
        f"<p class='meta'>{escape(d.jurisdiction_name)} · {escape(d.actor)} · {escape(d.type_label.lower())} · "
        f"{escape(format_date(d.date, d.date_precision))} · "
        f"{escape(tr(STATUS_ON, day=format_date(d.status_date), status=d.status_label))} "
        f"({escape(rests_on(d.last_verified))}) · {escape(d.verification_label.lower())}</p>",
        *(
            [f"<div class='flag'>{escape(out_of_date_note(d.last_verified, d.status_date))}</div>"]
            if d.out_of_date
            else []
        ),
        f"<p>{escape(d.summary)}</p>",
        f"<h2>{escape(tr(TIMELINE))}</h2><ul>",
        *[
            f"<li>{escape(format_date(e.date, e.precision))}: {escape(event_word(e.type).lower())}"
            + (f" — {escape(e.note)}" if e.note else "")
            + "</li>"
            for e in d.events
        ],
        "</ul>",
        *([f"<h2>{escape(tr(FIGHT))}</h2><ul>"] if d.fight else []),
        *[
            f"<li>{escape(format_date(f.date, f.precision))}: {escape(event_word(f.event).lower())}"
            + ("" if f.relation == THIS else f" — {escape(tr(f.relation))} “{escape(f.title)}”")
            + "</li>"
            for f in d.fight
        ],
        *(["</ul>"] if d.fight else []),
        *[
            f"<div class='flag'><strong>{escape(tr(DISAGREE))}</strong> "
            f"({escape(', '.join(s.outlet for s in g.sources))}): {escape(g.description)}</div>"
            for g in d.disagreements
        ],
    ]
    if d.provisions:
        parts.append(f"<h2>{escape(tr(REQUIRES))}</h2>")
    for who, provisions in d.provisions:
        parts.append(f"<h3>{escape(who)}</h3>")
        for p in provisions:
            flag = f" <em>{escape(tr(DISPUTED))}</em>" if p.disputed else ""
            verb = escape(requirement_word(p.requirement).lower())
            parts.append(f"<p><span class='verb'>{verb}</span> {escape(p.text)}{flag}</p>")
            for e in p.evidence:
                words = f"“{escape(e.quote)}”" if e.quote else escape(tr(PARAPHRASE, text=e.paraphrase))
                parts.append(f"<blockquote>{words} — {_source(e.source)}</blockquote>")
    if d.notes:
        parts.append(f"<h2>{escape(tr(NOTES))}</h2><p>{escape(d.notes)}</p>")
    parts.append(f"<h2>{escape(tr(SOURCES))}</h2><ul>")
    parts += [f"<li>{_source(s)}</li>" for s in d.sources]
    parts.append("</ul>")
    footer = tr(FOOTER, data_as_of=data_as_of, day=format_date(d.last_verified))
    parts.append(
        f"<footer>{escape(footer)}<br>{escape(tr(PERMALINK))} {_link(permalink, permalink)}</footer></body></html>"
    )
    return "\n".join(parts)


def _source(s: SourceRef) -> str:
    label = f"{s.outlet}, “{s.title}”" + (f" ({s.published})" if s.published else "") if s.title else s.outlet
    if s.url:
        return _link(s.url, label)
    return escape(label + (" " + tr(SEED, seed=s.seed) if s.seed else ""))


def _link(url: str | None, label: str) -> str:
    if not safe_url(url):
        return escape(label)
    return f"<a href='{escape(url)}' rel='noopener noreferrer'>{escape(label)}</a>"
