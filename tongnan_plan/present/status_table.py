"""`tnplan status` for people: the table of evaluations with its summary and footnotes, drawn
for a terminal, written as Markdown, or recorded as SVG or HTML.

Every cell comes from cells.status_cells; this module only lays them out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import (
    FULL_COLUMNS,
    HEADERS,
    NUMERIC_COLUMNS,
    not_official_notice,
    notices,
    progress_notice,
    status_cells,
    with_annual,
)
from .layout import LAST_RESORT, LAYOUTS, Fitted, fit, fitted_table
from .summary import summary
from .terminal import WIDE, Prose, Screen, recorded, render, text
from .typed import status_row_cells
from .view import Block, Drawing, Heading, Options, Paragraphs, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from ..calc.progress import Evaluation

__all__ = ["status_blocks", "status_text", "status_title", "status_view"]


def _fitted(
    evaluations: Sequence[Evaluation], lang: str, width: int
) -> tuple[Fitted, list[dict[str, str]]]:
    """The layout that fits width, and every row's cells."""
    rows = _rows(evaluations, lang)
    # 完成年度目标 where a bar has room; the narrowest table keeps the target instead.
    layouts = [with_annual(columns, evaluations) for columns in LAYOUTS[:-1]]
    layouts.append(LAYOUTS[-1])
    return fit(layouts, LAST_RESORT, rows, HEADERS[lang], width), rows


def _drawn(
    evaluations: Sequence[Evaluation], lang: str, fitted: Fitted, rows: list[dict[str, str]]
) -> Table:
    cells = [
        [_cell(key, row, name, ev.status.info.style) for key in fitted.columns]
        for ev, row, name in zip(evaluations, rows, fitted.names, strict=True)
    ]
    return fitted_table(fitted, HEADERS[lang], cells, NUMERIC_COLUMNS)


def _rows(evaluations: Sequence[Evaluation], lang: str) -> list[dict[str, str]]:
    """Every row's cells, with the judged figure and its bar joined, the figures aligned."""
    from rich.cells import cell_len

    rows = [status_cells(ev, lang) for ev in evaluations]
    figure_width = max((cell_len(row["judged"]) for row in rows), default=0)
    for row in rows:
        figure = " " * (figure_width - cell_len(row["judged"])) + row["judged"]
        row["judged_bar"] = f"{figure} {row['bar']}" if row["bar"] else figure
    return rows


def _cell(key: str, cells: dict[str, str], name: str, style: str) -> Text:
    """One cell as Rich text: the name chosen for the row, the status and the bar in colour."""
    if key == "name":
        return text(name)
    if key == "judged_bar" and cells["bar"]:
        figure = cells["judged_bar"].removesuffix(cells["bar"])
        return text(figure) + text(cells["bar"], style)
    return text(cells[key], style if key in ("status", "bar") else "")


def _footer(
    evaluations: Sequence[Evaluation], lang: str, columns: Sequence[str] = ()
) -> list[RenderableType]:
    """The summary and the footnotes under a table; what its progress column holds, where it
    is the only figure of progress (a narrow table)."""
    judged = [key for key in columns if key in ("judged", "judged_bar")]
    explained = [progress_notice(evaluations, lang, bar=judged == ["judged_bar"])] if judged else []
    return [
        "",
        Prose(summary(evaluations, lang)),
        *(Prose(note) for note in explained),
        *(Prose(note, "bold yellow") for note in notices(evaluations, lang)),
    ]


def status_text(
    evaluations: Sequence[Evaluation], title: str, lang: str, screen: Screen, fmt: str = "table"
) -> str:
    """The table, summary and footnotes drawn for a screen (table), or recorded (svg, html)."""
    screen = screen.measured() if fmt == "table" else Screen.plain()
    fitted, rows = _fitted(evaluations, lang, screen.width or WIDE)
    renderables = [
        Prose(title),
        _drawn(evaluations, lang, fitted, rows),
        *_footer(evaluations, lang, fitted.columns),
    ]
    if fmt == "table":
        return render(renderables, screen)
    return recorded(renderables, "tnplan status", svg=fmt == "svg")


#: The columns a workbook adds to the table (what a reader sorts and filters by), and their
#: headers; and the one it leaves out (a bar drawn in characters).
SHEET_ONLY = {
    "zh": {"id": "指标id", "provenance": "数据性质", "missing": "缺报年份"},
    "en": {"id": "id", "provenance": "Provenance", "missing": "Missing years"},
}
TEXT_ONLY = ("bar",)
SHEET_NAMES = {"zh": "进度", "en": "status"}


def status_blocks(evaluations: Sequence[Evaluation], title: str, lang: str) -> list[Block]:
    """The evaluations for people: the title, a table of every column (a workbook adds the
    id, provenance and missing years, and the summary), the footnotes (the warning that
    figures are not official a workbook writes first)."""
    columns = ("id", *with_annual(FULL_COLUMNS, evaluations), "provenance", "missing")
    rows = []
    for ev in evaluations:
        cells = status_row_cells(ev, lang)
        rows.append([cells[key] for key in columns])
    headers = {**HEADERS[lang], **SHEET_ONLY[lang]}
    table = CellTable(
        [headers[key] for key in columns],
        rows,
        keys=columns,
        layouts=[[key for key in columns if key not in SHEET_ONLY[lang]]],
        sheet=[key for key in columns if key not in TEXT_ONLY],
        name=SHEET_NAMES[lang],
        frozen=2,
        filtered=True,
    )
    unofficial = not_official_notice(evaluations, lang)
    notes = [Paragraphs([note], warning=note == unofficial) for note in notices(evaluations, lang)]
    summed = Paragraphs([summary(evaluations, lang)], screen=True)
    return [Heading(title), table, summed, *notes]


def status_title(title: str, title_en: str, as_of: int | None, lang: str) -> str:
    """The table's title: the plan and the year it is evaluated as of."""
    return f"{title} 截至 {as_of} 年" if lang == "zh" else f"{title_en}, as of {as_of}"


def status_view(evaluations: Sequence[Evaluation], title: str) -> View:
    """`tnplan status`: the records of the evaluations, and the table drawn for people."""
    from .formats import STATUS_COLUMNS, status_row

    def recorded_as(fmt: str) -> Drawing:
        return lambda o: status_text(evaluations, title, o.lang, _screen(o), fmt)

    drawings: dict[str, Drawing] = {
        "table": recorded_as("table"),
        "svg": recorded_as("svg"),
        "html": recorded_as("html"),
    }
    records = Records(STATUS_COLUMNS, [status_row(ev) for ev in evaluations])
    blocks = functools.partial(status_blocks, evaluations, title)
    return View(title, records, drawings=drawings, blocks=blocks)


def _screen(options: Options) -> Screen:
    return options.screen if options.screen is not None else Screen.plain()
