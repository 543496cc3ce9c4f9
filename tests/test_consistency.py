"""One truth: every figure that status, show and the audit share is the same figure.

On the shipped data, on the shipped data with a 2025 file added, and on a generated plan with
gaps, totals to date, bounds and the final year: the evaluation behind `tnplan status`, the
year rows behind `tnplan show` and the figure the audit recomputes agree, in the library and
in the command line's JSON.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from tongnan_plan.calc.audit import audit_plan
from tongnan_plan.calc.evaluation import evaluate_plan, observations, story
from tongnan_plan.calc.progress import Evaluation, Status
from tongnan_plan.calc.series import Observation
from tongnan_plan.cli import app
from tongnan_plan.model.plan import Kind, Plan
from tongnan_plan.sources.store import load_actuals, load_plan

runner = CliRunner()
YEARS = range(2021, 2026)


def _indicator(ident: str, kind: str, target: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": ident,
        "name_en": ident,
        "unit": "万人",
        "group": "g",
        "tier": "main",
        "kind": kind,
        "attribute": "预期性",
        "direction": "higher",
        "target": target,
        "source": "专栏2 第1项",
        **more,
    }


PLAN = {
    "plan": {
        "id": "gen",
        "title": "生成的规划",
        "title_en": "Generated plan",
        "issuer": "t",
        "document": "t",
        "issued": "2022",
        "baseline_year": 2020,
        "start_year": 2021,
        "end_year": 2025,
    },
    "thresholds": {"ahead": 1.05, "on_track": 0.95, "behind": 0.6},
    "groups": [{"id": "g", "name": "组", "name_en": "group"}],
    "indicators": [
        # A five-year total with 2022 missing that never makes its target on what is known.
        _indicator(
            "gap_short",
            "cumulative",
            {"value": 10, "text": "【10】"},
            published_completion={"value": 80, "text": "80%"},
        ),
        # A total with 2022 missing whose known flows meet the target by 2023.
        _indicator("gap_met", "cumulative", {"value": 5, "text": "【5】"}),
        # A total with 2022 missing, anchored again by a total to date in 2023.
        _indicator(
            "anchored",
            "cumulative",
            {"value": 10, "text": "【10】"},
            published_completion={"value": 110, "text": "110%"},
        ),
        # A ceiling on a total that the known flows already break.
        _indicator(
            "ceiling",
            "cumulative",
            {"value": 10, "comparator": "<=", "text": "≤10"},
            direction="lower",
        ),
        # A level on a path from 10 to 20, without its 2025 figure.
        _indicator(
            "level",
            "annual",
            {"value": 20, "text": "20"},
            baseline={"value": 10, "text": "10"},
            published_completion={"value": 90, "text": "90%"},
        ),
        # A floor held every year, the last figure reported as a bound.
        _indicator(
            "floor",
            "annual",
            {"value": 90, "comparator": ">=", "text": "≥90"},
            baseline={"value": 92, "text": "92"},
            unit="%",
        ),
    ],
}

ACTUALS: dict[int, dict[str, Any]] = {
    2021: {"gap_short": 2, "gap_met": 3, "anchored": 2, "ceiling": 3, "level": 12, "floor": 91},
    2022: {"level": 14, "floor": 92},
    2023: {
        "gap_short": 2,
        "gap_met": 3,
        "anchored": {"value": 7, "to_date": True},
        "ceiling": 9,
        "level": 16,
        "floor": 93,
    },
    2024: {"gap_short": 2, "anchored": 2, "level": 18, "floor": 94},
    2025: {"gap_short": 2, "anchored": 2, "floor": {"value": 95, "comparator": ">="}},
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    (root / "targets.yaml").write_text(yaml.safe_dump(PLAN, allow_unicode=True), "utf-8")
    (root / "actuals").mkdir()
    for year, values in ACTUALS.items():
        document = {"year": year, "provenance": "sample", "values": values}
        text = yaml.safe_dump(document, allow_unicode=True)
        (root / "actuals" / f"{year}.yaml").write_text(text, "utf-8")
    return root


@pytest.fixture(scope="module")
def with_2025(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The shipped data with a sample 2025 file: 2024's figures again, 农民工培训 0.3."""
    root = tmp_path_factory.mktemp("shipped") / "data"
    shutil.copytree(data_dir, root)
    submission = yaml.safe_load((root / "actuals" / "2024.yaml").read_text("utf-8"))
    submission["year"] = 2025
    submission["values"]["migrant_worker_training"] = 0.3
    text = yaml.safe_dump(submission, allow_unicode=True)
    (root / "actuals" / "2025.yaml").write_text(text, "utf-8")
    return root


