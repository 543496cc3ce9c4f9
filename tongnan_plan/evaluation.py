"""Evaluate a whole plan on its submissions: the rows behind `tnplan status`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .models import ExpectedPath, Indicator, Plan, Submission, Tier
from .progress import Evaluation, Observation, evaluate

__all__ = ["default_as_of", "evaluate_plan", "observations", "select"]


def observations(submissions: Iterable[Submission]) -> dict[str, dict[int, Observation]]:
    """Figures by indicator id and year, already in the indicator's unit."""
    out: dict[str, dict[int, Observation]] = {}
    for submission in submissions:
        for key, entry in submission.entries().items():
            out.setdefault(key, {})[submission.year] = Observation(
                submission.year,
                entry.value,
                submission.provenance,
                to_date=entry.to_date,
                comparator=entry.comparator,
            )
    return out


def default_as_of(plan: Plan, submissions: Sequence[Submission]) -> int:
    """The latest year with a submission, or the plan's first year when there is none."""
    return max((s.year for s in submissions), default=plan.plan.start_year)


def select(plan: Plan, tier: str = "main") -> list[Indicator]:
    """The indicators of one tier (main, goal, action), or of every tier with 'all'."""
    if tier == "all":
        return list(plan.indicators)
    wanted = Tier(tier)
    return [ind for ind in plan.indicators if ind.tier is wanted]


def evaluate_plan(
    plan: Plan,
    submissions: Sequence[Submission],
    as_of: int | None = None,
    tier: str = "main",
    path: ExpectedPath | None = None,
) -> list[Evaluation]:
    """Evaluate every indicator of the tier as of a year (default: the latest submitted).

    path, when given, overrides every indicator's expected path (linear or compound).
    """
    year = default_as_of(plan, submissions) if as_of is None else as_of
    figures = observations(submissions)
    return [
        evaluate(ind, figures.get(ind.id, {}), year, plan.plan, plan.thresholds, path=path)
        for ind in select(plan, tier)
    ]
