"""What growth costs: load, filter, figures, page reruns and memory at 100 to 100,000 actions.

    .venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000,100000] [--work DIR] [--articles 1000]

For each size it writes a synthetic tree (`python -m policies synth`, kept in --work between runs) and
measures, each in a fresh process so peak memory is that size's own:

- cold load: YAML to validated frames (no cache), with worker processes from 4,000 files up;
- warm load: the same frames from a snapshot (`python -m policies snapshot`, what a deployed replica starts
  from), and from the tree's disk cache (which must first read every file to check the content key);
- parquet floor: `pandas.read_parquet` of the same flattened actions table; loads are shown as ratios to it;
- filter: one typical view (a big city, two topics, two years) through `filters.apply`;
- figures: building each page's figure (with its provenance) and the size of its JSON for the browser;
- rerun: the server time of a full `AppTest` rerun of each page after each of seven filter changes (search,
  place, topic, and back), as the median and the slowest, in a process of its own that loads the tree once (as
  a server does);
- peak memory (max RSS) of the process.

Then the extractor on --articles articles (the evaluation set, repeated): articles per second and peak memory.
Prints tables; run by hand, never as a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import timed  # noqa: E402  (benchmarks/, beside this script)

PAGES = ("timeline", "requirements", "map", "sources", "about")
FIGURE_PAGES = ("timeline", "map")


def measure(tree: Path) -> dict:
    """All figures for one tree, in this process."""
    import pandas as pd

    from policies import store
    from policies.output import figures
    from policies.view import Filters, View, apply

    out: dict = {}
    with tempfile.TemporaryDirectory() as cache:
        out["cold_s"], loaded = timed(lambda: store.load(tree, use_cache=False))
        store.load(tree, cache_dir=cache)
        out["cache_s"], _ = timed(lambda: store.load(tree, cache_dir=cache), 3)
        snapshot = Path(cache) / "store.snapshot"
        store.save_snapshot(loaded, snapshot)
        out["warm_s"], _ = timed(lambda: store.load_snapshot(snapshot), 3)
        parquet = Path(cache) / "actions.parquet"
        loaded.actions.to_parquet(parquet)
        out["parquet_s"], _ = timed(lambda: pd.read_parquet(parquet), 3)
    out["actions"] = len(loaded.actions)
    city = loaded.places["place"].value_counts().index[0] if len(loaded.places) else "us"
    view = View(
        filters=Filters(
            place=(city,),
            topic=("masks", "police-cooperation"),
            date_from=pd.Timestamp("2024-01-01").date(),
            date_to=pd.Timestamp("2025-12-31").date(),
        )
    )
    out["filter_s"], frame = timed(lambda: apply(loaded, view), 5)
    out["filtered"] = len(frame)
    everything = apply(loaded, View())
    for page in FIGURE_PAGES:
        seconds, fig = timed(lambda page=page: figures.figure(loaded, everything, View(page=page), page), 3)
        out[f"fig_{page}_s"], out[f"fig_{page}_mb"] = seconds, len(fig.to_json()) / 1e6
    out["busiest"] = city
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# Filter changes a user makes, in order: the search box, a place, a topic, then back to everything.
CHANGES = (
    ("q", "police"),
    ("q", "masks"),
    ("q", ""),
    ("place", "busiest"),
    ("topic", "masks"),
    ("place", None),
    ("topic", None),
)


def _reruns(tree: Path, busiest: str) -> dict:
    """Server time of each page's reruns after each filter change in CHANGES, the store already loaded (as in a
    live app): the median and the slowest."""
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    os.environ["POLICIES_DATA_DIR"] = str(tree)
    os.environ["POLICIES_CACHE_DIR"] = os.environ.get("POLICIES_CACHE_DIR") or str(tree.parent / "cache")  # reused
    out = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        at.run()
        at._page_hash = calc_hash(page)
        at.run()
        times = [
            timed(lambda at=at, k=key, v=value: _change(at, k, busiest if v == "busiest" else v).run())[0]
            for key, value in CHANGES
        ]
        out[f"rerun_{page}_s"], out[f"rerun_{page}_max_s"] = statistics.median(times), max(times)
        out[f"rerun_{page}_each_s"] = times
        if at.exception:
            out[f"rerun_{page}_error"] = str(at.exception[0].message)[:80]
    return out


def _change(at, key: str, value: str | None):
    """Set one sidebar filter the way a user would; the widgets are looked up afresh (a rerun replaces them)."""
    if key == "q":
        return next(w for w in at.text_input if w.key == "f_q").input(value)
    return at.multiselect(key=f"f_{key}").set_value([value] if value else [])


def measure_extractor(articles: int) -> dict:
    from policies.extract import extract

    texts = [p.read_text() for p in sorted((ROOT / "benchmarks" / "extraction").glob("*.txt"))]
    batch = [texts[i % len(texts)] for i in range(articles)]
    extract(batch[0], "warm-up")
    seconds, _ = timed(lambda: [extract(t, f"a{i}") for i, t in enumerate(batch)])
    tracemalloc.start()  # a second pass for memory: tracing slows Python several times over
    for i, t in enumerate(batch):
        extract(t, f"a{i}")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "articles": articles,
        "per_s": articles / seconds,
        "peak_mb": peak / 1e6,
        "chars": sum(map(len, batch)) // articles,
    }


def _child(args: list[str]) -> dict:
    run = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        raise SystemExit(run.stderr)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "policies-scale"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--one", metavar="TREE", help=argparse.SUPPRESS)
    parser.add_argument("--extractor", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reruns", nargs=2, metavar=("TREE", "PLACE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(Path(args.one))))
        return 0
    if args.reruns:
        print(json.dumps(_reruns(Path(args.reruns[0]), args.reruns[1])))
        return 0
    if args.extractor:
        print(json.dumps(measure_extractor(args.articles)))
        return 0

    from policies import synth

    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        tree = Path(args.work) / f"synth-{size}"
        if not (tree / "sources.yaml").exists():
            print(f"writing {size:,} actions to {tree} ...", file=sys.stderr)
            synth.write_tree(tree, size, seed=0)
        print(f"measuring {size:,} ...", file=sys.stderr)
        row = _child(["--one", str(tree)])
        rows.append(row | _child(["--reruns", str(tree), row["busiest"]]))
    _report(rows)
    ext = _child(["--extractor", "--articles", str(args.articles)])
    print(
        f"\nextractor: {ext['articles']:,} articles of ~{ext['chars']:,} characters: "
        f"{ext['per_s']:.0f} articles/s on one core, peak {ext['peak_mb']:.1f} MB traced"
    )
    return 0


def _report(rows: list[dict]) -> None:
    def ms(v: float) -> str:
        return f"{v * 1000:,.0f}"

    head = [
        "actions",
        "cold s",
        "warm ms",
        "cache ms",
        "parquet ms",
        "warm/parquet",
        "cache/parquet",
        "cold/parquet",
        "filter ms",
    ]
    head += [f"{p} fig ms" for p in FIGURE_PAGES] + [f"{p} fig MB" for p in FIGURE_PAGES]
    head += [f"{p} rerun ms (median / max)" for p in PAGES] + ["peak MB"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    for r in rows:
        cells = [
            f"{r['actions']:,}",
            f"{r['cold_s']:.1f}",
            ms(r["warm_s"]),
            ms(r["cache_s"]),
            ms(r["parquet_s"]),
            f"{r['warm_s'] / r['parquet_s']:.1f}×",
            f"{r['cache_s'] / r['parquet_s']:.1f}×",
            f"{r['cold_s'] / r['parquet_s']:.0f}×",
            ms(r["filter_s"]),
        ]
        cells += [ms(r[f"fig_{p}_s"]) for p in FIGURE_PAGES] + [f"{r[f'fig_{p}_mb']:.2f}" for p in FIGURE_PAGES]
        cells += [
            f"{ms(r[f'rerun_{p}_s'])} / {ms(r[f'rerun_{p}_max_s'])}" + (" (error)" if f"rerun_{p}_error" in r else "")
            for p in PAGES
        ]
        cells.append(f"{r['peak_mb']:,.0f}")
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
