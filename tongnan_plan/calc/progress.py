"""The calculator: completion, 序时进度, pace, projection and status of an indicator as of a year.

Pure arithmetic over models: no I/O, no rendering. The formulas are written out in the
README (section "Methods"); the names follow the evaluators' words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from msgspec import Struct

from ..model.plan import (
    Attribute,
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
from .basis import BasisChange, basis_change, on_one_basis, shifts
from .series import Observation, Series, plan_series
from .verdicts import as_estimated, final_status, pace_status

__all__ = [
    "Evaluation",
    "Observation",
    "Outlook",
    "Status",
    "evaluate",
    "expected_value",
    "final_status",
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
class Evaluation(Struct):
    """Where one indicator stands as of a year. Fractions are 0-1 (×100 for percent)."""

    indicator: Indicator
    as_of: int
    #: The year the figure shown is from (Series.shown_year): the latest year reported up to
    #: as_of, possibly before it (a level's stale figure, a total's lower bound).
    year: int | None
    #: The figure of year: a level, or a total's yearly flow (None where only the total to date
    #: was reported just after a gap).
    actual: float | None
    #: 序时进度 at year (at as_of when there is no figure).
    time_elapsed: float
    status: Status
    #: Cumulative: the total to date at year; None when a gap leaves it unknown (see known_total).
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
    #: Cumulative: the last total to date (or zero) plus every flow reported after it, up to
    #: as_of: a lower bound on the total when a year is missing, equal to it when none is.
    #: None for a level, or when nothing was reported.
    known_total: float | None = None
    #: Cumulative: known_total where it stands in for a total a gap leaves unknown
    #: (Series.lower_bound), shown marked ≥; None where the total is known, or for a level.
    lower_bound: float | None = None
    #: A missing year touches the figure shown (Series.gap): it is marked †.
    gap: bool = False
    #: As of the plan's end year or later: a final evaluation (总结评估). Its statuses are
    #: final (achieved, not achieved, met, not met, incomplete; or no data, no target), and it
    #: has no pace ratio, outlook, projection or required-per-year.
    final: bool = False
    #: The latest 口径调整 up to as_of (see calc/basis.py), where there is one.
    basis: BasisChange | None = None

    @property
    def shown(self) -> float | None:
        """The latest figure shown: a total (its lower bound where a gap leaves it unknown),
        else the level; None where there is none."""
        if self.indicator.kind is Kind.CUMULATIVE:
            return self.cumulative if self.lower_bound is None else self.lower_bound
        return self.actual

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
    if comparator in (Comparator.EQ, Comparator.ABOUT):
        return Comparator.GE if indicator.direction is Direction.HIGHER else Comparator.LE
    return comparator


def _target_bound(indicator: Indicator) -> float:
    """The target's number; for "T左右" the bound the tolerance allows short of T."""
    target = indicator.target_value
    if indicator.target.comparator is not Comparator.ABOUT:
        return target
    slack = abs(target) * indicator.about_tolerance
    return target - slack if indicator.direction is Direction.HIGHER else target + slack


def satisfies(value: float, indicator: Indicator, reported: Comparator = Comparator.EQ) -> bool:
    """Whether value meets the target; a bare target is a floor or ceiling by direction.

    A figure reported as a bound (reported "≥90") meets a floor only when every value it allows
    does, and never meets a ceiling (and the other way round). A "T左右" target is met within
    the plan's thresholds.about share short of T (Thresholds.about).
    """
    target = _target_bound(indicator)
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
    series = plan_series(indicator.kind, observations, plan, as_of)
    context = _Context(indicator, series, as_of, plan, thresholds, path or indicator.path)
    if not indicator.has_target:
        return _no_target(context)
    if indicator.kind is Kind.CUMULATIVE:
        return _cumulative(context)
    return _annual(context)


