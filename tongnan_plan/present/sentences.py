"""An indicator's result drafted as a sentence of an evaluation report, in Chinese or English.

Every template is in :data:`TEMPLATES`, in both languages, as the catalogue of codes keeps its
messages: "城镇新增就业人数：“十四五”期间累计新增5.45万人，完成目标任务（5万人）的109.0%，
超额完成。"
A sentence is a head (the figure as written, with its unit and year or period), clauses (the
target, completion, 序时进度, a shortfall), the status in the registry's words, and an estimate
where the calculator makes one. No figure is computed here and no status word is written here:
figures come from the evaluation and cells.py, words from model/status.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..calc.progress import Evaluation, satisfies
from ..calc.shortfall import shortfall
from ..model.plan import Attribute, Comparator, Indicator, Kind, PlanInfo, Provenance
from ..model.status import Status
from .cells import (
    SYMBOL,
    bound_completion,
    derived,
    figure,
    percent,
    star,
    status_words,
    without_pace,
)

__all__ = ["FACTS", "TEMPLATES", "binding_first", "facts", "indicator_sentence", "period_words"]

TEMPLATES: dict[str, dict[str, str]] = {
    "zh": {
        # Heads: what the figure is.
        "total": "{name}：{period}累计{verb}{figure}",
        "lower_bound": "{name}：已报送年份累计{verb}不少于{figure}"
        "（{missing}年缺报，缺报不按零计）",
        "level": "{name}：{year}年为{figure}",
        "stale": "{name}：最新数据为{year}年的{figure}（{as_of}年未报送）",
        "no_data": "{name}：截至{as_of}年未报送数据",
        "binding": "（约束性）",
        "estimated": "（预计数）",
        # Clauses: the figure against the target.
        "completion": "完成目标任务（{target}）的{completion}",
        "bound_completion": "已达目标任务（{target}）的{completion}以上",
        "progress": "目标{target}，从基期（{baseline}）算起的进度为{progress}",
        "elapsed": "序时进度{elapsed}",
        "within": "控制在目标（{target}）以内",
        "beyond": "高于目标（{target}）",
        "reached": "达到目标（{target}）",
        "below": "低于目标（{target}）",
        "no_target": "规划未设目标值",
        "short": "距目标差{gap}",
        "over": "超出目标{gap}",
        "annual": "完成{as_of}年度目标（{target}）的{done}",
        "estimate": "按现有趋势，预计{end}年达到{trend}",
        # Joining.
        "period_final": "“{name}”期间",
        "period": "{start}—{end}年",
        "new": "新增",
        "points": "个百分点",
        "clause": "，",
        "then": "；",
        "end": "。",
        "years": "、",
    },
    "en": {
        "total": "{name}: {figure} in total over {period}",
        "lower_bound": "{name}: at least {figure} in total over the years reported ({missing}"
        " missing, and missing is not zero)",
        "level": "{name}: {figure} in {year}",
        "stale": "{name}: {figure} in {year}, the latest reported ({as_of} not reported)",
        "no_data": "{name}: nothing reported up to {as_of}",
        "binding": " (binding)",
        "estimated": " (an estimate)",
        "completion": "{completion} of the target ({target})",
        "bound_completion": "at least {completion} of the target ({target})",
        "progress": "target {target}, progress from the baseline ({baseline}) {progress}",
        "elapsed": "time elapsed {elapsed}",
        "within": "within the target ({target})",
        "beyond": "above the target ({target})",
        "reached": "meeting the target ({target})",
        "below": "below the target ({target})",
        "no_target": "the plan sets no target",
        "short": "{gap} short of it",
        "over": "{gap} over it",
        "annual": "{done} of the annual target for {as_of} ({target})",
        "estimate": "on the trend so far, {trend} expected in {end}",
        "period_final": "the {name} period",
        "period": "{start}–{end}",
        "new": "",
        "points": " percentage points",
        "clause": ", ",
        "then": "; ",
        "end": ".",
        "years": ", ",
    },
}

_PERIOD_NAME = re.compile(r"[“\"]([一二三四五六七八九十]+五)[”\"]")


def period_words(info: PlanInfo, as_of: int, lang: str) -> str:
    """The years a total runs over: the plan's own name for its period at its end year
    (“十四五”期间, from a quoted name in its title), else the years (2021—2024年)."""
    t = TEMPLATES[lang]
    found = _PERIOD_NAME.search(info.title)
    if as_of >= info.end_year and found and lang == "zh":
        return t["period_final"].format(name=found.group(1))
    return t["period"].format(start=info.start_year, end=min(as_of, info.end_year))


def _with_unit(text: str, unit: str, lang: str) -> str:
    """A figure and its unit as each language writes them: closed up in Chinese (5.45万人,
    96.4%), after a space in English except a per cent sign (5.45 万人, 96.4%)."""
    return f"{text}{unit}" if lang == "zh" or unit == "%" else f"{text} {unit}"


def _target(ind: Indicator, lang: str) -> str:
    """The target as a figure with its comparator and unit (5万人, ≤5.5%), not the plan's
    brackets: the sentence says what the brackets mean."""
    return _with_unit(SYMBOL[ind.target.comparator] + figure(ind.target.value), ind.unit, lang)


def _gap(value: float, ind: Indicator, lang: str) -> str:
    """A shortfall in the indicator's unit, a difference of percentages in percentage points;
    a difference of figures as given, with their digits (0.14 − 0.137 is 0.003万人)."""
    return _amount(figure(value), ind, lang)


def _amount(shown: str, ind: Indicator, lang: str) -> str:
    """An amount of the indicator (a shortfall, a rise needed) with its unit; for a
    percentage, in percentage points."""
    if ind.unit == "%":
        return shown + TEMPLATES[lang]["points"]
    return _with_unit(shown, ind.unit, lang)


def _marks(ev: Evaluation, lang: str) -> str:
    """After a figure: * when it is not official, and 预计数 when it is an estimate."""
    estimate = TEMPLATES[lang]["estimated"] if ev.provenance is Provenance.ESTIMATE else ""
    return star(ev) + estimate


def _level(ev: Evaluation, lang: str) -> str:
    """A level's latest figure as reported (its comparator, ≥90), with unit and marks."""
    figure_text = SYMBOL[ev.reported] + figure(ev.actual)
    return _with_unit(figure_text, ev.indicator.unit, lang) + _marks(ev, lang)


