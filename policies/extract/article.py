"""Reading an article: bytes to text (with an encoding fallback), limits, and its publication date.

The first layer of extraction: everything that can be wrong with the *file* is caught here and reported as
an `ArticleError` with one clear line, so later layers only ever see readable text. It also knows how a web page
is laid out: its time stamp (the publication date), the furniture around the story, the headline above it and the
social-media posts embedded in it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 3_000_000  # a news article is tens of kB; several MB is not an article
FALLBACK_ENCODING = "cp1252"  # what most non-UTF-8 English news text turns out to be
# A date line: "date 2025-09-01" (the seeds' form), or "Published: 2025-09-01" / "Updated September 1, 2025".
_DATELINE = re.compile(
    r"^\s*(?:date|dated|published(?:\s+on)?|updated(?:\s+on)?|posted(?:\s+on)?)\s*[:\-–—]?\s*"
    r"(?P<when>\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*$",
    re.IGNORECASE,
)


# Page furniture: lines of a web page that are not the story (bylines, time stamps, captions, credits, footers,
# links to other stories, sign-up prompts). Their words must not become actions and their dates not action dates.
_FURNITURE = re.compile(
    r"^\s*(?:"
    r"(?:by|BY)\s+[A-ZÀ-Ý][\w.'’À-ÿ-]*(?:\s+[\w.'’À-ÿ-]+){0,4}(?:\s*(?:,|\||and|&|/)\s*[^.]{0,80})?"  # byline
    r"|(?:updated|published|posted|last\s+updated|modified)\b.{0,80}?(?:\d{1,2}:\d{2}|[ap]\.?m\.?|\d{4}).{0,40}"
    r"|.{0,60}\b\d+\s+min(?:ute)?s?\s+read\b.{0,40}"
    r"|\[?\(?(?:photo|image|video|caption|credit|file\s+photo|pictured)\b\s*[:|(\-–—].*"
    r"|\[(?:photo|image|video|caption)[^\]]*\]?"
    r"|.*\((?:photo|image|credit|AP\s+Photo|file\s+photo)\b[^)]*\)\]?\s*"
    r"|.*\b(?:Getty\s+Images|Associated\s+Press\s+photo|AP\s+Photo|staff\s+photo(?:grapher)?)\b.*"
    r"|(?:edited|reporting|additional\s+reporting|compiled|produced|written|fact-checked|story|photos?|video)\s+by\b.*"
    r"|(?:contributing|contributors?|reporting)\s*:.*|from\s+(?:staff|wire)\s+reports\.?|photo\s+courtesy\b.*"
    r"|(?:staff|senior|contributing)?\s*(?:writer|reporter|editor|correspondent|photographer)\b.{0,40}"
    r"|(?:story\s+continues|continue\s+reading|read\s+the\s+full\s+story|share\s+this\s+(?:article|story)|\d+\s+comments?)\b.*"
    r"|this\s+(?:article|story)\s+(?:originally\s+)?(?:appeared|was\s+(?:originally\s+)?published)\b.*"
    r"|more\s+(?:on|about)\s+this\s+(?:story|topic)\b.*"
    r"|the\s+post\b.*\bappeared\s+first\s+on\b.*"
    r"|(?:related|read\s+more|more|also\s+read|read\s+also|see\s+also|recommended|trending|most\s+read|popular|"
    r"more\s+from\s+[^:]{1,40}|related\s+(?:stories|coverage|articles|content)|latest|up\s+next|what\s+to\s+read\s+next)"
    r"\s*(?::|\||>>|»).*"
    r"|(?:sign\s+up|subscribe)\b.*|.*\b(?:sign\s+up|subscribe)\b.*\b(?:newsletters?|inbox|e-?mail|alerts|free|here|today|now|updates|briefing)\b.*"
    r"|.*\bnewsletters?\b.*\b(?:inbox|sign|free|daily|weekly)\b.*"
    r"|.*\b(?:all\s+rights\s+reserved|copyright\s+\d{4})\b.*|©.*"
    r"|(?:share|tweet|email|print|comments?|advertisement|ADVERTISEMENT|tags?|topics?|filed\s+under)\b\s*(?:[:|].*)?"
    r"|.*\b(?:share\s+on\s+(?:facebook|x|twitter))\b.*|.*\b(?:reach|contact|email)\s+(?:him|her|them|the\s+reporter)\s+at\b.*"
    r"|(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})\s+(?:covers|reports\s+on|is\s+a\s+(?:staff\s+)?(?:writer|reporter))\b.*"
    r"|.*@\w+\.\w+.*"  # reporter bio lines
    r"|this\s+(?:story|article|report|summary)\s+(?:was|has\s+been|is)\s+(?:compiled|updated|corrected|republished|produced|generated|written|summarized|based)\b.*"
    r"|report\s+an\s+error\b.*|got\s+story\s+updates\b.*|(?:AI|artificial\s+intelligence)[-\s]generated\b.*"
    r"|(?:click|tap)\s+here\b.*|listen\s+(?:to|on)\b.*|follow\s+us\b.*|got\s+(?:a\s+)?(?:story|tip)\b.*"
    r"|[-–—=_*•·|]{3,}\s*"
    r")\s*$",
    re.IGNORECASE,
)
_SECTION_LABEL = re.compile(
    r"^\s*[A-Z][A-Za-z&]*(?:\s*(?:[|>/»›&:]|-)?\s*[A-Z][A-Za-z&]*){0,4}\s*$"
)  # "NEWS > POLITICS"
_LIST_ITEM = re.compile(r"^\s*(?:[-•*·▪►]|\d+\.)\s+")
_LINK_HEADER = re.compile(
    r"^\s*(?:related|read\s+more|more\s+(?:stories|coverage|from\s+.{1,40})|also\s+read|see\s+also|recommended|"
    r"trending|most\s+read|popular|latest|up\s+next)\b[^.]{0,40}[:|»>]?\s*$",
    re.IGNORECASE,
)
# "— Gov. Jane Doe (@GovDoe) October 4, 2025": the attribution line closing an embedded social-media post.
SOCIAL_POST = re.compile(
    r"(?:^|\s)[—–-]{1,2}\s*(?P<who>[^(@\n]{2,80}?)\s*\(@(?P<handle>\w+)\)\s*(?:(?:on\s+)?(?:X|Twitter|Bluesky|Threads)\b,?\s*|[·|•]\s*)?"
    r"(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|AM|PM)?)?\s*$"
)


@dataclass(frozen=True)
class Post:
    """An embedded social-media post: where its text runs, who posted it (as named) and its date."""

    start: int
    end: int
    who: str
    when: dt.date | None
    when_text: str


def furniture(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that are page furniture, in order; "Related:" takes the list of headlines under it."""
    spans: list[tuple[int, int]] = []
    pos = 0
    in_links = False
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if not stripped:
            in_links = False
        elif in_links and (_LIST_ITEM.match(line) or (len(stripped) < 120 and not stripped.endswith("."))):
            spans.append((pos, end))
        elif _LINK_HEADER.match(line):
            spans.append((pos, end))
            in_links = True
        elif SOCIAL_POST.search(line):  # only the attribution: a post's own words may share its line
            spans.append((pos + _post_attribution(line).start(), end))
        elif _is_furniture(stripped):
            spans.append((pos, end))
        pos = end + 1
    return spans


