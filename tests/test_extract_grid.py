"""Tables flattened into lines, as copying a government page gives them: the grid reader.

The fixtures are plans written as a new user would (qingshan-15th-plan.txt: 序号 / 指标名称 /
单位 / 属性 / "十四五"完成值 / "十五五"目标值, one cell per line, a header cell broken over two
lines, a sentence cell broken over two) and a city's table with merged 类别 cells, bare row
numbers, units in the names and a 2035 column (merged-category.txt). The expected rows are read
off the fixtures by hand and written out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.extract import extract_plan
from tongnan_plan.extract.align import align_row
from tongnan_plan.extract.draft import Draft
from tongnan_plan.extract.grid import Grid, HeaderCandidate, find_grid
from tongnan_plan.extract.headers import ColumnRole, header_roles

from .conftest import FIXTURES

QINGSHAN = FIXTURES / "extract" / "qingshan-15th-plan.txt"
MERGED = FIXTURES / "extract" / "merged-category.txt"


def rows(draft: Draft) -> list[tuple[object, ...]]:
    return [
        (
            i.name,
            i.unit,
            i.baseline.text if i.baseline else None,
            i.target.text,
            str(i.attribute),
        )
        for i in draft.plan.indicators
        if i.tier == "main"
    ]


QINGSHAN_ROWS = [
    ("城镇新增就业人数", "万人", "3.2", "3", "预期性"),
    ("城镇调查失业率", "%", "5.2", "＜5.5", "预期性"),
    ("农村劳动力转移就业人数", "万人", "12.6", "13左右", "预期性"),
    ("职业技能培训人次", "万人次", "〔2.1〕", "〔2.5—3〕", "预期性"),
    ("参加失业保险人数", "万人", "3.1", "3.5以上", "约束性"),
    ("零就业家庭动态清零率", "%", "100", "100", "约束性"),
    ("公共就业服务机构覆盖率", "%", "95", "—", "预期性"),
    ("就业困难人员再就业人数", "人", "1200", "不低于1300", "预期性"),
    ("劳动人事争议仲裁结案率", "%", "92", "≥95", "预期性"),
    # The baseline is a sentence broken over two lines; the unit is printed "—" (none).
    ("城乡就业服务水平", "", "与全省增速基本同步", "与全省同步", "预期性"),
]


def test_a_new_users_table_one_cell_per_line_reads_every_row() -> None:
    draft = extract_plan(QINGSHAN)
    assert rows(draft) == QINGSHAN_ROWS
    # The 序号 column numbers the rows: 第1项 … 第10项.
    assert [i.source for i in draft.plan.indicators[:2]] == ["表1 第1项", "表1 第2项"]
    assert (draft.plan.start_year, draft.plan.end_year) == (2026, 2030)


def test_the_same_table_with_blank_lines_between_cells(tmp_path: Path) -> None:
    lines = QINGSHAN.read_text(encoding="utf-8").splitlines()
    start = lines.index("序号")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注"))
    spaced = [*lines[:start], *"\n\n".join(lines[start:end]).splitlines(), *lines[end:]]
    path = tmp_path / "spaced.txt"
    path.write_text("\n".join(spaced), encoding="utf-8")
    assert rows(extract_plan(path)) == QINGSHAN_ROWS


def test_merged_category_cells_are_carried_down_and_2035_is_not_the_target() -> None:
    draft = extract_plan(MERGED)
    groups = {g.id: g.name for g in draft.plan.groups}
    got = [(i.name, groups[i.group], i.target.text, i.source) for i in draft.plan.indicators]
    assert got == [
        ("地区生产总值增长", "经济发展", "5.5左右", "专栏1 第1项"),
        ("常住人口城镇化率", "经济发展", "60", "专栏1 第2项"),
        ("城镇调查失业率", "民生福祉", "5.5以内", "专栏1 第3项"),
        ("每千人口拥有执业（助理）医师数", "民生福祉", "3.4", "专栏1 第4项"),
        ("保障性租赁住房", "民生福祉", "〔2.5〕", "专栏1 第5项"),
    ]
    # 第十五个五年规划 is the 15th plan: 2026-2030, whose end year the 2030年 column is.
    assert (draft.plan.start_year, draft.plan.end_year) == (2026, 2030)


def test_header_cells_broken_over_lines_are_joined() -> None:
    lines = ["序号", "指标", "名称", "计量", "单位", "现状值", "（2025年）", "“十五五”", "目标值",
             "指标", "属性", "1", "新增就业", "万人", "3", "3.5", "预期性"]  # fmt: skip
    grid = find_grid(lines, 0)
    assert isinstance(grid, Grid)
    assert grid.header == (
        "序号",
        "指标名称",
        "计量单位",
        "现状值（2025年）",
        "“十五五”目标值",
        "指标属性",
    )
    assert grid.rows == [("1", "新增就业", "万人", "3", "3.5", "预期性")]


def test_a_header_without_a_figure_column_is_a_candidate_with_its_reason() -> None:
    lines = ["序号", "项目", "单位", "建设内容", "1", "医院", "个", "新建"]
    found = find_grid(lines, 0)
    assert isinstance(found, HeaderCandidate)
    assert found.line == 1
    assert found.reason == "no-figure"


def test_align_row_leaves_a_merged_cell_empty() -> None:
    columns = header_roles(("类别", "指标", "单位", "2025年", "2030年", "属性"))
    assert columns is not None
    assert [c.role for c in columns][:2] == [ColumnRole.CATEGORY, ColumnRole.NAME]
    # A row after a group's first one: the category is not printed again.
    assert align_row(("人均寿命", "岁", "78", "79", "预期性"), columns) == (
        ("", "人均寿命", "岁", "78", "79", "预期性"),
        5,
    )
    # A name broken over two lines is one cell.
    assert align_row(("民生", "每千人口医师", "数", "人", "2.9", "3.4", "预期性"), columns) == (
        ("民生", "每千人口医师数", "人", "2.9", "3.4", "预期性"),
        7,
    )


@pytest.mark.parametrize("rows_printed", [3, 40])
def test_a_long_one_cell_per_line_table_reads_every_row(rows_printed: int, tmp_path: Path) -> None:
    lines = ["某县就业规划（2026—2030年）", "", "序号", "指标", "2025年", "2030年", "属性"]
    for k in range(1, rows_printed + 1):
        lines += [str(k), f"指标{k}（万人）", f"{k}.5", f"{k + 1}", "预期性"]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    draft = extract_plan(path)
    assert len(draft.plan.indicators) == rows_printed
    last = draft.plan.indicators[-1]
    assert (last.name, last.baseline.value, last.target.value) == (  # type: ignore[union-attr]
        f"指标{rows_printed}",
        rows_printed + 0.5,
        rows_printed + 1,
    )


def test_a_previous_plans_results_table_is_told_from_the_new_plans() -> None:
    draft = extract_plan(FIXTURES / "extract" / "qingshan-with-results.txt")
    # 表2's target column is “十四五”目标 (2021-2025), before this plan's 2026-2030: its results
    # feed --previous; 表1 is the plan's own.
    assert [(t.label, t.rows, t.previous) for t in draft.tables] == [
        ("表2", 3, True),
        ("表1", 10, False),
    ]
    assert rows(draft) == QINGSHAN_ROWS
    previous = draft.previous
    assert previous is not None
    assert (previous.start_year, previous.end_year) == (2021, 2025)
    got = [
        (i.name, i.target.text, i.result.text if i.result else None) for i in previous.indicators
    ]
    assert got == [
        ("城镇新增就业人数", "3", "3.2"),
        ("城镇调查失业率", "5.5以内", "5.2"),
        ("零就业家庭动态清零率", "100", "100"),
    ]


def test_the_baseline_is_the_year_before_the_plan(tmp_path: Path) -> None:
    lines = ["某县规划（2026—2030年）", "", "指标", "2020年", "2025年", "2030年", "属性"]
    lines += ["1.城镇新增就业人数（万人）", "2.5", "3", "3.5", "预期性"]
    path = tmp_path / "three.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    row = extract_plan(path).plan.indicators[0]
    assert (row.baseline.text, row.target.text) == ("3", "3.5")  # type: ignore[union-attr]


def test_a_header_of_three_rows_flattened_into_lines() -> None:
    # 指标值 spans 现状 / 近期规划; the years stand under them on a third header row.
    lines = ["指标类别", "序号", "指标项", "单位", "类型", "指标值", "现状", "近期规划",
             "（2025年）", "（2030年）", "发展规模", "1", "建设用地总规模", "平方千米", "约束性",
             "53.75", "53.74"]  # fmt: skip
    grid = find_grid(lines, 0)
    assert isinstance(grid, Grid)
    assert grid.header == (
        "指标类别",
        "序号",
        "指标项",
        "单位",
        "类型",
        "现状（2025年）",
        "近期规划（2030年）",
    )
    assert grid.rows == [
        ("发展规模", "1", "建设用地总规模", "平方千米", "约束性", "53.75", "53.74")
    ]


def test_a_blank_line_inside_a_row_is_an_empty_cell_where_blank_lines_part_rows() -> None:
    lines = ["序号", "指标", "单位", "属性", "2025年", "2030年", ""]
    for k, (base, target) in enumerate([("1", "2"), ("3", "4"), ("", "≥5"), ("6", "7")], 1):
        lines += [str(k), f"指标{k}", "个", "预期性", *([base] if base else [""]), target, ""]
    grid = find_grid(lines, 0)
    assert isinstance(grid, Grid)
    assert [r[4:] for r in grid.rows] == [("1", "2"), ("3", "4"), ("", "≥5"), ("6", "7")]


def test_a_words_cell_at_a_rows_end_is_not_the_next_rows_category() -> None:
    lines = ["类别", "序号", "指标", "单位", "属性", "2025年", "2030年",
             "住房", "1", "住宅用地面积", "平方千米", "预期性", "20.26", "动态调整",
             "2", "租赁住房比例", "%", "约束性", "/", "20"]  # fmt: skip
    grid = find_grid(lines, 0)
    assert isinstance(grid, Grid)
    assert grid.rows == [
        ("住房", "1", "住宅用地面积", "平方千米", "预期性", "20.26", "动态调整"),
        ("住房", "2", "租赁住房比例", "%", "约束性", "/", "20"),
    ]


def test_a_unit_column_keeps_the_names_own_parentheses() -> None:
    from tongnan_plan.extract.cells import parse_label

    assert parse_label("风貌保护道路（街巷）", "条").name == "风貌保护道路（街巷）"
    assert parse_label("城镇新增就业人数（万人）", "万人").name == "城镇新增就业人数"


def test_an_html_table_with_merged_category_cells() -> None:
    # rowspan: the category is printed in the first row of its group only.
    draft = extract_plan(FIXTURES / "extract" / "merged-category.html")
    groups = {g.id: g.name for g in draft.plan.groups}
    got = [
        (i.name, i.unit, i.target.text, str(i.target.comparator), groups[i.group])
        for i in draft.plan.indicators
    ]
    assert got == [
        ("PM2.5年均浓度", "微克/立方米", "≤28", "<=", "环境质量"),
        ("地表水优良比例", "%", "85以上", ">=", "环境质量"),
        ("森林覆盖率", "%", "21左右", "~", "生态"),
        ("新增绿地", "公顷", "〔100—120〕", ">=", "生态"),
    ]


def test_a_table_whose_cells_are_parted_by_spaces(tmp_path: Path) -> None:
    path = tmp_path / "spaced.txt"
    path.write_text(
        "某县就业规划（2026—2030年）\n\n序号  指标名称  单位  2025年  2030年  属性\n"
        "1  城镇新增就业人数  万人  3.2  3.5  预期性\n"
        "2  城镇调查失业率  %  5.2  5.5以内  预期性\n\n",
        encoding="utf-8",
    )
    assert rows(extract_plan(path)) == [
        ("城镇新增就业人数", "万人", "3.2", "3.5", "预期性"),
        ("城镇调查失业率", "%", "5.2", "5.5以内", "预期性"),
    ]


def test_a_note_on_a_figures_years_on_a_line_of_its_own_stays_with_the_figure() -> None:
    lines = ["指标名称", "2025年", "2030年", "指标性质", "年均土地供应规模", "（平方公里）",
             "36", "（2021年-2025年）", "35-40", "预期性"]  # fmt: skip
    grid = find_grid(lines, 0)
    assert isinstance(grid, Grid)
    assert grid.rows == [("年均土地供应规模（平方公里）", "36（2021年-2025年）", "35-40", "预期性")]
