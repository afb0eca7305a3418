"""A one-file HTML overview of a built warehouse, for a reader rather than a SQL client.

    python -m vnpolitics.warehouse_report [--warehouse PATH] [--out PATH]

Defaults: warehouse/warehouse.duckdb and warehouse/report.html.

Opens the warehouse read-only, queries the marts and writes one self-contained page: headline
figures, meetings per month, the most active people and bodies, and a co-attendance graph. The
charts are SVG drawn here in Python and the styles are inline, so the page opens from disk, in
an e-mail attachment or offline with nothing else to fetch; a few lines of JavaScript only add
highlighting on hover, and the page reads the same without them.

The chart functions take plain data and return an SVG string, so they can be tested (and
reused) without a warehouse.
"""

from __future__ import annotations

import argparse
import html
import math
import os
import random
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

DEFAULT_WAREHOUSE = Path("warehouse/warehouse.duckdb")
DEFAULT_OUT = Path("warehouse/report.html")
TOP_PEOPLE = 15
TOP_BODIES = 15
GRAPH_PEOPLE = 30
GRAPH_SEED = 7
GRAVITY = 1.0  # pull towards the centre, so unconnected groups stay in view

# The marts and columns the report reads: checked up front so a half-built warehouse gets a
# clear message instead of a binder error from the middle of a query.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "dim_articles": ("article_key",),
    "fct_meetings": ("meeting_key", "meeting_date"),
    "dim_people": ("person_key", "full_name"),
    "dim_organizations": ("organization_key", "canonical_name"),
    "fct_meeting_participants": ("meeting_key", "person_key"),
    "bridge_meeting_organizers": ("meeting_key", "organization_key"),
    "fct_mentions": ("mention_kind", "meeting_key", "organization_key"),
    "fct_co_attendance": ("person_a", "person_b", "meetings_together"),
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FONT_SIZE = 13
# Advance widths in em, rounded up from DejaVu Sans (the widest common sans fallback), by the
# base letter (diacritics do not widen Vietnamese letters): estimates err wide, never narrow.
NARROW_CHARS = frozenset(" ijlt.,;:'!|()[]/")
MEDIUM_CHARS = frozenset("frszcIJ-")
WIDE_CHARS = frozenset("mwMW")
BAR_COLOURS = ("#1f6fc5", "#9cc7f0")
NODE_COLOUR = "#1f6fc5"
EDGE_COLOUR = "#5b7a99"


class ReportError(Exception):
    """The warehouse cannot be reported on (missing file, not DuckDB, marts absent)."""


# --------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Headline:
    articles: int
    meetings: int
    people: int
    bodies: int
    undated_meetings: int


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    meetings: int


@dataclass(frozen=True)
class Bar:
    """One row of a horizontal bar chart: a label and one value per series (stacked)."""

    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class GraphNode:
    key: str
    name: str
    meetings: int
    co_attendees: int


@dataclass(frozen=True)
class GraphEdge:
    a: str
    b: str
    meetings: int


@dataclass(frozen=True)
class ReportData:
    headline: Headline
    months: list[MonthCount]
    people: list[Bar]
    bodies: list[Bar]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    connected_people: int


