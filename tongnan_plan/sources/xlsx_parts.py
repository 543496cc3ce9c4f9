"""A workbook's zip parts, read under bounds before the native reader sees them.

python-calamine is fast, but it trusts what a file says: a cell at XFD1048576 makes it
allocate the whole sheet (the process aborts), and a shared-string table that claims four
billion entries does the same. So everything it would be handed is measured here first, by
streaming, never by the sizes and counts a file declares: every part is inflated (and its
CRC checked) under a cap on the bytes it really unpacks to, the sheet's cells are counted and
its furthest cell found, and the shared strings are counted.

The same pass finds the formulas whose result was never saved, and the sheets' names and
states (a second 填报, or one made "very hidden", is said, never read silently).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO, Any, Literal

from msgspec import Struct, field

from ..model.catalogue import phrase
from .archive import MAX_MEMBERS, Bounds
from .archive import inflated_size as unpacked

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMN",
    "MAX_MEMBERS",
    "MAX_ROW",
    "MAX_STRINGS",
    "MAX_UNPACKED",
    "Bounds",
    "Formula",
    "SheetEntry",
    "SheetScan",
    "cell_position",
    "column_letter",
    "inflated_size",
    "scan_sheet",
    "sheet_entries",
    "sheet_member",
    "string_count",
]

#: A workbook unpacks to at most this many bytes, counted as its parts inflate (see archive.py)…
MAX_UNPACKED = 64 * 1024 * 1024
#: … and its sheet spans at most this many cells from A1 to its furthest cell (rows × columns):
#: a submission needs a few hundred; the 10,000-indicator plan's template some 70,000, and
#: scanning the most allowed takes a few seconds.
MAX_CELLS = 200_000
#: … and at most this many shared strings.
MAX_STRINGS = MAX_CELLS
#: The furthest cell Excel itself allows: XFD1048576.
MAX_COLUMN = 16_384
MAX_ROW = 1_048_576


def inflated_size(archive: zipfile.ZipFile) -> int:
    """The bytes the workbook's parts really unpack to; Bounds past MAX_UNPACKED."""
    return unpacked(archive, MAX_UNPACKED)


def cell_position(ref: str) -> tuple[int, int]:
    """``E7`` as (row 7, column 5); Bounds for a reference beyond XFD1048576 or malformed."""
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3 or len(digits) > 7:
        raise _beyond(ref)
    column = 0
    for char in letters.upper():
        column = column * 26 + ord(char) - ord("A") + 1
    row = int(digits or 0)
    if column > MAX_COLUMN or row > MAX_ROW or (digits and row < 1):
        raise _beyond(ref)
    return row, column


def _beyond(ref: str) -> Bounds:
    shown = ref[:20] + ("…" if len(ref) > 20 else "")
    return Bounds(phrase("bounds.no-cell", ref=shown))


class Formula(Struct, frozen=True):
    """A formula cell the sheet's saved results do not give a number for."""

    text: str
    #: The error value it gave (#DIV/0!), or None when no result was saved at all.
    error: str | None


class SheetScan(Struct):
    """What one streaming pass over a sheet's XML found."""

    #: Formulas without a saved number, by (row, column).
    formulas: dict[tuple[int, int], Formula] = field(default_factory=dict)
    #: Cells whose saved value is an error constant typed in (#N/A), by (row, column).
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    cells: int = 0
    rows: int = 0
    columns: int = 0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_Event = Literal["start", "end"]


def xml_events(stream: IO[bytes], events: tuple[_Event, ...]) -> Iterator[tuple[str, Any]]:
    """ElementTree's events, refusing a document type (no part has one; entities could)."""
    from xml.etree.ElementTree import iterparse

    head = stream.peek(2048)[:2048] if hasattr(stream, "peek") else b""
    if b"<!DOCTYPE" in head:
        raise ValueError("a document type declaration")
    yield from iterparse(stream, events=events)


