"""Figure builders and display tables: pure functions of store, filtered frame, filters and options."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from trees import XSS

from policies import store
from policies.output import figures, layout, tables, theme
from policies.output.escape import md, safe_url
from policies.view import Filters, View, apply

CHICAGO = "us-il-chicago"
CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"


def _markers(fig):
    return [t for t in fig.data if t.mode == "markers" and t.customdata is not None]


def test_timeline_has_one_point_per_action_in_rows_by_jurisdiction(tracker_store) -> None:
    frame = apply(tracker_store, View())
    fig = figures.timeline(tracker_store, frame, View(color="level"))
    ids = [row[0] for trace in _markers(fig) for row in trace.customdata]
    assert sorted(ids) == sorted(frame["id"])
    rows = {y for trace in _markers(fig) for y in trace.y}
    assert rows == set(figures.timeline_rows(frame).map(figures.short_name))
    federal = frame[frame["level"] == "federal"]
    if len(federal):  # the federal government's court orders have a row of their own
        courts = federal["action_type"] == "court-order"
        assert set(figures.timeline_rows(federal)) == {figures.FEDERAL_ROWS[bool(c)] for c in courts}


def test_timeline_colours_by_level_or_topic_with_the_same_palette_everywhere(tracker_store) -> None:
    frame = apply(tracker_store, View())
    by_level = figures.timeline(tracker_store, frame, View(color="level"))
    for trace in _markers(by_level):
        assert trace.marker.color == theme.LEVEL_COLORS[trace.name.lower()]
    legend = [
        t.name for t in by_level.data if t.customdata is None and t.legendgroup != "types" and t.mode == "markers"
    ]
    assert sorted(legend) == sorted({t.name for t in _markers(by_level)}), "one legend entry per colour"
    by_topic = figures.timeline(tracker_store, frame, View(color="topic"))
    palette = theme.topic_colors(tracker_store)
    names = dict(zip(tracker_store.topic_codebook["label"], tracker_store.topic_codebook["id"]))
    for trace in _markers(by_topic):
        assert trace.marker.color == palette[names[trace.name]]
    bars = figures.counts_figure(tracker_store, frame, View(by="topic")).data[0]
    labels = dict(zip(tracker_store.topic_codebook["label"], tracker_store.topic_codebook["id"]))
    assert list(bars.marker.color) == [palette[labels[name]] for name in bars.y]


def test_timeline_marker_shapes_follow_action_type(tracker_store) -> None:
    frame = apply(tracker_store, View())
    fig = figures.timeline(tracker_store, frame, View())
    symbols = theme.type_symbols(tracker_store)
    types = dict(zip(frame["id"], frame["action_type"]))
    for trace in _markers(fig):
        assert {symbols[types[row[0]]] for row in trace.customdata} == {trace.marker.symbol}
    assert len(set(symbols.values())) == len(symbols)


def test_hover_shows_title_actor_date_and_precision(tracker_store) -> None:
    frame = apply(tracker_store, View(filters=Filters(place=(CHICAGO,))))
    fig = figures.timeline(tracker_store, frame, View())
    row = next(r for t in _markers(fig) for r in t.customdata if r[0] == CHICAGO_EO)
    assert row[2] == "Mayor Brandon Johnson" and row[3] == "30 Aug 2025" and row[4] == "day"
    assert "customdata[1]" in _markers(fig)[0].hovertemplate and "precision" in _markers(fig)[0].hovertemplate


def test_spans_drawn_for_actions_that_came_into_force(tmp_path: Path) -> None:
    data = _tree_with_blocked_action(tmp_path)
    s = store.load(data, use_cache=False)
    frame = apply(s, View())
    fig = figures.timeline(s, frame, View(as_of=dt.date(2025, 6, 1)))
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 1
    xs = [x for x in lines[0].x if x is not None]
    assert pd.Timestamp(xs[0]) == pd.Timestamp("2025-03-01") and pd.Timestamp(xs[1]) == pd.Timestamp("2025-04-10")


def _tree_with_blocked_action(tmp_path: Path) -> Path:
    """The minimal tree with the city order signed, in effect from 1 March, blocked on 10 April."""
    import yaml
    from trees import minimal_tree

    root = minimal_tree(tmp_path)
    path = root / "actions" / "chicago-eo-2025-02-28.yaml"
    record = yaml.safe_load(path.read_text())
    src = record["events"][0]["source"]
    record["events"] = [
        {"type": "signed", "date": dt.date(2025, 2, 28), "source": src},
        {"type": "effective", "date": dt.date(2025, 3, 1), "source": src},
        {"type": "blocked", "date": dt.date(2025, 4, 10), "source": src},
    ]
    path.write_text(yaml.safe_dump(record, sort_keys=False))
    return root


def test_counts_add_up_to_the_view(tracker_store) -> None:
    frame = apply(tracker_store, View(filters=Filters(place=(CHICAGO,))))
    by_place = tables.counts(tracker_store, frame, "jurisdiction")
    assert by_place["actions"].sum() == len(frame)
    by_topic = tables.counts(tracker_store, frame, "topic")
    assert by_topic["actions"].max() <= len(frame)
    assert list(by_place["actions"]) == sorted(by_place["actions"], reverse=True)


def test_map_counts_places_in_the_view_and_uses_the_usa_scope(tracker_store) -> None:
    frame = apply(tracker_store, View(filters=Filters(place=(CHICAGO,))))
    table = tables.map_counts(tracker_store, frame)
    chicago = table.set_index("place").loc[CHICAGO]
    assert chicago["actions"] == len(frame)
    fig = figures.map_figure(tracker_store, frame, View())
    assert fig.layout.geo.scope == "usa" and fig.layout.geo.showsubunits
    # The others are the colour key's legend entries and the states' research shading.
    bubbles = [t for t in fig.data if t.type == "scattergeo" and t.hoverinfo != "skip"]
    assert sum(len(t.lat) for t in bubbles) == len(table)
    named = [t for trace in bubbles for t in trace.text if t]
    assert len(named) == min(len(table), figures.MAP_LABELS)  # every place here, as there are few
    for trace in bubbles:  # one trace per level, in that level's colour
        levels = set(table.set_index("place").loc[list(trace.customdata[:, 0]), "level"])
        assert levels == {trace.name.lower()} and trace.marker.color == theme.LEVEL_COLORS[trace.name.lower()]


def test_the_map_shades_states_researched_with_none_found_apart_from_states_not_researched(tmp_path) -> None:
    from trees import minimal_tree

    from policies.store import load

    tree = minimal_tree(tmp_path)
    (tree / "research.yaml").write_text(
        "- id: us-il\n  checked: 2025-04-01\n  looked_for: State and city orders on immigration enforcement.\n"
    )
    s = load(tree, use_cache=False)
    assert s.errors == ()
    status = tables.research_status(s).set_index("state")["status"]
    assert status["IL"] == "actions" and status["WY"] == "not-researched"
    (tree / "codebooks" / "jurisdictions.yaml").write_text(
        (tree / "codebooks" / "jurisdictions.yaml").read_text()
        + "- {id: us-wy, name: Wyoming, level: state, parent: us, state: WY}\n"
    )
    (tree / "research.yaml").write_text(
        (tree / "research.yaml").read_text()
        + "- id: us-wy\n  checked: 2025-04-02\n  looked_for: Any state or local action.\n"
    )
    s = load(tree, use_cache=False)
    status = tables.research_status(s).set_index("state")["status"]
    assert status["WY"] == "none-found" and status["TX"] == "not-researched"
    fig = figures.map_figure(s, apply(s, View()), View())
    (shade,) = [t for t in fig.data if t.type == "choropleth"]
    by_state = dict(zip(shade.locations, shade.customdata))
    assert by_state["WY"] == "Researched, none found" and by_state["IL"] == "Actions recorded"
    assert {t.name for t in fig.data if t.legendgroup == "research"} == set(tables.RESEARCH_WORDS.values())
    (tree / "research.yaml").write_text(
        "- id: us-zz\n  checked: 2025-04-02\n  looked_for: A place not in the codebook.\n"
    )
    assert any(
        p.file == "research.yaml" and "unknown jurisdiction" in p.message for p in load(tree, use_cache=False).problems
    )


def test_requirements_matrix_cells_say_what_a_place_requires_and_name_the_action(tracker_store) -> None:
    frame = apply(tracker_store, View())
    text, ids = tables.requirements_matrix(tracker_store, frame)
    assert text.shape == ids.shape
    masks = text.loc["Chicago, Illinois", "Masks"]
    assert masks.split(":")[0] in {"Requires", "Prohibits", "Urges", "Permits"}
    assert ids.loc["Chicago, Illinois", "Masks"] in set(frame["id"])
    requirement_topics = tracker_store.topic_codebook[
        tracker_store.topic_codebook["requirement_topic"].fillna(False).astype(bool)
    ]
    assert list(text.columns) == list(requirement_topics["label"])


def test_empty_view_gives_a_message_not_an_error(tracker_store) -> None:
    frame = apply(tracker_store, View(filters=Filters(q="no record says this zzqx")))
    fig = figures.timeline(tracker_store, frame, View())
    assert fig.layout.annotations[0].text == "No actions match these filters"
    assert tables.map_counts(tracker_store, frame).empty
    assert tables.requirements_matrix(tracker_store, frame)[0].empty


def test_hostile_text_is_escaped_in_figures_and_markdown(hostile_data: Path) -> None:
    s = store.load(hostile_data, use_cache=False)
    frame = apply(s, View())
    fig = figures.timeline(s, frame, View())
    titles = [row[1] for t in _markers(fig) for row in t.customdata]
    assert "&lt;img src=x onerror=alert(1)&gt;" in titles
    assert not any("<img" in str(t) for t in titles)
    escaped = md(XSS + " [x](javascript:alert(3)) :red[r] $x$")
    assert "<" not in escaped.replace("\\<", "") and "](" not in escaped and ":red[" not in escaped


@pytest.mark.parametrize("url,ok", [("https://example.org/a", True), ("javascript:alert(1)", False), (None, False)])
def test_only_http_urls_become_links(url, ok) -> None:
    assert (safe_url(url) is not None) is ok


def test_vectorised_date_labels_match_the_app_date_format() -> None:
    from policies.output.formats import format_date

    frame = pd.DataFrame(
        {"date": pd.to_datetime(["2025-08-30", "2025-08-18", "2025-09-01"]), "date_precision": ["day", "week", "month"]}
    )
    expected = [format_date(d, p) for d, p in zip(frame["date"], frame["date_precision"])]
    assert list(tables.date_labels(frame)) == expected == ["30 Aug 2025", "week of 18 Aug 2025", "Sep 2025"]


# --- the figure people take away: title, subtitle, footer, permalink ------------------------------

VIEW = View(
    filters=Filters(
        place=(CHICAGO,), topic=("masks", "body-cameras"), date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 10, 31)
    )
)
BASE = "https://tracker.example"


def _footer(fig) -> str:
    return next(a.text for a in fig.layout.annotations if a.name == "provenance")


def _lines(plot_string: str) -> list[str]:
    """A plotly string's lines as the text people read (entities decoded)."""
    import html

    return [html.unescape(line) for line in plot_string.split("<br>")]


