"""Filters: parsing the query string (never raising), applying it, and describing it in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policies import filters as F
from policies import store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(FIXTURES / "minimal", use_cache=False)


@pytest.fixture(scope="module")
def vocab(s: store.Store) -> F.Vocabulary:
    return F.Vocabulary.of(s)


def ids(s: store.Store, **params: object) -> set[str]:
    filters, _ = F.parse(params, F.Vocabulary.of(s))  # type: ignore[arg-type]
    return set(F.apply(s, filters)["id"])


def test_repeated_and_comma_separated_values_are_the_same(vocab: F.Vocabulary) -> None:
    repeated, _ = F.parse({"place": ["us-il", "us-ca"]}, vocab)
    commas, _ = F.parse({"place": "us-il,us-ca"}, vocab)
    assert repeated == commas and repeated.place == ("us-il", "us-ca")


def test_unknown_and_malformed_values_are_dropped_with_notices(vocab: F.Vocabulary) -> None:
    filters, notices = F.parse(
        {"place": ["us-il", "atlantis"], "level": "galactic", "from": "yesterday", "policy": "nope"}, vocab
    )
    assert filters == F.Filters(place=("us-il",))
    assert notices == [
        "Ignored unknown place 'atlantis'.",
        "Ignored unknown level 'galactic'.",
        "Ignored 'from': 'yesterday' is not a date in YYYY-MM-DD form.",
        "Ignored unknown policy 'nope'.",
    ]


def test_swapped_dates_are_put_right(vocab: F.Vocabulary) -> None:
    filters, notices = F.parse({"from": "2025-03-31", "to": "2025-03-01"}, vocab)
    assert (filters.date_from, filters.date_to) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert notices == ["'from' was after 'to'; the two dates were swapped."]


def test_query_string_round_trips(vocab: F.Vocabulary) -> None:
    original, _ = F.parse(
        {"place": ["us-il-chicago", "us-il"], "topic": "police-cooperation", "from": "2025-01-01", "q": "police & ICE"},
        vocab,
    )
    from urllib.parse import parse_qs

    again, notices = F.parse(parse_qs(original.query_string()), vocab)
    assert again == original and notices == []


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


def test_as_of_recomputes_status_and_hides_what_had_not_happened(s: store.Store) -> None:
    filters, _ = F.parse({"as_of": "2025-03-05"}, F.Vocabulary.of(s))
    rows = F.apply(s, filters).set_index("id")
    assert rows["status"].to_dict() == {"chicago-eo-2025-02-28": "signed", "us-dhs-more-agents-2025-03-02": "announced"}
    assert ids(s, as_of="2025-03-20", status="challenged") == {"chicago-eo-2025-02-28"}


def test_describe_states_the_filters_in_words(s: store.Store) -> None:
    filters, _ = F.parse(
        {
            "place": "us-il-chicago",
            "topic": ["police-cooperation", "data-privacy"],
            "from": "2025-08-01",
            "to": "2025-10-31",
        },
        F.Vocabulary.of(s),
    )
    assert F.describe(s, filters) == (
        "Actions by or aimed at Chicago, police cooperation and data privacy, Aug 1 – Oct 31, 2025"
    )
    assert F.describe(s, F.Filters()) == "All actions"


def test_hostile_values_never_raise(vocab: F.Vocabulary) -> None:
    filters, notices = F.parse({"place": ["x" * 10_000] * 100, "q": "\x00<script>" * 100, "to": "9999-99-99"}, vocab)
    assert filters.place == () and len(filters.q) == F.MAX_QUERY and "\x00" not in filters.q
    assert any("first 50 values" in n for n in notices)
