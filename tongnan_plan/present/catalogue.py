"""`tnplan indicators` for people: the plan's catalogue as a terminal table, Markdown or text.

The terminal table is fitted to the screen as the status table is (layout.py): an id is never
cut, since it is what a reader looks up; the columns that do not fit are left out instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import (
    attribute_words,
    baseline_cell,
    kind_words,
    name_cell,
    target_cell,
    target_with_unit,
)
from .escaping import one_line
from .formats import CATALOGUE_COLUMNS, catalogue_row, csv_text, json_text, markdown_table
from .layout import fit, fitted_table
from .terminal import Screen, render, text

if TYPE_CHECKING:
    from ..model.plan import Indicator

__all__ = ["catalogue_cells", "catalogue_output", "catalogue_text"]

HEADERS = {
    "zh": {
        "id": "编号",
        "name": "指标",
        "unit": "单位",
        "kind": "类型",
        "attribute": "属性",
        "baseline": "基期",
        "target": "目标",
        "target_unit": "目标",
        "source": "来源",
    },
    "en": {
        "id": "id",
        "name": "Indicator",
        "unit": "Unit",
        "kind": "Kind",
        "attribute": "Attribute",
        "baseline": "Baseline",
        "target": "Target",
        "target_unit": "Target",
        "source": "Source",
    },
}
COLUMNS = ("id", "name", "unit", "kind", "attribute", "baseline", "target", "source")
#: The candidate layouts of the terminal table, richest first (see layout.fit).
LAYOUTS = (
    COLUMNS,
    ("id", "name", "unit", "baseline", "target", "source"),
    ("id", "name", "target_unit", "source"),
    ("id", "name", "target_unit"),
)
LAST_RESORT = ("id", "name")


def catalogue_cells(indicators: Sequence[Indicator], lang: str) -> list[dict[str, str]]:
    """Each indicator's cells for people, by column key (see HEADERS)."""
    rows = []
    for ind in indicators:
        rows.append(
            {
                "id": ind.id,
                "name": name_cell(ind, lang),
                "short_name": name_cell(ind, lang, short=True),
                "unit": ind.unit,
                "kind": kind_words(ind.kind, lang),
                "attribute": attribute_words(ind.attribute, lang),
                "baseline": baseline_cell(ind),
                "target": target_cell(ind),
                "target_unit": target_with_unit(ind),
                "source": ind.source,
            }
        )
    return rows


def catalogue_text(indicators: Sequence[Indicator], lang: str, fmt: str, screen: Screen) -> str:
    """The catalogue as Markdown (markdown), a table fitted to a terminal (table), or plain
    columns of text (text, for a file)."""
    headers = HEADERS[lang]
    rows = catalogue_cells(indicators, lang)
    if fmt == "table":
        width = screen.measured().width or 80
        fitted = fit(LAYOUTS, LAST_RESORT, rows, headers, width)
        cells = [
            [text(name if key == "name" else row[key]) for key in fitted.columns]
            for row, name in zip(rows, fitted.names, strict=True)
        ]
        return render([fitted_table(fitted, headers, cells)], screen)
    titles = [headers[key] for key in COLUMNS]
    plain = [[one_line(row[key]) for key in COLUMNS] for row in rows]
    if fmt == "markdown":
        return markdown_table(titles, plain) + "\n"
    from tabulate import tabulate

    return tabulate(plain, headers=titles, tablefmt="simple", disable_numparse=True) + "\n"


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
    if fmt in ("csv", "json"):
        rows = [catalogue_row(ind) for ind in indicators]
        return csv_text(rows, CATALOGUE_COLUMNS, excel=excel) if fmt == "csv" else json_text(rows)
    return catalogue_text(indicators, lang, "text" if fmt == "table" and to_file else fmt, screen)