def _link(footer: str) -> str:
    """The footer's permalink: its lines are broken before '?' and '&', so they join with nothing."""
    lines = _lines(footer)
    start = next(i for i, line in enumerate(lines) if line.startswith("Local-policy tracker: "))
    return "".join(lines[start:]).removeprefix("Local-policy tracker: ")


@pytest.mark.parametrize("page", figures.FIGURES)
def test_figure_carries_title_filters_sources_as_of_and_permalink(tracker_store, page) -> None:
    frame = apply(tracker_store, VIEW)
    fig = figures.figure(
        tracker_store, frame, replace(VIEW, color="topic", page="map" if page == "map" else "timeline"), page, base=BASE
    )
    assert "Government actions on immigration enforcement" in " ".join(_lines(fig.layout.title.text))
    assert " ".join(_lines(fig.layout.title.subtitle.text)) == (
        f"Actions by or aimed at Chicago, masks and body cameras, Aug 1 – Oct 31, 2025 · {len(frame)} actions"
    )
    footer = " ".join(_lines(_footer(fig)))
    assert f"Data as of {tracker_store.as_of}" in footer
    outlets = layout.outlets(tracker_store, frame)
    assert f"Sources: {outlets[0]}" in footer
    path = "map" if page == "map" else ""  # the counts sit beside the timeline, at the app's root
    assert _link(_footer(fig)) == (
        f"{BASE}/{path}?place=us-il-chicago&topic=masks&topic=body-cameras&from=2025-08-01&to=2025-10-31&color=topic"
    )


