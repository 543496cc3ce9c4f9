"""Readers by file ending, the seam for a workbook's cells, and a checker that opens no files."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.diagnostics import Diagnostic, Severity
from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.readers import READERS, SUFFIXES, reader_for
from tongnan_plan.sources.store import actual_files, check_files
from tongnan_plan.sources.yaml_reader import Document, parse_yaml
from tongnan_plan.validate.across import check_run
from tongnan_plan.validate.check import check_document

runner = CliRunner()


def test_the_registry_names_every_ending() -> None:
    assert SUFFIXES == tuple(READERS) == (".yaml", ".yml", ".csv", ".xlsx")
    for suffix in SUFFIXES:
        assert reader_for(Path(f"2023{suffix.upper()}")) is not None  # any case
    assert reader_for(Path("2023.xls")) is None
    assert reader_for(Path("2023")) is None


@pytest.mark.parametrize("name", ["2023.txt", "2023.xls", "2023"])
def test_an_ending_tnplan_does_not_read_is_a_usage_error(
    tmp_path: Path, data_dir: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text("year: 2023\nprovenance: sample\nvalues: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--data", str(data_dir), "-f", "json"])
    assert result.exit_code == 2
    (d,) = json.loads(result.stdout)["diagnostics"]
    assert (d["code"], d["line"], d["column"]) == ("unsupported-format", 1, 1)
    assert ".yaml, .yml, .csv, .xlsx" in d["message"]


def test_a_plan_directory_holds_the_files_its_readers_take(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    for name in ("2021.yaml", "2022.csv", "2023.YML", "notes.txt", "2024.xlsx", "2024.xls"):
        (actuals / name).write_text("", encoding="utf-8")
    (actuals / "2025.yaml").mkdir()
    found = [p.name for p in actual_files(tmp_path)]
    assert found == ["2021.yaml", "2022.csv", "2023.YML", "2024.xlsx"]


class SheetDocument(Document):
    """What a workbook's reader hands over: a Document whose places are cells."""

    sheet: str = "Sheet1"

    def cell(self, line: int, column: int) -> str:
        """The seam a workbook reader overrides: a row and column named as a cell."""
        return f"{self.sheet}!{chr(ord('A') + column - 1)}{line}"


def test_a_workbook_reader_locates_problems_by_cell(plan: Plan) -> None:
    # The cells a reader of 2023.xlsx would record: ids in column A, values in column B.
    data = {"year": 2023, "provenance": "sample", "values": {"basic_pension_coverage": 962.0}}
    doc = SheetDocument("2023.xlsx", data, sheet="填报")
    doc.values[("values", "basic_pension_coverage")] = (7, 2)
    doc.keys[("values", "basic_pension_coverage")] = (7, 1)
    (error,) = [d for d in check_document(doc, plan).diagnostics if d.severity is Severity.ERROR]
    assert error.cell == "填报!B7" and (error.line, error.column) == (7, 2)
    assert error.as_text().startswith("2023.xlsx:填报!B7: error[percent-out-of-range] ")
    assert error.as_dict()["cell"] == "填报!B7"
    # A text file's diagnostics keep their keys as they were.
    assert "cell" not in Diagnostic("a.yaml", 1, 1, Severity.ERROR, "x", "y").as_dict()


def _year(year: int, value: float) -> str:
    return f"year: {year}\nprovenance: sample\nvalues:\n  urban_new_jobs: {value}\n"


def test_the_checks_open_no_files(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = {
        year: parse_yaml(_year(year, value), f"{year}.yaml")
        for year, value in ((2021, 1.1), (2022, 1.0), (2023, 3.2))
    }

    def no_files(*args: object, **kwargs: object) -> None:
        raise AssertionError("a check opened a file")

    with monkeypatch.context() as patched:
        patched.setattr(builtins, "open", no_files)
        for name in ("open", "read_bytes", "read_text", "is_file", "exists", "stat", "iterdir"):
            patched.setattr(Path, name, no_files)
        earlier = [check_document(documents[y][0], plan) for y in (2021, 2022)]
        checked = [check_document(documents[2023][0], plan)]
        result = check_run(checked, plan, earlier)
    # 2021 and 2022 were handed in: 1.1 + 1.0 + 1.05 = 3.15 is what a running total gives.
    assert [(d.file, d.code) for d in result.diagnostics if d.severity is Severity.WARNING] == [
        ("2023.yaml", "missing-indicators"),
        ("2023.yaml", "running-total"),
    ]
    assert result.files == ["2023.yaml"]


def test_earlier_years_beside_the_file_are_read_by_the_store(tmp_path: Path, plan: Plan) -> None:
    (tmp_path / "2022.csv").write_text(
        "# provenance: sample\nid,value\nurban_new_jobs,1.1\n", encoding="utf-8"
    )
    path = tmp_path / "2023.yaml"
    path.write_text(_year(2023, 12), encoding="utf-8")  # 12 万人 after 1.1: ×10.9, a jump
    result = check_files([path], plan)
    assert result.files == [str(path)]  # the earlier year is compared with, not reported on
    jumps = [d for d in result.diagnostics if d.code == "implausible-jump"]
    assert len(jumps) == 1 and "2022.csv" in jumps[0].message
