"""Plotly figures and display tables of a view: pure functions of (store, frame, filters, options), no Streamlit.

`frame` is what `policies.filters.apply` returned for the view. Every curated string that reaches plotly goes
through `share.plot_text` (plotly.js reads a subset of HTML in labels and hover text). `figure` is a page's chart
as people take it away: title, filters in words, sources, as-of date and permalink drawn into the figure, so the
app, its image downloads and `python -m policies chart` all give the same self-explaining picture.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import share
from .filters import Filters
from .model import LEVELS
from .share import plot_lines, plot_text, url_lines
from .status import spans
from .store import Store

LEVEL_COLORS = {"federal": "#1f4e79", "state": "#c0504d", "county": "#8064a2", "city": "#2a9d8f"}
# Colour-blind-safe qualitative palette (Okabe-Ito, then Tol's muted) assigned in codebook order.
TOPIC_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#44AA99",
    "#882255",
    "#117733",
    "#999933",
    "#CC6677",
    "#88CCEE",
    "#DDCC77",
    "#555555",
    "#AA4499",
)
TYPE_SYMBOLS = {
    "executive-order": "circle",
    "law": "square",
    "court-order": "diamond",
    "lawsuit": "triangle-up",
    "deployment": "star",
    "enforcement-operation": "hexagon",
    "announcement": "circle-open",
    "agency-directive": "square-open",
}
EXTRA_SYMBOLS = ("x", "cross", "pentagon", "triangle-down", "hourglass", "bowtie")
COLOR_OPTIONS = ("level", "topic")
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=13, color="#1b1b1b")
PRESENT_FONT_SIZE = 18  # presenter mode: read from the back of a room


def topic_colors(store: Store) -> dict[str, str]:
    """One colour per topic, stable across pages (codebook order)."""
    return {t: TOPIC_PALETTE[i % len(TOPIC_PALETTE)] for i, t in enumerate(store.topic_codebook["id"])}


def type_symbols(store: Store) -> dict[str, str]:
    extra = iter(EXTRA_SYMBOLS * 4)
    return {t: TYPE_SYMBOLS.get(t) or next(extra, "circle") for t in store.action_types["id"]}


def labels(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["id"], frame["label"]))


def date_labels(frame: pd.DataFrame) -> pd.Series:
    """summary.format_date for a whole column at once: '30 Aug 2025', 'week of 18 Aug 2025', 'Aug 2025'."""
    dates = frame["date"]
    month_year = dates.dt.strftime("%b %Y")
    day = dates.dt.day.astype(str) + " " + month_year
    precision = frame["date_precision"]
    return day.where(precision != "week", "week of " + day).where(precision != "month", month_year)


def row_labels(names: pd.Series) -> pd.Series:
    """Short, escaped place names for chart rows, worked out once per place rather than once per action."""
    return names.map({name: plot_text(short_name(name)) for name in names.unique()})


def short_name(name: str) -> str:
    """'United States (federal government)' -> 'United States': row and bar labels stay readable."""
    return str(name).split(" (")[0]


def primary_topic(frame: pd.DataFrame) -> pd.Series:
    """The first listed topic of each action: what 'colour by topic' paints it with."""
    return frame["topics"].fillna("").str.split(", ").str[0].replace("", "none")


# --- timeline -------------------------------------------------------------------------------


# Past these, one marker per action stops being readable (and the browser gets megabytes): the timeline shows
# the jurisdictions with most actions, and counts per month instead of single actions, and says so.
MAX_ROWS = 25
MAX_POINTS = 1_500
MAX_BARS = 15
MAX_MATRIX_ROWS = 40


def scaled(frame: pd.DataFrame) -> tuple[pd.DataFrame, bool, str]:
    """(the actions to draw, whether to draw monthly counts, the note saying what was left out or grouped)."""
    rows, points, notes = MAX_ROWS, MAX_POINTS, []
    places = frame["jurisdiction"].value_counts()
    if len(places) > rows:
        frame = frame[frame["jurisdiction"].isin(places.index[:rows])]
        notes.append(f"the {rows} jurisdictions with most actions ({len(frame):,}) of {len(places):,}")
    monthly = len(frame) > points
    if monthly:
        notes.append("circles count each month's actions")
    return frame, monthly, ("Showing " + " and ".join(notes) + "; filter to see more.") if notes else ""


def timeline(store: Store, frame: pd.DataFrame, filters: Filters, options: dict | None = None) -> go.Figure:
    """Actions by jurisdiction (rows) and date (x); colour by level or topic, marker by action type, in-force spans.

    Too many to draw one by one (see `scaled`), it draws the busiest rows and monthly counts, with a note in
    `layout.meta["note"]` that `figure` puts in the subtitle.
    """
    color_by = (options or {}).get("color", "level")
    color_by = color_by if color_by in COLOR_OPTIONS else "level"
    big = share.presenting(options)
    fig = go.Figure()
    if frame.empty:
        return _empty(fig, "No actions match these filters")
    frame, monthly, note = scaled(frame)
    if monthly:
        return _monthly_timeline(store, frame, color_by, options, note)
    rows = frame.assign(
        row=row_labels(frame["jurisdiction_name"]),
        group=frame["level"] if color_by == "level" else primary_topic(frame),
        date_label=date_labels(frame),
    )
    colors = LEVEL_COLORS if color_by == "level" else topic_colors(store)
    group_names = _group_names(store, color_by)
    _add_spans(fig, store, rows, filters, colors)
    symbols = type_symbols(store)
    type_labels = labels(store.action_types)
    status_labels = labels(store.statuses) | {"not-yet": "Not yet"}
    # One trace per colour and action type, so each trace's symbol is one value (per-point symbols are
    # validated point by point by plotly, seconds at 100,000 actions).
    for (group, action_type), part in rows.groupby(["group", "action_type"], sort=False):
        fig.add_trace(
            go.Scatter(
                x=part["date"].to_numpy(),
                y=part["row"].to_numpy(object),
                mode="markers",
                name=plot_text(group_names.get(group, str(group))),
                legendgroup=str(group),
                showlegend=False,
                marker=dict(
                    size=17 if big else 13,
                    color=colors.get(group, "#777777"),
                    symbol=symbols.get(action_type, "circle"),
                    line=dict(width=1.5, color=colors.get(group, "#777777")),
                ),
                customdata=np.column_stack(
                    [
                        part["id"].to_numpy(object),
                        part["title"].map(_clip).map(plot_text).to_numpy(object),
                        part["actor"].map(_clip).map(plot_text).to_numpy(object),
                        part["date_label"].to_numpy(object),
                        part["date_precision"].to_numpy(object),
                        part["action_type"].map(lambda t: type_labels.get(t, t)).to_numpy(object),
                        part["status"].map(lambda s: status_labels.get(s, s)).to_numpy(object),
                    ]
                ),  # numpy arrays: plotly validates lists element by element, which is slow at scale
                hovertemplate=(
                    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]} (precision: %{customdata[4]})"
                    "<br>%{customdata[5]} · %{customdata[6]}<extra></extra>"
                ),
            )
        )
    for group in rows["group"].drop_duplicates():
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=plot_text(group_names.get(group, str(group))),
                legendgroup=str(group),
                marker=dict(size=11, color=colors.get(group, "#777777"), symbol="circle"),
                hoverinfo="skip",
            )
        )
    _add_type_legend(fig, store, rows)
    order = _row_order(rows)
    fig.update_layout(
        font=_font(options),
        height=(260 + 56 * len(order)) if big else max(400, 210 + 42 * len(order)),
        margin=dict(l=10, r=10, t=20, b=10),
        plot_bgcolor="white",
        legend=dict(
            title=dict(text="Level" if color_by == "level" else "Topic (first listed)"),
            orientation="h",
            yanchor="top",
            y=-0.22,
            x=0,
            groupclick="toggleitem",
        ),
        # The shapes' key: its own legend, in "normal" order (a legend group would stack its entries in a column).
        legend2=dict(title=dict(text="Action type"), orientation="h", yanchor="top", y=-0.34, x=0, traceorder="normal"),
        hoverlabel=dict(bgcolor="white", font=dict(size=13)),
        clickmode="event+select",
        meta={"note": note},
    )
    _timeline_axes(fig, rows, options)
    return fig


def _monthly_timeline(store: Store, frame: pd.DataFrame, color_by: str, options: dict | None, note: str) -> go.Figure:
    """One circle per jurisdiction, month and colour, its area the number of actions: a few thousand points
    at most, whatever the number of actions."""
    big = share.presenting(options)
    colors = LEVEL_COLORS if color_by == "level" else topic_colors(store)
    group_names = _group_names(store, color_by)
    rows = frame.assign(
        row=row_labels(frame["jurisdiction_name"]),
        group=frame["level"] if color_by == "level" else primary_topic(frame),
        month=frame["date"].dt.to_period("M").dt.to_timestamp(),
    )
    cells = rows.groupby(["group", "row", "month"], sort=False).size().reset_index(name="actions")
    biggest = max(1, int(cells["actions"].max()))
    fig = go.Figure()
    for group, part in cells.groupby("group", sort=False):
        fig.add_trace(
            go.Scatter(
                x=part["month"].to_numpy(),
                y=part["row"].to_numpy(object),
                mode="markers",
                name=plot_text(group_names.get(group, str(group))),
                marker=dict(
                    size=(6 + 22 * np.sqrt(part["actions"].to_numpy() / biggest)),
                    color=colors.get(group, "#777777"),
                    opacity=0.8,
                    line=dict(width=0),
                ),
                customdata=part["actions"].to_numpy(),
                hovertemplate="%{y}<br>%{x|%b %Y}: %{customdata:,} actions<extra></extra>",
            )
        )
    fig.update_layout(
        font=_font(options),
        height=(260 + 56 * rows["row"].nunique()) if big else max(400, 210 + 42 * rows["row"].nunique()),
        margin=dict(l=10, r=10, t=20, b=10),
        plot_bgcolor="white",
        legend=dict(title=dict(text="Level" if color_by == "level" else "Topic (first listed)"), orientation="h"),
        hoverlabel=dict(bgcolor="white", font=dict(size=13)),
        meta={"note": note},
    )
    _timeline_axes(fig, rows, options)
    return fig


def _timeline_axes(fig: go.Figure, rows: pd.DataFrame, options: dict | None) -> None:
    # Horizontal tick labels, never rotated: rotated dates would run into the footer under the axis.
    ticks = _tick_font(options)
    fig.update_xaxes(
        showgrid=True,
        gridcolor="#e6e6e6",
        tickformat="%-d %b %Y",
        title=None,
        range=_x_range(rows),
        tickangle=0,
        nticks=7,
        tickfont=ticks,
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=_row_order(rows)[::-1],
        gridcolor="#f0f0f0",
        title=None,
        automargin=True,
        tickfont=ticks,
    )


def _font(options: dict | None) -> dict:
    return FONT | {"size": PRESENT_FONT_SIZE} if share.presenting(options) else FONT


def _tick_font(options: dict | None) -> dict:
    """Axis labels in the body size and colour: Streamlit's chart theme would make them small and grey."""
    font = _font(options)
    return dict(size=font["size"], color=font["color"])


