"""Reading one printed figure ("【 50000 】", "≤5.5", "95%以上", "——") and one row label."""

from __future__ import annotations

import re

from msgspec import Struct

from ..model.plan import Comparator
from ..model.units import normalise_unit

__all__ = [
    "UNITS",
    "CellFigure",
    "RowLabel",
    "comparator_around",
    "is_unit",
    "last_parentheses",
    "parse_figure",
    "parse_label",
    "parse_number",
]

#: Units a plan prints after a number, longest first so that 万人次 wins over 万人 and 人.
UNITS = (
    "万人次", "万人", "人次", "万张", "亿元", "万元", "平方米", "m²", "㎡", "万户",
    "元", "人", "名", "个", "家", "户", "张", "项", "所", "座", "间", "次", "场",
    "%", "％", "‰",
)  # fmt: skip

#: Comparator words printed before a number, and after it.
_Words = tuple[tuple[tuple[str, ...], Comparator], ...]
_BEFORE: _Words = (
    (("≤", "≦", "<=", "＜=", "不超过", "不高于", "最多", "控制在"), Comparator.LE),
    (("≥", "≧", ">=", "＞=", "不低于", "不少于", "至少"), Comparator.GE),
    (("<", "＜", "低于", "少于"), Comparator.LT),
    ((">", "＞", "突破", "超过", "高于", "大于"), Comparator.GT),
)
_AFTER: _Words = (
    (("及以上", "以上"), Comparator.GE),
    (("及以内", "及以下", "以内", "以下"), Comparator.LE),
    (("左右",), Comparator.ABOUT),
)
_MISSING = {"", "—", "——", "-", "--", "－", "/", "／", "…", "——/——", "—/—", "无", "/ /"}
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_INCREASE = re.compile(r"^(增加|新增|新建|增长|提高|累计增加|累计新增)(\d.*)$")
_PARENTHESISED = re.compile(r"^[(（]\s*([^()（）]*)\s*[)）]$")
_BRACKETED = re.compile(r"^[【\[［〔]\s*(.*?)\s*[】\]］〕]$")
#: Full-width signs read as their half-width selves (the text is kept as printed).
_FOLD = str.maketrans("＞＜％＝～．，０１２３４５６７８９", "><%=~.,0123456789")
_RANGE = re.compile(
    r"^(?P<low>\d+(?:\.\d+)?)\s*(?P<unit1>[^\d\s—~\-至到]{0,6}?)\s*(?:—+|–|-|~|至|到)\s*"
    r"(?P<high>\d+(?:\.\d+)?)\s*(?P<unit>\S{0,6})$"
)
#: A note in parentheses after a value: "55（2019年）", "3.2(预计)".
_TRAILING_NOTE = re.compile(r"^(?P<body>.*?\d.*?)\s*[(（](?P<note>[^()（）]{1,16})[)）]$")
#: A footnote mark glued after a value and its unit: "42%2".
_FOOTNOTE = re.compile(r"^(?P<body>.*?(?:%|‰))(?P<mark>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])$")


class CellFigure(Struct, frozen=True):
    """A figure cell read: value None for "—" or for prose; text is the cell verbatim."""

    value: float | None
    comparator: Comparator
    text: str
    bracketed: bool = False
    unit: str | None = None
    #: The cell is words, not a figure ("启动8个…项目"): kept as text, to be reviewed.
    prose: bool = False
    percent: bool = False
    #: A range ("〔3000—4000〕"): value is its lower end, high the upper.
    high: float | None = None
    #: A footnote mark glued to the value ("42%2" -> "2"), not read into it.
    footnote: str | None = None
    #: A note in parentheses after the value ("55（2019年）" -> "2019年").
    note: str | None = None
    #: Printed as an increase over the period ("增加20", "新增5"): the word, else None.
    increase: str | None = None


def parse_number(text: str) -> float:
    """A printed number without its thousands separators."""
    return float(text.replace(",", ""))


