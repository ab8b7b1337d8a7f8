"""The view's filters: parsed from a query string, applied to the store's frames, described in words.

The query string is the contract every page, permalink and export shares:

    place level topic type status   repeated keys (?place=a&place=b) or comma-separated values
    from to as_of                    YYYY-MM-DD
    q                                free-text search
    policy                           the selected action's id

Parsing never raises: an unknown or malformed value is dropped and reported in `notices`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import pandas as pd

from .model import LEVELS
from .status import NOT_YET, status_on
from .store import Store

LIST_KEYS = ("place", "level", "topic", "type", "status")
DATE_KEYS = ("from", "to", "as_of")
KEYS = LIST_KEYS + DATE_KEYS + ("q", "policy")
MAX_VALUES = 50  # per key: more than this is not a view anyone built by hand
MAX_QUERY = 200


@dataclass(frozen=True)
class Filters:
    place: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""
    policy: str | None = None
    as_of: dt.date | None = None

    @property
    def active(self) -> bool:
        """True when anything narrows the rows (the selected action and as_of do not)."""
        return any(getattr(self, key) for key in LIST_KEYS) or bool(self.date_from or self.date_to or self.q)

    def to_params(self) -> dict[str, list[str]]:
        """Query parameters in URL order; empty filters are left out."""
        out: dict[str, list[str]] = {key: list(getattr(self, key)) for key in LIST_KEYS if getattr(self, key)}
        for key, value in (("from", self.date_from), ("to", self.date_to), ("as_of", self.as_of)):
            if value:
                out[key] = [value.isoformat()]
        if self.q:
            out["q"] = [self.q]
        if self.policy:
            out["policy"] = [self.policy]
        return out

    def query_string(self, **extra: str) -> str:
        pairs = [(k, v) for k, values in self.to_params().items() for v in values]
        pairs += [(k, v) for k, v in extra.items() if v]
        return urlencode(pairs)

    def without(self, *keys: str) -> Filters:
        names = {"from": "date_from", "to": "date_to"}
        return replace(self, **{names.get(k, k): _empty(names.get(k, k)) for k in keys})


def _empty(name: str) -> object:
    return () if name in LIST_KEYS else ("" if name == "q" else None)


@dataclass(frozen=True)
class Vocabulary:
    """The values each list filter accepts, from the store's codebooks; and, for the pickers, their order and
    names (worked out once per store, not on every rerun)."""

    place: frozenset[str]
    level: frozenset[str]
    topic: frozenset[str]
    type: frozenset[str]
    status: frozenset[str]
    policy: frozenset[str] = field(default_factory=frozenset)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store) -> Vocabulary:
        rank = {level: i for i, level in enumerate(reversed(LEVELS))}  # cities first
        places = store.jurisdictions.assign(rank=store.jurisdictions["level"].map(rank).fillna(len(rank)))
        choices = {
            "place": tuple(places.sort_values(["rank", "name"], kind="stable")["id"]),
            "level": LEVELS,
            "topic": tuple(store.topic_codebook["id"]),
            "type": tuple(store.action_types["id"]),
            "status": (*store.statuses["id"], NOT_YET),
        }
        names = {
            "place": dict(zip(store.jurisdictions["id"], store.jurisdictions["name"])),
            "level": {level: level.capitalize() for level in LEVELS},
            "topic": dict(zip(store.topic_codebook["id"], store.topic_codebook["label"])),
            "type": dict(zip(store.action_types["id"], store.action_types["label"])),
            "status": dict(zip(store.statuses["id"], store.statuses["label"])) | {NOT_YET: "Not yet"},
        }
        return cls(
            place=frozenset(store.jurisdictions["id"]),
            level=frozenset(LEVELS),
            topic=frozenset(store.topic_codebook["id"]),
            type=frozenset(store.action_types["id"]),
            status=frozenset(store.statuses["id"]) | {NOT_YET},
            policy=frozenset(store.actions["id"]),
            choices=choices,
            names=names,
        )


def parse(params: Mapping[str, Iterable[str] | str], vocab: Vocabulary) -> tuple[Filters, list[str]]:
    """Filters from query parameters (each key a list of values, or one string); notices for what was ignored."""
    notices: list[str] = []
    values: dict[str, object] = {}
    for key in LIST_KEYS:
        raw = _split(_values(params, key))
        if len(raw) > MAX_VALUES:
            notices.append(f"Only the first {MAX_VALUES} values of '{key}' were used.")
            raw = raw[:MAX_VALUES]
        known = getattr(vocab, key)
        kept = tuple(dict.fromkeys(v for v in raw if v in known))
        for bad in dict.fromkeys(v for v in raw if v not in known):
            notices.append(f"Ignored unknown {key} '{_shorten(bad)}'.")
        values[key] = kept
    for key, name in (("from", "date_from"), ("to", "date_to"), ("as_of", "as_of")):
        raw_dates = _values(params, key)
        values[name] = _date(raw_dates[-1], key, notices) if raw_dates else None
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        notices.append("'from' was after 'to'; the two dates were swapped.")
        values["date_from"], values["date_to"] = values["date_to"], values["date_from"]
    q = " ".join(_values(params, "q")).strip()
    q = "".join(ch for ch in q if ch.isprintable())
    if len(q) > MAX_QUERY:
        notices.append(f"The search text was cut to {MAX_QUERY} characters.")
        q = q[:MAX_QUERY]
    values["q"] = q
    policy = _values(params, "policy")
    values["policy"] = None
    if policy:
        if policy[-1] in vocab.policy:
            values["policy"] = policy[-1]
        else:
            notices.append(f"Ignored unknown policy '{_shorten(policy[-1])}'.")
    return Filters(**values), notices  # type: ignore[arg-type]


def _values(params: Mapping[str, Iterable[str] | str], key: str) -> list[str]:
    if hasattr(params, "get_all"):  # Streamlit's st.query_params
        return [str(v) for v in params.get_all(key)]  # type: ignore[union-attr]
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _date(text: str, key: str, notices: list[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        notices.append(f"Ignored '{key}': '{_shorten(text)}' is not a date in YYYY-MM-DD form.")
        return None


def _shorten(text: str, limit: int = 40) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- applying ---------------------------------------------------------------------------------


def apply(store: Store, filters: Filters, today: dt.date | None = None) -> pd.DataFrame:
    """The actions the view shows, with `status` as of `filters.as_of` (or today), in the store's order
    (date, jurisdiction, id).

    With an explicit as_of date, actions that had not happened by then are left out.
    """
    actions = store.actions
    mask = pd.Series(True, index=actions.index)
    if filters.place:
        mask &= store.having(store.places, store.places["place"].isin(filters.place))
    if filters.level:
        mask &= actions["level"].isin(filters.level)
    if filters.topic:
        mask &= store.having(store.topics, store.topics["topic"].isin(filters.topic))
    if filters.type:
        mask &= actions["action_type"].isin(filters.type)
    if filters.date_from:
        mask &= actions["date_end"] >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        mask &= actions["date"] <= pd.Timestamp(filters.date_to)
    if filters.q:
        mask &= actions["search_text"].str.contains(filters.q.lower(), regex=False)
    # The view leaves out the search column: copying it for every matching row would be most of a filter's cost.
    rows = actions.loc[mask.to_numpy(), actions.columns != "search_text"]
    if filters.as_of:
        events = store.rows_for(store.events, rows)
        rows = rows.assign(status=rows["id"].map(status_on(events, store.statuses, filters.as_of)).fillna(NOT_YET))
        rows = rows[rows["status"] != NOT_YET]
    if filters.status:
        rows = rows[rows["status"].isin(filters.status)]
    return rows


# --- describing -------------------------------------------------------------------------------


def describe(store: Store, filters: Filters) -> str:
    """The filters in words, for chart subtitles and file headers ("Chicago and federal actions aimed at Chicago, masks, Aug–Oct 2025")."""
    parts = []
    names = store.jurisdiction_names(filters.place)
    if filters.place:
        places = _join([names.get(p, p).split(",")[0] for p in filters.place])
        parts.append(f"actions by or aimed at {places}")
    if filters.level:
        parts.append(_join(filters.level) + " level")
    if filters.topic:
        labels = dict(zip(store.topic_codebook["id"], store.topic_codebook["label"]))
        parts.append(_join([labels.get(t, t).lower() for t in filters.topic]))
    if filters.type:
        labels = dict(zip(store.action_types["id"], store.action_types["label"]))
        parts.append(_join([labels.get(t, t).lower() + "s" for t in filters.type]))
    if filters.status:
        labels = dict(zip(store.statuses["id"], store.statuses["label"])) | {NOT_YET: "not yet"}
        parts.append("status " + _join([labels.get(s, s).lower() for s in filters.status], "or"))
    if filters.date_from or filters.date_to:
        parts.append(_period(filters.date_from, filters.date_to))
    if filters.q:
        parts.append(f'matching "{filters.q}"')
    if filters.as_of:
        parts.append(f"status as of {filters.as_of.isoformat()}")
    text = ", ".join(parts) if parts else "all actions"
    return text[0].upper() + text[1:]


def _join(items: Iterable[str], word: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        if start.year == end.year:
            return f"{start:%b %-d} – {end:%b %-d, %Y}"
        return f"{start:%b %-d, %Y} – {end:%b %-d, %Y}"
    return f"from {start:%b %-d, %Y}" if start else f"until {end:%b %-d, %Y}"
