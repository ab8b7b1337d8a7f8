"""The codebooks' words for ids, worked out once per store: what pickers offer (in order) and what labels read.

Kinds are the view's list filters: place, level, topic, type, status. Pages, figures, tables and exports ask
`store.labels` instead of building their own id-to-label maps on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import i18n
from ..i18n import mark
from ..records.model import LEVELS, UNSTATED
from .status import NOT_YET, NOT_YET_LABEL

KINDS = ("place", "level", "topic", "type", "status", "verified")
# How well a record is established, in words (the schema's values, and records that do not say).
VERIFICATION_LABELS = {
    "primary": mark("Primary source read"),
    "corroborated": mark("Corroborated"),
    "reported": mark("Reported"),
    UNSTATED: mark("Not stated"),
}
VERIFICATION_DEFINITIONS = {
    "primary": mark("the order, filing or ruling itself was read"),
    "corroborated": mark("two or more independent news reports"),
    "reported": mark("one news report"),
    UNSTATED: mark("the record does not say (written before records carried it)"),
}
LEVEL_LABELS = {"federal": mark("Federal"), "state": mark("State"), "county": mark("County"), "city": mark("City")}


@dataclass(frozen=True)
class Labels:
    choices: dict[str, tuple[str, ...]]  # kind -> ids in picker order
    by_language: dict[str, dict[str, dict[str, str]]]  # language -> kind -> id -> label
    actions: frozenset[str] = frozenset()  # every action id: what `policy` may name

    @property
    def names(self) -> dict[str, dict[str, str]]:
        """kind -> id -> label, in this run's language (a codebook entry with no translation keeps its English)."""
        return self.by_language.get(i18n.current()) or self.by_language.get(i18n.DEFAULT, {})

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
            by_language={lang: _names(lang, jurisdictions, topics, action_types, statuses) for lang in i18n.LANGUAGES},
            actions=frozenset(actions.astype(str)),
        )


def _names(
    lang: str, jurisdictions: pd.DataFrame, topics: pd.DataFrame, action_types: pd.DataFrame, statuses: pd.DataFrame
) -> dict[str, dict[str, str]]:
    """Every kind's labels in `lang`: the codebooks' own translations (`label_es`), the interface's for the rest."""

    def book(frame: pd.DataFrame) -> dict[str, str]:
        english = dict(zip(frame["id"], frame["label"]))
        column = f"label_{lang}"
        if lang == i18n.DEFAULT or column not in frame:
            return english
        local = dict(zip(frame["id"], frame[column]))
        return {key: local[key] if isinstance(local.get(key), str) else value for key, value in english.items()}

    def words(table: dict[str, str]) -> dict[str, str]:
        return {key: i18n.translate(lang, value) for key, value in table.items()}

    return {
        "place": dict(zip(jurisdictions["id"], jurisdictions["name"])),
        "level": words(LEVEL_LABELS),
        "topic": book(topics),
        "type": book(action_types),
        "status": book(statuses) | {NOT_YET: i18n.translate(lang, NOT_YET_LABEL)},
        "verified": words(VERIFICATION_LABELS),
    }
