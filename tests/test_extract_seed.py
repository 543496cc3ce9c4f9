"""The draft of the 14th plan's own text against the plan files made by hand, field by field.

The plan text is a copy in tests/fixtures/extract; the hand-made files are the shipped
data/targets.yaml (专栏2 and the further tiers) and data/13th/ (专栏1 and its 2020 results).
Run with -s to see the score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tongnan_plan.extract import draft_yaml, extract_plan, results_yaml
from tongnan_plan.model.plan import Indicator, Plan
from tongnan_plan.sources.store import load_plan

from .conftest import FIXTURES

SEED = FIXTURES / "extract" / "tongnan-14th-plan.txt"


def _load_draft(tmp: Path, text: str) -> Plan:
    (tmp / "actuals").mkdir(parents=True)
    (tmp / "targets.yaml").write_text(text, encoding="utf-8")
    return load_plan(tmp)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Plan, dict[str, Any]]:
    draft = extract_plan(SEED)
    base = tmp_path_factory.mktemp("drafts")
    plan = _load_draft(base / "14th", draft_yaml(draft))
    previous = _load_draft(base / "13th", draft_yaml(draft, previous=True))
    results = yaml.safe_load(results_yaml(draft))
    return plan, previous, results


def _figure(fig: Any) -> tuple[Any, ...] | None:
    if fig is None:
        return None
    return (fig.value, str(fig.comparator), fig.text, str(fig.basis))


def _target(fig: Any) -> tuple[Any, ...]:
    return (fig.value, str(fig.comparator), fig.text)


def _parent_source(plan: Plan, ind: Indicator) -> str | None:
    return plan.indicator(ind.parent).source if ind.parent else None


def _compare_rows(drafted: Plan, shipped: Plan, table: str, fields: list[str]) -> list[str]:
    """Every difference between the shipped rows of a table and the drafted ones, as text."""
    mine = {i.source: i for i in drafted.indicators}
    problems = []
    rows = [i for i in shipped.indicators if i.source.startswith(table + " ")]
    for hand in rows:
        got = mine.get(hand.source)
        if got is None:
            problems.append(f"{hand.source}: not drafted")
            continue
        expected = {
            "name": hand.name,
            "unit": hand.unit,
            "baseline": _figure(hand.baseline),
            "target": _target(hand.target),
            "attribute": hand.attribute,
            "parent": _parent_source(shipped, hand),
            "published_completion": _target(hand.published_completion)
            if hand.published_completion
            else None,
        }
        actual = {
            "name": got.name,
            "unit": got.unit,
            "baseline": _figure(got.baseline),
            "target": _target(got.target),
            "attribute": got.attribute,
            "parent": _parent_source(drafted, got),
            "published_completion": _target(got.published_completion)
            if got.published_completion
            else None,
        }
        for field in fields:
            if expected[field] != actual[field]:
                problems.append(f"{hand.source} {field}: {actual[field]!r} != {expected[field]!r}")
        flagged = any(q.startswith("kind") for q in got.review)
        if got.kind is not hand.kind and not flagged:
            problems.append(f"{hand.source} kind: {got.kind} != {hand.kind}, not flagged")
    print(
        f"{table}: {len(rows) - len({p.split()[0] + ' ' + p.split()[1] for p in problems})}"
        f"/{len(rows)} rows agree with the hand-made file"
    )
    return problems


def test_zhuanlan2_rows_agree_with_the_shipped_plan(drafts: Any, plan: Plan) -> None:
    drafted, _, _ = drafts
    fields = ["name", "unit", "baseline", "target", "attribute", "parent"]
    assert _compare_rows(drafted, plan, "专栏2", fields) == []
    # 17 rows: 1-17 of 专栏2, numbered in the table (9, 12 and 17 are 其中 rows).
    assert len([i for i in drafted.indicators if i.tier == "main"]) == 17


def test_zhuanlan2_kinds_that_differ_from_the_note_are_asked(drafts: Any) -> None:
    drafted, _, _ = drafts
    by_source = {i.source: i for i in drafted.indicators}
    # 【】 around a stock: 第6, 7, 8, 9 项 (参保人数, 总量, 数量) and 16 (持卡数) are asked about.
    for item in (6, 7, 8, 9, 16):
        review = by_source[f"专栏2 第{item}项"].review
        assert any(q.startswith("kind: 【】 marks a five-year total") for q in review), item
    # The table's 4.3 against the prose's 4.35 (失业保险, 第一章第一节): 4.35 rounds to 4.4.
    assert any("4.35" in q for q in by_source["专栏2 第6项"].review)
    # 1.92 against 专栏1 第6项's 19168 人: 19168 / 10^4 = 1.9168, 1.92 at two decimals.
    assert any("19168" in q for q in by_source["专栏2 第3项"].review)


def test_zhuanlan1_rows_agree_with_the_13th_plan(drafts: Any, data_dir: Path) -> None:
    _, previous, results = drafts
    shipped = load_plan(data_dir / "13th")
    fields = ["name", "unit", "target", "attribute", "parent", "published_completion"]
    assert _compare_rows(previous, shipped, "专栏1", fields) == []
    assert (previous.plan.start_year, previous.plan.end_year) == (2016, 2020)
    # The 2020 column as the submission data/13th/actuals/2020.yaml holds it.
    hand = yaml.safe_load((data_dir / "13th" / "actuals" / "2020.yaml").read_text("utf-8"))
    ids = {i.source: i.id for i in previous.indicators}
    shipped_ids = {i.id: i.source for i in shipped.indicators}
    mine = {ids[shipped_ids[k]]: v for k, v in hand["values"].items()}
    got = results["values"]
    for key, value in mine.items():
        expected = value if isinstance(value, dict) else {"value": value}
        assert got[key] == expected, shipped_ids
    assert results["year"] == 2020


def test_other_targets_are_found_with_number_unit_and_source(drafts: Any, plan: Plan) -> None:
    drafted, _, _ = drafts
    others = [i for i in plan.indicators if i.tier != "main"]
    found = {(i.source, i.target.value, i.unit) for i in drafted.indicators}
    missing = [
        f"{i.source} {i.target.text}"
        for i in others
        if (i.source, i.target.value, i.unit) not in found
    ]
    share = (len(others) - len(missing)) / len(others)
    print(f"further tiers: {len(others) - len(missing)}/{len(others)} found ({share:.0%})")
    for line in missing:
        print("  not found:", line)
    assert share >= 0.9


def test_the_draft_carries_the_metadata(drafts: Any) -> None:
    drafted, _, _ = drafts
    info = drafted.plan
    assert info.title == "重庆市潼南区人力资源和社会保障事业发展“十四五”规划（2021-2025年）"
    assert (info.document, info.issued, info.issuer) == (
        "潼南府办发〔2022〕11号",
        "2022-02-08",
        "重庆市潼南区人民政府",
    )
    assert (info.baseline_year, info.start_year, info.end_year) == (2020, 2021, 2025)
    # The covering notice is the office's; the cover names the government: asked.
    assert any(q.startswith("issuer:") for q in info.review)
