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

from .root import EXIT_INTERNAL, EXIT_OK

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
        run.usage(
            f"{fmt} is not written here; this output is written as {', '.join(offered)}",
            f"此项输出不能写成 {fmt}；可写 {', '.join(offered)}",
        )
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
            run.usage(
                f"{seen[key]} and {option} both name {shown}: give each its own file",
                f"{seen[key]} 与 {option} 都指向 {shown}：请各用一个文件",
            )
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
        run.usage(
            f"{shown} is a directory; give a file name (-o DIR/NAME)",
            f"{shown} 是一个目录；请给出文件名（-o 目录/文件名）",
        )
    except FileExistsError:
        run.usage(
            f"{shown} exists; add --force to replace it", f"{shown} 已存在；如需覆盖请加 --force"
        )
    except NotRegularFile as exc:
        run.usage(
            f"{shown} is {exc.kind}, not a regular file: tnplan writes only regular files"
            " (use -o - for standard output)",
            f"{shown} 是{exc.kind_zh}，不是普通文件：tnplan 只写普通文件（写到标准输出请用 -o -）",
        )
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            size = long_name(output)
            said = f" ({size} bytes; at most 255)" if size else ""
            said_zh = f"（{size} 字节；最多 255）" if size else ""
            run.usage(f"{shown}: the file name is too long{said}", f"{shown}：文件名过长{said_zh}")
        if exc.errno == errno.ENOENT:
            folder = visible(str(output.parent))
            run.usage(
                f"{shown}: the folder {folder} does not exist", f"{shown}：目录 {folder} 不存在"
            )
        reason = exc.strerror or str(exc)
        run.usage(f"cannot write {shown}: {reason}", f"无法写入 {shown}：{reason}")


def loadable(run: Run, draft: str) -> str:
    """The draft, once it is known to load back as YAML; else exit 3 with nothing written (a
    draft that does not load is tnplan's fault, never the document's)."""
    from ..present.escaping import visible
    from ..yaml_text import draft_problem

    problem = draft_problem(draft)
    if problem is not None:
        run.tell(
            f"tnplan: internal error: the draft would not load ({visible(problem)});"
            " nothing was written. Please report this",
            f"tnplan：内部错误：草稿无法读回（{visible(problem)}），未写入任何文件，请报告此问题",
        )
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
            run.usage(
                "a workbook or a Word document is written to a file: add -o FILE.xlsx or"
                " -o FILE.docx (or -o - into a pipe)",
                "工作簿和 Word 文档需写入文件：请加 -o 文件名.xlsx 或 -o 文件名.docx"
                "（或用 -o - 写入管道）",
            )
        emit(text)
        return
    from ..fileio import write_atomic
    from ..present.escaping import visible

    with _writing(run, output):
        write_atomic(output, text, force=run.force)
    shown = visible(str(output))
    run.tell(f"wrote {shown}", f"已写入 {shown}")
