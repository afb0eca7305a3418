"""The month chart and the horizontal bar charts, as SVG strings drawn from plain data.

Drawing in Python rather than with a chart library keeps the page self-contained: it opens from
disk, in an e-mail attachment or offline, and reads the same without JavaScript. The functions
take plain data and return an SVG string, so they can be tested (and reused) without a warehouse.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from vnpolitics.report.data import Bar, MonthCount
from vnpolitics.report.markup import fmt, svg_open, text
from vnpolitics.report.text_metrics import text_width, wrap_label

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BAR_COLOURS = ("#1f6fc5", "#9cc7f0")


def nice_step(maximum: float, ticks: int = 4) -> int:
    """An integer step of 1, 2 or 5 times a power of ten giving about `ticks` gridlines."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def month_span(months: Sequence[MonthCount]) -> list[tuple[int, int]]:
    """Every (year, month) from the first to the last dated month, so gaps show as gaps."""
    if not months:
        return []
    first = months[0].year * 12 + months[0].month - 1
    last = months[-1].year * 12 + months[-1].month - 1
    return [(i // 12, i % 12 + 1) for i in range(first, last + 1)]


def month_chart_svg(months: Sequence[MonthCount], width: int = 1000, height: int = 280) -> str:
    """Meetings per month on a continuous month axis; one bar per month that has meetings."""
    months = sorted(months, key=lambda m: (m.year, m.month))
    span = month_span(months)
    left, right, top, bottom = 44, 12, 22, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(span))
    peak = max((m.meetings for m in months), default=1)
    y_max = math.ceil(peak / nice_step(peak)) * nice_step(peak)
    parts = [svg_open(width, height, "Meetings per month", "months")]
    parts += y_gridlines(y_max, nice_step(peak), left, width - right, top, plot_h)
    counts = {(m.year, m.month): m.meetings for m in months}
    for i, (year, month) in enumerate(span):
        if counts.get((year, month)):
            parts += month_bar(year, month, counts, left + i * slot, slot, top + plot_h, plot_h / y_max)
    parts += month_axis_labels(span, left, slot, top + plot_h)
    parts.append("</svg>")
    return "".join(parts)


def y_gridlines(y_max: int, step: int, x1: float, x2: float, top: float, plot_h: float) -> list[str]:
    parts = []
    for tick in range(0, y_max + 1, step):
        y = top + plot_h - tick / y_max * plot_h
        parts.append(
            f'<line class="grid" x1="{x1}" x2="{x2}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{x1 - 8}" y="{y + 4:.1f}" text-anchor="end">{fmt(tick)}</text>'
        )
    return parts


def month_bar(
    year: int,
    month: int,
    counts: dict[tuple[int, int], int],
    slot_x: float,
    slot: float,
    base: float,
    scale: float,
) -> list[str]:
    """One month's bar with a tooltip, and its count above it when there is room."""
    n = counts[(year, month)]
    bar_w = max(1.0, min(slot * 0.78, 48))
    x, h = slot_x + (slot - bar_w) / 2, n * scale
    tip = f"{MONTHS[month - 1]} {year}: {fmt(n)} meeting{'s' if n != 1 else ''}"
    parts = [
        f'<rect class="bar" data-month="{year:04d}-{month:02d}" x="{x:.1f}" y="{base - h:.1f}"'
        f' width="{bar_w:.1f}" height="{h:.1f}" rx="2"><title>{text(tip)}</title></rect>'
    ]
    if label_fits(
        fmt(n), slot, counts.get(prev_month(year, month), 0), counts.get(next_month(year, month), 0)
    ):
        parts.append(
            f'<text class="value" x="{x + bar_w / 2:.1f}" y="{base - h - 5:.1f}" text-anchor="middle">'
            f"{fmt(n)}</text>"
        )
    return parts


def prev_month(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year, month + 1) if month < 12 else (year + 1, 1)


def label_fits(label: str, slot: float, before: int, after: int) -> bool:
    """A count above a bar fits in its slot, or spills into empty neighbouring slots."""
    room = slot * (1 + (before == 0) + (after == 0))
    return text_width(label, 12) + 4 <= room


def month_axis_labels(span: Sequence[tuple[int, int]], left: float, slot: float, base: float) -> list[str]:
    """Month names under the bars when there is room, and the years: a tick at each January (every
    n-th year on long spans) and the first month, labelled unless a label would collide."""
    right = left + slot * len(span)
    parts = [f'<line class="axis" x1="{left}" x2="{right:.1f}" y1="{base}" y2="{base}"/>']
    monthly = slot >= 30
    if monthly:
        parts += [
            f'<text class="tick" x="{left + (i + 0.5) * slot:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{MONTHS[month - 1]}</text>"
            for i, (_, month) in enumerate(span)
        ]
    every = 1 if monthly else max(1, math.ceil(44 / (slot * 12)))
    januaries = [i for i, (year, month) in enumerate(span) if month == 1 and year % every == 0]
    taken: list[tuple[float, float]] = []
    for i in januaries + ([0] if span and span[0][1] != 1 else []):  # Januaries first: they win
        year = span[i][0]
        start = left + i * slot + (slot / 2 - text_width(str(year), 12) / 2 if monthly else 2)
        start = min(max(start, left), right - text_width(str(year), 12))
        end = start + text_width(str(year), 12)
        if any(start < b + 8 and a < end + 8 for a, b in taken):
            continue
        taken.append((start, end))
        parts.append(
            f'<line class="axis" x1="{left + i * slot:.1f}" x2="{left + i * slot:.1f}" y1="{base}"'
            f' y2="{base + 5}"/><text class="tick year" x="{start:.1f}" y="{base + (32 if monthly else 18)}">'
            f"{year}</text>"
        )
    return parts


def hbar_chart_svg(bars: Sequence[Bar], series: Sequence[str], width: int = 520) -> str:
    """Horizontal bars, stacked when there are several series, with the total at the end.

    Labels sit left of the bars, wrapped onto two lines and then shortened when too long (the
    full text is in the tooltip).
    """
    longest = max((text_width(b.label) for b in bars), default=0)
    label_w = int(min(max(longest + 16, 90), width * 0.5))
    labels = [wrap_label(b.label, label_w - 12) for b in bars]
    row_h = 36 if any(len(lines) > 1 for lines in labels) else 28
    top = 8 + (24 if len(series) > 1 else 0)
    scale = (width - label_w - 44) / (max((b.total for b in bars), default=1) or 1)
    parts = [svg_open(width, top + row_h * len(bars) + 6, ", ".join(series), "hbars")]
    if len(series) > 1:
        parts += legend(series, label_w, 14, width)
    for i, (bar, lines) in enumerate(zip(bars, labels, strict=True)):
        parts.append(hbar_row(bar, lines, series, label_w, top + i * row_h + row_h / 2 - 4, scale))
    parts.append("</svg>")
    return "".join(parts)


def hbar_row(
    bar: Bar, lines: Sequence[str], series: Sequence[str], label_w: float, mid: float, scale: float
) -> str:
    """One labelled bar centred on `mid`: its segments from `label_w`, `scale` pixels per unit."""
    tip = bar.label + ": " + ", ".join(f"{fmt(v)} {s}" for v, s in zip(bar.values, series, strict=False))
    first = mid + 4.5 - 7.5 * (len(lines) - 1)
    spans = "".join(
        f'<tspan x="{label_w - 10}" y="{first + 15 * k:.1f}">{text(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    parts = [f'<g class="row"><title>{text(tip)}</title><text class="label" text-anchor="end">{spans}</text>']
    x = float(label_w)
    for j, value in enumerate(bar.values):
        if value > 0:
            parts.append(
                f'<rect class="bar s{j}" x="{x:.1f}" y="{mid - 9:.1f}" width="{value * scale:.1f}"'
                f' height="18" fill="{BAR_COLOURS[j % len(BAR_COLOURS)]}"/>'
            )
        x += value * scale
    parts.append(f'<text class="value" x="{x + 6:.1f}" y="{mid + 4.5:.1f}">{fmt(bar.total)}</text></g>')
    return "".join(parts)


def legend(series: Sequence[str], x: float, y: float, width: float) -> list[str]:
    """Colour keys in a row from x, moved left if they would run past the chart's width."""
    needed = sum(17 + text_width(name, 12) + 18 for name in series) - 18
    x = max(0.0, min(x, width - needed))
    parts = []
    for j, name in enumerate(series):
        colour = BAR_COLOURS[j % len(BAR_COLOURS)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text class="legend" x="{x + 17:.1f}" y="{y}">{text(name)}</text>'
        )
        x += 17 + text_width(name, 12) + 18
    return parts
