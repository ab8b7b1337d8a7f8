"""Where a page's rerun goes: milliseconds per run in named parts of the page, and the run's time by package.

    .venv/bin/python benchmarks/rerun_parts.py [--data data,1000] [--pages timeline,...] [--repeat 20]

The same apps as reruns.py (one AppTest per page and data folder, the hello-world floor beside them). Each app
is rerun --repeat times (nothing changed) with the functions below wrapped in timers: the project's page steps
(state.prepare, the sidebar, the figures, tables, the requirements matrix ...), plotly's own steps inside
st.plotly_chart (figure copy and JSON encoding), and every Streamlit element call by name. Times are inclusive
(a part includes the parts under it, shown indented; st.x rows are Streamlit's own time in that element call,
wherever it was called from) and per run; the % is of the script thread's whole run.

Then --repeat more reruns under cProfile, with the run's own time (tottime) summed by package: how much of it
is plotly's figure objects and validation, pandas and arrow, JSON, Streamlit, protobuf, and the project's code.
cProfile slows call-heavy code (plotly's validators) more than the rest: read those shares as an upper bound.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import reruns  # noqa: E402
from floor import DEFAULT_WORK, ROOT, data_folders, write_hello  # noqa: E402

# (module, attribute, depth): the parts of a page run, in the order a timeline/requirements/... run calls them.
PROBES = [
    ("policies.ui.state", "prepare", 0),
    ("policies.ui.state", "load_store", 1),
    ("policies.ui.state", "_seed_from_url", 1),
    ("policies.ui.state", "_filter_widgets", 1),
    ("policies.ui.state", "parse", 1),
    ("policies.ui.state", "_sync_url", 1),
    ("policies.ui.state", "apply", 1),
    ("policies.ui.state", "page_run", 0),
    ("policies.ui.state", "_share_box", 1),
    ("policies.ui.sharing", "chart", 0),
    ("policies.output.figures", "figure", 1),
    ("policies.output.figures", "timeline", 2),
    ("policies.output.figures", "scaled", 3),
    ("policies.output.figures", "row_labels", 3),
    ("policies.output.figures", "_add_spans", 3),
    ("policies.output.figures", "reviewed", 3),
    ("policies.output.figures", "_add_type_legend", 3),
    ("policies.output.figures", "_timeline_axes", 3),
    ("policies.output.figures", "_row_order", 3),
    ("policies.output.figures", "map_figure", 2),
    ("policies.output.figures", "_research_layer", 3),
    ("policies.output.layout", "caption", 2),
    ("policies.output.layout", "with_provenance", 2),
    ("policies.output.names", "filename", 1),
    ("policies.output.layout", "image_options", 1),
    ("policies.output.figures", "counts_figure", 0),  # the timeline page's two bar charts, drawn by the page
    ("policies.ui.sharing", "image_format", 0),
    ("policies.ui.sharing", "data_downloads", 0),
    ("policies.ui.sharing", "summary_download", 0),
    ("policies.output.tables", "actions_table", 0),
    ("policies.output.tables", "map_counts", 0),
    ("policies.output.tables", "research_status", 0),
    ("policies.output.tables", "counts", 0),
    ("policies.ui.requirements", "_pick", 0),
    ("policies.ui.requirements", "action_detail", 0),
    ("policies.ui.requirements", "detail", 0),
    ("policies.ui.requirements", "_matrix", 0),
    ("policies.output.tables", "requirements_long", 1),
    ("policies.ui.requirements", "_full_text", 1),
    ("policies.ui.requirements", "action_link", 2),
    ("policies.ui.sources", "citations", 0),
    ("policies.ui.sources", "_citing", 0),
    ("policies.ui.about", "_coverage", 0),
    ("policies.ui.about", "_out_of_date", 0),
    ("policies.ui.about", "problems_panel", 0),
]
# Inside st.plotly_chart: plotly's copy of the figure (Figure.to_dict, a deep copy) and its JSON encoding.
PLOTLY_STEPS = [("plotly.tools", "return_figure_from_figure_or_data"), ("plotly.io", "to_json")]
# Streamlit element calls, timed by name wherever they are called from (st.x, st.sidebar.x, column.x).
ELEMENTS = [
    *("plotly_chart", "dataframe", "markdown", "caption", "title", "header", "subheader", "text", "code"),
    *("info", "warning", "success", "metric", "multiselect", "date_input", "text_input", "button", "radio"),
    *("selectbox", "segmented_control", "number_input", "download_button", "link_button", "expander"),
    *("columns", "tabs", "container", "divider", "html"),
]

TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _wrap(fn, label: str):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[label] += time.perf_counter() - start
            CALLS[label] += 1

    timed.__wrapped__ = fn
    return timed


def install_probes() -> list[tuple[str, int]]:
    import importlib
    import types

    import streamlit
    from streamlit.delta_generator import DeltaGenerator

    order = []
    for module, attr, depth in PROBES:
        mod = importlib.import_module(module)
        if hasattr(mod, attr):
            label = f"{module.split('.')[-1]}.{attr}"
            setattr(mod, attr, _wrap(getattr(mod, attr), label))
            order.append((label, depth))
    # The page modules imported `figures`, `tables`, `layout` as modules, so attribute lookups see the wrappers;
    # names imported into a page (`from ..store import action_detail`) are wrapped in that page's module above.
    main = streamlit._main
    for name in ELEMENTS:
        label = f"st.{name}"
        wrapped = _wrap(getattr(DeltaGenerator, name), label)
        setattr(DeltaGenerator, name, wrapped)
        if hasattr(streamlit, name):
            setattr(streamlit, name, types.MethodType(wrapped, main))
        order.append((label, 0))
        if name == "plotly_chart":
            for module, attr in PLOTLY_STEPS:
                mod = importlib.import_module(module)
                sub = f"{module}.{attr}"
                setattr(mod, attr, _wrap(getattr(mod, attr), sub))
                order.append((sub, 1))
    return order


PACKAGES = [
    ("plotly: figure objects, validation", ("/plotly/", "/_plotly_utils/", "/narwhals/")),
    ("JSON encoding", ("/json/", "_json.py")),
    ("pandas / numpy / pyarrow", ("/pandas/", "/numpy/", "/pyarrow/")),
    ("protobuf", ("/google/protobuf/",)),
    ("streamlit", ("/streamlit/",)),
    ("project code (policies/, dashboard.py)", ("/policies/", "dashboard.py")),
    ("copy.deepcopy", ("/copy.py",)),
]


def by_package(stats: pstats.Stats) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        for name, needles in PACKAGES:
            if any(n in filename for n in needles):
                out[name] += tottime
                break
        else:
            out["other (builtins, stdlib)"] += tottime
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data,1000")
    parser.add_argument("--pages", default=",".join(reruns.PAGES))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--work", default=str(DEFAULT_WORK))
    parser.add_argument("--min-ms", type=float, default=0.5, help="hide parts under this many ms per run")
    args = parser.parse_args(argv)
    pages = [p for p in args.pages.split(",") if p]
    folders = data_folders(args.data, Path(args.work))

    import logging
    import os

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    reruns._patch_script_thread()
    tmp = tempfile.TemporaryDirectory(prefix="rerun-parts-")
    os.environ["POLICIES_CACHE_DIR"] = str(Path(tmp.name) / "cache")
    apps = [reruns.App(reruns.HELLO, None, reruns.HELLO, write_hello(Path(tmp.name)))]
    for name, folder in folders:
        policy = reruns._policy_with_most_provisions(folder)
        apps += [
            reruns.App(name, folder, p, ROOT / "dashboard.py", policy if p == "requirements" else None) for p in pages
        ]
    order = install_probes()
    for a in apps:
        for _ in range(2):  # warm the wrappers' paths
            a.rerun("none")
        a.total.clear()
        a.thread.clear()
        TIMES.clear()
        CALLS.clear()
        for _ in range(args.repeat):
            a.rerun("none")
        run_ms = statistics.mean(a.thread) * 1000
        print(f"\n## {a.data} · {a.page}: script thread {run_ms:.1f} ms per run (mean of {args.repeat})\n")
        print("| part | ms per run | % of run | calls per run |")
        print("|---|---:|---:|---:|")
        for label, depth in order:
            if label in TIMES:
                ms = TIMES[label] * 1000 / args.repeat
                if ms >= args.min_ms:
                    print(
                        f"| {'  ' * depth}{'└ ' if depth else ''}{label} | {ms:.1f} | {100 * ms / run_ms:.0f}% | "
                        f"{CALLS[label] / args.repeat:g} |"
                    )
        prof = cProfile.Profile()
        reruns.PROFILE["profiler"] = prof
        for _ in range(args.repeat):
            a.rerun("none")
        reruns.PROFILE["profiler"] = None
        shares = by_package(pstats.Stats(prof))
        total = sum(shares.values())
        print(
            "\nown time by package (cProfile, inflates plotly): "
            + "; ".join(f"{name} {100 * t / total:.0f}%" for name, t in sorted(shares.items(), key=lambda kv: -kv[1]))
        )
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
