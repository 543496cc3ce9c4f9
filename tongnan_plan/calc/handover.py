"""One plan handing over to the next: each indicator's final figure, as the next plan's baseline.

The next plan's baseline column should hold this plan's results (as the 14th plan's 2020 column
holds the 13th plan's): a level's figure for the handover year, or a total over this plan's
years where the indicator is a total. A figure that is not known (a year missing from a total,
no figure for the year) is said as such, with what is known, and never taken as zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from msgspec import Struct

from ..model.plan import Basis, Comparator, Indicator, Kind, Plan, PlanInfo, Provenance
from .series import Observation, plan_series, tidy

__all__ = ["Handover", "NextPlan", "handover", "handovers"]


class Handover(Struct, frozen=True):
    """An indicator's figure at the end of (a year of) a plan, for the next plan's baseline."""

    indicator: Indicator
    #: The year handed over (the next plan's baseline year).
    year: int
    #: The figure, in the indicator's unit; None where it is not known.
    value: float | None
    comparator: Comparator
    #: YEAR: the year's own figure (a level); PERIOD: the total over the plan's years to year.
    basis: Basis
    #: The least official provenance of the figures used (None where nothing was used).
    provenance: Provenance | None
    #: Years of the plan up to year without a figure.
    missing_years: tuple[int, ...] = ()
    #: For a total not known: the lower bound the years reported give (their sum since an anchor).
    known_total: float | None = None
    #: For a level without the year's figure: the latest earlier figure, and its year.
    latest: Observation | None = None

    @property
    def complete(self) -> bool:
        """True when the figure is known."""
        return self.value is not None


def handover(
    indicator: Indicator, figures: Mapping[int, Observation], info: PlanInfo, year: int
) -> Handover:
    """The indicator's figure for year (a year of the plan): its level, or its total to year."""
    if year not in info.years:
        raise ValueError(
            f"{year} is not a year of the plan {info.id} ({info.start_year}-{info.end_year})"
        )
    series = plan_series(indicator.kind, figures, info, until=year)
    missing = series.missing_years
    if indicator.kind is Kind.CUMULATIVE:
        total, bound = series.total, series.lower_bound
        return Handover(
            indicator,
            year,
            None if total is None else tidy(total),
            Comparator.EQ,
            Basis.PERIOD,
            None if total is None else series.provenance,  # of the figures behind the total
            missing,
            None if bound is None else tidy(bound),
        )
    point = series.points[-1].observation
    if point is None:
        return Handover(
            indicator, year, None, Comparator.EQ, Basis.YEAR, None, missing, latest=series.latest
        )
    return Handover(
        indicator, year, point.value, point.comparator, Basis.YEAR, point.provenance, missing
    )


def handovers(
    plan: Plan, figures: Mapping[str, Mapping[int, Observation]], year: int | None = None
) -> list[Handover]:
    """Every indicator's figure for year (default: the plan's end year), in the plan's order."""
    at = plan.plan.end_year if year is None else year
    return [handover(ind, figures.get(ind.id, {}), plan.plan, at) for ind in plan.indicators]


class NextPlan(Struct, frozen=True):
    """What the next plan's draft file is made from: its id and years, and the previous plan
    with its final figures (for the year before the next plan's first)."""

    plan_id: str
    start: int
    end: int
    previous: Plan
    figures: Sequence[Handover]

    @property
    def baseline_year(self) -> int:
        """The year before the first: the year the previous plan hands over."""
        return self.start - 1
