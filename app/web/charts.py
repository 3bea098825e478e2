"""Charts drawn on the server as inline SVG.

Why SVG made here rather than a JavaScript charting library: the charts are horizontal bars, a
few dozen rectangles each, which SVG draws exactly; made on the server they appear with the page
(no script to download, parse and run before anything shows), print and save with it, work with
scripting off, need no vendored third-party code to keep patched, and satisfy the strict CSP
(script-src 'self', no inline styles: colours come from classes in the app's stylesheet, sizes
are SVG attributes). Each chart is role="img" with a title and description, each bar has a
<title> tooltip, and every chart on a page sits next to a table of the same numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_ids = itertools.count(1)

ROW = 24
BAR = 16
LABEL_WIDTH = 270
VALUE_WIDTH = 70
TOP = 8


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    tooltip: str
    css: str = "bar"
    text: str | None = None  # what is written after the bar (default: the value)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _short(label: str, limit: int = 36) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def hbar_chart(bars: Sequence[Bar], *, title: str, description: str, width: int = 900) -> Markup:
    """Horizontal bars, one per row; negative values extend left of a zero line."""
    uid = next(_ids)
    height = TOP * 2 + ROW * max(len(bars), 1)
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    low = min([0.0, *(b.value for b in bars)])
    high = max([0.0, *(b.value for b in bars)])
    span = (high - low) or 1.0
    zero = LABEL_WIDTH + plot * (-low / span)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="chart{uid}-t chart{uid}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="chart{uid}-t">{escape(title)}</title>',
        f'<desc id="chart{uid}-d">{escape(description)}</desc>',
    ]
    for i, b in enumerate(bars):
        y = TOP + i * ROW
        w = plot * abs(b.value) / span
        x = zero - w if b.value < 0 else zero
        text = b.text if b.text is not None else _fmt(b.value)
        # Value text sits just past the bar's end, on the side the bar grows towards.
        tx, anchor = (x - 4, "end") if b.value < 0 else (x + w + 4, "start")
        if b.value < 0 and tx < LABEL_WIDTH + 30:
            tx, anchor = zero + 4, "start"
        parts.append(
            f'<g class="row"><title>{escape(b.tooltip)}</title>'
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + BAR - 3}" '
            f'text-anchor="end">{escape(_short(b.label))}</text>'
            f'<rect class="{escape(b.css)}" x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" '
            f'height="{BAR}" />'
            f'<text class="value" x="{tx:.1f}" y="{y + BAR - 3}" text-anchor="{anchor}">'
            f"{escape(text)}</text></g>"
        )
    parts.append(
        f'<line class="axis" x1="{zero:.1f}" x2="{zero:.1f}" y1="{TOP - 4}" '
        f'y2="{height - TOP + 4}" />'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True, slots=True)
class ComponentBar:
    name: str
    score: float  # 0..1
    weight: float
    contribution: float


def component_bars(components: Sequence[ComponentBar], total: float) -> Markup:
    """A match's score: one bar per component (its score out of 1), with weight and
    contribution written next to it, and the total score as the first, darker bar."""
    uid = next(_ids)
    label_w, plot, value_w = 150, 200, 150
    width = label_w + plot + value_w
    rows = [
        ("Total score", total, None, None),
        *((c.name.capitalize(), c.score, c.weight, c.contribution) for c in components),
    ]
    height = 6 + 20 * len(rows)
    summary = ", ".join(f"{c.name} {c.score:.2f}" for c in components)
    parts = [
        f'<svg class="chart score-bars" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="sb{uid}-t">',
        f'<title id="sb{uid}-t">Score {total:.2f}: {escape(summary)}</title>',
    ]
    for i, (name, score, weight, contribution) in enumerate(rows):
        y = 4 + i * 20
        w = plot * max(0.0, min(1.0, score))
        css = "bar-total" if weight is None else "bar-score"
        if weight is None:
            tip, text = f"Total score {score:.3f}", f"{score:.2f}"
        else:
            tip = (
                f"{name}: score {score:.3f} x weight {weight:.2f} = {contribution:.3f} of the total"
            )
            text = f"{score:.2f} \u00d7 {weight:.0%} = {contribution:.3f}"
        parts.append(
            f'<g class="row"><title>{escape(tip)}</title>'
            f'<text class="label" x="{label_w - 6}" y="{y + 12}" text-anchor="end">'
            f"{escape(name)}</text>"
            f'<rect class="track" x="{label_w}" y="{y}" width="{plot}" height="14" />'
            f'<rect class="{css}" x="{label_w}" y="{y}" width="{max(w, 1):.1f}" height="14" />'
            f'<text class="value" x="{label_w + plot + 6}" y="{y + 12}">{escape(text)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
