"""The synthetic tree generator: valid, deterministic, realistic places, every kind of record part."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from policies import store, synth
from policies.store import workers

CODEBOOKS = Path(__file__).parent / "fixtures" / "tracker" / "codebooks"  # the shared tree's, never data/'s


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        h.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.write_tree(out, 400, seed=7, codebooks=CODEBOOKS)
    return out


def test_every_generated_record_is_valid_and_none_is_dropped(tree: Path) -> None:
    loaded = store.load(tree, use_cache=False)
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.actions) == len(list((tree / "actions").glob("*.yaml"))) == 400


def test_the_same_seed_gives_the_same_tree_and_another_seed_another(tree: Path, tmp_path: Path) -> None:
    synth.write_tree(tmp_path / "again", 400, seed=7, codebooks=CODEBOOKS)
    synth.write_tree(tmp_path / "other", 400, seed=8, codebooks=CODEBOOKS)
    assert _digest(tmp_path / "again") == _digest(tree)
    assert _digest(tmp_path / "other") != _digest(tree)


def test_records_use_real_places_at_every_level_with_provisions_events_and_links(tree: Path) -> None:
    loaded = store.load(tree, use_cache=False)
    assert set(loaded.actions["level"]) == {"federal", "state", "county", "city"}
    assert {"us-il-chicago", "us-il-cook-county", "us-tx"} <= set(loaded.jurisdictions["id"])
    assert len(loaded.provisions) > 0 and len(loaded.related) > 0
    assert set(loaded.events["type"]) >= {"signed", "effective", "filed", "announced", "challenged"}
    assert set(loaded.actions["date_precision"]) == {"day", "week", "month"}


@pytest.mark.slow
def test_loading_in_worker_processes_gives_exactly_what_one_process_gives(
    tree: Path, tmp_path: Path, monkeypatch
) -> None:
    """Large trees are parsed in chunks by worker processes; the result must not depend on it, broken records
    and the rules across records (duplicate ids, dangling links, line numbers) included."""
    import shutil

    broken = tmp_path / "data"
    shutil.copytree(tree, broken)
    first = sorted((broken / "actions").glob("*.yaml"))
    (broken / "actions" / "zz-duplicate.yaml").write_text(first[0].read_text())  # same id, other file
    (broken / "actions" / "zz-bad-yaml.yaml").write_text("id: zz-bad-yaml\ntitle: [unclosed\n")
    (broken / "actions" / "zz-dup-key.yaml").write_text(first[1].read_text() + "title: again\n")
    text = first[2].read_text()
    (broken / "actions" / first[2].name).write_text(
        text + "related:\n- {type: responds-to, action: no-such-action}\n"
        if "related:" not in text
        else text.replace("action: ", "action: gone-", 1)
    )
    monkeypatch.setattr(workers, "CHUNK", 60)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 10**9)
    serial = store.load(broken, use_cache=False)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
    parallel = store.load(broken, use_cache=False)
    assert serial.problems == parallel.problems and len(serial.errors) >= 4
    assert all(p.line for p in serial.errors if "duplicate id" in p.message or "does not exist" in p.message)
    for name in ("actions", "places", "topics", "provisions", "evidence", "events", "related"):
        assert getattr(serial, name).equals(getattr(parallel, name)), name
    assert len(serial.actions) == 400 - 2  # the original of the duplicated id, and the record with a dangling link


@pytest.mark.slow
def test_the_synth_command_writes_a_tree_validate_accepts_and_will_not_write_into_a_full_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "policies", *args], capture_output=True, text=True, env=env, cwd=root
        )

    out = tmp_path / "tree"
    assert cli("synth", "--actions", "30", "--out", str(out), "--codebooks", str(CODEBOOKS)).returncode == 0
    check = cli("validate", str(out))
    assert check.returncode == 0 and "30 valid actions" in check.stderr
    again = cli("synth", "--actions", "30", "--out", str(out), "--codebooks", str(CODEBOOKS))
    assert again.returncode == 2 and "is not empty; pass --force" in again.stderr


# --- the charts at scale ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> store.Store:
    out = tmp_path_factory.mktemp("synth-big") / "data"
    synth.write_tree(out, 3000, seed=3, codebooks=CODEBOOKS)
    return store.load(out, use_cache=False)


def test_a_timeline_of_thousands_shows_the_busiest_places_by_month_and_says_so(big: store.Store, monkeypatch) -> None:
    from policies.output import figures
    from policies.view import View, apply

    monkeypatch.setattr(figures, "MAX_POINTS", 200)  # the 25 busiest of 3,000 synthetic actions are ~400
    frame = apply(big, View())
    fig = figures.figure(big, frame, View(), "timeline")
    rows = set(fig.layout.yaxis.categoryarray)
    row = figures.timeline_rows(frame)
    assert len(rows) == figures.MAX_ROWS < row.nunique()
    points = sum(len(t.x) for t in fig.data if t.x is not None)
    shown = frame[row.isin(row.value_counts().index[: figures.MAX_ROWS]).to_numpy()]
    assert sum(int(n) for t in fig.data if t.customdata is not None for n in t.customdata) == len(shown)
    assert points < len(shown)  # grouped by month, not one marker per action
    subtitle = fig.layout.title.subtitle.text
    assert f"the {figures.MAX_ROWS} jurisdictions with most actions" in subtitle and "each month" in subtitle
    assert len(fig.to_json()) < 2_000_000


def test_a_small_view_still_draws_every_action_and_no_note(big: store.Store) -> None:
    from policies.output import figures
    from policies.view import Filters, View, apply

    place = big.actions["jurisdiction"].value_counts().index[0]
    view = View(filters=Filters(place=(place,)))
    frame = apply(big, view)
    fig = figures.figure(big, frame, view, "timeline")
    ids = {row[0] for t in fig.data if t.customdata is not None for row in t.customdata}
    assert ids == set(frame["id"])
    assert "Showing" not in fig.layout.title.subtitle.text


def test_count_bars_stop_at_the_top_ones_and_say_how_many_there_are(big: store.Store) -> None:
    from policies.output import figures, tables
    from policies.view import View, apply

    fig = figures.counts_figure(big, apply(big, View()), View(by="jurisdiction"))
    assert len(fig.data[0].y) == tables.MAX_BARS
    assert f"top {tables.MAX_BARS} of" in fig.layout.title.text


def test_a_map_of_thousands_of_places_names_only_the_busiest(big: store.Store) -> None:
    from policies.output import figures, tables
    from policies.view import View, apply

    frame = apply(big, View())
    table = tables.map_counts(big, frame)
    fig = figures.map_figure(big, frame, View())
    named = {
        row[0]
        for trace in fig.data
        if trace.type == "scattergeo" and trace.customdata is not None
        for row, text in zip(trace.customdata, trace.text)
        if text
    }
    assert len(table) > figures.MAP_LABELS and named == set(table["place"].head(figures.MAP_LABELS))


def test_loading_shows_progress_on_a_terminal(tree: Path) -> None:
    """A cold load of a large tree takes a while: on a terminal the CLI says how far it is."""
    import os
    import pty
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    leader, follower = pty.openpty()
    run = subprocess.run(
        [sys.executable, "-m", "policies", "validate", str(tree)],
        stdout=follower,
        stderr=follower,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(tree.parent)},
        cwd=root,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert run.returncode == 0
    assert "loading records 400/400" in output.decode()


@pytest.mark.slow
def test_the_dashboard_loads_a_tree_with_worker_processes(tree: Path, make_app, monkeypatch) -> None:
    """Under Streamlit, __main__ is the page script: the workers must not run it again (they would hang or recurse)."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 0)
    monkeypatch.setattr(workers, "CHUNK", 100)
    at = make_app(data=tree)
    assert not at.exception
    assert len(at.dataframe[0].value) == 400


