"""Display tables of a view: the actions table, the requirements matrix, counts per place or topic, map points.

Plain frames (no markup): the pages hand them to st.dataframe, the figures draw them. Headers, labels and the
records' text are in this run's language (a record's curated translation, else its English marked as such); keys
the pages select by (`id`, `key`, `name`, ...) stay as they are.
"""

from __future__ import annotations

import pandas as pd
import us

from ..i18n import mark, tr
from ..records.gazetteer import state_name
from ..store import Store
from ..store.detail import requirement_word
from .formats import date_labels
from .local import text_column

MAX_BARS = 15  # count bars drawn (the top ones)
MAX_MATRIX_ROWS = 40  # places in the requirements matrix


def counts(store: Store, frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Number of actions per jurisdiction ('jurisdiction') or per topic ('topic'), largest first."""
    if by == "topic":
        long = store.rows_for(store.topics, frame)
        out = long["topic"].value_counts().rename_axis("key").reset_index(name="actions")
        out["name"] = out["key"].map(lambda k: store.labels.name("topic", k))
    else:
        out = frame.groupby(["jurisdiction", "jurisdiction_name", "level"]).size().reset_index(name="actions")
        out = out.rename(columns={"jurisdiction": "key", "jurisdiction_name": "name"})
    return out.sort_values(["actions", "name"], ascending=[False, True]).reset_index(drop=True)


def map_counts(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """Actions per place (acting or affected jurisdiction) with coordinates; federal-only actions have none."""
    places = store.rows_for(store.places, frame)
    places = places[places["role"].isin(["acting", "affected"])]
    counted = places.groupby("place")["action_id"].nunique().rename("actions").reset_index()
    geo = store.jurisdictions[["id", "name", "level", "lat", "lon"]]
    out = counted.merge(geo, left_on="place", right_on="id").dropna(subset=["lat", "lon"])
    return out.sort_values(["actions", "name"], ascending=[False, True]).reset_index(drop=True)


# The actions table's column headers (shown with tr()); its `id` column is a key, hidden by the page.
ACTION_COLUMNS = {
    "date": mark("Date"),
    "jurisdiction": mark("Jurisdiction"),
    "level": mark("Level"),
    "title": mark("Title"),
    "type": mark("Type"),
    "status": mark("Status"),
    "last_review": mark("Last review"),
    "established": mark("Established"),
    "actor": mark("Actor"),
    "disputed": mark("Sources disagree"),
}
POSSIBLY_OUT_OF_DATE = mark("{day} · possibly out of date")
YES = mark("yes")


def actions_table(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the view for st.dataframe: one date format, labels instead of ids."""
    type_labels = store.labels.names["type"]
    status_labels = store.labels.names["status"]
    verified = store.labels.names["verified"]
    levels = store.labels.names["level"]
    reviewed = frame["last_verified"].dt.strftime("%Y-%m-%d")
    stale = frame["out_of_date"].astype(bool)
    column = {key: tr(header) for key, header in ACTION_COLUMNS.items()}
    return pd.DataFrame(
        {
            column["date"]: date_labels(frame),
            column["jurisdiction"]: frame["jurisdiction_name"],
            column["level"]: frame["level"].map(lambda v: levels.get(v, str(v).capitalize())),
            column["title"]: text_column(frame, "title"),
            column["type"]: frame["action_type"].map(lambda t: type_labels.get(t, t)),
            column["status"]: frame["status"].map(lambda s: status_labels.get(s, s)),
            column["last_review"]: reviewed.where(~stale, reviewed.map(lambda day: tr(POSSIBLY_OUT_OF_DATE, day=day))),
            column["established"]: frame["verification"].map(lambda v: verified.get(v, v)),
            column["actor"]: frame["actor"],
            column["disputed"]: frame["disputed"].map({True: tr(YES), False: ""}),
            "id": frame["id"],
        }
    ).reset_index(drop=True)


def requirements_long(store: Store, frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """One row per (place, requirement topic, provision) of the view's actions, in date order: jurisdiction_name,
    topic (its label), requirement, text, action_id. What a place's own actions (acting jurisdiction) require.
    With `limit`, only the places with requirements on most topics are kept; `attrs["places"]` says how many
    there were."""
    book = store.topic_codebook
    columns = list(book.loc[book["requirement_topic"].fillna(False).astype(bool), "id"])
    topic_names = store.labels.names["topic"]
    long = store.rows_for(store.provision_topics, frame)
    long = long[long["topic"].isin(columns)]
    long = long.assign(jurisdiction_name=store.of_actions(long, "jurisdiction_name"))
    places = long.groupby("jurisdiction_name")["topic"].nunique()
    total = len(places)
    if limit and total > limit:
        keep = places.sort_values(ascending=False, kind="stable").index[:limit]
        long = long[long["jurisdiction_name"].isin(keep)]
    # Text and verb only for the provisions kept; actions' codes are in date order.
    provisions = store.provisions.loc[store.provisions["action_id"].isin(long["action_id"].unique())]
    provisions = provisions[["action_id", "provision_id", "seq", "requirement"]].assign(
        text=text_column(provisions, "text")
    )
    order = provisions.assign(position=store.positions(provisions))  # joined on text, sorted by position
    long = long.astype({"action_id": str}).merge(order.astype({"action_id": str}), on=["action_id", "provision_id"])
    long = long.sort_values(["position", "seq"])
    rank = {topic: i for i, topic in enumerate(columns)}
    out = pd.DataFrame(
        {
            "jurisdiction_name": long["jurisdiction_name"].astype(str),
            "topic_id": long["topic"].astype(str),
            "topic": long["topic"].map(lambda t: topic_names.get(t, t)),
            "requirement": long["requirement"],
            "text": long["text"],
            "action_id": long["action_id"],
            "rank": long["topic"].map(rank),
        }
    )
    out = out.sort_values(["jurisdiction_name", "rank"], kind="stable").drop(columns="rank").reset_index(drop=True)
    out.attrs["places"] = total
    out.attrs["topics"] = [topic_names.get(c, c) for c in columns]
    return out


def requirements_matrix(
    store: Store, frame: pd.DataFrame, limit: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Jurisdictions x requirement topics: (cell text, cell action id) frames of the same shape.

    A cell says what the place's own actions (acting jurisdiction) require on the topic, e.g.
    "Prohibits: Chicago police may not ..."; several provisions are joined with " | ". The id frame
    names the action of the first provision, so a selected cell opens it. With `limit`, only the places
    with requirements on most topics are kept; `text.attrs["places"]` says how many there were.
    """
    long = requirements_long(store, frame, limit)
    columns = long.attrs["topics"]
    long = long.assign(cell=long["requirement"].map(requirement_word) + ": " + long["text"])
    cells = long.groupby(["jurisdiction_name", "topic"], sort=False).agg(
        text=("cell", " | ".join), action=("action_id", "first")
    )
    text = cells["text"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    ids = (
        cells["action"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    )
    text.index.name = ids.index.name = tr(ACTION_COLUMNS["jurisdiction"])
    text.attrs["places"] = long.attrs["places"]
    return text, ids


# --- coverage -----------------------------------------------------------------------------------------------

STATE_CODES = frozenset(s.abbr for s in [*us.states.STATES, us.states.DC])
RESEARCH_STATES = ("actions", "none-found", "not-researched")
RESEARCH_WORDS = {  # tr() them where shown
    "actions": mark("Actions recorded"),
    "none-found": mark("Researched, none found"),
    "not-researched": mark("Not researched yet"),
}
# The coverage counts: what each is by (its tab on the About page), its column and the count's column.
COVERAGE_BY = {"state": mark("By state"), "level": mark("By level"), "type": mark("By type"), "month": mark("By month")}
COVERAGE_COLUMNS = {"state": mark("US state"), "level": mark("Level"), "type": mark("Type"), "month": mark("Month")}
COUNT_COLUMN = mark("Actions")
FEDERAL = mark("Federal")
UNKNOWN_STATE = mark("Unknown")


def coverage(store: Store) -> dict[str, pd.DataFrame]:
    """What the tracker holds, counted: by state (of the acting government; federal actions apart), level,
    type and month of the action's date. Keyed by what it counts by ('state', 'level', 'type', 'month': see
    COVERAGE_BY); headers and labels in this run's language."""
    actions = store.actions
    states = store.jurisdictions.set_index("id")["state"]
    state = actions["jurisdiction"].map(states).fillna("")
    state = state.map(lambda code: state_name(code) if code else "").where(actions["level"] != "federal", tr(FEDERAL))
    state = state.replace("", tr(UNKNOWN_STATE))
    type_names = store.labels.names["type"]
    levels = store.labels.names["level"]
    name = {key: tr(header) for key, header in COVERAGE_COLUMNS.items()}
    count = tr(COUNT_COLUMN)

    def counted(values: pd.Series, name: str) -> pd.DataFrame:
        out = values.value_counts().rename_axis(name).reset_index(name=count)
        return out.sort_values([count, name], ascending=[False, True], kind="stable").reset_index(drop=True)

    return {
        "state": counted(state, name["state"]),
        "level": counted(actions["level"].map(lambda v: levels.get(v, str(v).capitalize())), name["level"]),
        "type": counted(actions["action_type"].map(lambda t: type_names.get(t, t)), name["type"]),
        "month": actions["date"]
        .dt.strftime("%Y-%m")
        .value_counts()
        .sort_index()
        .rename_axis(name["month"])
        .reset_index(name=count),
    }


def research_status(store: Store) -> pd.DataFrame:
    """Per state (USPS code): actions recorded in it (by or aimed at the state or a place in it), researched with
    none found (research.yaml names the state or a place in it), or not researched yet."""
    jur = store.jurisdictions.set_index("id")
    with_actions = set(jur.loc[jur.index.intersection(store.places["place"].astype(str).unique()), "state"].dropna())
    researched = set(jur.loc[jur.index.intersection(store.research["id"]), "state"].dropna())
    codes = sorted(STATE_CODES)
    status = ["actions" if c in with_actions else "none-found" if c in researched else "not-researched" for c in codes]
    return pd.DataFrame({"state": codes, "status": status})
