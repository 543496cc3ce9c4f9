"""Unit slips: a figure off by exactly a unit step is an error, with the figure it was meant to
be; an ordinary jump stays a warning. Every expected figure is worked out here by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.catalogue import ratio_text
from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import check_files, load_actuals
from tongnan_plan.validate.plausible import plan_references, slip_of

runner = CliRunner()


def _submission(folder: Path, year: int, *lines: str, name: str = "") -> Path:
    path = folder / (name or f"{year}.yaml")
    body = "\n".join(f"  {line}" for line in lines)
    path.write_text(f"year: {year}\nprovenance: sample\nvalues:\n{body}\n", encoding="utf-8")
    return path


def _errors(result: object) -> list[tuple[str, int, int]]:
    return [
        (d.code, d.line, d.column)
        for d in result.diagnostics  # type: ignore[attr-defined]
        if d.severity is Severity.ERROR
    ]


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (9547.6, "×9550"),  # three figures, written out: not ×9.55e+03
        (10000.0, "×10000"),
        (10.909, "×10.9"),
        (0.0001, "÷10000"),  # a figure that shrank reads as a division
        (1 / 20, "÷20"),
        (1e12, "×1000000000000"),
    ],
)
def test_ratios_are_written_as_people_write_them(ratio: float, text: str) -> None:
    assert ratio_text(ratio) == text


def test_a_first_year_is_guarded_by_the_plan(tmp_path: Path, plan: Plan) -> None:
    # 2021 is the plan's first year: no earlier figure, only the baseline (1.05 万人 in 2020)
    # and the target (【5】万人 over five years, 1 a year). 10500 is 10^4 times 1.05:
    # 10500 人 = 10500 / 10^4 = 1.05 万人.
    path = _submission(tmp_path, 2021, "urban_new_jobs: 10500")
    result = check_files([path], plan)
    (slip,) = [d for d in result.diagnostics if d.code == "unit-slip"]
    assert (slip.severity, slip.line, slip.column) == (Severity.ERROR, 4, 19)
    assert "10500 人 = 1.05 万人: write 1.05, or add unit: 人" in slip.message
    assert "10500 人 = 1.05 万人：请写 1.05，或注明单位：人" in slip.message_zh
    # 10500 against the nearest reference, the baseline 1.05: 10500 / 1.05 = 10000.
    assert "×10000 against about 1.05 万人" in slip.message
    assert result.submissions[0].values == {}  # the figure is left out


def test_the_figure_is_left_out_of_status(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "targets.yaml").write_bytes((data_dir / "targets.yaml").read_bytes())
    (tmp_path / "actuals").mkdir()
    _submission(tmp_path / "actuals", 2021, "urban_new_jobs: 10500", "postdoc_recruits: 1")
    result = runner.invoke(app, ["status", "-f", "json", "--data", str(tmp_path)])
    assert result.exit_code == 1  # after the table: the error in the submission
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["urban_new_jobs"]["status"] == "no_data"  # not 10,500 万人 counted
    assert rows["postdoc_recruits"]["cumulative"] == 1
    assert "unit-slip" in result.stderr


def test_a_percentage_written_as_a_fraction(tmp_path: Path, plan: Plan) -> None:
    # 基本养老保险参保率 is printed >95 %: 0.962 is a hundredth of 96.2.
    path = _submission(tmp_path, 2021, "basic_pension_coverage: 0.962")
    (slip,) = [d for d in check_files([path], plan).diagnostics if d.code == "unit-slip"]
    assert "0.962 as a fraction = 96.2 %: write 96.2" in slip.message
    assert "add unit" not in slip.message  # no unit makes a fraction a percentage


@pytest.mark.parametrize(
    ("written", "unit", "meant"),
    [
        # 人力资源服务行业年营业收入: 10 亿元 a year by the plan.
        # 95000 万元 = 95000 / 10^4 = 9.5 亿元;
        ("95000", "万元", "9.5"),
        # 950000000 元 = 9.5 × 10^8 元 = 9.5 亿元.
        ("950000000", "元", "9.5"),
    ],
)
def test_each_step_of_a_unit_family(
    tmp_path: Path, plan: Plan, written: str, unit: str, meant: str
) -> None:
    path = _submission(tmp_path, 2021, f"hr_industry_annual_revenue: {written}")
    (slip,) = [d for d in check_files([path], plan).diagnostics if d.code == "unit-slip"]
    assert f"{written} {unit} = {meant} 亿元" in slip.message


def test_earlier_years_are_judged_too(tmp_path: Path, plan: Plan) -> None:
    # 2021 and 2022 report 1.1 and 1.05; 2023's 10800 is 10^4 times 1.08.
    _submission(tmp_path, 2021, "urban_new_jobs: 1.1")
    _submission(tmp_path, 2022, "urban_new_jobs: 1.05")
    path = _submission(tmp_path, 2023, "urban_new_jobs: 10800")
    result = check_files([path], plan)
    assert [code for code, _, _ in _errors(result)] == ["unit-slip"]
    slip = next(d.message for d in result.diagnostics if d.code == "unit-slip")
    # 10800 / 10^4 = 1.08 is nearest 2021's 1.1 among 1.05, 1.0, 1.1 and 1.05:
    # 10800 / 1.1 = 9818.2, ×9820 to three figures.
    assert "10800 人 = 1.08 万人" in slip
    assert "(×9820 against about 1.1 万人, from the plan and the earlier years)" in slip


def test_an_ordinary_jump_stays_a_warning(tmp_path: Path, plan: Plan) -> None:
    # 12 after 1.1 is ×10.9 (12 / 1.1 = 10.909…), but 12 人 = 0.0012 万人 is no better: a jump.
    _submission(tmp_path, 2022, "urban_new_jobs: 1.1")
    path = _submission(tmp_path, 2023, "urban_new_jobs: 12")
    result = check_files([path], plan)
    assert _errors(result) == []
    (jump,) = [d for d in result.diagnostics if d.code == "implausible-jump"]
    assert jump.severity is Severity.WARNING and "(×10.9)" in jump.message
    assert result.submissions[0].values["urban_new_jobs"] == 12


def test_a_stated_unit_is_taken_at_its_word(tmp_path: Path, plan: Plan) -> None:
    path = _submission(tmp_path, 2021, "urban_new_jobs: {value: 10500, unit: 人}")
    result = check_files([path], plan)
    assert _errors(result) == []
    assert [d.code for d in result.diagnostics if d.code == "unit-converted"] == ["unit-converted"]


def test_a_total_to_date_is_judged_as_its_years(tmp_path: Path, plan: Plan) -> None:
    # A total for 2021-2023 of 3.3 万人 is 1.1 a year: plausible. 33000 is 3.3 written in 人.
    good = _submission(tmp_path, 2023, "urban_new_jobs: {value: 3.3, to_date: true}")
    assert _errors(check_files([good], plan)) == []
    slipped = _submission(tmp_path, 2023, "urban_new_jobs: {value: 33000, to_date: true}")
    (slip,) = [d for d in check_files([slipped], plan).diagnostics if d.code == "unit-slip"]
    assert "33000 人 = 3.3 万人" in slip.message


def test_the_thousands_hint_minds_the_unit(tmp_path: Path, plan: Plan) -> None:
    # 开展补贴性职业技能培训人次 is in 万人次: 6,200 人次 = 6200 / 10^4 = 0.62 万人次.
    path = _submission(tmp_path, 2021, "subsidised_skills_training: 6,200")
    (error,) = [d for d in check_files([path], plan).diagnostics if d.code == "not-a-number"]
    assert error.message.endswith(
        "drop the thousands separators, and mind the unit: 6200 人次 = 0.62 万人次:"
        " write 0.62, or add unit: 人次"
    )
    # 博士后研究人员招收数 is in 人: 1,200 人 needs no other unit, only the separator gone.
    path = _submission(tmp_path, 2021, 'postdoc_recruits: "1,200"')
    (error,) = [d for d in check_files([path], plan).diagnostics if d.code == "not-a-number"]
    assert error.message.endswith("drop the thousands separators (1200)")


def test_the_plan_gives_a_years_share_of_a_five_year_total(plan: Plan) -> None:
    # 城镇新增就业人数: baseline 1.05 (2020's own flow), target 【5】 over 2021-2025: 5 / 5 = 1.
    references = plan_references(plan.indicator("urban_new_jobs"), plan.plan)
    assert references == [1.05, 1.0]
    # A level is judged against its baseline and target as they are: 96.2 near >95.
    ind = plan.indicator("basic_pension_coverage")
    assert slip_of(96.2, ind, plan_references(ind, plan.plan)) is None
    slip = slip_of(0.962, ind, plan_references(ind, plan.plan))
    assert slip is not None and slip.value == pytest.approx(96.2)
    # A percentage over 100 once corrected is no slip: 1.5 would be 150 %.
    assert slip_of(1.5, ind, [95.0]) is None


def test_a_slip_can_be_silenced_and_the_figure_is_then_used(tmp_path: Path, plan: Plan) -> None:
    path = _submission(tmp_path, 2021, "urban_new_jobs: 10500  # tnplan: ignore[unit-slip]")
    result = check_files([path], plan)
    assert [d.code for d in result.diagnostics if d.code == "unit-slip"] == []
    assert result.submissions[0].values["urban_new_jobs"] == 10500


def test_the_shipped_data_has_no_slip(data_dir: Path, plan: Plan) -> None:
    actuals = load_actuals(data_dir, plan)
    assert [d for d in actuals.diagnostics if d.code == "unit-slip"] == []
    # 2022 gives 城镇新增就业人数 as 10500 人 with its unit: converted, not a slip.
    converted = [d for d in actuals.diagnostics if d.code == "unit-converted"]
    assert [d.file.endswith("2022.yaml") for d in converted] == [True]
