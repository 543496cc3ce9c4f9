"""The cell layer: figures as people read them, written out by hand here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tongnan_plan.calc.progress import Evaluation
from tongnan_plan.model.plan import Comparator, Plan, Provenance
from tongnan_plan.model.status import Status
from tongnan_plan.present import cells
from tongnan_plan.sources.store import load_plan


def evaluation(plan: Plan, indicator_id: str, **fields: Any) -> Evaluation:
    """An evaluation made by hand: the figures a test wants to see shown."""
    defaults: dict[str, Any] = {
        "as_of": 2024,
        "year": 2024,
        "actual": None,
        "time_elapsed": 0.8,
        "status": Status.ON_TRACK,
        "provenance": Provenance.OFFICIAL,
    }
    return Evaluation(indicator=plan.indicator(indicator_id), **{**defaults, **fields})


def test_number_and_figure() -> None:
    assert cells.number(4.0) == 4 and isinstance(cells.number(4.0), int)
    assert cells.number(0.1 + 0.2) == 0.3  # float noise rounded away
    assert cells.number(float("inf")) is None
    assert cells.figure(105900.0) == "105,900"
    assert cells.figure(2.49) == "2.49"
    assert cells.figure(1.555555) == "1.555555"  # a reported figure as it was given
    assert cells.figure(None) == "—"
    assert cells.figure(float("nan")) == "—"
    assert cells.percent(0.8) == "80.0%"
    assert cells.percent(None) == "—"


def test_a_running_total_is_marked_and_starred(plan: Plan) -> None:
    # 城镇新增就业人数, 【5】万人: 1.12 + 1.05 + 1.08 + 1.1 = 4.35 by 2024, sample figures.
    ev = evaluation(
        plan,
        "urban_new_jobs",
        actual=1.1,
        cumulative=4.35,
        known_total=4.35,
        completion=4.35 / 5,
        provenance=Provenance.SAMPLE,
    )
    row = cells.status_cells(ev, "zh")
    assert row["name"] == "城镇新增就业人数"
    assert row["target"] == "【5】"  # the plan's brackets, as printed
    assert row["latest"] == "累计 4.35*"
    assert row["year"] == "2024"  # no year missing: no †
    assert row["completion"] == "87.0%"  # 4.35 ÷ 5
    assert cells.status_cells(ev, "en")["latest"] == "Σ 4.35*"
    assert cells.status_cells(ev, "zh")["target_unit"] == "【5】万人"  # unit joins
    assert row["judged"] == "87.0%"  # a total is judged on its completion


def test_a_lower_bound_where_a_year_is_missing(plan: Plan) -> None:
    # 农民工参加职业培训人次: 0.32 (2021), nothing for 2022, 0.3 (2023), 0.31 (2024).
    # The total is known only to 2021 (0.32); the flows reported add to 0.32 + 0.3 + 0.31 = 0.93,
    # a lower bound on the total by 2024 (the series works it out: tests/test_series.py).
    ev = evaluation(
        plan,
        "migrant_worker_training",
        year=2024,
        actual=0.31,
        known_total=0.93,
        lower_bound=0.93,
        gap=True,
        missing_years=(2022,),
        status=Status.INCOMPLETE,
        provenance=Provenance.SAMPLE,
    )
    row = cells.status_cells(ev, "zh")
    assert row["latest"] == "累计 ≥0.93*"
    assert row["year"] == "2024†"  # the bound runs to 2024, the latest year reported
    assert row["completion"] == "≥62.0%"  # 0.93 ÷ 1.5 = 0.62, a lower bound
    assert row["status"] == "数据不全"
    # No pace is judged on incomplete data: no progress, 序时进度 or bar (not 2021's).
    assert (row["progress"], row["elapsed"], row["bar"]) == ("—", "—", "")
    assert cells.status_cells(ev, "en")["latest"] == "Σ ≥0.93*"
    assert cells.status_cells(ev, "en")["status"] == "incomplete data"
    assert cells.GAP_NOTICE["zh"] in cells.notices([ev], "zh")


def test_a_gap_closed_by_a_total_to_date_needs_no_dagger(plan: Plan) -> None:
    # 2022 missing, 2024 given as the total to date: the total is known again.
    ev = evaluation(
        plan,
        "urban_new_jobs",
        as_of=2024,
        year=2024,
        cumulative=4.35,
        known_total=4.35,
        missing_years=(2022,),
        status=Status.AHEAD,
    )
    assert cells.status_cells(ev, "zh")["latest"] == "累计 4.35"
    assert cells.status_cells(ev, "zh")["year"] == "2024"
    assert cells.notices([ev], "zh") == []


def test_a_stale_level_shows_its_year_with_a_dagger(plan: Plan) -> None:
    ev = evaluation(
        plan,
        "surveyed_unemployment_rate",
        as_of=2024,
        year=2023,
        actual=5.4,
        gap=True,
        missing_years=(2024,),
        status=Status.ON_TRACK,
    )
    row = cells.status_cells(ev, "zh")
    assert (row["target"], row["latest"], row["year"]) == ("≤5.5", "5.4", "2023†")


@pytest.mark.parametrize(
    ("comparator", "shown"),
    [
        (Comparator.GE, "≥90"),
        (Comparator.GT, ">90"),
        (Comparator.LE, "≤90"),
        (Comparator.LT, "<90"),
        (Comparator.EQ, "90"),
    ],
)
def test_a_figure_reported_as_a_bound_keeps_its_comparator(
    data_dir: Path, comparator: Comparator, shown: str
) -> None:
    thirteenth = load_plan(data_dir / "13th")
    ev = evaluation(
        thirteenth,
        "graduate_employment_rate",
        as_of=2020,
        year=2020,
        actual=90.0,
        reported=comparator,
        status=Status.ON_TRACK,
    )
    assert cells.status_cells(ev, "zh")["latest"] == shown


def test_a_sub_indicator_and_a_target_printed_as_a_sentence(plan: Plan) -> None:
    child = evaluation(plan, "senior_title_talent", actual=0.131)
    assert cells.status_cells(child, "zh")["name"] == "其中：高级职称人才数量"
    assert cells.status_cells(child, "en")["name"].startswith("of which: ")
    # "培育 AAA 级和谐劳动关系企业 10 户，每年各 2 户" is a sentence: its number stands in.
    sentence = evaluation(plan, "aaa_harmonious_enterprises", cumulative=8.0)
    assert cells.status_cells(sentence, "zh")["target"] == "10"


def test_no_data(plan: Plan) -> None:
    ev = evaluation(
        plan,
        "urban_new_jobs",
        year=None,
        missing_years=(2021, 2022, 2023, 2024),
        status=Status.NO_DATA,
    )
    row = cells.status_cells(ev, "zh")
    assert (row["latest"], row["year"], row["completion"], row["status"]) == (
        "—",
        "—",
        "—",
        "无数据",
    )
    assert cells.notices([ev], "zh") == []  # nothing shown, nothing to footnote


def test_the_progress_bar_marks_time_elapsed(plan: Plan) -> None:
    # progress 0.87 of 10 cells: 8.7 cells = 8 full and 6/8 of one (▊), then one empty (░);
    # 序时进度 0.8 marks cell 8 (index 7), inside the bar: ┃.
    ahead = evaluation(plan, "urban_new_jobs", progress=0.87, cumulative=4.35)
    assert cells.progress_bar(ahead) == "███████┃▊░"
    # progress 0.5: 5 full cells, then empty ones; the mark at index 7 is beyond the bar: │.
    behind = evaluation(plan, "urban_new_jobs", progress=0.5, cumulative=2.5)
    assert cells.progress_bar(behind) == "█████░░│░░"
    over = evaluation(plan, "urban_new_jobs", progress=1.2, cumulative=6.0)
    assert cells.progress_bar(over).endswith("▸")


def test_a_reported_figure_keeps_the_precision_it_was_given() -> None:
    # Finding 1: 高级职称人才数量 reports 0.137 (万人) against 【0.14】: shown "0.14" it would
    # read as the target it misses. The plan itself prints 0.1123 万 (1123 人).
    assert cells.figure(0.137) == "0.137"
    assert cells.figure(0.115) == "0.115"
    assert cells.figure(0.1123) == "0.1123"
    assert cells.figure(0.1 + 0.2) == "0.3"  # a sum's float noise is not precision
    assert cells.figure(-0.0) == "0"


def test_derived_figures_round_half_up_on_the_decimal() -> None:
    # Finding 3: 3.37 of 4 is 84.25 %; binary rounding gives 84.2 %, reports 84.3 %.
    assert cells.percent(3.37 / 4) == "84.3%"
    # A figure needed per year of 8.125 and 0.875 (binary: 8.12, 0.87).
    assert cells.derived(8.125) == "8.13"
    assert cells.derived(0.875) == "0.88"
    assert cells.derived(4.0) == "4"
    assert cells.derived(1.045) == "1.05"  # 1.045 is 1.04499… in binary


def test_no_shown_figure_equals_a_target_it_misses() -> None:
    # 0.9996 of a target rounds to 100.0 %, which would read as reached: 99.9 %.
    assert cells.percent(0.9996) == "99.9%"
    assert cells.percent(1.0004) == "100.0%"  # over the target, 100.0 % is true
    assert cells.percent(1.0) == "100.0%"
    # A trend of 4.996 against a floor of 5 is 4.99, not 5; 4.991 over a ceiling of 4.99
    # is 5 (one step over it), never the 4.99 it would round to.
    assert cells.derived(4.996, short_of=5.0) == "4.99"
    assert cells.derived(4.991, short_of=4.99, higher=False) == "5"
    assert cells.derived(5.2, short_of=5.0) == "5.2"  # beyond it: rounded as ever
