"""`tnplan status` for people: the table of evaluations with its summary and footnotes, as
blocks every writer for people writes (the screen fits the table to its width).

Every cell comes from cells.status_cells; this module only chooses the columns and styles.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import (
    HEADERS,
    NUMERIC_COLUMNS,
    notices,
    progress_notice,
    status_cells,
    with_annual,
)
from .layout import LAST_RESORT, LAYOUTS
from .summary import summary
from .view import Block, Cell, Drawing, Heading, Options, Paragraphs, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.progress import Evaluation

__all__ = ["status_blocks", "status_title", "status_view"]


def _layouts(evaluations: Sequence[Evaluation]) -> list[tuple[str, ...]]:
    """The columns a screen may show, richest first (the last the last resort): 完成年度目标
    where a bar has room; the narrowest table keeps the target instead."""
    layouts = [with_annual(columns, evaluations) for columns in LAYOUTS[:-1]]
    return [*layouts, LAYOUTS[-1], LAST_RESORT]


def _row(ev: Evaluation, cells: dict[str, str], keys: Sequence[str], width: int) -> list[Cell]:
    """One evaluation's cells: the status and its bar in its colour; the figure it is judged
    on right-aligned to width before its bar; the short name for a narrow table."""
    from rich.cells import cell_len

    style = ev.status.info.style
    figure = " " * (width - cell_len(cells["judged"])) + cells["judged"]
    bar = cells["bar"]
    judged_bar = Cell(f"{figure} {bar}", runs=((f"{figure} ", ""), (bar, style))) if bar else None
    row = {
        key: Cell(cells[key], style=style if key in ("status", "bar") else "")
        for key in keys
        if key != "judged_bar"
    }
    row["name"] = Cell(cells["name"], short=cells["short_name"])
    row["judged_bar"] = judged_bar or Cell(figure)
    return [row[key] for key in keys]


def status_blocks(evaluations: Sequence[Evaluation], title: str, lang: str) -> list[Block]:
    """The evaluations for people: the title; a table of every column, of which a screen
    shows the richest layout that fits; on a screen the summary, and what a narrow table's
    progress column holds; the footnotes."""
    from rich.cells import cell_len

    layouts = _layouts(evaluations)
    keys = list(dict.fromkeys(key for columns in layouts for key in columns))
    cells = [status_cells(ev, lang) for ev in evaluations]
    width = max((cell_len(row["judged"]) for row in cells), default=0)
    rows = [_row(ev, row, keys, width) for ev, row in zip(evaluations, cells, strict=True)]
    headers = [HEADERS[lang][key] for key in keys]
    table = CellTable(headers, rows, keys=keys, layouts=layouts, right=NUMERIC_COLUMNS)
    return [
        Heading(title),
        table,
        Paragraphs(["", summary(evaluations, lang)], screen=True),
        *(
            Paragraphs([progress_notice(evaluations, lang, bar=bar)], screen=True, column=key)
            for key, bar in (("judged_bar", True), ("judged", False))
        ),
        Paragraphs(notices(evaluations, lang), style="bold yellow"),
    ]


def status_title(title: str, title_en: str, as_of: int | None, lang: str) -> str:
    """The table's title: the plan and the year it is evaluated as of."""
    return f"{title} 截至 {as_of} 年" if lang == "zh" else f"{title_en}, as of {as_of}"


def status_view(evaluations: Sequence[Evaluation], title: str) -> View:
    """`tnplan status`: the records of the evaluations, and the table for people."""
    from .formats import STATUS_COLUMNS, status_row

    def workbook(options: Options) -> bytes:
        from .xlsx import status_workbook

        return status_workbook(evaluations, title, options.lang)

    records = Records(STATUS_COLUMNS, [status_row(ev) for ev in evaluations])
    blocks = functools.partial(status_blocks, evaluations, title)
    drawings: dict[str, Drawing] = {"xlsx": workbook}
    return View(title, records, drawings=drawings, blocks=blocks, command="tnplan status")
