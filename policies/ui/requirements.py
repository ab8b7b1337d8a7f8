"""Requirements page: what an action requires, provision by provision with evidence; and the requirements matrix."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from .. import charts, share
from ..filters import describe
from ..summary import format_date
from . import sharing, state
from .text import md

MAX_CHOICES = 1_000  # a picker of 100,000 options would send them all to the browser on every run
VERBS = {
    "requires": ":blue-badge[Requires]",
    "prohibits": ":red-badge[Prohibits]",
    "urges": ":orange-badge[Urges]",
    "permits": ":green-badge[Permits]",
}


def render() -> None:
    v = state.view("requirements")
    st.title("What does it require?")
    action_id = _pick(v)
    if action_id:
        if not share.presenting(v.options):
            sharing.summary_download(v, action_id)
        detail(v.store, action_id)
    else:
        st.info("Pick an action above, or click one on the Timeline.", icon=":material/touch_app:")
    st.divider()
    _matrix(v)
    if not share.presenting(v.options) and not v.frame.empty:
        st.subheader("Data behind this view", anchor=False)
        sharing.data_downloads(v)


def _pick(v: state.View) -> str | None:
    shown = v.frame.head(MAX_CHOICES)
    if len(v.frame) > MAX_CHOICES:
        st.caption(
            f"The list offers the first {MAX_CHOICES:,} of {len(v.frame):,} actions in the view: narrow the filters "
            "or search to find others."
        )
    chosen = st.session_state.get("policy")
    if chosen and chosen not in set(shown["id"]):  # a linked action stays offered when the filters leave it out
        shown = pd.concat([v.store.actions[v.store.actions["id"] == chosen], shown])
    ids = list(shown["id"])
    if not ids:
        state.empty_state()
        return None

    names = dict(
        zip(
            ids,
            [
                f"{format_date(d, p)} · {j} · {t}"
                for d, p, j, t in zip(
                    shown["date"], shown["date_precision"], shown["jurisdiction_name"], shown["title"]
                )
            ],
        )
    )

    def label(action_id: str) -> str:
        return names.get(action_id, action_id)

    def keep() -> None:
        st.session_state["policy"] = st.session_state["_w_policy"]

    st.session_state["_w_policy"] = chosen if chosen in ids else None
    return st.selectbox(
        "Action", ids, key="_w_policy", format_func=label, on_change=keep, placeholder="Choose an action"
    )


def detail(store, action_id: str) -> None:
    row = store.actions[store.actions["id"] == action_id].iloc[0]
    type_labels = dict(zip(store.action_types["id"], store.action_types["label"]))
    status_labels = dict(zip(store.statuses["id"], store.statuses["label"]))
    st.header(md(row["title"]), anchor=False)
    left, middle, right = st.columns(3)
    left.markdown(f"**Jurisdiction**  \n{md(row['jurisdiction_name'])}")
    left.markdown(f"**Actor**  \n{md(row['actor'])}")
    middle.markdown(f"**Type**  \n{md(type_labels.get(row['action_type'], row['action_type']))}")
    middle.markdown(
        f"**Date**  \n{md(format_date(row['date'], row['date_precision']))} (precision: {md(row['date_precision'])})"
    )
    right.markdown(f"**Status today**  \n{md(status_labels.get(row['status'], row['status']))}")
    right.markdown(f"**Last verified**  \n{md(format_date(row['last_verified']))}")
    st.text(row["summary"])
    _disagreements(store, action_id)
    _events(store, action_id)
    _provisions(store, action_id)
    if row["notes"]:
        with st.expander("Curator's notes"):
            st.text(row["notes"])


def _disagreements(store, action_id: str) -> None:
    outlets = dict(zip(store.sources["id"], store.sources["outlet"]))
    for d in store.disagreements[store.disagreements["action_id"] == action_id].itertuples():
        names = ", ".join(outlets.get(s, s) for s in d.sources.split(", "))
        st.warning(f"**Sources disagree** ({md(names)}): {md(d.description)}", icon=":material/balance:")


def _events(store, action_id: str) -> None:
    events = store.events[store.events["action_id"] == action_id].sort_values(["date", "seq"])
    if events.empty:
        return
    with st.expander(f"Lifecycle ({len(events)} event{'s' if len(events) != 1 else ''})"):
        st.dataframe(
            pd.DataFrame(
                {
                    "Date": [format_date(d, p) for d, p in zip(events["date"], events["date_precision"])],
                    "Event": events["type"].str.capitalize(),
                    "Note": events["note"].fillna(""),
                }
            ),
            hide_index=True,
            width="stretch",
        )


def _provisions(store, action_id: str) -> None:
    provisions = store.provisions[store.provisions["action_id"] == action_id].sort_values("seq")
    evidence = store.evidence[store.evidence["action_id"] == action_id]
    sources = store.sources.set_index("id")
    st.subheader("Provisions", anchor=False)
    if provisions.empty:
        st.caption("This record lists no provisions (nothing it requires of anyone).")
        return
    for applies_to, group in provisions.groupby("applies_to", sort=False):
        st.markdown(f"#### Who must comply: {md(applies_to)}")
        for p in group.itertuples():
            with st.container(border=True):
                st.markdown(f"{VERBS.get(p.requirement, md(p.requirement))} {md(p.text)}")
                if p.disputed:
                    st.warning("Sources disagree about this provision (see above).", icon=":material/balance:")
                for e in evidence[evidence["provision_id"] == p.provision_id].itertuples():
                    st.markdown(_evidence_line(e, sources))


def _evidence_line(e, sources: pd.DataFrame) -> str:
    source = sources.loc[e.source] if e.source in sources.index else None
    outlet = md(source["outlet"]) if source is not None else md(e.source)
    url = charts.safe_url(source["url"]) if source is not None else None
    cite = f"[{outlet}]({quote(url, safe=':/?&=#%+@,;~')})" if url else outlet
    if isinstance(e.quote, str) and e.quote:
        return f"> “{md(e.quote)}”  \n> — {cite}"
    return f"> Paraphrase: {md(e.paraphrase)}  \n> — {cite}"


def _matrix(v: state.View) -> None:
    st.subheader("Requirements by place and topic", anchor=False)
    st.caption(
        f"{md(describe(v.store, v.filters))}. Each cell: what that place's own actions require. Select a cell to open it."
    )
    text, ids = charts.requirements_matrix(v.store, v.frame, limit=charts.MAX_MATRIX_ROWS)
    if text.empty:
        st.caption("No provisions on requirement topics in this view.")
        return
    if text.attrs["places"] > len(text):
        st.caption(
            f"Showing the {len(text)} of {text.attrs['places']:,} places with requirements on most topics; "
            "filter by place to see others."
        )
    widths = {c: st.column_config.TextColumn(c, width="medium") for c in text.columns}
    event = st.dataframe(
        text,
        width="stretch",
        on_select="rerun",
        selection_mode="single-cell",
        key="matrix",
        row_height=60,
        column_config=widths,
    )
    cells = event.selection.get("cells", []) if event else []
    if cells:
        row, column = cells[0]
        action_id = ids.iloc[row][column] if isinstance(column, str) else ids.iloc[row, column]
        if action_id and st.session_state.get("_opened_matrix") != (row, column):
            st.session_state["_opened_matrix"] = (row, column)
            state.open_action(action_id)
    else:
        st.session_state["_opened_matrix"] = None
