"""What the commands share: the Typer app, its options, messages, the plan, the output."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .. import __version__
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
from .help import TnplanGroup, format_help

if TYPE_CHECKING:
    from enum import StrEnum

    from ..model.diagnostics import Diagnostic
    from ..model.plan import ExpectedPath, Plan
    from ..present.terminal import Screen
    from ..present.view import View
    from ..sources.store import Repository
    from ..validate.check import Actuals

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


PathOption = Annotated[
    PathChoice | None,
    typer.Option(
        "--path",
        help="Expected path for every indicator (default: each indicator's own, linear unless "
        "the plan says compound).",
        show_default=False,
    ),
]


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


def _format_option(command: str) -> Any:
    """A command's --format: its choices and its help from the registry of writers."""
    return typer.Option("--format", "-f", help=format_help(command), show_default=False)


StatusFormatOption = Annotated[StatusFormat | None, _format_option("status")]
ShowFormatOption = Annotated[ShowFormat | None, _format_option("show")]
ListFormatOption = Annotated[ListFormat | None, _format_option("indicators")]
AuditFormatOption = Annotated[AuditFormat | None, _format_option("audit")]
PlansFormatOption = Annotated[PlansFormat | None, _format_option("plans")]
ReportFormatOption = Annotated[ReportFormat | None, _format_option("report")]
TemplateFormatOption = Annotated[TemplateFormat | None, _format_option("new")]
FiguresFormatOption = Annotated[FiguresFormat | None, _format_option("figures")]


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


def _emit(text: str | bytes) -> None:
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


def _format(
    command: str, given: StrEnum | None, output: Path | None, *, excel: bool = False
) -> str:
    """The format to write (present.writers.chosen_format); a name of a format the command
    does not write, or a conflict, is a usage error."""
    from ..present.writers import FormatChoiceError, chosen_format

    try:
        return chosen_format(command, None if given is None else given.value, output, excel=excel)
    except FormatChoiceError as exc:
        _usage(exc.en, exc.zh)


def _written(
    view: View,
    fmt: str,
    lang: Lang,
    output: Path | None,
    *,
    excel: bool = False,
    width: int | None = None,
) -> str | bytes:
    """The view in the format, by its writer (a screen for standard output, plain text of a
    fixed width for a file)."""
    from ..present.view import Options
    from ..present.writers import writable, write

    offered = writable(view)
    if fmt not in offered:
        _usage(
            f"{fmt} is not written here; this output is written as {', '.join(offered)}",
            f"此项输出不能写成 {fmt}；可写 {', '.join(offered)}",
        )
    options = Options(lang.value, _screen(output, width), excel=excel, to_file=output is not None)
    return write(view, fmt, options)


def _colour_wanted() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _print_diagnostics(diagnostics: list[Diagnostic], lang: Lang) -> None:
    from ..present.reporters import line

    for diagnostic in diagnostics:
        typer.echo(line(diagnostic, lang.value), err=True)


def _print_warnings(diagnostics: list[Diagnostic], lang: Lang) -> None:
    """One line each on standard error: on a terminal, cut to its width (`tnplan check`
    gives them whole)."""
    import shutil

    from ..present.reporters import line

    width = shutil.get_terminal_size().columns if sys.stderr.isatty() else 0
    for diagnostic in diagnostics:
        text = line(diagnostic, lang.value)
        typer.echo(_cut_to(text, width) if width else text, err=True)


def _cut_to(text: str, width: int) -> str:
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


def _fail(diagnostics: list[Diagnostic], lang: Lang, code: int = EXIT_INVALID) -> NoReturn:
    _print_diagnostics(diagnostics, lang)
    raise typer.Exit(code)


class _Run:
    """This run's state: the language of its messages, set by _language() as a command starts."""

    lang = Lang.ZH


def _say(en: str, zh: str) -> str:
    """A message in the language of this run."""
    return zh if _Run.lang is Lang.ZH else en


