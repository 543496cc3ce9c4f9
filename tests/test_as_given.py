"""A figure is shown as it was given (issue 18): the zeros typed after a decimal point are
kept from the YAML and CSV readers to every table for people, while the arithmetic, and the
machine outputs (CSV/JSON), use the number."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tongnan_plan.calc.evaluation import evaluate_plan
from tongnan_plan.cli import app
from tongnan_plan.model.given import Given, typed
from tongnan_plan.model.plan import Plan
from tongnan_plan.present import cells
from tongnan_plan.sources.csv_reader import parse_csv
from tongnan_plan.sources.store import check_files
from tongnan_plan.sources.yaml_reader import parse_yaml
from tongnan_plan.validate.check import check_document

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def row_of(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


@pytest.fixture
def data(tmp_path: Path, data_dir: Path) -> Path:
    """The shipped data, with 高级职称人才数量 for 2024 typed 0.140 (it ships as 0.131)."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    yaml_file = copy / "actuals" / "2024.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    assert "  senior_title_talent: 0.131\n" in text
    yaml_file.write_text(text.replace("senior_title_talent: 0.131", "senior_title_talent: 0.140"))
    return copy


def test_a_yaml_figure_keeps_its_zero_in_status_and_show(data: Path) -> None:
    status = run("status", "--year", "2024", "--data", str(data))
    assert "0.140*" in row_of(status, "高级职称人才数量")
    show = run("show", "senior_title_talent", "--data", str(data))
    assert "0.140" in row_of(show, "2024 ")
    markdown = run("status", "-f", "markdown", "--year", "2024", "--data", str(data))
    assert "| 0.140*" in row_of(markdown, "高级职称人才数量")


def test_machine_outputs_stay_numbers(data: Path) -> None:
    rows = json.loads(run("status", "-f", "json", "--year", "2024", "--data", str(data)))
    row = next(r for r in rows if r["id"] == "senior_title_talent")
    assert row["actual"] == 0.14 and isinstance(row["actual"], float)
    table = run("status", "-f", "csv", "--year", "2024", "--data", str(data))
    found = next(r for r in csv.DictReader(io.StringIO(table)) if r["id"] == "senior_title_talent")
    assert found["actual"] == "0.14"


def test_the_workbook_cell_is_a_number_formatted_as_typed(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.xlsx"
    run("status", "-f", "xlsx", "-o", str(out), "--year", "2024", "--data", str(data))
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cell = next(
        row[5] for row in sheet.iter_rows() if row[1].value and "高级职称" in str(row[1].value)
    )
    assert cell.value == 0.14 and cell.number_format == '0.000"*"'


def test_the_figures_and_show_workbooks_format_it_too(data: Path, tmp_path: Path) -> None:
    for command in (["figures"], ["show", "senior_title_talent"]):
        out = tmp_path / f"{command[0]}.xlsx"
        run(*command, "-f", "xlsx", "-o", str(out), "--data", str(data))
        sheet = openpyxl.load_workbook(out).worksheets[0]
        formats = {c.number_format for row in sheet.iter_rows() for c in row if c.value == 0.14}
        # The 2024 figure typed 0.140 has its three places; the target 0.14 stays General.
        assert formats == {"0.000", "General"}, command


CSV_2024 = (
    "# provenance: sample\nid,value\nsurveyed_unemployment_rate,5.450\n"
    "basic_pension_coverage,96\npostdoc_recruits,5\n"
)


def test_a_csv_figure_keeps_its_zero_and_a_whole_number_stays_whole(data: Path) -> None:
    (data / "actuals" / "2024.yaml").unlink()
    (data / "actuals" / "2024.csv").write_text(CSV_2024, encoding="utf-8")
    status = run("status", "--year", "2024", "--data", str(data))
    assert " 5.450* " in row_of(status, "城镇调查失业率")
    assert " 96* " in row_of(status, "基本养老保险参保率")
    # 博士后研究人员招收数: 2021–2023 ship 1 + 1 + 2, and 5 typed for 2024: 累计 9.
    assert "累计 9*" in row_of(status, "博士后研究人员招收数")
    show = run("show", "surveyed_unemployment_rate", "--data", str(data))
    assert row_of(show, "2024 ").split()[1] == "5.450"


def test_the_completion_is_the_same_number_however_it_was_typed(plan: Plan) -> None:
    # 高级职称人才数量, a level from 0.11 to 【0.14】: 0.130 ÷ 0.14 = 0.928571… → 92.9 %,
    # progress (0.13 − 0.11) ÷ (0.14 − 0.11) = 0.02 ÷ 0.03 = 66.7 %, typed either way.
    found = []
    for typed_as in ("0.130", "0.13"):
        text = f"year: 2024\nprovenance: sample\nvalues:\n  senior_title_talent: {typed_as}\n"
        doc, _ = parse_yaml(text, "2024.yaml")
        submission = check_document(doc, plan).submission
        assert submission is not None
        (ev,) = [
            e
            for e in evaluate_plan(plan, [submission], 2024, tier="all")
            if e.indicator.id == "senior_title_talent"
        ]
        found.append(ev)
        assert cells.percent(ev.completion) == "92.9%"
        assert cells.percent(ev.progress) == "66.7%"
    typed_zero, bare = found
    assert typed_zero.completion == bare.completion and typed_zero.progress == bare.progress
    assert typed_zero.status is bare.status
    assert cells.figure(typed_zero.actual) == "0.130" and cells.figure(bare.actual) == "0.13"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("0.140", "0.140"),
        ("5.450", "5.450"),
        ("5.0", "5.0"),
        ("5", "5"),
        ("+5.50", "5.50"),  # a sign is not precision
        ("05.50", "5.50"),  # nor a leading zero
        ("1.40e1", "14"),  # an exponent: the number, as before
        ("1234.50", "1,234.50"),
        (".50", "0.50"),
    ],
)
def test_what_is_kept_and_what_is_normalised(text: str, shown: str) -> None:
    assert cells.figure(typed(text, float(text))) == shown


