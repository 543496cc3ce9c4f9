"""The plan as shipped in data/: complete, consistent with its own printed text, and cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tongnan_plan.calc.evaluation import evaluate_plan
from tongnan_plan.calc.progress import Status
from tongnan_plan.model.plan import Comparator, Figure, Kind, Plan, Provenance, Tier
from tongnan_plan.sources.store import load_actuals

SYMBOLS = {"≤": Comparator.LE, "≥": Comparator.GE, ">": Comparator.GT, "<": Comparator.LT}


def _printed_number(text: str) -> tuple[Comparator, float | None]:
    """Read a 专栏2 cell such as "【4.3】", "≤5.5", ">95", "—"."""
    inner = text.strip().removeprefix("【").removesuffix("】")
    if inner == "—":
        return Comparator.EQ, None
    comparator = SYMBOLS.get(inner[0], Comparator.EQ)
    return comparator, float(inner.lstrip("≤≥<>"))


def test_main_tier_is_the_seventeen_rows_of_zhuanlan2(plan: Plan) -> None:
    main = [ind for ind in plan.indicators if ind.tier is Tier.MAIN]
    assert [ind.source for ind in main] == [f"专栏2 第{n}项" for n in range(1, 18)]
    groups = [plan.group(ind.group).name for ind in main]
    assert list(dict.fromkeys(groups)) == [
        "就业创业",
        "社会保障",
        "人才队伍",
        "劳动关系",
        "公共服务",
    ]


def test_main_tier_numbers_are_read_from_their_printed_text(plan: Plan) -> None:
    for ind in plan.indicators:
        if ind.tier is not Tier.MAIN:
            continue
        figures: list[Figure] = [ind.target] + ([ind.baseline] if ind.baseline else [])
        for figure in figures:
            comparator, value = _printed_number(figure.text)
            assert (figure.value, figure.comparator) == (value, comparator), ind.id


def test_bracketed_levels_say_why(plan: Plan) -> None:
    # 【】 means a five-year total by the table's note; a row read as a level must explain.
    for ind in plan.indicators:
        if "【" in ind.target.text and ind.kind is Kind.ANNUAL:
            assert ind.note and "level" in ind.note, ind.id


def test_children_share_a_parent_in_the_same_table(plan: Plan) -> None:
    children = [ind for ind in plan.indicators if ind.parent]
    assert {ind.id for ind in children} >= {
        "senior_title_talent",
        "new_senior_skill_certificates",
        "electronic_card_coverage",
    }
    for ind in children:
        assert plan.indicator(ind.parent or "").tier is ind.tier


def test_every_target_cites_a_place_in_the_plan(plan: Plan) -> None:
    place = re.compile(r"^(专栏\d+ 第\d+项|第[一二三四五六七八九十]+章)")
    for ind in plan.indicators:
        assert place.match(ind.source), (ind.id, ind.source)
        assert ind.target.text.strip(), ind.id
    assert {ind.tier for ind in plan.indicators} == set(Tier)


def test_sample_data_exercises_every_case(plan: Plan, data_dir: Path) -> None:
    actuals = load_actuals(data_dir, plan)
    assert {s.provenance for s in actuals.submissions} == {Provenance.SAMPLE}
    # Mid-period (2024) every pace verdict occurs; in the final year (2025) every final one.
    evaluations = evaluate_plan(plan, actuals.submissions, as_of=2024, tier="main")
    statuses = {ev.status for ev in evaluations}
    assert statuses >= {
        Status.ACHIEVED,
        Status.AHEAD,
        Status.ON_TRACK,
        Status.BEHIND,
        Status.FAR_BEHIND,
    }
    assert any(ev.missing_years and ev.indicator.kind is Kind.CUMULATIVE for ev in evaluations)
    final = evaluate_plan(plan, actuals.submissions, as_of=2025, tier="main")
    assert {ev.status for ev in final} == {
        Status.EXCEEDED,
        Status.COMPLETED,
        Status.NOT_ACHIEVED,
        Status.INCOMPLETE,
    }


@pytest.mark.parametrize("year", range(2021, 2026))
def test_every_year_evaluates(plan: Plan, data_dir: Path, year: int) -> None:
    actuals = load_actuals(data_dir, plan)
    evaluations = evaluate_plan(plan, actuals.submissions, as_of=year, tier="all")
    assert len(evaluations) == len(plan.indicators)