def _usage(en: str, zh: str = "") -> NoReturn:
    """A usage error (exit 2): one line, whatever plan ids, paths or names it quotes (their
    control characters shown as escapes, never sent to the terminal)."""
    from ..present.escaping import visible

    typer.echo(f"tnplan: {visible(_say(en, zh or en))}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _repository(data: Path | None) -> Repository:
    """The repository of plans --data names (or TNPLAN_DATA, ./data, the bundled one)."""
    from ..sources.repository import locate_data
    from ..sources.store import Repository

    return Repository.at(locate_data(data))


def _load_plan(data: Path | None, lang: Lang, plan: str | None = None) -> tuple[Path, Plan]:
    """The directory and the plan --plan picks from --data's repository (usage error if none
    or several answer; the plan's own problems, located, if it does not load)."""
    from ..model.diagnostics import TnplanError
    from ..sources.repository import PLAN_FILE_PROBLEMS, PlanChoiceError

    repository = _repository(data)
    try:
        place = repository.choose(plan)
        return place.directory, repository.load(place)
    except PlanChoiceError as exc:
        _usage(exc.en, exc.zh)
    except TnplanError as exc:
        unreadable = any(d.code in PLAN_FILE_PROBLEMS for d in exc.diagnostics)
        _fail(exc.diagnostics, lang, EXIT_USAGE if unreadable else EXIT_INVALID)


def _can_write(output: Path | None, force: bool) -> None:
    """A usage error now, before anything is written, if output could not be written (its
    name is too long, its folder is missing, it exists and --force was not given, it is a
    device or a FIFO): for a command that writes several files, none is written when one
    would fail."""
    if output is None or str(output) == "-":
        return
    from ..fileio import check_target

    with _writing(output):
        check_target(output, force)


def _distinct_outputs(*outputs: tuple[str, Path | None]) -> None:
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
            _usage(
                f"{seen[key]} and {option} both name {shown}: give each its own file",
                f"{seen[key]} 与 {option} 都指向 {shown}：请各用一个文件",
            )
        seen[key] = option


@contextlib.contextmanager
def _writing(output: Path) -> Iterator[None]:
    """Errors of writing output (or of checking it beforehand) as usage errors."""
    from ..fileio import NotRegularFile, long_name
    from ..present.escaping import visible

    shown = visible(str(output))
    try:
        yield
    except IsADirectoryError:
        _usage(
            f"{shown} is a directory; give a file name (-o DIR/NAME)",
            f"{shown} 是一个目录；请给出文件名（-o 目录/文件名）",
        )
    except FileExistsError:
        _usage(
            f"{shown} exists; add --force to replace it", f"{shown} 已存在；如需覆盖请加 --force"
        )
    except NotRegularFile as exc:
        _usage(
            f"{shown} is {exc.kind}, not a regular file: tnplan writes only regular files"
            " (use -o - for standard output)",
            f"{shown} 是{exc.kind_zh}，不是普通文件：tnplan 只写普通文件（写到标准输出请用 -o -）",
        )
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            size = long_name(output)
            said = f" ({size} bytes; at most 255)" if size else ""
            said_zh = f"（{size} 字节；最多 255）" if size else ""
            _usage(f"{shown}: the file name is too long{said}", f"{shown}：文件名过长{said_zh}")
        if exc.errno == errno.ENOENT:
            folder = visible(str(output.parent))
            _usage(f"{shown}: the folder {folder} does not exist", f"{shown}：目录 {folder} 不存在")
        reason = exc.strerror or str(exc)
        _usage(f"cannot write {shown}: {reason}", f"无法写入 {shown}：{reason}")


def _loadable(draft: str) -> str:
    """The draft, once it is known to load back as YAML; else exit 3 with nothing written (a
    draft that does not load is tnplan's fault, never the document's)."""
    from ..present.escaping import visible
    from ..yaml_text import draft_problem

    problem = draft_problem(draft)
    if problem is not None:
        typer.echo(
            _say(
                f"tnplan: internal error: the draft would not load ({visible(problem)});"
                " nothing was written. Please report this",
                f"tnplan：内部错误：草稿无法读回（{visible(problem)}），未写入任何文件，请报告此问题",
            ),
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL)
    return draft


def _deliver(text: str | bytes, output: Path | None, force: bool) -> None:
    """Write text to output (atomically), or to standard output for None or "-".

    A workbook or a Word document (bytes) goes to standard output only as "-" and never to a
    terminal.
    """
    if output is None or str(output) == "-":
        if isinstance(text, bytes) and (output is None or sys.stdout.isatty()):
            _usage(
                "a workbook or a Word document is written to a file: add -o FILE.xlsx or"
                " -o FILE.docx (or -o - into a pipe)",
                "工作簿和 Word 文档需写入文件：请加 -o 文件名.xlsx 或 -o 文件名.docx"
                "（或用 -o - 写入管道）",
            )
        _emit(text)
        return
    from ..fileio import write_atomic
    from ..present.escaping import visible

    with _writing(output):
        write_atomic(output, text, force=force)
    shown = visible(str(output))
    typer.echo(_say(f"wrote {shown}", f"已写入 {shown}"), err=True)


QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Do not list the submissions' warnings on standard error."),
]

#: How many of the counted submissions' warnings status, show and report list.
WARNINGS_SHOWN = 3


def _say_config(config: PurePath | None, changed: int, *, command_line: bool = False) -> None:
    """Name the config file that changed an output: how many problems it ignored or made
    warnings (a config two folders up is never applied in silence)."""
    if config is None or not changed:
        return
    from ..present.escaping import visible

    shown = visible(str(config))
    also = (
        _say(" with --ignore and --warn-only", "及 --ignore、--warn-only") if command_line else ""
    )
    typer.echo(
        _say(
            f"tnplan: the config file {shown}{also} ignored or made warnings of {changed}"
            " problem(s) here",
            f"tnplan：配置文件 {shown}{also} 忽略或降级了 {changed} 个问题",
        ),
        err=True,
    )


