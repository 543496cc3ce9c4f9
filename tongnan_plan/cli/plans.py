"""Commands over a repository of plans: plans (list them), init-plan (start the next one)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..calc.handover import NextPlan

from .help import TnplanCommand
from .loading import load_plan, repository
from .options import DataOption, ForceOption, LangOption, OutputOption, PlansFormatOption
from .output import chosen_format, deliver, loadable, written
from .root import app
from .run import Run


@app.command(cls=TnplanCommand)
def plans(
    fmt: PlansFormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """List the plans of the data directory: id, folder, title, period, indicators by tier,
    the years with submissions, and which one commands use without --plan. A plan that does
    not load is listed, its problems printed, and the exit code is 1.

    Example: tnplan plans --data data
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "plans", fmt, output)
    from ..model.diagnostics import TnplanError
    from ..present.plans import plans_view
    from ..sources.repository import PLAN_FILE_PROBLEMS

    plans = repository(data)
    if not plans.places:
        try:
            plans.choose()  # says that there is no plan here, as every command does
        except TnplanError as exc:
            codes = {d.code for d in exc.diagnostics}
            run.fail(exc.diagnostics, 2 if codes & PLAN_FILE_PROBLEMS else 1)
    summaries = plans.summaries()
    deliver(run, written(run, plans_view(summaries, run.lang.value), chosen, output), output, force)
    broken = [d for summary in summaries for d in summary.problems]
    if broken:  # listed, and said where: a plan of the repository does not load
        run.fail(broken, 2 if {d.code for d in broken} & PLAN_FILE_PROBLEMS else 1)


@app.command("init-plan", cls=TnplanCommand)
def init_plan(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The new plan's folder (created if missing); its targets.yaml is written.",
            show_default=False,
        ),
    ],
    from_plan: Annotated[
        str,
        typer.Option(
            "--from", help="The plan it follows, by id or folder name.", show_default=False
        ),
    ],
    period: Annotated[
        str,
        typer.Option("--period", help="The new plan's years, e.g. 2026-2030.", show_default=False),
    ],
    plan_id: Annotated[
        str | None,
        typer.Option("--id", help="The new plan's id (default: DIR's name).", show_default=False),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Start the next plan: a draft targets.yaml with the same indicators, the previous plan's
    final figures as baselines (null with a note where incomplete) and every target left as a
    placeholder that `tnplan check` reports as unfinished. Refuses to overwrite without --force.

    Example: tnplan init-plan data/15th --from tongnan-hrss-14th --period 2026-2030
    """
    run = Run.start(lang)
    from ..model.diagnostics import TnplanError
    from ..model.plan import parse_period
    from ..present.plan_file import next_plan_yaml
    from ..sources.repository import UsageError

    try:
        start, end = parse_period(period)
    except ValueError as exc:
        run.usage(f"--period {exc}", f"--period 应为规划期，如 2026-2030（{exc}）")
    try:
        draft = repository(data).next_plan(from_plan, start, end, plan_id or directory.name)
    except UsageError as exc:
        run.usage(exc.en, exc.zh)
    except TnplanError as exc:
        run.fail(exc.diagnostics)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        run.usage(
            f"cannot make {directory}: {exc.strerror}", f"无法创建 {directory}：{exc.strerror}"
        )
    deliver(run, loadable(run, next_plan_yaml(draft)), directory / "targets.yaml", force)
    _say_drafted(run, draft, directory / "targets.yaml")


def _say_drafted(run: Run, draft: NextPlan, written: Path) -> None:
    """On standard error: what the draft holds and what is left to write."""
    known = sum(1 for figure in draft.figures if figure.complete)
    count = len(draft.figures)
    run.tell(
        f"{count} indicators of {draft.previous.plan.id}: {known} baselines from its"
        f" {draft.baseline_year} figures, {count - known} left null (not complete);"
        f" {count} targets to write (tnplan check {written})",
        f"{count} 项指标（{draft.previous.plan.id}）：基期取自其 {draft.baseline_year}"
        f" 年数据 {known} 项，{count - known} 项数据不全留空；{count} 项目标待填写"
        f"（tnplan check {written}）",
    )


def show_across(
    run: Run,
    data: Path | None,
    plan_id: str | None,
    indicator_id: str,
    as_of: int,
    fmt: str,
    output: Path | None,
    force: bool,
) -> None:
    """`tnplan show ID --across-plans`: the indicator through the plans of its lineage."""
    from ..calc.across import across_plans
    from ..present.across import across_view

    directory, plan = load_plan(run, data, plan_id)
    chain, figures, at = repository(data).across(plan, directory)
    stretches = across_plans(chain, figures, at, indicator_id, as_of)
    view = across_view(stretches, run.lang.value)
    deliver(run, written(run, view, fmt, output), output, force)
