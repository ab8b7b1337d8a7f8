"""The curated data (data/): it validates, its quotes are verbatim, its sources are cited, its key facts hold.

Every test here carries the `content` marker: these are the only tests that read data/, so curating records can
only ever fail these (`scripts/test -m "not content"` runs the code's tests alone).

Tests that read the originating articles or the FACTS summary need the shared folder next to the
repository (../shared); without it they are skipped with a reason, and the rest still run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from policies import store
from policies.view import apply, parse

DATA = Path(__file__).parents[1] / "data"
SHARED = Path(__file__).parents[2] / "shared"
SEEDS = SHARED / "seeds"
FACTS = SHARED / "sources" / "FACTS.md"

CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"
DHS_ANNOUNCEMENT = "us-dhs-more-ice-resources-chicago-2025-08-31"
LAST_WEEK_REQUEST = "us-dhs-military-installation-support-request-2025-08-18"
GUARD_FEDERALIZATION = "us-illinois-guard-federalization-2025-10-04"
PERRY_TRO = "us-court-perry-tro-guard-deployment-2025-10-09"
DOJ_SUIT = "us-doj-lawsuit-california-mask-id-laws-2025-11-17"
FEDERAL_ACTIONS_IN_CA_AND_DC = (
    DOJ_SUIT,
    "us-dc-police-federal-control-2025-08-11",
    "us-dc-national-guard-deployment-2025-08-11",
)

pytestmark = pytest.mark.content

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not present at {SEEDS}")
needs_facts = pytest.mark.skipif(not FACTS.is_file(), reason=f"FACTS summary not present at {FACTS}")


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(DATA, use_cache=False)


def action(s: store.Store, action_id: str) -> pd.Series:
    return s.actions.set_index("id").loc[action_id]


def events_of(s: store.Store, action_id: str) -> pd.DataFrame:
    return s.events[s.events["action_id"] == action_id]


# --- validation ----------------------------------------------------------------------------


def test_bundled_data_has_no_problems(s: store.Store) -> None:
    assert [str(p) for p in s.problems] == []
    assert len(s.actions) == len(list((DATA / "actions").glob("*.yaml")))


@needs_seeds
def test_bundled_data_has_no_problems_with_quotes_checked_against_the_seeds() -> None:
    checked = store.load(DATA, texts_dir=SEEDS, use_cache=False)
    assert [str(p) for p in checked.problems] == []


# --- quotes, read independently of the validator -------------------------------------------

_TYPOGRAPHIC = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "..."})


def _plain(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split())


def _raw_quotes() -> list[tuple[str, str, str]]:
    """(file name, source id, quote) for every quote in every record, read straight from the YAML."""
    out = []
    for path in sorted((DATA / "actions").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        blocks = [record.get("evidence") or []] + [p.get("evidence") or [] for p in record.get("provisions") or []]
        out += [(path.name, ev["source"], ev["quote"]) for block in blocks for ev in block if "quote" in ev]
    return out


@needs_seeds
def test_every_quote_is_a_verbatim_substring_of_its_seed_article() -> None:
    registry = {src["id"]: src for src in yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))}
    seeds = {p.name: _plain(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    quotes = _raw_quotes()
    assert quotes, "the dataset should carry seed quotes"
    missing = []
    for name, source_id, quote in quotes:
        seed = registry[source_id].get("seed")
        assert seed in seeds, f"{name}: quote from {source_id}, which has no seed text"
        if _plain(quote) not in seeds[seed]:
            missing.append((name, quote))
    assert missing == []
    assert {registry[src]["seed"] for _, src, _ in quotes} == set(seeds), "both seed articles should be quoted"


def test_quotes_are_short_single_sentences() -> None:
    for name, _, quote in _raw_quotes():
        text = _plain(quote)
        assert len(text) <= 250, f"{name}: quote of {len(text)} characters"
        assert not re.search(r"[.!?][\"']?\s+[\"']?[A-Z]", text), f"{name}: quote runs over a sentence: {text[:60]!r}"


def test_only_sources_we_hold_are_quoted(s: store.Store) -> None:
    quoted = set(s.evidence.loc[s.evidence["quote"].notna(), "source"])
    held = set(s.sources.loc[s.sources["seed"].notna() & s.sources["quotable"], "id"])
    assert quoted and quoted <= held


# --- sources -------------------------------------------------------------------------------


@needs_facts
def test_every_facts_url_is_registered_and_cited_by_an_action(s: store.Store) -> None:
    text = FACTS.read_text(encoding="utf-8")
    urls = re.findall(r"^URL:\s*(\S+)", text, flags=re.MULTILINE)
    assert len(urls) == len(re.findall(r"^## S\d+", text, flags=re.MULTILINE)) > 0
    cited = {src for sources in s.actions["sources"] for src in sources.split(", ")}
    for url in urls:
        registered = s.sources[s.sources["url"] == url]
        assert len(registered), f"{url} is not in sources.yaml"
        assert not registered["quotable"].any(), f"{url}: we do not hold its text, so it cannot be quotable"
        assert set(registered["id"]) & cited, f"{url} is registered but no action cites it"


def test_every_registered_source_is_cited(s: store.Store) -> None:
    cited = {src for sources in s.actions["sources"] for src in sources.split(", ")}
    assert set(s.sources["id"]) - cited == set()


# --- key facts -----------------------------------------------------------------------------


def test_chicago_eo_records_the_seeds_disagreement_on_masks_cameras_and_ids(s: store.Store) -> None:
    seeds = set(s.sources.loc[s.sources["seed"].notna(), "id"])
    rows = s.disagreements[s.disagreements["action_id"] == CHICAGO_EO]
    disputes = [row for _, row in rows.iterrows() if set(row["sources"].split(", ")) >= seeds]
    assert len(seeds) == 2 and len(disputes) == 1
    about = disputes[0]["about"].split(", ")
    provisions = s.provisions[(s.provisions["action_id"] == CHICAGO_EO) & s.provisions["provision_id"].isin(about)]
    assert set(provisions["provision_id"]) == set(about) and provisions["disputed"].all()
    evidence = s.evidence[(s.evidence["action_id"] == CHICAGO_EO) & s.evidence["provision_id"].isin(about)]
    source_of = evidence.groupby("provision_id")["source"].agg(set)
    federal = provisions[provisions["applies_to"].str.contains("Federal agents")]
    police = provisions[provisions["applies_to"].str.contains("Chicago Police")]
    for version in (federal, police):
        topics = {t for ts in version["topics"] for t in ts.split(", ")}
        assert {"masks", "body-cameras", "identification"} <= topics
    assert {src for p in federal["provision_id"] for src in source_of[p]} != {
        src for p in police["provision_id"] for src in source_of[p]
    }, "each version should rest on a different seed"


def test_chicago_eo_is_signed_on_2025_08_30(s: store.Store) -> None:
    signed = events_of(s, CHICAGO_EO).query("type == 'signed'")
    assert list(signed["date"]) == [pd.Timestamp("2025-08-30")]
    assert action(s, CHICAGO_EO)["date"] == pd.Timestamp("2025-08-30")


def test_last_week_request_is_dated_to_a_week(s: store.Store) -> None:
    request = action(s, LAST_WEEK_REQUEST)
    assert request["date_precision"] == "week"
    assert request["date"].weekday() == 0
    assert request["date_end"] - request["date"] == pd.Timedelta(days=6)
    assert "2025-08-25" in request["notes"], "the notes should give the other reading of 'last week'"


def test_perry_tro_blocks_the_federalization_on_its_own_date(s: store.Store) -> None:
    links = s.related[(s.related["action_id"] == PERRY_TRO) & (s.related["type"] == "blocks")]
    assert GUARD_FEDERALIZATION in set(links["target"])
    tro_date = action(s, PERRY_TRO)["date"]
    for target in links["target"]:
        blocked = events_of(s, target).query("type == 'blocked'")
        assert list(blocked["date"]) == [tro_date], target


def test_federalization_date_disagreement_names_both_sources(s: store.Store) -> None:
    rows = s.disagreements[s.disagreements["action_id"] == GUARD_FEDERALIZATION]
    assert any("date" in row.split(", ") for row in rows["about"])
    assert any(len(row.split(", ")) >= 2 for row in rows["sources"])


def test_doj_suit_challenges_both_california_laws_and_each_records_it(s: store.Store) -> None:
    targets = s.related.loc[(s.related["action_id"] == DOJ_SUIT) & (s.related["type"] == "challenges"), "target"]
    assert len(targets) == 2
    filed = action(s, DOJ_SUIT)["date"]
    for target in targets:
        assert action(s, target)["jurisdiction"] == "us-ca"
        assert filed in set(events_of(s, target).query("type == 'challenged'")["date"])


def test_dates_from_other_coverage_are_flagged_in_the_record_notes(s: store.Store) -> None:
    flagged = set(s.events.loc[s.events["note"].fillna("").str.contains("per other coverage"), "action_id"])
    assert flagged
    notes = dict(zip(s.actions["id"], s.actions["notes"]))
    assert sorted(a for a in flagged if "per other coverage" not in notes[a]) == []


# --- the place filter ----------------------------------------------------------------------


def test_chicago_place_filter_includes_federal_actions_and_excludes_california_and_dc(s: store.Store) -> None:
    view, notices = parse({"place": "us-il-chicago"}, s)
    assert notices == []
    shown = set(apply(s, view)["id"])
    assert DHS_ANNOUNCEMENT in shown and action(s, DHS_ANNOUNCEMENT)["level"] == "federal"
    state_of = dict(zip(s.jurisdictions["id"], s.jurisdictions["state"]))
    acting_there = {row.id for row in s.actions.itertuples() if state_of[row.jurisdiction] in {"CA", "DC"}}
    assert {"us-ca", "us-dc"} <= {action(s, a)["jurisdiction"] for a in acting_there}  # governments there act
    federal_aimed_there = set(FEDERAL_ACTIONS_IN_CA_AND_DC)
    assert set(s.actions.loc[s.actions["id"].isin(federal_aimed_there), "level"]) == {"federal"}
    assert shown & (acting_there | federal_aimed_there) == set()


def test_the_extractors_words_are_the_curated_codebooks() -> None:
    from test_extract import lexicon_gaps

    assert lexicon_gaps(DATA / "codebooks") == []


@pytest.mark.parametrize("page", ["timeline", "requirements", "map", "sources", "about"])
def test_the_dashboard_shows_the_curated_data_on_every_page(make_app, page: str) -> None:
    at = make_app({"place": "us-il-chicago", "policy": CHICAGO_EO}, page=page, data=DATA)
    assert not at.exception and at.title
    assert not at.warning or page == "requirements", [w.value for w in at.warning]  # disagreements are warnings


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory: pytest.TempPathFactory):
    from conftest import Server

    srv = Server(DATA, tmp_path_factory.mktemp("bundled") / "cache")
    yield srv
    srv.stop()


@pytest.mark.browser
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_page_reads_at_the_real_size_at_desktop_and_phone_width(chromium, bundled_server, size: str) -> None:
    """The curated data at its real size, every page in a browser: drawn, no sideways scroll of the page, the
    requirements in full text. Screenshots in artifacts/ (content-<size>-<page>.png) are for looking at."""
    from conftest import DESKTOP, PHONE
    from conftest import Page as BrowserPage

    p = BrowserPage(chromium, DESKTOP if size == "desktop" else PHONE)
    try:
        for page in ("timeline", "requirements", "map", "sources", "about"):
            p.open(f"{bundled_server.url}/{'' if page == 'timeline' else page}")
            if page in ("timeline", "map"):
                p.page.locator('[data-testid="stPlotlyChart"]').first.wait_for(timeout=30_000)
            if page == "requirements":
                p.page.get_by_text("Requirements by place and topic").scroll_into_view_if_needed()
            width = p.page.evaluate("document.documentElement.scrollWidth")
            assert width <= p.page.viewport_size["width"] + 1, f"{page} scrolls sideways at {size} width ({width}px)"
            p.screenshot(f"content-{size}-{page}")
        assert not p.errors
    finally:
        p.context.close()
