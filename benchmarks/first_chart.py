"""Time to the first drawn chart: the dashboard's home page beside a one-chart hello-world app, same browser, same run.

    .venv/bin/python benchmarks/first_chart.py [--data data,1000] [--repeat 7] [--cache cold,warm] [--profile]

Starts two `streamlit run` servers on free loopback ports: dashboard.py on each data folder in turn (--data: a
folder, or N for a synthetic tree of N actions written once by `policies.synth` into --work) and the hello-world
app of `floor.HELLO_APP` (a title and one plotly.express scatter), written to a temporary folder. One headless
Debian Chromium (/usr/bin/chromium) opens each app --repeat times, alternating (which app goes first changes every
round), at 1440x1000:

- cold: a fresh browser context per load (empty HTTP cache, no cookies), so every load fetches Streamlit's
  JavaScript, including the 4.7 MB plotly chunk;
- warm: one context per app, primed by one untimed load, then a new page (tab) per timed load: the bundles come
  from the HTTP cache, as for a returning reader.

Each server is opened once, untimed, before the first timed load (its first run loads the store). The clock is
the page's own: `performance.now()` (0 = navigation start) when a MutationObserver first sees a drawn point or
bar (`.js-plotly-plot .point`), then the next animation frame (the chart is painted by then). Also recorded, on
the same clock: the websocket's opening and its messages (bytes), the first element, the script's end, the
elements and charts above the fold when the chart appeared. Prints medians, the ratio to the hello-world app,
how much the repeats moved, and the best (fastest) load of each with their ratio, which moves least when other
work shares the machine. --profile also decodes the websocket's ForwardMsgs of one more load of each app:
the deltas in order, what comes before the first chart, and their sizes.

Loopback only (every other request is aborted), bounded (--repeat at most 50, 60 s per load); it stops the
servers it started by their PIDs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from floor import DEFAULT_WORK, ROOT, Server, data_folders, table_head, write_hello  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 1000}
LOAD_TIMEOUT_MS = 60_000

# Runs before any of the page's scripts: the marks are on the page's clock (performance.now(), 0 = navigation).
OBSERVER = r"""
(() => {
  const t = {marks: {}, ws: [], longtasks: 0};
  window.__perf = t;
  const mark = (k) => { if (!(k in t.marks)) t.marks[k] = performance.now(); };
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(...args) {
      super(...args);
      mark('ws_created');
      this.addEventListener('open', () => mark('ws_open'));
      this.addEventListener('message', (e) => {
        const d = e.data;
        t.ws.push([performance.now(), d.byteLength ?? d.size ?? d.length ?? 0]);
      });
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!('chart' in t.marks)) t.longtasks += e.duration;
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
  const snapshot = () => {
    const main = document.querySelector('[data-testid="stMain"]') || document;
    const fold = window.innerHeight;
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top < fold; };
    const elements = [...main.querySelectorAll('[data-testid="stElementContainer"]')];
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    const drawn = plots.findIndex((p) => p.querySelector('.main-svg .point'));
    return {
      elements: elements.length,
      elements_above_fold: elements.filter(visible).length,
      charts: plots.length,
      charts_above_fold: plots.filter(visible).length,
      chart_index: drawn,
      dataframes: document.querySelectorAll('[data-testid="stDataFrame"]').length,
      sidebar_widgets: document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stElementContainer"]').length,
      dom_nodes: document.getElementsByTagName('*').length,
    };
  };
  let running = false;
  const check = () => {
    if (!('app' in t.marks) && document.querySelector('[data-testid="stApp"]')) mark('app');
    const app = document.querySelector('[data-testid="stApp"]');
    if (app) {
      const s = app.getAttribute('data-test-script-state');
      if (s === 'running') running = true;
      else if (running && s === 'notRunning') mark('script_done');
    }
    if (!('first_element' in t.marks) && document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')) mark('first_element');
    if (!('plot_div' in t.marks) && document.querySelector('.js-plotly-plot')) mark('plot_div');
    if (!('chart_dom' in t.marks) && document.querySelector('.js-plotly-plot .main-svg .point')) {
      mark('chart_dom');
      t.at_chart = snapshot();
      requestAnimationFrame(() => { mark('chart'); });
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
  });
  t.snapshot = snapshot;
})();
"""

COLLECT = """() => {
  const t = window.__perf;
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const res = performance.getEntriesByType('resource');
  const chart = t.marks.chart;
  const js = res.filter((r) => r.name.endsWith('.js'));
  const before = t.ws.filter(([at]) => at <= chart);
  return {
    marks: t.marks,
    at_chart: t.at_chart,
    longtasks_before_chart: t.longtasks,
    html_done: nav.responseEnd,
    dom_content_loaded: nav.domContentLoadedEventEnd,
    js_files: js.length,
    js_transferred_kb: js.reduce((s, r) => s + (r.transferSize || 0), 0) / 1000,
    js_decoded_kb: js.reduce((s, r) => s + (r.decodedBodySize || 0), 0) / 1000,
    js_last_end: Math.max(0, ...js.map((r) => r.responseEnd)),
    ws_first: t.ws.length ? t.ws[0][0] : null,
    ws_msgs_before_chart: before.length,
    ws_kb_before_chart: before.reduce((s, [, n]) => s + n, 0) / 1000,
    ws_msgs: t.ws.length,
    ws_kb: t.ws.reduce((s, [, n]) => s + n, 0) / 1000,
    final: t.snapshot(),
  };
}"""


def _route(route) -> None:
    url = route.request.url
    if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def _new_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", _route)
    context.add_init_script(OBSERVER)
    return context


CDP_METRICS = ("ScriptDuration", "TaskDuration", "LayoutDuration", "RecalcStyleDuration")


def load(context, url: str, frames: list | None = None) -> dict:
    """One load in a new page of `context`: the marks and counts on the page's clock, and Chromium's own
    main-thread totals (seconds of script, layout, style) when the chart was seen. `frames` collects the
    websocket's frames as they arrive and V8's sampling profile until the chart (for --profile)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    if frames is not None:
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})  # microseconds
        cdp.send("Profiler.start")
    try:
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function("() => window.__perf && 'chart' in window.__perf.marks", timeout=LOAD_TIMEOUT_MS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        js_profile = cdp.send("Profiler.stop")["profile"] if frames is not None else None
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached", timeout=LOAD_TIMEOUT_MS
        )
        if frames is not None:
            page.wait_for_timeout(500)  # the last frames after the script's end (an untimed load)
        out = page.evaluate(COLLECT)
        out["main_thread_ms"] = {k: 1000 * metrics.get(k, float("nan")) for k in CDP_METRICS}
        if frames is not None:
            out["ws_times"] = page.evaluate("() => window.__perf.ws.map(([t]) => t)")
            out["resources"] = page.evaluate(RESOURCES)
            out["js_self_ms"] = _self_time_by_file(js_profile)
        return out
    finally:
        page.close()