def parse_figure(cell: str) -> CellFigure:
    """Read a table cell that should hold a figure, as the plan means it.

    Brackets 【】 〔〕 [] mark a total (bracketed); comparators before (≥ ＞ 不低于 控制在) or after
    (以上 以内 左右) the number; a unit glued to it (95%, 12km); a range "a—b" (the lower end,
    with the upper kept); a footnote digit after a unit ("42%2", flagged, not read); a note in
    parentheses after it ("55（2019年）"). Words are kept as text and flagged as prose.
    """
    text = cell.strip()
    folded = " ".join(text.translate(_FOLD).split())
    if folded in _MISSING:
        return CellFigure(None, Comparator.EQ, text)
    inner, bracketed = folded, False
    note = None
    wrapped = _PARENTHESISED.match(inner)
    if wrapped and _NUMBER.search(wrapped.group(1)):
        # "（86.4％）": a figure the table's note sets apart (another year, an estimate).
        inner, note = wrapped.group(1), "printed in parentheses"
    match = _BRACKETED.match(inner)
    if match:
        inner, bracketed = match.group(1), True
    footnote = None
    mark = _FOOTNOTE.match(inner)
    if mark:
        inner, footnote = mark.group("body"), mark.group("mark")
    trailing = _TRAILING_NOTE.match(inner)
    if trailing and not is_unit(trailing.group("note")):
        inner, note = trailing.group("body"), trailing.group("note")
    increase = None
    grows = _INCREASE.match(inner.replace(" ", ""))
    if grows:
        increase, inner = grows.group(1), grows.group(2)
    comparator, body = _strip_comparators(inner.replace(" ", ""))
    inside = _BRACKETED.match(body)
    if inside:
        body, bracketed = inside.group(1), True
    figure = _figure_body(body, comparator, text, bracketed)
    if figure is None:
        return CellFigure(None, Comparator.EQ, text, bracketed, prose=True)
    return CellFigure(
        figure.value,
        figure.comparator,
        text,
        bracketed,
        figure.unit,
        percent=figure.unit == "%",
        high=figure.high,
        footnote=footnote,
        note=note,
        increase=increase,
    )


def _figure_body(
    body: str, comparator: Comparator, text: str, bracketed: bool
) -> CellFigure | None:
    """The number, unit and (for a range) upper end of a cell's body; None for words."""
    ranged = _RANGE.match(body)
    if ranged and comparator is Comparator.EQ:
        unit = ranged.group("unit") or ranged.group("unit1") or None
        if unit is not None and not is_unit(unit):
            return None
        low, high = parse_number(ranged.group("low")), parse_number(ranged.group("high"))
        if low < high:
            unit = normalise_unit(unit) if unit else None
            return CellFigure(low, Comparator.GE, text, bracketed, unit, high=high)
    number = _NUMBER.match(body)
    if number is None:
        return None
    rest = body[number.end() :]
    unit = None
    if rest:
        if rest in UNITS or is_unit(rest):
            unit = normalise_unit(rest)
        else:
            return None
    return CellFigure(parse_number(number.group(0)), comparator, text, bracketed, unit)


def _strip_comparators(text: str) -> tuple[Comparator, str]:
    comparator = Comparator.EQ
    for words, meaning in _BEFORE:
        for word in words:
            if text.startswith(word):
                return meaning, _strip_after(text[len(word) :])[1]
    for word in ("力争达到", "争取达到", "力争", "争取", "约", "达到", "保持在", "保持", "稳定在"):
        if text.startswith(word) and _NUMBER.match(text[len(word) :]):
            after, body = _strip_after(text[len(word) :])
            return (Comparator.ABOUT if word == "约" else after or comparator), body
    after, body = _strip_after(text)
    return after or comparator, body


def _strip_after(text: str) -> tuple[Comparator | None, str]:
    for words, meaning in _AFTER:
        for word in words:
            if text.endswith(word):
                return meaning, text[: -len(word)]
    return None, text


def comparator_around(before: str, after: str) -> tuple[Comparator, str]:
    """The comparator that the words just before and after a number in prose give it.

    Returns the comparator and the words that gave it ("以上", "不低于"), or "=" and "".
    """
    head = after.lstrip()
    for words, meaning in _AFTER:
        for word in words:
            if head.startswith(word):
                return meaning, word
    tail = before.rstrip()
    for words, meaning in _BEFORE:
        for word in words:
            # "稳定在", "达到" may stand between the word and the number: 控制在, 不低于 …
            if re.search(re.escape(word) + r"[在于达到为]{0,2}$", tail):
                return meaning, word
    return Comparator.EQ, ""


