"""Map page: places on a US map sized and coloured by their actions in the view; draws offline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..i18n import ntr, tr
from ..output import figures, tables
from . import sharing, state


def render() -> None:
    v = state.page_run("map")
    if v.frame.empty:
        st.title(tr("Map"))
        state.empty_view(v)
        return
    if not v.view.present:
        st.title(tr("Map"))
    table = tables.map_counts(v.store, v.frame)
    sharing.chart(v, "map", "map")
    places = v.store.rows_for(v.store.places, v.frame)
    unmapped = len(v.frame) - places.loc[places["place"].isin(table["place"]), "action_id"].nunique()
    notes = [tr("Bubble size: actions taken by or aimed at the place. Colour: its level (city, county, state).")]
    if len(table) > figures.MAP_LABELS:
        notes.append(
            tr(
                "Names on the {count} places with most actions; hover a bubble for the others.",
                count=figures.MAP_LABELS,
            )
        )
    if unmapped:
        notes.append(
            ntr(
                "{count} federal action(s) aimed at no mapped place are not drawn.",
                "{count} federal action(s) aimed at no mapped place are not drawn.",
                unmapped,
            )
        )
    st.caption(" ".join(notes))
    if v.view.present:
        return
    sharing.image_format()
    levels = v.store.labels.names["level"]
    st.dataframe(
        pd.DataFrame(
            {
                tr("Place"): table["name"],
                tr("Level"): table["level"].map(lambda level: levels.get(str(level), str(level)).lower()),
                tr("Actions"): table["actions"],
            }
        ),
        hide_index=True,
        width="content",
    )
    sharing.data_downloads(v)
