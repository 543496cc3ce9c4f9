"""`tnplan figures`: every reported figure in long form."""

from __future__ import annotations

from ..present.choices import TierChoice
from .help import TnplanCommand
from .loading import evaluated
from .notices import fail_on_submission_errors
from .options import (
    DataOption,
    ExcelOption,
    FiguresFormatOption,
    ForceOption,
    LangOption,
    OutputOption,
    PlanOption,
    QuietOption,
    TierOption,
)
from .output import chosen_format, deliver, written
from .root import app
from .run import Run


@app.command(cls=TnplanCommand)
def figures(
    tier: TierOption = None,
    fmt: FiguresFormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
    data: DataOption = None,
    plan_id: PlanOption = None,
    quiet: QuietOption = False,
) -> None:
    """List every reported figure, one row per indicator and year: its value, unit,
    provenance and source, the running total and the expected value for that year.

    Default: every tier. For pandas or DuckDB: --format csv or json (see Column types).

    Example: tnplan figures --format csv -o figures.csv
    """
    run = Run.start(lang)
    chosen = chosen_format(run, "figures", fmt, output, excel=excel)
    from ..calc.figures import reported_figures
    from ..present.figures import figures_view

    plan, actuals, _ = evaluated(run, data, None, plan_id=plan_id)
    found = reported_figures(
        plan,
        actuals.submissions,
        actuals.submission_files,
        TierChoice.ALL.value if tier is None else tier.value,
    )
    title = plan.plan.title if run.lang.value == "zh" else plan.plan.title_en
    deliver(
        run, written(run, figures_view(found, title), chosen, output, excel=excel), output, force
    )
    fail_on_submission_errors(run, actuals, quiet=quiet)
