"""Workbooks tnplan writes: every view's blocks as a workbook (`--format xlsx` of status, show,
indicators, figures, audit, plans), and the form a clerk fills in (`new --format xlsx`).

The one writer over blocks (blocks_workbook) writes a sheet a table, as the cell layer typed
it: a cell's number is a number, in its number format (what the text shows around it, such as
累计, ≥ and *, so that the figure stays a number); its tone is its fill; a table says which
columns a workbook writes, its sheet's name, its frozen columns and its filter. Every sheet has
its header frozen and its columns as wide as their text (a Chinese character counts two).

The form stays a drawing of its own: it is input, not a view of results. Its cells sit where
the reader reads them back (sheet, columns, labels: sources/xlsx_reader.py), with locked and
open cells, data validation by unit, merged label rows and an instructions sheet, none of
which a view of results has. It is drawn with the same parts as every sheet (header, borders,
widths, print settings, notes, the safe save). openpyxl is imported only here, by the commands
that write a workbook.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..calc.rounding import typed_places
from ..model.plan import Indicator, Kind, Plan, Provenance
from ..model.units import normalise_unit
from ..sources.xlsx_reader import COLUMNS, HEADER_ROW, INSTRUCTIONS_SHEET, META, SHEET
from .cells import (
    name_cell,
)
from .escaping import put, safe_workbook
from .typed import general
from .view import Block, Heading, Items, Paragraphs, Picture, Table
from .view import Cell as TableCell

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.styles import Border
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


__all__ = [
    "STATUS_FILLS",
    "display_width",
    "submission_workbook",
]

#: The fill of a status cell, by the status's class in the registry (model/status.py): one
#: colour for each kind of verdict, as the report's CSS colours them.
STATUS_FILLS = {
    "good": "C6EFCE",  # achieved, ahead, met: green
    "ok": "DDEBF7",  # on track: blue
    "warn": "FFEB9C",  # behind: amber
    "bad": "FFC7CE",  # far behind, moving away, not met, not achieved: red
    "none": "EDEDED",  # no verdict: grey
}
#: The cells a clerk fills in.
EDITABLE_FILL = "FFF2CC"
HEADER_FILL = "D9D9D9"
#: Column widths stay within these (a long name wraps).
NARROWEST, WIDEST = 6, 48


def display_width(text: str) -> int:
    """How many columns text takes: a Chinese character (wide or full-width) counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _new_workbook() -> Workbook:
    from openpyxl import Workbook

    return Workbook()


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    safe_workbook(workbook).save(buffer)  # no formula, no character XML cannot hold
    return buffer.getvalue()


def _fit_columns(
    sheet: Worksheet, first_row: int, last_row: int | None = None, wrap: Sequence[int] = ()
) -> None:
    """Each column as wide as its widest cell in first_row..last_row, within
    NARROWEST..WIDEST; the columns in wrap wrap their text at WIDEST."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    rows = sheet.iter_cols(min_row=first_row, max_row=last_row or sheet.max_row)
    for column, column_cells in enumerate(rows, 1):
        widest = max(display_width(_shown(c.value, c.number_format)) for c in column_cells)
        sheet.column_dimensions[get_column_letter(column)].width = max(
            NARROWEST, min(WIDEST, widest + 2)
        )
        if column in wrap:
            for cell in column_cells[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


_LITERAL = re.compile(r'"([^"]*)"')


def _shown(value: Any, number_format: str) -> str:
    """About what a cell shows: its text, or its number with the format's literal text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    shown = f"{value * 100:.1f}%" if number_format.endswith("%") else f"{value:.6g}"
    return shown + "".join(_LITERAL.findall(number_format))


