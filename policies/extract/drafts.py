"""Drafts as output: the JSON report, and YAML records in the curated schema marked `draft: true`.

A YAML draft is a record a curator can save as `data/actions/ID.yaml`: every field the extractor could fill
is filled, and what it could not (a missing date, provision wording in our own words) is left for the
curator, who `validate` then holds to the schema. Nothing here reads or writes files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping

import pandas as pd

from ..records.model import slugify as slug
from ..records.yamlfile import dump
from . import Extraction
from .actions import Draft
from .places import Place
from .source import prefill

MAX_QUOTE = 600  # the schema's limit; a longer sentence is cut, still a verbatim run of the article
TYPE_WORDS = {
    "executive-order": "signs an executive order",
    "law": "enacts a law",
    "court-order": "issues a court order",
    "lawsuit": "sues",
    "deployment": "deploys troops",
    "enforcement-operation": "launches an enforcement operation",
    "announcement": "announces a plan",
    "agency-directive": "issues a directive",
}
THREAT_WORDS = {
    "lawsuit": "plans to sue",
    "deployment": "threatens to deploy troops",
    "announcement": "issues a warning",
}


def known_jurisdictions(jurisdictions: pd.DataFrame) -> dict[str, str]:
    """Codebook names -> ids (from the store's jurisdictions frame), so drafts use ids the codebook has."""
    return dict(zip(jurisdictions["name"], jurisdictions["id"]))


def source_id(name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.rsplit("/", 1)[-1])
    return ("article-" + slug(stem))[:80].strip("-") or "article"


def _jurisdiction(place: Place, known: Mapping[str, str]) -> str:
    """The codebook's id when it has the place under the same name, else the gazetteer-shaped id."""
    return known.get(place.name, place.id)


def to_report(extraction: Extraction, known: Mapping[str, str] = {}, url: str | None = None) -> dict:
    """The `--format json` document: {"source": ..., "actions": [...], "warnings": [...]}; the source block
    carries the registry entry prefilled from the text (`entry`) and where each of its fields came from."""
    art = extraction.article
    source = prefill(art, source_id(art.name), url)
    return {
        "source": {
            "name": art.name,
            "published": art.published.isoformat() if art.published else None,
            "published_from": art.published_from,
            "encoding": art.encoding,
            "characters": len(art.text),
            "entry": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in source.entry().items()},
            "origin": source.origin,
        },
        "actions": [_action_dict(d, known) for d in extraction.actions],
        "warnings": extraction.warnings,
    }


def _action_dict(d: Draft, known: Mapping[str, str]) -> dict:
    return {
        "jurisdiction": _jurisdiction(d.jurisdiction, known),
        "jurisdiction_name": d.jurisdiction.name,
        "level": d.jurisdiction.level,
        "places": [_jurisdiction(p, known) for p in d.places],
        "actor": d.actor.text,
        "action_type": d.action_type,
        "event": d.event,
        "date": d.date.isoformat() if d.date else None,
        "date_precision": d.date_precision,
        "date_text": d.date_text,
        "topics": d.topics,
        "provisions": [
            {
                "text": p.text,
                "applies_to": p.applies_to,
                "requirement": p.requirement,
                "topics": p.topics,
                "evidence": p.evidence,
            }
            for p in d.provisions
        ],
        "evidence": d.evidence,
        "origin": origins(d),
    }


def to_json(extraction: Extraction, known: Mapping[str, str] = {}, url: str | None = None) -> str:
    return json.dumps(to_report(extraction, known, url), indent=2, ensure_ascii=False) + "\n"


def to_records(extraction: Extraction, known: Mapping[str, str] = {}, today: dt.date | None = None) -> list[dict]:
    """One curated-schema record per draft, in the order of the schema's fields."""
    src = source_id(extraction.article.name)
    today = today or dt.date.today()
    records, used = [], set()
    for d in extraction.actions:
        record = _record(d, src, known, today)
        base, n = record["id"], 2
        while record["id"] in used:
            record["id"], n = f"{base}-{n}", n + 1
        used.add(record["id"])
        records.append(record)
    return records


def unfilled(record: dict) -> list[str]:
    """The fields of a draft record its curator must fill before it validates, besides the source entry and the
    new places the YAML header lists: a date the article did not give, topics none of its words named. Every
    other field of a draft is already valid (the fuzz tests hold the extractor to that)."""
    out = ["date"] if record.get("date") is None else []
    out += [f"events[{i}].date" for i, e in enumerate(record["events"]) if e.get("date") is None]
    out += ["topics"] if not record["topics"] else []
    out += [f"provisions[{i}].topics" for i, p in enumerate(record.get("provisions", [])) if not p["topics"]]
    return out