def _post_attribution(line: str) -> re.Match[str]:
    match = SOCIAL_POST.search(line)
    assert match is not None
    return match


def _is_furniture(line: str) -> bool:
    if len(line) > 300:  # a paragraph, whatever words it starts with
        return False
    if _FURNITURE.match(line) or _BARE_STAMP.match(line):
        return True
    # A short all-capitals or "Section | Subsection" label with no sentence in it.
    words = line.split()
    return (
        len(words) <= 5
        and not line.endswith((".", '"', "”"))
        and bool(_SECTION_LABEL.match(line))
        and (line.isupper() or bool(re.search(r"[|>»›]", line)))
    )


_DATELINE_OPENING = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{2,40}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s"
)
HEAD_LINES = 15  # a headline and deck sit in the first lines, or there is none to find


def head_end(text: str) -> int:
    """Where the headline ends: after the first line of text (below any date line and section labels) when it reads
    as a headline (short, no closing punctuation) and a story follows; 0 when the text opens with a sentence.

    Only the headline: a deck and a lede without a dateline look alike, and a lede's act must never be lost.
    """
    pos = 0
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        end = pos + len(line)
        pos = end + 1
        if i >= HEAD_LINES:
            return 0
        if (
            not stripped
            or _DATELINE.match(line)
            or re.match(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b", line)
            or _is_furniture(stripped)
        ):
            continue  # the date line, section labels and the like sit above the headline
        headline = (
            len(stripped) < 200
            and not stripped.endswith((".", '"', "”", ":", "?", "!"))
            and not _DATELINE_OPENING.match(line)
        )
        return end if headline and text[pos:].strip() else 0
    return 0


def social_posts(text: str) -> list[Post]:
    """Embedded posts: the lines just above each attribution line, back to the blank line before them."""
    posts: list[Post] = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        match = SOCIAL_POST.search(line)
        if not match:
            continue
        first = i
        while first > 0 and lines[first - 1].strip() and not SOCIAL_POST.search(lines[first - 1]):
            first -= 1
        own_words = bool(line[: match.start()].strip())  # "We will sue. pic.twitter.com/x — Gov. X (@x) ..."
        if first == i and not own_words:
            continue
        end = starts[i] + match.start() if own_words else starts[i] - 1
        posts.append(Post(starts[first], end, match["who"].strip(), _parse_when(match["when"]), match["when"]))
    return posts


class ArticleError(ValueError):
    """The article cannot be read: the message names the file and what is wrong."""


@dataclass
class Article:
    text: str
    name: str = "article"
    published: dt.date | None = None
    published_from: str | None = None  # "argument" | "dateline" | None
    encoding: str = "utf-8"
    body_start: int = 0  # offset of the text after a date line
    warnings: list[str] = field(default_factory=list)


def read_article(path: Path | str) -> bytes:
    path = Path(path)
    try:
        if path.is_dir():
            raise ArticleError(f"{path}: is a folder, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{path}: {size:,} bytes is too large for an article (limit {MAX_BYTES:,})")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror or exc}") from None


