"""The tnplan command line: parse options, call the library, render, set the exit code.

Exit codes: 0 success (a valid submission, warnings allowed); 1 invalid data (or warnings
with --strict); 2 a usage error; 3 a failure of tnplan itself.
Only this module imports Typer; heavy modules are imported inside the commands that use them.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console
    from rich.table import Table

    from .calc.progress import Evaluation
    from .model.diagnostics import Diagnostic
    from .model.plan import ExpectedPath, Plan

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"


class StatusFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    SVG = "svg"
    HTML = "html"


class TierChoice(StrEnum):
    MAIN = "main"
    GOAL = "goal"
    ACTION = "action"
    ALL = "all"


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"


class PathChoice(StrEnum):
    LINEAR = "linear"
    COMPOUND = "compound"


PathOption = Annotated[
    PathChoice | None,
    typer.Option(
        "--path",
        help="Expected path for every indicator (default: each indicator's own, linear unless "
        "the plan says compound).",
        show_default=False,
    ),
]


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    AUTO = "auto"


app = typer.Typer(
    name="tnplan",
    help="Track the indicators of Tongnan District's 14th five-year plan (2021-2025) "
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
TierOption = Annotated[
    TierChoice,
    typer.Option("--tier", help="main: 专栏2; goal: 第一章第四节; action: 专栏3-10; all."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
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
ForceOption = Annotated[
    bool, typer.Option("--force", help="Let --output replace an existing file.")
]
ExcelOption = Annotated[
    bool, typer.Option("--excel", help="CSV for Excel: a UTF-8 BOM and CRLF line ends.")
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
    """Track the indicators of Tongnan District's 14th five-year plan (2021-2025)."""


def _emit(text: str) -> None:
    """Write to standard output; a reader that went away (`| head`) ends the run quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None


def _colour_wanted() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _print_diagnostics(diagnostics: list[Diagnostic], lang: Lang) -> None:
    for diagnostic in diagnostics:
        typer.echo(diagnostic.as_text(lang.value), err=True)


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
    typer.echo(f"tnplan: {_say(en, zh or en)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _load_plan(data: Path | None, lang: Lang) -> tuple[Path, Plan]:
    from .model.diagnostics import TnplanError
    from .sources.store import load_plan, locate_data

    directory = locate_data(data)
    try:
        return directory, load_plan(directory)
    except TnplanError as exc:
        _fail(exc.diagnostics, lang)


def _deliver(text: str, output: Path | None, force: bool) -> None:
    if output is None or str(output) == "-":
        _emit(text)
        return
    from .fileio import write_atomic

    try:
        write_atomic(output, text, force=force)
    except FileExistsError:
        _usage(
            f"{output} exists; add --force to replace it", f"{output} 已存在；如需覆盖请加 --force"
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        _usage(f"cannot write {output}: {reason}", f"无法写入 {output}：{reason}")
    typer.echo(_say(f"wrote {output}", f"已写入 {output}"), err=True)


@app.command()
def status(
    year: YearOption = None,
    tier: TierOption = TierChoice.MAIN,
    fmt: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            "-f",
            help="table; csv, json or markdown; svg or html: the table as a picture.",
        ),
    ] = StatusFormat.TABLE,
    lang: LangOption = None,
    path: PathOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Show where every indicator stands: completion, 序时进度 and status.

    Example: tnplan status --year 2023 --format csv --output status.csv
    """
    lang = _language(lang)
    from .calc.evaluation import evaluate_plan
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    if year is not None and year not in plan.plan.years:
        _outside(year, plan)
    actuals = load_actuals(directory, plan, warnings=False)  # status reports errors only
    errors = [d for d in actuals.diagnostics if d.severity == "error"]
    evaluations = evaluate_plan(
        plan, actuals.submissions, year, tier.value, None if path is None else _path(path)
    )
    from .present import render

    if fmt is StatusFormat.CSV:
        rows = [render.status_row(ev) for ev in evaluations]
        text = render.csv_text(rows, render.STATUS_COLUMNS, excel=excel)
    elif fmt is StatusFormat.JSON:
        text = render.json_text([render.status_row(ev) for ev in evaluations])
    else:
        as_of = evaluations[0].as_of if evaluations else year
        title = _title(plan, as_of, lang)
        if fmt is StatusFormat.MARKDOWN:
            text = render.markdown_text(evaluations, title, lang.value)
        elif fmt in (StatusFormat.SVG, StatusFormat.HTML):
            text = _recorded(evaluations, title, lang.value, fmt)
        else:
            text = _rich_table(evaluations, title, lang.value, output is not None)
    _deliver(text, output, force)
    _fail_on_submission_errors(errors, lang)


