"""The audit of printed figures, on worked examples and on the plan's real 专栏1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tongnan_plan.calc.audit import Verdict, audit_completion, audit_crosscheck, audit_plan
from tongnan_plan.calc.evaluation import observations
from tongnan_plan.calc.series import Observation
from tongnan_plan.model.plan import CrossCheck, Indicator, Plan, Provenance
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
    ("target", "actual", "published", "computed", "verdict"),
    [
        (50000, 105900, 212, 211.8, Verdict.OK),  # 105900 / 50000 × 100 = 211.8 → 212
        (4000, 12500, 313, 312.5, Verdict.OK),  # 12500 / 4000 × 100 = 312.5, half up → 313
        (1300, 1399, 107, 107.615385, Verdict.ROUNDING),  # 1399 / 13 = 107.615…, cut to 107
        (1300, 1399, 108, 107.615385, Verdict.OK),
        (4000, 18920, 495, 473.0, Verdict.MISMATCH),  # 18920 / 40 = 473, not 495
        (1.5, 2.49, 166, 166.0, Verdict.OK),  # 2.49 / 1.5 = 1.66 exactly
    ],
)
def test_completion_verdicts(
    target: float, actual: float, published: float, computed: float, verdict: Verdict
) -> None:
    row = audit_completion(indicator(target, published, f"{published:g}%"), actual)
    assert row is not None
    assert row.computed_pct == pytest.approx(computed, abs=1e-6)
    assert row.difference_pp == pytest.approx(published - computed, abs=1e-6)
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


def _plan_with_a_printed_completion() -> Plan:
    """A 2021-2025 plan with one five-year total whose completion the plan prints."""
    ind = indicator(10, 100, "100%").model_dump()
    return Plan.model_validate(
        {
            "plan": {
                "id": "t",
                "title": "t",
                "title_en": "t",
                "issuer": "i",
                "document": "d",
                "issued": "2022",
                "baseline_year": 2020,
                "start_year": 2021,
                "end_year": 2025,
            },
            "thresholds": {"ahead": 1.05, "on_track": 0.95, "behind": 0.6},
            "groups": [{"id": "g", "name": "g", "name_en": "g"}],
            "indicators": [ind],
        }
    )


def test_the_audit_never_adds_across_a_missing_year() -> None:
    plan = _plan_with_a_printed_completion()
    flows = {2021: 2.0, 2023: 2.0, 2024: 3.0, 2025: 3.0}  # 2022 missing
    figures = {"x": {y: Observation(y, v, Provenance.SAMPLE) for y, v in flows.items()}}
    completions, _ = audit_plan(plan, figures)
    # The 2025 total is unknown (2 + ? + 2 + 3 + 3): no completion to recompute, rather than
    # 10 / 10 = 100 % from adding the years either side of the gap.
    assert completions == []
    figures["x"][2022] = Observation(2022, 1.0, Provenance.SAMPLE)
    (row,), _ = audit_plan(plan, figures)
    assert row.actual == 11  # 2 + 1 + 2 + 3 + 3
    assert row.computed_pct == pytest.approx(110)  # 11 / 10 × 100


def test_the_audit_takes_a_total_to_date_after_a_gap() -> None:
    plan = _plan_with_a_printed_completion()
    figures = {
        "x": {
            2021: Observation(2021, 2.0, Provenance.SAMPLE),
            2025: Observation(2025, 10.0, Provenance.SAMPLE, to_date=True),
        }
    }
    (row,), _ = audit_plan(plan, figures)
    assert row.actual == 10  # the five-year total as reported, not 2 + 10
    assert row.verdict is Verdict.OK  # 10 / 10 × 100 = 100, printed 100
