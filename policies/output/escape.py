"""Every markup's escaper, in one place: curated and URL text is data, shown as the characters it is, never markup.

md(text)          Streamlit's markdown-reading elements (CommonMark, GFM autolinks, :color[] directives, $math$)
plot_text(text)   plotly strings (plotly.js reads a subset of HTML in labels and hover text)
html_text(text)   HTML pages we write (the printable summary)
csv_cell(value)   spreadsheet cells (a leading = + - @ would be read as a formula)
safe_url(url)     only http(s) addresses are ever made into links
"""

from __future__ import annotations

import html
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


def plot_text(text: object) -> str:
    """Curated or user text for a plotly string: plotly.js reads a subset of HTML, so escape it all; control and
    direction-override characters become spaces (a chart must read as the characters it holds)."""
    text = str(text)
    clean = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    return html.escape(clean, quote=False)


def html_text(text: object) -> str:
    """Text for an HTML page or attribute."""
    return html.escape(str(text), quote=True)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not evaluate: text beginning with = + - @ (or tab/CR) gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_url(url: object) -> str | None:
    """Only http(s) URLs are ever drawn as links."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
