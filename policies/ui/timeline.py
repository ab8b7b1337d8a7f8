"""Timeline page (home): actions by jurisdiction and date, counts under it, then the same rows in a table."""

from __future__ import annotations

import streamlit as st

from ..i18n import tr
from ..output import tables
from ..view import COLOR_OPTIONS
from ..view.view import COLOR_WORDS
from . import sharing, state


def render() -> None:
    v = state.page_run("timeline")
    if v.frame.empty:
        st.title(tr("Timeline"))
        state.empty_view(v)
        return
    if v.view.present:  # the chart and its caption, full width
        event = sharing.chart(v, "timeline", "timeline_chart", on_select="rerun", selection_mode="points")
        st.caption(tr("Lines show when an action was in force."))
        _open_clicked(event)
        return
    st.title(tr("Timeline"))
    # The radio's value is in the view already: the view is parsed from the widgets before the page runs.
    st.radio(
        tr("Colour by"),
        list(COLOR_OPTIONS),
        key="color",
        # Worded now: format_func may be called after the run, when the language is no longer set.
        format_func={option: tr(word) for option, word in COLOR_WORDS.items()}.__getitem__,
        horizontal=True,
        persist_state="session",
    )
    # Full width: the chart carries its title, filters, legends and sources, and is downloaded as laid out here.
    event = sharing.chart(v, "timeline", "timeline_chart", on_select="rerun", selection_mode="points")
    st.caption(tr("Click a point to open what it requires. Lines show when an action was in force."))
    sharing.image_format()
    for column, by in zip(st.columns(2), ("jurisdiction", "topic")):
        with column:
            sharing.counts_chart(v, by)
    _open_clicked(event)
    st.subheader(tr("Actions"))
    rows = state.paged(v.frame, "timeline_page", tail=tr("; the downloads below have them all"))
    table = tables.actions_table(v.store, rows)  # labels for the page shown, not for every row in the view
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        column_config={"id": None},
        key="timeline_table",
    )
    rows = picked.selection.rows if picked else []
    _open_once("table", [table["id"].iloc[rows[0]]] if rows else [])
    st.caption(tr("Select a row to open its requirements."))
    sharing.data_downloads(v)


def _open_clicked(event) -> None:
    points = event.selection.points if event else []
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    _open_once("chart", ids[:1])


def _open_once(source: str, ids: list[str]) -> None:
    """Open a selection once: the selection persists in widget state, so coming back must not re-open it."""
    key = f"_opened_{source}"
    if ids and st.session_state.get(key) != ids:
        st.session_state[key] = ids
        state.open_action(ids[0])
    if not ids:
        st.session_state[key] = []
