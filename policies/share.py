"""Sharing a view: its permalink, a file name made from it, and the provenance every figure carries.

A view is a page plus its filters plus chart options (colour-by, ...). The same view gives the same
permalink in the app, in a downloaded image's footer, in an export's file name and on the command line.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import urlencode

import pandas as pd

from .filters import Filters, describe
from .store import Store

APP_NAME = "Local-policy tracker"
DEFAULT_BASE_URL = "http://localhost:8501"
OPTION_KEYS = ("color", "present")


def base_url() -> str:
    """Public address of the app, for permalinks made outside a browser (CLI, exports)."""
    return os.environ.get("POLICIES_BASE_URL", DEFAULT_BASE_URL).rstrip("/")


def permalink(filters: Filters, page: str = "", options: dict[str, str] | None = None, base: str | None = None) -> str:
    """The URL that reproduces this view: page path, filters, then chart options (defaults left out)."""
    query = filters.query_string()
    extra = urlencode([(k, v) for k, v in (options or {}).items() if k in OPTION_KEYS and v])
    joined = "&".join(part for part in (query, extra) if part)
    return f"{base or base_url()}/{page.strip('/')}" + (f"?{joined}" if joined else "")


def view_slug(store: Store, filters: Filters, page: str = "") -> str:
    """A readable, file-system-safe name for the view: page, places, topics, dates, as-of date."""
    names = dict(zip(store.jurisdictions["id"], store.jurisdictions["name"]))
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


def filename(store: Store, filters: Filters, page: str, extension: str) -> str:
    return f"local-policy-tracker_{view_slug(store, filters, page)}.{extension.lstrip('.')}"


def outlets(store: Store, actions: pd.DataFrame) -> list[str]:
    """Outlets of the sources cited by these actions, most cited first."""
    cited = actions["sources"].str.split(", ").explode().dropna()
    by_id = dict(zip(store.sources["id"], store.sources["outlet"]))
    counts = cited.map(by_id).dropna().value_counts()
    return [str(o) for o in counts.index]


def caption(store: Store, actions: pd.DataFrame, filters: Filters, page: str = "", options: dict | None = None) -> dict[str, str]:
    """Subtitle and footer lines of a figure, as plain text (escape with `plot_text` for plotly)."""
    names = outlets(store, actions)
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    return {
        "subtitle": f"{describe(store, filters)} · {len(actions):,} action{'s' if len(actions) != 1 else ''}",
        "sources": f"Sources: {shown}" if names else "Sources: none in this view",
        "as_of": f"Data as of {store.as_of or 'unknown'}",
        "permalink": permalink(filters, page, options),
    }


def plot_text(text: str) -> str:
    """Curated or user text for a plotly string: plotly.js reads a subset of HTML, so escape it all."""
    return html.escape(text, quote=False)
