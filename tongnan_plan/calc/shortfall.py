"""How far an indicator's figure falls short of its target, in the indicator's unit."""

from __future__ import annotations

from ..model.plan import Comparator, Kind
from .progress import Evaluation, satisfies
from .series import tidy

__all__ = ["shortfall"]


def shortfall(ev: Evaluation) -> float | None:
    """The distance from the figure to the target where it falls short of it: target − figure
    for a floor, figure − target for a ceiling.

    None where the target is met, where there is no target or no figure, and where a total is
    only a lower bound (the shortfall is then unknown, not the bound's distance).
    """
    ind = ev.indicator
    if not ind.has_target:
        return None
    if ind.kind is Kind.CUMULATIVE:
        value = ev.cumulative  # None where a gap leaves the total unknown
        reported = Comparator.EQ
    else:
        value, reported = ev.actual, ev.reported
    if value is None or satisfies(value, ind, reported):
        return None
    target = ind.target_value
    return tidy(abs(target - value))
