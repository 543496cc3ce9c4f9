"""`tnplan status` and `tnplan report` show the same cell for every figure they share, and the
end of a plan reads as a final evaluation."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.calc.progress import evaluate
from tongnan_plan.calc.series import Observation
from tongnan_plan.cli import app
from tongnan_plan.model.plan import Provenance
from tongnan_plan.model.status import Status
from tongnan_plan.present.cells import HEADERS, REPORT_COLUMNS
from tongnan_plan.sources.store import load_plan

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def markdown_rows(text: str) -> list[dict[str, str]]:
    """Every row of every Markdown table in text, by header."""
    rows: list[dict[str, str]] = []
    headers: list[str] = []
    for line in text.splitlines():
        if not line.startswith("|"):
            headers = []
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if not headers:
            headers = cells
        elif not set(line) <= set("|-: "):
            rows.append(dict(zip(headers, cells, strict=True)))
    return rows


class GroupTables(HTMLParser):
    """The report's tables by area: each row's cells by header, found by data-id."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[dict[str, str]] = []
        self._cells: list[str] | None = None
        self._in_cell = False
        self._in_header = False
        self._in_short = False
        self._header: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span" and dict(attrs).get("class") == "short":
            self._in_short = True  # the short name a phone shows instead: not a cell's text
        elif tag == "tr":
            self._cells = [] if dict(attrs).get("data-id") else None
            self._header = []
        elif tag == "td" and self._cells is not None:
            self._cells.append("")
            self._in_cell = True
        elif tag == "th":
            self._header.append("")
            self._in_header = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_short = False
        elif tag in ("td", "th"):
            self._in_cell = self._in_header = False
        elif tag == "tr":
            if self._header:
                self.headers = self._header
            if self._cells is not None:
                self.rows.append(dict(zip(self.headers, self._cells, strict=True)))
            self._cells = None

    def handle_data(self, data: str) -> None:
        if self._in_short:
            return
        if self._in_cell and self._cells is not None:
            self._cells[-1] += data
        elif self._in_header:
            self._header[-1] += data


