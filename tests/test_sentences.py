"""The report's sentences (present/sentences.py), each template held to an example worked out by
hand here. The status words are the registry's (model/status.py), never typed here."""

from __future__ import annotations

from typing import Any

import pytest

from tongnan_plan.calc.progress import Evaluation
from tongnan_plan.calc.shortfall import shortfall
from tongnan_plan.model.plan import Attribute, Plan, Provenance
from tongnan_plan.model.status import Status
from tongnan_plan.present.sentences import (
    TEMPLATES,
    binding_first,
    facts,
    indicator_sentence,
    period_words,
)


def evaluation(plan: Plan, indicator_id: str, **fields: Any) -> Evaluation:
    """An evaluation made by hand: the figures a sentence should carry."""
    defaults: dict[str, Any] = {
        "as_of": 2025,
        "year": 2025,
        "actual": None,
        "time_elapsed": 1.0,
        "status": Status.EXCEEDED,
        "provenance": Provenance.OFFICIAL,
        "final": True,
    }
    indicator = plan.indicator(indicator_id)
    if "attribute" in fields:
        indicator = indicator.model_copy(update={"attribute": fields.pop("attribute")})
    return Evaluation(indicator=indicator, **{**defaults, **fields})


def words(status: Status, lang: str = "zh") -> str:
    return status.info.words(lang)


def test_a_total_at_the_end_of_the_plan(plan: Plan) -> None:
    # 城镇新增就业人数, 【5】万人: 1.12 + 1.05 + 1.08 + 1.1 + 1.1 = 5.45; 5.45 ÷ 5 = 109.0%.
    ev = evaluation(
        plan, "urban_new_jobs", actual=1.1, cumulative=5.45, known_total=5.45, completion=1.09
    )
    assert indicator_sentence(ev, plan.plan, "zh") == (
        "城镇新增就业人数：“十四五”期间累计新增5.45万人，完成目标任务（5万人）的109.0%，"
        f"{words(Status.EXCEEDED)}。"
    )
    assert indicator_sentence(ev, plan.plan, "en") == (
        "New urban jobs: 5.45 万人 in total over 2021–2025, 109.0% of the target (5 万人),"
        f" {words(Status.EXCEEDED, 'en')}."
    )


def test_a_total_short_of_its_target_says_by_how_much(plan: Plan) -> None:
    # 开展补贴性职业技能培训人次, 【3.5】万人次: 2.97 reached, 2.97 ÷ 3.5 = 84.9%,
    # 3.5 − 2.97 = 0.53 short.
    ev = evaluation(
        plan,
        "subsidised_skills_training",
        actual=0.62,
        cumulative=2.97,
        known_total=2.97,
        completion=2.97 / 3.5,
        status=Status.NOT_ACHIEVED,
        provenance=Provenance.SAMPLE,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "开展补贴性职业技能培训人次：“十四五”期间累计2.97万人次*，完成目标任务（3.5万人次）的84.9%，"
        f"距目标差0.53万人次，{words(Status.NOT_ACHIEVED)}。"
    )


def test_a_total_mid_period_with_the_time_elapsed_and_an_estimate(plan: Plan) -> None:
    # 2021–2024: 4.35 of 5 = 87.0%, 序时进度 (2024 − 2020) ÷ 5 = 80.0%, 0.65 to go; trend 5.43.
    ev = evaluation(
        plan,
        "urban_new_jobs",
        as_of=2024,
        year=2024,
        actual=1.1,
        cumulative=4.35,
        known_total=4.35,
        completion=0.87,
        progress=0.87,
        time_elapsed=0.8,
        projected_trend=5.43,
        status=Status.AHEAD,
        final=False,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "城镇新增就业人数：2021—2024年累计新增4.35万人，完成目标任务（5万人）的87.0%，序时进度80.0%，"
        f"距目标差0.65万人，{words(Status.AHEAD)}；按现有趋势，预计2025年达到5.43万人。"
    )


def test_a_lower_bound_where_a_year_is_missing(plan: Plan) -> None:
    # 农民工参加职业培训人次, 【1.5】: 2022 missing, the years reported add to 1.23,
    # at least 1.23 ÷ 1.5 = 82% of the target.
    ev = evaluation(
        plan,
        "migrant_worker_training",
        known_total=1.23,
        lower_bound=1.23,
        gap=True,
        missing_years=(2022,),
        status=Status.INCOMPLETE,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "农民工参加职业培训人次：已报送年份累计不少于1.23万人次（2022年缺报，缺报不按零计），"
        f"已达目标任务（1.5万人次）的82.0%以上，{words(Status.INCOMPLETE)}。"
    )
    assert shortfall(ev) is None  # unknown, not 1.5 − 1.23


def test_a_level_short_of_its_target(plan: Plan) -> None:
    # 失业保险参保人数, 【4.7】万人: 4.69 in 2025, 4.69 ÷ 4.7 = 99.8%, short by 0.01.
    ev = evaluation(
        plan,
        "unemployment_insurance_insured",
        actual=4.69,
        completion=4.69 / 4.7,
        status=Status.NOT_ACHIEVED,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "失业保险参保人数：2025年为4.69万人，完成目标任务（4.7万人）的99.8%，距目标差0.01万人，"
        f"{words(Status.NOT_ACHIEVED)}。"
    )


