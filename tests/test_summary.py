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
    # Judged: ahead and behind (2); on track or ahead: ahead (1): 1 ÷ 2 = 50.0%; behind 1.
    # No indicator is binding: nothing said of binding ones.
    assert summary(evaluations, "zh") == (
        "共 4 项指标：快于预期 1 项，滞后 1 项，数据不全 1 项，无数据 1 项。"
        "数据不全的 1 项不判断进度；其余有数据的 2 项中，基本符合或快于预期（含提前实现）的"
        " 1 项，占 50.0%；滞后（含明显滞后）的 1 项。"
    )
    assert summary(evaluations, "en") == (
        "4 indicators: ahead 1, behind 1, incomplete data 1, no data 1."
        " The 1 with incomplete data are not judged on pace."
        " Of the other 2 with data, 1 (50.0%) are on track or ahead (achieved early included),"
        " 1 behind (far behind included)."
    )


def test_the_count_says_what_its_words_say(plan: Plan) -> None:
    # Finding 5: "达到或快于序时进度" counted on-track rows whose progress was under 80 %. The
    # count is now the national evaluation's own, 基本符合或快于预期: achieved early, ahead and
    # on track (a bound held is on track), 2 + 1 + 2 = 5 of the 7 judged = 71.4 %; behind and
    # far behind 2.
    statuses = [Status.ACHIEVED] * 2 + [Status.AHEAD] + [Status.ON_TRACK] * 2
    statuses += [Status.BEHIND, Status.FAR_BEHIND]
    text = summary([make(plan, s) for s in statuses], "zh")
    assert text == (
        "共 7 项指标：提前实现 2 项，快于预期 1 项，基本符合预期 2 项，滞后 1 项，明显滞后 1 项。"
        "有数据的 7 项中，基本符合或快于预期（含提前实现）的 5 项，占 71.4%；"
        "滞后（含明显滞后）的 2 项。"
    )
    for word in ("已实现", "达标", "达到或快于序时进度"):
        assert word not in text


def test_a_binding_indicator_that_lags_is_named(plan: Plan) -> None:
    binding = plan.indicator("urban_new_jobs").model_copy(update={"attribute": Attribute.BINDING})
    evaluations = [make(plan, Status.BEHIND, indicator=binding), make(plan, Status.AHEAD)]
    assert summary(evaluations, "zh").endswith("约束性指标滞后：城镇新增就业人数。")
    final = [make(plan, Status.NOT_ACHIEVED, indicator=binding, final=True)]
    assert summary(final, "zh").endswith("约束性指标未完成：城镇新增就业人数。")
    # A binding indicator that does not lag: "无", said because one is binding.
    held = [make(plan, Status.AHEAD, indicator=binding)]
    assert summary(held, "zh").endswith("约束性指标滞后：无。")


def test_the_final_evaluation_speaks_of_completion(plan: Plan) -> None:
    statuses = [
        Status.EXCEEDED,
        Status.COMPLETED,
        Status.NOT_ACHIEVED,
        Status.INCOMPLETE,
        Status.INCOMPLETE,
        Status.NO_TARGET,
    ]
    evaluations = [make(plan, s, as_of=2025, year=2025, final=True) for s in statuses]
    # Completed: exceeded + completed = 2; not: not achieved = 1; incomplete apart = 2.
    zh = summary(evaluations, "zh")
    assert zh == (
        "共 6 项指标，总结评估：超额完成 1 项，完成 1 项，未完成 1 项，数据不全 2 项，无目标 1 项。"
        "目标完成（含超额完成）2 项，未完成 1 项。"
    )
    assert "序时进度" not in zh and "约束性" not in zh
    assert summary(evaluations, "en") == (
        "6 indicators, final evaluation: exceeded 1, completed 1, not completed 1,"
        " incomplete data 2, no target 1. Targets completed (exceeded included) 2,"
        " not completed 1."
    )


def test_estimates_and_the_basically_completed_band_are_counted_apart(plan: Plan) -> None:
    statuses = [
        Status.COMPLETED,
        Status.BASICALLY_COMPLETED,
        Status.NOT_ACHIEVED,
        Status.ESTIMATED_COMPLETED,
        Status.ESTIMATED_COMPLETED,
        Status.ESTIMATED_NOT_COMPLETED,
    ]
    evaluations = [make(plan, s, as_of=2025, year=2025, final=True) for s in statuses]
    # On the figures: completed 1; not completed 2 (basically completed 1 of them); the three
    # on an estimate apart.
    assert summary(evaluations, "zh") == (
        "共 6 项指标，总结评估：完成 1 项，基本完成 1 项，未完成 1 项，预计完成 2 项，"
        "预计未完成 1 项。目标完成（含超额完成）1 项，未完成 2 项（含基本完成 1 项）；"
        "以预计值判断的 3 项另计。"
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
        Status.EXCEEDED,
        as_of=2025,
        year=2025,
        time_elapsed=1.0,
        cumulative=5.2,
        completion=5.2 / 5,
        progress=5.2 / 5,
        pace_ratio=5.2 / 5,
        final=True,
    )
    assert story_lines(ev, "zh")[:2] == ["总结评估（2025 年）：超额完成", "完成度 104.0%"]
    text = "\n".join(story_lines(ev, "zh"))
    for absent in ("序时进度", "进度比", "每年需", "展望", "期末预计"):
        assert absent not in text
    assert story_lines(ev, "en")[0] == "Final evaluation (2025): exceeded"


def test_show_mid_period_words_the_lower_bound_and_the_missing_years(plan: Plan) -> None:
    ev = make(
        plan,
        Status.INCOMPLETE,
        indicator=plan.indicator("migrant_worker_training"),
        known_total=0.93,
        lower_bound=0.93,
        gap=True,
        missing_years=(2022,),
        pace_ratio=1.07,
    )
    lines = story_lines(ev, "zh")
    assert lines[:2] == ["状态（截至 2024 年）：数据不全", "完成度 ≥62.0%"]  # 0.93 ÷ 1.5
    assert "已报送各年合计 0.93 万人次（缺报年份未计入，是下限）" in lines
    assert "缺报年份：2022（缺报不按零计）" in lines
    assert not any(line.startswith("进度比") for line in lines)  # no pace on incomplete data


def test_nothing_judged_says_only_the_counts(plan: Plan) -> None:
    # 17 indicators without a figure: no share of 0 judged to give.
    evaluations = [make(plan, Status.NO_DATA, year=None)] * 17
    assert summary(evaluations, "zh") == "共 17 项指标：无数据 17 项。"
    assert summary(evaluations, "en") == "17 indicators: no data 17."
