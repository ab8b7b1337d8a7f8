"""How dates read, in one format across the app, its tables, figures and files: 30 Aug 2025, week of 18 Aug 2025,
Aug 2025 (a date is shown with its precision, never more precise than the record)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

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
