"""Commands that evaluate the plan: status, show, indicators, audit, report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..model.plan import Indicator, Plan

from ..present.choices import (
    Lang,
    TierChoice,
)
from .help import TnplanCommand
from .loading import evaluated, expected_path, load_plan, repository
from .notices import fail_on_submission_errors
from .options import (
    AuditFormatOption,
    DataOption,
    ExcelOption,
    ForceOption,
    LangOption,
    ListFormatOption,
    OutputOption,
    PathOption,
    PlanOption,
    QuietOption,
    ReportFormatOption,
    ShowFormatOption,
    StatusFormatOption,
    TierOption,
    YearOption,
)
from .output import chosen_format, deliver, written
from .root import EXIT_INVALID, app
from .run import Run


def _tier(tier: TierChoice | None) -> str | None:
    """The tier asked for, or None: the plan's headline tier (main, else its first)."""
    return None if tier is None else tier.value


@app.command(cls=TnplanCommand)
def status(
    year: YearOption = None,
    tier: TierOption = None,
    fmt: StatusFormatOption = None,
    lang: LangOption = None,
    path: PathOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
    quiet: QuietOption = False,
) -> None:
    """Show where every indicator stands: completion, 序时进度 and status.

    Example: tnplan status --year 2023 --format csv --output status.csv
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "status", fmt, output, excel=excel)
    from ..calc.evaluation import evaluate_plan
    from ..present.status_table import status_title, status_view

    plan, actuals, as_of = evaluated(run, data, year, plan_id=plan_id)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, _tier(tier), expected_path(path))
    title = status_title(plan.plan.title, plan.plan.title_en, as_of, run.lang.value)
    text = written(run, status_view(evaluations, title), chosen, output, excel=excel)
    deliver(run, text, output, force)
    fail_on_submission_errors(run, actuals, quiet=quiet)


def _indicator(run: Run, plan: Plan, wanted: str) -> Indicator:
    """The indicator an id or name picks; a usage error naming the nearest one if none."""
    indicator = plan.lookup(wanted)
    if indicator is None:
        near = plan.nearest(wanted)
        hint = f"; did you mean {near.id!r} ({near.name})?" if near else "; see tnplan indicators"
        hint_zh = (
            f"；是否应为 {near.id!r}（{near.name}）？" if near else "；请用 tnplan indicators 查看"
        )
        run.usage(f"no indicator {wanted!r}{hint}", f"没有指标 {wanted!r}{hint_zh}")
    return indicator


@app.command(cls=TnplanCommand)
def show(
    indicator_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="An indicator's id or name (see tnplan indicators)."),
    ],
    year: YearOption = None,
    fmt: ShowFormatOption = None,
    lang: LangOption = None,
    path: PathOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
    across_plans: Annotated[
        bool,
        typer.Option(
            "--across-plans",
            help="Draw the indicator through every plan it runs through (previous:, "
            "continues:), each plan's period and target marked.",
        ),
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Show one indicator's whole story: every year's figure against the expected path and target.

    Example: tnplan show urban_new_jobs --across-plans
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "show", fmt, output)
    from ..calc.evaluation import observations, story
    from ..present.story import story_view

    plan, actuals, as_of = evaluated(run, data, year, plan_id=plan_id)
    indicator = _indicator(run, plan, indicator_id)
    if across_plans:
        from .plans import show_across

        show_across(run, data, plan_id, indicator.id, as_of, chosen, output, force)
        return
    figures = observations(actuals.submissions).get(indicator.id, {})
    rows, evaluation = story(plan, indicator, figures, as_of, expected_path(path))
    view = story_view(rows, evaluation, plan.plan.years, run.lang.value)
    deliver(run, written(run, view, chosen, output), output, force)
    fail_on_submission_errors(run, actuals, quiet=quiet)


@app.command(cls=TnplanCommand)
def indicators(
    tier: TierOption = None,
    fmt: ListFormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
) -> None:
    """List the plan's indicators: id, name, unit, kind, attribute, baseline, target, source.

    Example: tnplan indicators --tier main --format json
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "indicators", fmt, output, excel=excel)
    from ..calc.evaluation import select
    from ..present.catalogue import catalogue_view

    _, plan = load_plan(run, data, plan_id)
    title = plan.plan.title if run.lang is Lang.ZH else plan.plan.title_en
    view = catalogue_view(select(plan, _tier(tier) or TierChoice.ALL.value), title)
    deliver(run, written(run, view, chosen, output, excel=excel), output, force)


@app.command(cls=TnplanCommand)
def audit(
    crosschecks: Annotated[
        bool,
        typer.Option(
            "--crosschecks", help="CSV/JSON: the figures printed twice instead of the completions."
        ),
    ] = False,
    baselines: Annotated[
        bool,
        typer.Option(
            "--baselines",
            help="CSV/JSON: the baselines against the previous plan's figures instead.",
        ),
    ] = False,
    fmt: AuditFormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
) -> None:
    """Recompute the completion figures the plan prints, compare figures printed twice, and
    each baseline with the previous plan's figure for its year (previous:, continues:).

    Verdicts: ok (agrees at the printed precision), not_comparable (a total over a period
    against a year's figure, units that do not convert, bounds), rounding (differs only by
    truncation or rounding up), mismatch (the printed figure is not what its inputs give).
    Exits 1 when a mismatch is found, so that it can guard a published table in CI.

    Example: tnplan audit --data data/13th
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "audit", fmt, output)
    from ..calc.audit import Verdict, audit_baselines, audit_plan
    from ..calc.evaluation import observations
    from ..present.audit_tables import audit_view
    from ..sources.store import load_actuals

    directory, plan = load_plan(run, data, plan_id)
    actuals = load_actuals(directory, plan)
    completions, checks = audit_plan(plan, observations(actuals.submissions))
    previous = repository(data).previous(plan)
    against = (
        []
        if previous is None
        else audit_baselines(plan, previous[0], observations(previous[1].submissions))
    )
    records = "crosschecks" if crosschecks else "baselines" if baselines else "completions"
    view = audit_view(completions, checks, against, records)
    deliver(run, written(run, view, chosen, output, width=160), output, force)
    verdicts = [c.verdict for c in completions] + [c.verdict for c in checks]
    verdicts += [b.verdict for b in against]
    if Verdict.MISMATCH in verdicts:
        raise typer.Exit(EXIT_INVALID)


@app.command(cls=TnplanCommand)
def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The file to write (atomically); - for standard output."
        ),
    ],
    year: YearOption = None,
    fmt: ReportFormatOption = None,
    lang: LangOption = None,
    tier: TierOption = None,
    path: PathOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write the evaluation report: summary, tables by area, a chart per main indicator, audit.

    The HTML page is self-contained (no network needed) and prints well. The Word document
    (-o FILE.docx) drafts a sentence per indicator and marks what only a person can write.

    Example: tnplan report --year 2023 -o 中期评估.html
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "report", fmt, output)
    from ..calc.audit import audit_plan
    from ..calc.evaluation import evaluate_plan, observations
    from ..present.report import ReportInput
    from ..present.report_view import report_view

    plan, actuals, as_of = evaluated(run, data, year, plan_id=plan_id)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of, _tier(tier), expected_path(path))
    audit = audit_plan(plan, observations(actuals.submissions))
    files = actuals.submission_files
    content = ReportInput(plan, actuals.submissions, files, evaluations, as_of, *audit)
    deliver(run, written(run, report_view(content), chosen, output), output, force)
    fail_on_submission_errors(run, actuals, quiet=quiet)
