"""Status is derived when a view is built, never stored: the disk cache, a snapshot and a running server all show
the status of the day they are asked on, from the events and one clock (`policies.clock`)."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from trees import minimal_tree

from policies import clock, store
from policies.view import View, apply

ORDER = "chicago-eo-2025-02-28"  # signed 2025-02-28; challenged by the state's suit filed 2025-03-19
BEFORE, AFTER = dt.date(2025, 3, 18), dt.date(2025, 3, 19)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return minimal_tree(tmp_path)


def status(s: store.Store, action_id: str = ORDER) -> str:
    return apply(s, View()).set_index("id").loc[action_id, "status"]


def test_no_date_dependent_value_is_stored_in_the_frames(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    assert "status" not in s.actions.columns
    assert all("status" not in getattr(s, name).columns for name in store.LONG_FRAMES)


def test_the_clock_decides_today_and_a_view_can_fix_its_own_day(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    with clock.fixed(BEFORE):
        assert status(s) == "signed"
        assert apply(s, View(as_of=AFTER)).set_index("id").loc[ORDER, "status"] == "challenged"
    with clock.fixed(AFTER):
        assert status(s) == "challenged"


def test_a_cache_and_a_snapshot_built_before_an_event_show_it_after(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    snapshot = tmp_path / "store.snapshot"
    with clock.fixed(BEFORE):
        built = store.load(tree, cache_dir=cache)
        store.save_snapshot(built, snapshot)
        assert status(built) == "signed"
    with clock.fixed(AFTER):
        from_cache = store.load(tree, cache_dir=cache)
        assert from_cache.fingerprint == built.fingerprint, "read from the cache, not built again"
        assert status(from_cache) == "challenged"
        assert status(store.load_snapshot(snapshot)) == "challenged"
    [entry] = cache.glob("store-*.pickle")
    with entry.open("rb") as fh:
        cached = pickle.load(fh)
    assert "status" not in cached.actions.columns, "the cache holds the records' frames, no status"


def test_a_running_server_shows_the_new_status_after_midnight_without_a_restart(make_app, tree: Path) -> None:
    day = {"today": BEFORE}
    clock.set_source(lambda: day["today"])
    try:
        at = make_app({"policy": ORDER}, page="requirements", data=tree)
        assert not at.exception
        assert any(m.value.startswith("**Status today**  \nSigned  \nas of our last review") for m in at.markdown)
        from policies.ui import state

        loaded = state.load_store()
        day["today"] = AFTER  # midnight passes; the process and its loaded store stay
        at.run()
        assert any(m.value.startswith("**Status today**  \nChallenged  \nas of our last review") for m in at.markdown)
        assert state.load_store() is loaded, "the store was not loaded again"
    finally:
        clock.set_source(None)


def test_the_status_of_each_day_is_worked_out_once_per_process(tree: Path, monkeypatch) -> None:
    """At scale a rerun must not rederive 100,000 statuses: each (content, day) is kept in memory, never in a file."""
    from policies.store import core

    s = store.load(tree, use_cache=False)
    calls = []
    real = core.status_on
    monkeypatch.setattr(core, "status_on", lambda *a: calls.append(a[2]) or real(*a))
    core._STATUS_MEMO.clear()
    for _ in range(3):
        s.status_on(BEFORE)
    s.status_on(AFTER)
    assert calls == [BEFORE, AFTER]


def _court_order(tree: Path, ident: str, day: str, blocks: str, lifted: str | None = None) -> None:
    events = f"  - type: signed\n    date: {day}\n    source: wire-002\n"
    if lifted:
        events += f"  - type: rescinded\n    date: {lifted}\n    source: wire-002\n"
    (tree / "actions" / f"{ident}.yaml").write_text(
        f"id: {ident}\ntitle: A court order (test)\nsummary: A fictional court order for tests of blocking.\n"
        f"jurisdiction: us\nplaces: [us-il-chicago]\nactor: U.S. District Judge (test)\naction_type: court-order\n"
        f"date: {day}\ndate_precision: day\nevents:\n{events}topics: [litigation]\nsources: [wire-002]\n"
        f"related:\n  - type: blocks\n    action: {blocks}\nlast_verified: 2025-06-01\n"
    )


def test_an_order_in_force_that_blocks_an_action_makes_it_blocked_and_a_stay_of_the_order_lifts_it(tree: Path) -> None:
    """'Was it blocked on this date?' is answered from the links: the TRO blocks the city order from the day it
    is signed; the appeals court's stay blocks the TRO, so the city order is back to its own status; when the
    stay is rescinded the TRO binds again."""
    _court_order(tree, "us-court-tro-2025-04-02", "2025-04-02", ORDER)
    _court_order(tree, "us-court-stay-2025-04-20", "2025-04-20", "us-court-tro-2025-04-02", lifted="2025-05-05")
    s = store.load(tree, use_cache=False)
    assert s.errors == ()

    def on(day: str, action: str = ORDER) -> str:
        return apply(s, View(as_of=dt.date.fromisoformat(day))).set_index("id").loc[action, "status"]

    assert on("2025-04-01") == "challenged"  # the state's suit, from the order's own events
    assert on("2025-04-02") == "blocked" and on("2025-04-19") == "blocked"
    assert on("2025-04-20") == "challenged" and on("2025-04-20", "us-court-tro-2025-04-02") == "blocked"
    assert on("2025-05-05") == "blocked"  # the stay rescinded: the TRO binds again
