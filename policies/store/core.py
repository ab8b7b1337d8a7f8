"""The store: validated frames of every record and codebook, and the questions views ask of them.

Frames hold only what the records say. Anything that depends on the date (status) is derived when asked, from
the events and a day the caller gives (`policies.clock` or a view's `as_of`).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..records.problems import Problem
from .labels import Labels
from .status import NOT_YET, status_on, with_blocks

STATUS_MEMO_SIZE = 16  # (content, day) pairs: a few days of a few data versions
_STATUS_MEMO: OrderedDict[tuple[str, str, dt.date], np.ndarray] = OrderedDict()

ACTION_ORDER = ["date", "jurisdiction", "id"]


@dataclass(frozen=True)
class Store:
    """Validated frames. Each frame is read-only by convention: views filter, never mutate.

    `actions` is in ACTION_ORDER, sorted once here so that no view sorts 100,000 rows on every rerun.
    """

    actions: pd.DataFrame
    places: pd.DataFrame
    topics: pd.DataFrame
    provisions: pd.DataFrame
    provision_topics: pd.DataFrame
    evidence: pd.DataFrame
    events: pd.DataFrame
    related: pd.DataFrame
    disagreements: pd.DataFrame
    citations: pd.DataFrame
    sources: pd.DataFrame
    jurisdictions: pd.DataFrame
    topic_codebook: pd.DataFrame
    action_types: pd.DataFrame
    statuses: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    fingerprint: str = ""
    code: str = ""  # code_version() of the code that built it
    files: int = 0
    as_of: dt.date | None = None  # the newest last_verified date: how current the data is, not a clock
    labels: Labels = field(default_factory=lambda: Labels({}, {}))
    # Places looked into (research.yaml): with no action, "looked for, none found"; absent, not researched yet.
    research: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["id", "checked", "looked_for", "notes"])
    )

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def rows_for(self, long: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
        """The rows of a long frame (places, topics, provisions, ...) that belong to `actions`, a subset of
        `self.actions` with its index: an array lookup by position, not a string comparison per row."""
        return long[self._mask(actions.index.to_numpy())[self.positions(long)]]

    def having(self, long: pd.DataFrame, selected: pd.Series) -> pd.Series:
        """Over `self.actions`: True for the actions with at least one selected row in the long frame."""
        codes = self.positions(long)[selected.to_numpy()]
        return pd.Series(self._mask(codes[codes >= 0])[:-1], index=self.actions.index)

    def status_on(self, day: dt.date) -> np.ndarray:
        """Each action's status on `day` (an array in the order of `actions`), derived from its events.

        Never stored in the store, its cache or a snapshot; worked out once per content and day in this process,
        so a long-running server reads tomorrow's status tomorrow and a rerun costs an array lookup.
        """
        key = (self.fingerprint, self.code, day)
        found = _STATUS_MEMO.get(key) if self.fingerprint else None
        if found is None:
            by_id = with_blocks(status_on(self.events, self.statuses, day), self.related, self.statuses)
            found = by_id.astype(object).reindex(self.actions["id"].astype(str), fill_value=NOT_YET).to_numpy(object)
            if self.fingerprint:
                _STATUS_MEMO[key] = found
                while len(_STATUS_MEMO) > STATUS_MEMO_SIZE:
                    _STATUS_MEMO.popitem(last=False)
        return found

    def of_actions(self, long: pd.DataFrame, column: str) -> np.ndarray:
        """For each row of a long frame (from `rows_for`: every row has an action), its action's `column`."""
        return self.actions[column].to_numpy()[self.positions(long)]

    def _mask(self, positions) -> np.ndarray:
        mask = np.zeros(len(self.actions) + 1, dtype=bool)  # the extra slot answers code -1 (no action): False
        mask[positions] = True
        return mask

    def positions(self, long: pd.DataFrame) -> np.ndarray:
        """Each row's action as a position in `actions` (-1 for none)."""
        column = long["action_id"]
        if isinstance(column.dtype, pd.CategoricalDtype) and len(column.cat.categories) == len(self.actions):
            return column.cat.codes.to_numpy()
        return pd.Categorical(column.astype(str), categories=self.actions["id"]).codes


LONG_FRAMES = (
    "places",
    "topics",
    "provisions",
    "provision_topics",
    "evidence",
    "events",
    "related",
    "disagreements",
    "citations",
)
