"""The source entry a draft cites, prefilled from the article: outlet, title, address and publication date.

Each field says where it came from (`found` in the text or given by the curator, `guessed` from the address
or the first line, or `missing`), so the review desk can show which ones to check first. Nothing is fetched:
an address is only read for its host name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from .article import Article

Origin = Literal["found", "guessed", "missing"]

# Host names of outlets that cover this beat, to their names as they sign their work. A host not listed gives
# its own name ("example.org"), marked as guessed.
OUTLETS = {
    "apnews.com": "Associated Press",
    "reuters.com": "Reuters",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "chicagotribune.com": "Chicago Tribune",
    "suntimes.com": "Chicago Sun-Times",
    "wbez.org": "WBEZ",
    "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News",
    "abcnews.go.com": "ABC News",
    "cnn.com": "CNN",
    "npr.org": "NPR",
    "politico.com": "Politico",
    "axios.com": "Axios",
    "latimes.com": "Los Angeles Times",
    "sfchronicle.com": "San Francisco Chronicle",
    "calmatters.org": "CalMatters",
    "theguardian.com": "The Guardian",
    "dw.com": "Deutsche Welle",
    "audacy.com": "Audacy",
    "lawfaremedia.org": "Lawfare",
    "propublica.org": "ProPublica",
    "texastribune.org": "The Texas Tribune",
    "opb.org": "Oregon Public Broadcasting",
    "oregonlive.com": "The Oregonian",
    "bostonglobe.com": "The Boston Globe",
    "wsj.com": "The Wall Street Journal",
    "foxnews.com": "Fox News",
    "thehill.com": "The Hill",
    "courthousenews.com": "Courthouse News Service",
    "smartcitiesdive.com": "Smart Cities Dive",
    "blockclubchicago.org": "Block Club Chicago",
    "documentedny.com": "Documented",
    "borderreport.com": "Border Report",
}
# How pages sign themselves in their own text, most specific first.
_SIGNED = (
    re.compile(r"The post .{3,300}? appeared first on (?P<outlet>[^.\n]{2,80})\.", re.S),
    re.compile(r"(?:Originally|First) published (?:by|in|on) (?P<outlet>[A-Z][^.,\n]{1,80})"),
    re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][^.\n]{1,80}?)(?:\.|,|\s+All rights|\n|$)"),
)
_WIRES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse"}
# "CHICAGO (AP) —" in a dateline.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\((?P<wire>AP|Reuters|AFP)\)\s*[—–-]", re.M)
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_NOT_A_TITLE = re.compile(
    r"^(?:by\b|date\b|published\b|updated\b|posted\b|edited by\b|photo\b|image\b|listen\b|share\b|\d+\s*min read)",
    re.I,
)


@dataclass
class SourceDraft:
    """A source registry entry to review: the fields of `records.model.Source` and where each came from."""

    id: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    origin: dict[str, Origin] = field(default_factory=dict)

    def entry(self) -> dict:
        """The registry entry as the curated schema spells it (only the fields that have a value)."""
        out: dict = {"id": self.id, "outlet": self.outlet or "", "title": self.title or ""}
        if self.url:
            out["url"] = self.url
        if self.published:
            out["published"] = self.published
        out["quotable"] = False  # we do not keep the article's text: evidence from it is paraphrase
        return out


def prefill(article: Article, source_id: str, url: str | None = None) -> SourceDraft:
    """Everything the article (and its address, when the curator gives one) says about where it came from."""
    draft = SourceDraft(id=source_id)
    found_url = url.strip() if url and url.strip() else _first_url(article.text)
    draft.url = found_url if found_url and _URL.fullmatch(found_url) else None
    draft.origin["url"] = "found" if draft.url else "missing"
    outlet = signed_outlet(article.text)
    if outlet:
        draft.outlet, draft.origin["outlet"] = outlet, "found"
    elif draft.url:
        draft.outlet, draft.origin["outlet"] = outlet_of(draft.url), "guessed"
    else:
        draft.origin["outlet"] = "missing"
    title = headline(article.text)
    draft.title = title
    draft.origin["title"] = "guessed" if title else "missing"
    draft.published = article.published
    draft.origin["published"] = "found" if article.published else "missing"
    return draft


def signed_outlet(text: str) -> str | None:
    """The outlet a page names as its own: a republication footer, a copyright line, a wire's dateline."""
    for pattern in _SIGNED:
        match = pattern.search(text)
        if match:
            return match["outlet"].strip().strip('"“”')
    wire = _WIRE_DATELINE.search(text)
    return _WIRES[wire["wire"]] if wire else None


def outlet_of(url: str) -> str:
    """An address's outlet: its name when the host is a known one, else the host itself."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for known, name in OUTLETS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def headline(text: str) -> str | None:
    """The first line that reads like a headline: short, not a byline or date line, not a full sentence."""
    for line in text.split("\n")[:8]:
        line = line.strip()
        if not line or _NOT_A_TITLE.match(line) or _URL.match(line):
            continue
        if len(line) <= 200 and not line.endswith((".", ":", ",")) and len(line.split()) >= 3:
            return line
        return None  # the body has begun: no headline in this text
    return None


def _first_url(text: str) -> str | None:
    match = _URL.search(text[:2000])  # an address at the top (a saved page's "Source:" line), not a link below
    return match[0].rstrip(".,;") if match else None
