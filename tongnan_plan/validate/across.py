"""Checks across years: one file a year, unit slips, implausible jumps, running totals given
as flows; then what the selection and the files' own directives choose to report.

Reads no files: the caller hands over the run's checked submissions and, for the years the
run lacks, the earlier years' checked submissions to compare with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath

from ..calc.series import Observation, build_series
from ..model.catalogue import Words, ratio_text
from ..model.diagnostics import Diagnostic
from ..model.plan import Kind, Plan
from ..model.submission import basis_of, figure_of
from .check import Actuals, CheckedSubmission
from .explain import emit
from .selection import Selection
from .slips import remove_slips

__all__ = ["check_run", "compare_with_earlier", "one_per_year"]

#: A year-on-year ratio beyond this (either way) is reported as a likely unit slip.
JUMP_FACTOR = 10.0
#: A cumulative figure of at least this share of the total to date the year before plus one
#: more average year looks like a running total.
RUNNING_TOTAL_SHARE = 0.9


def check_run(
    checked: Sequence[CheckedSubmission],
    plan: Plan,
    earlier: Iterable[CheckedSubmission] = (),
    *,
    compare: bool = True,
    selection: Selection | None = None,
) -> Actuals:
    """The run's submissions checked across years (earlier: years the run lacks, for history).

    Unit slips are errors and always looked for; compare=False skips the checks that can only
    warn (jumps, running totals). selection: the codes to ignore or to report as warnings
    (each file's own directives apply too).
    """
    chosen = selection or Selection()
    by_year = one_per_year(checked)
    history = {c.submission.year: c for c in earlier if c.submission is not None}
    history.update(by_year)
    remove_slips(checked, history, plan, chosen)
    if compare:
        for one in by_year.values():
            one.diagnostics.extend(compare_with_earlier(one, history, plan))
    result = Actuals()
    for one in checked:
        result.files.append(one.file)
        result.changed_by_selection += sum(
            1 for d in one.diagnostics if chosen.chosen(d, None) is not d
        )
        reported = chosen.apply(one.diagnostics, one.document)
        result.diagnostics.extend(sorted(reported, key=lambda d: (d.line, d.column)))
        if one.submission is not None:
            result.submissions.append(one.submission)
            result.submission_files.append(one.file)
    return result


def year_span(years: Sequence[int]) -> str:
    """Years as they are said: ``2021-2024`` when they run on, else ``2021, 2023``."""
    if len(years) > 1 and list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def folders_of(files: Sequence[str]) -> str:
    """The folders files are in (``data/actuals``), each once, for a message."""
    return ", ".join(dict.fromkeys(str(PurePath(f).parent) for f in files))


def one_per_year(checked: Sequence[CheckedSubmission]) -> dict[int, CheckedSubmission]:
    """The first submission of each year; a later one of the same year is reported, not used."""
    by_year: dict[int, CheckedSubmission] = {}
    for one in checked:
        if one.submission is None or one.document is None:
            continue
        year = one.submission.year
        if year in by_year:
            one.diagnostics.append(
                emit(one.document, ("year",), "duplicate-year", other=by_year[year].file, year=year)
            )
            one.submission = None
            continue
        by_year[year] = one
    return by_year


def compare_with_earlier(
    one: CheckedSubmission, earlier: Mapping[int, CheckedSubmission], plan: Plan
) -> list[Diagnostic]:
    """Warnings from comparing one submission with the earlier years' (by year)."""
    if one.submission is None or one.document is None:
        return []
    out: list[Diagnostic] = []
    previous = earlier.get(one.submission.year - 1)
    if previous is not None and previous.submission is not None:
        out.extend(_jumps(one, previous, plan))
    out.extend(_running_totals(one, earlier, plan))
    return out


def _jumps(one: CheckedSubmission, previous: CheckedSubmission, plan: Plan) -> Iterable[Diagnostic]:
    assert one.submission is not None and one.document is not None
    assert previous.submission is not None
    before = previous.submission.values
    for key, raw in one.submission.values.items():
        old_raw = before.get(key)
        if old_raw is None:
            continue
        new_value, new_total, _ = figure_of(raw)
        old_value, old_total, _ = figure_of(old_raw)
        change, same_basis = basis_of(raw)
        if change is not None:  # 口径调整: against the year before on the new basis, if given
            if same_basis is None:
                continue
            old_value, old_total = same_basis, new_total
        if old_value <= 0 or new_value <= 0 or old_total != new_total:
            continue
        ratio = new_value / old_value
        if ratio >= JUMP_FACTOR or ratio <= 1 / JUMP_FACTOR:
            ind = plan.indicator(key)
            yield emit(
                one.document,
                ("values", key),
                "implausible-jump",
                name=Words(ind.name_en, ind.name),
                old=old_value,
                new=new_value,
                unit=ind.unit,
                ratio=ratio_text(ratio),
                previous=previous.submission.year,
                file=previous.file,
            )


def _running_totals(
    one: CheckedSubmission, earlier: Mapping[int, CheckedSubmission], plan: Plan
) -> Iterable[Diagnostic]:
    """Cumulative indicators given as the total to date instead of the year's flow."""
    assert one.submission is not None and one.document is not None
    year = one.submission.year
    years = range(plan.plan.start_year, year)
    past = [
        (found.submission.values, found.submission.provenance, y, found.file)
        for y in years
        if (found := earlier.get(y)) is not None and found.submission is not None
    ]
    if not past:
        return
    by_id = plan.by_id
    for key, raw in one.submission.values.items():
        ind = by_id[key]
        value_now, to_date, _ = figure_of(raw)
        change, same_basis = basis_of(raw)
        if ind.kind is not Kind.CUMULATIVE or to_date or (change and same_basis is None):
            continue
        observations, files = {}, []
        for values, provenance, y, file in past:
            if key in values:
                value, was_total, comparator = figure_of(values[key])
                observations[y] = Observation(y, value, provenance, was_total, comparator)
                files.append(file)
        if not observations:
            continue
        series = build_series(Kind.CUMULATIVE, observations, years)
        total = series.points[-1].total
        if total is None or total <= 0:
            continue
        last_flow = series.points[-1].flow
        if change is not None and same_basis is not None and last_flow:
            total *= same_basis / last_flow  # the total so far, scaled to the new basis
        # The running total would be the total to date plus about one more average year.
        running = total + total / len(series.points)
        if value_now >= RUNNING_TOTAL_SHARE * running:
            yield emit(
                one.document,
                ("values", key),
                "running-total",
                name=Words(ind.name_en, ind.name),
                value=value_now,
                total=total,
                years=year_span(sorted(observations)),
                where=folders_of(files),
                year=year,
            )
