"""`tnplan plans`: the plans of a repository, one a row, as a table, Markdown or records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..sources.plan_head import TIER_NAMES
from .view import Block, Cell, Items, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..sources.repository import PlanSummary

__all__ = ["PLAN_COLUMNS", "plan_row", "plans_view"]

PLAN_COLUMNS = (
    "id",
    "folder",
    "title",
    "title_en",
    "baseline_year",
    "start_year",
    "end_year",
    "previous",
    "indicators",
    "main",
    "goal",
    "action",
    "years",
    "default",
    "errors",
)

_HEADERS = {
    "zh": ("规划", "目录", "规划期", "指标 (主要/其他/行动)", "有数据的年份", "默认"),
    "en": (
        "plan",
        "folder",
        "period",
        "indicators (main/goal/action)",
        "years with data",
        "default",
    ),
}


def plan_row(summary: PlanSummary) -> dict[str, Any]:
    """One plan as a flat record, from its head (a file that does not parse has its errors
    and little else)."""
    head = summary.head
    row: dict[str, Any] = dict.fromkeys(PLAN_COLUMNS)
    row |= {
        "folder": summary.place.folder or ".",
        "years": list(summary.years),
        "default": summary.default,
        "errors": len(summary.problems),
    }
    if not head.parsed:
        return row
    return row | {
        "id": head.text("id"),
        "title": head.text("title"),
        "title_en": head.text("title_en"),
        "baseline_year": head.year("baseline_year"),
        "start_year": head.year("start_year"),
        "end_year": head.year("end_year"),
        "previous": head.text("previous"),
        "indicators": head.indicators,
        **{tier: head.tiers[tier] for tier in TIER_NAMES},
    }


def _runs(years: list[int]) -> str:
    """Years as runs: 2021-2025, 2028."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _cells(row: dict[str, Any], years: list[int]) -> list[str]:
    default = "✓" if row["default"] else ""
    if row["id"] is None:
        return ["?", row["folder"], "", "", _runs(years), default]
    return [
        row["id"],
        row["folder"],
        f"{row['start_year']}-{row['end_year']}",
        f"{row['indicators']} ({row['main']}/{row['goal']}/{row['action']})",
        _runs(years),
        default,
    ]


def _titles(rows: Sequence[dict[str, Any]], lang: str) -> list[str]:
    """Each plan's title and the plan it follows, a line each, under the table."""
    zh = lang == "zh"
    out = []
    for row in rows:
        if row["id"] is None:
            errors = row["errors"]
            plural = "" if errors == 1 else "s"
            broken = (
                f"无法读取（{errors} 个错误）" if zh else f"does not load ({errors} error{plural})"
            )
            out.append(f"{row['folder']}: {broken}")
            continue
        line = f"{row['id']}: {row['title'] if zh else row['title_en']}"
        if row["previous"]:
            line += f"（接续 {row['previous']}）" if zh else f" (after {row['previous']})"
        out.append(line)
    return out


#: What the plans are called, over their table in a workbook.
_TITLE = {"zh": "数据目录中的规划", "en": "Plans of the data directory"}


def plans_view(summaries: Sequence[PlanSummary], lang: str) -> View:
    """`tnplan plans`: the plans as records, and as a table for people (every cell kept
    whole: ids and years never break; a header may break instead), each plan's title a line
    under it."""
    rows = [plan_row(summary) for summary in summaries]
    cells = [_cells(row, summary.years) for row, summary in zip(rows, summaries, strict=True)]

    def blocks(lang: str) -> list[Block]:
        table = CellTable(_HEADERS[lang], [[Cell(text) for text in row] for row in cells])
        return [table, Items(_titles(rows, lang))]

    return View(_TITLE[lang], Records(PLAN_COLUMNS, rows), blocks=blocks)
