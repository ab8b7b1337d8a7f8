"""The store's disk cache: one built store per data folder, found by the data's content, or, when no file has
changed since it was built, by the files' sizes and modification times alone (as make, rsync and git do).

An entry is `store-<folder>-<content key>-<stat key>.pickle`; a new build replaces the folder's old entry.
Entries are pickles, trusted like the code itself (README, Security). A read-only or missing cache directory
only means there is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path

# A file modified this recently may be modified again within one tick of its timestamp, same size, and look
# unchanged: such a tree is not trusted by its stats (its content decides, which means reading every file).
FRESH_NS = 2_000_000_000
UNSURE = "unsure"  # the stat key of an entry built from such a tree: never matched


def stat_key(data_dir: Path, names: list[str], salt: str) -> str | None:
    """A hash of `salt` and every file's name, size and modification time; None when a file cannot be
    looked at or changed in the last two seconds (or has a time in the future)."""
    newest = time.time_ns() - FRESH_NS
    rows = [salt]
    try:
        folder = os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        for name in names:
            info = os.stat(name, dir_fd=folder)  # relative to the folder: no path joined per file
            if info.st_mtime_ns > newest:
                return None
            rows.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}")
    except OSError:
        return None
    finally:
        os.close(folder)
    return hashlib.blake2b("\n".join(rows).encode(), digest_size=16).hexdigest()


class Cache:
    def __init__(self, cache_dir: Path | str | None, data_dir: Path) -> None:
        self.dir = Path(
            cache_dir or os.environ.get("POLICIES_CACHE_DIR") or Path.home() / ".cache" / "local-policy-tracker"
        )
        self.folder = hashlib.blake2b(str(data_dir.resolve()).encode(), digest_size=6).hexdigest()

    def has_entries(self) -> bool:
        return bool(self._entries())

    def by_stats(self, stats: str | None) -> object | None:
        """The entry built from files with exactly these stats: found without reading a file."""
        found = self._entries(stats=stats) if stats else []
        return _read(found[0]) if found else None

    def by_content(self, key: str, stats: str | None) -> object | None:
        """The entry built from this content; relabelled with `stats`, so the next load needs no reading."""
        found = self._entries(content=key)
        if not found:
            return None
        value = _read(found[0])
        if value is not None and stats:
            with contextlib.suppress(OSError):
                found[0].rename(self._path(key, stats))
        return value

    def put(self, key: str, stats: str | None, value: object) -> None:
        """Atomic write, then the folder's other entries go."""
        target = self._path(key, stats or UNSURE)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.dir, delete=False) as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fh.name, target)
            for old in self._entries():
                if old != target:
                    old.unlink(missing_ok=True)
        except OSError:
            pass

    def _path(self, key: str, stats: str) -> Path:
        return self.dir / f"store-{self.folder}-{key}-{stats}.pickle"

    def _entries(self, content: str = "*", stats: str = "*") -> list[Path]:
        return sorted(self.dir.glob(f"store-{self.folder}-{content}-{stats}.pickle"))


def _read(path: Path) -> object | None:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, stale or truncated: rebuilt, never trusted
        return None