def _self_time_by_file(profile: dict) -> dict[str, float]:
    """V8's sampling profile (navigation to the chart) as self time per script file, ms: whose code kept the main
    thread busy. '(program)' is the engine's own work (parsing and compiling scripts among it), '(idle)' waiting."""
    by_id = {node["id"]: node for node in profile["nodes"]}
    out: dict[str, float] = {}
    for node_id, delta in zip(profile.get("samples", []), profile.get("timeDeltas", [])):
        frame = by_id[node_id]["callFrame"]
        name = frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "(anonymous)"
        out[name] = out.get(name, 0.0) + delta / 1000
    return out


RESOURCES = """() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
  .map((r) => ({name: r.name.split('/').pop(), kb: (r.decodedBodySize || 0) / 1000,
                start: r.startTime, end: r.responseEnd}))"""


def decode_forward_msgs(browser, url: str) -> tuple[list[dict], dict]:
    """One more cold load (untimed): its ForwardMsgs decoded (kind, element type, bytes, arrival on the page's
    clock, in order), and the load's own record (marks, JS files)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context = _new_context(browser)
    frames: list = []
    try:
        record = load(context, url, frames)
    finally:
        context.close()
    times = record["ws_times"]
    out = []
    for i, raw in enumerate(frames):
        if isinstance(raw, str):
            continue
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        what = kind
        if kind == "delta":
            dk = msg.delta.WhichOneof("type")
            what = dk
            if dk == "new_element":
                what = msg.delta.new_element.WhichOneof("type")
            elif dk == "add_block":
                what = "block:" + (msg.delta.add_block.WhichOneof("type") or "vertical")
        container = "sidebar" if msg.metadata.delta_path[:1] == [1] else "main"
        at = times[i] if i < len(times) and len(times) == len(frames) else float("nan")
        out.append({"what": what, "container": container if kind == "delta" else "", "bytes": len(raw), "at": at})
    return out, record


def _median(values: list[float]) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def _spread(values: list[float]) -> str:
    """min–max over the median, in %: how much the repeats moved."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return "-"
    return f"{100 * (max(values) - min(values)) / statistics.median(values):.0f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data,1000", help="comma-separated: data folders, or N synthetic actions")
    parser.add_argument("--repeat", type=int, default=7, help="timed loads of each app per cache mode (default 7)")
    parser.add_argument("--cache", default="cold,warm", help="cold, warm or both (default cold,warm)")
    parser.add_argument("--work", default=str(DEFAULT_WORK), help="where synthetic trees are written and kept")
    parser.add_argument("--path", default="/", help="the dashboard page to open (default: the home page, /)")
    parser.add_argument("--profile", action="store_true", help="also decode one load's ForwardMsgs per app")
    parser.add_argument("--logs", help="a folder for the servers' logs (default: discarded)")
    args = parser.parse_args(argv)
    modes = [m for m in args.cache.split(",") if m]
    if not 1 <= args.repeat <= 50 or not set(modes) <= {"cold", "warm"} or not modes:
        raise SystemExit("bounded by design: --repeat 1-50, --cache cold and/or warm")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    folders = data_folders(args.data, Path(args.work))

    from playwright.sync_api import sync_playwright

    tmp = tempfile.TemporaryDirectory(prefix="first-chart-")
    logs = Path(args.logs) if args.logs else None
    if logs:
        logs.mkdir(parents=True, exist_ok=True)
    hello_script = write_hello(Path(tmp.name))
    results: list[tuple[str, str, dict]] = []  # (data, mode, {app: [samples]})
    decoded: dict[str, tuple[list[dict], dict]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with Server(hello_script, log=logs / "hello.log" if logs else None) as hello:
                for name, folder in folders:
                    env = {"POLICIES_DATA_DIR": str(folder), "POLICIES_CACHE_DIR": str(Path(tmp.name) / "cache")}
                    log = logs / f"dashboard-{folder.name}.log" if logs else None
                    with Server(ROOT / "dashboard.py", env=env, log=log) as dash:
                        apps = {"dashboard": dash.url + args.path, "hello": hello.url + "/"}
                        print(f"{name}: dashboard {apps['dashboard']}, hello {apps['hello']}", file=sys.stderr)
                        warm_contexts = {}
                        for app, url in apps.items():  # the servers' first runs, and the warm contexts' cache
                            warm_contexts[app] = _new_context(browser)
                            load(warm_contexts[app], url)
                        samples = {m: {a: [] for a in apps} for m in modes}
                        for r in range(args.repeat):
                            order = list(apps) if r % 2 == 0 else list(apps)[::-1]
                            for mode in modes:
                                for app in order:
                                    if mode == "cold":
                                        context = _new_context(browser)
                                        try:
                                            samples[mode][app].append(load(context, apps[app]))
                                        finally:
                                            context.close()
                                    else:
                                        samples[mode][app].append(load(warm_contexts[app], apps[app]))
                            print(f"  round {r + 1}/{args.repeat}", file=sys.stderr)
                        for context in warm_contexts.values():
                            context.close()
                        if args.profile:
                            decoded[name] = decode_forward_msgs(browser, apps["dashboard"])
                            if "hello" not in decoded:
                                decoded["hello"] = decode_forward_msgs(browser, apps["hello"])
                        for mode in modes:
                            results.append((name, mode, samples[mode]))
        finally:
            browser.close()
    tmp.cleanup()
    _report(results, args)
    if args.profile:
        _report_msgs(decoded)
    return 0


def _report(results, args) -> None:
    print(
        f"\nfirst drawn chart, navigation start -> first frame with a plotly point or bar; median of {args.repeat} "
        f"loads per app; page {args.path}\n"
    )
    head = [
        "data",
        "cache",
        "dashboard ms",
        "hello ms",
        "ratio",
        "spread d / h",
        "ratio per round (median, range)",
        "best d / h ms",
        "best ratio",
    ]
    table_head(head, 2)
    for name, mode, samples in results:
        d = [s["marks"]["chart"] for s in samples["dashboard"]]
        h = [s["marks"]["chart"] for s in samples["hello"]]
        per_round = [a / b for a, b in zip(d, h)]
        print(
            f"| {name} | {mode} | {_median(d):.0f} | {_median(h):.0f} | {_median(d) / _median(h):.2f}× | "
            f"{_spread(d)} / {_spread(h)} | {_median(per_round):.2f}× ({min(per_round):.2f}–{max(per_round):.2f}) | "
            f"{min(d):.0f} / {min(h):.0f} | {min(d) / min(h):.2f}× |"
        )
    print("\nmilestones, medians in ms from navigation start (page's clock), and what the page held at the chart:\n")
    keys = [
        ("html_done", "HTML"),
        ("dom_content_loaded", "DOMContentLoaded"),
        ("ws_open", "websocket open"),
        ("ws_first", "first message"),
        ("first_element", "first element"),
        ("plot_div", "chart div"),
        ("chart", "chart drawn"),
        ("script_done", "script done"),
        ("js_last_end", "last JS file in"),
    ]
    head = (
        ["data", "cache", "app"]
        + [k[1] for k in keys]
        + [
            "long tasks before chart ms",
            "main thread at chart: script / layout+style / all tasks ms",
            "JS files / kB over the wire",
            "ws msgs / kB before chart",
            "ws msgs / kB in all",
            "elements at chart (above fold)",
            "charts at chart (above fold)",
            "which chart first",
            "elements at end",
            "charts / dataframes at end",
            "DOM nodes at end",
        ]
    )
    table_head(head, 3)
    for name, mode, samples in results:
        for app, runs in samples.items():
            cells = [name, mode, app]
            for key, _ in keys:
                cells.append(f"{_median([r['marks'].get(key, r.get(key)) for r in runs]):.0f}")
            at = [r["at_chart"] for r in runs]
            final = [r["final"] for r in runs]
            cells += [
                f"{_median([r['longtasks_before_chart'] for r in runs]):.0f}",
                " / ".join(
                    f"{_median([sum(r['main_thread_ms'][k] for k in ks) for r in runs]):.0f}"
                    for ks in (("ScriptDuration",), ("LayoutDuration", "RecalcStyleDuration"), ("TaskDuration",))
                ),
                f"{_median([r['js_files'] for r in runs]):.0f} / {_median([r['js_transferred_kb'] for r in runs]):,.0f}",
                f"{_median([r['ws_msgs_before_chart'] for r in runs]):.0f} / "
                f"{_median([r['ws_kb_before_chart'] for r in runs]):.0f}",
                f"{_median([r['ws_msgs'] for r in runs]):.0f} / {_median([r['ws_kb'] for r in runs]):.0f}",
                f"{_median([a['elements'] for a in at]):.0f} ({_median([a['elements_above_fold'] for a in at]):.0f})",
                f"{_median([a['charts'] for a in at]):.0f} ({_median([a['charts_above_fold'] for a in at]):.0f})",
                f"#{_median([a['chart_index'] for a in at]) + 1:.0f}",
                f"{_median([f['elements'] for f in final]):.0f}",
                f"{_median([f['charts'] for f in final]):.0f} / {_median([f['dataframes'] for f in final]):.0f}",
                f"{_median([f['dom_nodes'] for f in final]):,.0f}",
            ]
            print("| " + " | ".join(cells) + " |")


def _report_msgs(decoded: dict[str, tuple[list[dict], dict]]) -> None:
    hello_js = {r["name"] for r in decoded["hello"][1]["resources"]} if "hello" in decoded else set()
    for name, (msgs, record) in decoded.items():
        first_chart = next((i for i, m in enumerate(msgs) if m["what"] == "plotly_chart"), None)
        print(
            f"\nForwardMsgs of one cold load, {name}: {len(msgs)} messages, {sum(m['bytes'] for m in msgs) / 1000:.0f} kB"
        )
        if first_chart is not None:
            before = msgs[:first_chart]
            print(
                f"  before the first chart: {len(before)} messages, {sum(m['bytes'] for m in before) / 1000:.0f} kB "
                f"(sidebar {sum(1 for m in before if m['container'] == 'sidebar')}, main "
                f"{sum(1 for m in before if m['container'] == 'main')}); the chart itself "
                f"{msgs[first_chart]['bytes'] / 1000:.0f} kB"
            )
        line = []
        for i, m in enumerate(msgs):
            tag = f"{m['what']}{'@side' if m['container'] == 'sidebar' else ''} {m['bytes'] / 1000:.1f}k"
            line.append(("**" + tag + "**") if i == first_chart else tag)
        print("  order: " + ", ".join(line))
        marks = record["marks"]
        if first_chart is not None:
            finished = next((m["at"] for m in msgs if m["what"] == "script_finished"), float("nan"))
            print(
                f"  on the page's clock: first message {msgs[0]['at']:.0f} ms, chart message {msgs[first_chart]['at']:.0f}"
                f" ms, script_finished {finished:.0f} ms, chart drawn {marks.get('chart', float('nan')):.0f} ms"
            )
        js = sorted(record["resources"], key=lambda r: r["start"])
        own = [r for r in js if r["name"] not in hello_js] if name != "hello" else []
        big = sorted(js, key=lambda r: -r["kb"])[:6]
        print(
            f"  JavaScript: {len(js)} files, {sum(r['kb'] for r in js):,.0f} kB decoded; the largest: "
            + ", ".join(f"{r['name']} {r['kb']:,.0f} kB ({r['start']:.0f}-{r['end']:.0f} ms)" for r in big)
        )
        if own:
            print(
                f"  files the hello-world page does not load: {len(own)}, {sum(r['kb'] for r in own):,.0f} kB; "
                f"requested {min(r['start'] for r in own):.0f}-{max(r['start'] for r in own):.0f} ms, the last in at "
                f"{max(r['end'] for r in own):.0f} ms; {sum(1 for r in own if r['start'] < marks.get('chart', 0))} "
                "of them requested before the chart was drawn"
            )
        print(
            "  main thread until the chart (Chromium): "
            + ", ".join(f"{k.replace('Duration', '')} {v:.0f} ms" for k, v in record["main_thread_ms"].items())
        )
        busy = {k: v for k, v in record["js_self_ms"].items() if k != "(idle)"}
        top = sorted(busy.items(), key=lambda kv: -kv[1])[:12]
        print(
            f"  V8 samples until the chart (profiled, so slower): busy {sum(busy.values()):,.0f} ms, idle "
            f"{record['js_self_ms'].get('(idle)', 0):,.0f} ms; self time by file, ms: "
            + ", ".join(f"{k} {v:,.0f}" for k, v in top)
        )


if __name__ == "__main__":
    raise SystemExit(main())