def test_a_shortfall_smaller_than_two_decimals_keeps_its_digits(plan: Plan) -> None:
    # 高级职称人才数量, 【0.14】万人: 0.137 in 2025, short by 0.14 − 0.137 = 0.003 (not "0").
    ev = evaluation(
        plan,
        "senior_title_talent",
        actual=0.137,
        completion=0.137 / 0.14,
        status=Status.NOT_ACHIEVED,
    )
    assert "距目标差0.003万人" in indicator_sentence(ev, plan.plan)


def test_a_level_mid_period_is_judged_on_progress_from_its_baseline(plan: Plan) -> None:
    # 劳动人事争议调解成功率: baseline 39.53, target ≥50, 2024: 40.5.
    # progress (40.5 − 39.53) ÷ (50 − 39.53) = 0.97 ÷ 10.47 = 9.3%; short by 50 − 40.5 = 9.5 points.
    ev = evaluation(
        plan,
        "dispute_mediation_success_rate",
        as_of=2024,
        year=2024,
        actual=40.5,
        completion=40.5 / 50,
        progress=0.97 / 10.47,
        time_elapsed=0.8,
        status=Status.FAR_BEHIND,
        final=False,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "劳动人事争议调解成功率：2024年为40.5%，目标≥50%，从基期（39.53%）算起的进度为9.3%，"
        f"序时进度80.0%，距目标差9.5个百分点，{words(Status.FAR_BEHIND)}。"
    )
    assert indicator_sentence(ev, plan.plan, "en") == (
        "Labour and personnel dispute mediation success rate: 40.5% in 2024, target ≥50%,"
        " progress from the baseline (39.53%) 9.3%, time elapsed 80.0%, 9.5 percentage points"
        f" short of it, {words(Status.FAR_BEHIND, 'en')}."
    )


def test_a_ceiling_held_and_broken(plan: Plan) -> None:
    # 城镇调查失业率 ≤5.5: 5.4 is within it; 5.6 is above it by 0.1 points.
    held = evaluation(plan, "surveyed_unemployment_rate", actual=5.4, status=Status.COMPLETED)
    assert indicator_sentence(held, plan.plan) == (
        f"城镇调查失业率：2025年为5.4%，控制在目标（≤5.5%）以内，{words(Status.COMPLETED)}。"
    )
    broken = evaluation(plan, "surveyed_unemployment_rate", actual=5.6, status=Status.NOT_ACHIEVED)
    assert indicator_sentence(broken, plan.plan) == (
        f"城镇调查失业率：2025年为5.6%，高于目标（≤5.5%），超出目标0.1个百分点，{words(Status.NOT_ACHIEVED)}。"
    )
    assert indicator_sentence(broken, plan.plan, "en") == (
        "Surveyed urban unemployment rate: 5.6% in 2025, above the target (≤5.5%),"
        f" 0.1 percentage points over it, {words(Status.NOT_ACHIEVED, 'en')}."
    )


def test_a_floor_reached_and_missed(plan: Plan) -> None:
    # 基本养老保险参保率 >95: 96.4 reaches it; 94.8 is below it by 0.2 points.
    reached = evaluation(plan, "basic_pension_coverage", actual=96.4, status=Status.COMPLETED)
    assert indicator_sentence(reached, plan.plan) == (
        f"基本养老保险参保率：2025年为96.4%，达到目标（>95%），{words(Status.COMPLETED)}。"
    )
    missed = evaluation(plan, "basic_pension_coverage", actual=94.8, status=Status.NOT_ACHIEVED)
    assert indicator_sentence(missed, plan.plan) == (
        f"基本养老保险参保率：2025年为94.8%，低于目标（>95%），距目标差0.2个百分点，"
        f"{words(Status.NOT_ACHIEVED)}。"
    )


def test_a_stale_level_and_no_data(plan: Plan) -> None:
    stale = evaluation(
        plan,
        "surveyed_unemployment_rate",
        year=2024,
        actual=5.4,
        missing_years=(2025,),
        status=Status.INCOMPLETE,
    )
    # No verdict on a year before the one evaluated: the figure and its year, then the status.
    assert indicator_sentence(stale, plan.plan) == (
        f"城镇调查失业率：最新数据为2024年的5.4%（2025年未报送），{words(Status.INCOMPLETE)}。"
    )
    nothing = evaluation(plan, "postdoc_recruits", year=None, status=Status.NO_DATA)
    assert indicator_sentence(nothing, plan.plan) == (
        f"博士后研究人员招收数：截至2025年未报送数据，{words(Status.NO_DATA)}。"
    )
    assert indicator_sentence(nothing, plan.plan, "en") == (
        f"Postdoctoral researchers recruited: nothing reported up to 2025,"
        f" {words(Status.NO_DATA, 'en')}."
    )


