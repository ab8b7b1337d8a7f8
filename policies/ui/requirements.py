"""Requirements page: what an action requires, provision by provision with evidence; and the requirements matrix."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import pandas as pd
import streamlit as st

from .. import clock, i18n
from ..i18n import mark, ntr, tr
from ..output import tables
from ..output.escape import md, safe_url
from ..output.formats import format_date, out_of_date_note, precision_name, rests_on
from ..output.local import text_column
from ..output.summary import readable
from ..store import ActionDetail, action_detail
from ..store.detail import THIS, EvidenceItem, event_word, requirement_word
from ..view import View, describe, page_path
from . import memo, sharing, state

MAX_CHOICES = 1_000  # a picker of 100,000 options would send them all to the browser on every run
VERBS = {"requires": "blue", "prohibits": "red", "urges": "orange", "permits": "green"}  # each verb's badge colour
LAYOUTS = {"text": mark("Full text"), "grid": mark("Grid")}  # how the matrix is shown (the widget keeps the key)
OPEN = mark("open")  # the link that opens a requirement's action


def verb_badge(requirement: str) -> str:
    """A provision's verb as a coloured badge, in this run's language (an unknown verb as escaped text)."""
    if requirement not in VERBS:
        return md(requirement)
    return f":{VERBS[requirement]}-badge[{md(requirement_word(requirement))}]"


def render() -> None:
    v = state.page_run("requirements")
    st.title(tr("What does it require?"))
    action_id = _pick(v)
    if action_id:
        if not v.view.present:
            sharing.summary_download(v, action_id)
        detail(
            memo.remembered(
                "detail", v.store, v.view, lambda: action_detail(v.store, action_id, v.view.status_date()), action_id
            ),
            v.view,
        )
    else:
        st.info(tr("Pick an action above, or click one on the Timeline."), icon=":material/touch_app:")
    st.divider()
    _matrix(v)
    if not v.view.present and not v.frame.empty:
        st.subheader(tr("Data behind this view"), anchor=False)
        sharing.data_downloads(v)


def _pick(v: state.PageRun) -> str | None:
    shown = v.frame.head(MAX_CHOICES)
    if len(v.frame) > MAX_CHOICES:
        st.caption(
            tr(
                "The list offers the first {shown} of {count} actions in the view: narrow the filters or search to "
                "find others.",
                shown=i18n.number(MAX_CHOICES),
                count=i18n.number(len(v.frame)),
            )
        )
    chosen = st.session_state.get("policy")
    if chosen and chosen not in set(shown["id"]):  # a linked action stays offered when the filters leave it out
        shown = pd.concat([v.store.actions[v.store.actions["id"] == chosen], shown])
    ids = list(shown["id"])
    if not ids:
        state.empty_state()
        return None

    names = dict(
        zip(
            ids,
            [
                f"{format_date(d, p)} · {j} · {t}"
                for d, p, j, t in zip(
                    shown["date"], shown["date_precision"], shown["jurisdiction_name"], text_column(shown, "title")
                )
            ],
        )
    )

    def label(action_id: str) -> str:
        return names.get(action_id, action_id)

    def keep() -> None:
        st.session_state["policy"] = st.session_state["_w_policy"]

    st.session_state["_w_policy"] = chosen if chosen in ids else None
    return st.selectbox(
        tr("Action"), ids, key="_w_policy", format_func=label, on_change=keep, placeholder=tr("Choose an action")
    )


def detail(d: ActionDetail, view: View | None = None) -> None:
    """An action's page: what `store.action_detail` gives, as the printable summary shows it (in the detail's
    language, its record text as `summary.readable` gives it)."""
    d = readable(d)
    st.header(md(d.title), anchor=False)
    left, middle, right = st.columns(3)
    left.markdown(_field(tr("Jurisdiction"), md(d.jurisdiction_name)))
    left.markdown(_field(tr("Actor"), md(d.actor)))
    middle.markdown(_field(tr("Type"), md(d.type_label)))
    when = tr(
        "{date} (precision: {precision})",
        date=md(format_date(d.date, d.date_precision)),
        precision=md(precision_name(d.date_precision)),
    )
    middle.markdown(_field(tr("Date"), when))
    today = d.status_date == clock.today()
    heading = tr("Status today") if today else tr("Status on {day}", day=format_date(d.status_date))
    right.markdown(_field(md(heading), f"{md(d.status_label)}  \n{md(rests_on(d.last_verified))}"))
    right.markdown(_field(tr("How well established"), md(d.verification_label)))
    if d.out_of_date:
        st.warning(md(out_of_date_note(d.last_verified, d.status_date)), icon=":material/update:")
    st.text(d.summary)
    for g in d.disagreements:
        outlets = ", ".join(s.outlet for s in g.sources)
        st.warning(
            tr("**Sources disagree** ({outlets}): {description}", outlets=md(outlets), description=md(g.description)),
            icon=":material/balance:",
        )
    _events(d)
    _fight(d, view or View())
    _provisions(d)
    if d.notes:
        with st.expander(tr("Curator's notes")):
            st.text(d.notes)


def _field(label: str, value: str) -> str:
    """A labelled field of the action's page: its label in bold over its value (both already markdown)."""
    return f"**{label}**  \n{value}"


