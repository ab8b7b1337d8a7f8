"""AppTest of the sharing controls: Copy link on every page, presenter mode, image and data downloads."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from policies.ui.state import PRESENT_CSS
from policies.view import BASE_URL_ENV, page_path

CHICAGO = "us-il-chicago"
CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"
BASE = "https://tracker.example/app"
PAGES = ("timeline", "requirements", "map", "sources", "about", "add")
VIEW = {
    "place": CHICAGO,
    "topic": ["masks", "body-cameras"],
    "from": "2025-08-01",
    "to": "2025-12-31",
    "as_of": "2025-11-01",
    "policy": CHICAGO_EO,
    "color": "topic",
}


def _qp(at) -> dict[str, list[str]]:
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def _copy_link(at) -> str:
    codes = [c.value for c in at.sidebar.code]
    assert len(codes) == 1, "one Copy link, in the sidebar"
    return codes[0]


@pytest.fixture
def base(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(BASE_URL_ENV, BASE)
    return BASE


@pytest.mark.parametrize("page", PAGES)
def test_copy_link_is_exactly_the_url_on_screen(make_app, base, page) -> None:
    at = make_app(VIEW, page=page)
    assert not at.exception
    link = urlsplit(_copy_link(at))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{base}/{page_path(page)}"
    assert parse_qs(link.query) == _qp(at), "page, filters, selected action and chart options, as in the URL"
    assert parse_qs(link.query) == {k: v if isinstance(v, list) else [v] for k, v in VIEW.items()}
    assert any("Copy link" in m.value for m in at.sidebar.markdown)


def test_copy_link_follows_changes_made_on_the_page(make_app, base) -> None:
    at = make_app({"place": CHICAGO})
    at.radio(key="color").set_value("topic").run()
    at.multiselect(key="f_level").set_value(["city"]).run()
    assert _copy_link(at) == f"{base}/?place={CHICAGO}&level=city&color=topic"


def test_timeline_offers_image_formats_and_data_downloads(make_app) -> None:
    at = make_app({"place": CHICAGO})
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Actions (CSV)", "Provisions (CSV)", "Actions and provisions (JSON)"]
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    options = config["toImageButtonOptions"]
    assert options["format"] == "png" and options["width"] * options["scale"] >= 1920
    assert options["filename"].startswith("local-policy-tracker_timeline-chicago-as-of-")
    at.radio(key="image_format").set_value("svg").run()
    assert json.loads(at.get("plotly_chart")[0].proto.config)["toImageButtonOptions"]["format"] == "svg"
    assert "image_format" not in at.query_params, "a download preference, not part of the view"


def test_the_chart_on_screen_carries_its_provenance(make_app, base, tracker_store) -> None:
    at = make_app({"place": CHICAGO})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "Government actions on immigration enforcement" in spec["layout"]["title"]["text"]
    assert spec["layout"]["title"]["subtitle"]["text"].startswith("Actions by or aimed at Chicago")
    footer = next(a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "provenance")
    assert f"Data as of {tracker_store.as_of}" in footer and f"{base}/?place={CHICAGO}" in footer


def test_requirements_offers_the_printable_summary_and_the_data(make_app) -> None:
    at = make_app({"policy": CHICAGO_EO, "place": CHICAGO}, page="requirements")
    buttons = {d.proto.label: d for d in at.get("download_button")}
    assert list(buttons) == [
        "Printable summary (HTML)",
        "Actions (CSV)",
        "Provisions (CSV)",
        "Actions and provisions (JSON)",
    ]


def test_map_offers_image_formats_and_data_downloads(make_app) -> None:
    at = make_app({"place": CHICAGO}, page="map")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"] == "app/static/topojson/"
    assert config["toImageButtonOptions"]["filename"].startswith("local-policy-tracker_map-chicago")
    assert len(at.get("download_button")) == 3


def test_presenter_mode_hides_the_sidebar_and_shows_the_chart_full_width(make_app) -> None:
    at = make_app({"present": "1", "place": CHICAGO})
    assert not at.exception
    assert not at.sidebar.children, "no filters, no navigation, no Copy link: nothing in the sidebar"
    assert [h.proto.body for h in at.get("html")] == [PRESENT_CSS]
    assert not at.title and not at.columns and not at.dataframe, "the chart and its caption only"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["font"]["size"] == 18, "presenter type size"
    assert at.button(key="exit_present").label == "Exit presenter mode"
    assert _qp(at) == {"place": [CHICAGO], "present": ["1"]}


def test_leaving_presenter_mode_returns_to_the_same_view(make_app) -> None:
    at = make_app({"present": "1", "place": CHICAGO, "color": "topic", "policy": CHICAGO_EO})
    at.button(key="exit_present").click().run()
    assert _qp(at) == {"place": [CHICAGO], "policy": [CHICAGO_EO], "color": ["topic"]}
    assert at.multiselect(key="f_place").value == [CHICAGO] and at.radio(key="color").value == "topic"
    assert not at.get("html") and at.title[0].value == "Timeline"
    at.button(key="enter_present").click().run()
    assert _qp(at)["present"] == ["1"] and not at.sidebar.children


def test_presenter_mode_survives_moving_between_pages(make_app) -> None:
    from streamlit.util import calc_hash

    at = make_app({"present": "1", "place": CHICAGO}, page="map")
    assert [h.proto.body for h in at.get("html")] == [PRESENT_CSS] and at.get("plotly_chart")
    at._page_hash = calc_hash("requirements")
    at.run()
    assert _qp(at)["present"] == ["1"] and [h.proto.body for h in at.get("html")] == [PRESENT_CSS]


def test_unknown_present_value_is_ignored_with_a_notice(make_app) -> None:
    at = make_app({"present": "<b>yes</b>"})
    assert any("Ignored present" in w.value.replace("\\", "") for w in at.warning)
    assert "<b>" not in at.warning[0].value.replace("\\<", "")
    assert at.sidebar.children and "present" not in at.query_params
