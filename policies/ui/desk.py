"""The review desk: each draft as an editable record, checked live by the store's own rules, saved or downloaded.

Layout only: proposals, checks, duplicates and saving are `policies.curate`. Widget keys carry the extraction's
token, so a new article starts from its own drafts rather than the last one's edits.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from .. import clock, paths
from ..curate import check, duplicates, proposal, save
from ..curate.proposal import Proposal
from ..extract.source import SourceDraft
from ..output.escape import md
from ..paths import SNAPSHOT_ENV
from ..records.model import EVENT_TYPES, PRECISIONS, REQUIREMENTS, VERIFICATIONS
from ..store import Store
from ..store.labels import VERIFICATION_DEFINITIONS, VERIFICATION_LABELS
from ..view import DATE_RANGE, page_path
from . import highlight, state

ORIGIN_BADGE = {"found": ":green[found in the text]", "guessed": ":orange[guessed: check]", "missing": ":red[to fill]"}
FIELD_NAMES = {"source": "Source entry", "new_places": "New place", "record": "Record", "id": "Record id"}
VERIFICATION_WORDS = {key: f"{VERIFICATION_LABELS[key]} ({VERIFICATION_DEFINITIONS[key]})" for key in VERIFICATIONS}
SAVED = "_desk_saved"  # session_state: the files the last save wrote (shown after the rerun that reloads the store)


def request_host() -> str | None:
    """The Host the browser asked for (None outside a browser request)."""
    return st.context.headers.get("host")


def server_address() -> str | None:
    """The address the server listens on (None: every interface)."""
    return st.get_option("server.address")


def mode() -> save.Mode:
    return save.curator_mode(os.environ, request_host(), os.environ.get(SNAPSHOT_ENV), server_address())


def source_form(token: int, source: SourceDraft, store: Store) -> dict:
    """The source entry, each field marked with where it came from; returns the entry as the registry spells it."""
    with st.container(border=True):
        st.markdown("##### Source")
        st.caption("The article as the registry will cite it. We do not keep its text, so evidence is in our words.")
        left, right = st.columns(2)
        entry = source.entry()
        with left:
            entry["outlet"] = st.text_input(
                "Outlet", source.outlet or "", key=f"desk{token}_src_outlet", help=_origin(source.origin, "outlet")
            )
            st.caption(ORIGIN_BADGE[source.origin.get("outlet", "missing")])
            entry["title"] = st.text_input(
                "Headline", source.title or "", key=f"desk{token}_src_title", help=_origin(source.origin, "title")
            )
            st.caption(ORIGIN_BADGE[source.origin.get("title", "missing")])
        with right:
            url = st.text_input("Address (URL)", source.url or "", key=f"desk{token}_src_url")
            st.caption(ORIGIN_BADGE[source.origin.get("url", "missing")])
            low, high = DATE_RANGE
            published = st.date_input(
                "Published",
                value=source.published,
                min_value=low,
                max_value=high,
                format="YYYY-MM-DD",
                key=f"desk{token}_src_published",
            )
            st.caption(ORIGIN_BADGE[source.origin.get("published", "missing")])
        entry["id"] = st.text_input("Source id", source.id, key=f"desk{token}_src_id")
        problems_slot = st.empty()
    entry = {k: v for k, v in entry.items() if k not in ("url", "published")}
    if url.strip():
        entry["url"] = url.strip()
    if published:
        entry["published"] = published
    else:
        entry["published_note"] = "Not stated in the article; not checked yet."
    order = ("id", "outlet", "title", "url", "published", "published_note", "quotable")
    entry = {k: entry[k] for k in order if k in entry}
    messages = check.by_field(check.check_source(store, entry)).get(check.SOURCE, [])
    if messages:
        problems_slot.error("**Source entry**: " + md("; ".join(messages)), icon=":material/error:")
    return entry


def _origin(origin: Mapping[str, str], name: str) -> str:
    return {"found": "Found in the article.", "guessed": "Guessed: check it.", "missing": "Not in the article."}[
        origin.get(name, "missing")
    ]


def editor(token: int, p: Proposal, source: dict, v: state.PageRun, curator: save.Mode) -> None:
    """One draft as a form: every field with the codebook's pickers, its problems beside it, then save."""
    store = v.store
    key = f"desk{token}_{p.number}"
    saved = st.session_state.get(f"{key}_saved")
    if saved:
        with st.container(border=True):
            st.markdown(f"#### {p.number}\\. Saved as {md(saved)}")
            st.page_link(
                st.session_state["_pages"]["timeline"], label="See it on the Timeline", icon=":material/timeline:"
            )
        return
    names = store.labels.names
    extra = st.session_state.setdefault(f"{key}_places", list(p.new_places))
    place_names = {**names["place"], **{e["id"]: f"{e['name']} (new)" for e in extra}}
    place_ids = [*store.labels.choices["place"], *(e["id"] for e in extra if e["id"] not in names["place"])]
    r = p.record
    with st.container(border=True):
        kind = names["type"].get(r["action_type"], r["action_type"])
        where = place_names.get(r["jurisdiction"], r["jurisdiction"])
        st.markdown(f"#### {p.number}\\. {md(kind)} · {md(p.draft.event)} · {md(where)}")
        record: dict = {}
        slots: dict[str, Any] = {}  # where each field's problems go, filled once the whole record is checked
        record["id"] = st.text_input("Record id (the file name)", r["id"], key=f"{key}_id")
        slots["id"] = st.empty()
        record["title"] = st.text_input("Title of the record", r["title"], key=f"{key}_title")
        _badge(p, "title")
        slots["title"] = st.empty()
        record["summary"] = st.text_area(
            "Summary, in our own words",
            r.get("summary", ""),
            key=f"{key}_summary",
            placeholder="What the article reports this action does, in two or three sentences of our own.",
        )
        slots["summary"] = st.empty()
        left, right = st.columns(2)
        with left:
            jurisdiction = r["jurisdiction"] if r["jurisdiction"] in place_ids else None
            record["jurisdiction"] = st.selectbox(
                "Acting government",
                place_ids,
                index=place_ids.index(jurisdiction) if jurisdiction else None,
                format_func=lambda i: place_names.get(i, i),
                key=f"{key}_jurisdiction",
                placeholder="Choose the government that acted",
            )
            _badge(p, "jurisdiction")
            slots["jurisdiction"] = st.empty()
            record["places"] = st.multiselect(
                "Places it affects",
                place_ids,
                default=[x for x in r.get("places", []) if x in place_ids],
                format_func=lambda i: place_names.get(i, i),
                key=f"{key}_places_picked",
            )
            slots["places"] = st.empty()
            _new_place(key, extra)
            record["actor"] = st.text_input("Actor (office and person)", r["actor"], key=f"{key}_actor")
            slots["actor"] = st.empty()
        with right:
            types = list(store.labels.choices["type"])
            record["action_type"] = st.selectbox(
                "Type of action",
                types,
                index=types.index(r["action_type"]) if r["action_type"] in types else 0,
                format_func=lambda t: names["type"].get(t, t),
                key=f"{key}_type",
            )
            record["topics"] = st.multiselect(
                "Topics",
                list(store.labels.choices["topic"]),
                default=[t for t in r.get("topics", []) if t in names["topic"]],
                format_func=lambda t: names["topic"].get(t, t),
                key=f"{key}_topics",
            )
            slots["topics"] = st.empty()
            low, high = DATE_RANGE
            record["date"] = st.date_input(
                "Date of the action",
                value=r.get("date"),
                min_value=low,
                max_value=high,
                format="YYYY-MM-DD",
                key=f"{key}_date",
            )
            st.caption(md(highlight.date_line(p.draft)) + " · " + ORIGIN_BADGE[p.origin.get("date", "missing")])
            slots["date"] = st.empty()
            record["date_precision"] = st.selectbox(
                "Date precision",
                PRECISIONS,
                index=PRECISIONS.index(r.get("date_precision", "day")),
                key=f"{key}_precision",
                help="A week is named by its Monday, a month by its first day.",
            )
            first = proposal.first_event(r)
            happened = st.selectbox(
                "What happened on that date",
                EVENT_TYPES,
                index=EVENT_TYPES.index(first.get("type", p.draft.event)),
                key=f"{key}_event",
            )
        note = st.text_input("How the date was fixed", first.get("note") or "", key=f"{key}_event_note")
        first = {"type": happened, "date": record["date"], "date_precision": record["date_precision"]}
        first |= {"source": source["id"], **({"note": note.strip()} if note.strip() else {})}
        st.markdown("**Later events** (effective, challenged, blocked, rescinded …; one row each)")
        events = st.data_editor(
            pd.DataFrame(proposal.event_rows(r), columns=list(proposal.EVENT_COLUMNS)),
            key=f"{key}_events",
            num_rows="dynamic",
            width="stretch",
            column_config={
                "type": st.column_config.SelectboxColumn("Event", options=EVENT_TYPES, required=True),
                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", required=True),
                "date_precision": st.column_config.SelectboxColumn("Precision", options=PRECISIONS),
                "note": st.column_config.TextColumn("How the date was fixed"),
            },
        )
        record["events"] = proposal.events_of(first, events.to_dict("records"), source["id"])
        slots["events"] = st.empty()
        st.markdown("**Provisions** (who must do what; write the text and its evidence in our own words)")
        provisions = st.data_editor(
            pd.DataFrame(proposal.provision_rows(p), columns=[*proposal.PROVISION_COLUMNS, "evidence", "article"]),
            key=f"{key}_provisions",
            num_rows="dynamic",
            width="stretch",
            column_config={
                "id": st.column_config.TextColumn("Id"),
                "text": st.column_config.TextColumn("What it requires (our words)", width="large"),
                "applies_to": st.column_config.TextColumn("Applies to"),
                "requirement": st.column_config.SelectboxColumn("Requirement", options=REQUIREMENTS),
                "topics": st.column_config.MultiselectColumn(
                    "Topics",
                    options=list(store.labels.choices["topic"]),
                    format_func=lambda t: names["topic"].get(t, t),
                ),
                "evidence": st.column_config.TextColumn("Evidence (our paraphrase)", width="large"),
                "article": st.column_config.TextColumn("The article says", disabled=True, width="large"),
            },
        )
        record["provisions"] = proposal.provisions_from_rows(provisions.to_dict("records"), source["id"])
        slots["provisions"] = st.empty()
        record["evidence"] = _evidence(key, p, source["id"])
        record["sources"] = [source["id"]]
        record["verification"] = st.radio(
            "How well it is established",
            VERIFICATIONS,
            index=VERIFICATIONS.index(r.get("verification") or "reported"),
            format_func=VERIFICATION_WORDS.get,
            key=f"{key}_verification",
            horizontal=True,
        )
        record["notes"] = st.text_area("Notes (caveats, how facts were fixed)", r.get("notes", ""), key=f"{key}_notes")
        record["last_verified"] = clock.today()
        record = {k: val for k, val in record.items() if val not in (None, "", []) or k in ("summary", "provisions")}
        if not record["provisions"]:
            del record["provisions"]
        _checks_and_save(key, p, record, source, extra, v, curator, slots)


