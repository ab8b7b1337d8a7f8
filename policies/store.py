"""The store: one validated path from `data/` (YAML) to pandas frames, cached by the data's content.

    data/codebooks/*.yaml   jurisdictions, topics, action types, statuses
    data/sources.yaml       the sources registry
    data/actions/**/ID.yaml one policy action per file

`load()` never raises on bad data: it returns every valid record plus the list of problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
import sys
import types
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ValidationError

from . import frames
from .cache import Cache, stat_key
from .model import Action, ActionTypeEntry, Jurisdiction, Source, Status, Topic
from .problems import Problem
from .validate import Codebooks, Parsed, check_record, dangling_links, duplicate_ids, link_cycles, read_texts
from .yamlfile import REGISTRY_MAX_BYTES, YamlFile, fast_read

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
CODEBOOKS = {
    "jurisdictions": Jurisdiction,
    "topics": Topic,
    "action_types": ActionTypeEntry,
    "statuses": Status,
}
Progress = Callable[[int, int], None]


ACTION_ORDER = ["date", "jurisdiction", "id"]


@dataclass(frozen=True)
class Store:
    """Validated frames. Each frame is read-only by convention: views filter, never mutate.

    `actions` is in ACTION_ORDER, sorted once here so that no view sorts 100,000 rows on every rerun.
    """

    actions: pd.DataFrame
    places: pd.DataFrame
    topics: pd.DataFrame
    provisions: pd.DataFrame
    provision_topics: pd.DataFrame
    evidence: pd.DataFrame
    events: pd.DataFrame
    related: pd.DataFrame
    disagreements: pd.DataFrame
    citations: pd.DataFrame
    sources: pd.DataFrame
    jurisdictions: pd.DataFrame
    topic_codebook: pd.DataFrame
    action_types: pd.DataFrame
    statuses: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    fingerprint: str = ""
    code: str = ""  # code_version() of the code that built it
    files: int = 0
    as_of: dt.date | None = None
    extra: dict = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def rows_for(self, long: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
        """The rows of a long frame (places, topics, provisions, ...) that belong to `actions`, a subset of
        `self.actions` with its index: an array lookup by position, not a string comparison per row."""
        return long[self._mask(actions.index.to_numpy())[self.positions(long)]]

    def having(self, long: pd.DataFrame, selected: pd.Series) -> pd.Series:
        """Over `self.actions`: True for the actions with at least one selected row in the long frame."""
        codes = self.positions(long)[selected.to_numpy()]
        return pd.Series(self._mask(codes[codes >= 0])[:-1], index=self.actions.index)

    def jurisdiction_names(self, ids) -> dict[str, str]:
        """Names of these jurisdiction ids (those in the codebook)."""
        book = self.jurisdictions
        found = book[book["id"].isin(list(ids))]
        return dict(zip(found["id"], found["name"]))

    def of_actions(self, long: pd.DataFrame, column: str) -> np.ndarray:
        """For each row of a long frame (from `rows_for`: every row has an action), its action's `column`."""
        return self.actions[column].to_numpy()[self.positions(long)]

    def _mask(self, positions) -> np.ndarray:
        mask = np.zeros(len(self.actions) + 1, dtype=bool)  # the extra slot answers code -1 (no action): False
        mask[positions] = True
        return mask

    def positions(self, long: pd.DataFrame) -> np.ndarray:
        """Each row's action as a position in `actions` (-1 for none)."""
        column = long["action_id"]
        if isinstance(column.dtype, pd.CategoricalDtype) and len(column.cat.categories) == len(self.actions):
            return column.cat.codes.to_numpy()
        return pd.Categorical(column.astype(str), categories=self.actions["id"]).codes


LONG_FRAMES = (
    "places",
    "topics",
    "provisions",
    "provision_topics",
    "evidence",
    "events",
    "related",
    "disagreements",
    "citations",
)


