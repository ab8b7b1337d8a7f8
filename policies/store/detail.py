"""One action as its page and its printable summary show it: fields with labels, status on a day, the lifecycle,
disagreements, provisions grouped by who must comply with their evidence, and the sources it cites.

Plain values only (text, dates, booleans): the renderers escape for their own markup. Its labels are in one
language (`lang`, default this run's). Record text is the record's: the English, with its curated translations
beside it (`local`: ("title_es", ...) pairs); the renderers show it in the reader's language through
`output.summary.readable`, which marks English with no translation as such. Codes (event types, requirement
verbs, relations) stay codes: the renderers word them with `event_word`, `requirement_word` and `tr(item.relation)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import i18n
from ..i18n import mark, tr
from .frames import OTHER_LANGUAGES
from .status import review_due

Local = tuple[tuple[str, str], ...]  # a record text's curated translations: (("title_es", "..."), ...)

if TYPE_CHECKING:
    from .core import Store


@dataclass(frozen=True)
class SourceRef:
    id: str
    outlet: str
    title: str
    url: str | None
    published: dt.date | None
    seed: str | None


@dataclass(frozen=True)
class EvidenceItem:
    source: SourceRef
    quote: str | None
    paraphrase: str | None


@dataclass(frozen=True)
class ProvisionItem:
    id: str
    requirement: str
    text: str
    disputed: bool
    evidence: tuple[EvidenceItem, ...]
    local: Local = ()  # translations of `text` and of who must comply (text_es, applies_to_es)


@dataclass(frozen=True)
class EventItem:
    type: str
    date: dt.date
    precision: str
    note: str


@dataclass(frozen=True)
class FightItem:
    """One dated step in the fight over an action: its own events and those of the actions linked to it."""

    date: dt.date
    precision: str
    event: str
    action_id: str
    title: str
    relation: str  # THIS, or how the other action is linked ("challenged by", ...): English, `tr()` it to show it
    local: Local = ()  # translations of the title


# How a link reads from each end: (from the action that names the link, from the action it names).
RELATION_WORDS = {
    "challenges": (mark("challenges"), mark("challenged by")),
    "blocks": (mark("blocks"), mark("blocked by")),
    "implements": (mark("implements"), mark("implemented by")),
    "responds-to": (mark("responds to"), mark("answered by")),
    "supersedes": (mark("supersedes"), mark("superseded by")),
}
THIS = mark("this action")
# An event of an action's lifecycle in words (the record's `type`), and what a provision does to whom.
EVENT_WORDS = {
    "threatened": mark("Threatened"),
    "announced": mark("Announced"),
    "filed": mark("Filed"),
    "signed": mark("Signed"),
    "effective": mark("Effective"),
    "challenged": mark("Challenged"),
    "blocked": mark("Blocked"),
    "expired": mark("Expired"),
    "rescinded": mark("Rescinded"),
}
REQUIREMENT_WORDS = {
    "requires": mark("Requires"),
    "prohibits": mark("Prohibits"),
    "urges": mark("Urges"),
    "permits": mark("Permits"),
}


def event_word(event: str) -> str:
    """'Signed' for 'signed', in this run's language (an event type the words do not know, capitalized)."""
    return tr(EVENT_WORDS[event]) if event in EVENT_WORDS else event.capitalize()


def requirement_word(requirement: str) -> str:
    """'Prohibits' for 'prohibits', in this run's language (an unknown verb, capitalized)."""
    return tr(REQUIREMENT_WORDS[requirement]) if requirement in REQUIREMENT_WORDS else requirement.capitalize()


@dataclass(frozen=True)
class DisagreementItem:
    sources: tuple[SourceRef, ...]
    about: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class ActionDetail:
    id: str
    title: str
    summary: str
    jurisdiction: str
    jurisdiction_name: str
    actor: str
    action_type: str
    type_label: str
    date: dt.date
    date_precision: str
    status: str
    status_label: str
    status_date: dt.date  # the day the status was read on
    last_verified: dt.date
    out_of_date: bool  # last reviewed more than REVIEW_DAYS before status_date
    verification: str
    verification_label: str
    notes: str
    events: tuple[EventItem, ...]
    disagreements: tuple[DisagreementItem, ...]
    provisions: tuple[tuple[str, tuple[ProvisionItem, ...]], ...]  # (who must comply, what), in record order
    sources: tuple[SourceRef, ...]
    fight: tuple[FightItem, ...] = ()  # its events and its linked actions', in date order (empty: no links)
    local: Local = ()  # translations of the title and summary
    lang: str = i18n.DEFAULT  # the language its labels are in (what a summary made later is worded in)


def action_detail(store: Store, action_id: str, day: dt.date, lang: str | None = None) -> ActionDetail:
    """The action, labelled in `lang` (default: this run's language). Raises KeyError for an id the store does not
    hold."""
    found = (store.actions["id"] == action_id).to_numpy().nonzero()[0]
    if not len(found):
        raise KeyError(action_id)
    with i18n.using(lang or i18n.current()) as language:
        return _detail(store, action_id, int(found[0]), day, language)


