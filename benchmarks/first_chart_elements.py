"""What each kind of element on the home page costs the first chart: the hello-world app with one addition at a time.

    .venv/bin/python benchmarks/first_chart_elements.py [--repeat 5] [--variants base,code,...] [--cache cold]

One `streamlit run` server of a variant app (written to a temporary folder) that draws the hello-world page of
floor.py and, chosen by `?v=`, one of the things the dashboard's home page adds, in the place the dashboard
draws it (sidebar first, then the page); the same headless Chromium as first_chart.py opens every variant in
turn, in a rotating order, --repeat times (fresh context: cold cache), and times navigation start -> first drawn
chart on the page's clock. Prints each variant's median and its ratio to the plain hello-world page ("base"),
and the JavaScript it made the browser load. No project code runs: this isolates Streamlit's own costs.

Variants (the dashboard's home page has all of them):
  base     title + one px.scatter (the floor)
  code     + st.code in the sidebar (the Copy-link box): Streamlit's syntax-highlighter chunk
  link_markdown  the same link as inline code in st.markdown instead (what could replace it)
  link_text      the same link in a disabled st.text_input instead
  sidebar  + the filter widgets in the sidebar (6 multiselects, 4 date inputs, a text input, 2 buttons)
  bigchart + a chart JSON as large as the timeline's (~80 kB: 300 points with hover text)
  manytraces  the chart as 36 traces (the bundled timeline's count) and a second legend, ~280 points
  counts   + two small bar charts under the chart
  table    + st.dataframe of 204 rows x 11 text columns under the chart (the Actions table)
  table_expander  the same table inside a collapsed st.expander
  table_tab       the same table in the second of two st.tabs
  downloads + three download buttons under the chart
  all      everything above, in the dashboard's order (code, sidebar, bigchart, counts, table, downloads)
  trimmed  all, with the link as inline code in markdown (link_markdown) and no table before the chart is drawn
  trimmed_late  trimmed, with the sidebar's widgets drawn after the page (their messages follow the chart's)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from first_chart import CHROMIUM, CHROMIUM_ARGS, _new_context, load  # noqa: E402
from floor import Server  # noqa: E402

VARIANTS = (
    "base",
    "code",
    "link_markdown",
    "link_text",
    "sidebar",
    "bigchart",
    "manytraces",
    "counts",
    "table",
    "table_expander",
    "table_tab",
    "downloads",
    "all",
    "trimmed",
    "trimmed_late",
)

APP = """\
import datetime as dt

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

v = st.query_params.get("v", "base")
every = v in ("all", "trimmed", "trimmed_late")
# The sidebar's place, reserved first (as state.prepare does); only variants with the filters have one.
slot = st.sidebar.container() if v in ("sidebar", "all", "trimmed", "trimmed_late") else None


def sidebar():
    with slot:
        st.header("Filters")
        for label in ("Place", "Level", "Topic", "Action type", "Status", "How well established"):
            st.multiselect(label, [f"{label} {i}" for i in range(100 if label == "Place" else 10)], key=label)
        for label in ("From", "To"):
            st.date_input(label, None, key=label)
        st.text_input("Search", key="q")
        st.date_input("Status as of", None, key="as_of")
        st.button("Reset filters")


if v in ("sidebar", "all", "trimmed"):
    sidebar()
LINK = "http://localhost:8501/timeline?color=level&place=us-il-chicago"
if v in ("code", "all"):
    st.sidebar.code(LINK, language=None, wrap_lines=True)
if v in ("link_markdown", "trimmed", "trimmed_late"):
    st.sidebar.markdown(f"`{LINK}`")
if v == "link_text":
    st.sidebar.text_input("Link to this view", LINK, disabled=True)
