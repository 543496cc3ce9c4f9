"""The tnplan command line: parse options, call the library, render, set the exit code.

Exit codes: 0 success (a valid submission, warnings allowed); 1 invalid data (or warnings
with --strict); 2 a usage error; 3 a failure of tnplan itself.
Only this module imports Typer; heavy modules are imported inside the commands that use them.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__
from .present.choices import Format, Lang, PathChoice, ReportFormat, StatusFormat, TierChoice

if TYPE_CHECKING:
    from .extract.draft import Draft
    from .model.diagnostics import Diagnostic
    from .model.plan import ExpectedPath, Plan
    from .present.terminal import Screen
    from .validate.rules import Actuals

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
    from .present.status_table import status_output, status_title

    plan, actuals, as_of = _evaluated(data, lang, year, warnings=False)  # errors only
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, tier.value, _path(path))
    title = status_title(plan.plan.title, plan.plan.title_en, as_of, lang.value)
    text = status_output(
        evaluations, fmt.value, title=title, lang=lang.value, screen=_screen(output), excel=excel
    )
    _deliver(text, output, force)
    _fail_on_submission_errors(actuals.diagnostics, lang)


def _fail_on_submission_errors(diagnostics: list[Diagnostic], lang: Lang) -> None:
    """After the output: say which submitted figures were left out (errors), and exit 1."""
    errors = [d for d in diagnostics if d.severity == "error"]
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


def _language(chosen: Lang | None) -> Lang:
    """--lang or TNPLAN_LANG when given, else the locale's: English, or Chinese by default.

    Also sets the language of this run's own messages (see _say).
    """
    _Run.lang = chosen if chosen is not None else Lang.of_environment()
    return _Run.lang


def _usage_in_language() -> None:
    """Have Click say its usage errors ("Missing option", "No such option") in the run's
    language, read from the command line as the error is shown (see present/usage.py)."""
    usage_error: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    if getattr(usage_error.show, "translated", False):
        return
    english = usage_error.show

    def show(self: Exception, file: IO[str] | None = None) -> None:
        from .present.usage import translate_usage, usage_language

        said = io.StringIO()
        english(self, said)
        (file or sys.stderr).write(translate_usage(said.getvalue(), usage_language(sys.argv[1:])))

    show.translated = True  # type: ignore[attr-defined]
    usage_error.show = show


def _path(choice: PathChoice | None) -> ExpectedPath | None:
    from .model.plan import ExpectedPath

    return None if choice is None else ExpectedPath(choice.value)


def _evaluated(
    data: Path | None, lang: Lang, year: int | None, *, warnings: bool = True
) -> tuple[Plan, Actuals, int]:
    """The plan, its submissions, and the year to evaluate as of (--year, checked against the
    plan, or the latest year submitted)."""
    from .calc.evaluation import default_as_of
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    first, last = plan.plan.start_year, plan.plan.end_year
    if year is not None and year not in plan.plan.years:
        _usage(
            f"--year {year} is outside the plan period {first}-{last}",
            f"--year {year} 不在规划期 {first}-{last} 年之内",
        )
    actuals = load_actuals(directory, plan, warnings=warnings)
    if year is not None and all(s.year != year for s in actuals.submissions):
        from .present.messages import missing_year
        from .sources.store import ACTUALS

        latest = max((s.year for s in actuals.submissions if s.year < year), default=None)
        typer.echo(missing_year(year, latest, directory / ACTUALS, lang.value), err=True)
    return plan, actuals, default_as_of(plan, actuals.submissions) if year is None else year


def _screen(output: Path | None, width: int | None = None) -> Screen:
    """The terminal when writing to standard output; plain text of a fixed width for a file."""
    from .present.terminal import Screen

    return Screen.detect() if output is None else Screen.plain(width)


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
    from .calc.evaluation import observations, story
    from .present.story import story_output

    plan, actuals, as_of = _evaluated(data, lang, year)
    try:
        indicator = plan.indicator(indicator_id)
    except KeyError:
        import difflib

        near = difflib.get_close_matches(indicator_id, [i.id for i in plan.indicators], n=1)
        hint = f"; did you mean {near[0]!r}?" if near else "; see tnplan indicators"
        hint_zh = f"；是否应为 {near[0]!r}？" if near else "；请用 tnplan indicators 查看"
        _usage(f"no indicator {indicator_id!r}{hint}", f"没有指标 {indicator_id!r}{hint_zh}")
    figures = observations(actuals.submissions).get(indicator.id, {})
    rows, evaluation = story(plan, indicator, figures, as_of, _path(path))
    years = plan.plan.years
    text = story_output(rows, evaluation, years, fmt.value, lang=lang.value, screen=_screen(output))
    _deliver(text, output, force)


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
    from .present.catalogue import catalogue_output

    _, plan = _load_plan(data, lang)
    text = catalogue_output(
        select(plan, tier.value),
        fmt.value,
        lang=lang.value,
        screen=_screen(output),
        to_file=output is not None,
        excel=excel,
    )
    _deliver(text, output, force)


@app.command()
def check(
    files: Annotated[
        list[Path], typer.Argument(help="Submission files (YYYY.yaml).", show_default=False)
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
    from .model.diagnostics import Report, Severity
    from .validate.rules import check_paths

    _, plan = _load_plan(data, lang)
    actuals = check_paths(files, plan)
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
    usage_codes = {"file-not-found", "is-directory"}
    if any(d.code in usage_codes for d in report.diagnostics):
        raise typer.Exit(EXIT_USAGE)
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
    from .present.audit_tables import audit_output
    from .sources.store import load_actuals

    directory, plan = _load_plan(data, lang)
    actuals = load_actuals(directory, plan)
    completions, checks = audit_plan(plan, observations(actuals.submissions))
    text = audit_output(
        completions,
        checks,
        fmt.value,
        lang=lang.value,
        screen=_screen(output, width=160),
        records="crosschecks" if crosschecks else "completions",
    )
    _deliver(text, output, force)
    verdicts = [c.verdict for c in completions] + [c.verdict for c in checks]
    if Verdict.MISMATCH in verdicts:
        raise typer.Exit(EXIT_INVALID)


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
    from .calc.evaluation import evaluate_plan, observations
    from .present.report import ReportInput, report_html, report_markdown

    plan, actuals, as_of = _evaluated(data, lang, year)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, tier.value, _path(path))
    audit = audit_plan(plan, observations(actuals.submissions))
    files = actuals.submission_files
    content = ReportInput(plan, actuals.submissions, files, evaluations, as_of, *audit)
    writer = report_html if fmt is ReportFormat.HTML else report_markdown
    _deliver(writer(content, lang.value), output, force)
    _fail_on_submission_errors(actuals.diagnostics, lang)


@app.command()
def extract(
    plan_file: Annotated[
        Path,
        typer.Argument(
            help="The plan document: .txt or .md (as copied from a web page), .html, .docx, .pdf.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Where to write the draft; - for standard output."),
    ] = Path("targets.yaml"),
    force: ForceOption = False,
    previous: Annotated[
        bool,
        typer.Option(
            "--previous",
            help="Draft the previous plan instead, from the table of its results (专栏1).",
        ),
    ] = False,
    results: Annotated[
        Path | None,
        typer.Option(
            "--results",
            help="With --previous: also write that table's results as a submission file.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a plan file (targets.yaml) from a plan's own text, asking only what it leaves open.

    Finds the indicator tables by their header and the targets the prose sets, links figures
    printed twice, and gives each target a proposed kind with its evidence (note:) and the
    questions a person must settle (review:). A summary goes to standard error.
    Exit 0 when a draft was written, 1 when no indicator table or target was found, 2 for a
    usage error (a file that cannot be read, an existing output without --force).

    Example: tnplan extract plan.txt -o data/targets.yaml
    """
    lang = _language(lang)
    from .extract import draft_yaml, extract_plan, results_yaml
    from .model.diagnostics import TnplanError

    if results is not None and not previous:
        _usage("--results needs --previous", "--results 需与 --previous 一起使用")
    try:
        draft = extract_plan(plan_file)
    except TnplanError as exc:
        _fail(exc.diagnostics, lang, EXIT_USAGE)
    found = draft.previous if previous else draft.plan
    typer.echo(_extract_summary(draft), err=True)
    if found is None or not found.indicators:
        what = "no previous plan's table" if previous else "no indicator table or target"
        what_zh = "没有上一规划的指标表" if previous else "没有找到指标表或目标"
        typer.echo(f"tnplan: {plan_file}: {_say(what + ' found', what_zh)}", err=True)
        raise typer.Exit(EXIT_INVALID)
    _deliver(draft_yaml(draft, previous=previous), None if str(output) == "-" else output, force)
    if results is not None:
        _deliver(results_yaml(draft), results, force)


def _extract_summary(draft: Draft) -> str:
    """Tables found, rows, prose targets and open questions, in the run's language."""
    parts = []
    for table in draft.tables:
        whose = _say(", previous plan", "，上一规划") if table.previous else ""
        parts.append(f"{table.label} ({table.rows} {_say('rows', '行')}{whose})")
    tables = ", ".join(parts) or _say("none", "无")
    questions = draft.plan.questions() + (draft.previous.questions() if draft.previous else 0)
    return _say(
        f"tables: {tables}; targets in the text: {draft.prose_targets}; "
        f"questions open: {questions}",
        f"指标表：{tables}；正文目标：{draft.prose_targets} 个；待复核问题：{questions} 个",
    )


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
