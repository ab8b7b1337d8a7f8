"""Sources page: every source in the registry with the actions and provisions (in the view) that cite it."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from ..i18n import ntr, tr
from ..output.escape import md, safe_url
from ..output.formats import format_date
from ..output.local import text_column
from ..view import describe
from . import memo, state

URL_SAFE = ":/?&=#%+@,;~"  # as the requirements page writes links: the address, its characters escaped
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
    ordered = memo.remembered("sources-order", v.store, v.view, lambda: _ordered(v.store, v.frame))
    shown = state.paged(ordered, "sources_page", SOURCES_PER_PAGE, tr("Sources"))
    blocks = memo.remembered(
        "sources-page", v.store, v.view, lambda: _entries(v.store, v.frame, shown), tuple(shown["id"])
    )
    for label, body in blocks:  # one expander and one Markdown block a source: 50 sources, 100 elements
        with st.expander(label):
            st.markdown(body)


def _ordered(store, frame: pd.DataFrame) -> pd.DataFrame:
    """Every source, most cited by the view's actions first."""
    counts = store.rows_for(store.citations, frame)["source"].value_counts()
    ranked = store.sources.assign(n=store.sources["id"].map(counts).fillna(0))
    return ranked.sort_values(["n", "outlet"], ascending=[False, True])


def _entries(store, frame: pd.DataFrame, shown: pd.DataFrame) -> list[tuple[str, str]]:
    """(expander label, Markdown body) of each source shown, with the actions in the view citing it."""
    cites = citations(store, frame, list(shown["id"]))
    cited = frame[frame["id"].isin(cites["action_id"])]  # titles and provisions of these alone
    titles = dict(zip(cited["id"], text_column(cited, "title")))
    provisions = store.rows_for(store.provisions, cited)
    provisions = dict(
        zip(zip(provisions["action_id"].astype(str), provisions["provision_id"]), text_column(provisions, "text"))
    )
    by_source = dict(tuple(cites.groupby("source")))
    return [(_label(s), _body(s, by_source.get(s.id, cites.iloc[:0]), titles, provisions)) for s in shown.itertuples()]


def _label(s) -> str:
    return ntr(
        "{outlet} — {title} ({count} action)",
        "{outlet} — {title} ({count} actions)",
        int(s.n),
        outlet=md(s.outlet),
        title=md(s.title),
    )


def _body(s, mine: pd.DataFrame, titles: dict, provisions: dict) -> str:
    """A source's entry: its link, date, whether we hold its text, and the actions in the view that cite it."""
    url = safe_url(s.url)
    published = (
        format_date(s.published)
        if isinstance(s.published, (str, pd.Timestamp)) or hasattr(s.published, "year")
        else tr("date not stated")
    )
    opening = md(tr("Open the source"))
    lines = [f"[{opening}]({quote(url, safe=URL_SAFE)})"] if url else []
    lines.append(
        tr("**Published** {day}", day=md(published))
        + (f"  \n{md(s.published_note)}" if isinstance(s.published_note, str) else "")
    )
    lines.append(
        tr("**Quoted verbatim** (we hold its text)")
        if s.quotable
        else tr("**Paraphrased** (we cite it but do not hold its text)")
    )
    return "\n\n".join([*lines, _citing(mine, titles, provisions)])


def _citing(mine: pd.DataFrame, titles: dict, provisions: dict) -> str:
    """The actions in the view that cite one source (the first CITING_SHOWN, in date order), with the provisions
    its evidence supports; one markdown block, however many there are."""
    if mine.empty:
        return tr("No action in the current view cites this source.")
    ids = mine["action_id"].drop_duplicates()
    lines = []
    for action_id, part in mine[mine["action_id"].isin(ids[:CITING_SHOWN])].groupby("action_id", sort=False):
        lines.append(f"- {md(titles.get(action_id, action_id))}")
        lines += [
            "    - " + tr("provision: {text}", text=md(provisions.get((action_id, p), p)))
            for p in part["provision_id"]
            if p
        ]
    if len(ids) > CITING_SHOWN:
        lines.append(
            "\n"
            + ntr(
                "…and {count} more action in this view cites it: filter by place, topic or search to list them.",
                "…and {count} more actions in this view cite it: filter by place, topic or search to list them.",
                len(ids) - CITING_SHOWN,
            )
        )
    return "\n".join(lines)
