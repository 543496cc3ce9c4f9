"""The draft plan file as data: what extract proposes, with its evidence and its questions."""

from __future__ import annotations

from msgspec import Struct, field

from ..model.plan import Attribute, Basis, Comparator, Direction, Kind, Tier
from .headers import Rejected

__all__ = ["Draft", "DraftGroup", "DraftIndicator", "DraftPlan", "Printed", "TableFound"]


class Printed(Struct):
    """A figure as printed: the number (None for "—" or words), comparator and text verbatim."""

    value: float | None
    comparator: Comparator
    text: str
    basis: Basis | None = None
    source: str | None = None


class DraftIndicator(Struct):
    """One proposed indicator; note holds the evidence, review the open questions."""

    id: str
    name: str
    unit: str
    group: str
    tier: Tier
    kind: Kind
    attribute: Attribute
    direction: Direction
    target: Printed
    source: str
    baseline: Printed | None = None
    parent: str | None = None
    also_printed: list[str] = field(default_factory=list)
    annual_targets: dict[int, float] = field(default_factory=dict)
    published_completion: Printed | None = None
    #: A previous plan's result (专栏1's 2020 column), written as that plan's submission.
    result: Printed | None = None
    note: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    #: Where in the input file it was read (line 203, page 4).
    where: str = ""


class DraftGroup(Struct):
    """A heading the indicators sit under: a table's 一、… or a chapter."""

    id: str
    name: str


class DraftPlan(Struct):
    """One plan's draft: the metadata, groups and indicators of a targets.yaml."""

    id: str
    title: str
    issuer: str
    document: str
    issued: str
    baseline_year: int
    start_year: int
    end_year: int
    groups: list[DraftGroup] = field(default_factory=list)
    indicators: list[DraftIndicator] = field(default_factory=list)
    note: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)

    def questions(self) -> int:
        """How many review questions the draft leaves open."""
        return len(self.review) + sum(len(i.review) for i in self.indicators)


class TableFound(Struct, frozen=True):
    """An indicator table found, for the summary: its label, rows and whose plan it belongs to."""

    label: str
    rows: int
    previous: bool
    where: str


class Draft(Struct):
    """All extract found in one document: the plan's draft and, if printed, the previous plan's."""

    file: str
    plan: DraftPlan
    previous: DraftPlan | None
    tables: list[TableFound]
    prose_targets: int
    #: Headers seen that no table could be read under, and why (said when nothing is found).
    rejected: list[Rejected] = field(default_factory=list)
