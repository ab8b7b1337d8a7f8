"""One YAML file's bytes to a validated model, or to problems naming file, line and field (never an exception)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from .model import Action
from .problems import Problem
from .validate import Parsed
from .yamlfile import REGISTRY_MAX_BYTES, YamlFile, fast_read


def parse_list(name: str, blob: bytes | None, model: type[BaseModel], problems: list[Problem]) -> list:
    """A registry or codebook file (a YAML list of entries): the entries that validate, each id once."""
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
        ident = cast(Any, item).id  # every registry and codebook model has an id
        if ident in seen:
            problems.append(f.problem((i, "id"), f"duplicate id {ident!r}"))
            continue
        seen.add(ident)
        out.append(item)
    return out


def parse_action(name: str, blob: bytes, problems: list[Problem]) -> Parsed | None:
    """A record file: the validated Action with its file (for line numbers), or None with its problems."""
    f = fast_read(Path(name), name, blob)
    stem = stem_of(name)
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


def stem_of(name: str) -> str:
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
