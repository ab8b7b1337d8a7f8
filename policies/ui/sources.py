"""Sources page: every source in the registry with the actions and provisions (in the view) that cite it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..i18n import ntr, tr
from ..output.escape import md, safe_url
from ..output.formats import format_date
from ..output.local import text_column
from ..view import describe
from . import state

SOURCES_PER_PAGE = 50  # each source is an expander: more per page only slows every rerun
CITING_SHOWN = 20  # actions listed under a source; a source cited by thousands says how many more


def citations(store, frame: pd.DataFrame, sources: list[str] | None = None) -> pd.DataFrame:
    """source, action_id, provision_id ('' for the action itself) for the actions in the view (and `sources`)."""
    listed = store.rows_for(store.citations, frame)
    evidence = store.rows_for(store.evidence, frame)
    if sources is not None:
        listed, evidence = listed[listed["source"].isin(sources)], evidence[evidence["source"].isin(sources)]
    listed = listed.assign(provision_id="")[["source", "action_id", "provision_id"]]
    evidence = evidence[["source", "action_id", "provision_id"]].fillna({"provision_id": ""})
    both = pd.concat([listed.astype({"action_id": str}), evidence.astype({"action_id": str})])
    return both.drop_duplicates().reset_index(drop=True)


def render() -> None:
    v = state.page_run("sources")
    st.title(tr("Sources"))
    st.caption(
        ntr(
            "{count} sources in the registry; citations counted for: {view}.",
            "{count} sources in the registry; citations counted for: {view}.",
            len(v.store.sources),
            view=md(describe(v.store, v.view)),
        )
    )
    # Counting needs only the actions' own source lists (evidence cites only listed sources: the validator
    # checks it); the detail of the page's 50 sources is then looked up for those alone.
    counts = v.store.rows_for(v.store.citations, v.frame)["source"].value_counts()
    ordered = v.store.sources.assign(n=v.store.sources["id"].map(counts).fillna(0)).sort_values(
        ["n", "outlet"], ascending=[False, True]
    )
    shown = state.paged(ordered, "sources_page", SOURCES_PER_PAGE, tr("Sources"))
    cites = citations(v.store, v.frame, list(shown["id"]))
    cited = v.frame[v.frame["id"].isin(cites["action_id"])]  # titles and provisions of these alone
    titles = dict(zip(cited["id"], text_column(cited, "title")))
    provisions = v.store.rows_for(v.store.provisions, cited)
    provisions = dict(
        zip(zip(provisions["action_id"].astype(str), provisions["provision_id"]), text_column(provisions, "text"))
    )
    by_source = dict(tuple(cites.groupby("source")))
    for s in shown.itertuples():
        label = ntr(
            "{outlet} — {title} ({count} action)",
            "{outlet} — {title} ({count} actions)",
            int(s.n),
            outlet=md(s.outlet),
            title=md(s.title),
        )
        with st.expander(label):
            url = safe_url(s.url)
            if url:
                st.link_button(tr("Open the source"), url)
            published = (
                format_date(s.published)
                if isinstance(s.published, (str, pd.Timestamp)) or hasattr(s.published, "year")
                else tr("date not stated")
            )
            st.markdown(
                tr("**Published** {day}", day=md(published))
                + (f"  \n{md(s.published_note)}" if isinstance(s.published_note, str) else "")
            )
            st.markdown(
                tr("**Quoted verbatim** (we hold its text)")
                if s.quotable
                else tr("**Paraphrased** (we cite it but do not hold its text)")
            )
            _citing(by_source.get(s.id, cites.iloc[:0]), titles, provisions)


def _citing(mine: pd.DataFrame, titles: dict, provisions: dict) -> None:
    """The actions in the view that cite one source (the first CITING_SHOWN, in date order), with the provisions
    its evidence supports; one markdown block, however many there are."""
    if mine.empty:
        st.caption(tr("No action in the current view cites this source."))
        return
    ids = mine["action_id"].drop_duplicates()
    lines = []
    for action_id, part in mine[mine["action_id"].isin(ids[:CITING_SHOWN])].groupby("action_id", sort=False):
        lines.append(f"- {md(titles.get(action_id, action_id))}")
        lines += [
            "    - " + tr("provision: {text}", text=md(provisions.get((action_id, p), p)))
            for p in part["provision_id"]
            if p
        ]
    st.markdown("\n".join(lines))
    if len(ids) > CITING_SHOWN:
        st.caption(
            ntr(
                "…and {count} more actions in this view cite it: filter by place, topic or search to list them.",
                "…and {count} more actions in this view cite it: filter by place, topic or search to list them.",
                len(ids) - CITING_SHOWN,
            )
        )
