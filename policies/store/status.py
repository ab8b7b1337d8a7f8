"""Status of each action on a date, derived from its dated events (never typed by a curator)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..i18n import mark

NOT_YET = "not-yet"  # no event on or before the date: the action had not happened yet
NOT_YET_LABEL = mark("Not yet")
REVIEW_DAYS = 90  # a status is only as current as our last review: older than this, it may be out of date


def review_due(day: dt.date) -> dt.date:
    """A record last reviewed before this day may be out of date when its status is read on `day`."""
    return day - dt.timedelta(days=REVIEW_DAYS)


def out_of_date(last_verified: pd.Series, day: dt.date) -> pd.Series:
    """True where the record's last review is more than REVIEW_DAYS before `day` (the day its status is read)."""
    return last_verified < pd.Timestamp(review_due(day))


def _plain_ids(events: pd.DataFrame) -> pd.DataFrame:
    """The store's events name their action as a category of all actions; joining or grouping on that hashes
    every category (100,000 of them at scale) each time, so these functions work on the ids as text."""
    if isinstance(events["action_id"].dtype, pd.CategoricalDtype):
        return events.assign(action_id=events["action_id"].astype(str))
    return events


def status_on(events: pd.DataFrame, statuses: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Series indexed by action id: the status produced by the latest event on or before `as_of`.

    `events` has action_id, type, date (datetime64) and seq (listing order); `statuses` maps from_event -> id.
    Actions whose events are all later than `as_of` get NOT_YET.
    """
    by_event = dict(zip(statuses["from_event"], statuses["id"]))
    events = _plain_ids(events)
    past = events[events["date"] <= pd.Timestamp(as_of)]
    latest = past.sort_values(["action_id", "date", "seq"]).groupby("action_id", sort=False)["type"].last()
    result = latest.map(by_event)
    all_ids = events["action_id"].unique()
    return result.reindex(all_ids, fill_value=NOT_YET).rename("status")


ACTIVE_EVENTS = frozenset({"signed", "effective", "challenged"})  # an order in these states binds
ENDED_EVENTS = frozenset({"expired", "rescinded"})  # an action in these states has nothing left to block


def with_blocks(by_id: pd.Series, related: pd.DataFrame, statuses: pd.DataFrame) -> pd.Series:
    """Statuses with the court's word applied: an action that an order in force `blocks` is blocked on that day,
    even when its own record has no "blocked" event yet; an order that is itself blocked (stayed on appeal)
    blocks nothing. Settled pass by pass until nothing changes, one level of a chain of orders per pass (links
    have no cycles: the validator sees to it)."""
    blocks = related[related["type"] == "blocks"]
    if blocks.empty:
        return by_id
    event_of = dict(zip(statuses["id"], statuses["from_event"]))
    blocked_status = next((sid for sid, ev in event_of.items() if ev == "blocked"), None)
    if blocked_status is None:
        return by_id
    own = by_id.copy()
    pairs = list(zip(blocks["action_id"].astype(str), blocks["target"].astype(str)))
    result = own
    for _ in range(len(pairs) + 1):  # each pass settles one more level of a chain of orders
        active = {b for b, _ in pairs if event_of.get(result.get(b, NOT_YET)) in ACTIVE_EVENTS}
        targets = {t for b, t in pairs if b in active}
        updated = own.copy()
        hit = [t for t in targets if t in updated.index and updated[t] != NOT_YET]
        hit = [t for t in hit if event_of.get(updated[t]) not in ENDED_EVENTS]
        updated[hit] = blocked_status
        if updated.equals(result):
            break
        result = updated
    return result


def spans(events: pd.DataFrame, statuses: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """When each action was in force: start (first in-force event) and end (first later stopping event, else today).

    Returns action_id, start, end, ended (bool) for actions that ever came into force.
    """
    in_force = [event for event, on in zip(statuses["from_event"], statuses["in_force"]) if on]
    events = _plain_ids(events)
    ev = events.assign(in_force=events["type"].isin(in_force))
    starts = ev[ev["in_force"]].groupby("action_id")["date"].min().rename("start")
    ev = ev.join(starts, on="action_id", how="inner")
    stops = ev[(~ev["in_force"]) & (ev["date"] >= ev["start"]) & ev["type"].isin(["blocked", "expired", "rescinded"])]
    ends = stops.groupby("action_id")["date"].min().rename("end")
    out = starts.to_frame().join(ends)
    out["ended"] = out["end"].notna() & (out["end"] <= pd.Timestamp(today))
    out["end"] = out["end"].where(out["ended"], pd.Timestamp(today))
    return out.reset_index()
