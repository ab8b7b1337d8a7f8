"""The data behind a view (CSV, JSON with its filters) and the printable summary, as the dashboard offers them."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from trees import HOSTILE_ID, hostile_tree

from policies import store
from policies.output import export
from policies.output.escape import FORMULA_START
from policies.output.summary import action_summary_html
from policies.store import action_detail
from policies.view import Filters, View, apply

FIXTURES = Path(__file__).parent / "fixtures"
CHICAGO_VIEW = View(filters=Filters(place=("us-il-chicago",), date_to=dt.date(2025, 3, 10)), as_of=dt.date(2025, 3, 10))


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(FIXTURES / "minimal", use_cache=False)


def test_csv_holds_exactly_the_actions_on_screen_with_their_status_on_the_as_of_date(s: store.Store) -> None:
    frame = apply(s, CHICAGO_VIEW)
    assert 0 < len(frame) < len(s.actions), "the view leaves some actions out"
    table = pd.read_csv(io.StringIO(export.view_csv(s, CHICAGO_VIEW, "actions", frame)))
    assert list(table["id"]) == list(frame["id"])
    assert list(table["status"]) == list(frame["status"]), "status as of the view's date, as on screen"


def test_provisions_csv_holds_the_provisions_of_those_actions(s: store.Store) -> None:
    frame = apply(s, CHICAGO_VIEW)
    table = pd.read_csv(io.StringIO(export.view_csv(s, CHICAGO_VIEW, "provisions", frame)))
    expected = s.provisions[s.provisions["action_id"].isin(frame["id"])]
    assert sorted(table["provision_id"]) == sorted(expected["provision_id"])
    assert set(table["action_id"]) <= set(frame["id"])


def test_json_carries_the_view_its_filters_and_data_date(s: store.Store) -> None:
    frame = apply(s, CHICAGO_VIEW)
    link = CHICAGO_VIEW.permalink(base="https://tracker.example")
    doc = json.loads(export.view_json(s, CHICAGO_VIEW, link, frame))
    assert doc["meta"] == {
        "data_as_of": "2025-04-01",
        "status_as_of": "2025-03-10",
        "filters": "Actions by or aimed at Chicago, until Mar 10, 2025, status as of 2025-03-10",
        "query": {"place": ["us-il-chicago"], "to": ["2025-03-10"], "as_of": ["2025-03-10"]},
        "permalink": "https://tracker.example/?place=us-il-chicago&to=2025-03-10&as_of=2025-03-10",
        "rows": {"actions": len(frame), "provisions": len(doc["provisions"])},
    }
    assert [a["id"] for a in doc["actions"]] == list(frame["id"])
    assert {p["action_id"] for p in doc["provisions"]} <= set(frame["id"])


def test_view_csv_is_spreadsheet_safe(tmp_path: Path) -> None:
    hostile = store.load(hostile_tree(tmp_path), use_cache=False)
    frame = apply(hostile, View())
    for kind in export.KINDS:
        cells = pd.read_csv(io.StringIO(export.view_csv(hostile, View(), kind, frame)), keep_default_na=False).map(str)
        assert not cells.map(lambda c: c.startswith(FORMULA_START)).any().any()


def test_summary_prints_on_paper_with_its_permalink_and_source_addresses(s: store.Store) -> None:
    link = View(page="requirements", policy="chicago-eo-2025-02-28").permalink(base="https://tracker.example")
    page = action_summary_html(action_detail(s, "chicago-eo-2025-02-28", dt.date(2025, 4, 1)), s.as_of, link)
    assert f"Permalink: <a href='{link}'" in page


def test_summary_of_a_hostile_record_downloads_as_inert_text(tmp_path: Path) -> None:
    hostile = store.load(hostile_tree(tmp_path), use_cache=False)
    detail = action_detail(hostile, HOSTILE_ID, dt.date(2025, 4, 1))
    page = action_summary_html(detail, hostile.as_of, "https://tracker.example/requirements?policy=x")
    assert "<img" not in page and "<script>" not in page
