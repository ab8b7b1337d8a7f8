"""The review desk's library: source prefill, proposals, live checks, duplicates, curator mode and saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml
from trees import tracker_tree

from policies.curate import check, duplicates, proposal, save
from policies.extract import drafts, extract
from policies.extract.source import headline, outlet_of, prefill, signed_outlet
from policies.store import load

ARTICLE = """Denver council passes ordinance barring masked federal agents
By Ana Ruiz, Staff Writer
Published Oct. 14, 2025

DENVER — The Denver City Council on Monday passed an ordinance that prohibits federal agents from wearing masks
while conducting immigration enforcement on city property. The measure requires agents to display their names.

Council member Joe Park said the vote was overdue.

The post Denver council passes ordinance barring masked federal agents appeared first on Colorado Newsline.
"""


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    return tracker_tree(tmp_path / "data")


@pytest.fixture()
def store(tree: Path):
    return load(tree, use_cache=False)


def _proposals(store, text: str = ARTICLE, url: str | None = None, published: dt.date | None = None):
    extraction = extract(text, "denver.txt", published or dt.date(2025, 10, 14))
    return proposal.propose(extraction, drafts.known_jurisdictions(store.jurisdictions), url=url)


def _finished(p: proposal.Proposal) -> dict:
    """What a curator does to a fresh draft: a summary, each provision's evidence in our own words, and the
    topics the extractor could not name."""
    record = dict(p.record)
    record["summary"] = "The council adopted an ordinance on masks and names of federal agents."
    record["provisions"] = [
        {
            **prov,
            "topics": prov["topics"] or ["identification"],
            "evidence": [{**prov["evidence"][0], "paraphrase": "The article reports this provision."}],
        }
        for prov in record.get("provisions", [])
    ]
    return record


# --- the source entry ----------------------------------------------------------------------------------------


def test_the_outlet_a_page_signs_is_found_and_an_address_gives_a_guess() -> None:
    assert signed_outlet(ARTICLE) == "Colorado Newsline"
    assert signed_outlet("CHICAGO (AP) — The governor said") == "Associated Press"
    assert signed_outlet("Copyright 2026 The Tribune. All rights reserved.") == "The Tribune"
    assert signed_outlet("No outlet named here.") is None
    assert outlet_of("https://www.chicagotribune.com/2025/10/06/x/") == "Chicago Tribune"
    assert outlet_of("https://news.example.org/a") == "news.example.org"


def test_the_headline_is_the_first_line_that_reads_like_one() -> None:
    assert headline(ARTICLE) == "Denver council passes ordinance barring masked federal agents"
    assert headline("By Jo Lee\nCity passes a rule on masks today\nBody.") == "City passes a rule on masks today"
    assert headline("The council met on Monday and voted.\nMore text") is None


def test_prefill_marks_each_field_found_guessed_or_missing() -> None:
    article = extract(ARTICLE, "denver.txt").article
    source = prefill(article, "article-denver")
    assert (source.outlet, source.origin["outlet"]) == ("Colorado Newsline", "found")
    assert source.origin["title"] == "guessed" and source.origin["url"] == "missing"
    assert source.published == dt.date(2025, 10, 14) and source.origin["published"] == "found"
    unsigned = ARTICLE.replace("The post", "The story")
    given = prefill(extract(unsigned, "d.txt").article, "article-d", "https://www.denverpost.com/2025/10/14/masks/")
    assert (given.outlet, given.origin["outlet"]) == ("The Denver Post", "guessed") or given.outlet == "denverpost.com"
    assert given.url == "https://www.denverpost.com/2025/10/14/masks/" and given.origin["url"] == "found"
    assert prefill(article, "x", "not a url").url is None


# --- proposals and live checks ---------------------------------------------------------------------------------


def test_a_proposal_is_the_draft_as_an_editable_record_with_its_new_places(store) -> None:
    source, proposals = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    assert source.id == "article-denver-masks-ordinance"
    (p,) = proposals
    r = p.record
    assert r["action_type"] == "law" and r["date"] == dt.date(2025, 10, 13) and r["jurisdiction"] == "us-co-denver"
    assert r["sources"] == [source.id] and all(e["source"] == source.id for e in r["events"])
    assert "draft" not in r and r["evidence"] == [] and p.sentences  # sentences shown, not saved as quotes
    assert p.origin["date"] == "found" and p.origin["summary"] == "missing"
    ids = [e["id"] for e in p.new_places]
    assert ids == ["us-co", "us-co-denver"]  # the state a new city sits in comes with it
    assert p.new_places[1]["geonameid"] == 5419384 and p.new_places[1]["parent"] == "us-co"


def test_a_fresh_draft_names_what_is_left_to_do_at_each_field(store) -> None:
    source, (p,) = _proposals(store)
    grouped = check.by_field(check.check(store, p.record, source.entry(), p.new_places))
    assert set(grouped) == {"source", "summary", "provisions"}
    assert grouped["summary"] == ["is empty: write at least 10 characters"]
    assert grouped["provisions"][0].startswith("provision 1 › evidence 1 › paraphrase: is empty")
    assert "url or a seed" in grouped["source"][0]


def test_what_passes_the_desk_loads_in_the_store_without_a_problem(store, tree: Path) -> None:
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    record, entry = _finished(p), source.entry()
    assert check.check(store, record, entry, p.new_places) == []
    written = save.save(store, tree, record, proposal.curation(p, record, dt.date(2026, 12, 1)), entry, p.new_places)
    assert [w.name for w in written] == ["sources.yaml", "jurisdictions.yaml", f"{record['id']}.yaml"]
    reloaded = load(tree, use_cache=False)
    assert reloaded.errors == () and record["id"] in set(reloaded.actions["id"])
    saved = yaml.safe_load((tree / "actions" / f"{record['id']}.yaml").read_text())
    assert saved["curation"]["from_draft"] is True and "summary" in saved["curation"]["changed"]
    assert "date" in saved["curation"]["kept"] and "action_type" in saved["curation"]["kept"]
    assert (tree / "sources.yaml").read_text().startswith("# Sources registry")  # its comments are kept


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"jurisdiction": "us-zz-nowhere"}, "jurisdiction", "unknown jurisdiction"),
        ({"topics": ["masks", "no-such-topic"]}, "topics", "unknown topic"),
        ({"date": dt.date(2025, 10, 20)}, "date", "matches none of the events"),
        ({"date_precision": "month"}, "record", "first of its month"),
        ({"id": "Bad Id!"}, "id", "lower-case words joined by hyphens"),
        ({"title": ""}, "title", "is empty"),
    ],
)
def test_each_mistake_is_reported_at_its_field_in_plain_words(store, change, field, words) -> None:
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    record = {**_finished(p), **change}
    grouped = check.by_field(check.check(store, record, source.entry(), p.new_places))
    assert field in grouped and any(words in m for m in grouped[field]), grouped


def test_an_id_already_taken_or_a_source_id_for_another_address_is_refused(store) -> None:
    taken = store.actions["id"].iloc[0]
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    grouped = check.by_field(check.check(store, {**_finished(p), "id": taken}, source.entry(), p.new_places))
    assert any("already exists" in m for m in grouped["id"])
    other = {**source.entry(), "id": store.sources["id"].iloc[-1]}
    grouped = check.by_field(check.check(store, _finished(p), other, p.new_places))
    assert any("another address" in m for m in grouped["source"])


def test_a_place_from_the_gazetteer_is_a_codebook_entry_with_its_geonames_id() -> None:
    entry = proposal.gazetteer_place("Evanston, IL")
    assert entry == {
        "id": "us-il-evanston",
        "name": "Evanston, Illinois",
        "level": "city",
        "parent": "us-il",
        "state": "IL",
        "geonameid": entry["geonameid"],
    }
    assert isinstance(entry["geonameid"], int)
    assert proposal.gazetteer_place("Evanston, Illinois") == entry
    assert proposal.gazetteer_place("Nowhereville, IL") is None and proposal.gazetteer_place("Evanston") is None


def test_table_rows_become_provisions_and_events_and_blank_rows_are_not_kept() -> None:
    rows = pd.DataFrame(
        [
            {"id": "a", "text": "Agents must show names.", "applies_to": "Agents", "requirement": "requires",
             "topics": ["identification"], "evidence": " It requires names. ", "article": "x"},
            {"id": None, "text": float("nan"), "applies_to": "", "requirement": None, "topics": None,
             "evidence": None, "article": None},
        ]
    ).to_dict("records")  # fmt: skip
    (prov,) = proposal.provisions_from_rows(rows, "src")
    assert prov["evidence"] == [{"source": "src", "paraphrase": "It requires names."}] and "article" not in prov
    events = pd.DataFrame(
        [{"type": "signed", "date": pd.Timestamp("2025-10-13"), "date_precision": None, "note": None}, {}]
    ).to_dict("records")
    assert proposal.events_from_rows(events, "src") == [
        {"type": "signed", "date": dt.date(2025, 10, 13), "date_precision": "day", "source": "src"}
    ]


def test_curation_lists_the_fields_kept_and_the_fields_changed(store) -> None:
    _, (p,) = _proposals(store)
    record = {**_finished(p), "title": "Denver bars masked agents"}
    block = proposal.curation(p, record, dt.date(2026, 12, 1))
    assert {"title", "summary", "provisions"} <= set(block["changed"])
    assert {"jurisdiction", "action_type", "date", "events"} <= set(block["kept"])
    assert not set(block["kept"]) & set(block["changed"])
    assert proposal.curation(None, record, dt.date(2026, 12, 1)) == {
        "from_draft": False,
        "curated": dt.date(2026, 12, 1),
    }


# --- duplicates ------------------------------------------------------------------------------------------------


def test_possible_duplicates_same_government_and_type_within_a_week_or_the_same_source(store) -> None:
    row = store.actions.iloc[0]
    day = row["date"].date()
    near = {"jurisdiction": row["jurisdiction"], "action_type": row["action_type"], "date": day + dt.timedelta(days=3)}
    found = duplicates.find(store, near)
    assert row["id"] in [d.id for d in found] and "3 days apart" in found[0].reason
    far = {**near, "date": day + dt.timedelta(days=duplicates.WINDOW_DAYS + 1)}
    assert row["id"] not in [d.id for d in duplicates.find(store, far)]
    other_type = {**near, "action_type": "deployment" if row["action_type"] != "deployment" else "law"}
    cited = store.citations.loc[store.citations["action_id"] == row["id"], "source"].iloc[0]
    url = store.sources.set_index("id").loc[cited, "url"]
    if isinstance(url, str):
        by_url = duplicates.find(store, other_type, {"id": "something-new", "url": url + "/"})
        assert any(d.id == row["id"] and d.reason == "cites the same source" for d in by_url)
    by_id = duplicates.find(store, other_type, {"id": cited})
    assert any(d.id == row["id"] for d in by_id)


# --- curator mode and saving -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "host", "snapshot", "on"),
    [
        ({}, "localhost:8501", None, False),
        ({"POLICIES_CURATOR": "1"}, "localhost:8501", None, True),
        ({"POLICIES_CURATOR": "yes"}, "127.0.0.1:8501", None, True),
        ({"POLICIES_CURATOR": "1"}, "[::1]:8501", None, True),
        ({"POLICIES_CURATOR": "1"}, "tracker.example.org", None, False),
        ({"POLICIES_CURATOR": "1"}, "localhost.example.org:8501", None, False),
        ({"POLICIES_CURATOR": "1"}, None, None, False),
        ({"POLICIES_CURATOR": "1"}, "localhost:8501", "/srv/snapshot.pkl", False),
        ({"POLICIES_CURATOR": "0"}, "localhost", None, False),
    ],
)
def test_curator_mode_is_an_opt_in_for_local_requests_only(env, host, snapshot, on) -> None:
    mode = save.curator_mode(env, host, snapshot)
    assert mode.on is on and mode.reason


@pytest.mark.parametrize(
    ("listening", "on"), [("127.0.0.1", True), ("localhost", True), (None, False), ("0.0.0.0", False), ("", False)]
)
def test_curator_mode_needs_a_server_only_this_machine_can_reach(listening, on) -> None:
    mode = save.curator_mode({"POLICIES_CURATOR": "1"}, "localhost:8501", None, listening)
    assert mode.on is on and (on or "listens beyond this machine" in mode.reason)


@pytest.mark.parametrize("bad", ["../escape", "a/b", "..", "", "UPPER", "x" * 121, "ok-id/../../etc"])
def test_ids_that_could_leave_the_actions_folder_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(save.SaveError):
        save.target(tmp_path, bad)
    assert save.target(tmp_path, "us-co-denver-law-2025-10-13").parent == (tmp_path / "actions").resolve()


def test_saving_never_overwrites_and_an_invalid_record_writes_nothing(store, tree: Path) -> None:
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    before = {f: f.read_bytes() for f in tree.rglob("*.yaml")}
    with pytest.raises(save.SaveError, match="does not validate"):
        save.save(store, tree, p.record, {"from_draft": True}, source.entry(), p.new_places)
    assert {f: f.read_bytes() for f in tree.rglob("*.yaml")} == before
    record = _finished(p)
    target = tree / "actions" / f"{record['id']}.yaml"
    target.write_text("# a curator's own file\n")
    with pytest.raises(save.SaveError, match="never overwritten"):
        save.save(store, tree, record, {"from_draft": True}, source.entry(), p.new_places)
    assert target.read_text() == "# a curator's own file\n"


def test_the_downloaded_files_are_the_saved_ones(store) -> None:
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    record = _finished(p)
    text = save.record_file(record, {"from_draft": True, "kept": [], "changed": ["summary"]})
    assert yaml.safe_load(text)["id"] == record["id"] and text.rstrip().endswith("- summary")
    entries = save.registry_entries(source.entry(), p.new_places)
    assert "# append to data/sources.yaml" in entries and "us-co-denver" in entries


def test_the_kept_report_counts_fields_kept_and_changed_over_saved_records(store, tree: Path) -> None:
    from policies.curate.report import kept_report

    before = kept_report(tree)
    assert before.from_draft == 0 and before.unrecorded == before.records > 0 and before.overall() is None
    source, (p,) = _proposals(store, url="https://coloradonewsline.com/2025/10/14/denver-masks-ordinance/")
    record = {**_finished(p), "title": "Denver bars masked agents on city property"}
    save.save(store, tree, record, proposal.curation(p, record, dt.date(2026, 12, 1)), source.entry(), p.new_places)
    (tree / "actions" / "broken.yaml").write_text("id: [unclosed\n")
    after = kept_report(tree)
    assert (after.from_draft, after.unreadable, after.records) == (1, 1, before.records + 2)
    assert after.rate("title") == 0.0 and after.rate("date") == 1.0
    kept, changed = sum(after.kept.values()), sum(after.changed.values())
    assert after.overall() == kept / (kept + changed)
    assert any(line.strip().startswith("date") and "100% kept of 1" in line for line in after.lines())


def test_the_json_report_carries_the_prefilled_source_entry_and_each_fields_origin() -> None:
    import json

    extraction = extract(ARTICLE, "denver.txt")
    report = json.loads(drafts.to_json(extraction, {}, "https://coloradonewsline.com/2025/10/14/x/"))
    entry = report["source"]["entry"]
    assert entry["outlet"] == "Colorado Newsline" and entry["published"] == "2025-10-14" and entry["quotable"] is False
    assert report["source"]["origin"]["outlet"] == "found"
    assert report["actions"][0]["origin"]["date"] == "found"
    header = drafts.to_yaml(extraction, {}).split("---", 1)[0]
    assert "#     outlet: Colorado Newsline\n" in header and "guessed: check it" in header  # the headline is a guess


ARTICLES = sorted((Path(__file__).parents[1] / "benchmarks" / "extraction").glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_every_proposal_validates_once_the_curator_fills_what_it_names_as_missing(store, article: Path) -> None:
    """A proposal's only problems are the fields the desk marks for the curator (summary, provision evidence,
    topics or a date the article did not give): whatever the extractor filled in already passes the store."""
    extraction = extract(article.read_bytes(), article.name, dt.date(2026, 1, 15))
    source, proposals = proposal.propose(
        extraction, drafts.known_jurisdictions(store.jurisdictions), url="https://example.org/news/article-x"
    )
    for p in proposals:
        record = _finished(p)
        record["topics"] = record["topics"] or ["litigation"]
        if record.get("date") is None:
            record["date"] = dt.date(2026, 1, 2)
            record["events"] = [{**e, "date": dt.date(2026, 1, 2)} for e in record["events"]]
        problems = check.check(store, record, source.entry(), p.new_places)
        assert problems == [], (p.number, [str(x) for x in problems])


def test_the_events_are_the_one_on_the_actions_date_and_the_tables_in_date_order() -> None:
    first = {"type": "signed", "date": dt.date(2025, 10, 13), "date_precision": "day", "source": "src"}
    rows = [
        {"type": "effective", "date": pd.Timestamp("2025-11-01"), "date_precision": "day", "note": None},
        {"type": "announced", "date": pd.Timestamp("2025-10-10"), "date_precision": "day", "note": "a preview"},
    ]
    events = proposal.events_of(first, rows, "src")
    assert [e["type"] for e in events] == ["announced", "signed", "effective"]
    assert events[0]["note"] == "a preview" and all(e["source"] == "src" for e in events)
    undated = proposal.events_of({**first, "date": None}, rows[:1], "src")
    assert [e["type"] for e in undated] == ["effective", "signed"]  # the validator then asks for the date


def test_the_review_file_round_trip_saves_what_the_desk_would(store, tree: Path) -> None:
    """Proposals written to a file, edited as a curator would, checked, then saved with their curation."""
    from policies.curate import review

    extraction = extract(ARTICLE, "denver.txt", dt.date(2025, 10, 14))
    known = drafts.known_jurisdictions(store.jurisdictions)
    text = review.template(
        extraction, known, "https://coloradonewsline.com/2025/10/14/denver-masks/", dt.date(2026, 12, 1)
    )
    path = tree.parent / "review.yaml"
    path.write_text(text)
    edited = review.read(path)
    (row,) = review.checked(store, edited)
    assert any(m.startswith("summary: is empty") for m in row.problems)
    with pytest.raises(save.SaveError, match="review has problems"):
        review.save_all(store, tree, extraction, known, edited, dt.date(2026, 12, 1))
    entry = edited["records"][0]
    entry["record"] = _finished(proposal.Proposal(1, None, entry["record"], [], [], {}))  # type: ignore[arg-type]
    extra = {"draft": None, "keep": True, "record": {**entry["record"], "id": "us-co-denver-law-2025-10-13-b"}}
    edited["records"] += [extra, {"draft": 2, "keep": False, "record": {}}]
    path.write_text(yaml.safe_dump(edited, sort_keys=False))
    rows = review.checked(store, review.read(path))
    assert [r.problems for r in rows] == [[], []] and [r.number for r in rows] == [1, None]
    written = review.save_all(store, tree, extraction, known, review.read(path), dt.date(2026, 12, 1))
    assert [w.name for w in written][-1] == "us-co-denver-law-2025-10-13-b.yaml"
    reloaded = load(tree, use_cache=False)
    assert reloaded.errors == () and {"us-co-denver-law-2025-10-13", "us-co-denver-law-2025-10-13-b"} <= set(
        reloaded.actions["id"]
    )
    by_hand = yaml.safe_load((tree / "actions" / "us-co-denver-law-2025-10-13-b.yaml").read_text())["curation"]
    assert by_hand == {"from_draft": False, "curated": dt.date(2026, 12, 1)}
    drafted = yaml.safe_load((tree / "actions" / "us-co-denver-law-2025-10-13.yaml").read_text())["curation"]
    assert "summary" in drafted["changed"] and "notes" not in drafted["kept"] + drafted["changed"]
    with pytest.raises(review.ReviewError):
        path.write_text("records: 3\n")
        review.read(path)


def test_a_federal_act_in_another_place_is_not_a_possible_duplicate(store) -> None:
    federal = store.actions[store.actions["jurisdiction"] == "us"].iloc[0]
    day = federal["date"].date()
    here = {"jurisdiction": "us", "action_type": federal["action_type"], "date": day,
            "places": federal["places"].split(", ")}  # fmt: skip
    assert federal["id"] in [d.id for d in duplicates.find(store, here)]
    elsewhere = {**here, "places": ["us-zz-somewhere-else"]}
    assert federal["id"] not in [d.id for d in duplicates.find(store, elsewhere)]


def test_rewording_an_events_note_keeps_the_event_but_changing_its_date_does_not(store) -> None:
    _, (p,) = _proposals(store)
    record = _finished(p)
    reworded = {
        **record,
        "events": [{**e, "note": "Our own words on how the date was fixed."} for e in record["events"]],
    }
    assert "events" in proposal.curation(p, reworded, dt.date(2026, 12, 1))["kept"]
    moved = {**record, "events": [{**e, "date": dt.date(2025, 10, 12)} for e in record["events"]]}
    assert "events" in proposal.curation(p, moved, dt.date(2026, 12, 1))["changed"]


def test_the_curate_command_writes_checks_and_saves_a_review(tree: Path, capsys) -> None:
    from policies.cli import main

    article = tree.parent / "denver.txt"
    article.write_text(ARTICLE)
    review_file = tree.parent / "review.yaml"
    args = ["curate", str(article), "--review", str(review_file), "--data-dir", str(tree)]
    url = ["--url", "https://coloradonewsline.com/2025/10/14/denver-masks/"]
    assert main([*args, *url]) == 0 and review_file.exists()
    assert main([*args, *url]) == 2  # an existing review is never overwritten
    assert main([*args, "--check"]) == 1 and "summary: is empty" in capsys.readouterr().out
    edited = yaml.safe_load(review_file.read_text())
    store_now = load(tree, use_cache=False)
    p = proposal.propose(extract(ARTICLE, str(article)), drafts.known_jurisdictions(store_now.jurisdictions))[1][0]
    edited["records"][0]["record"] = _finished(p) | {"sources": edited["records"][0]["record"]["sources"]}
    edited["records"][0]["record"]["events"] = [
        {**e, "source": edited["source"]["id"]} for e in edited["records"][0]["record"]["events"]
    ]
    for prov in edited["records"][0]["record"].get("provisions", []):
        prov["evidence"] = [{"source": edited["source"]["id"], "paraphrase": "The article reports this provision."}]
    review_file.write_text(yaml.safe_dump(edited, sort_keys=False))
    assert main([*args, "--check"]) == 0
    assert main([*args, "--save"]) == 0
    assert load(tree, use_cache=False).errors == ()
    assert main(["curate", "/no/such.txt", "--review", str(review_file)]) == 2  # unreadable: one line, exit 2


def test_the_registry_is_made_once_per_data_version(store) -> None:
    first = check.registry(store)
    assert check.registry(store) is first and set(first) == set(store.sources["id"])
