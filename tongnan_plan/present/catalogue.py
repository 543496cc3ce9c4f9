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
from .formats import CATALOGUE_COLUMNS, catalogue_row
from .layout import fit, fitted_table
from .terminal import Screen, render, text
from .view import Cell, Drawing, Options, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..model.plan import Indicator

__all__ = ["catalogue_cells", "catalogue_text", "catalogue_view"]

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
    """The catalogue as a table fitted to a terminal (table), or plain columns of text (text,
    for a file)."""
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
    from tabulate import tabulate

    return tabulate(plain, headers=titles, tablefmt="simple", disable_numparse=True) + "\n"


def catalogue_view(indicators: Sequence[Indicator], title: str) -> View:
    """`tnplan indicators`: the catalogue as records, and drawn for people (a table fitted to
    a terminal, plain columns in a file, Markdown, a workbook)."""

    def table(options: Options) -> str:
        screen = options.screen if options.screen is not None else Screen.plain()
        shown = "text" if options.to_file else "table"
        return catalogue_text(indicators, options.lang, shown, screen)

    def workbook(options: Options) -> bytes:
        from .xlsx import catalogue_workbook

        return catalogue_workbook(indicators, title, options.lang)

    drawings: dict[str, Drawing] = {
        "table": table,
        "xlsx": workbook,
    }
    records = Records(CATALOGUE_COLUMNS, [catalogue_row(ind) for ind in indicators])
    return View(title, records, drawings=drawings, blocks=lambda lang: [_table(indicators, lang)])


def _table(indicators: Sequence[Indicator], lang: str) -> CellTable:
    """The catalogue for people: a row an indicator, every column, each cell on one line."""
    rows = catalogue_cells(indicators, lang)
    cells = [[Cell(one_line(row[key])) for key in COLUMNS] for row in rows]
    return CellTable([HEADERS[lang][key] for key in COLUMNS], cells)
