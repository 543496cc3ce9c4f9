"""Submissions as workbooks (.xlsx), as `tnplan new --format xlsx` writes them and clerks fill
them in with Excel or WPS.

The sheet 填报 holds the year, the provenance and the source above a header row (a label in
column A, its value in column B), then a row per indicator: id, name, unit, kind, the value
cell, source and note, and for a 口径调整 what changed and the year before's figure on the new
basis. Columns are found by their header, in Chinese or as the CSV names them (id, value, unit,
source, note, basis_change, previous_same_basis), so a workbook laid out by hand is read too.
A value cell left empty is a figure not reported (missing, not zero): a workbook's rows are fixed.

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
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, ClassVar

from ..model.catalogue import NO_WORDS, Words, diagnostic, figure_text, phrase, shorten
from ..model.diagnostics import Diagnostic, TnplanError
from .directives import note_directive
from .files import read_bytes
from .xlsx_parts import (
    Bounds,
    Formula,
    SheetEntry,
    SheetScan,
    column_letter,
    inflated_size,
    scan_sheet,
    sheet_entries,
    sheet_member,
    string_count,
)
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
    ("basis_change", "口径调整"),
    ("previous_same_basis", "上年同口径数"),
)
#: The cells above the table: (key, label in column A); the value is in column B.
META = (("year", "年份"), ("provenance", "数据性质"), ("source", "数据来源"), ("tier", "指标层级"))
#: The row of the template's header; the reader finds it by its labels wherever it is.
HEADER_ROW = 6
#: Headers the reader takes for each key it reads (the CSV's names too).
_HEADERS = {header: key for key, header in COLUMNS if key not in ("name", "kind")} | {
    key: key for key, _ in COLUMNS if key not in ("name", "kind")
}
#: The template's header of each column, as messages name it.
_HEADER_OF = dict(COLUMNS)
#: A sheet's hidden states, as said in a warning.
_HIDDEN = {"hidden": "sheet.hidden", "veryHidden": "sheet.very-hidden"}
_LABELS = {label: key for key, label in META} | {key: key for key, _ in META}
#: How far down the header row is looked for.
_HEADER_WITHIN = 50

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class WorkbookDocument(Document):
    """A submission read from a sheet: its lines and columns are the rows and columns of
    cells, shown as ``填报!E7``."""

    sheet: str = SHEET

    #: A workbook's unit cells are the template's: a slip is fixed by the figure alone.
    units_stated: ClassVar[bool] = False

    def cell(self, line: int, column: int) -> str:
        return f"{self.sheet}!{column_letter(column)}{line}"


def _not_a_workbook(name: str, form: str, **params: Any) -> TnplanError:
    return TnplanError([diagnostic("not-a-workbook", name, 1, 1, form=form, **params)])


def _what_it_is(raw: bytes, name: str) -> TnplanError:
    """Why bytes that are not a zip archive are no workbook: what they look like instead."""
    if raw.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in raw:
            return _not_a_workbook(name, "encrypted")
        return _not_a_workbook(name, "xls")
    try:
        raw[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return _not_a_workbook(name, "")
    return _not_a_workbook(name, "text")


def _open_archive(raw: bytes, name: str) -> zipfile.ZipFile:
    """The workbook's zip archive, refused when damaged, of something else, or too large."""
    if not raw.startswith(_ZIP):
        raise _what_it_is(raw, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _not_a_workbook(name, "broken-zip", reason=exc) from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise _not_a_workbook(name, "other-zip", kind=_other_archive(names))
    return archive


def _other_archive(names: set[str]) -> Words:
    if "word/document.xml" in names:
        return phrase("zip.word")
    if "ppt/presentation.xml" in names:
        return phrase("zip.powerpoint")
    if "content.xml" in names:
        return phrase("zip.opendocument")
    return NO_WORDS


def _sheet_rows(raw: bytes, name: str) -> list[list[Any]]:
    """The cells of the sheet 填报, row by row from A1, as python-calamine reads them (only
    after xlsx_parts has measured what it will be handed)."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        if SHEET not in workbook.sheet_names:
            raise _missing_sheet(name, workbook.sheet_names)
        return workbook.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
    except TnplanError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic (pyo3's PanicException) is no Exception
        raise _damaged(name, exc, "") from None


def _missing_sheet(name: str, sheets: Sequence[str]) -> TnplanError:
    shown = ", ".join(repr(shorten(sheet)) for sheet in sheets) or "—"
    return TnplanError([diagnostic("missing-sheet", name, 1, 1, sheet=SHEET, sheets=shown)])


def _damaged(name: str, exc: BaseException, sheet: str) -> TnplanError:
    what = shorten(str(exc), 80)
    if sheet:
        return _not_a_workbook(name, "damaged-sheet", sheet=sheet, reason=what)
    return _not_a_workbook(name, "damaged", reason=what)


def _measured(archive: zipfile.ZipFile, name: str) -> tuple[SheetScan, list[SheetEntry]]:
    """The sheet 填报 scanned, every bound checked, before python-calamine is called; the
    workbook's sheets named 填报."""
    try:
        inflated_size(archive)
        entries = sheet_entries(archive)
        ours = [entry for entry in entries if entry.name == SHEET]
        if not ours:
            raise _missing_sheet(name, [entry.name for entry in entries])
        if len(ours) > 1:
            twice = diagnostic("duplicate-sheet", name, 1, 1, count=len(ours), sheet=SHEET)
            raise TnplanError([twice])
        string_count(archive)
        member = sheet_member(archive, ours[0].rel)
        if member is None or member not in archive.namelist():
            raise ValueError(f"the workbook lists the sheet {SHEET}, but its part is missing")
        with archive.open(member) as stream:
            return scan_sheet(stream), ours
    except Bounds as exc:
        beyond = diagnostic("workbook-beyond-bounds", name, 1, 1, problem=exc.words)
        raise TnplanError([beyond]) from None
    except TnplanError:
        raise
    except Exception as exc:  # zlib, XML and zip errors of a damaged part alike
        raise _damaged(name, exc, SHEET) from None


def parse_xlsx(raw: bytes, name: str) -> tuple[Document, list[Diagnostic]]:
    """Read the bytes of a workbook into a Document shaped like a YAML submission's."""
    archive = _open_archive(raw, name)
    scan, sheets = _measured(archive, name)
    rows = _sheet_rows(raw, name)
    return _SheetReader(name, rows, scan, sheets).read()


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
        self, file: str, rows: list[list[Any]], scan: SheetScan, sheets: Sequence[SheetEntry]
    ) -> None:
        self.file = file
        self.rows = rows
        self.formulas = scan.formulas
        self.errors = scan.errors
        self.sheets = sheets
        self.doc = WorkbookDocument(file, None)
        self.data: dict[Key, Any] = {}
        self.values: dict[Key, Any] = {}
        self.diagnostics: list[Diagnostic] = []

    def _problem(
        self, row: int, column: int, code: str, path: Sequence[Key] = (), **facts: Any
    ) -> Diagnostic:
        """A diagnostic of the catalogue at a cell, of the catalogue's severity."""
        return self.doc.at(row, column, code, data_path=_dotted(path), **facts)

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
        self._hidden()
        return self.doc, self.diagnostics

    def _hidden(self) -> None:
        """A hidden or very hidden 填报 is read, and said."""
        state = self.sheets[0].state if self.sheets else "visible"
        if state in _HIDDEN:
            problem = self._problem(1, 1, "hidden-sheet", sheet=SHEET, state=phrase(_HIDDEN[state]))
            self.diagnostics.insert(0, problem)

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
        what = phrase("header.workbook", sheet=SHEET)
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
        if formula is None and (number, columns["value"]) in self.errors:
            formula = Formula("", self.errors[(number, columns["value"])])  # typed, not computed
        indicator = "" if cells["id"] in ("", None) else str(cells["id"]).strip()
        given = cells["value"] not in ("", None) or formula is not None
        if not indicator:
            if given:
                at = column_letter(columns["value"])
                what = phrase("row.figure-without-id", row=number, column=at)
                self.diagnostics.append(
                    self._problem(number, columns["id"], "missing-key", key="id", what=what)
                )
            return
        if not given:
            self._misplaced(number, columns, cells)
            return  # a figure not reported: missing, not zero
        path: tuple[Key, ...] = ("values", indicator)
        if indicator in first:
            id_column, earlier = columns["id"], first[indicator]
            duplicate = self._problem(
                number, id_column, "duplicate-key", path, form="id", key=indicator, first=earlier
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

    def _misplaced(self, number: int, columns: dict[str, int], cells: dict[str, Any]) -> None:
        """A number typed beside an empty value cell (in 来源 or 备注) is said, never
        passed over as a figure not reported."""
        for key in ("source", "note", "unit"):
            cell = cells.get(key)
            if key in columns and isinstance(cell, int | float) and not isinstance(cell, bool):
                value_at = f"{column_letter(columns['value'])}{number}"
                self.diagnostics.append(
                    self._problem(
                        number, columns[key], "misplaced-figure", ("values", str(cells["id"])),
                        given=figure_text(cell), header=_HEADER_OF[key], value_cell=value_at,
                    )
                )  # fmt: skip
                return

    def _entry(
        self, value: Any, cells: dict[str, Any], number: int, columns: dict[str, int]
    ) -> dict[str, Any]:
        """The figure with the unit, source and note its row gives (a directive in the note
        silences codes on the row)."""
        entry: dict[str, Any] = {"value": value}
        same_basis = cells.get("previous_same_basis")
        if same_basis not in ("", None):
            entry["previous_same_basis"] = same_basis  # a number, or text the model refuses
        for key in ("unit", "source", "note", "basis_change"):
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
        if formula is not None and (value in ("", None) or not formula.text):
            row, column = self.doc.values[path]
            facts: dict[str, object] = {"formula": shorten(formula.text)}
            code = "formula-without-value" if formula.error is None else "formula-error"
            code = code if formula.text else "error-value"
            if formula.error is not None:
                facts["error"] = formula.error
            self.diagnostics.append(self._problem(row, column, code, path, **facts))
            self.doc.quirks[path] = (code, formula.text or str(formula.error))
            return formula.text or str(formula.error)
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
