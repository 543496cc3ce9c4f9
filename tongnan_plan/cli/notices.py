"""What a command says on standard error after its output: the warnings and errors of the
submissions it counted, and the config file that changed what is reported."""

from __future__ import annotations

import sys
from pathlib import PurePath
from typing import TYPE_CHECKING

import typer

from .root import EXIT_INVALID, EXIT_USAGE
from .run import words

if TYPE_CHECKING:
    from ..model.diagnostics import Diagnostic
    from ..validate.check import Actuals
    from .run import Run

__all__ = ["WARNINGS_SHOWN", "cut_to", "fail_on_submission_errors", "say_config"]

#: How many of the counted submissions' warnings status, show and report list.
WARNINGS_SHOWN = 3


def say_config(
    run: Run, config: PurePath | None, changed: int, *, command_line: bool = False
) -> None:
    """Name the config file that changed an output: how many problems it ignored or made
    warnings (a config two folders up is never applied in silence)."""
    if config is None or not changed:
        return
    from ..present.escaping import visible

    shown = visible(str(config))
    also = run.say(*words("notice.config-also")) if command_line else ""
    run.tell(*words("notice.config-changed", shown=shown, also=also, count=changed))


def fail_on_submission_errors(run: Run, actuals: Actuals) -> None:
    """After the output, on standard error: the config file that changed what is reported
    (and how many problems it ignored or made warnings), the warnings the counted
    submissions carry (their number and the first few, unless quiet), a config file that
    could not be used (exit 2), and which submitted figures were left out (errors, exit 1)."""
    diagnostics, config_problems = actuals.diagnostics, actuals.config_problems
    say_config(run, actuals.config, actuals.changed_by_selection)
    warnings = [d for d in diagnostics if d.severity == "warning"]
    if warnings and not run.quiet:
        _say_warnings(run, warnings)
    errors = [d for d in diagnostics if d.severity == "error"]
    if config_problems:
        from ..present.escaping import visible

        files = visible(", ".join(dict.fromkeys(d.file for d in config_problems)))
        run.tell(*words("notice.config-unusable", files=files))
        run.print_diagnostics(config_problems)
    if errors:
        run.tell(*words("notice.errors-left-out", count=len(errors)))
        run.print_diagnostics(errors)
    if config_problems:
        raise typer.Exit(EXIT_USAGE)
    if errors:
        raise typer.Exit(EXIT_INVALID)


def _say_warnings(run: Run, warnings: list[Diagnostic]) -> None:
    """Their number and the first few, one line each: on a terminal, cut to its width
    (`tnplan check` gives them whole)."""
    import shutil

    from ..present.reporters import line

    run.tell(*words("notice.warnings", count=len(warnings)))
    width = shutil.get_terminal_size().columns if sys.stderr.isatty() else 0
    for diagnostic in warnings[:WARNINGS_SHOWN]:
        text = line(diagnostic, run.lang.value)
        typer.echo(cut_to(text, width) if width else text, err=True)
    if len(warnings) > WARNINGS_SHOWN:
        more = len(warnings) - WARNINGS_SHOWN
        run.tell(*words("notice.more", count=more))


def cut_to(text: str, width: int) -> str:
    """text cut to width cells, with … where it was cut."""
    from .help import cell_len

    if cell_len(text) <= width:
        return text
    kept = ""
    for character in text:
        if cell_len(kept + character) > width - 1:
            break
        kept += character
    return kept + "…"