class _Context(Struct):
    indicator: Indicator
    series: Series
    as_of: int
    plan: PlanInfo
    thresholds: Thresholds
    path: ExpectedPath

    @property
    def final(self) -> bool:
        """As of the plan's end year (or later): a 总结评估, achieved or not."""
        return self.as_of >= self.plan.end_year

    def make(self, status: Status, actual: float | None, **more: Any) -> Evaluation:
        """An evaluation with the fields every case shares, the shown year, lower bound and
        gap from the series; more gives the rest. A final verdict on an estimate is 预计完成
        or 预计未完成."""
        if self.final and more.get("provenance") is Provenance.ESTIMATE:
            status = as_estimated(status)
        series = self.series
        year = series.shown_year
        return Evaluation(
            indicator=self.indicator,
            as_of=self.as_of,
            year=year,
            actual=actual,
            time_elapsed=time_elapsed(self.as_of if year is None else year, self.plan),
            status=status,
            path=self.path,
            missing_years=series.missing_years,
            known_total=series.known_total,
            lower_bound=series.lower_bound,
            gap=series.gap,
            final=self.final,
            basis=basis_change(series),
            **more,
        )

    def no_data(self) -> Evaluation:
        return self.make(Status.NO_DATA, None)


def _no_target(c: _Context) -> Evaluation:
    latest = c.series.latest
    if latest is None:
        return c.no_data()
    if c.indicator.kind is Kind.CUMULATIVE:
        return c.make(
            Status.NO_TARGET,
            c.series.latest_flow,
            cumulative=c.series.total,
            provenance=c.series.provenance,
        )
    return c.make(
        Status.NO_TARGET,
        latest.value,
        reported=latest.comparator,
        provenance=latest.provenance,
    )


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 else numerator / denominator


def _annual_target(c: _Context, figure: float | None) -> dict[str, float | None]:
    """The as-of year's sub-target and the share of it that figure (that year's) is."""
    target = c.indicator.annual_targets.get(c.as_of)
    done = None
    if target is not None and figure is not None:
        if c.indicator.direction is Direction.HIGHER:
            done = _ratio(figure, target)
        else:
            done = _ratio(target, figure)
    return {"annual_target": target, "annual_target_completion": done}


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
    series = c.series
    if series.known_total is None:
        return c.no_data()
    if not series.complete:
        return _cumulative_with_gap(c)
    last = series.points[-1]
    total = series.total
    assert total is not None
    t = last.year
    point = series.point(c.as_of)
    shared: dict[str, Any] = {
        "cumulative": total,
        "completion": _ratio(total, c.indicator.target_value),
        "expected": c.indicator.target_value * time_elapsed(t, c.plan),
        "provenance": series.provenance,
        **_annual_target(c, None if point is None else point.flow),
    }
    if c.final:
        return _cumulative_final(c, last.flow, total, shared)
    return _cumulative_midway(c, t, last.flow, total, shared)


def _cumulative_with_gap(c: _Context) -> Evaluation:
    """The gap rule: the reported flows are a lower bound on the total, which may settle it."""
    series, indicator = c.series, c.indicator
    known = series.known_total
    assert known is not None
    if indicator.direction is Direction.HIGHER:
        if not satisfies(known, indicator):
            status = Status.INCOMPLETE
        elif c.final:
            status = final_status(True, _ratio(known, indicator.target_value), c.thresholds)
        else:
            status = Status.ACHIEVED
    elif satisfies(known, indicator):
        status = Status.INCOMPLETE
    else:
        # A ceiling the lower bound already breaks is broken whatever the missing years hold.
        status = Status.NOT_ACHIEVED if c.final else Status.BEHIND
    now = series.point(c.as_of)
    return c.make(
        status,
        series.latest_flow,
        provenance=series.provenance,
        **_annual_target(c, None if now is None else now.flow),
    )


