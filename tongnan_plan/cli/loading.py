"""The plan and its submissions a command works on, from --data and --plan: a plan that
cannot be chosen is a usage error, one that does not load its own problems, located."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .root import EXIT_INVALID, EXIT_USAGE
from .run import words

if TYPE_CHECKING:
    from ..model.plan import ExpectedPath, Plan
    from ..sources.store import Repository
    from ..validate.check import Actuals
    from .run import Run

__all__ = ["evaluated", "expected_path", "load_plan", "repository"]


def repository(data: Path | None) -> Repository:
    """The repository of plans --data names (or TNPLAN_DATA, ./data, the bundled one)."""
    from ..sources.repository import locate_data
    from ..sources.store import Repository

    return Repository.at(locate_data(data))


def load_plan(run: Run) -> tuple[Path, Plan]:
    """The directory and the plan --plan picks from --data's repository (usage error if none
    or several answer; the plan's own problems, located, if it does not load)."""
    from ..model.diagnostics import TnplanError
    from ..sources.repository import PLAN_FILE_PROBLEMS, PlanChoiceError

    plans = repository(run.data)
    try:
        place = plans.choose(run.plan_id)
        return place.directory, plans.load(place)
    except PlanChoiceError as exc:
        run.usage(exc.en, exc.zh)
    except TnplanError as exc:
        unreadable = any(d.code in PLAN_FILE_PROBLEMS for d in exc.diagnostics)
        run.fail(exc.diagnostics, EXIT_USAGE if unreadable else EXIT_INVALID)


def evaluated(run: Run) -> tuple[Plan, Actuals, int]:
    """The plan, its submissions, and the year to evaluate as of (--year, checked against the
    plan, or the latest year submitted)."""
    from ..calc.evaluation import default_as_of
    from ..sources.store import load_actuals

    directory, plan = load_plan(run)
    year, first, last = run.year, plan.plan.start_year, plan.plan.end_year
    if year is not None and year not in plan.plan.years:
        run.usage(*words("usage.year-outside-plan", year=year, first=first, last=last))
    _say_unfinished(run, plan)
    actuals = load_actuals(directory, plan)
    if year is not None and all(s.year != year for s in actuals.submissions):
        from ..present.messages import missing_year
        from ..sources.repository import ACTUALS

        latest = max((s.year for s in actuals.submissions if s.year < year), default=None)
        typer.echo(missing_year(year, latest, directory / ACTUALS, run.lang.value), err=True)
    return plan, actuals, default_as_of(plan, actuals.submissions) if year is None else year


def expected_path(run: Run) -> ExpectedPath | None:
    """The expected path --path holds every indicator to, or None: each indicator's own."""
    from ..model.plan import ExpectedPath

    return None if run.path is None else ExpectedPath(run.path.value)


def _say_unfinished(run: Run, plan: Plan) -> None:
    """On standard error: how many targets of the plan are still placeholders (a draft)."""
    unfinished = sum(1 for ind in plan.indicators if ind.target.unfinished)
    if unfinished:
        run.tell(*words("notice.unfinished", count=unfinished, plan=plan.plan.id))
