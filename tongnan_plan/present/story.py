"""`tnplan show`: one indicator's years drawn as bars against the expected path and the target,
and its evaluation in sentences.

At the plan's end year the evaluation is final (总结评估): the calculator leaves out the outlook,
the trend and what each remaining year needs, and the sentences say nothing of them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from ..calc.progress import Outlook
from ..model.plan import Direction, Kind
from .cells import (
    EMPTY,
    bracketed,
    completion_cell,
    derived,
    figure,
    note_text,
    notices,
    percent,
    provenance_words,
    status_words,
    without_pace,
)
from .formats import (
    SERIES_COLUMNS,
    catalogue_row,
    series_row,
    status_row,
)
from .typed import typed_cell
from .view import Block, Cell, Heading, Items, Paragraphs, Picture, Records, View
from .view import Table as CellTable

if TYPE_CHECKING:
    from ..calc.evaluation import YearRow
    from ..calc.progress import Evaluation

__all__ = [
    "Axis",
    "bar",
    "marked_bar",
    "story_axis",
    "story_blocks",
    "story_lines",
    "story_screen",
    "story_title",
    "story_view",
]

BAR_WIDTH = 40
_EIGHTHS = " ▏▎▍▌▋▊▉"


class Axis(Struct, frozen=True):
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


def marked_bar(value: float | None, marker: float | None, axis: Axis) -> str:
    """A bar with the expected position marked: │ beyond the bar, ┃ inside it."""
    drawn = list((bar(value, axis) if value is not None else "").ljust(axis.width))
    if marker is not None:
        at = min(axis.width - 1, max(0, round(axis.cells(marker)) - 1))
        drawn[at] = "│" if drawn[at] == " " else "┃"
    return "".join(drawn).rstrip()


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


def story_title(ev: Evaluation, lang: str) -> str:
    """The indicator's name, unit and where the plan prints it."""
    ind = ev.indicator
    name = ind.name if lang == "zh" else ind.name_en
    return f"{bracketed(name, ind.unit, lang)}  {ind.source}"


class _Line(Struct, frozen=True):
    """One line of the chart: its label, the figure shown, what the bar draws, the expected
    position marked on it, a note, and the bar's style."""

    label: str
    shown: str
    value: float | None
    expected: float | None
    note: str
    style: str


def _lines(rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str) -> list[_Line]:
    ind = ev.indicator
    zh = lang == "zh"
    cumulative = ind.kind is Kind.CUMULATIVE
    higher = ind.direction is Direction.HIGHER
    lines: list[_Line] = []
    baseline = ind.baseline
    if baseline is not None and baseline.value is not None and not cumulative:
        label = "基期" if zh else "baseline"
        year = str(plan_years.start - 1)
        lines.append(_Line(year, figure(baseline.value), baseline.value, None, label, "dim"))
    for row in rows:
        value = row.cumulative if cumulative else row.value
        behind = (
            value is not None
            and row.expected is not None
            and (value < row.expected if higher else value > row.expected)
        )
        note = "" if row.provenance is None else provenance_words(row.provenance, lang)
        if row.to_date:
            note += "·累计" if zh else ", to date"
        style = "yellow" if behind else "green"
        lines.append(_Line(str(row.year), figure(value), value, row.expected, note, style))
    if ind.target.value is not None:
        label = "目标" if zh else "Target"
        lines.append(_Line(label, ind.target.text, ind.target.value, None, "", "bold"))
    if ev.projected_trend is not None:
        note = f"{plan_years.stop - 1}{'预计' if zh else ' trend'}"
        label = "趋势" if zh else "Trend"
        trend = ev.projected_trend
        lines.append(_Line(label, figure(trend), trend, None, note, "cyan"))
    return lines


