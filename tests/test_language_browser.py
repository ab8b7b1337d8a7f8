"""Spanish in a real browser: the page says its language to screen readers (`<html lang>`), a Spanish browser
gets Spanish with no parameter, and the switch changes the language while the view stays."""

from __future__ import annotations

import pytest
from conftest import DESKTOP, Page

pytestmark = pytest.mark.browser


def _wait_lang(p: Page, lang: str) -> None:
    """The page says `lang` to screen readers (set by the page's component once the run has drawn it)."""
    p.page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=20_000)


def test_screen_readers_hear_spanish_as_spanish(server, chromium) -> None:
    p = Page(chromium)
    try:
        p.open(server.url + "/?lang=es")
        p.page.get_by_role("heading", name="Cronología").wait_for(timeout=30_000)
        p.page.wait_for_function("document.documentElement.lang === 'es'", timeout=20_000)
        p.screenshot("language-es-timeline")
        p.open(server.url + "/?lang=en")
        p.page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
        p.page.wait_for_function("document.documentElement.lang === 'en'", timeout=20_000)
    finally:
        p.context.close()


def test_a_spanish_browser_gets_spanish_and_links_that_keep_it(server, chromium) -> None:
    context = chromium.new_context(viewport=DESKTOP, locale="es-MX")
    page = context.new_page()
    try:
        page.goto(server.url + "/?place=us-il-chicago")
        page.get_by_role("heading", name="Cronología").wait_for(timeout=30_000)
        page.wait_for_url("**lang=es**", timeout=30_000)
        assert "place=us-il-chicago" in page.url
        page.wait_for_function("document.documentElement.lang === 'es'", timeout=20_000)
    finally:
        context.close()


def test_switching_language_keeps_the_view(server, chromium) -> None:
    p = Page(chromium)
    try:
        p.open(server.url + "/?place=us-il-chicago&topic=masks")
        p.page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
        p.page.get_by_text("Español", exact=True).click()
        p.page.get_by_role("heading", name="Cronología").wait_for(timeout=30_000)
        p.page.wait_for_url("**lang=es**", timeout=30_000)
        assert "place=us-il-chicago" in p.page.url and "topic=masks" in p.page.url
        _wait_lang(p, "es")
        p.page.get_by_text("English", exact=True).click()
        p.page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
        p.page.wait_for_url("**lang=en**", timeout=30_000)  # chosen on purpose: kept in the link
        assert "place=us-il-chicago" in p.page.url
        _wait_lang(p, "en")
    finally:
        p.context.close()
