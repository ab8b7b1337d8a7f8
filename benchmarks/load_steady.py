"""load_sessions.py's 20 viewers, with the first render of each session counted apart and starts staggered.

    .venv/bin/python benchmarks/load_steady.py [--sessions 20] [--seconds 60] [--think 3] [--ramp 3]
                                               [--data-dir DIR | --snapshot FILE]

load_sessions.py starts every session at the same instant and counts each session's first render (a new
session's full run of its page) among the rest: with 20 sessions and ~340 renders a minute those 20 renders of the
opening burst are 6% of the samples, so its p95 is the burst's. This runs the same viewers (its `Session`, pages,
views, searches and think times, and its server) and reports, on the same clock:

- all renders, as load_sessions.py counts them;
- the steady state: renders after each session's first, with the sessions' starts spread evenly over --ramp seconds
  (0: all at once, as load_sessions.py);
- the first renders alone, and per page (p50 / p95).

Loopback only, bounded (1-50 sessions, 1-600 s); it starts and stops its own server.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import websockets  # noqa: E402
from floor import ROOT, Server  # noqa: E402
from load_sessions import PAGES, SEARCHES, VIEWS, Session  # noqa: E402


async def viewer(port, index, start_at, until, think, out, errors) -> None:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    page, view = PAGES[index % len(PAGES)], VIEWS[index % len(VIEWS)]
    try:
        async with websockets.connect(
            url, subprotocols=["streamlit"], origin=f"http://127.0.0.1:{port}", max_size=None
        ) as ws:
            session = Session(ws, index)
            out.append(("first", page, await session.rerun(view, page)))
            step = index
            while time.monotonic() < until:
                await asyncio.sleep(think * (0.5 + (step % 5) / 4))  # as load_sessions.py
                step += 1
                out.append(("change", page, await session.rerun(view, page, SEARCHES[step % len(SEARCHES)])))
    except Exception as exc:
        errors.append(f"session {index}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


async def run(port, sessions, seconds, think, ramp):
    out, errors = [], []
    now = time.monotonic()
    until = now + seconds
    await asyncio.gather(
        *(viewer(port, i, now + ramp * i / sessions, until, think, out, errors) for i in range(sessions))
    )
    return out, errors


def _line(name: str, values: list[float]) -> str:
    if not values:
        return f"{name}: none"
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return (
        f"{name}: {len(values)} renders, p50 {statistics.median(values):.2f} s, p95 {p95:.2f} s, max {values[-1]:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=3)
    parser.add_argument("--ramp", type=float, default=3, help="seconds over which the sessions start (0: at once)")
    parser.add_argument("--data-dir")
    parser.add_argument("--snapshot")
    args = parser.parse_args()
    if not 1 <= args.sessions <= 50 or not 1 <= args.seconds <= 600 or not 0 <= args.ramp <= 60:
        raise SystemExit("bounded by design: 1-50 sessions, 1-600 seconds, ramp 0-60 s")
    env = {"POLICIES_DATA_DIR": args.data_dir} if args.data_dir else {}
    env |= {"POLICIES_SNAPSHOT": args.snapshot} if args.snapshot else {}
    with Server(ROOT / "dashboard.py", env) as server:
        asyncio.run(run(server.port, 1, 1, 0, 0))  # the store's first load is the server's, not the viewers'
        out, errors = asyncio.run(run(server.port, args.sessions, args.seconds, args.think, args.ramp))
    print(
        f"sessions {args.sessions}  think {args.think:.0f} s  ramp {args.ramp:.0f} s  duration {args.seconds:.0f} s  "
        f"errors {len(errors)}  ({len(out) / args.seconds:.1f} renders/s)"
    )
    print("  " + _line("all (as load_sessions.py)", [t for _, _, t in out]))
    print("  " + _line("steady (after each session's first)", [t for k, _, t in out if k == "change"]))
    print("  " + _line("first render of each session", [t for k, _, t in out if k == "first"]))
    for page in PAGES:
        print("    " + _line(f"{page}, steady", [t for k, p, t in out if k == "change" and p == page]))
    for error in errors[:20]:
        print("  " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
