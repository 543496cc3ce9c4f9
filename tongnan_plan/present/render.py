"""Plain rows out of evaluations, and those rows as a Rich table, CSV, JSON or Markdown.

Rich and tabulate are imported inside the functions that need them, so a CSV or JSON run
does not pay for them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..calc.progress import Evaluation, Outlook, Status
from ..model.plan import Comparator, Direction, Indicator, Kind, Provenance

if TYPE_CHECKING:
    from rich.table import Table

    from ..calc.audit import CompletionAudit, CrossCheckAudit
    from ..calc.evaluation import YearRow

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
        Status.INCOMPLETE: "数据不全",
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
    Status.INCOMPLETE: "yellow",
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
        "bar": "进度（│ 序时）",
        "annual": "完成年度目标",
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
        "bar": "Progress (│ due)",
        "annual": "Annual target done",
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
    "bar",
    "status",
)
#: For terminals narrower than WIDE: the unit joins the target; baseline, progress and the
#: number of 序时进度 drop out (the bar marks it).
NARROW_COLUMNS = ("name", "target", "latest", "year", "completion", "bar", "status")
BAR_CELLS = 10
WIDE = 120
_NUMERIC = frozenset({"latest", "year", "completion", "progress", "elapsed", "annual"})

NOT_OFFICIAL = {
    "zh": "注意：标 * 的数字不是正式统计数据（{kinds}），仅供演示或参考。",
    "en": "Note: figures marked * are not official statistics ({kinds}).",
}


def number(value: float | None) -> float | int | None:
    """A figure for output: None stays None, float noise is rounded away, whole numbers are ints."""
    if value is None or not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    if len(repr(value)) <= 14:  # a short decimal as typed: no float noise to round away
        return value
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
    import csv
    import io

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
    import json

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
        "target": _target_text(ind) + (ind.unit if narrow else ""),
        "latest": latest,
        "year": "—" if ev.year is None else str(ev.year) + ("†" if _gap(ev) else ""),
        "completion": _fmt_pct(ev.completion),
        "progress": _fmt_pct(ev.progress),
        "elapsed": "—" if ev.year is None else _fmt_pct(ev.time_elapsed),
        "bar": progress_bar(ev),
        "annual": "" if ev.annual_target is None else _fmt_pct(ev.annual_target_completion),
        "status": STATUS_WORDS[lang][ev.status],
    }


def _target_text(ind: Indicator) -> str:
    """The target as printed when that is a figure (【5】, ≤5.5), else its number: an action
    plan prints a sentence ("培育 AAA 级和谐劳动关系企业 10 户，每年各 2 户")."""
    text = ind.target.text
    if ind.target.value is None or not any("\u4e00" <= char <= "\u9fff" for char in text):
        return text
    return _SYMBOL[ind.target.comparator] + _fmt(ind.target.value)


def progress_bar(ev: Evaluation, cells: int = BAR_CELLS) -> str:
    """Progress as a bar of cells, with 序时进度 marked │ (┃ where the bar covers it).

    Beyond the mark is ahead, short of it behind: it reads without colour. Bounds (met or
    not met) have no progress to draw.
    """
    if ev.progress is None or ev.year is None:
        return ""
    filled = max(0.0, min(ev.progress, 1.0)) * cells
    eighths = round(filled * 8)
    text = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
    chars = list(text.ljust(cells, "░"))
    at = min(cells - 1, max(0, round(ev.time_elapsed * cells) - 1))
    chars[at] = "┃" if chars[at] not in ("░", " ") else "│"
    return "".join(chars) + ("▸" if ev.progress > 1 else "")


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


def _with_annual(columns: Sequence[str], evaluations: Sequence[Evaluation]) -> tuple[str, ...]:
    """The columns, with 完成年度目标 before the status where an annual sub-target applies."""
    if not any(ev.annual_target is not None for ev in evaluations):
        return tuple(columns)
    return (*columns[:-1], "annual", columns[-1])


def status_table(
    evaluations: Sequence[Evaluation], title: str, lang: str = "zh", width: int = WIDE
) -> Table:
    """The evaluations as a Rich table, status coloured; fewer columns below WIDE."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    narrow = width < WIDE
    columns = _with_annual(NARROW_COLUMNS if narrow else FULL_COLUMNS, evaluations)
    table = Table(
        title=Text(title),
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
        # Text cells, not strings: no markup to parse, no highlighter to run over each cell.
        cells = _display_cells(ev, lang, narrow=narrow)
        style = STATUS_STYLE[ev.status]
        table.add_row(
            *(Text(cells[key], style=style if key in ("status", "bar") else "") for key in columns)
        )
    return table


def markdown_text(evaluations: Sequence[Evaluation], title: str, lang: str = "zh") -> str:
    """The evaluations as a GitHub Markdown table (CJK aligned through wcwidth)."""
    from tabulate import tabulate

    columns = _with_annual(FULL_COLUMNS, evaluations)
    rows = [[_display_cells(ev, lang)[key] for key in columns] for ev in evaluations]
    headers = [HEADERS[lang][key] for key in columns]
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
        "detail": row.detail.text(),
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
        "detail": row.detail.text(),
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
                row.detail.text(lang),
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
                cross.detail.text(lang),
            )
        tables.append(table)
    return tables


