"""The synthetic tree generator: valid, deterministic, realistic places, every kind of record part."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from policies import store, synth


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        h.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.write_tree(out, 400, seed=7)
    return out


def test_every_generated_record_is_valid_and_none_is_dropped(tree: Path) -> None:
    loaded = store.load(tree, use_cache=False)
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.actions) == len(list((tree / "actions").glob("*.yaml"))) == 400


def test_the_same_seed_gives_the_same_tree_and_another_seed_another(tree: Path, tmp_path: Path) -> None:
    synth.write_tree(tmp_path / "again", 400, seed=7)
    synth.write_tree(tmp_path / "other", 400, seed=8)
    assert _digest(tmp_path / "again") == _digest(tree)
    assert _digest(tmp_path / "other") != _digest(tree)


def test_records_use_real_places_at_every_level_with_provisions_events_and_links(tree: Path) -> None:
    loaded = store.load(tree, use_cache=False)
    assert set(loaded.actions["level"]) == {"federal", "state", "county", "city"}
    assert {"us-il-chicago", "us-il-cook-county", "us-tx"} <= set(loaded.jurisdictions["id"])
    assert len(loaded.provisions) > 0 and len(loaded.related) > 0
    assert set(loaded.events["type"]) >= {"signed", "effective", "filed", "announced", "challenged"}
    assert set(loaded.actions["date_precision"]) == {"day", "week", "month"}
