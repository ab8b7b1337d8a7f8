"""About page: coverage, the codebooks with definitions, curation, the data's as-of date and its problems."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import clock
from ..output import tables
from ..output.escape import md
from ..output.formats import format_date
from ..store import REVIEW_DAYS, out_of_date
from ..store.labels import VERIFICATION_DEFINITIONS, VERIFICATION_LABELS
from . import state


def render() -> None:
    v = state.page_run("about")
    s = v.store
    st.title("About the data")
    first, last = (s.actions["date"].min(), s.actions["date"].max()) if len(s.actions) else (None, None)
    left, middle, right = st.columns(3)
    left.metric("Actions", f"{len(s.actions):,}")
    middle.metric("Sources", f"{len(s.sources):,}")
    right.metric("Data as of", s.as_of.isoformat() if s.as_of else "unknown")
    st.markdown(
        "A curated, sourced table of government actions on immigration enforcement: executive orders, laws, court "
        "orders, lawsuits, troop deployments, enforcement operations, announced plans and agency directives."
    )
    if first is not None:
        st.markdown(
            f"The records run from **{format_date(first)}** to **{format_date(last)}** and cover "
            f"{s.actions['jurisdiction'].nunique()} acting jurisdictions."
        )
    st.subheader("How records are curated and verified", anchor=False)
    st.markdown(
        "- Each action is one reviewed YAML file that cites its sources; every provision carries evidence.\n"
        "- Quotes are verbatim from texts we hold (checked by a test); reporting we can only cite is paraphrased "
        "and marked as such.\n"
        "- Where sources disagree, both versions are kept and flagged on the Requirements page.\n"
        "- Status is never typed: it is derived from each action's dated events (as of today, or the *Status as of* date).\n"
        "- A status is only as current as the events we recorded: every status says when we last reviewed the record, "
        f"and a record not reviewed for {REVIEW_DAYS} days is marked *possibly out of date* (listed below).\n"
        "- Every record is validated when the app loads; a record with an error is left out and listed below."
    )
    st.markdown("**How well each record is established** (the *How well established* filter):")
    st.markdown(
        "\n".join(
            f"- **{md(label)}**: {md(VERIFICATION_DEFINITIONS[key])} "
            f"({int((s.actions['verification'] == key).sum())} records)"
            for key, label in VERIFICATION_LABELS.items()
        )
    )
    _out_of_date(s)
    _coverage(s)
    st.subheader("Codebooks", anchor=False)
    tabs = st.tabs(["Topics", "Action types", "Statuses", "Jurisdictions"])
    tabs[0].dataframe(s.topic_codebook.rename(columns=_heading), hide_index=True, width="stretch")
    tabs[1].dataframe(s.action_types.rename(columns=_heading), hide_index=True, width="stretch")
    tabs[2].dataframe(s.statuses.rename(columns=_heading), hide_index=True, width="stretch")
    tabs[3].dataframe(
        s.jurisdictions[["id", "name", "level", "parent", "state"]].rename(columns=_heading),
        hide_index=True,
        width="stretch",
    )
    st.subheader("Data issues", anchor=False)
    problems_panel(s)


def _coverage(s) -> None:
    """What the tracker holds, counted four ways, and what was looked for where (research.yaml)."""
    st.subheader("Coverage", anchor=False)
    status = tables.research_status(s)["status"].value_counts()
    st.markdown(
        f"Actions are recorded in **{status.get('actions', 0)}** states (by or aimed at the state or a place in it); "
        f"**{status.get('none-found', 0)}** more were researched with no action found, and "
        f"**{status.get('not-researched', 0)}** are not researched yet. The map shades states the same way."
    )
    counted = tables.coverage(s)
    tabs = st.tabs([f"By {name.lower()}" for name in counted])
    for tab, (name, table) in zip(tabs, counted.items()):
        tab.dataframe(table, hide_index=True, width="stretch", key=f"coverage_{name}")
    if len(s.research):
        with st.expander(f"What was looked for ({len(s.research)} places)"):
            names = s.labels.names["place"]
            st.dataframe(
                pd.DataFrame(
                    {
                        "Place": s.research["id"].map(lambda i: names.get(i, i)),
                        "Checked": s.research["checked"].dt.strftime("%Y-%m-%d"),
                        "Looked for": s.research["looked_for"],
                        "Notes": s.research["notes"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="research",
            )


def _out_of_date(s) -> None:
    """The records whose last review is more than REVIEW_DAYS old today: their status may have changed."""
    today = clock.today()
    stale = s.actions[out_of_date(s.actions["last_verified"], today).to_numpy()]
    st.subheader("Possibly out of date", anchor=False)
    if stale.empty:
        st.success(f"Every record was reviewed in the last {REVIEW_DAYS} days.", icon=":material/check_circle:")
        return
    st.caption(
        f"{len(stale):,} of {len(s.actions):,} records were last reviewed more than {REVIEW_DAYS} days before "
        f"{format_date(today)}: their status may have changed since."
    )
    st.dataframe(
        pd.DataFrame(
            {
                "Last review": stale["last_verified"].dt.strftime("%Y-%m-%d"),
                "Title": stale["title"],
                "Jurisdiction": stale["jurisdiction_name"],
                "id": stale["id"],
            }
        ).sort_values("Last review"),
        hide_index=True,
        width="stretch",
        key="out_of_date",
    )


def _heading(column: str) -> str:
    return column.replace("_", " ").capitalize()


def problems_panel(store) -> None:
    errors = [p for p in store.problems if p.severity == "error"]
    warnings = [p for p in store.problems if p.severity != "error"]
    if not store.problems:
        st.success("No problems: every record passed validation.", icon=":material/check_circle:")
        return
    st.warning(
        f"{len(errors)} error(s) and {len(warnings)} warning(s). Records with errors are left out; "
        "every other record still shows.",
        icon=":material/warning:",
    )
    table = pd.DataFrame([p.as_dict() for p in store.problems])
    st.dataframe(
        table[["severity", "file", "line", "field", "message", "record"]].rename(columns=_heading),
        hide_index=True,
        width="stretch",
        key="problems",
    )
