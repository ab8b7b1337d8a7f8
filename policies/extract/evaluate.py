"""Scoring the extractor against hand-made answer keys, next to a plain `dateparser.search_dates` baseline.

An answer key (`NN-slug.yaml` beside `NN-slug.txt`, format in benchmarks/extraction/README.md) lists the
actions a careful reader finds. A predicted action matches a key action when level, action type and date
agree (an undated key action matches an undated prediction); each key action matches at most once.
The baseline cannot name actions, only dates, so both are also scored on dates alone: the dates of the
key's actions against the dates each method reports.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from dateparser.search import search_dates
from pydantic import BaseModel, ConfigDict, ValidationError

from ..records.model import ACTION_TYPES, LEVELS, Precision
from . import ArticleError, extract
from .article import parse_article


class KeyAction(BaseModel):
    model_config = ConfigDict(extra="allow")

    level: str
    action_type: str
    date: dt.date | None
    date_precision: Precision = "day"


class AnswerKey(BaseModel):
    model_config = ConfigDict(extra="allow")

    article: str
    published: dt.date | None = None
    dateline: bool = False
    actions: list[KeyAction]


@dataclass
class Case:
    name: str
    text: str
    key: AnswerKey

    @property
    def published_argument(self) -> dt.date | None:
        """What a curator would pass as --published: nothing when the article carries its own date line."""
        return None if self.key.dateline else self.key.published


@dataclass
class Tally:
    matched: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, matched: int, predicted: int, expected: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.expected += expected

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    label: str
    articles: int = 0
    characters: int = 0
    actions: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    date_right: int = 0  # among actions matched on level and type, how many have the key's date and precision
    date_pairs: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.date_pairs if self.date_pairs else 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


class AnswerKeyError(ValueError):
    """An answer key that cannot be read: the message names the file and field."""


def load_cases(folder: Path, texts: Path | None = None) -> list[Case]:
    """Every `*.yaml` key in `folder` with its article (looked up in `texts`, default `folder`)."""
    cases = []
    for key_path in sorted(folder.glob("*.yaml")):
        try:
            key = AnswerKey.model_validate(yaml.safe_load(key_path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise AnswerKeyError(f"{key_path}: not a valid answer key: {exc}") from None
        for i, action in enumerate(key.actions):
            if action.level not in LEVELS or action.action_type not in ACTION_TYPES:
                raise AnswerKeyError(f"{key_path}: actions[{i}]: unknown level or action_type")
        article = (texts or folder) / key.article
        if not article.is_file():
            raise AnswerKeyError(f"{key_path}: article: {article} not found")
        cases.append(Case(key_path.stem, article.read_text(encoding="utf-8"), key))
    return cases


def score_extractor(cases: list[Case], label: str = "extractor", repeat: int = 1) -> Score:
    score = Score(label)
    results = []
    _warm_up()
    start = time.perf_counter()
    for _ in range(max(1, repeat)):
        results = [extract(c.text, c.name, c.published_argument) for c in cases]
    score.seconds = (time.perf_counter() - start) / max(1, repeat)
    for case, result in zip(cases, results):
        predicted = [(d.jurisdiction.level, d.action_type, d.date, d.date_precision) for d in result.actions]
        _score_case(score, case, predicted)
    return score


def score_baseline(cases: list[Case], repeat: int = 1, label: str = "dateparser.search_dates") -> Score:
    """`dateparser.search_dates` over the whole text, given the same publication date as the extractor."""
    score = Score(label)
    found: list[list[dt.date]] = []
    _warm_up()
    start = time.perf_counter()
    for _ in range(max(1, repeat)):
        found = [_baseline_dates(c) for c in cases]
    score.seconds = (time.perf_counter() - start) / max(1, repeat)
    for case, dates in zip(cases, found):
        score.articles += 1
        score.characters += len(case.text)
        score.dates.add(*_date_overlap(dates, [a.date for a in case.key.actions if a.date]))
    return score


def _warm_up() -> None:
    """dateparser compiles its patterns on first use (~0.3 s); timing measures the steady state after it."""
    extract("The mayor signed an executive order on Monday, Oct. 6.", "warm-up", dt.date(2025, 10, 8))
    search_dates("on Monday, Oct. 6", languages=["en"])


def _baseline_dates(case: Case) -> list[dt.date]:
    try:
        article = parse_article(case.text, case.name, case.published_argument)
    except ArticleError:
        return []
    settings = {"RELATIVE_BASE": dt.datetime.combine(article.published, dt.time())} if article.published else {}
    hits = search_dates(article.text, languages=["en"], settings=settings) or []
    return [when.date() for _text, when in hits]


def _score_case(score: Score, case: Case, predicted: list[tuple]) -> None:
    score.articles += 1
    score.characters += len(case.text)
    expected = [(a.level, a.action_type, a.date, a.date_precision) for a in case.key.actions]
    score.actions.add(_matches(predicted, expected, lambda p, e: p[:3] == e[:3]), len(predicted), len(expected))
    score.dates.add(*_date_overlap([p[2] for p in predicted if p[2]], [e[2] for e in expected if e[2]]))
    pairs = _pairs(predicted, expected, lambda p, e: p[:2] == e[:2])
    score.date_pairs += len(pairs)
    score.date_right += sum(1 for p, e in pairs if p[2] == e[2] and (e[2] is None or p[3] == e[3]))
    for e in expected:
        if not any(p[:3] == e[:3] for p in predicted):
            score.misses.append(f"{case.name}: missed {e[0]} {e[1]} {e[2]}")
    for p in predicted:
        if not any(p[:3] == e[:3] for e in expected):
            score.misses.append(f"{case.name}: extra {p[0]} {p[1]} {p[2]}")


def _pairs(predicted: list, expected: list, same) -> list[tuple]:
    left = list(expected)
    out = []
    for p in predicted:
        hit = next((e for e in left if same(p, e)), None)
        if hit is not None:
            left.remove(hit)
            out.append((p, hit))
    return out


def _matches(predicted: list, expected: list, same) -> int:
    return len(_pairs(predicted, expected, same))


def _date_overlap(found: list[dt.date], wanted: list[dt.date]) -> tuple[int, int, int]:
    """(matched, found, wanted) counting each date as often as it occurs on each side."""
    hits = sum((Counter(found) & Counter(wanted)).values())
    return hits, len(found), len(wanted)


def report(scores: list[Score]) -> str:
    head = f"{'':48}{'articles':>9}{'act P':>8}{'act R':>8}{'act F1':>8}{'date P':>8}{'date R':>8}{'date acc':>9}{'art/s':>8}"
    lines = [head]
    for s in scores:
        act = s.actions.predicted or s.actions.expected
        cells = (
            f"{s.actions.precision:8.2f}{s.actions.recall:8.2f}{s.actions.f1:8.2f}"
            if act
            else f"{'–':>8}{'–':>8}{'–':>8}"
        )
        acc = f"{s.date_accuracy:9.2f}" if s.date_pairs else f"{'–':>9}"
        lines.append(
            f"{s.label:48}{s.articles:>9}{cells}{s.dates.precision:8.2f}{s.dates.recall:8.2f}{acc}{s.per_second:8.1f}"
        )
    return "\n".join(lines)
