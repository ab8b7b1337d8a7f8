"""Plotly figures of a view: the timeline, the map and the count bars; pure functions of (store, rows, view).

`frame` is what `policies.view.apply` returned for the view. Every curated string that reaches plotly goes
through `escape.plot_text` (plotly.js reads a subset of HTML in labels and hover text). `figure` is a chart as
people take it away, with its provenance drawn in by `layout`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import i18n
from ..i18n import mark, ntr, tr
from ..records.model import LEVELS
from ..store import Store
from ..store.status import spans
from ..view import COLOR_OPTIONS, View
from ..view.filters import join
from . import layout
from .escape import plot_text
from .formats import date_labels, date_ticks, precision_name, rests_on
from .layout import DESKTOP, Canvas
from .local import text_column
from .tables import MAX_BARS, RESEARCH_STATES, RESEARCH_WORDS, counts, map_counts, research_status
from .theme import LEVEL_COLORS, topic_colors, type_symbols

FIGURES = ("timeline", "map", "counts")
TITLES = {
    "timeline": mark("Government actions on immigration enforcement, by date"),
    "map": mark("Government actions on immigration enforcement, by place"),
    "counts": mark("Government actions on immigration enforcement, by {by}"),
}
BY_WORDS = {"jurisdiction": mark("jurisdiction"), "topic": mark("topic")}
INSET = {"timeline": 120, "counts": 120, "map": 20}  # px left of the plot (row labels): where text starts


def row_labels(names: pd.Series, canvas: Canvas = DESKTOP) -> pd.Series:
    """Short, escaped place names for chart rows, worked out once per place rather than once per action; on a
    phone a long name takes two lines."""
    return names.map({name: layout.plot_lines(short_name(name), canvas.label_chars()) for name in names.unique()})


FEDERAL_ROWS = {True: mark("Federal courts"), False: mark("Federal government")}


def timeline_rows(frame: pd.DataFrame) -> pd.Series:
    """Each action's row: its acting jurisdiction, with the federal government's court orders on a row of their
    own (at the tracker's real size one federal row held half the actions, overprinted)."""
    federal = frame["level"] == "federal"
    courts = (frame["action_type"] == "court-order").map({key: tr(words) for key, words in FEDERAL_ROWS.items()})
    return frame["jurisdiction_name"].where(~federal, courts)


def reviewed(frame: pd.DataFrame) -> np.ndarray:
    """What each status rests on, for hover text: "as of our last review, 1 Dec 2026", flagged when stale."""
    words = frame["last_verified"].map({day: rests_on(day) for day in frame["last_verified"].unique()})
    stale = frame["out_of_date"] if "out_of_date" in frame else pd.Series(False, index=frame.index)
    return words.where(~stale, words + "; possibly out of date").to_numpy(object)


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


def scaled(frame: pd.DataFrame) -> tuple[pd.DataFrame, bool, str]:
    """(the actions to draw, whether to draw monthly counts, the note saying what was left out or grouped)."""
    rows, points, notes = MAX_ROWS, MAX_POINTS, []
    row = timeline_rows(frame)
    places = row.value_counts()
    if len(places) > rows:
        frame = frame[row.isin(places.index[:rows]).to_numpy()]
        notes.append(
            tr(
                "the {rows} jurisdictions with most actions ({shown}) of {places}",
                rows=rows,
                shown=i18n.number(len(frame)),
                places=i18n.number(len(places)),
            )
        )
    monthly = len(frame) > points
    if monthly:
        notes.append(tr("circles count each month's actions"))
    return frame, monthly, tr("Showing {what}; filter to see more.", what=join(notes)) if notes else ""


def timeline(store: Store, frame: pd.DataFrame, view: View, canvas: Canvas = DESKTOP) -> go.Figure:
    """Actions by jurisdiction (rows) and date (x); colour by level or topic, marker by action type, in-force spans.

    Too many to draw one by one (see `scaled`), it draws the busiest rows and monthly counts, with a note in
    `layout.meta["note"]` that `figure` puts in the subtitle.
    """
    color_by = view.color if view.color in COLOR_OPTIONS else "level"
    big = canvas.present
    fig = go.Figure()
    if frame.empty:
        return _empty(fig, tr("No actions match these filters"), canvas)
    frame, monthly, note = scaled(frame)
    if monthly:
        return _monthly_timeline(store, frame, color_by, canvas, note)
    rows = frame.assign(
        row=row_labels(timeline_rows(frame), canvas),
        group=frame["level"] if color_by == "level" else primary_topic(frame),
        date_label=date_labels(frame),
    )
    colors = LEVEL_COLORS if color_by == "level" else topic_colors(store)
    group_names = _group_names(store, color_by)
    _add_spans(fig, store, rows, view.status_date(), colors)
    symbols = type_symbols(store)
    type_labels = store.labels.names["type"]
    status_labels = store.labels.names["status"]
    # One trace per colour and action type, so each trace's symbol is one value (per-point symbols are
    # validated point by point by plotly, seconds at 100,000 actions).
    # Hover text worked out once for all rows (once per distinct value where it is a lookup), then split by trace.
    custom = np.column_stack(
        [
            rows["id"].to_numpy(object),
            _each(text_column(rows, "title"), lambda t: plot_text(_clip(t))),
            _each(rows["actor"], lambda t: plot_text(_clip(t))),
            rows["date_label"].to_numpy(object),
            _each(rows["date_precision"], precision_name),
            _each(rows["action_type"], lambda t: type_labels.get(t, t)),
            _each(rows["status"], lambda s: status_labels.get(s, s)),
            reviewed(rows),
        ]
    )  # numpy arrays: plotly validates lists element by element, which is slow at scale
    hover = (
        "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
        + tr("%{customdata[3]} (precision: %{customdata[4]})")
        + "<br>%{customdata[5]} · %{customdata[6]} (%{customdata[7]})<extra></extra>"
    )
    x, y = rows["date"].to_numpy(), rows["row"].to_numpy(object)
    traces: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(rows["group"].to_numpy(object), rows["action_type"].to_numpy(object))):
        traces.setdefault(key, []).append(i)
    for (group, action_type), positions in traces.items():
        at = np.asarray(positions)
        fig.add_trace(
            go.Scatter(
                x=x[at],
                y=y[at],
                mode="markers",
                name=plot_text(group_names.get(group, str(group))),
                legendgroup=str(group),
                showlegend=False,
                marker=dict(
                    size=17 if big else 11 if canvas.narrow else 13,
                    color=colors.get(group, "#777777"),
                    symbol=symbols.get(action_type, "circle"),
                    line=dict(width=1.5, color=colors.get(group, "#777777")),
                ),
                customdata=custom[at],
                hovertemplate=hover,
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
        font=canvas.font(),
        height=(260 + 56 * len(order)) if big else max(400, 210 + 42 * len(order)),
        margin=dict(l=10, r=10, t=20, b=10),
        plot_bgcolor="white",
        legend=dict(
            title=dict(text=tr("Level") if color_by == "level" else tr("Topic (first listed)")),
            orientation="h",
            yanchor="top",
            y=-0.22,
            x=0,
            groupclick="toggleitem",
        ),
        # The shapes' key: its own legend, in "normal" order (a legend group would stack its entries in a column).
        legend2=dict(
            title=dict(text=tr("Action type")), orientation="h", yanchor="top", y=-0.34, x=0, traceorder="normal"
        ),
        hoverlabel=dict(bgcolor="white", font=dict(size=13)),
        clickmode="event+select",
        meta={"note": note},
    )
    _timeline_axes(fig, rows, canvas)
    return fig


def _monthly_timeline(store: Store, frame: pd.DataFrame, color_by: str, canvas: Canvas, note: str) -> go.Figure:
    """One circle per jurisdiction, month and colour, its area the number of actions: a few thousand points
    at most, whatever the number of actions."""
    colors = LEVEL_COLORS if color_by == "level" else topic_colors(store)
    group_names = _group_names(store, color_by)
    big = canvas.present
    rows = frame.assign(
        row=row_labels(timeline_rows(frame), canvas),
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
                hovertemplate=tr("%{y}<br>%{x|%b %Y}: %{customdata:,} actions") + "<extra></extra>",
            )
        )
    fig.update_layout(
        font=canvas.font(),
        height=(260 + 56 * rows["row"].nunique()) if big else max(400, 210 + 42 * rows["row"].nunique()),
        margin=dict(l=10, r=10, t=20, b=10),
        plot_bgcolor="white",
        legend=dict(
            title=dict(text=tr("Level") if color_by == "level" else tr("Topic (first listed)")), orientation="h"
        ),
        hoverlabel=dict(bgcolor="white", font=dict(size=13)),
        meta={"note": note},
    )
    _timeline_axes(fig, rows, canvas)
    return fig


