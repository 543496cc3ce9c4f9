"""The type of every column tnplan writes as CSV, TSV or JSON: one home, whatever the data.

A column has one type in every table it appears in (`year` is a whole number in `status`,
`show` and `figures` alike) and in every run (a column that happens to be empty, or to hold
only whole numbers, keeps its type). The README's columns tables and the loaders a test runs
(pandas, DuckDB, `json`) read the types from here.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["COLUMN_TYPES", "LIST_SEPARATOR", "ColumnType", "column_type", "types_table"]

#: What joins the items of a list in a CSV cell (JSON has a list): ``2022;2023``.
LIST_SEPARATOR = ";"


class ColumnType(StrEnum):
    """The type of a column, said for people (README) and for loaders (pandas, DuckDB)."""

    INTEGER = "integer"
    NUMBER = "number"
    TEXT = "text"
    BOOLEAN = "boolean"
    YEARS = "years"

    @property
    def about(self) -> str:
        """What the column holds in CSV and in JSON, for the README."""
        return _ABOUT[self]

    @property
    def pandas(self) -> str:
        """The pandas dtype that loads the CSV column (nullable: an empty cell is NA)."""
        return _PANDAS[self]

    @property
    def duckdb(self) -> str:
        """The DuckDB type that loads the CSV column (an empty cell is NULL)."""
        return _DUCKDB[self]


_ABOUT = {
    ColumnType.INTEGER: "integer: a whole number (JSON number; CSV digits)",
    ColumnType.NUMBER: "number: JSON number; CSV a decimal as Python writes it (`1.05`, `5`)",
    ColumnType.TEXT: "text: JSON string; CSV text",
    ColumnType.BOOLEAN: "boolean: JSON `true`/`false`; CSV `true`/`false`",
    ColumnType.YEARS: f"years: JSON a list of integers; CSV integers joined by `{LIST_SEPARATOR}`",
}
_PANDAS = {
    ColumnType.INTEGER: "Int64",
    ColumnType.NUMBER: "Float64",
    ColumnType.TEXT: "string",
    ColumnType.BOOLEAN: "boolean",
    ColumnType.YEARS: "string",
}
_DUCKDB = {
    ColumnType.INTEGER: "BIGINT",
    ColumnType.NUMBER: "DOUBLE",
    ColumnType.TEXT: "VARCHAR",
    ColumnType.BOOLEAN: "BOOLEAN",
    ColumnType.YEARS: "VARCHAR",
}

_I, _N, _T, _B, _Y = (
    ColumnType.INTEGER,
    ColumnType.NUMBER,
    ColumnType.TEXT,
    ColumnType.BOOLEAN,
    ColumnType.YEARS,
)

#: Every column of every table tnplan writes, and its type. Any value may also be undefined:
#: an empty cell in CSV, ``null`` in JSON (a list of years is empty instead).
COLUMN_TYPES: dict[str, ColumnType] = {
    # an indicator and its target
    "id": _T,
    "name": _T,
    "name_en": _T,
    "unit": _T,
    "kind": _T,
    "attribute": _T,
    "direction": _T,
    "comparator": _T,
    "baseline": _N,
    "baseline_text": _T,
    "target": _N,
    "target_text": _T,
    "parent": _T,
    "group": _T,
    "tier": _T,
    "source": _T,
    # an evaluation (status)
    "year": _I,
    "actual": _N,
    "cumulative": _N,
    "completion_pct": _N,
    "time_elapsed_pct": _N,
    "progress_pct": _N,
    "pace_ratio": _N,
    "required_per_year": _N,
    "projected": _N,
    "status": _T,
    "provenance": _T,
    "severity": _T,
    "missing_years": _Y,
    "as_of": _I,
    "reported": _T,
    "projected_trend": _N,
    "outlook": _T,
    "expected": _N,
    "path": _T,
    "annual_target": _N,
    "annual_target_pct": _N,
    "known_total": _N,
    "basis_change": _T,
    # a year of an indicator's series (show), and across plans
    "value": _N,
    "to_date": _B,
    "plan": _T,
    "own_value": _N,
    "own_unit": _T,
    "chosen": _B,
    # audit: completions, figures printed twice, baselines
    "published_pct": _N,
    "computed_pct": _N,
    "difference_pp": _N,
    "verdict": _T,
    "detail": _T,
    "first": _N,
    "first_unit": _T,
    "first_text": _T,
    "first_source": _T,
    "second": _N,
    "second_unit": _T,
    "second_text": _T,
    "second_source": _T,
    "difference": _N,
    "note": _T,
    "basis": _T,
    "previous_plan": _T,
    "previous_id": _T,
    "previous_name": _T,
    "previous_year": _I,
    "previous_figure": _N,
    "previous_unit": _T,
    "previous_comparator": _T,
    "previous_total": _B,
    "previous_converted": _N,
    "previous_source": _T,
    # plans
    "folder": _T,
    "title": _T,
    "title_en": _T,
    "baseline_year": _I,
    "start_year": _I,
    "end_year": _I,
    "previous": _T,
    "indicators": _I,
    "main": _I,
    "goal": _I,
    "action": _I,
    "years": _Y,
    "default": _B,
    "errors": _I,
    # figures: every reported figure, and the file it came from
    "file": _T,
}


def column_type(column: str) -> ColumnType:
    """The type of a column; KeyError for a column no table writes (a test walks them all)."""
    return COLUMN_TYPES[column]


def types_table() -> str:
    """The README's table of column types: each type, what it is in CSV and JSON, its columns."""
    lines = ["| type | in CSV and JSON | columns |", "| --- | --- | --- |"]
    for kind in ColumnType:
        columns = ", ".join(f"`{c}`" for c, t in COLUMN_TYPES.items() if t is kind)
        lines.append(f"| {kind.value} | {kind.about.split(': ', 1)[1]} | {columns} |")
    return "\n".join(lines) + "\n"
