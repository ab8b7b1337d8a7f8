"""How dates read, in one format across the app, its tables, figures and files: 30 Aug 2025, week of 18 Aug 2025,
Aug 2025 (a date is shown with its precision, never more precise than the record)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from babel.dates import format_date as babel_date

from ..store import REVIEW_DAYS

PRECISION_WORDS = {"day": "", "week": "week of ", "month": "month of "}


def format_date(day: pd.Timestamp | dt.date, precision: str = "day") -> str:
    """'30 Aug 2025', 'week of 18 Aug 2025', 'Sep 2025'."""
    day = pd.Timestamp(day)
    if precision == "month":
        return f"{day:%b %Y}"
    return f"{PRECISION_WORDS.get(precision, '')}{day.day} {day:%b %Y}"


def date_labels(frame: pd.DataFrame) -> pd.Series:
    """format_date for a whole column at once (`date` and `date_precision`)."""
    dates = frame["date"]
    month_year = dates.dt.strftime("%b %Y")
    day = dates.dt.day.astype(str) + " " + month_year
    precision = frame["date_precision"]
    return day.where(precision != "week", "week of " + day).where(precision != "month", month_year)


def rests_on(last_verified: pd.Timestamp | dt.date) -> str:
    """What a status rests on: the records are only as current as our last review of them."""
    return f"as of our last review, {format_date(last_verified)}"


def out_of_date_note(last_verified: pd.Timestamp | dt.date, day: pd.Timestamp | dt.date) -> str:
    """Why a status may be stale (the record was reviewed more than REVIEW_DAYS before the status date)."""
    return (
        f"Possibly out of date: last reviewed {format_date(last_verified)}, more than {REVIEW_DAYS} days before "
        f"{format_date(day)}. Its status may have changed since."
    )


# Tick spacings a date axis may use, finest first: days, then months (labels at the start of each).
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24)


def date_ticks(start: pd.Timestamp, end: pd.Timestamp, most: int, lang: str = "en") -> tuple[list, list[str]]:
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
