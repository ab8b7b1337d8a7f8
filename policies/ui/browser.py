"""What the page and the server tell each other beyond widgets: the width charts get, and the page's language.

Streamlit tells the server nothing of the screen, and plotly never wraps text, so a chart laid out for a desktop
runs off a phone. A small component (Streamlit's own `st.components.v2`, no iframe) measures the main column
and reports it, rounded, only when it differs from what the server drew for: a desktop never reruns for it, and
a phone reruns once. The first run guesses from the user agent, so most phones need no second run at all.

The same component sets `<html lang>`: Streamlit writes `lang="en"` into its page whatever the content, and a
screen reader reads Spanish with English sounds unless told. The script is a constant; nothing from records or
the URL reaches it except the language code, which is one of `LANGUAGES` by the time it gets here.
"""

from __future__ import annotations

import streamlit as st

from ..output.layout import STEP, Canvas

KEY = "browser"
# Runs in the app's page on mount and whenever `data` changes. Reports the main column's inner width (rounded
# down to STEP px, as Canvas rounds it) when the server's layout is for another width; follows window resizes.
_JS = """
export default function (component) {
  const { data, setStateValue, parentElement } = component;
  document.documentElement.lang = data.lang;
  // No visible part: its element takes no room in the page's flow.
  const host = parentElement.host || parentElement;
  const box = host.closest && host.closest('[data-testid="stElementContainer"]');
  if (box) box.style.display = "none";
  const column = () => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!main) return window.innerWidth;
    const style = getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  const report = () => {
    const width = Math.floor(column() / data.step) * data.step;
    const drawn = data.drawn;
    const wide = data.full;
    if (width >= wide && drawn >= wide) return;
    if (width !== drawn) setStateValue("width", width);
  };
  report();
  let timer = null;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  window.addEventListener("resize", onResize);
  return () => { window.removeEventListener("resize", onResize); clearTimeout(timer); };
}
"""
_component = st.components.v2.component("policies_browser", js=_JS)
PHONE_GUESS = 360  # px of chart column on a phone, before the browser has said


def column_width() -> int | None:
    """The chart column's width in px as the browser last reported it; on a first run a guess from the user agent
    (a phone's), else None (lay out for the desktop)."""
    reported = st.session_state.get(KEY)
    width = getattr(reported, "width", None) if reported is not None else None
    if isinstance(width, int | float) and width > 0:
        return int(width)
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return PHONE_GUESS if "Mobile" in agent else None


def canvas(present: bool = False) -> Canvas:
    """What this session's charts are laid out for."""
    return Canvas.for_screen(column_width(), present)


def sync(lang: str, present: bool = False) -> None:
    """Mount the component: it sets the page's language and reports the column's width if charts need another."""
    drawn = canvas(present).width
    _component(
        key=KEY,
        data={"lang": lang, "step": STEP, "drawn": drawn, "full": Canvas.for_screen(None, present).width},
        on_width_change=lambda: None,
    )
