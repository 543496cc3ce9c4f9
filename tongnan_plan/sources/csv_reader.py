"""Submissions as CSV (``id,value[,unit,source,note]``), for figures that come out of spreadsheets.

The file is read into the same plain data and positions as a YAML submission, so that one set
of checks serves both: a cell's row is its line and its column the character where it starts.

    # provenance: official            <- required, before the header
    # source: 区人力社保局 统计科         <- optional; so is "# year: 2023" (else from YYYY.csv)
    id,value,unit,source,note
    urban_new_jobs,10800,人,就业统计年报,
    surveyed_unemployment_rate,5.3,,,
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import Any

from ..model.diagnostics import Diagnostic, Severity, TnplanError
from ..sources.yaml_reader import Document, Key, read_text

__all__ = ["COLUMNS", "load_csv", "parse_csv"]

COLUMNS = ("id", "value", "unit", "source", "note")
_META = re.compile(r"^#\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of one CSV line with the 1-based column where each starts (RFC 4180 quoting)."""
    cells: list[tuple[int, str]] = []
    i, n = 0, len(line)
    while True:
        start = i
        if i < n and line[i] == '"':
            i += 1
            text = []
            while i < n:
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        text.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                text.append(line[i])
                i += 1
            value = "".join(text)
            while i < n and line[i] != ",":  # anything after the closing quote is kept
                value += line[i]
                i += 1
        else:
            end = line.find(",", i)
            end = n if end < 0 else end
            value = line[i:end]
            i = end
        cells.append((start + 1, value))
        if i >= n:
            return cells
        i += 1  # the comma


def _value(text: str) -> Any:
    """A value cell as the YAML loader would give it: a number, None when empty, else text."""
    stripped = text.strip()
    if not stripped:
        return None
    if _PLAIN_NUMBER.match(stripped):
        return float(stripped)
    return stripped


def parse_csv(text: str, file: str) -> tuple[Document, list[Diagnostic]]:
    """Read a CSV submission into a Document shaped like a YAML one."""
    doc = Document(file, None)
    diagnostics: list[Diagnostic] = []
    data: dict[Key, Any] = {}
    values: dict[Key, Any] = {}
    lines = text.splitlines()
    row = 0
    while row < len(lines) and (not lines[row].strip() or lines[row].lstrip().startswith("#")):
        match = _META.match(lines[row].strip())
        if match:
            key = match["key"].lower()
            raw: Any = match["value"]
            if key == "year" and raw.isdigit():
                raw = int(raw)
            data[key] = raw
            column = lines[row].index(match["key"]) + 1
            doc.keys[(key,)] = (row + 1, column)
            doc.values[(key,)] = (row + 1, lines[row].index(":") + 2)
        row += 1
    if row >= len(lines):
        raise TnplanError(
            [
                Diagnostic(
                    file,
                    1,
                    1,
                    Severity.ERROR,
                    "empty-file",
                    "no header row (id,value,…)",
                    "",
                    "没有表头行（id,value,…）",
                )
            ]
        )
    header_row = row + 1
    header = [(column, name.strip().lower()) for column, name in _cells(lines[row])]
    names = [name for _, name in header]
    for column, name in header:
        if name not in COLUMNS:
            diagnostics.append(
                Diagnostic(
                    file,
                    header_row,
                    column,
                    Severity.ERROR,
                    "unknown-key",
                    f"unknown column {name!r}; the columns are: {', '.join(COLUMNS)}",
                    "header",
                    f"未知的列 {name!r}；可用的列：{'、'.join(COLUMNS)}",
                )
            )
    if "id" not in names or "value" not in names:
        raise TnplanError(
            [
                *diagnostics,
                Diagnostic(
                    file,
                    header_row,
                    1,
                    Severity.ERROR,
                    "missing-key",
                    "the header row must name the columns id and value (then unit, source, note)",
                    "",
                    "表头行必须有 id 和 value 两列（可再加 unit、source、note）",
                ),
            ]
        )
    stem = PurePath(file).stem
    if "year" not in data and stem.isdigit() and len(stem) == 4:
        data["year"] = int(stem)  # the file name says the year
    data["values"] = values
    doc.values[("values",)] = (header_row, 1)
    doc.keys[("values",)] = (header_row, 1)
    first_row: dict[str, int] = {}
    for index in range(row + 1, len(lines)):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        number = index + 1
        cells = _cells(line)
        record = {name: cells[i] for i, name in enumerate(names) if i < len(cells)}
        if len(cells) > len(names):
            column = cells[len(names)][0]
            diagnostics.append(
                Diagnostic(
                    file,
                    number,
                    column,
                    Severity.ERROR,
                    "extra-cells",
                    f"row has {len(cells)} cells, the header {len(names)}",
                    "",
                    f"此行有 {len(cells)} 格，表头只有 {len(names)} 列",
                )
            )
        id_column, indicator = record["id"]
        indicator = indicator.strip()
        path: tuple[Key, ...] = ("values", indicator)
        if indicator in first_row:
            diagnostics.append(
                Diagnostic(
                    file,
                    number,
                    id_column,
                    Severity.ERROR,
                    "duplicate-key",
                    f"id {indicator!r} appears again (first in row {first_row[indicator]})",
                    f"values.{indicator}",
                    f"id {indicator!r} 重复出现（第一次在第 {first_row[indicator]} 行）",
                )
            )
            continue
        first_row[indicator] = number
        doc.keys[path] = (number, id_column)
        doc.values[path] = (number, id_column)
        entry: dict[str, Any] = {}
        for name, (column, cell) in record.items():
            if name == "id" or name not in COLUMNS:
                continue
            doc.values[(*path, name)] = (number, column)
            doc.keys[(*path, name)] = (number, column)
            if name == "value":
                entry["value"] = _value(cell)
            elif cell.strip():
                entry[name] = cell.strip()
        values[indicator] = entry
    doc.data = data
    return doc, diagnostics


def load_csv(path: Path, display: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read and parse a CSV submission file (the reader sources/readers.py names for .csv)."""
    name = display or str(path)
    return parse_csv(read_text(path, name), name)
