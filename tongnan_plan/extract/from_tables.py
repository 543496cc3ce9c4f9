"""Indicator tables into draft indicators: the plan's own table and a previous plan's results."""

from __future__ import annotations

import re

from msgspec import Struct

from ..model.plan import Attribute, Comparator, Tier
from .cells import CellFigure
from .draft import DraftGroup, DraftIndicator, Printed
from .headers import Column
from .judgement import direction_of, table_kind
from .tables import IndicatorTable, TableRow

__all__ = ["TableRoles", "table_indicators", "table_roles"]


class TableRoles(Struct, frozen=True):
    """Which figure column holds the target, the baseline and a previous plan's result."""

    target: int
    baseline: int | None
    result: int | None
    #: The table reports a previous plan (its target column names an earlier period).
    previous: bool
    #: The years of the plan the table's targets belong to, when its header says.
    period: tuple[int, int] | None


def table_roles(table: IndicatorTable, period: tuple[int, int] | None) -> TableRoles | None:
    """Read the figure columns: the target, then a baseline or (previous plans) a result."""
    columns = table.figure_columns()
    if not columns:
        return None
    target = _target_column(table, columns, period)
    others = [i for i in columns if i != target]
    column = table.columns[target]
    table_period = column.period or ((column.year - 4, column.year) if column.year else None)
    previous = bool(period and table_period and table_period[1] < period[1])
    if previous:
        return TableRoles(target, None, _result_column(table, others), True, table_period)
    return TableRoles(
        target, _baseline_column(table, others, table_period), None, False, table_period
    )


def _result_column(table: IndicatorTable, others: list[int]) -> int | None:
    """A previous plan's result: of the columns that hold figures (not 超额完成 and other
    words of evaluation), the one saying 完成 / 实际, else the first."""
    if not others:
        return None

    def figures(i: int) -> int:
        return sum(1 for r in table.rows if i in r.figures and r.figures[i].value is not None)

    most = max(figures(i) for i in others)
    numeric = [i for i in others if figures(i) * 2 >= most]
    said = [i for i in numeric if re.search(r"完成|实际|实现", table.columns[i].label)]
    return (said or numeric)[0]


def _baseline_column(
    table: IndicatorTable, others: list[int], period: tuple[int, int] | None
) -> int | None:
    """The baseline: the column of the year before the plan (2025年 for 2026-2030), else the
    latest of the other columns before the target's end."""
    if not others:
        return None
    if period:
        base = [i for i in others if _end(table.columns[i]) == period[0] - 1]
        if base:
            return base[0]
        earlier = [i for i in others if (_end(table.columns[i]) or 0) < period[0]]
        dated = [i for i in earlier if _end(table.columns[i])]
        if dated:
            return max(dated, key=lambda i: _end(table.columns[i]) or 0)
    return others[0]


def _year(column: Column) -> int:
    return column.year or 0


def _end(column: Column) -> int | None:
    return column.period[1] if column.period else column.year


def _target_column(
    table: IndicatorTable, columns: list[int], period: tuple[int, int] | None
) -> int:
    """The plan's target: the column of the plan's end year, else the one marked 目标, else
    the latest year, but not a long-range column (2035年) beyond five years of the first."""
    if period:
        ends = [i for i in columns if _end(table.columns[i]) == period[1]]
        marked_end = [i for i in ends if table.columns[i].is_target is not False]
        if marked_end:
            return marked_end[-1]
    marked = [i for i in columns if table.columns[i].is_target]
    by_year = sorted(
        (i for i in columns if _end(table.columns[i])), key=lambda i: _end(table.columns[i]) or 0
    )
    if len(marked) > 1 and by_year:
        marked = [i for i in marked if i in by_year] or marked
    if marked:
        return marked[0] if len(marked) > 1 and _long_range(table, marked) else marked[-1]
    if by_year:
        return by_year[0 if len(by_year) == 1 else _five_years_on(table, by_year)]
    return columns[-1]


def _long_range(table: IndicatorTable, marked: list[int]) -> bool:
    ends = [_end(table.columns[i]) for i in marked]
    return (
        all(e is not None for e in ends)
        and (max(e or 0 for e in ends) - min(e or 0 for e in ends)) >= 5
    )


def _five_years_on(table: IndicatorTable, by_year: list[int]) -> int:
    """The index in by_year of the target: the latest year within five of the first."""
    first = _end(table.columns[by_year[0]]) or 0
    within = [k for k, i in enumerate(by_year) if (_end(table.columns[i]) or 0) - first <= 5]
    return within[-1]


def table_indicators(
    table: IndicatorTable, roles: TableRoles, tier: Tier
) -> tuple[list[DraftIndicator], list[DraftGroup], list[str]]:
    """The table's rows as draft indicators, its group headings as groups, and table questions."""
    prefix = _prefix(table.label)
    groups: dict[str, DraftGroup] = {}
    made: list[DraftIndicator] = []
    questions: list[str] = []
    if not any(r.attribute for r in table.rows):
        questions.append(
            f"attribute: {table.label} prints no 属性 column; every row is 预期性 by assumption: "
            "is any of them 约束性?"
        )
    for k, row in enumerate(table.rows):
        heading = row.group or table.title or table.label
        if heading not in groups:
            groups[heading] = DraftGroup(f"{prefix}_g{len(groups) + 1}", heading)
        made.append(
            _indicator(
                table,
                roles,
                row,
                tier=tier,
                k=k,
                prefix=prefix,
                group=groups[heading].id,
                made=made,
            )
        )
    return made, list(groups.values()), questions


