"""The review desk: each draft as an editable record, checked live by the store's own rules, saved or downloaded.

Layout only: proposals, checks, duplicates and saving are `policies.curate`. Widget keys carry the extraction's
token, so a new article starts from its own drafts rather than the last one's edits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from .. import clock, i18n, paths
from ..curate import check, duplicates, proposal, save
from ..curate.proposal import Proposal
from ..extract.source import SourceDraft
from ..i18n import mark, tr
from ..output.escape import md
from ..paths import SNAPSHOT_ENV
from ..records.model import EVENT_TYPES, PRECISIONS, REQUIREMENTS, VERIFICATIONS
from ..store import Store
from ..store.labels import VERIFICATION_DEFINITIONS, VERIFICATION_LABELS
from ..view import DATE_RANGE, page_path
from . import highlight, state

# Where a prefilled field came from: the colour and words of its badge (`origin_badge`), and of its help.
ORIGIN_BADGE = {
    "found": ("green", mark("found in the text")),
    "guessed": ("orange", mark("guessed: check")),
    "missing": ("red", mark("to fill")),
}
ORIGIN_HELP = {
    "found": mark("Found in the article."),
    "guessed": mark("Guessed: check it."),
    "missing": mark("Not in the article."),
}
# A problem's field as the desk names it (a field not here is shown as its own name).
FIELD_NAMES = {
    "source": mark("Source entry"),
    "new_places": mark("New place"),
    "record": mark("Record"),
    "id": mark("Record id"),
    "title": mark("Title"),
    "summary": mark("Summary"),
    "jurisdiction": mark("Jurisdiction"),
    "places": mark("Places"),
    "actor": mark("Actor"),
    "action_type": mark("Action type"),
    "topics": mark("Topics"),
    "date": mark("Date"),
    "date_precision": mark("Date precision"),
    "events": mark("Events"),
    "provisions": mark("Provisions"),
    "evidence": mark("Evidence"),
    "sources": mark("Sources"),
    "verification": mark("Verification"),
    "notes": mark("Notes"),
    "last_verified": mark("Last verified"),
    "curation": mark("Curation"),
}
# The schema's values as the pickers show them (the record keeps the value itself).
EVENT_WORDS = {
    "threatened": mark("threatened"),
    "announced": mark("announced"),
    "filed": mark("filed"),
    "signed": mark("signed"),
    "effective": mark("effective"),
    "challenged": mark("challenged"),
    "blocked": mark("blocked"),
    "expired": mark("expired"),
    "rescinded": mark("rescinded"),
}
REQUIREMENT_WORDS = {
    "requires": mark("requires"),
    "prohibits": mark("prohibits"),
    "urges": mark("urges"),
    "permits": mark("permits"),
}
SAVED = "_desk_saved"  # session_state: the files the last save wrote (shown after the rerun that reloads the store)


def request_host() -> str | None:
    """The Host the browser asked for (None outside a browser request)."""
    return st.context.headers.get("host")


def server_address() -> str | None:
    """The address the server listens on (None: every interface)."""
    return st.get_option("server.address")


def mode() -> save.Mode:
    return save.curator_mode(os.environ, request_host(), os.environ.get(SNAPSHOT_ENV), server_address())


def origin_badge(origin: Mapping[str, str], name: str) -> str:
    """Where field `name` came from, as a Markdown badge: ':green-badge[found in the text]' (a badge, not coloured
    caption text: Streamlit dims captions, and coloured text dimmed falls under WCAG's 4.5:1)."""
    colour, words = ORIGIN_BADGE[origin.get(name, "missing")]
    return f":{colour}-badge[{tr(words)}]"


def word(table: Mapping[str, str], value: object) -> str:
    """A schema value in this run's language; a value the table lacks, as itself."""
    text = str(value)
    return tr(table[text]) if text in table else text


def translated(table: Mapping[str, str]) -> dict[str, str]:
    """A table of marked words, in this run's language."""
    return {value: tr(text) for value, text in table.items()}


def shown(words: Mapping[str, str]) -> Callable[[object], str]:
    """A picker's format_func over words worked out in this run (Streamlit may call it after the run, where
    another language is current); a value without words, as itself."""
    return lambda value: words.get(str(value), str(value))


def _verification_words(key: str) -> str:
    """'Reported (one news report)': the level and what it means."""
    return tr(
        "{label} ({definition})", label=tr(VERIFICATION_LABELS[key]), definition=tr(VERIFICATION_DEFINITIONS[key])
    )


def _in_language(link: str, v: state.PageRun) -> str:
    """A relative link that keeps the language the view was asked in (a link starts a new session, which would
    otherwise take the browser's)."""
    if not v.view.lang:
        return link
    return f"{link}{'&' if '?' in link else '?'}{urlencode({'lang': v.view.lang})}"


def source_form(token: int, source: SourceDraft, store: Store) -> dict:
    """The source entry, each field marked with where it came from; returns the entry as the registry spells it."""
    with st.container(border=True):
        st.markdown("##### " + tr("Source"))
        st.caption(
            tr("The article as the registry will cite it. We do not keep its text, so evidence is in our words.")
        )
        left, right = st.columns(2)
        entry = source.entry()
        with left:
            entry["outlet"] = st.text_input(
                tr("Outlet"), source.outlet or "", key=f"desk{token}_src_outlet", help=_origin(source.origin, "outlet")
            )
            st.markdown(origin_badge(source.origin, "outlet"))
            entry["title"] = st.text_input(
                tr("Headline"), source.title or "", key=f"desk{token}_src_title", help=_origin(source.origin, "title")
            )
            st.markdown(origin_badge(source.origin, "title"))
        with right:
            url = st.text_input(tr("Address (URL)"), source.url or "", key=f"desk{token}_src_url")
            st.markdown(origin_badge(source.origin, "url"))
            low, high = DATE_RANGE
            published = st.date_input(
                tr("Published"),
                value=source.published,
                min_value=low,
                max_value=high,
                format="YYYY-MM-DD",
                key=f"desk{token}_src_published",
            )
            st.markdown(origin_badge(source.origin, "published"))
        entry["id"] = st.text_input(tr("Source id"), source.id, key=f"desk{token}_src_id")
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
        problems_slot.error(
            tr("**{field}**: {problems}", field=md(tr(FIELD_NAMES[check.SOURCE])), problems=md("; ".join(messages))),
            icon=":material/error:",
        )
    return entry


def _origin(origin: Mapping[str, str], name: str) -> str:
    return tr(ORIGIN_HELP[origin.get(name, "missing")])


def editor(token: int, p: Proposal, source: dict, v: state.PageRun, curator: save.Mode) -> None:
    """One draft as a form: every field with the codebook's pickers, its problems beside it, then save."""
    store = v.store
    key = f"desk{token}_{p.number}"
    saved = st.session_state.get(f"{key}_saved")
    if saved:
        with st.container(border=True):
            st.markdown(f"#### {p.number}\\. " + tr("Saved as {file}", file=md(saved)))
            st.page_link(
                st.session_state["_pages"]["timeline"], label=tr("See it on the Timeline"), icon=":material/timeline:"
            )
        return
    names = store.labels.names
    extra = st.session_state.setdefault(f"{key}_places", list(p.new_places))
    place_names = {**names["place"], **{e["id"]: tr("{name} (new)", name=e["name"]) for e in extra}}
    place_ids = [*store.labels.choices["place"], *(e["id"] for e in extra if e["id"] not in names["place"])]
    r = p.record
    event_words, precision_words = shown(translated(EVENT_WORDS)), shown(translated(highlight.PRECISION_WORDS))
    with st.container(border=True):
        kind = names["type"].get(r["action_type"], r["action_type"])
        where = place_names.get(r["jurisdiction"], r["jurisdiction"])
        st.markdown(f"#### {p.number}\\. {md(kind)} · {md(word(EVENT_WORDS, p.draft.event))} · {md(where)}")
        record: dict = {}
        slots: dict[str, Any] = {}  # where each field's problems go, filled once the whole record is checked
        record["id"] = st.text_input(tr("Record id (the file name)"), r["id"], key=f"{key}_id")
        slots["id"] = st.empty()
        record["title"] = st.text_input(tr("Title of the record"), r["title"], key=f"{key}_title")
        _badge(p, "title")
        slots["title"] = st.empty()
        record["summary"] = st.text_area(
            tr("Summary, in our own words"),
            r.get("summary", ""),
            key=f"{key}_summary",
            placeholder=tr("What the article reports this action does, in two or three sentences of our own."),
        )
        slots["summary"] = st.empty()
        left, right = st.columns(2)
        with left:
            jurisdiction = r["jurisdiction"] if r["jurisdiction"] in place_ids else None
            record["jurisdiction"] = st.selectbox(
                tr("Acting government"),
                place_ids,
                index=place_ids.index(jurisdiction) if jurisdiction else None,
                format_func=lambda i: place_names.get(i, i),
                key=f"{key}_jurisdiction",
                placeholder=tr("Choose the government that acted"),
            )
            _badge(p, "jurisdiction")
            slots["jurisdiction"] = st.empty()
            record["places"] = st.multiselect(
                tr("Places it affects"),
                place_ids,
                default=[x for x in r.get("places", []) if x in place_ids],
                format_func=lambda i: place_names.get(i, i),
                key=f"{key}_places_picked",
            )
            slots["places"] = st.empty()
            _new_place(key, extra)
            record["actor"] = st.text_input(tr("Actor (office and person)"), r["actor"], key=f"{key}_actor")
            slots["actor"] = st.empty()
        with right:
            types = list(store.labels.choices["type"])
            record["action_type"] = st.selectbox(
                tr("Type of action"),
                types,
                index=types.index(r["action_type"]) if r["action_type"] in types else 0,
                format_func=lambda t: names["type"].get(t, t),
                key=f"{key}_type",
            )
            record["topics"] = st.multiselect(
                tr("Topics"),
                list(store.labels.choices["topic"]),
                default=[t for t in r.get("topics", []) if t in names["topic"]],
                format_func=lambda t: names["topic"].get(t, t),
                key=f"{key}_topics",
            )
            slots["topics"] = st.empty()
            low, high = DATE_RANGE
            record["date"] = st.date_input(
                tr("Date of the action"),
                value=r.get("date"),
                min_value=low,
                max_value=high,
                format="YYYY-MM-DD",
                key=f"{key}_date",
            )
            st.caption(md(highlight.date_line(p.draft)))
            st.markdown(origin_badge(p.origin, "date"))
            slots["date"] = st.empty()
            record["date_precision"] = st.selectbox(
                tr("Date precision"),
                PRECISIONS,
                index=PRECISIONS.index(r.get("date_precision", "day")),
                format_func=precision_words,
                key=f"{key}_precision",
                help=tr("A week is named by its Monday, a month by its first day."),
            )
            first = proposal.first_event(r)
            happened = st.selectbox(
                tr("What happened on that date"),
                EVENT_TYPES,
                index=EVENT_TYPES.index(first.get("type", p.draft.event)),
                format_func=event_words,
                key=f"{key}_event",
            )
        note = st.text_input(tr("How the date was fixed"), first.get("note") or "", key=f"{key}_event_note")
        first = {"type": happened, "date": record["date"], "date_precision": record["date_precision"]}
        first |= {"source": source["id"], **({"note": note.strip()} if note.strip() else {})}
        st.markdown(tr("**Later events** (effective, challenged, blocked, rescinded …; one row each)"))
        events = st.data_editor(
            pd.DataFrame(proposal.event_rows(r), columns=list(proposal.EVENT_COLUMNS)),
            key=f"{key}_events",
            num_rows="dynamic",
            width="stretch",
            column_config={
                "type": st.column_config.SelectboxColumn(
                    tr("Event"), options=EVENT_TYPES, required=True, format_func=event_words
                ),
                "date": st.column_config.DateColumn(tr("Date"), format="YYYY-MM-DD", required=True),
                "date_precision": st.column_config.SelectboxColumn(
                    tr("Precision"), options=PRECISIONS, format_func=precision_words
                ),
                "note": st.column_config.TextColumn(tr("How the date was fixed")),
            },
        )
        record["events"] = proposal.events_of(first, events.to_dict("records"), source["id"])
        slots["events"] = st.empty()
        st.markdown(tr("**Provisions** (who must do what; write the text and its evidence in our own words)"))
        provisions = st.data_editor(
            pd.DataFrame(proposal.provision_rows(p), columns=[*proposal.PROVISION_COLUMNS, "evidence", "article"]),
            key=f"{key}_provisions",
            num_rows="dynamic",
            width="stretch",
            column_config={
                "id": st.column_config.TextColumn(tr("Id")),
                "text": st.column_config.TextColumn(tr("What it requires (our words)"), width="large"),
                "applies_to": st.column_config.TextColumn(tr("Applies to")),
                "requirement": st.column_config.SelectboxColumn(
                    tr("Requirement"), options=REQUIREMENTS, format_func=shown(translated(REQUIREMENT_WORDS))
                ),
                "topics": st.column_config.MultiselectColumn(
                    tr("Topics"),
                    options=list(store.labels.choices["topic"]),
                    format_func=lambda t: names["topic"].get(t, t),
                ),
                "evidence": st.column_config.TextColumn(tr("Evidence (our paraphrase)"), width="large"),
                "article": st.column_config.TextColumn(tr("The article says"), disabled=True, width="large"),
            },
        )
        record["provisions"] = proposal.provisions_from_rows(provisions.to_dict("records"), source["id"])
        slots["provisions"] = st.empty()
        record["evidence"] = _evidence(key, p, source["id"])
        record["sources"] = [source["id"]]
        record["verification"] = st.radio(
            tr("How well it is established"),
            VERIFICATIONS,
            index=VERIFICATIONS.index(r.get("verification") or "reported"),
            format_func=shown({k: _verification_words(k) for k in VERIFICATIONS}),
            key=f"{key}_verification",
            horizontal=True,
        )
        record["notes"] = st.text_area(
            tr("Notes (caveats, how facts were fixed)"), r.get("notes", ""), key=f"{key}_notes"
        )
        record["last_verified"] = clock.today()
        record = {k: val for k, val in record.items() if val not in (None, "", []) or k in ("summary", "provisions")}
        if not record["provisions"]:
            del record["provisions"]
        _checks_and_save(key, p, record, source, extra, v, curator, slots)


def _badge(p: Proposal, name: str) -> None:
    st.markdown(origin_badge(p.origin, name))


def _new_place(key: str, extra: list[dict]) -> None:
    """A place the codebook lacks, from the gazetteer: it joins the pickers and is saved with the record."""
    with st.popover(tr("Add a place from the gazetteer"), icon=":material/add_location:"):
        text = st.text_input(tr("City and state"), key=f"{key}_gaz", placeholder="Evanston, IL")
        if st.button(tr("Add"), key=f"{key}_gaz_add") and text:
            entry = proposal.gazetteer_place(text)
            if entry is None:
                st.error(md(tr("No city named {name} in the gazetteer (write it as 'City, ST').", name=repr(text))))
            elif all(e["id"] != entry["id"] for e in extra):
                extra.append(entry)
                st.rerun()


def _evidence(key: str, p: Proposal, source_id: str) -> list[dict]:
    """The article's sentences behind the draft, each with room for our paraphrase (optional)."""
    out = []
    if p.sentences:
        st.markdown(tr("**Evidence** (optional; the sentences are marked in the article)"))
    for i, sentence in enumerate(p.sentences):
        st.caption(tr("The article says: {sentence}", sentence=md(sentence)))
        words = st.text_input(
            tr("Evidence {number} in our words", number=i + 1),
            key=f"{key}_evidence_{i}",
            placeholder=tr("Paraphrase, do not quote."),
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
        label = tr(FIELD_NAMES[name]) if name in FIELD_NAMES else name.replace("_", " ").capitalize()
        if name == check.SOURCE:  # shown in full in the source form above, once for every draft
            messages = [tr("fix the source entry above before saving")]
        box = slots.get(name) or st  # at its field when it has one; a rule across fields below them all
        box.error(
            tr("**{field}**: {problems}", field=md(label), problems=md("; ".join(messages))), icon=":material/error:"
        )
    for dup in duplicates.find(store, record, source):
        link = _in_language(f"{page_path('requirements')}?policy={dup.id}", v)
        existing = f"data/actions/{dup.id}.yaml"
        st.warning(
            tr(
                "Possible duplicate: {title} ({date}, {reason}). [Open it]({link}) and add an event to it instead "
                "of a new record if it is the same action.",
                title=md(dup.title),
                date=md(i18n.format_day(dup.date)),
                reason=md(dup.reason),
                link=link,
            ),
            icon=":material/content_copy:",
        )
        with st.expander(tr("Add this as an event of {id} instead", id=dup.id), icon=":material/playlist_add:"):
            st.caption(
                md(
                    tr(
                        "Add these entries to the lists of the same name in {file} (events in date order), and the "
                        "source entry to data/sources.yaml; then run python -m policies validate.",
                        file=existing,
                    )
                )
            )
            st.code(duplicates.as_event(record), language="yaml")
    curation = proposal.curation(p, record, clock.today())
    text = save.record_file(record, curation)
    valid = not [x for x in problems if x.severity == "error"]
    if valid:
        st.success(tr("This record validates."), icon=":material/check_circle:")
    if curator.on:
        target = f"data/actions/{record.get('id', '')}.yaml"
        clicked = st.button(
            md(tr("Save to {file}", file=target)),  # the id is typed: text, never markup
            key=f"{key}_save",
            type="primary",
            disabled=not valid,
            icon=":material/save:",
        )
        if clicked:
            try:
                written = save.save(store, paths.data_dir(), record, curation, source, needed)
            except (save.SaveError, OSError) as exc:
                st.error(md(tr("Not saved: {error}", error=exc)), icon=":material/error:")
            else:
                st.session_state[SAVED] = {"id": record["id"], "files": [str(w) for w in written]}
                st.session_state[f"{key}_saved"] = f"data/actions/{record['id']}.yaml"
                state.reload_store()
                st.rerun()
    else:
        left, right = st.columns(2)
        left.download_button(
            tr("Download the record (YAML)"),
            text,
            file_name=f"{record.get('id') or tr('record')}.yaml",
            mime="application/x-yaml",
            disabled=not valid,
            on_click="ignore",
            key=f"{key}_download",
            icon=":material/download:",
            width="stretch",
        )
        right.download_button(
            tr("Download the registry entries"),
            save.registry_entries(source, needed),
            file_name=tr("{name}-entries.yaml", name=record.get("id") or tr("record")),
            mime="application/x-yaml",
            on_click="ignore",
            key=f"{key}_entries",
            icon=":material/download:",
            width="stretch",
        )


def saved_notice(v: state.PageRun) -> None:
    """After a save: what was written, and where to see it."""
    saved = st.session_state.pop(SAVED, None)
    if saved:
        st.success(
            tr(
                "Saved {id}: {files} · [See it on the Timeline]({link})",
                id=md(saved["id"]),
                files=md(", ".join(saved["files"])),
                link=_in_language(page_path("timeline") or "./", v),
            ),
            icon=":material/check_circle:",
        )
