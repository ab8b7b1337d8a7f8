"""Flatten valid records into the store's pandas frames (one row per action, provision, event, ...)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..i18n import DEFAULT, LANGUAGES
from ..records.gazetteer import coordinates
from ..records.model import UNSTATED, Action, Research, Source, period_end

LIST_SEP = ", "


def build(
    actions: list[Action],
    files: dict[str, str],
    books: dict[str, list],
    sources: list[Source],
    research: Sequence[Research] = (),
) -> dict:
    """Every frame of the store: the codebooks' and the actions'."""
    codebooks = codebook_frames(books, sources, research)
    return codebooks | action_frames(actions, files, codebooks["jurisdictions"])


def codebook_frames(books: dict[str, list], sources: list[Source], research: Sequence[Research] = ()) -> dict:
    return {
        "research": _research(research),
        "sources": _frame(sources, ["id", "outlet", "title", "url", "published", "published_note", "seed", "quotable"]),
        "jurisdictions": _jurisdictions(books["jurisdictions"]),
        "topic_codebook": _book(books["topics"], ["id", "label", "definition", "requirement_topic"]),
        "action_types": _book(books["action_types"], ["id", "label", "definition"]),
        "statuses": _book(books["statuses"], ["id", "label", "definition", "from_event", "in_force"]),
    }


def action_frames(actions: list[Action], files: dict[str, str], jurisdictions: pd.DataFrame) -> dict:
    """The frames made from records; each has an action id column (`id` or `action_id`), so they concatenate.

    Only what the records say: nothing here depends on today's date (status is derived per view).
    """
    events = pd.DataFrame(
        [
            {
                "action_id": a.id,
                "seq": i,
                "type": e.type,
                "date": e.date,
                "date_precision": e.date_precision,
                "source": e.source,
                "note": e.note,
            }
            for a in actions
            for i, e in enumerate(a.events)
        ],
        columns=["action_id", "seq", "type", "date", "date_precision", "source", "note"],
    )
    events["date"] = pd.to_datetime(events["date"])
    names = dict(zip(jurisdictions["id"], jurisdictions["name"]))
    levels = dict(zip(jurisdictions["id"], jurisdictions["level"]))
    action_rows = [
        {
            "id": a.id,
            "title": a.title,
            "summary": a.summary,
            "jurisdiction": a.jurisdiction,
            "jurisdiction_name": names.get(a.jurisdiction, a.jurisdiction),
            "level": levels.get(a.jurisdiction),
            "places": LIST_SEP.join(a.places),
            "actor": a.actor,
            "action_type": a.action_type,
            "date": a.date,
            "date_precision": a.date_precision,
            "date_end": period_end(a.date, a.date_precision),
            "topics": LIST_SEP.join(a.topics),
            "sources": LIST_SEP.join(a.sources),
            "n_provisions": len(a.provisions),
            "disputed": bool(a.disagreements),
            "verification": a.verification or UNSTATED,
            "notes": a.notes or "",
            "last_verified": a.last_verified,
            "file": files.get(a.id, ""),
            "search_text": _search_text(a),
        }
        | _translated(a.translations, ("title", "summary"))
        for a in actions
    ]
    frame = pd.DataFrame(action_rows, columns=ACTION_COLUMNS)
    for column in ("date", "date_end", "last_verified"):
        frame[column] = pd.to_datetime(frame[column])
    return {
        "actions": frame,
        "places": _places(actions, jurisdictions),
        "topics": _long(
            actions, "topic", lambda a: sorted(set(a.topics) | {t for p in a.provisions for t in p.topics})
        ),
        "provisions": _provisions(actions),
        "provision_topics": pd.DataFrame(
            [(a.id, p.id, t) for a in actions for p in a.provisions for t in p.topics],
            columns=["action_id", "provision_id", "topic"],
        ),
        "evidence": _evidence(actions),
        "events": events,
        "citations": _long(actions, "source", lambda a: a.sources),
        "related": pd.DataFrame(
            [{"action_id": a.id, "type": r.type, "target": r.action} for a in actions for r in a.related],
            columns=["action_id", "type", "target"],
        ),
        "disagreements": pd.DataFrame(
            [
                {
                    "action_id": a.id,
                    "about": LIST_SEP.join(d.about),
                    "sources": LIST_SEP.join(d.sources),
                    "description": d.description,
                }
                for a in actions
                for d in a.disagreements
            ],
            columns=["action_id", "about", "sources", "description"],
        ),
    }


# Curated translations sit beside the text they translate: `title_es` beside `title` (None: not translated).
OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT)


def translated_columns(*columns: str) -> list[str]:
    return [f"{column}_{lang}" for column in columns for lang in OTHER_LANGUAGES]


def _translated(translations: dict, columns: tuple[str, ...], key: str | None = None) -> dict[str, str | None]:
    """One row's translated texts: a record's own (`key` None) or one of its provisions' (`key` its id)."""
    out: dict[str, str | None] = {}
    for lang in OTHER_LANGUAGES:
        version = translations.get(lang)
        for column in columns:
            value = getattr(version, column, None) if version else None
            out[f"{column}_{lang}"] = value.get(key) if key is not None and isinstance(value, dict) else value
    return out


