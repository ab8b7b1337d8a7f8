"""Streamlit glue shared by every page: the loaded store, the sidebar filters and the URL that mirrors the view.

The URL is parsed once per browser session (a pasted link opens a new session) into the widgets' state; from
then on the widgets are the truth. Their values outlive page switches and presenter mode by Streamlit's own
`persist_state="session"`. On every run the view is parsed from them by the same parser as a URL, and the
query string is rewritten from it (Streamlit clears the query string on a page switch).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import streamlit as st

from .. import i18n, paths
from .. import store as store_module
from ..i18n import mark, tr
from ..output.escape import md
from ..paths import SNAPSHOT_ENV
from ..store import Store
from ..view import DATE_RANGE, FILTERS, LIST_FILTERS, View, apply, base_url, describe, page_path, parse
from ..view.filters import DateRange, Search
from ..view.view import PRESENT_ON
from . import browser, memo

# The widget keys that hold a view: one per filter definition's URL key, plus the status date and options.
WIDGET = {
    key: f"f_{key}" for key in ("place", "level", "topic", "type", "status", "verified", "from", "to", "q", "as_of")
}
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
class PageRun:
    """What a page renders this run: the store, the typed view, the rows it shows (with status on its day)."""

    store: Store
    view: View
    frame: pd.DataFrame
    share_slot: Any = None  # the sidebar container the Copy link goes in, above the filters
    language_slot: Any = None  # the sidebar containers `finish` fills after the page: the language switch,
    filter_slot: Any = None  # and the filters


_LOADED: dict[str, Store] = {}
_LOADING = threading.Lock()


def load_store() -> Store:
    """Once per process and data folder: YAML and validation never run on a filter change.

    Kept here rather than in st.cache_resource so the first load can show a progress bar (a cached function
    would replay it on every run); sessions arriving meanwhile wait for the same load. The store holds nothing
    that depends on the date, so a process that runs for days shows each day's status.
    """
    snapshot = os.environ.get(SNAPSHOT_ENV)
    path = snapshot or str(paths.data_dir())
    if path not in _LOADED:
        with _LOADING:
            if path not in _LOADED:  # another session may have loaded it while this one waited
                _LOADED[path] = _load(path, snapshot)
    return _LOADED[path]


def reload_store() -> Store:
    """After the review desk saved a record into the data folder: read it again, so every page shows it now."""
    path = str(paths.data_dir())
    with _LOADING:
        _LOADED.pop(path, None)
    st.session_state.pop("_run", None)
    memo.clear()
    return load_store()


def _load(path: str, snapshot: str | None) -> Store:
    if snapshot:
        try:
            return store_module.load_snapshot(snapshot)  # a deployment's compiled data: no YAML at all
        except ValueError as exc:
            st.error(md(f"The dashboard cannot start from {SNAPSHOT_ENV}: {exc}"), icon=":material/error:")
            st.stop()
    bar = st.progress(0.0, text=tr("Loading the records…"))

    def show(done: int, total: int) -> None:
        bar.progress(
            done / max(total, 1),
            text=tr("Loading the records… {done} of {total}", done=i18n.number(done), total=i18n.number(total)),
        )

    loaded = store_module.load(path, progress=show)
    bar.empty()
    return loaded


# --- the URL, read once per session -----------------------------------------------------------


def _seed_from_url(store: Store) -> None:
    if st.session_state.get("_seeded"):
        return
    view, notices = parse(st.query_params, store)
    _set_widgets(view)
    st.session_state["policy"] = view.policy
    st.session_state["color"] = view.color
    st.session_state["present"] = view.present
    st.session_state["notices"] = list(notices)  # worded when shown, in the language of that run
    st.session_state["_seed_filters"] = view.filters
    st.session_state["_seeded"] = True


def _set_widgets(view: View) -> None:
    f = view.filters
    for d in LIST_FILTERS:
        st.session_state[WIDGET[d.key]] = list(getattr(f, d.key))
    st.session_state[WIDGET["from"]] = f.date_from
    st.session_state[WIDGET["to"]] = f.date_to
    st.session_state[WIDGET["q"]] = f.q
    st.session_state[WIDGET["as_of"]] = view.as_of


def reset_filters() -> None:
    """Callback of every 'Reset filters' control: clears the sidebar (the selected action stays)."""
    _set_widgets(View())


# --- the language -----------------------------------------------------------------------------

LANGUAGE_LABEL = "Language · Idioma"  # in both, on purpose: whoever landed in the other language finds the way back


def language() -> str:
    """This run's language, made current for everything the run draws (dashboard.py asks first, for page titles).

    A session starts in `?lang=` if it names one we have, else the browser's language (`st.context.locale`), else
    English; from then on the sidebar's switch decides.
    """
    if "lang" not in st.session_state:
        asked = st.query_params.get_all("lang")[-1:]
        st.session_state["lang"] = i18n.negotiate(asked[0] if asked else None, st.context.locale)
        st.session_state["_lang_pinned"] = bool(asked) and asked[0] in i18n.LANGUAGES
    return i18n.activate(st.session_state["lang"])


def _pin_language() -> None:
    st.session_state["_lang_pinned"] = True  # chosen here: the URL keeps it, even English


def _language_switch() -> None:
    st.radio(
        LANGUAGE_LABEL,
        i18n.LANGUAGES,
        key="lang",
        format_func=i18n.NAMES.get,
        horizontal=True,
        on_change=_pin_language,
    )


# --- the sidebar ------------------------------------------------------------------------------


def _widget_params() -> dict[str, list[str]]:
    """The widgets' values as query parameters, so the view is parsed by the one parser a URL goes through."""
    params: dict[str, list[str]] = {}
    for key, widget in WIDGET.items():
        value = st.session_state.get(widget)
        if isinstance(value, dt.date):
            params[key] = [value.isoformat()]
        elif isinstance(value, list):
            params[key] = [str(v) for v in value]
        elif value:
            params[key] = [str(value)]
    if st.session_state.get("policy"):
        params["policy"] = [st.session_state["policy"]]
    params["color"] = [st.session_state.get("color") or "level"]
    if st.session_state.get("present"):
        params["present"] = [PRESENT_ON]
    lang = st.session_state.get("lang") or i18n.DEFAULT
    if lang != i18n.DEFAULT or st.session_state.get("_lang_pinned"):
        params["lang"] = [lang]
    return params


