"""Evaluations, indicators and yearly series as flat records; records as CSV or JSON, and
text cells as Markdown tables.

Records hold plain values for machines (numbers raw, codes as codes); the display cells for
people are cells.py's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .cells import number
from .columns import LIST_SEPARATOR
from .escaping import FORMULA_START, data_text, markdown

if TYPE_CHECKING:
    from ..calc.evaluation import YearRow
    from ..calc.progress import Evaluation
    from ..model.plan import Indicator

__all__ = [
    "CATALOGUE_COLUMNS",
    "SERIES_COLUMNS",
    "STATUS_COLUMNS",
    "catalogue_row",
    "csv_text",
    "json_lines",
    "json_text",
    "markdown_table",
    "series_row",
    "status_row",
]

#: The columns of `tnplan status --format csv`; new ones are added at the end.
STATUS_COLUMNS = (
    "id",
    "name",
    "unit",
    "kind",
    "attribute",
    "comparator",
    "baseline",
    "target",
    "year",
    "actual",
    "cumulative",
    "completion_pct",
    "time_elapsed_pct",
    "progress_pct",
    "pace_ratio",
    "required_per_year",
    "projected",
    "status",
    "provenance",
    "name_en",
    "group",
    "tier",
    "severity",
    "missing_years",
    "as_of",
    "reported",
    "projected_trend",
    "outlook",
    "expected",
    "path",
    "annual_target",
    "annual_target_pct",
    "known_total",
    "basis_change",
)

CATALOGUE_COLUMNS = (
    "id",
    "name",
    "name_en",
    "unit",
    "kind",
    "attribute",
    "direction",
    "baseline",
    "baseline_text",
    "target",
    "comparator",
    "target_text",
    "parent",
    "group",
    "tier",
    "source",
)

SERIES_COLUMNS = (
    "year",
    "value",
    "to_date",
    "provenance",
    "cumulative",
    "expected",
    "annual_target",
    "target",
)


def _pct(fraction: float | None) -> float | int | None:
    return None if fraction is None else number(fraction * 100)


def status_row(ev: Evaluation) -> dict[str, Any]:
    """One evaluation as a flat row of plain values (the CSV and JSON record)."""
    ind = ev.indicator
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "kind": ind.kind.value,
        "attribute": ind.attribute.value,
        "comparator": ind.target.comparator.value,
        "baseline": number(ind.baseline_value),
        "target": number(ind.target.value),
        "year": ev.year,
        "actual": number(ev.actual),
        "cumulative": number(ev.cumulative),
        "completion_pct": _pct(ev.completion),
        "time_elapsed_pct": _pct(ev.time_elapsed),
        "progress_pct": _pct(ev.progress),
        "pace_ratio": number(None if ev.pace_ratio is None else round(ev.pace_ratio, 6)),
        "required_per_year": number(ev.required_per_year),
        "projected": number(ev.projected),
        "status": ev.status.value,
        "provenance": None if ev.provenance is None else ev.provenance.value,
        "name_en": ind.name_en,
        "group": ind.group,
        "tier": ind.tier.value,
        "severity": ev.severity,
        "missing_years": list(ev.missing_years),
        "as_of": ev.as_of,
        "reported": ev.reported.value,
        "projected_trend": number(ev.projected_trend),
        "outlook": None if ev.outlook is None else ev.outlook.value,
        "expected": number(ev.expected),
        "path": ev.path.value,
        "annual_target": number(ev.annual_target),
        "annual_target_pct": _pct(ev.annual_target_completion),
        "known_total": number(ev.known_total),
        "basis_change": None if ev.basis is None else ev.basis.text,
    }


def catalogue_row(ind: Indicator) -> dict[str, Any]:
    """One indicator of the catalogue as a flat row of plain values."""
    return {
        "id": ind.id,
        "name": ind.name,
        "name_en": ind.name_en,
        "unit": ind.unit,
        "kind": ind.kind.value,
        "attribute": ind.attribute.value,
        "direction": ind.direction.value,
        "baseline": number(ind.baseline_value),
        "baseline_text": None if ind.baseline is None else ind.baseline.text,
        "target": number(ind.target.value),
        "comparator": ind.target.comparator.value,
        "target_text": ind.target.text,
        "parent": ind.parent,
        "group": ind.group,
        "tier": ind.tier.value,
        "source": ind.source,
    }


def series_row(row: YearRow, indicator: Indicator) -> dict[str, Any]:
    """One year of an indicator's story as a flat row."""
    return {
        "year": row.year,
        "value": number(row.value),
        "to_date": row.to_date,
        "provenance": None if row.provenance is None else row.provenance.value,
        "cumulative": number(row.cumulative),
        "expected": number(row.expected),
        "annual_target": number(row.annual_target),
        "target": number(indicator.target.value),
    }


