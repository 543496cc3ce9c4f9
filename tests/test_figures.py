"""`tnplan figures` (issue 19): every reported figure in long form, in every tabular format,
with the running total and the expected value for its year, worked out here by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["figures", *args])
    return result.exit_code, result.stdout


def _submissions(data: Path) -> dict[int, dict[str, Any]]:
    out = {}
    for path in sorted((data / "actuals").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[document["year"]] = document
    return out


def test_every_reported_figure_is_one_record(data_dir: Path) -> None:
    code, out = run("-f", "json", "--data", str(data_dir))
    records = json.loads(out)
    assert code == 0
    given = _submissions(data_dir)
    expected = {(key, year) for year, doc in given.items() for key in doc["values"]}
    assert {(r["id"], r["year"]) for r in records} == expected
    assert len(records) == len(expected)  # one record each
    assert {r["plan"] for r in records} == {"tongnan-hrss-14th"}
    assert {r["file"] for r in records} == {f"{data_dir}/actuals/{y}.yaml" for y in given}


def test_the_running_total_and_the_expected_value_by_hand(data_dir: Path) -> None:
    records = json.loads(run("-f", "json", "--data", str(data_dir))[1])
    jobs = [r for r in records if r["id"] == "urban_new_jobs"]
    # Flows as submitted: 2022's is 10500 人 = 1.05 万人; the others are in 万人.
    flows = {2021: 1.12, 2022: 1.05, 2023: 1.08, 2024: 1.1, 2025: 1.1}
    assert {r["year"]: r["value"] for r in jobs} == pytest.approx(flows)
    total = 0.0
    for record in jobs:
        total += flows[record["year"]]
        assert record["cumulative"] == pytest.approx(total)
        # The five-year target 【5】 (万人), linear: 5 × (year − 2020) / 5.
        assert record["expected"] == pytest.approx(5 * (record["year"] - 2020) / 5)
        assert (record["unit"], record["kind"], record["provenance"]) == (
            "万人",
            "cumulative",
            "sample",
        )
        assert record["name"] == "城镇新增就业人数" and record["name_en"] == "New urban jobs"
        assert record["source"].startswith("tnplan sample data")


def test_a_gap_leaves_the_total_unknown_and_the_lower_bound(data_dir: Path) -> None:
    records = json.loads(run("-f", "json", "--data", str(data_dir))[1])
    migrant = {r["year"]: r for r in records if r["id"] == "migrant_worker_training"}
    assert 2022 not in migrant  # the sample's missing year: no record, never a zero
    assert migrant[2021]["cumulative"] == pytest.approx(0.32)
    assert migrant[2023]["cumulative"] is None  # missing is not zero: unknown after the gap
    assert migrant[2023]["known_total"] == pytest.approx(0.32 + 0.3)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "jsonl", "markdown", "xlsx"])
def test_every_tabular_format(data_dir: Path, tmp_path: Path, fmt: str) -> None:
    count = sum(len(doc["values"]) for doc in _submissions(data_dir).values())
    target = tmp_path / f"figures.{'txt' if fmt == 'table' else fmt}"
    code, _ = run("-f", fmt, "-o", str(target), "--data", str(data_dir))
    assert code == 0
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(target).active
        assert sheet is not None
        assert sheet.max_row == count + 2  # a title and a header above the records
        # The table people read (its headers in words), each figure a number.
        assert sheet["D2"].value in ("数值", "Value")
        assert all(isinstance(row[0].value, int | float) for row in sheet["D3" : f"D{count + 2}"])
        return
    text = target.read_text(encoding="utf-8")
    if fmt in ("csv", "tsv"):
        delimiter = "," if fmt == "csv" else "\t"
        assert len(list(csv.reader(io.StringIO(text), delimiter=delimiter))) == count + 1
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == count
    elif fmt == "json":
        assert len(json.loads(text)) == count
    else:
        lines = [line for line in text.splitlines() if "2021" in line or "2025" in line]
        assert len(lines) >= 2 * 17  # every main indicator has 2021 and 2025


def test_the_table_fits_80_columns(data_dir: Path) -> None:
    result = runner.invoke(
        app, ["figures", "--lang", "en", "--data", str(data_dir)], env={"COLUMNS": "80"}
    )
    from rich.cells import cell_len

    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80
    assert "New urban jobs" in result.stdout
