"""Charts drawn on the server for web pages and PDF reports alike: HTML text, SVG shapes.

Every word and number of a chart is HTML text (a ``<figure>`` with its ``<figcaption>``, a list of
labelled rows), so the browser and WeasyPrint shape it like the rest of the page: joined Arabic
letters in the page's font, wrapped instead of cut, in the page's direction. Only the marks are
SVG (a bar, a ring, a swatch), hidden from assistive technology because the text says everything;
each still has a ``<title>``, which WeasyPrint makes the alternative text of its tagged PDF figure.

No script and no ``style`` attribute (the Content-Security-Policy forbids inline styles): sizes
come from the ``chart-*`` classes of ``static/css/portal.css`` and of the report's stylesheet,
lengths from SVG attributes in a 0–100 ``viewBox`` that stretches to the width it is given. In a
right-to-left language bars grow from the right and the donut turns the other way.

    bar_chart(chart_id="by-region", title="Agreements by region",
              items=[("Africa", 21), ("Europe", 12)])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from numbers import Number

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

#: Colours with a contrast of at least 3:1 against white (WCAG 1.4.11 for graphical objects).
PALETTE = ("#005a9c", "#b34700", "#2e7d32", "#7b1fa2", "#c62828", "#00695c", "#5d4037", "#37474f",
           "#ad1457", "#283593")

Item = tuple[str, Number | Decimal]
Formatter = Callable[[Number | Decimal], str]

#: The smallest bar drawn for a value above zero, in hundredths of the track, so it stays visible.
MIN_BAR = 0.6


def _plain(value: Number | Decimal) -> str:
    return str(value)


def _figure(chart_id: str, kind: str, title: str, body: SafeString) -> SafeString:
    caption = format_html('<figcaption class="chart-title">{}</figcaption>', title)
    return format_html('<figure class="chart chart-{}" id="{}">{}{}</figure>', kind, chart_id, caption, body)


def bar_chart(*, chart_id: str, title: str, items: Sequence[Item], description: str = "",
              format_value: Formatter = _plain, **_layout: object) -> SafeString:
    """Horizontal bars, one row per item: the label on its own line (long labels wrap, never cut),
    then the bar and its value in a column of their own so that the bars compare.

    ``description`` is printed under the chart; older layout arguments (``width``,
    ``label_width``) are accepted and ignored, the chart takes the width of its container.
    """
    rtl = get_language_bidi()
    largest = max((float(value) for _label, value in items), default=0.0)
    rows = []
    for label, value in items:
        length = 0.0 if largest <= 0 else 100 * float(value) / largest
        if float(value) > 0:
            length = max(length, MIN_BAR)
        x = 100 - length if rtl else 0
        shown = format_value(value)
        rows.append((label, f"{label}: {shown}", f"{x:.2f}", f"{length:.2f}", PALETTE[0], shown))
    if rows:
        body = format_html('<ul class="chart-rows">{}</ul>', format_html_join(
            "", '<li class="chart-row"><span class="chart-label"><bdi>{}</bdi></span>'
                '<span class="chart-line"><svg class="chart-bar" viewBox="0 0 100 10" '
                'preserveAspectRatio="none" aria-hidden="true" focusable="false"><title>{}</title>'
                '<rect x="{}" y="0" width="{}" height="10" fill="{}"/></svg>'
                '<span class="chart-value"><bdi>{}</bdi></span></span></li>', rows))
    else:
        body = format_html('<p class="chart-empty">{}</p>', "–")
    if description:
        body = format_html('{}<p class="chart-note">{}</p>', body, description)
    return _figure(chart_id, "bars", title, body)


def _arc(cx: float, cy: float, outer: float, inner: float, start: float, end: float,
         clockwise: bool = True) -> str:
    """The path of a ring segment (or pie slice when ``inner`` is 0) between two angles, measured
    from twelve o'clock, clockwise or (for right-to-left pages) anticlockwise."""
    large = 1 if end - start > math.pi else 0
    turn = 1 if clockwise else -1
    sweep_out, sweep_in = (1, 0) if clockwise else (0, 1)

    def point(radius: float, angle: float) -> tuple[float, float]:
        return cx + turn * radius * math.sin(angle), cy - radius * math.cos(angle)

    x1, y1 = point(outer, start)
    x2, y2 = point(outer, end)
    if inner <= 0:
        return (f"M{cx:.2f},{cy:.2f} L{x1:.2f},{y1:.2f} "
                f"A{outer:.2f},{outer:.2f} 0 {large} {sweep_out} {x2:.2f},{y2:.2f} Z")
    x3, y3 = point(inner, end)
    x4, y4 = point(inner, start)
    return (f"M{x1:.2f},{y1:.2f} A{outer:.2f},{outer:.2f} 0 {large} {sweep_out} {x2:.2f},{y2:.2f} "
            f"L{x3:.2f},{y3:.2f} A{inner:.2f},{inner:.2f} 0 {large} {sweep_in} {x4:.2f},{y4:.2f} Z")


def pie_chart(*, chart_id: str, title: str, items: Sequence[Item], description: str = "",
              format_value: Formatter = _plain, donut: bool = True, **_layout: object) -> SafeString:
    """A donut (or pie) beside a legend that gives each label, its value and its share in percent;
    the legend wraps under the ring on a narrow screen.

    Items with a zero value are listed in the legend but draw no slice.
    """
    total = sum(float(value) for _label, value in items)

    def share(value: Number | Decimal) -> str:
        return f"{round(100 * float(value) / total)} %" if total else "0 %"

    clockwise = not get_language_bidi()
    radius, centre = 48.0, 50.0
    inner = radius * 0.55 if donut else 0
    shapes = []
    angle = 0.0
    drawn = [(i, float(v)) for i, (_label, v) in enumerate(items) if float(v) > 0]
    for index, value in drawn:
        colour = PALETTE[index % len(PALETTE)]
        if len(drawn) == 1:
            shapes.append(format_html('<circle cx="50" cy="50" r="{}" fill="{}"/>', f"{radius:g}", colour))
            if inner:
                shapes.append(format_html('<circle cx="50" cy="50" r="{}" fill="#ffffff"/>', f"{inner:.2f}"))
            break
        sweep = 2 * math.pi * value / total
        shapes.append(format_html('<path d="{}" fill="{}" stroke="#ffffff" stroke-width="0.5"/>',
                                  _arc(centre, centre, radius, inner, angle, angle + sweep, clockwise),
                                  colour))
        angle += sweep
    ring = format_html('<svg class="chart-ring" viewBox="0 0 100 100" width="160" height="160" '
                       'aria-hidden="true" focusable="false"><title>{}</title>{}</svg>', title,
                       mark_safe("".join(shapes)))  # noqa: S308 - built by format_html
    legend = format_html_join(
        "", '<li><svg class="chart-swatch" viewBox="0 0 10 10" width="14" height="14" aria-hidden="true" '
            'focusable="false"><title>{}</title><rect width="10" height="10" fill="{}"/></svg> '
            '<bdi>{}</bdi>: <bdi>{}</bdi> ({})</li>',
        ((label, PALETTE[index % len(PALETTE)], label, format_value(value), share(value))
         for index, (label, value) in enumerate(items)))
    body = format_html('<div class="chart-donut-body">{}<ul class="chart-legend">{}</ul></div>', ring, legend)
    if description:
        body = format_html('{}<p class="chart-note">{}</p>', body, description)
    return _figure(chart_id, "donut", title, body)
