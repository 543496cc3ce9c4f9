"""Targets printed in running text: linked to the table or an earlier printing, or new entries."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model.plan import Attribute, Basis, Comparator, Kind, Tier
from .draft import DraftGroup, DraftIndicator, Printed
from .headers import five_year_period
from .judgement import direction_of, prose_kind
from .linking import (
    comparable,
    decimals_of,
    level_clash,
    names_match,
    same_at_precision,
    same_name,
    value_in,
)
from .prose import ProseFigure

__all__ = ["check_baselines", "prose_indicators"]


def _cite(figure: ProseFigure) -> str:
    return f"{figure.source} ({figure.clause})"


def _same_figure(figure: ProseFigure, entry: DraftIndicator) -> bool:
    if entry.target.value is None or not comparable(figure.unit, entry.unit):
        return False
    converted = value_in(figure.value, figure.unit, entry.unit)
    return (
        converted is not None
        and abs(converted - entry.target.value) < 1e-9
        and names_match(figure.name, entry.name)
    )


_SINCE = re.compile(r"过去五年|五年来|以来|回顾|期间累计|时期累计|已累计|已经")
_YEAR_AT = re.compile(r"(?<!\d)(20\d\d)\s*年")


def _tense(text: str, years: range) -> bool | None:
    """True when text is about a time before the plan, False when about the plan's years."""
    named = five_year_period(text)
    if named is not None:
        return named[1] < years.start
    printed = [int(y) for y in _YEAR_AT.findall(text)]
    if any(y in years for y in printed):
        return False
    if printed and all(y < years.start for y in printed):
        return True
    return True if _SINCE.search(text) else None


def about_the_past(figure: ProseFigure, years: range) -> bool:
    """A figure printed about the previous period ("“十四五”时期…累计达到3.2万人", "2025年…"),
    by its clause, else its sentence: a result, not a target of this plan."""
    if not years:
        return False
    tense = _tense(figure.clause, years)
    if tense is None:
        tense = _tense(figure.sentence, years)
    return bool(tense)


def prose_indicators(
    figures: list[ProseFigure], table_entries: list[DraftIndicator], years: range
) -> tuple[list[DraftIndicator], list[DraftGroup]]:
    """New entries for the targets the prose sets, each other printing linked to its first."""
    made: list[DraftIndicator] = []
    groups: dict[int, DraftGroup] = {}
    per_source: dict[str, int] = {}
    for figure in figures:
        if figure.past or about_the_past(figure, years):
            continue
        if re.match(r"^每年各", figure.clause) and made and made[-1].unit == figure.unit:
            _annual_share(made[-1], figure, years)
            continue
        first = next((e for e in [*table_entries, *made] if _same_figure(figure, e)), None)
        if first is not None:
            _link(first, figure)
            continue
        entry = _entry(figure, per_source, groups)
        _near_misses(entry, figure, [*table_entries, *made])
        made.append(entry)
    return made, list(groups.values())


def _annual_share(entry: DraftIndicator, figure: ProseFigure, years: range) -> None:
    entry.annual_targets = {year: figure.value for year in years}
    entry.note.append(f"annual targets: “{figure.clause}” ({figure.source})")
    entry.review.append(
        f"annual targets: “{figure.clause}” read as {figure.value:g} {figure.unit} in each year "
        f"{years.start}-{years.stop - 1}: right?"
    )


def _link(first: DraftIndicator, figure: ProseFigure) -> None:
    first.also_printed.append(_cite(figure))
    differences = []
    if figure.unit != first.unit:
        differences.append(f"the unit {figure.unit} (here {first.unit})")
    if figure.comparator is not first.target.comparator:
        differences.append(f"the comparator {figure.comparator} (here {first.target.comparator})")
    if differences:
        first.review.append(
            f"also printed in {figure.source} as “{figure.clause}”, with "
            f"{' and '.join(differences)}: the same target? which printing holds?"
        )


