"""Records the tracker may already have for what a curator is about to save.

Two signs, each cheap on 100,000 actions: the same acting government and type of action within a few days, on
a place both name (the same act reported twice, or a later step of it), or a citation of the same source (by id
or address).
The desk links each one, so the curator can add an event to the existing record instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..records.yamlfile import dump
from ..store import Store

WINDOW_DAYS = 7  # a signing and its report, or two reports of one act, fall within a week


@dataclass(frozen=True)
class Duplicate:
    id: str
    title: str
    date: dt.date
    reason: str


def find(store: Store, record: dict, source: dict | None = None, window: int = WINDOW_DAYS) -> list[Duplicate]:
    """Existing records that may be the same action, most likely first (same act before same source)."""
    actions = store.actions
    out: dict[str, Duplicate] = {}
    day = record.get("date")
    if isinstance(day, dt.date) and record.get("jurisdiction") and record.get("action_type"):
        near = (actions["date"] - pd.Timestamp(day)).abs() <= pd.Timedelta(days=window)
        same = (actions["jurisdiction"] == record["jurisdiction"]) & (actions["action_type"] == record["action_type"])
        # The federal government acts everywhere: its court orders of one week are the same act only where they
        # touch the same place (found while curating 130 real records: every federal order looked like a twin).
        places = set(record.get("places") or [])
        if places:
            shared = store.places[
                store.places["place"].isin(places) & store.places["role"].isin(["acting", "affected"])
            ]
            same &= actions["id"].isin(set(shared["action_id"].astype(str))) | (actions["places"] == "")
        for row in actions[same & near].itertuples():
            gap = abs((row.date.date() - day).days)
            when = "the same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart"
            out[row.id] = Duplicate(row.id, row.title, row.date.date(), f"same government and type, {when}")
    for source_id in _same_sources(store, source):
        cited = store.citations.loc[store.citations["source"] == source_id, "action_id"].astype(str)
        for row in actions[actions["id"].isin(cited)].itertuples():
            out.setdefault(row.id, Duplicate(row.id, row.title, row.date.date(), "cites the same source"))
    return list(out.values())


def as_event(record: dict) -> str:
    """What to add to an existing record instead of saving a new one: the draft's events and its source."""
    events = [{k: v for k, v in e.items() if v not in (None, "")} for e in record.get("events", [])]
    return dump({"events": events, "sources": list(record.get("sources", []))})


def _same_sources(store: Store, source: dict | None) -> list[str]:
    if not source:
        return []
    sources = store.sources
    same = sources["id"] == source.get("id")
    if source.get("url"):
        same |= sources["url"].fillna("").str.rstrip("/") == str(source["url"]).rstrip("/")
    return list(sources.loc[same, "id"])