def _timeline_axes(fig: go.Figure, rows: pd.DataFrame, canvas: Canvas) -> None:
    # Horizontal tick labels, never rotated (rotated dates would run into the footer under the axis), placed and
    # worded here so there are as many as the width holds, in the reader's language.
    ticks = canvas.tick_font()
    start, end = _x_range(rows)
    plot_px = canvas.width - (20 if canvas.narrow else INSET["timeline"])
    values, texts = date_ticks(start, end, max(2, int(plot_px // (ticks["size"] * 6.5))), i18n.current())
    fig.update_xaxes(
        showgrid=True,
        gridcolor="#e6e6e6",
        title=None,
        range=[start, end],
        tickangle=0,
        tickmode="array",
        tickvals=values,
        ticktext=texts,
        tickfont=ticks,
    )
    order = _row_order(rows)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=order[::-1],
        gridcolor="#f0f0f0",
        title=None,
        tickfont=ticks,
        automargin=True,
        showticklabels=not canvas.narrow,
    )
    if canvas.narrow:
        # A phone's row names sit above their row, across the plot, so the plot and every line of text get the
        # whole width. Annotations, not "inside" tick labels: plotly hides the date ticks under those.
        for row in order:
            fig.add_annotation(
                text=row,
                x=0,
                xref="paper",
                xanchor="left",
                y=row,
                yref="y",
                yanchor="bottom",
                yshift=5,
                showarrow=False,
                font=ticks,
                name="row",
            )


def _each(values: pd.Series, word: Callable[[Any], object]) -> np.ndarray:
    """`word` of each value, worked out once per distinct value (titles repeat little; types and statuses a lot)."""
    column = values.to_numpy(object)
    table = {value: word(value) for value in dict.fromkeys(column)}
    return np.array([table[value] for value in column], dtype=object)


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
        return store.labels.names["level"]
    return store.labels.names["topic"] | {"none": tr("No topic")}


def _row_order(rows: pd.DataFrame) -> list[str]:
    """Rows from federal down to city, then by name, so the same place sits in the same spot on every view."""
    rank = {level: i for i, level in enumerate(LEVELS)}
    unique = rows.drop_duplicates("row")
    unique = unique.assign(rank=unique["level"].map(rank).fillna(len(LEVELS)))
    return list(unique.sort_values(["rank", "row"])["row"])


def _add_spans(fig: go.Figure, store: Store, rows: pd.DataFrame, day: dt.date, colors: dict) -> None:
    """A line from when an action came into force to when it was blocked or expired (or `day`, the view's status date)."""
    events = store.rows_for(store.events, rows)
    if events.empty:
        return
    in_force = spans(events, store.statuses, day)
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
    type_labels = store.labels.names["type"]
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


def _empty(fig: go.Figure, message: str, canvas: Canvas = DESKTOP) -> go.Figure:
    fig.add_annotation(
        text=message, showarrow=False, font=dict(size=16, color="#555555"), x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(
        height=240, plot_bgcolor="white", font=canvas.font(), margin=dict(l=10, r=10, t=10, b=10), showlegend=False
    )
    return fig


# --- counts ---------------------------------------------------------------------------------


def counts_figure(store: Store, frame: pd.DataFrame, view: View, canvas: Canvas = DESKTOP) -> go.Figure:
    """Horizontal bars of counts by jurisdiction or topic, in the same colours as the timeline."""
    by = view.by
    table = counts(store, frame, by)
    fig = go.Figure()
    if table.empty:
        return _empty(fig, tr("No actions"), canvas)
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
            y=row_labels(table["name"], canvas),
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
                    name=store.labels.name("level", level),
                    marker_color=LEVEL_COLORS[level],
                    orientation="h",
                    hoverinfo="skip",
                )
            )
    fig.update_layout(
        font=canvas.font(),
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
        legend=dict(title=dict(text=tr("Level")), orientation="h"),
    )
    fig.data[0].showlegend = False
    fig.update_xaxes(visible=False)
    fig.update_yaxes(autorange="reversed", automargin=True, ticklabelstandoff=6, tickfont=canvas.tick_font())
    return fig


# --- map ------------------------------------------------------------------------------------


MAP_LABELS = 20  # bubbles named on the map; the others are named on hover
LABEL_ROOM = (1.1, 2.6)  # degrees of latitude and longitude a name needs clear of a busier place's name


def labelled(table: pd.DataFrame) -> set[str]:
    """The places named on the map: the busiest first, each only where no busier named place sits close enough
    for the two names to overprint (Minneapolis and Saint Paul, New York City and Newark), at most MAP_LABELS."""
    chosen: list[tuple[float, float]] = []
    names: set[str] = set()
    for place, lat, lon in zip(table["place"], table["lat"].to_numpy(float), table["lon"].to_numpy(float)):
        if len(names) == MAP_LABELS:
            break
        if all(abs(lat - a) > LABEL_ROOM[0] or abs(lon - b) > LABEL_ROOM[1] for a, b in chosen):
            chosen.append((lat, lon))
            names.add(place)
    return names


RESEARCH_COLORS = {"actions": "#dde7f1", "none-found": "#efe6cf", "not-researched": "#fbfbf9"}


def _research_layer(fig: go.Figure, store: Store) -> None:
    """States shaded by what we know of them: actions recorded, researched with none found, not researched yet
    (the whole tracker, not the view: a filter does not make a state unresearched)."""
    status = research_status(store)
    codes = {k: i for i, k in enumerate(RESEARCH_STATES)}
    fig.add_trace(
        go.Choropleth(
            locations=status["state"].to_numpy(object),
            locationmode="USA-states",
            z=status["status"].map(codes).to_numpy(float),
            zmin=0,
            zmax=len(RESEARCH_STATES) - 1,
            colorscale=[[i / (len(RESEARCH_STATES) - 1), RESEARCH_COLORS[k]] for i, k in enumerate(RESEARCH_STATES)],
            showscale=False,
            marker=dict(line=dict(color="#9a9a9a", width=0.6)),
            customdata=status["status"].map({key: tr(words) for key, words in RESEARCH_WORDS.items()}).to_numpy(object),
            hovertemplate="%{location}: %{customdata}<extra></extra>",
            name=tr("Research"),
            showlegend=False,
        )
    )
    for key in RESEARCH_STATES:  # a key to the shades, for images
        fig.add_trace(
            go.Scattergeo(
                lat=[None],
                lon=[None],
                mode="markers",
                name=tr(RESEARCH_WORDS[key]),
                hoverinfo="skip",
                marker=dict(size=11, symbol="square", color=RESEARCH_COLORS[key], line=dict(width=1, color="#9a9a9a")),
                showlegend=True,
                legendgroup="research",
            )
        )


def map_figure(store: Store, frame: pd.DataFrame, view: View, canvas: Canvas = DESKTOP) -> go.Figure:
    """A US map (state outlines from the bundled topojson) with one bubble per place, sized by its actions."""
    table = map_counts(store, frame)
    fig = go.Figure()
    _research_layer(fig, store)
    biggest = max(int(table["actions"].max()), 1) if len(table) else 1
    named = labelled(table)  # the busiest places that have room; names of thousands would overprint
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
                hovertemplate="<b>%{customdata[1]}</b><br>" + tr("%{customdata[2]} action(s)") + "<extra></extra>",
                name=store.labels.name("level", level),
                showlegend=False,
            )
        )
    for level in [lv for lv in LEVELS if lv in set(table["level"])]:  # a key to the colours, for images
        fig.add_trace(
            go.Scattergeo(
                lat=[None],
                lon=[None],
                mode="markers",
                name=store.labels.name("level", level),
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
        font=canvas.font(),
        height=640 if canvas.present else 520,
        margin=dict(l=10, r=10, t=10, b=0),
        showlegend=True,
        legend=dict(title=dict(text=tr("Level, and states by research:")), orientation="h"),
    )
    return fig


# --- the figure people take away ----------------------------------------------------------------


def figure(
    store: Store, frame: pd.DataFrame, view: View, kind: str, base: str | None = None, canvas: Canvas | None = None
) -> go.Figure:
    """The chart `kind` (timeline, map or counts) of a view with its provenance drawn in: the app, its image
    downloads and the `chart` command all show this figure. `frame` is `apply(store, view)`; `canvas` is the width
    it is laid out for (default: the desktop's, or presenter mode's)."""
    canvas = canvas or Canvas(layout.WIDTH[view.present], view.present)
    big = canvas.present
    draw = {"timeline": timeline, "map": map_figure, "counts": counts_figure}[kind]
    fig = draw(store, frame, view, canvas)
    if frame.empty:
        plot_height, axis_room = 200, 0
    elif kind == "timeline":
        rows = len(fig.layout.yaxis.categoryarray or ())
        per_row = 64 if big else 50 if canvas.narrow else 42  # a phone's row holds its name above the markers
        plot_height, axis_room = max(380 if big else 220, rows * per_row + 40), 30 if big else 26
    elif kind == "map":
        # The lower 48 are about 1.6 times as wide as tall: a phone's map is as tall as its width allows.
        plot_height, axis_room = (620 if big else 500 if not canvas.narrow else int(canvas.width * 0.66)), 0
    else:
        plot_height, axis_room = len(fig.data[0].y) * (34 if big else 26) + 20, 0
        fig.update_layout(showlegend=True)
    title = tr(TITLES[kind], by=tr(BY_WORDS["topic" if view.by == "topic" else "jurisdiction"]))
    caption = layout.caption(store, frame, view, base)
    note = (fig.layout.meta or {}).get("note") if isinstance(fig.layout.meta, dict) else None
    if note:  # what a scaled-down chart leaves out is part of what it says
        caption["subtitle"] += f". {note}"
    inset = 20 if canvas.narrow and kind == "timeline" else INSET[kind]  # a phone's row names sit inside the plot
    return layout.with_provenance(fig, title, caption, plot_height, canvas, axis_room, canvas.width - inset)


# --- the chart in words, and its data as a table ---------------------------------------------------------------


def alt_text(store: Store, frame: pd.DataFrame, view: View, kind: str) -> str:
    """One sentence saying what the chart shows: what, where, how many and when, for screen readers (`alt`)."""
    if frame.empty:
        return tr("Empty chart: no actions match these filters.")
    actions = ntr(
        "{count} government action on immigration enforcement",
        "{count} government actions on immigration enforcement",
        len(frame),
    )
    if kind == "map":
        table = map_counts(store, frame)
        if table.empty:
            return tr("Map of {actions}; none of them is tied to a place on the map.", actions=actions)
        return tr(
            "Map of {actions} across {places} places; most at {top} ({most}).",
            actions=actions,
            places=i18n.number(len(table)),
            top=str(table["name"].iloc[0]).split(",")[0],
            most=i18n.number(int(table["actions"].iloc[0])),
        )
    if kind == "counts":
        table = counts(store, frame, view.by)
        return tr(
            "Bar chart of {actions} by {by}; most: {top} ({most}).",
            actions=actions,
            by=tr(BY_WORDS["topic" if view.by == "topic" else "jurisdiction"]),
            top=short_name(table["name"].iloc[0]),
            most=i18n.number(int(table["actions"].iloc[0])),
        )
    rows = timeline_rows(frame).value_counts()
    return tr(
        "Timeline of {actions} by {places} jurisdictions, from {start} to {end}; most by {top} ({most}).",
        actions=actions,
        places=i18n.number(len(rows)),
        start=i18n.format_day(frame["date"].min()),
        end=i18n.format_day(frame["date"].max()),
        top=short_name(rows.index[0]),
        most=i18n.number(int(rows.iloc[0])),
    )


def chart_data(store: Store, frame: pd.DataFrame, view: View, kind: str) -> pd.DataFrame:
    """The numbers a chart draws, as a table with headers in this run's language (the chart's text twin)."""
    if kind == "map":
        table = map_counts(store, frame)
        return pd.DataFrame({tr("Place"): table["name"], tr("Actions"): table["actions"]})
    if kind == "counts":
        table = counts(store, frame, view.by)
        header = tr("Topic") if view.by == "topic" else tr("Jurisdiction")
        return pd.DataFrame({header: table["name"], tr("Actions"): table["actions"]})
    return pd.DataFrame(
        {
            tr("Date"): date_labels(frame).to_numpy(),
            tr("Jurisdiction"): timeline_rows(frame).map(short_name).to_numpy(),
            tr("Title"): text_column(frame, "title").to_numpy(),
            tr("Type"): frame["action_type"].map(store.labels.names["type"]).to_numpy(),
            tr("Status"): frame["status"].map(store.labels.names["status"]).to_numpy() if "status" in frame else "",
        }
    )
