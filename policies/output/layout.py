"""The provenance layout every figure carries: title, subtitle (the view in words), legends, then under the plot
the data's date, the sources and the permalink; and the image size a download is drawn at.

Plotly never wraps text, so lines are broken here, measured in font sizes; positions are pixels from the figure's
edges, so the layout holds at any height.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..i18n import ntr, tr
from ..store import Store
from ..view import View, describe
from ..view.view import APP_NAME
from .escape import plot_text
from .theme import FONT, PRESENT_FONT_SIZE


def outlets(store: Store, actions: pd.DataFrame) -> list[str]:
    """Outlets of the sources cited by these actions, most cited first."""
    per_source = store.rows_for(store.citations, actions)["source"].value_counts()
    outlet = store.sources.set_index("id")["outlet"].reindex(per_source.index)
    counts = per_source.groupby(outlet.to_numpy(), sort=False).sum().sort_values(ascending=False, kind="stable")
    return [str(o) for o in counts.index]


def caption(store: Store, actions: pd.DataFrame, view: View, base: str | None = None) -> dict[str, str]:
    """Subtitle and footer lines of a figure, as plain text (escape with `plot_text` for plotly).

    The footer's permalink leaves presenter mode out: a link read off a slide should open the working view.
    """
    names = outlets(store, actions)
    count = ntr("{count} action", "{count} actions", len(actions))
    shown = ", ".join(names[:4])
    if len(names) > 4:
        shown = tr("{outlets} and {count} more", outlets=shown, count=len(names) - 4)
    return {
        "subtitle": f"{describe(store, view)} · {count}",
        "sources": tr("Sources: {outlets}", outlets=shown) if names else tr("Sources: none in this view"),
        "as_of": tr("Data as of {day}", day=store.as_of or tr("unknown")),
        "permalink": view.link(base),
    }


def plot_lines(text: str, width: int) -> str:
    """Plain text as an escaped plotly string wrapped at `width` characters (plotly never wraps text itself)."""
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    return "<br>".join(plot_text(line) for line in lines)


def url_lines(url: str, width: int) -> str:
    """A URL as an escaped plotly string, broken before '?' and '&' when longer than `width` characters."""
    lines = [""]
    for piece in re.split(r"(?=[?&])", url):
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    return "<br>".join(plot_text(chunk) for line in lines for chunk in textwrap.wrap(line, width) or [""])


# The width a figure is laid out for, in px: the app's main column in a 1440-px window (presenter mode: the whole
# window). Images are this layout scaled to at least IMAGE_PX wide, so a download is what was on screen, sharp
# enough for a slide; the `chart` command draws the same layout.
WIDTH = {False: 960, True: 1360}
IMAGE_PX = 1920
NARROW = 600  # px: below this a figure is laid out for a phone (smaller type, legend titles above their items)
SMALLEST = 320
STEP = 40  # screen widths are rounded down to this, so a figure is laid out for a handful of widths, not hundreds
# Text sizes (px) of title, subtitle and footer; presenter mode reads from the back of a room, a phone up close.
TEXT_SIZES = {"desktop": (22, 15, 12), "present": (32, 21, 15), "phone": (17, 13, 11)}
CHAR = 0.52  # mean character width, in font sizes: plotly never wraps text, so lines are broken in Python
LINE = 1.3  # line height, in font sizes
PAD = 12


@dataclass(frozen=True)
class Canvas:
    """What a figure is laid out for: a width in px and presenter mode. Type sizes, wrapping, legends, row labels
    and the number of date ticks follow from it, so a figure drawn for a phone keeps all its text inside."""

    width: int = WIDTH[False]
    present: bool = False

    @classmethod
    def for_screen(cls, column_px: float | None, present: bool = False) -> Canvas:
        """The canvas for a column of `column_px` (as the browser measured it; None: not known yet, the desktop's)."""
        full = WIDTH[present]
        if not column_px or column_px >= full:
            return cls(full, present)
        return cls(max(SMALLEST, int(column_px) // STEP * STEP), present)

    @property
    def narrow(self) -> bool:
        return self.width < NARROW

    @property
    def kind(self) -> str:
        return "present" if self.present else "phone" if self.narrow else "desktop"

    @property
    def text_sizes(self) -> tuple[int, int, int]:
        return TEXT_SIZES[self.kind]

    @property
    def body(self) -> int:
        """Legend and axis text."""
        return PRESENT_FONT_SIZE if self.present else 12 if self.narrow else int(FONT["size"])

    def font(self) -> dict:
        return FONT | {"size": self.body}

    def tick_font(self) -> dict:
        """Axis labels in the body colour: Streamlit's chart theme would make them small and grey."""
        return dict(size=self.body - (1 if self.narrow else 0), color=FONT["color"])

    def label_chars(self) -> int:
        """Characters per line of a row label (a phone's sit above their row, across the plot)."""
        return 40


DESKTOP = Canvas()


def with_provenance(
    fig: go.Figure,
    title: str,
    caption: dict[str, str],
    plot_height: float,
    canvas: Canvas = DESKTOP,
    axis_room: float = 0,
    text_width: float = 840,
) -> go.Figure:
    """Title and subtitle above the plot, the legends under them, as-of date, sources and permalink below it.

    All of it is in the figure (layout title, legends, one annotation), so it survives a download. Positions are
    pixels from the figure's edges: the figure is as tall as its text plus `plot_height`, and the footer is placed
    from the bottom margin, which `axis_room` keeps clear of tick labels. Text is wrapped to `text_width` px.
    """
    title_size, sub_size, foot_size = canvas.text_sizes
    body = float(canvas.body)
    title = plot_lines(title, int(text_width / (CHAR * title_size * 1.1)))  # bold
    subtitle = plot_lines(caption["subtitle"], int(text_width / (CHAR * sub_size)))
    foot_wrap = int(text_width / (CHAR * foot_size))
    footer = "<br>".join(
        [
            plot_lines(f"{caption['as_of']} · {caption['sources']}", foot_wrap),
            url_lines(f"{APP_NAME}: {caption['permalink']}", foot_wrap),
        ]
    )
    header = PAD + _lines(title) * title_size * LINE + 0.6 * sub_size + _lines(subtitle) * sub_size * LINE + PAD
    legend_tops, y = {}, header
    for name in legend_names(fig):
        legend_tops[name] = y
        # Rows, and the legend's padding; a phone's legends in columns space their rows wider (plotly: ~2.4 lines).
        per_row = body * (2.5 if _columns(fig, name, canvas, text_width) else 2.2)
        y += legend_rows(fig, name, canvas, text_width) * per_row + 8
    top = round(y + (PAD if legend_tops else 0))
    bottom = round(axis_room + _lines(footer) * foot_size * LINE + 2 * PAD)
    height = round(top + plot_height + bottom)
    fig.update_layout(
        height=height,
        margin=dict(t=top, b=bottom),
        title=dict(
            text=f"<b>{title}</b>",
            x=0,
            xref="paper",
            xanchor="left",
            # plotly anchors a title of several lines half a line per extra line too high: they would rise off the top.
            y=1 - (_lines(title) - 1) * title_size * LINE / 2 / height,
            yref="container",
            yanchor="top",
            pad=dict(t=PAD),
            font=dict(size=title_size, color="#1b1b1b"),
            subtitle=dict(text=subtitle, font=dict(size=sub_size, color="#444444")),
        ),
    )
    for name, legend_top in legend_tops.items():
        # Container coordinates: plotly reserves each legend's real height above the plot, however it wraps.
        # The title goes left of the items, whatever a theme (Streamlit's) would do.
        fig.update_layout(
            {
                name: dict(
                    orientation="h",
                    x=0,
                    xref="paper",
                    xanchor="left",
                    y=1 - legend_top / height,
                    yref="container",
                    yanchor="top",
                    font=dict(size=body),
                    title=dict(side="top" if canvas.narrow else "left", font=dict(size=body, color=FONT["color"])),
                    **_entry_width(fig, name, canvas, text_width),
                )
            }
        )
    fig.add_annotation(
        text=footer,
        name="provenance",
        showarrow=False,
        align="left",
        xref="paper",
        x=0,
        xanchor="left",
        yref="paper",
        y=0,
        yanchor="bottom",
        yshift=-(bottom - PAD),
        font=dict(size=foot_size, color="#555555"),
    )
    return fig


def _lines(plot_string: str) -> int:
    return plot_string.count("<br>") + 1


def legend_names(fig: go.Figure) -> list[str]:
    """The legends a figure draws ('legend', 'legend2', ...), in order."""
    if fig.layout.showlegend is False:
        return []
    names = {t.legend or "legend" for t in fig.data if t.showlegend is not False and t.name}
    return sorted(names, key=lambda n: int(n[6:] or 1))


def _columns(fig: go.Figure, name: str, canvas: Canvas, width: float) -> int:
    """On a phone a legend is laid out in equal columns (one, or two when every entry fits half the width), so no
    entry runs past the edge; elsewhere (0) plotly packs entries along the line."""
    if not canvas.narrow:
        return 0
    size = float(canvas.body)
    widest = max((3.6 * size + len(n) * 0.58 * size for n in _entries(fig, name)), default=0.0)
    return 2 if widest <= width / 2 else 1


def _entry_width(fig: go.Figure, name: str, canvas: Canvas, width: float) -> dict:
    columns = _columns(fig, name, canvas, width)
    # In px, the entry's text (plotly adds the symbol's 40 px and a gap): a fraction is of the plot, not the legend.
    return dict(entrywidthmode="pixels", entrywidth=int(width / columns) - 50) if columns else {}


def _entries(fig: go.Figure, name: str) -> list[str]:
    return [t.name for t in fig.data if (t.legend or "legend") == name and t.showlegend is not False and t.name]


def legend_rows(fig: go.Figure, name: str = "legend", canvas: Canvas = DESKTOP, width: float = 840) -> int:
    """How many lines a horizontal legend wraps to in `width` px (room is reserved for it above the plot).

    plotly fills a line with entries (symbol, text, gap) beside the legend's title; the estimate errs wide, so a
    legend may leave a little space under it but never runs into the next one.
    """
    size = float(canvas.body)
    char, entry = 0.58 * size, 3.6 * size
    names = _entries(fig, name)
    title = len(fig.layout[name].title.text or "") * char
    columns = _columns(fig, name, canvas, width)
    if columns:  # a phone's: equal columns, the title on a line of its own (side "top left")
        return -(-len(names) // columns) + (1 if title else 0)
    room = width - size - title
    rows, used = 1, 0.0
    for n in names:
        item = entry + len(n) * char
        if used and used + item > room:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def image_size(present: bool = False) -> tuple[int, float]:
    """Layout width and scale of an image: the on-screen layout, at least IMAGE_PX pixels wide."""
    width = WIDTH[present]
    return width, np.ceil(IMAGE_PX / width * 100) / 100


def image_options(fig: go.Figure, name: str, fmt: str = "png", present: bool = False) -> dict:
    """plotly's toImageButtonOptions: PNG (at least 1920 px wide, for slides) or SVG, named after the view."""
    width, scale = image_size(present)
    return {
        "format": fmt if fmt in ("png", "svg") else "png",
        "filename": name,
        "width": width,
        "height": int(fig.layout.height or 600),
        "scale": float(scale),
    }
