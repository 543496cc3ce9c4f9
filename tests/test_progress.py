"""The calculator on hand-worked examples; every expected figure is worked from its inputs."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongnan_plan.calc.progress import (
    Observation,
    Outlook,
    Status,
    evaluate,
    least_squares,
    pace_status,
    time_elapsed,
)
from tongnan_plan.model.plan import (
    Comparator,
    ExpectedPath,
    Indicator,
    PlanInfo,
    Provenance,
    Thresholds,
)
from tongnan_plan.model.units import LEAST_MAGNITUDE

PLAN = PlanInfo(
    id="test",
    title="t",
    title_en="t",
    issuer="i",
    document="d",
    issued="2022",
    baseline_year=2020,
    start_year=2021,
    end_year=2025,
)
BANDS = Thresholds(ahead=1.05, on_track=0.95, behind=0.6)
SAMPLE = Provenance.SAMPLE


def indicator(**fields: Any) -> Indicator:
    base: dict[str, Any] = {
        "id": "x",
        "name": "x",
        "name_en": "x",
        "unit": "万人",
        "group": "g",
        "tier": "main",
        "kind": "annual",
        "attribute": "预期性",
        "direction": "higher",
        "source": "test",
    }
    base.update(fields)
    return Indicator.model_validate(base)


def fig(value: float | None, comparator: str = "=") -> dict[str, Any]:
    return {"value": value, "comparator": comparator, "text": str(value)}


def obs(series: dict[int, float], provenance: Provenance = SAMPLE) -> dict[int, Observation]:
    return {year: Observation(year, value, provenance) for year, value in series.items()}


def test_time_elapsed_is_share_of_the_five_years() -> None:
    # 序时进度 at the end of 2023: (2023 - 2020) / (2025 - 2020) = 3/5.
    assert time_elapsed(2023, PLAN) == 3 / 5
    assert time_elapsed(2025, PLAN) == 1


class TestCumulative:
    ind = indicator(kind="cumulative", baseline=fig(1.05), target=fig(5))
    flows: ClassVar[dict[int, float]] = {2021: 1.12, 2022: 1.05, 2023: 1.08, 2024: 1.10}

    def test_sum_completion_pace_required_projection(self) -> None:
        ev = evaluate(self.ind, obs(self.flows), 2024, PLAN, BANDS)
        total = 1.12 + 1.05 + 1.08 + 1.10  # C = a_2021 + ... + a_2024
        assert ev.year == 2024
        assert ev.cumulative == pytest.approx(total)
        assert ev.completion == pytest.approx(total / 5)  # C / T = 4.35 / 5 = 0.87
        assert ev.progress == pytest.approx(0.87)  # progress is completion for a total
        assert ev.known_total == pytest.approx(4.35)  # nothing missing: the total itself
        assert ev.final is False
        assert ev.time_elapsed == pytest.approx(4 / 5)
        assert ev.pace_ratio == pytest.approx((total / 5) / (4 / 5))  # progress / τ = 1.0875
        assert ev.required_per_year == pytest.approx((5 - total) / (2025 - 2024))
        assert ev.projected == pytest.approx(total / 4 * 5)  # C / (t - 2020) × 5
        assert ev.status is Status.AHEAD  # 1.0875 ≥ 1.05

    def test_nothing_reported_is_no_data(self) -> None:
        ev = evaluate(self.ind, {}, 2024, PLAN, BANDS)
        assert ev.status is Status.NO_DATA
        assert ev.cumulative is None and ev.known_total is None

    def test_reached_early_is_achieved_with_nothing_required(self) -> None:
        ev = evaluate(self.ind, obs({2021: 2.0, 2022: 2.0, 2023: 1.5}), 2023, PLAN, BANDS)
        assert ev.status is Status.ACHIEVED
        assert ev.required_per_year == 0

    def test_as_of_ignores_later_years(self) -> None:
        ev = evaluate(self.ind, obs(self.flows), 2022, PLAN, BANDS)
        assert ev.cumulative == pytest.approx(1.12 + 1.05)

    def test_zero_target_has_no_completion(self) -> None:
        ind = indicator(kind="cumulative", target=fig(0))
        ev = evaluate(ind, obs({2021: 0.0}), 2021, PLAN, BANDS)
        assert ev.completion is None
        assert ev.status is Status.ACHIEVED  # 0 ≥ 0

    @pytest.mark.parametrize(
        ("flows", "status"), [((2.0, 2.0), Status.ON_TRACK), ((3.0, 3.0), Status.BEHIND)]
    )
    def test_ceiling_on_a_total_is_judged_on_its_projection(
        self, flows: tuple[float, float], status: Status
    ) -> None:
        # At most 10 over five years: 2 + 2 in two years runs on to 4 / 2 × 5 = 10 (held: on
        # track, in the ordinary words); 3 + 3 runs on to 15 (broken: behind).
        ind = indicator(kind="cumulative", direction="lower", target=fig(10, "<="))
        ev = evaluate(ind, obs({2021: flows[0], 2022: flows[1]}), 2022, PLAN, BANDS)
        assert ev.projected == pytest.approx(sum(flows) / 2 * 5)
        assert ev.status is status

    def test_provenance_is_the_least_official_used(self) -> None:
        figures = obs({2021: 1.0})
        figures[2022] = Observation(2022, 1.0, Provenance.ESTIMATE)
        figures[2021] = Observation(2021, 1.0, Provenance.OFFICIAL)
        ev = evaluate(self.ind, figures, 2022, PLAN, BANDS)
        assert ev.provenance is Provenance.ESTIMATE


class TestAnnualPath:
    ind = indicator(baseline=fig(39.53), target=fig(50, ">="), unit="%")

    def test_progress_and_pace_from_the_baseline(self) -> None:
        ev = evaluate(self.ind, obs({2023: 44.1}), 2023, PLAN, BANDS)
        progress = (44.1 - 39.53) / (50 - 39.53)  # (a_t − b) / (T − b) ≈ 0.4365
        assert ev.progress == pytest.approx(progress)
        assert ev.pace_ratio == pytest.approx(progress / (3 / 5))  # ≈ 0.7275
        assert ev.completion == pytest.approx(44.1 / 50)  # a_t / T, as 专栏1 prints it
        assert ev.expected == pytest.approx(39.53 + (50 - 39.53) * 3 / 5)
        assert ev.required_per_year == pytest.approx((50 - 44.1) / 2)
        assert ev.projected == pytest.approx(44.1 + (44.1 - 39.53) / 3 * 2)
        assert ev.status is Status.BEHIND  # 0.6 ≤ 0.7275 < 0.95

    def test_falling_below_the_baseline_is_far_behind(self) -> None:
        # No Chinese evaluation says 背离目标: moving away is 明显滞后 with the rest below 0.6.
        ev = evaluate(self.ind, obs({2024: 38.9}), 2024, PLAN, BANDS)
        assert ev.progress is not None and ev.progress < 0
        assert ev.status is Status.FAR_BEHIND

    def test_reaching_the_target_early_is_achieved(self) -> None:
        ev = evaluate(self.ind, obs({2022: 50.0}), 2022, PLAN, BANDS)
        assert ev.status is Status.ACHIEVED
        assert ev.required_per_year == 0

    def test_latest_year_is_used_and_gaps_do_not_matter(self) -> None:
        ev = evaluate(self.ind, obs({2021: 41.0, 2023: 45.0}), 2024, PLAN, BANDS)
        assert (ev.year, ev.actual, ev.missing_years) == (2023, 45.0, (2022, 2024))

    def test_lower_is_better(self) -> None:
        # From 8 down to 5: at 7 in 2022, progress (7 − 8) / (5 − 8) = 1/3, τ = 2/5,
        # pace (1/3) / (2/5) = 5/6 ≈ 0.83: behind.
        ind = indicator(direction="lower", baseline=fig(8), target=fig(5, "<="))
        ev = evaluate(ind, obs({2022: 7.0}), 2022, PLAN, BANDS)
        assert ev.progress == pytest.approx(1 / 3)
        assert ev.pace_ratio == pytest.approx(5 / 6)
        # Completion where lower is better: the target ÷ the figure, 5 / 7 ≈ 71.4 % (a figure
        # under its ceiling is over 100 %).
        assert ev.completion == pytest.approx(5 / 7)
        assert ev.status is Status.BEHIND

    def test_compound_path(self) -> None:
        # Compound path from 25 to 60: expected after τ = 2/5 is 25 × (60/25)^(2/5).
        ind = indicator(baseline=fig(25), target=fig(60), path="compound", unit="%")
        ev = evaluate(ind, obs({2022: 36.0}), 2022, PLAN, BANDS)
        expected = 25 * (60 / 25) ** (2 / 5)
        assert ev.expected == pytest.approx(expected)
        assert ev.pace_ratio == pytest.approx((36 - 25) / (expected - 25))


@pytest.mark.parametrize(
    ("fields", "value", "status"),
    [
        # baseline equal to target: held at 100
        ({"baseline": fig(100), "target": fig(100)}, 100.0, Status.ON_TRACK),
        ({"baseline": fig(100), "target": fig(100)}, 99.2, Status.BEHIND),
        # baseline printed as a bound: a ceiling held every year
        (
            {"direction": "lower", "baseline": fig(5.5, "<="), "target": fig(5.5, "<=")},
            5.5,
            Status.ON_TRACK,
        ),
        (
            {"direction": "lower", "baseline": fig(5.5, "<="), "target": fig(5.5, "<=")},
            5.6,
            Status.BEHIND,
        ),
        # strict floor: 95 itself does not meet >95
        ({"baseline": fig(95, ">"), "target": fig(95, ">")}, 95.0, Status.BEHIND),
        ({"baseline": fig(95, ">"), "target": fig(95, ">")}, 95.1, Status.ON_TRACK),
        # baseline already inside the floor: nothing to climb
        ({"baseline": fig(98), "target": fig(95, ">=")}, 96.0, Status.ON_TRACK),
        # no baseline
        ({"target": fig(90, ">=")}, 89.0, Status.BEHIND),
        ({"baseline": fig(None), "target": fig(60)}, 61.0, Status.ON_TRACK),
    ],
)
def test_bounds_are_met_or_not(fields: dict[str, Any], value: float, status: Status) -> None:
    ev = evaluate(indicator(unit="%", **fields), obs({2023: value}), 2023, PLAN, BANDS)
    assert ev.status is status
    assert ev.progress is None and ev.pace_ratio is None and ev.completion is None


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (1.05, Status.AHEAD),
        (1.0499, Status.ON_TRACK),
        (0.95, Status.ON_TRACK),
        (0.9499, Status.BEHIND),
        (0.6, Status.BEHIND),
        (0.5999, Status.FAR_BEHIND),
        (0.0, Status.FAR_BEHIND),
        (-0.01, Status.FAR_BEHIND),
    ],
)
def test_pace_bands_from_thresholds(ratio: float, status: Status) -> None:
    assert pace_status(ratio, BANDS) is status


def test_no_figures_is_no_data() -> None:
    ev = evaluate(indicator(baseline=fig(1), target=fig(2)), {}, 2023, PLAN, BANDS)
    assert ev.status is Status.NO_DATA
    assert ev.missing_years == (2021, 2022, 2023)


@pytest.mark.parametrize(("attribute", "severity"), [("约束性", "error"), ("预期性", "warning")])
def test_a_lag_is_an_error_only_for_binding(attribute: str, severity: str) -> None:
    ind = indicator(attribute=attribute, baseline=fig(10), target=fig(20))
    ev = evaluate(ind, obs({2023: 11.0}), 2023, PLAN, BANDS)
    # (11 − 10) / (20 − 10) = 0.1 of the way at τ = 3/5: pace 1/6, far behind.
    assert ev.status is Status.FAR_BEHIND
    assert ev.severity == severity
    on_pace = evaluate(ind, obs({2023: 16.0}), 2023, PLAN, BANDS)
    assert on_pace.severity is None


#: Any figure tnplan accepts: zero, or from LEAST_MAGNITUDE (no subnormal) to far past any plan.
finite = st.just(0.0) | st.floats(min_value=LEAST_MAGNITUDE, max_value=1e9)
FINAL_STATUSES = {
    Status.EXCEEDED,
    Status.COMPLETED,
    Status.NOT_ACHIEVED,
    Status.INCOMPLETE,
    Status.NO_DATA,
    Status.NO_TARGET,
}


@given(
    flows=st.lists(finite, min_size=1, max_size=5),
    target=st.floats(min_value=0.001, max_value=1e9),
)
def test_cumulative_completion_is_total_over_target(flows: list[float], target: float) -> None:
    # Flows from 2021 on without a gap, evaluated as of their last year: the total is known.
    ind = indicator(kind="cumulative", target=fig(target))
    series = {2021 + i: v for i, v in enumerate(flows)}
    as_of = 2020 + len(flows)
    ev = evaluate(ind, obs(series), as_of, PLAN, BANDS)
    total = math.fsum(flows)
    assert ev.cumulative == pytest.approx(total)
    assert ev.known_total == pytest.approx(total)
    assert ev.completion == pytest.approx(total / target)
    assert ev.final is (as_of == 2025)
    if total >= target and as_of == 2025:
        assert ev.status is (Status.EXCEEDED if total > target else Status.COMPLETED)
    elif total >= target:
        assert ev.status is Status.ACHIEVED
    elif as_of == 2025:
        assert ev.status is Status.NOT_ACHIEVED
    else:  # short of the target midway: a pace band
        bands = {Status.AHEAD, Status.ON_TRACK, Status.BEHIND, Status.FAR_BEHIND}
        assert ev.status in bands


@given(
    flows=st.lists(st.one_of(st.none(), finite), min_size=5, max_size=5),
    target=st.floats(min_value=0.001, max_value=1e9),
    as_of=st.integers(2021, 2025),
)
def test_the_gap_rule_on_any_flows(flows: list[float | None], target: float, as_of: int) -> None:
    # Any pattern of reported and missing years: with a year missing up to as_of, the reported
    # flows' sum is the known total; it settles "achieved" or leaves the status incomplete.
    ind = indicator(kind="cumulative", target=fig(target))
    series = {2021 + i: v for i, v in enumerate(flows) if v is not None}
    ev = evaluate(ind, obs(series), as_of, PLAN, BANDS)
    upto = flows[: as_of - 2020]
    reported = [v for v in upto if v is not None]
    if not reported:
        assert ev.status is Status.NO_DATA and ev.known_total is None
        return
    known = math.fsum(reported)
    assert ev.known_total == pytest.approx(known)
    assert ev.missing_years == tuple(2021 + i for i, v in enumerate(upto) if v is None)
    if None in upto:
        assert ev.cumulative is None and ev.pace_ratio is None and ev.projected is None
        assert ev.required_per_year is None and ev.outlook is None
        if known < target:
            assert ev.status is Status.INCOMPLETE
        elif as_of < 2025:
            assert ev.status is Status.ACHIEVED
        else:
            assert ev.status is (Status.EXCEEDED if known > target else Status.COMPLETED)
    else:
        assert ev.cumulative == pytest.approx(known)
        assert ev.status is not Status.INCOMPLETE


@given(
    baseline=finite,
    target=finite,
    actual=finite,
    year=st.integers(2021, 2025),
    as_of=st.integers(2021, 2025),
)
def test_annual_evaluation_on_any_figure(
    baseline: float, target: float, actual: float, year: int, as_of: int
) -> None:
    ind = indicator(baseline=fig(baseline), target=fig(target))
    ev = evaluate(ind, obs({year: actual}), as_of, PLAN, BANDS)
    if year > as_of:
        assert ev.status is Status.NO_DATA
        return
    assert ev.year == year and ev.actual == actual
    if as_of == 2025:
        assert ev.final
        assert ev.status in FINAL_STATUSES
        assert (ev.pace_ratio, ev.outlook, ev.projected, ev.projected_trend) == (None,) * 4
        assert ev.required_per_year is None
        if year < 2025:  # the final verdict needs the final year's figure
            assert ev.status is Status.INCOMPLETE
        elif actual >= target:  # a bare target on a higher-is-better level is a floor
            assert ev.status in (Status.EXCEEDED, Status.COMPLETED)
        else:
            assert ev.status is Status.NOT_ACHIEVED
        return
    assert not ev.final
    assert ev.status not in (Status.INCOMPLETE, Status.NOT_ACHIEVED, Status.NO_DATA)
    if baseline < target and actual < target:
        # A path from b to T: pace = (a − b) / ((T − b) · τ), τ at the figure's own year.
        tau = (year - 2020) / 5
        assert ev.pace_ratio == pytest.approx((actual - baseline) / ((target - baseline) * tau))


def test_least_squares_line() -> None:
    # Points (0, 1), (1, 3), (2, 5) lie on y = 1 + 2x exactly.
    assert least_squares([(0, 1), (1, 3), (2, 5)]) == pytest.approx((1, 2))
    # (0, 0), (1, 2), (2, 1): mean x 1, mean y 1, Sxy = (−1)(−1) + 0 + (1)(0) = 1, Sxx = 2,
    # slope 1/2, intercept 1 − 1/2 = 1/2.
    assert least_squares([(0, 0), (1, 2), (2, 1)]) == pytest.approx((0.5, 0.5))
    assert least_squares([(2021, 5.0)]) is None


class TestTrendAndOutlook:
    def test_annual_trend_uses_every_year_and_the_baseline(self) -> None:
        ind = indicator(baseline=fig(10), target=fig(20))
        ev = evaluate(ind, obs({2021: 12.0, 2022: 13.0, 2023: 17.0}), 2023, PLAN, BANDS)
        # Points (2020, 10), (2021, 12), (2022, 13), (2023, 17): mean x 2021.5, mean y 13,
        # Sxy = (−1.5)(−3) + (−0.5)(−1) + (0.5)(0) + (1.5)(4) = 11, Sxx = 5, slope 2.2;
        # at 2025: 13 + 2.2 × (2025 − 2021.5) = 20.7, which reaches 20: maintain.
        assert ev.projected_trend == pytest.approx(13 + 2.2 * 3.5)
        assert ev.outlook is Outlook.MAINTAIN

    def test_too_slow_is_accelerate_and_falling_is_reverse(self) -> None:
        ind = indicator(baseline=fig(10), target=fig(20))
        slow = evaluate(ind, obs({2021: 10.5, 2022: 11.0}), 2022, PLAN, BANDS)
        assert slow.outlook is Outlook.ACCELERATE  # 0.5 a year reaches 12.5 < 20
        falling = evaluate(ind, obs({2021: 9.0, 2022: 8.0}), 2022, PLAN, BANDS)
        assert falling.outlook is Outlook.REVERSE
        assert falling.status is Status.FAR_BEHIND

    def test_cumulative_trend_projects_the_flows(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10))
        ev = evaluate(ind, obs({2021: 1.0, 2022: 2.0, 2023: 3.0}), 2023, PLAN, BANDS)
        # Flows rise by 1 a year: 4 in 2024 and 5 in 2025, so 6 + 4 + 5 = 15.
        assert ev.projected_trend == pytest.approx(15)
        assert ev.projected == pytest.approx(6 / 3 * 5)  # the mean-rate projection: 10
        assert ev.outlook is Outlook.MAINTAIN

    def test_a_bound_that_holds_is_maintained(self) -> None:
        ind = indicator(unit="%", direction="lower", baseline=fig(5.5, "<="), target=fig(5.5, "<="))
        ev = evaluate(ind, obs({2021: 5.0, 2022: 5.2, 2023: 5.4}), 2023, PLAN, BANDS)
        # Rising 0.2 a year reaches 5.8 by 2025, over the ceiling: reverse. Held so far: on
        # track, as the national mid-term evaluation reports 城镇调查失业率.
        assert ev.status is Status.ON_TRACK
        assert ev.outlook is Outlook.REVERSE


class TestAnnualTargets:
    def test_cumulative_flow_against_the_years_sub_target(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10), annual_targets={2023: 2})
        ev = evaluate(ind, obs({2021: 2.0, 2022: 2.0, 2023: 1.5}), 2023, PLAN, BANDS)
        assert ev.annual_target == 2
        assert ev.annual_target_completion == pytest.approx(1.5 / 2)  # 完成年度目标 75%

    def test_level_against_the_years_sub_target(self) -> None:
        ind = indicator(baseline=fig(25), target=fig(60), annual_targets={2022: 40})
        ev = evaluate(ind, obs({2022: 42.0}), 2022, PLAN, BANDS)
        assert ev.annual_target_completion == pytest.approx(42 / 40)

    def test_no_sub_target_for_the_year(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10), annual_targets={2024: 2})
        ev = evaluate(ind, obs({2021: 2.0}), 2021, PLAN, BANDS)
        assert (ev.annual_target, ev.annual_target_completion) == (None, None)


class TestTotalsToDate:
    ind = indicator(kind="cumulative", target=fig(10))

    def test_a_total_to_date_anchors_the_sum(self) -> None:
        figures = obs({2021: 2.0, 2023: 7.0})
        figures[2023] = Observation(2023, 7.0, SAMPLE, to_date=True)
        ev = evaluate(self.ind, figures, 2023, PLAN, BANDS)
        # 2022 is missing, but 2023 says "7 to date": the total is known again.
        assert (ev.year, ev.cumulative) == (2023, 7.0)
        assert ev.actual is None  # the 2023 flow itself is unknown

    def test_flows_after_a_total_to_date_add_to_it(self) -> None:
        figures = {
            2022: Observation(2022, 4.0, SAMPLE, to_date=True),
            2023: Observation(2023, 2.5, SAMPLE),
        }
        ev = evaluate(self.ind, figures, 2023, PLAN, BANDS)
        assert ev.cumulative == pytest.approx(6.5)
        assert ev.actual == 2.5

    def test_two_totals_give_the_flow_between(self) -> None:
        figures = {
            2021: Observation(2021, 2.0, SAMPLE, to_date=True),
            2022: Observation(2022, 5.0, SAMPLE, to_date=True),
        }
        ev = evaluate(self.ind, figures, 2022, PLAN, BANDS)
        assert ev.actual == pytest.approx(3.0)


class TestGapRule:
    """A total not known up to the as-of year: the reported flows are a lower bound."""

    ind = indicator(kind="cumulative", baseline=fig(1.05), target=fig(5))

    def test_a_lower_bound_short_of_the_target_is_incomplete(self) -> None:
        flows = {2021: 1.12, 2023: 1.08, 2024: 1.10}
        ev = evaluate(self.ind, obs(flows), 2024, PLAN, BANDS)
        # 2022 is missing: the total is unknown; the flows reported add up to
        # 1.12 + 1.08 + 1.10 = 3.30, short of 5, so nothing is settled.
        assert ev.status is Status.INCOMPLETE
        assert ev.known_total == pytest.approx(3.30)
        assert ev.missing_years == (2022,)
        assert (ev.year, ev.actual) == (2024, 1.10)  # the latest figure, from its year
        # Shown: ≥3.30 for 2024, marked † (a gap touches it).
        assert ev.lower_bound == pytest.approx(3.30) and ev.gap
        assert ev.cumulative is None and ev.completion is None and ev.progress is None
        assert ev.pace_ratio is None and ev.required_per_year is None
        assert ev.projected is None and ev.projected_trend is None and ev.outlook is None
        assert ev.severity is None  # incomplete is not a lag

    def test_a_lower_bound_that_meets_the_target_is_achieved(self) -> None:
        flows = {2021: 2.0, 2023: 2.0, 2024: 1.5}
        ev = evaluate(self.ind, obs(flows), 2024, PLAN, BANDS)
        # 2 + 2 + 1.5 = 5.5 ≥ 5 whatever 2022 held (flows are never negative).
        assert ev.status is Status.ACHIEVED
        assert ev.known_total == pytest.approx(5.5)
        assert ev.cumulative is None and ev.pace_ratio is None

    def test_a_missing_latest_year_is_incomplete_too(self) -> None:
        flows = {2021: 1.12, 2022: 1.05, 2023: 1.08}
        ev = evaluate(self.ind, obs(flows), 2024, PLAN, BANDS)
        # Evaluated as of 2024 without a 2024 figure: 1.12 + 1.05 + 1.08 = 3.25 so far, not a
        # pace verdict as of 2023.
        assert ev.status is Status.INCOMPLETE
        assert ev.known_total == pytest.approx(3.25)
        assert (ev.year, ev.missing_years) == (2023, (2024,))
        assert ev.lower_bound == pytest.approx(3.25) and ev.gap  # ≥3.25 for 2023, †

    def test_a_flow_after_a_missing_first_year(self) -> None:
        ev = evaluate(self.ind, obs({2022: 1.0}), 2024, PLAN, BANDS)
        # 2021, 2023 and 2024 missing; the one flow reported, 1.0, is all that is known.
        assert ev.status is Status.INCOMPLETE
        assert ev.known_total == 1.0
        assert ev.missing_years == (2021, 2023, 2024)

    def test_a_total_to_date_after_the_gap_restores_the_verdict(self) -> None:
        figures = obs({2021: 1.12, 2024: 4.35})
        figures[2024] = Observation(2024, 4.35, SAMPLE, to_date=True)
        ev = evaluate(self.ind, figures, 2024, PLAN, BANDS)
        # 2022 and 2023 are missing, but 2024 reports 4.35 to date: C = 4.35, completion
        # 4.35 / 5 = 0.87, τ = 0.8, pace 0.87 / 0.8 = 1.0875 ≥ 1.05: ahead.
        assert ev.cumulative == pytest.approx(4.35) and ev.known_total == pytest.approx(4.35)
        assert ev.pace_ratio == pytest.approx(1.0875)
        assert ev.status is Status.AHEAD
        assert ev.missing_years == (2022, 2023)
        assert (ev.lower_bound, ev.gap, ev.year) == (None, False, 2024)  # the total, no †

    def test_provenance_is_of_the_figures_behind_the_known_total(self) -> None:
        figures = {
            2021: Observation(2021, 1.0, Provenance.ESTIMATE),
            2023: Observation(2023, 1.0, Provenance.OFFICIAL),
        }
        ev = evaluate(self.ind, figures, 2023, PLAN, BANDS)
        assert ev.provenance is Provenance.ESTIMATE  # the 2021 flow is part of the 2.0

    @pytest.mark.parametrize(
        ("flows", "status"),
        [
            # At most 10 over five years; 2022 missing. 4 + 7 = 11 > 10 already: broken
            # whatever 2022 held.
            ({2021: 4.0, 2023: 7.0}, Status.BEHIND),
            # 4 + 3 = 7 ≤ 10: the missing year may hold anything, so nothing is settled.
            ({2021: 4.0, 2023: 3.0}, Status.INCOMPLETE),
        ],
    )
    def test_a_ceiling_on_a_total_with_a_gap(self, flows: dict[int, float], status: Status) -> None:
        ind = indicator(kind="cumulative", direction="lower", target=fig(10, "<="))
        ev = evaluate(ind, obs(flows), 2023, PLAN, BANDS)
        assert ev.status is status


class TestFinalYear:
    """As of the plan's end year: achieved or not, nothing run on beyond it."""

    def test_a_total_in_the_end_year_is_settled_without_outlook(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10))
        five = {2021 + i: 1.9 for i in range(5)}  # 5 × 1.9 = 9.5 of 10
        ev = evaluate(ind, obs(five), 2025, PLAN, BANDS)
        assert ev.final is True
        assert ev.status is Status.NOT_ACHIEVED
        assert ev.completion == pytest.approx(0.95)  # 9.5 / 10
        assert ev.known_total == pytest.approx(9.5)
        assert ev.severity == "warning"
        assert (ev.outlook, ev.projected, ev.projected_trend) == (None, None, None)
        assert ev.required_per_year is None and ev.pace_ratio is None
        five[2025] = 2.5  # 4 × 1.9 + 2.5 = 10.1 of 10: beaten, 超额完成
        assert evaluate(ind, obs(five), 2025, PLAN, BANDS).status is Status.EXCEEDED
        five[2025] = 2.4  # 4 × 1.9 + 2.4 = 10.0 of 10: reached, 完成
        assert evaluate(ind, obs(five), 2025, PLAN, BANDS).status is Status.COMPLETED

    def test_a_total_with_a_gap_in_the_end_year(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10))
        flows = {2021: 3.0, 2022: 3.0, 2024: 3.0, 2025: 3.0}
        ev = evaluate(ind, obs(flows), 2025, PLAN, BANDS)
        # 2023 missing; 3 + 3 + 3 + 3 = 12 > 10: beaten on the lower bound alone.
        assert (ev.status, ev.final) == (Status.EXCEEDED, True)
        assert ev.known_total == 12
        flows[2025] = 0.5  # 3 + 3 + 3 + 0.5 = 9.5 < 10: the missing 2023 decides it
        ev = evaluate(ind, obs(flows), 2025, PLAN, BANDS)
        assert ev.status is Status.INCOMPLETE
        assert ev.known_total == pytest.approx(9.5)

    def test_no_2025_figure_leaves_a_total_incomplete(self) -> None:
        ind = indicator(kind="cumulative", target=fig(10))
        flows = {2021: 2.0, 2022: 2.0, 2023: 2.0, 2024: 2.0}
        ev = evaluate(ind, obs(flows), 2025, PLAN, BANDS)
        # 2 × 4 = 8 < 10 with 2025 missing: incomplete, not "ahead" on the 2024 figure.
        assert (ev.status, ev.year, ev.missing_years) == (Status.INCOMPLETE, 2024, (2025,))
        assert ev.known_total == 8

    @pytest.mark.parametrize(
        ("flows", "status"), [(1.9, Status.COMPLETED), (2.1, Status.NOT_ACHIEVED)]
    )
    def test_a_ceiling_on_a_total_is_settled_on_the_total(
        self, flows: float, status: Status
    ) -> None:
        # At most 10: 5 × 1.9 = 9.5 is within it; 5 × 2.1 = 10.5 is not.
        ind = indicator(kind="cumulative", direction="lower", target=fig(10, "<="))
        ev = evaluate(ind, obs({2021 + i: flows for i in range(5)}), 2025, PLAN, BANDS)
        assert ev.status is status
        assert ev.outlook is None and ev.projected is None

    def test_a_level_in_the_end_year(self) -> None:
        ind = indicator(baseline=fig(10), target=fig(20))
        ev = evaluate(ind, obs({2024: 18.0, 2025: 19.9}), 2025, PLAN, BANDS)
        assert (ev.status, ev.final, ev.year) == (Status.NOT_ACHIEVED, True, 2025)
        assert ev.progress == pytest.approx(0.99)  # (19.9 − 10) / (20 − 10)
        assert ev.completion == pytest.approx(0.995)  # 19.9 / 20
        assert (ev.outlook, ev.projected, ev.projected_trend) == (None, None, None)
        assert ev.required_per_year is None and ev.pace_ratio is None
        ev = evaluate(ind, obs({2025: 20.0}), 2025, PLAN, BANDS)
        assert ev.status is Status.COMPLETED  # 20 of 20: 100 %
        ev = evaluate(ind, obs({2025: 20.2}), 2025, PLAN, BANDS)
        assert ev.status is Status.EXCEEDED  # 20.2 / 20 = 101 %

    def test_a_level_without_its_end_year_figure_is_incomplete(self) -> None:
        ind = indicator(baseline=fig(10), target=fig(20))
        ev = evaluate(ind, obs({2023: 21.0, 2024: 22.0}), 2025, PLAN, BANDS)
        # 22 in 2024 met the target, but a level can fall: the 2025 figure decides.
        assert ev.status is Status.INCOMPLETE
        assert (ev.year, ev.actual, ev.missing_years) == (2024, 22.0, (2021, 2022, 2025))
        assert ev.gap and ev.lower_bound is None  # 2024's figure, before 2025: †
        assert ev.pace_ratio is None and ev.outlook is None and ev.projected_trend is None

    @pytest.mark.parametrize(
        ("value", "status"), [(5.4, Status.COMPLETED), (5.6, Status.NOT_ACHIEVED)]
    )
    def test_a_bound_in_the_end_year(self, value: float, status: Status) -> None:
        ind = indicator(unit="%", direction="lower", baseline=fig(5.5, "<="), target=fig(5.5, "<="))
        ev = evaluate(ind, obs({2024: 5.0, 2025: value}), 2025, PLAN, BANDS)
        assert ev.status is status
        assert ev.outlook is None and ev.projected_trend is None
        stale = evaluate(ind, obs({2024: 5.0}), 2025, PLAN, BANDS)
        assert stale.status is Status.INCOMPLETE

    @pytest.mark.parametrize(
        ("as_of", "final", "status"),
        [
            # 2 × 4 = 8 of 10 at τ = 4/5: pace 0.8 / 0.8 = 1.0, on track.
            (2024, False, Status.ON_TRACK),
            # 2 × 5 = 10 of 10 by 2025, and later years count as the end year.
            (2025, True, Status.COMPLETED),
            (2026, True, Status.COMPLETED),
        ],
    )
    def test_final_from_the_end_year_on(self, as_of: int, final: bool, status: Status) -> None:
        ind = indicator(kind="cumulative", target=fig(10))
        ev = evaluate(ind, obs({2021 + i: 2.0 for i in range(5)}), as_of, PLAN, BANDS)
        assert (ev.final, ev.status) == (final, status)

    def test_no_data_in_the_end_year_is_still_final(self) -> None:
        ev = evaluate(indicator(baseline=fig(1), target=fig(2)), {}, 2025, PLAN, BANDS)
        assert (ev.status, ev.final) == (Status.NO_DATA, True)


