"""The `tnplan` script's entry point: exit codes 0-3, never a traceback."""

from __future__ import annotations

import copy
import gc
import io
import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

import typer

from .root import EXIT_INTERNAL, EXIT_USAGE, app
from .run import Run, words

if TYPE_CHECKING:
    from typer.models import CommandInfo

#: Each command module and the commands it registers on the one app (cli.root.app) when
#: imported, in the order of `tnplan --help`.
MODULES: dict[str, tuple[str, ...]] = {
    "evaluation": ("status", "show", "indicators", "audit", "report"),
    "figures": ("figures",),
    "checking": ("check", "schema", "new"),
    "drafting": ("extract",),
    "plans": ("plans", "init-plan"),
}


def register(args: Sequence[str] | None = None) -> typer.Typer:
    """Import the module of the command args start with (`tnplan status …` needs no other
    command's options, help or library), else every command module (`tnplan --help`, a
    mistyped command, no command); the app to run (see _alone)."""
    first = args[0] if args else None
    wanted = [module for module, names in MODULES.items() if first in names] or list(MODULES)
    for module in wanted:
        # __import__, not importlib.import_module: -X importtime (the tests' and the
        # benchmark's measure) sees only imports made through it.
        __import__(f"{__package__}.{module}")
    return _alone(first)


def _alone(name: str | None) -> typer.Typer:
    """The app with the command of this name alone, if it has one, else the app itself.

    Typer builds the Click command of every registered command (their options' validators
    too) before it parses a word; a run needs only the command it runs. The app itself keeps
    every command registered (tests and the API use it).
    """
    chosen = [c for c in app.registered_commands if _command_name(c) == name]
    if not chosen:
        return app
    alone = copy.copy(app)
    alone.registered_commands = chosen
    return alone


def _command_name(info: CommandInfo) -> str:
    """The name a command is run by: its own, else its function's (init_plan: init-plan)."""
    if info.name:
        return info.name
    callback = info.callback
    return "" if callback is None else typer.main.get_command_name(callback.__name__)


def main() -> None:
    """Entry point of the `tnplan` script: exit codes 0-3, never a traceback.

    Standard output that cannot take the output (closed, full, failing) is exit 2 with one
    line on standard error; characters its encoding lacks are written as escapes, and said.
    """
    from ..fileio import OutputLost, guard_standard_output

    # A run is short and builds no garbage cycles worth collecting; the cyclic collector,
    # run over and over as a large plan's objects pile up, would cost more than it frees.
    gc.disable()
    # tnplan's models are validated by tnplan alone: looking for pydantic plugins among
    # every installed package's entry points (3 ms here, more in a large environment) is
    # skipped, unless PYDANTIC_DISABLE_PLUGINS says otherwise.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _terminate_cleanly()
    guard_standard_output()
    _usage_in_language()
    runnable = register(sys.argv[1:])
    try:
        try:
            runnable(prog_name="tnplan")
        finally:
            _flush_standard_output()
    except SystemExit:
        _say_escaped()
        raise
    except OutputLost as exc:
        _output_lost(exc)
    except KeyboardInterrupt:
        typer.echo("tnplan: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in tnplan: say so plainly, exit 3
        if os.environ.get("TNPLAN_DEBUG"):
            raise
        from ..present.escaping import visible

        what = visible(f"{type(exc).__name__}: {exc}")
        typer.echo(f"tnplan: internal error: {what}", err=True)
        typer.echo("tnplan: please report this; set TNPLAN_DEBUG=1 to see the traceback", err=True)
        sys.exit(EXIT_INTERNAL)


def _terminate_cleanly() -> None:
    """SIGTERM ends the run as an exception does (exit 143), so that a file being written
    is left as it was and its temporary file removed (fileio.write_atomic)."""
    import signal

    def terminated(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (an embedding program): its own handlers apply
        pass


def _flush_standard_output() -> None:
    """Flush what is left, so that a failure is seen here and not lost at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: as in _emit, end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _output_lost(exc: Exception) -> NoReturn:
    from ..fileio import discard_standard_output

    discard_standard_output()
    _run().tell(*words("output.stdout-failed", reason=exc))
    sys.exit(EXIT_USAGE)


def _say_escaped() -> None:
    """One line on standard error when standard output's encoding lacked some characters."""
    from ..fileio import escaped_characters

    count = escaped_characters()
    if not count:
        return
    encoding = getattr(sys.stdout, "encoding", "?")
    _run().tell(*words("output.stdout-escaped", encoding=encoding, count=count))


def _run() -> Run:
    """The run of the command line, for what is said once its command has ended: in the
    language --lang names on the command line, else TNPLAN_LANG's, else the locale's."""
    from ..present.usage import usage_language

    return Run(usage_language(sys.argv[1:]))


def _usage_in_language() -> None:
    """Have Click say its usage errors ("Missing option", "No such option") in the run's
    language, read from the command line as the error is shown (see present/usage.py)."""
    usage_error: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    if getattr(usage_error.show, "translated", False):
        return
    english = usage_error.show

    def show(self: Exception, file: IO[str] | None = None) -> None:
        from ..present.usage import translate_usage, usage_language

        said = io.StringIO()
        english(self, said)
        (file or sys.stderr).write(translate_usage(said.getvalue(), usage_language(sys.argv[1:])))

    show.translated = True  # type: ignore[attr-defined]
    usage_error.show = show
