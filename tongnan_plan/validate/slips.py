"""Unit slips, reported: each year's figures judged against the plan and the years before.

The arithmetic of what is plausible is validate/plausible.py. Reads no files; works on
checked submissions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model.catalogue import figure_text, phrase, ratio_text
from ..model.diagnostics import Diagnostic
from ..model.plan import Indicator, Kind, Plan
from ..model.submission import Entry, basis_of, figure_of
from ..model.units import normalise_unit
from ..sources.yaml_reader import Document
from .check import CheckedSubmission
from .explain import emit
from .plausible import (
    PLAUSIBLE_WITHIN,
    Slip,
    corrected_text,
    plan_references,
    slip_of,
    slip_words,
)
from .selection import Selection

__all__ = ["remove_slips"]


def _yearly(raw: Entry | float, kind: Kind) -> float | None:
    """A figure as a year's figure, for comparison (a total to date is not one)."""
    value, to_date, _ = figure_of(raw)
    return None if (to_date and kind is Kind.CUMULATIVE) or value <= 0 else value


def _earlier_references(
    key: str, year: int, history: Mapping[int, CheckedSubmission], kind: Kind
) -> list[float]:
    """The figures of the earlier years, as a year's figure."""
    out = []
    for earlier_year, one in history.items():
        if earlier_year < year and key in one.figures:
            value = _yearly(one.figures[key], kind)
            if value is not None:
                out.append(value)
    return out


def _stated_unit(doc: Document, key: str) -> str | None:
    """The unit the document states for a figure, if any."""
    values = doc.data.get("values") if isinstance(doc.data, dict) else None
    raw: Any = values.get(key) if isinstance(values, dict) else None
    unit = raw.get("unit") if isinstance(raw, dict) else None
    return unit if isinstance(unit, str) and unit.strip() else None


def _diagnostic(
    doc: Document, key: str, indicator: Indicator, slip: Slip, earlier: bool
) -> Diagnostic:
    written, as_unit, fix = slip_words(slip, doc.units_stated)
    basis = phrase("the.plan-and-earlier") if earlier else phrase("the.plan")
    return emit(
        doc,
        ("values", key, "value"),
        "unit-slip",
        name=indicator.name,
        given=slip.given,
        written=written,
        basis=basis,
        ratio=ratio_text(slip.given / slip.around),
        around=figure_text(float(f"{slip.around:.3g}")),
        unit=indicator.unit,
        as_unit=as_unit,
        value=corrected_text(slip),
        fix=fix,
    )


class _Judge:
    """Judges submissions against the plan's scale of each indicator and the figures of the
    earlier years (as they stand: a year judged before is already cleaned of its slips).

    Most figures lie within the plan's own scale: that is looked at first, from intervals
    worked out once an indicator; the earlier years are looked up only for the others.
    """

    def __init__(self, plan: Plan, history: Mapping[int, CheckedSubmission]) -> None:
        self.plan = plan
        self.by_id = plan.by_id
        self.history = history
        self.of_plan: dict[str, tuple[list[float], list[tuple[float, float]]]] = {}

    def _plan_scale(self, indicator: Indicator) -> tuple[list[float], list[tuple[float, float]]]:
        """The plan's references of an indicator, and the intervals plausible by them."""
        found = self.of_plan.get(indicator.id)
        if found is None:
            references = plan_references(indicator, self.plan.plan)
            bands = [(r / PLAUSIBLE_WITHIN, r * PLAUSIBLE_WITHIN) for r in references]
            found = self.of_plan[indicator.id] = (references, bands)
        return found

    def slips(self, one: CheckedSubmission) -> Iterable[tuple[str, Diagnostic]]:
        """Each figure of one that reads as a slip, with its diagnostic."""
        assert one.document is not None
        start = self.plan.plan.start_year
        for key, raw in one.figures.items():
            indicator = self.by_id[key]
            if isinstance(raw, Entry):
                if raw.unit is not None and _converted(one.document, key, indicator):
                    continue  # given in another unit and converted: the unit was said
                value, to_date = raw.value, raw.to_date
            else:
                value, to_date = raw, False
            # A total to date spans every year so far: judge it as a year's share.
            years = (one.year or start) - start + 1 if to_date else 1
            share = value / years
            change, same_basis = basis_of(raw)
            if change is not None:
                # 口径调整: the plan's scale and the earlier years are on the old basis; the
                # year before on the new one is the only reference (none: no judgement).
                slip = None if same_basis is None else slip_of(share, indicator, [same_basis])
                if slip is not None:
                    yield key, _diagnostic(one.document, key, indicator, slip, True)
                continue
            references, bands = self.of_plan.get(key) or self._plan_scale(indicator)
            if _within(share, bands):
                continue
            earlier = (
                _earlier_references(key, one.year, self.history, indicator.kind)
                if one.year is not None
                else []
            )
            slip = slip_of(share, indicator, references + earlier)
            if slip is not None:
                if years > 1:
                    slip = Slip(slip.step, value, slip.value * years, slip.around * years)
                yield key, _diagnostic(one.document, key, indicator, slip, bool(earlier))


def _within(value: float, bands: list[tuple[float, float]]) -> bool:
    for low, high in bands:
        if low <= value <= high:
            return True
    return False


def _converted(doc: Document, key: str, indicator: Indicator) -> bool:
    """The document gives the figure in a unit other than the indicator's (now converted)."""
    stated = _stated_unit(doc, key)
    return stated is not None and normalise_unit(stated) != normalise_unit(indicator.unit)


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
    judge = _Judge(plan, history)
    unusable = [c for c in checked if c.submission is None and c.document is not None]
    for one in [*(history[year] for year in sorted(history)), *unusable]:
        _judged(one, judge, selection)


def _judged(one: CheckedSubmission, judge: _Judge, selection: Selection) -> None:
    left_out = []
    for key, diagnostic in judge.slips(one):
        one.diagnostics.append(diagnostic)
        if selection.still_an_error(diagnostic, one.document):
            left_out.append(key)
    if left_out:
        one.figures = {k: v for k, v in one.figures.items() if k not in left_out}
        if one.submission is not None:
            one.submission = one.submission.model_copy(update={"values": one.figures})
