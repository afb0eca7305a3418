"""Escaping and number formatting shared by the charts, the graph and the page.

Names in the marts are Vietnamese and come from scraped text, so every piece of data goes through
text() on its way into HTML or SVG: NFC, so decomposed diacritics display as the composed letter,
and escaped, so no name can turn into markup. Counts are formatted in one place so a number reads
the same in a chart, a tooltip and a table.
"""

from __future__ import annotations

import html
import unicodedata


def text(value: object) -> str:
    """Data text made safe for HTML and SVG: NFC (names are Vietnamese) and escaped."""
    return html.escape(unicodedata.normalize("NFC", str(value)), quote=True)


def fmt(value: float) -> str:
    """Round and add thousands separators: counts read better as 12,345."""
    return f"{round(value):,}"


def svg_open(width: float, height: float, label: str, css_class: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img"'
        f' aria-label="{text(label)}" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' width="{width:.0f}" height="{height:.0f}" style="max-width:100%;height:auto">'
    )