class TestStaleLevel:
    """Midway, a level older than the as-of year is judged as of the year it is from."""

    def test_an_older_level_is_evaluated_at_its_own_year(self) -> None:
        ind = indicator(baseline=fig(10), target=fig(20))
        ev = evaluate(ind, obs({2022: 14.0}), 2024, PLAN, BANDS)
        # At 2022, τ = 2/5: progress (14 − 10) / (20 − 10) = 0.4, pace 0.4 / 0.4 = 1.0.
        assert (ev.year, ev.missing_years, ev.final) == (2022, (2021, 2023, 2024), False)
        assert ev.time_elapsed == pytest.approx(2 / 5)
        assert ev.pace_ratio == pytest.approx(1.0)
        assert ev.status is Status.ON_TRACK
        assert ev.known_total is None  # levels have no lower bound


def test_a_row_without_target_reports_its_figure() -> None:
    ind = indicator(target={"value": None, "text": "——"})
    ev = evaluate(ind, obs({2022: 1.6}), 2022, PLAN, BANDS)
    assert (ev.status, ev.actual) == (Status.NO_TARGET, 1.6)


def test_a_total_without_target_reports_its_total_and_its_gap() -> None:
    ind = indicator(kind="cumulative", target={"value": None, "text": "——"})
    # 1.2 + 1.3 + 1.5 = 4.0 to 2023; the 2023 flow, 1.5, is the figure of the year.
    ev = evaluate(ind, obs({2021: 1.2, 2022: 1.3, 2023: 1.5}), 2023, PLAN, BANDS)
    assert (ev.status, ev.year, ev.actual) == (Status.NO_TARGET, 2023, 1.5)
    assert ev.cumulative == pytest.approx(4.0) and ev.lower_bound is None and not ev.gap
    assert ev.shown == pytest.approx(4.0) and ev.provenance is SAMPLE
    # 2022 missing: the total is unknown; 1.2 + 1.5 = 2.7 bounds it from below, shown for 2023.
    ev = evaluate(ind, obs({2021: 1.2, 2023: 1.5}), 2023, PLAN, BANDS)
    assert (ev.status, ev.year, ev.actual, ev.cumulative) == (Status.NO_TARGET, 2023, 1.5, None)
    assert ev.lower_bound == pytest.approx(2.7) and ev.gap and ev.shown == pytest.approx(2.7)


