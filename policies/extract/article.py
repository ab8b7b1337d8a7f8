"""Reading an article: bytes to text (with an encoding fallback), limits, and its publication date.

The first layer of extraction: everything that can be wrong with the *file* is caught here and reported as
an `ArticleError` with one clear line, so later layers only ever see readable text.
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


def dateline(text: str) -> tuple[dt.date | None, int]:
    """The date of a date line among the first lines, and where the text after it starts."""
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
    for fmt in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y", "%b %d %Y"):
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
