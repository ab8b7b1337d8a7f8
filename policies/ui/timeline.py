"""Timeline page (home): actions by jurisdiction and date, counts beside, the same rows in a table under it."""

from __future__ import annotations

import streamlit as st

from .. import charts
from ..filters import describe
from ..share import filename
from . import state


def render() -> None:
    v = state.view("timeline")
    st.title("Timeline")
    st.caption(f"{describe(v.store, v.filters)} · {len(v.frame):,} actions · Data as of {v.store.as_of or 'unknown'}")
    if v.frame.empty:
        state.empty_state()
        return
    color = state.persistent_radio("Colour by", list(charts.COLOR_OPTIONS), "color", format_func=str.capitalize)
    options = v.options | {"color": color}
    chart, side = st.columns([3, 1])
    with chart:
        event = st.plotly_chart(
            charts.timeline(v.store, v.frame, v.filters, options),
            width="stretch",
            on_select="rerun",
            selection_mode="points",
            key="timeline_chart",
            config=_config(v, "timeline"),
        )
        st.caption("Click a point to open what it requires. Lines show when an action was in force.")
    with side:
        for by in ("jurisdiction", "topic"):
            st.plotly_chart(charts.counts_figure(v.store, v.frame, v.filters, {"by": by}), width="stretch",
                            config={"displayModeBar": False}, key=f"counts_{by}")  # fmt: skip
    _open_clicked(event)
    st.subheader("Actions")
    table = charts.actions_table(v.store, v.frame)
    picked = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                          column_config={"id": None}, key="timeline_table")  # fmt: skip
    rows = picked.selection.rows if picked else []
    _open_once("table", [table["id"].iloc[rows[0]]] if rows else [])
    st.caption("Select a row to open its requirements.")


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


def _config(v: state.View, page: str) -> dict:
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename(v.store, v.filters, page, "png")[:-4], "scale": 2},
    }
