"""`tnplan figures`: every reported figure in long form, as records (CSV, JSON, a workbook) and
for people (a terminal table fitted to the screen, Markdown).

The records' columns and their types are columns.py's; the cells for people are cells.py's.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .cells import SYMBOL, derived, figure, name_cell, number, provenance_words
from .escaping import one_line
from .typed import general
from .view import Block, Cell, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.figures import ReportedFigure

__all__ = ["FIGURE_COLUMNS", "figure_row", "figures_view"]

#: The columns of `tnplan figures --format csv`; new ones are added at the end.
FIGURE_COLUMNS = (
    "plan",
    "id",
    "name",
    "name_en",
    "year",
    "value",
    "unit",
    "kind",
    "reported",
    "to_date",
    "provenance",
    "source",
    "cumulative",
    "known_total",
    "expected",
    "file",
)

HEADERS = {
    "zh": {
        "id": "编号",
        "name": "指标",
        "year": "年份",
        "value": "数值",
        "unit": "单位",
        "provenance": "数据性质",
        "cumulative": "累计",
        "expected": "序时预期",
        "source": "来源",
    },
    "en": {
        "id": "id",
        "name": "Indicator",
        "year": "Year",
        "value": "Value",
        "unit": "Unit",
        "provenance": "Provenance",
        "cumulative": "Total",
        "expected": "Expected",
        "source": "Source",
    },
}
_PEOPLE = ("id", "name", "year", "value", "unit", "provenance", "cumulative", "expected", "source")
#: The candidate layouts of the terminal table, richest first (see layout.fit).
LAYOUTS = (
    _PEOPLE,
    ("id", "name", "year", "value", "unit", "provenance", "cumulative", "expected"),
    ("name", "year", "value", "unit", "provenance", "cumulative", "expected"),
    ("name", "year", "value", "unit", "cumulative", "expected"),
    ("name", "year", "value", "unit"),
)
LAST_RESORT = ("name", "year", "value")
_NUMERIC = frozenset({"year", "value", "cumulative", "expected"})


def figure_row(one: ReportedFigure) -> dict[str, Any]:
    """One figure as a flat record of plain values (numbers raw, codes as codes)."""
    ind = one.indicator
    return {
        "plan": one.plan,
        "id": ind.id,
        "name": ind.name,
        "name_en": ind.name_en,
        "year": one.year,
        "value": number(one.value),
        "unit": ind.unit,
        "kind": ind.kind.value,
        "reported": one.comparator.value,
        "to_date": one.to_date,
        "provenance": one.provenance.value,
        "source": one.source,
        "cumulative": number(one.cumulative),
        "known_total": number(one.known_total),
        "expected": number(one.expected),
        "file": one.file,
    }


def _cells(one: ReportedFigure, lang: str) -> dict[str, str]:
    return {
        "id": one.indicator.id,
        "name": name_cell(one.indicator, lang),
        "short_name": name_cell(one.indicator, lang, short=True),
        "year": str(one.year),
        "value": SYMBOL[one.comparator] + figure(one.value),
        "unit": one.indicator.unit,
        "provenance": provenance_words(one.provenance, lang),
        "cumulative": figure(one.cumulative),
        "expected": derived(one.expected),
        "source": one.source or "",
    }


def _blocks(figures: Sequence[ReportedFigure], lang: str) -> list[Block]:
    """The figures for people: a row a figure, each cell on one line; on a screen, the
    richest of LAYOUTS that fits, each name the plan's or its short one; in a file, plain
    columns; elsewhere, every column (in a workbook, the figures numbers in their formats)."""
    rows = []
    for one in figures:
        texts = _cells(one, lang)
        cells = {key: Cell(one_line(texts[key])) for key in _PEOPLE}
        cells["name"] = Cell(cells["name"].text, short=one_line(texts["short_name"]))
        sign = SYMBOL[one.comparator]
        shown = (f'"{sign}"' if sign else "") + general(one.value)
        cells["value"] = Cell(cells["value"].text, number(one.value), number_format=shown)
        for key, value in (("cumulative", one.cumulative), ("expected", one.expected)):
            cells[key] = Cell(cells[key].text, number(value), number_format=general(value))
        cells["year"] = Cell(cells["year"].text, one.year)
        rows.append([cells[key] for key in _PEOPLE])
    headers = [HEADERS[lang][key] for key in _PEOPLE]
    layouts = (*LAYOUTS, LAST_RESORT)
    table = CellTable(
        headers,
        rows,
        keys=_PEOPLE,
        layouts=layouts,
        right=_NUMERIC,
        plain_in_file=True,
        name="figures" if lang == "en" else "报送数字",
    )
    return [table]


def figures_view(figures: Sequence[ReportedFigure], title: str) -> View:
    """`tnplan figures`: the figures as records (csv, tsv, json, jsonl), and for people (a
    table fitted to a terminal, plain columns in a file, Markdown, a workbook)."""
    rows = [figure_row(one) for one in figures]
    blocks = functools.partial(_blocks, figures)
    return View(title, Records(FIGURE_COLUMNS, rows), blocks=blocks)
