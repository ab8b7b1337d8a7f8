"""Reading a data folder: its .yaml files listed once, each read once when first needed, and the content key."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..records.problems import Problem


def list_files(data_dir: Path) -> tuple[list[str], list[Problem]]:
    """The .yaml files under `data_dir` as sorted relative names; folders and files starting with a dot are
    left out, and symlinked folders are never entered (as os.walk does)."""
    if not data_dir.is_dir():
        return [], [Problem(str(data_dir), None, "", "data folder not found")]
    root = data_dir.resolve()
    problems: list[Problem] = []
    names: list[str] = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(data_dir / folder))
        except OSError as exc:
            problems.append(Problem(folder.rstrip("/") or ".", None, "", f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:  # scandir's entries answer is_dir/is_symlink without another system call
            rel = folder + entry.name
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if not entry.is_symlink():
                    folders.append(rel + "/")
            elif entry.is_symlink() and not Path(entry.path).resolve().is_relative_to(root):
                problems.append(Problem(rel, None, "", "symlink points outside the data folder; ignored"))
            elif not entry.name.endswith(".yaml"):
                hint = " (rename to .yaml)" if entry.name.endswith(".yml") else ""
                problems.append(Problem(rel, None, "", f"not a .yaml file; ignored{hint}", "warning"))
            else:
                names.append(rel)
    return sorted(names), problems


class Files:
    """The data folder's files, each read once, when first needed, and kept: the content key and the line
    numbers of problems found across records are taken from these bytes."""

    def __init__(self, data_dir: Path, names: list[str], problems: list[Problem]) -> None:
        self.data_dir, self.names, self._problems = data_dir, names, problems
        self._listed = frozenset(names)
        self._blobs: dict[str, bytes | None] = {}  # None: could not be read (a problem says why)

    def read(self, names: list[str]) -> list[tuple[str, bytes]]:
        """Those of `names` that can be read, with their bytes."""
        out = []
        for name in names:
            if name not in self._blobs:
                self._blobs[name] = self._read(name)
            blob = self._blobs[name]
            if blob is not None:
                out.append((name, blob))
        return out

    def read_all(self) -> None:
        self.read(self.names)

    def get(self, name: str) -> bytes | None:
        """The bytes of a listed file; None if it is not listed or cannot be read."""
        if name not in self._listed:
            return None
        found = self.read([name])
        return found[0][1] if found else None

    def count(self) -> int:
        """How many files were read."""
        return sum(blob is not None for blob in self._blobs.values())

    def fingerprint(self, salt: str) -> str:
        """The content key: `salt` (the code that builds the store and the texts quotes are checked against) and
        every file, name and bytes."""
        self.read([name for name in self.names if name not in self._blobs])
        digest = hashlib.blake2b(salt.encode(), digest_size=16)
        for name in self.names:
            blob = self._blobs[name]
            if blob is not None:
                digest.update(name.encode() + b"\0" + len(blob).to_bytes(8, "little") + blob)
        return digest.hexdigest()

    def _read(self, name: str) -> bytes | None:
        try:
            with open(os.path.join(self.data_dir, name), "rb") as fh:
                return fh.read()
        except OSError as exc:
            self._problems.append(Problem(name, None, "", f"cannot read file: {exc.strerror or exc}"))
            return None
