"""`tnplan audit` for people and machines: the plan's printed completion figures recomputed, and
the figures it prints twice, as records (CSV, JSON) or as tables for people (every writer
of blocks: the terminal, Markdown, a workbook), built from the same cells, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..calc.audit import Verdict
from .cells import bracketed, derived, figure, number
from .view import Block, Cell, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.audit import BaselineAudit, CompletionAudit, CrossCheckAudit
    from ..model.plan import Indicator

__all__ = [
    "AUDIT_COLUMNS",
    "BASELINE_COLUMNS",
    "CROSSCHECK_COLUMNS",
    "AuditTable",
    "audit_blocks",
    "audit_row",
    "audit_tables",
    "audit_view",
    "baseline_row",
    "crosscheck_row",
    "verdict_words",
]

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

BASELINE_COLUMNS = (
    "id",
    "name",
    "unit",
    "baseline",
    "baseline_text",
    "basis",
    "previous_plan",
    "previous_id",
    "previous_name",
    "previous_year",
    "previous_figure",
    "previous_unit",
    "previous_comparator",
    "previous_total",
    "previous_converted",
    "verdict",
    "detail",
    "source",
    "previous_source",
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


#: A verdict for people: its words in each language, and its colour on a terminal.
VERDICTS: dict[Verdict, tuple[str, str, str]] = {
    Verdict.OK: ("一致", "ok", "green"),
    Verdict.ROUNDING: ("舍入不同", "rounding", "yellow"),
    Verdict.MISMATCH: ("不符", "mismatch", "bold red"),
    Verdict.NOT_COMPARABLE: ("不可比", "not comparable", "cyan"),
}
_STYLE_OF_WORDS = {words: style for zh, en, style in VERDICTS.values() for words in (zh, en)}


def verdict_words(verdict: Verdict, lang: str) -> str:
    """A verdict in words: 一致 / ok, 舍入不同 / rounding, 不符 / mismatch, 不可比 / not
    comparable."""
    zh, en, _ = VERDICTS[verdict]
    return zh if lang == "zh" else en


def baseline_row(row: BaselineAudit) -> dict[str, Any]:
    """One baseline against the previous plan's figure as a flat row (converted: in the
    baseline's unit, empty where the units do not convert)."""
    ind, previous = row.indicator, row.previous
    baseline = ind.baseline
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "baseline": None if baseline is None else number(baseline.value),
        "baseline_text": None if baseline is None else baseline.text,
        "basis": None if baseline is None else baseline.basis.value,
        "previous_plan": previous.plan,
        "previous_id": previous.indicator.id,
        "previous_name": previous.indicator.name,
        "previous_year": previous.year,
        "previous_figure": number(previous.value),
        "previous_unit": previous.indicator.unit,
        "previous_comparator": previous.comparator.value,
        "previous_total": previous.total,
        "previous_converted": None if row.converted is None else number(round(row.converted, 10)),
        "verdict": row.verdict.value,
        "detail": row.detail.text(),
        "source": _baseline_source(ind),
        "previous_source": previous.indicator.source,
    }


class AuditTable(Struct, frozen=True):
    """One table of the audit as text cells: its title, headers and rows; which columns are
    numbers, and which one holds the verdict."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    numeric: frozenset[int] = frozenset()
    verdict: int = -1
    #: Columns a narrow screen leaves out (the inputs of a figure that is shown).
    optional: frozenset[int] = frozenset()
    #: The number behind each cell that shows one (None elsewhere), row by row.
    values: Sequence[tuple[float | int | None, ...]] = ()


def _completion_table(completions: Sequence[CompletionAudit], lang: str) -> AuditTable:
    zh = lang == "zh"
    headers = (
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
    rows = [
        (
            row.indicator.name if zh else row.indicator.name_en,
            figure(row.target),
            figure(row.actual),
            figure(row.published_pct),
            derived(row.computed_pct),
            f"{row.difference_pp:+.2f}",
            verdict_words(row.verdict, lang),
            row.detail.text(lang),
        )
        for row in completions
    ]
    values = [
        (
            None,
            number(r.target),
            number(r.actual),
            number(r.published_pct),
            number(round(r.computed_pct, 4)),  # as the records give it
            number(round(r.difference_pp, 4)),
            None,
            None,
        )
        for r in completions
    ]
    title = "公布的完成率核算" if zh else "Published completion figures, recomputed"
    numeric, optional = frozenset(range(1, 6)), frozenset({1, 2})
    return AuditTable(title, headers, rows, numeric, 6, optional, values)


def _crosscheck_table(crosschecks: Sequence[CrossCheckAudit], lang: str) -> AuditTable:
    zh = lang == "zh"
    headers = (
        ("数字", "第一处", "第二处", "结论", "说明")
        if zh
        else ("Figure", "First", "Second", "Verdict", "Detail")
    )
    rows = [
        (
            cross.check.name,
            bracketed(cross.check.first.text, cross.check.first.source, lang),
            bracketed(cross.check.second.text, cross.check.second.source, lang),
            verdict_words(cross.verdict, lang),
            cross.detail.text(lang),
        )
        for cross in crosschecks
    ]
    title = "两处刊印的同一数字" if zh else "Figures printed twice"
    return AuditTable(title, headers, rows, frozenset(), 3)


def _baseline_source(indicator: Indicator) -> str:
    """Where the plan prints a baseline: its own source, else the indicator's row."""
    baseline = indicator.baseline
    return (baseline.source if baseline is not None else None) or indicator.source


