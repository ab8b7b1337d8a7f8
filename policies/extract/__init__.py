"""Extraction: a news article becomes draft policy actions a curator reviews.

    article (bytes) ─ article.parse_article ─▶ Article ─ actions.extract_actions ─▶ [Draft] ─ drafts ─▶ JSON / YAML

`extract()` is the one entry point the CLI, the dashboard page and the evaluation use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .actions import Draft, extract_actions
from .article import Article, ArticleError, parse_article, read_article

__all__ = ["Article", "ArticleError", "Draft", "Extraction", "extract", "parse_article", "read_article"]


@dataclass
class Extraction:
    article: Article
    actions: list[Draft]

    @property
    def warnings(self) -> list[str]:
        notes = list(self.article.warnings)
        if not self.actions:
            notes.append(f"{self.article.name}: no policy actions found")
        unresolved = [d for d in self.actions if d.date is None and d.date_text]
        if unresolved and self.article.published is None:
            notes.append(f"{len(unresolved)} relative date(s) left unresolved: no publication date")
        return notes


def extract(raw: bytes | str, name: str = "article", published: dt.date | None = None) -> Extraction:
    """Raises ArticleError for unreadable input; otherwise always returns (possibly no actions)."""
    article = parse_article(raw, name, published)
    return Extraction(article, extract_actions(article.text, article.published, article.body_start))
