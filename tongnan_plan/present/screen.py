"""The screen writer: a view's blocks drawn for a terminal (the `table` format), or recorded
as Rich records them (`svg`, `html`).

Every word, figure and style is the cell layer's, in the blocks; this module only lays them
out: which columns fit the width (a table's layouts, by layout.fit), how wide each column is,
and where text wraps. A heading and paragraphs are prose (wrapped between phrases), a list an
item a line; a picture is left to the formats that hold pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .layout import FittedTable, fit, styled
from .terminal import WIDE, Prose, Screen, recorded, render, text
from .view import Block, Cell, Heading, Items, Options, Paragraphs, Table, View

if TYPE_CHECKING:
    from rich.console import JustifyMethod, RenderableType
    from rich.table import Table as RichTable

__all__ = ["recording", "renderables", "screen_text"]

#: The least a column of prose is given before a table's optional columns are left out.
_PROSE_COLUMN = 14


def _blocks(view: View, lang: str) -> Sequence[Block]:
    if view.blocks is None:
        raise LookupError(f"the view {view.title!r} has nothing for people")
    return view.blocks(lang)


def _on_screen(view: View, lang: str, width: int) -> Sequence[Block]:
    """What a screen of a width shows: the view's screen blocks where it has them."""
    return view.screen(lang, width) if view.screen is not None else _blocks(view, lang)


def screen_text(view: View, options: Options) -> str:
    """The view drawn for its screen (standard output measured, or a file's plain text); a
    view whose tables a file holds as plain columns, as those columns in a file."""
    screen = (options.screen if options.screen is not None else Screen.plain()).measured()
    width = screen.width or WIDE
    blocks = _on_screen(view, options.lang, width)
    tables = [block for block in blocks if isinstance(block, Table)]
    if options.to_file and any(table.plain_in_file for table in tables):
        return "".join(_plain_columns(table) for table in tables)
    return render(renderables(blocks, width), screen)


def recording(view: View, options: Options, *, svg: bool) -> str:
    """The view as a screen WIDE columns wide shows it, recorded as SVG or an HTML page."""
    blocks = _on_screen(view, options.lang, WIDE)
    return recorded(renderables(blocks, WIDE), view.command, svg=svg)


def renderables(blocks: Sequence[Block], width: int) -> list[RenderableType]:
    """The blocks as Rich renderables for a width: paragraphs about a column only where the
    table before them shows it."""
    out: list[RenderableType] = []
    shown: Sequence[str] = ()
    edgeless = False  # a fitted table, which prose below is set off from by a blank line
    for block in blocks:
        if isinstance(block, Paragraphs) and block.column and block.column not in shown:
            continue
        if edgeless and isinstance(block, Paragraphs) and block.lines:
            out.append("")
        edgeless = False
        if isinstance(block, Heading):
            out.append(Prose(block.text, block.style))
        elif isinstance(block, Table):
            drawn, shown = _table(block, width)
            out.append(drawn)
            edgeless = bool(block.layouts)
        elif isinstance(block, Items):
            out += [text(line, block.style) for line in block.lines]
        elif isinstance(block, Paragraphs):
            out += [Prose(line, block.style) for line in block.lines]
    return out


def _table(table: Table, width: int) -> tuple[FittedTable | RichTable, Sequence[str]]:
    """The table drawn for a width, and the columns it shows."""
    return _fitted(table, width) if table.layouts else _grid(table, width)


def _fitted(table: Table, width: int) -> tuple[FittedTable, Sequence[str]]:
    """A table of layouts, fitted to the width (layout.fit): the richest layout whose rows
    fit, each name the plan's or its short one."""
    keys = table.columns
    headers = dict(zip(keys, table.headers, strict=True))
    rows = []
    for cells in table.rows:
        row = {key: cell.text for key, cell in zip(keys, cells, strict=True)}
        name = cells[keys.index("name")]
        rows.append(row | {"short_name": name.text if name.short is None else name.short})
    layouts = table.layouts
    fitted = fit(layouts[:-1], layouts[-1], rows, headers, width)
    at = [(key, keys.index(key)) for key in fitted.columns]
    drawn = [
        [Cell(name) if key == "name" else cells[i] for key, i in at]
        for cells, name in zip(table.rows, fitted.names, strict=True)
    ]
    return FittedTable(fitted, headers, drawn, table.right), fitted.columns


def _grid(table: Table, width: int) -> tuple[RichTable, Sequence[str]]:
    """A table of every column (but its optional ones, where its prose would get too little
    room): prose wraps between phrases; other cells stay on one line, or whole (a column as
    wide as its widest cell, folded only where the screen has no room)."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table as RichTable

    keys = table.columns

    def widest(i: int, empty: int = 0) -> int:
        return max((cell_len(row[i].text) for row in table.rows), default=empty)

    shown = list(range(len(keys)))
    if table.optional:
        figures = [i for i in shown if keys[i] not in table.prose]
        fixed = sum(max(cell_len(table.headers[i]), widest(i)) for i in figures)
        if width - fixed - 2 * len(shown) < _PROSE_COLUMN * (len(shown) - len(figures)):
            shown = [i for i in shown if keys[i] not in table.optional]
    title = text(table.title, table.title_style) if table.title else None
    least = min(width, cell_len(table.title)) if table.title_whole else None
    drawn = RichTable(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        min_width=least,
    )
    for i in shown:
        header, key = text(table.headers[i]), keys[i]
        if key in table.prose:
            drawn.add_column(header)
        elif table.no_wrap or table.prose:
            justify: JustifyMethod = "right" if key in table.right else "left"
            drawn.add_column(header, justify=justify, no_wrap=True, min_width=table.least.get(key))
        else:
            drawn.add_column(header, min_width=widest(i, 1), overflow="fold")
    for row in table.rows:
        drawn.add_row(
            *(Prose(row[i].text) if keys[i] in table.prose else styled(row[i]) for i in shown)
        )
    return drawn, [keys[i] for i in shown]


def _plain_columns(table: Table) -> str:
    """A table as plain columns of text (its first layout), for a file."""
    from tabulate import tabulate

    table = table.widest()
    cells = [[cell.text for cell in row] for row in table.rows]
    return (
        tabulate(cells, headers=list(table.headers), tablefmt="simple", disable_numparse=True)
        + "\n"
    )
