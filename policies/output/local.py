"""Record text in the reader's language: the record's curated translation where it has one, else its English,
marked "(in English)" in the reader's language. Never a machine translation passed off as curated.

The store keeps translations beside the text they translate (`title_es` beside `title`); these pick the column.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import i18n
from ..i18n import mark, tr

IN_ENGLISH = mark("{text} (in English)")


def text_column(frame: pd.DataFrame, column: str, lang: str | None = None) -> pd.Series:
    """`frame[column]` in `lang` (default: this run's), falling back to the marked English row by row."""
    lang = lang or i18n.current()
    original = frame[column].astype(object)
    translated = f"{column}_{lang}"
    if lang == i18n.DEFAULT or translated not in frame:
        return original if lang == i18n.DEFAULT else original.map(_marked)
    local = frame[translated].astype(object)
    missing = local.isna() | (local == "")
    return local.where(~missing, original.map(_marked))


def text_value(row: Mapping, column: str, lang: str | None = None) -> str:
    """One row's `column` in `lang`, as `text_column` would give it."""
    lang = lang or i18n.current()
    original = str(row.get(column) or "")
    if lang == i18n.DEFAULT:
        return original
    local = row.get(f"{column}_{lang}")
    return str(local) if isinstance(local, str) and local else _marked(original)


def is_translated(row: Mapping, column: str, lang: str | None = None) -> bool:
    """Whether the row has a curated translation of `column` in `lang` (English always has its own)."""
    lang = lang or i18n.current()
    local = row.get(f"{column}_{lang}")
    return lang == i18n.DEFAULT or (isinstance(local, str) and bool(local))


def _marked(text: object) -> str:
    return tr(IN_ENGLISH, text=text) if text else ""