def origins(d: Draft) -> dict[str, str]:
    """For each field of a draft record: `found` in the article's words, `guessed` by the extractor (a
    template, a default, a place not named in the sentence), or `missing` (the curator must fill it)."""
    place = d.jurisdiction
    return {
        "title": "guessed",
        "summary": "missing",
        "jurisdiction": "guessed" if place.id.startswith("unidentified-") else "found",
        "places": "found" if d.places else "missing",
        "actor": "found",
        "action_type": "found",
        "date": ("found" if d.date_text else "guessed") if d.date else "missing",
        "date_precision": "found" if d.date_text else "guessed",
        "events": "found" if d.date else "missing",
        "topics": "found" if d.topics else "missing",
        "provisions": "found" if d.provisions else "missing",
        "evidence": "found" if d.evidence else "missing",
    }


def _record(d: Draft, src: str, known: Mapping[str, str], today: dt.date) -> dict:
    jurisdiction = _jurisdiction(d.jurisdiction, known)
    words = THREAT_WORDS.get(d.action_type) if d.event == "threatened" else None
    record = {
        "id": slug(f"{jurisdiction}-{d.action_type}-{d.date.isoformat() if d.date else 'undated'}")[:120],
        "title": f"{d.actor.text} {words or TYPE_WORDS[d.action_type]}"[:300],
        "summary": "TODO: summarise in our own words what the article reports (see evidence).",
        "jurisdiction": jurisdiction,
        "places": [_jurisdiction(p, known) for p in d.places],
        "actor": d.actor.text,
        "action_type": d.action_type,
        "date": d.date,
        "date_precision": d.date_precision,
        "events": [
            {
                "type": d.event,
                "date": d.date,
                "date_precision": d.date_precision,
                "source": src,
                "note": f"From the article's words {d.date_text!r}." if d.date_text else "No date in the article.",
            }
        ],
        "topics": d.topics,
        "provisions": [_provision(p, i, src) for i, p in enumerate(d.provisions)],
        "evidence": [{"source": src, "quote": _quote(e)} for e in d.evidence],
        "sources": [src],
        "notes": "Draft from the extractor: check every field against the article; rewrite the title, summary and "
        "provision texts in our own words.",
        "last_verified": today,
        "draft": True,
    }
    if not record["provisions"]:
        del record["provisions"]
    return record


def _provision(p, i: int, src: str) -> dict:
    return {
        "id": slug(f"{p.requirement}-{p.applies_to}")[:60].strip("-") + f"-{i + 1}",
        "text": p.text,
        "applies_to": p.applies_to,
        "requirement": p.requirement,
        "topics": p.topics,
        "evidence": [{"source": src, "quote": _quote(p.evidence)}],
    }


def _guess(origin: str) -> str:
    return "   # guessed: check it" if origin == "guessed" else ""


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_QUOTE else sentence[: MAX_QUOTE - 1].rsplit(" ", 1)[0]


def to_yaml(
    extraction: Extraction, known: Mapping[str, str] = {}, today: dt.date | None = None, url: str | None = None
) -> str:
    """A YAML stream: a header of instructions (comments), then one document per draft record."""
    art = extraction.article
    source = prefill(art, source_id(art.name), url)
    records = to_records(extraction, known, today)
    new_places = sorted(
        {
            (p.id, p.name, p.level, p.state)
            for d in extraction.actions
            for p in [d.jurisdiction, *d.places]
            if p.name not in known and p.id != "us"
        }
    )
    header = [
        f"# Draft records extracted from {art.name} by `python -m policies extract`.",
        f"# Publication date: {art.published or 'unknown'}"
        + (f" (from the {art.published_from})" if art.published_from else ""),
        "# Review each record against the article, fill what is missing, rewrite texts in our own words, then save it",
        "# as data/actions/<id>.yaml, remove `draft: true`, and run `python -m policies validate`.",
        "# Add the article to data/sources.yaml:",
        f"#   - id: {source.id}",
        f"#     outlet: {source.outlet or 'TODO'}" + _guess(source.origin["outlet"]),
        f"#     title: {source.title or 'TODO'}" + _guess(source.origin["title"]),
        f"#     url: {source.url or 'TODO'}",
        f"#     published: {art.published or 'TODO'}",
        "#     quotable: true   # only if we keep the article's text; then every quote must be verbatim",
    ]
    if new_places:
        header.append("# Jurisdictions not in codebooks/jurisdictions.yaml yet (add a geonameid for cities):")
        header += [
            f"#   - {{id: {i}, name: {n!r}, level: {lvl}" + (f", state: {st}" if st else "") + "}"
            for i, n, lvl, st in new_places
        ]
    for w in extraction.warnings:
        header.append(f"# warning: {w}")
    docs = [(f"# to fill: {', '.join(unfilled(r))}\n" if unfilled(r) else "") + dump(r) for r in records]
    return "\n".join(header) + "\n" + "".join(f"---\n{doc}" for doc in docs)
