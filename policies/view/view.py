"""The view: one typed value for what a page shows (page, filters, selected action, status date, chart options),
parsed from a query string with notices for what was ignored, and written back as the same query string.

Every way of asking for a view goes through here: the browser's URL, the sidebar, the `chart` command, exports
and file names. `parse(view.to_params())` gives the same view and no notices.

    ?place=...&topic=...&from=...&to=...&q=...     filters (policies.view.filters)
    &as_of=YYYY-MM-DD                               read each status on this date (default: today)
    &policy=ID                                      the selected action
    &color=level|topic &by=jurisdiction|topic       chart options
    &present=1                                      presenter mode
    &lang=es|en                                     the interface's language (none: the browser's, else English)
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode, urlsplit

import pandas as pd

from .. import clock, i18n
from ..store import NOT_YET, Store, out_of_date
from . import filters as F
from .filters import Filters, Notice, Params, Reason

PAGES = ("timeline", "requirements", "map", "sources", "about", "add")
DEFAULT_PAGE = "timeline"  # served at the app's root URL
COLOR_OPTIONS = ("level", "topic")
COLOR_WORDS = {"level": i18n.mark("Level"), "topic": i18n.mark("Topic")}
COUNT_OPTIONS = ("jurisdiction", "topic")
PRESENT_ON = "1"
# The order of a query string: filters, then the status date, the selected action and chart options.
PARAM_ORDER = (*F.KEYS[:-1], "as_of", F.KEYS[-1], "policy", "color", "present", "by", "lang")
APP_NAME = "Local-policy tracker"
DEFAULT_BASE_URL = "http://localhost:8501"
BASE_URL_ENV = "POLICIES_BASE_URL"


@dataclass(frozen=True)
class View:
    page: str = DEFAULT_PAGE
    filters: Filters = field(default_factory=Filters)
    policy: str | None = None  # the selected action's id
    as_of: dt.date | None = None  # None: today, by `policies.clock`
    color: str = "level"  # what the timeline's colours show
    by: str = "jurisdiction"  # what the counts chart counts
    present: bool = False  # presenter mode
    lang: str | None = None  # the interface's language as chosen (URL, switch, a browser's other than English)

    @property
    def language(self) -> str:
        """The language the view is shown in."""
        return self.lang or i18n.DEFAULT

    def status_date(self) -> dt.date:
        """The day statuses are read on: `as_of`, else today."""
        return self.as_of or clock.today()

    def to_params(self) -> dict[str, list[str]]:
        """The query parameters, in URL order; empty filters and default options are left out (the page is the path)."""
        out = F.to_params(self.filters)
        if self.as_of:
            out["as_of"] = [self.as_of.isoformat()]
        if self.policy:
            out["policy"] = [self.policy]
        if self.color != "level":
            out["color"] = [self.color]
        if self.present:
            out["present"] = [PRESENT_ON]
        if self.by != "jurisdiction":
            out["by"] = [self.by]
        if self.lang:
            out["lang"] = [self.lang]
        return {key: out[key] for key in PARAM_ORDER if key in out}

    def query_string(self) -> str:
        return urlencode([(key, value) for key, values in self.to_params().items() for value in values])

    def permalink(self, base: str | None = None) -> str:
        """The URL that reproduces this view: the app's address, the page's path, the query string."""
        query = self.query_string()
        return f"{base or base_url()}/{page_path(self.page)}" + (f"?{query}" if query else "")

    def link(self, base: str | None = None) -> str:
        """The permalink without presenter mode: what a chart's footer prints (a link read off a slide should open
        the working view)."""
        return replace(self, present=False).permalink(base)

    def with_filters(self, **changes: object) -> View:
        return replace(self, filters=replace(self.filters, **changes))  # type: ignore[arg-type]


def parse(params: Params, store: Store, page: str = DEFAULT_PAGE) -> tuple[View, list[Notice]]:
    """A view from query parameters, and a notice for every value not taken as given. Never raises."""
    notices: list[Notice] = []
    filters = F.parse(params, store, notices)
    as_of = F.parse_date(params, "as_of", notices)
    policy = None
    asked = F.values(params, "policy")
    if asked:
        if asked[-1] in store.labels.actions:
            policy = asked[-1]
        else:
            notices.append(Notice("policy", asked[-1], "unknown"))
    color = _choice(params, "color", COLOR_OPTIONS, notices)
    by = _choice(params, "by", COUNT_OPTIONS, notices)
    present = _choice(params, "present", (PRESENT_ON,), notices, ("present=1",), "not-a-switch")
    lang = _choice(params, "lang", i18n.LANGUAGES, notices)
    return (
        View(
            page=page if page in PAGES else DEFAULT_PAGE,
            filters=filters,
            policy=policy,
            as_of=as_of,
            color=color or "level",
            by=by or "jurisdiction",
            present=present == PRESENT_ON,
            lang=lang,
        ),
        notices,
    )


def _choice(
    params: Params,
    key: str,
    allowed: tuple[str, ...],
    notices: list[Notice],
    accepted: tuple[str, ...] = (),
    reason: Reason = "unknown",
) -> str | None:
    """The last value of an option, if it is one of `allowed`; else None and a notice."""
    asked = F.values(params, key)
    if not asked:
        return None
    if asked[-1] in allowed:
        return asked[-1]
    notices.append(Notice(key, asked[-1], reason, accepted or allowed))
    return None


# --- the rows a view shows ---------------------------------------------------------------------------------


def apply(store: Store, view: View) -> pd.DataFrame:
    """The actions the view shows, each with its `status` on the view's day, in the store's order (date,
    jurisdiction, id). With an explicit `as_of`, actions that had not happened by then are left out."""
    day = view.status_date()
    status = store.status_on(day)
    keep = F.mask(store, view.filters, status)
    if view.as_of:
        keep &= status != NOT_YET
    # The view leaves out the search column: copying it for every matching row would be most of a filter's cost.
    rows = store.actions.loc[keep, store.actions.columns != "search_text"]
    return rows.assign(status=status[keep], out_of_date=out_of_date(rows["last_verified"], day))


def describe(store: Store, view: View) -> str:
    """The view in words, for chart subtitles and file headers ("Actions by or aimed at Chicago, masks, Aug–Oct 2025")."""
    parts = F.describe(store, view.filters)
    if view.as_of:
        parts.append(i18n.tr("status as of {date}", date=view.as_of.isoformat()))
    text = ", ".join(parts) if parts else i18n.tr("all actions")
    return text[0].upper() + text[1:]


# --- addresses ------------------------------------------------------------------------------------------------


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