def test_figure_leaves_room_for_its_text_and_keeps_the_footer_under_the_axis(tracker_store) -> None:
    frame = apply(tracker_store, View())
    fig = figures.figure(tracker_store, frame, View(), "timeline")
    margin, height = fig.layout.margin, fig.layout.height
    assert fig.layout.title.yref == "container" and fig.layout.title.y == 1
    assert margin.t >= 100 and margin.b >= 60 and height > margin.t + margin.b + 200
    footer = next(a for a in fig.layout.annotations if a.name == "provenance")
    assert footer.yref == "paper" and footer.y == 0 and footer.yanchor == "bottom"
    assert -margin.b < footer.yshift <= -(margin.b - layout.PAD), "inside the bottom margin, below the tick labels"
    for name in ("legend", "legend2"):  # colours, then shapes: under the subtitle, above the plot
        legend = fig.layout[name]
        assert legend.yref == "container" and 1 - margin.t / height < legend.y < 1 and legend.orientation == "h"
    assert fig.layout.legend.y > fig.layout.legend2.y


def test_presenter_figure_has_larger_type(tracker_store) -> None:
    frame = apply(tracker_store, View())
    normal = figures.figure(tracker_store, frame, View(), "timeline")
    big = figures.figure(tracker_store, frame, View(present=True), "timeline")
    assert big.layout.font.size > normal.layout.font.size
    assert big.layout.title.font.size > normal.layout.title.font.size
    assert big.layout.height > normal.layout.height
    assert "present" not in _link(_footer(big)), "a link read off a slide opens the working view"


