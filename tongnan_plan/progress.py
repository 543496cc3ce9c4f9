"""The calculator: completion, 序时进度, pace and status of an indicator as of a year.

Pure arithmetic over models: no I/O, no rendering. The formulas are written out in the
README ("How progress is computed"); the names follow the evaluators' words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .models import (
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

__all__ = [
    "Evaluation",
    "Observation",
    "Status",
    "evaluate",
    "pace_status",
    "satisfies",
    "time_elapsed",
]


class Status(StrEnum):
    """Stable status codes, for machines; words for people live in the renderer."""

    ACHIEVED = "achieved"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    MOVING_AWAY = "moving_away"
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"

    @property
    def lags(self) -> bool:
        """True for the statuses that need attention."""
        return self in _LAGGING


_LAGGING = frozenset({Status.BEHIND, Status.FAR_BEHIND, Status.MOVING_AWAY, Status.NOT_MET})


@dataclass(frozen=True, slots=True)
class Observation:
    """One submitted figure, already in the indicator's unit."""

    year: int
    value: float
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Where one indicator stands as of a year. Fractions are 0-1 (×100 for percent)."""

    indicator: Indicator
    as_of: int
    #: The latest year whose figure is used (for cumulative ones: the last year of an unbroken run).
    year: int | None
    actual: float | None
    time_elapsed: float
    status: Status
    cumulative: float | None = None
    completion: float | None = None
    progress: float | None = None
    pace_ratio: float | None = None
    required_per_year: float | None = None
    projected: float | None = None
    #: Where the expected path (序时进度 applied to the target) stands at year.
    expected: float | None = None
    #: The least official provenance among the figures used.
    provenance: Provenance | None = None
    #: Years of the plan up to as_of without a figure.
    missing_years: tuple[int, ...] = ()

    @property
    def severity(self) -> str | None:
        """'error' when a binding (约束性) indicator lags, 'warning' for an anticipated one."""
        if not self.status.lags:
            return None
        return "error" if self.indicator.attribute is Attribute.BINDING else "warning"


def time_elapsed(year: int, plan: PlanInfo) -> float:
    """序时进度: the share of the plan period elapsed at the end of year."""
    return (year - plan.baseline_year) / (plan.end_year - plan.baseline_year)


def satisfies(value: float, indicator: Indicator) -> bool:
    """Whether value meets the target; a bare target is a floor or ceiling by direction."""
    target = indicator.target_value
    comparator = indicator.target.comparator
    if comparator is Comparator.EQ:
        comparator = Comparator.GE if indicator.direction is Direction.HIGHER else Comparator.LE
    match comparator:
        case Comparator.GE:
            return value >= target
        case Comparator.GT:
            return value > target
        case Comparator.LE:
            return value <= target
        case Comparator.LT:
            return value < target
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
    if baseline is None or baseline.value is None or baseline.is_bound:
        return False
    if baseline.value == indicator.target_value:
        return False
    return not satisfies(baseline.value, indicator)


def evaluate(
    indicator: Indicator,
    observations: Mapping[int, Observation],
    as_of: int,
    plan: PlanInfo,
    thresholds: Thresholds,
) -> Evaluation:
    """Evaluate one indicator on the figures of the years up to as_of."""
    years = [y for y in plan.years if y <= as_of]
    missing = tuple(y for y in years if y not in observations)
    if indicator.kind is Kind.CUMULATIVE:
        return _cumulative(
            indicator,
            observations=observations,
            years=years,
            missing=missing,
            as_of=as_of,
            plan=plan,
            thresholds=thresholds,
        )
    return _annual(
        indicator,
        observations=observations,
        years=years,
        missing=missing,
        as_of=as_of,
        plan=plan,
        thresholds=thresholds,
    )


def _no_data(indicator: Indicator, as_of: int, missing: tuple[int, ...], tau: float) -> Evaluation:
    return Evaluation(
        indicator=indicator,
        as_of=as_of,
        year=None,
        actual=None,
        time_elapsed=tau,
        status=Status.NO_DATA,
        missing_years=missing,
    )


def _least_official(observations: list[Observation]) -> Provenance:
    return max((o.provenance for o in observations), key=lambda p: p.rank)


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 else numerator / denominator


def _cumulative(
    indicator: Indicator,
    *,
    observations: Mapping[int, Observation],
    years: list[int],
    missing: tuple[int, ...],
    as_of: int,
    plan: PlanInfo,
    thresholds: Thresholds,
) -> Evaluation:
    # A sum is known only over an unbroken run of years from the start: a gap makes every
    # later total unknown (never zero).
    run: list[Observation] = []
    for year in years:
        if year not in observations:
            break
        run.append(observations[year])
    if not run:
        return _no_data(indicator, as_of, missing, time_elapsed(as_of, plan))
    t = run[-1].year
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    total = math.fsum(o.value for o in run)
    remaining_years = plan.end_year - t
    elapsed_years = t - plan.baseline_year
    projected = total / elapsed_years * (plan.end_year - plan.baseline_year)
    provenance = _least_official(run)
    completion = _ratio(total, target)
    if indicator.direction is Direction.HIGHER:
        progress = completion
        reached = satisfies(total, indicator)
        required = max(0.0, (target - total) / remaining_years) if remaining_years else None
        if reached:
            status = Status.ACHIEVED
            pace = _ratio(progress, tau) if progress is not None else None
        elif progress is None:
            status, pace = Status.NO_DATA, None
        else:
            pace = progress / tau
            status = pace_status(pace, thresholds)
    else:
        # A ceiling on a five-year total: within budget while the total, run on at its
        # pace, stays inside it; settled on the total itself in the final year.
        progress = pace = None
        required = (target - total) / remaining_years if remaining_years else None
        judged = total if remaining_years == 0 else projected
        status = Status.MET if satisfies(judged, indicator) else Status.NOT_MET
    return Evaluation(
        indicator=indicator,
        as_of=as_of,
        year=t,
        actual=run[-1].value,
        time_elapsed=tau,
        status=status,
        cumulative=total,
        completion=completion,
        progress=progress,
        pace_ratio=pace,
        required_per_year=required,
        projected=projected,
        expected=target * tau,
        provenance=provenance,
        missing_years=missing,
    )


def _annual(
    indicator: Indicator,
    *,
    observations: Mapping[int, Observation],
    years: list[int],
    missing: tuple[int, ...],
    as_of: int,
    plan: PlanInfo,
    thresholds: Thresholds,
) -> Evaluation:
    seen = [observations[y] for y in years if y in observations]
    if not seen:
        return _no_data(indicator, as_of, missing, time_elapsed(as_of, plan))
    latest = seen[-1]
    t, actual = latest.year, latest.value
    tau = time_elapsed(t, plan)
    target = indicator.target_value
    reached = satisfies(actual, indicator)
    remaining_years = plan.end_year - t
    if not has_numeric_path(indicator):
        return Evaluation(
            indicator=indicator,
            as_of=as_of,
            year=t,
            actual=actual,
            time_elapsed=tau,
            status=Status.MET if reached else Status.NOT_MET,
            provenance=latest.provenance,
            missing_years=missing,
        )
    baseline = indicator.baseline_value
    assert baseline is not None
    expected = _expected(indicator, baseline, target, tau)
    progress = (actual - baseline) / (target - baseline)
    pace = _ratio(actual - baseline, expected - baseline)
    completion = _ratio(actual, target) if indicator.direction is Direction.HIGHER else None
    required = (target - actual) / remaining_years if remaining_years else None
    if reached:
        required = 0.0 if remaining_years else None
    projected = actual + (actual - baseline) / (t - plan.baseline_year) * remaining_years
    if reached:
        status = Status.ACHIEVED
    elif pace is None:
        status = Status.NO_DATA
    else:
        status = pace_status(pace, thresholds)
    return Evaluation(
        indicator=indicator,
        as_of=as_of,
        year=t,
        actual=actual,
        time_elapsed=tau,
        status=status,
        completion=completion,
        progress=progress,
        pace_ratio=pace,
        required_per_year=required,
        projected=projected,
        expected=expected,
        provenance=latest.provenance,
        missing_years=missing,
    )


def _expected(indicator: Indicator, baseline: float, target: float, tau: float) -> float:
    """The value the expected path reaches after the share tau of the period."""
    if indicator.path is ExpectedPath.COMPOUND and baseline > 0 and target > 0:
        return float(baseline * (target / baseline) ** tau)
    return baseline + (target - baseline) * tau
