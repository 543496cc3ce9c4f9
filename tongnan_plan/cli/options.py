"""The options several commands share, each declared once: --data, --plan, --tier, --year,
--lang, --path, --output, --force, --quiet, --excel, and each command's --format with its
choices and help from the registry of writers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..present.choices import (
    AuditFormat,
    FiguresFormat,
    Lang,
    ListFormat,
    PathChoice,
    PlansFormat,
    ReportFormat,
    ShowFormat,
    StatusFormat,
    TemplateFormat,
    TierChoice,
)
from .help import format_help

__all__ = [
    "AuditFormatOption",
    "DataOption",
    "ExcelOption",
    "FiguresFormatOption",
    "ForceOption",
    "LangOption",
    "ListFormatOption",
    "OutputOption",
    "PathOption",
    "PlanOption",
    "PlansFormatOption",
    "QuietOption",
    "ReportFormatOption",
    "ShowFormatOption",
    "StatusFormatOption",
    "TemplateFormatOption",
    "TierOption",
    "YearOption",
    "format_option",
]


PathOption = Annotated[
    PathChoice | None,
    typer.Option(
        "--path",
        help="Expected path for every indicator (default: each indicator's own, linear unless "
        "the plan says compound).",
        show_default=False,
    ),
]


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="TNPLAN_DATA",
        help="Plan directory holding targets.yaml and actuals/ (default: ./data if it has "
        "targets.yaml, else the plan shipped with tnplan).",
        show_default=False,
    ),
]


PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        envvar="TNPLAN_PLAN",
        help="The plan of --data to use, by its id or folder name (default: the plan at the "
        "root of --data, else the only one; see tnplan plans).",
        show_default=False,
    ),
]


TierOption = Annotated[
    TierChoice | None,
    typer.Option(
        "--tier",
        help="The plan's tier of targets: main, goal, action (as the plan heads them: see "
        "tnplan plans), or all (default for status and report: main, or the plan's first "
        "tier if it has no main indicators).",
        show_default=False,
    ),
]


def format_option(command: str) -> Any:
    """A command's --format: its choices and its help from the registry of writers."""
    return typer.Option("--format", "-f", help=format_help(command), show_default=False)


StatusFormatOption = Annotated[StatusFormat | None, format_option("status")]
ShowFormatOption = Annotated[ShowFormat | None, format_option("show")]
ListFormatOption = Annotated[ListFormat | None, format_option("indicators")]
AuditFormatOption = Annotated[AuditFormat | None, format_option("audit")]
PlansFormatOption = Annotated[PlansFormat | None, format_option("plans")]
ReportFormatOption = Annotated[ReportFormat | None, format_option("report")]
TemplateFormatOption = Annotated[TemplateFormat | None, format_option("new")]
FiguresFormatOption = Annotated[FiguresFormat | None, format_option("figures")]


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="TNPLAN_LANG",
        help="Language of headers, names, status words and messages "
        "(default: TNPLAN_LANG, else the locale: zh unless the locale is English).",
        show_default=False,
    ),
]


YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        "-y",
        help="Evaluate as of this year (default: the latest with data).",
        show_default=False,
    ),
]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output.",
        show_default=False,
    ),
]


ForceOption = Annotated[bool, typer.Option("--force", help="Replace a file that is already there.")]


ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel", help="CSV for Excel: a UTF-8 BOM and CRLF line ends (implies --format csv)."
    ),
]


QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Do not list the submissions' warnings on standard error."),
]