def _baseline_table(baselines: Sequence[BaselineAudit], lang: str) -> AuditTable:
    from ..calc.audit import baseline_text

    zh = lang == "zh"
    opening, closing = ("（", "）") if zh else (" (", ")")
    first = baselines[0].previous
    headers = (
        ("指标", "基期", f"上一规划 {first.year} 年", "结论", "说明")
        if zh
        else ("Indicator", "Baseline", f"Previous plan, {first.year}", "Verdict", "Detail")
    )
    rows = [
        (
            row.indicator.name if zh else row.indicator.name_en,
            f"{baseline_text(row.indicator)}{opening}{_baseline_source(row.indicator)}{closing}",
            f"{row.previous.text()}{opening}{row.previous.indicator.source}{closing}",
            verdict_words(row.verdict, lang),
            row.detail.text(lang),
        )
        for row in baselines
    ]
    title = (
        f"基期与上一规划（{first.plan}）的数字"
        if zh
        else f"Baselines against the previous plan ({first.plan})"
    )
    return AuditTable(title, headers, rows, frozenset(), 3)


def audit_tables(
    completions: Sequence[CompletionAudit],
    crosschecks: Sequence[CrossCheckAudit],
    lang: str,
    baselines: Sequence[BaselineAudit] = (),
) -> list[AuditTable]:
    """The audit's tables: printed completion figures, figures printed twice, then the
    baselines against the previous plan's figures."""
    tables = []
    if completions:
        tables.append(_completion_table(completions, lang))
    if crosschecks:
        tables.append(_crosscheck_table(crosschecks, lang))
    if baselines:
        tables.append(_baseline_table(baselines, lang))
    return tables


def audit_blocks(tables: Sequence[AuditTable]) -> list[Block]:
    """The audit's tables for people, each under its title: on a screen, figures and verdicts
    (in their colours) never break, the rest wraps between its phrases, and the optional
    columns go where that text would get too little room."""
    blocks: list[Block] = []
    for table in tables:
        values = table.values or [(None,) * len(table.headers)] * len(table.rows)
        rows = [
            [
                Cell(text, value, _STYLE_OF_WORDS.get(text, "") if i == table.verdict else "")
                for i, (text, value) in enumerate(zip(row, numbers, strict=True))
            ]
            for row, numbers in zip(table.rows, values, strict=True)
        ]
        kept = {*table.numeric, table.verdict}
        prose = frozenset(str(i) for i in range(len(table.headers)) if i not in kept)
        right = frozenset(str(i) for i in table.numeric)
        optional = frozenset(str(i) for i in table.optional)
        blocks.append(
            CellTable(
                table.headers, rows, title=table.title, right=right, prose=prose, optional=optional
            )
        )
    return blocks


def audit_view(
    completions: Sequence[CompletionAudit],
    crosschecks: Sequence[CrossCheckAudit],
    baselines: Sequence[BaselineAudit],
    records: str = "completions",
) -> View:
    """`tnplan audit`: the records of the completions, the crosschecks or the baselines (the
    record formats write one table), and every table drawn for people."""
    tables = {
        "completions": Records(AUDIT_COLUMNS, [audit_row(c) for c in completions]),
        "crosschecks": Records(CROSSCHECK_COLUMNS, [crosscheck_row(c) for c in crosschecks]),
        "baselines": Records(BASELINE_COLUMNS, [baseline_row(b) for b in baselines]),
    }

    def blocks(lang: str) -> list[Block]:
        return audit_blocks(audit_tables(completions, crosschecks, lang, baselines))

    return View("audit", tables[records], blocks=blocks)