def _entry(
    figure: ProseFigure, per_source: dict[str, int], groups: dict[int, DraftGroup]
) -> DraftIndicator:
    chapter = figure.chapter or 0
    if chapter not in groups:
        groups[chapter] = DraftGroup(f"chapter{chapter}", figure.chapter_title)
    slug = _slug(figure.source)
    per_source[slug] = per_source.get(slug, 0) + 1
    judgement = prose_kind(
        figure.name, figure.unit, figure.clause, figure.sentence, figure.per_year
    )
    direction, why = direction_of(figure.name, figure.comparator, None, figure.value)
    entry = DraftIndicator(
        id=f"{slug}_{per_source[slug]}",
        name=figure.name,
        unit=figure.unit,
        group=groups[chapter].id,
        tier=Tier.GOAL if figure.goal else Tier.ACTION,
        kind=judgement.kind,
        attribute=Attribute.ANTICIPATED,
        direction=direction,
        target=Printed(figure.value, figure.comparator, figure.clause),
        source=figure.source,
        note=[f"sentence: {figure.sentence}", *judgement.evidence, why],
        review=list(judgement.review),
        where=figure.where,
    )
    if figure.named_from == "after" or len(figure.name) > 24 or len(figure.name) < 2:
        entry.review.append(
            f"name: “{figure.name}” taken from the words around the figure: a better name?"
        )
    if figure.upper is not None:
        entry.review.append(
            f"target: printed as a range {figure.comparator_word}; read as at least "
            f"{figure.value:g} (upper end {figure.upper:g}): right?"
        )
    if figure.named_from == "list" and re.search(r"各\s*\d", figure.clause):
        entry.review.append(
            f"split: “{figure.clause}” is written as one entry per thing listed before 各: right?"
        )
    if figure.shared_comparator:
        entry.review.append(
            f"comparator: “{figure.comparator_word}” is printed once, after the last figure of "
            f"“{figure.clause}”; read as applying to each: right?"
        )
    return entry


_CN = "一二三四五六七八九十"


def _slug(source: str) -> str:
    """An id stem from a source: 第二章第三节 -> chapter2_section3, 专栏3 第1项 -> zhuanlan3_item1.

    The ids are placeholders a person may rename; they only have to be unique and stable.
    """
    from .outline import chinese_number

    if match := re.match(r"专栏(\d+)\s*第(\d+)项", source):
        return f"zhuanlan{match.group(1)}_item{match.group(2)}"
    if match := re.match(rf"第([{_CN}]+)章第([{_CN}]+)节", source):
        return f"chapter{chinese_number(match.group(1))}_section{chinese_number(match.group(2))}"
    if match := re.match(rf"第([{_CN}]+)章", source):
        return f"chapter{chinese_number(match.group(1))}_intro"
    if match := re.match(r"专栏(\d+)", source):
        return f"zhuanlan{match.group(1)}"
    return "text"


def _near_misses(entry: DraftIndicator, figure: ProseFigure, earlier: list[DraftIndicator]) -> None:
    for other in earlier:
        if not comparable(figure.unit, other.unit) or other.target.value is None:
            continue
        converted = value_in(figure.value, figure.unit, other.unit)
        if converted is None:
            continue
        same_value = abs(converted - other.target.value) < 1e-9
        if (
            same_value
            and level_clash(figure.name, other.name)
            and names_match(
                figure.name.replace("市级", "").replace("国家级", ""),
                other.name.replace("市级", ""),
            )
        ):
            entry.review.append(
                f"duplicate?: {other.source} prints “{other.name}” {other.target.text} "
                f"({other.id}) at another level: the same target, or a different one?"
            )
        elif not same_value and same_name(figure.name, other.name):
            message = (
                f"disagreement?: {figure.source} prints {figure.value:g} {figure.unit} for "
                f"“{figure.name}”, {other.source} prints {other.target.value:g} {other.unit} "
                f"for “{other.name}” ({other.id}): the same quantity? which figure holds?"
            )
            entry.review.append(message)
            other.review.append(message)


