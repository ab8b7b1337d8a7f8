"""The store: frames from records, derived level and status, the content-keyed cache."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from policies import store
from policies.store import build, files
from policies.store.status import NOT_YET, spans, status_on

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def test_frames_hold_one_row_per_action_provision_and_event(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    assert len(s.actions) == 3 and len(s.provisions) == 3 and len(s.events) == 4
    eo = s.actions.set_index("id").loc["chicago-eo-2025-02-28"]
    assert eo["level"] == "city" and eo["jurisdiction_name"] == "Chicago, Illinois"
    assert eo["date"] == pd.Timestamp("2025-02-28")
    assert s.as_of == dt.date(2025, 4, 1)


def test_level_is_derived_from_the_jurisdiction_codebook(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    levels = dict(zip(s.actions["id"], s.actions["level"]))
    assert levels == {
        "chicago-eo-2025-02-28": "city",
        "us-dhs-more-agents-2025-03-02": "federal",
        "il-lawsuit-2025-03-19": "state",
    }


def test_places_include_ancestors_for_state_filters_but_not_descendants(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    places = s.places[s.places["action_id"] == "us-dhs-more-agents-2025-03-02"]
    assert dict(zip(places["place"], places["role"])) == {
        "us": "acting",
        "us-il-chicago": "affected",
        "us-il-cook": "within",
        "us-il": "within",
    }


def test_jurisdiction_coordinates_come_from_the_gazetteer(tree: Path) -> None:
    j = store.load(tree, use_cache=False).jurisdictions.set_index("id")
    assert j.loc["us-il-chicago", ["lat", "lon"]].tolist() == pytest.approx([41.85, -87.65], abs=0.01)
    assert j.loc["us-il", ["lat", "lon"]].tolist() == pytest.approx([39.80, -89.64], abs=0.01)  # Springfield
    assert pd.isna(j.loc["us", "lat"])


def test_status_follows_the_latest_event_on_or_before_the_date(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    on = lambda day: status_on(s.events, s.statuses, day).to_dict()  # noqa: E731
    assert on(dt.date(2025, 2, 27))["chicago-eo-2025-02-28"] == NOT_YET
    assert on(dt.date(2025, 3, 1))["chicago-eo-2025-02-28"] == "signed"
    assert on(dt.date(2025, 3, 19))["chicago-eo-2025-02-28"] == "challenged"
    assert on(dt.date(2025, 3, 19))["il-lawsuit-2025-03-19"] == "filed"


def test_spans_run_from_taking_effect_to_being_blocked() -> None:
    events = pd.DataFrame(
        {
            "action_id": ["a", "a", "a", "b"],
            "seq": [0, 1, 2, 0],
            "type": ["signed", "effective", "blocked", "effective"],
            "date": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-02-01", "2025-03-01"]),
        }
    )
    statuses = pd.DataFrame(
        {
            "from_event": ["signed", "effective", "blocked"],
            "in_force": [False, True, False],
            "id": ["signed", "in-effect", "blocked"],
        }
    )
    out = spans(events, statuses, dt.date(2025, 6, 1)).set_index("action_id")
    assert out.loc["a", "start"] == pd.Timestamp("2025-01-05") and out.loc["a", "end"] == pd.Timestamp("2025-02-01")
    assert bool(out.loc["a", "ended"]) is True
    assert out.loc["b", "end"] == pd.Timestamp("2025-06-01") and bool(out.loc["b", "ended"]) is False


def test_warm_load_comes_from_the_cache_and_a_content_change_invalidates_it(
    tree: Path, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    first = store.load(tree, cache_dir=cache)  # no entry yet: files are read as they are parsed
    assert len(list(cache.glob("store-*.pickle"))) == 1
    with monkeypatch.context() as m:
        m.setattr(build, "_build", lambda *args: pytest.fail("built again instead of read from the cache"))
        second = store.load(tree, cache_dir=cache)  # files just written: found by content, everything read first
    assert second.fingerprint == first.fingerprint
    assert second.actions.equals(first.actions)
    path = tree / "actions" / "il-lawsuit-2025-03-19.yaml"
    path.write_text(path.read_text().replace("State sues over the city order", "State sues over the order"))
    third = store.load(tree, cache_dir=cache)
    assert third.fingerprint != first.fingerprint
    assert "State sues over the order" in set(third.actions["title"])
    assert len(list(cache.glob(f"store-*-{third.fingerprint}-*.pickle"))) == len(list(cache.glob("store-*"))) == 1


def _age(root: Path, seconds: int) -> None:
    """Every file as if last modified `seconds` ago."""
    for path in root.rglob("*.yaml"):
        when = path.stat().st_mtime - seconds
        os.utime(path, (when, when))


def test_an_unchanged_tree_is_found_by_its_files_stats_without_reading_them(
    tree: Path, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    _age(tree, 60)
    first = store.load(tree, cache_dir=cache)
    with monkeypatch.context() as m:
        m.setattr(files.Files, "_read", lambda *args: pytest.fail("a file was read"))
        assert store.load(tree, cache_dir=cache).actions.equals(first.actions)
    path = tree / "actions" / "il-lawsuit-2025-03-19.yaml"
    path.touch()  # same content, new time: a file changed seconds ago is checked by content, not trusted by stats
    with monkeypatch.context() as m:
        m.setattr(build, "_build", lambda *args: pytest.fail("built again: the content had not changed"))
        store.load(tree, cache_dir=cache)
    _age(tree, 60)  # once the change is old enough, the entry carries the new stats: no reading again
    store.load(tree, cache_dir=cache)
    with monkeypatch.context() as m:
        m.setattr(files.Files, "_read", lambda *args: pytest.fail("a file was read"))
        store.load(tree, cache_dir=cache)
    path.write_text(path.read_text().replace("State sues over the city order", "State sues over the town order"))
    _age(tree, 60)  # a change of the same size, its time set back: still another time than the entry's
    assert "State sues over the town order" in set(store.load(tree, cache_dir=cache).actions["title"])


def test_each_data_folder_keeps_its_own_cache_entry(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    other = tmp_path / "other"
    shutil.copytree(tree, other)
    (other / "actions" / "il-lawsuit-2025-03-19.yaml").unlink()
    assert len(store.load(tree, cache_dir=cache).actions) == 3
    assert len(store.load(other, cache_dir=cache).actions) == 2
    assert len(list(cache.glob("store-*.pickle"))) == 2
    assert len(store.load(tree, cache_dir=cache).actions) == 3


def test_a_corrupt_cache_file_is_rebuilt_not_trusted(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fingerprint = store.load(tree, cache_dir=cache).fingerprint
    [entry] = cache.glob(f"store-*-{fingerprint}-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert len(store.load(tree, cache_dir=cache).actions) == 3
