"""The choices the command line offers: each renderer's output formats, tiers, languages and
expected paths. Plain enums (standard library only), so the command line can name them
without importing any renderer."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Format",
    "Lang",
    "PathChoice",
    "ReportFormat",
    "ShowFormat",
    "StatusFormat",
    "TierChoice",
]


class Format(StrEnum):
    """The formats of show, indicators and audit."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


class ShowFormat(StrEnum):
    """The formats of show: the chart as text, records, Markdown, or the chart as SVG."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    SVG = "svg"


class StatusFormat(StrEnum):
    """The formats of status: a table, records, Markdown, or the table recorded as a picture."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    SVG = "svg"
    HTML = "html"


class ReportFormat(StrEnum):
    """The formats of the report."""

    HTML = "html"
    MARKDOWN = "markdown"


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
