"""A snapshot: the validated frames as one file, so a deployment starts without reading or checking any YAML.

Pickled, so trusted like the disk cache: only the app's own builds (README, Security). A snapshot from other code
is refused by its code version.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from ..records.fileio import write_atomic
from .build import code_version
from .core import Store


def save_snapshot(loaded: Store, path: Path | str, force: bool = False) -> None:
    """The validated frames as one file, for deployments that should never read YAML at start (see README)."""
    write_atomic(Path(path), pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL), force=force)


def load_snapshot(path: Path | str) -> Store:
    """A snapshot written by `save_snapshot`: trusted like the cache (pickle), so only the app's own builds.

    Raises ValueError, saying what to do, for a file that is missing, not a snapshot, or built by other code
    (whose frames may lack columns or an order this code relies on).
    """
    rebuild = "rebuild it with: python -m policies snapshot DATA_DIR --out FILE --force"
    try:
        with Path(path).open("rb") as fh:
            loaded = pickle.load(fh)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the snapshot: {exc.strerror or exc}") from exc
    except Exception as exc:  # an unpickling error, or classes this code no longer has
        raise ValueError(f"{path}: not a snapshot this version can read; {rebuild}") from exc
    if not isinstance(loaded, Store):
        raise ValueError(f"{path}: not a snapshot of the store")
    if getattr(loaded, "code", None) != code_version():
        raise ValueError(f"{path}: built by another version of the tracker's code; {rebuild}")
    return loaded