ACTION_COLUMNS = [
    "id",
    "title",
    "summary",
    *translated_columns("title", "summary"),
    "jurisdiction",
    "jurisdiction_name",
    "level",
    "places",
    "actor",
    "action_type",
    "date",
    "date_precision",
    "date_end",
    "topics",
    "sources",
    "n_provisions",
    "disputed",
    "verification",
    "notes",
    "last_verified",
    "file",
    "search_text",
]


def _search_text(a: Action) -> str:
    """What free-text search looks in, lower-cased once at load so a search is one vectorised scan."""
    parts = [a.title, a.summary, a.actor, a.notes or ""] + [f"{p.text} {p.applies_to}" for p in a.provisions]
    return " ".join(parts).lower()


def _frame(models: list, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame([m.model_dump(include=set(columns)) for m in models], columns=columns)


def _book(models: list, columns: list[str]) -> pd.DataFrame:
    """A codebook's frame, with each entry's label and definition in the other languages (`label_es`, ...)."""
    frame = _frame(models, columns)
    for column, values in _transpose([_translated(m.translations, ("label", "definition")) for m in models]).items():
        frame[column] = values
    return frame


def _transpose(rows: list[dict]) -> dict[str, list]:
    return {key: [row[key] for row in rows] for key in (rows[0] if rows else translated_columns("label", "definition"))}


def _jurisdictions(models: list) -> pd.DataFrame:
    frame = _frame(models, ["id", "name", "level", "parent", "state", "geonameid"])
    points = [coordinates(m.geonameid, m.state) if m.level != "federal" else None for m in models]
    frame["lat"] = [p[0] if p else None for p in points]
    frame["lon"] = [p[1] if p else None for p in points]
    parents = {m.id: m.parent for m in models}
    frame["ancestors"] = [LIST_SEP.join(_ancestors(j, parents)) for j in frame["id"]]
    return frame


def _ancestors(jid: str, parents: dict[str, str | None]) -> list[str]:
    out: list[str] = []
    parent = parents.get(jid)
    while parent and parent not in out:  # the guard stops a parent cycle
        out.append(parent)
        parent = parents.get(parent)
    return out


def _places(actions: list[Action], jurisdictions: pd.DataFrame) -> pd.DataFrame:
    """action_id, place, role: every jurisdiction an action belongs to under the place filter.

    role is 'acting' or 'affected' for the record's own ids, and 'within' for their ancestors, so a
    state filter finds its cities' actions while a city filter does not pull in the whole state's.
    """
    ancestors = {j: a.split(LIST_SEP) if a else [] for j, a in zip(jurisdictions["id"], jurisdictions["ancestors"])}
    rows = []
    for a in actions:
        own = {a.jurisdiction: "acting"} | {p: "affected" for p in a.places if p != a.jurisdiction}
        for place, role in own.items():
            rows.append((a.id, place, role))
        for place in {anc for p in own for anc in ancestors.get(p, []) if anc != "us"} - own.keys():
            rows.append((a.id, place, "within"))
    return pd.DataFrame(rows, columns=["action_id", "place", "role"])


def _long(actions: list[Action], column: str, values) -> pd.DataFrame:
    return pd.DataFrame([(a.id, v) for a in actions for v in values(a)], columns=["action_id", column])


def _provisions(actions: list[Action]) -> pd.DataFrame:
    disputed = {(a.id, about) for a in actions for d in a.disagreements for about in d.about}
    rows = [
        {
            "action_id": a.id,
            "provision_id": p.id,
            "seq": i,
            "text": p.text,
            "applies_to": p.applies_to,
            "requirement": p.requirement,
            "topics": LIST_SEP.join(p.topics),
            "disputed": (a.id, p.id) in disputed,
        }
        | {
            name.replace("provisions_", "text_"): value
            for name, value in _translated(a.translations, ("provisions", "applies_to"), p.id).items()
        }
        for a in actions
        for i, p in enumerate(a.provisions)
    ]
    columns = ["action_id", "provision_id", "seq", "text", "applies_to", "requirement", "topics", "disputed"]
    return pd.DataFrame(rows, columns=columns + translated_columns("text", "applies_to"))


def _evidence(actions: list[Action]) -> pd.DataFrame:
    rows = [
        {"action_id": a.id, "provision_id": None, "source": e.source, "quote": e.quote, "paraphrase": e.paraphrase}
        for a in actions
        for e in a.evidence
    ] + [
        {"action_id": a.id, "provision_id": p.id, "source": e.source, "quote": e.quote, "paraphrase": e.paraphrase}
        for a in actions
        for p in a.provisions
        for e in p.evidence
    ]
    return pd.DataFrame(rows, columns=["action_id", "provision_id", "source", "quote", "paraphrase"])


def _research(entries: Sequence[Research]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{"id": r.id, "checked": r.checked, "looked_for": r.looked_for, "notes": r.notes or ""} for r in entries],
        columns=["id", "checked", "looked_for", "notes"],
    )
    frame["checked"] = pd.to_datetime(frame["checked"])
    return frame
