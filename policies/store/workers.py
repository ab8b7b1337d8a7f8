"""Parsing, checking and flattening the record files, chunk by chunk: in this process, or from 4,000 files in a
pool of worker processes (spawned, and safe under Streamlit), each chunk parsed while the next is read."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context

import pandas as pd

from ..records.parse import parse_action
from ..records.problems import Problem
from ..records.validate import Codebooks, Parsed, check_record
from ..records.yamlfile import YamlFile
from . import frames
from .files import Files

Progress = Callable[[int, int], None]


PARALLEL_FROM = 4_000  # action files; below this, starting processes costs more than it saves
CHUNK = 1_000


@dataclass(frozen=True)
class Header:
    """What the rules across records read of a record: its id, its links and whether it is a draft."""

    id: str
    related: tuple
    draft: bool


_WORKER: dict = {}


def parse_actions(
    files: Files,
    names: list[str],
    codebooks: Codebooks,
    texts: dict[str, str] | None,
    codebook_part: dict[str, pd.DataFrame],
    problems: list[Problem],
    progress: Progress | None,
) -> tuple[list[Parsed], dict[str, list[pd.DataFrame]]]:
    """Parse, check and flatten every record, chunk by chunk; the same code in-process or in workers."""
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)] or [[]]
    context = (codebooks, texts, codebook_part["jurisdictions"])
    workers = min(os.cpu_count() or 1, 4)
    if len(names) >= PARALLEL_FROM and workers > 1:
        # spawn, not fork: the dashboard's server process has threads, and a forked copy of their locks can hang.
        with ProcessPoolExecutor(
            workers, mp_context=get_context("spawn"), initializer=_init_worker_process, initargs=context
        ) as pool:
            with _plain_main():
                for _ in range(workers):  # every worker starts (and imports) now, while the first chunks are read
                    pool.submit(_started)
            pending = []
            for chunk in chunks:  # each chunk is parsed while the next is read: a cold disk's reads overlap the work
                pending.append(pool.submit(_parse_chunk, files.read(chunk)))
                if progress:
                    progress(min(len(names), CHUNK * sum(f.done() for f in pending)), len(names))
            results = _with_progress((f.result() for f in pending), len(names), progress)
    else:
        _init_worker(*context)
        results = _with_progress((_parse_chunk(files.read(chunk)) for chunk in chunks), len(names), progress)
    parsed: list[Parsed] = []
    chunk_frames: dict[str, list[pd.DataFrame]] = {}
    for chunk_parsed, chunk_problems, part in results:
        parsed += chunk_parsed
        problems += chunk_problems
        for name, frame in part.items():
            chunk_frames.setdefault(name, []).append(frame)
    return parsed, chunk_frames


def _started() -> None:
    """A task that does nothing: submitting one per worker makes the pool start them all."""


@contextmanager
def _plain_main():
    """A spawned worker re-imports the parent's __main__; under Streamlit that is the page script (dashboard.py),
    which must not run again in a worker. While workers start, __main__ is an empty module."""
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def _with_progress(results, total: int, progress: Progress | None) -> list:
    out = []
    for result in results:  # map yields in order, as chunks finish
        out.append(result)
        if progress:
            progress(min(total, CHUNK * len(out)), total)
    return out


def _init_worker_process(*context) -> None:
    """Workers yield to the parent, which reads the files they parse, and to the server's other sessions."""
    if hasattr(os, "nice"):
        os.nice(5)
    _init_worker(*context)


def _init_worker(codebooks: Codebooks, texts, jurisdictions: pd.DataFrame) -> None:
    _WORKER.update(codebooks=codebooks, texts=texts, jurisdictions=jurisdictions)


def _parse_chunk(items: list[tuple[str, bytes]]) -> tuple[list[Parsed], list[Problem], dict[str, pd.DataFrame]]:
    """One chunk: its records' headers (for the rules across records), their problems, and their frames."""
    problems: list[Problem] = []
    headers: list[Parsed] = []
    kept: list[Parsed] = []
    for name, blob in items:
        rec = parse_action(name, blob, problems)
        if rec is None:
            continue
        own = check_record(rec, _WORKER["codebooks"], _WORKER["texts"])
        problems += own
        if rec.action.draft:
            problems.append(
                rec.file.problem(
                    ("draft",),
                    "draft record: not shown until a curator reviews it and removes draft",
                    "warning",
                    rec.action.id,
                )
            )
        elif not any(p.severity == "error" for p in own):
            kept.append(rec)
        header = Header(rec.action.id, tuple(rec.action.related), rec.action.draft)
        headers.append(Parsed(action=header, file=_slim(rec.file), stem=rec.stem))  # type: ignore[arg-type]
    files = {rec.action.id: rec.file.display for rec in kept}
    part = frames.action_frames([rec.action for rec in kept], files, _WORKER["jurisdictions"])
    return headers, problems, part


def _slim(f: YamlFile) -> YamlFile:
    """The file without its data or bytes: the parent process has the bytes, should a line be needed."""
    return YamlFile(path=f.path, display=f.display)
