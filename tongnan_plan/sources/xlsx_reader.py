"""Submissions as workbooks (.xlsx), as `tnplan new --format xlsx` writes them and clerks fill
them in with Excel or WPS.

The sheet 填报 holds the year, the provenance and the source above a header row (a label in
column A, its value in column B), then a row per indicator: id, name, unit, kind, the value
cell, source and note. Columns are found by their header, in Chinese or as the CSV names them
(id, value, unit, source, note), so a workbook laid out by hand is read too. A value cell left
empty is a figure not reported (missing, not zero): a workbook's rows are fixed.

Cells are read by python-calamine (fast, and it reads the results saved with formulas). What it
cannot tell, a formula whose result was never saved (openpyxl writes them so) or whose result
is an error, is found in the sheet's XML. A problem is located by cell (``填报!E7``): the
document's line and column are the cell's row and column numbers.
"""

from __future__ import annotations

import datetime
import io
import math
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import IO, Any, ClassVar, Literal

from ..model.catalogue import Words, diagnostic, render, shorten
from ..model.diagnostics import Diagnostic, TnplanError
from .directives import note_directive
from .files import read_bytes
from .yaml_reader import MAX_NUMBER_LENGTH, Document, Key, is_plain_number

__all__ = [
    "COLUMNS",
    "HEADER_ROW",
    "INSTRUCTIONS_SHEET",
    "META",
    "SHEET",
    "WorkbookDocument",
    "column_letter",
    "load_xlsx",
    "parse_xlsx",
]