AT_PACE = frozenset({Status.ACHIEVED, Status.AHEAD, Status.ON_TRACK, Status.MET})
_SUMMARY_ORDER = (
    Status.ACHIEVED,
    Status.AHEAD,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.FAR_BEHIND,
    Status.MOVING_AWAY,
    Status.MET,
    Status.NOT_MET,
    Status.NOT_ACHIEVED,
    Status.INCOMPLETE,
    Status.NO_DATA,
    Status.NO_TARGET,
)


def summary(evaluations: Sequence[Evaluation], lang: str = "zh") -> str:
    """The evaluations counted by status in the form evaluations publish, binding lags first."""
    counts = {s: sum(1 for ev in evaluations if ev.status is s) for s in _SUMMARY_ORDER}
    with_data = [ev for ev in evaluations if ev.status not in (Status.NO_DATA, Status.NO_TARGET)]
    at_pace = sum(1 for ev in with_data if ev.status in AT_PACE)
    share = at_pace / len(with_data) * 100 if with_data else 0.0
    binding = [ev for ev in evaluations if ev.severity == "error"]
    words = STATUS_WORDS[lang]
    if lang == "zh":
        parts = "，".join(f"{words[s]} {n} 项" for s, n in counts.items() if n)
        lags = "、".join(ev.indicator.name for ev in binding) or "无"
        return (
            f"共 {len(evaluations)} 项指标：{parts}。"
            f"有数据的 {len(with_data)} 项中，达到或快于序时进度（含已实现、达标）的 {at_pace} 项，"
            f"占 {share:.1f}%。约束性指标滞后：{lags}。"
        )
    parts = ", ".join(f"{words[s]} {n}" for s, n in counts.items() if n)
    lags = ", ".join(ev.indicator.name_en for ev in binding) or "none"
    return (
        f"{len(evaluations)} indicators: {parts}. Of the {len(with_data)} with data, {at_pace}"
        f" ({share:.1f}%) are at or ahead of 序时进度 (achieved and met included)."
        f" Binding indicators lagging: {lags}."
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


BAR_WIDTH = 40
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True, slots=True)
class Axis:
    """The span a bar is drawn over: from origin to top, width characters wide."""

    origin: float
    top: float
    width: int = BAR_WIDTH

    def cells(self, value: float) -> float:
        """How many characters of bar value fills (clipped to the axis)."""
        span = self.top - self.origin
        if span <= 0:
            return 0.0
        return max(0.0, min(value, self.top) - self.origin) / span * self.width