@pytest.mark.parametrize("plan_dir", ["", "13th"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_and_report_show_the_same_cells(
    data_dir: Path, tmp_path: Path, plan_dir: str, lang: str
) -> None:
    data = str(data_dir / plan_dir)
    status = markdown_rows(run("status", "-f", "markdown", "--lang", lang, "--data", data))
    report = markdown_rows(
        run("report", "-o", "-", "-f", "markdown", "--lang", lang, "--data", data)
    )
    page = GroupTables()
    page.feed(run("report", "-o", "-", "--lang", lang, "--data", data))
    # The shipped data runs to 2025 (13th: 2020), a final evaluation: no 序时进度 column, as it
    # would be 100 % in every row.
    shared = [HEADERS[lang][key] for key in REPORT_COLUMNS if key != "elapsed"]
    elapsed = HEADERS[lang]["elapsed"]
    name = HEADERS[lang]["name"]
    by_name = {row[name]: row for row in status}
    report_groups = [row for row in report if set(shared) <= set(row)]
    assert len(report_groups) == len(status) == len(page.rows) > 0
    assert elapsed not in status[0] and elapsed not in report_groups[0]
    for md_row, html_row in zip(report_groups, page.rows, strict=True):
        status_row = by_name[md_row[name]]
        for header in shared:
            assert md_row[header] == status_row[header], (md_row[name], header)
            # HTML has no Markdown escapes; the shipped plans have nothing to escape.
            assert html_row[header] == status_row[header], (md_row[name], header)


def test_the_13th_plans_bound_reads_the_same_everywhere(data_dir: Path) -> None:
    # 高校毕业生就业率 is printed as "≥90" for 2020: a bound, not the number 90.
    data = str(data_dir / "13th")
    status = markdown_rows(run("status", "-f", "markdown", "--data", data))
    report = markdown_rows(run("report", "-o", "-", "-f", "markdown", "--data", data))
    for rows in (status, report):
        row = next(r for r in rows if r.get("指标") == "高校毕业生就业率")
        assert row["最新值"] == "≥90"


def _calc_gives_gaps_and_final_years(data_dir: Path) -> bool:
    """Whether the calculator on this branch sets Evaluation.final and the gap rule."""
    plan = load_plan(data_dir)
    indicator = plan.indicator("migrant_worker_training")
    observations = {
        2021: Observation(2021, 0.32, Provenance.SAMPLE),
        2023: Observation(2023, 0.3, Provenance.SAMPLE),
    }
    ev = evaluate(indicator, observations, 2025, plan.plan, plan.thresholds)
    return ev.final and ev.status is Status.INCOMPLETE


@pytest.fixture
def final_year(tmp_path: Path, data_dir: Path) -> Path:
    """The shipped data and a sample 2025 without 农民工参加职业培训人次 (2022 is missing too)."""
    if not _calc_gives_gaps_and_final_years(data_dir):
        pytest.skip("the calculator on this branch has no gap rule or final year yet")
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    lines = (target / "actuals" / "2024.yaml").read_text(encoding="utf-8").splitlines()
    lines = [
        "year: 2025" if x.startswith("year:") else x
        for x in lines
        if not x.strip().startswith("migrant_worker_training:")
    ]
    (target / "actuals" / "2025.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_the_final_year_reads_as_a_final_evaluation(final_year: Path) -> None:
    data = str(final_year)
    records = {r["id"]: r for r in json.loads(run("status", "-f", "json", "--data", data))}
    statuses = [r["status"] for r in records.values()]
    completed = statuses.count("exceeded") + statuses.count("completed")
    not_completed = statuses.count("not_achieved")
    incomplete = statuses.count("incomplete")
    # 0.32 (2021) + 0.3 (2023) + 0.31 (2024) = 0.93 reported; 2022 and 2025 missing; target 1.5.
    migrant = records["migrant_worker_training"]
    assert (migrant["status"], migrant["missing_years"]) == ("incomplete", [2022, 2025])
    assert migrant["known_total"] == pytest.approx(0.93)
    table = run("status", "--data", data)
    assert f"目标完成（含超额完成）{completed} 项，未完成 {not_completed} 项" in table
    assert f"数据不全 {incomplete} 项" in table
    # No binding indicator: no "约束性指标未完成：无" (finding 6); no 序时进度 column.
    assert "序时进度（含" not in table and "约束性指标" not in table
    assert "序时进度" not in table.splitlines()[1]
    row = next(line for line in table.splitlines() if "农民工参加职业培训人次" in line)
    assert "累计 ≥0.93*" in row and "2024†" in row and "数据不全" in row
    english = run("status", "--lang", "en", "--data", data)
    assert (
        f"Targets completed (exceeded included) {completed}, not completed {not_completed}"
    ) in " ".join(english.split())
    for report in (
        run("report", "-o", "-", "-f", "markdown", "--data", data),
        run("show", "urban_new_jobs", "--data", data),
    ):
        for absent in ("每年需", "展望", "期末预计", "进度比"):
            assert absent not in report
    page = run("report", "-o", "-", "--data", data)
    assert "总结评估" in page and "2024†" in page
    assert 'class="trend"' not in page and ">趋势<" not in page  # no trend past the end


def test_mid_period_incomplete_data_is_counted_apart(data_dir: Path) -> None:
    if not _calc_gives_gaps_and_final_years(data_dir):
        pytest.skip("the calculator on this branch has no gap rule yet")
    mid_period = ("--year", "2024", "--data", str(data_dir))
    records = json.loads(run("status", "-f", "json", *mid_period))
    incomplete = [r for r in records if r["status"] == "incomplete"]
    assert [r["id"] for r in incomplete] == ["migrant_worker_training"]
    table = run("status", *mid_period)
    assert "数据不全 1 项" in table and "数据不全的 1 项不判断进度" in table
    row = next(line for line in table.splitlines() if "农民工参加职业培训人次" in line)
    assert "累计 ≥0.93*" in row and "2024†" in row  # 0.32 + 0.3 + 0.31, 2022 missing
