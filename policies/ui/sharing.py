"""What a page offers to take away: its chart (with image download), the data behind the view, an action's summary.

Thin glue over the library: `figures.figure` draws the chart with its provenance, `export` and `summary` make the
files, `names` names them. Downloads are built only when clicked (Streamlit calls the function then).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from .. import i18n
from ..i18n import mark, tr
from ..output import export, figures, layout, names, summary
from ..store import action_detail
from . import browser, memo, state

# plotly.js asks for TOPOJSON_URL + "usa_110m.json"; the file ships in static/ and Streamlit serves it (relative
# to the page, so it also works under a base URL path and never reaches for plotly's CDN).
TOPOJSON_URL = "app/static/topojson/"
DOWNLOAD_WORDS = {"actions": mark("Actions (CSV)"), "provisions": mark("Provisions (CSV)")}
IMAGE_FORMATS = {"png": mark("PNG, 1920 px wide (slides)"), "svg": mark("SVG (print, editing)")}


def chart(run: state.PageRun, kind: str, key: str, **kwargs):
    """The view's figure, full width of its column; plotly's camera button downloads it as the view's file."""
    base, canvas = state.base(run), browser.canvas(run.view.present)
    fig = memo.remembered(
        "figure",
        run.store,
        run.view,
        lambda: figures.figure(run.store, run.frame, run.view, kind, base=base, canvas=canvas),
        kind,
        base,
        canvas,
    )
    fmt = st.session_state.get("image_format", "png")
    name = names.filename(run.store, run.view, fmt).rsplit(".", 1)[0]
    options = layout.image_options(fig, name, fmt, run.view.present)
    config = {"displaylogo": False, "toImageButtonOptions": options}
    if kind == "map":
        config["topojsonURL"] = TOPOJSON_URL
    alt = memo.remembered(
        "alt", run.store, run.view, lambda: figures.alt_text(run.store, run.frame, run.view, kind), kind
    )
    drawn = st.plotly_chart(fig, width="stretch", config=config, key=key, alt=alt, **kwargs)
    if not run.view.present:
        data_table(run, kind, key)
    return drawn


def counts_chart(run: state.PageRun, by: str) -> None:
    """The count bars by jurisdiction or topic (no provenance: they sit under the timeline that carries it)."""
    view, canvas = replace(run.view, by=by), browser.canvas()
    st.plotly_chart(
        memo.remembered(
            "counts", run.store, view, lambda: figures.counts_figure(run.store, run.frame, view, canvas), canvas
        ),
        width="stretch",
        config={"displayModeBar": False},
        key=f"counts_{by}",
        alt=memo.remembered(
            "alt", run.store, view, lambda: figures.alt_text(run.store, run.frame, view, "counts"), "counts"
        ),
    )
    data_table(replace(run, view=view), "counts", f"counts_{by}")


TABLE_ROWS = 200  # the chart's table lists this many rows at most: the downloads have every row


def data_table(run: state.PageRun, kind: str, key: str) -> None:
    """The chart's numbers as a table, one click away: a plain HTML table (read by screen readers cell by cell,
    and light to load: no data grid before the chart is drawn), its first column the rows' headers."""
    with st.expander(tr("The chart's data as a table"), icon=":material/table:"):
        table = memo.remembered(
            "chart-data", run.store, run.view, lambda: figures.chart_data(run.store, run.frame, run.view, kind), kind
        )
        st.table(table.head(TABLE_ROWS).set_index(table.columns[0]))
        if len(table) > TABLE_ROWS:
            st.caption(
                tr(
                    "The first {shown} of {count} rows; the downloads have them all.",
                    shown=i18n.number(TABLE_ROWS),
                    count=i18n.number(len(table)),
                )
            )


def image_format() -> None:
    """Which format the chart's camera button downloads: plotly's modebar has one image button, so this sets it."""
    st.radio(
        tr("Chart image"),
        list(IMAGE_FORMATS),
        key="image_format",
        format_func={fmt: tr(words) for fmt, words in IMAGE_FORMATS.items()}.__getitem__,  # worded in this run
        horizontal=True,
        persist_state="session",
        help=tr(
            "Download with the camera button at the chart's top right (hover the chart). "
            "The image carries its title, filters, sources, data date and link."
        ),
    )


def data_downloads(run: state.PageRun) -> None:
    """The data behind the view: its actions and their provisions as CSV, both in one JSON with its filters."""
    link = state.permalink(run)
    left, middle, right = st.columns(3)
    for column, kind in ((left, "actions"), (middle, "provisions")):
        column.download_button(
            tr(DOWNLOAD_WORDS[kind]),
            partial(export.view_csv, run.store, run.view, kind, run.frame),
            file_name=names.filename(run.store, run.view, "csv", kind),
            mime="text/csv",
            on_click="ignore",
            key=f"download_{kind}_csv",
            icon=":material/download:",
            width="stretch",
        )
    right.download_button(
        tr("Actions and provisions (JSON)"),
        partial(export.view_json, run.store, run.view, link, run.frame),
        file_name=names.filename(run.store, run.view, "json", "actions-provisions"),
        mime="application/json",
        on_click="ignore",
        key="download_json",
        icon=":material/data_object:",
        width="stretch",
    )
    st.caption(
        tr(
            "{count} actions, as filtered above; the file names carry the filters and the data's date ({day}), "
            "the JSON also its link.",
            count=i18n.number(len(run.frame)),
            day=run.store.as_of or tr("unknown"),
        )
    )


def summary_download(run: state.PageRun, action_id: str) -> None:
    """One printable page for an action: requirements, evidence quotes, sources and its permalink."""
    detail = memo.remembered(
        "detail", run.store, run.view, lambda: action_detail(run.store, action_id, run.view.status_date()), action_id
    )
    st.download_button(
        tr("Printable summary (HTML)"),
        partial(summary.action_summary_html, detail, run.store.as_of, state.permalink(run)),
        file_name=names.filename(run.store, run.view, "html", "summary"),
        mime="text/html",
        on_click="ignore",
        key="download_summary",
        icon=":material/print:",
        help=tr("One page for this action: open it and print (or save as PDF) from the browser."),
    )