def _events(d: ActionDetail) -> None:
    if not d.events:
        return
    with st.expander(ntr("Lifecycle ({count} event)", "Lifecycle ({count} events)", len(d.events))):
        st.dataframe(
            pd.DataFrame(
                {
                    tr("Date"): [format_date(e.date, e.precision) for e in d.events],
                    tr("Event"): [event_word(e.type) for e in d.events],
                    tr("Note"): [e.note for e in d.events],
                }
            ),
            hide_index=True,
            width="stretch",
        )


def _fight(d: ActionDetail, view: View) -> None:
    """The action's steps with those of the suits, orders and appeals linked to it, in date order."""
    if not d.fight:
        return
    st.subheader(tr("Legal status over time"), anchor=False)
    st.caption(
        tr("This action's events and those of the actions linked to it (suits, court orders, appeals), in order.")
    )
    lines = []
    for f in d.fight:
        when = md(format_date(f.date, f.precision))
        event = md(event_word(f.event).lower())
        if f.relation == THIS:
            lines.append("- " + tr("{date} · **{event}** (this action)", date=when, event=event))
        else:
            link = action_link(view, f.action_id)
            line = tr(
                "{date} · {relation} [{title}]({link}): {event}",
                date=when,
                relation=md(tr(f.relation)),
                title=md(f.title),
                link=link,
                event=event,
            )
            lines.append("- " + line)
    st.markdown("\n".join(lines))


def _provisions(d: ActionDetail) -> None:
    st.subheader(tr("Provisions"), anchor=False)
    if not d.provisions:
        st.caption(tr("This record lists no provisions (nothing it requires of anyone)."))
        return
    for applies_to, provisions in d.provisions:
        st.markdown("#### " + tr("Who must comply: {who}", who=md(applies_to)))
        for p in provisions:
            with st.container(border=True):
                st.markdown(f"{verb_badge(p.requirement)} {md(p.text)}")
                if p.disputed:
                    st.warning(tr("Sources disagree about this provision (see above)."), icon=":material/balance:")
                for e in p.evidence:
                    st.markdown(_evidence_line(e))


def _evidence_line(e: EvidenceItem) -> str:
    outlet = md(e.source.outlet)
    url = safe_url(e.source.url)
    cite = f"[{outlet}]({quote(url, safe=':/?&=#%+@,;~')})" if url else outlet
    if e.quote:
        return f"> “{md(e.quote)}”  \n> — {cite}"
    return "> " + tr("Paraphrase: {text}", text=md(e.paraphrase)) + f"  \n> — {cite}"


def _matrix(v: state.PageRun) -> None:
    st.subheader(tr("Requirements by place and topic"), anchor=False)
    st.caption(
        tr(
            "{view}. What each place's own actions require, by topic; open one to read its evidence. In the grid, "
            "select a cell to open it.",
            view=md(describe(v.store, v.view)),
        )
    )
    long = memo.remembered(
        "requirements",
        v.store,
        v.view,
        lambda: tables.requirements_long(v.store, v.frame, limit=tables.MAX_MATRIX_ROWS),
    )
    if long.empty:
        st.caption(tr("No provisions on requirement topics in this view."))
        return
    shown = long["jurisdiction_name"].nunique()
    if long.attrs["places"] > shown:
        st.caption(
            tr(
                "Showing the {shown} of {count} places with requirements on most topics; filter by place to see "
                "others.",
                shown=shown,
                count=i18n.number(long.attrs["places"]),
            )
        )
    layout = st.segmented_control(
        tr("Show as"),
        list(LAYOUTS),
        default="text",
        key="matrix_layout",
        format_func=lambda key: tr(LAYOUTS[key]),
        help=tr("The grid cuts long cells."),
    )
    if layout == "grid":
        _grid(v)
    else:
        for block in memo.remembered("requirements-text", v.store, v.view, lambda: _full_text(long, v.view)):
            st.markdown(block)


def action_link(view: View, action_id: str) -> str:
    """A relative link that opens an action on this page with the view's filters (a new tab keeps them too)."""
    opened = replace(view, page="requirements", policy=action_id, present=False)
    return f"{page_path('requirements')}?{opened.query_string()}"


def _full_text(long, view: View) -> list[str]:
    """Each place's requirements by topic, every word of them (one Markdown block a place): reads on a phone as
    on a wall screen."""
    blocks = []
    for place, rows in long.groupby("jurisdiction_name", sort=False):
        lines = [f"**{md(place)}**"]
        for topic, items in rows.groupby("topic", sort=False):
            for r in items.itertuples():
                link = action_link(view, str(r.action_id))
                lines.append(
                    f"- *{md(topic)}* · {verb_badge(str(r.requirement))} {md(str(r.text))} ([{md(tr(OPEN))}]({link}))"
                )
        blocks.append("\n".join(lines))
    return blocks


def _grid(v: state.PageRun) -> None:
    text, ids = tables.requirements_matrix(v.store, v.frame, limit=tables.MAX_MATRIX_ROWS)
    widths = {c: st.column_config.TextColumn(c, width="medium") for c in text.columns}
    event = st.dataframe(
        text,
        width="stretch",
        on_select="rerun",
        selection_mode="single-cell",
        key="matrix",
        row_height=60,
        column_config=widths,
    )
    cells = event.selection.get("cells", []) if event else []
    if cells:
        row, column = cells[0]
        action_id = ids.iloc[row][column] if isinstance(column, str) else ids.iloc[row, column]
        if action_id and st.session_state.get("_opened_matrix") != (row, column):
            st.session_state["_opened_matrix"] = (row, column)
            state.open_action(action_id)
    else:
        st.session_state["_opened_matrix"] = None
