"""axe-core (npm, pinned in package.json) on every page, in each language, at desktop and phone sizes.

No violation of a WCAG 2.1 A/AA rule with impact "serious" or "critical" is allowed. axe is injected into the
page once Streamlit has finished its run and every chart on it is drawn, with the window as tall as the page: axe
cannot tell the colours of text scrolled out of view (Streamlit scrolls its main column and sidebar inside the
window), so at a window's height it would check only the first screen. Moderate and minor findings, and what axe
could not decide (plotly's SVG text over other SVG layers: the chart colours are checked in tests/test_palette.py),
are printed, not failed. `scripts/test` installs axe-core (`npm ci`) when node_modules/axe-core is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from conftest import DESKTOP, PHONE, ROOT, Page

from policies import i18n

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
ACTION = "chicago-eo-federal-enforcement-2025-08-30"  # an action of the shared tree (tests/fixtures/tracker)
ARTICLE = ROOT / "tests" / "fixtures" / "texts" / "gazette-001.txt"  # an article the add page drafts two actions from
PAGES = {
    "timeline": "/",
    "requirements": f"/requirements?policy={ACTION}",
    "map": "/map",
    "sources": "/sources",
    "about": "/about",
    "add": "/add",
}
LANGS = ("en", "es")
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# Known violations whose fix belongs elsewhere: (rule, where) -> what to change. Empty: the desk's origin badges
# (dimmed coloured captions, 2.8 to 3.1:1) became Markdown badges.
KNOWN: dict[tuple[str, str], str] = {}

# Every plotly chart on the page has drawn its SVG (axes, legend, for a map its outlines).
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(chart => {
    const plot = chart.querySelector('.js-plotly-plot');
    if (!plot || !plot._fullLayout || !plot.querySelector('.main-svg')) return false;
    return !plot.querySelector('.geo') || plot.querySelector('.geo .subunits path, .geo path.subunits') !== null;
})"""
# The height of everything Streamlit scrolls: the main column and the sidebar.
PAGE_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"]')].map(e => e.scrollHeight))"""
# Streamlit has been idle for QUIET ms: no run (a resize can start one: charts report their new width), no element
# faded as stale by a run, no skeleton. A run's stale elements are drawn translucent, which axe would report.
QUIET = 750
IDLE = """(quiet) => {
    const busy = document.querySelector('[data-testid="stApp"]:not([data-test-script-state="notRunning"])')
        || document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]');
    const now = performance.now();
    if (busy || window.__idleSince === undefined) window.__idleSince = busy ? undefined : now;
    return window.__idleSince !== undefined && now - window.__idleSince >= quiet;
}"""
MAX_HEIGHT = 12_000  # px; a page taller than this is checked down to here
# Each node also says where it is: "colored text in a caption" for Streamlit's :color[...] inside st.caption.
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    const where = target => {
        const element = document.querySelector(target[target.length - 1]);
        if (element && element.closest('.stMarkdownColoredText') && element.closest('[data-testid="stCaptionContainer"]'))
            return 'colored text in a caption';
        return '';
    };
    const brief = list => list.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary, where: where(n.target)})),
    }));
    return {violations: brief(result.violations), incomplete: brief(result.incomplete)};
}"""


def url(path: str, lang: str) -> str:
    """`path` in `lang`: English is the default (no parameter), other languages add `lang=` to the query string."""
    return path if lang == "en" else f"{path}{'&' if '?' in path else '?'}lang={lang}"


def describe(violations: list[dict]) -> str:
    """What axe found, one block per rule with its first few elements: enough to find them and fix them."""
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']} ({len(v['nodes'])} element(s)): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:300]}")
            lines.append("      " + (node["summary"] or "").replace("\n", "\n      ")[:600])
    return "\n".join(lines)


def settled(page: Page) -> None:
    """Streamlit idle for a while, every chart drawn, fonts loaded."""
    page.wait_rendered()
    page.page.evaluate("() => { delete window.__idleSince; }")
    page.page.wait_for_function(IDLE, arg=QUIET, timeout=60_000)
    page.page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
    page.page.evaluate("document.fonts.ready.then(() => true)")


def rendered_in_full(page: Page) -> None:
    """Wait for Streamlit's runs and every chart, then make the window as tall as the page (same width) and wait
    again (a run may follow the resize)."""
    settled(page)
    height = min(page.page.evaluate(PAGE_HEIGHT), MAX_HEIGHT)
    page.page.set_viewport_size({"width": page.page.viewport_size["width"], "height": height})
    settled(page)


def audit(page: Page, source: str, label: str) -> tuple[list[dict], list[dict]]:
    """Run axe on the page: (serious or critical violations, known ones split off), printing the rest."""
    page.page.add_script_tag(content=source)
    found = page.page.evaluate(RUN_AXE, WCAG_TAGS)
    others = [v for v in found["violations"] if v["impact"] not in BLOCKING]
    if others:  # reported, not failed: moderate and minor findings are worth a look
        print(f"{label}: moderate or minor axe violations:\n{describe(others)}")
    if found["incomplete"]:
        undecided = ", ".join(f"{v['id']} x{len(v['nodes'])}" for v in found["incomplete"])
        print(f"{label}: axe could not decide: {undecided}")
    blocking, known = [], []
    for v in found["violations"]:
        if v["impact"] not in BLOCKING:
            continue
        is_known = [(v["id"], n["where"]) in KNOWN for n in v["nodes"]]
        if not all(is_known):
            blocking.append(v | {"nodes": [n for n, k in zip(v["nodes"], is_known) if not k]})
        if any(is_known):
            known.append(v | {"nodes": [n for n, k in zip(v["nodes"], is_known) if k]})
    if known:
        print(f"{label}: known violations (see KNOWN):\n{describe(known)}")
    return blocking, known


def open_add_with_drafts(p: Page, base: str, lang: str = "en") -> None:
    """The add page once an article is read: the drafts' editor, its warnings and the highlighted article."""

    def words(text: str) -> str:
        return i18n.translate(lang, text)

    p.open(base)
    p.page.get_by_label(words("Paste the article")).fill(ARTICLE.read_text(encoding="utf-8"))
    p.page.get_by_label(words("Paste the article")).press("Control+Enter")
    p.wait_rendered()
    # A phone's first run may be redrawn for its width meanwhile; on a busy machine that can take a while.
    p.page.get_by_role("button", name=words("Extract drafts")).click(timeout=90_000)
    p.page.get_by_role("button", name=words("Download YAML")).wait_for(timeout=30_000)
    p.wait_rendered()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (scripts/test does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def sized_page(request, chromium) -> Iterator[Page]:
    page = Page(chromium, VIEWPORTS[request.param])
    yield page
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [*PAGES, "add-with-drafts"])
def test_page_has_no_serious_wcag_violation(server, sized_page, axe_source, name, lang) -> None:
    p = sized_page
    label = f"{name} ({lang}) at {p.page.viewport_size['width']} px wide"
    if name == "add-with-drafts":
        open_add_with_drafts(p, server.url + url(PAGES["add"], lang), lang)
    else:
        p.open(server.url + url(PAGES[name], lang))
    rendered_in_full(p)
    blocking, _ = audit(p, axe_source, label)
    assert not blocking, f"{label}:\n{describe(blocking)}"
    if p.errors:  # not this test's subject (the other browser tests fail on them), but worth seeing
        print(f"{label}: page errors: {p.errors}")
