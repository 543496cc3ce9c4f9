"""The one series: flows, running totals, gaps, to_date anchors and the lower bound, by hand."""

from __future__ import annotations

import pytest

from tongnan_plan.calc.series import Observation, build_series, plan_series
from tongnan_plan.model.plan import Kind, PlanInfo, Provenance

SAMPLE = Provenance.SAMPLE
OFFICIAL = Provenance.OFFICIAL
YEARS = range(2021, 2026)
PLAN = PlanInfo(
    id="t",
    title="t",
    title_en="t",
    issuer="i",
    document="d",
    issued="2022",
    baseline_year=2020,
    start_year=2021,
    end_year=2025,
)


def flow(year: int, value: float, provenance: Provenance = SAMPLE) -> Observation:
    return Observation(year, value, provenance)


def to_date(year: int, value: float, provenance: Provenance = SAMPLE) -> Observation:
    return Observation(year, value, provenance, to_date=True)


def figures(*observations: Observation) -> dict[int, Observation]:
    return {o.year: o for o in observations}


def test_unbroken_flows_run_a_total() -> None:
    s = build_series(Kind.CUMULATIVE, figures(flow(2021, 1), flow(2022, 2), flow(2023, 4)), YEARS)
    # Running totals 1, 1 + 2 = 3, 3 + 4 = 7; 2024 and 2025 not reported.
    assert [p.total for p in s.points] == [1, 3, 7, None, None]
    assert s.flows == {2021: 1, 2022: 2, 2023: 4}
    assert s.missing_years == (2024, 2025)
    assert s.known_total == 7  # 1 + 2 + 4, a lower bound on the 2025 total
    assert s.total is None and not s.complete


def test_the_total_is_known_to_the_end_when_nothing_is_missing() -> None:
    s = build_series(Kind.CUMULATIVE, figures(flow(2021, 1.5), flow(2022, 2.5)), range(2021, 2023))
    # 1.5 + 2.5 = 4: the lower bound is the total itself.
    assert (s.total, s.known_total, s.complete, s.missing_years) == (4, 4, True, ())


def test_a_gap_makes_the_total_unknown_never_zero() -> None:
    observed = figures(flow(2021, 1), flow(2023, 2), flow(2024, 3))
    s = build_series(Kind.CUMULATIVE, observed, range(2021, 2025))
    assert [p.total for p in s.points] == [1, None, None, None]
    # Flows after the gap are still known flows: 2 in 2023, 3 in 2024.
    assert s.flows == {2021: 1, 2023: 2, 2024: 3}
    assert s.missing_years == (2022,)
    # Lower bound at each year: 1; 1 (2022 adds nothing known); 1 + 2 = 3; 3 + 3 = 6.
    assert [p.known_total for p in s.points] == [1, 1, 3, 6]
    assert s.known_total == 6
    assert s.total is None and not s.complete


def test_a_flow_after_a_gap_is_a_lower_bound_alone() -> None:
    s = build_series(Kind.CUMULATIVE, figures(flow(2022, 0.75)), range(2021, 2024))
    assert s.missing_years == (2021, 2023)
    assert [p.total for p in s.points] == [None, None, None]
    assert [p.known_total for p in s.points] == [None, 0.75, 0.75]
    assert s.known_total == 0.75 and s.flows == {2022: 0.75}


def test_an_anchor_after_a_gap_makes_the_total_known_again() -> None:
    observed = figures(flow(2021, 1), to_date(2023, 5), flow(2024, 2))
    s = build_series(Kind.CUMULATIVE, observed, range(2021, 2025))
    # 1; unknown (2022 missing); 5 as reported to date; 5 + 2 = 7.
    assert [p.total for p in s.points] == [1, None, 5, 7]
    # The 2023 flow is unknown (the 2022 total is), the 2024 flow is the reported 2.
    assert [p.flow for p in s.points] == [1, None, None, 2]
    assert (s.total, s.known_total, s.complete) == (7, 7, True)
    assert s.missing_years == (2022,)
    # The figures behind the total: the anchor and what follows it, not the 2021 flow.
    assert [o.year for o in s.used()] == [2023, 2024]


def test_two_totals_to_date_give_the_flow_between() -> None:
    s = build_series(
        Kind.CUMULATIVE, figures(to_date(2021, 2), to_date(2022, 5)), range(2021, 2023)
    )
    # 2 − 0 = 2 in 2021 (the total before the plan's first year is zero); 5 − 2 = 3 in 2022.
    assert [p.flow for p in s.points] == [2, 3]
    assert s.total == 5


def test_a_gap_after_an_anchor_bounds_from_the_anchor() -> None:
    observed = figures(flow(2021, 9), to_date(2022, 4), flow(2024, 1.5))
    s = build_series(Kind.CUMULATIVE, observed, range(2021, 2025))
    # The anchor replaces what came before it (4, not 9 + 4); 2023 is missing, so the bound at
    # 2024 is 4 + 1.5 = 5.5 and the total is unknown.
    assert [p.known_total for p in s.points] == [9, 4, 4, 5.5]
    assert s.known_total == 5.5 and s.total is None
    assert [o.year for o in s.used()] == [2022, 2024]


