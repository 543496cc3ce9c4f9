"""Figures turned into display cells, once, for every table tnplan draws.

The terminal table, Markdown, the recorded SVG and HTML, and the report all show an evaluation
through :func:`status_cells`, so a figure reads the same everywhere: its comparator (≥ ≤ > <),
the plan's brackets (【5】), 累计 for a running total, ``*`` for a figure that is not official,
``†`` for a year missing, ≥ before a total that is only a lower bound. The cells are plain
text; each format escapes them its own way (escaping.py, terminal.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..calc.progress import Evaluation
from ..model.plan import Comparator, Indicator, Kind, Provenance
from ..model.status import Status

__all__ = [
    "FULL_COLUMNS",
    "HEADERS",
    "NARROW_COLUMNS",
    "NUMERIC_COLUMNS",
    "REPORT_COLUMNS",
    "completion_cell",
    "figure",
    "gap_notice",
    "lower_bound",
    "notices",
    "number",
    "percent",
    "progress_bar",
    "provenance_words",
    "status_cells",
    "status_words",
    "with_annual",
    "without_pace",
]

GAP = "†"
UNOFFICIAL = "*"
EMPTY = "—"
BAR_CELLS = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"

SYMBOL = {
    Comparator.EQ: "",
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
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
#: The report's tables by area.
REPORT_COLUMNS = (
    "name",
    "unit",
    "baseline",
    "target",
    "latest",
    "year",
    "completion",
    "elapsed",
    "status",
)
NUMERIC_COLUMNS = frozenset({"latest", "year", "completion", "progress", "elapsed", "annual"})

_PROVENANCE_WORDS = {"zh": {p: p.zh for p in Provenance}, "en": {p: p.value for p in Provenance}}

NOT_OFFICIAL = {
    "zh": "注意：标 * 的数字不是正式统计数据（{kinds}），仅供演示或参考。",
    "en": "Note: figures marked * are not official statistics ({kinds}).",
}
GAP_NOTICE = {
    "zh": "† 有年份缺报，缺报不按零计：标 ≥ 的累计数是已报送各年之和（下限），"
    "其余数字只计到所示年份。",
    "en": "† a year is missing, and missing is not zero: a total marked ≥ is the sum of the "
    "years reported (a lower bound); other figures run only to the year shown.",
}


def status_words(status: Status, lang: str) -> str:
    """A status in words."""
    return status.info.words(lang)


def provenance_words(provenance: Provenance, lang: str) -> str:
    """A provenance in words (正式, 示例, …)."""
    return _PROVENANCE_WORDS[lang][provenance]


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


def figure(value: float | None) -> str:
    """A figure for people: thousands separated, at most two decimals, — when undefined."""
    if value is None:
        return EMPTY
    shown = number(value)
    if shown is None:
        return EMPTY
    if isinstance(shown, float):
        return f"{shown:,.2f}".rstrip("0").rstrip(".")
    return f"{shown:,}"


def percent(fraction: float | None) -> str:
    """A fraction as a percentage with one decimal, — when undefined."""
    if fraction is None or not math.isfinite(fraction):
        return EMPTY
    return f"{fraction * 100:.1f}%"


def star(ev: Evaluation) -> str:
    """* when a figure used is not official."""
    return "" if ev.provenance in (None, Provenance.OFFICIAL) else UNOFFICIAL


def lower_bound(ev: Evaluation) -> float | None:
    """The sum of the reported flows, where it stands in for a total not known at the as-of
    year (a year missing, or the as-of year not yet in); None where the total is known."""
    if ev.indicator.kind is not Kind.CUMULATIVE or ev.known_total is None:
        return None
    if ev.cumulative is not None and ev.year == ev.as_of:
        return None
    return ev.known_total


def shown_year(ev: Evaluation) -> int | None:
    """The year the figure shown is from: the latest year reported, for a lower bound."""
    if lower_bound(ev) is None:
        return ev.year
    missing = set(ev.missing_years)
    return next((y for y in range(ev.as_of, ev.as_of - 1000, -1) if y not in missing), None)


def has_gap(ev: Evaluation) -> bool:
    """A missing year touches the figure shown: a total that is only a lower bound, or a
    figure from a year before the as-of year. (A gap closed by a total to date, or before a
    level's current figure, changes nothing shown: missing_years still lists it.)"""
    if lower_bound(ev) is not None:
        return True
    return ev.year is not None and ev.year < ev.as_of


def name_cell(ind: Indicator, lang: str) -> str:
    """The indicator's name; a sub-indicator (其中) says so."""
    name = ind.name if lang == "zh" else ind.name_en
    if ind.parent is not None:
        name = ("其中：" if lang == "zh" else "of which: ") + name.removeprefix("of which, ")
    return name


def target_cell(ind: Indicator) -> str:
    """The target as printed when that is a figure (【5】, ≤5.5), else its number: an action
    plan prints a sentence ("培育 AAA 级和谐劳动关系企业 10 户，每年各 2 户")."""
    text = ind.target.text
    if ind.target.value is None or not any("\u4e00" <= char <= "\u9fff" for char in text):
        return text
    return SYMBOL[ind.target.comparator] + figure(ind.target.value)


def _joined_unit(unit: str) -> str:
    """A unit after a figure in a narrow table: "%" close up, a word after a space, where a
    narrow column may wrap it ("【4.7】 万人")."""
    return unit if unit == "%" or not unit else " " + unit


def latest_cell(ev: Evaluation, lang: str) -> str:
    """The latest figure: 累计 before a running total (≥ when it is a lower bound), the
    comparator of a figure reported as a bound, * when not official."""
    if ev.indicator.kind is Kind.CUMULATIVE:
        bound = lower_bound(ev)
        if bound is None and ev.cumulative is None:
            return EMPTY
        shown = figure(ev.cumulative) if bound is None else "≥" + figure(bound)
        return ("累计 " if lang == "zh" else "Σ ") + shown + star(ev)
    if ev.actual is None:
        return EMPTY
    return SYMBOL[ev.reported] + figure(ev.actual) + star(ev)


def year_cell(ev: Evaluation) -> str:
    """The year the figure shown is from, † when a year up to the as-of year is missing."""
    year = shown_year(ev)
    if year is None:
        return EMPTY
    return str(year) + (GAP if has_gap(ev) else "")


def completion_cell(ev: Evaluation) -> str:
    """Completion; where the total is only a lower bound, the share of the target that bound
    already is, marked ≥ (the total can only be larger)."""
    bound = lower_bound(ev)
    if bound is None:
        return percent(ev.completion)
    target = ev.indicator.target.value
    if not target:
        return EMPTY
    return "≥" + percent(bound / target)


def without_pace(ev: Evaluation) -> bool:
    """Incomplete data: no progress, 序时进度 or bar is shown, as no pace is judged."""
    return ev.status is Status.INCOMPLETE


def status_cells(ev: Evaluation, lang: str, *, narrow: bool = False) -> dict[str, str]:
    """Every cell of an evaluation's row, by column key (see HEADERS)."""
    ind = ev.indicator
    return {
        "name": name_cell(ind, lang),
        "unit": ind.unit,
        "baseline": EMPTY if ind.baseline is None else ind.baseline.text,
        "target": target_cell(ind) + (_joined_unit(ind.unit) if narrow else ""),
        "latest": latest_cell(ev, lang),
        "year": year_cell(ev),
        "completion": completion_cell(ev),
        "progress": EMPTY if without_pace(ev) else percent(ev.progress),
        "elapsed": EMPTY if ev.year is None or without_pace(ev) else percent(ev.time_elapsed),
        "bar": progress_bar(ev),
        "annual": "" if ev.annual_target is None else percent(ev.annual_target_completion),
        "status": status_words(ev.status, lang),
    }


def with_annual(columns: Sequence[str], evaluations: Sequence[Evaluation]) -> tuple[str, ...]:
    """The columns, with 完成年度目标 before the status where an annual sub-target applies."""
    if not any(ev.annual_target is not None for ev in evaluations):
        return tuple(columns)
    return (*columns[:-1], "annual", columns[-1])


def progress_bar(ev: Evaluation, cells: int = BAR_CELLS) -> str:
    """Progress as a bar of cells, with 序时进度 marked │ (┃ where the bar covers it).

    Beyond the mark is ahead, short of it behind: it reads without colour. Bounds (met or
    not met) have no progress to draw.
    """
    if ev.progress is None or ev.year is None or not math.isfinite(ev.progress):
        return ""
    if not ev.status.info.judged:  # incomplete data: no pace to draw
        return ""
    filled = max(0.0, min(ev.progress, 1.0)) * cells
    eighths = round(filled * 8)
    text = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
    chars = list(text.ljust(cells, "░"))
    at = min(cells - 1, max(0, round(ev.time_elapsed * cells) - 1))
    chars[at] = "┃" if chars[at] not in ("░", " ") else "│"
    return "".join(chars) + ("▸" if ev.progress > 1 else "")


def not_official_notice(evaluations: Sequence[Evaluation], lang: str) -> str | None:
    """The notice to print when any figure shown is not official, else None."""
    kinds = sorted(
        {ev.provenance for ev in evaluations if ev.provenance not in (None, Provenance.OFFICIAL)},
        key=lambda p: p.rank,
    )
    if not kinds:
        return None
    separator = "、" if lang == "zh" else ", "
    words = separator.join(provenance_words(p, lang) for p in kinds if p is not None)
    return NOT_OFFICIAL[lang].format(kinds=words)


def gap_notice(evaluations: Sequence[Evaluation], lang: str) -> str | None:
    """The footnote for †, when a row shows it, else None."""
    return GAP_NOTICE[lang] if any(has_gap(ev) for ev in evaluations) else None


def notices(evaluations: Sequence[Evaluation], lang: str) -> list[str]:
    """The footnotes for the markers (†, *) a table of these evaluations shows."""
    found = (gap_notice(evaluations, lang), not_official_notice(evaluations, lang))
    return [note for note in found if note is not None]
