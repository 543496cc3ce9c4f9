"""Submissions as CSV (``id,value[,unit,source,note]``), for figures that come out of spreadsheets.

The file is read into the same plain data and positions as a YAML submission, so that one set
of checks serves both: a cell's row is its line and its column the character where it starts.

    # provenance: official            <- required, before the header
    # source: 区人力社保局 统计科         <- optional; so is "# year: 2023" (else from YYYY.csv)
    id,value,unit,source,note
    urban_new_jobs,10800,人,就业统计年报,
    surveyed_unemployment_rate,5.3,,,

Quoting is RFC 4180's: a quoted cell may hold commas, doubled quotes and line breaks. Lines end
with LF, CRLF or CR, as editors count them.
"""

from __future__ import annotations

import math
import re
from pathlib import Path, PurePath
from typing import Any

from msgspec import Struct

from ..model.catalogue import Words, diagnostic
from ..model.diagnostics import Diagnostic, TnplanError
from ..model.given import typed
from ..sources.directives import note_directive
from ..sources.files import read_text
from ..sources.yaml_reader import MAX_NUMBER_LENGTH, Document, Key, is_plain_number

__all__ = ["COLUMNS", "load_csv", "parse_csv"]

COLUMNS = ("id", "value", "unit", "source", "note", "basis_change", "previous_same_basis")
#: The columns that hold a number (the rest hold text).
NUMBER_COLUMNS = frozenset({"value", "previous_same_basis"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: The columns as an unknown column's message lists them.
_COLUMNS_LISTED = Words(", ".join(COLUMNS), "、".join(COLUMNS))


class _Row(Struct):
    """One record of the file: the line it starts on and its cells (a cell may span lines)."""

    line: int
    cells: list[tuple[int, int, str]]  # line, column, text


def _split_cells(lines: list[str], index: int) -> tuple[_Row, int, int | None]:
    """The record starting at lines[index]: the row, the index after it, and the line of an
    opening quote never closed (else None)."""
    line = lines[index]
    row = _Row(index + 1, [])
    if '"' not in line:  # most rows: no quoting, so one line and a plain split
        column = 1
        for value in line.split(","):
            row.cells.append((index + 1, column, value))
            column += len(value) + 1
        return row, index + 1, None
    i = 0
    while True:
        start_line, start = index + 1, i + 1
        if i < len(line) and line[i] == '"':
            text: list[str] = []
            i += 1
            while True:
                close = line.find('"', i)
                if close < 0:  # the cell goes on past the line break
                    text.append(line[i:])
                    if index + 1 >= len(lines):
                        row.cells.append((start_line, start, "".join(text)))
                        return row, index + 1, start_line
                    text.append("\n")
                    index += 1
                    line, i = lines[index], 0
                    continue
                text.append(line[i:close])
                if line.startswith('"', close + 1):  # a doubled quote
                    text.append('"')
                    i = close + 2
                    continue
                i = close + 1
                break
            end = line.find(",", i)
            end = len(line) if end < 0 else end
            text.append(line[i:end])  # anything after the closing quote is kept
            value = "".join(text)
            i = end
        else:
            end = line.find(",", i)
            end = len(line) if end < 0 else end
            value = line[i:end]
            i = end
        row.cells.append((start_line, start, value))
        if i >= len(line):
            return row, index + 1, None
        i += 1  # the comma


def _comment(line: str) -> tuple[str, int] | None:
    """A comment line's text from ``#`` on, and the index where it starts in the line.

    As spreadsheets save one: padded with commas (``# provenance: official,,,,``), or in a
    quoted cell (``"# source: 区人力社保局, 统计科",,,``) when the comment holds a comma.
    """
    start = len(line) - len(line.lstrip())
    if line.startswith("#", start):
        return line[start:].rstrip().rstrip(",").rstrip(), start
    if line.startswith('"#', start):
        record, _, unclosed = _split_cells([line], 0)
        (_, column, text), *rest = record.cells
        if unclosed is None and not any(cell.strip() for _, _, cell in rest):
            return text.rstrip(), column  # the cell's text starts after its quote
    return None


def _skipped(line: str) -> bool:
    """A blank line (spreadsheets save an empty row as commas) or a comment: no row."""
    stripped = line.strip()
    return not stripped.strip(",") or _comment(line) is not None


def _meta(line: str) -> tuple[str, str, int, int] | None:
    """``# key: value`` before the header: key, value and the columns where each starts."""
    found = _comment(line)
    if found is None:
        return None
    text, offset = found
    colon = text.find(":")
    if colon < 0:
        return None
    key = text[1:colon].strip()
    if not key or not all(c.isascii() and (c.isalpha() or c == "_") for c in key):
        return None
    key_column = offset + text.index(key) + 1
    value = text[colon + 1 :].strip()
    value_column = offset + (text.find(value, colon + 1) if value else colon + 1) + 1
    return key.lower(), value, key_column, value_column


def _too_long(file: str, line: int, column: int, text: str) -> Diagnostic:
    length = f"{len(text):,}"
    return diagnostic(
        "not-a-number", file, line, column, form="too-long", length=length, limit=MAX_NUMBER_LENGTH
    )


def _digits(text: str) -> bool:
    """ASCII digits only (str.isdigit also takes ² and other digits int() refuses)."""
    return text.isascii() and text.isdigit()


class _Reader:
    """Reads one CSV submission into a Document, collecting diagnostics."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.lines = _LINE_BREAK.split(text)
        if self.lines and self.lines[-1] == "":
            self.lines.pop()  # the line break that ends the last line
        self.doc = Document(file, None)
        self.data: dict[Key, Any] = {}
        self.values: dict[Key, Any] = {}
        self.diagnostics: list[Diagnostic] = []
        self.fatal: list[Diagnostic] = []

    def read(self) -> tuple[Document, list[Diagnostic]]:
        row = self._metadata()
        names = self._header(row)
        stem = PurePath(self.file).stem
        if "year" not in self.data and _digits(stem) and len(stem) == 4:
            self.data["year"] = int(stem)  # the file name says the year
        self.data["values"] = self.values
        self.doc.values[("values",)] = self.doc.keys[("values",)] = (row + 1, 1)
        index = row + 1
        first_row: dict[str, int] = {}
        while index < len(self.lines):
            if _skipped(self.lines[index]):
                index += 1
                continue
            record, index, unclosed = _split_cells(self.lines, index)
            if unclosed is not None:
                at = record.cells[-1][1]
                self.diagnostics.append(diagnostic("csv-syntax", self.file, unclosed, at))
            self._row(record, names, first_row)
        if self.fatal:
            raise TnplanError([*self.diagnostics, *self.fatal])
        self.doc.data = self.data
        return self.doc, self.diagnostics

    def _metadata(self) -> int:
        """Read the ``# key: value`` lines before the header; the index of the header line."""
        row = 0
        while row < len(self.lines) and _skipped(self.lines[row]):
            found = _meta(self.lines[row])
            if found:
                key, raw, key_column, value_column = found
                value: Any = raw
                if key == "year" and _digits(raw):
                    if len(raw) > MAX_NUMBER_LENGTH:
                        self.fatal.append(_too_long(self.file, row + 1, value_column, raw))
                    else:
                        value = int(raw)
                self.data[key] = value
                self.doc.keys[(key,)] = (row + 1, key_column)
                self.doc.values[(key,)] = (row + 1, value_column)
            row += 1
        if row >= len(self.lines):
            raise TnplanError(
                [
                    *self.fatal,
                    diagnostic("empty-file", self.file, 1, 1, form="no-header"),
                ]
            )
        return row

    def _header(self, row: int) -> list[str]:
        """The column names, each problem with them reported; id and value are required."""
        record, _, _ = _split_cells([self.lines[row]], 0)
        cells = record.cells
        while len(cells) > 1 and not cells[-1][2].strip():
            cells = cells[:-1]  # the empty columns a spreadsheet saves after the last
        names: list[str] = []
        seen: dict[str, int] = {}
        for _, column, cell in cells:
            name = cell.strip().lower()
            names.append(name)
            if name not in COLUMNS:
                self.diagnostics.append(
                    diagnostic(
                        "unknown-key",
                        self.file,
                        row + 1,
                        column,
                        form="column",
                        data_path="header",
                        key=name,
                        columns=_COLUMNS_LISTED,
                    )
                )
            elif name in seen:
                self.diagnostics.append(
                    diagnostic(
                        "duplicate-key",
                        self.file,
                        row + 1,
                        column,
                        form="column",
                        data_path="header",
                        key=name,
                        first=seen[name],
                    )
                )
            else:
                seen[name] = column
        if "id" not in seen or "value" not in seen:
            raise TnplanError(
                [
                    *self.fatal,
                    *self.diagnostics,
                    diagnostic("missing-key", self.file, row + 1, 1, form="header"),
                ]
            )
        return names

    def _row(self, record: _Row, names: list[str], first_row: dict[str, int]) -> None:
        cells = record.cells
        while len(cells) > len(names) and not cells[-1][2].strip():
            cells = cells[:-1]  # empty cells past the header's columns, as spreadsheets pad
        number = record.line
        found: dict[str, tuple[int, int, str]] = {}
        for name, cell in zip(names, cells, strict=False):
            found.setdefault(name, cell)  # a column named twice: the first is read
        if len(cells) > len(names):
            line, column, _ = cells[len(names)]
            self.diagnostics.append(
                diagnostic(
                    "extra-cells", self.file, line, column, cells=len(cells), columns=len(names)
                )
            )
        if "id" not in found:
            line, column, _ = cells[-1]
            where = names.index("id") + 1
            self.diagnostics.append(
                diagnostic(
                    "missing-key",
                    self.file,
                    line,
                    column,
                    form="no-id",
                    cells=len(cells),
                    column=where,
                )
            )
            return
        _, id_column, indicator = found["id"]
        indicator = indicator.strip()
        path: tuple[Key, ...] = ("values", indicator)
        if indicator in first_row:
            self.diagnostics.append(
                diagnostic(
                    "duplicate-key",
                    self.file,
                    number,
                    id_column,
                    form="id",
                    data_path=f"values.{indicator}",
                    key=indicator,
                    first=first_row[indicator],
                )
            )
            return
        first_row[indicator] = number
        self.doc.keys[path] = self.doc.values[path] = (number, id_column)
        self.values[indicator] = self._entry(found, path, number)

    def _entry(
        self, found: dict[str, tuple[int, int, str]], path: tuple[Key, ...], number: int
    ) -> dict[str, Any]:
        """The indicator's entry from its row's cells other than id, recording where each is."""
        entry: dict[str, Any] = {}
        for name, (line, column, text) in found.items():
            if name == "id" or name not in COLUMNS:
                continue
            cell_path = (*path, name)
            self.doc.values[cell_path] = self.doc.keys[cell_path] = (line, column)
            if name in NUMBER_COLUMNS:
                number_given = self._value(text, (*path, name), line, column)
                if name == "value" or number_given is not None:
                    entry[name] = number_given
            elif text.strip():
                entry[name] = text.strip()
                codes = note_directive(text) if name == "note" else None
                if codes is not None:
                    self.doc.suppressions[number] = (codes, column)
        return entry

    def _value(self, text: str, path: tuple[Key, ...], line: int, column: int) -> Any:
        """A value cell as the YAML loader would give it: a number, None when empty, else text."""
        stripped = text.strip()
        if not stripped:
            return None
        if not is_plain_number(stripped):
            return stripped
        if len(stripped) > MAX_NUMBER_LENGTH:
            self.fatal.append(_too_long(self.file, line, column, stripped))
            return None
        number = float(stripped)
        if not math.isfinite(number):  # beyond a float: handed on as text, as YAML does
            self.doc.quirks[path] = ("number-as-text", stripped)
            return stripped
        return typed(stripped, number)  # 5.450 keeps its zero (model/given.py)


def parse_csv(text: str, file: str) -> tuple[Document, list[Diagnostic]]:
    """Read a CSV submission into a Document shaped like a YAML one."""
    return _Reader(text, file).read()


def load_csv(path: Path, display: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read and parse a CSV submission file (the reader sources/readers.py names for .csv)."""
    name = display or str(path)
    return parse_csv(read_text(path, name), name)
