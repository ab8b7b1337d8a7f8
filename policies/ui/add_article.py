"""Add from article page, the review desk: an article (pasted or uploaded) becomes records a curator reviews.

The article goes to `policies.extract`; each draft is shown as an editable record (`desk`), checked live by
the store's rules, and saved into the data folder in curator mode or offered as files to download otherwise.
Nothing is written on a public server. The last result lives in the session, so it survives reruns (a
download, a sidebar change) and a visit to another page.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass

import streamlit as st

from ..curate import proposal, save
from ..curate.proposal import Proposal
from ..extract import ArticleError, Extraction, drafts, extract
from ..extract.source import SourceDraft
from ..i18n import ntr, tr
from ..output.escape import md
from ..view import DATE_RANGE
from . import desk, highlight, state

RESULT = "_add_article"  # session_state: the last Result
PASTED_NAME = "pasted text"  # the article's name, and so its proposed source id: data, in English
LONG_ARTICLE = 4_000  # characters: a longer highlighted article starts folded
NO_ACTIONS = "no policy actions found"


@dataclass(frozen=True)
class Result:
    """What one click of "Extract drafts" produced: an error, or the extraction and its downloads."""

    error: str | None = None
    extraction: Extraction | None = None
    yaml: str = ""
    json: str = ""
    source: SourceDraft | None = None
    proposals: tuple[Proposal, ...] = ()
    token: int = 0  # names this result's widgets, so a new article does not inherit the last one's edits


_TOKENS = itertools.count(1)


def run(raw: bytes, name: str, published, known: dict[str, str], url: str | None = None) -> Result:
    """Extract and serialise once (the YAML's last_verified is the day of the click)."""
    try:
        extraction = extract(raw, name, published)
    except ArticleError as exc:
        return Result(error=str(exc))
    source, proposals = proposal.propose(extraction, known, url=url)
    return Result(
        extraction=extraction,
        yaml=drafts.to_yaml(extraction, known),
        json=drafts.to_json(extraction, known),
        source=source,
        proposals=tuple(proposals),
        token=next(_TOKENS),
    )


def render() -> None:
    v = state.page_run("add")
    known = drafts.known_jurisdictions(v.store.jurisdictions)
    st.title(tr("Add from article"))
    curator = desk.mode()
    if curator.on:
        saving = md(curator.reason)
    elif os.environ.get(save.CURATOR_ENV):  # asked for but off: say why
        saving = tr(
            "Nothing is saved on this server: download the files and add them. {reason}", reason=md(curator.reason)
        )
    else:
        saving = tr("Nothing is saved on this server: download the files and add them.")
    st.caption(
        tr(
            "Drafts are built in memory from the article you give. Review each one below: it is checked as you edit, "
            "by the same rules the tracker applies. {saving}",
            saving=saving,
        )
    )
    desk.saved_notice(v)
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
            tr("Paste the article"),
            key="add_text",
            height=300,
            placeholder=tr("The article's text, headline and date line included."),
        )
    with right:
        uploaded = st.file_uploader(
            tr("…or upload it as a .txt file"),
            type=["txt"],
            key="add_file",
            max_upload_size=3,
            help=tr("An uploaded file is used instead of the pasted text."),
        )
        url = st.text_input(
            tr("Address (URL) of the article"),
            key="add_url",
            placeholder="https://…",
            help=tr("Cited in the source entry. Nothing is fetched: paste the article's text as well."),
        )
        low, high = DATE_RANGE
        published = st.date_input(
            tr("Publication date"),
            value=None,
            min_value=low,
            max_value=high,
            format="YYYY-MM-DD",
            key="add_published",
            help=tr(
                "Optional. Without it the article's date line (e.g. 'Published: 2025-09-01') is used; with neither, "
                'relative dates like "on Sunday" stay unresolved.'
            ),
        )
        clicked = st.button(tr("Extract drafts"), type="primary", icon=":material/auto_awesome:", key="add_extract")
    if clicked:
        if uploaded is not None:
            raw, name = uploaded.getvalue(), uploaded.name
        else:  # as UTF-8 bytes, so the size limit applies to pasted text as to files
            raw, name = (pasted or "").encode("utf-8"), PASTED_NAME
        with st.spinner(tr("Reading the article…")):
            st.session_state[RESULT] = run(raw, name, published, known, url)


def _results(v: state.PageRun, result: Result, known: dict[str, str]) -> None:
    extraction = result.extraction
    if extraction is None:  # a Result holds an error or an extraction
        return
    article = extraction.article
    actions = extraction.actions
    st.divider()
    st.subheader(tr("Drafts"), anchor=False)
    st.markdown(
        ntr(
            "**{count} draft** from *{name}* · {published}",
            "**{count} drafts** from *{name}* · {published}",
            len(actions),
            name=md(article.name),
            published=md(highlight.published_line(article)),
        )
    )
    for warning in extraction.warnings:
        if not warning.endswith(NO_ACTIONS):
            st.warning(md(warning), icon=":material/warning:")
    if not actions:
        st.info(
            tr(
                "No policy actions found in this article: nothing to draft. Check that it reports a government act "
                "(an order signed, a law passed, a lawsuit filed, troops deployed…)."
            ),
            icon=":material/search_off:",
        )
    else:
        left, right, _ = st.columns([1, 1, 3])
        with left:
            st.download_button(
                tr("Download YAML"),
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
                tr("Download JSON"),
                result.json,
                file_name=highlight.download_name(article.name, "json"),
                mime="application/json",
                icon=":material/download:",
                on_click="ignore",
                key="add_json",
                width="stretch",
            )
    if not actions:
        _article(article.text, actions)
        return
    if result.source is None:
        return
    drafts_column, article_column = st.columns([3, 2], gap="medium")
    with article_column:
        _article(article.text, actions)
    with drafts_column:
        source = desk.source_form(result.token, result.source, v.store)
        curator = desk.mode()
        for p in result.proposals:
            desk.editor(result.token, p, source, v, curator)


def _article(text: str, actions) -> None:
    evidence = highlight.evidence_of(actions)
    folded = len(text) > LONG_ARTICLE and not actions  # beside the drafts it is read while editing: open
    with st.expander(tr("Article with evidence highlighted"), expanded=not folded, icon=":material/article:"):
        if actions:
            st.caption(
                tr(
                    "Evidence sentences are marked, each followed by its draft's number; the words a date came from "
                    "are in bold."
                )
            )
        lost = highlight.missing(text, evidence)
        if lost:
            st.caption(
                ntr(
                    "{count} evidence sentence not found verbatim (left unmarked).",
                    "{count} evidence sentences not found verbatim (left unmarked).",
                    len(lost),
                )
            )
        st.html(highlight.highlight(text, evidence))
