"""The audit across plans: each baseline of the 14th plan that continues a row of the 13th,
against the 13th plan's 2020 figure, held to what the plan's text prints.

The figures below are copied from the plan's text (专栏1, 专栏2) and worked out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.calc.audit import (
    BaselineAudit,
    PreviousFigure,
    Verdict,
    audit_baseline,
    audit_baselines,
)
from tongnan_plan.calc.evaluation import observations
from tongnan_plan.cli import app
from tongnan_plan.model.plan import Comparator, Indicator
from tongnan_plan.sources.store import Repository, load_actuals

runner = CliRunner()


@pytest.fixture(scope="module")
def baselines(data_dir: Path) -> dict[str, BaselineAudit]:
    repository = Repository.at(data_dir)
    plan = repository.load(repository.choose())
    found = repository.previous(plan)
    assert found is not None, "the 14th plan names the 13th as previous"
    previous, actuals = found
    assert previous.plan.id == "tongnan-hrss-13th"
    rows = audit_baselines(plan, previous, observations(actuals.submissions))
    return {row.indicator.id: row for row in rows}


def test_a_five_year_total_against_a_years_flow_is_not_comparable(
    baselines: dict[str, BaselineAudit],
) -> None:
    # 城镇新增就业人数: 专栏2 第1项 prints 1.05 (万人) for 2020, unbracketed: 2020's own flow.
    # 专栏1 第1项 prints 【 105900 】 (人) for 2020: the 13th plan's five-year total.
    row = baselines["urban_new_jobs"]
    assert row.previous.indicator.id == "new_jobs"
    assert (row.previous.value, row.previous.total) == (105900, True)
    assert row.converted == pytest.approx(105900 / 10_000)  # 10.59 万人: ten times 1.05
    assert row.verdict is Verdict.NOT_COMPARABLE  # different bases: never a mismatch
    assert row.detail.how == "period-total"


def test_the_talent_total_is_the_13th_plans_figure_rounded(
    baselines: dict[str, BaselineAudit],
) -> None:
    # 专业技术人才总量: 专栏2 第8项 prints 【0.95】 (万人); 专栏1 第18项 prints 9504 (人).
    # 9504 人 = 0.9504 万人, which rounds half up to two places as 0.95.
    row = baselines["professional_technical_talent"]
    assert (row.previous.value, row.previous.indicator.unit) == (9504, "人")
    assert row.converted == pytest.approx(0.9504)
    assert row.verdict is Verdict.OK
    assert (row.detail.how, row.detail.exact, row.detail.printed) == ("rounded", "0.9504", "0.95")


def test_the_other_continued_baselines(baselines: dict[str, BaselineAudit]) -> None:
    # 高级职称人才数量 【0.11】 against 专栏1 第18项 其中 1123 人 = 0.1123 万人: rounded.
    senior = baselines["senior_title_talent"]
    assert senior.converted == pytest.approx(0.1123)
    assert (senior.verdict, senior.detail.how) == (Verdict.OK, "rounded")
    # 劳动人事争议仲裁结案率 98 against 专栏1 第22项 仲裁结案率 98.
    assert baselines["dispute_arbitration_closure_rate"].detail.how == "equal"
    # 高技能人才数量 1.6 万人 (printed 16000) against 专栏1 第19项 其中 16000 人 = 1.6 万人.
    assert baselines["high_skilled_talent_total"].detail.how == "equal"
    # 基本养老保险参保率 >95 against 专栏1 第12项 >95: the same bound.
    assert baselines["basic_pension_coverage"].verdict is Verdict.OK
    # 城镇调查失业率 ≤5.5 against 专栏1 第9项 ≤6: bounds, not figures.
    assert baselines["surveyed_unemployment_rate"].detail.how == "bounds"
    # 开展补贴性职业技能培训人次 1.92 万人次 against 技能培训人数 【 19168 】 人: 人 is not 人次.
    assert baselines["subsidised_skills_training"].detail.how == "units"
    # No baseline of the 14th plan is a wrong figure.
    assert Verdict.MISMATCH not in {row.verdict for row in baselines.values()}
    # 应届离校未就业高校毕业生年底就业率 continues nothing (continues: false), though an id of
    # the 13th plan is the same; rows with no baseline (—) are not audited.
    assert "graduate_employment_rate" not in baselines
    assert "migrant_worker_training" not in baselines


def _indicator(**changes: object) -> Indicator:
    data = {
        "id": "x",
        "name": "参保人数",
        "name_en": "insured",
        "unit": "万人",
        "group": "g",
        "tier": "main",
        "kind": "annual",
        "attribute": "预期性",
        "direction": "higher",
        "baseline": {"value": 4.3, "text": "【4.3】"},
        "target": {"value": 4.7, "text": "【4.7】"},
        "source": "表 第1项",
    }
    return Indicator.model_validate(data | changes)


def _previous(value: float, unit: str = "万人", *, total: bool = False) -> PreviousFigure:
    before = _indicator(unit=unit, kind="cumulative" if total else "annual")
    return PreviousFigure("old", before, 2020, value, Comparator.EQ, total=total)


def test_a_truncated_baseline_is_rounding_and_a_wrong_one_a_mismatch() -> None:
    # 4.35 printed as 4.3: truncated at one place (4.35 rounds half up to 4.4).
    row = audit_baseline(_indicator(), _previous(4.35))
    assert row is not None and (row.verdict, row.detail.how) == (Verdict.ROUNDING, "truncated")
    # 4.1 is neither 4.35 rounded nor truncated.
    row = audit_baseline(_indicator(), _previous(4.1))
    assert row is not None and row.verdict is Verdict.MISMATCH
    # 43000 人 = 4.3 万人 exactly.
    row = audit_baseline(_indicator(), _previous(43000, "人"))
    assert row is not None and row.detail.how == "equal"


def test_a_period_baseline_wants_the_previous_periods_total() -> None:
    period = _indicator(
        kind="cumulative", baseline={"value": 1.92, "text": "1.92", "basis": "period"}
    )
    # 19168 人 over 2016-2020 = 1.9168 万人, rounded to two places 1.92.
    row = audit_baseline(period, _previous(19168, "人", total=True))
    assert row is not None and (row.verdict, row.detail.how) == (Verdict.OK, "rounded")
    # Against a level of the previous plan: a total is not a level.
    row = audit_baseline(period, _previous(1.92))
    assert row is not None and (row.verdict, row.detail.how) == (Verdict.NOT_COMPARABLE, "level")


def test_audit_shows_the_baselines_and_gives_them_as_records(data_dir: Path) -> None:
    result = runner.invoke(app, ["audit", "--data", str(data_dir), "--lang", "en"])
    assert "Baselines against the previous plan (tongnan-hrss-13th)" in result.stdout
    assert "not comparable" in result.stdout  # the verdict in words
    result = runner.invoke(app, ["audit", "--baselines", "-f", "json", "--data", str(data_dir)])
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert records["urban_new_jobs"]["verdict"] == "not_comparable"
    assert records["urban_new_jobs"]["previous_total"] is True
    assert records["professional_technical_talent"]["previous_figure"] == 9504
    # The 13th plan names no previous plan: no baselines to audit.
    result = runner.invoke(
        app, ["audit", "--baselines", "-f", "json", "--data", str(data_dir), "--plan", "13th"]
    )
    assert json.loads(result.stdout) == []


def test_the_13th_plans_figures_come_from_its_own_submission(data_dir: Path) -> None:
    repository = Repository.at(data_dir)
    place = repository.find("tongnan-hrss-13th")
    assert place is not None and place.folder == "13th"
    plan = repository.load(place)
    figures = observations(load_actuals(place.directory, plan).submissions)
    assert figures["new_jobs"][2020].to_date and figures["new_jobs"][2020].value == 105900
