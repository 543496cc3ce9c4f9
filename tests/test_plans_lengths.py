"""Plans of other lengths and layouts read as naturally as the 14th: three years, ten years, no
main-indicator table, a baseline year of 2025; and one indicator drawn across plans."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import xml.dom.minidom
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def generate(root: Path, start: int, end: int, tiers: tuple[str, ...], years_reported: int) -> Path:
    """A plan of start-end with a total and a level in each tier, and figures for its first
    years_reported years: the total 2 a year, the level 50 + 3 a year."""
    span = end - start + 1
    indicators: list[dict[str, Any]] = []
    for n, tier in enumerate(tiers):
        common = {"group": "g", "tier": tier, "attribute": "预期性", "direction": "higher"}
        indicators += [
            common
            | {
                "id": f"total_{n}",
                "name": f"新增{n}",
                "name_en": f"new {n}",
                "unit": "万人",
                "kind": "cumulative",
                "target": {"value": 2.0 * span, "text": f"【{2 * span}】"},
                "source": f"表{n + 1} 第1项",
            },
            common
            | {
                "id": f"level_{n}",
                "name": f"覆盖率{n}",
                "name_en": f"coverage {n}",
                "unit": "%",
                "kind": "annual",
                "baseline": {"value": 50, "text": "50"},
                "target": {"value": 80, "text": "80"},
                "source": f"表{n + 1} 第2项",
            },
        ]
    plan = {
        "plan": {
            "id": f"plan-{start}-{end}",
            "title": f"测试规划（{start}-{end}年）",
            "title_en": f"Test plan, {start}-{end}",
            "issuer": "test",
            "document": "none",
            "issued": "x",
            "baseline_year": start - 1,
            "start_year": start,
            "end_year": end,
        },
        "thresholds": {"ahead": 1.05, "on_track": 0.95, "behind": 0.6},
        "groups": [{"id": "g", "name": "组", "name_en": "group"}],
        "indicators": indicators,
    }
    (root / "actuals").mkdir(parents=True)
    (root / "targets.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True), "utf-8")
    for year in range(start, start + years_reported):
        values = {}
        for n in range(len(tiers)):
            values |= {f"total_{n}": 2, f"level_{n}": 50 + 3 * (year - start + 1)}
        document = {"year": year, "provenance": "sample", "values": values}
        (root / "actuals" / f"{year}.yaml").write_text(yaml.safe_dump(document), "utf-8")
    return root


CASES = {
    "three-year": (2021, 2023, ("main", "goal"), 2),
    "ten-year": (2021, 2030, ("main",), 3),
    "no-main-table": (2021, 2025, ("goal", "action"), 2),
    "baseline-2025": (2026, 2030, ("main", "action"), 1),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(
    request: pytest.FixtureRequest, tmp_path: Path
) -> tuple[Path, tuple[int, int, tuple[str, ...], int]]:
    start, end, tiers, reported = CASES[request.param]
    return generate(tmp_path / request.param, start, end, tiers, reported), CASES[request.param]


def test_status_is_as_of_the_latest_year_on_the_plans_own_clock(case: Any) -> None:
    folder, (start, end, tiers, reported) = case
    code, out, err = invoke("status", "-f", "json", "--data", str(folder))
    assert code == 0, err
    records = {r["id"]: r for r in json.loads(out)}
    # The default tier is main, or the plan's first tier where it has no main table.
    assert set(records) == {"total_0", "level_0"}
    assert records["total_0"]["tier"] == tiers[0]
    as_of = start + reported - 1
    elapsed = (as_of - (start - 1)) / (end - (start - 1))  # 序时进度 over the plan's own years
    total = records["total_0"]
    assert total["as_of"] == as_of
    assert total["time_elapsed_pct"] == pytest.approx(100 * elapsed)
    # 2 a year against 2 × the plan's years: exactly on the path, whatever its length.
    assert total["cumulative"] == 2 * reported
    assert total["completion_pct"] == pytest.approx(100 * 2 * reported / (2 * (end - start + 1)))


def test_show_runs_over_the_plans_years(case: Any) -> None:
    folder, (start, end, _, _) = case
    code, out, _ = invoke("show", "total_0", "-f", "csv", "--data", str(folder))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["year"]) for r in rows] == list(range(start, end + 1))
    span = end - start + 1
    for row in rows:
        # The expected total: the target (2 × span) times the share of the plan elapsed.
        expected = 2 * span * (int(row["year"]) - (start - 1)) / span
        assert float(row["expected"]) == pytest.approx(expected)


def test_the_reports_chart_labels_the_plans_own_years(case: Any, tmp_path: Path) -> None:
    folder, (start, end, _, _) = case
    page = tmp_path / "report.html"
    code, _, err = invoke("report", "-o", str(page), "--data", str(folder))
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    labels = [int(y) for y in re.findall(r'fill="#555">(\d{4})</text>', svg)]
    step = math.ceil((end - start + 2) / 12)  # at most 12 year labels under the axis
    assert labels == list(range(start - 1, end + 1, step))


def test_the_template_heads_tiers_without_the_14th_plans_words(case: Any) -> None:
    folder, (start, _, tiers, _) = case
    code, out, _ = invoke("new", str(start), "--tier", "all", "-o", "-", "--data", str(folder))
    assert code == 0
    assert "专栏2" not in out and "第一章第四节" not in out
    generic = {"main": "主要指标", "goal": "其他目标", "action": "行动计划目标"}
    headings = re.findall(r"# ---- (.+)", out)
    assert headings == [generic[tier] for tier in tiers]


def test_check_and_audit_and_indicators_run(case: Any) -> None:
    folder, _ = case
    assert invoke("check", str(folder / "targets.yaml"), "--data", str(folder))[0] == 0
    assert invoke("audit", "--data", str(folder))[0] == 0
    code, out, _ = invoke("indicators", "-f", "json", "--data", str(folder))
    assert code == 0 and len(json.loads(out)) == 2 * len(CASES[folder.name][2])  # two a tier


def test_the_plans_own_tier_headings_are_used(tmp_path: Path) -> None:
    folder = generate(tmp_path / "p", 2021, 2023, ("main",), 1)
    targets = folder / "targets.yaml"
    document = yaml.safe_load(targets.read_text(encoding="utf-8"))
    document["tiers"] = {"main": {"name": "表1 主要指标", "name_en": "Table 1"}}
    targets.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    code, out, _ = invoke("new", "2022", "-o", "-", "--data", str(folder))
    assert code == 0 and "# ---- 表1 主要指标" in out
    page = tmp_path / "r.md"
    invoke("report", "-o", str(page), "-f", "markdown", "--data", str(folder))
    assert "表1 主要指标逐项" in page.read_text(encoding="utf-8")


# ---- one indicator across the shipped plans


def test_new_jobs_across_the_13th_and_14th_plans(data_dir: Path) -> None:
    code, out, _ = invoke(
        "show", "urban_new_jobs", "--across-plans", "-f", "json", "--data", str(data_dir)
    )
    assert code == 0
    rows = json.loads(out)
    assert [(r["plan"], r["year"]) for r in rows] == [
        *(("tongnan-hrss-13th", y) for y in range(2016, 2021)),
        *(("tongnan-hrss-14th", y) for y in range(2021, 2026)),
    ]
    by_year = {r["year"]: r for r in rows}
    # 专栏1 第1项 新增就业人数: 【 105900 】人 by 2020 = 10.59 万人, against 【 50000 】人 = 5 万人.
    assert by_year[2020]["id"] == "new_jobs" and by_year[2020]["own_value"] == 105900
    assert by_year[2020]["value"] == pytest.approx(10.59) and by_year[2020]["to_date"] is True
    assert by_year[2020]["target"] == pytest.approx(5) and by_year[2020]["unit"] == "万人"
    # The 14th plan's own running total: 1.12 + 1.05 + 1.08 + 1.10 + 1.10 = 5.45 against 【5】.
    assert by_year[2025]["cumulative"] == pytest.approx(5.45) and by_year[2025]["target"] == 5
    assert [r["chosen"] for r in rows] == [False] * 5 + [True] * 5


def test_across_plans_as_a_chart(data_dir: Path) -> None:
    code, out, _ = invoke("show", "urban_new_jobs", "--across-plans", "--data", str(data_dir))
    assert code == 0
    # 10.59 万人 of 5 and 5.45 of 5: both beaten, 超额完成.
    assert "tongnan-hrss-13th 2016-2020：目标 【 50000 】 人 = 5 万人；超额完成" in out
    assert "tongnan-hrss-14th 2021-2025：目标 【5】 万人；超额完成" in " ".join(out.split())
    code, out, _ = invoke(
        "show", "urban_new_jobs", "--across-plans", "-f", "svg", "--data", str(data_dir)
    )
    assert code == 0
    svg = xml.dom.minidom.parseString(out).documentElement
    assert svg.tagName == "svg"
    periods = [
        rect for rect in svg.getElementsByTagName("rect") if rect.getAttribute("class") == "period"
    ]
    assert len(periods) == 2  # each plan's period shaded
    assert len(svg.getElementsByTagName("circle")) == 1 + 5  # 2020, then 2021-2025


def test_units_that_do_not_convert_are_not_drawn_on_one_scale(data_dir: Path) -> None:
    # 开展补贴性职业技能培训人次 (万人次) continues 技能培训人数 (人): 人 is not 人次.
    code, out, _ = invoke(
        "show",
        "subsidised_skills_training",
        "--across-plans",
        "-f",
        "json",
        "--data",
        str(data_dir),
    )
    assert code == 0
    thirteenth = [r for r in json.loads(out) if r["plan"] == "tongnan-hrss-13th"]
    assert thirteenth[-1]["own_value"] == 19168 and thirteenth[-1]["value"] is None


def test_an_indicator_that_continues_nothing_has_one_stretch(data_dir: Path) -> None:
    code, out, _ = invoke(
        "show", "graduate_employment_rate", "--across-plans", "-f", "json", "--data", str(data_dir)
    )
    assert code == 0
    assert {r["plan"] for r in json.loads(out)} == {"tongnan-hrss-14th"}