def _chart(
    rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str, width: int
) -> CellTable:
    """An indicator's years drawn as bars against the expected path (│) and the target, the
    bars as wide as a screen of width leaves them."""
    from rich.cells import cell_len

    zh = lang == "zh"
    cumulative = ev.indicator.kind is Kind.CUMULATIVE
    lines = _lines(rows, ev, plan_years, lang)
    headers = (
        ["年份", "累计" if cumulative else "数值", "", "序时", "来源"]
        if zh
        else ["Year", "Total" if cumulative else "Value", "", "Expected", "Provenance"]
    )
    widths = [
        max(cell_len(headers[0]), *(cell_len(x.label) for x in lines)),
        max(cell_len(headers[1]), *(cell_len(x.shown) for x in lines)),
        max(cell_len(headers[3]), *(cell_len(derived(x.expected)) for x in lines)),
        max(cell_len(headers[4]), *(cell_len(x.note) for x in lines)),
    ]
    axis = story_axis(rows, ev, max(12, min(50, width - sum(widths) - 22)))
    headers[2] = f"{derived(axis.origin)} … {derived(axis.top)}"
    cells = [
        [
            Cell(line.label),
            Cell(line.shown),
            Cell(marked_bar(line.value, line.expected, axis), style=line.style),
            Cell("" if line.expected is None else figure(line.expected)),
            Cell(line.note),
        ]
        for line in lines
    ]
    title = story_title(ev, lang)
    return CellTable(headers, cells, title=title, right=frozenset({"1", "3"}), no_wrap=True)


def story_screen(
    rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str, width: int
) -> list[Block]:
    """The story on a screen of a width: the chart, the sentences and the footnotes."""
    return [
        _chart(rows, ev, plan_years, lang, width),
        Paragraphs(story_lines(ev, lang)),
        Paragraphs(notices([ev], lang), "bold yellow"),
    ]


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
        "final": "总结评估（{as_of} 年）：{status}",
        "completion": "完成度 {completion}，序时进度 {elapsed}",
        "progress": "完成度 {completion}；从基期算起的进度 {progress}（状态据此判断），"
        "序时进度 {elapsed}",
        "final_completion": "完成度 {completion}",
        "pace": "进度比（进度 ÷ 序时进度）{pace}",
        "known": "已报送各年合计 {total} {unit}（缺报年份未计入，是下限）",
        "missing": "缺报年份：{years}（缺报不按零计）",
        "required": "此后每年需{verb} {required} {unit}",
        "trend": "按各年数据的最小二乘趋势，期末预计 {trend} {unit}",
        "outlook": "展望：{outlook}",
        "annual": "{as_of} 年度目标 {target} {unit}，完成年度目标 {done}",
        "note": "说明：{note}",
    },
    "en": {
        "status": "Status as of {as_of}: {status}",
        "final": "Final evaluation ({as_of}): {status}",
        "completion": "Completion {completion}, time elapsed {elapsed}",
        "progress": "Completion {completion}; progress from the baseline {progress} (what the"
        " status follows), time elapsed {elapsed}",
        "final_completion": "Completion {completion}",
        "pace": "Pace ratio (progress ÷ time elapsed) {pace}",
        "known": "The years reported sum to {total} {unit} (a lower bound: missing years are"
        " not counted)",
        "missing": "Years missing: {years} (missing is not zero)",
        "required": "Required per remaining year: {required} {unit}",
        "trend": "Least-squares trend of every year, at the end year: {trend} {unit}",
        "outlook": "Outlook: {outlook}",
        "annual": "Annual target for {as_of}: {target} {unit}, {done} done",
        "note": "Note: {note}",
    },
}


def _trend(ev: Evaluation) -> str:
    """The trend's end-year figure, never rounded onto a target it misses."""
    ind = ev.indicator
    higher = ind.direction is Direction.HIGHER
    return derived(ev.projected_trend, short_of=ind.target.value, higher=higher)


