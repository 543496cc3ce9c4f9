"""Reading a table that copying has flattened into lines: one cell a line, its header anywhere.

A government page copied as text prints a table one cell per line, with or without a blank line
between cells, header cells broken over lines ("“十四五”⏎完成值"), a category printed only on its
group's first row, a name broken over two lines. find_grid() finds the header by its vocabulary,
learns the columns from it, and cuts the lines that follow into rows using the anchors real rows
carry: the row number (a 序号 column or "1." before the name), the 属性 word that ends a row, and
the shapes of the cells between (align_row). It stops at the table's end (a 注, a heading, prose,
another header). Every step looks at each line a bounded number of times: linear in rows.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .cells import is_unit
from .document import Table
from .headers import (
    ATTRIBUTE_WORDS,
    CATEGORY_WORDS,
    NAME_WORDS,
    NUMBER_WORDS,
    OTHER_WORDS,
    UNIT_WORDS,
    Column,
    ColumnRole,
    header_problem,
    header_text,
)

__all__ = [
    "Grid",
    "HeaderCandidate",
    "align_row",
    "cell_kind",
    "find_grid",
    "grid_table",
    "is_group_heading",
]

_MAX_HEADER = 12
#: What a line left after the table's last row costs (it may be the text after the table).
_LEFT = 1.0
_GROUP = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*\S.{0,24}$")
_NUMBERED = re.compile(r"^\s*(\d{1,5})\s*[.．、]\s*\S")
_BARE_INT = re.compile(r"^\s*(\d{1,5})\s*$")
_ATTRIBUTE = re.compile(r"^\s*(约束性|预期性|约束|预期|约束型|预期型)\s*$")
_MISSING = re.compile(r"^\s*(—+|－+|-+|/|／|…+|无|——/——)?\s*$")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: Words a figure cell may carry beside its number (comparators, brackets, units).
_FIGURE_WORDS = re.compile(
    r"以上|以下|以内|左右|不低于|不高于|不少于|不超过|控制在|达到|保持|累计|年均|增长|下降|"
    r"[万亿千百十]|[人元个家户张项所座间次场岁年天倍]|平方米|公里|千米|小时|标准"
)
_END = re.compile(
    r"^\s*(注\s*\d*\s*[:：]|备注\s*[:：]|说明\s*[:：]|资料来源|数据来源|第[一二三四五六七八九十百]+[章节]|"
    r"专栏\s*\d+|[（(][一二三四五六七八九十]+[）)]|附件|附表)"
)
_UNIT = re.compile(
    r"^(%|％|‰|‱|[万亿千百]?[\u4e00-\u9fff]{1,2}(/[\u4e00-\u9fff\d万]{1,4})?|"
    r"\d*/\d*万|[a-zA-Z²³0-9/·]{1,8}|[\u4e00-\u9fff]{1,3}[（(][\u4e00-\u9fff]{1,3}[)）])$"
)
_HEADER_WORDS = (
    NUMBER_WORDS | CATEGORY_WORDS | NAME_WORDS | UNIT_WORDS | ATTRIBUTE_WORDS | OTHER_WORDS
)
#: The second line of a header cell broken after its first word ("完成⏎情况").
_SUFFIXES = frozenset({"情况", "值", "数", "率", "任务", "水平", "目标", "目标值", "完成值"})
#: Pieces of a header cell broken over lines ("计量⏎单位").
_FRAGMENTS = frozenset({"计量", "指标", *_SUFFIXES})
#: The words a header's first cell may be.
_STARTS = NUMBER_WORDS | CATEGORY_WORDS | NAME_WORDS
_VALUE_WORD = re.compile(
    r"^(规划|预期|预计|实际)?(完成|目标|现状|基期|基数|实际|预期|规划|预计)(值|数|任务|情况|水平)?$"
)
_HEADER_FILLER = re.compile(
    r"(19|20)\d\d|十[一二三四五六七八九]?五|[年底末期时（）()\-—～~至]|"
    r"规划|目标|完成|现状|基期|基数|实际|预期|预计|值|情况|水平|任务|末|远景|累计"
)
_PERIOD_ONLY = re.compile(r"^(十[一二三四五六七八九]?五|(19|20)\d\d年?(底|末)?)$")


@dataclass(frozen=True)
class HeaderCandidate:
    """A run of lines that looked like an indicator table's header, and why it was not one."""

    line: int
    cells: tuple[str, ...]
    reason: str


@dataclass
class Grid:
    """A table read from lines: header columns, rows aligned to them, where each row starts."""

    columns: tuple[Column, ...]
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    first_line: int = 0
    end: int = 0


