"""Many viewers: N concurrent browser sessions against one `streamlit run` server on loopback.

Each session opens the dashboard, then for a bounded time changes filters again and again (by typing a
search into the sidebar and by opening filtered permalinks), timing each change until Streamlit reports
the script finished. Prints p50/p95/max render times and the errors seen.

    .venv/bin/python benchmarks/load_sessions.py [--sessions 20] [--seconds 60] [--data-dir DIR]

Loopback only, bounded in count (sessions) and time (seconds); it starts and stops its own server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
]  # fmt: skip
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWS = [
    "?place=us-il-chicago",
    "?topic=masks&topic=body-cameras",
    "?level=federal&from=2025-08-01&to=2025-10-31",
    "?type=lawsuit,court-order",
    "?status=blocked",
    "?q=national+guard",
    "",
]
SEARCHES = ["chicago", "guard", "masks", "lawsuit", "body camera", "ice"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, data_dir: str | None) -> subprocess.Popen:
    env = dict(os.environ, **({"POLICIES_DATA_DIR": data_dir} if data_dir else {}))
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


async def wait_rendered(page, timeout_ms: int = 30_000) -> None:
    await page.wait_for_selector('[data-test-connection-state="CONNECTED"]', timeout=timeout_ms)
    await page.wait_for_selector(DONE, timeout=timeout_ms)
    await page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=timeout_ms)


async def rerun_after(page, action) -> float:
    """Seconds from an action to the end of the rerun it triggers."""
    start = time.perf_counter()
    await action()
    try:
        await page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=2_000)
    except Exception:
        pass  # a fast rerun can finish before we look
    await page.wait_for_selector(DONE, timeout=30_000)
    return time.perf_counter() - start


async def session(browser, base: str, index: int, until: float, timings: list[float], errors: list[str]) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"session {index}: page error {exc}"))
    try:
        start = time.perf_counter()
        await page.goto(base + VIEWS[index % len(VIEWS)])
        await wait_rendered(page)
        timings.append(time.perf_counter() - start)
        step = index
        while time.monotonic() < until:
            step += 1
            search = page.locator('section[data-testid="stSidebar"] input[aria-label="Search"]')
            if step % 2 and await search.count():
                term = SEARCHES[step % len(SEARCHES)]

                async def type_search() -> None:
                    await search.fill(term)
                    await search.press("Enter")

                timings.append(await rerun_after(page, type_search))
            else:
                url = base + VIEWS[step % len(VIEWS)]

                async def open_view() -> None:
                    await page.goto(url)
                    await wait_rendered(page)

                timings.append(await rerun_after(page, open_view))
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"session {index}: exception shown on step {step}")
    except Exception as exc:  # reported, not raised: one failed session must not hide the others' figures
        errors.append(f"session {index}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def run(sessions: int, seconds: float, base: str) -> tuple[list[float], list[str]]:
    timings: list[float] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        until = time.monotonic() + seconds
        await asyncio.gather(*(session(browser, base, i, until, timings, errors) for i in range(sessions)))
        await browser.close()
    return timings, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data-dir", help="record tree to serve (default: the bundled data)")
    args = parser.parse_args()
    if not 1 <= args.sessions <= 50 or not 1 <= args.seconds <= 600:
        raise SystemExit("bounded by design: 1-50 sessions, 1-600 seconds")
    port = free_port()
    server = start_server(port, args.data_dir)
    try:
        timings, errors = asyncio.run(run(args.sessions, args.seconds, f"http://127.0.0.1:{port}/"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))] if timings else float("nan")
    print(f"sessions {args.sessions}  duration {args.seconds:.0f} s  renders {len(timings)}  errors {len(errors)}")
    if timings:
        print(f"render time  p50 {statistics.median(timings):.2f} s  p95 {p95:.2f} s  max {timings[-1]:.2f} s")
    for error in errors[:20]:
        print("  " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
