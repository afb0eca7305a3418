"""A one-file HTML overview of a built warehouse, for a reader rather than a SQL client.

    python -m vnpolitics.report [--warehouse PATH] [--out PATH]

A package of small modules rather than one long file, so each part can be read, changed and tested
on its own: the SQL that reads the marts (data), the charts drawn as SVG strings from plain data
(charts, graph, with text_metrics and markup beneath them), and the page that puts them together
and writes it (page). Callers need only write_report; the rest is importable for the tests.
"""

from __future__ import annotations

from vnpolitics.report.page import write_report

__all__ = ["write_report"]
