"""Rules that need more than one record: codebook ids, duplicate ids, links, evidence and quotes.

Each rule takes parsed records and returns `Problem`s naming file, line and field. The store
drops a record with an error and keeps everything else; `python -m policies validate` prints them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Action, Source
from .problems import Problem
from .yamlfile import YamlFile


@dataclass(frozen=True)
class Codebooks:
    jurisdictions: frozenset[str]
    topics: frozenset[str]
    action_types: frozenset[str]
    sources: dict[str, Source]


@dataclass(frozen=True)
class Parsed:
    """A record that passed the schema, with the file it came from (for line numbers)."""

    action: Action
    file: YamlFile
    stem: str


def check_record(rec: Parsed, books: Codebooks, texts: dict[str, str] | None) -> list[Problem]:
    """All single-record rules against the codebooks and the source registry."""
    a, f = rec.action, rec.file
    out: list[Problem] = []

    def bad(loc: tuple[object, ...], message: str) -> None:
        out.append(f.problem(loc, message, record=a.id))

    if a.id != rec.stem:
        bad(("id",), f"id {a.id!r} must equal the file name {rec.stem!r}")
    if a.jurisdiction not in books.jurisdictions:
        bad(("jurisdiction",), f"unknown jurisdiction {a.jurisdiction!r} (not in codebooks/jurisdictions.yaml)")
    for i, place in enumerate(a.places):
        if place not in books.jurisdictions:
            bad(("places", i), f"unknown jurisdiction {place!r} (not in codebooks/jurisdictions.yaml)")
    for i, topic in enumerate(a.topics):
        if topic not in books.topics:
            bad(("topics", i), f"unknown topic {topic!r} (not in codebooks/topics.yaml)")
    for i, source in enumerate(a.sources):
        if source not in books.sources:
            bad(("sources", i), f"unknown source {source!r} (not in sources.yaml)")
    for i, event in enumerate(a.events):
        if event.source and event.source not in a.sources:
            bad(("events", i, "source"), f"source {event.source!r} is not listed in the record's sources")
    if a.date not in {e.date for e in a.events}:
        bad(("date",), f"date {a.date} matches none of the events' dates")
    for i, ev in enumerate(a.evidence):
        out += _check_evidence(rec, ("evidence", i), ev.source, ev.quote, books, texts)
    provision_ids = {p.id for p in a.provisions}
    for i, prov in enumerate(a.provisions):
        for j, topic in enumerate(prov.topics):
            if topic not in books.topics:
                bad(("provisions", i, "topics", j), f"unknown topic {topic!r} (not in codebooks/topics.yaml)")
        for j, ev in enumerate(prov.evidence):
            out += _check_evidence(rec, ("provisions", i, "evidence", j), ev.source, ev.quote, books, texts)
    for i, rel in enumerate(a.related):
        if rel.action == a.id:
            bad(("related", i, "action"), "an action cannot be related to itself")
    known_fields = set(Action.model_fields) | provision_ids
    for i, dis in enumerate(a.disagreements):
        for j, about in enumerate(dis.about):
            if about not in known_fields:
                bad(("disagreements", i, "about", j), f"{about!r} is neither a provision id of this record nor a field")
        for j, source in enumerate(dis.sources):
            if source not in a.sources:
                bad(("disagreements", i, "sources", j), f"source {source!r} is not listed in the record's sources")
    return out


def _check_evidence(
    rec: Parsed,
    loc: tuple[object, ...],
    source_id: str,
    quote: str | None,
    books: Codebooks,
    texts: dict[str, str] | None,
) -> list[Problem]:
    a, f = rec.action, rec.file
    if source_id not in a.sources:
        return [
            f.problem(loc + ("source",), f"source {source_id!r} is not listed in the record's sources", record=a.id)
        ]
    source = books.sources.get(source_id)
    if source is None or quote is None:
        return []
    if not source.quotable:
        return [
            f.problem(
                loc + ("quote",),
                f"source {source_id!r} is not quotable (we do not hold its text): use paraphrase, not quote",
                record=a.id,
            )
        ]
    if texts is not None and source.seed:
        text = texts.get(source.seed)
        if text is None:
            return [
                f.problem(
                    loc + ("source",), f"source text {source.seed!r} not found among the texts given", record=a.id
                )
            ]
        if normalise(quote) not in text:
            return [
                f.problem(
                    loc + ("quote",), f"quote not found verbatim in {source.seed}: {quote[:60].rstrip()!r}", record=a.id
                )
            ]
    return []


def duplicate_ids(records: Iterable[Parsed]) -> tuple[set[str], list[Problem]]:
    by_id: dict[str, list[Parsed]] = {}
    for rec in records:
        by_id.setdefault(rec.action.id, []).append(rec)
    problems = []
    for action_id, recs in by_id.items():
        if len(recs) < 2:
            continue
        for rec in recs:
            others = ", ".join(r.file.display for r in recs if r is not rec)
            problems.append(
                rec.file.problem(("id",), f"duplicate id {action_id!r}: also used by {others}", record=action_id)
            )
    return {i for i, recs in by_id.items() if len(recs) > 1}, problems


def dangling_links(records: Iterable[Parsed], known: set[str]) -> list[Problem]:
    out = []
    for rec in records:
        for i, rel in enumerate(rec.action.related):
            if rel.action not in known:
                msg = f"related action {rel.action!r} does not exist"
                out.append(rec.file.problem(("related", i, "action"), msg, record=rec.action.id))
    return out


def link_cycles(records: list[Parsed]) -> list[Problem]:
    """A `related` chain that comes back to where it started (A responds to B responds to A) is an error."""
    graph = {rec.action.id: [r.action for r in rec.action.related] for rec in records}
    by_id = {rec.action.id: rec for rec in records}
    out: list[Problem] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    for start in sorted(graph):
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1 and child != node:  # a self-link is check_record's to report
                cycle = path[path.index(child) :] + [child]
                rec = by_id[node]
                index = graph[node].index(child)
                msg = "related links form a cycle: " + " -> ".join(cycle)
                out.append(rec.file.problem(("related", index, "action"), msg, record=node))
            elif not state.get(child) and child in graph and child != node:
                state[child] = 1
                stack.append((child, iter(graph[child])))
                path.append(child)
    return out


# --- verbatim quotes ------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "..."})


def normalise(text: str) -> str:
    """Compare quotes modulo whitespace and typographic quote marks, nothing else."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def read_texts(folder: Path) -> dict[str, str]:
    """Source texts by file name, normalised for quote matching."""
    return {
        p.name: normalise(p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(folder.glob("*.txt"))
        if p.is_file()
    }
