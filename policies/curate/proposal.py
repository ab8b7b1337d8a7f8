"""Drafts as proposals a curator edits: the record in the curated schema, the article's sentences behind it,
the source entry and new places it needs, and which fields the extractor found or guessed.

A proposal's `record` is what the desk's widgets (or a review file) start from; the table helpers turn edited
rows back into record fields, and `curation` compares the edited record with the draft, so each saved record
says which fields were kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
import us

from ..extract import Draft, Extraction, drafts
from ..extract.places import Place, state
from ..extract.places import city as city_place
from ..extract.source import SourceDraft, prefill
from ..records import gazetteer
from ..records.model import slugify

EDITABLE = (
    "id",
    "title",
    "summary",
    "jurisdiction",
    "places",
    "actor",
    "action_type",
    "date",
    "date_precision",
    "events",
    "topics",
    "provisions",
    "evidence",
    "verification",
    "notes",
)


@dataclass
class Proposal:
    """One draft, ready for the desk."""

    number: int
    draft: Draft  # what the extractor read (its dates' words, its lifecycle event)
    record: dict  # curated schema, `draft: true` removed; quotes become the curator's paraphrases
    sentences: list[str]  # the article's sentences the record rests on (shown, never saved)
    provision_sentences: list[str]
    origin: dict[str, str]  # field -> found | guessed | missing
    new_places: list[dict] = field(default_factory=list)  # codebook entries the record's places need


def propose(
    extraction: Extraction,
    known: Mapping[str, str],
    *,
    url: str | None = None,
    today: dt.date | None = None,
) -> tuple[SourceDraft, list[Proposal]]:
    """The source entry the article would become, and one proposal per draft."""
    source = prefill(extraction.article, drafts.source_id(_source_name(extraction, url)), url)
    records = drafts.to_records(extraction, known, today)
    ids = set(known.values())
    out = []
    for number, (draft, record) in enumerate(zip(extraction.actions, records), 1):
        sentences = [e["quote"] for e in record.get("evidence", [])]
        provision_sentences = [p["evidence"][0]["quote"] for p in record.get("provisions", [])]
        record = _editable(record, source.id)
        places = [p for p in (draft.jurisdiction, *draft.places) if p.id not in ids and p.name not in known]
        places = [state(p.state) for p in places if p.state and f"us-{p.state.lower()}" not in ids] + places
        out.append(
            Proposal(
                number=number,
                draft=draft,
                record=record,
                sentences=sentences,
                provision_sentences=provision_sentences,
                origin=drafts.origins(draft),
                new_places=_unique(
                    [codebook_entry(p) for p in places if p.id != "us" and not p.id.startswith("unidentified-")]
                ),
            )
        )
    return source, out


def _source_name(extraction: Extraction, url: str | None) -> str:
    """What the source id is made from: the address's last part when given, else the article's name."""
    if url:
        tail = re.sub(r"[?#].*$", "", url.rstrip("/")).rsplit("/", 1)[-1]
        if len(slugify(tail)) >= 8:
            return tail
    return extraction.article.name


def _editable(record: dict, source_id: str) -> dict:
    """A draft record as the desk edits it: its source is the prefilled entry, evidence is left for the
    curator's own words (we do not keep the article's text, so nothing from it is saved as a quote)."""
    record = {k: v for k, v in record.items() if k != "draft"}
    record["sources"] = [source_id]
    record["events"] = [{**e, "source": source_id} for e in record["events"]]
    record["evidence"] = []
    record["provisions"] = [
        {**p, "evidence": [{"source": source_id, "paraphrase": ""}]} for p in record.get("provisions", [])
    ]
    record["summary"] = ""
    record["verification"] = "reported"  # one article: one report, until the curator adds or reads more
    record["notes"] = ""  # the draft's note is an instruction to the curator (the desk shows it), not a caveat
    return record


def codebook_entry(place: Place) -> dict:
    """A jurisdictions codebook entry for a place the codebook lacks, with its GeoNames id from the gazetteer."""
    entry: dict = {"id": place.id, "name": place.name, "level": place.level}
    if place.state:
        entry["parent"] = f"us-{place.state.lower()}" if place.level != "state" else "us"
        entry["state"] = place.state
    if place.level == "city" and place.state:  # counties have no point of their own in the gazetteer
        city = gazetteer.us_cities_by_name().get((place.name.split(",")[0].strip().lower(), place.state))
        if city:
            entry["geonameid"] = int(city["geonameid"])
    return entry


def gazetteer_place(text: str) -> dict | None:
    """'Evanston, IL' (or 'Evanston, Illinois') -> a new city entry from the gazetteer; None if it has none."""
    name, _, state = text.rpartition(",")
    code = _state_code(state.strip())
    if not name.strip() or code is None:
        return None
    city = gazetteer.us_cities_by_name().get((name.strip().lower(), code))
    if city is None:
        return None
    return codebook_entry(city_place(city["name"], code))


def _state_code(text: str) -> str | None:
    found = us.states.lookup(text) if text else None
    return found.abbr if found else None


def _unique(entries: list[dict]) -> list[dict]:
    """The first entry of each id, in order."""
    first: dict[str, dict] = {}
    for entry in entries:
        first.setdefault(entry["id"], entry)
    return list(first.values())


def needed_places(places: list[dict], record: dict, known: set[str]) -> list[dict]:
    """The new places a record uses (as acting government or place affected), with the states they sit in,
    leaving out those the codebook already has."""
    used = {record.get("jurisdiction"), *record.get("places", [])}
    chosen = [e for e in places if e["id"] in used]
    parents = {e.get("parent") for e in chosen}
    return [e for e in places if (e in chosen or e["id"] in parents) and e["id"] not in known]


def curation(proposal: Proposal | None, record: dict, today: dt.date) -> dict:
    """The record's `curation` block: which fields the curator kept from the draft and which were changed."""
    if proposal is None:
        return {"from_draft": False, "curated": today}
    drafted = proposal.record
    # A field both left empty was neither kept nor changed: counting it would inflate the rate.
    present = [f for f in EDITABLE if not (_empty(drafted.get(f)) and _empty(record.get(f)))]
    kept = [f for f in present if _same(drafted.get(f), record.get(f), f)]
    changed = [f for f in present if f not in kept]
    return {"from_draft": True, "kept": kept, "changed": changed, "curated": today}


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(a: object, b: object, name: str = "") -> bool:
    if name == "events":  # what happened when: a curator's rewording of an event's note is not a correction
        a, b = _steps(a), _steps(b)
    return (_empty(a) and _empty(b)) or a == b


