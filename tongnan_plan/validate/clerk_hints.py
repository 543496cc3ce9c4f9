"""Hints for what clerks type in a value cell that is not a number: a unit after the figure
(``1.1万人``), a dash or 无 for "no figure", and the words of an estimate (约, 左右, 预计).

Each hint says what to write instead: the number alone, and the unit where it is not the
indicator's; delete the line (missing is never zero); the number, with the file marked
``provenance: estimate``.
"""

from __future__ import annotations

import re

from ..model.catalogue import NO_WORDS, Words, phrase
from ..model.plan import Indicator
from ..model.units import convert, normalise_unit

__all__ = ["clerk_hint"]

#: What is typed for "no figure": a dash of any width, a slash, 无 and its kin.
_NOTHING = frozenset(
    {"-", "--", "—", "——", "–", "－", "/", "／", "无", "暂无", "空", "n/a", "na", "none", "null"}
)
#: Words around a figure that make it an estimate: 约 1.04, 1.04 左右, 预计 1.04.
_ESTIMATE_BEFORE = ("大约", "约", "预计", "估计", "预估", "近", "≈", "~", "～")
_ESTIMATE_AFTER = ("左右", "上下", "（预计）", "(预计)", "（估计）", "(估计)", "余")
#: A figure and what follows it: a unit starts with a character beyond ASCII (万人, ％, ㎡).
_NUMBER_AND_UNIT = re.compile(r"([-+]?[0-9]+(?:\.[0-9]+)?)\s*([^\x00-\x7f].*)?")


def clerk_hint(text: str, indicator: Indicator | None) -> Words | None:
    """The hint for text typed where a number belongs, or None when it is not one of these."""
    plain = text.strip()
    if plain.lower() in _NOTHING:
        return phrase("hint.no-figure")
    rest, estimate = _without_estimate(plain)
    found = _NUMBER_AND_UNIT.fullmatch(rest.replace(",", ""))
    if found is None:
        return None
    number, unit = found.group(1), (found.group(2) or "").strip()
    if estimate:
        unit_words = _unit(number, unit, indicator) if unit else NO_WORDS
        return phrase("hint.estimate", number=number, unit=unit_words)
    if not unit or unit in ("%", "％"):
        return None  # a bare number, or a percent sign: the reader's own hints say these
    return phrase("hint.number-alone", number=number, unit=_unit(number, unit, indicator))


def _without_estimate(text: str) -> tuple[str, bool]:
    """text without the words that make it an estimate, and whether there were any."""
    rest, found = text, False
    for word in _ESTIMATE_BEFORE:
        if rest.startswith(word):
            rest, found = rest[len(word) :].strip(), True
    for word in _ESTIMATE_AFTER:
        if rest.endswith(word):
            rest, found = rest[: -len(word)].strip(), True
    return rest, found


def _unit(number: str, unit: str, indicator: Indicator | None) -> Words:
    """What the hint says of the unit typed after the number."""
    if indicator is None:
        return phrase("unit.goes", unit=unit)
    own = indicator.unit
    if normalise_unit(unit) == normalise_unit(own):
        return phrase("unit.already", own=own)
    converted = convert(float(number), unit, own)
    if converted is None:
        return phrase("unit.not-convertible", own=own, unit=unit)
    return phrase("unit.converts", unit=unit, own=own, converted=f"{converted:g}")