#: Columns of codes from tnplan's own vocabulary (no formula can get into them), left as they
#: are for pandas and other readers; everything else is text that came from a file.
CODE_COLUMNS = frozenset(
    {
        "reported",
        "outlook",
        "path",
        "id",
        "kind",
        "attribute",
        "comparator",
        "previous_comparator",
        "status",
        "provenance",
        "group",
        "tier",
        "severity",
        "direction",
        "parent",
    }
)


def _cell(value: Any, *, neutralise: bool) -> str:
    """A CSV cell: numbers raw, empty for undefined, formula-like text neutralised if asked."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):  # a list of years (columns.py): one cell
        return LIST_SEPARATOR.join(_cell(item, neutralise=False) for item in value)
    text = data_text(str(value))
    if neutralise and text.startswith(FORMULA_START):
        return "'" + text  # a spreadsheet would run it as a formula
    return text


def csv_text(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    excel: bool = False,
    delimiter: str = ",",
) -> str:
    """Rows as CSV with a header (TSV with a tab for delimiter); for excel, a BOM (Excel's cue
    for UTF-8), CRLF, and codes such as the comparator "=" neutralised too.

    Every field that holds a delimiter, a quote or a line break is quoted: a carriage return
    in a plan's text stays inside its field instead of splitting the row.
    """
    import csv
    import io

    end = "\r\n" if excel else "\n"
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator=end, delimiter=delimiter)
    # Python before 3.12 quotes a field only for the characters of lineterminator: a lone
    # "\r" would go out bare with "\n" rows. Rows holding one are written with CRLF rows,
    # which quotes both, and given back their own line end.
    quoted = io.StringIO()
    guarded = csv.writer(quoted, lineterminator="\r\n", delimiter=delimiter)
    neutralise = [excel or c not in CODE_COLUMNS for c in columns]
    writer.writerow(columns)
    for row in rows:
        fields = [_cell(row.get(c), neutralise=n) for c, n in zip(columns, neutralise, strict=True)]
        if excel or not any("\r" in field for field in fields):
            writer.writerow(fields)
            continue
        quoted.seek(0)
        quoted.truncate()
        guarded.writerow(fields)
        buffer.write(quoted.getvalue().removesuffix("\r\n") + end)
    return buffer.getvalue()


def json_text(rows: Sequence[dict[str, Any]] | dict[str, Any]) -> str:
    """Rows (or one document) as JSON (UTF-8 text, not escaped)."""
    import json

    document = rows if isinstance(rows, dict) else list(rows)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def json_lines(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as JSON Lines: one JSON object a line, UTF-8 text, not escaped."""
    import json

    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, numbers: bool = False
) -> str:
    """A GitHub Markdown table, every cell escaped (CJK aligned through wcwidth).

    numbers: leave numbers as numbers for tabulate to align (the cells are text otherwise).
    """
    from tabulate import tabulate

    def cell(value: object) -> object:
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return "" if value is None else markdown(str(value))

    return tabulate(
        [[cell(value) for value in row] for row in rows],
        headers=[markdown(h) for h in headers],
        tablefmt="github",
        disable_numparse=not numbers,
    )
