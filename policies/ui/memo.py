"""What pages draw from, computed once: figures, an action's detail, the requirements text. Keyed by everything
they depend on (the data's version, the view, the language, the status day, the width), so a rerun that changes
nothing they show costs only Streamlit's own work, and viewers who look at the same view share one copy.

A bounded, process-wide map (least recently used out first). Values are never changed after they are made:
figures and frames are drawn or read, not edited. The status day is in every key, so a process that runs past
midnight shows the new day's status.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from .. import i18n
from ..store import Store
from ..view import View

T = TypeVar("T")
SIZE = 512  # entries: a few hundred distinct views' figures, a few MB each at most

_VALUES: OrderedDict[Hashable, object] = OrderedDict()
_LOCK = threading.Lock()


def remembered(what: str, store: Store, view: View, make: Callable[[], T], *extra: Hashable) -> T:
    """`make()`, or what it gave before for the same data, view, language, status day and `extra`."""
    key = (what, store.fingerprint, view, i18n.current(), view.status_date(), *extra)
    with _LOCK:
        if key in _VALUES:
            _VALUES.move_to_end(key)
            return _VALUES[key]  # type: ignore[return-value]
    value = make()  # outside the lock: two viewers may both make it once; neither waits for the other
    with _LOCK:
        _VALUES[key] = value
        while len(_VALUES) > SIZE:
            _VALUES.popitem(last=False)
    return value


def clear() -> None:
    """After the data changed in this process (the desk saved a record): nothing made from the old data stays."""
    with _LOCK:
        _VALUES.clear()
