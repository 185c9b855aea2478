"""Charts drawn on the server as inline SVG, for web pages and for the PDF reports alike.

No JavaScript, no CSS file: every style is an SVG attribute, so WeasyPrint draws the same chart
as the browser. Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that lists every
value, and prints the numbers next to the marks, so no information is carried by colour alone.
Pages should still give the same numbers in a table.

    bar_chart(chart_id="by-region", title="Agreements by region",
              items=[("Africa", 21), ("Europe", 12)])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from numbers import Number

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

#: Colours with a contrast of at least 3:1 against white (WCAG 1.4.11 for graphical objects).
PALETTE = ("#005a9c", "#b34700", "#2e7d32", "#7b1fa2", "#c62828", "#00695c", "#5d4037", "#37474f",
           "#ad1457", "#283593")
TEXT = "#1a1a1a"
FONT = "font-family=\"Helvetica, Arial, sans-serif\""

Item = tuple[str, Number | Decimal]
Formatter = Callable[[Number | Decimal], str]


def _plain(value: Number | Decimal) -> str:
    return str(value)


def _description(items: Sequence[Item], fmt: Formatter, extra: str = "") -> str:
    parts = [f"{label}: {fmt(value)}" for label, value in items]
    return "; ".join(parts) + (f". {extra}" if extra else ".")


def _open(chart_id: str, width: float, height: float, title: str, desc: str) -> str:
    cid = escape(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}" aria-labelledby="{cid}-title {cid}-desc" id="{cid}">'
        f'<title id="{cid}-title">{escape(title)}</title><desc id="{cid}-desc">{escape(desc)}</desc>'
    )


def bar_chart(*, chart_id: str, title: str, items: Sequence[Item], description: str = "",
              format_value: Formatter = _plain, width: int = 640, bar_height: int = 18,
              label_width: int | None = None) -> SafeString:
    """Horizontal bars, one per item: the label on its own line above the bar (so long labels
    are never cut), the value after the bar. ``label_width`` is accepted for compatibility and
    ignored."""
    label_line = 17
    gap = 10
    value_width = 150
    row = label_line + bar_height + gap
    height = max(len(items) * row + 4, 30)
    desc = _description(items, format_value, description)
    largest = max((float(value) for _label, value in items), default=0.0)
    plot = max(width - value_width, 40)
    parts = [_open(chart_id, width, height, title, desc)]
    for index, (label, value) in enumerate(items):
        y = index * row
        length = 0.0 if largest <= 0 else plot * float(value) / largest
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="13" fill="{TEXT}" {FONT}>{escape(label)}</text>'
            f'<rect x="0" y="{y + label_line}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{length + 6:.1f}" y="{y + label_line + bar_height - 4}" font-size="13" '
            f'fill="{TEXT}" {FONT}>{escape(format_value(value))}</text>'
        )
    if not items:
        parts.append(f'<text x="4" y="20" font-size="13" fill="{TEXT}" {FONT}>–</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _arc(cx: float, cy: float, outer: float, inner: float, start: float, end: float) -> str:
    """The path of a ring segment (or pie slice when ``inner`` is 0) between two angles."""
    large = 1 if end - start > math.pi else 0

    def point(radius: float, angle: float) -> tuple[float, float]:
        return cx + radius * math.sin(angle), cy - radius * math.cos(angle)

    x1, y1 = point(outer, start)
    x2, y2 = point(outer, end)
    if inner <= 0:
        return (f"M{cx:.2f},{cy:.2f} L{x1:.2f},{y1:.2f} "
                f"A{outer:.2f},{outer:.2f} 0 {large} 1 {x2:.2f},{y2:.2f} Z")
    x3, y3 = point(inner, end)
    x4, y4 = point(inner, start)
    return (f"M{x1:.2f},{y1:.2f} A{outer:.2f},{outer:.2f} 0 {large} 1 {x2:.2f},{y2:.2f} "
            f"L{x3:.2f},{y3:.2f} A{inner:.2f},{inner:.2f} 0 {large} 0 {x4:.2f},{y4:.2f} Z")


def pie_chart(*, chart_id: str, title: str, items: Sequence[Item], description: str = "",
              format_value: Formatter = _plain, donut: bool = True, size: int = 220,
              legend_width: int = 360) -> SafeString:
    """A pie (or donut) with a legend that gives each label, its value and its share in percent.

    Items with a zero value are listed in the legend but draw no slice.
    """
    total = sum(float(value) for _label, value in items)

    def share(value: Number | Decimal) -> str:
        return f"{round(100 * float(value) / total)} %" if total else "0 %"

    desc = _description(items, lambda v: f"{format_value(v)} ({share(v)})", description)
    row = 22
    height = max(size, len(items) * row + 8)
    width = size + legend_width
    radius = size / 2 - 4
    inner = radius * 0.55 if donut else 0
    cx = cy = size / 2
    parts = [_open(chart_id, width, height, title, desc)]
    angle = 0.0
    drawn = [(i, float(v)) for i, (_label, v) in enumerate(items) if float(v) > 0]
    for index, value in drawn:
        colour = PALETTE[index % len(PALETTE)]
        if len(drawn) == 1:
            parts.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{radius:.2f}" fill="{colour}"/>')
            if inner:
                parts.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="{inner:.2f}" fill="#ffffff"/>')
            break
        sweep = 2 * math.pi * value / total
        parts.append(f'<path d="{_arc(cx, cy, radius, inner, angle, angle + sweep)}" fill="{colour}" '
                     f'stroke="#ffffff" stroke-width="1"/>')
        angle += sweep
    for index, (label, value) in enumerate(items):
        y = 4 + index * row
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<rect x="{size + 12}" y="{y + 3}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{size + 32}" y="{y + 15}" font-size="13" fill="{TEXT}" {FONT}>'
            f'{escape(label)}: {escape(format_value(value))} ({escape(share(value))})</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