def _clip(text: str, limit: int = 90) -> str:
    """Hover lines stay on screen; the full text is on the Requirements page."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _x_range(rows: pd.DataFrame) -> list[pd.Timestamp]:
    """The actions' own dates with a margin; spans still in force run on past the right edge."""
    start, end = rows["date"].min(), rows["date_end"].max()
    pad = max((end - start) * 0.06, pd.Timedelta(days=5))
    return [start - pad, end + pad]


def _group_names(store: Store, color_by: str) -> dict[str, str]:
    if color_by == "level":
        return {level: level.capitalize() for level in LEVELS}
    return labels(store.topic_codebook) | {"none": "No topic"}


def _row_order(rows: pd.DataFrame) -> list[str]:
    """Rows from federal down to city, then by name, so the same place sits in the same spot on every view."""
    rank = {level: i for i, level in enumerate(LEVELS)}
    unique = rows.drop_duplicates("row")
    unique = unique.assign(rank=unique["level"].map(rank).fillna(len(LEVELS)))
    return list(unique.sort_values(["rank", "row"])["row"])


def _add_spans(fig: go.Figure, store: Store, rows: pd.DataFrame, filters: Filters, colors: dict) -> None:
    """A line from when an action came into force to when it was blocked or expired (or the as-of date)."""
    events = store.rows_for(store.events, rows)
    if events.empty:
        return
    in_force = spans(events, store.statuses, filters.as_of or dt.date.today())
    if in_force.empty:
        return
    joined = in_force.merge(rows[["id", "row", "group"]], left_on="action_id", right_on="id")
    for group, part in joined.groupby("group", sort=False):
        # One trace per colour: segments separated by gaps (None), built without a Python loop.
        xs = np.column_stack(
            [part["start"].to_numpy(object), part["end"].to_numpy(object), np.full(len(part), None)]
        ).ravel()
        ys = np.column_stack(
            [part["row"].to_numpy(object), part["row"].to_numpy(object), np.full(len(part), None)]
        ).ravel()
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line=dict(width=6, color=colors.get(group, "#777777")),
                opacity=0.35,
                legendgroup=str(group),
                showlegend=False,
                hoverinfo="skip",
                name="in force",
            )
        )


