"""Keyboard only, as someone who cannot use a mouse: tab to the place filter, choose Chicago, open the executive
order's requirements, download its summary. Every step is a key press; the test never clicks."""

from __future__ import annotations

import pytest
from conftest import Page

pytestmark = pytest.mark.browser

CHICAGO_EO_TITLE = "Chicago executive order on the city's response to federal immigration enforcement"


def _tab_to(p: Page, predicate: str, key: str = "Tab", limit: int = 120) -> None:
    """Press `key` until the focused element satisfies `predicate` (JS taking the element), or fail naming where
    the focus went."""
    seen = []
    for _ in range(limit):
        p.page.keyboard.press(key)
        if p.page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()"):
            return
        seen.append(
            p.page.evaluate(
                "document.activeElement && (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || document.activeElement.tagName).slice(0, 30)"
            )
        )
    pytest.fail(f"focus never reached it with {key}; it went through {seen[:40]}")


def _in_widget(label: str, testid: str) -> str:
    return (
        f"(() => {{ const box = el.closest('[data-testid=\"{testid}\"]');"
        f" return el.tagName === 'INPUT' && !!box && box.textContent.includes({label!r}); }})()"
    )


def test_keyboard_only_from_place_filter_to_a_downloaded_summary(server, chromium) -> None:
    p = Page(chromium)
    try:
        p.open(server.url + "/")
        p.page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        _tab_to(p, _in_widget("Place", "stMultiSelect"))
        p.page.keyboard.type("Chicago")
        p.page.get_by_role("option", name="Chicago", exact=False).first.wait_for(timeout=10_000)
        p.page.keyboard.press("Enter")
        p.page.keyboard.press("Escape")
        p.page.wait_for_url("**place=us-il-chicago**", timeout=30_000)
        p.wait_rendered()
        _tab_to(p, "el.tagName === 'A' && el.textContent.trim().endsWith('Requirements')", key="Shift+Tab")
        p.page.keyboard.press("Enter")
        p.page.wait_for_url("**/requirements?**", timeout=30_000)
        p.wait_rendered()
        _tab_to(p, _in_widget("Action", "stSelectbox"))
        p.page.keyboard.type("response to federal immigration")
        p.page.get_by_role("option", name=CHICAGO_EO_TITLE, exact=False).first.wait_for(timeout=10_000)
        p.page.keyboard.press("Enter")
        p.page.wait_for_url("**policy=chicago-eo-federal-enforcement-2025-08-30**", timeout=30_000)
        p.wait_rendered()
        _tab_to(p, "el.textContent.includes('Printable summary')")
        with p.page.expect_download(timeout=30_000) as download:
            p.page.keyboard.press("Enter")
        path = download.value.path()
        assert download.value.suggested_filename.endswith(".html")
        assert CHICAGO_EO_TITLE.replace("'", "&#x27;") in path.read_text(encoding="utf-8")
        p.screenshot("keyboard-summary")
        assert not p.errors
    finally:
        p.context.close()
