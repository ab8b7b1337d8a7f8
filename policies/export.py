"""Flattened tables for download and the `export` command: one row per action, or per provision.

Cells are made safe for spreadsheets: text beginning with = + - @ (or tab/CR) is prefixed with an
apostrophe, so opening a CSV never evaluates a formula a record carried. The dashboard's downloads are the
same tables cut to the view (`view_csv`, `view_json`): what is on screen, with its filters and as-of date.
"""

from __future__ import annotations

import json

import pandas as pd

from .filters import Filters, describe
from .store import Store

KINDS = ("actions", "provisions")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def actions_table(store: Store, actions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per action (the given subset, or all), dates as YYYY-MM-DD text."""
    frame = store.actions if actions is None else actions
    out = frame.drop(columns=["file", "search_text"], errors="ignore").copy()
    for column in ("date", "date_end", "last_verified"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.reset_index(drop=True)


def provisions_table(store: Store, actions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per provision, with its action's key fields and its evidence joined as text."""
    frame = store.actions if actions is None else actions
    provisions = store.rows_for(store.provisions, frame)
    evidence = store.evidence.dropna(subset=["provision_id"]).copy()
    evidence["evidence"] = (
        evidence["source"] + ": " + evidence["quote"].fillna("[paraphrase] " + evidence["paraphrase"].fillna(""))
    )
    joined = evidence.groupby(["action_id", "provision_id"])["evidence"].agg(" | ".join)
    keys = actions_table(store, frame)[["id", "title", "jurisdiction", "level", "action_type", "date", "status"]]
    out = provisions.join(joined, on=["action_id", "provision_id"]).merge(
        keys.rename(columns={"id": "action_id", "title": "action_title"}), on="action_id", how="left"
    )
    first = ["action_id", "action_title", "jurisdiction", "level", "action_type", "date", "status"]
    return out[first + [c for c in out.columns if c not in first and c != "seq"]].reset_index(drop=True)


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(table: pd.DataFrame) -> str:
    return table.map(neutralise).to_csv(index=False)


def to_json(table: pd.DataFrame, meta: dict | None = None) -> str:
    records = json.loads(table.to_json(orient="records", force_ascii=False))
    return json.dumps({"meta": meta or {}, "records": records}, ensure_ascii=False, indent=2)


def view_meta(store: Store, filters: Filters, permalink: str, rows: dict[str, int]) -> dict:
    """What a download of a view holds: the data's as-of date, the filters in words and as URL parameters."""
    return {
        "data_as_of": str(store.as_of),
        "status_as_of": filters.as_of.isoformat() if filters.as_of else "today",
        "filters": describe(store, filters),
        "query": filters.to_params(),
        "permalink": permalink,
        "rows": rows,
    }


def view_csv(store: Store, frame: pd.DataFrame, kind: str) -> str:
    """The view's actions, or their provisions, as spreadsheet-safe CSV."""
    table = provisions_table(store, frame) if kind == "provisions" else actions_table(store, frame)
    return to_csv(table)


def view_json(store: Store, frame: pd.DataFrame, filters: Filters, permalink: str) -> str:
    """The view's actions and their provisions in one JSON document, under a `meta` header."""
    tables = {"actions": actions_table(store, frame), "provisions": provisions_table(store, frame)}
    records = {kind: json.loads(table.to_json(orient="records", force_ascii=False)) for kind, table in tables.items()}
    meta = view_meta(store, filters, permalink, {kind: len(table) for kind, table in tables.items()})
    return json.dumps({"meta": meta, **records}, ensure_ascii=False, indent=2)
