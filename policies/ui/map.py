"""Map page: places on a US map sized and coloured by their actions in the view; draws offline."""

from __future__ import annotations

import streamlit as st

from ..output import figures, tables
from ..output.escape import md
from ..view import describe
from . import sharing, state


def render() -> None:
    v = state.page_run("map")
    if v.frame.empty:
        st.title("Map")
        st.caption(f"{md(describe(v.store, v.view))} · 0 actions · Data as of {v.store.as_of or 'unknown'}")
        state.empty_state()
        return
    if not v.view.present:
        st.title("Map")
    table = tables.map_counts(v.store, v.frame)
    sharing.chart(v, "map", "map")
    places = v.store.rows_for(v.store.places, v.frame)
    unmapped = len(v.frame) - places.loc[places["place"].isin(table["place"]), "action_id"].nunique()
    st.caption(
        "Bubble size: actions taken by or aimed at the place. Colour: its level (city, county, state)."
        + (
            f" Names on the {figures.MAP_LABELS} places with most actions; hover a bubble for the others."
            if len(table) > figures.MAP_LABELS
            else ""
        )
        + (f" {unmapped} federal action(s) aimed at no mapped place are not drawn." if unmapped else "")
    )
    if v.view.present:
        return
    sharing.image_format()
    st.dataframe(
        table.rename(columns={"name": "Place", "level": "Level", "actions": "Actions"})[["Place", "Level", "Actions"]],
        hide_index=True,
        width="content",
    )
    sharing.data_downloads(v)