def _fail_on_submission_errors(errors: list[Diagnostic], lang: Lang) -> None:
    """After the output: say which submitted figures were left out, and exit 1."""
    if not errors:
        return
    typer.echo(
        _say(
            f"tnplan: {len(errors)} error(s) in the submissions; those figures were left out:",
            f"tnplan：报送数据中有 {len(errors)} 个错误，相关数字未计入：",
        ),
        err=True,
    )
    _fail(errors, lang)


def _terminal(**options: Any) -> Console:
    """A Rich console on standard output that, like _emit, ends quietly (exit 0) when the
    reader goes away (`| head`); Rich's own default exits 1."""
    from rich.console import Console

    class _Quiet(Console):
        def on_broken_pipe(self) -> None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_OK)

    return _Quiet(**options)


def _terminal_width() -> int:
    from rich.console import Console

    return Console().width


def _language(chosen: Lang | None) -> Lang:
    """--lang or TNPLAN_LANG when given, else the locale's: English, or Chinese by default.

    Also sets the language of this run's own messages (see _say).
    """
    _Run.lang = chosen if chosen is not None else _locale_language()
    return _Run.lang


def _locale_language() -> Lang:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return Lang.EN if value.lower().startswith("en") else Lang.ZH
    return Lang.ZH


def _outside(year: int, plan: Plan) -> NoReturn:
    first, last = plan.plan.start_year, plan.plan.end_year
    _usage(
        f"--year {year} is outside the plan period {first}-{last}",
        f"--year {year} 不在规划期 {first}-{last} 年之内",
    )


def _path(choice: PathChoice) -> ExpectedPath:
    from .model.plan import ExpectedPath

    return ExpectedPath(choice.value)


def _title(plan: Plan, as_of: int | None, lang: Lang) -> str:
    if lang is Lang.ZH:
        return f"{plan.plan.title} 截至 {as_of} 年"
    return f"{plan.plan.title_en}, as of {as_of}"


def _recorded(evaluations: list[Evaluation], title: str, lang: str, fmt: StatusFormat) -> str:
    """The status table as Rich records it: an SVG picture or an HTML page."""
    import io

    from rich.console import Console

    from .present import render

    console = Console(file=io.StringIO(), width=render.WIDE, record=True, force_terminal=True)
    console.print(render.status_table(evaluations, title, lang, render.WIDE))
    console.print(render.summary(evaluations, lang), markup=False)
    for note in render.notices(evaluations, lang):
        console.print(note, style="bold yellow", markup=False)
    if fmt is StatusFormat.SVG:
        return _wide_glyphs(console.export_svg(title="tnplan status"))
    return console.export_html(inline_styles=True)


def _wide_glyphs(svg: str) -> str:
    """Give each text run of Rich's SVG the width of its terminal cells.

    Rich sets textLength from the number of characters, so a Chinese character (two cells on
    the terminal) is squeezed into one and runs into its neighbour.
    """
    import html
    import re

    from rich.cells import cell_len

    def widen(match: re.Match[str]) -> str:
        length, text = float(match["length"]), html.unescape(match["text"])
        if not text:
            return match[0]
        wide = length * cell_len(text) / len(text)
        return match[0].replace(f'textLength="{match["length"]}"', f'textLength="{wide:g}"', 1)

    pattern = r'<text [^>]*textLength="(?P<length>[0-9.]+)"[^>]*>(?P<text>[^<]*)</text>'
    return re.sub(pattern, widen, svg)


def _rich_table(evaluations: list[Evaluation], title: str, lang: str, to_file: bool) -> str:
    """Print the Rich table to the terminal (returns ""), or render it as plain text for a file."""
    import io

    from rich.console import Console

    from .present import render

    buffer = io.StringIO() if to_file else None
    # No highlighter: it would colour numbers at random in the summary, and costs time.
    console = (
        Console(file=buffer, width=render.WIDE, highlight=False)
        if buffer is not None
        else _terminal(highlight=False)
    )
    console.print(render.status_table(evaluations, title, lang, console.width))
    console.print(render.summary(evaluations, lang), markup=False)
    for note in render.notices(evaluations, lang):
        console.print(note, style="bold yellow", markup=False)
    return buffer.getvalue() if buffer is not None else ""