#: The sheet of the figures, and the sheet of instructions, as the template names them.
SHEET = "填报"
INSTRUCTIONS_SHEET = "填表说明"
#: The template's columns in order: (key, header). Only value, source and note are filled in.
COLUMNS = (
    ("id", "指标id"),
    ("name", "指标名称"),
    ("unit", "单位"),
    ("kind", "类型"),
    ("value", "数值"),
    ("source", "来源"),
    ("note", "备注"),
)
#: The cells above the table: (key, label in column A); the value is in column B.
META = (("year", "年份"), ("provenance", "数据性质"), ("source", "数据来源"), ("tier", "指标层级"))
#: The row of the template's header; the reader finds it by its labels wherever it is.
HEADER_ROW = 6
#: Headers the reader takes for each key it reads (the CSV's names too).
_HEADERS = {header: key for key, header in COLUMNS if key not in ("name", "kind")} | {
    key: key for key in ("id", "value", "unit", "source", "note")
}
_LABELS = {label: key for key, label in META} | {key: key for key, _ in META}
#: How far down the header row is looked for.
_HEADER_WITHIN = 50
#: A workbook unpacks to at most this many bytes (a zip of a few MiB can unpack to gigabytes)…
MAX_UNPACKED = 64 * 1024 * 1024
#: … holds at most this many parts, and its sheet at most this many cells.
MAX_MEMBERS = 10_000
MAX_CELLS = 2_000_000

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def column_letter(column: int) -> str:
    """A 1-based column number as a spreadsheet names it: 1 A, 5 E, 27 AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_position(ref: str) -> tuple[int, int]:
    """``E7`` as (row 7, column 5)."""
    letters = ref.rstrip("0123456789")
    column = 0
    for char in letters.upper():
        column = column * 26 + ord(char) - ord("A") + 1
    return int(ref[len(letters) :] or 0), column


@dataclass
class WorkbookDocument(Document):
    """A submission read from a sheet: its lines and columns are the rows and columns of
    cells, shown as ``填报!E7``."""

    sheet: str = SHEET

    #: A workbook's unit cells are the template's: a slip is fixed by the figure alone.
    units_stated: ClassVar[bool] = False

    def cell(self, line: int, column: int) -> str:
        return f"{self.sheet}!{column_letter(column)}{line}"


def _not_a_workbook(name: str, en: str, zh: str) -> TnplanError:
    return TnplanError([diagnostic("not-a-workbook", name, 1, 1, problem=Words(en, zh))])


def _what_it_is(raw: bytes, name: str) -> TnplanError:
    """Why bytes that are not a zip archive are no workbook: what they look like instead."""
    if raw.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in raw:
            return _not_a_workbook(
                name,
                "is protected by a password (encrypted): save a copy without the password",
                "文件设置了打开密码（已加密）：请另存一份不设密码的副本",
            )
        return _not_a_workbook(
            name,
            "is an Excel 97-2003 workbook (.xls) named .xlsx: save it as an Excel workbook (.xlsx)",
            "这是 Excel 97-2003 工作簿（.xls），只是扩展名为 .xlsx：请另存为 Excel 工作簿（.xlsx）",
        )
    try:
        raw[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return _not_a_workbook(
            name,
            "is not a workbook: an .xlsx file is a zip archive, and this is not one",
            "不是工作簿：.xlsx 文件是 zip 压缩包，而此文件不是",
        )
    return _not_a_workbook(
        name,
        "is text, not a workbook: a CSV file is read when it is named .csv",
        "这是文本文件，不是工作簿：CSV 文件请以 .csv 为扩展名",
    )


def _open_archive(raw: bytes, name: str) -> zipfile.ZipFile:
    """The workbook's zip archive, refused when damaged, of something else, or too large."""
    if not raw.startswith(_ZIP):
        raise _what_it_is(raw, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _not_a_workbook(
            name,
            f"is damaged: not a complete zip archive ({exc})",
            f"文件已损坏：不是完整的 zip 压缩包（{exc}）",
        ) from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED or len(members) > MAX_MEMBERS:
        size = Words(f"{unpacked:,} (unpacked)", f"{unpacked:,}（解压后）")
        too_large = diagnostic("file-too-large", name, 1, 1, size=size, limit=f"{MAX_UNPACKED:,}")
        raise TnplanError([too_large])
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        kind = _other_archive(names)
        raise _not_a_workbook(
            name,
            f"is a zip archive but not an Excel workbook{kind.en}: save the figures as .xlsx",
            f"是 zip 压缩包，但不是 Excel 工作簿{kind.zh}：请把数据另存为 .xlsx",
        )
    return archive


def _other_archive(names: set[str]) -> Words:
    if "word/document.xml" in names:
        return Words(" (a Word document)", "（而是 Word 文档）")
    if "ppt/presentation.xml" in names:
        return Words(" (a PowerPoint file)", "（而是 PowerPoint 文件）")
    if "content.xml" in names:
        return Words(" (an OpenDocument file)", "（而是 OpenDocument 文件）")
    return Words("", "")


def _sheet_rows(raw: bytes, name: str) -> list[list[Any]]:
    """The cells of the sheet 填报, row by row from A1, as python-calamine reads them."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        if SHEET not in workbook.sheet_names:
            shown = ", ".join(repr(shorten(sheet)) for sheet in workbook.sheet_names) or "—"
            raise TnplanError([diagnostic("missing-sheet", name, 1, 1, sheet=SHEET, sheets=shown)])
        sheet = workbook.get_sheet_by_name(SHEET)
        if sheet.total_height * max(sheet.total_width, 1) > MAX_CELLS:
            raise _not_a_workbook(
                name,
                f"the sheet {SHEET} spans more than {MAX_CELLS:,} cells; a submission needs a"
                " few hundred",
                f"工作表 {SHEET} 超过 {MAX_CELLS:,} 个单元格；报送只需几百个",
            )
        return sheet.to_python(skip_empty_area=False)
    except TnplanError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic (pyo3's PanicException) is no Exception
        raise _not_a_workbook(
            name,
            f"is damaged: its sheets cannot be read ({shorten(str(exc), 80)})",
            f"文件已损坏，无法读取工作表（{shorten(str(exc), 80)}）",
        ) from None


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula cell the sheet's saved results do not give a number for."""

    text: str
    #: The error value it gave (#DIV/0!), or None when no result was saved at all.
    error: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_Event = Literal["start", "end"]


def _xml_events(stream: IO[bytes], events: tuple[_Event, ...]) -> Iterator[tuple[str, Any]]:
    """ElementTree's events, refusing a document type (no sheet has one; entities could)."""
    from xml.etree.ElementTree import iterparse

    head = stream.peek(2048)[:2048] if hasattr(stream, "peek") else b""
    if b"<!DOCTYPE" in head:
        raise ValueError("a document type declaration")
    yield from iterparse(stream, events=events)


def _sheet_member(archive: zipfile.ZipFile) -> str | None:
    """The archive path of the sheet 填报 (xl/worksheets/sheetN.xml), from the workbook's
    list of sheets and its relationships."""
    wanted = None
    with archive.open("xl/workbook.xml") as stream:
        for _, element in _xml_events(stream, ("end",)):
            if _local(element.tag) == "sheet" and element.get("name") == SHEET:
                wanted = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                break
    if wanted is None or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return None
    with archive.open("xl/_rels/workbook.xml.rels") as stream:
        for _, element in _xml_events(stream, ("end",)):
            if _local(element.tag) == "Relationship" and element.get("Id") == wanted:
                target = element.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _formula_cells(archive: zipfile.ZipFile, name: str) -> dict[tuple[int, int], Formula]:
    """The sheet's formulas without a saved number: by (row, column)."""
    try:
        member = _sheet_member(archive)
        if member is None or member not in archive.namelist():
            return {}
        with archive.open(member) as stream:
            return dict(_formulas_in(stream))
    except Exception as exc:  # zlib, XML and zip errors of a damaged part alike
        raise _not_a_workbook(
            name,
            f"is damaged: the sheet {SHEET} cannot be read ({shorten(str(exc), 80)})",
            f"文件已损坏，无法读取工作表 {SHEET}（{shorten(str(exc), 80)}）",
        ) from None


def _formulas_in(stream: IO[bytes]) -> Iterator[tuple[tuple[int, int], Formula]]:
    row = column = 0
    for event, element in _xml_events(stream, ("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                row = int(element.get("r") or row + 1)
                column = 0
            elif tag == "c":
                ref = element.get("r")
                row, column = _cell_position(ref) if ref else (row, column + 1)
            continue
        if tag != "c":
            continue
        parts = {_local(child.tag): child for child in element}
        formula, value = parts.get("f"), parts.get("v")
        saved = None if value is None else (value.text or "")
        if formula is not None and not saved:
            yield (row, column), Formula("=" + (formula.text or "…"), None)
        elif formula is not None and element.get("t") == "e":
            yield (row, column), Formula("=" + (formula.text or "…"), saved)
        element.clear()


def parse_xlsx(raw: bytes, name: str) -> tuple[Document, list[Diagnostic]]:
    """Read the bytes of a workbook into a Document shaped like a YAML submission's."""
    archive = _open_archive(raw, name)
    formulas = _formula_cells(archive, name)
    rows = _sheet_rows(raw, name)
    return _SheetReader(name, rows, formulas).read()


def load_xlsx(path: Path, display: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read a workbook submission file (the reader sources/readers.py names for .xlsx)."""
    name = display or str(path)
    return parse_xlsx(read_bytes(path, name), name)


def _text(cell: Any) -> str:
    """A label or header cell as text, spaces taken out (指标 id, ID and 指标id are one)."""
    return "".join(str(cell).split()).lower() if isinstance(cell, str) else ""


class _SheetReader:
    """Reads the rows of the sheet into a Document, collecting diagnostics."""

    def __init__(
        self, file: str, rows: list[list[Any]], formulas: dict[tuple[int, int], Formula]
    ) -> None:
        self.file = file
        self.rows = rows
        self.formulas = formulas
        self.doc = WorkbookDocument(file, None)
        self.data: dict[Key, Any] = {}
        self.values: dict[Key, Any] = {}
        self.diagnostics: list[Diagnostic] = []

    def _problem(
        self, row: int, column: int, code: str, path: Sequence[Key] = (), **facts: object
    ) -> Diagnostic:
        """A diagnostic of the catalogue at a cell."""
        message = render(code, facts)
        return self.doc.at(row, column, code, message.en, path=_dotted(path), zh=message.zh)

    def read(self) -> tuple[Document, list[Diagnostic]]:
        header, columns = self._header()
        self._metadata(header)
        stem = PurePath(self.file).stem
        if "year" not in self.data and stem.isascii() and stem.isdigit() and len(stem) == 4:
            self.data["year"] = int(stem)  # the file name says the year
        self.doc.values[("values",)] = self.doc.keys[("values",)] = (header, 1)
        first: dict[str, int] = {}
        for index in range(header, len(self.rows)):  # the rows after the header
            self._row(index + 1, columns, first)
        self.data["values"] = self.values
        self.doc.data = self.data
        return self.doc, self.diagnostics

    def _header(self) -> tuple[int, dict[str, int]]:
        """The header's row number and the column number of each key it names."""
        for index, row in enumerate(self.rows[:_HEADER_WITHIN]):
            columns: dict[str, int] = {}
            for column, cell in enumerate(row, 1):
                key = _HEADERS.get(_text(cell))
                if key is not None:
                    columns.setdefault(key, column)
            if "id" in columns and "value" in columns:
                return index + 1, columns
        what = Words(
            f" in the sheet {SHEET}: a header row naming the columns 指标id and 数值 (or id and"
            " value), as tnplan new --format xlsx writes it",
            f"（工作表 {SHEET} 中应有一行表头，含“指标id”和“数值”两列，"
            "如 tnplan new --format xlsx 所写）",
        )
        raise TnplanError([self._problem(1, 1, "missing-key", key="id", what=what)])

    def _metadata(self, header: int) -> None:
        """The labelled cells above the header: year, provenance, source."""
        for index in range(header - 1):
            row = self.rows[index]
            key = _LABELS.get(_text(row[0])) if row else None
            if key is None or key in self.data:
                continue
            value = row[1] if len(row) > 1 else ""
            self.doc.keys[(key,)] = (index + 1, 1)
            self.doc.values[(key,)] = (index + 1, 2)
            self.data[key] = _meta_value(key, value)

    def _row(self, number: int, columns: dict[str, int], first: dict[str, int]) -> None:
        """One row of the table: an indicator's figure, unless its value cell is empty."""
        row = self.rows[number - 1]
        cells = {key: row[c - 1] if c <= len(row) else "" for key, c in columns.items()}
        formula = self.formulas.get((number, columns["value"]))
        indicator = "" if cells["id"] in ("", None) else str(cells["id"]).strip()
        given = cells["value"] not in ("", None) or formula is not None
        if not indicator:
            if given:
                at = column_letter(columns["value"])
                what = Words(
                    f" (row {number} has a figure in column {at})",
                    f"（第 {number} 行在 {at} 列有数值）",
                )
                self.diagnostics.append(
                    self._problem(number, columns["id"], "missing-key", key="id", what=what)
                )
            return
        if not given:
            return  # a figure not reported: missing, not zero
        path: tuple[Key, ...] = ("values", indicator)
        if indicator in first:
            duplicate = self._problem(
                number, columns["id"], "duplicate-key", path, key=indicator, first=first[indicator]
            )
            self.diagnostics.append(duplicate)
            return
        first[indicator] = number
        self.doc.keys[path] = (number, columns["id"])
        for key, column in columns.items():
            if key != "id":
                self.doc.values[(*path, key)] = self.doc.keys[(*path, key)] = (number, column)
        self.doc.values[path] = (number, columns["value"])
        value = self._value(cells["value"], formula, (*path, "value"))
        entry = self._entry(value, cells, number, columns)
        self.values[indicator] = entry if len(entry) > 1 else value

    def _entry(
        self, value: Any, cells: dict[str, Any], number: int, columns: dict[str, int]
    ) -> dict[str, Any]:
        """The figure with the unit, source and note its row gives (a directive in the note
        silences codes on the row)."""
        entry: dict[str, Any] = {"value": value}
        for key in ("unit", "source", "note"):
            text = cells.get(key)
            if isinstance(text, str) and text.strip():
                entry[key] = text.strip()
                codes = note_directive(text) if key == "note" else None
                if codes is not None:
                    self.doc.suppressions[number] = (codes, columns[key])
            elif text not in ("", None):
                entry[key] = text  # a number where text belongs: the model says so
        return entry

    def _value(self, value: Any, formula: Formula | None, path: tuple[Key, ...]) -> Any:
        """A value cell as the YAML loader would give it; a formula without a number is
        reported here, and its value noted as reported (the checks leave it out quietly)."""
        if formula is not None and value in ("", None):
            row, column = self.doc.values[path]
            facts: dict[str, object] = {"formula": shorten(formula.text)}
            code = "formula-without-value" if formula.error is None else "formula-error"
            if formula.error is not None:
                facts["error"] = formula.error
            self.diagnostics.append(self._problem(row, column, code, path, **facts))
            self.doc.quirks[path] = (code, formula.text)
            return formula.text
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return float(value) if math.isfinite(value) else str(value)
        if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
            self.doc.quirks[path] = ("date", str(value))
            return str(value)
        text = str(value).strip()
        if is_plain_number(text) and len(text) <= MAX_NUMBER_LENGTH:
            number = float(text)
            return number if math.isfinite(number) else text
        return text


def _dotted(path: Sequence[Key]) -> str:
    return ".".join(str(part) for part in path)


def _meta_value(key: str, value: Any) -> Any:
    """A cell above the table as the submission takes it: a whole year as int, text stripped."""
    if isinstance(value, float) and value.is_integer() and key == "year":
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if key == "year" and text.isascii() and text.isdigit() and len(text) <= 9:
            return int(text)
        return text or None
    return value