def grid_table(grid: Grid) -> Table:
    """The grid as a table block: its header row, then its rows, each located by its line."""
    where = f"line {grid.first_line + 1}"
    return Table(
        (grid.header, *grid.rows),
        where,
        (where, *(f"line {k + 1}" for k in grid.row_lines)),
    )


def cell_kind(text: str) -> str:
    """The shape of a cell: int, attr, missing, figure, unit, group or text."""
    t = text.strip()
    if _MISSING.match(t):
        return "missing"
    if _BARE_INT.match(t):
        return "int"
    if _ATTRIBUTE.match(t):
        return "attr"
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


def _header_like(text: str) -> bool:
    t = header_text(text)
    if not t or len(t) > 16:
        return False
    if t in _HEADER_WORDS or t in _FRAGMENTS or _VALUE_WORD.match(t) or _PERIOD_ONLY.match(t):
        return True
    if t[0] in "(（":
        return True
    if not re.search(r"(19|20)\d\d|十[一二三四五六七八九]?五", t):
        return False
    # A year or period with a value word ("2025年目标值", "现状值（2020年）"), not a title.
    rest = _HEADER_FILLER.sub("", t)
    return len(rest) <= 1


def _join_header(cells: list[str]) -> list[str]:
    """Header cells broken over lines joined: “十四五”⏎完成值, 指标⏎属性, 现状值⏎（2020年）."""
    out: list[str] = []
    for cell in cells:
        t = header_text(cell)
        if out:
            prev = header_text(out[-1])
            has_name = any(header_text(c) in NAME_WORDS for c in out[:-1])
            if (
                t[0] in "(（"
                or (_PERIOD_ONLY.match(prev) and _VALUE_WORD.match(t))
                or (prev == "计量" and t == "单位")
                or (_VALUE_WORD.match(prev) is not None and t in _SUFFIXES - {prev})
                or (prev == "指标" and t in {"名称", "性质"})
                or (prev == "指标" and t == "属性" and has_name)
            ):
                out[-1] = out[-1] + cell
                continue
        out.append(cell)
    return out


def _nonblank(lines: list[str], i: int, limit: int) -> list[int]:
    """The indexes of the next non-blank lines from i, at most limit of them."""
    found: list[int] = []
    while i < len(lines) and len(found) < limit:
        if lines[i].strip():
            found.append(i)
        i += 1
    return found


def _nonblank_before(lines: list[str], i: int) -> int | None:
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k if k >= 0 else None


def read_header(
    lines: list[str], i: int
) -> tuple[tuple[Column, ...], tuple[str, ...], int] | HeaderCandidate | None:
    """The header starting at line i: its columns, labels and the index after it.

    None when line i does not start one; a HeaderCandidate (with the reason) when it looked
    like one but is not.
    """
    if header_text(lines[i]) not in _STARTS:
        return None
    taken: list[int] = []
    for k in _nonblank(lines, i, _MAX_HEADER):
        if not _header_like(lines[k]) or "\t" in lines[k]:
            break
        taken.append(k)
    cells = _join_header([lines[k].strip() for k in taken])
    if len(cells) < 3:
        return None
    columns, reason = header_problem(tuple(cells))
    if columns is None:
        return HeaderCandidate(i + 1, tuple(cells), reason)
    return columns, tuple(cells), taken[-1] + 1


def find_grid(lines: list[str], i: int) -> Grid | HeaderCandidate | None:
    """The one-cell-per-line table whose header starts at line i, read to its end."""
    if header_text(lines[i]) not in _STARTS:
        return None
    above = _nonblank_before(lines, i)
    if above is not None and _header_like(lines[above]):
        return None  # inside a header already seen (or rejected)
    header = read_header(lines, i)
    if header is None or isinstance(header, HeaderCandidate):
        return header
    columns, labels, after = header
    body, end = _body(lines, after, labels)
    grid = Grid(columns, labels, first_line=i, end=end)
    _cut(grid, lines, body)
    while grid.rows and len(grid.rows[-1]) == 1:
        # A heading after the last row is the text's, not a group of the table.
        grid.end = grid.row_lines.pop()
        grid.rows.pop()
    if not grid.rows:
        return HeaderCandidate(i + 1, labels, "no-rows")
    return grid


def _body(lines: list[str], start: int, labels: tuple[str, ...]) -> tuple[list[int], int]:
    """The non-blank lines of the table's body (a repeated header skipped) and where it ends."""
    body: list[int] = []
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        if _END.match(text) or "\t" in lines[i] or (len(text) > 60 and "。" in text):
            break
        again = read_header(lines, i)
        if again is not None:
            if isinstance(again, tuple) and again[1] == labels:
                i = again[2]
                continue
            break
        body.append(i)
        i += 1
    while body and lines[body[-1]].strip().endswith("。") and len(lines[body[-1]]) > 30:
        body.pop()
    end = body[-1] + 1 if body else start
    return body, end


