"""`tnplan indicators` for people: the plan's catalogue as a terminal table, Markdown or text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .escaping import one_line
from .formats import CATALOGUE_COLUMNS, catalogue_row, csv_text, json_text, markdown_table
from .terminal import Screen, render, text

if TYPE_CHECKING:
    from ..model.plan import Indicator

__all__ = ["catalogue_cells", "catalogue_output", "catalogue_text"]

_HEADERS = {
    "zh": ("id", "指标", "单位", "kind", "属性", "基期", "目标", "来源"),
    "en": ("id", "name", "unit", "kind", "attribute", "baseline", "target", "source"),
}


def catalogue_cells(rows: Sequence[dict[str, Any]], lang: str) -> list[list[str]]:
    """The catalogue's records (formats.catalogue_row) as text cells."""
    return [
        [
            str(r["id"]),
            str(r["name"] if lang == "zh" else r["name_en"]),
            str(r["unit"]),
            str(r["kind"]),
            str(r["attribute"]),
            str(r["baseline_text"] or ""),
            str(r["target_text"]),
            str(r["source"]),
        ]
        for r in rows
    ]


def catalogue_text(rows: Sequence[dict[str, Any]], lang: str, fmt: str, screen: Screen) -> str:
    """The catalogue as Markdown (markdown), a table drawn for a terminal (table), or plain
    columns of text (text, for a file)."""
    headers = _HEADERS[lang]
    cells = catalogue_cells(rows, lang)
    if fmt == "markdown":
        return markdown_table(headers, cells) + "\n"
    if fmt == "table":
        from rich.table import Table

        table = Table(header_style="bold")
        for header in headers:
            table.add_column(text(header))
        for row in cells:
            table.add_row(*(text(cell) for cell in row))
        return render([table], screen)
    from tabulate import tabulate

    plain = [[one_line(cell) for cell in row] for row in cells]
    return tabulate(plain, headers=headers, tablefmt="simple", disable_numparse=True) + "\n"


def catalogue_output(
    indicators: Sequence[Indicator],
    fmt: str,
    *,
    lang: str,
    screen: Screen,
    to_file: bool,
    excel: bool = False,
    title: str = "",
) -> str | bytes:
    """The catalogue in a format of `tnplan indicators`: csv, json, markdown, xlsx (a workbook,
    as bytes), or a table (drawn for a terminal, plain columns in a file)."""
    if fmt == "xlsx":
        from .xlsx import catalogue_workbook

        return catalogue_workbook(indicators, title, lang)
    rows = [catalogue_row(ind) for ind in indicators]
    if fmt == "csv":
        return csv_text(rows, CATALOGUE_COLUMNS, excel=excel)
    if fmt == "json":
        return json_text(rows)
    return catalogue_text(rows, lang, "text" if fmt == "table" and to_file else fmt, screen)
