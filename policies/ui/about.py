"""About page: coverage, the codebooks with definitions, curation, the data's as-of date and its problems."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import clock, i18n
from ..i18n import mark, ntr, tr
from ..output import tables
from ..output.escape import md
from ..output.formats import format_date
from ..output.local import text_column
from ..store import REVIEW_DAYS, out_of_date
from ..store.detail import event_word
from ..store.labels import VERIFICATION_DEFINITIONS, VERIFICATION_LABELS
from . import state

# How curation works, one point each (the list on the page, in this order).
CURATION = (
    mark("Each action is one reviewed YAML file that cites its sources; every provision carries evidence."),
    mark(
        "Quotes are verbatim from texts we hold (checked by a test); reporting we can only cite is paraphrased and "
        "marked as such."
    ),
    mark("Where sources disagree, both versions are kept and flagged on the Requirements page."),
    mark(
        "Status is never typed: it is derived from each action's dated events (as of today, or the *Status as of* "
        "date)."
    ),
    mark(
        "A status is only as current as the events we recorded: every status says when we last reviewed the record, "
        "and a record not reviewed for {days} days is marked *possibly out of date* (listed below)."
    ),
    mark("Every record is validated when the app loads; a record with an error is left out and listed below."),
)
SEVERITIES = {"error": mark("error"), "warning": mark("warning")}  # a problem's severity, as the table shows it
CODEBOOK_TABS = (mark("Topics"), mark("Action types"), mark("Statuses"), mark("Jurisdictions"))
# The codebooks' and the problems' column headers (a column not listed is headed by its name, capitalized).
HEADINGS = {
    "id": mark("Id"),
    "label": mark("Label"),
    "definition": mark("Definition"),
    "requirement_topic": mark("Requirement topic"),
    "from_event": mark("From event"),
    "in_force": mark("In force"),
    "name": mark("Name"),
    "level": mark("Level"),
    "parent": mark("Parent"),
    "state": mark("US state"),  # a column of states, not the level "State"
    "severity": mark("Severity"),
    "file": mark("File"),
    "line": mark("Line"),
    "field": mark("Field"),
    "message": mark("Message"),
    "record": mark("Record"),
}


def render() -> None:
    v = state.page_run("about")
    s = v.store
    st.title(tr("About the data"))
    first, last = (s.actions["date"].min(), s.actions["date"].max()) if len(s.actions) else (None, None)
    left, middle, right = st.columns(3)
    left.metric(tr("Actions"), i18n.number(len(s.actions)))
    middle.metric(tr("Sources"), i18n.number(len(s.sources)))
    right.metric(tr("Data as of"), s.as_of.isoformat() if s.as_of else tr("unknown"))
    st.markdown(
        tr(
            "A curated, sourced table of government actions on immigration enforcement: executive orders, laws, "
            "court orders, lawsuits, troop deployments, enforcement operations, announced plans and agency directives."
        )
    )
    if first is not None:
        st.markdown(
            ntr(
                "The records run from **{first}** to **{last}** and cover {count} acting jurisdictions.",
                "The records run from **{first}** to **{last}** and cover {count} acting jurisdictions.",
                s.actions["jurisdiction"].nunique(),
                first=format_date(first),
                last=format_date(last),
            )
        )
    st.subheader(tr("How records are curated and verified"), anchor=False)
    st.markdown("\n".join("- " + tr(point, days=REVIEW_DAYS) for point in CURATION))
    st.markdown(tr("**How well each record is established** (the *How well established* filter):"))
    st.markdown("\n".join("- " + _verification_line(s, key, label) for key, label in VERIFICATION_LABELS.items()))
    _out_of_date(s)
    _coverage(s)
    st.subheader(tr("Codebooks"), anchor=False)
    tabs = st.tabs([tr(name) for name in CODEBOOK_TABS])
    tabs[0].dataframe(_codebook(s.topic_codebook, s.labels.names["topic"]), hide_index=True, width="stretch")
    tabs[1].dataframe(_codebook(s.action_types, s.labels.names["type"]), hide_index=True, width="stretch")
    tabs[2].dataframe(_codebook(s.statuses, s.labels.names["status"]), hide_index=True, width="stretch")
    levels = s.labels.names["level"]
    jurisdictions = s.jurisdictions[["id", "name", "level", "parent", "state"]]
    tabs[3].dataframe(
        jurisdictions.assign(level=jurisdictions["level"].map(lambda v: levels.get(str(v), str(v)).lower())).rename(
            columns=_heading
        ),
        hide_index=True,
        width="stretch",
    )
    st.subheader(tr("Data issues"), anchor=False)
    problems_panel(s)


def _codebook(book: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """A codebook as read: its label and definition in this run's language (a definition with no translation in
    English, marked), its other columns as they are; the columns of other languages left out."""
    translated = [f"{column}_{lang}" for column in ("label", "definition") for lang in i18n.LANGUAGES]
    shown = book.drop(columns=translated, errors="ignore").assign(
        label=book["id"].map(lambda key: labels.get(key, key)), definition=text_column(book, "definition")
    )
    if "from_event" in shown:  # the statuses: the event each comes from, in words
        shown["from_event"] = shown["from_event"].map(lambda e: event_word(e).lower() if isinstance(e, str) else e)
    return shown.rename(columns=_heading)


def _coverage(s) -> None:
    """What the tracker holds, counted four ways, and what was looked for where (research.yaml)."""
    st.subheader(tr("Coverage"), anchor=False)
    status = tables.research_status(s)["status"].value_counts()
    st.markdown(
        tr(
            "Actions are recorded in **{recorded}** states (by or aimed at the state or a place in it); **{none}** "
            "more were researched with no action found, and **{unresearched}** are not researched yet. The map "
            "shades states the same way.",
            recorded=status.get("actions", 0),
            none=status.get("none-found", 0),
            unresearched=status.get("not-researched", 0),
        )
    )
    counted = tables.coverage(s)
    tabs = st.tabs([tr(tables.COVERAGE_BY[key]) for key in counted])
    for tab, (key, table) in zip(tabs, counted.items()):
        tab.dataframe(table, hide_index=True, width="stretch", key=f"coverage_{key}")
    if len(s.research):
        places = len(s.research)
        with st.expander(ntr("What was looked for ({count} places)", "What was looked for ({count} places)", places)):
            names = s.labels.names["place"]
            st.dataframe(
                pd.DataFrame(
                    {
                        tr("Place"): s.research["id"].map(lambda i: names.get(i, i)),
                        tr("Checked"): s.research["checked"].dt.strftime("%Y-%m-%d"),
                        tr("Looked for"): s.research["looked_for"],
                        tr("Notes"): s.research["notes"],
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
    st.subheader(tr("Possibly out of date"), anchor=False)
    if stale.empty:
        st.success(
            tr("Every record was reviewed in the last {days} days.", days=REVIEW_DAYS), icon=":material/check_circle:"
        )
        return
    st.caption(
        ntr(
            "{count} of {total} records were last reviewed more than {days} days before {day}: their status may "
            "have changed since.",
            "{count} of {total} records were last reviewed more than {days} days before {day}: their status may "
            "have changed since.",
            len(stale),
            total=i18n.number(len(s.actions)),
            days=REVIEW_DAYS,
            day=format_date(today),
        )
    )
    reviewed = tr("Last review")
    st.dataframe(
        pd.DataFrame(
            {
                reviewed: stale["last_verified"].dt.strftime("%Y-%m-%d"),
                tr("Title"): text_column(stale, "title"),
                tr("Jurisdiction"): stale["jurisdiction_name"],
                "id": stale["id"],
            }
        ).sort_values(reviewed),
        hide_index=True,
        width="stretch",
        key="out_of_date",
    )


def _heading(column: str) -> str:
    return tr(HEADINGS[column]) if column in HEADINGS else column.replace("_", " ").capitalize()


def problems_panel(store) -> None:
    errors = [p for p in store.problems if p.severity == "error"]
    warnings = [p for p in store.problems if p.severity != "error"]
    if not store.problems:
        st.success(tr("No problems: every record passed validation."), icon=":material/check_circle:")
        return
    st.warning(
        tr(
            "{errors} error(s) and {warnings} warning(s). Records with errors are left out; every other record still "
            "shows.",
            errors=len(errors),
            warnings=len(warnings),
        ),
        icon=":material/warning:",
    )
    table = pd.DataFrame([p.as_dict() for p in store.problems])
    table["severity"] = table["severity"].map(lambda v: tr(SEVERITIES[v]) if v in SEVERITIES else v)
    st.dataframe(
        table[["severity", "file", "line", "field", "message", "record"]].rename(columns=_heading),
        hide_index=True,
        width="stretch",
        key="problems",
    )


def _verification_line(s, key: str, label: str) -> str:
    """One level of verification in words, with how many records have it (words worked out before `ntr`: the
    catalogue's extractor loses a plural whose arguments call `tr`)."""
    words, definition = md(tr(label)), md(tr(VERIFICATION_DEFINITIONS[key]))
    count = int((s.actions["verification"] == key).sum())
    return ntr(
        "**{label}**: {definition} ({count} record)",
        "**{label}**: {definition} ({count} records)",
        count,
        label=words,
        definition=definition,
    )
