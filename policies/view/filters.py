"""The view's filters, described once: each definition parses its URL values, selects actions, and says itself in
words (as Datasette pairs a filter's `where` with its human description). The sidebar, the URL, the `chart`
command, exports and file names all read this table; adding a filter is one entry here and one field in `Filters`.

    place level topic type status   repeated keys (?place=a&place=b) or comma-separated values
    from to                         YYYY-MM-DD (an action counts if its date's period overlaps)
    q                               free-text search in titles, summaries, actors, notes and provisions

Parsing never raises: an unknown or malformed value is dropped and reported as a `Notice`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Literal

import numpy as np
import pandas as pd

from .. import i18n
from ..i18n import mark, tr
from ..store import Store

AND, OR = mark("and"), mark("or")  # the words that join a list, translated where they join it
MAX_VALUES = 50  # per key: more than this is not a view anyone built by hand
MAX_QUERY = 200
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))  # what a date picker can show
Params = Mapping[str, Iterable[str] | str]

# Why a value was not used as given. DROPPED reasons mean the value was left out of the view; the others were
# used, changed as the notice says. Callers decide by the reason, never by a message's wording.
Reason = Literal["unknown", "not-a-switch", "not-a-date", "out-of-range", "too-many", "swapped", "cut"]
DROPPED = frozenset({"unknown", "not-a-switch", "not-a-date", "out-of-range"})


@dataclass(frozen=True)
class Notice:
    """One thing the parser did not take as given: the parameter, the value it saw, and why."""

    key: str
    value: str
    reason: Reason
    accepted: tuple[str, ...] = ()  # the accepted values, for keys with few of them

    @property
    def dropped(self) -> bool:
        return self.reason in DROPPED

    @property
    def what(self) -> str:
        """The notice without "Ignored" and the full stop, for "error: ..." lines."""
        return str(self).removeprefix("Ignored ").rstrip(".")

    def __str__(self) -> str:
        """The notice in this run's language (worded when shown, so a link opened in Spanish reads in Spanish)."""
        use = tr("use {values}", values=join(self.accepted, OR)) if self.accepted else ""
        hint = f" ({use})" if use else ""
        return tr(
            NOTICE_WORDS[self.reason],
            key=self.key,
            value=shorten(self.value),
            hint=hint,
            low=DATE_RANGE[0].year,
            high=DATE_RANGE[1].year,
            most=MAX_VALUES,
            limit=MAX_QUERY,
        )


NOTICE_WORDS: dict[str, str] = {
    "unknown": mark("Ignored unknown {key} '{value}'{hint}."),
    "not-a-switch": mark("Ignored {key} '{value}'{hint}."),
    "not-a-date": mark("Ignored '{key}': '{value}' is not a date in YYYY-MM-DD form."),
    "out-of-range": mark("Ignored '{key}': {value} is outside {low}–{high}."),
    "too-many": mark("Only the first {most} values of '{key}' were used."),
    "swapped": mark("'from' was after 'to'; the two dates were swapped."),
    "cut": mark("The search text was cut to {limit} characters."),
}


@dataclass(frozen=True)
class Filters:
    """What narrows the rows of a view. One field per definition in FILTERS (the date range has two)."""

    place: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    verified: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        """True when anything narrows the rows."""
        return any(getattr(self, f.name) for f in fields(self))

    def without(self, *keys: str) -> Filters:
        """These filters with the named ones (URL keys) cleared."""
        cleared: dict = {}
        for d in FILTERS:
            if set(d.keys) & set(keys):
                cleared |= d.cleared()
        return replace(self, **cleared)


# --- the definitions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListFilter:
    """A filter over codebook ids: its URL key is also its `Filters` field and its kind in `store.labels`."""

    key: str
    label: str  # the picker's label, marked for the catalogue: `tr` it where shown
    where: Callable[[Store, tuple[str, ...], np.ndarray], np.ndarray]  # (store, values, status) -> mask over actions
    words: Callable[[Store, tuple[str, ...]], str]
    help: str | None = None
    picker: str = "multiselect"

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,)

    def parse(self, params: Params, store: Store, notices: list[Notice]) -> dict:
        raw = split(values(params, self.key))
        if len(raw) > MAX_VALUES:
            notices.append(Notice(self.key, str(len(raw)), "too-many"))
            raw = raw[:MAX_VALUES]
        known = store.labels.names[self.key]
        for bad in dict.fromkeys(v for v in raw if v not in known):
            notices.append(Notice(self.key, bad, "unknown"))
        return {self.key: tuple(dict.fromkeys(v for v in raw if v in known))}

    def params(self, filters: Filters) -> dict[str, list[str]]:
        chosen = getattr(filters, self.key)
        return {self.key: list(chosen)} if chosen else {}

    def mask(self, store: Store, filters: Filters, status: np.ndarray) -> np.ndarray | None:
        chosen = getattr(filters, self.key)
        return self.where(store, chosen, status) if chosen else None

    def describe(self, store: Store, filters: Filters) -> str | None:
        chosen = getattr(filters, self.key)
        return self.words(store, chosen) if chosen else None

    def cleared(self) -> dict:
        return {self.key: ()}


