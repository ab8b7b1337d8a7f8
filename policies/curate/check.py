"""A record being curated, checked by the same rules the store applies, with each problem at its field.

The record is written out as the YAML file it would be saved as and read back by the store's own parser and
record rules, against the store's codebooks plus the new places and the source entry the curator is adding:
what passes here loads in the dashboard, and a problem reads exactly as `python -m policies validate` says it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable

from pydantic import ValidationError

from ..records.model import SLUG, Jurisdiction, Source
from ..records.parse import parse_action
from ..records.problems import Problem, field_path
from ..records.validate import Codebooks, check_record
from ..records.yamlfile import dump
from ..store import Store

SOURCE = "source"  # field prefix of problems in the source entry
PLACES = "new_places"  # field prefix of problems in a new jurisdiction entry


_REGISTRIES: dict[tuple[str, str], dict[str, Source]] = {}  # (content, code) -> the registry as models


def registry(store: Store) -> dict[str, Source]:
    """The store's sources as the validator's models, made once per data version (the desk checks every draft on
    every rerun; rebuilding hundreds of models each time would be most of a keystroke's cost)."""
    key = (store.fingerprint, store.code)
    found = _REGISTRIES.get(key) if store.fingerprint else None
    if found is None:
        found = {
            row["id"]: Source.model_validate({k: v for k, v in row.items() if v is not None and v == v})
            for row in store.sources.to_dict("records")
        }
        if store.fingerprint:
            _REGISTRIES.clear()  # one data version at a time: a save makes the old one stale
            _REGISTRIES[key] = found
    return found


def codebooks(store: Store, places: Iterable[dict] = (), source: dict | None = None) -> Codebooks:
    """The store's codebooks and source registry, with the entries the curator is adding."""
    sources = dict(registry(store))
    if source:
        with contextlib.suppress(ValidationError, KeyError):  # its problems are check_source's to report
            sources[source["id"]] = Source.model_validate(source)
    return Codebooks(
        jurisdictions=frozenset(store.jurisdictions["id"]) | {p["id"] for p in places},
        topics=frozenset(store.topic_codebook["id"]),
        action_types=frozenset(store.action_types["id"]),
        sources=sources,
    )


def check(store: Store, record: dict, source: dict | None = None, places: Iterable[dict] = ()) -> list[Problem]:
    """Every problem the store would report for this record (and its new source and places), plus the ones that
    only a new record has: an id already taken, a source id already in the registry with other details."""
    places = list(places)
    problems = check_source(store, source) if source else []
    problems += check_places(store, places)
    record_id = str(record.get("id") or "")
    name = f"actions/{record_id}.yaml" if _slug(record_id) else "actions/(new record).yaml"
    blob = dump(record).encode("utf-8")
    found: list[Problem] = []
    parsed = parse_action(name, blob, found)
    if parsed is not None:
        found += check_record(parsed, codebooks(store, places, source), None)
    problems += found
    if record_id and record_id in store.labels.actions:
        problems.append(Problem(name, None, "id", f"a record with id {record_id!r} already exists: choose another id"))
    return problems


def check_source(store: Store, source: dict) -> list[Problem]:
    """The source entry as the registry's schema reads it; an id the registry has must be that same source."""
    out: list[Problem] = []
    try:
        entry = Source.model_validate(source)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            where = field_path((SOURCE, *err["loc"])) if err["loc"] else SOURCE
            message = "required field is missing" if err["type"] == "missing" else err["msg"]
            out.append(Problem("sources.yaml", None, where, message.removeprefix("Value error, ")))
        return out
    known = store.sources[store.sources["id"] == entry.id]
    if len(known) and (known.iloc[0]["url"] or None) != entry.url:
        out.append(
            Problem(
                "sources.yaml",
                None,
                f"{SOURCE}.id",
                f"source id {entry.id!r} is already in the registry for another address: choose another id",
            )
        )
    return out


def check_places(store: Store, places: list[dict]) -> list[Problem]:
    out: list[Problem] = []
    known = set(store.jurisdictions["id"])
    adding = {p.get("id") for p in places}
    for i, place in enumerate(places):
        try:
            entry = Jurisdiction.model_validate(place)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = field_path((PLACES, i, *err["loc"]))
                out.append(Problem("codebooks/jurisdictions.yaml", None, where, err["msg"]))
            continue
        if entry.id in known:
            where = field_path((PLACES, i, "id"))
            out.append(Problem("codebooks/jurisdictions.yaml", None, where, f"{entry.id!r} is already in the codebook"))
        if entry.parent and entry.parent not in known | adding:
            where = field_path((PLACES, i, "parent"))
            out.append(Problem("codebooks/jurisdictions.yaml", None, where, f"unknown parent {entry.parent!r}"))
    return out


# The schema's messages as a curator would say them (pydantic's wording names types, not what to do).
_PLAIN = (
    (
        re.compile(r"^String should have at least (\d+) characters? \(got ''\)$"),
        r"is empty: write at least \1 characters",
    ),
    (re.compile(r"^String should have at least (\d+) characters?.*"), r"is too short: write at least \1 characters"),
    (re.compile(r"^String should have at most (\d+) characters?.*"), r"is too long: at most \1 characters"),
    (re.compile(r"^List should have at least 1 item.*"), "needs at least one entry"),
    (re.compile(r"^String should match pattern .*"), "must be lower-case words joined by hyphens"),
    (re.compile(r"^Input should be a valid date.*"), "must be a date (YYYY-MM-DD)"),
    (re.compile(r"^Input should be (.*)$"), r"must be \1"),
)


def plain(message: str) -> str:
    for pattern, words in _PLAIN:
        if pattern.match(message):
            return pattern.sub(words, message)
    return message


def where(field: str) -> str:
    """'provisions[0].evidence[1].paraphrase' -> 'provision 1 › evidence 2 › paraphrase'."""
    parts = re.findall(r"([a-z_]+)|\[(\d+)\]", field)
    out: list[str] = []
    for name, index in parts:
        if index:
            out[-1] = f"{out[-1].removesuffix('s')} {int(index) + 1}" if out else index
        else:
            out.append(name.replace("_", " "))
    return " › ".join(out)


def by_field(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """Problems grouped by the top-level field they concern ('provisions[0].text' -> 'provisions'), in plain
    words without file and line (the desk shows each beside its field)."""
    out: dict[str, list[str]] = {}
    for p in problems:
        top = p.field.split("[", 1)[0].split(".", 1)[0] or "record"
        detail = where(p.field) if p.field != top else ""
        message = plain(p.message)
        out.setdefault(top, []).append(f"{detail}: {message}" if detail else message)
    return out


def _slug(text: str) -> bool:
    return bool(re.fullmatch(SLUG, text)) and len(text) <= 120
