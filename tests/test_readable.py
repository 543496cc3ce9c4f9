"""Readable everywhere, beyond the terminal's columns: the plan file's short names and Chinese
notes, the goal row's baseline, --year without figures, the report on paper and on a phone,
and the pictures of `status`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import Plan, Tier
from tongnan_plan.model.units import convert
from tongnan_plan.present.chart import NARROW, WIDE
from tongnan_plan.present.report_html import CSS
from tongnan_plan.present.usage import translate_usage
from tongnan_plan.sources.store import load_plan

runner = CliRunner()
PLANS = ["", "13th"]
CJK = re.compile("[\u4e00-\u9fff]")


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------- the plan file


@pytest.mark.parametrize("plan_dir", PLANS)
def test_short_names_are_the_plan_s_own_words_shortened(data_dir: Path, plan_dir: str) -> None:
    plan = load_plan(data_dir / plan_dir)
    for ind in plan.indicators:
        if ind.short_name is not None:
            # Every character of the short name is one of the name's: words left out, none added.
            assert set(CJK.findall(ind.short_name)) <= set(ind.name), ind.id
            assert len(ind.short_name) < len(ind.name), ind.id
        if ind.short_name_en is not None:
            words = re.findall(r"[a-z0-9]+", ind.name_en.lower())
            for word in re.findall(r"[a-z0-9]+", ind.short_name_en.lower()):
                k = min(5, len(word))
                assert any(w[:k] == word[:k] for w in words), (ind.id, word)
            assert len(ind.short_name_en) < len(ind.name_en), ind.id


def test_every_main_indicator_has_a_short_form_for_80_columns(plan: Plan) -> None:
    # At 80 columns the name column has 22 cells (see test_layout): 11 Chinese characters,
    # "其中：" included.
    for ind in plan.indicators:
        if ind.tier is Tier.MAIN:
            short = ind.short_name or ind.name
            assert len(short) + (3 if ind.parent else 0) <= 11, ind.id


@pytest.mark.parametrize("plan_dir", PLANS)
def test_every_note_has_its_chinese_with_the_same_figures(data_dir: Path, plan_dir: str) -> None:
    plan = load_plan(data_dir / plan_dir)
    noted = [ind for ind in plan.indicators if ind.note]
    assert noted
    for ind in noted:
        assert ind.note and ind.note_zh, ind.id
        # The same figures: a translation adds and drops none (13th, 14th plan are 十三五,
        # 十四五 in Chinese: ordinals are not figures).
        figures = [
            re.findall(r"\d+(?:\.\d+)?(?!\d|\.\d|th\b)", text) for text in (ind.note, ind.note_zh)
        ]
        assert sorted(figures[0]) == sorted(figures[1]), ind.id
        # And the Chinese note is Chinese: no English sentence left in it.
        assert not re.search(r"\b[a-z]+ [a-z]+ [a-z]+\b", ind.note_zh), ind.id


def test_the_goal_row_baseline_is_in_its_own_unit(plan: Plan, data_dir: Path) -> None:
    # 高技能人才数量 is a 万人 row; its only 2020 figure is printed in 人 (专栏1 第19项 其中,
    # 16000). 16000 人 ÷ 10000 = 1.6 万人, the figure the row is judged from.
    ind = plan.indicator("high_skilled_talent_total")
    assert ind.unit == "万人" and ind.baseline is not None
    assert (ind.baseline.text, ind.baseline.unit) == ("16000", "人")
    assert ind.baseline.value == 1.6 == convert(16000, "人", "万人")
    for args in (["status", "--tier", "goal"], ["indicators", "--tier", "goal"]):
        _, out, _ = _run(*args, "-f", "markdown", "--data", str(data_dir))
        row = next(line for line in out.splitlines() if "高技能人才数量" in line)
        cells = [cell.strip() for cell in row.split("|")]
        assert "1.6" in cells and "16000" not in row, row


def test_every_printed_figure_in_another_unit_converts_to_its_value(data_dir: Path) -> None:
    for plan_dir in PLANS:
        for ind in load_plan(data_dir / plan_dir).indicators:
            for printed in (ind.baseline, ind.target):
                if printed is None or printed.unit is None:
                    continue
                number = float(re.sub(r"[^\d.]", "", printed.text))
                assert convert(number, printed.unit, ind.unit) == pytest.approx(printed.value)


# ---------------------------------------------------------------- --year without figures


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "没有 2025 年的报送数据，所示为截至 2024 年的数字"),
        ("en", "no submission for 2025; the figures shown run to 2024"),
    ],
)
def test_year_without_figures_says_so(tmp_path: Path, data_dir: Path, lang: str, said: str) -> None:
    # The shipped data without their 2025 sample: 2025 has no submission.
    shutil.copytree(data_dir, tmp_path / "data")
    data_dir = tmp_path / "data"
    (data_dir / "actuals" / "2025.yaml").unlink()
    code, out, err = _run("status", "--year", "2025", "--lang", lang, "--data", str(data_dir))
    assert code == 0 and out  # the table is shown, and the exit code is that of a good run
    assert said in err
    assert str(data_dir / "actuals" / "2025.yaml") in err  # where a 2025 file must go
    code, _, err = _run("status", "--year", "2024", "--lang", lang, "--data", str(data_dir))
    assert code == 0 and err == ""


# ---------------------------------------------------------------- the report


@pytest.fixture
def page(tmp_path: Path, data_dir: Path) -> str:
    data = tmp_path / "somewhere" / "on" / "this machine"
    shutil.copytree(data_dir, data)
    target = tmp_path / "r.html"
    code, _, _ = _run("report", "-o", str(target), "--data", str(data))
    assert code == 0
    return target.read_text(encoding="utf-8")


def test_the_report_names_its_sources_within_the_data_directory(page: str) -> None:
    assert "this machine" not in page and "somewhere" not in page
    for year in (2021, 2022, 2023, 2024):
        assert f"<li>actuals/{year}.yaml：{year} 年" in page


def test_the_report_prints_on_a4_with_every_column(page: str) -> None:
    print_rules = CSS[CSS.index("@media print") :]
    assert "@page { size: A4;" in CSS
    assert ".scroll { overflow: visible; }" in print_rules  # no scrollbars, no cut columns
    assert "min-width: 0" in print_rules  # the tables shrink to the page
    assert "thead { display: table-header-group; }" in print_rules  # headers on each page
    assert "tr { break-inside: avoid;" in print_rules  # a row is never split
    assert "section.indicator { break-inside: avoid;" in CSS  # a chart with its heading
    assert page.count("<thead>") == page.count("<table")


def test_a_phone_keeps_the_name_and_the_status_in_view(page: str) -> None:
    phone = CSS[CSS.index("@media (max-width: 40rem)") : CSS.index("@page")]
    assert ".scroll td:first-child { position: sticky; left: 0;" in phone
    assert ".scroll td.status { position: sticky; right: 0;" in phone
    # Every table by area marks its status column, header and cells.
    tables = re.findall(r'<table class="by-area">.*?</table>', page)
    assert len(tables) == 5
    for table in tables:
        rows = table.count("<tr data-id=")
        assert table.count('<th class="status">') == 1
        assert table.count('<td class="status ') == rows


def test_chart_text_on_a_phone_is_as_large_as_the_page_s(page: str) -> None:
    # A 390-pixel phone shows the narrow chart 390 - 2 × 12 = 366 pixels wide (the page's
    # padding is .75rem); its viewBox is 360 wide, so 1 unit is 366 / 360 ≥ 1 pixel and its
    # 16-unit text is at least the page's 16-pixel type.
    assert NARROW.width <= 366 and NARROW.font >= 16
    # On a wide screen the chart is at most 40rem = 640 pixels for 560 units: 14 units draw
    # 14 × 640 / 560 = 16 pixels.
    assert WIDE.font * 640 / WIDE.width >= 16
    assert page.count('<svg class="chart narrow"') == page.count('<svg class="chart wide"') == 17
    assert re.search(r'<svg class="chart narrow" viewBox="0 0 360 \d+"[^>]*font-size: 16px', page)


# ---------------------------------------------------------------- pictures, usage errors


def test_status_as_html_boxes_chinese_two_characters_wide(data_dir: Path) -> None:
    code, out, _ = _run("status", "-f", "html", "--data", str(data_dir))
    assert code == 0
    # 城镇新增就业人数: 8 characters, 16 cells: one box 16ch wide, the text whole inside it.
    assert '<span style="display:inline-block;width:16ch">城镇新增就业人数</span>' in out
    assert "Noto Sans Mono CJK SC" in out


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Error: Missing option '--output' / '-o'.", "错误：缺少选项 '--output' / '-o'。"),
        ("Error: No such option: --bogus", "错误：没有选项 --bogus。"),
        (
            "Error: No such option: --forc (Possible options: --force, --format)",
            "错误：没有选项 --forc（可能的选项：--force, --format）",
        ),
        (
            "Error: No such command 'stat'. Did you mean 'status'?",
            "错误：没有命令 'stat'；是否应为 'status'？",
        ),
        ("Error: Missing argument 'ID'.", "错误：缺少参数 'ID'。"),
        ("Error: Got unexpected extra argument(s) (x)", "错误：多余的参数（x）"),
        ("Error: Option '--year' requires an argument.", "错误：选项 '--year' 需要一个值。"),
        (
            "Error: Invalid value for '--year' / '-y': Input should be a valid integer, unable to"
            " parse string as an integer",
            "错误：选项 '--year' / '-y' 的值无效：应为整数。",
        ),
        (
            "Error: Invalid value for '--format' / '-f': Value error, 'xx' is not one of 'table',"
            " 'csv'.",
            "错误：选项 '--format' / '-f' 的值无效：'xx' 不是可选值之一（'table', 'csv'）。",
        ),
        ("Error: something tnplan has no words for", "错误：用法有误；请用 -h 查看帮助。"),
        ("Usage: tnplan [OPTIONS] COMMAND [ARGS]...", "用法：tnplan [选项] 命令 [参数]..."),
        ("Try 'tnplan status -h' for help.", "查看帮助：'tnplan status -h'"),
    ],
)
def test_usage_errors_in_chinese(english: str, chinese: str) -> None:
    assert translate_usage(english, "zh") == chinese
    assert translate_usage(english, "en") == english


def test_a_blank_submission_speaks_the_run_s_language(plan: Plan) -> None:
    from tongnan_plan.validate.schema import submission_template

    zh = submission_template(plan, 2025)
    assert (
        zh.splitlines()[1] == "# 有数据的指标请填写数字；没有数据的指标请删除该行（缺报不按零计）。"
    )
    en = submission_template(plan, 2025, lang="en")
    assert "# Check the file with: tnplan check FILE" in en
    # Either way it loads as a submission with every indicator (values left blank).
    for text in (zh, en):
        document = yaml.safe_load(text)
        assert document["year"] == 2025
        assert set(document["values"]) == {ind.id for ind in plan.indicators}
