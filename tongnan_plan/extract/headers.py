"""Reading an indicator table's header, whatever the wording of its columns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Column", "ColumnRole", "five_year_period", "header_roles", "squeeze"]

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年?")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九]?)五")


class ColumnRole(StrEnum):
    """What a column of an indicator table holds."""

    NAME = "name"
    UNIT = "unit"
    ATTRIBUTE = "attribute"
    COMPLETION = "completion"
    FIGURE = "figure"
    OTHER = "other"


@dataclass(frozen=True)
class Column:
    """One header cell read: its role; for a figure column the year or period it names."""

    label: str
    role: ColumnRole
    year: int | None = None
    #: (start, end) of a five-year period the label names ("十三五" -> 2016-2020).
    period: tuple[int, int] | None = None
    #: True for a target column (目标, 规划), False for a value (完成值, 基期, 现状), None unsaid.
    is_target: bool | None = None


def squeeze(text: str) -> str:
    """The text without whitespace: printed headers space out short words ("指 标")."""
    return _SPACE.sub("", text)


def five_year_period(text: str) -> tuple[int, int] | None:
    """The years of the first "十N五" period named in text: 十四五 -> (2021, 2025)."""
    match = _FIVE_YEAR.search(text)
    if match is None:
        return None
    # "十五" alone is the 10th plan; "十一五" the 11th … "十五五" the 15th.
    n = 10 if not match.group(1) else 10 + _CN_DIGITS[match.group(1)]
    start = 2001 + 5 * (n - 10)
    return start, start + 4


def _column(label: str) -> Column:
    text = squeeze(label).replace("“", "").replace("”", "").replace('"', "")
    if not text:
        return Column(label, ColumnRole.OTHER)
    if ("指标" in text and "属性" not in text) or text in {"项目", "名称", "指标名称"}:
        return Column(label, ColumnRole.NAME)
    if text in {"单位", "计量单位"}:
        return Column(label, ColumnRole.UNIT)
    if "属性" in text or text in {"类型", "性质"}:
        return Column(label, ColumnRole.ATTRIBUTE)
    if "完成" in text and ("%" in text or "率" in text or "目标" in text):
        return Column(label, ColumnRole.COMPLETION)
    year_match = _YEAR.search(text)
    period = five_year_period(text)
    if year_match is None and period is None and not re.search(r"基期|现状|目标|基数", text):
        return Column(label, ColumnRole.OTHER)
    is_target: bool | None = None
    if re.search(r"目标|规划", text):
        is_target = True
    elif re.search(r"完成|基期|现状|基数|实际", text):
        is_target = False
    year = int(year_match.group(1)) if year_match else None
    return Column(label, ColumnRole.FIGURE, year, period, is_target)


def header_roles(cells: tuple[str, ...]) -> tuple[Column, ...] | None:
    """The columns of an indicator table's header, or None when cells are not such a header.

    A header names the indicator in its first column and has at least one figure column (a
    year, a period, 基期 or 目标); a unit, attribute or completion column may follow.
    """
    if len(cells) < 2:
        return None
    columns = tuple(_column(c) for c in cells)
    if columns[0].role is not ColumnRole.NAME:
        return None
    if not any(c.role is ColumnRole.FIGURE for c in columns):
        return None
    return columns
