"""Flattened tables of a view, for downloads and the `export` command: one row per action, or per provision.

Cells are made safe for spreadsheets (`escape.csv_cell`), so opening a CSV never evaluates a formula a record
carried. Every table is cut to a view and carries each action's status on the view's day, never a stored one.

Language: a CSV's header row is in the view's language (English: the machine column names, as always); its cells
are the data (ids, codes, the records' text and curated translations in their own columns). JSON keys are always
the machine names, whatever the language: scripts read them. A view's download is worded in the view's language,
not the thread's: Streamlit makes it after the run that offered it.
"""

from __future__ import annotations

import json

import pandas as pd

from .. import i18n
from ..i18n import mark, tr
from ..store import Store
from ..view import View, apply, describe
from .escape import csv_cell

KINDS = ("actions", "provisions")
# A CSV's header row in another language than English: each machine column name in words (English keeps the names).
CSV_HEADERS = {
    "id": mark("Action id"),
    "action_id": mark("Action id"),
    "title": mark("Title"),
    "action_title": mark("Action title"),
    "summary": mark("Summary"),
    "title_es": mark("Title (Spanish)"),
    "summary_es": mark("Summary (Spanish)"),
    "jurisdiction": mark("Jurisdiction id"),
    "jurisdiction_name": mark("Jurisdiction"),
    "level": mark("Level"),
    "places": mark("Places"),
    "actor": mark("Actor"),
    "action_type": mark("Action type"),
    "date": mark("Date"),
    "date_precision": mark("Date precision"),
    "date_end": mark("End date"),
    "topics": mark("Topics"),
    "sources": mark("Sources"),
    "n_provisions": mark("Provisions"),
    "disputed": mark("Sources disagree"),
    "verification": mark("How well established"),
    "notes": mark("Notes"),
    "last_verified": mark("Last review"),
    "status": mark("Status"),
    "out_of_date": mark("Possibly out of date"),
    "provision_id": mark("Provision id"),
    "text": mark("Text"),
    "text_es": mark("Text (Spanish)"),
    "applies_to": mark("Who must comply"),
    "applies_to_es": mark("Who must comply (Spanish)"),
    "requirement": mark("Requirement"),
    "evidence": mark("Evidence"),
}


def actions_table(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per action of `frame` (from `apply`, so it has `status`), dates as YYYY-MM-DD text."""
    out = frame.drop(columns=["file", "search_text"], errors="ignore").copy()
    for column in ("date", "date_end", "last_verified"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.reset_index(drop=True)


def provisions_table(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per provision of the actions in `frame`, with its action's key fields and its evidence as text."""
    provisions = store.rows_for(store.provisions, frame)
    evidence = store.evidence.dropna(subset=["provision_id"]).copy()
    evidence["evidence"] = (
        evidence["source"] + ": " + evidence["quote"].fillna("[paraphrase] " + evidence["paraphrase"].fillna(""))
    )
    joined = evidence.groupby(["action_id", "provision_id"], observed=True)["evidence"].agg(" | ".join)
    keys = actions_table(store, frame)[["id", "title", "jurisdiction", "level", "action_type", "date", "status"]]
    out = provisions.join(joined, on=["action_id", "provision_id"]).merge(
        keys.rename(columns={"id": "action_id", "title": "action_title"}), on="action_id", how="left"
    )
    first = ["action_id", "action_title", "jurisdiction", "level", "action_type", "date", "status"]
    return out[first + [c for c in out.columns if c not in first and c != "seq"]].reset_index(drop=True)


def csv_headers(columns: list[str]) -> list[str]:
    """The header row in this run's language: the machine names in English, words in another language."""
    if i18n.current() == i18n.DEFAULT:
        return list(columns)
    return [tr(CSV_HEADERS[c]) if c in CSV_HEADERS else c for c in columns]


def to_csv(table: pd.DataFrame) -> str:
    """Spreadsheet-safe CSV, its header row in this run's language."""
    return table.map(csv_cell).to_csv(index=False, header=csv_headers([str(c) for c in table.columns]))


def to_json(table: pd.DataFrame, meta: dict | None = None) -> str:
    records = json.loads(table.to_json(orient="records", force_ascii=False))
    return json.dumps({"meta": meta or {}, "records": records}, ensure_ascii=False, indent=2)


def view_meta(store: Store, view: View, permalink: str, rows: dict[str, int]) -> dict:
    """What a download of a view holds: the data's as-of date, the status date, the view in words and as URL
    parameters, its permalink."""
    return {
        "data_as_of": str(store.as_of),
        "status_as_of": view.as_of.isoformat() if view.as_of else f"today ({view.status_date().isoformat()})",
        "filters": describe(store, view),
        "query": view.to_params(),
        "permalink": permalink,
        "rows": rows,
    }


def view_table(store: Store, view: View, kind: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The view's actions, or their provisions (`frame`: the view's rows when already applied)."""
    rows = apply(store, view) if frame is None else frame
    return provisions_table(store, rows) if kind == "provisions" else actions_table(store, rows)


def view_csv(store: Store, view: View, kind: str, frame: pd.DataFrame | None = None) -> str:
    """The view's actions, or their provisions, as spreadsheet-safe CSV, headed in the view's language."""
    with i18n.using(view.lang or i18n.current()):
        return to_csv(view_table(store, view, kind, frame))


def view_json(store: Store, view: View, permalink: str, frame: pd.DataFrame | None = None) -> str:
    """The view's actions and their provisions in one JSON document, under a `meta` header (its `filters`, the
    view in words, in the view's language; keys and values as always)."""
    with i18n.using(view.lang or i18n.current()):
        return _view_json(store, view, permalink, frame)


def _view_json(store: Store, view: View, permalink: str, frame: pd.DataFrame | None) -> str:
    rows = apply(store, view) if frame is None else frame
    tables = {kind: view_table(store, view, kind, rows) for kind in KINDS}
    records = {kind: json.loads(table.to_json(orient="records", force_ascii=False)) for kind, table in tables.items()}
    meta = view_meta(store, view, permalink, {kind: len(table) for kind, table in tables.items()})
    return json.dumps({"meta": meta, **records}, ensure_ascii=False, indent=2)
