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