def check_baselines(
    entries: list[DraftIndicator], facts: list[ProseFigure], results: list[DraftIndicator]
) -> None:
    """Compare each baseline with the results the text reports (发展基础) and a previous plan's
    table; propose a baseline for levels that have none; flag figures printed differently."""
    for entry in entries:
        if entry.baseline is not None and entry.baseline.value is not None:
            _check_printed_baseline(entry, facts, results)
        elif entry.baseline is None and entry.kind is Kind.ANNUAL and entry.tier is not Tier.MAIN:
            _propose_baseline(entry, facts, results)


def _fact_matches(
    entry: DraftIndicator, facts: list[ProseFigure]
) -> list[tuple[ProseFigure, float]]:
    found = []
    for fact in facts:
        if comparable(fact.unit, entry.unit) and names_match(fact.name, entry.name):
            converted = value_in(fact.value, fact.unit, entry.unit)
            if converted is not None:
                found.append((fact, converted))
    return found


def _check_printed_baseline(
    entry: DraftIndicator, facts: list[ProseFigure], results: list[DraftIndicator]
) -> None:
    assert entry.baseline is not None and entry.baseline.value is not None
    printed, decimals = entry.baseline.value, decimals_of(entry.baseline.text)
    if entry.baseline.comparator is not Comparator.EQ:
        return  # a bound (≤5.5, >95) says too little to compare
    for fact, value in _fact_matches(entry, facts):
        if fact.comparator is not Comparator.EQ:
            continue
        if same_at_precision(printed, decimals, value):
            entry.note.append(f"baseline agrees with {fact.source}: “{fact.clause}”")
        elif abs(value - printed) <= 0.1 * abs(printed):
            entry.review.append(
                f"baseline: the table prints {entry.baseline.text}, {fact.source} prints "
                f"{fact.value:g} {fact.unit} (“{fact.clause}”): which is right?"
            )
    if entry.baseline.basis is Basis.PERIOD:
        return
    for previous in results:
        result = previous.result
        if result is None or result.value is None or "【" not in result.text:
            continue
        converted = value_in(result.value, previous.unit, entry.unit)
        if converted is None:  # 人 against 人次: the same people counted, as 专栏1 and 专栏2 print
            converted = value_in(result.value, previous.unit.rstrip("次"), entry.unit.rstrip("次"))
        if converted is None or not _share_words(previous.name, entry.name):
            continue
        if same_at_precision(printed, decimals, converted):
            entry.baseline.basis = Basis.PERIOD
            entry.baseline.source = previous.source
            entry.review.append(
                f"baseline basis: the baseline {entry.baseline.text} matches {previous.source} "
                f"“{previous.name}” {result.text} {previous.unit}, the previous plan's five-year "
                "total: a period total (basis period), not the baseline year's own figure?"
            )


def _share_words(a: str, b: str) -> bool:
    return any(a[i : i + 3] in b for i in range(len(a) - 2))


def _propose_baseline(
    entry: DraftIndicator, facts: list[ProseFigure], results: list[DraftIndicator]
) -> None:
    candidates = [(f.source, f.clause, v, f.clause) for f, v in _fact_matches(entry, facts)]
    for previous in results:
        if previous.result is None or previous.result.value is None:
            continue
        if names_match(previous.name, entry.name) and comparable(previous.unit, entry.unit):
            value = value_in(previous.result.value, previous.unit, entry.unit)
            if value is not None:
                candidates.append((previous.source, previous.result.text, value, previous.name))
    if not candidates:
        return
    # The candidate whose words are closest to the target's name.
    candidates.sort(key=lambda c: -SequenceMatcher(None, c[3], entry.name).ratio())
    source, text, value, context = candidates[0]
    entry.baseline = Printed(round(value, 6), Comparator.EQ, text, Basis.YEAR, source)
    entry.review.append(
        f"baseline: {value:g} {entry.unit} proposed from {source} (“{context}”): the same "
        "quantity, in the baseline year?"
    )
