"""Whether a figure is plausible for its indicator, and the unit slip it reads as if not.

10500 typed into a 万人 field is 10500 人 = 1.05 万人; 0.962 for a percentage is 96.2 %
written as a fraction. Such a figure is judged against the scale the indicator has: the plan's
baseline and target (so that a plan's first year is guarded too), its annual targets, and the
figures of the earlier years. It is a slip when it lies more than PLAUSIBLE_WITHIN away from
every one of them and, divided by a step between the indicator's unit and its kin (10^4 for
万, 10^8 for 亿, 100 for a percentage), lies within PLAUSIBLE_WITHIN of one. A figure merely
far off is not a slip: the jump rule (validate/across.py) warns about it.

Pure arithmetic on the plan's model: the rule that reports slips is validate/slips.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from ..model.catalogue import Words, figure_text, phrase
from ..model.plan import Basis, Indicator, Kind, PlanInfo
from ..model.submission import upper_bound
from ..model.units import UnitStep, unit_steps

__all__ = [
    "PLAUSIBLE_WITHIN",
    "Slip",
    "corrected_text",
    "plan_references",
    "plausible",
    "slip_of",
    "slip_words",
]

#: A figure within this factor of a reference (either way) is plausible; one further than this
#: from every reference is not.
PLAUSIBLE_WITHIN = 10.0
_WITHIN = math.log10(PLAUSIBLE_WITHIN)


class Slip(NamedTuple):
    """A figure that reads as written in another unit, and what it is in its own."""

    step: UnitStep
    #: The figure as written.
    given: float
    #: The figure in the indicator's unit, had it been written in step.unit.
    value: float
    #: The reference it was judged against: the one nearest to the figure as corrected.
    around: float


def plan_references(indicator: Indicator, plan: PlanInfo) -> list[float]:
    """The scale of a year's figure by the plan: baseline and target (for a five-year total,
    a year's share of it; for a baseline that is a previous plan's total, the same), and any
    annual targets."""
    years = plan.end_year - plan.start_year + 1
    yearly = indicator.kind is Kind.CUMULATIVE
    out = []
    baseline = indicator.baseline
    if baseline is not None and baseline.value is not None:
        share = years if yearly and baseline.basis is Basis.PERIOD else 1
        out.append(baseline.value / share)
    if indicator.target.value is not None:
        out.append(indicator.target.value / (years if yearly else 1))
    out.extend(indicator.annual_targets.values())
    return [r for r in out if r > 0 and math.isfinite(r)]


def _distance(value: float, references: Sequence[float]) -> tuple[float, float]:
    """How many powers of ten value is from the nearest reference, and that reference."""
    return min((abs(math.log10(value / r)), r) for r in references)


def plausible(value: float, references: Sequence[float]) -> bool:
    """Within PLAUSIBLE_WITHIN of some reference (no logarithms: most figures are)."""
    return any(r <= value * PLAUSIBLE_WITHIN and value <= r * PLAUSIBLE_WITHIN for r in references)


def slip_of(given: float, indicator: Indicator, references: Sequence[float]) -> Slip | None:
    """The slip a figure (in the indicator's unit, for one year) reads as, or None."""
    if given <= 0 or not references or not math.isfinite(given) or plausible(given, references):
        return None
    best: Slip | None = None
    best_distance = _WITHIN
    for step in unit_steps(indicator.unit):
        value = given / step.factor
        if value > upper_bound(indicator):
            continue
        near, around = _distance(value, references)
        if near <= best_distance:
            best, best_distance = Slip(step, given, value, around), near
    return best


def corrected_text(slip: Slip) -> str:
    """The figure as corrected, written briefly (float noise of the division rounded away)."""
    return figure_text(float(f"{slip.value:.12g}"))


def slip_words(slip: Slip, units_stated: bool) -> tuple[Words, Words, Words]:
    """How a message says a slip: what the figure looks like (``a figure in 人``), the unit
    after the figure as written (`` 人``), and the fix (``write 1.05, or add unit: 人``;
    a format whose unit cells are fixed has only the first)."""
    value = corrected_text(slip)
    unit = slip.step.unit
    if unit is None:
        written = phrase("slip.fraction")
        return written, phrase("slip.as-fraction"), phrase("slip.write", value=value)
    fix = (
        phrase("slip.write-or-unit", value=value, unit=unit)
        if units_stated
        else phrase("slip.write", value=value)
    )
    return phrase("slip.in-unit", unit=unit), Words(f" {unit}", f" {unit}"), fix