def _cumulative_final(
    c: _Context, flow: float | None, total: float, shared: dict[str, Any]
) -> Evaluation:
    """五年算总账: the total against the target, nothing run on beyond the end year."""
    indicator = c.indicator
    reached = satisfies(total, indicator)
    if indicator.direction is Direction.LOWER:
        return c.make(Status.COMPLETED if reached else Status.NOT_ACHIEVED, flow, **shared)
    status = final_status(reached, shared["completion"], c.thresholds)
    return c.make(status, flow, progress=shared["completion"], **shared)


def _cumulative_midway(
    c: _Context, t: int, flow: float | None, total: float, shared: dict[str, Any]
) -> Evaluation:
    """Pace, projection and outlook of a total known up to year t, before the end year."""
    plan, indicator = c.plan, c.indicator
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    remaining_years = plan.end_year - t
    projected = total / (t - plan.baseline_year) * (plan.end_year - plan.baseline_year)
    # The yearly flows' own trend, run on to the end year (never below zero a year); with a
    # single flow there is no trend, and the mean-rate projection stands in.
    trend = least_squares([(float(y), f) for y, f in c.series.flows.items()])
    projected_trend = projected
    if trend is not None:
        intercept, slope = trend
        future = math.fsum(max(0.0, intercept + slope * y) for y in range(t + 1, plan.end_year + 1))
        projected_trend = total + future
    runs_on = {"projected": projected, "projected_trend": projected_trend}
    if indicator.direction is Direction.LOWER:
        # A ceiling on a five-year total: within budget while the total, run on at its pace,
        # stays inside it.
        return c.make(
            Status.ON_TRACK if satisfies(projected, indicator) else Status.BEHIND,
            flow,
            required_per_year=(target - total) / remaining_years,
            outlook=_outlook(c, projected, None),
            **runs_on,
            **shared,
        )
    reached = satisfies(total, indicator)
    completion = shared["completion"]
    pace = None if completion is None else completion / tau
    return c.make(
        _verdict(reached, pace, c.thresholds),
        flow,
        progress=completion,
        pace_ratio=pace,
        required_per_year=max(0.0, (target - total) / remaining_years),
        # Positive flows always move a total towards its target: too slow is "accelerate".
        outlook=Outlook.MAINTAIN if reached else _outlook(c, projected_trend, 1.0),
        **runs_on,
        **shared,
    )


def _verdict(reached: bool, pace: float | None, thresholds: Thresholds) -> Status:
    """Before the end year: achieved, else the band of the pace ratio."""
    if reached:
        return Status.ACHIEVED
    if pace is None:
        return Status.NO_DATA
    return pace_status(pace, thresholds)


def _annual(c: _Context) -> Evaluation:
    latest = c.series.latest
    if latest is None:
        return c.no_data()
    if c.final and latest.year < c.plan.end_year:
        # The final verdict needs the final year's figure; an older one is shown, not judged.
        return c.make(
            Status.INCOMPLETE,
            latest.value,
            reported=latest.comparator,
            provenance=latest.provenance,
        )
    now = c.series.point(c.as_of)
    shared: dict[str, Any] = {
        "reported": latest.comparator,
        "provenance": latest.provenance,
        **_annual_target(
            c, None if now is None or now.observation is None else now.observation.value
        ),
    }
    # Judged on the plan's basis across a 口径调整; shown as reported.
    judged = on_one_basis(c.series, latest, c.indicator, c.plan)
    ev = _annual_judged(c, judged, shared)
    ev.actual = latest.value
    return ev


def _annual_judged(c: _Context, latest: Observation, shared: dict[str, Any]) -> Evaluation:
    if c.final:
        return _annual_final(c, latest, shared)
    trend = _level_trend(c)
    shared["projected_trend"] = None if trend is None else trend[0] + trend[1] * c.plan.end_year
    slope = None if trend is None else trend[1]
    if not has_numeric_path(c.indicator):
        return _bound(c, latest, slope, shared)
    return _level_midway(c, latest, slope, shared)


