"""Unit slips, reported: each year's figures judged against the plan and the years before.

The arithmetic of what is plausible is validate/plausible.py. Reads no files; works on
checked submissions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model.catalogue import figure_text, ratio_text
from ..model.diagnostics import Diagnostic
from ..model.plan import Indicator, Kind, Plan
from ..model.submission import figure_of
from ..model.units import normalise_unit
from ..sources.yaml_reader import Document
from .check import CheckedSubmission
from .explain import emit
from .plausible import Slip, corrected_text, plan_references, slip_of, slip_words
from .selection import Selection

__all__ = ["remove_slips"]


def _earlier_references(
    key: str, year: int, history: Mapping[int, CheckedSubmission], kind: Kind
) -> list[float]:
    """The figures of the earlier years, as a year's figure (a total to date is not one)."""
    out = []
    for earlier_year, one in history.items():
        if earlier_year >= year or one.submission is None or key not in one.submission.values:
            continue
        value, to_date, _ = figure_of(one.submission.values[key])
        if not (to_date and kind is Kind.CUMULATIVE) and value > 0:
            out.append(value)
    return out


def _stated_unit(doc: Document, key: str) -> str | None:
    """The unit the document states for a figure, if any."""
    values = doc.data.get("values") if isinstance(doc.data, dict) else None
    raw: Any = values.get(key) if isinstance(values, dict) else None
    unit = raw.get("unit") if isinstance(raw, dict) else None
    return unit if isinstance(unit, str) and unit.strip() else None


def _diagnostic(doc: Document, key: str, indicator: Indicator, slip: Slip) -> Diagnostic:
    written, as_unit, fix = slip_words(slip, doc.units_stated)
    return emit(
        doc,
        ("values", key, "value"),
        "unit-slip",
        name=indicator.name,
        given=slip.given,
        written=written,
        ratio=ratio_text(slip.given / slip.around),
        around=figure_text(float(f"{slip.around:.3g}")),
        unit=indicator.unit,
        as_unit=as_unit,
        value=corrected_text(slip),
        fix=fix,
    )


def _slips(
    one: CheckedSubmission, history: Mapping[int, CheckedSubmission], plan: Plan
) -> Iterable[tuple[str, Diagnostic]]:
    assert one.document is not None
    for key, raw in one.figures.items():
        indicator = plan.indicator(key)
        stated = _stated_unit(one.document, key)
        if stated is not None and normalise_unit(stated) != normalise_unit(indicator.unit):
            continue  # given in another unit and converted: the unit was said, not slipped
        value, to_date, _ = figure_of(raw)
        # A total to date spans every year so far: judge it as a year's share.
        years = (one.year or plan.plan.start_year) - plan.plan.start_year + 1 if to_date else 1
        references = plan_references(indicator, plan.plan)
        if one.year is not None:
            references += _earlier_references(key, one.year, history, indicator.kind)
        slip = slip_of(value / years, indicator, references)
        if slip is not None:
            if years > 1:
                slip = Slip(slip.step, value, slip.value * years, slip.around * years)
            yield key, _diagnostic(one.document, key, indicator, slip)


def remove_slips(
    checked: Iterable[CheckedSubmission],
    history: Mapping[int, CheckedSubmission],
    plan: Plan,
    selection: Selection,
) -> None:
    """Report each submission's unit slips and leave their figures out.

    The years of history (one usable submission a year) go first, earliest first, so that a
    later year is judged against earlier figures already cleaned of slips; then the checked
    submissions that cannot be used (a wrong provenance), whose figures are judged all the
    same. A slip ignored or made a warning (by the selection or a directive) keeps its figure.
    """
    unusable = [c for c in checked if c.submission is None and c.document is not None]
    for one in [*(history[year] for year in sorted(history)), *unusable]:
        left_out = []
        for key, diagnostic in _slips(one, history, plan):
            one.diagnostics.append(diagnostic)
            if selection.still_an_error(diagnostic, one.document):
                left_out.append(key)
        if left_out:
            one.figures = {k: v for k, v in one.figures.items() if k not in left_out}
            if one.submission is not None:
                one.submission = one.submission.model_copy(update={"values": one.figures})