def text(value: object) -> str:
    """Data text made safe for HTML and SVG: NFC (names are Vietnamese) and escaped."""
    return html.escape(unicodedata.normalize("NFC", str(value)), quote=True)


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """Connect read-only, so a report never changes (or locks for writing) the warehouse."""
    if not path.is_file():
        raise ReportError(f"warehouse not found: {path} (build it first, e.g. `make build`)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise ReportError(f"cannot open {path} as a DuckDB warehouse: {exc}") from exc
    missing = missing_marts(con)
    if missing:
        con.close()
        raise ReportError(f"{path} lacks the marts the report needs: {', '.join(missing)}")
    return con


def missing_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Required tables or table.column pairs absent from the default schema."""
    rows = con.execute(
        "select table_name, column_name from information_schema.columns"
        " where table_catalog = current_database() and table_schema = current_schema()"
    ).fetchall()
    present: dict[str, set[str]] = {}
    for table, column in rows:
        present.setdefault(table, set()).add(column)
    missing = []
    for table, columns in REQUIRED_COLUMNS.items():
        if table not in present:
            missing.append(table)
        else:
            missing += [f"{table}.{c}" for c in columns if c not in present[table]]
    return missing


def query_headline(con: duckdb.DuckDBPyConnection) -> Headline:
    row = con.execute(
        """
        select
            (select count(*) from dim_articles),
            (select count(*) from fct_meetings),
            (select count(*) from dim_people),
            (select count(*) from dim_organizations),
            (select count(*) from fct_meetings where meeting_date is null)
        """
    ).fetchone()
    assert row is not None
    return Headline(*(int(v) for v in row))


def query_months(con: duckdb.DuckDBPyConnection) -> list[MonthCount]:
    rows = con.execute(
        """
        select year(meeting_date), month(meeting_date), count(*)
        from fct_meetings where meeting_date is not null
        group by all order by 1, 2
        """
    ).fetchall()
    return [MonthCount(int(y), int(m), int(n)) for y, m, n in rows]


def query_people(con: duckdb.DuckDBPyConnection, limit: int = TOP_PEOPLE) -> list[Bar]:
    """People by distinct meetings with any role (attended, chaired, spoke, presented)."""
    rows = con.execute(
        """
        select p.full_name, count(distinct f.meeting_key) as meetings
        from fct_meeting_participants f join dim_people p using (person_key)
        group by p.person_key, p.full_name
        order by meetings desc, p.full_name, p.person_key
        limit ?
        """,
        [limit],
    ).fetchall()
    return [Bar(name, (int(n),)) for name, n in rows]


def query_bodies(con: duckdb.DuckDBPyConnection, limit: int = TOP_BODIES) -> list[Bar]:
    """Bodies by distinct meetings, split into organised and only named in the meeting's report.

    A body that organised a meeting and is also named in it counts once, as organiser.
    """
    rows = con.execute(
        """
        with links as (
            select meeting_key, organization_key, true as organised from bridge_meeting_organizers
            union all
            select meeting_key, organization_key, false from fct_mentions
            where mention_kind = 'organization' and meeting_key is not null and organization_key is not null
        ), per_meeting as (
            select organization_key, meeting_key, bool_or(organised) as organised from links group by all
        )
        select o.canonical_name,
            count(*) filter (where m.organised) as organised_meetings,
            count(*) filter (where not m.organised) as named_meetings
        from per_meeting m join dim_organizations o using (organization_key)
        group by o.organization_key, o.canonical_name
        order by organised_meetings + named_meetings desc, organised_meetings desc,
            o.canonical_name, o.organization_key
        limit ?
        """,
        [limit],
    ).fetchall()
    return [Bar(name, (int(a), int(b))) for name, a, b in rows]


GRAPH_TOP_CTE = """
    with ends as (
        select person_a as person_key, meetings_together as w from fct_co_attendance
        union all
        select person_b, meetings_together from fct_co_attendance
    ), degrees as (
        select person_key, count(*) as co_attendees, sum(w) as strength from ends group by all
    ), attended as (
        select person_key, count(distinct meeting_key) as meetings from fct_meeting_participants group by all
    ), top as (
        select d.person_key, p.full_name, coalesce(a.meetings, 0) as meetings, d.co_attendees, d.strength
        from degrees d join dim_people p using (person_key) left join attended a using (person_key)
        order by d.co_attendees desc, d.strength desc, p.full_name, d.person_key
        limit ?
    )
"""


def query_graph(
    con: duckdb.DuckDBPyConnection, limit: int = GRAPH_PEOPLE
) -> tuple[list[GraphNode], list[GraphEdge], int]:
    """The most connected people (most co-attendees), the edges among them, and how many people
    have any co-attendee at all (for the caption)."""
    nodes = con.execute(
        GRAPH_TOP_CTE + "select person_key, full_name, meetings, co_attendees from top"
        " order by co_attendees desc, strength desc, full_name, person_key",
        [limit],
    ).fetchall()
    edges = con.execute(
        GRAPH_TOP_CTE
        + """
        select c.person_a, c.person_b, c.meetings_together from fct_co_attendance c
        where c.person_a in (select person_key from top) and c.person_b in (select person_key from top)
        order by c.person_a, c.person_b
        """,
        [limit],
    ).fetchall()
    connected = con.execute(
        "select count(distinct k) from (select person_a as k from fct_co_attendance"
        " union all select person_b from fct_co_attendance)"
    ).fetchone()
    return (
        [GraphNode(k, name, int(m), int(c)) for k, name, m, c in nodes],
        [GraphEdge(a, b, int(w)) for a, b, w in edges],
        int(connected[0]) if connected else 0,
    )


def load_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    nodes, edges, connected = query_graph(con)
    return ReportData(
        headline=query_headline(con),
        months=query_months(con),
        people=query_people(con),
        bodies=query_bodies(con),
        nodes=nodes,
        edges=edges,
        connected_people=connected,
    )


# --------------------------------------------------------------------------------------------
# SVG helpers


def char_width(char: str) -> float:
    """Estimated advance of one character in em."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    if base in NARROW_CHARS:
        return 0.34
    if base in MEDIUM_CHARS:
        return 0.54
    if base in WIDE_CHARS:
        return 0.98
    return 0.8 if base.isupper() else 0.64


def text_width(label: str, font_size: float = FONT_SIZE) -> float:
    """Estimated rendered width: SVG cannot measure text before the browser lays it out."""
    return sum(char_width(c) for c in label) * font_size


def fit_label(label: str, max_width: float, font_size: float = FONT_SIZE) -> str:
    """Shorten a label with an ellipsis so it fits; the full text stays in the tooltip."""
    if text_width(label, font_size) <= max_width:
        return label
    keep = len(label)
    while keep > 1 and text_width(label[:keep].rstrip() + "…", font_size) > max_width:
        keep -= 1
    return label[:keep].rstrip() + "…"


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


def fmt(value: float) -> str:
    """Round and add thousands separators: counts read better as 12,345."""
    return f"{round(value):,}"


def svg_open(width: float, height: float, label: str, css_class: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img"'
        f' aria-label="{text(label)}" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' width="{width:.0f}" height="{height:.0f}" style="max-width:100%;height:auto">'
    )


# --------------------------------------------------------------------------------------------
# Charts


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


def wrap_label(label: str, max_width: float, font_size: float = FONT_SIZE) -> list[str]:
    """One line when it fits, else two: the most balanced split that fits, or else as much as fits
    on the first line and the rest shortened with an ellipsis. Names of bodies run long ("Ban Chấp
    hành Đảng bộ Khối các cơ quan Trung ương")."""
    if text_width(label, font_size) <= max_width:
        return [label]
    words = label.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [pair for pair in splits if max(text_width(line, font_size) for line in pair) <= max_width]
    if fitting:
        return list(min(fitting, key=lambda pair: max(text_width(line, font_size) for line in pair)))
    first_fits = [pair for pair in splits if text_width(pair[0], font_size) <= max_width]
    if not first_fits:
        return [fit_label(label, max_width, font_size)]
    first, rest = first_fits[-1]
    return [first, fit_label(rest, max_width, font_size)]


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


# --------------------------------------------------------------------------------------------
# Co-attendance graph


def force_layout(
    keys: Sequence[str], edges: Sequence[GraphEdge], seed: int = GRAPH_SEED, iterations: int = 500
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions in the unit square, seeded so a warehouse always gives the
    same picture. Heavier edges pull harder; a weak pull to the centre keeps components close."""
    if not keys:
        return {}
    rng = random.Random(seed)
    pos = [[rng.random(), rng.random()] for _ in keys]
    index = {k: i for i, k in enumerate(keys)}
    links = [(index[e.a], index[e.b], e.meetings) for e in edges if e.a in index and e.b in index]
    heaviest = max((w for _, _, w in links), default=1)
    k = math.sqrt(1.0 / len(keys))
    for step in range(iterations):
        disp = repulsion(pos, k)
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            f = math.hypot(dx, dy) / k * (0.6 + 0.4 * w / heaviest)
            disp[i][0], disp[i][1] = disp[i][0] - dx * f, disp[i][1] - dy * f
            disp[j][0], disp[j][1] = disp[j][0] + dx * f, disp[j][1] + dy * f
        move(pos, disp, temperature=0.08 * (1 - step / iterations) + 0.002)
    return normalise({key: (p[0], p[1]) for key, p in zip(keys, pos, strict=True)})


def repulsion(pos: list[list[float]], k: float) -> list[list[float]]:
    """Every pair pushes apart with force k²/d (Fruchterman-Reingold)."""
    disp = [[0.0, 0.0] for _ in pos]
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            f = k * k / max(dx * dx + dy * dy, 1e-6)
            disp[i][0], disp[i][1] = disp[i][0] + dx * f, disp[i][1] + dy * f
            disp[j][0], disp[j][1] = disp[j][0] - dx * f, disp[j][1] - dy * f
    return disp


def move(pos: list[list[float]], disp: list[list[float]], temperature: float) -> None:
    """Apply the centre pull, then move each node along its displacement, at most `temperature`."""
    for p, d in zip(pos, disp, strict=True):
        dx, dy = d[0] - (p[0] - 0.5) * GRAVITY, d[1] - (p[1] - 0.5) * GRAVITY
        length = math.hypot(dx, dy) or 1.0
        scale = min(length, temperature) / length
        p[0] += dx * scale
        p[1] += dy * scale


def normalise(points: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Stretch positions to fill the unit square (a single point goes to the centre)."""
    if not points:
        return {}
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    return {
        k: ((x - min(xs)) / span_x if span_x else 0.5, (y - min(ys)) / span_y if span_y else 0.5)
        for k, (x, y) in points.items()
    }


@dataclass
class LabelledNode:
    """A node with the box its circle and the label below it take, for overlap removal."""

    x: float
    y: float
    radius: float
    half_width: float
    below: float  # from the centre down to the bottom of the label

    def overlap(self, other: LabelledNode, pad: float) -> tuple[float, float]:
        ox = self.half_width + other.half_width + pad - abs(self.x - other.x)
        top = max(self.y - self.radius, other.y - other.radius)
        bottom = min(self.y + self.below, other.y + other.below)
        return ox, bottom - top + pad


def separate(
    nodes: list[LabelledNode], width: float, height: float, pad: float = 6, rounds: int = 400
) -> bool:
    """Push apart nodes whose circle-plus-label boxes overlap, along the shorter overlap, keeping
    them on the canvas; True when no overlap is left. Deterministic: pairs go in index order."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for j in range(i + 1, len(nodes)):
                b = nodes[j]
                ox, oy = a.overlap(b, pad)
                if ox <= 0.01 or oy <= 0.01:  # touching is fine; float residue is not an overlap
                    continue
                moved = True
                if ox < oy:
                    sign = 1 if (a.x, i) > (b.x, j) else -1
                    a.x += sign * (ox / 2 + 0.5)
                    b.x -= sign * (ox / 2 + 0.5)
                else:
                    sign = 1 if (a.y, i) > (b.y, j) else -1
                    a.y += sign * (oy / 2 + 0.5)
                    b.y -= sign * (oy / 2 + 0.5)
        for node in nodes:
            node.x = min(max(node.x, node.half_width), width - node.half_width)
            node.y = min(max(node.y, node.radius), height - node.below)
        if not moved:
            return True
    return False


def node_radius(meetings: int, most: int) -> float:
    return 5 + 9 * math.sqrt(meetings / most) if most else 6


def edge_style(meetings: int, lightest: int, heaviest: int) -> str:
    """Width and opacity both grow with shared meetings, so strong ties stand out of a dense graph."""
    share = (meetings - lightest) / (heaviest - lightest) if heaviest > lightest else 0.5
    return f'stroke-width="{1 + 5 * share:.1f}" stroke-opacity="{0.24 + 0.56 * share:.2f}"'


def place_nodes(
    nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], width: int, height: int
) -> tuple[dict[str, LabelledNode], int]:
    """Layout, scaled to the canvas, then labels de-overlapped; the canvas grows if they do not fit."""
    unit = force_layout([n.key for n in nodes], edges)
    most = max((n.meetings for n in nodes), default=1)
    while True:
        placed = {}
        for n in nodes:
            r = node_radius(n.meetings, most)
            hw = max(r, text_width(n.name, 12) / 2 + 2)
            x, y = unit[n.key]
            placed[n.key] = LabelledNode(
                x=hw + x * (width - 2 * hw),
                y=r + 4 + y * (height - 2 * r - 28),
                radius=r,
                half_width=hw,
                below=r + 17,
            )
        if separate(list(placed.values()), width, height) or height > 4000:
            return placed, height
        height = int(height * 1.2)


def graph_svg(
    nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], width: int = 1000, height: int = 620
) -> str:
    """People as circles (area by meetings attended), labelled; shared meetings as lines (width
    by count). Each node and edge carries a tooltip and data attributes for hover highlighting."""
    placed, height = place_nodes(nodes, edges, width, height)
    edges = [e for e in edges if e.a in placed and e.b in placed]
    weights = [e.meetings for e in edges] or [1]
    names = {n.key: n.name for n in nodes}
    parts = [svg_open(width, height, "Co-attendance graph", "graph")]
    parts.append('<g class="edges">')
    for e in sorted(edges, key=lambda e: e.meetings):
        a, b = placed[e.a], placed[e.b]
        tip = f"{names[e.a]} – {names[e.b]}: {fmt(e.meetings)} shared meeting{'s' if e.meetings != 1 else ''}"
        parts.append(
            f'<line class="edge" data-a="{text(e.a)}" data-b="{text(e.b)}" x1="{a.x:.1f}" y1="{a.y:.1f}"'
            f' x2="{b.x:.1f}" y2="{b.y:.1f}" {edge_style(e.meetings, min(weights), max(weights))}>'
            f"<title>{text(tip)}</title></line>"
        )
    parts.append('</g><g class="nodes">')
    for n in nodes:
        p = placed[n.key]
        tip = f"{n.name}: {fmt(n.meetings)} meetings, {fmt(n.co_attendees)} people met"
        parts.append(
            f'<g class="node" data-key="{text(n.key)}"><title>{text(tip)}</title>'
            f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{p.radius:.1f}"/>'
            f'<text x="{p.x:.1f}" y="{p.y + p.radius + 13:.1f}" text-anchor="middle">'
            f"{text(n.name)}</text></g>"
        )
    parts.append("</g></svg>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Page


def no_data(message: str) -> str:
    return f'<p class="empty">{text(message)}</p>'


def data_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The chart's numbers, folded away, for copying or reading without the picture."""
    head = "".join(f"<th>{text(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{text(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<details><summary>Numbers</summary><table><tr>{head}</tr>{body}</table></details>"


def section(section_id: str, title: str, body: str, caption: str) -> str:
    return (
        f'<section id="{section_id}" class="card"><h2>{text(title)}</h2>{body}'
        f'<p class="caption">{text(caption)}</p></section>'
    )


def headline_html(h: Headline) -> str:
    tiles = [
        ("Articles", h.articles, "loaded news articles"),
        ("Meetings", h.meetings, "distinct meetings reported"),
        ("People", h.people, "resolved people"),
        ("Bodies", h.bodies, "organisations and committees"),
        ("Undated meetings", h.undated_meetings, "meetings with no known date"),
    ]
    cells = "".join(
        f'<div class="stat"><div class="num">{fmt(v)}</div><div class="what">{text(name)}</div>'
        f'<div class="hint">{text(hint)}</div></div>'
        for name, v, hint in tiles
    )
    return f'<section id="overview" class="stats" aria-label="Headline figures">{cells}</section>'


def months_html(months: Sequence[MonthCount], undated: int, total: int) -> str:
    dated = sum(m.meetings for m in months)
    if months:
        chart = month_chart_svg(months)
        first, last = months[0], months[-1]
        period = (
            f", {MONTHS[first.month - 1]} {first.year} – {MONTHS[last.month - 1]} {last.year}:"
            f" {fmt(dated)} dated meetings"
        )
        table = data_table(
            ["Month", "Meetings"], [(f"{m.year:04d}-{m.month:02d}", m.meetings) for m in months]
        )
    else:
        chart, period, table = no_data("No dated meetings in the warehouse."), "", ""
    share = f"not in the chart; {undated / total:.0%} of all meetings" if total else "no meetings at all"
    aside = (
        f'<aside class="undated"><div class="num">{fmt(undated)}</div>'
        f"<div>meeting{'s' if undated != 1 else ''} without a date</div>"
        f'<div class="hint">{text(share)}</div></aside>'
    )
    body = f'<div class="with-aside"><div class="chart-box">{chart}</div>{aside}</div>{table}'
    caption = (
        f"Meetings per calendar month of meeting_date (fct_meetings){period}. Months without meetings"
        " are left empty; meetings without a date are counted beside the chart."
    )
    return section("meetings-over-time", "Meetings over time", body, caption)


def people_html(bars: Sequence[Bar]) -> str:
    if bars:
        body = hbar_chart_svg(bars, ["meetings"]) + data_table(
            ["Person", "Meetings"], [(b.label, b.total) for b in bars]
        )
    else:
        body = no_data("No meeting participants in the warehouse.")
    caption = (
        f"People by the number of distinct meetings at which they attended, chaired, spoke or presented"
        f" (fct_meeting_participants): the top {TOP_PEOPLE}, ties in name order."
    )
    return section("top-people", "Most active people", body, caption)


def bodies_html(bars: Sequence[Bar]) -> str:
    series = ["organised", "named in the report"]
    if bars:
        body = hbar_chart_svg(bars, series) + data_table(
            ["Body", "Organised", "Named only", "Meetings"], [(b.label, *b.values, b.total) for b in bars]
        )
    else:
        body = no_data("No bodies linked to meetings in the warehouse.")
    caption = (
        "Bodies by the number of distinct meetings linked to them: as organiser"
        " (bridge_meeting_organizers, dark) or only named in the text reporting the meeting"
        f" (fct_mentions with a meeting_key, light): the top {TOP_BODIES}."
    )
    return section("top-bodies", "Most active bodies", body, caption)


def graph_html(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], connected: int) -> str:
    if not (nodes and edges):
        caption = (
            f"People as circles and shared meetings as lines (fct_co_attendance), for the {GRAPH_PEOPLE}"
            " people with the most co-attendees."
        )
        body = no_data("No two people share a meeting in the warehouse.")
        return section("co-attendance", "Who meets whom", body, caption)
    weights = [e.meetings for e in edges]
    scale = f"{min(weights)}–{max(weights)}" if min(weights) != max(weights) else f"{weights[0]}"
    caption = (
        f"The {len(nodes)} people with the most co-attendees, of {fmt(connected)} who shared a meeting"
        f" with anyone (fct_co_attendance). A line joins two people who attended a meeting together;"
        f" its width is the number of shared meetings ({scale}); circle area is meetings attended."
        " The layout is force-directed and seeded, so a warehouse always gives the same picture."
        " Hover over a person to highlight their links."
    )
    return section("co-attendance", "Who meets whom", graph_svg(nodes, edges), caption)


CSS = """
:root { --ink:#1d2733; --muted:#5f6b7a; --line:#e3e8ef; --bg:#f4f6f9; --accent:#1f6fc5; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,
  "Liberation Sans","DejaVu Sans",sans-serif; }
main { max-width:1120px; margin:0 auto; padding:28px 24px 48px; }
header h1 { margin:0 0 4px; font-size:28px; letter-spacing:-.01em; }
header p { margin:0 0 20px; color:var(--muted); }
.stats { display:grid; grid-template-columns:repeat(auto-fit,minmax(160px,1fr)); gap:14px;
  margin-bottom:18px; }
.stat, .card { background:#fff; border:1px solid var(--line); border-radius:12px;
  box-shadow:0 1px 2px rgba(20,30,50,.04); }
.stat { padding:14px 18px; }
.stat .num, .undated .num { font-size:30px; font-weight:700; color:var(--accent); line-height:1.1;
  font-variant-numeric:tabular-nums; }
.stat .what { font-weight:600; margin-top:2px; }
.hint { color:var(--muted); font-size:13px; }
.card { padding:18px 22px 14px; margin-bottom:18px; }
.card h2 { margin:0 0 12px; font-size:19px; }
.pair { display:grid; grid-template-columns:repeat(auto-fit,minmax(480px,1fr)); gap:18px; }
.pair .card { margin-bottom:0; }
.pair { margin-bottom:18px; }
.with-aside { display:flex; gap:18px; align-items:center; }
.chart-box { flex:1; min-width:0; }
.undated { flex:0 0 150px; padding:12px 14px; border-left:3px solid var(--accent); background:#f7f9fc;
  border-radius:0 8px 8px 0; }
.caption { color:var(--muted); font-size:13px; margin:10px 0 0; max-width:80ch; }
.empty { color:var(--muted); font-style:italic; padding:28px 0; text-align:center; margin:0; }
svg.chart { display:block; font-family:inherit; overflow:visible; }
svg .tick { fill:var(--muted); font-size:12px; }
svg .year { fill:var(--ink); font-weight:600; }
svg .grid { stroke:var(--line); }
svg .axis { stroke:#9aa6b4; }
svg .bar { fill:var(--accent); }
svg.hbars .bar.s1 { fill:#9cc7f0; }
svg .value { fill:var(--ink); font-size:12px; font-weight:600; }
svg .label { fill:var(--ink); font-size:13px; }
svg .legend { fill:var(--muted); font-size:12px; }
svg .row:hover .label { font-weight:600; }
svg .row:hover .bar { filter:brightness(.9); }
svg.graph .edge { stroke:#5f7a99; stroke-linecap:round; }
svg.graph .node circle { fill:var(--accent); stroke:#fff; stroke-width:1.5; }
svg.graph .node text { font-size:12px; fill:var(--ink); paint-order:stroke; stroke:#fff;
  stroke-width:3px; stroke-linejoin:round; }
svg.graph .edge, svg.graph .node { transition:opacity .15s; }
svg.graph.focus .edge:not(.hl) { stroke-opacity:.06; }
svg.graph.focus .edge.hl { stroke-opacity:.9; stroke:var(--accent); }
svg.graph.focus .node:not(.hl) { opacity:.25; }
details { margin-top:8px; font-size:13px; }
summary { color:var(--muted); cursor:pointer; }
table { border-collapse:collapse; margin-top:6px; }
th, td { text-align:left; padding:3px 14px 3px 0; border-bottom:1px solid var(--line); }
td:not(:first-child), th:not(:first-child) { text-align:right; font-variant-numeric:tabular-nums; }
footer { color:var(--muted); font-size:12px; text-align:center; margin-top:8px; }
@media (max-width:700px) { .with-aside { flex-direction:column; align-items:stretch; }
  .undated { flex:none; } }
"""

# Hover highlighting for the graph; without it the page loses nothing but the highlight.
SCRIPT = """
document.querySelectorAll("svg.graph").forEach(function (svg) {
  svg.querySelectorAll(".node").forEach(function (node) {
    var key = node.getAttribute("data-key");
    node.addEventListener("mouseenter", function () {
      svg.classList.add("focus");
      node.classList.add("hl");
      svg.querySelectorAll(".edge").forEach(function (edge) {
        var a = edge.getAttribute("data-a"), b = edge.getAttribute("data-b");
        if (a !== key && b !== key) return;
        edge.classList.add("hl");
        var other = svg.querySelector('.node[data-key="' + CSS.escape(a === key ? b : a) + '"]');
        if (other) other.classList.add("hl");
      });
    });
    node.addEventListener("mouseleave", function () {
      svg.classList.remove("focus");
      svg.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    });
  });
});
"""


def render_html(data: ReportData, source_name: str, generated_at: datetime) -> str:
    """The whole page as one string: inline styles, inline SVG, nothing fetched."""
    h = data.headline
    stamp = generated_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Warehouse overview – {text(source_name)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header><h1>Vietnamese political news: warehouse overview</h1>
<p>Meetings, people and bodies extracted from {fmt(h.articles)} article{"s" if h.articles != 1 else ""}
 in <code>{text(source_name)}</code> · generated {text(stamp)}</p></header>
{headline_html(h)}
{months_html(data.months, h.undated_meetings, h.meetings)}
<div class="pair">
{people_html(data.people)}
{bodies_html(data.bodies)}
</div>
{graph_html(data.nodes, data.edges, data.connected_people)}
<footer>Built from the warehouse marts by vnpolitics.warehouse_report; self-contained, works offline.</footer>
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_report(warehouse: Path, out: Path, generated_at: datetime | None = None) -> Path:
    """Query the warehouse (read-only) and write the page to `out`, atomically; returns `out`."""
    con = open_warehouse(Path(warehouse))
    try:
        data = load_report_data(con)
    finally:
        con.close()
    page = render_html(data, Path(warehouse).name, generated_at or datetime.now(UTC))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, help="DuckDB file with the marts")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="HTML file to write")
    args = ap.parse_args(argv)
    try:
        written = write_report(args.warehouse, args.out)
    except ReportError as exc:
        print(f"warehouse_report: error: {exc}", file=sys.stderr)
        return 2
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
