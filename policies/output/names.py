"""File names of what a view lets people take away: readable, file-system safe, carrying the view and its date.

local-policy-tracker_<page>-<places>-<topics>-...-as-of-<date>[_<kind>].<extension>

The words (the app's name, the page, "to", "as of", the kind of file) are in this run's language, their accents
dropped ('política' -> 'politica'); ids, dates and place names are as they are.
"""

from __future__ import annotations

import unicodedata

from ..i18n import mark, tr
from ..records.model import slugify
from ..store import Store
from ..view import View

APP = mark("local-policy-tracker")  # the app's name in a file name
PAGE_WORDS = {
    "timeline": mark("timeline"),
    "requirements": mark("requirements"),
    "map": mark("map"),
    "sources": mark("sources"),
    "about": mark("about"),
    "add": mark("add"),
}
KIND_WORDS = {
    "actions": mark("actions"),
    "provisions": mark("provisions"),
    "actions-provisions": mark("actions & provisions"),
    "summary": mark("summary"),
}
BETWEEN = mark("{start} to {end}")  # the view's date range
FROM_START = mark("start to {end}")
UNTIL_NOW = mark("{start} to now")
SEARCH = mark("search {words}")
AS_OF = mark("as of {day}")


def _plain(text: str) -> str:
    """A translated word without its accents: 'política' -> 'politica' (file names keep to ASCII)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def viewslugify(store: Store, view: View) -> str:
    """A readable, file-system-safe name for the view: page, places, topics, dates, action, as-of date."""
    f = view.filters
    page = view.page or "timeline"
    parts = [_plain(tr(PAGE_WORDS[page])) if page in PAGE_WORDS else page]
    parts += [store.labels.name("place", p).split(",")[0] for p in f.place[:3]]
    parts += list(f.topic[:3]) + list(f.type[:2]) + list(f.level[:2]) + list(f.status[:2])
    if f.date_from and f.date_to:
        parts.append(_plain(tr(BETWEEN, start=f.date_from, end=f.date_to)))
    elif f.date_to:
        parts.append(_plain(tr(FROM_START, end=f.date_to)))
    elif f.date_from:
        parts.append(_plain(tr(UNTIL_NOW, start=f.date_from)))
    if f.q:
        parts.append(_plain(tr(SEARCH, words="\0")).replace("\0", f.q[:20]))
    if view.policy:
        parts.append(view.policy)
    parts.append(_plain(tr(AS_OF, day=view.as_of or store.as_of)))
    slug = slugify("-".join(str(p) for p in parts))
    return slug[:150].rstrip("-")


def filename(store: Store, view: View, extension: str, kind: str = "") -> str:
    """local-policy-tracker_<view slug>[_<kind>].<extension>, e.g. ..._timeline-chicago-as-of-2025-11-22_actions.csv
    (in Spanish the words are Spanish)."""
    words = _plain(tr(KIND_WORDS[kind])) if kind in KIND_WORDS else kind
    suffix = "_" + slugify(words) if kind else ""
    return f"{slugify(_plain(tr(APP)))}_{viewslugify(store, view)}{suffix}.{extension.lstrip('.')}"
