"""Streamlit glue shared by every page: the cached store, the sidebar filters and the URL that mirrors them.

The URL is read once per browser session (a pasted link opens a new session) into the sidebar widgets'
state; from then on the widgets are the truth and the query string is rewritten from them on every run,
which also carries the filters across page switches (Streamlit clears the query string on a switch).
Every page also gets the view's Copy link (that same URL) and presenter mode (`?present=1`).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import share
from .. import store as store_module
from ..charts import COLOR_OPTIONS
from ..filters import Filters, Vocabulary, apply, parse
from ..store import Store
from .text import md

DATA_DIR_ENV = "POLICIES_DATA_DIR"
LIST_PICKERS = (
    ("Place", "place", "Actions taken by this place, aimed at it, or by places within it."),
    ("Level", "level", None),
    ("Topic", "topic", None),
    ("Action type", "type", None),
    ("Status", "status", None),
)
LIST_WIDGETS = tuple(key for _, key, _ in LIST_PICKERS)
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))  # what st.date_input can show
OPTION_DEFAULTS = share.OPTION_DEFAULTS
# Presenter mode: no sidebar, header or toolbar, larger type, content full width. A constant: no text from
# records or the URL ever reaches this stylesheet.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: none; padding: 1.5rem 2.5rem 2rem; }
[data-testid="stMain"] { font-size: 1.3rem; }
[data-testid="stCaptionContainer"] { font-size: 1.1rem; }
</style>"""


@dataclass(frozen=True)
class View:
    """What a page renders: the store, the filters from the sidebar/URL, the filtered actions, chart options."""

    store: Store
    vocab: Vocabulary
    filters: Filters
    frame: pd.DataFrame
    options: dict
    page: str
    share_slot: object = None  # the sidebar container the Copy link goes in, above the filters


SNAPSHOT_ENV = "POLICIES_SNAPSHOT"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or store_module.DATA_DIR)


_LOADED: dict[str, tuple[Store, Vocabulary]] = {}
_LOADING = threading.Lock()


def load_store() -> tuple[Store, Vocabulary]:
    """Once per process and data folder: YAML and validation never run on a filter change.

    Kept here rather than in st.cache_resource so the first load can show a progress bar (a cached function
    would replay it on every run); sessions arriving meanwhile wait for the same load.
    """
    snapshot = os.environ.get(SNAPSHOT_ENV)
    path = snapshot or str(data_dir())
    if path not in _LOADED:
        with _LOADING:
            if path not in _LOADED:  # another session may have loaded it while this one waited
                _LOADED[path] = _load(path, snapshot)
    return _LOADED[path]


def _load(path: str, snapshot: str | None) -> tuple[Store, Vocabulary]:
    if snapshot:
        try:
            loaded = store_module.load_snapshot(snapshot)  # a deployment's compiled data: no YAML at all
        except ValueError as exc:
            st.error(md(f"The dashboard cannot start from {SNAPSHOT_ENV}: {exc}"), icon=":material/error:")
            st.stop()
    else:
        bar = st.progress(0.0, text="Loading the records…")

        def show(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"Loading the records… {done:,} of {total:,}")

        loaded = store_module.load(path, progress=show)
        bar.empty()
    return loaded, Vocabulary.of(loaded)


# --- the URL, read once per session -----------------------------------------------------------


def _seed_from_url(store: Store, vocab: Vocabulary) -> None:
    if st.session_state.get("_seeded"):
        return
    filters, notices = parse(st.query_params, vocab)
    for name, key in (("date_from", "from"), ("date_to", "to"), ("as_of", "as_of")):
        value = getattr(filters, name)
        if value and not DATE_RANGE[0] <= value <= DATE_RANGE[1]:
            notices.append(
                f"Ignored '{key}': {value.isoformat()} is outside {DATE_RANGE[0].year}–{DATE_RANGE[1].year}."
            )
            filters = filters.without(key)
    for key in LIST_WIDGETS:
        st.session_state[f"f_{key}"] = list(getattr(filters, key))
    st.session_state["f_from"] = filters.date_from
    st.session_state["f_to"] = filters.date_to
    st.session_state["f_as_of"] = filters.as_of
    st.session_state["f_q"] = filters.q
    st.session_state["policy"] = filters.policy
    color = st.query_params.get_all("color")
    st.session_state["color"] = OPTION_DEFAULTS["color"]
    if color:
        if color[-1] in COLOR_OPTIONS:
            st.session_state["color"] = color[-1]
        else:
            notices.append(f"Ignored unknown color '{color[-1][:40]}' (use level or topic).")
    present = st.query_params.get_all("present")
    st.session_state["present"] = share.PRESENT_ON if present[-1:] == [share.PRESENT_ON] else ""
    if present and present[-1] != share.PRESENT_ON:
        notices.append(f"Ignored present '{present[-1][:40]}' (use present=1).")
    st.session_state["notices"] = notices
    st.session_state["_seed_filters"] = filters.without("policy")
    st.session_state["_seeded"] = True