def bar(value: float, axis: Axis) -> str:
    """A horizontal bar of value on the axis, in eighths of a character."""
    eighths = round(axis.cells(value) * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _marked(value: float | None, marker: float | None, axis: Axis) -> str:
    """A bar with the expected position marked: │ beyond the bar, ┃ inside it."""
    text = list((bar(value, axis) if value is not None else "").ljust(axis.width))
    if marker is not None:
        at = min(axis.width - 1, max(0, round(axis.cells(marker)) - 1))
        text[at] = "│" if text[at] == " " else "┃"
    return "".join(text).rstrip()


def story_axis(rows: Sequence[YearRow], ev: Evaluation, width: int = BAR_WIDTH) -> Axis:
    """Totals start at zero; levels start a little below their lowest figure, to show change."""
    ind = ev.indicator
    cumulative = ind.kind is Kind.CUMULATIVE
    values = [r.cumulative if cumulative else r.value for r in rows]
    values += [r.expected for r in rows]
    values += [ind.target.value, ev.projected_trend, None if cumulative else ind.baseline_value]
    known = [v for v in values if v is not None]
    if not known:
        return Axis(0.0, 1.0, width)
    low, high = min(known), max(known)
    top = high + (high - low) * 0.02 if high > low else high * 1.02 or 1.0
    origin = 0.0 if cumulative or low <= 0 else max(0.0, low - (high - low) * 0.5)
    return Axis(origin, top, width)


def story_table(
    rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str = "zh", width: int = 80
) -> Table:
    """An indicator's years drawn as bars against the expected path (│) and the target."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    ind = ev.indicator
    zh = lang == "zh"
    cumulative = ind.kind is Kind.CUMULATIVE
    higher = ind.direction is Direction.HIGHER
    # (label, shown value, bar value, expected, note, style) for each line of the chart.
    lines: list[tuple[str, str, float | None, float | None, str, str]] = []
    baseline = ind.baseline
    if baseline is not None and baseline.value is not None and not cumulative:
        label = "基期" if zh else "baseline"
        lines.append(
            (str(plan_years.start - 1), _fmt(baseline.value), baseline.value, None, label, "dim")
        )
    for row in rows:
        value = row.cumulative if cumulative else row.value
        behind = (
            value is not None
            and row.expected is not None
            and (value < row.expected if higher else value > row.expected)
        )
        note = "" if row.provenance is None else PROVENANCE_WORDS[lang][row.provenance]
        if row.to_date:
            note += "·累计" if zh else ", to date"
        style = "yellow" if behind else "green"
        lines.append((str(row.year), _fmt(value), value, row.expected, note, style))
    if ind.target.value is not None:
        lines.append(
            ("目标" if zh else "Target", ind.target.text, ind.target.value, None, "", "bold")
        )
    if ev.projected_trend is not None:
        note = f"{plan_years.stop - 1}{'预计' if zh else ' trend'}"
        lines.append(
            (
                "趋势" if zh else "Trend",
                _fmt(ev.projected_trend),
                ev.projected_trend,
                None,
                note,
                "cyan",
            )
        )
    headers = (
        ("年份", "累计" if cumulative else "数值", "", "序时", "来源")
        if zh
        else ("Year", "Total" if cumulative else "Value", "", "Expected", "Provenance")
    )
    widths = [
        max(cell_len(headers[0]), *(cell_len(x[0]) for x in lines)),
        max(cell_len(headers[1]), *(cell_len(x[1]) for x in lines)),
        max(cell_len(headers[3]), *(cell_len(_fmt(x[3])) for x in lines)),
        max(cell_len(headers[4]), *(cell_len(x[4]) for x in lines)),
    ]
    axis = story_axis(rows, ev, max(12, min(50, width - sum(widths) - 22)))
    scale = f"{_fmt(axis.origin)} … {_fmt(axis.top)}"
    title = f"{ind.name if zh else ind.name_en}（{ind.unit}）  {ind.source}"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
    for i, header in enumerate(headers):
        table.add_column(
            scale if i == 2 else header, justify="right" if i in (1, 3) else "left", no_wrap=True
        )
    for label, shown, value, expected, note, style in lines:
        drawn = _marked(value, expected, axis)
        table.add_row(
            label, shown, f"[{style}]{drawn}[/]", "" if expected is None else _fmt(expected), note
        )
    return table


OUTLOOK_WORDS = {
    "zh": {
        Outlook.MAINTAIN: "保持（按趋势可实现）",
        Outlook.ACCELERATE: "需加快",
        Outlook.REVERSE: "需扭转",
    },
    "en": {
        Outlook.MAINTAIN: "maintain (the trend reaches the target)",
        Outlook.ACCELERATE: "accelerate",
        Outlook.REVERSE: "reverse the trend",
    },
}


_STORY = {
    "zh": {
        "status": "状态（截至 {as_of} 年）：{status}",
        "completion": "完成度 {completion}，序时进度 {elapsed}",
        "pace": "进度比（进度 ÷ 序时进度）{pace:.2f}",
        "required": "此后每年需{verb} {required} {unit}",
        "trend": "按各年数据的最小二乘趋势，期末预计 {trend} {unit}",
        "outlook": "展望：{outlook}",
        "annual": "{as_of} 年度目标 {target} {unit}，完成年度目标 {done}",
        "note": "说明：{note}",
    },
    "en": {
        "status": "Status as of {as_of}: {status}",
        "completion": "Completion {completion}, time elapsed {elapsed}",
        "pace": "Pace ratio (progress ÷ time elapsed) {pace:.2f}",
        "required": "Required per remaining year: {required} {unit}",
        "trend": "Least-squares trend of every year, at the end year: {trend} {unit}",
        "outlook": "Outlook: {outlook}",
        "annual": "Annual target for {as_of}: {target} {unit}, {done} done",
        "note": "Note: {note}",
    },
}


def story_lines(ev: Evaluation, lang: str = "zh") -> list[str]:
    """The evaluation in sentences, under the chart."""
    ind = ev.indicator
    say = _STORY[lang]
    lines = [say["status"].format(as_of=ev.as_of, status=STATUS_WORDS[lang][ev.status])]
    if ev.completion is not None:
        lines.append(
            say["completion"].format(
                completion=_fmt_pct(ev.completion), elapsed=_fmt_pct(ev.time_elapsed)
            )
        )
    if ev.pace_ratio is not None:
        lines.append(say["pace"].format(pace=ev.pace_ratio))
    if ev.required_per_year is not None:
        verb = "新增" if ind.kind is Kind.CUMULATIVE else "提高"
        lines.append(
            say["required"].format(verb=verb, required=_fmt(ev.required_per_year), unit=ind.unit)
        )
    if ev.projected_trend is not None:
        lines.append(say["trend"].format(trend=_fmt(ev.projected_trend), unit=ind.unit))
    if ev.outlook is not None:
        lines.append(say["outlook"].format(outlook=OUTLOOK_WORDS[lang][ev.outlook]))
    if ev.annual_target is not None:
        lines.append(
            say["annual"].format(
                as_of=ev.as_of,
                target=_fmt(ev.annual_target),
                unit=ind.unit,
                done=_fmt_pct(ev.annual_target_completion),
            )
        )
    if ind.note:
        lines.append(say["note"].format(note=ind.note))
    return lines