@pytest.mark.parametrize(
    ("reported", "target", "met"),
    [
        (">=", {"value": 90, "comparator": ">=", "text": "≥90"}, True),  # "≥90" meets ≥90
        (">", {"value": 95, "comparator": ">", "text": ">95"}, True),  # ">95" meets >95
        (">=", {"value": 95, "comparator": ">", "text": ">95"}, False),  # "≥95" may be 95
        ("<=", {"value": 90, "comparator": ">=", "text": "≥90"}, False),  # a ceiling says nothing
        ("<=", {"value": 6, "comparator": "<=", "text": "≤6"}, True),
    ],
)
def test_figures_reported_as_bounds(reported: str, target: dict[str, Any], met: bool) -> None:
    direction = "lower" if target["comparator"].startswith("<") else "higher"
    ind = indicator(unit="%", direction=direction, target=target)
    figures = {2023: Observation(2023, target["value"], SAMPLE, comparator=Comparator(reported))}
    ev = evaluate(ind, figures, 2023, PLAN, BANDS)
    assert ev.status is (Status.ON_TRACK if met else Status.BEHIND)


def test_path_override_changes_the_expected_value() -> None:
    ind = indicator(baseline=fig(25), target=fig(60))
    linear = evaluate(ind, obs({2022: 36.0}), 2022, PLAN, BANDS)
    compound = evaluate(ind, obs({2022: 36.0}), 2022, PLAN, BANDS, path=ExpectedPath.COMPOUND)
    assert linear.expected == pytest.approx(25 + 35 * 2 / 5)
    assert compound.expected == pytest.approx(25 * (60 / 25) ** (2 / 5))
    assert compound.path is ExpectedPath.COMPOUND


