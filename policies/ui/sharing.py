"""What a page offers to take away: its chart (with image download), the data behind the view, an action's summary.

Thin glue over the library: `charts.figure` draws the chart with its provenance, `export` and `summary` make the
files, `share` names them. Downloads are built only when clicked (Streamlit calls the function then).
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from .. import charts, export, share, summary
from . import state

# plotly.js asks for TOPOJSON_URL + "usa_110m.json"; the file ships in static/ and Streamlit serves it (relative
# to the page, so it also works under a base URL path and never reaches for plotly's CDN).
TOPOJSON_URL = "app/static/topojson/"
IMAGE_FORMATS = {"png": "PNG, 1920 px wide (slides)", "svg": "SVG (print, editing)"}


def chart(v: state.View, page: str, key: str, **kwargs):
    """The page's figure, full width of its column; plotly's camera button downloads it as the view's file."""
    fig = charts.figure(v.store, v.frame, v.filters, page, v.options, base=state.base(v))
    fmt = st.session_state.get("image_format", "png")
    name = share.filename(v.store, v.filters, page, fmt).rsplit(".", 1)[0]
    options = charts.image_options(fig, name, fmt, share.presenting(v.options))
    config = {"displaylogo": False, "toImageButtonOptions": options}
    if page == "map":
        config["topojsonURL"] = TOPOJSON_URL
    return st.plotly_chart(fig, width="stretch", config=config, key=key, **kwargs)


def image_format() -> None:
    """Which format the chart's camera button downloads: plotly's modebar has one image button, so this sets it."""
    state.persistent_radio(
        "Chart image",
        list(IMAGE_FORMATS),
        "image_format",
        format_func=IMAGE_FORMATS.get,
        help="Download with the camera button at the chart's top right (hover the chart). "
        "The image carries its title, filters, sources, data date and link.",
    )


def data_downloads(v: state.View) -> None:
    """The data behind the view: its actions and their provisions as CSV, both in one JSON with its filters."""
    link = state.permalink(v)
    left, middle, right = st.columns(3)
    for column, kind in ((left, "actions"), (middle, "provisions")):
        column.download_button(
            f"{kind.capitalize()} (CSV)",
            partial(export.view_csv, v.store, v.frame, kind),
            file_name=share.filename(v.store, v.filters, v.page, "csv", kind),
            mime="text/csv",
            on_click="ignore",
            key=f"download_{kind}_csv",
            icon=":material/download:",
            width="stretch",
        )
    right.download_button(
        "Actions and provisions (JSON)",
        partial(export.view_json, v.store, v.frame, v.filters, link),
        file_name=share.filename(v.store, v.filters, v.page, "json", "actions-provisions"),
        mime="application/json",
        on_click="ignore",
        key="download_json",
        icon=":material/data_object:",
        width="stretch",
    )
    st.caption(
        f"{len(v.frame):,} actions, as filtered above; the file names carry the filters and the data's date "
        f"({v.store.as_of or 'unknown'}), the JSON also its link."
    )


def summary_download(v: state.View, action_id: str) -> None:
    """One printable page for an action: requirements, evidence quotes, sources and its permalink."""
    st.download_button(
        "Printable summary (HTML)",
        partial(summary.action_summary_html, v.store, action_id, state.permalink(v)),
        file_name=share.filename(v.store, v.filters, "requirements", "html", "summary"),
        mime="text/html",
        on_click="ignore",
        key="download_summary",
        icon=":material/print:",
        help="One page for this action: open it and print (or save as PDF) from the browser.",
    )
