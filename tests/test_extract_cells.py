"""Reading one printed figure, one row label, a period's name, and telling two names apart."""

from __future__ import annotations

import pytest

from tongnan_plan.extract.cells import comparator_around, parse_figure, parse_label
from tongnan_plan.extract.headers import five_year_period, header_roles
from tongnan_plan.extract.linking import names_match, same_at_precision
from tongnan_plan.model.plan import Comparator


@pytest.mark.parametrize(
    ("cell", "value", "comparator", "bracketed", "unit"),
    [
        ("【 50000 】", 50000, Comparator.EQ, True, None),
        ("【5】", 5, Comparator.EQ, True, None),
        ("≤5.5", 5.5, Comparator.LE, False, None),
        ("≥90", 90, Comparator.GE, False, None),
        (">95", 95, Comparator.GT, False, None),
        ("＞95", 95, Comparator.GT, False, None),
        ("<9", 9, Comparator.LT, False, None),
        ("95%以上", 95, Comparator.GE, False, "%"),
        ("5.5%以内", 5.5, Comparator.LE, False, "%"),
        ("不低于3亿元", 3, Comparator.GE, False, "亿元"),
        ("212%", 212, Comparator.EQ, False, "%"),
        ("1,300", 1300, Comparator.EQ, False, None),
    ],
)
def test_figures(
    cell: str, value: float, comparator: Comparator, bracketed: bool, unit: str | None
) -> None:
    figure = parse_figure(cell)
    assert (figure.value, figure.comparator, figure.bracketed, figure.unit) == (
        value,
        comparator,
        bracketed,
        unit,
    )
    assert figure.text == cell
    assert not figure.prose


@pytest.mark.parametrize("cell", ["—", "——", "", "-"])
def test_no_figure(cell: str) -> None:
    figure = parse_figure(cell)
    assert (figure.value, figure.prose, figure.text) == (None, False, cell)


def test_words_are_kept_as_text() -> None:
    figure = parse_figure("启动8个智慧医院项目")
    assert (figure.value, figure.prose, figure.text) == (None, True, "启动8个智慧医院项目")


@pytest.mark.parametrize(
    ("label", "number", "name", "unit", "sub"),
    [
        ("1.城镇新增就业人数(万人)", 1, "城镇新增就业人数", "万人", False),
        ("1. 新增就业人数 (人)", 1, "新增就业人数", "人", False),
        ("9.其中：高级职称人才数量(万人)", 9, "高级职称人才数量", "万人", True),
        ("其中, 高级专技人才总量 (人)", None, "高级专技人才总量", "人", True),
        ("17.其中：申领电子社保卡人口覆盖率(%)", 17, "申领电子社保卡人口覆盖率", "%", True),
        ("3.每千人口执业（助理）医师数", 3, "每千人口执业（助理）医师数", None, False),
    ],
)
def test_labels(label: str, number: int | None, name: str, unit: str | None, sub: bool) -> None:
    row = parse_label(label)
    assert (row.number, row.name, row.unit, row.sub_item) == (number, name, unit, sub)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # 十N五 is the Nth plan; the 10th ran 2001-2005, each plan five years on.
        ("“十三五”时期", (2016, 2020)),
        ("“十四五”规划", (2021, 2025)),
        ("“十五五”目标值", (2026, 2030)),
        ("十一五", (2006, 2010)),
        ("2020 年", None),
    ],
)
def test_periods(text: str, period: tuple[int, int] | None) -> None:
    assert five_year_period(text) == period


def test_headers_whatever_the_wording() -> None:
    assert header_roles(("指 标", "2020 年", "2025 年", "属 性")) is not None
    assert (
        header_roles(("指标", "单位", "“十四五”完成值", "“十五五”目标值", "指标属性")) is not None
    )
    assert header_roles(("指标", "基期", "目标值")) is not None
    # The contents page: a chapter, its title and a page number.
    assert header_roles(("第一章", "指导思想和主要目标", "6")) is None
    assert header_roles(("指标", "说明")) is None


def test_comparators_in_prose() -> None:
    # before: the words before the number; after: those after its unit.
    assert comparator_around("城镇调查失业率控制在 ", " 以内") == (Comparator.LE, "以内")
    assert comparator_around("参保率稳定在 ", " 以上") == (Comparator.GE, "以上")
    assert comparator_around("高技能人才数量突破 ", " 万人") == (Comparator.GT, "突破")
    assert comparator_around("首年运营总收入不低于 ", " 亿元") == (Comparator.GE, "不低于")
    assert comparator_around("新建博士后工作站 ", " 家") == (Comparator.EQ, "")


def test_rounding_is_half_up_at_the_printed_precision() -> None:
    # 9504 人 = 0.9504 万人, printed 0.95: the same at two decimals.
    assert same_at_precision(0.95, 2, 0.9504)
    # 4.35 printed as 4.3 is not a rounding: 4.35 rounds half up to 4.4.
    assert not same_at_precision(4.3, 1, 4.35)
    # 19168 人次 = 1.9168 万人次, printed 1.92.
    assert same_at_precision(1.92, 2, 1.9168)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("专技人才总量", "专业技术人才总量", True),
        ("城乡居民基本养老保险参保率", "基本养老保险参保率", True),
        ("市级充分就业村（社区）", "市级充分就业社区（村）", True),
        ("高技能人才培训基地", "高技能人才培养基地", True),
        ("城镇新增就业人员", "城镇新增就业人数", True),
        ("市级示范仲裁院", "市级示范仲裁庭", False),
        ("技能大师工作室", "市级技能大师工作室", False),
        ("技能人才总量", "高技能人才数量", False),
        ("持证兼职仲裁员", "持证调解员", False),
    ],
)
def test_names(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