def _add_type_legend(fig: go.Figure, store: Store, rows: pd.DataFrame) -> None:
    """Legend-only grey markers naming each action type's symbol, in the second legend."""
    symbols = type_symbols(store)
    type_labels = labels(store.action_types)
    for t in [t for t in store.action_types["id"] if t in set(rows["action_type"])]:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=plot_text(type_labels.get(t, t)),
                legendgroup="types",
                legend="legend2",
                marker=dict(size=11, color="#555555", symbol=symbols[t]),
                hoverinfo="skip",
            )
        )


def _empty(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(
        text=message, showarrow=False, font=dict(size=16, color="#555555"), x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(
        height=240, plot_bgcolor="white", font=FONT, margin=dict(l=10, r=10, t=10, b=10), showlegend=False
    )
    return fig


# --- counts ---------------------------------------------------------------------------------


def counts(store: Store, frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Number of actions per jurisdiction ('jurisdiction') or per topic ('topic'), largest first."""
    if by == "topic":
        long = store.rows_for(store.topics, frame)
        names = labels(store.topic_codebook)
        out = long["topic"].value_counts().rename_axis("key").reset_index(name="actions")
        out["name"] = out["key"].map(lambda k: names.get(k, k))
    else:
        out = frame.groupby(["jurisdiction", "jurisdiction_name", "level"]).size().reset_index(name="actions")
        out = out.rename(columns={"jurisdiction": "key", "jurisdiction_name": "name"})
    return out.sort_values(["actions", "name"], ascending=[False, True]).reset_index(drop=True)


def counts_figure(store: Store, frame: pd.DataFrame, filters: Filters, options: dict | None = None) -> go.Figure:
    """Horizontal bars of counts by jurisdiction or topic, in the same colours as the timeline."""
    by = (options or {}).get("by", "jurisdiction")
    table = counts(store, frame, by)
    fig = go.Figure()
    if table.empty:
        return _empty(fig, "No actions")
    shown = len(table)
    table = table.head(MAX_BARS)
    if by == "topic":
        palette = topic_colors(store)
        colors = [palette.get(k, "#777777") for k in table["key"]]
    else:
        colors = [LEVEL_COLORS.get(level, "#777777") for level in table["level"]]
    fig.add_trace(
        go.Bar(
            x=table["actions"],
            y=table["name"].map(short_name).map(plot_text),
            orientation="h",
            marker_color=colors,
            text=table["actions"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    if by != "topic":  # a key to the colours (hidden in the app's narrow column; figure() shows it)
        for level in [lv for lv in LEVELS if lv in set(table["level"])]:
            fig.add_trace(
                go.Bar(
                    x=[None],
                    y=[None],
                    name=level.capitalize(),
                    marker_color=LEVEL_COLORS[level],
                    orientation="h",
                    hoverinfo="skip",
                )
            )
    fig.update_layout(
        font=_font(options),
        height=max(160, 40 + 26 * len(table)),
        margin=dict(l=10, r=30, t=30, b=10),
        plot_bgcolor="white",
        title=dict(
            text=("By jurisdiction" if by != "topic" else "By topic")
            + (f" (top {MAX_BARS} of {shown:,})" if shown > MAX_BARS else ""),
            font=dict(size=14),
        ),
        bargap=0.25,
        showlegend=False,
        legend=dict(title=dict(text="Level"), orientation="h"),
    )
    fig.data[0].showlegend = False
    fig.update_xaxes(visible=False)
    fig.update_yaxes(autorange="reversed", automargin=True, ticklabelstandoff=6, tickfont=_tick_font(options))
    return fig


# --- map ------------------------------------------------------------------------------------


def map_counts(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """Actions per place (acting or affected jurisdiction) with coordinates; federal-only actions have none."""
    places = store.rows_for(store.places, frame)
    places = places[places["role"].isin(["acting", "affected"])]
    counted = places.groupby("place")["action_id"].nunique().rename("actions").reset_index()
    geo = store.jurisdictions[["id", "name", "level", "lat", "lon"]]
    out = counted.merge(geo, left_on="place", right_on="id").dropna(subset=["lat", "lon"])
    return out.sort_values(["actions", "name"], ascending=[False, True]).reset_index(drop=True)


MAP_LABELS = 20  # bubbles named on the map; the others are named on hover


def map_figure(store: Store, frame: pd.DataFrame, filters: Filters, options: dict | None = None) -> go.Figure:
    """A US map (state outlines from the bundled topojson) with one bubble per place, sized by its actions."""
    table = map_counts(store, frame)
    fig = go.Figure()
    biggest = max(int(table["actions"].max()), 1) if len(table) else 1
    named = set(table["place"].head(MAP_LABELS))  # the busiest places; names of thousands would overprint
    # One trace per level, so each trace's colour is one value (plotly validates a list of colours one by one),
    # and numpy arrays throughout (plotly validates lists element by element).
    for level, part in table.groupby("level", sort=False):
        labels = part["name"].map(lambda n: plot_text(n.split(",")[0])).where(part["place"].isin(named), "")
        fig.add_trace(
            go.Scattergeo(
                lat=part["lat"].to_numpy(float),
                lon=part["lon"].to_numpy(float),
                mode="markers+text",
                text=labels.to_numpy(object),
                textposition="top center",
                marker=dict(
                    size=14 + 36 * np.sqrt(part["actions"].to_numpy() / biggest),
                    color=LEVEL_COLORS.get(level, "#777777"),
                    opacity=0.8,
                    line=dict(width=1, color="white"),
                ),
                customdata=np.column_stack(
                    [
                        part["place"].to_numpy(object),
                        part["name"].map(plot_text).to_numpy(object),
                        part["actions"].to_numpy(object),
                    ]
                ),
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} action(s)<extra></extra>",
                name=level.capitalize(),
                showlegend=False,
            )
        )
    for level in [lv for lv in LEVELS if lv in set(table["level"])]:  # a key to the colours, for images
        fig.add_trace(
            go.Scattergeo(
                lat=[None],
                lon=[None],
                mode="markers",
                name=level.capitalize(),
                hoverinfo="skip",
                marker=dict(size=11, color=LEVEL_COLORS[level]),
                showlegend=True,
            )
        )
    fig.update_geos(
        scope="usa",
        showland=True,
        landcolor="#f4f4f1",
        showsubunits=True,
        subunitcolor="#9a9a9a",
        showcountries=True,
        countrycolor="#9a9a9a",
        showlakes=True,
        lakecolor="#dbe9f4",
        bgcolor="white",
    )
    fig.update_layout(
        font=_font(options),
        height=640 if share.presenting(options) else 520,
        margin=dict(l=10, r=10, t=10, b=0),
        showlegend=len(table) > 0,
        legend=dict(title=dict(text="Level"), orientation="h"),
    )
    return fig


# --- the figure people take away: title, filters, sources, as-of date, permalink -------------

FIGURES = ("timeline", "map", "counts")
TITLES = {
    "timeline": "Government actions on immigration enforcement, by date",
    "map": "Government actions on immigration enforcement, by place",
    "counts": "Government actions on immigration enforcement, by {by}",
}
# The width a figure is laid out for, in px: the app's main column in a 1440-px window (presenter mode: the whole
# window). Images are this layout scaled to at least IMAGE_PX wide, so a download is what was on screen, sharp
# enough for a slide; the `chart` command draws the same layout.
WIDTH = {False: 960, True: 1360}
IMAGE_PX = 1920
# Text sizes (px) of title, subtitle and footer; presenter mode reads from the back of a room.
TEXT_SIZES = {False: (22, 15, 12), True: (32, 21, 15)}
CHAR = 0.52  # mean character width, in font sizes: plotly never wraps text, so lines are broken in Python
LINE = 1.3  # line height, in font sizes
PAD = 12
INSET = {"timeline": 120, "counts": 120, "map": 20}  # px left of the plot (row labels): where text starts


def figure(
    store: Store, frame: pd.DataFrame, filters: Filters, page: str, options: dict | None = None, base: str | None = None
) -> go.Figure:
    """The chart of `page` (timeline, map or counts) with its provenance drawn in: the app, its image downloads
    and the `chart` command all show this figure."""
    options = options or {}
    big = share.presenting(options)
    fig = {"timeline": timeline, "map": map_figure, "counts": counts_figure}[page](store, frame, filters, options)
    if frame.empty:
        plot_height, axis_room = 200, 0
    elif page == "timeline":
        rows = len(fig.layout.yaxis.categoryarray or ())
        plot_height, axis_room = (max(380, rows * 64 + 50) if big else max(220, rows * 42 + 40)), 30 if big else 26
    elif page == "map":
        plot_height, axis_room = (620 if big else 500), 0
    else:
        plot_height, axis_room = len(fig.data[0].y) * (34 if big else 26) + 20, 0
        fig.update_layout(showlegend=True)
    title = TITLES[page].format(by="topic" if options.get("by") == "topic" else "jurisdiction")
    link_page = "timeline" if page == "counts" else page  # the counts are drawn beside the timeline
    caption = share.caption(store, frame, filters, link_page, options, base)
    note = (fig.layout.meta or {}).get("note") if isinstance(fig.layout.meta, dict) else None
    if note:  # what a scaled-down chart leaves out is part of what it says
        caption["subtitle"] += f". {note}"
    return with_provenance(fig, title, caption, plot_height, big, axis_room, WIDTH[big] - INSET[page])


def with_provenance(
    fig: go.Figure,
    title: str,
    caption: dict[str, str],
    plot_height: float,
    present: bool = False,
    axis_room: float = 0,
    text_width: float = 840,
) -> go.Figure:
    """Title and subtitle above the plot, the legends under them, as-of date, sources and permalink below it.

    All of it is in the figure (layout title, legends, one annotation), so it survives a download. Positions are
    pixels from the figure's edges: the figure is as tall as its text plus `plot_height`, and the footer is placed
    from the bottom margin, which `axis_room` keeps clear of tick labels. Text is wrapped to `text_width` px.
    """
    title_size, sub_size, foot_size = TEXT_SIZES[present]
    body = PRESENT_FONT_SIZE if present else FONT["size"]
    title = plot_lines(title, int(text_width / (CHAR * title_size * 1.1)))  # bold
    subtitle = plot_lines(caption["subtitle"], int(text_width / (CHAR * sub_size)))
    foot_wrap = int(text_width / (CHAR * foot_size))
    footer = "<br>".join(
        [
            plot_lines(f"{caption['as_of']} · {caption['sources']}", foot_wrap),
            url_lines(f"{share.APP_NAME}: {caption['permalink']}", foot_wrap),
        ]
    )
    header = PAD + _lines(title) * title_size * LINE + 0.6 * sub_size + _lines(subtitle) * sub_size * LINE + PAD
    legend_tops, y = {}, header
    for name in legend_names(fig):
        legend_tops[name] = y
        y += legend_rows(fig, name, present, text_width) * body * 2.2 + 8  # rows, and the legend's padding
    top = round(y + (PAD if legend_tops else 0))
    bottom = round(axis_room + _lines(footer) * foot_size * LINE + 2 * PAD)
    height = round(top + plot_height + bottom)
    fig.update_layout(
        height=height,
        margin=dict(t=top, b=bottom),
        title=dict(
            text=f"<b>{title}</b>",
            x=0,
            xref="paper",
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=PAD),
            font=dict(size=title_size, color="#1b1b1b"),
            subtitle=dict(text=subtitle, font=dict(size=sub_size, color="#444444")),
        ),
    )
    for name, legend_top in legend_tops.items():
        # Container coordinates: plotly reserves each legend's real height above the plot, however it wraps.
        # The title goes left of the items, whatever a theme (Streamlit's) would do.
        fig.update_layout(
            {
                name: dict(
                    orientation="h",
                    x=0,
                    xref="paper",
                    xanchor="left",
                    y=1 - legend_top / height,
                    yref="container",
                    yanchor="top",
                    font=dict(size=body),
                    title=dict(side="left", font=dict(size=body, color=FONT["color"])),
                )
            }
        )
    fig.add_annotation(
        text=footer,
        name="provenance",
        showarrow=False,
        align="left",
        xref="paper",
        x=0,
        xanchor="left",
        yref="paper",
        y=0,
        yanchor="bottom",
        yshift=-(bottom - PAD),
        font=dict(size=foot_size, color="#555555"),
    )
    return fig


def _lines(plot_string: str) -> int:
    return plot_string.count("<br>") + 1


def legend_names(fig: go.Figure) -> list[str]:
    """The legends a figure draws ('legend', 'legend2', ...), in order."""
    if fig.layout.showlegend is False:
        return []
    names = {t.legend or "legend" for t in fig.data if t.showlegend is not False and t.name}
    return sorted(names, key=lambda n: int(n[6:] or 1))


def legend_rows(fig: go.Figure, name: str = "legend", present: bool = False, width: float = 840) -> int:
    """How many lines a horizontal legend wraps to in `width` px (room is reserved for it above the plot).

    plotly fills a line with entries (symbol, text, gap) beside the legend's title; the estimate errs wide, so a
    legend may leave a little space under it but never runs into the next one.
    """
    size = PRESENT_FONT_SIZE if present else FONT["size"]
    char, entry = 0.58 * size, 3.6 * size
    names = [t.name for t in fig.data if (t.legend or "legend") == name and t.showlegend is not False and t.name]
    room = width - len(fig.layout[name].title.text or "") * char - size
    rows, used = 1, 0.0
    for n in names:
        item = entry + len(n) * char
        if used and used + item > room:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def image_size(present: bool = False) -> tuple[int, float]:
    """Layout width and scale of an image: the on-screen layout, at least IMAGE_PX pixels wide."""
    width = WIDTH[present]
    return width, np.ceil(IMAGE_PX / width * 100) / 100


def image_options(fig: go.Figure, name: str, fmt: str = "png", present: bool = False) -> dict:
    """plotly's toImageButtonOptions: PNG (at least 1920 px wide, for slides) or SVG, named after the view."""
    width, scale = image_size(present)
    return {
        "format": fmt if fmt in ("png", "svg") else "png",
        "filename": name,
        "width": width,
        "height": int(fig.layout.height or 600),
        "scale": float(scale),
    }


# --- tables ---------------------------------------------------------------------------------


def actions_table(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the view for st.dataframe: one date format, labels instead of ids."""
    type_labels = labels(store.action_types)
    status_labels = labels(store.statuses) | {"not-yet": "Not yet"}
    return pd.DataFrame(
        {
            "Date": date_labels(frame),
            "Jurisdiction": frame["jurisdiction_name"],
            "Level": frame["level"].str.capitalize(),
            "Title": frame["title"],
            "Type": frame["action_type"].map(lambda t: type_labels.get(t, t)),
            "Status": frame["status"].map(lambda s: status_labels.get(s, s)),
            "Actor": frame["actor"],
            "Sources disagree": frame["disputed"].map({True: "yes", False: ""}),
            "id": frame["id"],
        }
    ).reset_index(drop=True)


def requirements_matrix(
    store: Store, frame: pd.DataFrame, limit: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Jurisdictions x requirement topics: (cell text, cell action id) frames of the same shape.

    A cell says what the place's own actions (acting jurisdiction) require on the topic, e.g.
    "Prohibits: Chicago police may not ..."; several provisions are joined with " | ". The id frame
    names the action of the first provision, so a selected cell opens it. With `limit`, only the places
    with requirements on most topics are kept; `text.attrs["places"]` says how many there were.
    """
    book = store.topic_codebook
    columns = list(book.loc[book["requirement_topic"].fillna(False).astype(bool), "id"])
    topic_names = labels(book)
    long = store.rows_for(store.provision_topics, frame)
    long = long[long["topic"].isin(columns)]
    long = long.assign(jurisdiction_name=store.of_actions(long, "jurisdiction_name"))
    places = long.groupby("jurisdiction_name")["topic"].nunique()
    total = len(places)
    if limit and total > limit:
        keep = places.sort_values(ascending=False, kind="stable").index[:limit]
        long = long[long["jurisdiction_name"].isin(keep)]
    # Text and verb only for the provisions kept; actions' codes are in date order.
    provisions = store.provisions.loc[
        store.provisions["action_id"].isin(long["action_id"].unique()),
        ["action_id", "provision_id", "seq", "requirement", "text"],
    ]
    order = provisions.assign(position=store.positions(provisions))  # joined on text, sorted by position
    long = long.astype({"action_id": str}).merge(order.astype({"action_id": str}), on=["action_id", "provision_id"])
    long = long.sort_values(["position", "seq"])
    long = long.assign(cell=long["requirement"].str.capitalize() + ": " + long["text"])
    cells = long.groupby(["jurisdiction_name", "topic"], sort=False).agg(
        text=("cell", " | ".join), action=("action_id", "first")
    )
    text = cells["text"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    ids = (
        cells["action"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    )
    text.columns = ids.columns = [topic_names.get(c, c) for c in columns]
    text.index.name = ids.index.name = "Jurisdiction"
    text.attrs["places"] = total
    return text, ids


def safe_url(url: object) -> str | None:
    """Only http(s) URLs are ever drawn as links."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
