"""The view: parsing a query string (never raising, notices with key, value and reason), applying it to the
store with each status on the view's day, describing it in words, and writing it back as the same query string."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies import store
from policies.view import FILTERS, Filters, View, apply, describe, parse
from policies.view import filters as F

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(FIXTURES / "minimal", use_cache=False)


def ids(s: store.Store, **params: object) -> set[str]:
    view, _ = parse(params, s)  # type: ignore[arg-type]
    return set(apply(s, view)["id"])


def test_repeated_and_comma_separated_values_are_the_same(s: store.Store) -> None:
    repeated, _ = parse({"place": ["us-il", "us-ca"]}, s)
    commas, _ = parse({"place": "us-il,us-ca"}, s)
    assert repeated == commas and repeated.filters.place == ("us-il", "us-ca")


def test_unknown_and_malformed_values_are_dropped_with_notices(s: store.Store) -> None:
    view, notices = parse(
        {"place": ["us-il", "atlantis"], "level": "galactic", "from": "yesterday", "policy": "nope"}, s
    )
    assert view == View(filters=Filters(place=("us-il",)))
    assert [(n.key, n.value, n.reason) for n in notices] == [
        ("place", "atlantis", "unknown"),
        ("level", "galactic", "unknown"),
        ("from", "yesterday", "not-a-date"),
        ("policy", "nope", "unknown"),
    ]
    assert [str(n) for n in notices] == [
        "Ignored unknown place 'atlantis'.",
        "Ignored unknown level 'galactic'.",
        "Ignored 'from': 'yesterday' is not a date in YYYY-MM-DD form.",
        "Ignored unknown policy 'nope'.",
    ]
    assert all(n.dropped for n in notices)


def test_swapped_dates_are_put_right(s: store.Store) -> None:
    view, notices = parse({"from": "2025-03-31", "to": "2025-03-01"}, s)
    assert (view.filters.date_from, view.filters.date_to) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert [str(n) for n in notices] == ["'from' was after 'to'; the two dates were swapped."]
    assert not notices[0].dropped, "a swap keeps both dates: a warning, not an error"


def test_dates_a_picker_cannot_show_are_dropped(s: store.Store) -> None:
    view, notices = parse({"as_of": "1800-01-01", "to": "2300-01-01"}, s)
    assert view.as_of is None and view.filters.date_to is None
    assert [(n.key, n.reason) for n in notices] == [("to", "out-of-range"), ("as_of", "out-of-range")]


def test_chart_options_and_presenter_mode_are_parsed_with_the_filters(s: store.Store) -> None:
    view, notices = parse({"color": "topic", "present": "1", "by": "topic"}, s, "map")
    assert (view.page, view.color, view.present, view.by) == ("map", "topic", True, "topic") and not notices
    view, notices = parse({"color": "rainbow", "present": "yes"}, s)
    assert (view.color, view.present) == ("level", False)
    assert [str(n) for n in notices] == [
        "Ignored unknown color 'rainbow' (use level or topic).",
        "Ignored present 'yes' (use present=1).",
    ]


def test_query_string_round_trips(s: store.Store) -> None:
    original, _ = parse(
        {"place": ["us-il-chicago", "us-il"], "topic": "police-cooperation", "from": "2025-01-01", "q": "police & ICE"},
        s,
    )
    again, notices = parse(parse_qs(original.query_string()), s)
    assert again == original and notices == []


def test_filter_definitions_cover_every_filter_field() -> None:
    """Each field of Filters is one definition's, and each definition's keys are URL keys the parser reads."""
    from dataclasses import fields

    covered = {key for d in FILTERS for key in d.cleared()}
    assert covered == {f.name for f in fields(Filters)}
    asked = {key: ["x"] for d in FILTERS for key in d.keys} | {"q": ["x" * (F.MAX_QUERY + 1)]}  # each one refused
    _, notices = parse(asked, store.load(FIXTURES / "minimal", use_cache=False))
    assert {n.key for n in notices} == set(asked), "every definition's keys are read from the query string"


# --- property tests: parse(view.to_params()) is the same view, with no notices -----------------------------------

VALUES = {
    "place": ["us-il-chicago", "us-il", "us", "us-ca"],
    "level": ["federal", "state", "city", "county"],
    "topic": ["police-cooperation", "data-privacy", "masks"],
    "type": ["executive-order", "lawsuit", "announcement"],
    "status": ["signed", "challenged", "announced", "not-yet"],
}
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def views(draw) -> View:
    lists = {key: tuple(draw(st.lists(st.sampled_from(VALUES[key]), unique=True, max_size=3))) for key in VALUES}
    start, end = draw(st.none() | DAYS), draw(st.none() | DAYS)
    if start and end and start > end:
        start, end = end, start
    # What a search box can hold: printable text, trimmed (the parser drops the rest, with no notice).
    q = draw(st.text(st.characters(codec="utf-8"), max_size=30).filter(str.isprintable)).strip()
    filters = Filters(**lists, date_from=start, date_to=end, q=q)
    return View(
        page=draw(st.sampled_from(["timeline", "requirements", "map"])),
        filters=filters,
        policy=draw(st.none() | st.sampled_from(["chicago-eo-2025-02-28", "il-lawsuit-2025-03-19"])),
        as_of=draw(st.none() | DAYS),
        color=draw(st.sampled_from(["level", "topic"])),
        by=draw(st.sampled_from(["jurisdiction", "topic"])),
        present=draw(st.booleans()),
    )


@settings(max_examples=200, deadline=None)
@given(view=views())
def test_parse_of_to_params_is_the_same_view_with_no_notices(s: store.Store, view: View) -> None:
    again, notices = parse(view.to_params(), s, view.page)
    assert again == view and notices == []
    again, notices = parse(parse_qs(view.query_string(), keep_blank_values=True), s, view.page)
    assert again == view and notices == []


@settings(max_examples=200, deadline=None)
@given(
    known=st.lists(st.sampled_from(VALUES["place"]), unique=True, min_size=1, max_size=4),
    unknown=st.lists(st.from_regex(r"[a-z]{3,8}-x", fullmatch=True), unique=True, max_size=4),
    data=st.data(),
)
def test_known_values_keep_their_order_and_each_unknown_gets_a_notice(s: store.Store, known, unknown, data) -> None:
    mixed = data.draw(st.permutations(known + unknown))
    view, notices = parse({"place": mixed}, s)
    assert list(view.filters.place) == [v for v in mixed if v in known]
    assert [(n.key, n.value, n.reason) for n in notices] == [("place", v, "unknown") for v in mixed if v in unknown]


# --- applying -------------------------------------------------------------------------------------------------


def test_city_filter_shows_the_city_and_federal_actions_aimed_at_it_only(s: store.Store) -> None:
    assert ids(s, place="us-il-chicago") == {
        "chicago-eo-2025-02-28",
        "us-dhs-more-agents-2025-03-02",
        "il-lawsuit-2025-03-19",
    }
    assert ids(s, place="us-ca") == set()


def test_state_filter_includes_its_cities(s: store.Store) -> None:
    assert "chicago-eo-2025-02-28" in ids(s, place="us-il")


def test_level_topic_type_and_dates(s: store.Store) -> None:
    assert ids(s, level="federal") == {"us-dhs-more-agents-2025-03-02"}
    assert ids(s, topic="data-privacy") == {"chicago-eo-2025-02-28"}
    assert ids(s, type="lawsuit") == {"il-lawsuit-2025-03-19"}
    assert ids(s, **{"from": "2025-03-01", "to": "2025-03-10"}) == {"us-dhs-more-agents-2025-03-02"}


def test_search_looks_in_titles_summaries_and_provisions(s: store.Store) -> None:
    assert ids(s, q="IMMIGRATION STATUS") == {"chicago-eo-2025-02-28"}  # only in a provision
    assert ids(s, q="more agents") == {"us-dhs-more-agents-2025-03-02"}


def test_as_of_reads_status_on_that_day_and_hides_what_had_not_happened(s: store.Store) -> None:
    view, _ = parse({"as_of": "2025-03-05"}, s)
    rows = apply(s, view).set_index("id")
    assert rows["status"].to_dict() == {"chicago-eo-2025-02-28": "signed", "us-dhs-more-agents-2025-03-02": "announced"}
    assert ids(s, as_of="2025-03-20", status="challenged") == {"chicago-eo-2025-02-28"}


def test_describe_states_the_view_in_words(s: store.Store) -> None:
    view, _ = parse(
        {
            "place": "us-il-chicago",
            "topic": ["police-cooperation", "data-privacy"],
            "from": "2025-08-01",
            "to": "2025-10-31",
            "as_of": "2025-09-01",
        },
        s,
    )
    assert describe(s, view) == (
        "Actions by or aimed at Chicago, police cooperation and data privacy, Aug 1 – Oct 31, 2025, "
        "status as of 2025-09-01"
    )
    assert describe(s, View()) == "All actions"


def test_hostile_values_never_raise(s: store.Store) -> None:
    view, notices = parse({"place": ["x" * 10_000] * 100, "q": "\x00<script>" * 100, "to": "9999-99-99"}, s)
    assert view.filters.place == () and len(view.filters.q) == F.MAX_QUERY and "\x00" not in view.filters.q
    assert any(n.reason == "too-many" for n in notices) and any(n.reason == "cut" for n in notices)
