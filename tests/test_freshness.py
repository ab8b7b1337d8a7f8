"""How well a record is established and how fresh its status is: derived per view, filterable, shown, exported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from trees import minimal_tree

from policies import clock, store
from policies.output import export
from policies.store import REVIEW_DAYS
from policies.view import View, apply, describe, parse

ORDER = "chicago-eo-2025-02-28"
SUIT = "il-lawsuit-2025-03-19"
REVIEWED = dt.date(2025, 4, 1)  # every record of the minimal tree was last verified on this day


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = minimal_tree(tmp_path)
    order = root / "actions" / f"{ORDER}.yaml"
    order.write_text(order.read_text().replace("last_verified:", "verification: corroborated\nlast_verified:"))
    suit = root / "actions" / f"{SUIT}.yaml"
    suit.write_text(suit.read_text().replace("last_verified:", "verification: primary\nlast_verified:"))
    return root


@pytest.fixture
def loaded(tree: Path) -> store.Store:
    return store.load(tree, use_cache=False)


def test_verification_is_a_column_and_a_record_that_does_not_say_is_unstated(loaded) -> None:
    by_id = loaded.actions.set_index("id")["verification"]
    assert by_id[ORDER] == "corroborated" and by_id[SUIT] == "primary"
    assert by_id["us-dhs-more-agents-2025-03-02"] == "unstated"


def test_the_verified_filter_parses_applies_and_describes_itself(loaded) -> None:
    view, notices = parse({"verified": ["corroborated,primary", "rumoured"]}, loaded)
    assert view.filters.verified == ("corroborated", "primary")
    assert [(n.key, n.value, n.reason) for n in notices] == [("verified", "rumoured", "unknown")]
    assert set(apply(loaded, view)["id"]) == {ORDER, SUIT}
    assert "corroborated or primary source read records" in describe(loaded, view).lower()
    assert view.to_params()["verified"] == ["corroborated", "primary"]


@pytest.mark.parametrize(
    ("day", "stale"),
    [
        (REVIEWED, False),
        (REVIEWED + dt.timedelta(days=REVIEW_DAYS), False),
        (REVIEWED + dt.timedelta(days=REVIEW_DAYS + 1), True),
    ],
)
def test_a_record_not_reviewed_for_90_days_before_the_status_date_is_possibly_out_of_date(loaded, day, stale) -> None:
    with clock.fixed(day):
        assert set(apply(loaded, View())["out_of_date"]) == {stale}
        detail = store.action_detail(loaded, ORDER, day)
        assert detail.out_of_date is stale and detail.last_verified == REVIEWED
    # A past as-of date reads the status then: a record reviewed after it is fresh for that day.
    with clock.fixed(REVIEWED + dt.timedelta(days=400)):
        assert not apply(loaded, View(as_of=REVIEWED))["out_of_date"].any()


def test_exports_carry_verification_and_freshness(loaded) -> None:
    with clock.fixed(REVIEWED + dt.timedelta(days=REVIEW_DAYS + 30)):
        frame = apply(loaded, View())
        table = export.actions_table(loaded, frame)
    assert {"verification", "out_of_date", "last_verified"} <= set(table.columns)
    assert table.set_index("id").loc[SUIT, "verification"] == "primary" and table["out_of_date"].all()
    with clock.fixed(REVIEWED):
        data = json.loads(export.view_json(loaded, View(), "http://localhost/", frame=apply(loaded, View())))
    assert {r["verification"] for r in data["actions"]} == {"corroborated", "primary", "unstated"}
    assert not any(r["out_of_date"] for r in data["actions"])


def test_the_action_page_says_what_the_status_rests_on_and_warns_when_stale(make_app, tree: Path) -> None:
    with clock.fixed(REVIEWED + dt.timedelta(days=REVIEW_DAYS + 1)):
        at = make_app({"policy": ORDER}, page="requirements", data=tree)
        assert not at.exception
        text = [m.value for m in at.markdown]
        assert any("as of our last review, 1 Apr 2025" in m for m in text)
        assert "**How well established**  \nCorroborated" in text
        assert any(w.value.startswith("Possibly out of date") for w in at.warning)
    with clock.fixed(REVIEWED):
        at = make_app({"policy": ORDER}, page="requirements", data=tree)
        assert not any(w.value.startswith("Possibly out of date") for w in at.warning)


def test_the_about_page_explains_verification_and_lists_records_due_a_review(make_app, tree: Path) -> None:
    with clock.fixed(REVIEWED + dt.timedelta(days=REVIEW_DAYS + 1)):
        at = make_app(page="about", data=tree)
        assert not at.exception
        text = "\n".join(m.value for m in at.markdown)
        assert "**Corroborated**: two or more independent news reports (1 record)" in text
        assert "**Not stated**" in text
        table = next(df.value for df in at.dataframe if "Last review" in df.value.columns)
        assert set(table["id"]) == {ORDER, SUIT, "us-dhs-more-agents-2025-03-02"}
    with clock.fixed(REVIEWED):
        at = make_app(page="about", data=tree)
        assert any("reviewed in the last 90 days" in s.value for s in at.success)


def test_the_action_page_shows_the_fight_over_it_in_date_order(make_app, tree: Path, loaded) -> None:
    """The suit that challenges the order, with its own events, beside the order's: from either end."""
    detail = store.action_detail(loaded, ORDER, REVIEWED)
    steps = [(f.date, f.event, f.relation) for f in detail.fight]
    assert steps == sorted(steps, key=lambda s: s[0])
    assert (dt.date(2025, 2, 28), "signed", "this action") in steps
    assert any(a == SUIT for a in {f.action_id for f in detail.fight if f.relation == "challenged by"})
    back = store.action_detail(loaded, SUIT, REVIEWED)
    assert {f.relation for f in back.fight} >= {"this action", "challenges"}
    with clock.fixed(REVIEWED):
        at = make_app({"policy": ORDER}, page="requirements", data=tree)
    assert any(s.value == "Legal status over time" for s in at.subheader)
    text = "\n".join(m.value for m in at.markdown)
    assert "challenged by [" in text and f"?policy={SUIT})" in text
    html = export_summary(loaded)
    assert "<h2>Legal status over time</h2>" in html and "challenged by" in html


def export_summary(loaded) -> str:
    from policies.output.summary import action_summary_html

    return action_summary_html(store.action_detail(loaded, ORDER, REVIEWED), "2025-04-01", "http://localhost/")


def test_the_about_page_counts_coverage_four_ways_and_says_what_was_looked_for(make_app, tree: Path) -> None:
    (tree / "research.yaml").write_text(
        "- id: us-il\n  checked: 2025-04-01\n  looked_for: State and city orders on immigration enforcement.\n"
    )
    at = make_app(page="about", data=tree)
    assert not at.exception
    assert [t.label for t in at.tabs][:4] == ["By state", "By level", "By type", "By month"]
    by_state = next(df.value for df in at.dataframe if "US state" in df.value.columns)
    assert by_state.set_index("US state")["Actions"].sum() == 3 and "Illinois" in set(by_state["US state"])
    looked = next(df.value for df in at.dataframe if "Looked for" in df.value.columns)
    assert list(looked["Looked for"]) == ["State and city orders on immigration enforcement."]
    assert any("are not researched yet" in m.value for m in at.markdown)