def _load(directory: Path) -> tuple[Plan, dict[str, dict[int, Observation]], list[Any]]:
    plan = load_plan(directory)
    actuals = load_actuals(directory, plan)
    assert not [d for d in actuals.diagnostics if d.severity == "error"]
    return plan, observations(actuals.submissions), list(actuals.submissions)


def _assert_story_agrees(plan: Plan, ev: Evaluation, figures: Mapping[int, Observation]) -> None:
    """show's rows and evaluation say what status says."""
    ind = ev.indicator
    rows, shown = story(plan, ind, figures, ev.as_of)
    assert shown == ev, ind.id
    by_year = {r.year: r for r in rows}
    upto = [r for r in rows if r.year <= ev.as_of]
    assert ev.missing_years == tuple(r.year for r in upto if r.value is None), ind.id
    if ev.year is not None:
        assert by_year[ev.year].value is not None, ind.id
    if ind.kind is Kind.CUMULATIVE and upto:
        now = upto[-1]  # the as-of year (the end year, if as_of is later)
        assert (now.cumulative, now.known_total) == (ev.cumulative, ev.known_total), ind.id
        if ev.status is Status.INCOMPLETE:
            assert now.cumulative is None, ind.id
    elif ev.year is not None:
        assert by_year[ev.year].value == ev.actual, ind.id


def _assert_audit_agrees(plan: Plan, figures: Mapping[str, Mapping[int, Observation]]) -> int:
    """The audit recomputes from the figure the final evaluation uses, and from nothing else."""
    completions, _ = audit_plan(plan, figures)
    audited = {row.indicator.id: row.actual for row in completions}
    end = plan.plan.end_year
    for ind in plan.indicators:
        if ind.published_completion is None or ind.published_completion.value is None:
            assert ind.id not in audited
            continue
        rows, ev = story(plan, ind, figures.get(ind.id, {}), end)
        shared = ev.cumulative if ind.kind is Kind.CUMULATIVE else rows[-1].value
        assert audited.get(ind.id) == shared, ind.id
    return len(audited)


@pytest.mark.parametrize("as_of", YEARS)
def test_shipped_data_status_and_show_agree(data_dir: Path, as_of: int) -> None:
    plan, figures, submissions = _load(data_dir)
    for ev in evaluate_plan(plan, submissions, as_of, "all"):
        _assert_story_agrees(plan, ev, figures.get(ev.indicator.id, {}))


@pytest.mark.parametrize("as_of", YEARS)
def test_shipped_data_with_a_2025_file_agrees(with_2025: Path, as_of: int) -> None:
    plan, figures, submissions = _load(with_2025)
    for ev in evaluate_plan(plan, submissions, as_of, "all"):
        _assert_story_agrees(plan, ev, figures.get(ev.indicator.id, {}))


@pytest.mark.parametrize("as_of", YEARS)
def test_generated_data_status_and_show_agree(generated: Path, as_of: int) -> None:
    plan, figures, submissions = _load(generated)
    for ev in evaluate_plan(plan, submissions, as_of, "all"):
        _assert_story_agrees(plan, ev, figures.get(ev.indicator.id, {}))


