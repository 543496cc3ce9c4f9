"""Telling whether two printings are of the same quantity: names, units and values."""

from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from difflib import SequenceMatcher

from ..model.units import convert, normalise_unit

__all__ = [
    "COUNT_WORDS",
    "comparable",
    "decimals_of",
    "level_clash",
    "names_match",
    "same_at_precision",
    "same_name",
    "value_in",
]

#: Counting words for establishments and the like: the plan prints 个 and 家 for the same thing.
COUNT_WORDS = frozenset({"个", "家", "所", "座", "处"})
_NOISE = re.compile(r"全区|潼南|全市|“|”|\"|的")
_GENERIC_TAIL = re.compile(r"(人数|人员|数量|总量|人次|数)$")
_LEVELS = ("国家级", "省级", "市级", "区级", "县级", "首席")


def _key(name: str) -> str:
    return _GENERIC_TAIL.sub("", _NOISE.sub("", name))


def level_clash(a: str, b: str) -> bool:
    """True when the two names carry different levels (市级 against none, 国家级 against 市级)."""
    return {w for w in _LEVELS if w in a} != {w for w in _LEVELS if w in b}


def names_match(a: str, b: str) -> bool:
    """True when two names read as the same quantity (专技人才总量 and 专业技术人才总量).

    One contains the other, the same characters in another order (社区（村） and 村（社区）),
    or nearly the same characters with the same last one (培训基地 and 培养基地); never two
    names of different levels (市级技能大师工作室 and 技能大师工作室).
    """
    ka, kb = _key(a), _key(b)
    if not ka or not kb or level_clash(a, b):
        return False
    if Counter(ka) == Counter(kb):
        return True
    shorter, longer = sorted((ka, kb), key=len)
    at = longer.find(shorter)
    # 技能人才 is not 高技能人才: one character in front changes what is counted.
    if at == 1:
        return False
    if at >= 0:
        return True
    return ka[-1] == kb[-1] and SequenceMatcher(None, ka, kb).ratio() >= 0.8


def same_name(a: str, b: str) -> bool:
    """True when two names are the same but for noise (全区, quotes) and word order."""
    ka, kb = _key(a), _key(b)
    return bool(ka) and (ka == kb or Counter(ka) == Counter(kb))


def comparable(unit_a: str, unit_b: str) -> bool:
    """True when figures in the two units can be compared (万人 and 人, 个 and 家)."""
    a, b = normalise_unit(unit_a), normalise_unit(unit_b)
    return convert(1.0, a, b) is not None or (a in COUNT_WORDS and b in COUNT_WORDS)


def value_in(value: float, unit: str, target_unit: str) -> float | None:
    """value converted to target_unit, None where it does not convert."""
    if normalise_unit(unit) in COUNT_WORDS and normalise_unit(target_unit) in COUNT_WORDS:
        return value
    return convert(value, unit, target_unit)


def same_at_precision(printed: float, decimals: int, other: float) -> bool:
    """True when other, rounded half up to the decimals printed, is the printed figure.

    0.9504 printed as 0.95 agrees; 4.35 printed as 4.3 does not (4.35 rounds to 4.4).
    """
    if abs(printed - other) < 1e-9:
        return True
    step = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(other)).quantize(step, rounding=ROUND_HALF_UP)
    return rounded == Decimal(repr(printed)).quantize(step, rounding=ROUND_HALF_UP)


def decimals_of(text: str) -> int:
    """How many decimals a printed number has ("0.95" -> 2)."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0
