"""An indicator's yearly figures as one series: flows, running totals, gaps, anchors.

The one place that turns observations into totals. Every reader of a cumulative indicator's
total (the calculator, ``show``'s story, the audit, check's running-total rule) goes through
:func:`build_series`, so they cannot disagree on what a missing year means.

The gap rule: a total is known from the plan's first year through an unbroken run of yearly
flows, and again from any figure reported as the total to date (``to_date``). A missing year
makes the total unknown (never zero) until such an anchor. Yearly flows are non-negative, so
the last anchor plus every flow reported after it is a lower bound on the total:
``known_total``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from msgspec import Struct

from ..model.plan import Comparator, Kind, PlanInfo, Provenance

__all__ = ["SIGNIFICANT", "Observation", "Point", "Series", "build_series", "plan_series", "tidy"]


# Not frozen: a frozen dataclass sets each field through object.__setattr__, five times slower,
# and a plan of thousands of indicators makes many of these. Treat them as values all the same.
class Observation(Struct):
    """One submitted figure, already in the indicator's unit."""

    year: int
    value: float
    provenance: Provenance
    #: For cumulative indicators: the value is the total to date, not the year's flow.
    to_date: bool = False
    #: A figure reported as a bound ("≥90"); "=" for a plain number.
    comparator: Comparator = Comparator.EQ
    #: 口径调整: what changed in the definition since the year before (None: nothing).
    basis_change: str | None = None
    #: The year before's figure on the new basis (同口径), where the submission gives it.
    previous_same_basis: float | None = None


class Point(Struct):
    """One year of a series."""

    year: int
    #: The figure submitted for the year, if any.
    observation: Observation | None
    #: Cumulative: the year's flow, where it is known (reported, or an anchor less the total
    #: the year before). None for a level.
    flow: float | None = None
    #: Cumulative: the total to date at the end of the year, where it is known. None for a level.
    total: float | None = None
    #: Cumulative: the lower bound on the total at the end of the year (see Series.known_total);
    #: None for a level, or before anything was reported.
    known_total: float | None = None


class Series(Struct):
    """An indicator's figures over a run of years."""

    kind: Kind
    points: tuple[Point, ...]
    #: Years of the run without a figure.
    missing_years: tuple[int, ...]
    #: Cumulative: the last anchor (or zero) plus every flow reported after it; a lower bound on
    #: the total at the end of the run, equal to it when that total is known. None for a level,
    #: or when nothing was reported.
    known_total: float | None

    @property
    def observed(self) -> list[Observation]:
        """The figures reported, in year order."""
        return [p.observation for p in self.points if p.observation is not None]

    @property
    def latest(self) -> Observation | None:
        """The latest figure reported in the run."""
        for point in reversed(self.points):
            if point.observation is not None:
                return point.observation
        return None

    @property
    def total(self) -> float | None:
        """Cumulative: the total at the end of the run, or None when a gap leaves it unknown."""
        return self.points[-1].total if self.points else None

    @property
    def lower_bound(self) -> float | None:
        """Cumulative: known_total where it stands in for a total the run leaves unknown (a
        year missing, or its last year not yet in); None where the total is known, or for a
        level."""
        return self.known_total if self.total is None else None

    @property
    def shown_year(self) -> int | None:
        """The year the figure shown is from: the latest year reported (for a total, the year
        it or its lower bound runs to); None when nothing was reported."""
        latest = self.latest
        return None if latest is None else latest.year

    @property
    def gap(self) -> bool:
        """A missing year touches the figure shown: a total that is only a lower bound, or a
        figure from a year before the run's last. (A gap closed by a total to date, or before
        a level's current figure, changes nothing shown: missing_years still lists it.)"""
        year = self.shown_year
        return self.lower_bound is not None or (year is not None and year < self.points[-1].year)

    @property
    def complete(self) -> bool:
        """True when the run's last year has a figure (and, for a total, the total is known)."""
        if not self.points:
            return False
        last = self.points[-1]
        if self.kind is Kind.CUMULATIVE:
            return last.total is not None
        return last.observation is not None

    @property
    def flows(self) -> dict[int, float]:
        """Cumulative: the known yearly flows by year."""
        return {p.year: p.flow for p in self.points if p.flow is not None}

    def used(self) -> list[Observation]:
        """The figures behind known_total (the last anchor and every figure after it), or the
        latest level. When the series is complete these are the figures behind its total."""
        if self.kind is not Kind.CUMULATIVE:
            latest = self.latest
            return [] if latest is None else [latest]
        out: list[Observation] = []
        for o in self.observed:
            if o.to_date:
                out = []
            out.append(o)
        return out

    @property
    def latest_flow(self) -> float | None:
        """Cumulative: the flow of the latest year reported, where it is known (not where a
        total to date just after a gap is all that year gives); None for a level."""
        latest = self.latest
        point = None if latest is None else self.point(latest.year)
        return None if point is None else point.flow

    @property
    def provenance(self) -> Provenance | None:
        """The least official provenance among the figures used (see used()); None when
        nothing was reported."""
        return max((o.provenance for o in self.used()), key=lambda p: p.rank, default=None)

    def point(self, year: int) -> Point | None:
        """The point of a year of the run, or None outside it."""
        if not self.points:
            return None
        index = year - self.points[0].year
        return self.points[index] if 0 <= index < len(self.points) else None


def build_series(
    kind: Kind, observations: Mapping[int, Observation], years: Iterable[int]
) -> Series:
    """The series of an indicator's observations over years (consecutive, in order)."""
    points: list[Point] = []
    missing: list[int] = []
    if kind is not Kind.CUMULATIVE:
        for year in years:
            o = observations.get(year)
            if o is None:
                missing.append(year)
            points.append(Point(year, o))
        return Series(kind, tuple(points), tuple(missing), None)
    total: float | None = 0.0
    bound = 0.0
    reported = False
    for year in years:
        o = observations.get(year)
        flow: float | None = None
        if o is None:
            missing.append(year)
            total = None
        elif o.to_date:
            reported = True
            if total is not None:
                flow = o.value - total
            total = bound = o.value
        else:
            reported = True
            flow = o.value
            bound += o.value
            if total is not None:
                total += o.value
        points.append(Point(year, o, flow, total, bound if reported else None))
    return Series(kind, tuple(points), tuple(missing), bound if reported else None)


def plan_series(
    kind: Kind,
    observations: Mapping[int, Observation],
    plan: PlanInfo,
    until: int | None = None,
    *,
    as_of: int | None = None,
) -> Series:
    """The series over the plan's years up to until (every year of the plan when None), as it
    stood as of a year: a figure of a later year is neither shown nor summed (the years after
    as_of are points without figures). The one place the as-of cut is made."""
    end = plan.end_year if until is None else min(until, plan.end_year)
    if as_of is not None:
        observations = {year: o for year, o in observations.items() if year <= as_of}
    return build_series(kind, observations, range(plan.start_year, end + 1))


#: Significant digits a sum of printed figures is told with: more than any figure a plan
#: prints, few enough that 1.12 + 1.05 + 1.08 + 1.1 + 1.1 is 5.45, not 5.449999999999999.
SIGNIFICANT = 12


def tidy(value: float) -> float:
    """A sum of yearly figures without binary floating-point noise (see SIGNIFICANT)."""
    return float(f"{value:.{SIGNIFICANT}g}")
