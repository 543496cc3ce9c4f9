"""Finding the indicator tables of a plan by their header, and reading their rows."""

from __future__ import annotations

import re

from msgspec import Struct, field
from msgspec.structs import replace

from .align import align_row
from .cells import CellFigure, RowLabel, parse_figure, parse_label
from .document import Paragraph, PlanDocument, Table
from .headers import (
    Column,
    ColumnRole,
    Rejected,
    header_problem,
    header_roles,
    looks_like_header,
    squeeze,
)
from .shapes import is_group_heading

__all__ = ["IndicatorTable", "TableRow", "find_indicator_tables", "table_rejections"]

_GROUP = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.+?)\s*$")
_TITLE = re.compile(r"^\s*(专栏|表)\s*(\d+)\s*(.*)$")


class TableRow(Struct):
    """One indicator row: its label, figure cells by column index, and where it stands."""

    label: RowLabel
    group: str | None
    figures: dict[int, CellFigure]
    unit: str | None
    #: Where the unit was read: "label", "unit column", "cell" or "" when nowhere.
    unit_from: str
    attribute: str | None
    completion: CellFigure | None
    where: str
    item: str
    parent: int | None = None


class IndicatorTable(Struct):
    """An indicator table: its label (专栏2), title, columns, rows and note."""

    label: str
    title: str
    columns: tuple[Column, ...]
    rows: list[TableRow] = field(default_factory=list)
    note: str = ""
    where: str = ""

    def figure_columns(self) -> list[int]:
        """The indexes of the columns that hold figures, left to right."""
        return [i for i, c in enumerate(self.columns) if c.role is ColumnRole.FIGURE]


def find_indicator_tables(document: PlanDocument) -> list[IndicatorTable]:
    """Every indicator table of the document, a table broken over pages read as one."""
    found: list[IndicatorTable] = []
    blocks = document.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        header_at = _header_row(block) if isinstance(block, Table) else None
        if not isinstance(block, Table) or header_at is None:
            i += 1
            continue
        columns = header_roles(block.rows[header_at])
        assert columns is not None
        parts = [(block, header_at)]
        j = i + 1
        # A table cut by a page break prints its header again on the next page.
        while j < len(blocks) and isinstance(blocks[j], Table):
            following = blocks[j]
            assert isinstance(following, Table)
            again = _header_row(following)
            if again is None or _squeezed(following.rows[again]) != _squeezed(
                block.rows[header_at]
            ):
                break
            parts.append((following, again))
            j += 1
        title = _title_before(blocks, i)
        note = _note_after(blocks, j)
        table = IndicatorTable(
            _label(title, len(found) + 1), title, columns, note=note, where=block.where
        )
        for part, start in parts:
            _read_rows(table, part, start + 1)
        if table.rows:
            found.append(table)
        i = j
    return found


def table_rejections(document: PlanDocument) -> list[Rejected]:
    """The tables whose first rows look like an indicator table's header but are not one."""
    out: list[Rejected] = []
    for block in document.blocks:
        if not isinstance(block, Table) or _header_row(block) is not None:
            continue
        for index, row in enumerate(block.rows[:3]):
            if looks_like_header(row):
                out.append(Rejected(block.located(index), row, header_problem(row)[1]))
                break
    return out


def _header_row(table: Table) -> int | None:
    for index, row in enumerate(table.rows[:3]):
        if header_roles(row) is not None:
            return index
    return None


