"""Playwright in Debian's headless chromium against a real `streamlit run` server; screenshots in artifacts/."""

from __future__ import annotations

import pytest
from trees import HOSTILE_ID, XSS

pytestmark = pytest.mark.browser

CHICAGO = "us-il-chicago"
CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"


def _no_outside_requests(page) -> None:
    assert not page.errors, page.errors
    # Everything the app needs is served locally; anything else was blocked (and must not have been needed).
    assert not [u for u in page.blocked if "topojson" in u or "plot.ly" in u], page.blocked


def test_home_page_loads_with_chart_and_table(server, browser_page) -> None:
    p = browser_page
    p.open(server.url + "/")
    p.page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    assert p.page.get_by_role("heading", name="Timeline").is_visible()
    assert p.page.locator('[data-testid="stDataFrame"]').count() >= 1
    p.screenshot("01-home")
    _no_outside_requests(p)


def test_chicago_through_the_url_then_its_executive_order(server, browser_page, tracker_store) -> None:
    p = browser_page
    p.open(f"{server.url}/?place={CHICAGO}")
    p.page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    expected = tracker_store.places.loc[tracker_store.places["place"] == CHICAGO, "action_id"].nunique()
    assert p.page.locator(".scatterlayer .point").count() == expected
    assert f"place={CHICAGO}" in p.page.url
    p.screenshot("02-chicago")
    p.open(f"{server.url}/requirements?place={CHICAGO}&policy={CHICAGO_EO}")
    p.page.get_by_text("Who must comply: Chicago Police Department").wait_for(timeout=30_000)
    assert p.page.get_by_text("Sources disagree").first.is_visible()
    assert f"policy={CHICAGO_EO}" in p.page.url and f"place={CHICAGO}" in p.page.url
    p.screenshot("03-chicago-eo-requirements")
    p.page.get_by_text("Who must comply: City agencies").first.scroll_into_view_if_needed()
    p.screenshot("03b-provisions")
    p.page.get_by_text("Requirements by place and topic").scroll_into_view_if_needed()
    p.screenshot("03c-matrix")
    _no_outside_requests(p)


def test_filters_survive_the_sidebar_navigation(server, browser_page) -> None:
    p = browser_page
    p.open(f"{server.url}/?place={CHICAGO}&topic=masks")
    p.page.locator('[data-testid="stSidebarNav"] a', has_text="Map").click()
    p.page.wait_for_url("**/map?**", timeout=30_000)
    p.wait_rendered()
    assert f"place={CHICAGO}" in p.page.url and "topic=masks" in p.page.url


def test_map_draws_state_outlines_with_no_internet(server, browser_page) -> None:
    p = browser_page
    p.open(f"{server.url}/map")
    p.page.wait_for_selector(".js-plotly-plot .geo path.subunits, .js-plotly-plot .geo .subunits path", timeout=30_000)
    outlines = p.page.locator(".js-plotly-plot .geo .subunits path, .js-plotly-plot .geo path.subunits").count()
    assert outlines >= 1
    assert any(u.endswith("/app/static/topojson/usa_110m.json") for u in p.requested), p.requested[-20:]
    p.screenshot("04-map-offline")
    _no_outside_requests(p)


def test_hostile_title_shows_its_characters_and_runs_nothing(hostile_server, browser_page) -> None:
    p = browser_page
    p.open(f"{hostile_server.url}/requirements?policy={HOSTILE_ID}")
    p.page.get_by_role("heading", name=XSS, exact=True).wait_for(timeout=30_000)
    p.open(f"{hostile_server.url}/")
    p.page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    points = p.page.locator(".scatterlayer .point")
    for i in range(points.count()):  # the drag layer covers the points: hover by position, as a mouse does
        box = points.nth(i).bounding_box()
        p.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        p.page.wait_for_timeout(250)
        if XSS in (p.page.locator(".hoverlayer").first.text_content() or ""):
            break
    assert XSS in p.page.locator(".hoverlayer").first.text_content()
    assert p.dialogs == []
    assert p.page.locator("img[src=x]").count() == 0
    assert p.page.locator('a[href^="javascript:"]').count() == 0
    p.screenshot("05-hostile")
    p.open(f"{hostile_server.url}/about")
    p.page.get_by_text("Data issues").wait_for(timeout=30_000)
    p.page.get_by_text("Data issues").scroll_into_view_if_needed()
    p.screenshot("06-about-problems")
    assert p.dialogs == [] and not p.errors


