"""A command's run: the language it speaks, chosen once as it starts, and its own messages.

There is no language of the process: each command makes its Run from --lang (TNPLAN_LANG,
else the locale) and hands it to every helper that says something, so that two runs in one
process each speak their own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

import typer

from ..present.choices import Lang
from .root import EXIT_INVALID, EXIT_USAGE

if TYPE_CHECKING:
    from ..model.diagnostics import Diagnostic

__all__ = ["Run"]


@dataclass(frozen=True, slots=True)
class Run:
    """One command's run: the language of its output and of its messages."""

    lang: Lang

    @classmethod
    def start(cls, chosen: Lang | None = None) -> Run:
        """--lang (or TNPLAN_LANG) when given, else the locale's: English, or Chinese."""
        return cls(chosen if chosen is not None else Lang.of_environment())

    def say(self, en: str, zh: str) -> str:
        """A message in the run's language."""
        return zh if self.lang is Lang.ZH else en

    def tell(self, en: str, zh: str) -> None:
        """A message in the run's language, as a line on standard error."""
        typer.echo(self.say(en, zh), err=True)

    def usage(self, en: str, zh: str = "") -> NoReturn:
        """A usage error (exit 2): one line, whatever plan ids, paths or names it quotes
        (their control characters shown as escapes, never sent to the terminal)."""
        from ..present.escaping import visible

        typer.echo(f"tnplan: {visible(self.say(en, zh or en))}", err=True)
        raise typer.Exit(EXIT_USAGE)

    def print_diagnostics(self, diagnostics: list[Diagnostic]) -> None:
        """Each diagnostic, whole, as a line on standard error."""
        from ..present.reporters import line

        for diagnostic in diagnostics:
            typer.echo(line(diagnostic, self.lang.value), err=True)

    def fail(self, diagnostics: list[Diagnostic], code: int = EXIT_INVALID) -> NoReturn:
        """The diagnostics on standard error, and the run ends with code."""
        self.print_diagnostics(diagnostics)
        raise typer.Exit(code)