def test_figure_text_is_escaped_for_hostile_records_and_queries(hostile_data: Path) -> None:
    import re

    s = store.load(hostile_data, use_cache=False)
    fig = figures.figure(s, apply(s, View()), View(filters=Filters(q=XSS)), "timeline", base="https://x.example")
    texts = [fig.layout.title.text, fig.layout.title.subtitle.text, _footer(fig)]
    for text in texts:
        assert set(re.findall(r"<[^>]*>", text)) <= {"<b>", "</b>", "<br>"}, text
    assert "&lt;img src=x onerror=alert(1)&gt;" in fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "&lt;script&gt;" in _footer(fig), "the hostile outlet name is in the sources line, escaped"


def test_long_subtitles_and_links_are_wrapped_to_fit(tracker_store) -> None:
    places = tuple(tracker_store.jurisdictions["id"][:12])
    view = View(filters=Filters(place=places, q="x" * 150))
    fig = figures.figure(tracker_store, apply(tracker_store, view), view, "timeline")
    assert all(len(line) <= 110 for line in _lines(fig.layout.title.subtitle.text))
    assert all(len(line) <= 140 for line in _lines(_footer(fig)))
    assert len(_lines(_footer(fig))) >= 3


def test_image_button_downloads_a_slide_sized_png_or_an_svg_named_by_the_view(tracker_store) -> None:
    frame = apply(tracker_store, VIEW)
    fig = figures.figure(tracker_store, frame, VIEW, "timeline")
    png = layout.image_options(fig, "local-policy-tracker_timeline-chicago", "png")
    assert png["format"] == "png" and png["width"] * png["scale"] >= 1920 and png["height"] == fig.layout.height
    assert png["filename"] == "local-policy-tracker_timeline-chicago"
    assert layout.image_options(fig, "x", "svg")["format"] == "svg"
    assert layout.image_options(fig, "x", "exe")["format"] == "png"


def test_a_timeline_point_says_what_its_status_rests_on(tracker_store) -> None:
    from policies import clock

    frame = apply(tracker_store, View())
    last = frame["last_verified"].max().date()
    with clock.fixed(last + dt.timedelta(days=400)):
        stale = apply(tracker_store, View())
    fig = figures.timeline(tracker_store, stale, View())
    texts = [row[-1] for trace in _markers(fig) for row in trace.customdata]
    assert texts and all(t.startswith("as of our last review, ") and t.endswith("possibly out of date") for t in texts)
    assert all("%{customdata[7]}" in trace.hovertemplate for trace in _markers(fig))


