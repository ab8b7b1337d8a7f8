"""About page: coverage, the codebooks with definitions, curation, the data's as-of date and its problems."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..output.formats import format_date
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
        "- Every record is validated when the app loads; a record with an error is left out and listed below."
    )
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