def _fail_on_submission_errors(actuals: Actuals, lang: Lang, *, quiet: bool = True) -> None:
    """After the output, on standard error: the config file that changed what is reported
    (and how many problems it ignored or made warnings), the warnings the counted
    submissions carry (their number and the first few, unless quiet), a config file that
    could not be used (exit 2), and which submitted figures were left out (errors, exit 1)."""
    diagnostics, config_problems = actuals.diagnostics, actuals.config_problems
    _say_config(actuals.config, actuals.changed_by_selection)
    warnings = [d for d in diagnostics if d.severity == "warning"]
    if warnings and not quiet:
        typer.echo(
            _say(
                f"tnplan: the submissions counted carry {len(warnings)} warning(s)"
                " (tnplan check lists them all; --quiet silences this):",
                f"tnplan：计入的报送数据有 {len(warnings)} 个警告"
                "（tnplan check 列出全部；--quiet 不再提示）：",
            ),
            err=True,
        )
        _print_warnings(warnings[:WARNINGS_SHOWN], lang)
        if len(warnings) > WARNINGS_SHOWN:
            more = len(warnings) - WARNINGS_SHOWN
            typer.echo(_say(f"  … and {more} more", f"  …… 另有 {more} 个"), err=True)
    errors = [d for d in diagnostics if d.severity == "error"]
    if config_problems:
        from ..present.escaping import visible

        files = visible(", ".join(dict.fromkeys(d.file for d in config_problems)))
        typer.echo(
            _say(
                f"tnplan: the config file {files} cannot be used; none of its settings applied:",
                f"tnplan：配置文件 {files} 有错误，其设置均未采用：",
            ),
            err=True,
        )
        _print_diagnostics(config_problems, lang)
    if errors:
        typer.echo(
            _say(
                f"tnplan: {len(errors)} error(s) in the submissions; those figures were left out:",
                f"tnplan：报送数据中有 {len(errors)} 个错误，相关数字未计入：",
            ),
            err=True,
        )
        _print_diagnostics(errors, lang)
    if config_problems:
        raise typer.Exit(EXIT_USAGE)
    if errors:
        raise typer.Exit(EXIT_INVALID)


def _language(chosen: Lang | None) -> Lang:
    """--lang or TNPLAN_LANG when given, else the locale's: English, or Chinese by default.

    Also sets the language of this run's own messages (see _say).
    """
    _Run.lang = chosen if chosen is not None else Lang.of_environment()
    return _Run.lang


def _path(choice: PathChoice | None) -> ExpectedPath | None:
    from ..model.plan import ExpectedPath

    return None if choice is None else ExpectedPath(choice.value)


def _evaluated(
    data: Path | None,
    lang: Lang,
    year: int | None,
    *,
    warnings: bool = True,
    plan_id: str | None = None,
) -> tuple[Plan, Actuals, int]:
    """The plan, its submissions, and the year to evaluate as of (--year, checked against the
    plan, or the latest year submitted)."""
    from ..calc.evaluation import default_as_of
    from ..sources.store import load_actuals

    directory, plan = _load_plan(data, lang, plan_id)
    first, last = plan.plan.start_year, plan.plan.end_year
    if year is not None and year not in plan.plan.years:
        _usage(
            f"--year {year} is outside the plan period {first}-{last}",
            f"--year {year} 不在规划期 {first}-{last} 年之内",
        )
    say_unfinished(plan)
    actuals = load_actuals(directory, plan, warnings=warnings)
    if year is not None and all(s.year != year for s in actuals.submissions):
        from ..present.messages import missing_year
        from ..sources.repository import ACTUALS

        latest = max((s.year for s in actuals.submissions if s.year < year), default=None)
        typer.echo(missing_year(year, latest, directory / ACTUALS, lang.value), err=True)
    return plan, actuals, default_as_of(plan, actuals.submissions) if year is None else year


def _screen(output: Path | None, width: int | None = None) -> Screen:
    """The terminal when writing to standard output; plain text of a fixed width for a file."""
    from ..present.terminal import Screen

    return Screen.detect() if output is None else Screen.plain(width)


def say_unfinished(plan: Plan) -> None:
    """On standard error: how many targets of the plan are still placeholders (a draft)."""
    unfinished = sum(1 for ind in plan.indicators if ind.target.unfinished)
    if unfinished:
        typer.echo(
            _say(
                f"tnplan: {unfinished} targets of {plan.plan.id} are still to be written (todo:"
                " see tnplan check): they have no target yet",
                f"tnplan：{plan.plan.id} 有 {unfinished} 项目标尚未填写（todo，见 tnplan check），"
                "暂按无目标处理",
            ),
            err=True,
        )
