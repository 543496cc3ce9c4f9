"""`tnplan figures`: every reported figure in long form."""

from __future__ import annotations

from ..present.choices import TierChoice
from .common import (
    DataOption,
    ExcelOption,
    FiguresFormatOption,
    ForceOption,
    LangOption,
    OutputOption,
    PlanOption,
    QuietOption,
    TierOption,
    _deliver,
    _evaluated,
    _fail_on_submission_errors,
    _format,
    _language,
    _written,
    app,
)
from .help import TnplanCommand


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
    lang = _language(lang)
    chosen = _format("figures", fmt, output, excel=excel)
    from ..calc.figures import reported_figures
    from ..present.figures import figures_view

    plan, actuals, _ = _evaluated(data, lang, None, plan_id=plan_id)
    found = reported_figures(
        plan,
        actuals.submissions,
        actuals.submission_files,
        TierChoice.ALL.value if tier is None else tier.value,
    )
    title = plan.plan.title if lang.value == "zh" else plan.plan.title_en
    _deliver(_written(figures_view(found, title), chosen, lang, output, excel=excel), output, force)
    _fail_on_submission_errors(actuals, lang, quiet=quiet)
