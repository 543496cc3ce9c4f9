"""The shape of one cell of a flattened table: a row number, a 属性 word, a figure, a unit,
a group heading, or words. The grid reader and the row aligner both judge cells by it."""

from __future__ import annotations

import re

from .cells import is_unit

__all__ = ["BARE_INT", "NUMBERED", "cell_kind", "is_group_heading"]

_GROUP = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*\S.{0,24}$")
NUMBERED = re.compile(r"^\s*(\d{1,5})\s*[.．、]\s*\S")
BARE_INT = re.compile(r"^\s*(\d{1,5})\s*$")
_ATTRIBUTE = re.compile(r"^\s*(约束性|预期性|约束|预期|约束型|预期型)\s*$")
_MISSING = re.compile(r"^\s*(—+|－+|-+|/|／|…+|无|——/——)?\s*$")
_DIGIT = re.compile(r"\d")
#: A note on a figure's years on a line of its own: "（2021年-2025年）", "(2019年)".
_NOTE = re.compile(r"^[（(][^()（）\d]*(19|20)\d\d\s*年[^()（）]*[)）]$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: Words a figure cell may carry beside its number (comparators, brackets, units).
_FIGURE_WORDS = re.compile(
    r"以上|以下|以内|左右|不低于|不高于|不少于|不超过|控制在|达到|保持|累计|年均|增长|下降|"
    r"[万亿千百十]|[人元个家户张项所座间次场岁年天倍]|平方米|公里|千米|小时|标准"
)
_UNIT = re.compile(
    r"^(%|％|‰|‱|[万亿千百]?[\u4e00-\u9fff]{1,2}(/[\u4e00-\u9fff\d万]{1,4})?|"
    r"\d*/\d*万|[a-zA-Z²³0-9/·]{1,8}|[\u4e00-\u9fff]{1,3}[（(][\u4e00-\u9fff]{1,3}[)）])$"
)


def cell_kind(text: str) -> str:
    """The shape of a cell: int, attr, missing, note, figure, unit, group or text."""
    t = text.strip()
    if _MISSING.match(t):
        return "missing"
    if BARE_INT.match(t):
        return "int"
    if _ATTRIBUTE.match(t):
        return "attr"
    if _NOTE.match(t):
        return "note"
    if _DIGIT.search(t):
        words = _FIGURE_WORDS.sub("", t)
        if len(_CJK.findall(words)) <= 1 and len(t) <= 24:
            return "figure"
    if (
        len(t) <= 8
        and not _GROUP.match(t)
        and (is_unit(t, strict=True) or _UNIT.match(t.replace(" ", "")))
    ):
        return "unit"
    if _GROUP.match(t):
        return "group"
    return "text"


def is_group_heading(text: str) -> bool:
    """A group heading inside a table: 一、就业创业."""
    return _GROUP.match(text) is not None and not _DIGIT.search(text)
