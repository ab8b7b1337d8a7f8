"""Loading: one validated path from a data folder (YAML) to the store's frames, cached by the data's content.

    data/codebooks/*.yaml   jurisdictions, topics, action types, statuses
    data/sources.yaml       the sources registry
    data/actions/**/ID.yaml one policy action per file

`load()` never raises on bad data: it returns every valid record plus the list of problems.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from ..paths import DATA_DIR
from ..records.model import ActionTypeEntry, Jurisdiction, Research, Source, Status, Topic
from ..records.parse import parse_list, stem_of
from ..records.problems import Problem
from ..records.validate import Codebooks, dangling_links, duplicate_ids, link_cycles, read_texts
from . import frames
from .cache import Cache, stat_key
from .core import ACTION_ORDER, LONG_FRAMES, Store
from .files import Files, list_files
from .labels import Labels
from .workers import Progress, parse_actions

CODEBOOKS: dict[str, type[BaseModel]] = {
    "jurisdictions": Jurisdiction,
    "topics": Topic,
    "action_types": ActionTypeEntry,
    "statuses": Status,
}


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
    names, problems = list_files(data_dir)
    files = Files(data_dir, names, problems)
    texts = read_texts(Path(texts_dir)) if texts_dir else None
    cache = Cache(cache_dir, data_dir) if use_cache else None
    stats = stat_key(data_dir, names, _salt(texts)) if cache else None
    if cache:
        cached = cache.by_stats(stats)
        if cached is None and cache.has_entries():
            # Only then is reading every file before parsing worth it: the content key may find a cached build.
            # Otherwise files are read as the parse needs them, so a cold disk's reads overlap the parsing.
            files.read_all()
            cached = cache.by_content(files.fingerprint(_salt(texts)), stats)
        if isinstance(cached, Store):
            return cached
    store = _build(data_dir, files, texts, problems, progress)
    if cache:
        cache.put(store.fingerprint, stats, store)
    return store


@functools.cache
def code_version() -> str:
    """A hash of the code that turns records into frames: a cache entry or snapshot from other code is not used."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for module in sorted([*package.glob("records/*.py"), *package.glob("store/*.py")]):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def _texts_key(texts: dict[str, str] | None) -> str:
    """The source texts quotes were checked against, as part of a cache key."""
    digest = hashlib.blake2b(digest_size=16)
    for name, text in sorted((texts or {}).items()):
        digest.update(b"text:" + name.encode() + b"\0" + text.encode())
    return digest.hexdigest() if texts is not None else "no-texts"


def _salt(texts: dict[str, str] | None) -> str:
    return code_version() + _texts_key(texts)


def _labels(part: dict[str, pd.DataFrame]) -> Labels:
    return Labels.of(
        part["jurisdictions"], part["topic_codebook"], part["action_types"], part["statuses"], part["actions"]["id"]
    )


# --- parsing and validation -----------------------------------------------------------------


RESEARCH = "research.yaml"  # optional: the places looked into, and when
REGISTRY = ("sources.yaml", RESEARCH, *(f"codebooks/{name}.yaml" for name in CODEBOOKS))


def _build(
    data_dir: Path,
    files: Files,
    texts: dict[str, str] | None,
    problems: list[Problem],
    progress: Progress | None,
) -> Store:
    if not files.names:
        if data_dir.is_dir():
            problems.append(Problem(str(data_dir), None, "", "no .yaml files found in the data folder"))
        empty = frames.build([], {}, {name: [] for name in CODEBOOKS}, [])
        return Store(
            **empty,
            problems=tuple(problems),
            fingerprint=files.fingerprint(_salt(texts)),
            code=code_version(),
            labels=_labels(empty),
        )
    books: dict[str, list[Any]] = {}  # each its codebook's model
    for name, model in CODEBOOKS.items():
        books[name] = parse_list(f"codebooks/{name}.yaml", files.get(f"codebooks/{name}.yaml"), model, problems)
    sources = parse_list("sources.yaml", files.get("sources.yaml"), Source, problems)
    research = parse_list(RESEARCH, files.get(RESEARCH), Research, problems) if files.get(RESEARCH) else []
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

    for entry in research:
        if entry.id not in codebooks.jurisdictions:
            problems.append(Problem(RESEARCH, None, f"{entry.id}.id", f"unknown jurisdiction {entry.id!r}"))

    for kind in books["action_types"]:
        for topic in kind.default_topics:
            if topic not in codebooks.topics:
                field = f"{kind.id}.default_topics"
                problems.append(Problem("codebooks/action_types.yaml", None, field, f"unknown topic {topic!r}"))

    action_files = [name for name in files.names if name.startswith("actions/")]
    codebook_part = frames.codebook_frames(books, sources, research)
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

    parsed, chunk_frames = parse_actions(files, action_files, codebooks, texts, codebook_part, problems, progress)
    for rec in parsed:  # lines for the rules across records are found from the bytes, if a problem needs one
        rec.file.raw = files.get(rec.file.display)
    dup_ids, dup_problems = duplicate_ids(parsed)
    problems += dup_problems
    # A record that failed to parse still exists: links to it are not "dangling".
    known = {rec.action.id for rec in parsed} | {stem_of(name) for name in action_files}
    problems += dangling_links(parsed, known)
    problems += link_cycles(parsed)
    dropped = {p.record for p in problems if p.severity == "error" and p.record} | dup_ids
    action_part = {name: _without(pd.concat(parts, ignore_index=True), dropped) for name, parts in chunk_frames.items()}
    action_part["actions"] = action_part["actions"].sort_values(ACTION_ORDER, ignore_index=True)
    ids = action_part["actions"]["id"]
    for name in LONG_FRAMES:  # the action as a position in `actions`: filtering a view is then an array lookup
        action_part[name]["action_id"] = pd.Categorical(action_part[name]["action_id"].astype(str), categories=ids)
    last_verified = action_part["actions"]["last_verified"]
    key = files.fingerprint(_salt(texts))
    return Store(
        **codebook_part,
        **action_part,
        problems=tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))),
        fingerprint=key,
        code=code_version(),
        files=files.count(),
        as_of=last_verified.max().date() if len(last_verified) else None,
        labels=_labels(codebook_part | action_part),
    )


def _without(frame: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    if not ids or frame.empty:
        return frame
    column = "id" if "id" in frame.columns else "action_id"
    return frame[~frame[column].isin(ids)].reset_index(drop=True)