def test_map_names_the_busiest_places_that_have_room_for_a_name() -> None:
    table = pd.DataFrame(
        {
            "place": ["minneapolis", "saint-paul", "chicago", "duluth"],
            "lat": [44.98, 44.95, 41.88, 46.79],
            "lon": [-93.27, -93.09, -87.63, -92.10],
            "actions": [9, 5, 4, 1],
        }
    )
    assert figures.labelled(table) == {"minneapolis", "chicago", "duluth"}  # Saint Paul's name would overprint


# --- the width a chart is laid out for -------------------------------------------------------------


def test_a_canvas_follows_the_column_it_is_drawn_in() -> None:
    from policies.output.layout import WIDTH, Canvas

    assert Canvas.for_screen(None) == Canvas.for_screen(2000) == Canvas(WIDTH[False])
    phone = Canvas.for_screen(358)
    assert phone.width == 320 and phone.narrow and phone.text_sizes < Canvas().text_sizes
    assert Canvas.for_screen(200).width == 320  # never narrower than the smallest phone
    assert Canvas.for_screen(700) == Canvas(680) and not Canvas(680).narrow
    assert Canvas.for_screen(1000, present=True).width == 1000 and Canvas.for_screen(None, True).present


def test_a_phone_figure_wraps_its_text_to_its_width_and_names_rows_above_them(tracker_store) -> None:
    from policies.output.layout import CHAR, Canvas

    view = View()
    frame = apply(tracker_store, view)
    phone, desktop = Canvas(360), Canvas()
    fig = figures.figure(tracker_store, frame, view, "timeline", canvas=phone)
    wide = figures.figure(tracker_store, frame, view, "timeline", canvas=desktop)
    title_size, sub_size, _ = phone.text_sizes
    for text, size in ((fig.layout.title.text, title_size * 1.1), (fig.layout.title.subtitle.text, sub_size)):
        assert all(len(line) * CHAR * size <= phone.width for line in _lines(text)), text
    assert len(_lines(fig.layout.title.text)) > len(_lines(wide.layout.title.text))
    assert fig.layout.yaxis.showticklabels is False and wide.layout.yaxis.showticklabels is not False
    rows = {a.text for a in fig.layout.annotations if a.name == "row"}
    assert rows == set(fig.layout.yaxis.categoryarray)
    assert len(fig.layout.xaxis.tickvals) <= len(wide.layout.xaxis.tickvals)
    assert fig.layout.legend.title.side == "top" and fig.layout.legend.entrywidthmode == "pixels"


def test_downloads_keep_their_slide_size_whatever_the_screen(tracker_store) -> None:
    from policies.output.layout import IMAGE_PX, Canvas, image_options

    view = View()
    frame = apply(tracker_store, view)
    for canvas in (Canvas(320), Canvas(680), Canvas()):
        fig = figures.figure(tracker_store, frame, view, "timeline", canvas=canvas)
        options = image_options(fig, "x", "png", view.present)
        assert options["width"] * options["scale"] >= IMAGE_PX and options["width"] == 960


def test_date_ticks_are_as_many_as_the_width_holds_and_read_in_the_language() -> None:
    import pandas as pd

    from policies.output.formats import date_ticks

    start, end = pd.Timestamp("2025-01-10"), pd.Timestamp("2026-08-01")
    for most in (2, 3, 5, 8, 12):
        values, texts = date_ticks(start, end, most)
        assert 2 <= len(values) <= most and len(values) == len(texts)
        assert all(start <= v <= end for v in values) and values == sorted(values)
    assert date_ticks(start, end, 4)[1] == ["May 2025", "Sep 2025", "Jan 2026", "May 2026"]  # steps start in Jan
    assert date_ticks(start, end, 3, "es")[1] == ["jul 2025", "ene 2026", "jul 2026"]
    days, labels = date_ticks(pd.Timestamp("2025-08-25"), pd.Timestamp("2025-09-10"), 4, "es")
    assert 2 <= len(days) <= 4 and labels[0].endswith("ago 2025")
