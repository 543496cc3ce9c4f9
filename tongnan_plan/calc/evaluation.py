"""Evaluate a whole plan on its submissions: the rows behind `tnplan status`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ..model.plan import (
    ExpectedPath,
    Indicator,
    Kind,
    Plan,
    Provenance,
    Tier,
)
from ..model.submission import Submission, basis_of, figure_of
from .progress import (
    Evaluation,
    Observation,
    evaluate,
    expected_value,
    has_numeric_path,
    time_elapsed,
)
from .series import plan_series

__all__ = [
    "YearRow",
    "default_as_of",
    "evaluate_plan",
    "headline_tier",
    "observations",
    "select",
    "story",
]


def observations(submissions: Iterable[Submission]) -> dict[str, dict[int, Observation]]:
    """Figures by indicator id and year, already in the indicator's unit."""
    out: dict[str, dict[int, Observation]] = {}
    for submission in submissions:
        year, provenance = submission.year, submission.provenance
        for key, raw in submission.values.items():
            value, to_date, comparator = figure_of(raw)
            change, same_basis = basis_of(raw)
            out.setdefault(key, {})[year] = Observation(
                year,
                value,
                provenance,
                to_date=to_date,
                comparator=comparator,
                basis_change=change,
                previous_same_basis=same_basis,
            )
    return out


def default_as_of(plan: Plan, submissions: Sequence[Submission]) -> int:
    """The latest year with a submission, or the plan's first year when there is none."""
    return max((s.year for s in submissions), default=plan.plan.start_year)


def headline_tier(plan: Plan) -> Tier:
    """The tier a plan is read by: its main indicators, else its first tier that has any."""
    tiers = {ind.tier for ind in plan.indicators}
    return next((tier for tier in Tier if tier in tiers), Tier.MAIN)


def select(plan: Plan, tier: str | None = "main") -> list[Indicator]:
    """The indicators of one tier (main, goal, action), of every tier with 'all', or of the
    plan's headline tier (see headline_tier) with None."""
    if tier == "all":
        return list(plan.indicators)
    wanted = headline_tier(plan) if tier is None else Tier(tier)
    return [ind for ind in plan.indicators if ind.tier is wanted]


def evaluate_plan(
    plan: Plan,
    submissions: Sequence[Submission],
    as_of: int | None = None,
    tier: str | None = "main",
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


class YearRow(NamedTuple):
    """One year of an indicator's story. (A named tuple, not a dataclass: a dataclass's
    methods are compiled on every start-up, and `tnplan status` draws no story.)"""

    year: int
    #: The figure as submitted (a flow for cumulative indicators unless to_date).
    value: float | None
    to_date: bool
    provenance: Provenance | None
    #: Cumulative indicators: the total to date, where it is known.
    cumulative: float | None
    #: Cumulative indicators: the lower bound on the total to date (equal to it where that is
    #: known): the last total to date plus every flow reported after it.
    known_total: float | None
    #: Where the expected path stands at the end of the year (the total, for cumulative ones).
    expected: float | None
    annual_target: float | None


def story(
    plan: Plan,
    indicator: Indicator,
    figures: Mapping[int, Observation],
    as_of: int,
    path: ExpectedPath | None = None,
) -> tuple[list[YearRow], Evaluation]:
    """Every year of the plan for one indicator, and its evaluation as of a year (the years
    after it drawn without figures)."""
    chosen = path or indicator.path
    info = plan.plan
    cumulative = indicator.kind is Kind.CUMULATIVE
    baseline = indicator.baseline_value
    rows = []
    for point in plan_series(indicator.kind, figures, info, as_of=as_of).points:
        o = point.observation
        tau = time_elapsed(point.year, info)
        if cumulative:
            expected = indicator.target_value * tau if indicator.has_target else None
        elif has_numeric_path(indicator) and baseline is not None:
            expected = expected_value(baseline, indicator.target_value, tau, chosen)
        else:
            expected = None
        rows.append(
            YearRow(
                year=point.year,
                value=None if o is None else o.value,
                to_date=False if o is None else o.to_date,
                provenance=None if o is None else o.provenance,
                cumulative=point.total,
                known_total=point.known_total,
                expected=expected,
                annual_target=indicator.annual_targets.get(point.year),
            )
        )
    evaluation = evaluate(indicator, figures, as_of, info, plan.thresholds, path=path)
    return rows, evaluation