def _header(sheet: Worksheet, row: int, headers: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for column, text in enumerate(headers, 1):
        cell = put(sheet.cell(row=row, column=column), text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = _box()


@functools.cache
def _box() -> Border:
    """A thin grey border on every side."""
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="BFBFBF")
    return Border(left=side, right=side, top=side, bottom=side)


def _printed_across(sheet: Worksheet, header_row: int) -> None:
    """Printed landscape, as wide as the page, the header repeated on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _notes(sheet: Worksheet, row: int, lines: Sequence[str], *, bold: bool = False) -> None:
    from openpyxl.styles import Font

    for offset, line in enumerate(lines):
        cell = put(sheet.cell(row=row + offset, column=1), line)
        cell.font = Font(bold=bold, color="9C5700" if bold else None)


# ---- the template of a submission


def _kind_words(indicator: Indicator) -> str:
    if indicator.kind is Kind.CUMULATIVE:
        return "累计：填该年新增"
    return "水平：填当年数值"


def _instructions(plan: Plan, year: int) -> list[str]:
    words = "、".join(f"{p.zh}（{p.value}）" for p in Provenance)
    return [
        f"《{plan.plan.title}》{year} 年指标数据报送表",
        "",
        "1. 只填写“填报”表中的黄色单元格：数据性质、数据来源，以及每个指标的数值、来源、备注。"
        "其余单元格已锁定（工作表保护未设密码）。",
        "2. 数值只填数字，按“单位”列的单位填写：单位是“万人”时，10500 人填 1.05。"
        "不要带单位、百分号、千位分隔符或文字。",
        "3. 百分比指标填百分数：96.2% 填 96.2，不要填 0.962。",
        "4. “累计”指标按五年累计考核，这里填该年新增数，不填截至该年的累计数；"
        "“水平”指标填当年数值。",
        "5. 没有数据的指标留空，不要填 0（缺报不按零计）。",
        "6. 可以使用公式，但请在 Excel 或 WPS 中保存后再提交：tnplan 读取保存的计算结果。",
        f"7. 数据性质：{words}。",
        f"8. 填好后检查：tnplan check {year}.xlsx；通过后放入数据目录的 actuals/，"
        "tnplan status 即计入。",
        "9. 确认无误却被判为单位错误（unit-slip）的数值，可在该行“备注”中写"
        " tnplan: ignore[unit-slip]。",
    ]


def _template_top(sheet: Worksheet, plan: Plan, year: int, tier: str = "all") -> None:
    """The title, the labelled cells of year, provenance, source and tier, and the hints."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    put(sheet["A1"], f"{plan.plan.title} {year} 年指标数据")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    hints = (
        "只填写黄色单元格；填表说明见“填表说明”工作表。",
        "数据性质从下拉列表中选择：" + "、".join(p.zh for p in Provenance) + "。",
        "累计指标填该年新增数；没有数据的留空（缺报不按零计）。",
        "本模板的指标层级（main 主要指标、goal 目标、action 行动计划、all 全部）：不必改动。",
    )
    for row, ((key, label), hint) in enumerate(zip(META, hints, strict=True), 2):
        put(sheet.cell(row=row, column=1), label).font = Font(bold=True)
        given = year if key == "year" else tier if key == "tier" else None
        value = put(sheet.cell(row=row, column=2), given)
        value.alignment = Alignment(horizontal="left")
        value.border = _box()
        if key in ("year", "tier"):
            value.font = Font(bold=True)
        else:
            value.fill = PatternFill("solid", fgColor=EDITABLE_FILL)
            value.protection = Protection(locked=False)
        note = put(sheet.cell(row=row, column=3), hint)
        note.font = Font(color="7F7F7F")
        note.alignment = Alignment(vertical="center")
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(COLUMNS))
    provenance = DataValidation(
        type="list",
        formula1='"' + ",".join(p.zh for p in Provenance) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="数据性质",
        error="请从下拉列表中选择：" + "、".join(p.zh for p in Provenance),
    )
    sheet.add_data_validation(provenance)
    provenance.add(f"B{1 + [k for k, _ in META].index('provenance') + 1}")


