"""Pure helpers of the Add from article page: the article as HTML with its evidence marked, and names and lines.

Everything that comes from the article is escaped here, piece by piece, before any markup is put around it:
the HTML this module returns is safe to hand to `st.html` whatever the article contains.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..extract import drafts as drafts_module
from ..i18n import mark, tr

MARK_STYLE = "background-color: #fde68a; color: #1f2937; border-radius: 2px;"
DATE_STYLE = "font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px;"
LABEL_STYLE = "color: #b45309; font-weight: 700; margin-left: 1px;"
ARTICLE_STYLE = (
    "white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.65; max-width: 78ch; font-size: 0.95rem;"
)
# The publication date used and where it came from: given with the article, or read from its date line.
PUBLISHED_FROM = {
    "argument": mark("published {date} (as given above)"),
    "dateline": mark("published {date} (from the article's date line)"),
}
PRECISION_WORDS = {"day": mark("day"), "week": mark("week"), "month": mark("month")}  # a date's precision, in words


@dataclass(frozen=True)
class Evidence:
    """A sentence to mark in the article, the label shown after it (the draft's number) and date words in it."""

    sentence: str
    label: str = ""
    date_words: tuple[str, ...] = ()


def evidence_of(actions: Sequence) -> list[Evidence]:
    """The sentences each draft rests on (its evidence, then its provisions'), labelled with the draft's number;
    the words its date came from are emphasised in its own evidence."""
    out: list[Evidence] = []
    for number, draft in enumerate(actions, 1):
        words = (draft.date_text,) if draft.date_text else ()
        out += [Evidence(sentence, str(number), words) for sentence in draft.evidence]
        cited = set(draft.evidence)
        for provision in draft.provisions:
            if provision.evidence not in cited:
                cited.add(provision.evidence)
                out.append(Evidence(provision.evidence, str(number)))
    return out


def locate(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of `needle` in `text`, as (start, end); none for an empty needle."""
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    start = text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def escape(text: str) -> str:
    """HTML-escaped text; control and other invisible characters (bidi overrides) become spaces, one for one."""
    shown = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return html.escape(shown, quote=True)


def highlight(text: str, evidence: Iterable[Evidence]) -> str:
    """The article as one HTML block: evidence sentences in <mark>, each followed by its label in <sup>, and date
    words within them in <strong>. Sentences not found verbatim are left out (see `missing`)."""
    marks: list[tuple[int, int, str]] = []
    dates: list[tuple[int, int]] = []
    for ev in evidence:
        for start, end in locate(text, ev.sentence):
            marks.append((start, end, ev.label))
            for word in ev.date_words:
                dates += [(start + a, start + b) for a, b in locate(text[start:end], word)]
    cuts = sorted({0, len(text)} | {p for s, e, _ in marks for p in (s, e)} | {p for s, e in dates for p in (s, e)})
    at = {p: i for i, p in enumerate(cuts)}
    mark_starts, date_starts = [0] * len(cuts), [0] * len(cuts)  # +1 where a span starts, -1 where it ends
    ending: dict[int, set[str]] = {}
    for s, e, label in marks:
        mark_starts[at[s]] += 1
        mark_starts[at[e]] -= 1
        if label:
            ending.setdefault(e, set()).add(label)
    for s, e in dates:
        date_starts[at[s]] += 1
        date_starts[at[e]] -= 1
    out: list[str] = []
    inside = False  # a run of marked pieces shares one <mark>; it closes where a sentence ends (for its label)
    in_marks = in_dates = 0
    for i, (a, b) in enumerate(pairwise(cuts)):
        in_marks += mark_starts[i]
        in_dates += date_starts[i]
        if (in_marks > 0) != inside:
            out.append(f'<mark class="evidence" style="{MARK_STYLE}">' if not inside else "</mark>")
            inside = not inside
        piece = escape(text[a:b])
        if in_dates > 0:
            piece = f'<strong class="date-words" style="{DATE_STYLE}">{piece}</strong>'
        out.append(piece)
        if b in ending:
            if inside:
                out.append("</mark>")
                inside = False
            labels = ", ".join(sorted(ending[b], key=_number_first))
            out.append(f'<sup class="draft-label" style="{LABEL_STYLE}">{escape(labels)}</sup>')
    if inside:
        out.append("</mark>")
    return f'<div class="article-highlighted" style="{ARTICLE_STYLE}">{"".join(out)}</div>'


def missing(text: str, evidence: Iterable[Evidence]) -> list[str]:
    """Evidence sentences that are not verbatim in the text (they cannot be marked)."""
    return list(dict.fromkeys(ev.sentence for ev in evidence if ev.sentence not in text))


def _number_first(label: str) -> tuple[int, str]:
    return (int(label), "") if label.isdigit() else (1 << 30, label)


# --- names and lines ------------------------------------------------------------------------------------------


def download_name(article_name: str, extension: str) -> str:
    """`drafts-<source id>.<extension>`: the same id the YAML header proposes for data/sources.yaml."""
    return tr("drafts-{source}.{extension}", source=drafts_module.source_id(article_name), extension=extension)


def plural(n: int, word: str) -> str:
    """English only ('3 drafts'): the page counts with `ntr`, which every language can inflect."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def published_line(article) -> str:
    """Plain words: the publication date used and where it came from. Dates as YYYY-MM-DD, as the date fields
    beside them are written."""
    if article.published is None:
        return tr("no publication date: relative dates such as “on Sunday” stay unresolved")
    day = article.published.isoformat()
    template = PUBLISHED_FROM.get(article.published_from or "")
    return tr(template, date=day) if template else tr("published {date}", date=day)


def date_line(draft) -> str:
    """`2025-10-13 (day) from the words “on Monday”`, or `no date`, plain text (the date as its field writes it)."""
    if draft.date:
        precision = PRECISION_WORDS.get(draft.date_precision)
        values = {"date": draft.date.isoformat(), "precision": tr(precision) if precision else draft.date_precision}
        if draft.date_text:
            return tr("{date} ({precision}) from the words “{words}”", words=draft.date_text, **values)
        return tr("{date} ({precision})", **values)
    if draft.date_text:
        return tr("no date from the words “{words}” (unresolved)", words=draft.date_text)
    return tr("no date")
