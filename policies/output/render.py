"""A view's figure as a file: PNG and SVG through plotly's static export, HTML as one self-contained page.

PNG and SVG are drawn by kaleido, which drives a Chromium: `BROWSER_PATH` if set, else a Chrome kaleido
downloaded itself, else `chromium`/`google-chrome` on PATH (Debian's /usr/bin/chromium). The map's state outlines
come from the bundled topojson, never plotly's CDN: kaleido reads it from static/topojson, and an HTML export
carries it inline with plotly.js, so the file opens and draws with no network at all.
"""

from __future__ import annotations

import html
import json
import re
from contextlib import contextmanager
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from ..paths import TOPOJSON_DIR
from .layout import image_size

FORMATS = {".png": "png", ".svg": "svg", ".html": "html"}
NO_CHROMIUM = (
    "PNG and SVG export needs Chromium and none was found: install Debian's (apt-get install chromium) "
    "or set BROWSER_PATH to a Chrome or Chromium binary; HTML export needs none"
)


class ExportError(Exception):
    """A one-line reason a figure could not be exported."""


def format_of(path: Path) -> str:
    """png, svg or html, from the file name's extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if not fmt:
        raise ExportError(f"{path.name}: the file name must end in .png, .svg or .html (that picks the format)")
    return fmt


def to_bytes(fig: go.Figure, fmt: str, config: dict | None = None) -> bytes:
    """The figure as PNG (its on-screen layout, at least 1920 px wide), SVG or self-contained HTML."""
    if fmt == "html":
        return to_html(fig, config).encode("utf-8")
    width, scale = image_size()
    try:
        with _local_topojson():
            return pio.to_image(
                fig,
                format=fmt,
                width=width,
                height=int(fig.layout.height or 600),
                scale=float(scale) if fmt == "png" else 1,
            )
    except RuntimeError as exc:
        if "chrome" in str(exc).lower() or "browser" in str(exc).lower():
            raise ExportError(NO_CHROMIUM) from None
        raise


@contextmanager
def _local_topojson():
    """plotly.js in kaleido fetches the map's outlines from this folder instead of cdn.plot.ly."""
    previous = pio.defaults.topojson
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"
    try:
        yield
    finally:
        pio.defaults.topojson = previous


def to_html(fig: go.Figure, config: dict | None = None) -> str:
    """One HTML file with plotly.js inlined and, for a map, the topojson preloaded where plotly.js looks first
    (window.PlotlyGeoAssets), so it never fetches anything."""
    div = pio.to_html(fig, include_plotlyjs=True, full_html=False, config=config or {}, include_mathjax=False)
    title = fig.layout.title.text or "Local-policy tracker"  # already escaped for plotly: one markup layer
    head = [
        "<!doctype html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        f"<title>{html.escape(_plain(title))}</title>",
        "<style>body { margin: 0; background: white; }</style>",
        "</head><body>",
    ]
    if any(trace.type == "scattergeo" for trace in fig.data):
        head.append(f"<script>window.PlotlyGeoAssets = {{topojson: {_geo_assets()}}};</script>")
    return "\n".join([*head, div, "</body></html>\n"])


def _geo_assets() -> str:
    assets = {p.stem: json.loads(p.read_text()) for p in sorted(TOPOJSON_DIR.glob("*.json"))}
    return json.dumps(assets, separators=(",", ":")).replace("</", "<\\/")  # never closes the script early


def _plain(plot_string: str) -> str:
    """Plotly label markup -> text: line breaks to spaces, tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", plot_string.replace("<br>", " ")))
