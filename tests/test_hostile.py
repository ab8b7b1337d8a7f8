"""Attacks on the dashboard: every broken tree of the validation corpus, and random or malicious query strings.

The loader's side of the corpus (file, line, field, message; records in and out) is tests/test_validate.py;
here the dashboard opened on each broken tree shows every valid record, lists the problem on the About page,
and raises nothing (one AppTest per case, so marked slow; the loader's side stays in the fast loop). Query
strings come from hypothesis: 5,000 through the parser, and 400 per page (2,400) through AppTest, which
runs the whole app each time (about a tenth of a second on the shared tree). Both are marked slow: the fast
loop (`-m "not slow and not browser"`) leaves them out.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validate import ALL, CASES, FIXTURES, Case, make_tree

from policies import store
from policies.view import parse

PAGES = ("timeline", "requirements", "map", "sources", "about", "add")
KEYS = ("place", "level", "topic", "type", "status", "from", "to", "q", "policy", "as_of", "color", "present", "page")


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_dashboard_shows_every_valid_record_and_lists_the_problem(case: Case, make_app, tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    case.breaks(root)
    loaded = store.load(root, use_cache=False)  # as the dashboard loads it: without the source texts
    at = make_app(data=root)
    assert not at.exception
    shown = set(at.dataframe[0].value["id"]) if at.dataframe else set()
    assert shown == set(loaded.actions["id"])  # records in and out: what the loader keeps, the page shows
    assert shown >= ALL - case.lost  # and it keeps at least what the corpus says survives
    at = make_app(data=root, page="about")
    assert not at.exception
    listed = " ".join(str(df.value.to_dict()) for df in at.dataframe) + " ".join(m.value for m in at.markdown)
    for problem in loaded.errors:
        assert problem.message[:60] in listed, problem


# --- query strings ------------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "\x00",
    "\u202eevil",
    "=cmd|' /C calc'!A0",
    "{{7*7}}",
    "${jndi:x}",
    "9999-99-99",
    "2025-02-30",
    "-1",
    "1e309",
    "us-il-chicago,,,",
    "a" * 5000,
    "🙂" * 50,
    "\r\nSet-Cookie: x=1",
]
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=string.printable, max_size=40),
    st.text(max_size=20),
    st.sampled_from(["us-il-chicago", "masks", "city", "lawsuit", "signed", "2025-08-30", "level", "topic", "1"]),
)
QUERY = st.dictionaries(
    st.sampled_from(KEYS) | st.text(max_size=8), st.lists(VALUE, min_size=1, max_size=3), max_size=5
)


@pytest.mark.slow
@settings(
    max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(query=QUERY)
def test_the_query_parser_takes_anything_and_reports_what_it_ignored(
    query: dict[str, list[str]], tracker_store
) -> None:
    view, notices = parse(query, tracker_store)
    labels = tracker_store.labels
    for key in ("place", "level", "topic", "type", "status"):
        assert set(getattr(view.filters, key)) <= labels.known(key)
        asked = [v.strip() for raw in query.get(key, []) for v in raw.split(",") if v.strip()]
        unknown = {v for v in asked if v not in labels.known(key)}
        if len(asked) <= 50:  # past 50 values the rest are cut with one notice, unread
            assert {n.value for n in notices if n.key == key and n.reason == "unknown"} == unknown, (key, asked)
    assert parse(view.to_params(), tracker_store) == (view, []), "what was kept is a view of its own"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(query=QUERY)
def test_no_query_string_breaks_a_page(page: str, query: dict[str, list[str]], app_on_page) -> None:
    at = app_on_page(page, query)
    assert not at.exception, (page, query, at.exception)
    assert at.title or at.get("plotly_chart")  # the page drew (presenter mode draws only its chart)


@pytest.fixture(scope="module")
def app_on_page(tmp_path_factory: pytest.TempPathFactory, tracker_data: Path):
    """An AppTest per page and query, on the shared tree, its cache in a temporary folder."""
    import os

    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    os.environ["POLICIES_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["POLICIES_DATA_DIR"] = str(tracker_data)

    def make(page: str, query: dict[str, list[str]]) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for key, values in query.items():
            at.query_params[key] = values
        at._page_hash = calc_hash(page)
        return at.run()

    return make


def test_fixture_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30 and (FIXTURES / "minimal").is_dir()
