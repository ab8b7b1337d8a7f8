"""Sharing: permalinks, file names and captions made from a view; the printable action summary."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hostile_tree import HOSTILE_ID, HOSTILE_TEXT, XSS, hostile_tree

from policies import filters as F
from policies import share, store
from policies.summary import action_summary_html, format_date

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def s() -> store.Store:
    return store.load(FIXTURES / "minimal", use_cache=False)


def view(s: store.Store, **params: object) -> F.Filters:
    return F.parse(params, F.Vocabulary.of(s))[0]  # type: ignore[arg-type]


def test_permalink_reproduces_page_filters_and_options(s: store.Store) -> None:
    filters = view(s, place=["us-il-chicago", "us-il"], topic="police-cooperation", as_of="2025-03-05")
    url = share.permalink(filters, "requirements", {"color": "topic", "bogus": "1"}, base="https://tracker.example")
    parts = urlsplit(url)
    assert parts.netloc == "tracker.example" and parts.path == "/requirements"
    query = parse_qs(parts.query)
    assert query == {"place": ["us-il-chicago", "us-il"], "topic": ["police-cooperation"], "as_of": ["2025-03-05"], "color": ["topic"]}
    assert F.parse(query, F.Vocabulary.of(s))[0] == filters


def test_file_name_is_made_from_the_view(s: store.Store) -> None:
    filters = view(s, place="us-il-chicago", topic="police-cooperation", **{"from": "2025-02-01", "to": "2025-03-31"})
    assert share.filename(s, filters, "timeline", "png") == (
        "local-policy-tracker_timeline-chicago-police-cooperation-2025-02-01-to-2025-03-31-as-of-2025-04-01.png"
    )
    assert share.filename(s, F.Filters(q=HOSTILE_TEXT), "map", "svg").count("/") == 0


def test_caption_names_filters_outlets_as_of_and_permalink(s: store.Store) -> None:
    filters = view(s, place="us-il-chicago")
    rows = F.apply(s, filters)
    cap = share.caption(s, rows, filters, "timeline")
    assert cap["subtitle"] == "Actions by or aimed at Chicago · 3 actions"
    assert cap["sources"] == "Sources: Test Gazette, Test Wire"
    assert cap["as_of"] == "Data as of 2025-04-01"
    assert cap["permalink"].endswith("/timeline?place=us-il-chicago")


def test_plot_text_escapes_markup() -> None:
    assert share.plot_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_summary_page_lists_requirements_evidence_and_permalink(s: store.Store) -> None:
    page = action_summary_html(s, "chicago-eo-2025-02-28", "https://tracker.example/requirements?policy=chicago-eo-2025-02-28")
    assert "<h3>City police</h3>" in page and "<span class='verb'>prohibits</span>" in page
    assert "“bars city police from helping federal agents with civil immigration arrests”" in page
    assert "https://tracker.example/requirements?policy=chicago-eo-2025-02-28" in page
    assert "challenged" in page and "Test Wire" in page


def test_summary_page_shows_hostile_text_as_text(tmp_path: Path) -> None:
    hostile = store.load(hostile_tree(tmp_path), use_cache=False)
    page = action_summary_html(hostile, HOSTILE_ID, "javascript:alert(4)")
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