@pytest.mark.slow
def test_a_snapshot_gives_the_dashboard_the_same_data_without_reading_yaml(
    tree: Path, tmp_path: Path, make_app, monkeypatch
) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    snap = tmp_path / "store.snapshot"
    run = subprocess.run(
        [sys.executable, "-m", "policies", "snapshot", str(tree), "--out", str(snap)],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    assert store.load_snapshot(snap).actions.equals(store.load(tree, use_cache=False).actions)
    monkeypatch.setenv("POLICIES_SNAPSHOT", str(snap))
    at = make_app(data=tmp_path / "no-such-folder")  # the tree is not read at all
    assert not at.exception and len(at.dataframe[0].value) == 400


def test_a_snapshot_from_other_code_or_not_a_snapshot_is_refused_with_what_to_do(tree: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    built = store.load(tree, use_cache=False)
    assert built.code == store.code_version()
    old = tmp_path / "old.snapshot"
    store.save_snapshot(replace(built, code="another version"), old)
    garbage = tmp_path / "garbage.snapshot"
    garbage.write_bytes(b"not a pickle at all")
    for path, message in (
        (old, "built by another version of the tracker's code; rebuild it with: python -m policies snapshot"),
        (garbage, "not a snapshot this version can read; rebuild it"),
        (tmp_path / "missing.snapshot", "cannot read the snapshot: No such file or directory"),
    ):
        with pytest.raises(ValueError) as refused:
            store.load_snapshot(path)
        assert str(refused.value).startswith(f"{path}: ") and message in str(refused.value)


def test_the_dashboard_says_why_it_cannot_start_from_a_bad_snapshot(tmp_path: Path, make_app, monkeypatch) -> None:
    snap = tmp_path / "garbage.snapshot"
    snap.write_bytes(b"\x80\x05 truncated")
    monkeypatch.setenv("POLICIES_SNAPSHOT", str(snap))
    at = make_app()
    assert not at.exception
    [error] = at.error
    shown = error.value.replace("\\", "")  # the markdown source, escaped: the path is text, not markup
    assert "cannot start from POLICIES_SNAPSHOT" in shown and "garbage.snapshot: not a snapshot" in shown
