"""Outputs a program can trust (issue 19): every CSV and JSON column has the one type
present/columns.py documents, whatever the data; pandas and DuckDB load the CSV with those
types, `json` gives values of them; the README's table of types is that registry."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.present.columns import COLUMN_TYPES, LIST_SEPARATOR, ColumnType, types_table

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The shipped plan with no submissions: every figure's column is empty."""
    root = tmp_path_factory.mktemp("empty") / "data"
    root.mkdir()
    shutil.copy(data_dir / "targets.yaml", root / "targets.yaml")
    (root / "actuals").mkdir()
    return root


def _runs(data: Path, empty: Path) -> list[list[str]]:
    thirteenth = str(data / "13th")
    return [
        ["status", "--data", str(data)],
        ["status", "--tier", "all", "--data", str(data)],
        ["status", "--year", "2021", "--tier", "all", "--data", str(data)],
        ["status", "--data", thirteenth],
        ["status", "--tier", "all", "--data", str(empty)],
        ["show", "urban_new_jobs", "--data", str(data)],
        ["show", "migrant_worker_training", "--data", str(data)],
        ["show", "surveyed_unemployment_rate", "--data", str(empty)],
        ["show", "urban_new_jobs", "--across-plans", "--data", str(data)],
        ["indicators", "--data", str(data)],
        ["indicators", "--data", thirteenth],
        ["audit", "--data", thirteenth],
        ["audit", "--crosschecks", "--data", str(data)],
        ["audit", "--baselines", "--data", str(data)],
        ["plans", "--data", str(data)],
        ["figures", "--data", str(data)],
        ["figures", "--data", thirteenth],
    ]


def _output(args: list[str], fmt: str) -> str:
    result = runner.invoke(app, [*args, "-f", fmt, "--lang", "en"])
    assert result.exit_code in (0, 1), (args, result.stderr)
    return result.stdout


_INTEGER = re.compile(r"-?[0-9]+")
_YEARS = re.compile(rf"[0-9]{{4}}(?:{re.escape(LIST_SEPARATOR)}[0-9]{{4}})*")


def _cell_fits(kind: ColumnType, cell: str) -> bool:
    """A CSV cell of the type (empty: undefined), checked by hand, not by the writer."""
    if cell == "":
        return True
    if kind is ColumnType.INTEGER:
        return bool(_INTEGER.fullmatch(cell))
    if kind is ColumnType.NUMBER:
        try:
            return math.isfinite(float(cell))
        except ValueError:
            return False
    if kind is ColumnType.BOOLEAN:
        return cell in ("true", "false")
    if kind is ColumnType.YEARS:
        return bool(_YEARS.fullmatch(cell))
    return True


def _value_fits(kind: ColumnType, value: Any) -> bool:
    """A JSON value of the type (null: undefined; a list of years is never null)."""
    if kind is ColumnType.YEARS:
        return isinstance(value, list) and all(type(y) is int for y in value)
    if value is None:
        return True
    if kind is ColumnType.INTEGER:
        return type(value) is int
    if kind is ColumnType.NUMBER:
        return type(value) in (int, float)
    if kind is ColumnType.BOOLEAN:
        return type(value) is bool
    return type(value) is str


def test_every_csv_cell_has_its_columns_type(data_dir: Path, empty: Path) -> None:
    wrong = []
    for args in _runs(data_dir, empty):
        rows = list(csv.reader(io.StringIO(_output(args, "csv"))))
        header, body = rows[0], rows[1:]
        assert body, args
        for column in header:
            assert column in COLUMN_TYPES, (args, column)
        for row in body:
            for column, cell in zip(header, row, strict=True):
                if not _cell_fits(COLUMN_TYPES[column], cell):
                    wrong.append((args[0], column, cell))
    assert wrong == []


def _records(document: Any) -> list[dict[str, Any]]:
    """The flat records of a JSON output (show's document holds three kinds)."""
    if isinstance(document, list):
        return document
    return [document["indicator"], document["evaluation"], *document["series"]]


def test_every_json_value_has_its_columns_type(data_dir: Path, empty: Path) -> None:
    wrong = []
    for args in _runs(data_dir, empty):
        records = _records(json.loads(_output(args, "json")))
        if args[0] != "show":  # JSON Lines: the same records, one a line
            lines = _output(args, "jsonl").splitlines()
            assert [json.loads(line) for line in lines] == records, args
        for record in records:
            for column, value in record.items():
                if not _value_fits(COLUMN_TYPES[column], value):
                    wrong.append((args[0], column, value))
    assert wrong == []


def test_pandas_and_duckdb_load_every_csv_with_the_documented_types(
    data_dir: Path, empty: Path, tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    for number, args in enumerate(_runs(data_dir, empty)):
        text = _output(args, "csv")
        header = next(csv.reader(io.StringIO(text)))
        types = {column: COLUMN_TYPES[column] for column in header}
        frame = pandas.read_csv(
            io.StringIO(text),
            dtype={c: t.pandas for c, t in types.items()},
            keep_default_na=False,
            na_values=[""],
        )
        assert {c: str(frame[c].dtype) for c in header} == {c: t.pandas for c, t in types.items()}
        path = tmp_path / f"{number}.csv"
        path.write_text(text, encoding="utf-8")
        columns = "{" + ", ".join(f"'{c}': '{t.duckdb}'" for c, t in types.items()) + "}"
        relation = duckdb.sql(
            f"SELECT * FROM read_csv('{path}', header = true, auto_detect = false,"
            f" delim = ',', quote = '\"', columns = {columns})"
        )
        assert [str(t) for t in relation.types] == [t.duckdb for t in types.values()], args
        assert len(relation.fetchall()) == len(frame)


def test_a_year_stays_a_whole_number_and_years_a_list(data_dir: Path) -> None:
    # The findings: `year` read as 2025.0 with --tier all, `missing_years` a string in JSON.
    pandas = pytest.importorskip("pandas")
    args = ["status", "--tier", "all", "--data", str(data_dir)]
    frame = pandas.read_csv(
        io.StringIO(_output(args, "csv")),
        dtype={"year": "Int64"},
        keep_default_na=False,
        na_values=[""],
    )
    assert all(y is pandas.NA or float(y).is_integer() for y in frame["year"])
    rows = json.loads(_output(args, "json"))
    migrant = next(r for r in rows if r["id"] == "migrant_worker_training")
    assert migrant["missing_years"] == [2022]  # the shipped sample leaves out 2022
    assert next(r for r in rows if r["id"] == "urban_new_jobs")["missing_years"] == []
    (plan, *_) = json.loads(_output(["plans", "--data", str(data_dir)], "json"))
    assert plan["years"] == [2021, 2022, 2023, 2024, 2025]


def test_the_readme_gives_every_columns_type() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("| type | in CSV and JSON | columns |")
    end = readme.index("\n\n", start) + 1
    assert readme[start:end] == types_table()
