"""An evaluation a Chinese evaluator would sign (issue 18): each finding and rule, figures
worked out by hand here."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tongnan_plan.calc.progress import Evaluation, evaluate
from tongnan_plan.calc.series import Observation
from tongnan_plan.cli import app
from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan, Provenance, Thresholds
from tongnan_plan.model.status import Status
from tongnan_plan.present import cells
from tongnan_plan.sources.store import check_files

from .test_progress import BANDS, PLAN, fig, indicator, obs

runner = CliRunner()
OFFICIAL = Provenance.OFFICIAL


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def made(plan: Plan, indicator_id: str, **fields: Any) -> Evaluation:
    defaults: dict[str, Any] = {"as_of": 2024, "year": 2024, "time_elapsed": 0.8}
    defaults.update(actual=None, status=Status.ON_TRACK, provenance=OFFICIAL)
    return Evaluation(indicator=plan.indicator(indicator_id), **{**defaults, **fields})


# ---- finding 2: the headline completion, as 专栏1 prints it


def test_the_headline_is_the_completion_the_plan_prints(plan: Plan) -> None:
    # 工伤保险参保人数: 8.13 of 【7.99】 from a baseline of 7.97: progress from the baseline
    # (8.13 − 7.97) ÷ (7.99 − 7.97) = 800 %; completion 8.13 ÷ 7.99 = 101.75… % → 101.8 %.
    ind = plan.indicator("work_injury_insurance_insured")
    ev = evaluate(ind, obs({2025: 8.13}), 2025, plan.plan, plan.thresholds)
    assert ev.progress == pytest.approx((8.13 - 7.97) / (7.99 - 7.97))
    assert ev.status is Status.EXCEEDED  # over 100 %: 超额完成
    row = cells.status_cells(ev, "zh")
    assert row["judged"] == "101.8%" and row["completion"] == "101.8%"
    assert row["progress"] == "800.0%"  # the pace measure stays, in the wide tables


def test_lower_is_better_completion_is_the_target_over_the_figure() -> None:
    # From 8 down to ≤5: at 4 in 2025 the completion is 5 ÷ 4 = 125 %, beaten: 超额完成.
    ind = indicator(direction="lower", baseline=fig(8), target=fig(5, "<="))
    ev = evaluate(ind, obs({2025: 4.0}), 2025, PLAN, BANDS)
    assert ev.completion == pytest.approx(1.25)
    assert ev.status is Status.EXCEEDED


def test_the_plans_own_completions_of_the_13th_plan(data_dir: Path) -> None:
    # 专栏1: 新增就业 105900 of 【50000】 = 211.8 % (printed 212 %); 技能人才总量 90800 of 12700
    # = 714.96… % (printed 715 %). Both read 超额完成.
    records = {
        r["id"]: r
        for r in csv.DictReader(
            io.StringIO(run("status", "-f", "csv", "--data", str(data_dir / "13th")))
        )
    }
    assert float(records["new_jobs"]["completion_pct"]) == pytest.approx(105900 / 50000 * 100)
    assert records["new_jobs"]["status"] == "exceeded"
    assert round(float(records["skilled_talent"]["completion_pct"])) == 715


# ---- the final words, the 基本完成 band


def test_the_final_words_and_the_basically_completed_band() -> None:
    ind = indicator(kind="cumulative", target=fig(10))
    five = {2021 + i: 1.9 for i in range(5)}  # 9.5 of 10: 95 %
    assert evaluate(ind, obs(five), 2025, PLAN, BANDS).status is Status.NOT_ACHIEVED
    band = Thresholds(ahead=1.05, on_track=0.95, behind=0.6, basically_complete=0.95)
    assert evaluate(ind, obs(five), 2025, PLAN, band).status is Status.BASICALLY_COMPLETED
    five[2021] = 1.3  # 1.3 + 4 × 1.9 = 8.9 of 10: 89 %, under the band
    assert evaluate(ind, obs(five), 2025, PLAN, band).status is Status.NOT_ACHIEVED
    with pytest.raises(ValueError):
        Thresholds(ahead=1.05, on_track=0.95, behind=0.6, basically_complete=1.2)


def test_a_bound_held_mid_period_is_in_the_ordinary_words() -> None:
    # ≤5.5 held in 2023 (5.4): 基本符合预期; broken (5.6): 滞后. Never 达标.
    ind = indicator(unit="%", direction="lower", baseline=fig(5.5, "<="), target=fig(5.5, "<="))
    held = evaluate(ind, obs({2023: 5.4}), 2023, PLAN, BANDS)
    broken = evaluate(ind, obs({2023: 5.6}), 2023, PLAN, BANDS)
    assert (held.status.info.zh, broken.status.info.zh) == ("基本符合预期", "滞后")


# ---- estimates (预计值) in the final year


@pytest.mark.parametrize(
    ("value", "status"),
    [(20.5, Status.ESTIMATED_COMPLETED), (19.0, Status.ESTIMATED_NOT_COMPLETED)],
)
def test_a_final_figure_on_an_estimate(value: float, status: Status) -> None:
    ind = indicator(baseline=fig(10), target=fig(20))
    figures = {2025: Observation(2025, value, Provenance.ESTIMATE)}
    ev = evaluate(ind, figures, 2025, PLAN, BANDS)
    assert ev.status is status
    assert status.info.zh in ("预计完成", "预计未完成")
    # Mid-period an estimate is judged as any figure is (the * says it is not official).
    mid = evaluate(ind, {2023: Observation(2023, 16.0, Provenance.ESTIMATE)}, 2023, PLAN, BANDS)
    assert mid.status is Status.ON_TRACK  # (16 − 10) ÷ 10 = 0.6 at τ 0.6: pace 1.0


def test_estimates_are_counted_apart_everywhere(tmp_path: Path, data_dir: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    final = data / "actuals" / "2025.yaml"
    final.write_text(
        final.read_text(encoding="utf-8").replace("provenance: sample", "provenance: estimate"),
        encoding="utf-8",
    )
    table = run("status", "--data", str(data))
    assert "预计完成" in table and "预计未完成" in table and "以预计值判断的" in table
    english = run("status", "--lang", "en", "--data", str(data))
    assert "est. completed" in english and "est. not completed" in english
    codes = {
        r["status"]
        for r in csv.DictReader(io.StringIO(run("status", "-f", "csv", "--data", str(data))))
    }
    assert {"estimated_completed", "estimated_not_completed"} <= codes
    report = run("report", "-o", "-", "-f", "markdown", "--data", str(data))
    assert "预计完成" in report


# ---- finding 4: the ┃ mark


def test_the_mark_is_heavy_only_at_or_past_the_time_elapsed(plan: Plan) -> None:
    # 失业保险参保人数 2024: (4.61 − 4.3) ÷ (4.7 − 4.3) = 77.5 % at 80 %: short of it, │.
    short = made(plan, "unemployment_insurance_insured", actual=4.61, progress=0.775)
    assert "┃" not in cells.progress_bar(short) and "│" in cells.progress_bar(short)
    at = made(plan, "unemployment_insurance_insured", actual=4.62, progress=0.8)
    assert "┃" in cells.progress_bar(at)
    final = made(plan, "unemployment_insurance_insured", progress=0.975, time_elapsed=1.0)
    assert "┃" not in cells.progress_bar(final)  # 97.5 % of the way at 100 %: 未完成


# ---- finding 6: no 序时进度 column in the final year; 完成度 and 进度 defined once


def test_the_final_year_has_no_time_elapsed_column(data_dir: Path) -> None:
    markdown = run("status", "-f", "markdown", "--data", str(data_dir))
    header = next(line for line in markdown.splitlines() if line.startswith("| 指标"))
    assert "序时进度" not in header and "完成度" in header and "进度" in header
    mid = run("status", "-f", "markdown", "--year", "2024", "--data", str(data_dir))
    assert "序时进度" in next(line for line in mid.splitlines() if line.startswith("| 指标"))
    report = run("report", "-o", "-", "-f", "markdown", "--data", str(data_dir))
    assert report.count("完成度：最新值") == 1 and report.count("进度：从基期到目标") == 1


# ---- finding 8: a bare 100 % held


def test_a_bare_target_held_says_what_it_is_judged_as(plan: Plan) -> None:
    # 劳动保障监察举报投诉案件结案率: printed "100%", baseline 100: a floor held each year.
    closure = plan.indicator("labour_inspection_closure_rate")
    assert (cells.target_cell(closure), cells.target_with_unit(closure)) == ("≥100", "≥100%")
    # A bare target with a path to climb stays as printed: 电子社保卡覆盖率 60.
    assert cells.target_cell(plan.indicator("electronic_card_coverage")) == "60"


# ---- finding 9: English explains 万 and 【】 once


def test_english_explains_its_chinese_units_once(data_dir: Path) -> None:
    english = run("status", "--lang", "en", "--data", str(data_dir))
    assert english.count("万 = 10,000") == 1 and english.count("【】:") == 1
    assert "万人 = 10,000 persons" in english and "万张 = 10,000 cards" in english
    assert "万 = 10,000" not in run("status", "--data", str(data_dir))  # Chinese needs none


# ---- 口径调整


def basis_entry(value: float, change: str, same: float | None) -> Observation:
    return Observation(2024, value, OFFICIAL, basis_change=change, previous_same_basis=same)


def test_progress_across_a_change_of_definition() -> None:
    # 专业技术人才总量-like: 0.95 → 【1.1】. 2023: 1.0; 2024 on a new basis 1.32, and 2023 on
    # that basis 1.27. On one basis 2024 is 1.32 − (1.27 − 1.0) = 1.05: progress
    # (1.05 − 0.95) ÷ (1.1 − 0.95) = 66.7 %, pace 0.667 ÷ 0.8 = 0.83: 滞后; completion 1.05 ÷ 1.1.
    ind = indicator(baseline=fig(0.95), target=fig(1.1))
    figures = obs({2023: 1.0}, OFFICIAL)
    figures[2024] = basis_entry(1.32, "含民办学校", 1.27)
    ev = evaluate(ind, figures, 2024, PLAN, BANDS)
    assert ev.actual == 1.32  # shown as reported
    assert ev.progress == pytest.approx(0.1 / 0.15)
    assert ev.completion == pytest.approx(1.05 / 1.1)
    assert ev.status is Status.BEHIND
    assert ev.basis is not None and (ev.basis.text, ev.basis.year) == ("含民办学校", 2024)
    # Without the same-basis figure nothing is adjusted: 1.32 ≥ 1.1 reads 提前实现, marked.
    figures[2024] = basis_entry(1.32, "含民办学校", None)
    alone = evaluate(ind, figures, 2024, PLAN, BANDS)
    assert alone.status is Status.ACHIEVED and alone.basis is not None
    assert "需复核" in (cells.basis_notice(alone, "zh") or "")


def test_a_break_right_after_the_baseline_year() -> None:
    # 2021 on a new basis: 1.25, with 2020 on it 1.2 (the baseline 0.95 on the old): on one
    # basis 1.25 − (1.2 − 0.95) = 1.0; progress (1.0 − 0.95) ÷ 0.15 = 33.3 %.
    ind = indicator(baseline=fig(0.95), target=fig(1.1))
    figures = {
        2021: Observation(2021, 1.25, OFFICIAL, basis_change="新口径", previous_same_basis=1.2)
    }
    ev = evaluate(ind, figures, 2021, PLAN, BANDS)
    assert ev.progress == pytest.approx(0.05 / 0.15)


def test_the_outputs_mark_a_change_of_definition(plan: Plan) -> None:
    ev = made(plan, "professional_technical_talent", actual=1.32)
    ev.basis = evaluate(
        plan.indicator("professional_technical_talent"),
        {2024: basis_entry(1.32, "含民办学校", 1.27)},
        2024,
        plan.plan,
        plan.thresholds,
    ).basis
    assert cells.status_cells(ev, "zh")["latest"] == "1.32‡"
    assert cells.basis_notice(ev, "zh") == (
        "‡ 口径调整：专业技术人才总量（2024 年）：含民办学校。上年同口径数 1.27万人，"
        "完成度、进度按同口径计算。"
    )
    assert any(note.startswith("‡ 口径调整") for note in cells.notices([ev], "zh"))


def _write(folder: Path, year: int, values: str) -> Path:
    path = folder / f"{year}.yaml"
    path.write_text(f"year: {year}\nprovenance: sample\nvalues:\n{values}", encoding="utf-8")
    return path


def _codes(path: Path, plan: Plan, code: str) -> list[Severity]:
    return [d.severity for d in check_files([path], plan).diagnostics if d.code == code]


def test_check_judges_a_jump_against_the_same_basis_figure(tmp_path: Path, plan: Plan) -> None:
    _write(tmp_path, 2023, "  urban_new_jobs: 1.1\n")
    # 12 after 1.1 is ×10.9, a jump. With a 口径调整 and 11.5 for 2023 on the new basis it is
    # ×1.04, none; with 口径调整 and no same-basis figure, nothing is compared.
    plain = _write(tmp_path, 2024, "  urban_new_jobs: 12\n")
    assert _codes(plain, plan, "implausible-jump") == [Severity.WARNING]
    same = "  urban_new_jobs: {value: 12, basis_change: 新口径, previous_same_basis: 11.5}\n"
    assert _codes(_write(tmp_path, 2024, same), plan, "implausible-jump") == []
    alone = "  urban_new_jobs: {value: 12, basis_change: 新口径}\n"
    assert _codes(_write(tmp_path, 2024, alone), plan, "implausible-jump") == []
    still = "  urban_new_jobs: {value: 12, basis_change: 新口径, previous_same_basis: 1.1}\n"
    assert _codes(_write(tmp_path, 2024, still), plan, "implausible-jump") == [Severity.WARNING]


def test_check_judges_a_unit_slip_against_the_same_basis_figure(tmp_path: Path, plan: Plan) -> None:
    # 11000 in a 万人 field is 1.1 万人 typed in 人: a slip by 10⁴ against the plan's scale.
    slip = _write(tmp_path, 2024, "  urban_new_jobs: 11000\n")
    assert _codes(slip, plan, "unit-slip") == [Severity.ERROR]
    # Across a 口径调整 only the same-basis figure is a reference: 11000 against 1.05 is still
    # the slip; without one there is nothing on the new basis to judge it by.
    same = "  urban_new_jobs: {value: 11000, basis_change: 新口径, previous_same_basis: 1.05}\n"
    assert _codes(_write(tmp_path, 2024, same), plan, "unit-slip") == [Severity.ERROR]
    alone = "  urban_new_jobs: {value: 11000, basis_change: 新口径}\n"
    assert _codes(_write(tmp_path, 2024, alone), plan, "unit-slip") == []


def test_check_judges_a_running_total_on_the_new_basis(tmp_path: Path, plan: Plan) -> None:
    _write(tmp_path, 2021, "  urban_new_jobs: 1.1\n")
    _write(tmp_path, 2022, "  urban_new_jobs: 1.0\n")
    # 3.2 looks like 1.1 + 1.0 + about one more year (3.15): a running total. Across a
    # 口径调整 without a same-basis figure it is not judged; with 2022 on the new basis 2.0,
    # the total so far scales by 2.0 ÷ 1.0 to 4.2, and 4.2 + 2.1 = 6.3: 3.2 is a flow.
    plain = _write(tmp_path, 2023, "  urban_new_jobs: 3.2\n")
    assert _codes(plain, plan, "running-total") == [Severity.WARNING]
    alone = "  urban_new_jobs: {value: 3.2, basis_change: 新口径}\n"
    assert _codes(_write(tmp_path, 2023, alone), plan, "running-total") == []
    same = "  urban_new_jobs: {value: 3.2, basis_change: 新口径, previous_same_basis: 2.0}\n"
    assert _codes(_write(tmp_path, 2023, same), plan, "running-total") == []


def test_the_csv_and_workbook_readers_carry_a_change_of_definition(
    tmp_path: Path, data_dir: Path
) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    (data / "actuals" / "2024.yaml").unlink()
    (data / "actuals" / "2024.csv").write_text(
        "# year: 2024\n# provenance: sample\n"
        "id,value,unit,source,note,basis_change,previous_same_basis\n"
        "professional_technical_talent,1.32,,,,含民办学校,1.27\n",
        encoding="utf-8",
    )
    rows = {
        r["id"]: r
        for r in csv.DictReader(
            io.StringIO(run("status", "-f", "csv", "--year", "2024", "--data", str(data)))
        )
    }
    talent = rows["professional_technical_talent"]
    # On one basis 1.32 − (1.27 − 1.0) = 1.05 (2023 shipped: 1.0): (1.05 − 0.95) ÷ 0.15.
    assert talent["basis_change"] == "含民办学校" and talent["actual"] == "1.32"
    assert float(talent["progress_pct"]) == pytest.approx(0.1 / 0.15 * 100)
    table = run("status", "--year", "2024", "--data", str(data))
    assert "1.32*‡" in table and "‡ 口径调整：专业技术人才总量（2024 年）：含民办学校。" in table


# ---- finding 7: Markdown bars from zero, a total with a gap in every flow


def _chart_lines(report: str, heading: str) -> list[str]:
    start = report.index(f"### {heading}")
    block = report[report.index("```text", start) : report.index("```\n", start + 1)]
    return block.splitlines()[1:]


def test_markdown_bars_start_at_zero_and_say_their_scale(data_dir: Path) -> None:
    report = run("report", "-o", "-", "-f", "markdown", "--data", str(data_dir))
    lines = _chart_lines(report, "失业保险参保人数（万人）")
    # 4.38 … 4.69 of 【4.7】: the top is 4.7 × 1.02 = 4.794 → 4.79; a 30-cell bar from zero
    # draws 4.38 as 4.38 ÷ 4.794 × 30 = 27.4 cells, 4.69 as 29.3: nearly as long, as they are.
    assert lines[0] == "条形从 0 画起，满格为 4.79 万人；括号内为按序时进度应达到的数。"
    first, last = lines[1], lines[5]
    assert first.startswith("2021") and first.count("█") == 27
    assert last.startswith("2025") and last.count("█") == 29


def test_a_total_with_a_gap_shows_each_flow_and_the_lower_bound(data_dir: Path) -> None:
    report = run("report", "-o", "-", "-f", "markdown", "--data", str(data_dir))
    lines = _chart_lines(report, "农民工参加职业培训人次（万人次）")
    # 0.32 (2021), 2022 missing, then 0.3, 0.31, 0.3: lower bounds 0.62, 0.93, 1.23.
    assert "0.32" in lines[1] and "缺报" in lines[2]
    assert "≥0.62（下限），当年 0.3" in lines[3]
    assert "≥0.93（下限），当年 0.31" in lines[4]
    assert "≥1.23（下限），当年 0.3" in lines[5]


def test_a_same_basis_figure_in_another_unit_is_converted(tmp_path: Path, plan: Plan) -> None:
    # 12000 人 on a new basis, with 2023 on it 11500 人: in 万人 1.2 and 1.15.
    entry = (
        "  urban_new_jobs: {value: 12000, unit: 人, basis_change: 新口径,"
        " previous_same_basis: 11500}\n"
    )
    result = check_files([_write(tmp_path, 2024, entry)], plan)
    (submission,) = result.submissions
    figure = submission.entries()["urban_new_jobs"]
    assert (figure.value, figure.previous_same_basis) == (1.2, 1.15)
