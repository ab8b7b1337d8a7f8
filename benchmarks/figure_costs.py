"""What a page's plotly figure costs, step by step, beside the hello-world chart: the project's build, plotly's
object model (the same figure rebuilt from its dict, validated and not), Streamlit's copy (`to_dict`) and JSON.

    .venv/bin/python benchmarks/figure_costs.py [--data data,1000] [--repeat 15]

For each figure a page draws (the timeline, its two count bars, the map) on the whole view of each data folder:

- build: `figures.figure` / `figures.counts_figure` as the page calls it (pandas work + plotly objects);
- rebuild: `go.Figure(fig.to_dict())`, the plotly object model and its validators alone, on the finished
  figure's data; rebuild, no validation: `go.Figure(d, _validate=False)`, what skipping the validators leaves;
- to_dict: what `st.plotly_chart` does first with a Figure (a deep copy); to_json: the JSON it sends
  (`plotly.io.to_json(validate=False)`, plotly's default engine: orjson when installed, else json);
- traces, points and JSON kB. Medians of --repeat; the hello-world `px.scatter` chart is the first row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from floor import DEFAULT_WORK, data_folders, table_head  # noqa: E402


def median_ms(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data,1000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--work", default=str(DEFAULT_WORK))
    args = parser.parse_args(argv)

    import plotly.express as px
    import plotly.graph_objects as go
    import plotly.io as pio

    from policies import store

    print(f"JSON engine: {pio.json.config.default_engine} (orjson installed: {_has('orjson')})\n")
    head = [
        "data",
        "figure",
        "build ms",
        "rebuild ms",
        "rebuild, no validation ms",
        "to_dict ms",
        "to_json ms",
        "traces",
        "points",
        "JSON kB",
    ]
    table_head(head, 2)

    def row(data: str, name: str, build) -> None:
        build_ms, fig = median_ms(build, args.repeat)
        d = fig.to_dict()
        rebuild_ms, _ = median_ms(lambda: go.Figure(d), args.repeat)
        raw_ms, _ = median_ms(lambda: go.Figure(d, _validate=False), args.repeat)
        dict_ms, _ = median_ms(fig.to_dict, args.repeat)
        json_ms, text = median_ms(lambda: pio.to_json(fig, validate=False), args.repeat)
        points = sum(len(_first(t, "x", "lat", "locations")) for t in fig.data)
        print(
            f"| {data} | {name} | {build_ms:.1f} | {rebuild_ms:.1f} | {raw_ms:.1f} | {dict_ms:.1f} | "
            f"{json_ms:.1f} | {len(fig.data)} | {points:,} | {len(text) / 1000:.0f} |"
        )

    row("-", "hello-world px.scatter", lambda: px.scatter(x=[1, 2, 3, 4, 5], y=[1, 4, 9, 16, 25], title="Squares"))
    for name, folder in data_folders(args.data, Path(args.work)):
        os.environ["POLICIES_DATA_DIR"] = str(folder)
        _folder(row, name, store.load(folder, use_cache=False))
    return 0


def _folder(row, name: str, loaded) -> None:
    """The figures of the whole view (no filter) of one data folder, as the pages draw them."""
    from dataclasses import replace

    from policies.output import figures
    from policies.view import View, apply

    view = View()
    frame = apply(loaded, view)
    base = "http://localhost:8501/"
    timeline, map_view = replace(view, page="timeline"), replace(view, page="map")
    row(name, "timeline (with provenance)", lambda: figures.figure(loaded, frame, timeline, "timeline", base=base))
    row(name, "timeline (bare)", lambda: figures.timeline(loaded, frame, timeline))
    for by in ("jurisdiction", "topic"):
        counted = replace(view, by=by)
        row(name, f"counts by {by}", lambda v=counted: figures.counts_figure(loaded, frame, v))
    row(name, "map (with provenance)", lambda: figures.figure(loaded, frame, map_view, "map", base=base))


def _first(trace, *keys):
    """The trace's points: x, else lat (maps), else locations (choropleth); legend-only traces have [None]."""
    for key in keys:
        value = getattr(trace, key, None)
        if value is not None:
            return [v for v in value if v is not None]
    return []


def _has(module: str) -> bool:
    try:
        __import__(module)
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    raise SystemExit(main())