def _badge(p: Proposal, name: str) -> None:
    st.caption(ORIGIN_BADGE[p.origin.get(name, "missing")])


def _new_place(key: str, extra: list[dict]) -> None:
    """A place the codebook lacks, from the gazetteer: it joins the pickers and is saved with the record."""
    with st.popover("Add a place from the gazetteer", icon=":material/add_location:"):
        text = st.text_input("City and state", key=f"{key}_gaz", placeholder="Evanston, IL")
        if st.button("Add", key=f"{key}_gaz_add") and text:
            entry = proposal.gazetteer_place(text)
            if entry is None:
                st.error(md(f"No city named {text!r} in the gazetteer (write it as 'City, ST')."))
            elif all(e["id"] != entry["id"] for e in extra):
                extra.append(entry)
                st.rerun()


def _evidence(key: str, p: Proposal, source_id: str) -> list[dict]:
    """The article's sentences behind the draft, each with room for our paraphrase (optional)."""
    out = []
    if p.sentences:
        st.markdown("**Evidence** (optional; the sentences are marked in the article)")
    for i, sentence in enumerate(p.sentences):
        st.caption(f"The article says: {md(sentence)}")
        words = st.text_input(
            f"Evidence {i + 1} in our words", key=f"{key}_evidence_{i}", placeholder="Paraphrase, do not quote."
        )
        if words.strip():
            out.append({"source": source_id, "paraphrase": words.strip()})
    return out


