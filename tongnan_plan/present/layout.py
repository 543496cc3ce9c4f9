"""How a table fits a screen: which columns, how wide, and which names, chosen by measuring
the cells rather than by fixed breakpoints (the status table; the catalogue likewise).

The candidates run from every column to the fewest; the first in which every row takes one
line wins, else the one whose rows take the fewest lines, none taking more than two. A table
shows the plan's names where they take no more lines than the short ones (``short_name`` in
the plan file, else the name), and the short ones in every row where they take fewer. Words
of English are never split: the name column is at least as wide as the longest.
Every cell but the name stays on one line, so a status word is never cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from .cells import FULL_COLUMNS, NARROW_COLUMNS
from .escaping import one_line
from .terminal import has_cjk, measuring, plain_cell, text

if TYPE_CHECKING:
    from rich.console import OverflowMethod
    from rich.table import Table
    from rich.text import Text

    from .view import Cell

__all__ = [
    "LAST_RESORT",
    "LAYOUTS",
    "SEPARATOR",
    "Fitted",
    "FittedTable",
    "cell_text",
    "fit",
    "name_lines",
    "styled",
]

#: The candidate layouts, richest first.
LAYOUTS: tuple[tuple[str, ...], ...] = (
    FULL_COLUMNS,
    ("name", "unit", "baseline", "target", "latest", "year", "completion", "judged_bar", "status"),
    NARROW_COLUMNS,
    ("name", "target_unit", "latest", "year", "judged", "status"),
)
#: Only for a screen too narrow for any of LAYOUTS (under about 70 columns): no target.
LAST_RESORT = ("name", "latest", "year", "judged", "status")
#: Cells between two columns (the table's rule character and one of padding).
SEPARATOR = 2
MAX_ROW_LINES = 2
#: Below this the name column is no column at all.
MIN_NAME = 8


class Fitted(Struct, frozen=True):
    """A layout fitted to a width: its columns and their widths, the name shown on each row,
    the lines the rows take, and the most any one row takes."""

    columns: tuple[str, ...]
    widths: dict[str, int]
    names: tuple[str, ...]
    lines: int
    tallest: int


def _header_width(header: str) -> int:
    """The narrowest a header may be: an English one wraps between its words, so its longest
    word; a Chinese one is kept whole."""
    from rich.cells import cell_len

    if has_cjk(header) or not header.strip():
        return cell_len(header)
    return max(cell_len(word) for word in header.split())


def name_lines(name: str, width: int) -> int | None:
    """The lines a name takes in a column this wide, as Rich wraps it; None where a word of
    English would be split (Chinese may break between any two characters)."""
    from rich.cells import cell_len
    from rich.text import Text

    for word in name.split():
        if not has_cjk(word) and cell_len(word) > width:
            return None
    if not name.isprintable():  # a control Rich strips, a tab it expands, a line break
        return len(Text(name).wrap(measuring(), width, overflow="fold"))
    if cell_len(name) <= width:
        return 1
    if " " in name:
        return len(Text(name).wrap(measuring(), width, overflow="fold"))
    return _folded_lines(name, width)


def _folded_lines(word: str, width: int) -> int:
    """The lines Rich folds a word (no space in it) into at a width it is wider than: a line
    at each piece rich.cells.chop_cells cuts it into but the first, that starts past the
    word's start (as rich._wrap.divide_line breaks it)."""
    from rich.cells import chop_cells

    lines, start = 1, 0
    for piece in chop_cells(word, width):
        if start:
            lines += 1
        start += len(piece)
    return lines


class _Measures:
    """The table's measures, each taken once however many layouts ask: a column's width
    (its widest cell, or its header's least), and the lines of every row's name (the plan's
    or the short one) at a width."""

    __slots__ = ("_heights", "_widths", "headers", "rows")

    def __init__(self, rows: Sequence[Mapping[str, str]], headers: Mapping[str, str]) -> None:
        self.rows = rows
        self.headers = headers
        self._widths: dict[str, int] = {}
        self._heights: dict[tuple[str, int], list[int | None]] = {}

    def width(self, key: str) -> int:
        if key not in self._widths:
            from rich.cells import cell_len

            cells = (cell_len(row[key]) for row in self.rows)
            self._widths[key] = max([_header_width(self.headers[key]), *cells])
        return self._widths[key]

    def heights(self, key: str, width: int) -> list[int | None]:
        if (key, width) not in self._heights:
            self._heights[key, width] = [name_lines(row[key], width) for row in self.rows]
        return self._heights[key, width]


def _fit_one(columns: Sequence[str], measures: _Measures, width: int) -> Fitted | None:
    from rich.cells import cell_len

    headers, rows = measures.headers, measures.rows
    widths = {key: measures.width(key) for key in columns if key != "name"}
    name_width = width - sum(widths.values()) - SEPARATOR * (len(columns) - 1)
    if name_width < max(MIN_NAME, _header_width(headers["name"])):
        return None
    namings: list[tuple[int, int, list[str]]] = []
    for key in ("name", "short_name"):  # the plan's names, else the short ones, in every row
        heights = measures.heights(key, name_width)
        known = [h for h in heights if h is not None]
        if len(known) == len(heights):
            namings.append((max(known, default=1), sum(known), [row[key] for row in rows]))
    if not namings:
        return None
    tallest, lines, names = min(namings, key=lambda n: n[:2])  # the plan's, where as good
    widest = max((cell_len(name) for name in names), default=0)
    widths["name"] = min(name_width, max(widest, _header_width(headers["name"])))
    return Fitted(tuple(columns), widths, tuple(names), lines, tallest)