@dataclass(frozen=True)
class DateRange:
    """From and to: an action is in the range when its date's period (a day, week or month) overlaps it."""

    keys: tuple[str, ...] = ("from", "to")
    labels: tuple[str, ...] = (mark("From"), mark("To"))
    picker: str = "date-range"

    def parse(self, params: Params, store: Store, notices: list[Notice]) -> dict:
        start, end = (parse_date(params, key, notices) for key in self.keys)
        if start and end and start > end:
            notices.append(Notice("from", f"{start} > {end}", "swapped"))
            start, end = end, start
        return {"date_from": start, "date_to": end}

    def params(self, filters: Filters) -> dict[str, list[str]]:
        pairs = (("from", filters.date_from), ("to", filters.date_to))
        return {key: [day.isoformat()] for key, day in pairs if day}

    def mask(self, store: Store, filters: Filters, status: np.ndarray) -> np.ndarray | None:
        if not (filters.date_from or filters.date_to):
            return None
        keep = np.ones(len(store.actions), dtype=bool)
        if filters.date_from:
            keep &= (store.actions["date_end"] >= pd.Timestamp(filters.date_from)).to_numpy()
        if filters.date_to:
            keep &= (store.actions["date"] <= pd.Timestamp(filters.date_to)).to_numpy()
        return keep

    def describe(self, store: Store, filters: Filters) -> str | None:
        if not (filters.date_from or filters.date_to):
            return None
        return period(filters.date_from, filters.date_to)

    def cleared(self) -> dict:
        return {"date_from": None, "date_to": None}


@dataclass(frozen=True)
class Search:
    """Free text, matched case-blind in each action's search text (lower-cased once at load)."""

    key: str = "q"
    label: str = mark("Search")
    placeholder: str = mark("titles, summaries, provisions")
    picker: str = "text"

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,)

    def parse(self, params: Params, store: Store, notices: list[Notice]) -> dict:
        # Unprintable characters go first, then the ends are trimmed: what is kept reads back as itself.
        text = "".join(ch for ch in " ".join(values(params, self.key)) if ch.isprintable()).strip()
        if len(text) > MAX_QUERY:
            notices.append(Notice(self.key, text, "cut"))
            text = text[:MAX_QUERY].rstrip()
        return {"q": text}

    def params(self, filters: Filters) -> dict[str, list[str]]:
        return {self.key: [filters.q]} if filters.q else {}

    def mask(self, store: Store, filters: Filters, status: np.ndarray) -> np.ndarray | None:
        if not filters.q:
            return None
        return store.actions["search_text"].str.contains(filters.q.lower(), regex=False).to_numpy()

    def describe(self, store: Store, filters: Filters) -> str | None:
        return tr('matching "{text}"', text=filters.q) if filters.q else None

    def cleared(self) -> dict:
        return {"q": ""}


def _places(store: Store, chosen: tuple[str, ...], status: np.ndarray) -> np.ndarray:
    """By the place, aimed at it, or by places within it (a state's filter finds its cities' actions)."""
    return store.having(store.places, store.places["place"].isin(chosen)).to_numpy()


def _topics(store: Store, chosen: tuple[str, ...], status: np.ndarray) -> np.ndarray:
    return store.having(store.topics, store.topics["topic"].isin(chosen)).to_numpy()


def _column(name: str) -> Callable[[Store, tuple[str, ...], np.ndarray], np.ndarray]:
    def where(store: Store, chosen: tuple[str, ...], status: np.ndarray) -> np.ndarray:
        return store.actions[name].isin(chosen).to_numpy()

    return where


def _status(store: Store, chosen: tuple[str, ...], status: np.ndarray) -> np.ndarray:
    return np.isin(status, list(chosen))


def _words(
    kind: str, template: str = "{names}", word: str = AND, lower: bool = True
) -> Callable[[Store, tuple[str, ...]], str]:
    """A list filter in words: its labels (in this run's language) joined, in a template with a {names} slot."""

    def words(store: Store, chosen: tuple[str, ...]) -> str:
        names = [store.labels.name(kind, v) for v in chosen]
        return tr(template, names=join([n.lower() if lower else n for n in names], word))

    return words


