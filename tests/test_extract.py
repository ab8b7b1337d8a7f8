"""The extractor: reading articles, resolving dates, finding actions and provisions, drafts that validate.

Every article here is written for these tests (invented officials in real places), never copied.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from policies import store
from policies.extract import ArticleError, drafts, extract, parse_article
from policies.extract.dates import find_dates, is_action_date

TRACKER = Path(__file__).parent / "fixtures" / "tracker"

SUNDAY = dt.date(2025, 8, 31)
MONDAY = dt.date(2025, 9, 1)

DENVER = """date 2025-10-14
DENVER — Mayor Elena Ruiz of Denver signed an executive order on Monday barring city police from helping federal
agents with civil immigration arrests, a day after hundreds of residents rallied outside City Hall.

The order prohibits Denver police from joining immigration checkpoints and requires city agencies to report any
request for help from Immigration and Customs Enforcement within 24 hours. Under the order, federal agents may not
use city parking lots as staging areas.

Gov. Thomas Hale of Colorado said Tuesday that the state plans to sue if federal troops are sent to Denver.

The American Civil Liberties Union filed a lawsuit last week challenging the arrests. Council members will consider
a proposal next month that would ban masks for all officers. "We may march again," one organizer said.
"""


def _one(extraction, action_type):
    found = [d for d in extraction.actions if d.action_type == action_type]
    assert len(found) == 1, [(d.action_type, d.jurisdiction.id) for d in extraction.actions]
    return found[0]


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "published", "date", "precision"),
    [
        ("on Sunday", SUNDAY, SUNDAY, "day"),  # published on a Sunday: that same day
        ("on Sunday", MONDAY, SUNDAY, "day"),
        ("on Saturday", SUNDAY, dt.date(2025, 8, 30), "day"),
        ("last week", SUNDAY, dt.date(2025, 8, 18), "week"),  # the Monday of the week before
        ("earlier this month", dt.date(2025, 10, 14), dt.date(2025, 10, 1), "month"),
        ("last month", dt.date(2025, 10, 14), dt.date(2025, 9, 1), "month"),
        ("in early September", dt.date(2025, 10, 14), dt.date(2025, 9, 1), "month"),
        ("in November", dt.date(2025, 10, 14), dt.date(2024, 11, 1), "month"),  # the latest November before
        ("yesterday", MONDAY, SUNDAY, "day"),
        ("on Oct. 6", dt.date(2025, 10, 14), dt.date(2025, 10, 6), "day"),
        ("on Oct. 22", dt.date(2025, 10, 14), dt.date(2025, 10, 22), "day"),  # a hearing soon after: same year
        ("on Dec. 20", dt.date(2025, 10, 14), dt.date(2024, 12, 20), "day"),  # months ahead: last year's
        ("March 3, 2026", dt.date(2025, 10, 14), dt.date(2026, 3, 3), "day"),
        ("the 14th of September", dt.date(2025, 10, 14), dt.date(2025, 9, 14), "day"),
    ],
)
def test_dates_resolve_against_the_publication_date(phrase, published, date, precision) -> None:
    [mention] = find_dates(f"The council acted {phrase} after a long debate.", published)
    assert (mention.date, mention.precision) == (date, precision)


@pytest.mark.parametrize(
    "text",
    [
        "We may march to the capitol with 300 troops and 12 buses.",
        "Officers on Route 9 cited section 1983 and were told we will see.",
        "Protesters March toward the courthouse",
    ],
)
def test_words_and_numbers_that_look_like_dates_are_not_dates(text) -> None:
    assert find_dates(text, MONDAY) == []


def test_without_a_publication_date_relative_dates_stay_unresolved_but_absolute_ones_resolve() -> None:
    mentions = find_dates("It was signed on Sunday, after the vote last week, and took effect March 3, 2026.", None)
    assert [(m.text, m.date) for m in mentions] == [
        ("on Sunday", None),
        ("last week", None),
        ("March 3, 2026", dt.date(2026, 3, 3)),
    ]


def test_effective_dates_hearings_and_future_dates_are_not_the_actions_date() -> None:
    text = "The judge ruled on Oct. 9 and set a hearing for Oct. 22; the order takes effect Nov. 1."
    mentions = find_dates(text, dt.date(2025, 10, 10))
    assert [m.text for m in mentions if is_action_date(text, m)] == ["Oct. 9"]


# --- the article file ---------------------------------------------------------------------------


def test_date_line_gives_the_publication_date_and_is_not_body_text() -> None:
    article = parse_article(DENVER.encode(), "denver.txt")
    assert (article.published, article.published_from) == (dt.date(2025, 10, 14), "dateline")
    assert article.text[article.body_start :].startswith("DENVER")


def test_argument_wins_over_the_date_line_with_a_warning() -> None:
    article = parse_article(DENVER.encode(), "denver.txt", dt.date(2025, 10, 15))
    assert article.published == dt.date(2025, 10, 15) and article.published_from == "argument"
    assert any("date line says 2025-10-14" in w for w in article.warnings)


def test_published_line_in_words_is_a_date_line() -> None:
    article = parse_article("Published: October 14, 2025\n\nThe mayor signed an order.", "a.txt")
    assert article.published == dt.date(2025, 10, 14)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "a.txt: is empty"),
        (b"  \n\t\n", "a.txt: is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "a.txt: looks like a binary file"),
    ],
)
def test_unreadable_articles_raise_one_clear_message(raw, message) -> None:
    with pytest.raises(ArticleError, match=message):
        parse_article(raw, "a.txt")


def test_non_utf8_text_is_read_with_a_fallback_and_a_warning() -> None:
    article = parse_article("Mayor José Ortiz signed an executive order on Monday.".encode("cp1252"), "a.txt")
    assert "José" in article.text and article.encoding == "cp1252"
    assert any("not valid UTF-8" in w for w in article.warnings)


def test_utf16_text_with_a_byte_order_mark_is_read_and_said() -> None:
    article = parse_article("Mayor Ana Pike signed an executive order.".encode("utf-16"), "a.txt")
    assert article.text.startswith("Mayor Ana Pike") and any("UTF-16" in w for w in article.warnings)


def test_pasted_text_has_the_same_size_limit_as_a_file() -> None:
    with pytest.raises(ArticleError, match="too large for an article"):
        parse_article("The mayor signed. " * 200_000, "pasted text")


# --- actions ------------------------------------------------------------------------------------


def test_each_government_action_is_found_with_level_type_date_and_places() -> None:
    result = extract(DENVER, "denver.txt")
    order = _one(result, "executive-order")
    assert (order.jurisdiction.id, order.jurisdiction.level) == ("us-co-denver", "city")
    assert (order.date, order.date_precision, order.date_text) == (dt.date(2025, 10, 13), "day", "on Monday")
    assert order.actor.text == "Mayor Elena Ruiz"
    assert "police-cooperation" in order.topics
    suit = _one(result, "lawsuit")
    assert (suit.jurisdiction.id, suit.jurisdiction.level, suit.event) == ("us-co", "state", "threatened")
    assert suit.date == dt.date(2025, 10, 14) and suit.date_text == "Tuesday"
    assert "us-co-denver" in [p.id for p in suit.places]


def test_acts_of_private_groups_proposals_and_quotes_are_not_actions() -> None:
    result = extract(DENVER, "denver.txt")
    assert sorted(d.action_type for d in result.actions) == ["executive-order", "lawsuit"]
    assert all("ACLU" not in " ".join(d.evidence) and "proposal" not in " ".join(d.evidence) for d in result.actions)


def test_provisions_name_who_must_comply_and_keep_their_sentence() -> None:
    order = _one(extract(DENVER, "denver.txt"), "executive-order")
    got = {(p.requirement, p.applies_to) for p in order.provisions}
    assert ("prohibits", "Denver police") in got
    assert ("requires", "city agencies") in got
    assert ("prohibits", "federal agents") in got
    for p in order.provisions:
        assert p.evidence in DENVER.replace("\n", " ") or p.evidence in DENVER


def test_a_day_after_is_resolved_against_the_other_event() -> None:
    text = (
        "date 2025-09-02\nThe governor announced on Monday that state police will no longer hold people for ICE. "
        "Her statement came a day after Mayor Ana Pike of Boston signed an executive order limiting police help."
    )
    order = _one(extract(text, "a.txt"), "executive-order")
    assert (order.date, order.date_text) == (dt.date(2025, 8, 31), "a day after")


def test_an_opening_after_clause_dates_the_act_that_follows_it() -> None:
    text = (
        "date 2025-10-22\nFederal agents launched Operation River Gate on Saturday in Charlotte, N.C. "
        "A day after the operation began, Sheriff Tom Okafor of Mecklenburg County sent a directive telling deputies "
        "not to hold anyone for ICE."
    )
    directive = _one(extract(text, "a.txt"), "agency-directive")
    assert (directive.jurisdiction.level, directive.date) == ("county", dt.date(2025, 10, 19))


def test_an_act_dated_from_one_the_article_dates_later() -> None:
    text = (
        "date 2026-06-08\nIn a complaint filed three days after Varga signed the measure, the Justice Department "
        "sued Illinois over its new privacy law. The law was signed by Gov. Celeste Varga of Illinois on June 2."
    )
    suit = _one(extract(text, "a.txt"), "lawsuit")
    assert (suit.jurisdiction.id, suit.date) == ("us", dt.date(2026, 6, 5))


def test_two_officials_of_one_government_make_two_announcements() -> None:
    text = (
        "date 2025-09-01\nHomeland Security Secretary Rita Vale announced on Sunday that the agency plans to add "
        'agents in Denver, Colo. President Trump warned the mayor in a post to act quickly "or we\'re coming."'
    )
    announcements = [d for d in extract(text, "a.txt").actions if d.action_type == "announcement"]
    assert sorted(d.actor.text for d in announcements) == ["Homeland Security Secretary Rita Vale", "President Trump"]


def test_several_governments_in_one_sentence_are_several_actions() -> None:
    text = "Mayor Ana Pike of Boston and Gov. Ray Dunn of Massachusetts said on Friday they plan to sue the administration."
    result = extract(text, "a.txt", dt.date(2025, 9, 6))
    assert sorted((d.jurisdiction.id, d.action_type) for d in result.actions) == [
        ("us-ma", "lawsuit"),
        ("us-ma-boston", "lawsuit"),
    ]
    assert {d.date for d in result.actions} == {dt.date(2025, 9, 5)}


def test_no_publication_date_leaves_relative_dates_null_with_their_words() -> None:
    result = extract("Mayor Ana Pike of Boston signed an executive order on Sunday barring checkpoints.", "a.txt")
    order = _one(result, "executive-order")
    assert (order.date, order.date_text) == (None, "on Sunday")
    assert any("no publication date" in w for w in result.warnings)


def test_an_article_with_no_actions_says_so() -> None:
    result = extract("The weather in Chicago was mild on Sunday. Fans filled the stadium.", "a.txt", SUNDAY)
    assert result.actions == [] and any("no policy actions found" in w for w in result.warnings)


# --- real published pages: furniture, posts, and how reporting phrases acts ----------------------------------

PAGE = """NEWS | LOCAL GOVERNMENT