def fit(
    layouts: Sequence[Sequence[str]],
    last_resort: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    headers: Mapping[str, str],
    width: int,
) -> Fitted:
    """The first layout whose rows take one line each, else the one taking the fewest lines
    with no row over two; on a screen too narrow for that, the last resort if its rows are
    less tall, else the least tall; where nothing leaves room for names, the last resort
    with its widths left to Rich."""
    measures = _Measures(rows, headers)
    fitted: list[Fitted] = []
    for columns in layouts:
        candidate = _fit_one(columns, measures, width)
        if candidate is not None and candidate.tallest == 1:
            return candidate  # the layouts after it are not measured at all
        if candidate is not None:
            fitted.append(candidate)
    # min keeps the first of equals: the richer layout
    best = min(fitted, key=lambda f: (max(f.tallest, MAX_ROW_LINES), f.lines), default=None)
    if best is not None and best.tallest <= MAX_ROW_LINES:
        return best
    last = _fit_one(last_resort, measures, width)
    if last is not None and (best is None or last.tallest < best.tallest):
        return last
    if best is not None:
        return best
    return Fitted(tuple(last_resort), {}, tuple(r["short_name"] for r in rows), len(rows), 1)


class FittedTable:
    """A table laid out as fitted, drawn as Rich draws it: every column its fitted width, only
    the name wrapping (an English header wraps between its words). rows holds each row's
    cells, by column; numeric names the columns aligned right.

    Rich draws it where it shows styles (a terminal's colours, an SVG or HTML recording);
    without styles, :meth:`plain_text` draws the same characters by the table's own arithmetic,
    without Rich's measuring and segments (a test holds the two the same)."""

    __slots__ = ("fitted", "headers", "numeric", "rows")

    def __init__(
        self,
        fitted: Fitted,
        headers: Mapping[str, str],
        rows: Sequence[Sequence[Cell]],
        numeric: frozenset[str] = frozenset(),
    ) -> None:
        self.fitted = fitted
        self.headers = headers
        self.rows = rows
        self.numeric = numeric

    def __rich__(self) -> Table:
        """The Rich table."""
        from rich import box
        from rich.table import Table

        table = Table(
            header_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            collapse_padding=True,
        )
        for key in self.fitted.columns:
            header = text(self.headers[key])
            header.no_wrap = False
            table.add_column(
                header,
                justify="right" if key in self.numeric else "left",
                no_wrap=key != "name",
                overflow="fold" if key == "name" else "ellipsis",
                width=self.fitted.widths.get(key),
            )
        for row in self.rows:
            table.add_row(*(styled(cell) for cell in row))
        return table

    def plain_text(self, width: int) -> str | None:
        """The table as Rich draws it without styles on a screen this wide: each row's lines,
        columns SEPARATOR apart, the header's rule under it. None where Rich would draw it
        otherwise than as fitted (a column without a width, or wider than the screen lets
        it be, or a cell wider than its column that may not wrap)."""
        keys = self.fitted.columns
        widths = [self.fitted.widths.get(key, 0) for key in keys]
        drawn = sum(widths) + SEPARATOR * (len(keys) - 1)
        if not keys or min(widths) < 1 or drawn > width:
            return None
        lines = _plain_row([self.headers[key] for key in keys], keys, widths, self.numeric, True)
        if lines is None:
            return None
        lines.append("─" * drawn)
        for row in self.rows:
            cells = [cell_text(cell) for cell in row]
            more = _plain_row(cells, keys, widths, self.numeric, False)
            if more is None:
                return None
            lines += more
        return "".join(f"{line}\n" for line in lines)


def _plain_row(
    cells: Sequence[str],
    keys: Sequence[str],
    widths: Sequence[int],
    numeric: frozenset[str],
    header: bool,
) -> list[str] | None:
    """A row's lines without styles: each cell's lines (a header's at the bottom of the
    row, any other's at the top), SEPARATOR spaces between cells; None where only Rich
    knows how a cell is drawn."""
    drawn: list[list[str]] = []
    for value, key, width in zip(cells, keys, widths, strict=True):
        wraps = header or key == "name"
        overflow: OverflowMethod = "fold" if key == "name" else "ellipsis"
        lines = plain_cell(one_line(value), width, key in numeric, wraps, overflow)
        if lines is None:
            return None
        drawn.append(lines)
    height = max(len(lines) for lines in drawn)
    for cell, width in zip(drawn, widths, strict=True):
        blank = [" " * width] * (height - len(cell))
        if header:
            cell[:0] = blank  # a header sits at the bottom of its row
        else:
            cell.extend(blank)
    gap = " " * SEPARATOR
    return [gap.join(cell[i] for cell in drawn) for i in range(height)]


def styled(cell: Cell) -> Text:
    """A cell as Rich text: its runs, each in its style, else its text in its style."""
    if not cell.runs:
        return text(cell.text, cell.style)
    shown = text("")
    for run, style in cell.runs:
        shown += text(run, style)
    return shown


def cell_text(cell: Cell) -> str:
    """The characters :func:`styled` gives a cell, without its styles."""
    if not cell.runs:
        return one_line(cell.text)
    return "".join(one_line(run) for run, _ in cell.runs)