def _squeezed(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(squeeze(c) for c in row)


def _title_before(blocks: list[Paragraph | Table], index: int) -> str:
    for back in range(index - 1, max(index - 3, -1), -1):
        block = blocks[back]
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if _TITLE.match(text) or ("指标" in text and len(text) < 60):
                return text
            return ""
    return ""


def _note_after(blocks: list[Paragraph | Table], index: int) -> str:
    if index < len(blocks):
        block = blocks[index]
        if isinstance(block, Paragraph) and re.match(r"^\s*注\s*[:：]", block.text):
            return block.text.strip()
    return ""


def _label(title: str, ordinal: int) -> str:
    """专栏2 for "专栏 2 “十四五”规划主要指标"; the title itself, or 表N, otherwise."""
    match = _TITLE.match(title)
    if match:
        return f"{match.group(1)}{match.group(2)}"
    return title[:30] if title else f"表{ordinal}"


def _read_rows(table: IndicatorTable, part: Table, start: int) -> None:
    group = table.rows[-1].group if table.rows else None
    width = len(table.columns)
    roles = [c.role for c in table.columns]
    category = roles.index(ColumnRole.CATEGORY) if ColumnRole.CATEGORY in roles else None
    last_main: int | None = None
    for index in range(start, len(part.rows)):
        cells = part.rows[index]
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        heading = _GROUP.match(filled[0])
        if heading and len(filled) == 1:
            group = heading.group(2)
            continue
        if len(filled) == 1 and is_group_heading(filled[0]):
            group = filled[0].strip()
            continue
        if len(cells) != width:
            aligned = align_row(tuple(c for c in cells if c.strip()), table.columns)
            cells = aligned[0] if aligned else tuple(cells) + ("",) * (width - len(cells))
        if category is not None and cells[category].strip():
            group = _group_name(cells[category])
        row = _row(table, tuple(cells), group, part.located(index), last_main)
        if not row.label.sub_item:
            last_main = len(table.rows)
        table.rows.append(row)


def _group_name(cell: str) -> str:
    heading = _GROUP.match(cell)
    return heading.group(2) if heading else squeeze(cell)


def _row(
    table: IndicatorTable,
    cells: tuple[str, ...],
    group: str | None,
    where: str,
    last_main: int | None,
) -> TableRow:
    roles = [c.role for c in table.columns]
    name_at = roles.index(ColumnRole.NAME)
    unit_cell = cells[roles.index(ColumnRole.UNIT)] if ColumnRole.UNIT in roles else ""
    # With a 单位 column, the name's parentheses are its unit only where they repeat that cell.
    in_column = (
        None if ColumnRole.UNIT not in roles else unit_cell.strip() if _unit_cell(unit_cell) else ""
    )
    label = parse_label(cells[name_at], in_column)
    if ColumnRole.NUMBER in roles and label.number is None:
        number = cells[roles.index(ColumnRole.NUMBER)].strip()
        if number.isdigit():
            label = replace(label, number=int(number))
    figures: dict[int, CellFigure] = {}
    unit, unit_from = label.unit, "label" if label.unit else ""
    attribute = None
    completion = None
    for index, column in enumerate(table.columns):
        cell = cells[index]
        if column.role is ColumnRole.FIGURE:
            figures[index] = parse_figure(cell)
        elif column.role is ColumnRole.UNIT and _unit_cell(cell) and unit is None:
            unit, unit_from = cell.strip(), "unit column"
        elif column.role is ColumnRole.ATTRIBUTE and cell.strip():
            attribute = squeeze(cell)
        elif column.role is ColumnRole.COMPLETION:
            completion = parse_figure(cell)
    if unit is None:
        units = {f.unit for f in figures.values() if f.unit}
        if len(units) == 1:
            unit, unit_from = units.pop(), "cell"
    parent = last_main if label.sub_item else None
    if unit is None and parent is not None and table.rows[parent].unit:
        unit, unit_from = table.rows[parent].unit, "parent"
    if label.number is not None:
        item = f"第{label.number}项"
    elif label.sub_item and parent is not None:
        item = f"{table.rows[parent].item} 其中"
    else:
        item = f"第{len(table.rows) + 1}行"
    return TableRow(
        label, group, figures, unit, unit_from, attribute, completion, where, item, parent
    )


def _unit_cell(cell: str) -> bool:
    return cell.strip() not in {"", "—", "——", "-", "/", "／", "－"}
