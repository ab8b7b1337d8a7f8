"""How dates read, in one format across the app, its tables, figures and files: 30 Aug 2025, week of 18 Aug 2025,
Aug 2025 (a date is shown with its precision, never more precise than the record), in the reader's language
('30 ago 2025', 'semana del 18 ago 2025' in Spanish: `i18n.format_day`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from babel.dates import format_date as babel_date

from .. import i18n
from ..i18n import mark, tr
from ..store import REVIEW_DAYS

# A date's precision in words (the action page says which one a date has).
PRECISION_NAMES = {"day": mark("day"), "week": mark("week"), "month": mark("month")}
RESTS_ON = mark("as of our last review, {day}")
OUT_OF_DATE = mark(
    "Possibly out of date: last reviewed {reviewed}, more than {days} days before {day}. "
    "Its status may have changed since."
)


def format_date(day: pd.Timestamp | dt.date, precision: str = "day") -> str:
    """'30 Aug 2025', 'week of 18 Aug 2025', 'Sep 2025', in this run's language."""
    return i18n.format_day(day, precision)


def precision_name(precision: str) -> str:
    """'day', 'week' or 'month' in this run's language (an unknown precision as it is)."""
    return tr(PRECISION_NAMES[precision]) if precision in PRECISION_NAMES else precision


def date_labels(frame: pd.DataFrame) -> pd.Series:
    """format_date for a whole column at once (`date` and `date_precision`): the same words, row by row."""
    dates = frame["date"]
    precision = frame["date_precision"]
    if i18n.current() != i18n.DEFAULT:  # Babel's words, worked out once per distinct (date, precision)
        pairs = pd.DataFrame({"date": dates, "precision": precision.astype(object)})
        distinct = pairs.drop_duplicates().dropna(subset=["date"])
        distinct["label"] = [format_date(d, p) for d, p in zip(distinct["date"], distinct["precision"])]
        labels = pairs.merge(distinct, on=["date", "precision"], how="left")["label"]
        return pd.Series(labels.to_numpy(object), index=frame.index, dtype=object)
    month_year = dates.dt.strftime("%b %Y")
    day = dates.dt.day.astype(str) + " " + month_year
    return day.where(precision != "week", "week of " + day).where(precision != "month", month_year)


def rests_on(last_verified: pd.Timestamp | dt.date) -> str:
    """What a status rests on: the records are only as current as our last review of them."""
    return tr(RESTS_ON, day=format_date(last_verified))


def out_of_date_note(last_verified: pd.Timestamp | dt.date, day: pd.Timestamp | dt.date) -> str:
    """Why a status may be stale (the record was reviewed more than REVIEW_DAYS before the status date)."""
    return tr(OUT_OF_DATE, reviewed=format_date(last_verified), days=REVIEW_DAYS, day=format_date(day))


# Tick spacings a date axis may use, finest first: days, then months (labels at the start of each).
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24)


def date_ticks(start: pd.Timestamp, end: pd.Timestamp, most: int, lang: str = i18n.DEFAULT) -> tuple[list, list[str]]:
    """At most `most` evenly spaced ticks between two dates, and their labels in `lang`: month starts ("Sep 2025")
    when the range spans months, else days ("30 Aug 2025"). Worded here, not by plotly, so they read in the
    reader's language and there are only as many as the chart's width holds."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    most = max(most, 2)
    for months in _MONTH_STEPS:
        first = (start + pd.offsets.MonthBegin(0)).normalize()
        while (first.month - 1) % min(months, 12):  # quarters start in Jan, Apr, ...; years in January
            first += pd.offsets.MonthBegin(1)
        ticks = pd.date_range(first, end, freq=pd.DateOffset(months=months))
        if 2 <= len(ticks) <= most:
            return list(ticks), [babel_date(t.date(), "MMM y", locale=lang) for t in ticks]
        if len(ticks) < 2:
            break  # too short a range for month ticks
    for days in _DAY_STEPS:
        ticks = pd.date_range(start.normalize() + pd.Timedelta(days=1), end, freq=f"{days}D")
        if len(ticks) <= most:
            return list(ticks), [babel_date(t.date(), "d MMM y", locale=lang) for t in ticks]
    ticks = pd.date_range(start, end, periods=most).normalize()
    return list(ticks), [babel_date(t.date(), "MMM y", locale=lang) for t in ticks]
