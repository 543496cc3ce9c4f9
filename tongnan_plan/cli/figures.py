"""`tnplan figures`: every reported figure in long form."""

from __future__ import annotations

from ..present.choices import TierChoice
from .loading import evaluated
from .notices import fail_on_submission_errors
from .options import command
from .output import answer, chosen_format
from .run import Run


@command("tier fmt lang output force excel data plan_id quiet")
def figures(run: Run) -> None:
    """List every reported figure, one row per indicator and year: its value, unit,
    provenance and source, the running total and the expected value for that year.

    Default: every tier. For pandas or DuckDB: --format csv or json (see Column types).

    Example: tnplan figures --format csv -o figures.csv
    """
    chosen = chosen_format(run)
    from ..calc.figures import reported_figures
    from ..present.figures import figures_view

    plan, actuals, _ = evaluated(run)
    tier = run.tier_name or TierChoice.ALL.value
    found = reported_figures(plan, actuals.submissions, actuals.submission_files, tier)
    title = run.say(plan.plan.title_en, plan.plan.title)
    answer(run, figures_view(found, title), chosen)
    fail_on_submission_errors(run, actuals)
