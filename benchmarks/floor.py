"""What the page benchmarks share: the one-chart hello-world app they measure the dashboard against (the floor),
the data folders they run on (the bundled data, synthetic trees of N actions) and a `streamlit run` server.

Not a benchmark itself: `first_chart.py` and `reruns.py` import it (they put benchmarks/ on sys.path).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORK = Path(os.environ.get("TMPDIR") or "/tmp") / "policies-scale"  # scale.py's trees: shared, kept

# The floor: the smallest Streamlit page with one plotly chart, as plotly's and Streamlit's own docs write it
# (plotly.express, a title, the chart at full width). Written to a temporary folder by the benchmarks.
HELLO_APP = """\
import plotly.express as px
import streamlit as st

st.title("Hello, plotly")
st.plotly_chart(px.scatter(x=[1, 2, 3, 4, 5], y=[1, 4, 9, 16, 25], title="Squares"), width="stretch")
"""


def write_hello(folder: Path) -> Path:
    path = Path(folder) / "hello_plotly.py"
    path.write_text(HELLO_APP)
    return path


def data_folders(spec: str, work: Path = DEFAULT_WORK) -> list[tuple[str, Path]]:
    """(name, folder) for each comma-separated item of `spec`: a folder path, or a number N for a synthetic tree
    of N actions (`policies.synth`, seed 0), written once into `work`/synth-N and reused (scale.py's trees)."""
    out = []
    for item in (s.strip() for s in spec.split(",") if s.strip()):
        if item.replace("_", "").isdigit():
            n = int(item.replace("_", ""))
            out.append((f"{n:,} synthetic", synthetic(n, work)))
        else:
            folder = Path(item) if Path(item).is_absolute() else ROOT / item
            if not (folder / "sources.yaml").exists():
                raise SystemExit(f"{folder}: not a data folder (no sources.yaml)")
            out.append((f"{item} (bundled)" if folder.resolve() == (ROOT / "data").resolve() else item, folder))
    return out


def synthetic(n: int, work: Path = DEFAULT_WORK) -> Path:
    tree = Path(work) / f"synth-{n}"
    if not (tree / "sources.yaml").exists():
        sys.path.insert(0, str(ROOT))
        from policies import synth

        print(f"writing {n:,} synthetic actions to {tree} ...", file=sys.stderr)
        partial = tree.with_name(tree.name + f".part{os.getpid()}")
        synth.write_tree(partial, n, seed=0)
        partial.rename(tree)
    return tree


def actions_in(folder: Path) -> int:
    return len(list((Path(folder) / "actions").rglob("*.yaml")))


def table_head(head: list[str], text_columns: int = 2) -> None:
    """Print a Markdown table's header: the first `text_columns` columns left-aligned, the figures right-aligned."""
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * text_columns + "---:|" * (len(head) - text_columns))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`streamlit run SCRIPT` on a free loopback port, stopped by its own PID (`stop`)."""

    def __init__(self, script: Path, env: dict[str, str] | None = None, log: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log or os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=dict(os.environ, **(env or {})),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"streamlit run {script.name} exited early (code {self.proc.returncode})")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"streamlit run {script.name} did not answer within 120 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
