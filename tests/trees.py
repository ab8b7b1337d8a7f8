"""The record trees code tests run on, built in temporary folders from tests/fixtures, never from data/:

- `tracker_tree`: the shared tree, a frozen copy of the curated data as it stood on 2026-12-01 (24 actions by six
  governments, their codebooks and sources), so curating the real data never breaks a code test;
- `minimal_tree`: three small records, for rules that need exact counts;
- `hostile_tree`: the minimal tree with every free-text field of one record set to hostile text.

Tests of the real data (`data/`) carry the `content` marker and live in test_content.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE_ID = "il-lawsuit-2025-03-19"
XSS = "<img src=x onerror=alert(1)>"
PAYLOADS = (
    XSS,
    "<script>alert(2)</script>",
    "[click me](javascript:alert(3))",
    '<a href="javascript:alert(4)">link</a>',
    "**bold** _it_ $x^2$ :red[red]",
    "ctrl\x07\x1b[31m\u202eevil",
)
HOSTILE_TEXT = " ".join(PAYLOADS)


def minimal_tree(dest: Path) -> Path:
    root = dest / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def tracker_tree(dest: Path) -> Path:
    root = dest / "data"
    shutil.copytree(FIXTURES / "tracker", root)
    return root


BILINGUAL_ID = "chicago-eo-federal-enforcement-2025-08-30"
SPANISH_TITLE = "Orden ejecutiva de Chicago sobre la respuesta a la aplicación federal (prueba)"
SPANISH_PROVISION = "La policía de Chicago no puede cooperar con agentes federales (prueba)."


def bilingual_tree(dest: Path) -> Path:
    """The shared tree with a curated Spanish version of one record (title, summary, one provision) and of one
    topic; every other record and codebook entry has none, so the English shows marked as such."""
    root = tracker_tree(dest)
    path = root / "actions" / f"{BILINGUAL_ID}.yaml"
    record = yaml.safe_load(path.read_text())
    record["translations"] = {
        "es": {
            "title": SPANISH_TITLE,
            "summary": "El alcalde firmó una orden ejecutiva (resumen de prueba).",
            "provisions": {"police-no-cooperation": SPANISH_PROVISION},
            "applies_to": {"police-no-cooperation": "Departamento de Policía de Chicago"},
        }
    }
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
    topics = root / "codebooks" / "topics.yaml"
    book = yaml.safe_load(topics.read_text())
    for entry in book:
        if entry["id"] == "masks":
            entry["translations"] = {"es": {"label": "Máscaras", "definition": "Reglas sobre el uso de máscaras."}}
    topics.write_text(yaml.safe_dump(book, allow_unicode=True, sort_keys=False))
    return root


def hostile_tree(dest: Path) -> Path:
    """The minimal tree, with every free-text field of one record (and its source) set to hostile text.

    The title is the bare XSS payload so a test can look for exactly those characters on screen.
    """
    root = minimal_tree(dest)
    path = root / "actions" / f"{HOSTILE_ID}.yaml"
    record = yaml.safe_load(path.read_text())
    record["title"] = XSS
    for key in ("summary", "actor", "notes"):
        record[key] = HOSTILE_TEXT
    record["events"][0]["note"] = HOSTILE_TEXT
    for provision in record["provisions"]:
        provision["text"] = provision["applies_to"] = HOSTILE_TEXT
        for evidence in provision["evidence"]:
            evidence["paraphrase"] = HOSTILE_TEXT
    record["disagreements"] = [
        {"about": ["asks-court-to-block"], "sources": ["wire-002", "gazette-001"], "description": HOSTILE_TEXT}
    ]
    record["sources"].append("gazette-001")
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=False))
    sources_path = root / "sources.yaml"
    sources = yaml.safe_load(sources_path.read_text())
    sources[1]["outlet"] = sources[1]["title"] = HOSTILE_TEXT
    sources_path.write_text(yaml.safe_dump(sources, sort_keys=False, allow_unicode=False))
    return root