def reset_filters() -> None:
    """Callback of every 'Reset filters' control: clears the sidebar (the selected action stays)."""
    for key in LIST_WIDGETS:
        st.session_state[f"f_{key}"] = []
    for key in ("f_from", "f_to", "f_as_of"):
        st.session_state[key] = None
    st.session_state["f_q"] = ""


# --- the sidebar ------------------------------------------------------------------------------


def _sidebar(vocab: Vocabulary, draw: bool = True) -> Filters:
    """The filters, drawn as sidebar widgets (not in presenter mode: their state lives outside the widgets)."""
    if draw:
        _filter_widgets(vocab)
    raw = {key: st.session_state.get(f"f_{key}") or [] for key in LIST_WIDGETS}
    for key, widget in (("from", "f_from"), ("to", "f_to"), ("as_of", "f_as_of")):
        value = st.session_state.get(widget)
        raw[key] = [value.isoformat()] if isinstance(value, dt.date) else []
    raw["q"] = [st.session_state.get("f_q") or ""]
    raw["policy"] = [st.session_state["policy"]] if st.session_state.get("policy") else []
    filters, _ = parse(raw, vocab)  # widget values are already valid; parse keeps one path to Filters
    return filters


def _filter_widgets(vocab: Vocabulary) -> None:
    with st.sidebar:
        st.header("Filters")
        for label, key, hint in LIST_PICKERS:
            names = vocab.names[key]
            _kept(
                st.multiselect,
                label,
                key,
                list(vocab.choices[key]),
                format_func=lambda v, n=names: n.get(v, v),
                help=hint,
            )
        low, high = DATE_RANGE
        dates = dict(min_value=low, max_value=high, format="YYYY-MM-DD")
        left, right = st.columns(2)
        with left:
            _kept(st.date_input, "From", "from", **dates)
        with right:
            _kept(st.date_input, "To", "to", **dates)
        _kept(st.text_input, "Search", "q", max_chars=200, placeholder="titles, summaries, provisions")
        _kept(
            st.date_input,
            "Status as of",
            "as_of",
            help="Show each action's status on this date (empty: today).",
            **dates,
        )
        st.button("Reset filters", on_click=reset_filters, key="reset_sidebar", width="stretch")


def _kept(widget, label: str, name: str, *args, **kwargs):
    """A sidebar widget whose value lives in `f_<name>`, not in the widget: Streamlit drops widget state on
    st.switch_page, and the filters must survive every way of changing page."""
    st.session_state[f"w_{name}"] = st.session_state.get(f"f_{name}")

    def keep() -> None:
        st.session_state[f"f_{name}"] = st.session_state[f"w_{name}"]

    return widget(label, *args, key=f"w_{name}", on_change=keep, **kwargs)


# --- the URL, written every run ---------------------------------------------------------------


def url_params(filters: Filters, options: dict) -> dict[str, list[str]]:
    return share.view_params(filters, options)


def _sync_url(params: dict[str, list[str]]) -> None:
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != params:
        st.query_params.from_dict(params)


def prepare() -> View:
    """Run by dashboard.py before the page, so the sidebar widgets belong to no page and keep their state.

    Loads the store (cached), reads the URL on a session's first run, draws the sidebar, filters, mirrors the
    view into the URL and shows the URL's notices.
    """
    store, vocab = load_store()
    _seed_from_url(store, vocab)
    present = presenting()
    slot = None if present else st.sidebar.container()  # filled by view(page), which knows the page
    filters = _sidebar(vocab, draw=not present)
    options = {key: st.session_state.get(key, OPTION_DEFAULTS[key]) for key in ("color", "present")}
    _sync_url(url_params(filters, options))
    if st.session_state.get("notices") and filters.without("policy") != st.session_state.get("_seed_filters"):
        st.session_state["notices"] = []  # the user has changed the view since the link was opened
    current = View(store, vocab, filters, apply(store, filters), options, "", slot)
    st.session_state["_view"] = current
    return current