def test_eurostat_thresholds_on_a_worked_example() -> None:
    # Eurostat's growth-rate method on levels: from 100 towards 200, four years out of five
    # elapsed (τ = 0.8). At 176: progress 0.76, pace 0.95, the edge of "on track";
    # at 175.9: pace 0.94875, "behind" (moderate progress); at 148: pace 0.6, the edge of
    # "behind"; at 147.9: "far behind" (insufficient); below 100: moving away.
    ind = indicator(baseline=fig(100), target=fig(200))
    cases = {
        176.0: Status.ON_TRACK,
        175.9: Status.BEHIND,
        148.0: Status.BEHIND,
        147.9: Status.FAR_BEHIND,
        99.0: Status.FAR_BEHIND,
        184.0: Status.AHEAD,
    }
    for value, status in cases.items():
        assert evaluate(ind, obs({2024: value}), 2024, PLAN, BANDS).status is status, value


def test_a_row_without_target_has_no_path_even_with_a_baseline() -> None:
    from tongnan_plan.calc.progress import has_numeric_path

    ind = indicator(baseline=fig(1.2), target={"value": None, "text": "——"})
    assert not has_numeric_path(ind)
    assert evaluate(ind, obs({2022: 1.6}), 2022, PLAN, BANDS).status is Status.NO_TARGET
