"""`tnplan status` for people: the table of evaluations with its summary and footnotes, drawn
for a terminal, written as Markdown, or recorded as SVG or HTML.

Every cell comes from cells.status_cells; this module only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import (
    FULL_COLUMNS,
    HEADERS,
    NARROW_COLUMNS,
    NUMERIC_COLUMNS,
    notices,
    status_cells,
    with_annual,
)
from .escaping import markdown
from .formats import STATUS_COLUMNS, csv_text, json_text, markdown_table, status_row
from .summary import summary
from .terminal import WIDE, Screen, recorded, render, text

if TYPE_CHECKING:
    from rich.console import JustifyMethod, RenderableType
    from rich.table import Table

    from ..calc.progress import Evaluation

__all__ = ["status_markdown", "status_output", "status_table", "status_text", "status_title"]


def status_table(
    evaluations: Sequence[Evaluation], title: str, lang: str = "zh", width: int = WIDE
) -> Table:
    """The evaluations as a Rich table, status coloured; fewer columns below WIDE."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    narrow = width < WIDE
    columns = with_annual(NARROW_COLUMNS if narrow else FULL_COLUMNS, evaluations)
    table = Table(
        title=text(title),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    rows = [status_cells(ev, lang, narrow=narrow) for ev in evaluations]
    for key in columns:
        header = text(HEADERS[lang][key])
        if key == "name":
            table.add_column(header, min_width=10, ratio=1, overflow="fold")
        elif key == "target" and narrow:  # a long target wraps before a status is cut short
            table.add_column(header, overflow="fold")
        elif key == "status":
            widest = max((cell_len(row["status"]) for row in rows), default=0)
            table.add_column(header, no_wrap=True, min_width=widest)
        else:
            justify: JustifyMethod = "right" if key in NUMERIC_COLUMNS else "left"
            table.add_column(header, justify=justify, no_wrap=True)
    for ev, cells in zip(evaluations, rows, strict=True):
        style = ev.status.info.style
        table.add_row(*(text(cells[k], style if k in ("status", "bar") else "") for k in columns))
    return table


def _footer(evaluations: Sequence[Evaluation], lang: str) -> list[RenderableType]:
    """The summary and the footnotes under a table."""
    return [
        text(summary(evaluations, lang)),
        *(text(note, "bold yellow") for note in notices(evaluations, lang)),
    ]


def status_text(
    evaluations: Sequence[Evaluation], title: str, lang: str, screen: Screen, fmt: str = "table"
) -> str:
    """The table, summary and footnotes drawn for a screen (table), or recorded (svg, html)."""
    screen = screen.measured() if fmt == "table" else Screen.plain()
    renderables = [
        status_table(evaluations, title, lang, screen.width or WIDE),
        *_footer(evaluations, lang),
    ]
    if fmt == "table":
        return render(renderables, screen)
    return recorded(renderables, "tnplan status", svg=fmt == "svg")


def status_markdown(evaluations: Sequence[Evaluation], title: str, lang: str = "zh") -> str:
    """The evaluations as a Markdown table, with the footnotes."""
    columns = with_annual(FULL_COLUMNS, evaluations)
    rows = [[status_cells(ev, lang)[k] for k in columns] for ev in evaluations]
    body = markdown_table([HEADERS[lang][k] for k in columns], rows)
    notes = "".join(f"\n{markdown(note)}\n" for note in notices(evaluations, lang))
    return f"## {markdown(title)}\n\n{body}\n{notes}"


def status_title(title: str, title_en: str, as_of: int | None, lang: str) -> str:
    """The table's title: the plan and the year it is evaluated as of."""
    return f"{title} 截至 {as_of} 年" if lang == "zh" else f"{title_en}, as of {as_of}"


def status_output(
    evaluations: Sequence[Evaluation],
    fmt: str,
    *,
    title: str,
    lang: str,
    screen: Screen,
    excel: bool = False,
) -> str | bytes:
    """The evaluations in a format of `tnplan status`: table, csv, json, markdown, svg, html,
    or xlsx (a workbook, as bytes)."""
    if fmt == "xlsx":
        from .xlsx import status_workbook

        return status_workbook(evaluations, title, lang)
    if fmt in ("csv", "json"):
        rows = [status_row(ev) for ev in evaluations]
        return csv_text(rows, STATUS_COLUMNS, excel=excel) if fmt == "csv" else json_text(rows)
    if fmt == "markdown":
        return status_markdown(evaluations, title, lang)
    return status_text(evaluations, title, lang, screen, fmt)