def _head(ev: Evaluation, info: PlanInfo, lang: str) -> str:
    t = TEMPLATES[lang]
    ind = ev.indicator
    name = (ind.name if lang == "zh" else ind.name_en) + (
        t["binding"] if ind.attribute is Attribute.BINDING else ""
    )
    verb = t["new"] if "新增" in ind.name else ""
    if ind.kind is Kind.CUMULATIVE:
        bound = ev.lower_bound
        if bound is not None:
            missing = t["years"].join(str(y) for y in ev.missing_years)
            shown = _with_unit(figure(bound), ind.unit, lang) + _marks(ev, lang)
            return t["lower_bound"].format(name=name, verb=verb, figure=shown, missing=missing)
        if ev.cumulative is not None:
            shown = _with_unit(figure(ev.cumulative), ind.unit, lang) + _marks(ev, lang)
            period = period_words(info, ev.as_of, lang)
            return t["total"].format(name=name, period=period, verb=verb, figure=shown)
        return t["no_data"].format(name=name, as_of=ev.as_of)
    if ev.actual is None or ev.year is None:
        return t["no_data"].format(name=name, as_of=ev.as_of)
    shown = _level(ev, lang)
    key = "stale" if ev.year < ev.as_of else "level"
    return t[key].format(name=name, year=ev.year, figure=shown, as_of=ev.as_of)