@app.command()
def show(
    indicator_id: Annotated[
        str, typer.Argument(metavar="ID", help="An indicator id (see tnplan indicators).")
    ],
    year: YearOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table: the chart; csv or json: the yearly series."),
    ] = Format.TABLE,
    lang: LangOption = None,
    path: PathOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Show one indicator's whole story: every year's figure against the expected path and target.

    Example: tnplan show urban_new_jobs
    """
    lang = _language(lang)
    from .calc.evaluation import default_as_of, observations, story
    from .present import render
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    try:
        indicator = plan.indicator(indicator_id)
    except KeyError:
        import difflib

        near = difflib.get_close_matches(indicator_id, [i.id for i in plan.indicators], n=1)
        hint = f"; did you mean {near[0]!r}?" if near else "; see tnplan indicators"
        hint_zh = f"；是否应为 {near[0]!r}？" if near else "；请用 tnplan indicators 查看"
        _usage(f"no indicator {indicator_id!r}{hint}", f"没有指标 {indicator_id!r}{hint_zh}")
    if year is not None and year not in plan.plan.years:
        _outside(year, plan)
    actuals = load_actuals(directory, plan)
    as_of = default_as_of(plan, actuals.submissions) if year is None else year
    figures = observations(actuals.submissions).get(indicator.id, {})
    rows, evaluation = story(plan, indicator, figures, as_of, None if path is None else _path(path))
    if fmt is Format.CSV:
        series = [render.series_row(r, indicator) for r in rows]
        _deliver(render.csv_text(series, render.SERIES_COLUMNS), output, force)
    elif fmt is Format.JSON:
        document = {
            "indicator": render.catalogue_row(indicator),
            "evaluation": render.status_row(evaluation),
            "series": [render.series_row(r, indicator) for r in rows],
        }
        import json

        _deliver(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, force)
    else:
        width = 120 if output is not None else _terminal_width()
        table = render.story_table(rows, evaluation, plan.plan.years, lang.value, width)
        lines = render.story_lines(evaluation, lang.value)
        notices = render.notices([evaluation], lang.value)
        if fmt is Format.MARKDOWN:
            series = [render.series_row(r, indicator) for r in rows]
            from tabulate import tabulate

            body = tabulate(
                [[row[c] for c in render.SERIES_COLUMNS] for row in series],
                headers=list(render.SERIES_COLUMNS),
                tablefmt="github",
            )
            text = (
                f"## {table.title}\n\n{body}\n\n"
                + "\n".join(f"- {x}" for x in lines + notices)
                + "\n"
            )
            _deliver(text, output, force)
            return
        import io

        from rich.console import Console

        buffer = io.StringIO() if output is not None else None
        console = Console(file=buffer, width=120) if buffer is not None else _terminal()
        console.print(table)
        for line in lines:
            console.print(line, markup=False)
        for note in notices:
            console.print(note, style="bold yellow", markup=False)
        if buffer is not None:
            _deliver(buffer.getvalue(), output, force)


@app.command()
def indicators(
    tier: TierOption = TierChoice.ALL,
    fmt: FormatOption = Format.TABLE,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """List the plan's indicators: id, name, unit, kind, attribute, baseline, target, source.

    Example: tnplan indicators --tier main --format json
    """
    lang = _language(lang)
    from .calc.evaluation import select
    from .present import render

    _, plan = _load_plan(data, lang)
    chosen = select(plan, tier.value)
    rows = [render.catalogue_row(ind) for ind in chosen]
    if fmt is Format.CSV:
        text = render.csv_text(rows, render.CATALOGUE_COLUMNS, excel=excel)
    elif fmt is Format.JSON:
        text = render.json_text(rows)
    else:
        headers = [
            "id",
            "指标" if lang is Lang.ZH else "name",
            "单位" if lang is Lang.ZH else "unit",
            "kind",
            "属性" if lang is Lang.ZH else "attribute",
            "基期" if lang is Lang.ZH else "baseline",
            "目标" if lang is Lang.ZH else "target",
            "来源" if lang is Lang.ZH else "source",
        ]
        cells = [
            [
                r["id"],
                r["name"] if lang is Lang.ZH else r["name_en"],
                r["unit"],
                r["kind"],
                r["attribute"],
                r["baseline_text"] or "",
                r["target_text"],
                r["source"],
            ]
            for r in rows
        ]
        if fmt is Format.MARKDOWN:
            from tabulate import tabulate

            text = tabulate(cells, headers=headers, tablefmt="github", disable_numparse=True) + "\n"
        elif output is None:
            from rich.table import Table
            from rich.text import Text

            table = Table(header_style="bold")
            for header in headers:
                table.add_column(header)
            for row in cells:
                table.add_row(*(Text(str(cell)) for cell in row))  # data, not markup
            _terminal().print(table)
            return
        else:
            from tabulate import tabulate

            text = tabulate(cells, headers=headers, tablefmt="simple", disable_numparse=True) + "\n"
    _deliver(text, output, force)


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(help="Submission files (YYYY.yaml, YYYY.csv).", show_default=False),
    ],
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text; json; github (workflow annotations);"
            " auto: github under GitHub Actions, else text.",
        ),
    ] = CheckFormat.AUTO,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    max_errors: Annotated[
        int | None,
        typer.Option(
            "--max-errors", min=1, help="Stop listing after this many errors.", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Validate data submissions against the plan; print every problem with file:line:column.

    Exit 0 when valid (warnings allowed), 1 when not, 2 for a usage error.

    Example: tnplan check data/actuals/2023.yaml
    """
    lang = _language(lang)
    from .model.catalogue import CATALOGUE
    from .model.diagnostics import Report, Severity
    from .sources.store import check_files

    _, plan = _load_plan(data, lang)
    actuals = check_files(files, plan)
    report = Report(files=actuals.files, diagnostics=actuals.diagnostics)
    shown = report.diagnostics
    if max_errors is not None:
        kept, errors_seen = [], 0
        for d in shown:
            if d.severity is Severity.ERROR:
                errors_seen += 1
                if errors_seen > max_errors:
                    continue
            kept.append(d)
        shown = kept
    chosen = fmt
    if chosen is CheckFormat.AUTO:
        chosen = (
            CheckFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.TEXT
        )
    from .present import reporters

    _emit(reporters.render(chosen.value, report, shown, colour=_colour_wanted(), lang=lang.value))
    if any(CATALOGUE[d.code].usage for d in report.diagnostics if d.code in CATALOGUE):
        raise typer.Exit(EXIT_USAGE)  # a file that could not be used at all
    failed = not report.valid or (strict and report.warnings > 0)
    raise typer.Exit(EXIT_INVALID if failed else EXIT_OK)