Salem council backs sheriff's ICE deal; mayor signs two orders

By Dana Whitlock, Staff Writer
Published Nov. 14, 2025 3:42 PM CST | 4 min read

SALEM, Ore. — The Marion County Board of Commissioners on Wednesday voted 3-2 to approve a 287(g) agreement that lets
jail deputies check the immigration status of people booked into the county jail.

Residents wait to speak before the board votes on Nov. 12. (Photo: Lee Park/Valley Ledger)

Mayor Ana Pike of Salem signed two executive orders on Thursday limiting what city departments share with federal
immigration agents. A proposal to bar agents from city parking lots failed on a 4-4 vote of the City Council.

    I have told every state agency: no state land will be used to stage civil immigration raids.
    — Gov. Rhea Tan (@GovRheaTan) November 10, 2025

Related:
- Judge orders release of two men held at Portland facility
- County sues over jail funding

Edited by Sam Ortiz
The post Salem council backs sheriff's ICE deal appeared first on Valley Ledger.
Sign up for our morning newsletter.
"""


def test_page_furniture_makes_no_actions_and_its_stamp_is_the_publication_date() -> None:
    article = parse_article(PAGE, "page.txt")
    assert (article.published, article.published_from) == (dt.date(2025, 11, 14), "dateline")
    result = extract(PAGE, "page.txt")
    evidence = " ".join(e for d in result.actions for e in d.evidence)
    for furniture in ("Judge orders release", "County sues over", "(Photo:", "appeared first on", "Edited by"):
        assert furniture not in evidence
    assert all(d.action_type != "court-order" for d in result.actions)


def test_a_council_approving_a_287g_agreement_is_a_law_and_a_failed_vote_is_not() -> None:
    laws = [d for d in extract(PAGE, "page.txt").actions if d.action_type == "law"]
    assert [(d.jurisdiction.level, d.date) for d in laws] == [("county", dt.date(2025, 11, 12))]


def test_two_orders_signed_together_are_two_actions() -> None:
    orders = [d for d in extract(PAGE, "page.txt").actions if d.action_type == "executive-order"]
    assert [(d.jurisdiction.id, d.date) for d in orders] == [("us-or-salem", dt.date(2025, 11, 13))] * 2


def test_a_second_order_signed_later_is_another_act() -> None:
    text = (
        "date 2025-10-17\nMayor Ann Pike of Boston signed an executive order on Thursday barring ICE from city "
        "buildings. Later Thursday, she signed a second executive order requiring city agencies to log requests."
    )
    orders = [d for d in extract(text, "a.txt").actions if d.action_type == "executive-order"]
    assert [d.date for d in orders] == [dt.date(2025, 10, 16)] * 2


def test_an_embedded_post_is_its_authors_act_dated_by_the_post() -> None:
    posted = [d for d in extract(PAGE, "page.txt").actions if d.jurisdiction.level == "state"]
    assert [(d.action_type, d.jurisdiction.id, d.date) for d in posted] == [
        ("agency-directive", "us-or", dt.date(2025, 11, 10))
    ] or [(d.jurisdiction.id, d.date) for d in posted] == [("us-or", dt.date(2025, 11, 10))]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published Nov. 14, 2025 3:42 PM CST", dt.date(2025, 11, 14)),
        ("Updated 4:12 p.m. CST Oct. 3, 2025", dt.date(2025, 10, 3)),
        ("Posted Oct 17, 2025 | Public Safety Desk", dt.date(2025, 10, 17)),
        ("Updated 6:40 p.m. MDT | 5 min read", None),  # a time with no date gives none
    ],
)
def test_a_pages_time_stamp_under_the_headline_is_its_publication_date(line, published) -> None:
    text = f"Headline about the mayor\n\nBy A. Writer\n{line}\n\nThe mayor signed an executive order on Monday."
    assert parse_article(text, "a.txt").published == published


def test_published_wins_over_updated() -> None:
    text = "Headline\nPublished Oct. 1, 2025 8:00 AM ET\nUpdated Oct. 3, 2025 9:12 AM ET\n\nThe mayor spoke."
    assert parse_article(text, "a.txt").published == dt.date(2025, 10, 1)


@pytest.mark.parametrize(
    ("sentence", "level", "action_type", "date"),
    [
        ("Minnesota sued the administration on Monday over the troop deployment.", "state", "lawsuit", "2025-10-13"),
        (
            "Gov. Rhea Tan activated 300 members of the Oregon National Guard on Tuesday.",
            "state",
            "deployment",
            "2025-10-14",
        ),
        (
            "A federal appeals court on Monday refused to stay the injunction, leaving the ban in place.",
            "federal",
            "court-order",
            "2025-10-13",
        ),
        (
            "The U.S. Court of Appeals for the 9th Circuit on Tuesday denied the government's request for a stay.",
            "federal",
            "court-order",
            "2025-10-14",
        ),
        (
            "In a memo dated Oct. 9, the acting director of ICE instructed field offices to make arrests at courthouses.",
            "federal",
            "agency-directive",
            "2025-10-09",
        ),
        (
            "Sheriff Lyle Brandt of Ada County on Monday ordered deputies to stop honoring ICE detainers.",
            "county",
            "agency-directive",
            "2025-10-13",
        ),
        ("The Boise City Council on Tuesday adopted a resolution opposing the raids.", "city", "law", "2025-10-14"),
        (
            "Fort Pierce commissioners on Monday approved a 287(g) agreement for city police.",
            "city",
            "law",
            "2025-10-13",
        ),
        (
            "Cobb County commissioners unanimously approved a 287(g) agreement Tuesday night.",
            "county",
            "law",
            "2025-10-14",
        ),
        (
            "The sheriff's office said Wednesday it has joined the 287(g) task force program.",
            "county",
            "agency-directive",
            "2025-10-15",
        ),
        (
            "The City Commission voted 3-2 Monday to rescind the city's sanctuary resolution.",
            "city",
            "law",
            "2025-10-13",
        ),
        (
            "Mayor Ana Pike of Boise announced on Friday that she had signed an executive order on Wednesday.",
            "city",
            "executive-order",
            "2025-10-15",
        ),
        (
            "Gov. Rhea Tan of Oregon signed a bill in December that bars state police from helping ICE.",
            "state",
            "law",
            "2024-12-01",
        ),
    ],
)
def test_how_reporting_phrases_acts(sentence, level, action_type, date) -> None:
    found = [
        (d.jurisdiction.level, d.action_type, d.date.isoformat() if d.date else None)
        for d in extract(sentence, "a.txt", dt.date(2025, 10, 17)).actions
    ]
    assert (level, action_type, date) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge's order had barred the federal government from sending National Guard troops onto the streets.",
        "Her refusal to send the Guard herself showed there was no emergency, the state argued.",
        "About 300 federalized Guard members remained at the base on Sunday.",
        "The ordinance failed on a 4-4 vote of the City Council on Tuesday.",
        "The Justice Department has not challenged the order in court.",
        "Two county supervisors said they would ask the County Board to pass a resolution in September.",
        "The mayor said she would sign the ordinance if it passes.",
        "The city's lawyers filed a copy with the complaint on Monday.",
        "The governor has the authority to deploy the Guard under state law.",
        "Lawyers for the detainees asked the court to order their release.",
        "Sheriff Ray Ott said he is weighing whether to join the program.",
        "The agency said it would appeal.",
        "Attorney General Lina Park said Thursday she would review whether the agreement complies with state law.",
        '"If ICE comes to our jail with a judge\'s signature, we will honor it, as we always have," the sheriff said.',
    ],
)
def test_acts_that_did_not_happen_or_are_not_the_governments(sentence) -> None:
    assert extract(sentence, "a.txt", dt.date(2025, 10, 17)).actions == []


def test_a_day_later_counts_from_the_last_date_given() -> None:
    text = (
        "date 2025-11-22\nOn Monday, the Johnston County Board of Commissioners voted 5-2 to approve a 287(g) "
        "agreement with ICE. A day later, Wake County Sheriff Denise Farrow issued a directive telling deputies not "
        "to help with the operation."
    )
    directive = _one(extract(text, "a.txt"), "agency-directive")
    assert (directive.jurisdiction.level, directive.date, directive.date_text) == (
        "county",
        dt.date(2025, 11, 18),
        "A day later",
    )


def test_a_date_before_an_after_clause_is_the_main_clauses() -> None:
    text = (
        "Jail officials were sorting through release paperwork Tuesday to work out who must be held, after a state "
        "judge in Lincoln declined to halt the governor's order."
    )
    order = _one(extract(text, "a.txt", dt.date(2026, 3, 10)), "court-order")
    assert (order.jurisdiction.level, order.date) == ("state", None)


def test_a_date_said_of_a_speech_is_not_another_officials_act() -> None:
    text = (
        "The attorney general said yesterday that he would file suit to overturn the ordinance, which conflicts "
        "with an executive order issued by Gov. Preston Dorsey."
    )
    result = extract(text, "a.txt", dt.date(2026, 1, 9))
    assert _one(result, "lawsuit").date == dt.date(2026, 1, 8)
    assert _one(result, "executive-order").date is None


# --- drafts -------------------------------------------------------------------------------------


def test_json_report_has_every_field_for_every_action() -> None:
    report = json.loads(drafts.to_json(extract(DENVER, "denver.txt")))
    assert report["source"]["published"] == "2025-10-14" and report["source"]["published_from"] == "dateline"
    for action in report["actions"]:
        assert {
            "jurisdiction",
            "level",
            "places",
            "actor",
            "action_type",
            "date",
            "date_precision",
            "date_text",
            "topics",
            "provisions",
            "evidence",
        } <= action.keys()


def test_yaml_drafts_validate_once_a_curator_adds_the_source_and_places(tmp_path: Path) -> None:
    tree = tmp_path / "data"  # the shared tree's codebooks and sources, none of its records
    shutil.copytree(TRACKER, tree, ignore=shutil.ignore_patterns("actions"))
    (tree / "actions").mkdir()
    article = tmp_path / "denver.txt"
    article.write_text(DENVER)
    extraction = extract(DENVER, "denver.txt")
    known = drafts.known_jurisdictions(store.load(tree).jurisdictions)
    text = drafts.to_yaml(extraction, known, today=dt.date(2025, 10, 20))
    records = list(yaml.safe_load_all(text))
    assert len(records) == len(extraction.actions) and all(r["draft"] is True for r in records)
    # The curator's part: register the article and the new places (the header lists both).
    with (tree / "sources.yaml").open("a") as fh:
        fh.write(
            f"\n- id: {drafts.source_id('denver.txt')}\n  outlet: Test Wire\n  title: Denver order\n"
            "  published: 2025-10-14\n  seed: denver.txt\n  quotable: true\n"
        )
    with (tree / "codebooks" / "jurisdictions.yaml").open("a") as fh:
        fh.write(
            "\n- {id: us-co, name: Colorado, level: state, parent: us, state: CO}\n"
            "- {id: us-co-denver, name: 'Denver, Colorado', level: city, parent: us-co, state: CO, geonameid: 5419384}\n"
        )
    for record in records:
        for provision in record.get("provisions", []):
            provision["topics"] = provision["topics"] or record["topics"][:1]
        (tree / "actions" / f"{record['id']}.yaml").write_text(yaml.safe_dump(record, sort_keys=False))
    loaded = store.load(tree, texts_dir=tmp_path, use_cache=False)
    assert [str(p) for p in loaded.errors] == []
    assert sum("draft record" in p.message for p in loaded.problems) == len(records)


# --- the command line -----------------------------------------------------------------------------


def _cli(*args: str, cwd: Path | None = None):
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, "-m", "policies", *args, *(["--data-dir", str(TRACKER)] if args[0] == "extract" else [])],
        capture_output=True,
        text=True,
        cwd=cwd or root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(root / ".cache")},
    )


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_cli_json_prints_source_actions_and_warnings(tmp_path: Path) -> None:
    article = tmp_path / "denver.txt"
    article.write_text(DENVER)
    run = _cli("extract", str(article), "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report.keys() == {"source", "actions", "warnings"}
    assert {a["action_type"] for a in report["actions"]} == {"executive-order", "lawsuit"}


def test_cli_out_writes_once_and_never_overwrites_without_force(tmp_path: Path) -> None:
    article, out = tmp_path / "denver.txt", tmp_path / "drafts.yaml"
    article.write_text(DENVER)
    assert _cli("extract", str(article), "--out", str(out)).returncode == 0
    first = out.read_text()
    assert next(iter(yaml.safe_load_all(first)))["draft"] is True
    out.write_text("curator's edits")
    run = _cli("extract", str(article), "--out", str(out))
    assert run.returncode == 2 and "exists; pass --force" in run.stderr
    assert out.read_text() == "curator's edits"
    assert _cli("extract", str(article), "--out", str(out), "--force").returncode == 0
    assert out.read_text() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["denver.txt", "drafts.yaml"]  # no temporary files left


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "missing.txt: cannot read: No such file or directory"),
        (lambda d: d, "is a folder, not an article file"),
        (lambda d: _file(d / "e.txt", b""), "e.txt: is empty"),
        (lambda d: _file(d / "b.bin", bytes(range(256)) * 40), "b.bin: looks like a binary file"),
        (lambda d: _file(d / "big.txt", b"The mayor signed. " * 200_000), "too large for an article"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path: Path, make, message) -> None:
    src = tmp_path / "in"
    src.mkdir()
    path, out = make(src), tmp_path / "out.yaml"
    run = _cli("extract", str(path), "--out", str(out))
    assert run.returncode == 2
    assert message in run.stderr and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert not out.exists()


def test_cli_no_actions_is_success_with_an_empty_list(tmp_path: Path) -> None:
    article = tmp_path / "weather.txt"
    article.write_text("The weather in Chicago was mild on Sunday. Fans filled the stadium.")
    run = _cli("extract", str(article), "--format", "json", "--published", "2025-08-31")
    assert run.returncode == 0 and json.loads(run.stdout)["actions"] == []
    assert "no policy actions found" in run.stderr


def test_cli_rejects_a_malformed_published_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DENVER)
    run = _cli("extract", str(article), "--published", "31/08/2025")
    assert run.returncode == 2 and "'31/08/2025' is not a date in the form YYYY-MM-DD" in run.stderr


# --- evaluation -------------------------------------------------------------------------------------

from policies.extract import evaluate  # noqa: E402

EVALUATION = Path(__file__).resolve().parent.parent / "benchmarks" / "extraction"


def _case(actions: list[dict]) -> evaluate.Case:
    key = evaluate.AnswerKey(article="a.txt", published=MONDAY, actions=actions)
    return evaluate.Case("a", "text", key)


def test_a_prediction_matches_on_level_type_and_date_and_each_key_action_only_once() -> None:
    case = _case(
        [
            {"level": "city", "action_type": "executive-order", "date": "2025-08-30"},
            {"level": "state", "action_type": "lawsuit", "date": None},
        ]
    )
    score = evaluate.Score("t")
    evaluate._score_case(
        score,
        case,
        [
            ("city", "executive-order", dt.date(2025, 8, 30), "day"),  # match
            ("city", "executive-order", dt.date(2025, 8, 30), "day"),  # the same key action twice: extra
            ("state", "lawsuit", None, "day"),  # undated matches undated
            ("federal", "lawsuit", None, "day"),  # wrong level: extra
        ],
    )
    assert (score.actions.matched, score.actions.predicted, score.actions.expected) == (2, 4, 2)
    assert score.actions.precision == 0.5 and score.actions.recall == 1.0
    assert (score.dates.matched, score.dates.predicted, score.dates.expected) == (1, 2, 1)
    assert (score.date_right, score.date_pairs) == (2, 2)


def test_a_broken_answer_key_is_named(tmp_path: Path) -> None:
    (tmp_path / "01-x.txt").write_text("text")
    (tmp_path / "01-x.yaml").write_text(
        "article: 01-x.txt\nactions:\n  - {level: town, action_type: law, date: null}\n"
    )
    with pytest.raises(evaluate.AnswerKeyError, match=r"01-x.yaml: actions\[0\]: unknown level"):
        evaluate.load_cases(tmp_path)


def test_the_extractor_beats_the_dateparser_baseline_on_the_evaluation_set() -> None:
    cases = evaluate.load_cases(EVALUATION)
    assert len(cases) >= 15
    ours, baseline = evaluate.score_extractor(cases), evaluate.score_baseline(cases)
    assert ours.dates.f1 > baseline.dates.f1
    assert ours.actions.f1 >= 0.8  # the tuning set; README reports the held-out figures too


def test_kind_hints_never_hide_a_trigger() -> None:
    """The per-type word hints only skip patterns that cannot match (checked on every tuning article)."""
    from policies.extract import lexicon
    from policies.extract.actions import masked, split_sentences

    folders = [EVALUATION, EVALUATION / "holdout", EVALUATION / "holdout-2", EVALUATION / "realistic"]
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]
    texts.append(PAGE)
    hidden = []
    for text in texts:
        for s in split_sentences(text):
            words = masked(s.text)
            for kind, _, pattern in lexicon.TRIGGERS:
                found = pattern.search(words)
                if found and not any(w in words.lower() for w in lexicon.KIND_HINTS[kind]):
                    hidden.append((kind, found[0]))
    assert hidden == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the date said of a perfect-tense act yields to the act's own date given elsewhere
            "date 2025-10-17\nSheriff Ana Cole of Washtenaw County announced on Friday that she has ended her "
            "office's 287(g) agreement with ICE. She sent ICE a written notice terminating the agreement on Oct. 14.",
            [("county", "agency-directive", dt.date(2025, 10, 14))],
        ),
        (  # different courts are different acts, whatever the merge would like
            "date 2026-01-21\nThe Supreme Court on Tuesday refused to let the deployment proceed, leaving in place "
            "an injunction U.S. District Judge Sam Ferrante issued on Nov. 14, 2025.",
            [("federal", "court-order", dt.date(2026, 1, 20)), ("federal", "court-order", dt.date(2025, 11, 14))],
        ),
        (  # a quote's "we" is its speaker, not a body named inside the quote
            'date 2025-12-10\n"A city council does not write the rules for federal officers, and we intend to ask a '
            'federal judge to strike this down," U.S. Attorney Colleen Rusk said Tuesday.',
            [("federal", "lawsuit", dt.date(2025, 12, 9))],
        ),
        (  # an announcement that only echoes the act reported is that act
            "date 2026-04-17\nMayor Tanya Cole of Boston signed an executive order on Monday barring ICE from schools. "
            "The mayor announced the order in a post on X.",
            [("city", "executive-order", dt.date(2026, 4, 13))],
        ),
        (  # a member of a body speaks for herself
            "date 2025-12-13\nMetro Council member Dara Pierre said she would ask the council next month to create a "
            "hotline for residents.",
            [],
        ),
    ],
)
def test_acts_in_context(text, expected) -> None:
    found = sorted((d.jurisdiction.level, d.action_type, d.date) for d in extract(text, "a.txt").actions)
    assert found == sorted(expected)


def test_a_headline_act_the_story_never_reports_is_dropped() -> None:
    text = (
        "Judge orders ICE to return phones; Pike signs courthouse bill\n\n"
        "BOSTON — Mayor Ann Pike of Boston signed an executive order on Thursday barring ICE from city buildings, "
        "a day after a long council debate over the city's budget and its parks.\n"
    )
    result = extract(text, "a.txt", dt.date(2025, 10, 17))
    assert [(d.action_type, d.date) for d in result.actions] == [("executive-order", dt.date(2025, 10, 16))]


def test_a_text_that_opens_with_a_sentence_has_no_headline_to_skip() -> None:
    from policies.extract.article import head_end

    assert head_end("The mayor signed an executive order on Monday.\nMore text follows here.") == 0
    assert head_end("Mayor signs order\n\nBy A. Writer\n\nDENVER — The mayor signed an order.") > 0


@pytest.mark.parametrize(
    "attribution",
    [
        "— Gov. Ana Cole (@GovCole) October 4, 2025",
        "— Gov. Ana Cole (@GovCole) on X, October 4, 2025",
        "— Gov. Ana Cole (@GovCole) · Oct 4, 2025",
        "— Gov. Ana Cole (@GovCole) October 4, 2025 at 9:14 AM",
    ],
)
def test_embedded_post_attributions(attribution) -> None:
    from policies.extract.article import social_posts

    text = f"Body text.\n\n    I have ordered the Guard to Memphis.\n    {attribution}\n\nMore."
    [post] = social_posts(text)
    assert (post.who, post.when) == ("Gov. Ana Cole", dt.date(2025, 10, 4))
    assert text[post.start : post.end].strip() == "I have ordered the Guard to Memphis."


# --- the extractor's words are the codebooks' and the schema's ---------------------------------------


def lexicon_gaps(codebooks: Path) -> list[str]:
    """Names the extractor uses that the codebooks or the record schema do not have."""
    from policies.extract import lexicon
    from policies.records import vocabulary
    from policies.records.model import ACTION_TYPES, EVENT_TYPES, REQUIREMENTS
    from policies.ui.requirements import VERBS

    words = vocabulary.load(codebooks)
    gaps = [f"topic {t}" for t in lexicon.TOPICS if t not in words.topics]
    gaps += [f"default topic {t}" for topics in words.type_topics.values() for t in topics if t not in words.topics]
    gaps += [f"action type {t}" for t, _, _ in lexicon.TRIGGERS if t not in ACTION_TYPES]
    gaps += [f"event {e}" for _, e, _ in lexicon.TRIGGERS if e not in EVENT_TYPES]
    gaps += [f"requirement {r}" for r, _ in lexicon.REQUIREMENTS if r not in REQUIREMENTS]
    gaps += [f"badge {r}" for r in REQUIREMENTS if r not in VERBS]
    return gaps


def test_the_lexicon_speaks_the_codebooks_words() -> None:
    assert lexicon_gaps(TRACKER / "codebooks") == []


def test_binding_types_and_default_topics_come_from_the_codebook(tmp_path: Path, monkeypatch) -> None:
    """Change the codebook and the drafts follow: nothing in the extractor repeats it."""
    tree = tmp_path / "data"
    shutil.copytree(TRACKER, tree, ignore=shutil.ignore_patterns("actions"))
    text = "Published: 2025-10-06\nThe state of Illinois sued the Department of Homeland Security on Monday."

    def suit_topics() -> list[str]:
        return next(d.topics for d in extract(text, "suit.txt").actions if d.action_type == "lawsuit")

    monkeypatch.setenv("POLICIES_DATA_DIR", str(tree))
    assert "oversight" not in suit_topics()
    book = tree / "codebooks" / "action_types.yaml"
    book.write_text(book.read_text().replace("default_topics: [litigation]", "default_topics: [oversight]"))
    shutil.copytree(tree, tmp_path / "edited")  # a new folder: the vocabulary is read once per codebook folder
    monkeypatch.setenv("POLICIES_DATA_DIR", str(tmp_path / "edited"))
    assert "oversight" in suit_topics()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # one bill, one act: the board's passage next to the executive's signing is the signing
            "date 2025-10-17\nPolk County Executive Ann Moreau on Tuesday signed an ordinance that bars agents from "
            "county garages. The Polk County Board of Supervisors passed the measure 7-2 on Thursday night after a "
            "long hearing.",
            [("county", "law", dt.date(2025, 10, 14))],
        ),
        (  # "signed it the next morning": the signing's day, counted from the passage
            "date 2025-10-17\nThe Tacoma City Council passed an ordinance on Oct. 7 that closes city lots to "
            "immigration agents. Mayor Lena Ortiz signed it the next morning.",
            [("city", "law", dt.date(2025, 10, 8))],
        ),
        (  # a veto override is the bill's last step
            "date 2025-10-17\nThe Tacoma City Council approved the 10-year lease on Sept. 24 by a 5-4 vote. Mayor "
            "Tom Reed vetoed it two days later, but the council overrode the veto on Oct. 10.",
            [("city", "law", dt.date(2025, 10, 10))],
        ),
        (  # a date after a relative clause's own verb is that clause's act
            "date 2025-10-17\nA federal appeals court on Thursday reversed a ruling that had blocked Iowa from "
            "enforcing its law. The panel vacated a preliminary injunction that U.S. District Judge Ana Ruiz "
            "issued in September at the request of the Justice Department.",
            [("federal", "court-order", dt.date(2025, 10, 16)), ("federal", "court-order", dt.date(2025, 9, 1))],
        ),
        (  # a date in a would/will clause is the plan's, never the act's: the stated plan stays undated
            "date 2025-10-17\nThe Polk County Board of Supervisors voted 4-1 Tuesday to approve a 287(g) agreement "
            "with ICE. Sheriff Dan Ruiz said the sheriff's office would begin training in November.",
            [("county", "law", dt.date(2025, 10, 14)), ("county", "announcement", None)],
        ),
        (  # announcing the activation the article reports is that deployment
            "date 2025-10-17\nGov. Ann Lee ordered 200 Iowa National Guard members to Des Moines on Tuesday. Lee "
            "announced the activation in a post on X.",
            [("state", "deployment", dt.date(2025, 10, 14))],
        ),
        (  # "both orders" are two; the day copies were posted is not the signing's
            "date 2025-10-17\nMayor Tom Reed of Tacoma signed both orders Monday, according to copies posted on the "
            "city's website Wednesday afternoon, but held off announcing them until a news conference.",
            [("city", "executive-order", dt.date(2025, 10, 13))] * 2,
        ),
        (  # "At the same signing": the signing's day, not the last date given (the board's vote)
            "date 2025-10-17\nPolk County Executive Ann Moreau on Tuesday signed an ordinance that bars agents from "
            "county garages. The Polk County Board of Supervisors passed the measure 7-2 on Thursday night. At the "
            "same signing, Moreau also issued an executive order directing Public Works to post signs.",
            [("county", "law", dt.date(2025, 10, 14)), ("county", "executive-order", dt.date(2025, 10, 14))],
        ),
    ],
)
def test_dates_that_belong_to_another_event(text, expected) -> None:
    found = sorted((d.jurisdiction.level, d.action_type, d.date) for d in extract(text, "a.txt").actions)
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # troops an order keeps back are not sent; "members of the X Guard" are troops
            "date 2025-10-17\nA federal appeals court late Wednesday refused the administration's request to set "
            "aside a judge's order that bars federalized Oregon National Guard troops from deploying in Portland. "
            "The President federalized 200 members of the Oregon Guard last week.",
            [("federal", "court-order", dt.date(2025, 10, 15)), ("federal", "deployment", dt.date(2025, 10, 6))],
        ),
        (  # a Guard sent to support an operation: the operation is DHS's, never the governor's
            "date 2025-10-17\nGov. Ann Lee ordered 200 Iowa National Guard members to Des Moines on Tuesday to "
            "provide support for a federal immigration operation that began in the city a day earlier.",
            [("state", "deployment", dt.date(2025, 10, 14))],
        ),
        (  # documents dated or sent by an agency: its directive
            "date 2025-10-17\nThe conditions were laid out in a FEMA grant notice dated Oct. 6 that requires "
            "recipients to certify that they honor ICE detainer requests.",
            [("federal", "agency-directive", dt.date(2025, 10, 6))],
        ),
        (
            "date 2025-10-17\nBoth orders were prompted by a Sept. 29 letter from ICE's El Paso field office asking "
            "the Motor Vehicle Division for a monthly feed of license records.",
            [("federal", "agency-directive", dt.date(2025, 9, 29))],
        ),
        (  # a court that "put X on hold" or "held that" rules
            "date 2025-10-17\nA Texas appeals court on Tuesday put San Antonio's new limits on police cooperation "
            "with federal immigration agents on hold.",
            [("state", "court-order", dt.date(2025, 10, 14))],
        ),
        (
            "date 2025-10-17\nIn September, a Superior Court judge in Mercer County held that civil arrests inside "
            "state court buildings interfere with the courts.",
            [("state", "court-order", dt.date(2025, 9, 1))],
        ),
        (  # the D.C. Council and a "Metro Government" are city bodies
            "date 2025-10-17\nThe D.C. Council on Tuesday passed legislation requiring officers making an arrest "
            "in the District to show identification.",
            [("city", "law", dt.date(2025, 10, 14))],
        ),
        (
            "date 2025-10-17\nLouisville Metro Government sued earlier this month, arguing the activation violated "
            "the state's military code.",
            [("city", "lawsuit", dt.date(2025, 10, 1))],
        ),
        (  # a surname first met in a possessive ("Gov. Ann Corwin's administration") is still known
            "date 2026-03-27\nA federal appeals court on Thursday reversed a ruling, handing Gov. Ann Corwin's "
            "administration a win.\n\nCorwin signed the Safe Access to Courts Act in December after it passed "
            "the Legislature.",
            [("federal", "court-order", dt.date(2026, 3, 26)), ("state", "law", dt.date(2025, 12, 1))],
        ),
        (  # a governor ordering every agency is an executive order; her post says when she signed it
            "Colorado Gov. Renata Kell has ordered every executive-branch agency to stop sharing residents' "
            "records with ICE.\n\nKell announced the order in a post:\n\n"
            '"Today I signed Executive Order D 2026-014. Not without a judge." '
            "— Gov. Renata Kell (@GovRenataKell) June 3, 2026\n\nThe order covers four departments.",
            [("state", "executive-order", dt.date(2026, 6, 3))],
        ),
        (  # a letter from a private group is no directive
            "date 2025-10-17\nThe ACLU sent a letter on Oct. 6 from its Des Moines office asking the county to stop.",
            [],
        ),
    ],
)
def test_acts_of_holdout_3_kinds(text, expected) -> None:
    found = sorted((d.jurisdiction.level, d.action_type, d.date) for d in extract(text, "a.txt").actions)
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # STATE COURTS: a county district judge is a state judge, and so is the plain "District Judge X" after
            "date 2026-03-06\nA Riley County district judge on Wednesday temporarily barred a contractor from "
            "opening a detention site.\n\nDistrict Judge Mara Voss granted the county's request for a temporary "
            "restraining order against the company, which runs a lot off U.S. 77.",
            [("state", "court-order", dt.date(2026, 3, 4))],
        ),
        (  # a state supreme court, and a state's court of appeals in the possessive
            "date 2026-03-06\nThe Montana Supreme Court on Monday issued an administrative order barring civil "
            "immigration arrests in courthouses.",
            [("state", "court-order", dt.date(2026, 3, 2))],
        ),
        (
            "date 2026-03-06\nNew Mexico's Court of Appeals on Tuesday upheld the county's limits on jail contracts.",
            [("state", "court-order", dt.date(2026, 3, 3))],
        ),
        (  # SHERIFF_ACTS: a sheriff's agreement is the sheriff's directive, not a law
            "date 2026-03-06\nSheriff Dana Pruitt signed a warrant service officer agreement with ICE on Feb. 4, "
            "which lets jail deputies serve federal warrants.",
            [("county", "agency-directive", dt.date(2026, 2, 4))],
        ),
        (  # a county board accepting grant money votes a measure (law)
            "date 2026-03-06\nThe Lyon County Commission on Tuesday accepted about $200,000 in federal grant money "
            "to add holding cells at the jail.",
            [("county", "law", dt.date(2026, 3, 3))],
        ),
        (  # STATE_AGENCY: a named state department directs
            "date 2026-03-06\nThe Oregon Department of Education on Monday directed school districts not to let "
            "immigration agents into classrooms without a warrant.",
            [("state", "agency-directive", dt.date(2026, 3, 2))],
        ),
        (  # PLAN_THEN_AFTER and PLANNED_START: the plan is federal and its start date is not the vote's
            "date 2026-03-06\nFederal immigration officials said on Monday that they plan to begin moving "
            "detainees to the county jail in April, a week after county commissioners approved an agreement to "
            "rent beds to ICE.",
            [("federal", "announcement", dt.date(2026, 3, 2)), ("county", "law", dt.date(2026, 2, 23))],
        ),
        (  # DEMAND_LETTER: an attorney general's letter demanding a repeal is a directive, not a law
            "date 2026-03-06\nAfter the ordinance passed, the attorney general sent Mayor Lee Park a letter "
            "demanding that the council repeal it.",
            [("state", "agency-directive", None)],
        ),
        (  # "Defense Department officials" are federal actors; Marines are troops
            "date 2026-03-06\nDefense Department officials last week approved sending about 30 Marines to provide "
            "logistics support at an ICE office.",
            [("federal", "deployment", dt.date(2026, 2, 23))],
        ),
        (  # EXECUTIVE_PRONOUN: "she signed an executive order" is the governor's, not the county attorney's
            "date 2026-03-06\nGov. Lena Marsh spoke after County Attorney Ruth Vale filed her brief.\n\n"
            "In January, she signed an executive order directing the State Patrol to join a federal task force.",
            [("state", "executive-order", dt.date(2026, 1, 1))],
        ),
        (  # VOTE_TO_SUE: a board voting to have its attorney sue is the county's lawsuit
            "date 2026-03-06\nThe Story County Board of Supervisors on Tuesday voted 4-1 to authorize the county "
            "attorney to file a lawsuit against the state.",
            [("county", "lawsuit", dt.date(2026, 3, 3))],
        ),
        (  # THAT_MONTH: the month the sentence before gave
            "date 2026-03-06\nThe court cited an October 2025 change in federal policy.\n\nThat month, the "
            "Department of Homeland Security issued a directive allowing arrests at courthouses.",
            [("federal", "agency-directive", dt.date(2025, 10, 1))],
        ),
        (  # money that "would help close" a gap is no plan
            "date 2026-03-06\nCommissioners said the money would help close a budget gap.",
            [],
        ),
    ],
)
def test_acts_of_holdout_4_kinds(text, expected) -> None:
    found = sorted(((d.jurisdiction.level, d.action_type, d.date) for d in extract(text, "a.txt").actions), key=str)
    assert found == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HONOLULU — The governor spoke.", ["us-hi-honolulu"]),  # an all-caps dateline city
        ("In Culpeper County, deputies patrol.", ["us-va-culpeper-county"]),  # "In" is no part of the county
        ("San Juan, Puerto Rico, and the rest of Puerto Rico", ["us-pr-san-juan", "us-pr"]),  # TERRITORY
        ("She signed it at Washington Place on Tuesday.", []),  # a building, not the state
    ],
)
def test_places_of_holdout_4_kinds(text, expected) -> None:
    from policies.extract.places import find_places

    assert [m.place.id for m in find_places(text)] == expected


def test_a_city_assembly_is_a_city_council() -> None:
    text = "date 2026-03-06\nThe Anchorage Assembly on Tuesday passed an ordinance barring agents from city lots."
    assert [(d.jurisdiction.id, d.action_type) for d in extract(text, "a.txt").actions] == [("us-ak-anchorage", "law")]
