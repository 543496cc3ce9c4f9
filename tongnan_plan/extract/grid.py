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

import re

from msgspec import Struct, field

from .align import align_row, best_starts, row_fit
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
    header_column,
    header_problem,
    header_text,
)
from .shapes import BARE_INT, NUMBERED, cell_kind, is_group_heading

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
_END = re.compile(
    r"^\s*(注\s*\d*\s*[:：]|备注\s*[:：]|说明\s*[:：]|资料来源|数据来源|第[一二三四五六七八九十百]+[章节]|"
    r"专栏\s*\d+|[（(][一二三四五六七八九十]+[）)]|附件|附表)"
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
#: Words of a cell spanning the figure columns in a header of two rows.
_SPANNING = frozenset({"指标值", "数值", "指标数值", "规划指标"})
_VALUE_WORD = re.compile(
    r"^(规划|预期|预计|实际|近期|中期|远期)?(完成|目标|现状|基期|基数|基准|实际|预期|规划|预计)(值|数|任务|情况|水平)?$"
)
_HEADER_FILLER = re.compile(
    r"(19|20)\d\d|十[一二三四五六七八九]?五|[年底末期时（）()\-—～~至]|"
    r"规划|目标|完成|现状|基期|基数|基准|实际|预期|预计|值|情况|水平|任务|末|远景|累计"
)
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_PERIOD_END = re.compile(r"(十[一二三四五六七八九]?五|(19|20)\d\d年?(底|末)?)$")
_PERIOD_ONLY = re.compile(r"^(十[一二三四五六七八九]?五|(19|20)\d\d年?(底|末)?)$")


class HeaderCandidate(Struct, frozen=True):
    """A run of lines that looked like an indicator table's header, and why it was not one."""

    line: int
    cells: tuple[str, ...]
    reason: str


class Grid(Struct):
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


def _header_like(text: str) -> bool:
    t = header_text(text)
    if not t or len(t) > 16:
        return False
    if t in _HEADER_WORDS or t in _FRAGMENTS or t in _SPANNING:
        return True
    if _VALUE_WORD.match(t) or _PERIOD_ONLY.match(t):
        return True
    if (
        len(t) <= 5
        and t.startswith("指标")
        and not t.endswith("表")
        and header_column(text)
        in {
            ColumnRole.NAME,
            ColumnRole.UNIT,
        }
    ):
        return True  # 指标项, 指标名称及单位
    if t[0] in "(（":
        return True
    if not re.search(r"(19|20)\d\d|十[一二三四五六七八九]?五", t):
        return False
    # A year or period with a value word ("2025年目标值", "现状值（2020年）"), not a title.
    rest = _HEADER_FILLER.sub("", t)
    return len(rest) <= 1


def _join_header(cells: list[str]) -> list[str]:
    """Header cells broken over lines joined: “十四五”⏎完成值, 指标⏎属性, 现状值⏎（2020年);
    a header of two or three rows flattened (指标值 over 现状 / 近期规划, then （2025年） /
    （2030年）): the spanning cell dropped, each year given to its column."""
    out: list[str] = []
    k = 0
    while k < len(cells):
        cell, t = cells[k], header_text(cells[k])
        run = _parenthesised_run(cells, k)
        if (
            run > 1
            and len(out) >= run
            and all(_VALUE_WORD.match(header_text(c)) for c in out[-run:])
        ):
            for back in range(run):
                out[len(out) - run + back] += cells[k + back]
            k += run
            continue
        if out and _joins(header_text(out[-1]), t, out):
            out[-1] = out[-1] + cell
        else:
            out.append(cell)
        k += 1
    return _without_spanning(out)


def _parenthesised_run(cells: list[str], k: int) -> int:
    run = 0
    while k + run < len(cells) and header_text(cells[k + run])[:1] in ("(", "（"):
        run += 1
    return run


def _joins(prev: str, t: str, out: list[str]) -> bool:
    has_name = any(header_text(c) in NAME_WORDS for c in out[:-1])
    period_end = _PERIOD_END.search(prev) is not None
    return (
        t[0] in "(（"
        or (period_end and (_VALUE_WORD.match(t) is not None or t in {"指标", "指标值"}))
        or (not _header_like(prev) and _PERIOD_ONLY.match(t) is not None)
        or (prev == "计量" and t == "单位")
        or (_VALUE_WORD.match(prev) is not None and t in _SUFFIXES - {prev})
        or (prev == "指标" and t in {"名称", "性质"})
        or (prev == "指标" and t == "属性" and has_name)
    )


def _without_spanning(cells: list[str]) -> list[str]:
    """A cell spanning the figure columns (指标值 over 现状 / 规划) is not a column itself."""
    out = []
    for k, cell in enumerate(cells):
        after = cells[k + 1 : k + 3]
        if header_text(cell) in _SPANNING and len(after) == 2:
            if all(_VALUE_WORD.match(header_text(c).split("(")[0].split("（")[0]) for c in after):
                continue
        out.append(cell)
    return out


def _qualifier(text: str, following: str) -> bool:
    """A short word that qualifies the header cell after it: a place before its period."""
    t, after = header_text(text), header_text(following)
    return (
        1 < len(t) <= 4 and _CJK_ONLY.match(t) is not None and _PERIOD_ONLY.match(after) is not None
    )


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
    ahead = _nonblank(lines, i, _MAX_HEADER + 1)
    for n, k in enumerate(ahead[:_MAX_HEADER]):
        if "\t" in lines[k]:
            break
        if not _header_like(lines[k]):
            # A place before a period ("松江⏎“十四五”⏎现状") is the first piece of a cell.
            following = ahead[n + 1] if n + 1 < len(ahead) else None
            if following is None or not _qualifier(lines[k], lines[following]):
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
    """The one-cell-per-line table whose header starts at line i, read to its end; or a table
    whose cells a line prints apart by spaces ("序号 指标名称 单位 2025年 2030年 属性")."""
    spaced = _spaced_grid(lines, i)
    if spaced is not None:
        return spaced
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


def _spaced_grid(lines: list[str], i: int) -> Grid | HeaderCandidate | None:
    """A table printed a row a line, cells parted by spaces: read as one cell a line."""
    tokens = lines[i].split()
    if len(tokens) < 4 or header_text(tokens[0]) not in _STARTS:
        return None
    if not all(_header_like(t) for t in tokens):
        return None
    cells: list[str] = []
    origin: list[int] = []
    j = i
    while j < len(lines) and len(lines[j].split()) >= 2 and "。" not in lines[j]:
        if j > i and _END.match(lines[j]):
            break
        parts = lines[j].split()
        cells += parts
        origin += [j] * len(parts)
        j += 1
    grid = find_grid(cells, 0) if cells else None
    if not isinstance(grid, Grid):
        return grid
    grid.first_line = i
    grid.row_lines = [origin[k] for k in grid.row_lines]
    grid.end = origin[grid.end - 1] + 1 if grid.end else j
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
    if _empty_cells(body, starts):
        # A blank line inside a row, where blank lines part the rows, is an empty cell.
        opening = set(starts)
        holes = [k for k in range(1, len(body)) if body[k] > body[k - 1] + 1 and k not in opening]
        for k in reversed(holes):
            texts.insert(k, "")
            body.insert(k, body[k])
        kinds = [cell_kind(t) for t in texts]
        starts = _row_starts(roles, texts, kinds)
    ends = [*starts[1:], len(texts)]
    # The last row may leave lines (a caption, the text after the table); so may the row
    # before headings that end the body ("二、重点任务" after the table).
    final = len(starts) - 1
    while final > 0 and ends[final] - starts[final] == 1 and is_group_heading(texts[starts[final]]):
        final -= 1
    group = ""
    for n, (first, b) in enumerate(zip(starts, ends, strict=True)):
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
        aligned = align_row(tuple(chunk), grid.columns, last=n >= final)
        if aligned is None:
            grid.end = body[a]
            return
        cells, used = aligned
        grid.rows.append(_carried(cells, roles, grid.rows))
        grid.row_lines.append(body[a])
        if used < len(chunk):
            grid.end = body[a + used]
            return


def _empty_cells(body: list[int], starts: list[int]) -> bool:
    """True when blank lines part the rows (not every cell): then one inside a row is a cell."""
    gaps = [k for k in range(1, len(body)) if body[k] > body[k - 1] + 1]
    if len(gaps) < 3 or len(gaps) > len(body) / 2:
        return False
    at_starts = len(set(gaps) & set(starts))
    return at_starts >= 0.75 * len(gaps)


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
    numbered = ColumnRole.NUMBER in before or any(NUMBERED.match(t) for t in texts[:3])
    if numbered:
        starts = _numbered_starts(texts, kinds, ColumnRole.NUMBER in before, need)
        if starts:
            starts = _with_leading(starts, roles, kinds, texts)
            return starts if starts[0] == 0 else [0, *starts]
    last = [r for r in roles if r is not ColumnRole.OTHER][-1]
    if last is ColumnRole.ATTRIBUTE and "attr" in kinds:
        starts = [0]
        for k, kind in enumerate(kinds[:-1]):
            if kind == "attr":
                starts.append(k + 1)
        return _group_split(starts, texts)
    return best_starts(tuple(texts), tuple(kinds), tuple(roles))


def _numbered_starts(texts: list[str], kinds: list[str], column: bool, need: int) -> list[int]:
    starts: list[int] = []
    last = 0
    # A 其中 row may print no number, unit or 属性: its name and figures alone.
    sub_rows: set[int] = set()
    for k, text in enumerate(texts):
        match = BARE_INT.match(text) if column else NUMBERED.match(text)
        least = max(2, need - 3) if starts and starts[-1] in sub_rows else need
        far = not starts or k - starts[-1] >= least
        if match is None:
            if far and starts and text.startswith("其中"):
                starts.append(k)
                sub_rows.add(k)
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
    starts: list[int], roles: list[ColumnRole], kinds: list[str], texts: list[str]
) -> list[int]:
    """Move a row start back over the category cell that a column before the number prints,
    where the two rows fit their columns better so (a last cell of words, 动态调整, stays)."""
    before = roles[: roles.index(ColumnRole.NAME)]
    if ColumnRole.CATEGORY not in before or before.index(ColumnRole.CATEGORY) > 0:
        return _group_split(starts, texts)
    shape = tuple(roles)
    moved = []
    for n, s in enumerate(starts):
        back = s - 1
        if n == 0:
            moved.append(back if back >= 0 and kinds[back] in {"text", "group", "unit"} else s)
            continue
        previous = moved[-1]
        after = starts[n + 1] if n + 1 < len(starts) else len(texts)
        if back > previous + 1 and kinds[back] in {"text", "group", "unit"} and kinds[s] == "int":
            stay = _fit_of(texts, kinds, previous, s, shape) + _fit_of(
                texts, kinds, s, after, shape
            )
            move = _fit_of(texts, kinds, previous, back, shape)
            move += _fit_of(texts, kinds, back, after, shape)
            moved.append(back if move >= stay else s)
        else:
            moved.append(s)
    return _group_split(moved, texts)


def _fit_of(
    texts: list[str], kinds: list[str], a: int, b: int, roles: tuple[ColumnRole, ...]
) -> float:
    return row_fit(tuple(texts[a:b]), tuple(kinds[a:b]), roles)


def _group_split(starts: list[int], texts: list[str]) -> list[int]:
    """A group heading line (一、…) at a chunk's end starts a chunk of its own."""
    out: list[int] = []
    ends = [*starts[1:], len(texts)]
    for s, e in zip(starts, ends, strict=True):
        out.append(s)
        if e - 1 > s and is_group_heading(texts[e - 1]):
            out.append(e - 1)
    return sorted(set(out))
