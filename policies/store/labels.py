"""The codebooks' words for ids, worked out once per store: what pickers offer (in order) and what labels read.

Kinds are the view's list filters: place, level, topic, type, status. Pages, figures, tables and exports ask
`store.labels` instead of building their own id-to-label maps on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..records.model import LEVELS, UNSTATED
from .status import NOT_YET, NOT_YET_LABEL

KINDS = ("place", "level", "topic", "type", "status", "verified")
# How well a record is established, in words (the schema's values, and records that do not say).
VERIFICATION_LABELS = {
    "primary": "Primary source read",
    "corroborated": "Corroborated",
    "reported": "Reported",
    UNSTATED: "Not stated",
}
VERIFICATION_DEFINITIONS = {
    "primary": "the order, filing or ruling itself was read",
    "corroborated": "two or more independent news reports",
    "reported": "one news report",
    UNSTATED: "the record does not say (written before records carried it)",
}


@dataclass(frozen=True)
class Labels:
    choices: dict[str, tuple[str, ...]]  # kind -> ids in picker order
    names: dict[str, dict[str, str]]  # kind -> id -> label
    actions: frozenset[str] = frozenset()  # every action id: what `policy` may name

    def name(self, kind: str, value: str) -> str:
        """The label of one id (the id itself when the codebook has none)."""
        return self.names[kind].get(value, value)

    def known(self, kind: str) -> frozenset[str]:
        return frozenset(self.names[kind])

    @classmethod
    def of(
        cls,
        jurisdictions: pd.DataFrame,
        topics: pd.DataFrame,
        action_types: pd.DataFrame,
        statuses: pd.DataFrame,
        actions: pd.Series,
    ) -> Labels:
        rank = {level: i for i, level in enumerate(reversed(LEVELS))}  # cities first: most people look for a city
        places = jurisdictions.assign(rank=jurisdictions["level"].map(rank).fillna(len(rank)))
        return cls(
            choices={
                "place": tuple(places.sort_values(["rank", "name"], kind="stable")["id"]),
                "level": LEVELS,
                "topic": tuple(topics["id"]),
                "type": tuple(action_types["id"]),
                "status": (*statuses["id"], NOT_YET),
                "verified": tuple(VERIFICATION_LABELS),
            },
            names={
                "place": dict(zip(jurisdictions["id"], jurisdictions["name"])),
                "level": {level: level.capitalize() for level in LEVELS},
                "topic": dict(zip(topics["id"], topics["label"])),
                "type": dict(zip(action_types["id"], action_types["label"])),
                "status": dict(zip(statuses["id"], statuses["label"])) | {NOT_YET: NOT_YET_LABEL},
                "verified": dict(VERIFICATION_LABELS),
            },
            actions=frozenset(actions.astype(str)),
        )