st.title("Hello, plotly")
if v == "bigchart" or every:
    rng = np.random.default_rng(0)
    n = 300
    text = [f"Action number {i}: a title of about ninety characters, as the timeline's hover text carries it" for i in range(n)]
    fig = go.Figure(go.Scatter(x=pd.date_range("2025-01-01", periods=n, freq="D"), y=rng.integers(0, 25, n),
                               mode="markers", customdata=np.column_stack([text, text]),
                               hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>"))
    st.plotly_chart(fig, width="stretch")
elif v == "manytraces":
    fig = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "star", "hexagon"]
    for i in range(30):
        fig.add_trace(go.Scatter(x=pd.date_range("2025-01-01", periods=9, freq="W") + pd.Timedelta(days=i),
                                 y=[f"Place {(i + k) % 20}" for k in range(9)], mode="markers", showlegend=False,
                                 marker=dict(size=13, symbol=symbols[i % 6]), hovertemplate="%{y}<extra></extra>"))
    for i in range(6):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"type {i}", legend="legend2" if i > 2 else "legend",
                                 marker=dict(symbol=symbols[i])))
    fig.update_layout(height=900, legend=dict(orientation="h"), legend2=dict(orientation="h", y=-0.2))
    st.plotly_chart(fig, width="stretch")
else:
    st.plotly_chart(px.scatter(x=[1, 2, 3, 4, 5], y=[1, 4, 9, 16, 25], title="Squares"), width="stretch")
if v == "counts" or every:
    for column, name in zip(st.columns(2), ("jurisdiction", "topic")):
        column.plotly_chart(px.bar(x=list(range(15))[::-1], y=[f"{name} {i}" for i in range(15)], orientation="h"),
                            width="stretch", config={"displayModeBar": False}, key=name)
words = "the quick brown fox jumps over the lazy dog and keeps running".split()
table = pd.DataFrame({f"Column {c}": [" ".join(words[(r + c) % 5:(r + c) % 5 + 6]) for r in range(204)]
                      for c in range(11)})
if v in ("table", "all"):
    st.dataframe(table, hide_index=True, width="stretch")
if v == "table_expander":
    with st.expander("Actions", expanded=False):
        st.dataframe(table, hide_index=True, width="stretch")
if v == "table_tab":
    chart_tab, table_tab = st.tabs(["Chart notes", "Actions"])
    chart_tab.caption("Notes")
    table_tab.dataframe(table, hide_index=True, width="stretch")
if v == "downloads" or every:
    for column, name in zip(st.columns(3), ("actions", "provisions", "json")):
        column.download_button(name, b"x", file_name=f"{name}.csv", on_click="ignore", key=f"dl_{name}")
if v == "trimmed_late":
    sidebar()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    if "base" not in variants:
        variants.insert(0, "base")
    if not 1 <= args.repeat <= 50 or not set(variants) <= set(VARIANTS):
        raise SystemExit(f"--repeat 1-50; variants from {', '.join(VARIANTS)}")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"needs Debian's chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[dict]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory(prefix="first-chart-elements-") as tmp:
        script = Path(tmp) / "variants.py"
        script.write_text(APP)
        with sync_playwright() as p, Server(script) as server:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for v in variants:  # the server's first run of each variant, untimed
                    context = _new_context(browser)
                    load(context, f"{server.url}/?v={v}")
                    context.close()
                for r in range(args.repeat):
                    for i in range(len(variants)):
                        v = variants[(i + r) % len(variants)]
                        context = _new_context(browser)
                        try:
                            samples[v].append(load(context, f"{server.url}/?v={v}"))
                        finally:
                            context.close()
                    print(f"  round {r + 1}/{args.repeat}", file=sys.stderr)
            finally:
                browser.close()
    base = statistics.median(s["marks"]["chart"] for s in samples["base"])
    print(f"\nfirst drawn chart, cold cache, median of {args.repeat} loads; base (hello-world) {base:.0f} ms\n")
    best = min(s["marks"]["chart"] for s in samples["base"])
    print(
        "| variant | ms | ratio to base | spread | best ms | best ratio | JS files / kB | main-thread script ms at chart |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for v in variants:
        t = [s["marks"]["chart"] for s in samples[v]]
        m = statistics.median(t)
        print(
            f"| {v} | {m:.0f} | {m / base:.2f}× | {100 * (max(t) - min(t)) / m:.0f}% | {min(t):.0f} | {min(t) / best:.2f}× | "
            f"{statistics.median(s['js_files'] for s in samples[v]):.0f} / "
            f"{statistics.median(s['js_decoded_kb'] for s in samples[v]):,.0f} | "
            f"{statistics.median(s['main_thread_ms']['ScriptDuration'] for s in samples[v]):.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