def test_a_binding_indicator_says_so_and_comes_first(plan: Plan) -> None:
    anticipated = evaluation(
        plan, "surveyed_unemployment_rate", actual=5.4, status=Status.COMPLETED
    )
    binding = evaluation(
        plan,
        "basic_pension_coverage",
        actual=96.4,
        status=Status.COMPLETED,
        attribute=Attribute.BINDING,
    )
    assert indicator_sentence(binding, plan.plan).startswith("基本养老保险参保率（约束性）：")
    assert binding_first([anticipated, binding]) == [binding, anticipated]


def test_an_annual_target(plan: Plan) -> None:
    # An annual sub-target of 2 a year, 2 done in 2024: 100.0%.
    ind = next(i for i in plan.indicators if i.annual_targets)
    ev = evaluation(
        plan,
        ind.id,
        as_of=2024,
        year=2024,
        actual=2.0,
        cumulative=8.0,
        known_total=8.0,
        completion=8.0 / ind.target_value,
        progress=8.0 / ind.target_value,
        time_elapsed=0.8,
        annual_target=2.0,
        annual_target_completion=1.0,
        status=Status.ON_TRACK,
        final=False,
    )
    assert f"完成2024年度目标（2{ind.unit}）的100.0%" in indicator_sentence(ev, plan.plan)


def test_the_period_a_total_runs_over(plan: Plan) -> None:
    info = plan.plan
    assert period_words(info, 2025, "zh") == "“十四五”期间"  # the title's own name
    assert period_words(info, 2023, "zh") == "2021—2023年"
    assert period_words(info, 2025, "en") == "2021–2025"
    other = info.model_copy(update={"title": "某区就业规划（2021-2025年）"})
    assert period_words(other, 2025, "zh") == "2021—2025年"  # no name in the title


def test_every_template_is_in_both_languages() -> None:
    assert set(TEMPLATES["zh"]) == set(TEMPLATES["en"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_facts_under_the_sections_a_person_writes(plan: Plan, lang: str) -> None:
    done = evaluation(
        plan, "urban_new_jobs", actual=1.1, cumulative=5.45, known_total=5.45, completion=1.09
    )
    short = evaluation(
        plan,
        "unemployment_insurance_insured",
        actual=4.69,
        completion=4.69 / 4.7,
        status=Status.NOT_ACHIEVED,
    )
    unknown = evaluation(
        plan,
        "migrant_worker_training",
        known_total=1.23,
        lower_bound=1.23,
        gap=True,
        missing_years=(2022,),
        status=Status.INCOMPLETE,
    )
    found = facts([done, short, unknown], lang)
    if lang == "zh":
        assert found["achievements"] == [
            "目标已完成的指标（1项）：城镇新增就业人数（完成109.0%）。"
        ]
        assert found["problems"] == [
            "未完成目标的指标（1项）：失业保险参保人数（完成99.8%，差0.01万人）。",
            "数据不全、未作结论的指标（1项）：农民工参加职业培训人次（2022年缺报）。",
        ]
        assert found["next_steps"] == ["需补报数据：农民工参加职业培训人次（2022年缺报）。"]
    else:
        assert found["achievements"] == ["Targets achieved (1): New urban jobs (109.0% done)."]
        assert found["problems"][0] == (
            "Targets not achieved (1): Persons insured against unemployment"
            " (99.8% done, 0.01 万人 short)."
        )
    assert facts([done], lang)["problems"] == [("无。" if lang == "zh" else "None.")]


def test_facts_say_what_each_lagging_indicator_needs_per_remaining_year(plan: Plan) -> None:
    # As of 2024 one year remains: (3.5 − 2.35) ÷ 1 = 1.15 万人次 of training still to add;
    # the mediation rate must rise (50 − 38.9) ÷ 1 = 11.1 percentage points.
    training = evaluation(
        plan,
        "subsidised_skills_training",
        as_of=2024,
        year=2024,
        cumulative=2.35,
        known_total=2.35,
        completion=2.35 / 3.5,
        required_per_year=1.15,
        status=Status.BEHIND,
        final=False,
    )
    mediation = evaluation(
        plan,
        "dispute_mediation_success_rate",
        as_of=2024,
        year=2024,
        actual=38.9,
        required_per_year=11.1,
        status=Status.FAR_BEHIND,
        final=False,
    )
    assert facts([training, mediation])["next_steps"] == [
        "按目标倒推，此后每年需：开展补贴性职业技能培训人次新增1.15万人次、"
        "劳动人事争议调解成功率提高11.1个百分点。"
    ]


def test_an_estimate_is_said_to_be_one(plan: Plan) -> None:
    # 失业保险参保人数 given as a 2025 estimate of 4.72 万人: 4.72 ÷ 4.7 = 100.4%.
    ev = evaluation(
        plan,
        "unemployment_insurance_insured",
        actual=4.72,
        completion=4.72 / 4.7,
        provenance=Provenance.ESTIMATE,
        status=Status.ESTIMATED_COMPLETED,
    )
    assert indicator_sentence(ev, plan.plan) == (
        "失业保险参保人数：2025年为4.72万人*（预计数），完成目标任务（4.7万人）的100.4%，"
        f"{words(Status.ESTIMATED_COMPLETED)}。"
    )
