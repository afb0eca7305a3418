"""The SQL side of the report: everything the page shows is read here, once, into plain values.

The charts and the page take these frozen dataclasses rather than a connection, so they can be
tested (and reused) without a warehouse, and the SQL can change without touching the drawing.
The warehouse is opened read-only, so a report never changes (or locks for writing) it, and the
marts the queries need are checked up front, so a half-built warehouse gets a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

TOP_PEOPLE = 15
TOP_BODIES = 15
GRAPH_PEOPLE = 30

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


class ReportError(Exception):
    """The warehouse cannot be reported on (missing file, not DuckDB, marts absent)."""


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