def _detail(store: Store, action_id: str, position: int, day: dt.date, lang: str) -> ActionDetail:
    row = store.actions.iloc[position]
    status = str(store.status_on(day)[position])
    refs = _sources(store)
    events = store.events[store.events["action_id"] == action_id].sort_values(["date", "seq"])
    provisions = store.provisions[store.provisions["action_id"] == action_id].sort_values("seq")
    evidence = store.evidence[store.evidence["action_id"] == action_id]
    grouped: dict[str, list[ProvisionItem]] = {}
    for p in provisions.to_dict("records"):
        items = tuple(
            EvidenceItem(_ref(refs, e.source), _text(e.quote), _text(e.paraphrase))
            for e in evidence[evidence["provision_id"] == p["provision_id"]].itertuples()
        )
        grouped.setdefault(str(p["applies_to"]), []).append(
            ProvisionItem(
                str(p["provision_id"]),
                str(p["requirement"]),
                str(p["text"]),
                bool(p["disputed"]),
                items,
                _local(p, "text", "applies_to"),
            )
        )
    return ActionDetail(
        id=action_id,
        title=row["title"],
        summary=row["summary"],
        jurisdiction=row["jurisdiction"],
        jurisdiction_name=row["jurisdiction_name"],
        actor=row["actor"],
        action_type=row["action_type"],
        type_label=store.labels.name("type", row["action_type"]),
        date=row["date"].date(),
        date_precision=row["date_precision"],
        status=status,
        status_label=store.labels.name("status", status),
        status_date=day,
        last_verified=row["last_verified"].date(),
        out_of_date=row["last_verified"].date() < review_due(day),
        verification=str(row["verification"]),
        verification_label=store.labels.name("verified", str(row["verification"])),
        notes=row["notes"] or "",
        events=tuple(
            EventItem(str(e.type), e.date.date(), str(e.date_precision), _text(e.note) or "")
            for e in events.itertuples()
        ),
        disagreements=tuple(
            DisagreementItem(
                tuple(_ref(refs, s) for s in str(d.sources).split(", ")),
                tuple(str(d.about).split(", ")),
                str(d.description),
            )
            for d in store.disagreements[store.disagreements["action_id"] == action_id].itertuples()
        ),
        provisions=tuple((who, tuple(items)) for who, items in grouped.items()),
        sources=tuple(_ref(refs, s) for s in str(row["sources"]).split(", ") if s),
        fight=_fight(store, action_id),
        local=_local(row, "title", "summary"),
        lang=lang,
    )


def _fight(store: Store, action_id: str) -> tuple[FightItem, ...]:
    """The action's events with those of every action linked to it either way (a suit against it, the order
    that blocked it, the appeal of that order), in date order: the legal fight as it happened."""
    related = store.related
    links: dict[str, str] = {}
    for r in related[related["action_id"].astype(str) == action_id].itertuples():
        links.setdefault(str(r.target), RELATION_WORDS[str(r.type)][0])
    for r in related[related["target"] == action_id].itertuples():
        links.setdefault(str(r.action_id), RELATION_WORDS[str(r.type)][1])
    links.pop(action_id, None)
    if not links:
        return ()
    linked = store.actions[store.actions["id"].astype(str).isin([action_id, *links])]
    rows = {str(a["id"]): a for a in linked.to_dict("records")}
    events = store.events[store.events["action_id"].astype(str).isin([action_id, *links])]
    items = [
        FightItem(
            e.date.date(),
            str(e.date_precision),
            str(e.type),
            str(e.action_id),
            str(rows[str(e.action_id)]["title"]) if str(e.action_id) in rows else str(e.action_id),
            THIS if str(e.action_id) == action_id else links[str(e.action_id)],
            _local(rows.get(str(e.action_id), {}), "title"),
        )
        for e in events.itertuples()
    ]
    return tuple(sorted(items, key=lambda i: (i.date, i.relation != THIS, i.title)))


def _sources(store: Store) -> dict[str, SourceRef]:
    return {
        s.id: SourceRef(
            s.id,
            str(s.outlet),
            str(s.title),
            s.url if isinstance(s.url, str) else None,
            s.published if isinstance(s.published, dt.date) else None,
            s.seed if isinstance(s.seed, str) else None,
        )
        for s in store.sources.itertuples()
    }


def _ref(refs: dict[str, SourceRef], source_id: str) -> SourceRef:
    """A cited source (the validator makes sure it is in the registry; an id alone if not)."""
    return refs.get(source_id) or SourceRef(source_id, source_id, "", None, None, None)


def _local(row: Mapping, *columns: str) -> Local:
    """A row's curated translations of `columns` (those it has): (("title_es", "..."), ...)."""
    pairs = ((f"{column}_{lang}", row.get(f"{column}_{lang}")) for column in columns for lang in OTHER_LANGUAGES)
    return tuple((key, value) for key, value in pairs if isinstance(value, str) and value)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
