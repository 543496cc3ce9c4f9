"""Commands over a repository of plans: plans (list them), init-plan (start the next one)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ..calc.handover import NextPlan
    from ..model.diagnostics import Diagnostic

from .loading import repository
from .options import command
from .output import answer, chosen_format, deliver, loadable
from .root import EXIT_INVALID, EXIT_USAGE
from .run import Run, words


@command("fmt lang output force data")
def plans(run: Run) -> None:
    """List the plans of the data directory: id, folder, title, period, indicators by tier,
    the years with submissions, and which one commands use without --plan. A plan that does
    not load is listed, its problems printed, and the exit code is 1.

    Example: tnplan plans --data data
    """
    chosen = chosen_format(run)
    from ..model.diagnostics import TnplanError
    from ..present.plans import plans_view

    found = repository(run.data)
    if not found.places:
        try:
            found.choose()  # says that there is no plan here, as every command does
        except TnplanError as exc:
            _fail_on(run, exc.diagnostics)
    summaries = found.summaries()
    answer(run, plans_view(summaries, run.lang.value), chosen)
    broken = [d for summary in summaries for d in summary.problems]
    if broken:  # listed, and said where: a plan of the repository does not load
        _fail_on(run, broken)


def _fail_on(run: Run, problems: list[Diagnostic]) -> NoReturn:
    """The problems of plans on standard error: exit 2 when a plan file could not be read
    at all, else 1."""
    from ..sources.repository import PLAN_FILE_PROBLEMS

    unreadable = {d.code for d in problems} & PLAN_FILE_PROBLEMS
    run.fail(problems, EXIT_USAGE if unreadable else EXIT_INVALID)


DirArgument = Annotated[
    Path,
    typer.Argument(
        metavar="DIR",
        help="The new plan's folder (created if missing); its targets.yaml is written.",
        show_default=False,
    ),
]
FromOption = Annotated[
    str,
    typer.Option("--from", help="The plan it follows, by id or folder name.", show_default=False),
]
PeriodOption = Annotated[
    str, typer.Option("--period", help="The new plan's years, e.g. 2026-2030.", show_default=False)
]
NewIdOption = Annotated[
    str | None,
    typer.Option("--id", help="The new plan's id (default: DIR's name).", show_default=False),
]


@command("directory from_plan period new_id force lang data", name="init-plan")
def init_plan(
    run: Run,
    directory: DirArgument,
    from_plan: FromOption,
    period: PeriodOption,
    new_id: NewIdOption = None,
) -> None:
    """Start the next plan: a draft targets.yaml with the same indicators, the previous plan's
    final figures as baselines (null with a note where incomplete) and every target left as a
    placeholder that `tnplan check` reports as unfinished. Refuses to overwrite without --force.

    Example: tnplan init-plan data/15th --from tongnan-hrss-14th --period 2026-2030
    """
    from ..model.diagnostics import TnplanError
    from ..model.plan import FIRST_YEAR, LAST_YEAR, MAX_PLAN_YEARS, PeriodError, parse_period
    from ..present.plan_file import next_plan_yaml
    from ..sources.repository import UsageError

    try:
        start, end = parse_period(period)
    except PeriodError as exc:
        limits = {"first": FIRST_YEAR, "last": LAST_YEAR, "most": MAX_PLAN_YEARS}
        run.usage(*words(exc.key, period=period, **limits))
    try:
        draft = repository(run.data).next_plan(from_plan, start, end, new_id or directory.name)
    except UsageError as exc:
        run.usage(exc.en, exc.zh)
    except TnplanError as exc:
        run.fail(exc.diagnostics)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        run.usage(*words("usage.cannot-make", directory=directory, reason=exc.strerror))
    deliver(run, loadable(run, next_plan_yaml(draft)), directory / "targets.yaml")
    _say_drafted(run, draft, directory / "targets.yaml")


def _say_drafted(run: Run, draft: NextPlan, written: Path) -> None:
    """On standard error: what the draft holds and what is left to write."""
    known = sum(1 for figure in draft.figures if figure.complete)
    count = len(draft.figures)
    run.tell(
        *words(
            "draft.from-previous",
            count=count,
            plan=draft.previous.plan.id,
            known=known,
            year=draft.baseline_year,
            unknown=count - known,
            written=written,
        )
    )