def story_lines(ev: Evaluation, lang: str = "zh") -> list[str]:
    """The evaluation in sentences, under the chart; the first line is the status."""
    ind = ev.indicator
    say = _STORY[lang]
    status = status_words(ev.status, lang)
    lines = [say["final" if ev.final else "status"].format(as_of=ev.as_of, status=status)]
    completion = completion_cell(ev)
    if completion != EMPTY:
        if ev.final or without_pace(ev):
            lines.append(say["final_completion"].format(completion=completion))
        else:
            elapsed = percent(ev.time_elapsed)
            progress = percent(ev.progress)
            key = "completion" if progress in (completion, EMPTY) else "progress"
            lines.append(say[key].format(completion=completion, progress=progress, elapsed=elapsed))
    if ev.pace_ratio is not None and not ev.final and ev.status.info.judged:
        lines.append(say["pace"].format(pace=derived(ev.pace_ratio)))
    bound = ev.lower_bound
    if bound is not None:
        lines.append(say["known"].format(total=figure(bound), unit=ind.unit))
    if ev.missing_years and (ev.year is not None or bound is not None):
        separator = "、" if lang == "zh" else ", "
        years = separator.join(str(y) for y in ev.missing_years)
        lines.append(say["missing"].format(years=years))
    if ev.required_per_year is not None:
        verb = "新增" if ind.kind is Kind.CUMULATIVE else "提高"
        required = derived(ev.required_per_year)
        lines.append(say["required"].format(verb=verb, required=required, unit=ind.unit))
    if ev.projected_trend is not None:
        lines.append(say["trend"].format(trend=_trend(ev), unit=ind.unit))
    if ev.outlook is not None:
        lines.append(say["outlook"].format(outlook=OUTLOOK_WORDS[lang][ev.outlook]))
    if ev.annual_target is not None:
        lines.append(
            say["annual"].format(
                as_of=ev.as_of,
                target=figure(ev.annual_target),
                unit=ind.unit,
                done=percent(ev.annual_target_completion),
            )
        )
    note = note_text(ind, lang)
    if note:
        lines.append(say["note"].format(note=note))
    return lines


SERIES_HEADERS = {
    "zh": ("年份", "数值", "截至该年累计", "来源", "累计", "序时应达", "年度目标", "目标"),
    "en": (
        "Year",
        "Value",
        "To date",
        "Provenance",
        "Total",
        "Expected",
        "Annual target",
        "Target",
    ),
}
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


def _series_cells(row: YearRow, ev: Evaluation, lang: str) -> list[Cell]:
    """One year of the series for people: numbers as numbers, the rest in words."""
    record = series_row(row, ev.indicator)
    yes, no = YES_NO[lang]
    record["to_date"] = "" if row.value is None else yes if row.to_date else no
    if row.provenance is not None:
        record["provenance"] = provenance_words(row.provenance, lang)
    return [typed_cell(record[column]) for column in SERIES_COLUMNS]


def story_blocks(
    rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str
) -> list[Block]:
    """The story for people: its title, the yearly series (numbers as numbers), the
    sentences as a list (the first, the status, in its tone), and the chart as a picture."""
    from .chart import chart

    series = [_series_cells(r, ev, lang) for r in rows]
    lines = story_lines(ev, lang) + notices([ev], lang)
    table = CellTable(SERIES_HEADERS[lang], series, numbers=True, name=ev.indicator.id[:31])
    drawn = chart(rows, ev, plan_years.start - 1, lang, end_year=plan_years.stop - 1)
    items = Items(lines, tones=[ev.status.info.css])
    return [Heading(story_title(ev, lang)), table, items, Picture(drawn, drawn.title)]


def story_view(rows: Sequence[YearRow], ev: Evaluation, plan_years: range, lang: str) -> View:
    """`tnplan show`: the yearly series as records (json adds the indicator and its
    evaluation); for people the series, the sentences and the chart (its picture, the SVG);
    on a screen the chart drawn in characters."""

    series = [series_row(r, ev.indicator) for r in rows]
    document = {
        "indicator": catalogue_row(ev.indicator),
        "evaluation": status_row(ev),
        "series": series,
    }
    records = Records(SERIES_COLUMNS, series)
    blocks = functools.partial(story_blocks, rows, ev, plan_years)
    screen = functools.partial(story_screen, rows, ev, plan_years)
    return View(story_title(ev, lang), records, document, blocks=blocks, screen=screen)
