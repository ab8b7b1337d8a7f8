"""Server cost per page run, as a ratio to a one-chart hello-world page measured beside it in the same process.

    .venv/bin/python benchmarks/reruns.py [--data data,1000] [--repeat 15] [--work DIR] [--change none|search]
                                          [--profile DIR]

In one process, one `AppTest` per page of dashboard.py (timeline; requirements with an action selected, the one
with most provisions; map; sources; about) for each data folder in --data (a folder, or a number N: a synthetic
tree of N actions, written once by `policies.synth` and kept in --work), and one `AppTest` of the hello-world page
(`floor.HELLO_APP`: a title and one plotly.express chart). Each app runs its page, then two warm-up reruns; then
--repeat rounds, each rerunning every app once in a rotating order (so a burst of load elsewhere on the machine
falls on all of them alike). A rerun is `at.run()` with nothing changed (--change search: the sidebar search
cycles through load_sessions.py's searches, a filter change per rerun; the floor is still a plain rerun. A cache
keyed by the view hits from the second round on, as it would for viewers who repeat each other's views).

Prints, per data folder and page, the median and p90 of the whole `at.run()` and of the script thread alone (the
part a server pays; `at.run()` adds AppTest's parsing of the messages), each as a ratio to the floor's; the best
(fastest) run and its ratio to the floor's best, which moves least when other work shares the machine; and the
messages and bytes the run sends (protobuf sizes). --profile DIR also profiles --repeat more reruns of every app
inside the script thread (pyinstrument if importable, else cProfile) and writes one report per app into DIR.
Run by hand, never as a timed test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import load_sessions  # noqa: E402
from floor import DEFAULT_WORK, ROOT, data_folders, table_head, write_hello  # noqa: E402

PAGES = ("timeline", "requirements", "map", "sources", "about")
HELLO = "hello-world"
SEARCHES = tuple(load_sessions.SEARCHES)  # the load test's searches, a filter change per rerun

# What the patched script thread saw in its last run: seconds, messages and their bytes, chart JSON bytes.
LAST: dict = {}
PROFILE: dict = {"profiler": None}


def _patch_script_thread() -> None:
    """Time (and optionally profile) the script thread of every AppTest run: what a server's script runner pays."""
    from streamlit.testing.v1 import local_script_runner as lsr

    original = lsr.LocalScriptRunner._run_script_thread

    def timed_thread(self) -> None:
        profiler = PROFILE["profiler"]
        if profiler is not None:
            profiler.enable() if hasattr(profiler, "enable") else profiler.start()
        start = time.perf_counter()
        try:
            original(self)
        finally:
            LAST["thread_s"] = time.perf_counter() - start
            if profiler is not None:
                profiler.disable() if hasattr(profiler, "enable") else profiler.stop()
            msgs = self.forward_msgs()
            LAST["msgs"] = len(msgs)
            LAST["bytes"] = sum(m.ByteSize() for m in msgs)
            LAST["chart_json"] = [
                len(m.delta.new_element.plotly_chart.spec)
                for m in msgs
                if m.WhichOneof("type") == "delta"
                and m.delta.WhichOneof("type") == "new_element"
                and m.delta.new_element.WhichOneof("type") == "plotly_chart"
            ]

    lsr.LocalScriptRunner._run_script_thread = timed_thread


class App:
    """One AppTest on one page of one data folder (or the hello-world page), with its timings."""

    def __init__(self, data: str, folder: Path | None, page: str, script: Path, policy: str | None = None) -> None:
        from streamlit.testing.v1 import AppTest
        from streamlit.util import calc_hash

        self.data, self.folder, self.page = data, folder, page
        self.total: list[float] = []
        self.thread: list[float] = []
        self.size: dict = {}
        self.step = 0
        self._env()
        self.at = AppTest.from_file(str(script), default_timeout=600)
        if policy:
            self.at.query_params["policy"] = policy
        self.at.run()
        if page != HELLO:
            self.at._page_hash = calc_hash(page)  # as tests/conftest.py make_app: the page's url_path, hashed
            self.at.run()
        for _ in range(2):  # warm-up: imports, first figure, caches
            self.at.run()
        if self.at.exception:
            raise SystemExit(f"{data} {page}: exception on the page: {self.at.exception[0].message[:200]}")

    def _env(self) -> None:
        if self.folder is not None:
            os.environ["POLICIES_DATA_DIR"] = str(self.folder)  # state.load_store reads it on every run

    def rerun(self, change: str) -> None:
        self._env()
        if change == "search" and self.page != HELLO:
            self.step += 1
            box = next(w for w in self.at.text_input if w.key == "f_q")
            box.input(SEARCHES[self.step % len(SEARCHES)])
        start = time.perf_counter()
        self.at.run()
        self.total.append(time.perf_counter() - start)
        self.thread.append(LAST["thread_s"])
        self.size = {k: LAST[k] for k in ("msgs", "bytes", "chart_json")}
        if self.at.exception:
            raise SystemExit(f"{self.data} {self.page}: exception: {self.at.exception[0].message[:200]}")