def _value_rules(sheet: Worksheet, first: int, indicators: Sequence[Indicator]) -> None:
    """Data validation of the value cells: a number ≥ 0; for a percentage, at most 100."""
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.datavalidation import DataValidation

    value_column = _column("value")
    rules = {
        True: DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            error="请填写 0 到 100 之间的数字：96.2% 填 96.2，不要带百分号。",
        ),
        False: DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            error="请填写不小于 0 的数字，按“单位”列的单位，不要带单位或千位分隔符。",
        ),
    }
    for rule in rules.values():
        rule.showErrorMessage = True
        rule.errorTitle = "数值"
        sheet.add_data_validation(rule)
    # Each rule's cells as runs of rows (E7:E19 E23), set at once: openpyxl's add() looks
    # through the cells already added, which takes minutes for 10,000 rows.
    runs: dict[bool, list[list[int]]] = {True: [], False: []}
    for row, ind in enumerate(indicators, first):
        own = runs[normalise_unit(ind.unit) == "%"]
        if own and own[-1][1] == row - 1:
            own[-1][1] = row
        else:
            own.append([row, row])
    for percent, rule in rules.items():
        rule.sqref = MultiCellRange(
            " ".join(
                f"{value_column}{a}" if a == b else f"{value_column}{a}:{value_column}{b}"
                for a, b in runs[percent]
            )
        )


def _column(key: str) -> str:
    """The letter of a template column."""
    return _letter([k for k, _ in COLUMNS].index(key) + 1)


def submission_workbook(
    plan: Plan, year: int, indicators: Sequence[Indicator], tier: str = "all"
) -> bytes:
    """The workbook a clerk fills in for year: a row per indicator, only the value, source
    and note cells (and the provenance and source above) open for editing."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    workbook = _new_workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    _template_top(sheet, plan, year, tier)
    _header(sheet, HEADER_ROW, [header for _, header in COLUMNS])
    first = HEADER_ROW + 1
    editable = {"value", "source", "note", "basis_change", "previous_same_basis"}
    for row, ind in enumerate(indicators, first):
        cells = {
            "id": ind.id,
            "name": name_cell(ind, "zh"),
            "unit": ind.unit,
            "kind": _kind_words(ind),
        }
        for column, (key, _) in enumerate(COLUMNS, 1):
            cell = put(sheet.cell(row=row, column=column), cells.get(key))
            cell.border = _box()
            if key in editable:
                cell.fill = PatternFill("solid", fgColor=EDITABLE_FILL)
                cell.protection = Protection(locked=False)
            elif key == "id":
                cell.font = Font(color="7F7F7F")
    _value_rules(sheet, first, indicators)
    _fit_columns(sheet, HEADER_ROW, wrap=[2])  # nothing below the rows
    widths = (("value", 12), ("source", 18), ("note", 24), ("basis_change", 24))
    for key, width in (*widths, ("previous_same_basis", 12)):
        sheet.column_dimensions[_column(key)].width = width
    sheet.freeze_panes = f"C{first}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths and heights stay the clerk's to change
    sheet.protection.formatRows = False
    _printed_across(sheet, HEADER_ROW)
    help_sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    _notes(help_sheet, 1, _instructions(plan, year))
    help_sheet["A1"].font = Font(bold=True, size=13)
    width = 72  # a portrait page wide: longer lines wrap
    help_sheet.column_dimensions["A"].width = width
    for (cell,) in help_sheet.iter_rows():
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheets do not size a row to its wrapped text when they open a file: say it.
        lines = -(-display_width(str(cell.value or "")) // width) or 1
        help_sheet.row_dimensions[cell.row].height = (20 if cell.row == 1 else 15) * lines
    return _saved(workbook)


# ---- tables


def _put_typed(cell: Cell | MergedCell, value: object) -> None:
    """put(), and a figure typed with its decimals (0.140) formatted with them (0.000)."""
    put(cell, value)
    if typed_places(value):
        cell.number_format = general(value)


def _content(cell: TableCell) -> object:
    """What a cell holds in a workbook: its number; else its text, but nothing in a cell
    of a figure (one with a number format) that has none."""
    if cell.value is not None:
        return cell.value
    return None if cell.number_format else cell.text or None


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


class _Sheet(Struct):
    """A table's sheet: its heading, its table, the warnings written under the heading and
    the lines below the table (each block's lines, with the tone of each line)."""

    heading: str
    table: Table
    warnings: list[str] = field(default_factory=list)
    below: list[tuple[Sequence[str], Sequence[str]]] = field(default_factory=list)


def _sheets(title: str, blocks: Sequence[Block]) -> list[_Sheet]:
    """A sheet a table, under its heading (the view's title for the first); the lines that
    follow a table go below it, those before the first table below that table; paragraphs
    of a column the sheet does not show, and pictures, left out."""
    sheets: list[_Sheet] = []
    heading = title
    warnings: list[str] = []  # what comes before the first table
    waiting: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table):
            shown: list[tuple[Sequence[str], Sequence[str]]] = [(waiting, ())] if waiting else []
            sheets.append(_Sheet(block.title or heading, block, warnings, shown))
            warnings, waiting = [], []
        elif isinstance(block, Picture) or not block.lines:
            continue
        elif isinstance(block, Paragraphs) and block.column:
            if sheets and block.column in _written(sheets[-1].table):
                sheets[-1].below.append((block.lines, ()))
        elif isinstance(block, Paragraphs) and block.warning:
            (sheets[-1].warnings if sheets else warnings).extend(block.lines)
        elif not sheets:
            waiting += block.lines
        else:
            tones = block.tones if isinstance(block, Items) else ()
            sheets[-1].below.append((block.lines, tones))
    return sheets


