"""Display tables of a view: the actions table, the requirements matrix, counts per place or topic, map points.

Plain frames (no markup): the pages hand them to st.dataframe, the figures draw them.
"""

from __future__ import annotations

import pandas as pd
import us

from ..records.gazetteer import state_name
from ..store import Store
from .formats import date_labels

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


def actions_table(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the view for st.dataframe: one date format, labels instead of ids."""
    type_labels = store.labels.names["type"]
    status_labels = store.labels.names["status"]
    verified = store.labels.names["verified"]
    return pd.DataFrame(
        {
            "Date": date_labels(frame),
            "Jurisdiction": frame["jurisdiction_name"],
            "Level": frame["level"].str.capitalize(),
            "Title": frame["title"],
            "Type": frame["action_type"].map(lambda t: type_labels.get(t, t)),
            "Status": frame["status"].map(lambda s: status_labels.get(s, s)),
            "Last review": frame["last_verified"].dt.strftime("%Y-%m-%d")
            + frame["out_of_date"].map({True: " · possibly out of date", False: ""}),
            "Established": frame["verification"].map(lambda v: verified.get(v, v)),
            "Actor": frame["actor"],
            "Sources disagree": frame["disputed"].map({True: "yes", False: ""}),
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
    provisions = store.provisions.loc[
        store.provisions["action_id"].isin(long["action_id"].unique()),
        ["action_id", "provision_id", "seq", "requirement", "text"],
    ]
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
    long = long.assign(cell=long["requirement"].str.capitalize() + ": " + long["text"])
    cells = long.groupby(["jurisdiction_name", "topic"], sort=False).agg(
        text=("cell", " | ".join), action=("action_id", "first")
    )
    text = cells["text"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    ids = (
        cells["action"].astype(object).unstack("topic").reindex(columns=columns, fill_value="").fillna("").sort_index()
    )
    text.index.name = ids.index.name = "Jurisdiction"
    text.attrs["places"] = long.attrs["places"]
    return text, ids


# --- coverage -----------------------------------------------------------------------------------------------

STATE_CODES = frozenset(s.abbr for s in [*us.states.STATES, us.states.DC])
RESEARCH_STATES = ("actions", "none-found", "not-researched")
RESEARCH_WORDS = {
    "actions": "Actions recorded",
    "none-found": "Researched, none found",
    "not-researched": "Not researched yet",
}


def coverage(store: Store) -> dict[str, pd.DataFrame]:
    """What the tracker holds, counted: by state (of the acting government; federal actions apart), level,
    type and month of the action's date."""
    actions = store.actions
    states = store.jurisdictions.set_index("id")["state"]
    state = actions["jurisdiction"].map(states).fillna("")
    state = state.map(lambda code: state_name(code) if code else "").where(actions["level"] != "federal", "Federal")
    state = state.replace("", "Unknown")
    type_names = store.labels.names["type"]

    def counted(values: pd.Series, name: str) -> pd.DataFrame:
        out = values.value_counts().rename_axis(name).reset_index(name="Actions")
        return out.sort_values(["Actions", name], ascending=[False, True], kind="stable").reset_index(drop=True)

    return {
        "State": counted(state, "State"),
        "Level": counted(actions["level"].str.capitalize(), "Level"),
        "Type": counted(actions["action_type"].map(lambda t: type_names.get(t, t)), "Type"),
        "Month": actions["date"]
        .dt.strftime("%Y-%m")
        .value_counts()
        .sort_index()
        .rename_axis("Month")
        .reset_index(name="Actions"),
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
