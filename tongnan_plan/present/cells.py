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

from ..calc import rounding
from ..calc.progress import Evaluation, has_numeric_path
from ..calc.rounding import as_given, half_up, percent_half_up, written
from ..model.plan import Attribute, Comparator, Direction, Figure, Indicator, Kind, Provenance
from ..model.status import Status

__all__ = [
    "FULL_COLUMNS",
    "HEADERS",
    "NARROW_COLUMNS",
    "NUMERIC_COLUMNS",
    "REPORT_COLUMNS",
    "attribute_words",
    "baseline_cell",
    "basis_mark",
    "basis_notice",
    "bound_completion",
    "bracketed",
    "completion_cell",
    "derived",
    "figure",
    "gap_notice",
    "kind_words",
    "latest_prefix",
    "name_cell",
    "note_text",
    "notices",
    "number",
    "percent",
    "progress_bar",
    "progress_notice",
    "provenance_words",
    "star",
    "status_cells",
    "status_words",
    "target_cell",
    "target_with_unit",
    "with_annual",
    "without_pace",
]

GAP = "†"
BASIS_CHANGED = "‡"
UNOFFICIAL = "*"
EMPTY = "—"
BAR_CELLS = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"

#: The word before a running total, in every table and workbook that writes one.
TOTAL = {"zh": "累计 ", "en": "Σ "}

#: Each comparator's sign before a figure (Comparator.sign), by comparator.
SYMBOL = {comparator: comparator.sign for comparator in Comparator}

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
        "target_unit": "目标",
        "judged": "完成度",
        "judged_bar": "完成度 进度（│ 序时）",
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
        "bar": "Progress │due",
        "annual": "Annual target done",
        "status": "Status",
        "target_unit": "Target",
        "judged": "Completion",
        "judged_bar": "Completion, progress │due",
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
#: Narrower tables (see layout.py): the unit joins the target ("target_unit"), and the figure
#: the status is judged on ("judged": progress, which for a total is its completion) stands
#: alone or before its bar ("judged_bar").
NARROW_COLUMNS = ("name", "target_unit", "latest", "year", "judged_bar", "status")
#: The report's tables by area: the full table without the bar.
REPORT_COLUMNS = tuple(key for key in FULL_COLUMNS if key != "bar")
NUMERIC_COLUMNS = frozenset(
    {"latest", "year", "completion", "progress", "elapsed", "annual", "judged"}
)

_KIND_WORDS = {
    "zh": {Kind.CUMULATIVE: "累计", Kind.ANNUAL: "年度"},
    "en": {Kind.CUMULATIVE: "cumulative", Kind.ANNUAL: "annual"},
}
_ATTRIBUTE_WORDS = {
    "zh": {Attribute.ANTICIPATED: "预期性", Attribute.BINDING: "约束性"},
    "en": {Attribute.ANTICIPATED: "anticipated", Attribute.BINDING: "binding"},
}
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


def kind_words(kind: Kind, lang: str) -> str:
    """How an indicator's yearly figures combine, in words (累计, 年度)."""
    return _KIND_WORDS[lang][kind]


def attribute_words(attribute: Attribute, lang: str) -> str:
    """An indicator's attribute in words (预期性 / anticipated, 约束性 / binding)."""
    return _ATTRIBUTE_WORDS[lang][attribute]


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
    """A figure for people as it was given (0.137 stays 0.137), thousands separated, — when
    undefined. For a figure tnplan derives, see derived()."""
    if value is None or not math.isfinite(value):
        return EMPTY
    return written(as_given(value))


def derived(value: float | None, *, short_of: float | None = None, higher: bool = True) -> str:
    """A figure tnplan derives (a projection, a figure needed per year, an axis end), rounded
    half up to two decimals; never onto short_of, a target the figure misses."""
    if value is None or not math.isfinite(value):
        return EMPTY
    if short_of is None:
        rounded = half_up(value, 2)
    else:
        rounded = rounding.short_of(value, 2, short_of, below=higher)
    return written(rounded.normalize() if rounded else rounded.quantize(1))


