"""The review desk as a file: an article's proposals written out for a curator to edit, then read back, checked
and saved by the same functions the desk page uses.

    python -m policies curate ARTICLE --review REVIEW.yaml            # write the proposals to edit
    python -m policies curate ARTICLE --review REVIEW.yaml --check    # problems by record and field
    python -m policies curate ARTICLE --review REVIEW.yaml --save     # write the valid records into data/

The review file keeps each record beside the draft it came from (`draft: N`), so the saved record's
`curation` block says which fields the curator kept, as the page does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..extract import Extraction
from ..records.yamlfile import dump, read_yaml
from ..store import Store, load
from . import check, proposal, save

HEADER = """\
# Review of {name}: edit each record (write summary and provision evidence in our own words; fix what the
# draft got wrong), set keep: false for a draft that is not an action, add records the extractor missed with
# draft: null. Then: python -m policies curate ARTICLE --review THIS_FILE --check (or --save).
"""


@dataclass(frozen=True)
class Reviewed:
    number: int | None  # the draft it started from; None for a record the curator added
    record: dict
    places: list[dict]  # the review's new places (saved with the first record)
    problems: list[str]


def template(extraction: Extraction, known: Mapping[str, str], url: str | None, today: dt.date) -> str:
    """The proposals as a review file to edit."""
    source, proposals = proposal.propose(extraction, known, url=url, today=today)
    doc = {
        "warnings": extraction.warnings,  # e.g. no publication date: relative dates are left for you to fix
        "source": source.entry(),
        "source_origin": source.origin,
        "records": [
            {
                "draft": p.number,
                "keep": True,
                "origin": p.origin,
                "article_says": p.sentences + p.provision_sentences,
                "record": p.record,
                "new_places": p.new_places,
            }
            for p in proposals
        ],
    }
    return HEADER.format(name=extraction.article.name) + dump(doc)


class ReviewError(ValueError):
    """The review file cannot be read; the message names it and what is wrong."""


def read(path: Path) -> dict:
    f = read_yaml(path)
    if f.problems:
        raise ReviewError("; ".join(str(p) for p in f.problems))
    if not isinstance(f.data, dict) or not isinstance(f.data.get("records"), list):
        raise ReviewError(f"{path}: a review file is a mapping with `source` and a list of `records`")
    return f.data


def checked(store: Store, review: dict) -> list[Reviewed]:
    """Every kept record with its problems (empty when it would load without one)."""
    source = _dates(review["source"]) if isinstance(review.get("source"), dict) else None
    kept = []
    for i, entry in enumerate(review["records"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("record"), dict):
            raise ReviewError(f"records[{i}]: needs a `record` mapping")
        if entry.get("keep", True) is not False:
            kept.append(entry)
    # The article's new places serve every record of it: each is saved with the first record that needs it.
    known = set(store.jurisdictions["id"])
    places = list({p["id"]: p for e in kept for p in map(_dates, e.get("new_places") or []) if p.get("id")}.values())
    places = [p for p in places if p["id"] not in known]
    out = []
    for entry in kept:
        record = _dates(entry["record"])
        needed = proposal.needed_places(places, record, known)
        problems = [
            f"{p.field or 'record'}: {check.plain(p.message)}" for p in check.check(store, record, source, needed)
        ]
        number = entry.get("draft")
        out.append(Reviewed(number if isinstance(number, int) else None, record, places, problems))
    return out


def save_all(
    store: Store, data_dir: Path, extraction: Extraction, known: Mapping[str, str], review: dict, today: dt.date
) -> list[Path]:
    """Save every kept record (all must validate first), each with its curation block against its draft."""
    rows = checked(store, review)
    bad = [f"{r.record.get('id')}: {m}" for r in rows for m in r.problems]
    if bad:
        raise save.SaveError("not saved, the review has problems:\n" + "\n".join(bad))
    _, proposals = proposal.propose(extraction, known, url=(review.get("source") or {}).get("url"), today=today)
    by_number = {p.number: p for p in proposals}
    written: list[Path] = []
    source = _dates(review["source"]) if isinstance(review.get("source"), dict) else None
    for row in rows:
        current = store if not written else _reload(data_dir)
        curation = proposal.curation(by_number.get(row.number) if row.number else None, row.record, today)
        places = proposal.needed_places(row.places, row.record, set(current.jurisdictions["id"]))
        written += save.save(current, data_dir, row.record, curation, source, places)
    return written


def _reload(data_dir: Path) -> Store:
    return load(data_dir, use_cache=False)  # the records and places saved a moment ago are known now


def _dates(mapping: dict) -> dict:
    """YAML read as text keeps dates as strings (so a bad one is a field error): turn ISO dates back into dates."""

    def convert(value: object) -> object:
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return {k: convert(v) for k, v in mapping.items()}
