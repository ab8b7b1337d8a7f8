"""`python -m policies chart`: PNG, SVG and self-contained HTML of a view's figure, drawn on the server."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from policies.cli import main

CHICAGO = "us-il-chicago"
BASE = "https://tracker.example"
VIEW = ["--place", CHICAGO, "--topic", "masks,body-cameras", "--from", "2025-08-01", "--to", "2025-10-31"]
VIEW_QUERY = "place=us-il-chicago&topic=masks&topic=body-cameras&from=2025-08-01&to=2025-10-31"


@pytest.fixture(scope="module")
def kaleido_server():
    """One Chromium for the module's images (each would otherwise start its own, ~3 s)."""
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    yield
    kaleido.stop_sync_server(silence_warnings=True)


TRACKER = Path(__file__).parent / "fixtures" / "tracker"  # the shared tree (read only here)


def chart(tmp_path: Path, name: str, *args: str) -> tuple[int, Path]:
    out = tmp_path / name
    return main(["chart", "--out", str(out), "--base-url", BASE, "--data-dir", str(TRACKER), *args]), out


def figure_text(page: str) -> str:
    """An HTML export's figure JSON as plain characters (plotly writes '/' and '<' as \\u escapes there)."""
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), page)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (bytes 16-24), no imaging library needed."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.filterwarnings("ignore:The kopts argument is ignored")
@pytest.mark.slow
def test_png_is_slide_sized_and_named_by_the_caller(kaleido_server, tmp_path: Path) -> None:
    code, out = chart(tmp_path, "chicago.png", *VIEW, "--color", "topic")
    assert code == 0
    width, height = png_size(out.read_bytes())
    assert width >= 1920 and 600 <= height <= 3000
    assert out.stat().st_size > 20_000


@pytest.mark.filterwarnings("ignore:The kopts argument is ignored")
def test_svg_carries_title_filters_sources_date_and_permalink(kaleido_server, tmp_path: Path, tracker_store) -> None:
    code, out = chart(tmp_path, "chicago.svg", *VIEW)
    assert code == 0
    svg = out.read_text()
    assert svg.lstrip().startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    text = re.sub(r"<[^>]+>", "\n", svg)  # the figure's text, tag by tag
    assert "Government actions on immigration enforcement" in text
    assert "Actions by or aimed at Chicago, masks and body cameras, Aug 1 – Oct 31, 2025" in text
    assert f"Data as of {tracker_store.as_of}" in text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    link = lines.index(next(line for line in lines if line.startswith("Local-policy tracker: ")))
    assert (
        "".join(lines[link : link + 3]).replace("&amp;", "&").startswith(f"Local-policy tracker: {BASE}/?{VIEW_QUERY}")
    )


@pytest.mark.filterwarnings("ignore:The kopts argument is ignored")
def test_map_svg_draws_state_outlines_from_the_bundled_topojson(kaleido_server, tmp_path: Path) -> None:
    code, out = chart(tmp_path, "map.svg", "--page", "map")
    assert code == 0  # the machine has no route to cdn.plot.ly: the outlines came from static/topojson
    assert re.search(r'<g class="layer subunits"><path d="M[\d.]+', out.read_text())


def test_html_is_one_self_contained_file(tmp_path: Path) -> None:
    code, out = chart(tmp_path, "map.html", "--page", "map", "--level", "city")
    assert code == 0
    page = out.read_text()
    assert page.startswith("<!doctype html>") and "<html" in page
    assert "Plotly.newPlot" in page and len(page) > 3_000_000, "plotly.js is inlined"
    assert not re.search(r"<script[^>]*\bsrc=", page), "no external scripts"
    assert not re.search(r"<link[^>]*\bhref=", page), "no external stylesheets"
    assert 'window.PlotlyGeoAssets = {topojson: {"usa_110m":' in page, "the map's outlines travel with it"
    assert f"Local-policy tracker: {BASE}/map?level=city" in figure_text(page)


def test_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.html"
    out.write_text("keep me")
    assert main(["chart", "--out", str(out), "--data-dir", str(TRACKER)]) == 2
    assert out.read_text() == "keep me"
    assert capsys.readouterr().err.strip() == f"error: {out} exists; pass --force to overwrite"
    assert main(["chart", "--out", str(out), "--force", "--data-dir", str(TRACKER)]) == 0
    assert out.read_text().startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.html"], "no temporary file left behind"


@pytest.mark.parametrize(
    "args,message",
    [
        (["--place", "atlantis"], "error: unknown place 'atlantis'; nothing written"),
        (["--from", "31/12/2025"], "error: 'from': '31/12/2025' is not a date in YYYY-MM-DD form; nothing written"),
        (["--type", "law,decree"], "error: unknown type 'decree'; nothing written"),
        (["--color", "rainbow"], "error: unknown color 'rainbow' (use level or topic); nothing written"),
    ],
)
def test_bad_filter_values_are_one_line_errors(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    code, out = chart(tmp_path, "x.html", *args)
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert err.strip() == message and err.count("\n") == 1


def test_file_name_picks_the_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = chart(tmp_path, "chart.pdf")
    assert code == 2 and not out.exists()
    assert (
        capsys.readouterr().err.strip()
        == "error: chart.pdf: the file name must end in .png, .svg or .html (that picks the format)"
    )


def test_same_filters_as_the_url(tmp_path: Path) -> None:
    """The URL's names and both of its list forms (repeated, comma-separated) give the same view."""
    one, out_one = chart(tmp_path, "a.html", "--level", "city", "--level", "state", "--as-of", "2025-09-01")
    two, out_two = chart(tmp_path, "b.html", "--level", "city,state", "--as-of", "2025-09-01")
    assert one == two == 0
    link = f"{BASE}/?level=city&amp;level=state&amp;as_of=2025-09-01"
    assert link in figure_text(out_one.read_text()) and link in figure_text(out_two.read_text())


def test_no_chromium_is_a_clear_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    env = os.environ | {"BROWSER_PATH": str(tmp_path / "no-such-chromium")}
    run = subprocess.run(
        [sys.executable, "-m", "policies", "chart", "--out", str(out), "--data-dir", str(TRACKER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and not out.exists()
    assert run.stderr.strip().splitlines() == [
        "error: PNG and SVG export needs Chromium and none was found: install Debian's (apt-get install chromium) "
        "or set BROWSER_PATH to a Chrome or Chromium binary; HTML export needs none"
    ]


@pytest.mark.browser
def test_html_map_draws_offline_in_a_browser(chromium, tmp_path: Path) -> None:
    """Opened from disk with every network request refused, the exported map still draws its outlines."""
    code, out = chart(tmp_path, "map.html", "--page", "map")
    assert code == 0
    requested: list[str] = []
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    try:
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (requested.append(route.request.url), route.abort())
            ),
        )
        page = context.new_page()
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .geo .subunits path", state="attached", timeout=30_000)
        assert page.locator(".js-plotly-plot .scattergeo .point").count() > 0
        assert page.get_by_text("Data as of").first.is_visible()
    finally:
        context.close()
    assert requested == [], requested