def _against_target(ev: Evaluation, lang: str) -> list[str]:
    """The clauses that hold the figure against the target."""
    t = TEMPLATES[lang]
    ind = ev.indicator
    if not ind.has_target:
        return [t["no_target"]]
    target = _target(ind, lang)
    share = bound_completion(ev)
    if share is not None:
        return [t["bound_completion"].format(target=target, completion=percent(share))]
    if ev.status in (Status.NO_DATA, Status.INCOMPLETE) and ev.completion is None:
        return []
    clauses = []
    if ev.completion is not None:
        clauses.append(t["completion"].format(target=target, completion=percent(ev.completion)))
        if ind.kind is not Kind.CUMULATIVE and ev.progress is not None and not ev.final:
            baseline = _with_unit(figure(ind.baseline_value), ind.unit, lang)
            progress = t["progress"].format(
                target=target, baseline=baseline, progress=percent(ev.progress)
            )
            clauses[-1] = progress
    elif ev.actual is not None:
        clauses.append(_bound_clause(ev, target, lang))
    if not ev.final and not without_pace(ev) and ev.status.info.judged and ev.completion:
        clauses.append(t["elapsed"].format(elapsed=percent(ev.time_elapsed)))
    gap = shortfall(ev)
    if gap is not None and ev.completion is not None:
        clauses.append(t["short"].format(gap=_gap(gap, ind, lang)))
    elif gap is not None:
        clauses.append(t["over" if _ceiling(ind) else "short"].format(gap=_gap(gap, ind, lang)))
    if ev.annual_target is not None:
        annual = _with_unit(figure(ev.annual_target), ind.unit, lang)
        done = percent(ev.annual_target_completion)
        clauses.append(t["annual"].format(as_of=ev.as_of, target=annual, done=done))
    return clauses


def _ceiling(ind: Indicator) -> bool:
    comparator = ind.target.comparator
    if comparator is Comparator.EQ:
        return ind.direction.value == "lower"
    return comparator in (Comparator.LE, Comparator.LT)


def _bound_clause(ev: Evaluation, target: str, lang: str) -> str:
    """A bound with no percentage: the figure inside the target or outside it."""
    t = TEMPLATES[lang]
    assert ev.actual is not None
    inside = satisfies(ev.actual, ev.indicator, ev.reported)
    if _ceiling(ev.indicator):
        return t["within" if inside else "beyond"].format(target=target)
    return t["reached" if inside else "below"].format(target=target)


def indicator_sentence(ev: Evaluation, info: PlanInfo, lang: str = "zh") -> str:
    """One indicator's result as a sentence: its figure, the target, completion, 序时进度, a
    shortfall, its status, and the calculator's estimate for the end year when it has one."""
    t = TEMPLATES[lang]
    parts = [_head(ev, info, lang), *_against_target(ev, lang), status_words(ev.status, lang)]
    sentence = t["clause"].join(parts)
    if ev.projected_trend is not None and not ev.final:
        trend = _with_unit(derived(ev.projected_trend), ev.indicator.unit, lang)
        sentence += t["then"] + t["estimate"].format(end=info.end_year, trend=trend)
    return sentence + t["end"]


def binding_first(evaluations: Sequence[Evaluation]) -> list[Evaluation]:
    """The evaluations with the binding (约束性) indicators first, each kind in its order."""
    return sorted(evaluations, key=lambda ev: ev.indicator.attribute is not Attribute.BINDING)


FACTS: dict[str, dict[str, str]] = {
    "zh": {
        "achieved": "目标已完成的指标（{n}项）：{items}。",
        "at_pace": "达到或快于序时进度的指标（{n}项）：{items}。",
        "not_achieved": "未完成目标的指标（{n}项）：{items}。",
        "lagging": "滞后于序时进度的指标（{n}项）：{items}。",
        "incomplete": "数据不全、未作结论的指标（{n}项）：{items}。",
        "required": "按目标倒推，此后每年需：{items}。",
        "to_report": "需补报数据：{items}。",
        "none": "无。",
        "item": "{name}（{detail}）",
        "done": "完成{completion}",
        "figure": "{year}年{figure}",
        "gap": "差{gap}",
        "missing": "{years}年缺报",
        "nothing": "未报送",
        "per_year": "{name}{verb}{required}",
        "more_total": "新增",
        "more_level": "提高",
        "join": "、",
        "inner": "，",
    },
    "en": {
        "achieved": "Targets achieved ({n}): {items}.",
        "at_pace": "At or ahead of the time elapsed ({n}): {items}.",
        "not_achieved": "Targets not achieved ({n}): {items}.",
        "lagging": "Behind the time elapsed ({n}): {items}.",
        "incomplete": "Incomplete data, no verdict ({n}): {items}.",
        "required": "Required per remaining year: {items}.",
        "to_report": "Figures still to report: {items}.",
        "none": "None.",
        "item": "{name} ({detail})",
        "done": "{completion} done",
        "figure": "{figure} in {year}",
        "gap": "{gap} short",
        "missing": "{years} missing",
        "nothing": "nothing reported",
        "per_year": "{name}{verb} {required}",
        "more_total": "",
        "more_level": "",
        "join": "; ",
        "inner": ", ",
    },
}


