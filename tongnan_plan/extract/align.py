"""Fitting a row's lines to a table's columns by the shapes of its cells, and cutting lines
into rows where nothing else marks where a row starts.

align_row() gives each column its cells (a cell broken over lines joined, a merged cell left
empty) by the best fit of cell shapes (a number, a 属性 word, a unit, words) to column roles;
best_starts() cuts a run of lines into the rows that fit best, row after row (a bounded number
of candidate rows ends at each line: linear in lines).
"""

from __future__ import annotations

import itertools

from .headers import Column, ColumnRole
from .shapes import cell_kind, is_group_heading

__all__ = ["align_row", "best_starts", "row_fit"]

#: What a line left after the table's last row costs (it may be the text after the table).
_LEFT = 1.0
_WORST = float("-inf")
_Roles = tuple[ColumnRole, ...]


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
        if all(k == "note" for k in kinds[1:]):
            return score  # "36⏎（2021年-2025年）": a figure and the note on its years
        score -= 0.25 * (len(cells) - 1)
        # A cell wraps at the column's width: a line longer than the one before is less likely.
        score -= 0.1 * sum(len(b) > len(a) for a, b in itertools.pairwise(cells))
    return score


def _table(
    cells: tuple[str, ...], kinds: tuple[str, ...], roles: _Roles
) -> tuple[list[list[float]], list[list[int]]]:
    """best[c][i]: the best score of the first c columns over the first i lines; back: spans."""
    n, m = len(roles), len(cells)
    best = [[_WORST] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for c, role in enumerate(roles):
        low, high = _SPAN[role]
        for i in range(m + 1):
            if best[c][i] == _WORST:
                continue
            for span in range(low, min(high, m - i) + 1):
                score = best[c][i] + _fit(role, cells[i : i + span], kinds[i : i + span])
                if score > best[c + 1][i + span]:
                    best[c + 1][i + span] = score
                    back[c + 1][i + span] = span
    return best, back


def row_fit(cells: tuple[str, ...], kinds: tuple[str, ...], roles: _Roles) -> float:
    """How well the lines fit the columns as one row (-inf when they cannot)."""
    best, _ = _table(cells, kinds, roles)
    return best[len(roles)][len(cells)]


def align_row(
    cells: tuple[str, ...], columns: tuple[Column, ...], *, last: bool = False
) -> tuple[tuple[str, ...], int] | None:
    """Assign a row's cells (lines) to the columns: the best fit by cell shapes.

    Returns the cells by column (a cell broken over lines joined, a merged cell left "") and
    how many of the lines were used; with last, lines after the row may be left (the table's
    end). None when no assignment fits.
    """
    roles = tuple(c.role for c in columns)
    n, m = len(roles), len(cells)
    kinds = tuple(cell_kind(c) for c in cells)
    if m == n and all(_FIT[r].get(k, -5.0) >= 2.0 for r, k in zip(roles, kinds, strict=True)):
        return cells, m  # every cell where its column expects it: the common case, at once
    best, back = _table(cells, kinds, roles)
    ends = range(m + 1) if last else [m]
    used = max(ends, key=lambda e: (best[n][e] - _LEFT * (m - e), e))
    if best[n][used] == _WORST or best[n][used] < 0:
        return None
    out: list[str] = []
    i = used
    for c in range(n, 0, -1):
        span = back[c][i]
        out.append("".join(cells[i - span : i]))
        i -= span
    return tuple(reversed(out)), used


def best_starts(texts: tuple[str, ...], kinds: tuple[str, ...], roles: _Roles) -> list[int]:
    """Where rows start in lines that carry no row number and no closing 属性 word: the cut
    into rows (a group heading line is a row of its own) whose fits add up best."""
    low = sum(1 for r in roles if _SPAN[r][0] > 0)
    high = min(sum(_SPAN[r][1] for r in roles), 2 * len(roles) + 2)
    m = len(texts)
    best = [_WORST] * (m + 1)
    back = [0] * (m + 1)
    best[0] = 0.0
    for i in range(1, m + 1):
        for j in range(max(0, i - high), i - min(low, 1) + 1):
            if best[j] == _WORST:
                continue
            if i - j == 1 and is_group_heading(texts[j]):
                score = 1.0
            elif i - j < low:
                continue
            else:
                score = row_fit(texts[j:i], kinds[j:i], roles)
            if score > _WORST and best[j] + score > best[i]:
                best[i], back[i] = best[j] + score, j
    end = max(range(m + 1), key=lambda e: (best[e] - _LEFT * (m - e), e))
    starts: list[int] = []
    i = end
    while i > 0:
        i = back[i]
        starts.append(i)
    return list(reversed(starts)) or [0]