def _policy_with_most_provisions(folder: Path) -> str:
    from policies import store

    loaded = store.load(folder, use_cache=False)
    per_action = loaded.provisions["action_id"].astype(str).value_counts()
    return str(per_action.index[0]) if len(per_action) else str(loaded.actions["id"].iloc[0])


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _noise(values: list[float]) -> float:
    """Interquartile range over the median, in %: how much the repeats moved."""
    if len(values) < 4:
        return float("nan")
    q = statistics.quantiles(values, n=4)
    return 100 * (q[2] - q[0]) / statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data,1000", help="comma-separated: data folders, or N synthetic actions")
    parser.add_argument("--repeat", type=int, default=15, help="timed reruns of each app (default 15)")
    parser.add_argument("--work", default=str(DEFAULT_WORK), help="where synthetic trees are written and kept")
    parser.add_argument("--change", choices=("none", "search"), default="none")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--profile", metavar="DIR", help="also profile the script thread; reports go in DIR")
    args = parser.parse_args(argv)
    if not 1 <= args.repeat <= 200:
        raise SystemExit("--repeat: 1 to 200")
    pages = [p for p in args.pages.split(",") if p]
    folders = data_folders(args.data, Path(args.work))

    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest warns about a missing runtime context
    _patch_script_thread()
    tmp = tempfile.TemporaryDirectory(prefix="reruns-")
    os.environ["POLICIES_CACHE_DIR"] = str(Path(tmp.name) / "cache")
    hello_script = write_hello(Path(tmp.name))
    dashboard = ROOT / "dashboard.py"

    print(f"warming up {len(folders) * len(pages) + 1} apps ...", file=sys.stderr)
    apps = [App(HELLO, None, HELLO, hello_script)]
    for name, folder in folders:
        policy = _policy_with_most_provisions(folder) if "requirements" in pages else None
        apps += [App(name, folder, page, dashboard, policy if page == "requirements" else None) for page in pages]

    print(f"timing {args.repeat} rounds ...", file=sys.stderr)
    for r in range(args.repeat):
        for i in range(len(apps)):
            apps[(i + r) % len(apps)].rerun(args.change)
    floor = apps[0]
    _report(apps, floor, args, pages)

    if args.profile:
        _profile(apps, Path(args.profile), args)
    tmp.cleanup()
    return 0


def _report(apps: list[App], floor: App, args, pages: list[str]) -> None:
    f_total, f_thread = statistics.median(floor.total), statistics.median(floor.thread)
    print(
        f"\nreruns: {args.repeat} per app, change: {args.change}; floor = {HELLO} page (title + one px.scatter): "
        f"at.run() {f_total * 1000:.1f} ms (IQR {_noise(floor.total):.0f}% of median), script thread "
        f"{f_thread * 1000:.1f} ms, best at.run() {min(floor.total) * 1000:.1f} ms; {floor.size['msgs']} messages, "
        f"{floor.size['bytes'] / 1000:.1f} kB\n"
    )
    f_best = min(floor.total)
    head = [
        "data",
        "page",
        "at.run() ms median / p90",
        "ratio to floor",
        "best ms",
        "best ratio",
        "script thread ms",
        "thread ratio",
        "IQR %",
        "messages",
        "kB sent",
        "chart JSON kB",
    ]
    table_head(head, 2)
    for a in apps[1:]:
        total, thread = statistics.median(a.total), statistics.median(a.thread)
        charts = " + ".join(f"{n / 1000:.0f}" for n in a.size["chart_json"]) or "-"
        print(
            f"| {a.data} | {a.page} | {total * 1000:.0f} / {_p90(a.total) * 1000:.0f} | {total / f_total:.1f}× | "
            f"{min(a.total) * 1000:.0f} | {min(a.total) / f_best:.1f}× | "
            f"{thread * 1000:.0f} | {thread / f_thread:.1f}× | {_noise(a.total):.0f} | {a.size['msgs']} | "
            f"{a.size['bytes'] / 1000:.0f} | {charts} |"
        )
    worst = max(apps[1:], key=lambda a: statistics.median(a.total))
    print(
        f"\nslowest: {worst.data} {worst.page}, {statistics.median(worst.total) / f_total:.1f}× the floor "
        f"(goal: every page within 3×)"
    )


def _profile(apps: list[App], out: Path, args) -> None:
    out.mkdir(parents=True, exist_ok=True)
    try:
        from pyinstrument import Profiler  # not a project dependency: pip install --target DIR, PYTHONPATH=DIR
    except ImportError:
        Profiler = None
    import cProfile
    import io
    import pstats

    for a in apps:
        slug = f"{a.data.split(' ')[0].replace(',', '')}-{a.page}".replace("/", "_")
        PROFILE["profiler"] = cprof = cProfile.Profile()
        for _ in range(args.repeat):
            a.rerun(args.change)
        PROFILE["profiler"] = None
        text = io.StringIO()
        pstats.Stats(cprof, stream=text).sort_stats("cumulative").print_stats(60)
        (out / f"{slug}.cprofile.txt").write_text(text.getvalue())
        cprof.dump_stats(out / f"{slug}.pstats")
        if Profiler is not None:
            PROFILE["profiler"] = prof = Profiler(interval=0.0005)
            for _ in range(args.repeat):
                a.rerun(args.change)
            PROFILE["profiler"] = None
            (out / f"{slug}.pyinstrument.txt").write_text(
                prof.output_text(unicode=True, color=False, show_all=False, short_mode=False)
            )
        print(f"profiled {a.data} {a.page} -> {out / slug}.*", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
