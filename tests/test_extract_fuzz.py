"""Fuzzing the extractor: random bytes and mutated articles never crash it, every draft is a valid record once a
curator fills what it marks (quotes verbatim from the article included), and the CLI keeps its promises.

In-process cases run by the thousand (hypothesis); CLI cases start a process each, so fewer of them.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from policies import store
from policies.extract import ArticleError, drafts, extract
from policies.records.model import Action, Source
from policies.records.validate import Codebooks, Parsed, check_record, normalise
from policies.records.yamlfile import YamlFile

ROOT = Path(__file__).resolve().parent.parent
TRACKER = store.load(ROOT / "tests" / "fixtures" / "tracker", use_cache=False)  # the shared tree's codebooks
TRACKER_BOOKS = Codebooks(
    jurisdictions=frozenset(TRACKER.jurisdictions["id"]),
    topics=frozenset(TRACKER.topic_codebook["id"]),
    action_types=frozenset(TRACKER.action_types["id"]),
    sources={},
)
ARTICLES = sorted((ROOT / "benchmarks" / "extraction").glob("*.txt"))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))


def _run(raw: bytes, published: dt.date | None) -> None:
    """Extraction either refuses with ArticleError, or returns drafts that serialise and that are valid records once
    a curator fills what the draft marks (`drafts.unfilled`), registers the article and adds the new places."""
    try:
        result = extract(raw, "fuzz.txt", published)
    except ArticleError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    drafts.to_json(result)
    drafts.to_yaml(result)
    known = drafts.known_jurisdictions(TRACKER.jurisdictions)
    records = drafts.to_records(result, known, today=dt.date(2026, 12, 1))
    for record in records:
        problems = _problems_after_curation(record, result.article.text)
        assert problems == [], (record["id"], problems)


def _problems_after_curation(record: dict, text: str) -> list[str]:
    """What the validator still finds in a draft after a curator's part: the marked fields, the source, the places."""
    marked = drafts.unfilled(record)
    day = dt.date(2025, 1, 6) if record["date_precision"] == "week" else dt.date(2025, 1, 1)  # a Monday, a 1st
    if "date" in marked:
        record["date"] = day
    for event in record["events"]:
        event["date"] = event["date"] or record["date"]
    if "topics" in marked:
        record["topics"] = ["police-cooperation"]
    for provision in record.get("provisions", []):
        provision["topics"] = provision["topics"] or record["topics"][:1]
    record.pop("draft")
    try:
        action = Action.model_validate(record)
    except ValidationError as exc:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    source = Source(id=record["sources"][0], outlet="Fuzz", title="Fuzz", seed="fuzz.txt", quotable=True)
    books = Codebooks(
        jurisdictions=TRACKER_BOOKS.jurisdictions | {action.jurisdiction, *action.places},  # the header's new places
        topics=TRACKER_BOOKS.topics,
        action_types=TRACKER_BOOKS.action_types,
        sources={source.id: source},
    )
    parsed = Parsed(action=action, file=YamlFile(Path("fuzz.yaml"), "fuzz.yaml"), stem=action.id)
    return [f"{p.field}: {p.message}" for p in check_record(parsed, books, {"fuzz.txt": normalise(text)})]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=3000), published=DATES)
def test_random_bytes_never_crash_the_extractor(raw: bytes, published) -> None:
    _run(raw, published)


@st.composite
def mutated_article(draw) -> bytes:
    text = draw(st.sampled_from(ARTICLES)).read_bytes()
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "splice"]))
        chunk = draw(st.binary(min_size=1, max_size=12) | st.text(max_size=12).map(str.encode))
        if kind == "insert":
            text = text[:at] + chunk + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + len(chunk) :]
        elif kind == "replace":
            text = text[:at] + chunk + text[at + len(chunk) :]
        else:  # move a piece of the article elsewhere: sentences cut mid-way, dates out of place
            end = min(len(text), at + draw(st.integers(1, 200)))
            piece, text = text[at:end], text[:at] + text[end:]
            where = draw(st.integers(0, len(text)))
            text = text[:where] + piece + text[where:]
    return text


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_article(), published=DATES)
@pytest.mark.slow
def test_mutated_articles_never_crash_the_extractor(raw: bytes, published) -> None:
    _run(raw, published)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(raw=st.one_of(st.binary(max_size=2000), mutated_article()), fmt=st.sampled_from(["yaml", "json"]))
@pytest.mark.slow
def test_the_cli_exits_0_or_2_without_a_traceback_or_a_partial_file(tmp_path_factory, raw: bytes, fmt: str) -> None:
    folder, home = tmp_path_factory.mktemp("fuzz"), tmp_path_factory.getbasetemp()
    article, out = folder / "in.txt", folder / "out.txt"
    article.write_bytes(raw)
    run = subprocess.run(
        [sys.executable, "-m", "policies", "extract", str(article), "--format", fmt, "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(home)},
        timeout=60,
    )
    assert run.returncode in (0, 2), run.stderr
    assert "Traceback" not in run.stderr
    leftovers = sorted(p.name for p in folder.iterdir())
    if run.returncode == 2:
        assert leftovers == ["in.txt"] and run.stderr.startswith("error: ")
    else:
        assert leftovers == ["in.txt", "out.txt"] and out.stat().st_size > 0
