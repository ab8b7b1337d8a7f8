"""How charts look: the level and topic palettes, action-type symbols and fonts, in one place."""

from __future__ import annotations

from ..store import Store

LEVEL_COLORS = {"federal": "#1f4e79", "state": "#c0504d", "county": "#8064a2", "city": "#2a9d8f"}
# Colour-blind-safe qualitative palette (Okabe-Ito, then Tol's muted) assigned in codebook order.
TOPIC_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#332288",
    "#44AA99",
    "#882255",
    "#117733",
    "#999933",
    "#CC6677",
    "#88CCEE",
    "#DDCC77",
    "#555555",
    "#AA4499",
)
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
