"""Commands that evaluate the plan: status, show, indicators, audit, report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..calc.audit import BaselineAudit
    from ..model.plan import Indicator, Plan

from ..model.problem import Words
from ..present.choices import TierChoice
from .loading import evaluated, expected_path, load_plan, repository
from .notices import fail_on_submission_errors
from .options import REQUIRED, command
from .output import answer, chosen_format
from .root import EXIT_INVALID
from .run import Run, words


@command("year tier fmt lang path output force excel data plan_id quiet")
def status(run: Run) -> None:
    """Show where every indicator stands: completion, 序时进度 and status.

    Example: tnplan status --year 2023 --format csv --output status.csv
    """
    chosen = chosen_format(run)
    from ..calc.evaluation import evaluate_plan
    from ..present.status_table import status_title, status_view

    plan, actuals, as_of = evaluated(run)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, run.tier_name, expected_path(run))
    title = status_title(plan.plan.title, plan.plan.title_en, as_of, run.lang.value)
    answer(run, status_view(evaluations, title), chosen)
    fail_on_submission_errors(run, actuals)


def _indicator(run: Run, plan: Plan, wanted: str) -> Indicator:
    """The indicator an id or name picks; a usage error naming the nearest one if none."""
    indicator = plan.lookup(wanted)
    if indicator is None:
        near = plan.nearest(wanted)
        hint = f"; did you mean {near.id!r} ({near.name})?" if near else "; see tnplan indicators"
        hint_zh = (
            f"；是否应为 {near.id!r}（{near.name}）？" if near else "；请用 tnplan indicators 查看"
        )
        run.usage(*words("usage.no-indicator", wanted=wanted, hint=Words(hint, hint_zh)))
    return indicator


IndicatorArgument = Annotated[
    str, typer.Argument(metavar="ID", help="An indicator's id or name (see tnplan indicators).")
]
AcrossPlansOption = Annotated[
    bool,
    typer.Option(
        "--across-plans",
        help="Draw the indicator through every plan it runs through (previous:, "
        "continues:), each plan's period and target marked.",
    ),
]


@command("indicator_id year fmt lang path output force data plan_id across_plans quiet")
def show(
    run: Run, indicator_id: IndicatorArgument, across_plans: AcrossPlansOption = False
) -> None:
    """Show one indicator's whole story: every year's figure against the expected path and target.

    Example: tnplan show urban_new_jobs --across-plans
    """
    chosen = chosen_format(run)
    from ..calc.evaluation import observations, story
    from ..present.story import story_view

    plan, actuals, as_of = evaluated(run)
    indicator = _indicator(run, plan, indicator_id)
    if across_plans:
        _show_across(run, indicator.id, as_of, chosen)
        return
    figures = observations(actuals.submissions).get(indicator.id, {})
    rows, evaluation = story(plan, indicator, figures, as_of, expected_path(run))
    answer(run, story_view(rows, evaluation, plan.plan.years, run.lang.value), chosen)
    fail_on_submission_errors(run, actuals)


def _show_across(run: Run, indicator_id: str, as_of: int, fmt: str) -> None:
    """`tnplan show ID --across-plans`: the indicator through the plans of its lineage."""
    from ..calc.across import across_plans
    from ..present.across import across_view

    directory, plan = load_plan(run)
    chain, figures, at = repository(run.data).across(plan, directory)
    stretches = across_plans(chain, figures, at, indicator_id, as_of)
    answer(run, across_view(stretches, run.lang.value), fmt)


@command("tier fmt lang output force excel data plan_id")
def indicators(run: Run) -> None:
    """List the plan's indicators: id, name, unit, kind, attribute, baseline, target, source.

    Example: tnplan indicators --tier main --format json
    """
    chosen = chosen_format(run)
    from ..calc.evaluation import select
    from ..present.catalogue import catalogue_view

    _, plan = load_plan(run)
    title = run.say(plan.plan.title_en, plan.plan.title)
    answer(run, catalogue_view(select(plan, run.tier_name or TierChoice.ALL.value), title), chosen)


CrosschecksOption = Annotated[
    bool,
    typer.Option(
        "--crosschecks", help="CSV/JSON: the figures printed twice instead of the completions."
    ),
]
BaselinesOption = Annotated[
    bool,
    typer.Option(
        "--baselines", help="CSV/JSON: the baselines against the previous plan's figures instead."
    ),
]


@command("crosschecks baselines fmt lang output force data plan_id")
def audit(
    run: Run, crosschecks: CrosschecksOption = False, baselines: BaselinesOption = False
) -> None:
    """Recompute the completion figures the plan prints, compare figures printed twice, and
    each baseline with the previous plan's figure for its year (previous:, continues:).

    Verdicts: ok (agrees at the printed precision), not_comparable (a total over a period
    against a year's figure, units that do not convert, bounds), rounding (differs only by
    truncation or rounding up), mismatch (the printed figure is not what its inputs give).
    Exits 1 when a mismatch is found, so that it can guard a published table in CI.

    Example: tnplan audit --data data/13th
    """
    chosen = chosen_format(run)
    from ..calc.audit import Verdict, audit_plan
    from ..calc.evaluation import observations
    from ..present.audit_tables import audit_view
    from ..sources.store import load_actuals

    directory, plan = load_plan(run)
    completions, checks = audit_plan(plan, observations(load_actuals(directory, plan).submissions))
    against = _baselines(run, plan)
    records = "crosschecks" if crosschecks else "baselines" if baselines else "completions"
    answer(run, audit_view(completions, checks, against, records), chosen, width=160)
    verdicts = [c.verdict for c in completions] + [c.verdict for c in checks]
    if Verdict.MISMATCH in verdicts + [b.verdict for b in against]:
        raise typer.Exit(EXIT_INVALID)


def _baselines(run: Run, plan: Plan) -> list[BaselineAudit]:
    """The plan's baselines against the previous plan's figures (none without one)."""
    from ..calc.audit import audit_baselines
    from ..calc.evaluation import observations

    previous = repository(run.data).previous(plan)
    if previous is None:
        return []
    return audit_baselines(plan, previous[0], observations(previous[1].submissions))


ReportOutputOption = Annotated[
    Path,
    typer.Option("--output", "-o", help="The file to write (atomically); - for standard output."),
]


@command(
    "output year fmt lang tier path force data plan_id quiet",
    output=(ReportOutputOption, REQUIRED),
)
def report(run: Run) -> None:
    """Write the evaluation report: summary, tables by area, a chart per main indicator, audit.

    The HTML page is self-contained (no network needed) and prints well. The Word document
    (-o FILE.docx) drafts a sentence per indicator and marks what only a person can write.

    Example: tnplan report --year 2023 -o 中期评估.html
    """
    chosen = chosen_format(run)
    from ..calc.audit import audit_plan
    from ..calc.evaluation import evaluate_plan, observations
    from ..present.report import ReportInput
    from ..present.report_view import report_view

    plan, actuals, as_of = evaluated(run)
    submissions = actuals.submissions
    evaluations = evaluate_plan(plan, submissions, as_of, run.tier_name, expected_path(run))
    audit = audit_plan(plan, observations(submissions))
    files = actuals.submission_files
    content = ReportInput(plan, submissions, files, evaluations, as_of, *audit)
    answer(run, report_view(content), chosen)
    fail_on_submission_errors(run, actuals)
