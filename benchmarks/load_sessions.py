"""Many viewers: N concurrent sessions against one `streamlit run` server on loopback, speaking Streamlit's own
websocket protocol (what the browser sends: a rerun with the URL's query string, then widget changes).

Each session opens a view (a permalink's query string, on one of the pages), then for a bounded time changes
the sidebar search again and again, timing each rerun from the request to the server's "script finished".
Prints p50/p95/max render times and every error. A browser per session would measure the browsers: twenty
headless Chromiums need more than two cores on their own.

    .venv/bin/python benchmarks/load_sessions.py [--sessions 20] [--seconds 60] [--data-dir DIR | --snapshot FILE]

Loopback only, bounded in count (sessions) and time (seconds); it starts and stops its own server.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.util import calc_hash

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor import ROOT, Server

PAGES = ["timeline", "requirements", "map", "sources", "about"]
VIEWS = [
    "place=us-il-chicago",
    "topic=masks&topic=body-cameras",
    "level=federal&from=2025-08-01&to=2025-10-31",
    "type=lawsuit,court-order",
    "status=blocked",
    "q=national+guard",
    "color=topic",
    "",
]
SEARCHES = ["chicago", "guard", "masks", "lawsuit", "body camera", "ice", ""]


class Session:
    """One viewer: a websocket, the widget ids the server told it about, and its timings."""

    def __init__(self, ws, index: int) -> None:
        self.ws, self.index, self.search_id = ws, index, None

    async def rerun(self, query: str, page: str, search: str | None = None) -> float:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_script_hash = calc_hash(page)
        if search is not None and self.search_id:
            widget = msg.rerun_script.widget_states.widgets.add()
            widget.id, widget.string_value = self.search_id, search
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - start

    async def _until_finished(self) -> None:
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=60)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "text_input" and element.text_input.label == "Search":
                    self.search_id = element.text_input.id
                if element.WhichOneof("type") == "exception":
                    raise RuntimeError(f"exception shown: {element.exception.message[:80]}")
            if kind == "script_finished":
                return


async def viewer(port: int, index: int, until: float, think: float, timings: list[float], errors: list[str]) -> None:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    try:
        async with websockets.connect(
            url, subprotocols=["streamlit"], origin=f"http://127.0.0.1:{port}", max_size=None
        ) as ws:
            session = Session(ws, index)
            page, view = PAGES[index % len(PAGES)], VIEWS[index % len(VIEWS)]
            timings.append(await session.rerun(view, page))
            step = index
            while time.monotonic() < until:
                await asyncio.sleep(think * (0.5 + (step % 5) / 4))  # a person reads before the next change
                step += 1
                timings.append(await session.rerun(view, page, SEARCHES[step % len(SEARCHES)]))
    except Exception as exc:  # reported, not raised: one failed session must not hide the others' figures
        errors.append(f"session {index}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


async def run(port: int, sessions: int, seconds: float, think: float = 0) -> tuple[list[float], list[str]]:
    timings: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(viewer(port, i, until, think, timings, errors) for i in range(sessions)))
    return timings, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data-dir", help="record tree to serve (default: the bundled data)")
    parser.add_argument("--snapshot", help="a snapshot to serve (python -m policies snapshot)")
    parser.add_argument("--think", type=float, default=0, help="mean seconds a viewer waits between changes")
    args = parser.parse_args()
    if not 1 <= args.sessions <= 50 or not 1 <= args.seconds <= 600:
        raise SystemExit("bounded by design: 1-50 sessions, 1-600 seconds")
    env = {"POLICIES_DATA_DIR": args.data_dir} if args.data_dir else {}
    env |= {"POLICIES_SNAPSHOT": args.snapshot} if args.snapshot else {}
    with Server(ROOT / "dashboard.py", env) as server:
        asyncio.run(run(server.port, 1, 1))  # the first load of the data is the server's, not the viewers'
        timings, errors = asyncio.run(run(server.port, args.sessions, args.seconds, args.think))
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))] if timings else float("nan")
    print(
        f"sessions {args.sessions}  think {args.think:.0f} s  duration {args.seconds:.0f} s  renders {len(timings)}  "
        f"errors {len(errors)}"
    )
    if timings:
        print(
            f"render time  p50 {statistics.median(timings):.2f} s  p95 {p95:.2f} s  max {timings[-1]:.2f} s"
            f"  ({len(timings) / args.seconds:.1f} renders/s)"
        )
    for error in errors[:20]:
        print("  " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
