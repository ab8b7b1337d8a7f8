"""The interface in Spanish: a catalogue extracted from the code and translated in full, the language chosen by
`?lang=`, the switch or the browser, dates the Spanish way, and records' own curated Spanish (or their English,
marked as such). Runs on fixture trees; the catalogue is the project's own code, not curated data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from trees import BILINGUAL_ID, SPANISH_PROVISION, SPANISH_TITLE, bilingual_tree

from policies import i18n
from policies import store as store_module
from policies.output import local
from policies.view import View, apply, describe, parse

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "policies" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _catalogue(path: Path, lang: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory):
    return store_module.load(bilingual_tree(tmp_path_factory.mktemp("bilingual")), use_cache=False)


def test_the_catalogue_holds_every_string_the_code_marks(tmp_path: Path) -> None:
    """messages.pot is what `scripts/translations` extracts today: a string added to the code and not extracted
    (so never translated) fails here."""
    out = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "-q", "extract", "-F", "babel.cfg", "--no-default-keywords"]
        + ["-k", "tr", "-k", "ntr:1,2", "-k", "mark", "-o", str(out), "."],
        cwd=ROOT,
        check=True,
    )
    fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue(out) if m.id}
    committed = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue(LOCALES / "messages.pot") if m.id}
    assert fresh == committed, (
        f"run scripts/translations: new {sorted(fresh - committed)[:5]}, gone {sorted(committed - fresh)[:5]}"
    )


def test_every_interface_string_has_a_spanish_translation() -> None:
    template = _catalogue(LOCALES / "messages.pot")
    spanish = _catalogue(LOCALES / "es" / "LC_MESSAGES" / "messages.po", "es")
    missing, fuzzy = [], []
    for message in template:
        if not message.id:
            continue
        translated = spanish.get(message.id)
        strings = (
            []
            if translated is None
            else ([translated.string] if isinstance(translated.string, str) else list(translated.string))
        )
        if not strings or not all(s.strip() for s in strings):
            missing.append(message.id)
        elif translated is not None and translated.fuzzy:
            fuzzy.append(message.id)
    assert not missing, f"{len(missing)} strings have no Spanish: {missing[:8]}"
    assert not fuzzy, f"{len(fuzzy)} Spanish strings are marked fuzzy (unchecked): {fuzzy[:8]}"


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops or renames {count} would crash or lie at run time."""
    for message in _catalogue(LOCALES / "es" / "LC_MESSAGES" / "messages.po", "es"):
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if string:
                assert set(PLACEHOLDER.findall(string)) == wanted, (ids[0], string)


def test_the_language_comes_from_the_url_then_the_browser_then_english() -> None:
    assert i18n.negotiate("es", "en-US") == "es"
    assert i18n.negotiate("en", "es-MX") == "en"
    assert i18n.negotiate(None, "es-MX") == i18n.negotiate(None, "es") == "es"
    assert i18n.negotiate("fr", "fr-FR") == i18n.negotiate(None, None) == i18n.negotiate(None, "not a locale!") == "en"


def test_dates_and_numbers_read_the_spanish_way() -> None:
    assert i18n.format_day("2025-08-30", "day", "es") == "30 ago 2025"
    assert i18n.format_day("2025-08-18", "week", "es") == "semana del 18 ago 2025"
    assert i18n.format_day("2025-09-01", "month", "es") == "sept 2025"
    assert i18n.format_day("2025-08-30", "day", "en") == "30 Aug 2025"
    with i18n.using("es"):
        assert i18n.number(12345) == "12.345" and i18n.ntr("{count} action", "{count} actions", 1) != "1 action"
    assert i18n.current() == "en", "a language set for a block is restored after it"


def test_the_view_carries_its_language(tracker_store) -> None:
    view, notices = parse({"place": "us-il-chicago", "lang": "es"}, tracker_store)
    assert view.language == "es" and not notices
    assert view.to_params()["lang"] == ["es"] and "lang=es" in view.permalink("http://x")
    assert parse(view.to_params(), tracker_store)[0] == view
    english, _ = parse({"place": "us-il-chicago"}, tracker_store)
    assert english.language == "en" and "lang" not in english.to_params()
    pinned, _ = parse({"lang": "en"}, tracker_store)
    assert pinned.to_params() == {"lang": ["en"]}, "an English chosen on purpose stays in the link"
    _, notices = parse({"lang": "fr"}, tracker_store)
    assert [(n.key, n.reason) for n in notices] == [("lang", "unknown")]


