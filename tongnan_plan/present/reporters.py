"""Reporters for `tnplan check`, chosen by name: text, json, github."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..model.diagnostics import Diagnostic, Report, Severity
from .escaping import visible

__all__ = ["REPORTERS", "line", "render", "visible"]

JSON_VERSION = 1


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def line(d: Diagnostic, lang: str = "en", *, colour: bool = False) -> str:
    """``file:line:col: severity[code] message``, safe to print on a terminal."""
    if not colour:
        return visible(d.as_text(lang))
    level = f"{_COLOURS[d.severity]}{d.severity}{_RESET}"
    where = f"\033[1m{visible(d.file)}:{visible(d.location)}:{_RESET}"
    return f"{where} {level}[{d.code}] {visible(d.text(lang))}"


def text(
    report: Report, shown: Sequence[Diagnostic], *, colour: bool = False, lang: str = "en"
) -> str:
    """``file:line:col: severity[code] message`` lines and a summary line."""
    lines = [line(d, lang, colour=colour) for d in shown]
    hidden = len(report.diagnostics) - len(shown)
    if lang == "zh":
        summary = (
            f"检查了 {len(report.files)} 个文件：错误 {report.errors} 个，警告 {report.warnings} 个"
        )
        if hidden:
            summary += f"（{hidden} 个未列出：--max-errors）"
        strict = "（--strict：警告也算不通过）" if report.strict and report.warnings else ""
        lines.append(summary + ("：有效" if report.valid else f"：无效{strict}"))
        return "\n".join(lines) + "\n"
    summary = (
        f"checked {_plural(len(report.files), 'file')}: {_plural(report.errors, 'error')}, "
        f"{_plural(report.warnings, 'warning')}"
    )
    if hidden:
        summary += f" ({hidden} not shown: --max-errors)"
    strict = " (--strict: warnings fail)" if report.strict and report.warnings else ""
    lines.append(summary + (": valid" if report.valid else f": invalid{strict}"))
    return "\n".join(lines) + "\n"


def json_report(report: Report, shown: Sequence[Diagnostic], lang: str = "en") -> str:
    """A versioned JSON document: validity, counts, files and diagnostics."""
    document = {
        "version": JSON_VERSION,
        "valid": report.valid,
        "strict": report.strict,
        "errors": report.errors,
        "warnings": report.warnings,
        "files": report.files,
        "diagnostics": [d.as_dict(lang) for d in shown],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    # As @actions/core escapes command data.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # As @actions/core escapes command properties.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(report: Report, shown: Sequence[Diagnostic], lang: str = "en") -> str:
    """GitHub Actions workflow commands, one annotation a diagnostic."""
    lines = []
    for d in shown:
        props = ",".join(
            [
                f"file={_escape_property(visible(d.file))}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property('tnplan ' + d.code)}",
            ]
        )
        # A workbook's cell, which no annotation can point at, leads the message.
        message = _escape_data(visible(f"{d.cell}: {d.text(lang)}" if d.cell else d.text(lang)))
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {props}::{message}")
    return "\n".join(lines) + ("\n" if lines else "")


REPORTERS: dict[str, Callable[[Report, Sequence[Diagnostic], str], str]] = {
    "text": lambda report, shown, lang: text(report, shown, lang=lang),
    "json": json_report,
    "github": github,
}


def render(
    name: str,
    report: Report,
    shown: Sequence[Diagnostic],
    *,
    colour: bool = False,
    lang: str = "en",
) -> str:
    """The report in the named format and language; colour applies to text only."""
    if name == "text":
        return text(report, shown, colour=colour, lang=lang)
    return REPORTERS[name](report, shown, lang)