def test_arithmetic_on_a_typed_figure_is_a_plain_number() -> None:
    given = typed("0.140", 0.14)
    assert isinstance(given, Given) and given == 0.14
    total = given + 0.1
    assert type(total) is float and cells.figure(total) == "0.24"


def test_the_yaml_reader_keeps_the_text_of_an_entry_too(plan: Plan) -> None:
    text = (
        "year: 2024\nprovenance: sample\nvalues:\n"
        "  unemployment_insurance_insured: {value: 4.610, source: 年报}\n"
        "  surveyed_unemployment_rate: !!float 5.50\n"
    )
    doc, _ = parse_yaml(text, "2024.yaml")
    submission = check_document(doc, plan).submission
    assert submission is not None
    entry = submission.values["unemployment_insurance_insured"]
    assert not isinstance(entry, float) and cells.figure(entry.value) == "4.610"
    assert cells.figure(submission.values["surveyed_unemployment_rate"]) == "5.50"


def test_a_converted_figure_is_a_new_number(plan: Plan, tmp_path: Path) -> None:
    # 46,100.50 人 is 4.610050 万人: the figure shown is the number converted, not the text.
    path = tmp_path / "2024.yaml"
    path.write_text(
        "year: 2024\nprovenance: sample\nvalues:\n"
        "  unemployment_insurance_insured: {value: 46100.50, unit: 人}\n",
        encoding="utf-8",
    )
    (submission,) = check_files([path], plan).submissions
    entry = submission.values["unemployment_insurance_insured"]
    assert not isinstance(entry, float) and cells.figure(entry.value) == "4.61005"


def test_the_csv_reader_keeps_the_text() -> None:
    doc, _ = parse_csv("# year: 2024\nid,value\na,0.140\nb,0.14\n", "x.csv")
    values = doc.data["values"]
    assert cells.figure(values["a"]["value"]) == "0.140"
    assert type(values["b"]["value"]) is float


def test_a_plan_file_written_from_a_typed_figure_keeps_it() -> None:
    # init-plan writes the last figure of a plan as the next one's baseline (yaml_number).
    from tongnan_plan.yaml_text import yaml_number

    assert yaml_number(typed("0.1370", 0.137)) == "0.1370"
    assert yaml_number(0.137) == "0.137" and yaml_number(5.0) == "5"
