"""The record schema: pydantic models for one policy action, its parts, and the codebooks.

Shape only. Checks that need more than one record (codebook ids, duplicate ids, links between
actions, quotes against source texts) live in `policies.records.validate`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slugify(text: str) -> str:
    """Text as an id fragment: "Cook County" -> "cook-county"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


Level = Literal["federal", "state", "county", "city"]
Precision = Literal["day", "week", "month"]
Requirement = Literal["requires", "prohibits", "urges", "permits"]
ActionType = Literal[
    "executive-order",
    "law",
    "court-order",
    "lawsuit",
    "deployment",
    "enforcement-operation",
    "announcement",
    "agency-directive",
]
EventType = Literal[
    "threatened",
    "announced",
    "filed",
    "signed",
    "effective",
    "challenged",
    "blocked",
    "expired",
    "rescinded",
]
Verification = Literal["reported", "corroborated", "primary"]
Language = Literal["es"]  # languages records may be translated into (the interface's, besides English)
RelationType = Literal["responds-to", "challenges", "blocks", "implements", "supersedes"]

LEVELS: tuple[str, ...] = get_args(Level)
PRECISIONS: tuple[str, ...] = get_args(Precision)
REQUIREMENTS: tuple[str, ...] = get_args(Requirement)
ACTION_TYPES: tuple[str, ...] = get_args(ActionType)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)
VERIFICATIONS: tuple[str, ...] = get_args(Verification)
UNSTATED = "unstated"  # a record that does not say how well it is established (written before the field)


class Strict(BaseModel):
    """Base: unknown fields are errors (a typo must not silently drop what a curator wrote)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def check_precision(day: dt.date, precision: str) -> None:
    """A week is named by its Monday and a month by its first day, so one period has one spelling."""
    if precision == "week" and day.weekday() != 0:
        monday = day - dt.timedelta(days=day.weekday())
        raise ValueError(f"a date of week precision must be the Monday of its week ({monday.isoformat()}), not {day}")
    if precision == "month" and day.day != 1:
        raise ValueError(f"a date of month precision must be the first of its month ({day.replace(day=1)}), not {day}")


def period_end(day: dt.date, precision: str) -> dt.date:
    """Last day covered by a date of the given precision."""
    if precision == "week":
        return day + dt.timedelta(days=6)
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return day


class Evidence(Strict):
    """A verbatim `quote` from a source we hold, or our `paraphrase` of one we can only cite."""

    source: str = Field(pattern=SLUG)
    quote: str | None = Field(default=None, min_length=3, max_length=600)
    paraphrase: str | None = Field(default=None, min_length=3, max_length=600)

    @model_validator(mode="after")
    def _one_kind(self) -> Evidence:
        if (self.quote is None) == (self.paraphrase is None):
            raise ValueError("evidence needs exactly one of quote or paraphrase")
        return self


class Provision(Strict):
    id: str = Field(pattern=SLUG)
    text: str = Field(min_length=3)
    applies_to: str = Field(min_length=2)
    requirement: Requirement
    topics: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)


class Event(Strict):
    type: EventType
    date: dt.date
    date_precision: Precision = "day"
    source: str | None = Field(default=None, pattern=SLUG)
    note: str | None = None

    @model_validator(mode="after")
    def _precision(self) -> Event:
        check_precision(self.date, self.date_precision)
        return self


class Related(Strict):
    type: RelationType
    action: str = Field(pattern=SLUG)


class Disagreement(Strict):
    """Where sources report the same thing differently. Both versions stay in the record."""

    about: list[str] = Field(min_length=1, description="provision ids or field names the sources disagree on")
    sources: list[str] = Field(min_length=2)
    description: str = Field(min_length=10)


class Curation(Strict):
    """How a record was made: from an extractor draft or by hand, and which draft fields its curator kept."""

    from_draft: bool
    kept: list[str] = Field(default_factory=list, description="fields saved as the draft had them")
    changed: list[str] = Field(default_factory=list, description="fields the curator changed or filled")
    curated: dt.date | None = Field(default=None, description="the day the record was saved from the desk")


class Translation(Strict):
    """A curated translation of a record's own words (title, summary, provision texts), written by a person.

    Anything left out is shown in the original language, marked as such: never machine-translated on the fly.
    """

    title: str | None = Field(default=None, min_length=3, max_length=300)
    summary: str | None = Field(default=None, min_length=10)
    provisions: dict[str, str] = Field(
        default_factory=dict, description="provision id -> the provision's text in this language"
    )
    applies_to: dict[str, str] = Field(
        default_factory=dict, description="provision id -> who must comply, in this language"
    )


class Action(Strict):
    id: str = Field(pattern=SLUG, max_length=120)
    title: str = Field(min_length=3, max_length=300)
    summary: str = Field(min_length=10)
    jurisdiction: str = Field(pattern=SLUG)
    places: list[str] = Field(default_factory=list)
    actor: str = Field(min_length=2)
    action_type: ActionType
    date: dt.date
    date_precision: Precision
    events: list[Event] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    provisions: list[Provision] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    related: list[Related] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    notes: str | None = None
    verification: Verification | None = Field(
        default=None,
        description="how well it is established: reported (one news report), corroborated (two or more "
        "independent reports), primary (the order, filing or ruling itself was read)",
    )
    last_verified: dt.date
    draft: bool = False
    curation: Curation | None = None
    translations: dict[Language, Translation] = Field(
        default_factory=dict, description="curated versions of the record's words in other languages (es)"
    )

    @field_validator("places", "topics", "sources")
    @classmethod
    def _unique(cls, values: list[str]) -> list[str]:
        seen = [v for i, v in enumerate(values) if v in values[:i]]
        if seen:
            raise ValueError(f"repeated value {seen[0]!r}")
        return values

    @model_validator(mode="after")
    def _consistent(self) -> Action:
        check_precision(self.date, self.date_precision)
        for earlier, later in zip(self.events, self.events[1:]):
            if later.date < earlier.date:
                raise ValueError(
                    f"events out of order: {later.type} on {later.date} is listed after "
                    f"{earlier.type} on {earlier.date}"
                )
        ids = [p.id for p in self.provisions]
        for lang, translation in self.translations.items():
            for key in (*translation.provisions, *translation.applies_to):
                if key not in ids:
                    raise ValueError(f"translations.{lang} names provision {key!r}, which this record does not have")
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"provision id {repeated[0]!r} is used twice")
        return self


# --- codebooks ----------------------------------------------------------------------------


class Jurisdiction(Strict):
    id: str = Field(pattern=SLUG)
    name: str
    level: Level
    parent: str | None = Field(default=None, pattern=SLUG)
    state: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="USPS code, for the map")
    geonameid: int | None = Field(default=None, description="GeoNames id of the place or its reference city")


class Label(Strict):
    """A codebook entry's label and definition in another language."""

    label: str = Field(min_length=2)
    definition: str = Field(min_length=10)