def _written(table: Table) -> tuple[str, ...]:
    """The keys of the columns a workbook writes."""
    return tuple(table.sheet) or table.columns


def blocks_workbook(title: str, blocks: Sequence[Block]) -> bytes:
    """What a view says to people as a workbook: a sheet a table, its warnings under its
    heading, its header frozen with its first columns and filtered, numbers typed in their
    formats, fills by tone; the lists and paragraphs below the table they follow."""
    workbook = _new_workbook()
    for count, sheet in enumerate(_sheets(title, blocks), 1):
        drawn = workbook.active if count == 1 else workbook.create_sheet()
        assert drawn is not None
        drawn.title = sheet.table.name or _sheet_name(sheet.heading, count)
        _table_sheet(drawn, sheet)
    return _saved(workbook)


def _table_sheet(drawn: Worksheet, sheet: _Sheet) -> None:
    from openpyxl.styles import Font, PatternFill

    table = sheet.table
    put(drawn["A1"], sheet.heading).font = Font(bold=True, size=13)
    _notes(drawn, 2, sheet.warnings, bold=True)
    top = 2 + len(sheet.warnings)  # the header's row
    shown = [table.columns.index(key) for key in _written(table)]
    _header(drawn, top, [table.headers[i] for i in shown])
    for row, cells in enumerate(table.rows, top + 1):
        for column, cell in enumerate((cells[i] for i in shown), 1):
            written = drawn.cell(row=row, column=column)
            _put_typed(written, _content(cell))
            if cell.number_format:
                written.number_format = cell.number_format
            if cell.tone:
                written.fill = PatternFill("solid", fgColor=STATUS_FILLS[cell.tone])
    last = top + len(table.rows)
    _fit_columns(drawn, top, last, wrap=range(1, len(shown) + 1))
    drawn.freeze_panes = f"{_letter(table.frozen + 1)}{top + 1}"
    _printed_across(drawn, top)
    if table.filtered:
        drawn.auto_filter.ref = f"A{top}:{_letter(len(shown))}{last}"
    below = last + 2
    for lines, tones in sheet.below:
        _notes(drawn, below, lines)
        for offset, tone in enumerate(tones):
            if tone:
                fill = PatternFill("solid", fgColor=STATUS_FILLS[tone])
                drawn.cell(row=below + offset, column=1).fill = fill
        below += len(lines) + 1


def _sheet_name(heading: str, number: int) -> str:
    """A sheet's name from its heading: at most 31 characters, none of those Excel forbids."""
    name = re.sub(r"[\\/*?:\[\]]", " ", heading).strip()[:31].strip()
    return name or str(number)