def _detail(ev: Evaluation, lang: str) -> str:
    """What a fact names beside an indicator: its completion and shortfall, else its figure,
    else what is missing."""
    f = FACTS[lang]
    ind = ev.indicator
    if ev.status in (Status.INCOMPLETE, Status.NO_DATA):
        if not ev.missing_years or (ev.status is Status.NO_DATA):
            return f["nothing"]
        return f["missing"].format(years=TEMPLATES[lang]["years"].join(map(str, ev.missing_years)))
    parts = []
    if ev.completion is not None:
        parts.append(f["done"].format(completion=percent(ev.completion)))
    elif ev.actual is not None and ev.year is not None:
        parts.append(f["figure"].format(year=ev.year, figure=_level(ev, lang)))
    gap = shortfall(ev)
    if gap is not None:
        parts.append(f["gap"].format(gap=_gap(gap, ind, lang)))
    return f["inner"].join(parts)


def _items(evaluations: Sequence[Evaluation], lang: str) -> str:
    """Indicators named with their details: 城镇新增就业人数（完成109.0%）、…"""
    f = FACTS[lang]
    return f["join"].join(
        f["item"].format(
            name=ev.indicator.name if lang == "zh" else ev.indicator.name_en,
            detail=_detail(ev, lang),
        )
        for ev in evaluations
    )


def _fact(key: str, evaluations: Sequence[Evaluation], lang: str) -> str:
    if not evaluations:
        return ""
    return FACTS[lang][key].format(n=len(evaluations), items=_items(evaluations, lang))


def _required(evaluations: Sequence[Evaluation], lang: str) -> str:
    f = FACTS[lang]
    due = [ev for ev in evaluations if ev.required_per_year is not None and ev.status.lags]
    if not due:
        return ""
    items = f["join"].join(
        f["per_year"].format(
            name=ev.indicator.name if lang == "zh" else ev.indicator.name_en,
            verb=f["more_total" if ev.indicator.kind is Kind.CUMULATIVE else "more_level"],
            required=_amount(derived(ev.required_per_year), ev.indicator, lang),
        )
        for ev in due
    )
    return f["required"].format(items=items)


def facts(evaluations: Sequence[Evaluation], lang: str = "zh") -> dict[str, list[str]]:
    """What tnplan can offer under the sections only a person can write: for achievements the
    indicators achieved (at pace, mid-period); for problems those not achieved (lagging) with
    their shortfall, and those incomplete for want of data; for next steps what each lagging
    indicator needs per remaining year and the figures still to report."""
    ordered = binding_first(evaluations)
    final = bool(ordered) and all(ev.final for ev in ordered)
    if final:
        good = [ev for ev in ordered if ev.status.info.completed is True]
        bad = [ev for ev in ordered if ev.status.info.completed is False]
    else:
        good = [ev for ev in ordered if ev.status.info.at_pace]
        bad = [ev for ev in ordered if ev.status.lags]
    unknown = [ev for ev in ordered if ev.status in (Status.INCOMPLETE, Status.NO_DATA)]
    found = {
        "achievements": [_fact("achieved" if final else "at_pace", good, lang)],
        "problems": [_fact("not_achieved" if final else "lagging", bad, lang)],
        "next_steps": [_required(ordered, lang)],
    }
    found["problems"].append(_fact("incomplete", unknown, lang))
    if unknown:
        found["next_steps"].append(FACTS[lang]["to_report"].format(items=_items(unknown, lang)))
    none = FACTS[lang]["none"]
    return {key: [line for line in lines if line] or [none] for key, lines in found.items()}
