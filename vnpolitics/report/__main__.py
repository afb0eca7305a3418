"""A one-file HTML overview of a built warehouse, for a reader rather than a SQL client.

    python -m vnpolitics.report [--warehouse PATH] [--out PATH]

Defaults: warehouse/warehouse.duckdb and warehouse/report.html.

Opens the warehouse read-only, queries the marts and writes one self-contained page: headline
figures, meetings per month, the most active people and bodies, and a co-attendance graph. The
charts are SVG drawn here in Python and the styles are inline, so the page opens from disk, in
an e-mail attachment or offline with nothing else to fetch; a few lines of JavaScript only add
highlighting on hover, and the page reads the same without them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vnpolitics.report.data import ReportError
from vnpolitics.report.page import write_report

DEFAULT_WAREHOUSE = Path("warehouse/warehouse.duckdb")
DEFAULT_OUT = Path("warehouse/report.html")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m vnpolitics.report",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, help="DuckDB file with the marts")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="HTML file to write")
    args = ap.parse_args(argv)
    try:
        written = write_report(args.warehouse, args.out)
    except ReportError as exc:
        print(f"report: error: {exc}", file=sys.stderr)
        return 2
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
