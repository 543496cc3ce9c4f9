"""Plain text and Markdown, as copied from a government web page, into the neutral form.

Tables come in three shapes: tab-separated cells, Markdown pipe tables, and one cell per line
(what copying a web table often gives). A blank line ends a paragraph; lines inside one are
joined (Chinese text has no spaces between lines).
"""

from __future__ import annotations

import re

from .document import Block, Paragraph, PlanDocument, Table, join_broken_paragraphs
from .headers import header_roles

__all__ = ["read_plain_text"]

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_GROUP_HEADING = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_ROW_LABEL = re.compile(r"^(\d+\s*[.．、]|其中)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def read_plain_text(text: str, file: str) -> PlanDocument:
    """The blocks of a text or Markdown file, each located by its line number."""
    lines = text.splitlines()
    blocks: list[Block] = []
    paragraph: list[str] = []
    start = 0
    i = 0

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph("".join(s.strip() for s in paragraph), f"line {start + 1}"))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        if _is_cell_row(line):
            flush()
            i = _read_grid(lines, i, blocks)
            continue
        columns = _stacked_header(lines, i)
        if columns:
            flush()
            i = _read_stacked(lines, i, columns, blocks)
            continue
        if not line.strip():
            flush()
        else:
            if not paragraph:
                start = i
            # A Markdown heading ("## 第二章 …") is a paragraph of its own, without its marks.
            heading = _MARKDOWN_HEADING.match(line)
            if heading:
                flush()
                start = i
                paragraph.append(heading.group(1))
                flush()
            else:
                paragraph.append(line)
        i += 1
    flush()
    return PlanDocument(file, join_broken_paragraphs(blocks))


def _is_cell_row(line: str) -> bool:
    stripped = line.strip()
    if "\t" in line and stripped:
        return True
    return stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1


def _cells(line: str) -> tuple[str, ...]:
    stripped = line.strip()
    if "\t" not in line and stripped.startswith("|"):
        return tuple(c.strip() for c in stripped.strip("|").split("|"))
    return tuple(c.strip() for c in line.rstrip("\r\n").split("\t"))


def _read_grid(lines: list[str], i: int, blocks: list[Block]) -> int:
    """Tab-separated or pipe rows from line i on; the index of the first line after them."""
    rows: list[tuple[str, ...]] = []
    where: list[str] = []
    first = i
    while i < len(lines) and _is_cell_row(lines[i]):
        if not _PIPE_SEPARATOR.match(lines[i].strip()):
            rows.append(_cells(lines[i]))
            where.append(f"line {i + 1}")
        i += 1
    blocks.append(Table(tuple(rows), f"line {first + 1}", tuple(where)))
    return i


def _stacked_header(lines: list[str], i: int) -> int:
    """The number of columns when an indicator table's header starts at line i, one cell a line."""
    cells: list[str] = []
    j = i
    while j < len(lines) and len(cells) < 8:
        stripped = lines[j].strip()
        if not stripped:
            if cells:
                break
            return 0
        if "\t" in lines[j] or _GROUP_HEADING.match(stripped) or _ROW_LABEL.match(stripped):
            break
        cells.append(stripped)
        j += 1
    for count in range(len(cells), 2, -1):
        if header_roles(tuple(cells[:count])) is not None:
            return count
    return 0


def _read_stacked(lines: list[str], i: int, columns: int, blocks: list[Block]) -> int:
    """A one-cell-per-line table: a header of `columns` lines, then rows that start at a label.

    A group heading (一、…) is a row of one cell; any other row takes the next columns − 1
    lines. The table ends at a blank line or at a line that cannot start a row.
    """
    first = i
    rows: list[tuple[str, ...]] = [tuple(lines[k].strip() for k in range(i, i + columns))]
    where = [f"line {i + 1}"]
    i += columns
    while i < len(lines):
        label = lines[i].strip()
        if _GROUP_HEADING.match(label) and len(label) < 30:
            rows.append((label,))
            where.append(f"line {i + 1}")
            i += 1
            continue
        if not _ROW_LABEL.match(label) or i + columns > len(lines):
            break
        cells = tuple(lines[k].strip() for k in range(i, i + columns))
        if any(not c for c in cells):
            break
        rows.append(cells)
        where.append(f"line {i + 1}")
        i += columns
    blocks.append(Table(tuple(rows), f"line {first + 1}", tuple(where)))
    return i
