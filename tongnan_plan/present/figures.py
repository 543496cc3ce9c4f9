"""`tnplan figures`: every reported figure in long form, as records (CSV, JSON, a workbook) and
for people (a terminal table fitted to the screen, Markdown).

The records' columns and their types are columns.py's; the cells for people are cells.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .cells import SYMBOL, derived, figure, name_cell, number, provenance_words
from .escaping import one_line
from .formats import markdown_table
from .layout import fit, fitted_table
from .terminal import Screen, render, text
from .view import Drawing, Options, Records, View

if TYPE_CHECKING:
    from ..calc.figures import ReportedFigure

__all__ = ["FIGURE_COLUMNS", "figure_row", "figures_text", "figures_view"]

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


def figures_text(figures: Sequence[ReportedFigure], lang: str, fmt: str, screen: Screen) -> str:
    """The figures for people: a table fitted to a terminal (table), Markdown (markdown), or
    plain columns of text (text, for a file)."""
    headers = HEADERS[lang]
    rows = [_cells(one, lang) for one in figures]
    if fmt == "table":
        width = screen.measured().width or 80
        fitted = fit(LAYOUTS, LAST_RESORT, rows, headers, width)
        cells = [
            [text(name if key == "name" else row[key]) for key in fitted.columns]
            for row, name in zip(rows, fitted.names, strict=True)
        ]
        return render([fitted_table(fitted, headers, cells, _NUMERIC)], screen)
    titles = [headers[key] for key in _PEOPLE]
    plain = [[one_line(row[key]) for key in _PEOPLE] for row in rows]
    if fmt == "markdown":
        return markdown_table(titles, plain) + "\n"
    from tabulate import tabulate

    return tabulate(plain, headers=titles, tablefmt="simple", disable_numparse=True) + "\n"


def figures_view(figures: Sequence[ReportedFigure], title: str) -> View:
    """`tnplan figures`: the figures as records (csv, tsv, json, jsonl), and drawn for people
    (a table fitted to a terminal, plain columns in a file, Markdown, a workbook)."""
    rows = [figure_row(one) for one in figures]

    def table(options: Options) -> str:
        screen = options.screen if options.screen is not None else Screen.plain()
        return figures_text(figures, options.lang, "text" if options.to_file else "table", screen)

    def workbook(options: Options) -> bytes:
        from .xlsx import records_workbook

        return records_workbook(title, "figures", FIGURE_COLUMNS, rows)

    drawings: dict[str, Drawing] = {
        "table": table,
        "markdown": lambda o: figures_text(figures, o.lang, "markdown", Screen.plain()),
        "xlsx": workbook,
    }
    return View(title, Records(FIGURE_COLUMNS, rows), drawings=drawings)
