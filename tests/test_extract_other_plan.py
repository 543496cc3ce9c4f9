"""A plan of another period and field with another table layout: a county's health plan for
2026-2030, with a 单位 column, "十四五"完成值 and "十五五"目标值 columns and a 指标属性 column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.extract import draft_yaml, extract_plan
from tongnan_plan.extract.draft import Draft, DraftIndicator
from tongnan_plan.model.plan import Attribute, Basis, Comparator, Direction, Kind
from tongnan_plan.sources.store import load_plan

from .conftest import FIXTURES

PLAN = FIXTURES / "extract" / "health-15th-plan.md"


@pytest.fixture(scope="module")
def draft() -> Draft:
    return extract_plan(PLAN)


def row(draft: Draft, item: int) -> DraftIndicator:
    return next(i for i in draft.plan.indicators if i.source == f"专栏1 第{item}项")


def test_the_period_is_the_15th_plan(draft: Draft) -> None:
    plan = draft.plan
    # “十五五” = the 15th plan: 2001 + 5 × (15 − 10) = 2026 to 2030, baseline year 2025.
    assert (plan.baseline_year, plan.start_year, plan.end_year) == (2025, 2026, 2030)
    assert plan.issued == "2026-03-02"
    assert plan.issuer == "某县人民政府"
    # No document number is printed: asked, not invented.
    assert plan.document == ""
    assert any(q.startswith("document:") for q in plan.review)
    # The table is this plan's own (its targets are 十五五), not a previous plan's.
    assert draft.previous is None
    assert [(t.label, t.rows, t.previous) for t in draft.tables] == [("专栏1", 7, False)]


def test_rows_read_with_unit_column_and_comparators(draft: Draft) -> None:
    life = row(draft, 1)
    assert (life.name, life.unit, life.attribute) == ("人均预期寿命", "岁", Attribute.ANTICIPATED)
    assert (life.baseline.value, life.baseline.text) == (78.6, "78.6")  # type: ignore[union-attr]
    assert (life.target.value, life.target.comparator, life.target.text) == (
        79.5,
        Comparator.GE,
        "79.5以上",
    )
    maternal = row(draft, 2)
    assert maternal.attribute is Attribute.BINDING
    assert maternal.unit == "1/10万"
    assert (maternal.target.value, maternal.target.comparator) == (9, Comparator.LT)
    assert maternal.baseline is not None and maternal.baseline.comparator is Comparator.LE
    assert maternal.direction is Direction.LOWER  # a ceiling
    assert row(draft, 5).target.comparator is Comparator.GT  # full-width ＞
    assert row(draft, 4).parent == row(draft, 3).id  # 4.其中：
    assert row(draft, 4).name == "全科医生数"
    groups = {g.id: g.name for g in draft.plan.groups}
    assert [groups[row(draft, k).group] for k in (1, 3)] == ["健康水平", "医疗服务"]


def test_brackets_without_a_note_are_asked(draft: Draft) -> None:
    beds = row(draft, 6)
    assert beds.kind is Kind.ANNUAL  # 床位数: a stock with a printed baseline
    assert beds.baseline is not None and beds.baseline.basis is Basis.YEAR
    # The table prints 【】 but no note saying what they mean: the question says so.
    assert any("the table has no note on 【】" in q for q in beds.review)


def test_a_prose_cell_is_kept_as_text_and_flagged(draft: Draft) -> None:
    smart = row(draft, 7)
    assert (smart.target.value, smart.target.text) == (None, "启动8个智慧医院项目")
    assert any(q.startswith("target: printed as words") for q in smart.review)


def test_targets_in_the_prose(draft: Draft) -> None:
    prose = {
        (i.source, i.target.value, i.unit): i for i in draft.plan.indicators if i.tier != "main"
    }
    # 第一章第一节 reports the past (发展基础): its figures are no targets.
    assert set(prose) == {
        ("第一章第二节", 4, "‰"),
        ("第二章第一节", 3, "所"),
        ("第二章第一节", 500, "张"),
        ("第二章第一节", 2000, "人次"),
    }
    infant = prose[("第一章第二节", 4, "‰")]
    assert (infant.tier, infant.target.comparator, infant.direction) == (
        "goal",
        Comparator.LE,
        Direction.LOWER,
    )
    training = prose[("第二章第一节", 2000, "人次")]
    assert training.target.comparator is Comparator.GE  # 以上
    assert training.kind is Kind.CUMULATIVE
    # 3.4 人 in 第一章第二节 is 专栏1 第3项's target printed again: linked, not a second entry.
    doctors = row(draft, 3)
    assert doctors.also_printed == ["第一章第二节 (全县每千人口执业（助理）医师数达到 3.4 人)"]


def test_the_draft_loads(draft: Draft, tmp_path: Path) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(draft_yaml(draft), encoding="utf-8")
    plan = load_plan(tmp_path)
    assert len(plan.indicators) == len(draft.plan.indicators)
