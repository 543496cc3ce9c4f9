"""Reading an indicator table's header, whatever the wording of its columns."""

from __future__ import annotations

import re
from enum import StrEnum

from msgspec import Struct

__all__ = [
    "REJECTIONS",
    "Column",
    "ColumnRole",
    "Rejected",
    "five_year_period",
    "header_column",
    "header_problem",
    "header_roles",
    "header_text",
    "looks_like_header",
    "squeeze",
]

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年?")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九]?)五")
_NTH_FIVE_YEAR = re.compile(r"第十([一二三四五六七八九]?)个五年")


class ColumnRole(StrEnum):
    """What a column of an indicator table holds."""

    NUMBER = "number"
    CATEGORY = "category"
    NAME = "name"
    UNIT = "unit"
    ATTRIBUTE = "attribute"
    COMPLETION = "completion"
    FIGURE = "figure"
    OTHER = "other"


class Column(Struct, frozen=True):
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
    ordinal = _NTH_FIVE_YEAR.search(text)
    if ordinal is not None:
        # "第十五个五年规划" is the 15th plan.
        units = ordinal.group(1)
        n = 10 + (_CN_DIGITS[units] if units else 0)
    else:
        match = _FIVE_YEAR.search(text)
        if match is None:
            return None
        # "十五" alone is the 10th plan; "十一五" the 11th … "十五五" the 15th.
        n = 10 if not match.group(1) else 10 + _CN_DIGITS[match.group(1)]
    start = 2001 + 5 * (n - 10)
    return start, start + 4


_QUOTES = str.maketrans("", "", "“”\"‘’'「」")
#: Header words by role, compared with the cell squeezed and without quotes.
NUMBER_WORDS = frozenset({"序号", "编号", "序"})
CATEGORY_WORDS = frozenset(
    {
        "类别",
        "指标类别",
        "类型",
        "指标类型",
        "领域",
        "一级指标",
        "分类",
        "维度",
        "方面",
        "板块",
        "类目",
    }
)
NAME_WORDS = frozenset(
    {"指标", "指标名称", "二级指标", "项目", "名称", "主要指标", "具体指标", "指标内容", "三级指标"}
)
UNIT_WORDS = frozenset({"单位", "计量单位", "指标单位"})
ATTRIBUTE_WORDS = frozenset({"属性", "指标属性", "性质", "指标性质", "类型", "指标类型"})
OTHER_WORDS = frozenset(
    {
        "备注",
        "责任单位",
        "牵头单位",
        "说明",
        "数据来源",
        "责任部门",
        "进展评价",
        "评价",
        "进展情况",
        "完成评价",
    }
)


def header_column(label: str) -> ColumnRole:
    """The role one header cell gives its column, alone."""
    return _column(label).role


def header_text(label: str) -> str:
    """A header cell as compared: no whitespace, no quote marks."""
    return squeeze(label).translate(_QUOTES)


def _column(label: str) -> Column:
    text = header_text(label)
    if not text:
        return Column(label, ColumnRole.OTHER)
    if text in NUMBER_WORDS:
        return Column(label, ColumnRole.NUMBER)
    if text in CATEGORY_WORDS - ATTRIBUTE_WORDS:
        return Column(label, ColumnRole.CATEGORY)
    if text in OTHER_WORDS:
        return Column(label, ColumnRole.OTHER)
    if text in UNIT_WORDS:
        return Column(label, ColumnRole.UNIT)
    if (
        ("指标" in text and not re.search(r"属性|性质|类|值|年|五", text)) or text in NAME_WORDS
    ) and text not in ATTRIBUTE_WORDS:
        return Column(label, ColumnRole.NAME)
    if text in UNIT_WORDS:
        return Column(label, ColumnRole.UNIT)
    if "属性" in text or text in ATTRIBUTE_WORDS:
        return Column(label, ColumnRole.ATTRIBUTE)
    if "完成" in text and ("%" in text or "率" in text or "目标" in text):
        return Column(label, ColumnRole.COMPLETION)
    year_match = _YEAR.search(text)
    period = five_year_period(text)
    if (
        year_match is None
        and period is None
        and not re.search(r"基期|现状|目标|基数|基准|完成", text)
    ):
        return Column(label, ColumnRole.OTHER)
    is_target: bool | None = None
    if re.search(r"目标|规划", text):
        is_target = True
    elif re.search(r"完成|基期|现状|基数|基准|实际", text):
        is_target = False
    year = int(year_match.group(1)) if year_match else None
    return Column(label, ColumnRole.FIGURE, year, period, is_target)


def header_roles(cells: tuple[str, ...]) -> tuple[Column, ...] | None:
    """The columns of an indicator table's header, or None when cells are not such a header.

    A header has a column naming the indicator (after a 序号 or a 类别 column, if any) and at
    least one figure column (a year, a period, 基期 or 目标); a unit, attribute or completion
    column may stand anywhere. Two 类型 columns: the first is the category, the second the 属性.
    """
    return header_problem(cells)[0]


#: Why cells that look like an indicator table's header are not one: key -> (English, 中文).
REJECTIONS = {
    "short": ("fewer than two cells", "不足两列"),
    "no-name": (
        "no column names the indicator (指标, 指标名称, 项目)",
        "没有指标名称列（指标、指标名称、项目）",
    ),
    "name-late": (
        "the indicator's name is not the first column (after 序号 / 类别)",
        "指标名称列不在首列（序号、类别之后）",
    ),
    "no-figure": (
        "no figure column (a year, 十N五, 基期, 现状, 目标)",
        "没有数值列（年份、“十N五”、基期、现状、目标）",
    ),
    "no-rows": ("no row follows the header", "表头之后没有指标行"),
}


class Rejected(Struct, frozen=True):
    """Cells that looked like an indicator table's header, where, and why they are not one."""

    where: str
    cells: tuple[str, ...]
    #: A key of REJECTIONS.
    reason: str


def header_problem(cells: tuple[str, ...]) -> tuple[tuple[Column, ...] | None, str]:
    """The columns of a header, or None and why the cells are not one (a key of REJECTIONS)."""
    if len(cells) < 2:
        return None, "short"
    columns = _settle(tuple(_column(c) for c in cells))
    roles = [c.role for c in columns]
    if ColumnRole.NAME not in roles:
        return None, "no-name"
    name = roles.index(ColumnRole.NAME)
    if any(r not in {ColumnRole.NUMBER, ColumnRole.CATEGORY} for r in roles[:name]):
        return None, "name-late"
    if ColumnRole.FIGURE not in roles:
        return None, "no-figure"
    return columns, ""


def looks_like_header(cells: tuple[str, ...]) -> bool:
    """At least two cells are header words (序号, 指标, 单位, 属性, a year column…)."""
    known = sum(1 for c in cells if _column(c).role is not ColumnRole.OTHER)
    return known >= 2 and any(_column(c).role is ColumnRole.NAME for c in cells)


def _settle(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """A 类型 column before the name is a category; of two NAMEs (一级/二级) the first is one."""
    out = list(columns)
    roles = [c.role for c in out]
    if roles.count(ColumnRole.NAME) > 1:
        first = roles.index(ColumnRole.NAME)
        out[first] = Column(out[first].label, ColumnRole.CATEGORY)
    names = [i for i, c in enumerate(out) if c.role is ColumnRole.NAME]
    for i, column in enumerate(out):
        if column.role is ColumnRole.ATTRIBUTE and names and i < names[0]:
            out[i] = Column(column.label, ColumnRole.CATEGORY)
    return tuple(out)