def _level_trend(c: _Context) -> tuple[float, float] | None:
    """The least-squares line through every figure, the baseline year's own value included."""
    moved = shifts(c.series, c.indicator, c.plan)  # across a 口径调整, on the plan's basis
    points = [(float(o.year), o.value - moved.get(o.year, 0.0)) for o in c.series.observed]
    baseline = c.indicator.year_baseline
    if baseline is not None:
        points.insert(0, (float(c.plan.baseline_year), baseline))
    return least_squares(points)


def _level_completion(indicator: Indicator, actual: float) -> float | None:
    """完成目标 % as 专栏1 prints it: a_t ÷ T where higher is better; T ÷ a_t where lower is
    (a figure under its ceiling is over 100 %). Over 100 % the target is beaten (超额)."""
    if indicator.direction is Direction.HIGHER:
        return _ratio(actual, indicator.target_value)
    return _ratio(indicator.target_value, actual)


def _countable_completion(c: _Context, latest: Observation) -> float | None:
    """完成目标 % for a bound on a count or amount (not a rate) reported as a number."""
    indicator = c.indicator
    if indicator.unit != "%" and latest.comparator is Comparator.EQ:
        return _level_completion(indicator, latest.value)
    return None


def _bound(
    c: _Context, latest: Observation, slope: float | None, shared: dict[str, Any]
) -> Evaluation:
    """A bound with nothing to climb, before the end year: met or not, each year."""
    reached = satisfies(latest.value, c.indicator, latest.comparator)
    outlook = _outlook(c, shared["projected_trend"], slope)
    if outlook is None:
        outlook = Outlook.MAINTAIN if reached else None
    # A bound held is reported in the ordinary words (基本符合预期), as the national mid-term
    # evaluation reports 城镇调查失业率; a bound broken is behind.
    return c.make(
        Status.ON_TRACK if reached else Status.BEHIND,
        latest.value,
        outlook=outlook,
        # e.g. 9504 人 against 8500
        completion=_countable_completion(c, latest),
        **shared,
    )


def _annual_final(c: _Context, latest: Observation, shared: dict[str, Any]) -> Evaluation:
    """The end year's figure against the target: achieved or not (met or not, for a bound)."""
    indicator = c.indicator
    reached = satisfies(latest.value, indicator, latest.comparator)
    if not has_numeric_path(indicator):
        completion = _countable_completion(c, latest)
        return c.make(
            final_status(reached, completion, c.thresholds),
            latest.value,
            completion=completion,
            **shared,
        )
    baseline = indicator.baseline_value
    assert baseline is not None
    target = indicator.target_value
    completion = _level_completion(indicator, latest.value)
    return c.make(
        final_status(reached, completion, c.thresholds),
        latest.value,
        completion=completion,
        progress=(latest.value - baseline) / (target - baseline),
        expected=target,
        **shared,
    )


def _level_midway(
    c: _Context, latest: Observation, slope: float | None, shared: dict[str, Any]
) -> Evaluation:
    """A level on its path from the baseline, as of the year of its latest figure."""
    indicator, plan = c.indicator, c.plan
    t, actual = latest.year, latest.value
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    reached = satisfies(actual, indicator, latest.comparator)
    remaining_years = plan.end_year - t
    b = indicator.baseline_value
    assert b is not None
    expected = expected_value(b, target, tau, c.path)
    required = 0.0 if reached else (target - actual) / remaining_years
    return c.make(
        _verdict(reached, _ratio(actual - b, expected - b), c.thresholds),
        actual,
        completion=_level_completion(indicator, actual),
        progress=(actual - b) / (target - b),
        pace_ratio=_ratio(actual - b, expected - b),
        required_per_year=required,
        projected=actual + (actual - b) / (t - plan.baseline_year) * remaining_years,
        expected=expected,
        outlook=Outlook.MAINTAIN if reached else _outlook(c, shared["projected_trend"], slope),
        **shared,
    )
