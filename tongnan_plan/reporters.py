"""Reporters for `tnplan check`, chosen by name: text, json, github."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .diagnostics import Diagnostic, Report, Severity

__all__ = ["REPORTERS", "render"]

JSON_VERSION = 1


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def _coloured(d: Diagnostic) -> str:
    level = f"{_COLOURS[d.severity]}{d.severity}{_RESET}"
    return f"\033[1m{d.file}:{d.line}:{d.column}:{_RESET} {level}[{d.code}] {d.message}"


def text(report: Report, shown: Sequence[Diagnostic], *, colour: bool = False) -> str:
    """``file:line:col: severity[code] message`` lines and a summary line."""
    lines = [_coloured(d) if colour else d.as_text() for d in shown]
    hidden = len(report.diagnostics) - len(shown)
    summary = (
        f"checked {_plural(len(report.files), 'file')}: {_plural(report.errors, 'error')}, "
        f"{_plural(report.warnings, 'warning')}"
    )
    if hidden:
        summary += f" ({hidden} not shown: --max-errors)"
    lines.append(summary + (": valid" if report.valid else ": invalid"))
    return "\n".join(lines) + "\n"


def json_report(report: Report, shown: Sequence[Diagnostic]) -> str:
    """A versioned JSON document: validity, counts, files and diagnostics."""
    document = {
        "version": JSON_VERSION,
        "valid": report.valid,
        "errors": report.errors,
        "warnings": report.warnings,
        "files": report.files,
        "diagnostics": [d.as_dict() for d in shown],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    # As @actions/core escapes command data.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # As @actions/core escapes command properties.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(report: Report, shown: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands, one annotation a diagnostic."""
    lines = []
    for d in shown:
        props = ",".join(
            [
                f"file={_escape_property(d.file)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property('tnplan ' + d.code)}",
            ]
        )
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {props}::{_escape_data(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


REPORTERS: dict[str, Callable[[Report, Sequence[Diagnostic]], str]] = {
    "text": text,
    "json": json_report,
    "github": github,
}


def render(name: str, report: Report, shown: Sequence[Diagnostic], *, colour: bool = False) -> str:
    """The report in the named format; colour applies to text only."""
    if name == "text":
        return text(report, shown, colour=colour)
    return REPORTERS[name](report, shown)