def _cut(grid: Grid, lines: list[str], body: list[int]) -> None:
    """Cut the body lines into rows at the anchors, and align each row to the columns."""
    roles = [c.role for c in grid.columns]
    texts = [lines[k].strip() for k in body]
    kinds = [cell_kind(t) for t in texts]
    starts = _row_starts(roles, texts, kinds)
    group = ""
    for n, (first, b) in enumerate(zip(starts, [*starts[1:], len(texts)], strict=True)):
        a = first
        chunk = texts[a:b]
        while chunk and is_group_heading(chunk[0]) and len(chunk) > 1:
            group = chunk.pop(0).strip()
            grid.rows.append((group,))
            grid.row_lines.append(body[a])
            a += 1
        if len(chunk) == 1 and is_group_heading(chunk[0]):
            group = chunk[0]
            grid.rows.append((group,))
            grid.row_lines.append(body[a])
            continue
        aligned = align_row(tuple(chunk), grid.columns, last=n == len(starts) - 1)
        if aligned is None:
            grid.end = body[a]
            return
        cells, used = aligned
        grid.rows.append(_carried(cells, roles, grid.rows))
        grid.row_lines.append(body[a])
        if used < len(chunk):
            grid.end = body[a + used]
            return


def _carried(
    cells: tuple[str, ...], roles: list[ColumnRole], rows: list[tuple[str, ...]]
) -> tuple[str, ...]:
    """A merged category (or 属性) cell printed on the group's first row only, carried down."""
    out = list(cells)
    above = next((r for r in reversed(rows) if len(r) == len(roles)), None)
    for k, role in enumerate(roles):
        if not out[k] and above and role in {ColumnRole.CATEGORY, ColumnRole.ATTRIBUTE}:
            out[k] = above[k]
    return tuple(out)


def _row_starts(roles: list[ColumnRole], texts: list[str], kinds: list[str]) -> list[int]:
    """Where rows start: at row numbers, after 属性 words, or every len(columns) lines."""
    # The fewest lines a row takes: a merged category, a blank unit or note may be left out.
    printed = {ColumnRole.NUMBER, ColumnRole.NAME, ColumnRole.FIGURE, ColumnRole.ATTRIBUTE}
    need = sum(1 for r in roles if r in printed)
    name = roles.index(ColumnRole.NAME)
    before = roles[:name]
    numbered = ColumnRole.NUMBER in before or any(_NUMBERED.match(t) for t in texts[:3])
    if numbered:
        starts = _numbered_starts(texts, kinds, ColumnRole.NUMBER in before, need)
        if starts:
            starts = _with_leading(starts, before, kinds, texts)
            return starts if starts[0] == 0 else [0, *starts]
    last = [r for r in roles if r is not ColumnRole.OTHER][-1]
    if last is ColumnRole.ATTRIBUTE and "attr" in kinds:
        starts = [0]
        for k, kind in enumerate(kinds[:-1]):
            if kind == "attr":
                starts.append(k + 1)
        return _group_split(starts, texts)
    width = len(roles)
    starts, k = [], 0
    while k < len(texts):
        starts.append(k)
        k += 1 if is_group_heading(texts[k]) else width
    return starts


def _numbered_starts(texts: list[str], kinds: list[str], column: bool, need: int) -> list[int]:
    starts: list[int] = []
    last = 0
    for k, text in enumerate(texts):
        match = _BARE_INT.match(text) if column else _NUMBERED.match(text)
        far = not starts or k - starts[-1] >= need
        if match is None:
            if far and starts and text.startswith("其中"):
                starts.append(k)
            continue
        number = int(match.group(1))
        if column and k + 1 < len(texts) and kinds[k + 1] in {"int", "figure", "missing", "attr"}:
            continue  # a row number is followed by a name or a category, not by a figure
        if far and (number == last + 1 or (number == 1 and starts)):
            starts.append(k)
            last = number
        elif not column and far and not starts:
            starts.append(k)
            last = number
    return starts


def _with_leading(
    starts: list[int], before: list[ColumnRole], kinds: list[str], texts: list[str]
) -> list[int]:
    """Move a row start back over the category cell that a column before the number prints."""
    if ColumnRole.CATEGORY not in before or before.index(ColumnRole.CATEGORY) > 0:
        return _group_split(starts, texts)
    moved = []
    for n, s in enumerate(starts):
        previous = starts[n - 1] if n else -1
        back = s - 1
        room = back > previous + 1 if n else back >= 0
        if room and kinds[back] in {"text", "group"} and kinds[s] == "int":
            moved.append(back)
        else:
            moved.append(s)
    return _group_split(moved, texts)


