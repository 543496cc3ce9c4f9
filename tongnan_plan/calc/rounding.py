"""Rounding as reports round (四舍五入), on the decimal value, never on the binary float.

One home for every figure tnplan rounds for people: a reported figure is shown with the
precision it was given (0.137 stays 0.137), a derived one (a percentage, a ratio, a mean per
year) is rounded half up on the decimal it is written as (84.25 % → 84.3 %, 8.125 → 8.13,
never 84.2 or 8.12 as binary rounding gives).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from ..model.given import Given

__all__ = ["as_given", "half_up", "percent_half_up", "short_of", "typed_places", "written"]

#: Significant digits kept of a float: more is binary noise (0.1 + 0.2 = 0.30000000000000004).
SIGNIFICANT = 12


def as_given(value: float) -> Decimal:
    """The decimal a figure was written as: the text it was typed as, where a reader kept it
    (0.140, see model/given.py), else the shortest repr of the float, float noise of a sum or
    a unit conversion (12 significant digits and beyond) cleaned away."""
    if type(value) is Given:
        return Decimal(value.written)
    if value == 0:
        return Decimal(0)  # -0.0 too
    text = repr(float(value))
    if len(text) > SIGNIFICANT + 2:  # a long repr is arithmetic's, not a person's
        text = f"{value:.{SIGNIFICANT}g}"
    return Decimal(text).normalize() if "e" not in text else Decimal(text)


def typed_places(value: object) -> int | None:
    """The decimals a figure was typed with (0.140: 3), where a reader kept its text (a
    workbook formats its cell with them); None for any other value."""
    if type(value) is not Given:
        return None
    return -int(Decimal(value.written).as_tuple().exponent)


def half_up(value: float, places: int) -> Decimal:
    """value rounded half up to places decimals, on the decimal it is written as."""
    return as_given(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def short_of(value: float, places: int, mark: float, *, below: bool) -> Decimal:
    """value rounded half up, but never onto a mark it misses: a completion of 99.96 % is
    99.9 %, not the 100.0 % it would round to (below: the value is short of the mark from
    below; else from above, a figure over a ceiling)."""
    rounded = half_up(value, places)
    step = Decimal(1).scaleb(-places)
    target = as_given(mark)
    missed = value < mark if below else value > mark
    if missed and math.isfinite(value) and (rounded >= target if below else rounded <= target):
        return (target - step) if below else (target + step)
    return rounded


def percent_half_up(fraction: float) -> Decimal:
    """A fraction as a percentage rounded half up to one decimal; a fraction short of 1 never
    shows 100 % (99.96 % is 99.9 %: the figure misses the target it would otherwise seem to
    reach)."""
    step = Decimal("0.1")
    shown = (as_given(fraction) * 100).quantize(step, rounding=ROUND_HALF_UP)
    if fraction < 1 and shown >= 100:
        return Decimal(100) - step
    return shown


def written(value: Decimal) -> str:
    """A decimal written out for people: thousands separated, no exponent, no trailing zero
    beyond the places it holds."""
    return f"{value:,f}"