def _filter_widgets(store: Store) -> None:
    """One widget per filter definition, in the table's order; then the status date and Reset."""
    low, high = DATE_RANGE
    dates: dict[str, Any] = dict(min_value=low, max_value=high, format="YYYY-MM-DD", persist_state="session")
    with st.container():
        st.header(tr("Filters"))
        for d in LIST_FILTERS:
            names = store.labels.names[d.key]
            st.multiselect(
                tr(d.label),
                list(store.labels.choices[d.key]),
                key=WIDGET[d.key],
                help=tr(d.help) if d.help else None,
                placeholder=tr("Choose options"),
                format_func=lambda v, n=names: n.get(v, v),
                persist_state="session",
            )
        for span in (x for x in FILTERS if isinstance(x, DateRange)):
            for column, key, label in zip(st.columns(2), span.keys, span.labels):
                with column:
                    st.date_input(tr(label), None, key=WIDGET[key], **dates)
        for s in (x for x in FILTERS if isinstance(x, Search)):
            st.text_input(
                tr(s.label), key=WIDGET[s.key], max_chars=200, placeholder=tr(s.placeholder), persist_state="session"
            )
        st.date_input(
            tr("Status as of"),
            None,
            key=WIDGET["as_of"],
            help=tr("Show each action's status on this date (empty: today)."),
            **dates,
        )
        st.button(tr("Reset filters"), on_click=reset_filters, key="reset_sidebar", width="stretch")


# --- the URL, written every run ---------------------------------------------------------------


def _sync_url(view: View) -> None:
    params = view.to_params()
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != params:
        st.query_params.from_dict(params)


def prepare() -> PageRun:
    """Run by dashboard.py before the page, so the sidebar widgets belong to no page.

    Loads the store (once per process), reads the URL on a session's first run, parses the view from the
    widgets' values, mirrors it into the URL and applies it (status on the view's day, every run). The sidebar's
    places are laid out here; its widgets are drawn by `finish`, after the page: they hold their values in the
    session already, and the browser then draws the page's chart before it loads what the widgets need.
    """
    language()
    store = load_store()
    _seed_from_url(store)
    present = presenting()
    slots = (None, None, None) if present else tuple(st.sidebar.container() for _ in range(3))
    view, _ = parse(_widget_params(), store)  # widget values are valid: one path from values to a View
    _sync_url(view)
    if st.session_state.get("notices") and view.filters != st.session_state.get("_seed_filters"):
        st.session_state["notices"] = []  # the user has changed the view since the link was opened
    current = PageRun(store, view, apply(store, view), slots[1], slots[0], slots[2])
    st.session_state["_run"] = current
    st.session_state.pop("_page_run", None)
    return current


