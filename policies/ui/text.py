"""Curated text for Streamlit's markdown-reading elements: shown as the characters it is, never as markup."""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; Streamlit adds :color[...] directives and $math$.
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=])")


# GFM turns a bare URL, www. address or e-mail address into a link after escapes are read, so escaping cannot
# stop it; an invisible word joiner (U+2060) inside "://", "www." and before "@" does.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?=@)", re.IGNORECASE)


def md(text: object) -> str:
    """Escape every markdown/HTML-significant character, drop control characters, and keep addresses from
    becoming links (a link in a shared view could point anywhere its URL says)."""
    text = str(text if text is not None else "")
    clean = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    return _PUNCT.sub(r"\\\1", _AUTOLINK.sub("\u2060", clean))
