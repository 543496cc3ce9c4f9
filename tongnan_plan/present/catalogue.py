"""`tnplan indicators` for people: the plan's catalogue as a terminal table, Markdown or text.

The terminal table is fitted to the screen as the status table is (layout.py): an id is never
cut, since it is what a reader looks up; the columns that do not fit are left out instead.
"""

from __future__ import annotations

import functools
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
from .typed import printed_cell
from .view import Block, Cell, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..model.plan import Indicator

__all__ = ["catalogue_cells", "catalogue_view"]

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


def catalogue_view(indicators: Sequence[Indicator], title: str) -> View:
    """`tnplan indicators`: the catalogue as records, and for people (a table fitted to a
    terminal, plain columns in a file, Markdown, a workbook)."""
    records = Records(CATALOGUE_COLUMNS, [catalogue_row(ind) for ind in indicators])
    return View(title, records, blocks=functools.partial(_blocks, indicators))


#: The catalogue's sheet in a workbook.
SHEET_NAMES = {"zh": "指标", "en": "indicators"}


def _blocks(indicators: Sequence[Indicator], lang: str) -> list[Block]:
    """The catalogue for people: a row an indicator, each cell on one line; on a screen, the
    richest of LAYOUTS that fits (an id is never cut), each name the plan's or its short one;
    in a file, plain columns; elsewhere, every column (in a workbook, a baseline or target
    printed as a bare number is a number)."""
    keys = (*COLUMNS, "target_unit")
    rows = []
    for ind, row in zip(indicators, catalogue_cells(indicators, lang), strict=True):
        cells = {key: Cell(one_line(row[key])) for key in keys}
        cells["name"] = Cell(cells["name"].text, short=one_line(row["short_name"]))
        for which in ("baseline", "target"):
            cells[which] = printed_cell(ind, which, cells[which].text)
        rows.append([cells[key] for key in keys])
    headers = [HEADERS[lang][key] for key in keys]
    table = CellTable(
        headers,
        rows,
        keys=keys,
        layouts=(*LAYOUTS, LAST_RESORT),
        plain_in_file=True,
        sheet=COLUMNS,
        name=SHEET_NAMES[lang],
        frozen=2,
        filtered=True,
    )
    return [table]