def test_generated_data_statuses_by_hand(generated: Path) -> None:
    plan, _, submissions = _load(generated)
    by_id = {ev.indicator.id: ev for ev in evaluate_plan(plan, submissions, 2024, "all")}
    # gap_short: 2022 missing; 2 + 2 + 2 = 6 known, short of 10.
    assert (by_id["gap_short"].status, by_id["gap_short"].known_total) == (Status.INCOMPLETE, 6)
    # gap_met: 3 + 3 = 6 ≥ 5 whatever 2022 held (2024 is missing too).
    assert (by_id["gap_met"].status, by_id["gap_met"].known_total) == (Status.ACHIEVED, 6)
    # anchored: 7 to date in 2023, + 2 = 9 in 2024; 9 / 10 = 0.9 at τ = 0.8: pace 1.125, ahead.
    anchored = by_id["anchored"]
    assert (anchored.cumulative, anchored.status) == (9, Status.AHEAD)
    assert anchored.pace_ratio == pytest.approx(1.125)
    # ceiling: 3 + 9 = 12 > 10 already, 2022 and 2024 unknown: broken for certain, behind.
    assert (by_id["ceiling"].status, by_id["ceiling"].known_total) == (Status.BEHIND, 12)
    # level: 18 in 2024 on the path 10 → 20, τ = 0.8: progress 0.8, pace 1.0, on track.
    assert by_id["level"].status is Status.ON_TRACK
    final = {ev.indicator.id: ev for ev in evaluate_plan(plan, submissions, 2025, "all")}
    assert all(ev.final for ev in final.values())
    # gap_short: 2 × 4 = 8 known by 2025, < 10: incomplete; anchored: 7 + 2 + 2 = 11 > 10,
    # beaten (超额完成).
    assert (final["gap_short"].status, final["gap_short"].known_total) == (Status.INCOMPLETE, 8)
    assert (final["anchored"].status, final["anchored"].cumulative) == (Status.EXCEEDED, 11)
    # level: no 2025 figure, the final verdict needs one.
    assert (final["level"].status, final["level"].year) == (Status.INCOMPLETE, 2024)
    # floor: "≥95" reported in 2025 meets ≥90.
    assert final["floor"].status is Status.COMPLETED


def test_generated_audit_uses_the_final_figures(generated: Path) -> None:
    plan, figures, _ = _load(generated)
    # anchored is audited on its 11 (110 % printed); gap_short's 2025 total is unknown and level
    # has no 2025 figure, so neither is recomputed.
    assert _assert_audit_agrees(plan, figures) == 1


def test_the_13th_plan_audit_uses_the_final_figures(data_dir: Path) -> None:
    plan, figures, _ = _load(data_dir / "13th")
    printed = [
        i for i in plan.indicators if i.published_completion and i.published_completion.value
    ]
    assert _assert_audit_agrees(plan, figures) == len(printed)