def parse_article(raw: bytes | str, name: str = "article", published: dt.date | None = None) -> Article:
    """Decode and check the text, and find its publication date (argument first, then a date line)."""
    warnings: list[str] = []
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")  # one path: the size limit holds for text as for files
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{name}: {len(raw):,} bytes is too large for an article (limit {MAX_BYTES:,})")
    text, encoding = _decode(raw, name)
    if encoding == "utf-16":
        warnings.append(f"{name}: read as UTF-16 (it starts with a UTF-16 byte-order mark)")
    elif encoding != "utf-8":
        warnings.append(f"{name}: not valid UTF-8; read as {encoding}, check accented characters")
    if "\x00" in text or _control_share(text) > 0.05:
        raise ArticleError(f"{name}: looks like a binary file, not article text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise ArticleError(f"{name}: is empty")
    article = Article(text=text, name=name, encoding=encoding, warnings=warnings)
    line_date, body_start = dateline(text)
    article.body_start = body_start
    if published:
        article.published, article.published_from = published, "argument"
        if line_date and line_date != published:
            warnings.append(
                f"{name}: the date line says {line_date} but the publication date given is {published}; using {published}"
            )
    elif line_date:
        article.published, article.published_from = line_date, "dateline"
    else:
        warnings.append(
            f"{name}: no publication date given or found in a date line; relative dates are left unresolved"
        )
    return article


_STAMP = re.compile(
    r"^\s*(?P<kind>published|posted|updated|last\s+updated)(?:\s+on)?\s*:?\s*(?:[^\n]{0,30}?)"
    r"(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
_BARE_STAMP = re.compile(  # "November 5, 2025 at 10:42 am", "Thu, Nov. 20, 2025 7:18 AM EST" alone on its line
    r"^\s*(?P<kind>)(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.?,?\s+)?(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*(?:at|,|\||-)?\s*(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|AM|PM)?\s*[A-Z]{0,4}|\d+\s+min(?:ute)?s?\s+read|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))?\s*$"
)
STAMP_LINES = 15  # a page's time stamp sits under the headline and byline, never further down


def dateline(text: str) -> tuple[dt.date | None, int]:
    """The date of a date line among the first lines, and where the text after it starts.

    A web page's time stamp under its headline ("Published Nov. 14, 2025 3:42 PM CST", "Updated 4:12 p.m. CST
    Oct. 3, 2025") is its publication date too; "Published" wins over "Updated", which may be days later.
    """
    line_date, body_start = _first_line_date(text)
    if line_date:
        return line_date, body_start
    stamps: dict[str, dt.date] = {}
    for line in text.split("\n")[:STAMP_LINES]:
        match = _STAMP.match(line) or _BARE_STAMP.match(line)
        when = _parse_when(match["when"].replace("Sept.", "Sep.")) if match else None
        if match and when and len(line) < 120:
            stamps.setdefault("updated" if "updated" in match["kind"].lower() else "published", when)
    return stamps.get("published") or stamps.get("updated"), 0


def _first_line_date(text: str) -> tuple[dt.date | None, int]:
    offset = 0
    for line in text.split("\n")[:3]:
        match = _DATELINE.match(line)
        if match:
            return _parse_when(match["when"]), offset + len(line) + 1
        # The seeds run the date line straight into the text: "date 2025-09-01 US Homeland ..."
        inline = re.match(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", line)
        if inline:
            return _parse_when(inline[1]), offset + inline.end()
        if line.strip():
            break
        offset += len(line) + 1
    return None, 0


def _parse_when(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    text = re.sub(r"\s+", " ", text.replace("Sept.", "Sep."))
    for fmt in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y", "%b %d %Y", "%b. %d %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample)
