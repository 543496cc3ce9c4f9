"""A command's run: what it was asked (the options commands share) and the language it
speaks, chosen once as it starts, with the run's own messages.

There is no language of the process: each command's Run is made from its --lang
(TNPLAN_LANG, else the locale) and handed to every helper that says something, so that two
runs in one process each speak their own language.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import typer

from ..present.choices import Lang, PathChoice, TierChoice
from .root import EXIT_INVALID, EXIT_USAGE

if TYPE_CHECKING:
    from ..model.diagnostics import Diagnostic
    from ..model.problem import Words

__all__ = ["Run", "words"]


def words(name: str, /, **params: object) -> Words:
    """A message of the commands (model/command_phrases.py) by name, in both languages."""
    from ..model.catalogue import phrase

    return phrase(name, **params)


class Run(NamedTuple):
    """One command's run: its language, and the shared options it was given (options.SHARED;
    None, or False for a flag, where the command does not take one). A named tuple, not a
    dataclass: made once a run, it is built at import in a tenth of the time."""

    lang: Lang
    command: str = ""
    data: Path | None = None
    plan_id: str | None = None
    tier: TierChoice | None = None
    year: int | None = None
    path: PathChoice | None = None
    fmt: StrEnum | None = None
    output: Path | None = None
    force: bool = False
    excel: bool = False
    quiet: bool = False

    @classmethod
    def start(cls, chosen: Lang | None = None, **given: Any) -> Run:
        """A run in --lang (or TNPLAN_LANG) when given, else in the locale's language
        (English, or Chinese), with the other options as given."""
        return cls(chosen if chosen is not None else Lang.of_environment(), **given)

    @property
    def tier_name(self) -> str | None:
        """The tier asked for, or None: the plan's headline tier (main, else its first)."""
        return None if self.tier is None else self.tier.value

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
