"""Charts lay themselves out for the width they get: in a real browser at phone and desktop size, every text of
every figure stays inside the figure's box and no page scrolls sideways. Screenshots: artifacts/width-*.png."""

from __future__ import annotations

import contextlib

import pytest
from conftest import DESKTOP, PHONE, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

CHICAGO_EO = "chicago-eo-federal-enforcement-2025-08-30"
# Every text element of every chart, and where it is; a figure laid out for another width has some outside.
_OUTSIDE = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const out = [];
  for (const plot of plots) {
    const box = plot.getBoundingClientRect();
    for (const t of plot.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.push(`${t.textContent.slice(0, 40)} at x ${Math.round(r.left)}-${Math.round(r.right)} of ${Math.round(box.left)}-${Math.round(box.right)}`);
    }
  }
  for (const plot of plots) {  // legends never run into each other
    const boxes = [...plot.querySelectorAll('g.legend, g.legend2')].map(g => g.getBoundingClientRect()).filter(r => r.height > 0);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (boxes[i].bottom > boxes[j].top + 1 && boxes[j].bottom > boxes[i].top + 1)
          out.push(`legends ${i} and ${j} overlap at y ${Math.round(boxes[j].top)}-${Math.round(boxes[i].bottom)}`);
  }
  return plots.length ? out : ["no chart drawn yet"];
}"""


def _outside(p: Page) -> list[str]:
    """The texts outside their figure, once the charts have settled (a phone reruns once for its width)."""
    with contextlib.suppress(PlaywrightTimeout):  # the assertion after says what is outside
        p.page.wait_for_function(f"({_OUTSIDE})().length === 0", timeout=20_000)
    p.wait_rendered()
    return p.page.evaluate(_OUTSIDE)


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize(
    "path", ["/", "/?color=topic", "/?color=topic&lang=es", "/map", f"/?policy={CHICAGO_EO}&present=1"]
)
def test_every_chart_keeps_its_text_inside_at_this_width(server, chromium, size: str, path: str) -> None:
    p = Page(chromium, PHONE if size == "phone" else DESKTOP)
    try:
        p.open(server.url + path)
        p.page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        outside = _outside(p)
        name = path.strip("/?").replace("=", "-").replace("&", "-") or "timeline"
        p.screenshot(f"width-{size}-{name}")
        assert not outside, f"{size} {path}: text outside its chart: {outside[:5]}"
        width = p.page.evaluate("document.documentElement.scrollWidth")
        assert width <= p.page.viewport_size["width"] + 1, f"{path} scrolls sideways at {size} width ({width}px)"
        assert not p.errors
    finally:
        p.context.close()


def test_a_phone_gets_fewer_date_ticks_and_row_names_above_the_rows(server, chromium) -> None:
    counts = {}
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        p = Page(chromium, viewport)
        try:
            p.open(server.url + "/")
            p.page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
            _outside(p)
            first = p.page.locator(".js-plotly-plot").first
            counts[size] = first.locator(".xtick text").count()
            ticks = first.locator(".ytick text").count()
            notes = first.locator(".annotation[data-index] text").count()  # the footer, and a phone's row names
            if size == "phone":
                assert ticks == 0 and notes > 2, f"phone: {ticks} row names beside the plot, {notes} notes"
            else:
                assert ticks > 2 and notes == 1, f"desktop: {ticks} row names beside the plot, {notes} notes"
        finally:
            p.context.close()
    assert 2 <= counts["phone"] <= counts["desktop"], counts  # fewer where the range has more than a phone holds


def test_a_narrow_desktop_window_gets_charts_laid_out_for_its_width(server, chromium) -> None:
    """No phone in the user agent: the first run draws for a desktop, the page measures its column and the charts
    are drawn again for it (the only extra run, and only for narrow windows)."""
    p = Page(chromium, PHONE, user_agent="Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36")
    try:
        p.open(server.url + "/")
        p.page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        assert not _outside(p)
        assert p.page.locator(".js-plotly-plot").first.locator(".ytick text").count() == 0  # names above rows
    finally:
        p.context.close()