def _checks_and_save(
    key: str,
    p: Proposal,
    record: dict,
    source: dict,
    places: list[dict],
    v: state.PageRun,
    curator: save.Mode,
    slots: dict[str, Any],
) -> None:
    store = v.store
    # A place saved with an earlier draft of the same article is in the codebook now.
    needed = proposal.needed_places(places, record, set(store.jurisdictions["id"]))
    problems = check.check(store, record, source, needed)
    grouped = check.by_field(problems)
    for name, messages in grouped.items():
        label = FIELD_NAMES.get(name, name.replace("_", " ").capitalize())
        if name == check.SOURCE:  # shown in full in the source form above, once for every draft
            messages = ["fix the source entry above before saving"]
        box = slots.get(name) or st  # at its field when it has one; a rule across fields below them all
        box.error(f"**{md(label)}**: " + md("; ".join(messages)), icon=":material/error:")
    for dup in duplicates.find(store, record, source):
        link = f"{page_path('requirements')}?policy={dup.id}"
        st.warning(
            md(f"Possible duplicate: {dup.title} ({dup.date}, {dup.reason}). ")
            + f"[Open it]({link}) and add an event to it instead of a new record if it is the same action.",
            icon=":material/content_copy:",
        )
        with st.expander(f"Add this as an event of {dup.id} instead", icon=":material/playlist_add:"):
            st.caption(
                md(
                    f"Add these entries to the lists of the same name in data/actions/{dup.id}.yaml (events in date "
                    "order), and the source entry to data/sources.yaml; then run python -m policies validate."
                )
            )
            st.code(duplicates.as_event(record), language="yaml")
    curation = proposal.curation(p, record, clock.today())
    text = save.record_file(record, curation)
    valid = not [x for x in problems if x.severity == "error"]
    if valid:
        st.success("This record validates.", icon=":material/check_circle:")
    if curator.on:
        clicked = st.button(
            md(f"Save to data/actions/{record.get('id', '')}.yaml"),  # the id is typed: text, never markup
            key=f"{key}_save",
            type="primary",
            disabled=not valid,
            icon=":material/save:",
        )
        if clicked:
            try:
                written = save.save(store, paths.data_dir(), record, curation, source, needed)
            except (save.SaveError, OSError) as exc:
                st.error(md(f"Not saved: {exc}"), icon=":material/error:")
            else:
                st.session_state[SAVED] = {"id": record["id"], "files": [str(w) for w in written]}
                st.session_state[f"{key}_saved"] = f"data/actions/{record['id']}.yaml"
                state.reload_store()
                st.rerun()
    else:
        left, right = st.columns(2)
        left.download_button(
            "Download the record (YAML)",
            text,
            file_name=f"{record.get('id') or 'record'}.yaml",
            mime="application/x-yaml",
            disabled=not valid,
            on_click="ignore",
            key=f"{key}_download",
            icon=":material/download:",
            width="stretch",
        )
        right.download_button(
            "Download the registry entries",
            save.registry_entries(source, needed),
            file_name=f"{record.get('id') or 'record'}-entries.yaml",
            mime="application/x-yaml",
            on_click="ignore",
            key=f"{key}_entries",
            icon=":material/download:",
            width="stretch",
        )


def saved_notice() -> None:
    """After a save: what was written, and where to see it."""
    saved = st.session_state.pop(SAVED, None)
    if saved:
        st.success(
            md(f"Saved {saved['id']}: " + ", ".join(saved["files"]))
            + f" · [See it on the Timeline]({page_path('timeline')})",
            icon=":material/check_circle:",
        )
