"""Validated frames -> the rows a view shows: the typed `View` (parsed from and written to a query string), the
filter definitions, and `apply`, which reads each status on the view's day."""

from .filters import DATE_RANGE, FILTERS, LIST_FILTERS, LIST_KEYS, Filters, Notice
from .view import (
    BASE_URL_ENV,
    COLOR_OPTIONS,
    COUNT_OPTIONS,
    DEFAULT_PAGE,
    PAGES,
    View,
    apply,
    base_url,
    describe,
    page_path,
    parse,
)

__all__ = [
    "BASE_URL_ENV",
    "COLOR_OPTIONS",
    "COUNT_OPTIONS",
    "DATE_RANGE",
    "DEFAULT_PAGE",
    "FILTERS",
    "LIST_FILTERS",
    "LIST_KEYS",
    "PAGES",
    "Filters",
    "Notice",
    "View",
    "apply",
    "base_url",
    "describe",
    "page_path",
    "parse",
]