def load(
    data_dir: Path | str = DATA_DIR,
    *,
    texts_dir: Path | str | None = None,
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Store:
    """Load and validate `data_dir`. With `texts_dir`, evidence quotes are checked against those texts."""
    data_dir = Path(data_dir)
    names, problems = _list_files(data_dir)
    files = _Files(data_dir, names, problems)
    texts = read_texts(Path(texts_dir)) if texts_dir else None
    cache = Cache(cache_dir, data_dir) if use_cache else None
    stats = stat_key(data_dir, names, code_version() + _texts_key(texts)) if cache else None
    if cache:
        cached = cache.by_stats(stats)
        if cached is None and cache.has_entries():
            # Only then is reading every file before parsing worth it: the content key may find a cached build.
            # Otherwise files are read as the parse needs them, so a cold disk's reads overlap the parsing.
            files.read_all()
            cached = cache.by_content(files.fingerprint(texts), stats)
        if isinstance(cached, Store):
            return cached
    store = _build(data_dir, files, texts, problems, progress)
    if cache:
        cache.put(store.fingerprint, stats, store)
    return store


def save_snapshot(loaded: Store, path: Path | str, force: bool = False) -> None:
    """The validated frames as one file, for deployments that should never read YAML at start (see README)."""
    from .fileio import write_atomic

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


# --- reading --------------------------------------------------------------------------------


def _list_files(data_dir: Path) -> tuple[list[str], list[Problem]]:
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


@functools.cache
def code_version() -> str:
    """A hash of the code that turns records into frames: a cache entry or snapshot from other code is not used."""
    digest = hashlib.blake2b(digest_size=16)
    for module in ("model.py", "validate.py", "store.py", "frames.py", "yamlfile.py", "status.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def _texts_key(texts: dict[str, str] | None) -> str:
    """The source texts quotes were checked against, as part of a cache key."""
    digest = hashlib.blake2b(digest_size=16)
    for name, text in sorted((texts or {}).items()):
        digest.update(b"text:" + name.encode() + b"\0" + text.encode())
    return digest.hexdigest() if texts is not None else "no-texts"


class _Files:
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

    def fingerprint(self, texts: dict[str, str] | None) -> str:
        """The content key: the code that builds the store, every file (name and bytes) and the texts."""
        self.read([name for name in self.names if name not in self._blobs])
        digest = hashlib.blake2b((code_version() + _texts_key(texts)).encode(), digest_size=16)
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


# --- parsing and validation -----------------------------------------------------------------


REGISTRY = ("sources.yaml", *(f"codebooks/{name}.yaml" for name in CODEBOOKS))


def _build(
    data_dir: Path,
    files: _Files,
    texts: dict[str, str] | None,
    problems: list[Problem],
    progress: Progress | None,
) -> Store:
    if not files.names:
        if data_dir.is_dir():
            problems.append(Problem(str(data_dir), None, "", "no .yaml files found in the data folder"))
        empty = frames.build([], {}, {name: [] for name in CODEBOOKS}, [])
        return Store(**empty, problems=tuple(problems), fingerprint=files.fingerprint(texts), code=code_version())
    books: dict[str, list[BaseModel]] = {}
    for name, model in CODEBOOKS.items():
        books[name] = _parse_list(files, f"codebooks/{name}.yaml", model, problems)
    sources = _parse_list(files, "sources.yaml", Source, problems)
    codebooks = Codebooks(
        jurisdictions=frozenset(j.id for j in books["jurisdictions"]),
        topics=frozenset(t.id for t in books["topics"]),
        action_types=frozenset(t.id for t in books["action_types"]),
        sources={s.id: s for s in sources},
    )
    for jur in books["jurisdictions"]:
        if jur.parent and jur.parent not in codebooks.jurisdictions:
            problems.append(
                Problem("codebooks/jurisdictions.yaml", None, f"{jur.id}.parent", f"unknown parent {jur.parent!r}")
            )

    action_files = [name for name in files.names if name.startswith("actions/")]
    codebook_part = frames.codebook_frames(books, sources)
    for name in files.names:
        if not name.startswith("actions/") and name not in REGISTRY:
            problems.append(
                Problem(
                    name,
                    None,
                    "",
                    "not part of the data layout (actions/, codebooks/, sources.yaml); ignored",
                    "warning",
                )
            )

    parsed, chunk_frames = _parse_actions(files, action_files, codebooks, texts, codebook_part, problems, progress)
    for rec in parsed:  # lines for the rules across records are found from the bytes, if a problem needs one
        rec.file.raw = files.get(rec.file.display)
    dup_ids, dup_problems = duplicate_ids(parsed)
    problems += dup_problems
    # A record that failed to parse still exists: links to it are not "dangling".
    known = {rec.action.id for rec in parsed} | {_stem(name) for name in action_files}
    problems += dangling_links(parsed, known)
    problems += link_cycles(parsed)
    dropped = {p.record for p in problems if p.severity == "error" and p.record} | dup_ids
    action_part = {name: _without(pd.concat(parts, ignore_index=True), dropped) for name, parts in chunk_frames.items()}
    action_part["actions"] = action_part["actions"].sort_values(ACTION_ORDER, ignore_index=True)
    ids = action_part["actions"]["id"]
    for name in LONG_FRAMES:  # the action as a position in `actions`: filtering a view is then an array lookup
        action_part[name]["action_id"] = pd.Categorical(action_part[name]["action_id"].astype(str), categories=ids)
    last_verified = action_part["actions"]["last_verified"]
    key = files.fingerprint(texts)
    return Store(
        **codebook_part,
        **action_part,
        problems=tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))),
        fingerprint=key,
        code=code_version(),
        files=files.count(),
        as_of=last_verified.max().date() if len(last_verified) else None,
    )