class Topic(Strict):
    id: str = Field(pattern=SLUG)
    label: str
    definition: str = Field(min_length=10)
    requirement_topic: bool = Field(default=False, description="shown as a column of the requirements matrix")
    translations: dict[Language, Label] = Field(default_factory=dict)


class ActionTypeEntry(Strict):
    id: ActionType
    label: str
    definition: str = Field(min_length=10)
    binds: bool = Field(default=False, description="its provisions bind those they name (who must do what)")
    default_topics: list[str] = Field(
        default_factory=list, description="topics a draft of this type starts with (the extractor reads them)"
    )
    translations: dict[Language, Label] = Field(default_factory=dict)


class Status(Strict):
    id: str = Field(pattern=SLUG)
    label: str
    definition: str = Field(min_length=10)
    from_event: EventType
    in_force: bool
    translations: dict[Language, Label] = Field(default_factory=dict)


class Source(Strict):
    id: str = Field(pattern=SLUG)
    outlet: str
    title: str
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    published: dt.date | None = None
    published_note: str | None = None
    seed: str | None = Field(default=None, description="file name of the seed article in shared/seeds")
    quotable: bool = Field(default=False, description="true when we hold the text, so evidence quotes are verbatim")

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if not self.url and not self.seed:
            raise ValueError("a source needs a url or a seed file name")
        if self.seed and not re.fullmatch(r"[\w.-]+\.txt", self.seed):
            raise ValueError(f"seed must be a .txt file name, not {self.seed!r}")
        return self


class Research(Strict):
    """A place we looked into: when, and for what. A place researched with no action recorded is "looked for,
    none found", which the map shows apart from a place not researched yet."""

    id: str = Field(pattern=SLUG, description="the jurisdiction researched (a codebook id)")
    checked: dt.date = Field(description="the day the search was last made")
    looked_for: str = Field(min_length=10, description="what was searched for, and where")
    notes: str | None = None
