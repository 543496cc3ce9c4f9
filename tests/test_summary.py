"""The summary under the table, mid-period and at the end, and show's sentences at the end."""

from __future__ import annotations

from typing import Any

from tongnan_plan.calc.progress import Evaluation
from tongnan_plan.model.plan import Attribute, Plan
from tongnan_plan.model.status import Status
from tongnan_plan.present.story import story_lines
from tongnan_plan.present.summary import status_counts, summary


def make(plan: Plan, status: Status, **fields: Any) -> Evaluation:
    values: dict[str, Any] = {
        "indicator": plan.indicator("urban_new_jobs"),
        "as_of": 2024,
        "year": 2024,
        "actual": 1.0,
        "time_elapsed": 0.8,
        "status": status,
    }
    return Evaluation(**{**values, **fields})


def test_mid_period_counts_incomplete_data_apart(plan: Plan) -> None:
    evaluations = [
        make(plan, Status.AHEAD),
        make(plan, Status.BEHIND),
        make(plan, Status.INCOMPLETE),
        make(plan, Status.NO_DATA, year=None),
    ]
    # Judged on pace: ahead and behind (2); at pace: ahead (1): 1 ÷ 2 = 50.0%.
    assert summary(evaluations, "zh") == (
        "共 4 项指标：快于预期 1 项，滞后 1 项，数据不全 1 项，无数据 1 项。"
        "数据不全的 1 项不判断进度；其余有数据的 2 项中，达到或快于序时进度（含已实现、达标）的"
        " 1 项，占 50.0%。约束性指标滞后：无。"
    )
    assert summary(evaluations, "en") == (
        "4 indicators: ahead 1, behind 1, incomplete data 1, no data 1."
        " The 1 with incomplete data are not judged on pace."
        " Of the other 2 with data, 1 (50.0%) are at or ahead of the time elapsed"
        " (achieved and met included). Binding indicators lagging: none."
    )


def test_mid_period_without_incomplete_data_reads_as_before(plan: Plan) -> None:
    evaluations = [make(plan, Status.ACHIEVED), make(plan, Status.MET), make(plan, Status.NOT_MET)]
    # At pace: achieved and met (2) of 3 judged: 66.7%.
    assert summary(evaluations, "zh") == (
        "共 3 项指标：已实现 1 项，达标 1 项，未达标 1 项。有数据的 3 项中，"
        "达到或快于序时进度（含已实现、达标）的 2 项，占 66.7%。约束性指标滞后：无。"
    )


def test_a_binding_indicator_that_lags_is_named(plan: Plan) -> None:
    binding = plan.indicator("urban_new_jobs").model_copy(update={"attribute": Attribute.BINDING})
    evaluations = [make(plan, Status.BEHIND, indicator=binding), make(plan, Status.AHEAD)]
    assert summary(evaluations, "zh").endswith("约束性指标滞后：城镇新增就业人数。")
    final = [make(plan, Status.NOT_ACHIEVED, indicator=binding, final=True)]
    assert summary(final, "zh").endswith("约束性指标未完成：城镇新增就业人数。")


def test_the_final_evaluation_speaks_of_completion(plan: Plan) -> None:
    statuses = [
        Status.ACHIEVED,
        Status.MET,
        Status.NOT_ACHIEVED,
        Status.INCOMPLETE,
        Status.INCOMPLETE,
        Status.NO_TARGET,
    ]
    evaluations = [make(plan, s, as_of=2025, year=2025, final=True) for s in statuses]
    # Completed: achieved + met = 2; not: not achieved = 1; incomplete apart = 2.
    zh = summary(evaluations, "zh")
    assert zh == (
        "共 6 项指标，总结评估：目标完成 2 项，未完成 1 项，数据不全 2 项，无目标 1 项。"
        "约束性指标未完成：无。"
    )
    assert "序时进度" not in zh
    assert summary(evaluations, "en") == (
        "6 indicators, final evaluation: Targets achieved 2, not achieved 1,"
        " incomplete data 2, no target 1. Binding indicators not achieved: none."
    )


def test_status_counts_follow_the_registry_order(plan: Plan) -> None:
    evaluations = [make(plan, s) for s in (Status.NO_DATA, Status.INCOMPLETE, Status.ACHIEVED)]
    assert status_counts(evaluations) == [
        (Status.ACHIEVED, 1),
        (Status.INCOMPLETE, 1),
        (Status.NO_DATA, 1),
    ]


def test_show_at_the_end_year_words_no_outlook_trend_or_need(plan: Plan) -> None:
    # As the calculator hands it over when final: outlook, projections and need left out.
    ev = make(
        plan,
        Status.ACHIEVED,
        as_of=2025,
        year=2025,
        time_elapsed=1.0,
        cumulative=5.2,
        completion=5.2 / 5,
        progress=5.2 / 5,
        pace_ratio=5.2 / 5,
        final=True,
    )
    assert story_lines(ev, "zh")[:2] == ["总结评估（2025 年）：已实现", "完成度 104.0%"]
    text = "\n".join(story_lines(ev, "zh"))
    for absent in ("序时进度", "进度比", "每年需", "展望", "期末预计"):
        assert absent not in text
    assert story_lines(ev, "en")[0] == "Final evaluation (2025): achieved"


def test_show_mid_period_words_the_lower_bound_and_the_missing_years(plan: Plan) -> None:
    ev = make(
        plan,
        Status.INCOMPLETE,
        indicator=plan.indicator("migrant_worker_training"),
        year=2021,
        cumulative=0.32,
        known_total=0.93,
        missing_years=(2022,),
        pace_ratio=1.07,
    )
    lines = story_lines(ev, "zh")
    assert lines[:2] == ["状态（截至 2024 年）：数据不全", "完成度 ≥62.0%"]  # 0.93 ÷ 1.5
    assert "已报送各年合计 0.93 万人次（缺报年份未计入，是下限）" in lines
    assert "缺报年份：2022（缺报不按零计）" in lines
    assert not any(line.startswith("进度比") for line in lines)  # no pace on incomplete data