def _place_words(store: Store, chosen: tuple[str, ...]) -> str:
    return tr(
        "actions by or aimed at {places}", places=join([store.labels.name("place", p).split(",")[0] for p in chosen])
    )


FILTERS: tuple[ListFilter | DateRange | Search, ...] = (
    ListFilter(
        "place",
        mark("Place"),
        _places,
        _place_words,
        help=mark("Actions taken by this place, aimed at it, or by places within it."),
    ),
    ListFilter("level", mark("Level"), _column("level"), _words("level", mark("{names} level"))),
    ListFilter("topic", mark("Topic"), _topics, _words("topic")),
    ListFilter("type", mark("Action type"), _column("action_type"), _words("type", mark("of type {names}"), OR)),
    ListFilter("status", mark("Status"), _status, _words("status", mark("status {names}"), OR)),
    ListFilter(
        "verified",
        mark("How well established"),
        _column("verification"),
        _words("verified", mark("{names} records"), OR),
        help=mark(
            "Primary source read: the order, filing or ruling itself; corroborated: two or more independent "
            "reports; reported: one news report."
        ),
    ),
    DateRange(),
    Search(),
)
LIST_FILTERS = tuple(d for d in FILTERS if isinstance(d, ListFilter))
LIST_KEYS = tuple(d.key for d in LIST_FILTERS)
KEYS = tuple(key for d in FILTERS for key in d.keys)


# --- the table at work ----------------------------------------------------------------------------------


def parse(params: Params, store: Store, notices: list[Notice]) -> Filters:
    """Filters from query parameters (each key a list of values, or one string), adding to `notices`."""
    found: dict = {}
    for d in FILTERS:
        found |= d.parse(params, store, notices)
    return Filters(**found)


def to_params(filters: Filters) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for d in FILTERS:
        out |= d.params(filters)
    return out


def mask(store: Store, filters: Filters, status: np.ndarray) -> np.ndarray:
    """Over `store.actions`: the actions every filter keeps (`status`: each action's status on the view's day)."""
    keep = np.ones(len(store.actions), dtype=bool)
    for d in FILTERS:
        selected = d.mask(store, filters, status)
        if selected is not None:
            keep &= selected
    return keep


def describe(store: Store, filters: Filters) -> list[str]:
    """Each active filter in words, in table order."""
    return [text for d in FILTERS if (text := d.describe(store, filters))]


# --- reading parameters -----------------------------------------------------------------------------------


def values(params: Params, key: str) -> list[str]:
    """Every value of `key`: Streamlit's st.query_params, a parse_qs dict of lists, or a dict of strings."""
    get_all = getattr(params, "get_all", None)
    if get_all is not None:  # Streamlit's st.query_params
        return [str(v) for v in get_all(key)]
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def split(raw: list[str]) -> list[str]:
    return [part.strip() for value in raw for part in value.split(",") if part.strip()]


def parse_date(params: Params, key: str, notices: list[Notice]) -> dt.date | None:
    """The last value of a date parameter, or None (with a notice) when it is not a date a picker can show."""
    raw = values(params, key)
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw[-1].strip())
    except ValueError:
        notices.append(Notice(key, raw[-1], "not-a-date"))
        return None
    if not DATE_RANGE[0] <= day <= DATE_RANGE[1]:
        notices.append(Notice(key, day.isoformat(), "out-of-range"))
        return None
    return day


def shorten(text: str, limit: int = 40) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def join(items: Iterable[str], word: str = AND) -> str:
    """'a, b and c' in this run's language (`word` is a marked conjunction: AND or OR)."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {tr(word)} " + items[-1]


# Date patterns (CLDR, as Babel reads them) are part of the catalogue: each language writes a day its own way.
DAY_PATTERN = mark("MMM d, y")
SAME_YEAR_PATTERN = mark("MMM d")


def period(start: dt.date | None, end: dt.date | None) -> str:
    """'Aug 1 – Oct 31, 2025', 'from Aug 1, 2025', 'until Oct 31, 2025' in this run's language."""

    def day(value: dt.date, pattern: str = DAY_PATTERN) -> str:
        return i18n.format_pattern(value, tr(pattern))

    if start and end:
        first = day(start, SAME_YEAR_PATTERN) if start.year == end.year else day(start)
        return tr("{start} – {end}", start=first, end=day(end))
    return tr("from {start}", start=day(start)) if start else tr("until {end}", end=day(end))  # type: ignore[arg-type]
