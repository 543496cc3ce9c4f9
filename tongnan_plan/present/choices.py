"""The choices the command line offers: each renderer's output formats, tiers, languages and
expected paths. Plain enums (standard library only), so the command line can name them
without importing any renderer."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath
from typing import TypeVar

__all__ = [
    "Format",
    "FormatConflict",
    "Lang",
    "ListFormat",
    "PathChoice",
    "ReportFormat",
    "ShowFormat",
    "StatusFormat",
    "TemplateFormat",
    "TierChoice",
    "output_format",
]


class Format(StrEnum):
    """The formats of show, indicators and audit."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


class ShowFormat(StrEnum):
    """The formats of show: the chart as text, records, Markdown, a workbook, or the chart as
    SVG."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    SVG = "svg"


class ListFormat(StrEnum):
    """The formats of indicators: those of audit, and a workbook."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


class StatusFormat(StrEnum):
    """The formats of status: a table, records, Markdown, a workbook, or the table recorded
    as a picture."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    SVG = "svg"
    HTML = "html"


class TemplateFormat(StrEnum):
    """The formats of the blank submission `new` writes."""

    YAML = "yaml"
    CSV = "csv"
    XLSX = "xlsx"


#: The format a file's ending names, where -o chooses the format.
SUFFIX_FORMATS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

Chosen = TypeVar("Chosen", bound=StrEnum)


class FormatConflict(ValueError):
    """Options that ask for two formats at once (--excel with --format json)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh


def output_format(
    choices: type[Chosen],
    given: Chosen | None,
    output: PurePath | None,
    default: Chosen,
    *,
    excel: bool = False,
) -> Chosen:
    """The format asked for; else the one the output file's ending names among the choices
    (``-o status.xlsx``); else the default. excel (CSV as Excel reads it) is CSV, and with
    any other format asked for a FormatConflict: never quietly ignored."""
    if excel:
        if given is not None and given != "csv":
            raise FormatConflict(
                f"--excel writes CSV for Excel; it does not go with --format {given}",
                f"--excel 用于写给 Excel 的 CSV，不能与 --format {given} 同用",
            )
        return next(choice for choice in choices if choice == "csv")
    if given is not None:
        return given
    named = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    return next((choice for choice in choices if choice == named), default)


class ReportFormat(StrEnum):
    """The formats of the report."""

    HTML = "html"
    MARKDOWN = "markdown"
    DOCX = "docx"


class TierChoice(StrEnum):
    """A tier of indicators, or all of them."""

    MAIN = "main"
    GOAL = "goal"
    ACTION = "action"
    ALL = "all"


class Lang(StrEnum):
    """The languages of headers, words and messages."""

    ZH = "zh"
    EN = "en"

    @classmethod
    def of_environment(cls) -> Lang:
        """TNPLAN_LANG where it names a language, else the locale's."""
        import os

        chosen = os.environ.get("TNPLAN_LANG", "").strip().lower()
        return cls(chosen) if chosen in (cls.ZH, cls.EN) else cls.of_locale()

    @classmethod
    def of_locale(cls) -> Lang:
        """The locale's language: English where LC_ALL, LC_MESSAGES or LANG says en…,
        Chinese otherwise."""
        import os

        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return cls.EN if value.lower().startswith("en") else cls.ZH
        return cls.ZH


class PathChoice(StrEnum):
    """The expected path every indicator is held to."""

    LINEAR = "linear"
    COMPOUND = "compound"
