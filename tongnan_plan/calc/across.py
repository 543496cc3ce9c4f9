"""One indicator across the plans it runs through: each plan's years, target and evaluation.

A plan names the plan it follows (``previous:``) and each indicator the one it continues
(``continues:``, else the same id or name: see model.plan.predecessor). Following those links
back and forth from one plan gives the indicator's stretches, oldest first. Figures are shown
in the chosen plan's unit where the units convert (105900 人 is 10.59 万人); a total runs within
its own plan, against that plan's target. Pure: the plans and their figures are handed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from msgspec import Struct

from ..model.plan import Indicator, Plan, predecessor
from ..model.units import convert
from .evaluation import YearRow, story
from .progress import Evaluation
from .series import Observation

__all__ = ["Stretch", "across_plans", "linked_indicators"]


class Stretch(Struct, frozen=True):
    """One plan's stretch of an indicator's story."""

    plan: Plan
    #: The plan's own indicator (its id, name and unit may differ from the chosen one's).
    indicator: Indicator
    #: Into the chosen indicator's unit; None where the units do not convert.
    factor: float | None
    rows: list[YearRow]
    #: As of the plan's latest year with figures (final once its end year is in).
    evaluation: Evaluation
    #: The plan the indicator was asked of.
    chosen: bool


def linked_indicators(
    chain: Sequence[Plan], at: int, indicator: Indicator
) -> list[Indicator | None]:
    """The indicator's counterpart in each plan of the chain (chain[at] holds indicator): back
    through predecessors, forward through the indicators that continue it; None where the
    links stop."""
    linked: list[Indicator | None] = [None] * len(chain)
    linked[at] = indicator
    for i in range(at - 1, -1, -1):
        later = linked[i + 1]
        linked[i] = None if later is None else predecessor(later, chain[i])
    for i in range(at + 1, len(chain)):
        earlier = linked[i - 1]
        linked[i] = None
        if earlier is not None:
            linked[i] = next(
                (ind for ind in chain[i].indicators if predecessor(ind, chain[i - 1]) == earlier),
                None,
            )
    return linked


def across_plans(
    chain: Sequence[Plan],
    figures: Sequence[Mapping[str, Mapping[int, Observation]]],
    at: int,
    indicator_id: str,
    as_of: int,
) -> list[Stretch]:
    """The stretches of chain[at]'s indicator over the plans of the chain it runs through
    (figures[i]: plan i's observations by indicator id), oldest first.

    chain[at] is evaluated as of as_of; every other plan as of its latest figure of the
    indicator (its end year once that is in: a final evaluation).
    """
    chosen = chain[at].indicator(indicator_id)
    out = []
    for i, ind in enumerate(linked_indicators(chain, at, chosen)):
        if ind is None:
            continue
        plan = chain[i]
        observed = figures[i].get(ind.id, {})
        years = plan.plan.years
        latest = max((y for y in observed if y in years), default=years.start)
        rows, evaluation = story(plan, ind, observed, as_of if i == at else latest)
        factor = convert(1.0, ind.unit, chosen.unit)
        out.append(Stretch(plan, ind, factor, rows, evaluation, i == at))
    return out