def finish() -> None:
    """Run by dashboard.py after the page: the sidebar's language switch and filters, and the page's report of its
    width and language to the browser (see `prepare` for why they come last)."""
    current: PageRun | None = st.session_state.get("_run")
    if current is None:
        return
    browser.sync(current.view.language, current.view.present)
    page = st.session_state.get("_page_run") or current
    if current.share_slot is not None:
        with current.share_slot:
            _share_box(page)
    if current.language_slot is not None:
        with current.language_slot:
            _language_switch()
    if current.filter_slot is not None:
        with current.filter_slot:
            _filter_widgets(current.store)


def presenting() -> bool:
    """Presenter mode is on: from the session once seeded, else from the URL (dashboard.py asks before prepare)."""
    if st.session_state.get("_seeded"):
        return bool(st.session_state.get("present"))
    return st.query_params.get_all("present")[-1:] == [PRESENT_ON]


def set_present(on: bool) -> None:
    """Callback of the presenter-mode buttons: the view (filters, action, options) stays as it is."""
    st.session_state["present"] = on


def page_run(page: str) -> PageRun:
    """The run prepared for this page; shows what was ignored in the URL and, in presenter mode, its stylesheet and
    the way out (`finish` puts the page's Copy link in the sidebar, after the page)."""
    prepared = st.session_state.get("_run") or prepare()
    current = replace(prepared, view=replace(prepared.view, page=page))
    if current.view.present:
        st.html(PRESENT_CSS)
        st.button(
            tr("Exit presenter mode"),
            on_click=set_present,
            args=(False,),
            key="exit_present",
            icon=":material/close_fullscreen:",
            type="tertiary",
        )
    st.session_state["_page_run"] = current  # `finish` draws its Copy link
    for notice in st.session_state.get("notices", []):
        st.warning(md(str(notice)), icon=":material/warning:")  # notices quote the URL: untrusted text
    return current


def base(run: PageRun) -> str:
    """The app's address: POLICIES_BASE_URL if set, else as the user's browser sees it (st.context.url)."""
    return base_url(st.context.url, page_path(run.view.page))


def permalink(run: PageRun) -> str:
    """Exactly the URL on screen: the app's address, the page, and the view's query string (what _sync_url wrote)."""
    return run.view.permalink(base(run))


def _share_box(run: PageRun) -> None:
    st.markdown(tr("**Copy link** to this view"))
    st.code(permalink(run), language=None, wrap_lines=True)  # Streamlit's code block has a copy button
    st.button(
        tr("Presenter mode"),
        on_click=set_present,
        args=(True,),
        key="enter_present",
        icon=":material/slideshow:",
        width="stretch",
        help=tr("Full screen: the chart and its caption, large type, no sidebar."),
    )
    st.divider()


def open_action(action_id: str) -> None:
    """Show an action on the Requirements page, keeping the filters."""
    st.session_state["policy"] = action_id
    st.switch_page(st.session_state["_pages"]["requirements"])


NO_MATCH = mark("No actions match these filters")


def empty_view(run: PageRun) -> None:
    """A chart page with nothing to draw: the view in words, the data's date, why it is empty and the way out."""
    st.caption(
        tr(
            "{view} · 0 actions · Data as of {day}",
            view=md(describe(run.store, run.view)),
            day=run.store.as_of or tr("unknown"),
        )
    )
    empty_state()


def empty_state(message: str = NO_MATCH) -> None:
    """What a page shows when the view has no rows: why, in this run's language, and the way out."""
    st.info(tr(message), icon=":material/search_off:")
    st.button(tr("Reset filters"), on_click=reset_filters, key="reset_empty", type="primary")


ROWS = mark("Rows")
PAGE_ROWS = 500  # a table longer than this is paged: the browser gets one page, not 100,000 rows


def paged(frame: pd.DataFrame, key: str, rows: int = PAGE_ROWS, what: str = ROWS, tail: str = "") -> pd.DataFrame:
    """At most `rows` rows of `frame`, with a page picker when there are more."""
    if len(frame) <= rows:
        return frame
    pages = -(-len(frame) // rows)
    page = st.number_input(tr("Page"), min_value=1, max_value=pages, value=1, step=1, key=key)
    start = (int(page) - 1) * rows
    st.caption(
        tr(
            "{what} {first}–{last} of {total} ({pages} pages){tail}.",
            what=tr(what),
            first=i18n.number(start + 1),
            last=i18n.number(min(start + rows, len(frame))),
            total=i18n.number(len(frame)),
            pages=i18n.number(pages),
            tail=tail,
        )
    )
    return frame.iloc[start : start + rows]
