"""The audit of printed figures, on worked examples and on the plan's real 专栏1."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tongnan_plan.calc.audit import Verdict, audit_completion, audit_crosscheck, audit_plan
from tongnan_plan.calc.evaluation import observations
from tongnan_plan.model.plan import CrossCheck, Indicator
from tongnan_plan.sources.store import load_actuals, load_plan


def indicator(target: float, published: float | None, text: str = "") -> Indicator:
    return Indicator.model_validate(
        {
            "id": "x",
            "name": "x",
            "name_en": "x",
            "unit": "人",
            "group": "g",
            "tier": "main",
            "kind": "cumulative",
            "attribute": "预期性",
            "direction": "higher",
            "source": "t",
            "target": {"value": target, "text": str(target)},
            "published_completion": {"value": published, "text": text or f"{published}%"},
        }
    )


@pytest.mark.parametrize(
    ("target", "actual", "published", "verdict"),
    [
        (50000, 105900, 212, Verdict.OK),  # 211.8 rounds to 212
        (4000, 12500, 313, Verdict.OK),  # 312.5 rounds half up to 313
        (1300, 1399, 107, Verdict.ROUNDING),  # 107.6 truncated to 107
        (1300, 1399, 108, Verdict.OK),
        (4000, 18920, 495, Verdict.MISMATCH),  # 473 is not 495
        (1.5, 2.49, 166, Verdict.OK),  # exactly 166
    ],
)
def test_completion_verdicts(
    target: float, actual: float, published: float, verdict: Verdict
) -> None:
    row = audit_completion(indicator(target, published, f"{published:g}%"), actual)
    assert row is not None
    exact = Decimal(repr(actual)) / Decimal(repr(target)) * 100
    assert row.computed_pct == pytest.approx(float(exact))
    assert row.difference_pp == pytest.approx(published - float(exact))
    assert row.verdict is verdict


def test_a_printed_decimal_is_judged_at_its_precision() -> None:
    row = audit_completion(indicator(3, 91.7, "91.7%"), 2.75)  # 91.666… → 91.7
    assert row is not None and row.verdict is Verdict.OK
    row = audit_completion(indicator(3, 91.6, "91.6%"), 2.75)  # truncated
    assert row is not None and row.verdict is Verdict.ROUNDING


def test_no_printed_completion_is_not_audited() -> None:
    assert audit_completion(indicator(10, None, "——"), 5) is None


def check(first: dict[str, Any], second: dict[str, Any]) -> CrossCheck:
    return CrossCheck.model_validate({"id": "c", "name": "c", "first": first, "second": second})


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # 10.59 万人 is 105900 人
        ({"value": 105900, "unit": "人"}, {"value": 10.59, "unit": "万人"}, Verdict.OK),
        # 4.3 is 4.35 cut short (4.35 would round to 4.4)
        ({"value": 4.3, "unit": "万人"}, {"value": 4.35, "unit": "万人"}, Verdict.ROUNDING),
        # 0.95 万 is 9504 人 rounded to the hundredth of a 万
        ({"value": 0.95, "unit": "万人"}, {"value": 9504, "unit": "人"}, Verdict.OK),
        # a total and its parts: 46.99 + 4.35 + 7.97
        (
            {"value": 59.31, "unit": "万人"},
            {"sum": [46.99, 4.35, 7.97], "unit": "万人"},
            Verdict.OK,
        ),
        # a total and a share: 9.08 万 × 17.84% = 16198.72, printed to the thousand as 16000
        ({"value": 16000, "unit": "人"}, {"product": [9.08, 0.1784], "unit": "万人"}, Verdict.OK),
        ({"value": 300, "unit": "人"}, {"value": 500, "unit": "人"}, Verdict.MISMATCH),
    ],
)
def test_crosscheck_verdicts(
    first: dict[str, Any], second: dict[str, Any], verdict: Verdict
) -> None:
    where = {"text": "t", "source": "s"}
    row = audit_crosscheck(check({**first, **where}, {**second, **where}))
    assert row.verdict is verdict


def test_crosscheck_units_must_convert() -> None:
    where = {"text": "t", "source": "s"}
    with pytest.raises(ValueError, match="does not convert"):
        audit_crosscheck(
            check({"value": 1, "unit": "人", **where}, {"value": 1, "unit": "元", **where})
        )


def test_findings_on_the_real_zhuanlan1(data_dir: Path) -> None:
    directory = data_dir / "13th"
    plan = load_plan(directory)
    figures = observations(load_actuals(directory, plan).submissions)
    completions, crosschecks = audit_plan(plan, figures)
    printed = [
        i for i in plan.indicators if i.published_completion and i.published_completion.value
    ]
    assert len(completions) == len(printed)
    by_verdict = {v: {r.indicator.source for r in completions if r.verdict is v} for v in Verdict}
    assert by_verdict[Verdict.MISMATCH] == {"专栏1 第3项"}
    assert by_verdict[Verdict.ROUNDING] == {"专栏1 第17项", "专栏1 第18项"}
    assert {c.verdict for c in crosschecks} == {Verdict.OK}


def test_findings_on_the_14th_plan(data_dir: Path) -> None:
    plan = load_plan(data_dir)
    _, crosschecks = audit_plan(plan, {})
    found = {c.check.id: c.verdict for c in crosschecks if c.verdict is not Verdict.OK}
    assert found == {
        "unemployment_insured_2020": Verdict.ROUNDING,
        "hr_industry_employees_2025": Verdict.MISMATCH,
    }