def percent(fraction: float | None) -> str:
    """A fraction as a percentage with one decimal, rounded half up (84.25 % is 84.3 %); a
    fraction short of 1 never reads 100.0 %. — when undefined."""
    if fraction is None or not math.isfinite(fraction):
        return EMPTY
    return written(percent_half_up(fraction)) + "%"


def star(ev: Evaluation) -> str:
    """* when a figure used is not official."""
    return "" if ev.provenance in (None, Provenance.OFFICIAL) else UNOFFICIAL


def name_cell(ind: Indicator, lang: str, *, short: bool = False) -> str:
    """The indicator's name (short: its short name, where the plan file gives one); a
    sub-indicator (其中) says so."""
    if lang == "zh":
        name = (ind.short_name if short else None) or ind.name
    else:
        name = (ind.short_name_en if short else None) or ind.name_en
    if ind.parent is not None:
        name = ("其中：" if lang == "zh" else "of which: ") + name.removeprefix("of which, ")
    return name


def baseline_cell(ind: Indicator) -> str:
    """The baseline as printed, or its number where it is printed in another unit than the
    indicator's (16000 人 in a 万人 row shows 1.6) or within a sentence; — where none."""
    baseline = ind.baseline
    if baseline is None:
        return EMPTY
    if baseline.unit is not None and baseline.unit != ind.unit and baseline.value is not None:
        return SYMBOL[baseline.comparator] + figure(baseline.value)
    return _printed(baseline)


def target_cell(ind: Indicator) -> str:
    """The target as printed when that is a figure (【5】, ≤5.5), else its number: an action
    plan prints a sentence ("培育 AAA 级和谐劳动关系企业 10 户，每年各 2 户"). A bare target
    with nothing to climb (100 % held from a baseline of 100 %) says what it is judged as: a
    floor (≥100%) or a ceiling held every year."""
    printed = _printed(ind.target)
    if ind.target.comparator is Comparator.EQ and _held(ind):
        return SYMBOL[Comparator.GE if ind.direction is Direction.HIGHER else Comparator.LE] + (
            printed
        )
    return printed


def _held(ind: Indicator) -> bool:
    """A level's target with no path to it: a bound held each year (see has_numeric_path)."""
    return ind.kind is Kind.ANNUAL and ind.has_target and not has_numeric_path(ind)


def _printed(printed: Figure) -> str:
    """A figure as printed when that is a figure, else its number (a sentence around it)."""
    text = printed.text
    if printed.value is None or not any("\u4e00" <= char <= "\u9fff" for char in text):
        return text
    return SYMBOL[printed.comparator] + figure(printed.value)


def note_text(ind: Indicator, lang: str) -> str | None:
    """The plan file's note on an indicator in lang: note_zh for Chinese (note where the plan
    file has no Chinese note), note for English."""
    return (ind.note_zh or ind.note) if lang == "zh" else ind.note


def bracketed(text: str, aside: str, lang: str) -> str:
    """Text with an aside in brackets, as each language writes them: 城镇新增就业人数（万人）,
    New urban jobs (万人)."""
    return f"{text}（{aside}）" if lang == "zh" else f"{text} ({aside})"


def target_with_unit(ind: Indicator) -> str:
    """The target with its unit, for a table without a unit column: close up ("【4.7】万人",
    "≤5.5%"), a unit of Latin letters after a space."""
    unit = ind.unit
    return target_cell(ind) + (" " + unit if unit[:1].isascii() and unit[:1].isalpha() else unit)


def latest_cell(ev: Evaluation, lang: str) -> str:
    """The latest figure (Evaluation.shown) after its latest_prefix, * when not official, ‡
    across a 口径调整."""
    if ev.shown is None:
        return EMPTY
    return latest_prefix(ev, lang) + figure(ev.shown) + star(ev) + basis_mark(ev)


def latest_prefix(ev: Evaluation, lang: str) -> str:
    """What stands before the latest figure: 累计 before a running total (≥ after it where
    the total is only a lower bound), else the comparator of a figure reported as a bound."""
    if ev.indicator.kind is Kind.CUMULATIVE:
        return TOTAL[lang] + ("≥" if ev.lower_bound is not None else "")
    return SYMBOL[ev.reported]


