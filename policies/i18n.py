"""The interface's languages: gettext catalogues through Babel, the language of the current run, and dates.

Interface strings are English msgids, translated with `tr("...")` (or `ntr` for counts) at the moment they are
shown, in the language `activate` set for this run (each Streamlit run, each command, each request sets it; a
thread starts in English). Strings defined once at import time are marked with `mark("...")`, which only tells
the extractor they exist, and translated with `tr(CONSTANT)` where they are shown. Placeholders are named and
filled by `str.format`, so a translator can move them: `tr("{count} actions", count=n)`.

Catalogues: policies/locale/messages.pot (extracted from the code), policies/locale/es/LC_MESSAGES/messages.po
(translated by people), compiled to .mo by scripts/setup (`pybabel compile`). Without a compiled catalogue the
.po is read directly, so a checkout that skipped setup still shows Spanish.

Record text (titles, summaries, provisions) is not here: records carry curated translations of their own.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from gettext import NullTranslations
from pathlib import Path

import pandas as pd
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LANGUAGES = ("en", "es")
DEFAULT = "en"
NAMES = {"en": "English", "es": "Español"}  # each language in its own words, for the switch
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def activate(lang: str) -> str:
    """Make `lang` the language of this run (thread or task); anything not in LANGUAGES is English."""
    lang = lang if lang in LANGUAGES else DEFAULT
    _current.set(lang)
    return lang


def current() -> str:
    return _current.get()


@contextmanager
def using(lang: str) -> Iterator[str]:
    """The language for a block (a command, a file made for another language), restored after it."""
    token = _current.set(lang if lang in LANGUAGES else DEFAULT)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@functools.cache
def catalogue(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang`; its .po when not compiled; English (no catalogue) returns msgids."""
    if lang == DEFAULT:
        return NullTranslations()
    compiled = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if compiled.exists():
        return Translations.load(str(LOCALE_DIR), [lang], DOMAIN)
    source = compiled.with_suffix(".po")
    if not source.exists():
        return NullTranslations()
    with source.open("rb") as handle:
        parsed = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, parsed)
    buffer.seek(0)
    return Translations(buffer, DOMAIN)


def mark(message: str) -> str:
    """Marks a string for the catalogue without translating it (module constants): `tr` it where it is shown."""
    return message


def tr(message: str, **values: object) -> str:
    """`message` in the current language, its {placeholders} filled from `values`."""
    text = catalogue(current()).gettext(message) if message else message
    return text.format(**values) if values else text


def ntr(singular: str, plural: str, count: int, **values: object) -> str:
    """The singular or plural form for `count` in the current language; `{count}` is filled with it."""
    text = catalogue(current()).ngettext(singular, plural, count)
    return text.format(count=number(count), **values)


def translate(lang: str, message: str) -> str:
    """`message` in `lang`, whatever this run's language (labels worked out once for every language)."""
    with using(lang):
        return tr(message)


def negotiate(asked: str | None, browser_locale: str | None) -> str:
    """The language to show: `?lang=` when it is one we have, else the browser's (`st.context.locale`, e.g.
    'es-MX'), else English."""
    if asked in LANGUAGES:
        return asked
    if browser_locale:
        try:
            language = Locale.parse(browser_locale.replace("-", "_")).language
        except (ValueError, UnknownLocaleError):
            return DEFAULT
        if language in LANGUAGES:
            return language
    return DEFAULT


# --- dates and numbers, the reader's way ---------------------------------------------------------------------

_PATTERNS = {"day": "d MMM y", "week": "d MMM y", "month": "MMM y"}
WEEK_OF = mark("week of {day}")  # a date of week precision: the week's Monday


def format_day(day: pd.Timestamp | dt.date, precision: str = "day", lang: str | None = None) -> str:
    """'30 Aug 2025', 'week of 18 Aug 2025', 'Aug 2025'; in Spanish '30 ago 2025', 'semana del 18 ago 2025'."""
    lang = lang or current()
    text = babel_date(pd.Timestamp(day).date(), _PATTERNS.get(precision, _PATTERNS["day"]), locale=lang)
    if precision == "week":
        with using(lang):
            return tr(WEEK_OF, day=text)
    return text


def format_pattern(day: pd.Timestamp | dt.date, pattern: str, lang: str | None = None) -> str:
    """A date in a CLDR pattern ('MMM d, y'), with the month names of `lang` (default: this run's)."""
    return babel_date(pd.Timestamp(day).date(), pattern, locale=lang or current())


def number(count: int) -> str:
    """1,234 in English, 1234 / 12.345 in Spanish."""
    return f"{count:,}" if current() == DEFAULT else format_decimal(count, locale=current())