def test_the_view_in_words_and_its_notices_follow_the_language(tracker_store) -> None:
    view, notices = parse(
        {"place": "us-il-chicago", "from": "2025-08-01", "to": "2025-10-31", "color": "rainbow"}, tracker_store
    )
    english = describe(tracker_store, view), str(notices[0])
    with i18n.using("es"):
        spanish = describe(tracker_store, view), str(notices[0])
    assert "Chicago" in spanish[0] and spanish[0] != english[0] and "ago" in spanish[0]
    assert "rainbow" in spanish[1] and spanish[1] != english[1]


def test_record_text_is_its_curated_spanish_or_its_english_marked(bilingual) -> None:
    frame = apply(bilingual, View())
    row = frame.set_index("id").loc[BILINGUAL_ID]
    other = frame[frame["id"] != BILINGUAL_ID].iloc[0]
    with i18n.using("es"):
        titles = local.text_column(frame, "title")
        assert titles[frame["id"] == BILINGUAL_ID].iloc[0] == SPANISH_TITLE
        assert local.text_value(other.to_dict(), "title") == f"{other['title']} (en inglés)"
        assert local.is_translated(row.to_dict(), "title") and not local.is_translated(other.to_dict(), "title")
        provisions = bilingual.provisions[bilingual.provisions["action_id"] == BILINGUAL_ID]
        texts = local.text_column(provisions, "text")
        assert SPANISH_PROVISION in set(texts)
        assert texts.str.endswith("(en inglés)").sum() == len(provisions) - 1
    assert list(local.text_column(frame, "title")) == list(frame["title"]), "English shows the English, unmarked"


def test_codebook_labels_follow_the_language(bilingual) -> None:
    assert bilingual.labels.name("topic", "masks") == "Masks"
    with i18n.using("es"):
        assert bilingual.labels.name("topic", "masks") == "Máscaras"
        assert bilingual.labels.name("level", "city") == "Ciudad"
        assert bilingual.labels.name("topic", "body-cameras") == "Body cameras", "untranslated entries keep English"


# --- every page, as Spanish readers see it ------------------------------------------------------------------

PAGES = {
    "timeline": ({}, ""),
    "requirements": ({"policy": BILINGUAL_ID}, "requirements"),
    "map": ({}, "map"),
    "sources": ({}, "sources"),
    "about": ({}, "about"),
    "add": ({}, "add"),
}
# The same in both languages on purpose: the switch names each language in its own words.
SAME_IN_BOTH = {"Language · Idioma", "English", "Español"}


def _interface(at) -> list[tuple[str, str]]:
    """(what, text) of everything the interface words on a page: titles, headings, widget labels and help,
    buttons, expanders, tabs, notices. Record text is not here (labels carry no record text)."""
    out: list[tuple[str, str]] = []
    for kind in ("title", "header", "subheader"):
        out += [(kind, e.value) for e in getattr(at, kind)]
    for kind in ("multiselect", "selectbox", "radio", "text_input", "date_input", "number_input", "text_area"):
        for e in getattr(at, kind):
            out.append((kind, e.label))
            if e.help:
                out.append((kind + " help", e.help))
    out += [("button", e.label) for e in at.button]
    out += [("expander", e.label) for e in at.expander]
    out += [("tab", e.label) for e in at.tabs]
    for kind in ("info", "warning", "success"):
        out += [(kind, e.value) for e in getattr(at, kind)]
    return out


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_reads_in_spanish(make_app, tmp_path: Path, page: str) -> None:
    """Each page in English and in Spanish, element by element: nothing the interface words stays English."""
    data = bilingual_tree(tmp_path)
    params, path = PAGES[page]
    english = make_app(params, path, data=data)
    spanish = make_app({**params, "lang": "es"}, path, data=data)
    assert not english.exception and not spanish.exception, (english.exception, spanish.exception)
    pairs = list(zip(_interface(english), _interface(spanish)))
    assert len(pairs) == len(_interface(english)) == len(_interface(spanish)), "the same elements in both"
    untranslated = [
        en for en, es in pairs if en == es and en[1] not in SAME_IN_BOTH and any(c.isalpha() for c in en[1])
    ]
    assert not untranslated, f"{page}: still in English in Spanish: {untranslated[:6]}"