def test_clicking_a_point_opens_its_requirements(server, browser_page) -> None:
    p = browser_page
    p.open(f"{server.url}/?place={CHICAGO}&type=executive-order")
    point = p.page.locator(".js-plotly-plot .scatterlayer .point").first
    point.wait_for(timeout=30_000)
    box = point.bounding_box()
    p.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    p.page.wait_for_url("**/requirements?**", timeout=30_000)
    p.wait_rendered()
    assert "policy=" in p.page.url and f"place={CHICAGO}" in p.page.url
    p.page.get_by_text("Provisions", exact=True).wait_for(timeout=30_000)


# --- sharing: the chart's own download, presenter mode, Copy link ----------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG"
    return struct.unpack(">II", data[16:24])


def test_chart_download_button_gives_a_slide_sized_png_named_by_the_view(
    server, browser_page, tracker_store, tmp_path
) -> None:
    from conftest import ARTIFACTS

    from policies.output import names
    from policies.view import Filters, View

    p = browser_page
    p.open(f"{server.url}/?place={CHICAGO}&color=topic")
    chart = p.page.locator('[data-testid="stPlotlyChart"]').first
    chart.locator(".scatterlayer .point").first.wait_for(timeout=30_000)
    assert chart.get_by_text("Government actions on immigration enforcement").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    chart.screenshot(path=str(ARTIFACTS / "09-chart-provenance.png"))
    chart.hover()  # plotly shows its modebar while the pointer is over the chart
    button = chart.locator('.modebar-btn[data-title="Download plot as a PNG"]')
    button.wait_for(state="visible", timeout=10_000)
    with p.page.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    expected = names.filename(tracker_store, View(filters=Filters(place=(CHICAGO,))), "png")
    assert download.suggested_filename == expected
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    width, height = _png_size(saved.read_bytes())
    assert width >= 1920 and height >= 600
    (ARTIFACTS / "10-downloaded-chart.png").write_bytes(saved.read_bytes())
    # SVG: the Chart image switch sets the format of the same button.
    p.page.get_by_text("SVG (print, editing)").click()
    p.wait_rendered()
    chart.hover()
    button = chart.locator('.modebar-btn[data-title^="Download plot"]')
    button.wait_for(state="visible", timeout=10_000)
    with p.page.expect_download(timeout=30_000) as info:
        button.click()
    assert info.value.suggested_filename == expected.replace(".png", ".svg")
    svg = tmp_path / "chart.svg"
    info.value.save_as(svg)
    assert svg.read_text().startswith("<svg") and "Data as of" in svg.read_text()
    _no_outside_requests(p)


def test_presenter_mode_shows_the_chart_without_the_sidebar_and_leaves_to_the_same_view(server, browser_page) -> None:
    p = browser_page
    p.open(f"{server.url}/?place={CHICAGO}&present=1")
    chart = p.page.locator('[data-testid="stPlotlyChart"]').first
    chart.locator(".scatterlayer .point").first.wait_for(timeout=30_000)
    assert (
        p.page.locator('[data-testid="stSidebar"]').count() == 0
        or not p.page.locator('[data-testid="stSidebar"]').is_visible()
    )
    assert not p.page.locator('[data-testid="stHeader"]').is_visible()
    assert not p.page.locator('[data-testid="stExpandSidebarButton"]').is_visible()
    assert chart.bounding_box()["width"] > 0.85 * 1440, "full width"
    assert p.page.get_by_text("Lines show when an action was in force.").is_visible()
    p.screenshot("08-present")
    p.page.get_by_role("button", name="Exit presenter mode").click()
    p.page.wait_for_selector('[data-testid="stSidebar"]', state="visible", timeout=30_000)
    p.wait_rendered()
    assert "present" not in p.page.url and f"place={CHICAGO}" in p.page.url
    assert p.page.get_by_role("heading", name="Timeline").is_visible()
    _no_outside_requests(p)


