"""Plain text and Markdown, as copied from a government web page, into the neutral form.

Tables come in three shapes: tab-separated cells, Markdown pipe tables, and one cell per line
(what copying a web table often gives). A blank line ends a paragraph; lines inside one are
joined (Chinese text has no spaces between lines).
"""

from __future__ import annotations

import re

from .document import Block, Paragraph, PlanDocument, Table, join_broken_paragraphs
from .grid import Grid, HeaderCandidate, find_grid, grid_table
from .headers import Rejected

__all__ = ["read_plain_text"]

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def read_plain_text(text: str, file: str) -> PlanDocument:
    """The blocks of a text or Markdown file, each located by its line number."""
    lines = text.splitlines()
    blocks: list[Block] = []
    rejected: list[Rejected] = []
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
        grid = find_grid(lines, i) if line.strip() else None
        if isinstance(grid, HeaderCandidate):
            rejected.append(Rejected(f"line {grid.line}", grid.cells, grid.reason))
        if isinstance(grid, Grid):
            flush()
            blocks.append(grid_table(grid))
            i = grid.end
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
    return PlanDocument(file, join_broken_paragraphs(blocks), rejected)


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
