"""Saving a curated record: as files to download, or (in curator mode, on a local checkout) into the data folder.

Curator mode is an explicit opt-in (`POLICIES_CURATOR=1`) that only holds when the server listens on this
machine's loopback address alone (so no other machine can reach it), for a request addressed to it, and never
when the dashboard runs from a snapshot (a deployment): a public server writes nothing.
A save writes the new source and places into their registries and the record into `actions/ID.yaml`, each
atomically; it never overwrites a record, and an id that could leave the folder is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records.fileio import write_atomic
from ..records.model import SLUG
from ..records.yamlfile import dump
from ..store import Store
from . import check

CURATOR_ENV = "POLICIES_CURATOR"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class Mode:
    on: bool
    reason: str  # why it is on or off, in words for the page


def curator_mode(
    environ: Mapping[str, str], host: str | None, snapshot: str | None, listening: str | None = "127.0.0.1"
) -> Mode:
    """On only when asked for, on a server only this machine can reach, for a local request, on a checkout's data
    folder. `listening` is the server's bind address (Streamlit's `server.address`; unset means every interface)."""
    if environ.get(CURATOR_ENV, "").strip().lower() not in ("1", "true", "yes"):
        return Mode(False, f"Curator mode is off (set {CURATOR_ENV}=1 on a local checkout to save into data/).")
    if snapshot:
        return Mode(False, "Curator mode is off: this dashboard runs from a snapshot, as a deployment does.")
    if _hostname(listening or "") not in LOCAL_HOSTS:
        return Mode(
            False,
            "Curator mode is off: the server listens beyond this machine "
            f"({listening or 'every interface'}); start it with --server.address 127.0.0.1 (scripts/dashboard does).",
        )
    name = _hostname(host or "")
    if name not in LOCAL_HOSTS:
        return Mode(False, f"Curator mode is off: it only works from this machine (localhost), not from {name!r}.")
    return Mode(True, "Curator mode: saving writes the record into the data folder.")


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8501
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SaveError(ValueError):
    """The record cannot be saved; the message says why, in words for the curator."""


def record_file(record: dict, curation: dict) -> str:
    """The YAML file a record is saved as: the schema's field order, with its curation block last."""
    return dump({**{k: v for k, v in record.items() if k not in ("draft", "curation")}, "curation": curation})


def registry_entries(source: dict | None, places: Sequence[dict]) -> str:
    """The source and place entries the record needs, as YAML to append to sources.yaml and the codebook."""
    parts = []
    if source:
        parts.append("# append to data/sources.yaml\n" + dump([source]))
    if places:
        parts.append("# append to data/codebooks/jurisdictions.yaml\n" + dump(list(places)))
    return "\n".join(parts)


def target(data_dir: Path, record_id: str) -> Path:
    """Where a record with this id is saved; an id that is not a plain slug is refused before any path is made."""
    if not re.fullmatch(SLUG, record_id or "") or len(record_id) > 120:
        raise SaveError(f"the id {record_id!r} is not a valid record id (lower-case words joined by hyphens)")
    folder = (data_dir / "actions").resolve()
    path = (folder / f"{record_id}.yaml").resolve()
    if path.parent != folder:
        raise SaveError(f"the id {record_id!r} would leave the actions folder")
    return path


def save(
    store: Store,
    data_dir: Path,
    record: dict,
    curation: dict,
    source: dict | None = None,
    places: Sequence[dict] = (),
) -> list[Path]:
    """Check, then write the registries' new entries and the record. Returns the files written."""
    problems = [p for p in check.check(store, record, source, places) if p.severity == "error"]
    if problems:
        raise SaveError(f"the record does not validate yet ({len(problems)} problem(s)); fix them first")
    path = target(data_dir, record["id"])
    if path.exists():
        raise SaveError(f"data/actions/{path.name} already exists: a saved record is never overwritten")
    written = []
    known_sources = set(store.sources["id"])
    if source and source["id"] not in known_sources:
        written.append(_append(data_dir / "sources.yaml", [source]))
    new_places = [p for p in places if p["id"] not in set(store.jurisdictions["id"])]
    if new_places:
        written.append(_append(data_dir / "codebooks" / "jurisdictions.yaml", new_places))
    try:
        write_atomic(path, record_file(record, curation).encode("utf-8"))
    except FileExistsError:
        raise SaveError(
            f"data/actions/{path.name} was created meanwhile: a saved record is never overwritten"
        ) from None
    os.chmod(path, 0o644)  # a record is shared data: readable like the files beside it
    return [*written, path]


def _append(registry: Path, entries: list[dict]) -> Path:
    """The registry's bytes as they are (comments kept) followed by the new entries, replaced atomically."""
    text = registry.read_text(encoding="utf-8") if registry.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    mode = registry.stat().st_mode & 0o777 if registry.exists() else 0o644
    write_atomic(registry, (text + dump(entries)).encode("utf-8"), force=True)
    os.chmod(registry, mode)
    return registry
