"""Add from article page: an article (pasted or uploaded) becomes draft records to review, with the evidence marked.

Everything happens in memory: the article goes to `policies.extract`, the drafts are shown and offered as YAML
and JSON downloads; nothing is written on the server. The last result lives in the session, so it survives
reruns (a download, a sidebar change) and a visit to another page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..extract import ArticleError, Extraction, drafts, extract
from ..output.escape import md
from ..view import DATE_RANGE
from . import highlight, state
from .requirements import VERBS

RESULT = "_add_article"  # session_state: the last Result
PASTED_NAME = "pasted text"
LONG_ARTICLE = 4_000  # characters: a longer highlighted article starts folded
NO_ACTIONS = "no policy actions found"


@dataclass(frozen=True)
class Result:
    """What one click of "Extract drafts" produced: an error, or the extraction and its downloads."""

    error: str | None = None
    extraction: Extraction | None = None
    yaml: str = ""
    json: str = ""


def run(raw: bytes, name: str, published, known: dict[str, str]) -> Result:
    """Extract and serialise once (the YAML's last_verified is the day of the click)."""
    try:
        extraction = extract(raw, name, published)
    except ArticleError as exc:
        return Result(error=str(exc))
    return Result(extraction=extraction, yaml=drafts.to_yaml(extraction, known), json=drafts.to_json(extraction, known))


def render() -> None:
    v = state.page_run("add")
    known = drafts.known_jurisdictions(v.store.jurisdictions)
    st.title("Add from article")
    st.caption(
        "Drafts are built in memory from the article you give; nothing is saved on the server. "
        "Download them as YAML, review them, and add them to the data yourself."
    )
    _form(known)
    result: Result | None = st.session_state.get(RESULT)
    if result is None:
        return
    if result.error:
        st.error(md(result.error), icon=":material/error:")
        return
    _results(v, result, known)


def _form(known: dict[str, str]) -> None:
    left, right = st.columns([3, 2], gap="large")
    with left:
        pasted = st.text_area(
            "Paste the article",
            key="add_text",
            height=300,
            placeholder="The article's text, headline and date line included.",
        )
    with right:
        uploaded = st.file_uploader(
            "…or upload it as a .txt file",
            type=["txt"],
            key="add_file",
            max_upload_size=3,
            help="An uploaded file is used instead of the pasted text.",
        )
        low, high = DATE_RANGE
        published = st.date_input(
            "Publication date",
            value=None,
            min_value=low,
            max_value=high,
            format="YYYY-MM-DD",
            key="add_published",
            help="Optional. Without it the article's date line (e.g. 'Published: 2025-09-01') is used; with neither, "
            'relative dates like "on Sunday" stay unresolved.',
        )
        clicked = st.button("Extract drafts", type="primary", icon=":material/auto_awesome:", key="add_extract")
    if clicked:
        if uploaded is not None:
            raw, name = uploaded.getvalue(), uploaded.name
        else:  # as UTF-8 bytes, so the size limit applies to pasted text as to files
            raw, name = (pasted or "").encode("utf-8"), PASTED_NAME
        with st.spinner("Reading the article…"):
            st.session_state[RESULT] = run(raw, name, published, known)


def _results(v: state.PageRun, result: Result, known: dict[str, str]) -> None:
    extraction = result.extraction
    if extraction is None:  # a Result holds an error or an extraction
        return
    article = extraction.article
    actions = extraction.actions
    st.divider()
    st.subheader("Drafts", anchor=False)
    st.markdown(
        f"**{md(highlight.plural(len(actions), 'draft'))}** from *{md(article.name)}* · "
        f"{md(highlight.published_line(article))}"
    )
    for warning in extraction.warnings:
        if not warning.endswith(NO_ACTIONS):
            st.warning(md(warning), icon=":material/warning:")
    if not actions:
        st.info(
            "No policy actions found in this article: nothing to draft. Check that it reports a government act "
            "(an order signed, a law passed, a lawsuit filed, troops deployed…).",
            icon=":material/search_off:",
        )
    else:
        left, right, _ = st.columns([1, 1, 3])
        with left:
            st.download_button(
                "Download YAML",
                result.yaml,
                file_name=highlight.download_name(article.name, "yaml"),
                mime="application/x-yaml",
                icon=":material/download:",
                type="primary",
                on_click="ignore",
                key="add_yaml",
                width="stretch",
            )
        with right:
            st.download_button(
                "Download JSON",
                result.json,
                file_name=highlight.download_name(article.name, "json"),
                mime="application/json",
                icon=":material/download:",
                on_click="ignore",
                key="add_json",
                width="stretch",
            )
        for number, draft in enumerate(actions, 1):
            _draft(number, draft, v.store.labels.names["type"], v.store.labels.names["topic"], known)
    _article(article.text, actions)


def _draft(number: int, d, type_labels: dict, topic_labels: dict, known: dict[str, str]) -> None:
    with st.container(border=True):
        kind = type_labels.get(d.action_type, d.action_type)
        st.markdown(f"##### {number}\\. {md(kind)} · {md(d.event)}")
        left, middle, right = st.columns(3)
        place = f"{md(d.jurisdiction.level.capitalize())} · {md(d.jurisdiction.name)}"
        if d.jurisdiction.name not in known and d.jurisdiction.id != "us":
            place += "  \n:orange[not in the jurisdictions codebook yet]"
        left.markdown(f"**Jurisdiction**  \n{place}")
        left.markdown(f"**Actor**  \n{md(d.actor.text)}")
        middle.markdown(f"**Date**  \n{md(highlight.date_line(d))}")
        if d.places:
            middle.markdown(f"**Places**  \n{md(', '.join(p.name for p in d.places))}")
        topics = ", ".join(topic_labels.get(t, t) for t in d.topics)
        right.markdown(f"**Topics**  \n{md(topics) if topics else 'none found'}")
        if d.provisions:
            st.markdown("**Provisions**")
            st.markdown(
                "\n".join(
                    f"- {VERBS.get(p.requirement, md(p.requirement))} *{md(p.applies_to)}*: {md(p.text)}"
                    for p in d.provisions
                )
            )
        st.markdown("**Evidence**\n\n" + "\n>\n".join(f"> {md(e)}" for e in d.evidence))  # one paragraph each


def _article(text: str, actions) -> None:
    evidence = highlight.evidence_of(actions)
    folded = len(text) > LONG_ARTICLE
    with st.expander("Article with evidence highlighted", expanded=not folded, icon=":material/article:"):
        if actions:
            st.caption(
                "Evidence sentences are marked, each followed by its draft's number; the words a date came from "
                "are in bold."
            )
        lost = highlight.missing(text, evidence)
        if lost:
            st.caption(f"{highlight.plural(len(lost), 'evidence sentence')} not found verbatim (left unmarked).")
        st.html(highlight.highlight(text, evidence))
