"""Problems found in input, as data: a located, coded, levelled message."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum

from msgspec import Struct, field

__all__ = ["Diagnostic", "Report", "Severity", "TnplanError"]


class Severity(StrEnum):
    """How bad a problem is; errors make a submission invalid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Diagnostic(Struct, frozen=True):
    """One problem: where (file, 1-based line and column, data path), what (code), and why.

    A reader of a spreadsheet sets ``cell`` (``Sheet1!B7``) as well; it is shown in place of
    line and column, which then hold the cell's row and column numbers (for annotations).
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    path: str = ""
    #: The message in Chinese, where one was written (else the English one serves).
    message_zh: str = ""
    #: Where in a workbook, ``sheet!A1`` style; empty for text files.
    cell: str = ""

    @property
    def location(self) -> str:
        """``line:column``, or the cell for a spreadsheet."""
        return self.cell or f"{self.line}:{self.column}"

    def text(self, lang: str = "en") -> str:
        """The message in the language asked for (zh or en)."""
        return self.message_zh if lang == "zh" and self.message_zh else self.message

    def as_text(self, lang: str = "en") -> str:
        """``file:line:col: severity[code] message`` (``file:sheet!A1: …`` for a spreadsheet)."""
        return f"{self.file}:{self.location}: {self.severity}[{self.code}] {self.text(lang)}"

    def as_dict(self, lang: str = "en") -> dict[str, str | int]:
        """The diagnostic as JSON-ready plain data (the keys are the same in every language).

        ``cell`` is there only for a spreadsheet's diagnostics.
        """
        data: dict[str, str | int] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "path": self.path,
            "message": self.text(lang),
        }
        if self.cell:
            data["cell"] = self.cell
        return data


class Report(Struct):
    """Every diagnostic of a run, in order, with the files that were read."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Warnings fail the check too (`--strict`): one verdict for the summary, JSON and exit.
    strict: bool = False

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add diagnostics to the report."""
        self.diagnostics.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def count(self, severity: Severity) -> int:
        """How many diagnostics have this severity."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> int:
        """The number of errors."""
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        """The number of warnings."""
        return self.count(Severity.WARNING)

    @property
    def valid(self) -> bool:
        """True when there is no error, and, when strict, no warning either."""
        return self.errors == 0 and not (self.strict and self.warnings > 0)


class TnplanError(Exception):
    """Input tnplan cannot use; carries the diagnostics that say why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.as_text() for d in diagnostics))
