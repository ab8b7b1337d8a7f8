"""Curated text for Streamlit's markdown-reading elements: shown as the characters it is, never as markup."""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; Streamlit adds :color[...] directives and $math$.
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=])")


def md(text: object) -> str:
    """Escape every markdown/HTML-significant character and drop control characters."""
    text = str(text if text is not None else "")
    clean = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    return _PUNCT.sub(r"\\\1", clean)
