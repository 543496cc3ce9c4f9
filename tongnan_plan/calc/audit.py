"""An audit of the plan's own printed figures: completion percentages, figures printed twice,
and each baseline against the previous plan's figure for that year.

Pure arithmetic in decimal, so that 312.5 rounds to 313 as a person would round it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from enum import StrEnum

from msgspec import Struct

from ..model.plan import (
    Basis,
    Comparator,
    CrossCheck,
    Indicator,
    Kind,
    Plan,
    PlanInfo,
    Quantity,
    predecessor,
)
from ..model.units import convert
from .series import Observation, plan_series, tidy

__all__ = [
    "BaselineAudit",
    "CompletionAudit",
    "CrossCheckAudit",
    "Detail",
    "PreviousFigure",
    "Verdict",
    "audit_baseline",
    "audit_baselines",
    "audit_completion",
    "audit_crosscheck",
    "audit_plan",
    "baseline_text",
]


class Verdict(StrEnum):
    """ok: the figures agree; not_comparable: they measure different things (a five-year total
    and a year's flow, units that do not convert, bounds); rounding: they differ only by
    rounding or truncation; mismatch."""

    OK = "ok"
    NOT_COMPARABLE = "not_comparable"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


class CompletionAudit(Struct, frozen=True):
    """A printed completion percentage against the one its target and result give."""

    indicator: Indicator
    target: float
    actual: float
    published_pct: float
    computed_pct: float
    difference_pp: float
    verdict: Verdict
    detail: Detail


class CrossCheckAudit(Struct, frozen=True):
    """Two printings of one figure, in the first one's unit."""

    check: CrossCheck
    first: float
    second: float
    difference: float
    verdict: Verdict
    detail: Detail


class Detail(Struct, frozen=True):
    """How a printed figure relates to the exact one, to be said in either language."""

    #: equal, rounded, truncated, rounded-up, mismatch, derived-differ; for a baseline against
    #: the previous plan also period-total, year-figure, level, units, bounds.
    how: str
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
                "period-total": f"上一规划的 {self.exact} 是规划期累计数，基期 {self.printed}"
                " 是当年数：口径不同",
                "year-figure": f"上一规划的 {self.exact} 是当年数，基期 {self.printed}"
                " 是上一规划期累计数：口径不同",
                "level": f"上一规划的 {self.exact} 是水平值，基期 {self.printed}"
                " 是规划期累计数：口径不同",
                "units": f"单位不能换算（{self.exact} 与 {self.printed}）",
                "bounds": f"均为界限而非数字（{self.exact} 与 {self.printed}）",
            }[self.how]
        return {
            "equal": "equal",
            "rounded": f"rounded ({shown})",
            "truncated": f"truncated ({shown})",
            "rounded-up": f"rounded up ({shown})",
            "mismatch": f"{self.exact} does not round to {self.printed}",
            "derived-differ": "two derived figures differ",
            "period-total": f"the previous plan's {self.exact} is a total over its period, the"
            f" baseline {self.printed} a year's figure: different bases",
            "year-figure": f"the previous plan's {self.exact} is a year's figure, the baseline"
            f" {self.printed} a total over the previous period: different bases",
            "level": f"the previous plan's {self.exact} is a level, the baseline {self.printed} a"
            " total over the previous period: different bases",
            "units": f"units that do not convert ({self.exact} against {self.printed})",
            "bounds": f"bounds, not figures ({self.exact} against {self.printed})",
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
    verdict, detail = _two_printings(first, first_printed, second_raw, second_printed, factor)
    return CrossCheckAudit(
        check, float(first), float(second), float(second - first), verdict, detail
    )


def _two_printings(
    first: Decimal, first_printed: bool, second_raw: Decimal, second_printed: bool, factor: float
) -> tuple[Verdict, Detail]:
    """Do two figures agree, the second converted by factor into the first one's unit?

    The less precise printed side may be the other one rounded; a derived side (a sum, a
    product) is exact.
    """
    second = second_raw * _dec(factor)
    if first == second:
        return Verdict.OK, Detail("equal")
    step_first = _step(first) if first_printed else None
    step_second = _step(second_raw) * _dec(factor) if second_printed else None
    if step_first is None and step_second is None:
        return Verdict.MISMATCH, Detail("derived-differ")
    if step_second is None or (step_first is not None and step_first >= step_second):
        assert step_first is not None
        return _compare(first, second, step_first)
    return _compare(second, first, step_second)


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


# ---- one plan's baselines against the previous plan's figures


class PreviousFigure(Struct, frozen=True):
    """The previous plan's figure for a year, as that plan has it (its own unit)."""

    #: The previous plan's id.
    plan: str
    indicator: Indicator
    year: int
    value: float
    comparator: Comparator
    #: A total over the previous plan's years up to year, not the year's own figure.
    total: bool

    def text(self) -> str:
        """The figure with its comparator and unit: "≤6 %", "105900 人"."""
        return _with_unit(self.value, self.comparator, self.indicator.unit)


def _with_unit(value: float, comparator: Comparator, unit: str) -> str:
    return f"{comparator.sign}{_show(_dec(value))} {unit}"


def baseline_text(indicator: Indicator) -> str:
    """A baseline's number with its comparator, in the indicator's unit: "≤5.5 %", "1.6 万人"
    (the text may be printed in another unit, as 16000 人 is)."""
    baseline = indicator.baseline
    if baseline is None or baseline.value is None:
        return "—"
    return _with_unit(baseline.value, baseline.comparator, indicator.unit)


class BaselineAudit(Struct, frozen=True):
    """A plan's printed baseline against the previous plan's figure for the baseline year."""

    indicator: Indicator
    previous: PreviousFigure
    #: The previous plan's figure in this indicator's unit (None where the units do not convert).
    converted: float | None
    verdict: Verdict
    detail: Detail


def _previous_figure(
    indicator: Indicator,
    figures: Mapping[int, Observation],
    info: PlanInfo,
    year: int,
    total: bool,
) -> PreviousFigure | None:
    """The previous plan's figure for year: the total over its years to year (total, for a
    cumulative indicator), else the figure reported for the year (a level, a flow, or a total
    to date as reported); None where the plan has none."""
    if year not in info.years:
        return None
    point = plan_series(indicator.kind, figures, info, until=year).points[-1]
    if total and indicator.kind is Kind.CUMULATIVE:
        if point.total is None:
            return None
        total_figure = tidy(point.total)
        return PreviousFigure(info.id, indicator, year, total_figure, Comparator.EQ, total=True)
    o = point.observation
    if o is None:
        return None
    return PreviousFigure(info.id, indicator, year, o.value, o.comparator, total=o.to_date)


def audit_baseline(indicator: Indicator, previous: PreviousFigure) -> BaselineAudit | None:
    """Compare a printed baseline with the previous plan's figure for its year, minding what
    each measures: a year's figure against a total over the period is not comparable."""
    baseline = indicator.baseline
    if baseline is None or baseline.value is None:
        return None
    shown = Detail("", previous.text(), baseline_text(indicator))

    def not_comparable(how: str) -> BaselineAudit:
        detail = Detail(how, shown.exact, shown.printed)
        return BaselineAudit(indicator, previous, converted, Verdict.NOT_COMPARABLE, detail)

    factor = convert(1.0, previous.indicator.unit, indicator.unit)
    converted = None if factor is None else previous.value * factor
    period = baseline.basis is Basis.PERIOD
    if previous.total and not period:
        return not_comparable("period-total")
    if period and previous.indicator.kind is not Kind.CUMULATIVE:
        return not_comparable("level")
    if period and not previous.total:
        return not_comparable("year-figure")
    if factor is None:
        return not_comparable("units")
    if baseline.is_bound or previous.comparator is not Comparator.EQ:
        same = baseline.comparator is previous.comparator and converted == baseline.value
        if not same:
            return not_comparable("bounds")
        return BaselineAudit(indicator, previous, converted, Verdict.OK, Detail("equal"))
    verdict, detail = _two_printings(_dec(baseline.value), True, _dec(previous.value), True, factor)
    return BaselineAudit(indicator, previous, converted, verdict, detail)


def audit_baselines(
    plan: Plan, previous: Plan, previous_figures: Mapping[str, Mapping[int, Observation]]
) -> list[BaselineAudit]:
    """Every printed baseline of plan that continues an indicator of the previous plan, against
    that plan's figure for the baseline year (where it has one)."""
    out = []
    year = plan.plan.baseline_year
    for indicator in plan.indicators:
        before = predecessor(indicator, previous)
        if before is None:
            continue
        period = indicator.baseline is not None and indicator.baseline.basis is Basis.PERIOD
        figures = previous_figures.get(before.id, {})
        figure = _previous_figure(before, figures, previous.plan, year, total=period)
        row = None if figure is None else audit_baseline(indicator, figure)
        if row is not None:
            out.append(row)
    return out
