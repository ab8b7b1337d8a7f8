"""Load times of a data folder: cold (YAML → validated frames), warm from the disk cache, and in-process.

    .venv/bin/python benchmarks/load.py [DATA_DIR] [--repeat 5]

Cold parses and validates every file; warm is a load once the disk cache exists (found by the files' sizes and
times when none changed in the last two seconds, else by their content). A dashboard rerun pays neither: the
store is held in memory, once per server process.
Prints a table; run by hand, never as a timed test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import timed

from policies import store
from policies.paths import DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DATA_DIR))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as cache:
        cold, loaded = timed(lambda: store.load(args.data_dir, use_cache=False), args.repeat)
        store.load(args.data_dir, cache_dir=cache)  # writes the cache
        warm, _ = timed(lambda: store.load(args.data_dir, cache_dir=cache), args.repeat)

    print(f"{len(loaded.actions):,} actions from {loaded.files:,} files in {args.data_dir} (median of {args.repeat})")
    print(f"{'load':<34}{'ms':>10}")
    for label, seconds in (
        ("cold: YAML -> validated frames", cold),
        ("warm: disk cache (new process)", warm),
    ):
        print(f"{label:<34}{seconds * 1000:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
