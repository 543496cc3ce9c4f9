"""The one Typer app every command registers on (see entry.MODULES), and the exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .help import TnplanGroup

__all__ = ["EXIT_INTERNAL", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "app"]

#: 0 success (warnings allowed); 1 invalid data; 2 a usage or file error; 3 tnplan's own fault.
EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="tnplan",
    cls=TnplanGroup,
    help="Track the indicators of Tongnan District's five-year plans "
    "for human resources and social security.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tnplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Track the indicators of Tongnan District's five-year plans."""
