"""Export: flattened tables, spreadsheet-safe CSV, JSON with metadata, and the export command."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from policies import store
from policies.cli import main
from policies.output import export
from policies.view import View, apply

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def test_actions_table_has_one_row_per_action_with_iso_dates(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    table = export.actions_table(s, apply(s, View()))
    assert sorted(table["id"]) == ["chicago-eo-2025-02-28", "il-lawsuit-2025-03-19", "us-dhs-more-agents-2025-03-02"]
    assert table.set_index("id").loc["chicago-eo-2025-02-28", "date"] == "2025-02-28"
    assert "search_text" not in table and "file" not in table


def test_provisions_table_carries_the_action_and_its_evidence(tree: Path) -> None:
    s = store.load(tree, use_cache=False)
    table = export.provisions_table(s, apply(s, View())).set_index("provision_id")
    row = table.loc["police-no-help"]
    assert row["action_id"] == "chicago-eo-2025-02-28" and row["requirement"] == "prohibits"
    assert row["evidence"] == "gazette-001: bars city police from helping federal agents with civil immigration arrests"
    assert table.loc["asks-court-to-block", "evidence"].startswith("wire-002: [paraphrase] ")


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_cannot_start_a_formula(dangerous: str) -> None:
    csv = export.to_csv(pd.DataFrame({"title": [dangerous, "safe"]}))
    cells = pd.read_csv(io.StringIO(csv), keep_default_na=False)["title"].tolist()
    assert cells == ["'" + dangerous, "safe"]


def test_export_command_writes_csv_and_json(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "actions.csv"
    assert main(["export", "--data-dir", str(tree), "--out", str(out)]) == 0
    assert len(pd.read_csv(out)) == 3
    out_json = tmp_path / "provisions.json"
    assert main(["export", "--data-dir", str(tree), "--provisions", "--format", "json", "--out", str(out_json)]) == 0
    doc = json.loads(out_json.read_text())
    assert (
        doc["meta"]["data_as_of"] == "2025-04-01" and doc["meta"]["rows"] == 3 and doc["meta"]["kind"] == "provisions"
    )
    assert {r["provision_id"] for r in doc["records"]} == {"police-no-help", "records-no-status", "asks-court-to-block"}


def test_export_reads_each_status_on_the_day_asked(tree: Path, tmp_path: Path) -> None:
    """No status is stored: the export command reads it on --as-of (default today), as the dashboard does."""
    out = tmp_path / "early.csv"
    assert main(["export", "--data-dir", str(tree), "--as-of", "2025-03-05", "--out", str(out)]) == 0
    early = pd.read_csv(out).set_index("id")["status"].to_dict()
    assert main(["export", "--data-dir", str(tree), "--as-of", "2025-03-20", "--out", str(out), "--force"]) == 0
    later = pd.read_csv(out).set_index("id")["status"].to_dict()
    assert early["chicago-eo-2025-02-28"] == "signed" and later["chicago-eo-2025-02-28"] == "challenged"
    assert "il-lawsuit-2025-03-19" not in early and later["il-lawsuit-2025-03-19"] == "filed", (
        "not yet filed on the 5th"
    )


def test_export_never_overwrites_without_force(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "keep.csv"
    out.write_text("mine")
    assert main(["export", "--data-dir", str(tree), "--out", str(out)]) == 2
    assert out.read_text() == "mine"
    assert "exists; pass --force" in capsys.readouterr().err
    assert main(["export", "--data-dir", str(tree), "--out", str(out), "--force"]) == 0
    assert out.read_text().startswith("id,title")


def test_published_schema_is_up_to_date(tmp_path: Path) -> None:
    """docs/action.schema.json is what `python -m policies schema` prints: regenerate it when the model changes."""
    fresh = tmp_path / "schema.json"
    assert main(["schema", "--out", str(fresh)]) == 0
    published = Path(__file__).parents[1] / "docs" / "action.schema.json"
    assert json.loads(published.read_text()) == json.loads(fresh.read_text())
