"""Date expressions in news text, resolved against the publication date.

Finding is ours, parsing is dateparser's: `dateparser.search_dates` alone reads "we", "may", "march" and bare
numbers as dates, so candidates come from patterns for the ways reporters actually write dates, and
dateparser turns each candidate into a date. The conventions on top are the project's:

- a weekday ("on Sunday") is the latest such day on or before publication (publication day included);
- "last week" is a week (its Monday), "this month" / "last month" / "in early September" are months (the 1st);
- a month and day without a year falls in the publication year, unless that is well after publication;
- "a day later", "the next morning", "the same day" carry only their offset: the reader (`actions`) counts it
  from the date the article gave last;
- with no publication date, relative expressions stay unresolved (their text is kept), never read against today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
FULL_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|ten|\d{1,2})"

# Order matters: longer, more specific forms first; a span is claimed by the first pattern that takes it.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    ("numeric", re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")),
    ("month-day", re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\d:])")),
    ("day-month", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{FULL_MONTHS}(?:,?\s+\d{{4}})?\b")),
    ("offset", re.compile(rf"\b(?:the\s+)?(?:{_NUMBER}\s+days?|a\s+week|the\s+day)\s+(?:after|before)\b", re.I)),
    ("days-ago", re.compile(rf"\b{_NUMBER}\s+days\s+ago\b", re.I)),
    # "A day later", "the next morning", "the same day": counted from the date the article gave last.
    (
        "later",
        re.compile(
            rf"\b(?:{_NUMBER}\s+days?\s+later|a\s+week\s+later|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening)|"
            rf"(?:later\s+)?(?:the\s+same|that)\s+(?:day|morning|afternoon|evening|signing|ceremony|news\s+conference|meeting)|"
            rf"(?:hours|minutes)\s+later)\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:(?i:in|during|of|on)\s+)?(?:(?i:early|mid|late)[-\s]+)?"
            rf"{FULL_MONTHS}(?:,?\s+\d{{4}})?\b(?!\s+\d)"
        ),
    ),
    ("relative-month", re.compile(r"\b(?:earlier\s+this|this|last|late\s+last|early\s+last)\s+month\b", re.I)),
    ("relative-week", re.compile(r"\b(?:earlier\s+this|this|last|late\s+last|early\s+last)\s+week(?:end)?\b", re.I)),
    ("relative-day", re.compile(r"\b(?:yesterday|today|(?:on\s+)?(?:the\s+)?previous\s+day)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?:on|last|this\s+past|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday"
            r"|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
    ),
)
# Words before a date that make it something other than when the action happened.
NOT_ACTION_DATE = re.compile(
    r"(?:effective|takes?\s+effect|set\s+for|scheduled(?:\s+for)?|until|through|expires?|expiring|deadline|"
    r"hearing(?:\s+\w+){0,3}\s+(?:on|for)|next|starting|beginning|due|by|runs?\s+to|born|since)\s*$",
    re.I,
)
# A date inside a clause about what will happen ("said deputies would begin training in July"): the plan's date.
FUTURE_CLAUSE = re.compile(r"\b(?:would|will|plans?\s+to|expects?\s+to)\s+(?:not\s+)?[a-z]+(?:\s+[a-z]+){0,3}\s+$")
# "they plan to begin transferring as many as 150 detainees to the county prison in January": the plan's start.
PLANNED_START = re.compile(
    r"\b(?:plans?|planned|expects?|intends?)\s+to\s+(?:begin|start)\s+[a-z]+ing\b[^.,;:]{0,100}$"
)
# "according to copies posted on the city's website Wednesday": when the papers appeared, not when the act was done.
POSTED_COPIES = re.compile(
    r"\b(?:copies|documents|records|filings|versions?)\s+(?:\w+\s+){0,2}?(?:posted|published|obtained|released|made\s+public)\b[^,;]*$"
)
MONTH_LOOKAHEAD = 20  # a month-day up to this many days after publication is still this year (a hearing date)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    precision: str  # day | week | month
    offset: int = 0  # for "a day after": days to add to the anchor
    future: bool = False

    @property
    def resolved(self) -> bool:
        return self.date is not None


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, left to right, each resolved when it can be."""
    claimed: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in claimed):
                continue
            mention = _resolve(kind, match.group(0), span, published)
            if mention is not None:
                claimed.append(span)
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def is_action_date(text: str, mention: DateMention) -> bool:
    """False for dates a sentence gives for something else: effect, hearings, deadlines, the future."""
    before = text[max(0, mention.start - 40) : mention.start]
    return (
        not mention.future
        and not NOT_ACTION_DATE.search(before)
        and mention.kind not in ("offset", "later")
        and not FUTURE_CLAUSE.search(before)
        and not POSTED_COPIES.search(text[max(0, mention.start - 70) : mention.start])
        and not PLANNED_START.search(text[max(0, mention.start - 140) : mention.start])
    )


