"""Plain rows out of evaluations, and those rows as a Rich table, CSV, JSON or Markdown.

Rich and tabulate are imported inside the functions that need them, so a CSV or JSON run
does not pay for them.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .models import Comparator, Indicator, Kind, Provenance
from .progress import Evaluation, Status

if TYPE_CHECKING:
    from rich.table import Table

    from .audit import CompletionAudit, CrossCheckAudit

__all__ = [
    "CATALOGUE_COLUMNS",
    "STATUS_COLUMNS",
    "catalogue_row",
    "csv_text",
    "json_text",
    "markdown_text",
    "number",
    "status_row",
    "status_table",
]

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

STATUS_WORDS: dict[str, dict[Status, str]] = {
    "zh": {
        Status.ACHIEVED: "已实现",
        Status.AHEAD: "快于预期",
        Status.ON_TRACK: "基本符合预期",
        Status.BEHIND: "滞后",
        Status.FAR_BEHIND: "严重滞后",
        Status.MOVING_AWAY: "背离目标",
        Status.MET: "达标",
        Status.NOT_MET: "未达标",
        Status.NOT_ACHIEVED: "未完成",
        Status.NO_DATA: "无数据",
        Status.NO_TARGET: "无目标",
    },
    "en": {status: status.value.replace("_", " ") for status in Status},
}

STATUS_STYLE = {
    Status.ACHIEVED: "bold green",
    Status.AHEAD: "green",
    Status.ON_TRACK: "cyan",
    Status.BEHIND: "yellow",
    Status.FAR_BEHIND: "red",
    Status.MOVING_AWAY: "bold red",
    Status.MET: "green",
    Status.NOT_MET: "bold red",
    Status.NOT_ACHIEVED: "bold red",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "dim",
}

PROVENANCE_WORDS = {
    "zh": {
        Provenance.OFFICIAL: "正式",
        Provenance.PRELIMINARY: "初步",
        Provenance.ESTIMATE: "估计",
        Provenance.SAMPLE: "示例",
    },
    "en": {p: p.value for p in Provenance},
}

HEADERS = {
    "zh": {
        "name": "指标",
        "unit": "单位",
        "baseline": "基期",
        "target": "目标",
        "latest": "最新值",
        "year": "年份",
        "completion": "完成度",
        "progress": "进度",
        "elapsed": "序时进度",
        "status": "状态",
    },
    "en": {
        "name": "Indicator",
        "unit": "Unit",
        "baseline": "Baseline",
        "target": "Target",
        "latest": "Latest",
        "year": "Year",
        "completion": "Completion",
        "progress": "Progress",
        "elapsed": "Time elapsed",
        "status": "Status",
    },
}
FULL_COLUMNS = (
    "name",
    "unit",
    "baseline",
    "target",
    "latest",
    "year",
    "completion",
    "progress",
    "elapsed",
    "status",
)
#: For terminals narrower than WIDE: the unit joins the target, baseline and progress drop out.
NARROW_COLUMNS = ("name", "target", "latest", "year", "completion", "elapsed", "status")
WIDE = 120
_NUMERIC = frozenset({"latest", "year", "completion", "progress", "elapsed"})

NOT_OFFICIAL = {
    "zh": "注意：标 * 的数字不是正式统计数据（{kinds}），仅供演示或参考。",
    "en": "Note: figures marked * are not official statistics ({kinds}).",
}


def number(value: float | None) -> float | int | None:
    """A figure for output: None stays None, float noise is rounded away, whole numbers are ints."""
    if value is None or not math.isfinite(value):
        return None
    cleaned = float(f"{value:.12g}")
    if cleaned.is_integer() and abs(cleaned) < 1e15:
        return int(cleaned)
    return cleaned


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
        "missing_years": " ".join(str(y) for y in ev.missing_years),
        "as_of": ev.as_of,
        "reported": ev.reported.value,
        "projected_trend": number(ev.projected_trend),
        "outlook": None if ev.outlook is None else ev.outlook.value,
        "expected": number(ev.expected),
        "path": ev.path.value,
        "annual_target": number(ev.annual_target),
        "annual_target_pct": _pct(ev.annual_target_completion),
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


#: Columns of codes from tnplan's own vocabulary (no formula can get into them), left as they
#: are for pandas and other readers; everything else is text that came from a file.
CODE_COLUMNS = frozenset(
    {
        "reported",
        "outlook",
        "path",
        "id",
        "unit",
        "kind",
        "attribute",
        "comparator",
        "status",
        "provenance",
        "group",
        "tier",
        "severity",
        "direction",
        "parent",
    }
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    text = str(value)
    if neutralise and text.startswith(_FORMULA_START):
        return "'" + text  # a spreadsheet would run it as a formula
    return text


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, excel: bool = False) -> str:
    """Rows as CSV with a header; for excel, a BOM (Excel's cue for UTF-8), CRLF, and codes
    such as the comparator "=" neutralised too."""
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns)
    neutralise = [excel or c not in CODE_COLUMNS for c in columns]
    for row in rows:
        writer.writerow(
            [_cell(row.get(c), neutralise=n) for c, n in zip(columns, neutralise, strict=True)]
        )
    return buffer.getvalue()


def json_text(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as a JSON list of objects (UTF-8 text, not escaped)."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    shown = number(value)
    text = f"{shown:,.2f}".rstrip("0").rstrip(".") if isinstance(shown, float) else f"{shown:,}"
    return text + unit


def _fmt_pct(fraction: float | None) -> str:
    return "—" if fraction is None else f"{fraction * 100:.1f}%"


_SYMBOL = {
    Comparator.EQ: "",
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
}


def _display_cells(ev: Evaluation, lang: str, *, narrow: bool = False) -> dict[str, str]:
    ind = ev.indicator
    name = ind.name if lang == "zh" else ind.name_en
    if ind.parent is not None:
        name = ("其中：" if lang == "zh" else "of which: ") + name.removeprefix("of which, ")
    star = "" if ev.provenance in (None, Provenance.OFFICIAL) else "*"
    if ev.year is None:
        latest = "—"
    elif ind.kind is Kind.CUMULATIVE:
        latest = ("累计 " if lang == "zh" else "Σ ") + _fmt(ev.cumulative) + star
    else:
        latest = _SYMBOL[ev.reported] + _fmt(ev.actual) + star
    return {
        "name": name,
        "unit": ind.unit,
        "baseline": "—" if ind.baseline is None else ind.baseline.text,
        "target": ind.target.text + (ind.unit if narrow else ""),
        "latest": latest,
        "year": "—" if ev.year is None else str(ev.year) + ("†" if _gap(ev) else ""),
        "completion": _fmt_pct(ev.completion),
        "progress": _fmt_pct(ev.progress),
        "elapsed": "—" if ev.year is None else _fmt_pct(ev.time_elapsed),
        "status": STATUS_WORDS[lang][ev.status],
    }


def _gap(ev: Evaluation) -> bool:
    """A cumulative total cut short by a missing year."""
    return ev.indicator.kind is Kind.CUMULATIVE and ev.year is not None and ev.year < ev.as_of


GAP_NOTICE = {
    "zh": "† 有年份缺报：累计数只计到所示年份（缺报不按零计）。",
    "en": "† a year is missing: the total runs only to the year shown (missing is not zero).",
}


def notices(evaluations: Sequence[Evaluation], lang: str) -> list[str]:
    """The footnotes a table of these evaluations needs."""
    out = []
    if any(_gap(ev) for ev in evaluations):
        out.append(GAP_NOTICE[lang])
    official = not_official_notice(evaluations, lang)
    if official:
        out.append(official)
    return out


def not_official_notice(evaluations: Sequence[Evaluation], lang: str) -> str | None:
    """The notice to print when any figure shown is not official, else None."""
    kinds = sorted(
        {ev.provenance for ev in evaluations if ev.provenance not in (None, Provenance.OFFICIAL)},
        key=lambda p: p.rank,
    )
    if not kinds:
        return None
    words = "、".join(PROVENANCE_WORDS[lang][p] for p in kinds if p is not None)
    if lang == "en":
        words = ", ".join(PROVENANCE_WORDS[lang][p] for p in kinds if p is not None)
    return NOT_OFFICIAL[lang].format(kinds=words)


def status_table(
    evaluations: Sequence[Evaluation], title: str, lang: str = "zh", width: int = WIDE
) -> Table:
    """The evaluations as a Rich table, status coloured; fewer columns below WIDE."""
    from rich import box
    from rich.table import Table

    narrow = width < WIDE
    columns = NARROW_COLUMNS if narrow else FULL_COLUMNS
    table = Table(
        title=title,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    for key in columns:
        header = HEADERS[lang][key]
        if key == "name":
            table.add_column(header, min_width=10, ratio=1, overflow="fold")
        else:
            table.add_column(header, justify="right" if key in _NUMERIC else "left", no_wrap=True)
    for ev in evaluations:
        cells = _display_cells(ev, lang, narrow=narrow)
        cells["status"] = f"[{STATUS_STYLE[ev.status]}]{cells['status']}[/]"
        table.add_row(*(cells[key] for key in columns))
    return table


def markdown_text(evaluations: Sequence[Evaluation], title: str, lang: str = "zh") -> str:
    """The evaluations as a GitHub Markdown table (CJK aligned through wcwidth)."""
    from tabulate import tabulate

    rows = [[_display_cells(ev, lang)[key] for key in FULL_COLUMNS] for ev in evaluations]
    headers = [HEADERS[lang][key] for key in FULL_COLUMNS]
    body = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    notes = "".join(f"\n{note}\n" for note in notices(evaluations, lang))
    return f"## {title}\n\n{body}\n{notes}"


AUDIT_COLUMNS = (
    "id",
    "name",
    "target",
    "actual",
    "published_pct",
    "computed_pct",
    "difference_pp",
    "verdict",
    "detail",
    "source",
)
CROSSCHECK_COLUMNS = (
    "id",
    "name",
    "first",
    "first_unit",
    "first_text",
    "first_source",
    "second",
    "second_unit",
    "second_text",
    "second_source",
    "difference",
    "verdict",
    "detail",
    "note",
)


def audit_row(row: CompletionAudit) -> dict[str, Any]:
    """One recomputed completion figure as a flat row."""
    return {
        "id": row.indicator.id,
        "name": row.indicator.name,
        "target": number(row.target),
        "actual": number(row.actual),
        "published_pct": number(row.published_pct),
        "computed_pct": number(round(row.computed_pct, 4)),
        "difference_pp": number(round(row.difference_pp, 4)),
        "verdict": row.verdict.value,
        "detail": row.detail,
        "source": row.indicator.source,
    }


def crosscheck_row(row: CrossCheckAudit) -> dict[str, Any]:
    """One figure printed twice as a flat row (second converted to the first one's unit)."""
    check = row.check
    return {
        "id": check.id,
        "name": check.name,
        "first": number(row.first),
        "first_unit": check.first.unit,
        "first_text": check.first.text,
        "first_source": check.first.source,
        "second": number(round(row.second, 10)),
        "second_unit": check.first.unit,
        "second_text": check.second.text,
        "second_source": check.second.source,
        "difference": number(round(row.difference, 10)),
        "verdict": row.verdict.value,
        "detail": row.detail,
        "note": check.note,
    }


VERDICT_STYLE = {"ok": "green", "rounding": "yellow", "mismatch": "bold red"}


def audit_tables(
    completions: Sequence[CompletionAudit], crosschecks: Sequence[CrossCheckAudit], lang: str
) -> list[Table]:
    """The audit as Rich tables: printed completion figures, then figures printed twice."""
    from rich import box
    from rich.table import Table

    zh = lang == "zh"
    tables = []
    if completions:
        table = Table(
            title="公布的完成率核算" if zh else "Published completion figures, recomputed",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            header_style="bold",
        )
        headers: tuple[str, ...] = (
            ("指标", "目标", "实际", "公布%", "计算%", "差(百分点)", "结论", "说明")
            if zh
            else (
                "Indicator",
                "Target",
                "Actual",
                "Published %",
                "Computed %",
                "Diff (pp)",
                "Verdict",
                "Detail",
            )
        )
        for i, header in enumerate(headers):
            table.add_column(header, justify="right" if 1 <= i <= 5 else "left", overflow="fold")
        for row in completions:
            name = row.indicator.name if zh else row.indicator.name_en
            table.add_row(
                name,
                _fmt(row.target),
                _fmt(row.actual),
                _fmt(row.published_pct),
                f"{row.computed_pct:.2f}",
                f"{row.difference_pp:+.2f}",
                f"[{VERDICT_STYLE[row.verdict.value]}]{row.verdict.value}[/]",
                row.detail,
            )
        tables.append(table)
    if crosschecks:
        table = Table(
            title="两处刊印的同一数字" if zh else "Figures printed twice",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            header_style="bold",
        )
        headers = (
            ("数字", "第一处", "第二处", "结论", "说明")
            if zh
            else ("Figure", "First", "Second", "Verdict", "Detail")
        )
        for header in headers:
            table.add_column(header, overflow="fold")
        for cross in crosschecks:
            check = cross.check
            table.add_row(
                check.name,
                f"{check.first.text}（{check.first.source}）",
                f"{check.second.text}（{check.second.source}）",
                f"[{VERDICT_STYLE[cross.verdict.value]}]{cross.verdict.value}[/]",
                cross.detail,
            )
        tables.append(table)
    return tables
