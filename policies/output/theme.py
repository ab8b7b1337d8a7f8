"""How charts look: the level and topic palettes, action-type symbols and fonts, in one place."""

from __future__ import annotations

from ..store import Store

# Colours of marks on white (and, for levels, of the map's bubbles at 80% opacity over its state fills), checked by
# tests/test_palette.py: each has at least 3:1 contrast (WCAG 1.4.11, graphics), and the colours of a palette stay
# apart for colour-blind readers (protanopia, deuteranopia and tritanopia simulated). Change them there first.
LEVEL_COLORS = {"federal": "#1f4e79", "state": "#d32e58", "county": "#7656cb", "city": "#695519"}
# Topics, assigned in codebook order: the darker cousins of Okabe-Ito's and Tol's colours that keep 3:1 on white,
# tuned so that the colours stay apart under each colour-vision deficiency, and ordered so that the first ones (the
# topics listed first in the codebook) are the farthest apart. Sixteen colours cannot all be far apart for a
# dichromat: a chart's legend, its labels and the hover text carry the topic names too.
TOPIC_PALETTE = (
    "#0b70a4",
    "#c87913",
    "#b61441",
    "#332288",
    "#2292ff",
    "#773360",
    "#565405",
    "#066341",
    "#a36926",
    "#583f8a",
    "#52675d",
    "#9f54cc",
    "#12935b",
    "#5ea24a",
    "#dc3b7f",
    "#577885",
)
# What a mark of no topic (or an unknown group) is painted with beside the palettes' colours.
OTHER_COLOR = "#777777"
TYPE_SYMBOLS = {
    "executive-order": "circle",
    "law": "square",
    "court-order": "diamond",
    "lawsuit": "triangle-up",
    "deployment": "star",
    "enforcement-operation": "hexagon",
    "announcement": "circle-open",
    "agency-directive": "square-open",
}
EXTRA_SYMBOLS = ("x", "cross", "pentagon", "triangle-down", "hourglass", "bowtie")
FONT: dict[str, str | int] = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13, "color": "#1b1b1b"}
PRESENT_FONT_SIZE = 18  # presenter mode: read from the back of a room


def topic_colors(store: Store) -> dict[str, str]:
    """One colour per topic, stable across pages (codebook order)."""
    return {t: TOPIC_PALETTE[i % len(TOPIC_PALETTE)] for i, t in enumerate(store.topic_codebook["id"])}


def type_symbols(store: Store) -> dict[str, str]:
    extra = iter(EXTRA_SYMBOLS * 4)
    return {t: TYPE_SYMBOLS.get(t) or next(extra, "circle") for t in store.action_types["id"]}


def font(present: bool = False) -> dict:
    return FONT | {"size": PRESENT_FONT_SIZE} if present else FONT


def tick_font(present: bool = False) -> dict:
    """Axis labels in the body size and colour: Streamlit's chart theme would make them small and grey."""
    body = font(present)
    return dict(size=body["size"], color=body["color"])
