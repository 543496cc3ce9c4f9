"""The calculator: completion, 序时进度, pace, projection and status of an indicator as of a year.

Pure arithmetic over models: no I/O, no rendering. The formulas are written out in the
README ("How progress is computed"); the names follow the evaluators' words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model.plan import (
    Attribute,
    Basis,
    Comparator,
    Direction,
    ExpectedPath,
    Indicator,
    Kind,
    PlanInfo,
    Provenance,
    Thresholds,
)
from ..model.status import Status
from .series import Observation

__all__ = [
    "Evaluation",
    "Observation",
    "Outlook",
    "Status",
    "evaluate",
    "expected_value",
    "least_squares",
    "pace_status",
    "satisfies",
    "time_elapsed",
]


class Outlook(StrEnum):
    """UN ESCAP's anticipated-progress verdict: will the trend reach the target by the end year?"""

    MAINTAIN = "maintain"
    ACCELERATE = "accelerate"
    REVERSE = "reverse"


# Not frozen, like Observation: many are made; treat them as values all the same.
@dataclass(slots=True)
class Evaluation:
    """Where one indicator stands as of a year. Fractions are 0-1 (×100 for percent)."""

    indicator: Indicator
    as_of: int
    #: The latest year whose figure is used (for cumulative ones: the last year the total is known).
    year: int | None
    actual: float | None
    time_elapsed: float
    status: Status
    cumulative: float | None = None
    completion: float | None = None
    progress: float | None = None
    pace_ratio: float | None = None
    required_per_year: float | None = None
    #: The end-year value if the pace so far goes on (cumulative: C ÷ (t − base) × years).
    projected: float | None = None
    #: The end-year value on the least-squares trend of every year available.
    projected_trend: float | None = None
    outlook: Outlook | None = None
    #: Where the expected path (序时进度 applied to the target) stands at year.
    expected: float | None = None
    #: The annual sub-target (年度目标) of the as-of year, and the share of it done.
    annual_target: float | None = None
    annual_target_completion: float | None = None
    path: ExpectedPath = ExpectedPath.LINEAR
    #: How the latest figure was reported: "=" for a number, ">=" for "≥90" and so on.
    reported: Comparator = Comparator.EQ
    #: The least official provenance among the figures used.
    provenance: Provenance | None = None
    #: Years of the plan up to as_of without a figure.
    missing_years: tuple[int, ...] = ()
    #: Cumulative indicators: the sum of every reported flow up to as_of (a lower bound on the
    #: total when a year is missing; equal to the total when none is).
    known_total: float | None = None
    final: bool = False

    @property
    def severity(self) -> str | None:
        """'error' when a binding (约束性) indicator lags, 'warning' for an anticipated one."""
        if not self.status.lags:
            return None
        return "error" if self.indicator.attribute is Attribute.BINDING else "warning"


def time_elapsed(year: int, plan: PlanInfo) -> float:
    """序时进度: the share of the plan period elapsed at the end of year."""
    return (year - plan.baseline_year) / (plan.end_year - plan.baseline_year)


def _effective(indicator: Indicator) -> Comparator:
    comparator = indicator.target.comparator
    if comparator is Comparator.EQ:
        return Comparator.GE if indicator.direction is Direction.HIGHER else Comparator.LE
    return comparator


def satisfies(value: float, indicator: Indicator, reported: Comparator = Comparator.EQ) -> bool:
    """Whether value meets the target; a bare target is a floor or ceiling by direction.

    A figure reported as a bound (reported "≥90") meets a floor only when every value it allows
    does, and never meets a ceiling (and the other way round).
    """
    target = indicator.target_value
    comparator = _effective(indicator)
    floor = comparator in (Comparator.GE, Comparator.GT)
    if reported in (Comparator.GE, Comparator.GT) and not floor:
        return False
    if reported in (Comparator.LE, Comparator.LT) and floor:
        return False
    strict_report = reported in (Comparator.GT, Comparator.LT)
    match comparator:
        case Comparator.GE:
            return value >= target
        case Comparator.GT:
            return value > target or (strict_report and value == target)
        case Comparator.LE:
            return value <= target
        case Comparator.LT:
            return value < target or (strict_report and value == target)
    raise AssertionError(comparator)  # pragma: no cover


def pace_status(pace_ratio: float, thresholds: Thresholds) -> Status:
    """The band of a pace ratio (progress ÷ 序时进度)."""
    if pace_ratio >= thresholds.ahead:
        return Status.AHEAD
    if pace_ratio >= thresholds.on_track:
        return Status.ON_TRACK
    if pace_ratio >= thresholds.behind:
        return Status.BEHIND
    if pace_ratio >= 0:
        return Status.FAR_BEHIND
    return Status.MOVING_AWAY


def has_numeric_path(indicator: Indicator) -> bool:
    """An annual level with somewhere to climb: a plain baseline not already meeting the target."""
    baseline = indicator.baseline
    if not indicator.has_target or baseline is None or baseline.value is None or baseline.is_bound:
        return False
    if baseline.value == indicator.target_value:
        return False
    return not satisfies(baseline.value, indicator)