def _steps(events: object) -> list[tuple]:
    if not isinstance(events, list):
        return []
    return [(e.get("type"), e.get("date"), e.get("date_precision", "day")) for e in events if isinstance(e, dict)]


# --- the desk's tables: rows a data editor shows, and the record fields they become -----------------

PROVISION_COLUMNS = ("id", "text", "applies_to", "requirement", "topics")
EVENT_COLUMNS = ("type", "date", "date_precision", "note")


def provision_rows(proposal: Proposal) -> list[dict]:
    """One row per provision: what the curator edits, and the article's sentence beside it (not saved)."""
    rows = []
    for i, p in enumerate(proposal.record.get("provisions", [])):
        said = proposal.provision_sentences[i] if i < len(proposal.provision_sentences) else ""
        words = p["evidence"][0].get("paraphrase", "") if p.get("evidence") else ""
        rows.append({**{k: p[k] for k in PROVISION_COLUMNS}, "evidence": words, "article": said})
    return rows


def provisions_from_rows(rows: list[dict], source_id: str) -> list[dict]:
    """Edited rows back to provisions; a row left wholly empty (added by mistake) is not a provision."""
    out = []
    for row in rows:
        values = {k: _cell(row.get(k)) for k in PROVISION_COLUMNS}
        words = _cell(row.get("evidence"))
        if not any(values.values()) and not words:
            continue
        topics = values["topics"]
        values["topics"] = list(topics) if isinstance(topics, list | tuple) else []
        out.append({**values, "evidence": [{"source": source_id, "paraphrase": words or ""}]})
    return out


def event_rows(record: dict) -> list[dict]:
    """The events after the first: the first is the action's own date and event, edited beside the date."""
    return [{k: e.get(k) for k in EVENT_COLUMNS} for e in record.get("events", [])[1:]]


def first_event(record: dict) -> dict:
    """The event that happened on the action's date (what the draft read: signed, filed, announced ...)."""
    events = record.get("events") or [{}]
    return events[0]


def events_of(first: dict, rows: list[dict], source_id: str) -> list[dict]:
    """The record's events: the one on its date, then the table's, in date order (the schema's rule)."""
    dated = [e for e in [first] if e.get("date")] + events_from_rows(rows, source_id)
    undated = [first] if not first.get("date") else []
    return sorted(dated, key=lambda e: e["date"]) + undated


def events_from_rows(rows: list[dict], source_id: str) -> list[dict]:
    out = []
    for row in rows:
        values = {k: _cell(row.get(k)) for k in EVENT_COLUMNS}
        if not any(values.values()):
            continue
        day = values["date"]
        if hasattr(day, "date") and callable(day.date):  # a pandas Timestamp from the editor
            day = day.date()
        event = {"type": values["type"], "date": day, "date_precision": values["date_precision"] or "day"}
        event["source"] = source_id
        if values["note"]:
            event["note"] = values["note"]
        out.append(event)
    return out


def _cell(value: object) -> object:
    """An editor cell as a plain value: NaN, NaT and blank text are empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return value.strip() or None
    return None if value is pd.NaT else value
