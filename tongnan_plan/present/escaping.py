"""Text that came from a file, made safe for the place it is shown.

Plan text, notes, sources and file names are data: on a terminal they must not move the
cursor, clear the screen or set a window title; in Markdown they must not become HTML, links
or table columns; in a workbook or a CSV file they must not become a formula; in XML (a
workbook, SVG, HTML) they must hold no character XML cannot (U+FFFE, \x01), which would make
the file unreadable. HTML pages escape through :func:`html`, Rich tables take
:class:`rich.text.Text` (see terminal.py), CSV is quoted by the csv module (see formats.py);
messages, CSV cells and workbook cells go through :func:`visible`, :func:`data_text` and
:func:`safe_workbook`, the one home of what is escaped.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell, MergedCell

__all__ = [
    "FORMULA_START",
    "code_fence",
    "data_text",
    "html",
    "markdown",
    "one_line",
    "put",
    "safe_workbook",
    "visible",
]

#: Characters a terminal would act on rather than show (escape sequences start with ESC or
#: CSI, and line breaks start a line that looks like tnplan's own), that reorder the text
#: shown (bidirectional controls), or that no XML file and no UTF-8 encoder takes (U+FFFE,
#: U+FFFF, lone surrogates): written as Python-style escapes instead.
_ANY_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAKS = re.compile("[\r\n\t\u0085\u2028\u2029]+")


@functools.cache
def _any_data() -> re.Pattern[str]:
    """As _ANY_INVISIBLE but the tab and the line ends, which a cell of a table may hold.
    Compiled on first use: a run that writes no CSV, workbook or document never needs it."""
    return re.compile(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
        "\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
    )


@functools.cache
def _markdown_special() -> re.Pattern[str]:
    """What Markdown would read as markup (compiled on first use, as _any_data)."""
    return re.compile(r"([\\`\[\]|])")


#: What a spreadsheet reads as the start of a formula when it opens a CSV file.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """text with control characters, line and paragraph separators, bidirectional controls
    and characters XML cannot hold written as escapes (``\\x1b``), so that a file name or a
    figure cannot act on a terminal."""
    # Searching first is ten times faster than substituting in text that needs nothing.
    return _ANY_INVISIBLE.sub(_escape, text) if _ANY_INVISIBLE.search(text) else text


def data_text(text: str) -> str:
    """Text for a cell of a CSV file or a workbook: as :func:`visible`, but tabs and line
    breaks kept (the cell holds them; the writer quotes them)."""
    any_data = _any_data()
    return any_data.sub(_escape, text) if any_data.search(text) else text


def put(cell: Cell | MergedCell, value: object) -> Cell | MergedCell:
    """Set a workbook cell to value, inert: text has the characters XML cannot hold escaped
    (openpyxl refuses them), and text that starts like a formula (=) is stored as text.

    Every writer of a workbook sets its cells through this function; :func:`safe_workbook`
    checks the formulas again before the file is saved.
    """
    cell.value = data_text(value) if isinstance(value, str) else value  # type: ignore[assignment]
    return _as_text(cell)


def _as_text(cell: Cell | MergedCell) -> Cell | MergedCell:
    if cell.data_type == "f":  # openpyxl took text starting with "=" for a formula
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_workbook(workbook: Workbook) -> Workbook:
    """workbook with no formula left in it, to be saved: tnplan writes no formula of its own,
    so any cell that is one holds text that came from a plan or a file."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                _as_text(cell)
    return workbook


def one_line(text: str) -> str:
    """Text for one line of a terminal: line breaks and tabs become a space, controls are
    escaped."""
    return visible(_LINE_BREAKS.sub(" ", text))


def html(text: str) -> str:
    """Text for HTML and SVG: controls escaped, then & < > " ' escaped."""
    import html as _html

    return _html.escape(visible(text))


def markdown(text: str) -> str:
    """Text for one line (or one table cell) of Markdown.

    & and < are escaped, so no tag or entity from a plan name reaches a viewer (a lone > opens
    nothing, and stays readable: ≥ and > are common in figures); backslash, backtick, brackets
    and the pipe are escaped, so no text becomes a link, a code span or a column.
    """
    escaped = one_line(text).replace("&", "&amp;").replace("<", "&lt;")
    return _markdown_special().sub(r"\\\1", escaped)


def code_fence(lines: list[str]) -> list[str]:
    """Lines as a fenced code block whose fence no line can close."""
    body = [one_line(line) for line in lines]
    longest = max((len(run) for line in body for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *body, fence]
