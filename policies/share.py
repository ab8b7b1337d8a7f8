"""Sharing a view: its permalink, a file name made from it, and the provenance every figure carries.

A view is a page plus its filters plus chart options (colour-by, presenter mode). The same view gives the
same permalink in the app's Copy link, in a chart's footer, in an export's file name and on the command line:
`view_params` is the one query string, and the app writes exactly it into the browser's address bar.
"""

from __future__ import annotations

import html
import os
import re
import textwrap
from urllib.parse import urlencode, urlsplit

import pandas as pd

from .filters import Filters, describe
from .store import Store

APP_NAME = "Local-policy tracker"
DEFAULT_BASE_URL = "http://localhost:8501"
BASE_URL_ENV = "POLICIES_BASE_URL"
OPTION_KEYS = ("color", "present")
OPTION_DEFAULTS = {"color": "level", "present": ""}
DEFAULT_PAGE = "timeline"  # served at the app's root URL (st.Page(default=True))
PRESENT_ON = "1"


def base_url(browser_url: str | None = None, path: str = "") -> str:
    """The app's public address for permalinks.

    POLICIES_BASE_URL when set (the canonical address); else the address in the user's browser
    (`st.context.url`, which ends with the page's `path`: it is cut off); else localhost.
    """
    configured = os.environ.get(BASE_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    if browser_url and urlsplit(browser_url).scheme in ("http", "https"):
        url = browser_url.split("?")[0].split("#")[0].rstrip("/")
        if path and url.endswith("/" + path):
            url = url[: -len(path) - 1]
        return url
    return DEFAULT_BASE_URL


def page_path(page: str) -> str:
    """A page's path in the URL: the default page is the root."""
    page = page.strip("/")
    return "" if page == DEFAULT_PAGE else page


def view_params(filters: Filters, options: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The query parameters of a view, in URL order: filters, then chart options that differ from their default."""
    params = filters.to_params()
    for key in OPTION_KEYS:
        value = (options or {}).get(key)
        if value and value != OPTION_DEFAULTS.get(key):
            params[key] = [str(value)]
    return params


def permalink(filters: Filters, page: str = "", options: dict[str, str] | None = None, base: str | None = None) -> str:
    """The URL that reproduces this view: page path, filters, then chart options (defaults left out)."""
    query = urlencode([(k, v) for k, values in view_params(filters, options).items() for v in values])
    return f"{base or base_url()}/{page_path(page)}" + (f"?{query}" if query else "")


def presenting(options: dict | None) -> bool:
    return (options or {}).get("present") == PRESENT_ON


def view_slug(store: Store, filters: Filters, page: str = "") -> str:
    """A readable, file-system-safe name for the view: page, places, topics, dates, as-of date."""
    names = store.jurisdiction_names(filters.place[:3])
    parts = [page or "timeline"]
    parts += [names.get(p, p).split(",")[0] for p in filters.place[:3]]
    parts += list(filters.topic[:3]) + list(filters.type[:2]) + list(filters.level[:2]) + list(filters.status[:2])
    if filters.date_from or filters.date_to:
        parts.append(f"{filters.date_from or 'start'}-to-{filters.date_to or 'now'}")
    if filters.q:
        parts.append("search-" + filters.q[:20])
    if filters.policy:
        parts.append(filters.policy)
    parts.append(f"as-of-{filters.as_of or store.as_of}")
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(str(p) for p in parts).lower()).strip("-")
    return slug[:150].rstrip("-")


def filename(store: Store, filters: Filters, page: str, extension: str, kind: str = "") -> str:
    """local-policy-tracker_<view slug>[_<kind>].<extension>, e.g. ..._timeline-chicago-as-of-2025-11-22_actions.csv"""
    suffix = "_" + re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") if kind else ""
    return f"local-policy-tracker_{view_slug(store, filters, page)}{suffix}.{extension.lstrip('.')}"


def outlets(store: Store, actions: pd.DataFrame) -> list[str]:
    """Outlets of the sources cited by these actions, most cited first."""
    per_source = store.rows_for(store.citations, actions)["source"].value_counts()
    outlet = store.sources.set_index("id")["outlet"].reindex(per_source.index)
    counts = per_source.groupby(outlet.to_numpy(), sort=False).sum().sort_values(ascending=False, kind="stable")
    return [str(o) for o in counts.index]


def caption(
    store: Store,
    actions: pd.DataFrame,
    filters: Filters,
    page: str = "",
    options: dict | None = None,
    base: str | None = None,
) -> dict[str, str]:
    """Subtitle and footer lines of a figure, as plain text (escape with `plot_text` for plotly).

    The footer's permalink leaves presenter mode out: a link read off a slide should open the working view.
    """
    names = outlets(store, actions)
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    return {
        "subtitle": f"{describe(store, filters)} · {len(actions):,} action{'s' if len(actions) != 1 else ''}",
        "sources": f"Sources: {shown}" if names else "Sources: none in this view",
        "as_of": f"Data as of {store.as_of or 'unknown'}",
        "permalink": permalink(filters, page, {k: v for k, v in (options or {}).items() if k != "present"}, base),
    }


def plot_text(text: str) -> str:
    """Curated or user text for a plotly string: plotly.js reads a subset of HTML, so escape it all; control and
    direction-override characters become spaces (a chart must read as the characters it holds)."""
    text = str(text)
    clean = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    return html.escape(clean, quote=False)


def plot_lines(text: str, width: int) -> str:
    """Plain text as an escaped plotly string wrapped at `width` characters (plotly never wraps text itself)."""
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    return "<br>".join(plot_text(line) for line in lines)


def url_lines(url: str, width: int) -> str:
    """A URL as an escaped plotly string, broken before '?' and '&' when longer than `width` characters."""
    lines = [""]
    for piece in re.split(r"(?=[?&])", url):
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    return "<br>".join(plot_text(chunk) for line in lines for chunk in textwrap.wrap(line, width) or [""])
