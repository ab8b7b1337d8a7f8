"""The chart palettes (policies/output/theme.py) are readable: contrast of marks, and colour-blind readers.

- Contrast: every level and topic colour has at least 3:1 against white (WCAG 2.1 SC 1.4.11, non-text contrast of
  graphical objects), by WCAG's relative-luminance formula; the map's bubbles, drawn translucent over the state
  fills, keep 3:1 against each fill.
- Colour-blind readers: protanopia, deuteranopia and tritanopia are simulated (coloraide's filters at full
  severity: Viénot, Brettel and Mollon 1999 for protan and deutan, Brettel, Viénot and Mollon 1997 for tritan), and
  every two colours of a palette that appear in one chart stay at least a set CIEDE2000 distance apart, in each
  simulation and for normal vision. Thresholds: about 10 is where two colours of chart-sized marks read as
  different at a glance (Szafir 2017, "Modeling color difference for visualization design", finds noticeable
  differences of about 5 to 10 for marks of that size). The four levels clear it with room (at least 12); sixteen
  topic colours dark enough for 3:1 cannot, since a dichromat's colours have one hue axis fewer (an optimiser found
  about 8 at best), so topics need 7 and the charts name topics in legends, labels and hover text as well.
  The classic red/green pair and the palettes these replaced fail the same checks (see the last tests).
"""

from __future__ import annotations

import itertools

import pytest
from coloraide import Color

from policies.output import figures, theme
from policies.view import View, apply

VISIONS = (None, "protan", "deutan", "tritan")  # None: normal colour vision
METHOD = {"protan": "vienot", "deutan": "vienot", "tritan": "brettel"}  # the accurate models for dichromacy
MIN_DISTANCE = {"levels": 12.0, "topics": 7.0}  # CIEDE2000, see above
GRAPHICS = 3.0  # WCAG 1.4.11
PALETTES = {
    "levels": tuple(theme.LEVEL_COLORS.values()),
    # "No topic" (and any unknown group) is painted OTHER_COLOR in the same chart as the topics.
    "topics": (*theme.TOPIC_PALETTE, theme.OTHER_COLOR),
}
# The palettes before this check, kept to show that the checks catch what they are for.
OLD_LEVELS = ("#1f4e79", "#c0504d", "#8064a2", "#2a9d8f")
OLD_TOPICS = (
    *("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#44AA99"),
    *("#882255", "#117733", "#999933", "#CC6677", "#88CCEE", "#DDCC77", "#555555", "#AA4499"),
)
RED_GREEN = ("#d62728", "#2ca02c")  # apart for most readers, close for a deuteranope


