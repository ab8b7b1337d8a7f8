"""Data flows one way: each package of `policies` imports only packages of lower layers, and only the pages
import Streamlit. The table below is the architecture (docs/architecture.md); a new import that reaches
upwards, or a model that learns about Streamlit, fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "policies"
LAYER = {
    "paths": 0,
    "clock": 0,
    "i18n": 0,
    "records": 1,
    "extract": 2,
    "store": 2,
    "synth": 2,
    "view": 3,
    "output": 4,
    "curate": 4,
    "ui": 5,
    "cli": 5,
    "__main__": 6,
    "__init__": 6,
}
STREAMLIT_ALLOWED = {"ui"}


def _part(path: Path) -> str:
    """The package (or top-level module) a file belongs to."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    return _imports_of(path.read_text(encoding="utf-8"), list(path.relative_to(PACKAGE).parent.parts))


def _imports_of(source: str, here: list[str]) -> set[str]:
    """Top-level parts of `policies` a module in folder `here` imports (relative imports resolved), and
    'streamlit' if it does."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "streamlit":
                    found.add("streamlit")
                if alias.name.startswith("policies."):
                    found.add(alias.name.split(".")[1])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                target = base + (node.module.split(".") if node.module else [])
                found |= {target[0]} if target else {alias.name for alias in node.names}
            elif node.module and node.module.split(".")[0] == "streamlit":
                found.add("streamlit")
            elif node.module and node.module.startswith("policies"):
                parts = node.module.split(".")
                found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
    return found


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_package_has_a_layer() -> None:
    assert {_part(f) for f in FILES} <= set(LAYER), "give a new package its place in LAYER and the docs"


@pytest.mark.parametrize("path", FILES, ids=[str(f.relative_to(PACKAGE)) for f in FILES])
def test_imports_only_reach_down(path: Path) -> None:
    part = _part(path)
    imported = _imports(path)
    upward = {name for name in imported - {part, "streamlit"} if LAYER.get(name, -1) >= LAYER[part]}
    assert not upward, f"{path.relative_to(PACKAGE)} ({part}, layer {LAYER[part]}) imports {sorted(upward)}"
    if part not in STREAMLIT_ALLOWED:
        assert "streamlit" not in imported, f"{path.relative_to(PACKAGE)} imports streamlit outside the pages"


def test_the_rule_catches_an_upward_import() -> None:
    """The checker itself: the record model importing the view, or Streamlit, would be reported."""
    source = (PACKAGE / "records" / "model.py").read_text(encoding="utf-8")
    assert _imports_of(source, ["records"]) <= {"records", "paths"}
    found = _imports_of(source + "\nfrom ..view import View\nimport streamlit as st\n", ["records"])
    assert {"view", "streamlit"} <= found
    assert _imports_of("from policies.ui import desk", ["records"]) == {"ui"}
    assert _imports_of("from . import problems", ["records"]) == {"records"}
