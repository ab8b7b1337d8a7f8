"""A corpus of deliberately broken record trees: each names its file, line, field and message exactly.

Every case starts from tests/fixtures/minimal (three valid records), breaks one thing, and checks
that the loader reports it precisely and still returns every record that is valid.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from policies import store
from policies.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EO = "actions/chicago-eo-2025-02-28.yaml"
DHS = "actions/us-dhs-more-agents-2025-03-02.yaml"
SUIT = "actions/il-lawsuit-2025-03-19.yaml"
ALL = {"chicago-eo-2025-02-28", "us-dhs-more-agents-2025-03-02", "il-lawsuit-2025-03-19"}


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / name
        text = path.read_text()
        assert old in text, f"fixture changed: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1))

    return apply


def write(name: str, data: bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)

    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)

    return apply


def symlink_out(root: Path) -> None:
    outside = root.parent / "outside.yaml"
    outside.write_text((root / EO).read_text())
    os.symlink(outside, root / "actions" / "linked.yaml")


def truncate(root: Path) -> None:
    path = root / EO
    path.write_text(path.read_text()[:700])


@dataclass
class Case:
    name: str
    breaks: Callable[[Path], None]
    file: str
    line: int | None
    field: str
    message: str
    lost: set[str]  # records that must be left out; every other record must load


CASES = [
    Case(
        "truncated yaml",
        truncate,
        EO,
        24,
        "",
        "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
        {"chicago-eo-2025-02-28"},
    ),
    Case(
        "tab indentation",
        edit(EO, "  - type: signed", "\t- type: signed"),
        EO,
        11,
        "",
        "invalid YAML: found character that cannot start any token (while scanning for the next token); "
        "YAML is indented with spaces, not tabs",
        {"chicago-eo-2025-02-28"},
    ),
    Case(
        "duplicate key",
        edit(DHS, "actor: Department", "title: Again\nactor: Department"),
        DHS,
        6,
        "title",
        "duplicate key (first given on line 2)",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "wrong type for list",
        edit(SUIT, "topics: [litigation]\nprovisions", "topics: litigation\nprovisions"),
        SUIT,
        14,
        "topics",
        "Input should be a valid list (got 'litigation')",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "bad enum value",
        edit(DHS, "date_precision: day", "date_precision: daily"),
        DHS,
        9,
        "date_precision",
        "Input should be 'day', 'week' or 'month' (got 'daily')",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "missing required field",
        edit(DHS, "title: DHS says it will send more agents to the region\n", ""),
        DHS,
        1,
        "title",
        "required field is missing",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "misspelt field",
        edit(SUIT, "notes:", "notse:"),
        SUIT,
        28,
        "notse",
        "unknown field (not in the schema; check the spelling)",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "unknown jurisdiction",
        edit(SUIT, "jurisdiction: us-il", "jurisdiction: us-zz"),
        SUIT,
        4,
        "jurisdiction",
        "unknown jurisdiction 'us-zz' (not in codebooks/jurisdictions.yaml)",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "unknown place",
        edit(DHS, "places: [us-il-chicago]", "places: [us-il-chicagoo]"),
        DHS,
        5,
        "places[0]",
        "unknown jurisdiction 'us-il-chicagoo' (not in codebooks/jurisdictions.yaml)",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "unknown action topic",
        edit(DHS, "topics: [enforcement-resources]", "topics: [enforcement]"),
        DHS,
        14,
        "topics[0]",
        "unknown topic 'enforcement' (not in codebooks/topics.yaml)",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "unknown provision topic",
        edit(EO, "    topics: [data-privacy]", "    topics: [privacy]"),
        EO,
        31,
        "provisions[1].topics[0]",
        "unknown topic 'privacy' (not in codebooks/topics.yaml)",
        {"chicago-eo-2025-02-28"},
    ),
    Case(
        "unknown source",
        edit(SUIT, "sources: [wire-002]", "sources: [wire-002, wire-999]"),
        SUIT,
        24,
        "sources[1]",
        "unknown source 'wire-999' (not in sources.yaml)",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "impossible date",
        edit(SUIT, "date: 2025-03-19\ndate_precision", "date: 2025-02-30\ndate_precision"),
        SUIT,
        8,
        "date",
        "Input should be a valid date or datetime, day value is outside expected range (got '2025-02-30')",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "events out of order",
        edit(EO, "    date: 2025-03-19", "    date: 2025-02-01"),
        EO,
        1,
        "",
        "events out of order: challenged on 2025-02-01 is listed after signed on 2025-02-28",
        {"chicago-eo-2025-02-28"},
    ),
    Case(
        "week precision on a Wednesday",
        edit(DHS, "date_precision: day", "date_precision: week"),
        DHS,
        1,
        "",
        "a date of week precision must be the Monday of its week (2025-02-24), not 2025-03-02",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "provision without evidence",
        edit(
            SUIT,
            "    evidence:\n      - source: wire-002\n        paraphrase: The wire report says the state asked the court to block the order.\n",
            "    evidence: []\n",
        ),
        SUIT,
        21,
        "provisions[0].evidence",
        "List should have at least 1 item after validation, not 0",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "evidence with quote and paraphrase",
        edit(SUIT, "        paraphrase:", "        quote: asked\n        paraphrase:"),
        SUIT,
        22,
        "provisions[0].evidence[0]",
        "evidence needs exactly one of quote or paraphrase",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "quote from a source we do not hold",
        edit(SUIT, "        paraphrase:", "        quote:"),
        SUIT,
        23,
        "provisions[0].evidence[0].quote",
        "source 'wire-002' is not quotable (we do not hold its text): use paraphrase, not quote",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "misquote",
        edit(DHS, "said on Sunday that it would", "said on Sunday it would"),
        DHS,
        17,
        "evidence[0].quote",
        "quote not found verbatim in gazette-001.txt: 'The Department of Homeland Security said on Sunday it would'",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "dangling related link",
        edit(SUIT, "action: chicago-eo-2025-02-28", "action: chicago-eo-2024"),
        SUIT,
        27,
        "related[0].action",
        "related action 'chicago-eo-2024' does not exist",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "cycle in related",
        edit(
            EO,
            "sources: [gazette-001, wire-002]",
            "sources: [gazette-001, wire-002]\nrelated:\n  - type: responds-to\n    action: us-dhs-more-agents-2025-03-02",
        ),
        DHS,
        21,
        "related[0].action",
        "related links form a cycle: chicago-eo-2025-02-28 -> us-dhs-more-agents-2025-03-02 -> chicago-eo-2025-02-28",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "related to itself",
        edit(SUIT, "action: chicago-eo-2025-02-28", "action: il-lawsuit-2025-03-19"),
        SUIT,
        27,
        "related[0].action",
        "an action cannot be related to itself",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "unknown relation type",
        edit(SUIT, "type: challenges", "type: overrules"),
        SUIT,
        26,
        "related[0].type",
        "Input should be 'responds-to', 'challenges', 'blocks', 'implements' or 'supersedes' (got 'overrules')",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "duplicate id across files",
        lambda root: (
            shutil.copy(root / SUIT, root / "actions" / "il" / "il-lawsuit-2025-03-19.yaml")
            if (root / "actions" / "il").mkdir() is None
            else None
        ),
        "actions/il-lawsuit-2025-03-19.yaml",
        1,
        "id",
        "duplicate id 'il-lawsuit-2025-03-19': also used by actions/il/il-lawsuit-2025-03-19.yaml",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "id differs from file name",
        edit(SUIT, "id: il-lawsuit-2025-03-19", "id: il-lawsuit"),
        SUIT,
        1,
        "id",
        "id 'il-lawsuit' must equal the file name 'il-lawsuit-2025-03-19'",
        {"il-lawsuit", "il-lawsuit-2025-03-19"},
    ),
    Case(
        "id not a slug",
        edit(SUIT, "id: il-lawsuit-2025-03-19", "id: IL Lawsuit"),
        SUIT,
        1,
        "id",
        "String should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$' (got 'IL Lawsuit')",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "date matches no event",
        edit(DHS, "date: 2025-03-02\ndate_precision", "date: 2025-03-01\ndate_precision"),
        DHS,
        8,
        "date",
        "date 2025-03-01 matches none of the events' dates",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "event source not listed",
        edit(DHS, "    source: gazette-001\ntopics", "    source: wire-002\ntopics"),
        DHS,
        13,
        "events[0].source",
        "source 'wire-002' is not listed in the record's sources",
        {"us-dhs-more-agents-2025-03-02"},
    ),
    Case(
        "repeated topic",
        edit(EO, "topics: [police-cooperation, data-privacy]", "topics: [data-privacy, data-privacy]"),
        EO,
        17,
        "topics",
        "repeated value 'data-privacy'",
        {"chicago-eo-2025-02-28"},
    ),
    Case(
        "disagreement about nothing",
        edit(
            SUIT,
            "notes:",
            "disagreements:\n  - about: [no-such-provision]\n    sources: [wire-002, wire-002]\n    description: The sources differ on the date.\nnotes:",
        ),
        SUIT,
        29,
        "disagreements[0].about[0]",
        "'no-such-provision' is neither a provision id of this record nor a field",
        {"il-lawsuit-2025-03-19"},
    ),
    Case(
        "huge file",
        write("actions/huge.yaml", b"title: " + b"x" * 1_100_000),
        "actions/huge.yaml",
        None,
        "",
        "file is 1,100,007 bytes; records are limited to 1,000,000",
        set(),
    ),
    Case(
        "binary file",
        write("actions/blob.yaml", b"\x89PNG\r\n\x1a\n\x00\x00"),
        "actions/blob.yaml",
        None,
        "",
        "file is binary (contains NUL bytes), not YAML text",
        set(),
    ),
    Case(
        "not utf-8",
        write("actions/latin.yaml", "title: Caf\xe9".encode("latin-1")),
        "actions/latin.yaml",
        None,
        "",
        "not UTF-8 text (bad byte at offset 10)",
        set(),
    ),
    Case(
        "empty record file",
        write("actions/empty.yaml", b""),
        "actions/empty.yaml",
        None,
        "",
        "a record must be a mapping of fields (id, title, ...)",
        set(),
    ),
    Case(
        "record is a list",
        write("actions/list.yaml", b"- id: x\n"),
        "actions/list.yaml",
        1,
        "",
        "a record must be a mapping of fields (id, title, ...)",
        set(),
    ),
    Case(
        "symlink out of the tree",
        symlink_out,
        "actions/linked.yaml",
        None,
        "",
        "symlink points outside the data folder; ignored",
        set(),
    ),
    Case(
        "missing codebook",
        lambda root: (root / "codebooks" / "statuses.yaml").unlink(),
        "codebooks/statuses.yaml",
        None,
        "",
        "missing: the data folder must contain this file",
        set(),
    ),
    Case(
        "bad codebook entry",
        edit("codebooks/topics.yaml", "  label: Masks\n", ""),
        "codebooks/topics.yaml",
        6,
        "[1].label",
        "required field is missing",
        set(),
    ),
    Case(
        "unknown codebook parent",
        edit("codebooks/jurisdictions.yaml", "parent: us-il-cook", "parent: us-il-kook"),
        "codebooks/jurisdictions.yaml",
        None,
        "us-il-chicago.parent",
        "unknown parent 'us-il-kook'",
        set(),
    ),
]


def make_tree(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def test_fixture_tree_is_valid(tmp_path: Path) -> None:
    loaded = store.load(make_tree(tmp_path), texts_dir=FIXTURES / "texts", use_cache=False)
    assert loaded.problems == ()
    assert set(loaded.actions["id"]) == ALL


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_tree_is_reported_precisely(case: Case, tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    case.breaks(root)
    loaded = store.load(root, texts_dir=FIXTURES / "texts", use_cache=False)
    reported = [(p.file, p.line, p.field, p.message) for p in loaded.errors]
    assert (case.file, case.line, case.field, case.message) in reported
    # Nothing valid is dropped: exactly the broken records are left out.
    assert set(loaded.actions["id"]) == ALL - case.lost


def test_missing_topics_codebook_leaves_out_what_cannot_be_checked(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (root / "codebooks" / "topics.yaml").unlink()
    loaded = store.load(root, use_cache=False)
    assert ("codebooks/topics.yaml", "missing: the data folder must contain this file") in {
        (p.file, p.message) for p in loaded.errors
    }
    assert loaded.actions.empty  # every record names a topic that can no longer be checked


def test_yml_file_is_a_warning_not_silence(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (root / "actions" / "stray.yml").write_text("id: stray\n")
    loaded = store.load(root, use_cache=False)
    assert [str(p) for p in loaded.problems] == [
        "actions/stray.yml: not a .yaml file; ignored (rename to .yaml) (warning)"
    ]
    assert set(loaded.actions["id"]) == ALL


def test_draft_records_are_held_back_with_a_warning(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    edit(SUIT, "notes:", "draft: true\nnotes:")(root)
    loaded = store.load(root, use_cache=False)
    assert [(p.field, p.severity) for p in loaded.problems] == [("draft", "warning")]
    assert set(loaded.actions["id"]) == ALL - {"il-lawsuit-2025-03-19"}


def test_validate_command_prints_problems_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_tree(tmp_path)
    edit(SUIT, "jurisdiction: us-il", "jurisdiction: us-zz")(root)
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "actions/il-lawsuit-2025-03-19.yaml:4: jurisdiction: unknown jurisdiction 'us-zz' (not in codebooks/jurisdictions.yaml)"
    ]
    assert "2 valid actions from 8 files; 1 errors, 0 warnings" in out.err


def test_validate_command_exits_0_on_clean_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(make_tree(tmp_path)), "--texts", str(FIXTURES / "texts")]) == 0
    assert capsys.readouterr().out == ""


def test_validate_names_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 1
    assert capsys.readouterr().out.strip() == f"{tmp_path / 'nope'}: data folder not found"