def _resolve(kind: str, phrase: str, span: tuple[int, int], published: dt.date | None) -> DateMention | None:
    def out(day: dt.date | None, precision: str = "day", **extra) -> DateMention:
        future = bool(day and published and day > published)
        return DateMention(span[0], span[1], phrase, kind, day, precision, future=future, **extra)

    if kind in ("iso", "numeric", "month-day", "day-month"):
        has_year = bool(re.search(r"\d{4}", phrase))
        if not has_year and published is None:
            return out(None)
        day = _parse(_strip_on(phrase), published)
        if day is None:
            return None
        if not has_year and published and (day - published).days > MONTH_LOOKAHEAD:
            day = _same_day_year_before(day)
        return out(day)
    if kind == "offset":
        words = phrase.lower().split()
        days = 7 if "week" in words else NUMBERS.get(words[1] if words[0] == "the" else words[0])
        if days is None:
            days = int(words[0]) if words[0].isdigit() else 1
        sign = 1 if words[-1] == "after" else -1
        return DateMention(span[0], span[1], phrase, kind, None, "day", offset=sign * days)
    if kind == "later":
        words = phrase.lower().split()
        if words[0] in ("the", "that", "later", "hours", "minutes"):
            days = 1 if words[1] in ("next", "following") else 0
        else:
            days = 7 if "week" in words else NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else 1)
        return DateMention(span[0], span[1], phrase, "later", None, "day", offset=days)
    if kind == "days-ago":
        if published is None:
            return out(None)
        count = phrase.split()[0].lower()
        return out(published - dt.timedelta(days=int(count) if count.isdigit() else NUMBERS.get(count, 1)))
    if kind == "month":
        return _month(phrase, span, published)
    if published is None:
        return out(None, "week" if kind == "relative-week" else "month" if kind == "relative-month" else "day")
    lower = phrase.lower()
    if kind == "relative-month":
        first = published.replace(day=1)
        if "last" in lower:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return out(first, "month")
    if kind == "relative-week":
        monday = published - dt.timedelta(days=published.weekday())
        return out(monday - dt.timedelta(days=7) if "last" in lower else monday, "week")
    if kind == "relative-day":
        if "today" in lower:
            return out(published)
        if "yesterday" in lower:
            return out(_parse("yesterday", published))
        return DateMention(span[0], span[1], phrase, "offset", None, "day", offset=-1)
    if kind == "weekday":
        name = next(w for w in WEEKDAYS if w in phrase)
        back = (published.weekday() - WEEKDAYS.index(name)) % 7
        if lower.startswith("last ") and back == 0:
            back = 7
        return out(published - dt.timedelta(days=back))
    return None


def _month(phrase: str, span: tuple[int, int], published: dt.date | None) -> DateMention | None:
    name = re.search(FULL_MONTHS, phrase)
    year = re.search(r"\d{4}", phrase)
    bare = phrase.strip() == (name[0] if name else "")
    if name is None or (bare and not year and name[0] in ("May", "March")):
        return None  # "May" and "March" alone are too often a verb
    month = dt.datetime.strptime(name[0], "%B").month
    if year:
        first = dt.date(int(year[0]), month, 1)
    elif published:
        first = dt.date(published.year, month, 1)
        if first > published:
            first = first.replace(year=published.year - 1)
    else:
        return DateMention(span[0], span[1], phrase, "month", None, "month")
    future = bool(published and first > published)
    return DateMention(span[0], span[1], phrase, "month", first, "month", future=future)


def _strip_on(phrase: str) -> str:
    return re.sub(r"(st|nd|rd|th)\b", "", phrase.replace("Sept.", "Sep."))


@lru_cache(maxsize=4096)
def _parse(phrase: str, published: dt.date | None) -> dt.date | None:
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "MDY"}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _same_day_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