def column_letter(column: int) -> str:
    """A 1-based column number as a spreadsheet names it: 1 A, 5 E, 27 AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _extent(scan: SheetScan, row: int, column: int, *, declared: bool = False) -> None:
    rows, columns = max(scan.rows, row), max(scan.columns, column)
    if rows * columns > MAX_CELLS:
        corner = f"{column_letter(columns)}{rows}"
        how = phrase("extent.declared") if declared else phrase("extent.spans")
        limit = f"{MAX_CELLS:,}"
        raise Bounds(phrase("bounds.cells", how=how, corner=corner, limit=limit))
    if not declared:
        scan.rows, scan.columns = rows, columns


def _declared(ref: str | None, scan: SheetScan) -> None:
    """The sheet's <dimension>: its far corner is held to the same bound as the cells."""
    if ref:
        _extent(scan, *cell_position(ref.split(":")[-1].replace("$", "")), declared=True)


def scan_sheet(stream: IO[bytes]) -> SheetScan:
    """Count the sheet's cells and find its furthest one, in one bounded streaming pass."""
    scan = SheetScan()
    row = column = 0
    for event, element in xml_events(stream, ("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                row = int(element.get("r") or row + 1)
                if not 0 < row <= MAX_ROW:
                    raise _beyond(f"row {row}")
                column = 0
            elif tag == "c":
                ref = element.get("r")
                row, column = cell_position(ref) if ref else (row, column + 1)
                scan.cells += 1
                _extent(scan, max(row, 1), column)
            elif tag == "dimension":
                _declared(element.get("ref"), scan)
            continue
        if tag == "c":
            _cell_end(element, row, column, scan)
            element.clear()
        elif tag == "row":
            element.clear()
    return scan


def _cell_end(element: Any, row: int, column: int, scan: SheetScan) -> None:
    parts = {_local(child.tag): child for child in element}
    formula, value = parts.get("f"), parts.get("v")
    saved = None if value is None else (value.text or "")
    if formula is not None and not saved:
        scan.formulas[(row, column)] = Formula("=" + (formula.text or "…"), None)
    elif formula is not None and element.get("t") == "e":
        scan.formulas[(row, column)] = Formula("=" + (formula.text or "…"), saved)
    elif element.get("t") == "e" and saved:
        scan.errors[(row, column)] = saved


def string_count(archive: zipfile.ZipFile) -> None:
    """Bounds when the shared strings are, or claim to be, more than MAX_STRINGS."""
    names = [n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")]
    for name in names:
        count = 0
        with archive.open(name) as stream:
            for event, element in xml_events(stream, ("start", "end")):
                tag = _local(element.tag)
                if event == "start" and tag == "sst":
                    claimed = [element.get("count"), element.get("uniqueCount")]
                    _strings(max(_whole(c) for c in claimed))
                elif event == "end" and tag == "si":
                    count += 1
                    _strings(count)
                    element.clear()


def _whole(text: str | None) -> int:
    text = (text or "0").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 20 else MAX_STRINGS + 1


def _strings(count: int) -> None:
    if count > MAX_STRINGS:
        raise Bounds(phrase("bounds.strings", limit=f"{MAX_STRINGS:,}"))


class SheetEntry(Struct, frozen=True):
    """A sheet as the workbook lists it: its name, state (visible, hidden, veryHidden), and
    relationship id."""

    name: str
    state: str
    rel: str | None


def sheet_entries(archive: zipfile.ZipFile) -> list[SheetEntry]:
    """The workbook's list of sheets, in order."""
    entries = []
    with archive.open("xl/workbook.xml") as stream:
        for _, element in xml_events(stream, ("end",)):
            if _local(element.tag) == "sheet":
                rel = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                state = element.get("state") or "visible"
                entries.append(SheetEntry(element.get("name") or "", state, rel))
                if len(entries) > MAX_MEMBERS:
                    raise Bounds(phrase("bounds.sheets"))
    return entries


def sheet_member(archive: zipfile.ZipFile, rel: str | None) -> str | None:
    """The archive path of a sheet (xl/worksheets/sheetN.xml) by its relationship id."""
    if rel is None or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return None
    with archive.open("xl/_rels/workbook.xml.rels") as stream:
        for _, element in xml_events(stream, ("end",)):
            if _local(element.tag) == "Relationship" and element.get("Id") == rel:
                target = element.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None
