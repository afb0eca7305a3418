"""The page around the charts: sections, captions, number tables, styles and script, in one file.

Everything is inline, so the page opens from disk, in an e-mail attachment or offline with nothing
else to fetch; the few lines of JavaScript only add highlighting on hover, and the page reads the
same without them. The page is written under a temporary name and then renamed, so nobody opens
half of one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from vnpolitics.report.charts import MONTHS, hbar_chart_svg, month_chart_svg
from vnpolitics.report.data import (
    GRAPH_PEOPLE,
    TOP_BODIES,
    TOP_PEOPLE,
    Bar,
    GraphEdge,
    GraphNode,
    Headline,
    MonthCount,
    ReportData,
    load_report_data,
    open_warehouse,
)
from vnpolitics.report.graph import graph_svg
from vnpolitics.report.markup import fmt, text


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
<footer>Built from the warehouse marts by vnpolitics.report; self-contained, works offline.</footer>
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