def with_options(v: View, **options: str) -> View:
    """The view with a page's chart option changed this run (e.g. the Timeline's colour-by)."""
    return replace(v, options=v.options | options)


def presenting() -> bool:
    """Presenter mode is on: from the session once seeded, else from the URL (dashboard.py asks before prepare)."""
    if st.session_state.get("_seeded"):
        return st.session_state.get("present") == share.PRESENT_ON
    return st.query_params.get_all("present")[-1:] == [share.PRESENT_ON]


def set_present(on: bool) -> None:
    """Callback of the presenter-mode buttons: the view (filters, action, options) stays as it is."""
    st.session_state["present"] = share.PRESENT_ON if on else ""


def view(page: str) -> View:
    """The view prepared for this run, for a page to render; shows what was ignored in the URL, the Copy link
    in the sidebar and, in presenter mode, its stylesheet and the way out."""
    current = replace(st.session_state.get("_view") or prepare(), page=page)
    if share.presenting(current.options):
        st.html(PRESENT_CSS)
        st.button(
            "Exit presenter mode",
            on_click=set_present,
            args=(False,),
            key="exit_present",
            icon=":material/close_fullscreen:",
            type="tertiary",
        )
    elif current.share_slot is not None:
        with current.share_slot:
            _share_box(current)
    for notice in st.session_state.get("notices", []):
        st.warning(md(notice), icon=":material/warning:")  # notices quote the URL: untrusted text
    return current


def base(v: View) -> str:
    """The app's address: POLICIES_BASE_URL if set, else as the user's browser sees it (st.context.url)."""
    return share.base_url(st.context.url, share.page_path(v.page))


def permalink(v: View) -> str:
    """Exactly the URL on screen: the app's address, the page, filters and options (what _sync_url wrote)."""
    return share.permalink(v.filters, v.page, v.options, base(v))


def _share_box(v: View) -> None:
    st.markdown("**Copy link** to this view")
    st.code(permalink(v), language=None, wrap_lines=True)  # Streamlit's code block has a copy button
    st.button(
        "Presenter mode",
        on_click=set_present,
        args=(True,),
        key="enter_present",
        icon=":material/slideshow:",
        width="stretch",
        help="Full screen: the chart and its caption, large type, no sidebar.",
    )
    st.divider()


def open_action(action_id: str) -> None:
    """Show an action on the Requirements page, keeping the filters."""
    st.session_state["policy"] = action_id
    st.switch_page(st.session_state["_pages"]["requirements"])


def empty_state(message: str = "No actions match these filters") -> None:
    st.info(message, icon=":material/search_off:")
    st.button("Reset filters", on_click=reset_filters, key="reset_empty", type="primary")


def persistent_radio(label: str, options: list[str], key: str, **kwargs) -> str:
    """A page widget whose value outlives the page (widget state is dropped when a page is not shown)."""
    widget = f"_w_{key}"
    st.session_state[widget] = st.session_state.get(key, options[0])

    def keep() -> None:
        st.session_state[key] = st.session_state[widget]

    return st.radio(label, options, key=widget, on_change=keep, horizontal=True, **kwargs)


PAGE_ROWS = 500  # a table longer than this is paged: the browser gets one page, not 100,000 rows


def paged(frame: pd.DataFrame, key: str, rows: int = PAGE_ROWS, what: str = "Rows", tail: str = "") -> pd.DataFrame:
    """At most `rows` rows of `frame`, with a page picker when there are more."""
    if len(frame) <= rows:
        return frame
    pages = -(-len(frame) // rows)
    page = st.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key=key)
    start = (int(page) - 1) * rows
    st.caption(f"{what} {start + 1:,}–{min(start + rows, len(frame)):,} of {len(frame):,} ({pages:,} pages){tail}.")
    return frame.iloc[start : start + rows]