def least_squares(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Intercept and slope of the least-squares line through points; None for fewer than two x."""
    if len({x for x, _ in points}) < 2:
        return None
    n = len(points)
    mean_x = math.fsum(x for x, _ in points) / n
    mean_y = math.fsum(y for _, y in points) / n
    sxx = math.fsum((x - mean_x) ** 2 for x, _ in points)
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return mean_y - slope * mean_x, slope


def expected_value(
    baseline: float, target: float, tau: float, path: ExpectedPath = ExpectedPath.LINEAR
) -> float:
    """Where the expected path from baseline to target stands after the share tau of the period.

    The compound path b·(T/b)^τ needs positive levels; otherwise the linear path is used.
    """
    if path is ExpectedPath.COMPOUND and baseline > 0 and target > 0:
        return float(baseline * (target / baseline) ** tau)
    return baseline + (target - baseline) * tau


def evaluate(
    indicator: Indicator,
    observations: Mapping[int, Observation],
    as_of: int,
    plan: PlanInfo,
    thresholds: Thresholds,
    *,
    path: ExpectedPath | None = None,
) -> Evaluation:
    """Evaluate one indicator on the figures of the years up to as_of.

    path overrides the indicator's own expected path (linear or compound).
    """
    years = [y for y in plan.years if y <= as_of]
    missing = tuple(y for y in years if y not in observations)
    context = _Context(
        indicator, observations, years, missing, as_of, plan, thresholds, path or indicator.path
    )
    if not indicator.has_target:
        return _no_target(context)
    if indicator.kind is Kind.CUMULATIVE:
        return _cumulative(context)
    return _annual(context)


@dataclass(slots=True)
class _Context:
    indicator: Indicator
    observations: Mapping[int, Observation]
    years: list[int]
    missing: tuple[int, ...]
    as_of: int
    plan: PlanInfo
    thresholds: Thresholds
    path: ExpectedPath

    def no_data(self) -> Evaluation:
        return Evaluation(
            indicator=self.indicator,
            as_of=self.as_of,
            year=None,
            actual=None,
            time_elapsed=time_elapsed(self.as_of, self.plan),
            status=Status.NO_DATA,
            path=self.path,
            missing_years=self.missing,
        )


def _no_target(c: _Context) -> Evaluation:
    seen = [c.observations[y] for y in c.years if y in c.observations]
    if not seen:
        return c.no_data()
    latest = seen[-1]
    return Evaluation(
        indicator=c.indicator,
        as_of=c.as_of,
        year=latest.year,
        actual=latest.value,
        time_elapsed=time_elapsed(latest.year, c.plan),
        status=Status.NO_TARGET,
        path=c.path,
        provenance=latest.provenance,
        missing_years=c.missing,
    )


def _least_official(observations: Sequence[Observation]) -> Provenance:
    return max((o.provenance for o in observations), key=lambda p: p.rank)


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 else numerator / denominator


def _annual_target(c: _Context, figure: float | None) -> tuple[float | None, float | None]:
    """The as-of year's sub-target and the share of it that figure is."""
    target = c.indicator.annual_targets.get(c.as_of)
    if target is None or figure is None:
        return target, None
    if c.indicator.direction is Direction.HIGHER:
        return target, _ratio(figure, target)
    return target, _ratio(target, figure)


def _outlook(c: _Context, projection: float | None, slope: float | None) -> Outlook | None:
    """maintain: the trend meets the target by the end year; accelerate: it moves the right way
    too slowly; reverse: it moves away."""
    if projection is None:
        return None
    if satisfies(projection, c.indicator):
        return Outlook.MAINTAIN
    better = 1 if c.indicator.direction is Direction.HIGHER else -1
    if slope is not None and slope * better > 0:
        return Outlook.ACCELERATE
    return Outlook.REVERSE


def _cumulative(c: _Context) -> Evaluation:
    # The total is known from the start through an unbroken run of yearly flows; a gap makes it
    # unknown (never zero) until a figure given as the total to date (to_date) anchors it again.
    total: float | None = 0.0
    totals: dict[int, float] = {}
    flows: dict[int, float] = {}
    used: list[Observation] = []
    for year in c.years:
        o = c.observations.get(year)
        if o is None:
            total = None
            continue
        if o.to_date:
            if total is not None:
                flows[year] = o.value - total
            total = o.value
            used = [o]
        elif total is None:
            continue
        else:
            total += o.value
            flows[year] = o.value
            used.append(o)
        totals[year] = total
    if not totals:
        return c.no_data()
    t = max(totals)
    total_t = totals[t]
    plan, indicator = c.plan, c.indicator
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    remaining_years = plan.end_year - t
    span = plan.end_year - plan.baseline_year
    projected = total_t / (t - plan.baseline_year) * span
    # The yearly flows' own trend, run on to the end year (never below zero a year); with a
    # single flow there is no trend, and the mean-rate projection stands in.
    trend = least_squares([(float(y), f) for y, f in flows.items()])
    projected_trend = projected
    if trend is not None:
        intercept, slope = trend
        future = math.fsum(max(0.0, intercept + slope * y) for y in range(t + 1, plan.end_year + 1))
        projected_trend = total_t + future
    completion = _ratio(total_t, target)
    flow_now = flows.get(c.as_of)
    annual_target, annual_done = _annual_target(c, flow_now)
    common = {
        "indicator": indicator,
        "as_of": c.as_of,
        "year": t,
        "actual": flows.get(t),
        "time_elapsed": tau,
        "cumulative": total_t,
        "completion": completion,
        "projected": projected,
        "projected_trend": projected_trend,
        "expected": target * tau,
        "annual_target": annual_target,
        "annual_target_completion": annual_done,
        "path": c.path,
        "provenance": _least_official(used),
        "missing_years": c.missing,
    }
    if indicator.direction is Direction.LOWER:
        # A ceiling on a five-year total: within budget while the total, run on at its pace,
        # stays inside it; settled on the total itself in the final year.
        judged = total_t if remaining_years == 0 else projected
        required = (target - total_t) / remaining_years if remaining_years else None
        return Evaluation(
            status=Status.MET if satisfies(judged, indicator) else Status.NOT_MET,
            required_per_year=required,
            outlook=_outlook(c, judged, None),
            **common,  # type: ignore[arg-type]
        )
    reached = satisfies(total_t, indicator)
    required = max(0.0, (target - total_t) / remaining_years) if remaining_years else None
    pace = None if completion is None else completion / tau
    status = _verdict(reached, remaining_years, pace, c.thresholds)
    return Evaluation(
        status=status,
        progress=completion,
        pace_ratio=pace,
        required_per_year=required,
        # Positive flows always move a total towards its target: too slow is "accelerate".
        outlook=Outlook.MAINTAIN if reached else _outlook(c, projected_trend, 1.0),
        **common,  # type: ignore[arg-type]
    )


def _verdict(
    reached: bool, remaining_years: int, pace: float | None, thresholds: Thresholds
) -> Status:
    """Achieved; in the final year, not achieved; else the band of the pace ratio."""
    if reached:
        return Status.ACHIEVED
    if remaining_years == 0:
        return Status.NOT_ACHIEVED
    if pace is None:
        return Status.NO_DATA
    return pace_status(pace, thresholds)


def _annual(c: _Context) -> Evaluation:
    seen = [c.observations[y] for y in c.years if y in c.observations]
    if not seen:
        return c.no_data()
    indicator, plan = c.indicator, c.plan
    latest = seen[-1]
    t, actual = latest.year, latest.value
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    reached = satisfies(actual, indicator, latest.comparator)
    remaining_years = plan.end_year - t
    baseline = indicator.baseline
    points = [(float(o.year), o.value) for o in seen]
    if (
        baseline is not None
        and baseline.value is not None
        and not baseline.is_bound
        and baseline.basis is Basis.YEAR
    ):
        points.insert(0, (float(plan.baseline_year), baseline.value))
    trend = least_squares(points)
    projected_trend = None if trend is None else trend[0] + trend[1] * plan.end_year
    slope = None if trend is None else trend[1]
    annual_target, annual_done = _annual_target(
        c, c.observations[c.as_of].value if c.as_of in c.observations else None
    )
    common = {
        "indicator": indicator,
        "as_of": c.as_of,
        "year": t,
        "actual": actual,
        "time_elapsed": tau,
        "projected_trend": projected_trend,
        "annual_target": annual_target,
        "annual_target_completion": annual_done,
        "path": c.path,
        "reported": latest.comparator,
        "provenance": latest.provenance,
        "missing_years": c.missing,
    }
    if not has_numeric_path(indicator):
        outlook = _outlook(c, projected_trend, slope)
        if outlook is None:
            outlook = Outlook.MAINTAIN if reached else None
        # A count or amount (not a rate) reported as a plain number: its completion a_t ÷ T is
        # what 专栏1 prints (e.g. 9504 人 against 8500).
        countable = (
            indicator.direction is Direction.HIGHER
            and indicator.unit != "%"
            and latest.comparator is Comparator.EQ
        )
        return Evaluation(
            status=Status.MET if reached else Status.NOT_MET,
            outlook=outlook,
            completion=_ratio(actual, target) if countable else None,
            **common,  # type: ignore[arg-type]
        )
    assert baseline is not None and baseline.value is not None
    b = baseline.value
    expected = expected_value(b, target, tau, c.path)
    progress = (actual - b) / (target - b)
    pace = _ratio(actual - b, expected - b)
    completion = _ratio(actual, target) if indicator.direction is Direction.HIGHER else None
    if reached:
        required = 0.0 if remaining_years else None
    else:
        required = (target - actual) / remaining_years if remaining_years else None
    projected = actual + (actual - b) / (t - plan.baseline_year) * remaining_years
    status = _verdict(reached, remaining_years, pace, c.thresholds)
    return Evaluation(
        status=status,
        completion=completion,
        progress=progress,
        pace_ratio=pace,
        required_per_year=required,
        projected=projected,
        expected=expected,
        outlook=Outlook.MAINTAIN if reached else _outlook(c, projected_trend, slope),
        **common,  # type: ignore[arg-type]
    )