@pytest.mark.parametrize(
    "path",
    [
        f"/?place={CHICAGO}&color=topic",
        f"/requirements?place={CHICAGO}&policy={CHICAGO_EO}",
        "/map?level=city&as_of=2025-10-01",
    ],
)
def test_copy_link_shows_the_address_in_the_browser(server, browser_page, path) -> None:
    p = browser_page
    p.open(server.url + path)
    link = p.page.locator('[data-testid="stSidebar"] [data-testid="stCode"] code')
    link.wait_for(timeout=30_000)
    assert link.inner_text().strip() == p.page.url == server.url + path


MARKDOWN_Q = (
    "q=%2A%2Abold%2A%2A%20_it_%20%5Bclick%20me%5D(https%3A%2F%2Fevil.example)"  # **bold** _it_ [click me](https://...)
)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        f"/requirements?policy={HOSTILE_ID}",
        "/map",
        "/sources",
        "/about",
        "/?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E&place=%3Cimg%20src%3Dx%3E",
        f"/?{MARKDOWN_Q}",
        f"/sources?{MARKDOWN_Q}",
        f"/map?{MARKDOWN_Q}",
        f"/requirements?{MARKDOWN_Q}",
    ],
)
def test_no_page_runs_or_links_what_a_record_or_a_url_carries(hostile_server, browser_page, path: str) -> None:
    """Every text field of one record is HTML, script, markdown links to javascript:, and control characters."""
    p = browser_page
    p.open(hostile_server.url + path)
    p.page.wait_for_timeout(500)  # charts draw after the script finishes
    body = p.page.locator("body").inner_text()
    if f"policy={HOSTILE_ID}" in path:
        for shown in (
            "<script>alert(2)</script>",
            "[click me](javascript:alert(3))",
            '<a href="javascript:alert(4)">link</a>',
        ):
            assert shown in body, shown  # the characters, as text
    if path == "/sources":
        p.page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(state="attached", timeout=30_000)
    assert p.dialogs == [] and p.errors == []
    assert p.page.locator("img[src=x], img[src='x']").count() == 0
    assert p.page.locator("script:text('alert')").count() == 0
    assert p.page.locator('a[href^="javascript:" i]').count() == 0
    # Nor is anything formatted: no bold, italics, maths or link made from a record's or the URL's markdown.
    made = "strong:text-is('bold'), b:text-is('bold'), em:text-is('it'), .katex, a:text-is('click me'), a[href*='evil.example']"
    assert p.page.locator(made).count() == 0, p.page.locator(made).first.evaluate("e => e.parentElement.outerHTML")
    p.screenshot(
        "11-hostile" + path.split("?")[0].replace("/", "-").rstrip("-") + ("-markdown" if "bold" in path else "")
    )


@pytest.mark.browser
def test_the_printed_summary_writes_out_each_sources_address(browser_page, tmp_path) -> None:
    """On paper a link cannot be followed: printed, each source's address follows its name."""
    import datetime as dt

    from trees import minimal_tree

    from policies import store
    from policies.output.summary import action_summary_html
    from policies.store import action_detail

    s = store.load(minimal_tree(tmp_path), use_cache=False)
    page = action_summary_html(
        action_detail(s, "il-lawsuit-2025-03-19", dt.date(2025, 4, 1)), s.as_of, "https://t.example/"
    )
    p = browser_page.page
    p.set_content(page)
    link = p.locator("li a").first
    href = link.get_attribute("href")
    after = "el => getComputedStyle(el, '::after').content"
    assert link.evaluate(after) in ("none", "normal", '""'), "on screen, a link is just a link"
    p.emulate_media(media="print")
    assert href and href in link.evaluate(after)