def basis_mark(ev: Evaluation) -> str:
    """‡ where the figures run across a 口径调整 (see basis_notice)."""
    return BASIS_CHANGED if ev.basis is not None else ""


def year_cell(ev: Evaluation) -> str:
    """The year the figure shown is from, † when a missing year touches it."""
    return EMPTY if ev.year is None else str(ev.year) + (GAP if ev.gap else "")


def completion_cell(ev: Evaluation) -> str:
    """Completion; where the total is only a lower bound, the share of the target that bound
    already is, marked ≥ (the total can only be larger)."""
    if ev.lower_bound is None:
        return percent(ev.completion)
    share = bound_completion(ev)
    return EMPTY if share is None else "≥" + percent(share)


def bound_completion(ev: Evaluation) -> float | None:
    """The share of the target a total that is only a lower bound already is (its completion
    can only be larger); None where the total is known or there is no target."""
    bound = ev.lower_bound
    target = ev.indicator.target.value
    if bound is None or not target:
        return None
    return bound / target


def without_pace(ev: Evaluation) -> bool:
    """Incomplete data: no progress, 序时进度 or bar is shown, as no pace is judged."""
    return ev.status is Status.INCOMPLETE


def status_cells(ev: Evaluation, lang: str) -> dict[str, str]:
    """Every cell of an evaluation's row, by column key (see HEADERS)."""
    ind = ev.indicator
    target = target_cell(ind)
    return {
        "name": name_cell(ind, lang),
        "short_name": name_cell(ind, lang, short=True),
        "unit": ind.unit,
        "baseline": baseline_cell(ind),
        "target": target,
        "target_unit": target_with_unit(ind),
        # The headline beside the status: completion as 专栏1 prints it. Progress from the
        # baseline, the pace measure, has its own column in the wide tables and draws the bar.
        "judged": completion_cell(ev),
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
    """The columns for these evaluations: 完成年度目标 before the status where an annual
    sub-target applies; no 序时进度 in a final evaluation (it is 100 % in every row)."""
    if evaluations and all(ev.final for ev in evaluations):
        columns = [key for key in columns if key != "elapsed"]
    if not any(ev.annual_target is not None for ev in evaluations):
        return tuple(columns)
    return (*columns[:-1], "annual", columns[-1])


def progress_bar(ev: Evaluation) -> str:
    """Progress as a bar of cells, with 序时进度 marked │ (┃ where progress is at or past it).

    Beyond the mark is ahead, short of it behind: it reads without colour. Bounds (met or
    not met) have no progress to draw.
    """
    if ev.progress is None or ev.year is None or not math.isfinite(ev.progress):
        return ""
    if not ev.status.info.judged:  # incomplete data: no pace to draw
        return ""
    filled = max(0.0, min(ev.progress, 1.0)) * BAR_CELLS
    eighths = round(filled * 8)
    text = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
    chars = list(text.ljust(BAR_CELLS, "░"))
    at = min(BAR_CELLS - 1, max(0, round(ev.time_elapsed * BAR_CELLS) - 1))
    reached = ev.progress >= ev.time_elapsed  # ┃ only at or past 序时进度, never for a near miss
    chars[at] = "┃" if reached else "│"
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


PROGRESS_NOTICE = {
    "zh": "完成度：最新值（累计指标为累计数）÷ 目标，即专栏1 的“完成目标 %”，超过 100% 为超额；"
    "进度：从基期到目标已走过的比例（累计指标即完成度），中期评估以之与序时进度相比判断状态。",
    "en": "Completion: the latest figure (for a total, the total) ÷ the target, as the plan's"
    " table 1 prints its completion column; over 100 % the target is beaten. Progress: the"
    " share of the way from the baseline to the target (for a total, its completion), which"
    " a mid-period status compares with the time elapsed.",
}
ELAPSED = {"zh": "序时进度 {elapsed}。", "en": " Time elapsed: {elapsed}."}


def progress_notice(evaluations: Sequence[Evaluation], lang: str, *, bar: bool) -> str:
    """What a narrow table's progress column holds; 序时进度 too where no bar marks it (none
    in a final evaluation)."""
    note = PROGRESS_NOTICE[lang]
    elapsed = next((ev.time_elapsed for ev in evaluations if ev.year == ev.as_of), None)
    if bar or elapsed is None or any(ev.final for ev in evaluations):
        return note
    return note + ELAPSED[lang].format(elapsed=percent(elapsed))


BASIS_NOTICE = {
    "zh": "‡ 口径调整：{name}（{year} 年）：{text}。",
    "en": "‡ Change of definition (口径调整): {name} ({year}): {text}.",
}
BASIS_SAME = {
    "zh": "上年同口径数 {figure}{unit}，完成度、进度按同口径计算。",
    "en": " The year before on the new basis: {figure} {unit}; completion and progress are"
    " reckoned on one basis.",
}
BASIS_TOTAL = {
    "zh": "上年同口径数 {figure}{unit}；累计数为所报各年数字之和，不作调整。",
    "en": " The year before on the new basis: {figure} {unit}; the total is the sum of the"
    " figures as reported, not adjusted.",
}
BASIS_ALONE = {
    "zh": "未给出上年同口径数，前后数字不可比，完成度、进度按所报数字计算，需复核。",
    "en": " No figure for the year before on the new basis: the years do not compare, and"
    " completion and progress are reckoned on the figures as reported (needs review).",
}


def basis_notice(ev: Evaluation, lang: str) -> str | None:
    """What a ‡ says: the indicator's 口径调整, and how its figures are reckoned across it."""
    basis = ev.basis
    if basis is None:
        return None
    ind = ev.indicator
    name = ind.name if lang == "zh" else ind.name_en
    said = BASIS_NOTICE[lang].format(name=name, year=basis.year, text=basis.text)
    if basis.previous_same_basis is None:
        return said + BASIS_ALONE[lang]
    words = BASIS_TOTAL if ind.kind is Kind.CUMULATIVE else BASIS_SAME
    return said + words[lang].format(figure=figure(basis.previous_same_basis), unit=ind.unit)


def gap_notice(evaluations: Sequence[Evaluation], lang: str) -> str | None:
    """The footnote for †, when a row shows it, else None."""
    return GAP_NOTICE[lang] if any(ev.gap for ev in evaluations) else None


#: Chinese units an English table keeps as the plan prints them, in English.
UNIT_WORDS = {
    "万人": "10,000 persons",
    "万人次": "10,000 person-times",
    "万张": "10,000 cards",
    "万元": "10,000 yuan",
    "亿元": "100 million yuan",
    "人": "persons",
    "人次": "person-times",
    "名": "persons",
    "个": "units",
    "家": "organisations",
    "户": "households",
    "张": "cards",
    "平方米": "square metres",
}
BRACKETS_EN = "【】: a figure the plan prints in these brackets, by its note a five-year total."
#: The Chinese an English table keeps on purpose, and explains under it (units_notice).
GLOSSED = ("万 = 10,000", "亿 = 100 million", "【】", *UNIT_WORDS)


def units_notice(indicators: Sequence[Indicator], lang: str) -> str | None:
    """In English, the Chinese units and the plan's 【】 a table shows, explained once; None
    in Chinese, or where the table shows neither."""
    if lang == "zh":
        return None
    units = dict.fromkeys(ind.unit for ind in indicators if ind.unit in UNIT_WORDS)
    said = [f"{unit} = {UNIT_WORDS[unit]}" for unit in units]
    scales = [
        gloss
        for prefix, gloss in (("万", "万 = 10,000"), ("亿", "亿 = 100 million"))
        if any(unit.startswith(prefix) for unit in units)
    ]
    said = scales + said
    parts = ["Units: " + "; ".join(said) + "."] if said else []
    if any("【" in ind.target.text for ind in indicators):
        parts.append(BRACKETS_EN)
    return " ".join(parts) or None


def notices(evaluations: Sequence[Evaluation], lang: str) -> list[str]:
    """The footnotes for the markers (†, *) a table of these evaluations shows, and in English
    what its Chinese units and 【】 mean."""
    found = (
        gap_notice(evaluations, lang),
        *(basis_notice(ev, lang) for ev in evaluations),
        not_official_notice(evaluations, lang),
        units_notice([ev.indicator for ev in evaluations], lang),
    )
    return [note for note in found if note is not None]
