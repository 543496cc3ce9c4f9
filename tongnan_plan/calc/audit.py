"""An audit of the plan's own printed figures: completion percentages, and figures printed twice.

Pure arithmetic in decimal, so that 312.5 rounds to 313 as a person would round it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from enum import StrEnum

from ..model.plan import CrossCheck, Indicator, Kind, Plan, PlanInfo, Quantity
from ..model.units import convert
from .series import Observation, plan_series

__all__ = [
    "CompletionAudit",
    "CrossCheckAudit",
    "Detail",
    "Verdict",
    "audit_completion",
    "audit_crosscheck",
    "audit_plan",
]


class Verdict(StrEnum):
    """ok: the figures agree; rounding: they differ only by rounding or truncation; mismatch."""

    OK = "ok"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True)
class CompletionAudit:
    """A printed completion percentage against the one its target and result give."""

    indicator: Indicator
    target: float
    actual: float
    published_pct: float
    computed_pct: float
    difference_pp: float
    verdict: Verdict
    detail: Detail


@dataclass(frozen=True, slots=True)
class CrossCheckAudit:
    """Two printings of one figure, in the first one's unit."""

    check: CrossCheck
    first: float
    second: float
    difference: float
    verdict: Verdict
    detail: Detail


@dataclass(frozen=True, slots=True)
class Detail:
    """How a printed figure relates to the exact one, to be said in either language."""

    how: str  # equal, rounded, truncated, rounded-up, mismatch, derived-differ
    exact: str = ""
    printed: str = ""

    def text(self, lang: str = "en") -> str:
        """The detail in words: "rounded (211.8 → 212)", "四舍五入（211.8 → 212）"."""
        shown = f"{self.exact} → {self.printed}"
        if lang == "zh":
            return {
                "equal": "相等",
                "rounded": f"四舍五入（{shown}）",
                "truncated": f"截断（{shown}）",
                "rounded-up": f"进位（{shown}）",
                "mismatch": f"{self.exact} 四舍五入后不是 {self.printed}",
                "derived-differ": "两个推算出的数字不一致",
            }[self.how]
        return {
            "equal": "equal",
            "rounded": f"rounded ({shown})",
            "truncated": f"truncated ({shown})",
            "rounded-up": f"rounded up ({shown})",
            "mismatch": f"{self.exact} does not round to {self.printed}",
            "derived-differ": "two derived figures differ",
        }[self.how]

    def __str__(self) -> str:
        return self.text()


def _dec(value: float) -> Decimal:
    return Decimal(repr(value))


#: Wide enough to round any ratio of two floats to whole units (1.8e308 / 5e-324 has 632
#: digits), where the default context's 28 digits raise InvalidOperation.
_WIDE = Context(prec=1000)


def _step(value: Decimal) -> Decimal:
    """The last printed place of a number: 0.01 for 4.35, 1 for 212, 1000 for 16000."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(exponent)


def _compare(printed: Decimal, exact: Decimal, step: Decimal) -> tuple[Verdict, Detail]:
    """Is printed what exact gives at the printed precision?"""
    if printed == exact:
        return Verdict.OK, Detail("equal")
    rounded, floor, ceiling = (
        (exact / step).quantize(Decimal(1), mode, _WIDE) * step
        for mode in (ROUND_HALF_UP, ROUND_FLOOR, ROUND_CEILING)
    )
    numbers = {"exact": _show(exact), "printed": _show(printed)}
    if printed == rounded:
        return Verdict.OK, Detail("rounded", **numbers)
    if printed in (floor, ceiling):
        return Verdict.ROUNDING, Detail(
            "truncated" if printed == floor else "rounded-up", **numbers
        )
    return Verdict.MISMATCH, Detail("mismatch", **numbers)


def _show(value: Decimal) -> str:
    """A decimal for people: at most four places, no trailing zeros."""
    return format(value.quantize(Decimal("0.0001"), ROUND_HALF_UP, _WIDE).normalize(), "f")


def audit_completion(indicator: Indicator, actual: float) -> CompletionAudit | None:
    """Recompute a printed completion (专栏1's 完成目标 %) as actual ÷ target × 100."""
    published = indicator.published_completion
    if published is None or published.value is None or not indicator.has_target:
        return None
    target = indicator.target_value
    printed = _dec(published.value)
    exact = _dec(actual) / _dec(target) * 100
    verdict, detail = _compare(
        printed, exact, _step(printed) if "." in published.text else Decimal(1)
    )
    computed = float(exact)
    return CompletionAudit(
        indicator,
        target,
        actual,
        published.value,
        computed,
        published.value - computed,
        verdict,
        detail,
    )


def _quantity(q: Quantity) -> tuple[Decimal, bool]:
    """The number a side stands for, and whether it was printed (rather than derived)."""
    if q.value is not None:
        return _dec(q.value), True
    if q.sum:
        return sum((_dec(v) for v in q.sum), Decimal(0)), False
    product = Decimal(1)
    for v in q.product:
        product *= _dec(v)
    return product, False


def audit_crosscheck(check: CrossCheck) -> CrossCheckAudit:
    """Compare the two printings of a figure, in the first one's unit."""
    first, first_printed = _quantity(check.first)
    second_raw, second_printed = _quantity(check.second)
    factor = convert(1.0, check.second.unit, check.first.unit)
    if factor is None:
        raise ValueError(
            f"cross-check {check.id}: {check.second.unit} does not convert to {check.first.unit}"
        )
    second = second_raw * _dec(factor)
    difference = float(second - first)
    if first == second:
        verdict, detail = Verdict.OK, Detail("equal")
    else:
        # The less precise printed side may be the other one rounded; a derived side (a sum,
        # a product) is exact.
        step_first = _step(first) if first_printed else None
        step_second = _step(second_raw) * _dec(factor) if second_printed else None
        if step_first is None and step_second is None:
            verdict, detail = Verdict.MISMATCH, Detail("derived-differ")
        elif step_second is None or (step_first is not None and step_first >= step_second):
            assert step_first is not None
            verdict, detail = _compare(first, second, step_first)
        else:
            verdict, detail = _compare(second, first, step_second)
    return CrossCheckAudit(check, float(first), float(second), difference, verdict, detail)


def _figure(
    indicator: Indicator, figures: Mapping[int, Observation], plan: PlanInfo
) -> float | None:
    """The end-year figure to audit: the total for cumulative indicators (None when a gap
    leaves it unknown: a missing year is never added as zero), else the end year's level."""
    last = plan_series(indicator.kind, figures, plan).points[-1]
    if indicator.kind is Kind.CUMULATIVE:
        return last.total
    return None if last.observation is None else last.observation.value


def audit_plan(
    plan: Plan, figures: Mapping[str, Mapping[int, Observation]]
) -> tuple[list[CompletionAudit], list[CrossCheckAudit]]:
    """Every printed completion that can be recomputed, and every cross-check of the plan."""
    completions: list[CompletionAudit] = []
    for ind in plan.indicators:
        actual = _figure(ind, figures.get(ind.id, {}), plan.plan)
        if actual is None:
            continue
        row = audit_completion(ind, actual)
        if row is not None:
            completions.append(row)
    return completions, [audit_crosscheck(check) for check in plan.crosschecks]


def worst(verdicts: Sequence[Verdict]) -> Verdict:
    """mismatch over rounding over ok."""
    order = list(Verdict)
    return max(verdicts, key=order.index, default=Verdict.OK)