@app.command()
def schema(
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Print the JSON Schema of a submission, every indicator id listed, for editors.

    Put `# yaml-language-server: $schema=tnplan.schema.json` at the top of a submission and
    an editor with the YAML language server completes ids and flags mistakes as you type.

    Example: tnplan schema -o tnplan.schema.json
    """
    import json

    from .validate.schema import submission_schema

    _, plan = _load_plan(data, _language(None))
    text = json.dumps(submission_schema(plan), ensure_ascii=False, indent=2) + "\n"
    _deliver(text, output, force)


@app.command()
def new(
    year: Annotated[int, typer.Argument(help="The year the figures are for.", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write (default: YYYY.yaml here; - for standard output).",
        ),
    ] = None,
    force: ForceOption = False,
    schema_url: Annotated[
        str | None,
        typer.Option("--schema", help="Add a yaml-language-server line pointing at this schema."),
    ] = None,
    data: DataOption = None,
) -> None:
    """Write a blank submission for a year: every indicator id, its name and unit as comments.

    Refuses to replace an existing file unless --force is given.

    Example: tnplan new 2025 --schema tnplan.schema.json
    """
    from .validate.schema import submission_template

    _, plan = _load_plan(data, _language(None))
    if year not in plan.plan.years:
        first, last = plan.plan.start_year, plan.plan.end_year
        _usage(
            f"year {year} is outside the plan period {first}-{last}",
            f"{year} 年不在规划期 {first}-{last} 年之内",
        )
    target = output if output is not None else Path(f"{year}.yaml")
    _deliver(submission_template(plan, year, schema_url), target, force)


@app.command()
def audit(
    crosschecks: Annotated[
        bool,
        typer.Option(
            "--crosschecks", help="CSV/JSON: the figures printed twice instead of the completions."
        ),
    ] = False,
    fmt: FormatOption = Format.TABLE,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Recompute the completion figures the plan prints, and compare figures printed twice.

    Verdicts: ok (agrees at the printed precision), rounding (differs only by truncation or
    rounding up), mismatch (the printed figure is not what its inputs give). Exits 1 when a
    mismatch is found, so that it can guard a published table in CI.

    Example: tnplan audit --data data/13th
    """
    lang = _language(lang)
    from .calc.audit import Verdict, audit_plan
    from .calc.evaluation import observations
    from .present import render
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    actuals = load_actuals(directory, plan)
    completions, checks = audit_plan(plan, observations(actuals.submissions))
    if fmt in (Format.CSV, Format.JSON):
        columns: Sequence[str]
        if crosschecks:
            rows, columns = [render.crosscheck_row(c) for c in checks], render.CROSSCHECK_COLUMNS
        else:
            rows, columns = [render.audit_row(c) for c in completions], render.AUDIT_COLUMNS
        text = render.csv_text(rows, columns) if fmt is Format.CSV else render.json_text(rows)
        _deliver(text, output, force)
    else:
        _deliver_tables(render.audit_tables(completions, checks, lang.value), output, force, fmt)
    verdicts = [c.verdict for c in completions] + [c.verdict for c in checks]
    if Verdict.MISMATCH in verdicts:
        raise typer.Exit(EXIT_INVALID)


def _deliver_tables(tables: list[Table], output: Path | None, force: bool, fmt: Format) -> None:
    """Rich tables to the terminal, or as plain text (or Markdown) to a file or pipe."""
    import io

    from rich.console import Console

    if fmt is Format.MARKDOWN:
        from tabulate import tabulate

        parts = []
        for table in tables:
            headers = [str(column.header) for column in table.columns]
            cells = [[_plain(cell) for cell in column.cells] for column in table.columns]
            rows = list(zip(*cells, strict=True))
            parts.append(f"## {table.title}\n\n" + tabulate(rows, headers, tablefmt="github"))
        _deliver("\n\n".join(parts) + "\n", output, force)
        return
    if output is None:
        console = _terminal()
        for table in tables:
            console.print(table)
        return
    buffer = io.StringIO()
    console = Console(file=buffer, width=160)
    for table in tables:
        console.print(table)
    _deliver(buffer.getvalue(), output, force)


def _plain(cell: object) -> str:
    from rich.text import Text

    return Text.from_markup(str(cell)).plain


class ReportFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"


@app.command()
def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The file to write (atomically); - for standard output."
        ),
    ],
    year: YearOption = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="html: one standalone page; markdown.")
    ] = ReportFormat.HTML,
    lang: LangOption = None,
    tier: TierOption = TierChoice.MAIN,
    path: PathOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Write the evaluation report: summary, tables by area, a chart per main indicator, audit.

    The HTML page is self-contained (no network needed) and prints well.

    Example: tnplan report --year 2023 -o 中期评估.html
    """
    lang = _language(lang)
    from .calc.audit import audit_plan
    from .calc.evaluation import default_as_of, evaluate_plan, observations
    from .present.report import ReportInput, report_html, report_markdown
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    if year is not None and year not in plan.plan.years:
        _outside(year, plan)
    actuals = load_actuals(directory, plan)
    as_of = default_as_of(plan, actuals.submissions) if year is None else year
    chosen = None if path is None else _path(path)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, tier.value, chosen)
    completions, crosschecks = audit_plan(plan, observations(actuals.submissions))
    used = [
        (f, s)
        for f, s in zip(actuals.submission_files, actuals.submissions, strict=True)
        if s.year <= as_of
    ]
    content = ReportInput(
        plan=plan,
        submissions=[s for _, s in used],
        files=[f for f, _ in used],
        evaluations=evaluations,
        as_of=as_of,
        completions=completions,
        crosschecks=crosschecks,
    )
    writer = report_html if fmt is ReportFormat.HTML else report_markdown
    _deliver(writer(content, lang.value), output, force)
    errors = [d for d in actuals.diagnostics if d.severity == "error"]
    _fail_on_submission_errors(errors, lang)


def main() -> None:
    """Entry point of the `tnplan` script: exit codes 0-3, never a traceback."""
    # A run is short and builds no garbage cycles worth collecting; the cyclic collector,
    # run over and over as a large plan's objects pile up, would cost more than it frees.
    gc.disable()
    try:
        app(prog_name="tnplan")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("tnplan: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in tnplan: say so plainly, exit 3
        if os.environ.get("TNPLAN_DEBUG"):
            raise
        typer.echo(f"tnplan: internal error: {type(exc).__name__}: {exc}", err=True)
        typer.echo("tnplan: please report this; set TNPLAN_DEBUG=1 to see the traceback", err=True)
        sys.exit(EXIT_INTERNAL)
