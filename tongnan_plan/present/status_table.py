"""`tnplan status` for people: the table of evaluations with its summary and footnotes, as
blocks every writer for people writes (a screen fits the table to its width; a workbook
adds the columns a reader sorts and filters by).

Every cell comes from cells.status_cells (typed.py pairs each with its number); this module
only chooses the columns and their styles.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from msgspec.structs import replace

from .cells import (
    HEADERS,
    NUMERIC_COLUMNS,
    not_official_notice,
    notices,
    progress_notice,
    with_annual,
)
from .layout import LAST_RESORT, LAYOUTS
from .summary import summary
from .typed import status_row_cells
from .view import Block, Cell, Heading, Paragraphs, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.progress import Evaluation

__all__ = ["status_blocks", "status_title", "status_view"]

#: The columns a workbook adds to the table (what a reader sorts and filters by), and their
#: headers; and the one it leaves out (a bar drawn in characters).
SHEET_ONLY = {
    "zh": {"id": "指标id", "provenance": "数据性质", "missing": "缺报年份"},
    "en": {"id": "id", "provenance": "Provenance", "missing": "Missing years"},
}
TEXT_ONLY = ("bar",)
SHEET_NAMES = {"zh": "进度", "en": "status"}


def _layouts(evaluations: Sequence[Evaluation]) -> list[tuple[str, ...]]:
    """The columns a screen may show, richest first (the last the last resort): 完成年度目标
    where a bar has room; the narrowest table keeps the target instead."""
    layouts = [with_annual(columns, evaluations) for columns in LAYOUTS[:-1]]
    return [*layouts, LAYOUTS[-1], LAST_RESORT]


def _row(ev: Evaluation, cells: dict[str, Cell], keys: Sequence[str], width: int) -> list[Cell]:
    """One evaluation's cells: the status and its bar in its colour; the figure it is judged
    on right-aligned to width before its bar; the short name for a narrow table."""
    from rich.cells import cell_len

    style = ev.status.info.style
    judged, bar = cells["judged"].text, cells["bar"].text
    figure = " " * (width - cell_len(judged)) + judged
    runs = ((f"{figure} ", ""), (bar, style))
    cells |= {
        "name": replace(cells["name"], short=cells["short_name"].text),
        "bar": replace(cells["bar"], style=style),
        "judged_bar": Cell(f"{figure} {bar}", runs=runs) if bar else Cell(figure),
    }
    return [cells[key] for key in keys]


def status_blocks(evaluations: Sequence[Evaluation], title: str, lang: str) -> list[Block]:
    """The evaluations for people: the title; a table of every column, of which a screen
    shows the richest layout that fits, Markdown the first, and a workbook adds the id,
    provenance and missing years; the summary (on a screen and in a workbook), what a narrow
    table's progress column holds; the footnotes (the warning that figures are not official
    a workbook writes first)."""
    from rich.cells import cell_len

    layouts = _layouts(evaluations)
    shown = list(dict.fromkeys(key for columns in layouts for key in columns))
    keys = ["id", *shown, "provenance", "missing"]
    cells = [status_row_cells(ev, lang) for ev in evaluations]
    width = max((cell_len(row["judged"].text) for row in cells), default=0)
    headers = {**HEADERS[lang], **SHEET_ONLY[lang]}
    table = CellTable(
        [headers[key] for key in keys],
        [_row(ev, row, keys, width) for ev, row in zip(evaluations, cells, strict=True)],
        keys=keys,
        layouts=layouts,
        right=NUMERIC_COLUMNS,
        sheet=["id", *(key for key in layouts[0] if key not in TEXT_ONLY), "provenance", "missing"],
        name=SHEET_NAMES[lang],
        frozen=2,
        filtered=True,
    )
    unofficial = not_official_notice(evaluations, lang)
    notes = [
        Paragraphs([note], "bold yellow", warning=note == unofficial)
        for note in notices(evaluations, lang)
    ]
    explained = [
        Paragraphs([progress_notice(evaluations, lang, bar=bar)], screen=True, column=key)
        for key, bar in (("judged_bar", True), ("judged", False))
    ]
    summed = Paragraphs([summary(evaluations, lang)], screen=True)
    return [Heading(title), table, summed, *explained, *notes]


def status_title(title: str, title_en: str, as_of: int | None, lang: str) -> str:
    """The table's title: the plan and the year it is evaluated as of."""
    return f"{title} 截至 {as_of} 年" if lang == "zh" else f"{title_en}, as of {as_of}"


def status_view(evaluations: Sequence[Evaluation], title: str) -> View:
    """`tnplan status`: the records of the evaluations, and the table for people."""
    from .formats import STATUS_COLUMNS, status_row

    records = Records(STATUS_COLUMNS, [status_row(ev) for ev in evaluations])
    blocks = functools.partial(status_blocks, evaluations, title)
    return View(title, records, blocks=blocks, command="tnplan status")
