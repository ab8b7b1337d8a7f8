"""Map page: places on a US map sized and coloured by their actions in the view; draws offline."""

from __future__ import annotations

import streamlit as st

from .. import charts
from ..filters import describe
from ..share import filename
from . import state

# plotly.js asks for TOPOJSON_URL + "usa_110m.json"; the file ships in static/ and Streamlit serves it (relative
# to the page, so it also works under a base URL path and never reaches for plotly's CDN).
TOPOJSON_URL = "app/static/topojson/"


def render() -> None:
    v = state.view("map")
    st.title("Map")
    st.caption(f"{describe(v.store, v.filters)} · {len(v.frame):,} actions · Data as of {v.store.as_of or 'unknown'}")
    if v.frame.empty:
        state.empty_state()
        return
    table = charts.map_counts(v.store, v.frame)
    config = {
        "topojsonURL": TOPOJSON_URL,
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename(v.store, v.filters, "map", "png")[:-4], "scale": 2},
    }
    st.plotly_chart(charts.map_figure(v.store, v.frame, v.filters, v.options), width="stretch", config=config, key="map")
    unmapped = len(v.frame) - v.store.places[
        v.store.places["action_id"].isin(v.frame["id"]) & v.store.places["place"].isin(table["place"])
    ]["action_id"].nunique()
    st.caption(
        "Bubble size: actions taken by or aimed at the place. Colour: its level (city, county, state)."
        + (f" {unmapped} federal action(s) aimed at no mapped place are not drawn." if unmapped else "")
    )
    st.dataframe(
        table.rename(columns={"name": "Place", "level": "Level", "actions": "Actions"})[["Place", "Level", "Actions"]],
        hide_index=True, width="content",
    )  # fmt: skip