def _prefix(label: str) -> str:
    match = re.match(r"(专栏|表)(\d+)$", label)
    if match:
        return ("zhuanlan" if match.group(1) == "专栏" else "table") + match.group(2)
    return "table"


def _row_id(prefix: str, row: TableRow, k: int, made: list[DraftIndicator]) -> str:
    if row.label.number is not None:
        return f"{prefix}_{row.label.number}"
    if row.parent is not None:
        base = f"{made[row.parent].id}_sub"
        taken = sum(1 for m in made if m.id.startswith(base))
        return base if not taken else f"{base}{taken + 1}"
    return f"{prefix}_row{k + 1}"


def _printed(cell: CellFigure) -> Printed:
    return Printed(cell.value, cell.comparator, cell.text)


def _indicator(
    table: IndicatorTable,
    roles: TableRoles,
    row: TableRow,
    *,
    tier: Tier,
    k: int,
    prefix: str,
    group: str,
    made: list[DraftIndicator],
) -> DraftIndicator:
    target_cell = row.figures[roles.target]
    base_cell = row.figures.get(roles.baseline) if roles.baseline is not None else None
    baseline = _printed(base_cell) if base_cell is not None else None
    judgement = table_kind(
        row.label.name,
        row.unit,
        target_cell,
        base_cell,
        table.note,
    )
    if baseline is not None:
        baseline.basis = judgement.basis
    direction, why = direction_of(
        row.label.name,
        target_cell.comparator,
        baseline.value if baseline else None,
        target_cell.value,
    )
    indicator = DraftIndicator(
        id=_row_id(prefix, row, k, made),
        name=row.label.name,
        unit=row.unit or "",
        group=group,
        tier=tier,
        kind=judgement.kind,
        attribute=_attribute(row.attribute),
        direction=direction,
        target=_printed(target_cell),
        source=f"{table.label} {row.item}",
        baseline=baseline,
        parent=made[row.parent].id if row.parent is not None else None,
        published_completion=_printed(row.completion) if row.completion else None,
        result=_printed(row.figures[roles.result]) if roles.result is not None else None,
        note=[f"printed: {row.label.text.strip()}", *judgement.evidence, why],
        review=list(judgement.review),
        where=row.where,
    )
    _row_questions(indicator, row, target_cell, base_cell)
    return indicator


def cell_questions(cell: CellFigure, what: str) -> list[str]:
    """What a person must settle about one printed figure: words, a range, a footnote, 左右."""
    out = []
    if cell.prose:
        out.append(
            f"{what}: printed as words, not a figure (“{cell.text}”): kept as text; "
            "what figure, if any?"
        )
    if cell.high is not None:
        out.append(
            f"{what}: a range (“{cell.text}”): read as at least its lower end {cell.value:g} "
            f"(up to {cell.high:g}); is the lower end the target?"
        )
    if cell.footnote is not None:
        out.append(
            f"{what}: “{cell.text}” ends in {cell.footnote}, read as a footnote mark, not part "
            "of the figure: right?"
        )
    if cell.comparator is Comparator.ABOUT:
        out.append(
            f"{what}: “{cell.text}” (左右, about): met within thresholds.about of it; "
            "is that tolerance right for this row?"
        )
    if cell.note is not None:
        out.append(f"{what}: printed with a note (“{cell.note}”): does it change the figure?")
    return out


def _attribute(printed: str | None) -> Attribute:
    return Attribute.BINDING if printed and "约束" in printed else Attribute.ANTICIPATED


def _row_questions(
    indicator: DraftIndicator, row: TableRow, target: CellFigure, baseline: CellFigure | None
) -> None:
    if not row.unit:
        indicator.review.append(
            "unit: no unit in the row's label, a 单位 column or the cells: which unit?"
        )
    elif row.unit_from == "unit column":
        indicator.note.append(f"unit {row.unit}: from the 单位 column")
    elif row.unit_from == "parent":
        indicator.note.append(f"unit {row.unit}: none printed in the 其中 row; its parent's")
    elif row.unit_from == "cell":
        indicator.review.append(
            f"unit: no unit in the row; the cells print {row.unit}: the row's unit?"
        )
    for cell, what in ((target, "target"), (baseline, "baseline")):
        if cell is not None:
            indicator.review += cell_questions(cell, what)
    if row.label.sub_item and indicator.parent is not None:
        indicator.note.append(f"a 其中 row: parent {indicator.parent}")
    if row.attribute and row.attribute not in {a.value for a in Attribute}:
        indicator.review.append(
            f"attribute: printed “{row.attribute}”, read as {indicator.attribute}"
        )
    if target.value is None and not target.prose and target.comparator is Comparator.EQ:
        indicator.note.append(f"no target printed ({target.text or 'empty'})")
