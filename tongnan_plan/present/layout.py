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

import io
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from msgspec import Struct

from .cells import FULL_COLUMNS, NARROW_COLUMNS
from .terminal import has_cjk

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

__all__ = ["LAST_RESORT", "LAYOUTS", "SEPARATOR", "Fitted", "fit", "fitted_table", "name_lines"]

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
    return len(Text(name).wrap(_measuring(), width, overflow="fold"))


@cache
def _measuring() -> Console:
    """A console that only measures (wrap asks one for its tab size)."""
    from rich.console import Console

    return Console(file=io.StringIO(), color_system=None)


def _fit_one(
    columns: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    headers: Mapping[str, str],
    width: int,
) -> Fitted | None:
    from rich.cells import cell_len

    widths = {
        key: max(_header_width(headers[key]), *(cell_len(row[key]) for row in rows))
        for key in columns
        if key != "name"
    }
    name_width = width - sum(widths.values()) - SEPARATOR * (len(columns) - 1)
    if name_width < max(MIN_NAME, _header_width(headers["name"])):
        return None
    namings: list[tuple[int, int, list[str]]] = []
    for key in ("name", "short_name"):  # the plan's names, else the short ones, in every row
        names = [row[key] for row in rows]
        heights = [name_lines(name, name_width) for name in names]
        known = [h for h in heights if h is not None]
        if len(known) == len(heights):
            namings.append((max(known, default=1), sum(known), names))
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
    fitted: list[Fitted] = []
    for columns in layouts:
        candidate = _fit_one(columns, rows, headers, width)
        if candidate is not None and candidate.tallest == 1:
            return candidate  # the layouts after it are not measured at all
        if candidate is not None:
            fitted.append(candidate)
    # min keeps the first of equals: the richer layout
    best = min(fitted, key=lambda f: (max(f.tallest, MAX_ROW_LINES), f.lines), default=None)
    if best is not None and best.tallest <= MAX_ROW_LINES:
        return best
    last = _fit_one(last_resort, rows, headers, width)
    if last is not None and (best is None or last.tallest < best.tallest):
        return last
    if best is not None:
        return best
    return Fitted(tuple(last_resort), {}, tuple(r["short_name"] for r in rows), len(rows), 1)


def fitted_table(
    fitted: Fitted,
    headers: Mapping[str, str],
    cells: Sequence[Sequence[Text]],
    numeric: frozenset[str] = frozenset(),
) -> Table:
    """A Rich table laid out as fitted: every column its fitted width, only the name wrapping
    (an English header wraps between its words). cells holds each row's Text, by column."""
    from rich import box
    from rich.table import Table

    from .terminal import text

    table = Table(
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    for key in fitted.columns:
        header = text(headers[key])
        header.no_wrap = False
        table.add_column(
            header,
            justify="right" if key in numeric else "left",
            no_wrap=key != "name",
            overflow="fold" if key == "name" else "ellipsis",
            width=fitted.widths.get(key),
        )
    for row in cells:
        table.add_row(*row)
    return table
