"""The one clock every status is read on: today, unless a test (or `POLICIES_TODAY`) sets another day.

Status is a function of an action's dated events and a date. Nothing date-dependent is stored in the store, its
disk cache or a snapshot; each view asks this clock (or uses its own `as_of`), so a long-running server shows
tomorrow's status tomorrow.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TODAY_ENV = "POLICIES_TODAY"  # YYYY-MM-DD: pin the day for a whole process (demos, a server under test)

_source: Callable[[], dt.date] | None = None


def today() -> dt.date:
    """The day statuses are read on when a view has no `as_of`."""
    if _source is not None:
        return _source()
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass  # a malformed pin is ignored: the real date is never wrong for long
    return dt.date.today()


def set_source(source: Callable[[], dt.date] | None) -> None:
    """Read the day from `source` from now on (None: the real date again)."""
    global _source
    _source = source


@contextmanager
def fixed(day: dt.date) -> Iterator[None]:
    """`today()` is `day` inside the block."""
    previous = _source
    set_source(lambda: day)
    try:
        yield
    finally:
        set_source(previous)
