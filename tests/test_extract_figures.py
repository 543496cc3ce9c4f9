"""Cells read as the plan means them, and the 左右 ("about") comparator's rule.

Each expected reading is worked out by hand from the printed cell: brackets dropped, the
comparator word's meaning, the unit glued to the number, a range's two ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.calc.progress import satisfies
from tongnan_plan.extract import extract_plan
from tongnan_plan.extract.cells import parse_figure, parse_label
from tongnan_plan.model.plan import Comparator, Indicator, Thresholds

from .conftest import FIXTURES


@pytest.mark.parametrize(
    ("cell", "value", "comparator", "unit"),
    [
        ("【5】", 5, "=", None),
        ("〔70〕", 70, "=", None),
        ("95%", 95, "=", "%"),
        ("95％", 95, "=", "%"),  # full-width ％
        ("＞5", 5, ">", None),  # full-width ＞
        ("≥95%", 95, ">=", "%"),
        ("12km", 12, "=", "km"),
        ("3.5以上", 3.5, ">=", None),
        ("5.5以内", 5.5, "<=", None),
        ("不低于1300", 1300, ">=", None),
        ("不超过10", 10, "<=", None),
        ("55左右", 55, "~", None),
        ("1.2万人", 1.2, "=", "万人"),
        ("【≥50】", 50, ">=", None),
    ],
)
def test_a_figure_cell(cell: str, value: float, comparator: str, unit: str | None) -> None:
    read = parse_figure(cell)
    assert (read.value, str(read.comparator), read.unit, read.text) == (
        value,
        comparator,
        unit,
        cell,
    )
    assert not read.prose


@pytest.mark.parametrize("cell", ["/", "-", "—", "——", "", "／"])
def test_none_printed_is_no_value_not_zero(cell: str) -> None:
    read = parse_figure(cell)
    assert (read.value, read.prose) == (None, False)


@pytest.mark.parametrize(
    ("cell", "low", "high"),
    [("〔3000—4000〕", 3000, 4000), ("3-5", 3, 5), ("3～5", 3, 5), ("〔2.5—3〕", 2.5, 3)],
)
def test_a_range_keeps_both_ends(cell: str, low: float, high: float) -> None:
    read = parse_figure(cell)
    assert (read.value, read.high, str(read.comparator), read.text) == (low, high, ">=", cell)


def test_a_footnote_digit_is_flagged_not_read() -> None:
    read = parse_figure("42%2")
    assert (read.value, read.unit, read.footnote) == (42, "%", "2")


def test_a_baseline_with_a_note_on_its_year() -> None:
    read = parse_figure("55（2019年）")
    assert (read.value, read.note) == (55, "2019年")


@pytest.mark.parametrize("cell", ["与全省同步", "完成上级下达任务", "新建"])
def test_words_are_kept_as_text_and_flagged(cell: str) -> None:
    read = parse_figure(cell)
    assert (read.value, read.prose, read.text) == (None, True, cell)


LABELS = [
    ("城镇新增就业人数（万人）", "城镇新增就业人数", "万人"),
    ("保障性租赁住房（万户（套））", "保障性租赁住房", "万户（套）"),
    ("旧住房成套改造（含小梁薄板房屋改造）（万平方米）",
     "旧住房成套改造（含小梁薄板房屋改造）", "万平方米"),
    ("新增达到海绵城市建设要求的城市建成区面积（平方公里）",
     "新增达到海绵城市建设要求的城市建成区面积", "平方公里"),
    ("每百万人火灾事故年平均发生率（起/百万人）", "每百万人火灾事故年平均发生率", "起/百万人"),
    ("每千人口执业（助理）医师数", "每千人口执业（助理）医师数", None),
]  # fmt: skip


@pytest.mark.parametrize(("label", "name", "unit"), LABELS)
def test_the_unit_in_the_names_last_parentheses(label: str, name: str, unit: str | None) -> None:
    read = parse_label(label)
    assert (read.name, read.unit) == (name, unit)


def _about(direction: str, target: float) -> Indicator:
    return Indicator.model_validate(
        {
            "id": "x",
            "name": "x",
            "name_en": "x",
            "unit": "%",
            "group": "g",
            "tier": "main",
            "kind": "annual",
            "attribute": "预期性",
            "direction": direction,
            "source": "test",
            "target": {"value": target, "comparator": "~", "text": f"{target}左右"},
        }
    )


def test_about_is_met_within_the_tolerance_short_of_the_target() -> None:
    # The default tolerance is 5 % of the target: 5.5左右 is met from 5.5 × 0.95 = 5.225 up.
    assert Thresholds(ahead=1.05, on_track=0.95, behind=0.6).about == 0.05
    higher = _about("higher", 5.5)
    assert satisfies(5.3, higher)
    assert satisfies(7.0, higher)  # beyond the target the better way
    assert not satisfies(5.2, higher)
    # Where lower is better, up to 5.5 × 1.05 = 5.775.
    lower = _about("lower", 5.5)
    assert satisfies(5.7, lower)
    assert not satisfies(5.8, lower)


def test_the_plans_thresholds_about_sets_the_tolerance(tmp_path: Path) -> None:
    from tongnan_plan.extract import draft_yaml
    from tongnan_plan.sources.store import load_plan

    draft = extract_plan(FIXTURES / "extract" / "qingshan-15th-plan.txt")
    text = draft_yaml(draft).replace("  about: 0.05", "  about: 0.1")
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(text, encoding="utf-8")
    plan = load_plan(tmp_path)
    row = next(i for i in plan.indicators if i.target.comparator is Comparator.ABOUT)
    # 农村劳动力转移就业人数 13左右 (万人): with about 0.1, met from 13 × 0.9 = 11.7 up.
    assert (row.name, row.target.value, row.about_tolerance) == ("农村劳动力转移就业人数", 13, 0.1)
    assert satisfies(11.8, row)
    assert not satisfies(11.6, row)


def test_draft_ids_are_ascii_slugs_of_the_names_unique_in_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "twice.txt"
    lines = ["某县规划（2026—2030年）", "", "指标", "2025年", "2030年", "属性"]
    lines += ["1.城镇新增就业人数（万人）", "3", "3.5", "预期性"]
    lines += ["2.城镇新增就业人数（万人）", "1", "1.5", "预期性"]
    path.write_text("\n".join(lines), encoding="utf-8")
    ids = [i.id for i in extract_plan(path).plan.indicators]
    # 城镇 新增 就业 人数: cheng zhen / xin zeng / jiu ye / ren shu.
    assert ids == ["chengzhen_xinzeng_jiuye_renshu", "chengzhen_xinzeng_jiuye_renshu_2"]


def test_a_sub_items_parent_follows_the_new_ids() -> None:
    draft = extract_plan(FIXTURES / "extract" / "tongnan-14th-plan.txt")
    by_id = {i.id: i for i in draft.plan.indicators}
    sub = next(i for i in draft.plan.indicators if i.name == "高级职称人才数量")
    assert sub.parent is not None
    assert by_id[sub.parent].name == "专业技术人才总量"
    assert all(i.id.isascii() for i in draft.plan.indicators)


def test_the_slug_is_the_same_through_pypinyins_api(monkeypatch: pytest.MonkeyPatch) -> None:
    from tongnan_plan.extract import ids

    names = ["城镇新增就业人数", "绿化覆盖率", "每百万人火灾事故年平均发生率", "5G基站数量"]
    fast = [ids.name_slug(n) for n in names]
    monkeypatch.setattr(ids, "_readings", lambda: None)
    assert [ids.name_slug(n) for n in names] == fast
    assert fast[:2] == ["chengzhen_xinzeng_jiuye_renshu", "lvhua_fugai_lv"]


def test_an_increase_and_a_figure_in_parentheses() -> None:
    grows = parse_figure("增加20")
    assert (grows.value, grows.increase, str(grows.comparator)) == (20, "增加", "=")
    set_apart = parse_figure("（86.4％）")
    assert (set_apart.value, set_apart.unit, set_apart.note) == (
        86.4,
        "%",
        "printed in parentheses",
    )


def test_a_flow_below_its_baseline_is_still_more_is_better() -> None:
    from tongnan_plan.extract.judgement import direction_of
    from tongnan_plan.model.plan import Direction

    # 新建绿地 90.87 (the 14th plan's five years) → 35 (the 15th's): less to add, not less better.
    assert direction_of("新建绿地", Comparator.EQ, 90.87, 35)[0] is Direction.HIGHER
    assert direction_of("老旧小区数量", Comparator.EQ, 90, 35)[0] is Direction.LOWER


def test_a_figure_with_the_note_on_its_years_and_words_of_effort() -> None:
    read = parse_figure("力争达到20左右（2030年较2025年下降）")
    assert (read.value, str(read.comparator), read.note) == (20, "~", "2030年较2025年下降")
    assert parse_figure("36（2021年-2025年）").value == 36


def test_a_rate_of_decrease_is_more_is_better() -> None:
    from tongnan_plan.extract.judgement import direction_of
    from tongnan_plan.model.plan import Direction

    assert (
        direction_of("单位GDP建设用地使用面积下降率", Comparator.ABOUT, 25, 20)[0]
        is Direction.HIGHER
    )
    assert direction_of("城镇调查失业率", Comparator.EQ, 5.5, 5.5)[0] is Direction.LOWER
