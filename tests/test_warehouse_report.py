"""The HTML warehouse report: what it shows agrees with the marts, it is self-contained and safe
with any name, it survives an empty warehouse, and a real browser renders it."""

from __future__ import annotations

import hashlib
import html
import json
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from vnpolitics.report.charts import hbar_chart_svg, month_chart_svg
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
)
from vnpolitics.report.graph import LabelledNode, force_layout, graph_svg, separate
from vnpolitics.report.page import data_table, render_html, write_report
from vnpolitics.report.text_metrics import text_width, wrap_label

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NASTY = "<b>Nguyễn & Co</b>"
SVG_NS = "{http://www.w3.org/2000/svg}"
FIXED_TIME = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def fetch(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def section_of(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}".*?</section>', page, re.S)
    assert match, f"section {section_id} missing"
    return match.group(0)


def svg_of(fragment: str, css_class: str) -> ET.Element:
    """The chart with that class, parsed as XML: it must be well-formed for the test to go on."""
    match = re.search(rf'<svg [^>]*class="chart {css_class}".*?</svg>', fragment, re.S)
    assert match, f"no {css_class} chart"
    return ET.fromstring(match.group(0))


def label_texts(svg: ET.Element) -> list[str]:
    """Bar labels, the lines of a wrapped label joined with a space."""
    return [" ".join(t.itertext()) for t in svg.iter(f"{SVG_NS}text") if t.get("class") == "label"]


def value_texts(svg: ET.Element) -> list[int]:
    return [
        int("".join(t.itertext()).replace(",", ""))
        for t in svg.iter(f"{SVG_NS}text")
        if t.get("class") == "value"
    ]


@pytest.fixture(scope="module")
def report(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert write_report(sample_warehouse, out, generated_at=FIXED_TIME) == out
    return out, out.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The page built from the sample warehouse


def test_the_page_is_self_contained(report: tuple[Path, str]) -> None:
    _, page = report
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<(img|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"@import", page, re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", page, re.I)


def test_every_section_is_there_with_a_chart_and_a_caption(report: tuple[Path, str]) -> None:
    _, page = report
    for section_id, chart in [
        ("meetings-over-time", "months"),
        ("top-people", "hbars"),
        ("top-bodies", "hbars"),
        ("co-attendance", "graph"),
    ]:
        body = section_of(page, section_id)
        svg_of(body, chart)
        assert re.search(r'<p class="caption">\S.{40,}</p>', body), section_id
        assert 'class="empty"' not in body
    assert '<section id="overview"' in page


def test_headline_figures_agree_with_the_marts(report: tuple[Path, str], sample_warehouse: Path) -> None:
    _, page = report
    tiles = dict(
        (html.unescape(what), int(num.replace(",", "")))
        for num, what in re.findall(r'<div class="num">([\d,]+)</div><div class="what">(.*?)</div>', page)
    )
    [(articles, meetings, people, bodies, undated)] = fetch(
        sample_warehouse,
        """select (select count(*) from dim_articles), (select count(distinct meeting_key) from fct_meetings),
            (select count(distinct person_key) from dim_people),
            (select count(distinct organization_key) from dim_organizations),
            (select count(*) from fct_meetings where meeting_date is null)""",
    )
    assert articles > 0 and meetings > 0 and people > 0
    assert tiles == {
        "Articles": articles,
        "Meetings": meetings,
        "People": people,
        "Bodies": bodies,
        "Undated meetings": undated,
    }


def test_one_bar_per_month_with_dated_meetings(report: tuple[Path, str], sample_warehouse: Path) -> None:
    _, page = report
    body = section_of(page, "meetings-over-time")
    svg = svg_of(body, "months")
    bars = {r.get("data-month"): r for r in svg.iter(f"{SVG_NS}rect") if r.get("data-month")}
    expected = dict(
        fetch(
            sample_warehouse,
            "select strftime(meeting_date, '%Y-%m'), count(*) from fct_meetings"
            " where meeting_date is not null group by 1",
        )
    )
    assert expected, "the samples have dated meetings"
    assert set(bars) == set(expected)
    # Bar heights are proportional to the counts.
    per_meeting = [float(r.get("height")) / expected[m] for m, r in bars.items()]
    assert max(per_meeting) - min(per_meeting) < 0.1
    [(undated,)] = fetch(sample_warehouse, "select count(*) from fct_meetings where meeting_date is null")
    assert re.search(rf'<aside class="undated"><div class="num">{undated}</div>', body)


def test_the_most_active_people_are_the_top_attendees(
    report: tuple[Path, str], sample_warehouse: Path
) -> None:
    _, page = report
    svg = svg_of(section_of(page, "top-people"), "hbars")
    names, values = label_texts(svg), value_texts(svg)
    counts = fetch(
        sample_warehouse,
        """select any_value(p.full_name), count(distinct f.meeting_key) as n
        from fct_meeting_participants f join dim_people p on p.person_key = f.person_key
        group by f.person_key order by n desc""",
    )
    shown = min(TOP_PEOPLE, len(counts))
    assert len(names) == shown
    assert values == [n for _, n in counts[:shown]]
    cutoff = counts[shown - 1][1]
    must_show = [name for name, n in counts if n > cutoff]
    assert must_show, "the samples have a clear leader"
    assert set(must_show) <= set(names)
    assert names[0] == counts[0][0]


def test_the_most_active_bodies_count_organised_and_named_meetings(
    report: tuple[Path, str], sample_warehouse: Path
) -> None:
    _, page = report
    svg = svg_of(section_of(page, "top-bodies"), "hbars")
    organised = set(
        fetch(sample_warehouse, "select organization_key, meeting_key from bridge_meeting_organizers")
    )
    named = set(
        fetch(
            sample_warehouse,
            "select organization_key, meeting_key from fct_mentions where mention_kind = 'organization'"
            " and meeting_key is not null and organization_key is not null",
        )
    )
    per_body = Counter(org for org, _ in organised | named)
    names = dict(fetch(sample_warehouse, "select organization_key, canonical_name from dim_organizations"))
    ranked = per_body.most_common()
    shown = min(TOP_BODIES, len(ranked))
    assert value_texts(svg) == [n for _, n in ranked[:shown]]
    labels = label_texts(svg)
    assert len(labels) == shown
    cutoff = ranked[shown - 1][1]
    must_show = [names[org] for org, n in ranked if n > cutoff]
    assert must_show, "the samples have bodies above the cut"
    assert set(must_show) <= set(labels)
    # Each row: its total, and a dark segment exactly when the body organised one of the meetings,
    # as wide as its share of organised meetings.
    expected = {}
    for org, n in ranked:
        expected.setdefault(names[org], set()).add((sum(1 for o, _ in organised if o == org), n))
    for row in (g for g in svg.iter(f"{SVG_NS}g") if g.get("class") == "row"):
        label = " ".join(next(t for t in row.iter(f"{SVG_NS}text") if t.get("class") == "label").itertext())
        total = int(
            "".join(next(t for t in row.iter(f"{SVG_NS}text") if t.get("class") == "value").itertext())
        )
        widths = {r.get("class"): float(r.get("width")) for r in row.iter(f"{SVG_NS}rect")}
        dark = widths.get("bar s0", 0.0)
        organised_here = round(dark / sum(widths.values()) * total)
        assert (organised_here, total) in expected[label], label


def graph_parts(page: str) -> tuple[dict[str, str], list[tuple[str, str, float]]]:
    svg = svg_of(section_of(page, "co-attendance"), "graph")
    nodes = {}
    for g in svg.iter(f"{SVG_NS}g"):
        if g.get("class") == "node":
            nodes[g.get("data-key")] = "".join(g.find(f"{SVG_NS}text").itertext())
    edges = [
        (line.get("data-a"), line.get("data-b"), float(line.get("stroke-width")))
        for line in svg.iter(f"{SVG_NS}line")
        if line.get("class") == "edge"
    ]
    return nodes, edges


def test_the_graph_shows_the_most_connected_people_and_their_links(
    report: tuple[Path, str], sample_warehouse: Path
) -> None:
    _, page = report
    nodes, edges = graph_parts(page)
    degrees = fetch(
        sample_warehouse,
        """select k, count(*) from (select person_a as k from fct_co_attendance
            union all select person_b from fct_co_attendance) group by k order by 2 desc""",
    )
    assert len(nodes) == min(GRAPH_PEOPLE, len(degrees))
    cutoff = degrees[len(nodes) - 1][1]
    assert {k for k, d in degrees if d > cutoff} <= set(nodes)
    names = dict(fetch(sample_warehouse, "select person_key, full_name from dim_people"))
    assert nodes == {k: names[k] for k in nodes}
    among = {
        (a, b): w
        for a, b, w in fetch(
            sample_warehouse, "select person_a, person_b, meetings_together from fct_co_attendance"
        )
        if a in nodes and b in nodes
    }
    assert {(a, b) for a, b, _ in edges} == set(among)
    # Wider lines for more shared meetings.
    widths = {}
    for a, b, width in edges:
        widths.setdefault(among[(a, b)], set()).add(width)
    ordered = [widths[w] for w in sorted(widths)]
    assert all(len(ws) == 1 for ws in ordered)
    assert [next(iter(ws)) for ws in ordered] == sorted(next(iter(ws)) for ws in ordered)


def test_graph_labels_and_circles_do_not_overlap(report: tuple[Path, str]) -> None:
    _, page = report
    svg_text = re.search(r'<svg [^>]*class="chart graph".*?</svg>', page, re.S).group(0)
    svg = ET.fromstring(svg_text)
    boxes = []
    for g in svg.iter(f"{SVG_NS}g"):
        if g.get("class") == "node":
            c, t = g.find(f"{SVG_NS}circle"), g.find(f"{SVG_NS}text")
            x, y, r = float(c.get("cx")), float(c.get("cy")), float(c.get("r"))
            half = max(r, text_width("".join(t.itertext()), 12) / 2)
            boxes.append((x - half, y - r, x + half, float(t.get("y")) + 4))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_the_report_is_repeatable_and_leaves_the_warehouse_untouched(
    sample_warehouse: Path, tmp_path: Path
) -> None:
    before = hashlib.sha256(sample_warehouse.read_bytes()).hexdigest()
    first = write_report(sample_warehouse, tmp_path / "a.html", generated_at=FIXED_TIME).read_text("utf-8")
    second = write_report(sample_warehouse, tmp_path / "b.html", generated_at=FIXED_TIME).read_text("utf-8")
    assert hashlib.sha256(sample_warehouse.read_bytes()).hexdigest() == before
    assert first == second
    assert not list(tmp_path.glob("*.partial"))


# ---------------------------------------------------------------------------------------------
# Rendering functions on crafted data


def test_names_are_escaped_in_every_chart() -> None:
    bars = [Bar(NASTY, (3,)), Bar("Trần Văn \"A\" 'B'", (1,))]
    nodes = [GraphNode("<k1>", NASTY, 2, 1), GraphNode("k2", "Lê Thị Hà", 1, 1)]
    edges = [GraphEdge("<k1>", "k2", 1)]
    for svg in (hbar_chart_svg(bars, ["meetings"]), graph_svg(nodes, edges)):
        assert "<b>" not in svg
        assert "&lt;b&gt;Nguyễn &amp; Co&lt;/b&gt;" in svg
        parsed = ET.fromstring(svg)  # escaping keeps it well-formed
        assert NASTY in "".join(parsed.itertext())
    table = data_table(["Person", "Meetings"], [(NASTY, 3)])
    assert "<b>" not in table and "&lt;b&gt;" in table
    page = render_html(
        ReportData(Headline(1, 1, 1, 1, 0), [MonthCount(2024, 3, 1)], bars, [], nodes, edges, 2),
        "<w>.duckdb",
        FIXED_TIME,
    )
    assert "<b>" not in page and "<w>" not in page


def test_decomposed_names_are_written_in_nfc() -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n A"  # "Nguyễn Văn A" with combining marks
    svg = hbar_chart_svg([Bar(decomposed, (1,))], ["meetings"])
    assert "Nguyễn Văn A" in svg and "\u0303" not in svg


def test_month_chart_leaves_gaps_and_labels_years() -> None:
    months = [MonthCount(2023, 11, 4), MonthCount(2024, 2, 2), MonthCount(2024, 3, 7)]
    svg = ET.fromstring(month_chart_svg(months))
    bars = [r for r in svg.iter(f"{SVG_NS}rect") if r.get("data-month")]
    assert [r.get("data-month") for r in bars] == ["2023-11", "2024-02", "2024-03"]
    heights = [float(r.get("height")) for r in bars]
    assert heights[2] > heights[0] > heights[1]
    slots = [float(r.get("x")) for r in bars]
    assert slots[1] - slots[0] == pytest.approx(3 * (slots[2] - slots[1]), rel=0.01)  # Dec and Jan empty
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG_NS}text")]
    assert "2024" in texts and "Nov" in texts


def test_long_labels_wrap_then_shorten() -> None:
    long_body = "Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương"
    assert wrap_label("Bộ Nội vụ", 240) == ["Bộ Nội vụ"]
    lines = wrap_label(long_body, 240)
    assert len(lines) == 2 and " ".join(lines) == long_body
    assert all(text_width(line) <= 240 for line in lines)
    shortened = wrap_label(long_body + " và " + long_body, 240)
    assert len(shortened) == 2 and shortened[-1].endswith("…")
    assert all(text_width(line) <= 240 for line in shortened)
    assert wrap_label("Bộ" * 60, 240)[0].endswith("…")


def test_force_layout_is_seeded_and_separate_removes_overlaps() -> None:
    keys = [f"p{i}" for i in range(12)]
    edges = [
        GraphEdge(keys[i], keys[j], 1 + (i + j) % 3) for i in range(12) for j in range(i + 1, 12) if j - i < 3
    ]
    first, second = force_layout(keys, edges), force_layout(keys, edges)
    assert first == second
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.values())
    assert force_layout(keys, edges, seed=8) != first
    crowded = [LabelledNode(100, 100, 6, 40, 23) for _ in range(8)]
    assert separate(crowded, 600, 400)
    for i, a in enumerate(crowded):
        for b in crowded[i + 1 :]:
            ox, oy = a.overlap(b, 0)
            assert ox <= 0 or oy <= 0


# ---------------------------------------------------------------------------------------------
# Empty and broken warehouses, the command line

EMPTY_MARTS = """
create table dim_articles (article_key varchar, title varchar);
create table fct_meetings (meeting_key varchar, meeting_date date, meeting_kind varchar);
create table dim_people (person_key varchar, full_name varchar);
create table dim_organizations (organization_key varchar, canonical_name varchar);
create table fct_meeting_participants (meeting_key varchar, person_key varchar, role varchar);
create table bridge_meeting_organizers (meeting_key varchar, organization_key varchar);
create table fct_mentions (
    mention_kind varchar, meeting_key varchar, person_key varchar, organization_key varchar
);
create table fct_co_attendance (person_a varchar, person_b varchar, meetings_together bigint);
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnpolitics.report", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_empty_warehouse_gives_a_page_of_no_data_messages(tmp_path: Path) -> None:
    warehouse = tmp_path / "empty.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(EMPTY_MARTS)
    out = tmp_path / "out" / "report.html"
    result = run_cli("--warehouse", str(warehouse), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    for section_id in ("meetings-over-time", "top-people", "top-bodies", "co-attendance"):
        assert 'class="empty"' in section_of(page, section_id), section_id
    assert "<svg" not in page
    assert re.findall(r'<div class="num">(\d+)</div>', page)[:5] == ["0"] * 5


def test_people_who_never_shared_a_meeting_give_no_graph(tmp_path: Path) -> None:
    warehouse = tmp_path / "lonely.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(EMPTY_MARTS)
        con.execute("insert into dim_people values ('p1', 'Lê Văn A')")
        con.execute("insert into fct_meetings values ('m1', null, 'hội nghị')")
        con.execute("insert into fct_meeting_participants values ('m1', 'p1', 'chair')")
    page = write_report(warehouse, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Lê Văn A" in section_of(page, "top-people")
    assert 'class="empty"' in section_of(page, "co-attendance")
    assert 'class="empty"' in section_of(page, "meetings-over-time")
    assert '<aside class="undated"><div class="num">1</div>' in page


def test_a_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "warehouse.duckdb"
    out = tmp_path / "report.html"
    result = run_cli("--warehouse", str(missing), "--out", str(out))
    assert result.returncode == 2
    assert "not found" in result.stderr and str(missing) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_warehouse_without_the_marts_is_a_clear_error(tmp_path: Path) -> None:
    warehouse = tmp_path / "half.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create table dim_articles (article_key varchar)")
        con.execute("create table dim_people (person_key varchar)")
    result = run_cli("--warehouse", str(warehouse), "--out", str(tmp_path / "r.html"))
    assert result.returncode == 2
    assert "fct_meetings" in result.stderr and "dim_people.full_name" in result.stderr
    assert "Traceback" not in result.stderr
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database", encoding="utf-8")
    result = run_cli("--warehouse", str(not_duckdb), "--out", str(tmp_path / "r.html"))
    assert result.returncode == 2 and "cannot open" in result.stderr


# ---------------------------------------------------------------------------------------------
# A real browser

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium is not installed at /usr/bin/chromium; the browser check needs it"
)

# Measures the rendered page in the browser and writes the findings into the DOM for --dump-dom.
LAYOUT_PROBE = """<script>
(function () {
  function hit(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
  function overlaps(selector) {
    var rects = Array.from(document.querySelectorAll(selector)).map(function (e) {
      return e.getBoundingClientRect(); });
    var n = 0;
    for (var i = 0; i < rects.length; i++)
      for (var j = i + 1; j < rects.length; j++) if (hit(rects[i], rects[j])) n++;
    return n;
  }
  function outside(selector) {
    return Array.from(document.querySelectorAll(selector)).filter(function (e) {
      var box = e.getBoundingClientRect(), svg = e.ownerSVGElement.getBoundingClientRect();
      return box.left < svg.left - 1 || box.right > svg.right + 1;
    }).length;
  }
  var out = document.createElement("pre");
  out.id = "layout-probe";
  out.textContent = JSON.stringify({
    graphLabelOverlaps: overlaps("svg.graph .node text"),
    barLabelOverlaps: overlaps("svg.hbars text.label"),
    monthTickOverlaps: overlaps("svg.months text.tick"),
    labelsOutsideCharts: outside("svg.chart text"),
    charts: document.querySelectorAll("svg.chart").length
  });
  document.body.appendChild(out);
})();
</script>"""


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,2600", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def png_rows(data: bytes, max_rows: int) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and the first `max_rows` unfiltered rows of an 8-bit RGB(A)
    PNG, decoded here because PIL is not a dependency."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompressobj().decompress(idat, (stride + 1) * max_rows)
    rows, prev = [], bytearray(stride)
    for r in range(min(max_rows, height)):
        kind, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


@needs_chromium
def test_chromium_renders_the_charts(report: tuple[Path, str], tmp_path: Path) -> None:
    path, page = report
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    result = chromium(tmp_path / "profile", "--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    for chart in ("months", "hbars", "graph"):
        assert f'class="chart {chart}"' in dom
    probe = json.loads(html.unescape(re.search(r'<pre id="layout-probe">(.*?)</pre>', dom, re.S).group(1)))
    assert probe == {
        "graphLabelOverlaps": 0,
        "barLabelOverlaps": 0,
        "monthTickOverlaps": 0,
        "labelsOutsideCharts": 0,
        "charts": 4,
    }
    nodes, _ = graph_parts(page)
    assert dom.count("<circle") == len(nodes)


@needs_chromium
def test_chromium_screenshot_is_not_blank(report: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = report
    shot = tmp_path / "report.png"
    result = chromium(tmp_path / "profile", f"--screenshot={shot}", path.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 10_000
    width, height, bpp, rows = png_rows(shot.read_bytes(), 700)  # title, figures and the month chart
    assert (width, height) == (1280, 2600)
    pixels = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), bpp))
    background, most = pixels.most_common(1)[0]
    assert len(pixels) > 50, "too few colours: nothing was drawn"
    assert most / sum(pixels.values()) < 0.9
    assert any(b > r + 60 for (r, g, b), _ in pixels.most_common(40)), "no chart blue in the top of the page"
