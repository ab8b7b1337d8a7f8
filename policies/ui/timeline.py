"""Timeline page (home): actions by jurisdiction and date, counts under it, then the same rows in a table."""

from __future__ import annotations

import streamlit as st

from .. import charts, share
from ..filters import describe
from . import sharing, state
from .text import md


def render() -> None:
    v = state.view("timeline")
    if v.frame.empty:
        st.title("Timeline")
        st.caption(f"{md(describe(v.store, v.filters))} · 0 actions · Data as of {v.store.as_of or 'unknown'}")
        state.empty_state()
        return
    if share.presenting(v.options):  # the chart and its caption, full width
        event = sharing.chart(v, "timeline", "timeline_chart", on_select="rerun", selection_mode="points")
        st.caption("Lines show when an action was in force.")
        _open_clicked(event)
        return
    st.title("Timeline")
    color = state.persistent_radio("Colour by", list(charts.COLOR_OPTIONS), "color", format_func=str.capitalize)
    v = state.with_options(v, color=color)
    # Full width: the chart carries its title, filters, legends and sources, and is downloaded as laid out here.
    event = sharing.chart(v, "timeline", "timeline_chart", on_select="rerun", selection_mode="points")
    st.caption("Click a point to open what it requires. Lines show when an action was in force.")
    sharing.image_format()
    for column, by in zip(st.columns(2), ("jurisdiction", "topic")):
        column.plotly_chart(
            charts.counts_figure(v.store, v.frame, v.filters, {"by": by}),
            width="stretch",
            config={"displayModeBar": False},
            key=f"counts_{by}",
        )
    _open_clicked(event)
    st.subheader("Actions")
    rows = state.paged(v.frame, "timeline_page", tail="; the downloads below have them all")
    table = charts.actions_table(v.store, rows)  # labels for the page shown, not for every row in the view
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
    st.caption("Select a row to open its requirements.")
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
