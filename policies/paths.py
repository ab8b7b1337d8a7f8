"""Where things are: the project's folders, found from this file alone (no other import, so any layer may use it)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
STATIC_DIR = PROJECT_DIR / "static"
TOPOJSON_DIR = STATIC_DIR / "topojson"
EVALUATION_DIR = PROJECT_DIR / "benchmarks" / "extraction"
SEEDS_DIR = PROJECT_DIR.parent / "shared" / "seeds"
DATA_DIR_ENV = "POLICIES_DATA_DIR"  # the data folder the dashboard reads (default DATA_DIR)
SNAPSHOT_ENV = "POLICIES_SNAPSHOT"  # a snapshot file a deployment starts from instead
CACHE_DIR_ENV = "POLICIES_CACHE_DIR"  # the store's disk cache (default ~/.cache/local-policy-tracker)


def data_dir() -> Path:
    """The data folder every command and the dashboard read by default: POLICIES_DATA_DIR, else DATA_DIR."""
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)