def _json(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("which", ["shipped", "generated", "with_2025"])
@pytest.mark.parametrize("as_of", [2022, 2024, 2025])
def test_the_command_lines_json_agrees(
    request: pytest.FixtureRequest, which: str, as_of: int
) -> None:
    directory: Path = request.getfixturevalue("data_dir" if which == "shipped" else which)
    plan, _, submissions = _load(directory)
    records = _json(
        "status", "-f", "json", "--tier", "all", "--data", str(directory), "--year", str(as_of)
    )
    evaluations = evaluate_plan(plan, submissions, as_of, "all")
    assert [r["id"] for r in records] == [ev.indicator.id for ev in evaluations]
    for record, ev in zip(records, evaluations, strict=True):
        assert record["status"] == ev.status.value, ev.indicator.id
        assert record["year"] == ev.year, ev.indicator.id
        assert record["cumulative"] == pytest.approx(ev.cumulative), ev.indicator.id
        assert record["actual"] == pytest.approx(ev.actual), ev.indicator.id
        assert record["missing_years"] == list(ev.missing_years), ev.indicator.id
        if ev.final:
            assert record["outlook"] is None and record["projected"] is None
            assert record["required_per_year"] is None and record["projected_trend"] is None
    for record in records:
        if record["tier"] != "main":
            continue
        shown = _json(
            "show", record["id"], "-f", "json", "--data", str(directory), "--year", str(as_of)
        )
        assert shown["evaluation"] == record, record["id"]
        if record["kind"] == "cumulative":
            row = next(r for r in shown["series"] if r["year"] == min(as_of, 2025))
            assert row["cumulative"] == record["cumulative"], record["id"]


def test_the_audit_json_agrees_with_status_in_the_end_year(generated: Path) -> None:
    records = {
        r["id"]: r
        for r in _json(
            "status", "-f", "json", "--tier", "all", "--data", str(generated), "--year", "2025"
        )
    }
    audited = _json("audit", "-f", "json", "--data", str(generated))
    assert [row["id"] for row in audited] == ["anchored"]
    assert audited[0]["actual"] == records["anchored"]["cumulative"] == 11


@pytest.fixture(scope="module")
def before_2025(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The shipped data without its sample 2025 file: the plan before its final year's figures."""
    root = tmp_path_factory.mktemp("before_2025") / "data"
    shutil.copytree(data_dir, root)
    (root / "actuals" / "2025.yaml").unlink()
    return root


def test_the_readmes_worked_example(data_dir: Path, before_2025: Path) -> None:
    plan, _, submissions = _load(before_2025)
    as_of_2024 = {ev.indicator.id: ev for ev in evaluate_plan(plan, submissions, 2024, "all")}
    migrant = as_of_2024["migrant_worker_training"]
    # 0.32 (2021) + 0.3 (2023) + 0.31 (2024) = 0.93 < 1.5 (专栏2 第4项), 2022 missing.
    assert migrant.status is Status.INCOMPLETE
    assert migrant.known_total == pytest.approx(0.93)
    assert migrant.missing_years == (2022,) and migrant.cumulative is None
    # 1 + 1 + 2 + 1 = 5 postdocs by 2024 meets 【5】 before the final year.
    assert as_of_2024["postdoc_recruits"].status is Status.ACHIEVED
    as_of_2025 = {ev.indicator.id: ev for ev in evaluate_plan(plan, submissions, 2025, "all")}
    # … and as of 2025 before any 2025 figure: its lower bound 5 already meets the target,
    # 5 of 5: completed (whether beaten only the missing 2025 figure could say).
    assert as_of_2025["postdoc_recruits"].status is Status.COMPLETED
    assert as_of_2025["postdoc_recruits"].known_total == 5
    # A level without its 2025 figure: 4.61 in 2024 is shown, not judged.
    insured = as_of_2025["unemployment_insurance_insured"]
    assert (insured.status, insured.year, insured.actual) == (Status.INCOMPLETE, 2024, 4.61)
    plan, _, submissions = _load(data_dir)
    final = {ev.indicator.id: ev for ev in evaluate_plan(plan, submissions, 2025, "all")}
    # The sample 2025 file: 1.12 + 1.05 + 1.08 + 1.10 + 1.10 = 5.45 > 5: 超额完成.
    assert final["urban_new_jobs"].status is Status.EXCEEDED
    assert final["urban_new_jobs"].cumulative == pytest.approx(5.45)
    # 0.32 + 0.3 + 0.31 + 0.3 = 1.23 < 1.5, 2022 still missing.
    assert final["migrant_worker_training"].status is Status.INCOMPLETE
    assert final["migrant_worker_training"].known_total == pytest.approx(1.23)
    # 4.69 in 2025 < 【4.7】: the level's final figure is in, and short of the target.
    insured = final["unemployment_insurance_insured"]
    assert (insured.status, insured.year, insured.actual) == (Status.NOT_ACHIEVED, 2025, 4.69)