def _group_split(starts: list[int], texts: list[str]) -> list[int]:
    """A group heading line (一、…) at a chunk's end starts a chunk of its own."""
    out: list[int] = []
    ends = [*starts[1:], len(texts)]
    for s, e in zip(starts, ends, strict=True):
        out.append(s)
        if e - 1 > s and is_group_heading(texts[e - 1]):
            out.append(e - 1)
    return sorted(set(out))


#: How many lines a cell of each role may take: (fewest, most).
_SPAN = {
    ColumnRole.NUMBER: (0, 1),
    ColumnRole.CATEGORY: (0, 2),
    ColumnRole.NAME: (1, 3),
    ColumnRole.UNIT: (0, 1),
    ColumnRole.FIGURE: (1, 3),
    ColumnRole.COMPLETION: (1, 2),
    ColumnRole.ATTRIBUTE: (0, 1),
    ColumnRole.OTHER: (0, 3),
}
_FIT = {
    ColumnRole.NUMBER: {"int": 4.0},
    ColumnRole.CATEGORY: {"text": 1.0, "group": 2.0, "unit": 0.5},
    ColumnRole.NAME: {"text": 3.0, "group": 1.0, "unit": 1.0, "figure": -1.0},
    ColumnRole.UNIT: {"unit": 3.0, "missing": 2.0, "text": -1.0},
    ColumnRole.FIGURE: {"figure": 3.0, "int": 3.0, "missing": 3.0, "text": 0.5, "unit": -1.0},
    ColumnRole.COMPLETION: {"figure": 3.0, "int": 3.0, "missing": 3.0, "text": 0.5},
    ColumnRole.ATTRIBUTE: {"attr": 5.0, "missing": 1.0},
    ColumnRole.OTHER: {"text": 0.5, "missing": 0.5, "figure": 0.2, "unit": 0.3},
}
#: The score of a cell left out (a merged cell printed on an earlier row, or none printed).
_ABSENT = {
    ColumnRole.NUMBER: -2.0,
    ColumnRole.CATEGORY: 0.0,
    ColumnRole.UNIT: -1.5,
    ColumnRole.ATTRIBUTE: -1.0,
    ColumnRole.OTHER: -0.2,
}


def _fit(role: ColumnRole, cells: tuple[str, ...], kinds: tuple[str, ...]) -> float:
    if not cells:
        return _ABSENT.get(role, -9.0)
    kind = cell_kind("".join(cells)) if len(cells) > 1 else kinds[0]
    score = _FIT[role].get(kind, -5.0)
    if len(cells) > 1:
        # A cell broken over lines: each line after the first must be a continuation.
        if any(k in {"attr", "int"} for k in kinds[1:]):
            return -9.0
        score -= 0.25 * (len(cells) - 1)
        # A cell wraps at the column's width: a line longer than the one before is less likely.
        score -= 0.1 * sum(len(b) > len(a) for a, b in itertools.pairwise(cells))
    return score


def align_row(
    cells: tuple[str, ...], columns: tuple[Column, ...], *, last: bool = False
) -> tuple[tuple[str, ...], int] | None:
    """Assign a row's cells (lines) to the columns: the best fit by cell shapes.

    Returns the cells by column (a cell broken over lines joined, a merged cell left "") and
    how many of the lines were used; with last, lines after the row may be left (the table's
    end). None when no assignment fits.
    """
    roles = [c.role for c in columns]
    n, m = len(roles), len(cells)
    kinds = tuple(cell_kind(c) for c in cells)
    if m == n and all(_FIT[r].get(k, -5.0) >= 2.0 for r, k in zip(roles, kinds, strict=True)):
        return cells, m  # every cell where its column expects it: the common case, at once
    worst = float("-inf")
    best = [[worst] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for c, role in enumerate(roles):
        low, high = _SPAN[role]
        for i in range(m + 1):
            if best[c][i] == worst:
                continue
            for span in range(low, min(high, m - i) + 1):
                score = best[c][i] + _fit(role, cells[i : i + span], kinds[i : i + span])
                if score > best[c + 1][i + span]:
                    best[c + 1][i + span] = score
                    back[c + 1][i + span] = span
    ends = range(m + 1) if last else [m]
    used = max(ends, key=lambda e: (best[n][e] - _LEFT * (m - e), e))
    if best[n][used] == worst or best[n][used] < 0:
        return None
    out: list[str] = []
    i = used
    for c in range(n, 0, -1):
        span = back[c][i]
        out.append("".join(cells[i - span : i]))
        i -= span
    return tuple(reversed(out)), used
