"""Sharing a view: its permalink, file names and figure captions; the escapers; the printable action summary."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from trees import HOSTILE_ID, HOSTILE_TEXT, XSS, hostile_tree

from policies import store
from policies.output import layout, names
from policies.output.escape import plot_text
from policies.output.formats import format_date
from policies.output.layout import plot_lines, url_lines
from policies.output.summary import action_summary_html
from policies.store import action_detail
from policies.view import BASE_URL_ENV, Filters, View, apply, base_url, parse

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(FIXTURES / "minimal", use_cache=False)


def view(s: store.Store, page: str = "timeline", **params: object) -> View:
    return parse(params, s, page)[0]  # type: ignore[arg-type]


def summary(s: store.Store, action_id: str, permalink: str, day: str = "2025-04-01") -> str:
    import datetime as dt

    return action_summary_html(action_detail(s, action_id, dt.date.fromisoformat(day)), s.as_of, permalink)


def test_permalink_reproduces_page_filters_and_options(s: store.Store) -> None:
    v = view(
        s,
        "requirements",
        place=["us-il-chicago", "us-il"],
        topic="police-cooperation",
        as_of="2025-03-05",
        color="topic",
    )
    url = v.permalink(base="https://tracker.example")
    parts = urlsplit(url)
    assert parts.netloc == "tracker.example" and parts.path == "/requirements"
    query = parse_qs(parts.query)
    assert query == {
        "place": ["us-il-chicago", "us-il"],
        "topic": ["police-cooperation"],
        "as_of": ["2025-03-05"],
        "color": ["topic"],
    }
    assert parse(query, s, "requirements")[0] == v


def test_file_name_is_made_from_the_view(s: store.Store) -> None:
    v = view(s, place="us-il-chicago", topic="police-cooperation", **{"from": "2025-02-01", "to": "2025-03-31"})
    assert names.filename(s, v, "png") == (
        "local-policy-tracker_timeline-chicago-police-cooperation-2025-02-01-to-2025-03-31-as-of-2025-04-01.png"
    )
    assert names.filename(s, View(page="map", filters=Filters(q=HOSTILE_TEXT)), "svg").count("/") == 0


def test_caption_names_filters_outlets_as_of_and_permalink(s: store.Store) -> None:
    v = view(s, place="us-il-chicago")
    cap = layout.caption(s, apply(s, v), v)
    assert cap["subtitle"] == "Actions by or aimed at Chicago · 3 actions"
    assert cap["sources"] == "Sources: Test Gazette, Test Wire"
    assert cap["as_of"] == "Data as of 2025-04-01"
    assert cap["permalink"].endswith("/?place=us-il-chicago"), "the timeline is the app's root page"


def test_plot_text_escapes_markup() -> None:
    assert plot_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert plot_text("ctrl\x07\x1b[31m\u202eevil") == "ctrl  [31m evil", "no bell, escape or right-to-left override"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_summary_page_lists_requirements_evidence_and_permalink(s: store.Store) -> None:
    page = summary(s, "chicago-eo-2025-02-28", "https://tracker.example/requirements?policy=chicago-eo-2025-02-28")
    assert "<h3>City police</h3>" in page and "<span class='verb'>prohibits</span>" in page
    assert "“bars city police from helping federal agents with civil immigration arrests”" in page
    assert "https://tracker.example/requirements?policy=chicago-eo-2025-02-28" in page
    assert "challenged" in page and "Test Wire" in page
    assert "status on 1 Apr 2025: Challenged" in page, "the status says which day it was read on"


def test_summary_page_shows_hostile_text_as_text(tmp_path: Path) -> None:
    hostile = store.load(hostile_tree(tmp_path), use_cache=False)
    page = summary(hostile, HOSTILE_ID, "javascript:alert(4)")
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert all(h.startswith("https://") for h in parser.hrefs)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize(
    ("precision", "expected"), [("day", "30 Aug 2025"), ("week", "week of 30 Aug 2025"), ("month", "Aug 2025")]
)
def test_one_date_format(precision: str, expected: str) -> None:
    import datetime as dt

    assert format_date(dt.date(2025, 8, 30), precision) == expected


def test_hostile_tree_loads_every_record(tmp_path: Path) -> None:
    loaded = store.load(hostile_tree(tmp_path), use_cache=False)
    assert loaded.errors == ()
    assert loaded.actions.set_index("id").loc[HOSTILE_ID, "title"] == XSS


# --- the one query string of a view: Copy link, URL, footers, file names ----------------------------


def test_view_params_are_filters_then_options_that_differ_from_their_default(s: store.Store) -> None:
    v = view(s, place="us-il-chicago", as_of="2025-03-05")
    assert v.to_params() == {"place": ["us-il-chicago"], "as_of": ["2025-03-05"]}
    assert replace(v, present=True, color="topic").to_params() == {
        "place": ["us-il-chicago"],
        "as_of": ["2025-03-05"],
        "color": ["topic"],
        "present": ["1"],
    }


def test_permalink_is_the_url_the_app_writes(s: store.Store) -> None:
    v = view(s, "requirements", place=["us-il-chicago"], q="body cameras & masks", policy="chicago-eo-2025-02-28")
    v = replace(v, color="topic", present=True)
    url = v.permalink(base="https://tracker.example/app")
    assert url == (
        "https://tracker.example/app/requirements?place=us-il-chicago&q=body+cameras+%26+masks"
        "&policy=chicago-eo-2025-02-28&color=topic&present=1"
    )
    assert parse_qs(urlsplit(url).query) == v.to_params()
    assert v.link(base="https://t.example").endswith("&color=topic"), "a chart's footer leaves presenter mode out"
    assert View().permalink(base="https://t.example") == "https://t.example/"
    assert View(page="map").permalink(base="https://t.example") == "https://t.example/map"


def test_base_url_is_the_configured_address_else_the_browsers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    assert base_url() == "http://localhost:8501"
    assert base_url("https://tracker.example/app/map", "map") == "https://tracker.example/app"
    assert base_url("https://tracker.example/app/", "") == "https://tracker.example/app"
    assert base_url("javascript:alert(1)//map", "map") == "http://localhost:8501"
    monkeypatch.setenv(BASE_URL_ENV, "https://canonical.example/")
    assert base_url("https://internal:8501/map", "map") == "https://canonical.example"


def test_file_names_say_what_they_hold(s: store.Store) -> None:
    v = view(s, place="us-il-chicago")
    assert (
        names.filename(s, v, "csv", "actions") == "local-policy-tracker_timeline-chicago-as-of-2025-04-01_actions.csv"
    )
    assert names.filename(s, replace(v, page="requirements"), "json", "Actions & provisions").endswith(
        "_actions-provisions.json"
    )


def test_plot_strings_are_wrapped_and_escaped() -> None:
    assert plot_lines("<b>bold</b> words that go on", 12) == "&lt;b&gt;bold&lt;/b&gt;<br>words that<br>go on"
    url = "https://t.example/?place=us-il-chicago&topic=masks&q=%3Cimg%3E"
    lines = url_lines(url, 30).split("<br>")
    assert lines == ["https://t.example/", "?place=us-il-chicago", "&amp;topic=masks&amp;q=%3Cimg%3E"]
    assert all(len(line) <= 30 for line in url_lines("https://t.example/?q=" + "x" * 100, 30).split("<br>"))
