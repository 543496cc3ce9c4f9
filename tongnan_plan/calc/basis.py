"""口径调整: a change of statistical definition between two years, and figures across it.

A submission says what changed (``basis_change``) and, where it can, the year before's figure
recomputed on the new basis (``previous_same_basis``, 同口径). A level is then judged across the
break on one basis: the change measured on the new basis (this year's figure less the year
before's on the new basis) is chained onto the old basis, so the figure judged against the
plan's baseline and target is a_t − (p′ − p), p and p′ the year before's figure on the old and
on the new basis. Without p′ the years do not compare and nothing is adjusted (the outputs say
so). A total is the sum of the flows as reported: its break is marked, not adjusted.
"""

from __future__ import annotations

from typing import NamedTuple

from msgspec.structs import replace

from ..model.plan import Indicator, PlanInfo
from .series import Observation, Series

__all__ = ["BasisChange", "basis_change", "on_one_basis", "shifts"]


class BasisChange(NamedTuple):
    """The latest 口径调整 of a series: what changed, the year of the new basis, and the year
    before's figure on the new basis (None where the submission does not give it). A named
    tuple: a dataclass's methods are compiled on every start-up, for a rare case."""

    text: str
    year: int
    previous_same_basis: float | None


def basis_change(series: Series) -> BasisChange | None:
    """The latest 口径调整 among a series' figures, if any."""
    for observation in reversed(series.observed):
        if observation.basis_change is not None:
            return BasisChange(
                observation.basis_change, observation.year, observation.previous_same_basis
            )
    return None


def _old_basis(series: Series, year: int, indicator: Indicator, plan: PlanInfo) -> float | None:
    """The figure of year on the basis before it: reported, or the baseline for its year."""
    point = series.point(year)
    if point is not None and point.observation is not None:
        return point.observation.value
    return indicator.year_baseline if year == plan.baseline_year else None


def shifts(series: Series, indicator: Indicator, plan: PlanInfo) -> dict[int, float]:
    """How far each year's figure lies from the plan's basis: the sum of p′ − p over every
    口径调整 up to the year that gives a same-basis figure (see the module's note)."""
    shift, out = 0.0, {}
    for observation in series.observed:
        same_basis = observation.previous_same_basis
        if observation.basis_change is not None and same_basis is not None:
            before = _old_basis(series, observation.year - 1, indicator, plan)
            shift += 0.0 if before is None else same_basis - before
        out[observation.year] = shift
    return out


def on_one_basis(
    series: Series, latest: Observation, indicator: Indicator, plan: PlanInfo
) -> Observation:
    """A level's latest figure on the basis of the plan's baseline and target."""
    shift = shifts(series, indicator, plan).get(latest.year, 0.0)
    return latest if shift == 0 else replace(latest, value=latest.value - shift)
