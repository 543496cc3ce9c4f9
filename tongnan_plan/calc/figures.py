"""Every reported figure in long form: one record per indicator and year with a figure, beside
the running total and the expected value for that year (pure: no I/O).

The running total and the expected value are the story's (calc/evaluation.story), so that
`tnplan figures` and `tnplan show` can never say two things of one year.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct

from ..model.plan import Comparator, Indicator, Plan, Provenance
from ..model.submission import Entry, Submission
from .evaluation import default_as_of, observations, select, story

__all__ = ["ReportedFigure", "reported_figures"]


class ReportedFigure(Struct, frozen=True):
    """One submitted figure, in its indicator's unit, and what the plan expects of its year."""

    plan: str
    indicator: Indicator
    year: int
    value: float
    comparator: Comparator
    to_date: bool
    provenance: Provenance
    #: The entry's own source, else the submission's; None where neither says.
    source: str | None
    #: Cumulative indicators: the total to date at this year, where it is known.
    cumulative: float | None
    #: The lower bound on the total to date (equal to it where that is known).
    known_total: float | None
    #: Where the expected path stands at the end of the year (the total, for cumulative ones).
    expected: float | None
    #: The file the figure came from ("" where not known).
    file: str


def reported_figures(
    plan: Plan,
    submissions: Sequence[Submission],
    files: Sequence[str] = (),
    tier: str | None = "all",
) -> list[ReportedFigure]:
    """Every figure the submissions report for the indicators of tier (all by default), by
    indicator in the plan's order, then by year. files: each submission's file, in order."""
    figures = observations(submissions)
    as_of = default_as_of(plan, submissions)
    by_year = {s.year: (s, files[n] if n < len(files) else "") for n, s in enumerate(submissions)}
    out = []
    for indicator in select(plan, tier):
        given = figures.get(indicator.id)
        if not given:
            continue
        rows, _ = story(plan, indicator, given, as_of)
        for row in rows:
            observed = given.get(row.year)
            if observed is None or row.value is None:
                continue
            submission, file = by_year[row.year]
            out.append(
                ReportedFigure(
                    plan=plan.plan.id,
                    indicator=indicator,
                    year=row.year,
                    value=row.value,
                    comparator=observed.comparator,
                    to_date=row.to_date,
                    provenance=observed.provenance,
                    source=_source(submission, indicator.id),
                    cumulative=row.cumulative,
                    known_total=row.known_total,
                    expected=row.expected,
                    file=file,
                )
            )
    return out


def _source(submission: Submission, indicator_id: str) -> str | None:
    raw = submission.values.get(indicator_id)
    if isinstance(raw, Entry) and raw.source:
        return raw.source
    return submission.source
