"""File names of what a view lets people take away: readable, file-system safe, carrying the view and its date.

local-policy-tracker_<page>-<places>-<topics>-...-as-of-<date>[_<kind>].<extension>
"""

from __future__ import annotations

import re

from ..store import Store
from ..view import View


def view_slug(store: Store, view: View) -> str:
    """A readable, file-system-safe name for the view: page, places, topics, dates, action, as-of date."""
    f = view.filters
    parts = [view.page or "timeline"]
    parts += [store.labels.name("place", p).split(",")[0] for p in f.place[:3]]
    parts += list(f.topic[:3]) + list(f.type[:2]) + list(f.level[:2]) + list(f.status[:2])
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or 'start'}-to-{f.date_to or 'now'}")
    if f.q:
        parts.append("search-" + f.q[:20])
    if view.policy:
        parts.append(view.policy)
    parts.append(f"as-of-{view.as_of or store.as_of}")
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(str(p) for p in parts).lower()).strip("-")
    return slug[:150].rstrip("-")


def filename(store: Store, view: View, extension: str, kind: str = "") -> str:
    """local-policy-tracker_<view slug>[_<kind>].<extension>, e.g. ..._timeline-chicago-as-of-2025-11-22_actions.csv"""
    suffix = "_" + re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") if kind else ""
    return f"local-policy-tracker_{view_slug(store, view)}{suffix}.{extension.lstrip('.')}"
