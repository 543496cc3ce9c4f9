"""Commands for submissions: check, schema, new."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from ..model.diagnostics import Diagnostic
    from ..model.plan import Plan
    from ..sources.store import Repository
    from ..validate.check import Actuals
    from ..validate.selection import Selection

from .loading import load_plan, repository
from .notices import say_config
from .options import command
from .output import chosen_format, colour_wanted, deliver, emit, written
from .root import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .run import Run, words


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    AUTO = "auto"


#: The options of `check`, each as the command declares it.
CheckFiles = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE…",
        help="Submission files (YYYY.yaml, YYYY.csv, YYYY.xlsx), or plan files (targets.yaml).",
        show_default=False,
    ),
]
CheckFormatOption = Annotated[
    CheckFormat,
    typer.Option(
        "--format",
        "-f",
        help="text; json; github (workflow annotations);"
        " auto: github under GitHub Actions, else text.",
    ),
]
StrictOption = Annotated[
    bool | None,
    typer.Option(
        "--strict/--no-strict",
        help="Warnings fail the check too (default: the config file's `strict`, else no).",
        show_default=False,
    ),
]


def _codes(option: str, said: str) -> Any:
    """A repeatable option naming codes of the catalogue."""
    return typer.Option(option, metavar="CODE", help=said, show_default=False)


IgnoreOption = Annotated[
    list[str] | None, _codes("--ignore", "Do not report this code (repeatable).")
]
WarnOnlyOption = Annotated[
    list[str] | None, _codes("--warn-only", "Report this code as a warning (repeatable).")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="The config file (default: the nearest tnplan.toml, or pyproject.toml with"
        " [tool.tnplan], from the files' folder up).",
        show_default=False,
    ),
]
MaxErrorsOption = Annotated[
    int | None,
    typer.Option(
        "--max-errors", min=1, help="Stop listing after this many errors.", show_default=False
    ),
]


@command("files output_format strict ignore warn_only config max_errors lang data plan_id")
def check(
    run: Run,
    files: CheckFiles,
    output_format: CheckFormatOption = CheckFormat.AUTO,
    strict: StrictOption = None,
    ignore: IgnoreOption = None,
    warn_only: WarnOnlyOption = None,
    config: ConfigOption = None,
    max_errors: MaxErrorsOption = None,
) -> None:
    """Validate data submissions against the plan, and plan files (their plan: key) on their
    own; print every problem with file:line:column.

    Exit 0 when valid (warnings allowed), 1 when not, 2 for a usage error.

    Example: tnplan check --strict --ignore missing-indicators data/actuals/*.yaml
    """
    from ..model.catalogue import CATALOGUE
    from ..model.diagnostics import Report, TnplanError
    from ..sources.config import choose

    try:
        chosen = choose(files, config, ignore or [], warn_only or [], strict)
    except TnplanError as exc:
        run.fail(exc.diagnostics, EXIT_USAGE)
    for problem in chosen.problems:
        run.usage(problem.en, problem.zh)
    actuals = _check_all(run, files, chosen.selection)
    report = Report(files=actuals.files, diagnostics=actuals.diagnostics, strict=chosen.strict)
    shown = _capped(report.diagnostics, max_errors)
    from ..present import reporters

    colour = colour_wanted()
    said = reporters.render(
        _output_format(output_format).value, report, shown, colour=colour, lang=run.lang.value
    )
    emit(said)
    say_config(
        run, chosen.config, actuals.changed_by_selection, command_line=bool(ignore or warn_only)
    )
    if any(CATALOGUE[d.code].usage for d in report.diagnostics if d.code in CATALOGUE):
        raise typer.Exit(EXIT_USAGE)  # a file that could not be used at all
    raise typer.Exit(EXIT_OK if report.valid else EXIT_INVALID)


def _check_all(run: Run, files: list[Path], selection: Selection) -> Actuals:
    """Every file checked, the results of each plan's group put together.

    A plan file (its `plan:` key) is checked on its own, against the repository's plans;
    a submission against the plan whose actuals/ it is in (else --plan's, or the default),
    the plan loaded only when a submission needs it. Earlier years come from the files'
    folders, else from that plan's directory, as `status` reads it."""
    from ..validate.check import Actuals

    plans = repository(run.data)
    actuals = Actuals()
    for wanted, group in _by_plan(files, plans, run.plan_id):
        one = _checked(run._replace(plan_id=wanted), group, plans, selection)
        actuals.files += one.files
        actuals.diagnostics += one.diagnostics
        actuals.changed_by_selection += one.changed_by_selection
    return actuals


def _capped(diagnostics: list[Diagnostic], max_errors: int | None) -> list[Diagnostic]:
    """The diagnostics to list: all, or with errors after the first max_errors left out."""
    from ..model.diagnostics import Severity

    if max_errors is None:
        return diagnostics
    kept, errors_seen = [], 0
    for d in diagnostics:
        if d.severity is Severity.ERROR:
            errors_seen += 1
            if errors_seen > max_errors:
                continue
        kept.append(d)
    return kept


def _output_format(fmt: CheckFormat) -> CheckFormat:
    """The format asked for; auto is github under GitHub Actions, else text."""
    if fmt is not CheckFormat.AUTO:
        return fmt
    return CheckFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.TEXT


def _by_plan(
    files: list[Path], repository: Repository, plan_id: str | None
) -> list[tuple[str | None, list[Path]]]:
    """The files in groups by the plan each is checked against: --plan's for all; else, for a
    file in a plan's actuals/ folder, that plan (by its folder), else the default plan."""
    if plan_id is not None:
        return [(plan_id, files)]
    folders = {(p.directory / "actuals").resolve(): p.folder for p in repository.places}
    groups: dict[str | None, list[Path]] = {}
    for path in files:
        folder = folders.get(path.parent.resolve())
        groups.setdefault(folder or None, []).append(path)
    return list(groups.items())


def _checked(run: Run, files: list[Path], plans: Repository, selection: Selection) -> Actuals:
    """Files checked against the run's plan (loaded only when a submission needs it)."""
    from ..sources.store import check_files

    loaded: list[tuple[Path, Plan]] = []

    def the_plan() -> tuple[Path, Plan]:
        if not loaded:
            loaded.append(load_plan(run))
        return loaded[0]

    return check_files(
        files,
        lambda: the_plan()[1],
        plans=plans,
        selection=selection,
        history=lambda: the_plan()[0],
    )


@command("output force data plan_id lang")
def schema(run: Run) -> None:
    """Print the JSON Schema of a submission, every indicator id listed, for editors.

    Put `# yaml-language-server: $schema=tnplan.schema.json` at the top of a submission and
    an editor with the YAML language server completes ids and flags mistakes as you type.

    Example: tnplan schema -o tnplan.schema.json
    """
    import json

    from ..validate.schema import submission_schema

    _, plan = load_plan(run)
    text = json.dumps(submission_schema(plan), ensure_ascii=False, indent=2) + "\n"
    deliver(run, text, run.output)


YearArgument = Annotated[
    int, typer.Argument(metavar="YEAR", help="The year the figures are for.", show_default=False)
]
TemplateOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Where to write (default: YYYY.yaml, .csv or .xlsx here; - for standard output).",
    ),
]
SchemaUrlOption = Annotated[
    str | None,
    typer.Option("--schema", help="Add a yaml-language-server line pointing at this schema."),
]


@command(
    "year output fmt tier force schema_url data plan_id lang",
    output=(TemplateOutputOption, None),
)
def new(run: Run, year: YearArgument, schema_url: SchemaUrlOption = None) -> None:
    """Write a blank submission for a year: a row per indicator of the tier, its name and unit.

    Refuses to replace an existing file unless --force is given.

    Example: tnplan new 2025 --format xlsx (writes 2025.xlsx)
    """
    from ..calc.evaluation import headline_tier, select

    _, plan = load_plan(run)
    if year not in plan.plan.years:
        first, last = plan.plan.start_year, plan.plan.end_year
        from ..model.catalogue import render

        run.usage(*render("year-outside-plan", {"year": year, "first": first, "last": last}))
    chosen = chosen_format(run)
    if schema_url and chosen != "yaml":
        run.usage(*words("usage.schema-yaml-only"))
    from ..present.plan_file import blank_submission_view
    from ..present.writers import WRITERS

    indicators = select(plan, run.tier_name)  # None: the headline tier
    # The template records its tier: a missing indicator is counted among that tier's only.
    recorded = run.tier_name or headline_tier(plan).value
    target = run.output or Path(f"{year}{WRITERS[chosen].suffixes[0]}")
    view = blank_submission_view(plan, year, indicators, schema_url, recorded)
    deliver(run, written(run, view, chosen, target), target)
