"""The co-attendance graph: a force-directed layout, then labels pushed apart until none overlap.

The layout is networkx's spring layout, seeded, and every later step is deterministic, so a
warehouse always gives the same picture (and the same bytes): reports of successive builds can
be compared, and the tests can check the layout. Nodes are placed with the room their labels
take, since an unreadable name defeats the graph.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from vnpolitics.report.data import GraphEdge, GraphNode
from vnpolitics.report.markup import fmt, svg_open, text
from vnpolitics.report.text_metrics import text_width

GRAPH_SEED = 7
GRAVITY = 1.0  # pull of each connected group towards the centre, so unconnected groups stay in view


def force_layout(
    keys: Sequence[str], edges: Sequence[GraphEdge], seed: int = GRAPH_SEED
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions (``networkx.spring_layout``) in the unit square, seeded so a
    warehouse always gives the same picture. Heavier edges pull harder; networkx's gravity (its
    ``energy`` method) keeps components close instead of flinging them to the corners."""
    if not keys:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    heaviest = max((e.meetings for e in edges), default=1)
    graph.add_weighted_edges_from(
        (e.a, e.b, 0.6 + 0.4 * e.meetings / heaviest) for e in edges if e.a in graph and e.b in graph
    )
    pos = nx.spring_layout(graph, seed=seed, method="energy", gravity=GRAVITY)
    return normalise({key: (float(pos[key][0]), float(pos[key][1])) for key in keys})


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