def test_nothing_reported_has_no_bound() -> None:
    s = build_series(Kind.CUMULATIVE, {}, range(2021, 2024))
    assert s.known_total is None and s.latest is None and s.used() == []
    assert s.missing_years == (2021, 2022, 2023)


def test_a_level_keeps_its_figures_and_gaps() -> None:
    observed = figures(flow(2021, 5.0), flow(2023, 6.0, OFFICIAL))
    s = build_series(Kind.ANNUAL, observed, range(2021, 2025))
    assert s.missing_years == (2022, 2024)
    latest = s.latest
    assert latest is not None and (latest.year, latest.value) == (2023, 6.0)
    # A level has no flows, no totals and no lower bound.
    assert s.flows == {} and s.known_total is None
    assert [p.total for p in s.points] == [None, None, None, None]
    assert not s.complete  # 2024, the run's last year, has no figure
    assert [o.year for o in s.used()] == [2023]


def test_point_of_a_year() -> None:
    s = build_series(Kind.CUMULATIVE, figures(flow(2021, 1), flow(2022, 2)), range(2021, 2023))
    point = s.point(2022)
    assert point is not None and (point.flow, point.total) == (2, 3)  # 1 + 2
    assert s.point(2020) is None and s.point(2023) is None


@pytest.mark.parametrize(
    ("until", "years"),
    [(None, [2021, 2022, 2023, 2024, 2025]), (2023, [2021, 2022, 2023]), (2030, list(YEARS))],
)
def test_plan_series_runs_over_the_plans_years(until: int | None, years: list[int]) -> None:
    s = plan_series(Kind.ANNUAL, {}, PLAN, until)
    assert [p.year for p in s.points] == years


def test_a_series_before_the_plan_is_empty() -> None:
    s = plan_series(Kind.CUMULATIVE, figures(flow(2021, 1)), PLAN, 2020)
    assert s.points == () and s.known_total is None and not s.complete and s.total is None


def test_the_series_as_of_a_year_draws_every_year_and_counts_none_after_it() -> None:
    every = figures(flow(2021, 1), flow(2022, 2), flow(2023, 4), flow(2024, 8), flow(2025, 16))
    s = plan_series(Kind.CUMULATIVE, every, PLAN, as_of=2023)
    # Five points, the plan's years; as of 2023 the totals are 1, 3, 7 and nothing after.
    assert [p.year for p in s.points] == list(YEARS)
    assert [p.total for p in s.points] == [1, 3, 7, None, None]
    assert [p.observation is None for p in s.points] == [False, False, False, True, True]
    assert s.known_total == 7  # not 7 + 8 + 16 = 31: the later figures are not summed


def test_the_figure_shown_its_year_and_whether_a_gap_touches_it() -> None:
    # Unbroken 1, 2 to 2022: the total 3 is known and shown for 2022, untouched by any gap.
    whole = build_series(Kind.CUMULATIVE, figures(flow(2021, 1), flow(2022, 2)), range(2021, 2023))
    assert (whole.lower_bound, whole.shown_year, whole.gap) == (None, 2022, False)
    # 2022 missing, 2023 and 2024 reported: the total is unknown, 1 + 2 + 3 = 6 bounds it from
    # below, up to 2024, the latest year reported; the gap touches it.
    bounded = figures(flow(2021, 1), flow(2023, 2), flow(2024, 3))
    s = build_series(Kind.CUMULATIVE, bounded, range(2021, 2025))
    assert (s.lower_bound, s.shown_year, s.gap) == (6, 2024, True)
    # The last year not yet in: 1 + 2 = 3 is a bound as of 2023, shown for 2022.
    short = build_series(Kind.CUMULATIVE, figures(flow(2021, 1), flow(2022, 2)), range(2021, 2024))
    assert (short.lower_bound, short.shown_year, short.gap) == (3, 2022, True)
    # A gap closed by a total to date (5 in 2023) touches nothing shown: 5 + 2 = 7, to 2024.
    closed = figures(flow(2021, 1), to_date(2023, 5), flow(2024, 2))
    s = build_series(Kind.CUMULATIVE, closed, range(2021, 2025))
    assert (s.lower_bound, s.shown_year, s.gap) == (None, 2024, False)


def test_a_levels_shown_year_is_its_latest_and_stale_is_a_gap() -> None:
    # 5.0 in 2021, 6.0 in 2023, nothing in 2022 or 2024: 2023's figure is shown, before 2024.
    stale = build_series(Kind.ANNUAL, figures(flow(2021, 5.0), flow(2023, 6.0)), range(2021, 2025))
    assert (stale.lower_bound, stale.shown_year, stale.gap) == (None, 2023, True)
    # 2022 missing before a 2024 figure changes nothing shown.
    now = build_series(Kind.ANNUAL, figures(flow(2021, 5.0), flow(2024, 6.0)), range(2021, 2025))
    assert (now.lower_bound, now.shown_year, now.gap) == (None, 2024, False)
    empty = build_series(Kind.ANNUAL, {}, range(2021, 2025))
    assert (empty.lower_bound, empty.shown_year, empty.gap) == (None, None, False)
