"""`tnplan show ID --across-plans`: one indicator through every plan it runs through, each plan's
period and target marked, as a chart of bars, Markdown, records or an SVG picture.

Figures are shown in the chosen plan's unit where the units convert; a stretch whose unit does
not convert is listed in its own unit, without a bar (a bar on another scale would mislead).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model.plan import Kind
from .cells import TOTAL, derived, figure, provenance_words, status_words
from .story import Axis, marked_bar
from .typed import typed_cell
from .view import Block, Cell, Heading, Items, Picture, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.across import Stretch
    from ..calc.evaluation import YearRow
    from ..model.plan import Indicator

__all__ = ["ACROSS_COLUMNS", "across_rows", "across_title", "across_view"]

ACROSS_COLUMNS = (
    "plan",
    "id",
    "year",
    "value",
    "to_date",
    "cumulative",
    "expected",
    "target",
    "unit",
    "own_value",
    "own_unit",
    "provenance",
    "chosen",
)


def _in_unit(value: float | None, stretch: Stretch) -> float | None:
    if value is None or stretch.factor is None:
        return None
    return value * stretch.factor


def _shown(row: YearRow, stretch: Stretch) -> float | None:
    """What a year's bar shows: the total within the plan (cumulative), else the figure."""
    cumulative = stretch.indicator.kind is Kind.CUMULATIVE
    return _in_unit(row.cumulative if cumulative else row.value, stretch)


def across_rows(stretches: Sequence[Stretch]) -> list[dict[str, Any]]:
    """Every year of every stretch as a flat row, in the chosen indicator's unit."""
    chosen = _chosen(stretches)
    out = []
    for stretch in stretches:
        for row in stretch.rows:
            out.append(
                {
                    "plan": stretch.plan.plan.id,
                    "id": stretch.indicator.id,
                    "year": row.year,
                    "value": _number(_in_unit(row.value, stretch)),
                    "to_date": row.to_date,
                    "cumulative": _number(_in_unit(row.cumulative, stretch)),
                    "expected": _number(_in_unit(row.expected, stretch)),
                    "target": _number(_in_unit(stretch.indicator.target.value, stretch)),
                    "unit": chosen.unit,
                    "own_value": _number(row.value),
                    "own_unit": stretch.indicator.unit,
                    "provenance": None if row.provenance is None else row.provenance.value,
                    "chosen": stretch.chosen,
                }
            )
    return out


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 10)


def across_title(stretches: Sequence[Stretch], lang: str) -> str:
    """The chosen indicator's name and unit, and the plans it runs through."""
    chosen = _chosen(stretches)
    name = chosen.name if lang == "zh" else chosen.name_en
    plans = " → ".join(s.plan.plan.id for s in stretches)
    return f"{name}（{chosen.unit}）  {plans}"


def _heading(stretch: Stretch, unit: str, lang: str) -> str:
    """A stretch's heading: the plan, its period, its target (also in the chosen unit, where
    that differs) and the indicator's status in it."""
    info, ind = stretch.plan.plan, stretch.indicator
    zh = lang == "zh"
    target = f"{'目标' if zh else 'target'} {ind.target.text} {ind.unit}"
    converted = _in_unit(ind.target.value, stretch)
    if converted is not None and ind.unit != unit:
        target += f" = {figure(converted)} {unit}"
    if stretch.factor is None:
        target += "（单位不能换算）" if zh else " (units do not convert)"
    status = status_words(stretch.evaluation.status, lang)
    head = f"{info.id} {info.start_year}-{info.end_year}"
    return f"{head}：{target}；{status}" if zh else f"{head}: {target}; {status}"


def _axis(stretches: Sequence[Stretch], width: int) -> Axis:
    values = [_shown(row, s) for s in stretches for row in s.rows]
    values += [_in_unit(s.indicator.target.value, s) for s in stretches]
    known = [v for v in values if v is not None]
    top = max(known, default=1.0) * 1.02 or 1.0
    return Axis(min(0.0, min(known, default=0.0)), top, width)


def _tables(stretches: Sequence[Stretch], lang: str, width: int) -> list[CellTable]:
    """A table per plan, each headed by its period, target and status (the chosen plan's in
    bold), on one scale: the bars' column as wide as the scale in every plan's table, so they
    line up; each table as wide as its heading, where the width has room."""
    zh = lang == "zh"
    unit = _chosen(stretches).unit
    axis = _axis(stretches, max(12, min(40, width - 40)))
    scale = f"{derived(axis.origin)} … {derived(axis.top)}"
    headers = (
        "年份" if zh else "Year",
        "数值" if zh else "Figure",
        scale,
        "来源" if zh else "Source",
    )
    tables = []
    for stretch in stretches:
        cumulative = stretch.indicator.kind is Kind.CUMULATIVE
        marker = _in_unit(stretch.indicator.target.value, stretch)
        rows = []
        for row in stretch.rows:
            shown = _shown(row, stretch)
            own = row.cumulative if cumulative else row.value
            cell = figure(shown if stretch.factor is not None else own)
            if cumulative and own is not None:
                cell = TOTAL[lang] + cell
            drawn = marked_bar(shown, marker, axis) if stretch.factor is not None else ""
            source = "" if row.provenance is None else provenance_words(row.provenance, lang)
            rows.append([Cell(str(row.year)), Cell(cell), Cell(drawn), Cell(source)])
        table = CellTable(
            headers,
            rows,
            title=_heading(stretch, unit, lang),
            title_style="bold" if stretch.chosen else "",
            no_wrap=True,
            least={"2": axis.width},
            title_whole=True,
        )
        tables.append(table)
    return tables


def across_screen(stretches: Sequence[Stretch], lang: str, width: int) -> list[Block]:
    """The indicator across plans on a screen of a width: the title, what │ marks, and a
    table of bars per plan."""
    legend = "│ 标出各规划的目标" if lang == "zh" else "│ marks each plan's target"
    title = Items([across_title(stretches, lang)], style="bold")
    return [title, Items([legend]), *_tables(stretches, lang, width)]


def _chosen(stretches: Sequence[Stretch]) -> Indicator:
    return next(s for s in stretches if s.chosen).indicator


def across_blocks(stretches: Sequence[Stretch], lang: str) -> list[Block]:
    """The indicator across plans for people: the title, each plan's heading, and the years
    of every plan as one table (numbers as numbers), and the chart as a picture."""
    from .chart import across_chart

    columns = ("plan", "year", "value", "cumulative", "target", "unit", "own_value", "own_unit")
    rows = [[typed_cell(r[c]) for c in columns] for r in across_rows(stretches)]
    unit = _chosen(stretches).unit
    headings = [_heading(s, unit, lang) for s in stretches]
    table = CellTable(columns, rows, numbers=True)
    drawn = across_chart(stretches, lang)
    picture = Picture(drawn, drawn.title)
    return [Heading(across_title(stretches, lang)), Items(headings), table, picture]


def across_view(stretches: Sequence[Stretch], lang: str) -> View:
    """`tnplan show --across-plans`: the years of every plan as records, and drawn for people
    as bars, Markdown or an SVG picture."""

    records = Records(ACROSS_COLUMNS, across_rows(stretches))
    blocks = functools.partial(across_blocks, stretches)
    screen = functools.partial(across_screen, stretches)
    return View(across_title(stretches, lang), records, blocks=blocks, screen=screen)