# --- records, in chunks (in worker processes for large trees) --------------------------------------

PARALLEL_FROM = 4_000  # action files; below this, starting processes costs more than it saves
CHUNK = 1_000


@dataclass(frozen=True)
class Header:
    """What the rules across records read of a record: its id, its links and whether it is a draft."""

    id: str
    related: tuple
    draft: bool


_WORKER: dict = {}


def _parse_actions(
    files: _Files,
    names: list[str],
    codebooks: Codebooks,
    texts: dict[str, str] | None,
    codebook_part: dict[str, pd.DataFrame],
    problems: list[Problem],
    progress: Progress | None,
) -> tuple[list[Parsed], dict[str, list[pd.DataFrame]]]:
    """Parse, check and flatten every record, chunk by chunk; the same code in-process or in workers."""
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)] or [[]]
    context = (codebooks, texts, codebook_part["jurisdictions"], codebook_part["statuses"])
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


def _init_worker(codebooks: Codebooks, texts, jurisdictions: pd.DataFrame, statuses: pd.DataFrame) -> None:
    _WORKER.update(codebooks=codebooks, texts=texts, jurisdictions=jurisdictions, statuses=statuses)


def _parse_chunk(items: list[tuple[str, bytes]]) -> tuple[list[Parsed], list[Problem], dict[str, pd.DataFrame]]:
    """One chunk: its records' headers (for the rules across records), their problems, and their frames."""
    problems: list[Problem] = []
    headers: list[Parsed] = []
    kept: list[Parsed] = []
    for name, blob in items:
        rec = _parse_action(name, blob, problems)
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
    part = frames.action_frames([rec.action for rec in kept], files, _WORKER["jurisdictions"], _WORKER["statuses"])
    return headers, problems, part


def _slim(f: YamlFile) -> YamlFile:
    """The file without its data or bytes: the parent process has the bytes, should a line be needed."""
    return YamlFile(path=f.path, display=f.display)


def _without(frame: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    if not ids or frame.empty:
        return frame
    column = "id" if "id" in frame.columns else "action_id"
    return frame[~frame[column].isin(ids)].reset_index(drop=True)


def _parse_list(files: _Files, name: str, model: type[BaseModel], problems: list[Problem]) -> list:
    blob = files.get(name)
    if blob is None:
        problems.append(Problem(name, None, "", "missing: the data folder must contain this file"))
        return []
    f = fast_read(Path(name), name, blob, limit=REGISTRY_MAX_BYTES)
    problems += f.problems
    if f.data is None and not f.problems:
        f.data = []
    if not isinstance(f.data, list):
        if f.data is not None:
            problems.append(f.problem((), "must be a list of entries"))
        return []
    out, seen = [], set()
    for i, entry in enumerate(f.data):
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            problems += _schema_problems(f, exc, (i,), None)
            continue
        if item.id in seen:
            problems.append(f.problem((i, "id"), f"duplicate id {item.id!r}"))
            continue
        seen.add(item.id)
        out.append(item)
    return out


def _parse_action(name: str, blob: bytes, problems: list[Problem]) -> Parsed | None:
    f = fast_read(Path(name), name, blob)
    stem = _stem(name)
    if f.problems:
        problems += [_tag(p, stem) for p in f.problems]
        return None
    if not isinstance(f.data, dict):
        problems.append(f.problem((), "a record must be a mapping of fields (id, title, ...)", record=stem))
        return None
    try:
        action = Action.model_validate(f.data)
    except ValidationError as exc:
        problems += _schema_problems(f, exc, (), stem)
        return None
    return Parsed(action=action, file=f, stem=stem)


def _stem(name: str) -> str:
    """A listed file's name without folder and .yaml (Path.stem, without building a Path for each of 100,000)."""
    return name.rpartition("/")[2].removesuffix(".yaml")


def _tag(problem: Problem, record: str) -> Problem:
    return Problem(problem.file, problem.line, problem.field, problem.message, problem.severity, record)


def _schema_problems(f: YamlFile, exc: ValidationError, prefix: tuple, record: str | None) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "extra_forbidden":
            message = "unknown field (not in the schema; check the spelling)"
        elif "input" in err and err["type"] not in ("model_type",) and not isinstance(err["input"], (dict, list)):
            message += f" (got {str(err['input'])[:60]!r})"
        out.append(f.problem(loc, message, record=record))
    return out
