"""Units the plan prints, and the conversions between the pairs of them (万 = 10^4, 亿 = 10^8)."""

from __future__ import annotations

from typing import NamedTuple

from pydantic_core import PydanticCustomError

from .catalogue import CATALOGUE

__all__ = [
    "LEAST_MAGNITUDE",
    "MAX_MAGNITUDE",
    "UnitStep",
    "convert",
    "normalise_unit",
    "not_too_small",
    "unit_steps",
]

#: The largest figure tnplan accepts, in an indicator's own unit (after any conversion): far above
#: any real count or amount, and far enough below float's limit (about 1.8e308) that sums over a
#: plan's years and indicators stay finite.
MAX_MAGNITUDE = 1e15
#: The figure nearest zero tnplan accepts, other than zero itself: far below any printed
#: figure, and far above float's subnormals (5e-324), whose ratios and logarithms fail.
LEAST_MAGNITUDE = 1e-9


def not_too_small(value: float) -> float:
    """A figure, unless it is nearer zero than any figure can be (a subnormal such as 5e-324)."""
    if 0 < abs(value) < LEAST_MAGNITUDE:
        code = "value-too-small"
        facts = {"given": value, "least": "0.000000001"}
        raise PydanticCustomError(code, CATALOGUE[code].doc, facts)
    return value


# unit -> (base unit, factor to base)
_SCALE: dict[str, tuple[str, float]] = {
    "人": ("人", 1),
    "万人": ("人", 1e4),
    "人次": ("人次", 1),
    "万人次": ("人次", 1e4),
    "元": ("元", 1),
    "万元": ("元", 1e4),
    "亿元": ("元", 1e8),
    "张": ("张", 1),
    "万张": ("张", 1e4),
}

_ALIASES = {
    "m²": "平方米",
    "m2": "平方米",
    "㎡": "平方米",
    "％": "%",
    "percent": "%",
}


def normalise_unit(unit: str) -> str:
    """The plan's spelling of a unit (``m²`` -> ``平方米``, full-width ``％`` -> ``%``)."""
    stripped = unit.strip()
    return _ALIASES.get(stripped, stripped)


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """value in to_unit, or None where the two units do not convert."""
    source, target = normalise_unit(from_unit), normalise_unit(to_unit)
    if source == target:
        return value
    if source not in _SCALE or target not in _SCALE:
        return None
    base_from, factor_from = _SCALE[source]
    base_to, factor_to = _SCALE[target]
    if base_from != base_to:
        return None
    return value * factor_from / factor_to


#: A percentage written as a fraction of one (0.962 for 96.2 %) reads this many times smaller.
PERCENT_AS_FRACTION = 0.01


class UnitStep(NamedTuple):
    """A unit a figure is easily written in by mistake, and how much larger it then reads."""

    #: The unit the figure was written in; None for a percentage written as a fraction of one.
    unit: str | None
    #: The figure as written, divided by the figure in the indicator's own unit (10^4 for 人
    #: typed into a 万人 field, 10^-4 the other way, 0.01 for a fraction of one).
    factor: float


def unit_steps(unit: str) -> tuple[UnitStep, ...]:
    """The slips a figure in unit is open to: every other unit of its kind (万 = 10^4,
    亿 = 10^8 apart), or, for a percentage, a fraction of one; none for other units."""
    own = normalise_unit(unit)
    if own == "%":
        return (UnitStep(None, PERCENT_AS_FRACTION),)
    if own not in _SCALE:
        return ()
    base, factor = _SCALE[own]
    return tuple(
        UnitStep(other, factor / other_factor)
        for other, (other_base, other_factor) in _SCALE.items()
        if other_base == base and other != own
    )
