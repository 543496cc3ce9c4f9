"""Where a command's answer goes: the format chosen, the view written by its writer, and the
file written atomically (or standard output); errors of writing are usage errors."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..model.problem import Words
from .root import EXIT_INTERNAL, EXIT_OK
from .run import words

if TYPE_CHECKING:
    from ..present.terminal import Screen
    from ..present.view import View
    from .run import Run

__all__ = [
    "answer",
    "can_write",
    "chosen_format",
    "colour_wanted",
    "deliver",
    "distinct_outputs",
    "emit",
    "loadable",
    "written",
]


def emit(text: str | bytes) -> None:
    """Write to standard output; a reader that went away (`| head`) ends the run quietly."""
    try:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None


def chosen_format(run: Run) -> str:
    """The format the run writes, from its --format, -o and --excel
    (present.writers.chosen_format); a name of a format the command does not write, or a
    conflict, is a usage error."""
    from ..present.writers import FormatChoiceError
    from ..present.writers import chosen_format as chosen

    given = None if run.fmt is None else run.fmt.value
    try:
        return chosen(run.command, given, run.output, excel=run.excel)
    except FormatChoiceError as exc:
        run.usage(exc.en, exc.zh)


def answer(run: Run, view: View, fmt: str, *, width: int | None = None) -> None:
    """The view written in the format to the run's --output (or standard output)."""
    deliver(run, written(run, view, fmt, run.output, width=width), run.output)


def written(
    run: Run, view: View, fmt: str, output: Path | None, *, width: int | None = None
) -> str | bytes:
    """The view in the format, by its writer (a screen for standard output, plain text of a
    fixed width for a file)."""
    from ..present.view import Options
    from ..present.writers import writable, write

    offered = writable(view)
    if fmt not in offered:
        run.usage(*words("output.format-not-offered", fmt=fmt, offered=", ".join(offered)))
    screen = _screen(output, width)
    options = Options(run.lang.value, screen, excel=run.excel, to_file=output is not None)
    return write(view, fmt, options)


def _screen(output: Path | None, width: int | None = None) -> Screen:
    """The terminal when writing to standard output; plain text of a fixed width for a file."""
    from ..present.terminal import Screen

    return Screen.detect() if output is None else Screen.plain(width)


def colour_wanted() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def can_write(run: Run, output: Path | None) -> None:
    """A usage error now, before anything is written, if output could not be written (its
    name is too long, its folder is missing, it exists and --force was not given, it is a
    device or a FIFO): for a command that writes several files, none is written when one
    would fail."""
    if output is None or str(output) == "-":
        return
    from ..fileio import check_target

    with _writing(run, output):
        check_target(output, run.force)


def distinct_outputs(run: Run, *outputs: tuple[str, Path | None]) -> None:
    """A usage error if two outputs of one command name the same file: the second would
    replace the first (with --force) or fail after it was written."""
    from ..present.escaping import visible

    seen: dict[str, str] = {}
    for option, output in outputs:
        if output is None or str(output) == "-":
            continue
        key = os.path.realpath(output)
        if key in seen:
            shown = visible(str(output))
            run.usage(*words("output.same-file", first=seen[key], option=option, shown=shown))
        seen[key] = option


@contextlib.contextmanager
def _writing(run: Run, output: Path) -> Iterator[None]:
    """Errors of writing output (or of checking it beforehand) as usage errors."""
    from ..fileio import NotRegularFile, long_name
    from ..present.escaping import visible

    shown = visible(str(output))
    try:
        yield
    except IsADirectoryError:
        run.usage(*words("output.directory", shown=shown))
    except FileExistsError:
        run.usage(*words("output.exists", shown=shown))
    except NotRegularFile as exc:
        run.usage(*words("output.not-regular", shown=shown, kind=Words(exc.kind, exc.kind_zh)))
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            size = long_name(output)
            said = f" ({size} bytes; at most 255)" if size else ""
            said_zh = f"（{size} 字节；最多 255）" if size else ""
            run.usage(*words("output.name-too-long", shown=shown, said=Words(said, said_zh)))
        if exc.errno == errno.ENOENT:
            folder = visible(str(output.parent))
            run.usage(*words("output.no-folder", shown=shown, folder=folder))
        reason = exc.strerror or str(exc)
        run.usage(*words("output.cannot-write", shown=shown, reason=reason))


def loadable(run: Run, draft: str) -> str:
    """The draft, once it is known to load back as YAML; else exit 3 with nothing written (a
    draft that does not load is tnplan's fault, never the document's)."""
    from ..present.escaping import visible
    from ..yaml_text import draft_problem

    problem = draft_problem(draft)
    if problem is not None:
        run.tell(*words("output.draft-unreadable", problem=visible(problem)))
        raise typer.Exit(EXIT_INTERNAL)
    return draft


def deliver(run: Run, text: str | bytes, output: Path | None) -> None:
    """Write text to output (atomically; an existing file only with --force), or to
    standard output for None or "-".

    A workbook or a Word document (bytes) goes to standard output only as "-" and never to a
    terminal.
    """
    if output is None or str(output) == "-":
        if isinstance(text, bytes) and (output is None or sys.stdout.isatty()):
            run.usage(*words("output.binary-to-terminal"))
        emit(text)
        return
    from ..fileio import write_atomic
    from ..present.escaping import visible

    with _writing(run, output):
        write_atomic(output, text, force=run.force)
    shown = visible(str(output))
    run.tell(*words("output.wrote", shown=shown))