class RowLabel(Struct, frozen=True):
    """The first cell of a table row read: item number, 其中, name and unit."""

    number: int | None
    name: str
    unit: str | None
    sub_item: bool
    #: The label as printed.
    text: str


_LABEL = re.compile(
    r"^\s*(?:(?P<number>\d+)\s*[.．、]\s*)?(?P<sub>其中\s*[:：,，、]?\s*)?(?P<name>.*?)\s*$", re.S
)


def last_parentheses(text: str) -> tuple[str, str] | None:
    """The text before a closing parenthesised group and the group's inside, nested or not.

    "保障性住房（万户（套））" -> ("保障性住房", "万户（套）"); None when text does not end in one.
    """
    stripped = text.rstrip()
    if not stripped.endswith((")", "）")):
        return None
    depth = 0
    for at in range(len(stripped) - 1, -1, -1):
        char = stripped[at]
        if char in ")）":
            depth += 1
        elif char in "(（":
            depth -= 1
            if depth == 0:
                return stripped[:at].rstrip(), stripped[at + 1 : -1].strip()
    return None


def parse_label(cell: str, unit_column: str | None = None) -> RowLabel:
    """Read "9.其中：高级职称人才数量(万人)" into 9, sub-item, its name and unit.

    With the row's 单位 cell (unit_column), the name's last parentheses are a unit only when
    they repeat it: "风貌保护道路（街巷）" beside 条 keeps （街巷） in its name.
    """
    text = cell.strip().replace("**", "")
    match = _LABEL.match(text)
    if match is None:  # pragma: no cover - the pattern matches any text
        return RowLabel(None, text, None, False, cell)
    name = match.group("name").strip()
    unit = None
    split = last_parentheses(name)
    if split is not None and split[0] and is_unit(split[1]):
        # "(场所)" and the like are part of the name, not a unit.
        repeats = unit_column is None or normalise_unit(split[1]) == normalise_unit(unit_column)
        if repeats:
            name, unit = split
    number = match.group("number")
    return RowLabel(
        int(number) if number else None,
        name,
        normalise_unit(unit.replace(" ", "")) if unit else None,
        match.group("sub") is not None,
        cell,
    )


_LATIN_UNIT = re.compile(r"^(k?m[²³23]?|km|kg|t|h|kWh|GB|Mbps|[a-zA-Z]{1,4}/[a-zA-Z0-9²³]{1,4})$")


_MEASURE = re.compile(
    r"^[万亿千百]?(平方米|平方公里|平方千米|立方米|公顷|公里|千米|千瓦时|千瓦|标准箱|标箱|吨|台|辆|套|张|床)"
    r"(/[\u4e00-\u9fff]{1,4})?$"
)


def is_unit(text: str, *, strict: bool = False) -> bool:
    """True when text reads as a unit: 万人, %, 1/10万, 万户（套）, 元/人, km, m³.

    strict: a word of three or four characters only when it is a known unit (a table's
    category "促发展" is not one).
    """
    squeezed = text.replace(" ", "")
    nested = last_parentheses(squeezed)
    if nested is not None and nested[0]:
        return is_unit(nested[0], strict=strict) and len(nested[1]) <= 3
    return (
        squeezed in UNITS
        or squeezed in {"%", "‰", "‱", "岁", "年", "天", "小时", "亿元/年"}
        or _LATIN_UNIT.match(squeezed) is not None
        or _MEASURE.match(squeezed) is not None
        or re.fullmatch(r"\d*/\d*万|\d+/\d+|[\u4e00-\u9fff]{1,3}/[\u4e00-\u9fff\d]{1,4}", squeezed)
        is not None
        or (
            len(squeezed) <= (2 if strict else 4)
            and re.fullmatch(r"[万亿千百]?[\u4e00-\u9fff]{1,3}|%", squeezed) is not None
            and not re.search(r"[化业务性级区]", squeezed)
        )
    )
