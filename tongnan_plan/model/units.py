"""Units the plan prints, and the conversions between the pairs of them (万 = 10^4, 亿 = 10^8)."""

from __future__ import annotations

__all__ = ["MAX_MAGNITUDE", "convert", "normalise_unit"]

#: The largest figure tnplan accepts, in an indicator's own unit (after any conversion): far above
#: any real count or amount, and far enough below float's limit (about 1.8e308) that sums over a
#: plan's years and indicators stay finite.
MAX_MAGNITUDE = 1e15

MAX_MAGNITUDE = 1e15

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