# --- WCAG contrast ----------------------------------------------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    """0-255 channels of a CSS colour as plotly takes them ("#1f4e79", "white")."""
    h = Color(color).convert("srgb").to_string(hex=True, compress=False).lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(hex_color: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = "#ffffff") -> float:
    """WCAG contrast ratio, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(color: str, background: str, opacity: float) -> str:
    """What the browser paints: `color` at `opacity` over `background` (alpha blending in sRGB)."""
    mixed = (round(opacity * c + (1 - opacity) * b) for c, b in zip(_rgb(color), _rgb(background)))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_contrast_follows_wcag() -> None:
    assert contrast("#000000") == pytest.approx(21)
    assert contrast("#ffffff") == pytest.approx(1)
    assert contrast("#777777") == pytest.approx(4.48, abs=0.01)  # the well-known grey just under 4.5:1
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast("#1f4e79", "#ffffff") == contrast("#ffffff", "#1f4e79")
    assert contrast("#E69F00") == pytest.approx(Color("#E69F00").contrast("white", method="wcag21"), rel=1e-3)


@pytest.mark.parametrize(
    "name, color",
    [(f"level {k}", v) for k, v in theme.LEVEL_COLORS.items()]
    + [(f"topic {i}", c) for i, c in enumerate(theme.TOPIC_PALETTE)]
    + [("other", theme.OTHER_COLOR)],
)
def test_every_chart_colour_has_3_to_1_contrast_on_white(name, color) -> None:
    assert contrast(color) >= GRAPHICS, f"{name} {color}: {contrast(color):.2f}:1 on white"


def test_map_bubbles_keep_3_to_1_over_every_state_fill(tracker_store) -> None:
    """Bubbles are drawn translucent over the map's land and the states' research shading."""
    fig = figures.map_figure(tracker_store, apply(tracker_store, View()), View())
    fills = {fig.layout.geo.landcolor, fig.layout.geo.bgcolor}
    for trace in fig.data:
        if trace.type == "choropleth":
            fills |= {color for _, color in trace.colorscale}
    bubbles = [t for t in fig.data if t.type == "scattergeo" and t.lat is not None and t.lat[0] is not None]
    assert bubbles and len(fills) >= 3
    low = {}
    for t, fill in itertools.product(bubbles, fills):
        painted = over(t.marker.color, fill, 1 if t.marker.opacity is None else t.marker.opacity)
        if contrast(painted, fill) < GRAPHICS:
            low[(t.name, t.marker.color, t.marker.opacity, fill)] = round(contrast(painted, fill), 2)
    assert not low, f"(level, colour, opacity, fill): contrast under {GRAPHICS}:1: {low}"


# --- colour-blind readers -------------------------------------------------------------------


def simulate(color: str, vision: str | None) -> Color:
    """How `color` looks to a reader with no cones of one kind (full severity), as an sRGB colour."""
    c = Color(color)
    if vision:
        c = c.filter(vision, method=METHOD[vision])
    return c.convert("srgb").clip()


def closest(palette: tuple[str, ...], vision: str | None) -> tuple[float, str, str]:
    """The smallest CIEDE2000 distance between two colours of `palette` as `vision` sees them, and the pair."""
    seen = {c: simulate(c, vision) for c in palette}
    return min((seen[a].delta_e(seen[b], method="2000"), a, b) for a, b in itertools.combinations(palette, 2))


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
@pytest.mark.parametrize("palette", list(PALETTES))
def test_palette_colours_stay_apart_for_colour_blind_readers(palette, vision) -> None:
    distance, a, b = closest(PALETTES[palette], vision)
    assert distance >= MIN_DISTANCE[palette], (
        f"{palette}, {vision or 'normal'} vision: {a} and {b} are {distance:.1f} apart (CIEDE2000), "
        f"under {MIN_DISTANCE[palette]}"
    )


def test_each_topic_of_the_codebook_has_its_own_colour(tracker_store) -> None:
    colors = theme.topic_colors(tracker_store)
    assert len(set(colors.values())) == len(colors) <= len(theme.TOPIC_PALETTE)


# --- the checks catch what they are for -----------------------------------------------------------


def test_red_and_green_fail_for_a_deuteranope_only() -> None:
    assert closest(RED_GREEN, None)[0] > 50
    assert closest(RED_GREEN, "deutan")[0] < min(MIN_DISTANCE.values())


def test_the_replaced_palettes_fail_the_same_checks() -> None:
    assert [c for c in OLD_TOPICS if contrast(c) < GRAPHICS] == ["#E69F00", "#56B4E9", "#44AA99", "#88CCEE", "#DDCC77"]
    assert closest((*OLD_TOPICS, theme.OTHER_COLOR), "deutan")[0] < MIN_DISTANCE["topics"]
    assert closest((*OLD_TOPICS, theme.OTHER_COLOR), "protan")[1:] == ("#CC6677", theme.OTHER_COLOR)  # all but equal
    assert closest(OLD_LEVELS, "protan")[0] < MIN_DISTANCE["levels"]  # federal navy and county purple
    assert contrast(over("#2a9d8f", "#dde7f1", 0.8), "#dde7f1") < GRAPHICS  # the old city teal on the map
