"""Pydantic models of the plan (targets.yaml); a year's submission is in model/submission.py."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .units import MAX_MAGNITUDE, convert

if TYPE_CHECKING:
    from .submission import Entry, Submission, figure_of

__all__ = [
    "Attribute",
    "Basis",
    "Comparator",
    "CrossCheck",
    "Direction",
    "Entry",
    "ExpectedPath",
    "Figure",
    "Group",
    "Indicator",
    "Kind",
    "Plan",
    "PlanInfo",
    "Provenance",
    "Quantity",
    "Submission",
    "Thresholds",
    "Tier",
    "figure_of",
]

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_ID_RE = re.compile(ID_PATTERN)
#: Longer text is not compared with ids and names for the one most likely meant.
_NEAREST_LONGEST = 64


class Attribute(StrEnum):
    """属性: whether the plan binds the government to the target."""

    ANTICIPATED = "预期性"
    BINDING = "约束性"


class Kind(StrEnum):
    """How yearly figures combine: summed over the plan (cumulative) or read as a level."""

    CUMULATIVE = "cumulative"
    ANNUAL = "annual"


class Comparator(StrEnum):
    """The comparator printed with a figure; ``=`` stands for a bare number."""

    EQ = "="
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"


class Direction(StrEnum):
    """Which way is better for the indicator."""

    HIGHER = "higher"
    LOWER = "lower"


class Tier(StrEnum):
    """Where in the plan a target is printed: 专栏2, 第一章第四节, or an action plan."""

    MAIN = "main"
    GOAL = "goal"
    ACTION = "action"


class Basis(StrEnum):
    """What a baseline figure measures: a value of the baseline year or a previous-plan total."""

    YEAR = "year"
    PERIOD = "period"


class ExpectedPath(StrEnum):
    """The shape of the expected path from baseline to target for annual levels."""

    LINEAR = "linear"
    COMPOUND = "compound"


class Provenance(StrEnum):
    """How official a submitted figure is, from most to least."""

    OFFICIAL = "official"
    PRELIMINARY = "preliminary"
    ESTIMATE = "estimate"
    SAMPLE = "sample"

    @property
    def rank(self) -> int:
        """0 for official; larger is less official."""
        return list(Provenance).index(self)

    @property
    def zh(self) -> str:
        """The word statistical offices use for it: 正式, 初步, 估计, 示例."""
        return _PROVENANCE_ZH[self]

    @classmethod
    def from_word(cls, word: str) -> Provenance | None:
        """The provenance a submission names: its code in any case, or its Chinese word."""
        text = word.strip()
        return _PROVENANCE_BY_WORD.get(text) or _PROVENANCE_BY_WORD.get(text.lower())


_PROVENANCE_ZH = {
    Provenance.OFFICIAL: "正式",
    Provenance.PRELIMINARY: "初步",
    Provenance.ESTIMATE: "估计",
    Provenance.SAMPLE: "示例",
}
#: Every way a submission may name a provenance: its code, and its word in Chinese.
_PROVENANCE_BY_WORD = {p.value: p for p in Provenance} | {w: p for p, w in _PROVENANCE_ZH.items()}


class _Strict(BaseModel):
    # defer_build: a model's validator is built the first time it validates, not at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
#: A figure of the plan: finite, and no larger than any plan could print (see MAX_MAGNITUDE).
PlanNumber = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
#: The years a plan may name …
FIRST_YEAR, LAST_YEAR = 1900, 2200
#: … and how many years it may span from its baseline year to its end year.
MAX_PLAN_YEARS = 30
PlanYear = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


class Figure(_Strict):
    """A printed figure: the parsed number, its comparator, and the text verbatim."""

    value: PlanNumber | None
    comparator: Comparator = Comparator.EQ
    text: str
    basis: Basis = Basis.YEAR
    source: str | None = None
    #: The unit text is printed in, where that is not the indicator's (value is converted).
    unit: str | None = None

    @property
    def is_bound(self) -> bool:
        """True when printed with an inequality (≤5.5, >95)."""
        return self.comparator is not Comparator.EQ


class Indicator(_Strict):
    """One quantified target of the plan."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    name_en: str
    #: The name shortened from the plan's own words, for a narrow table (None: name).
    short_name: str | None = None
    short_name_en: str | None = None
    unit: str
    group: str
    tier: Tier
    kind: Kind
    attribute: Attribute
    direction: Direction
    baseline: Figure | None = None
    target: Figure
    parent: str | None = None
    source: str
    also_printed: tuple[str, ...] = ()
    path: ExpectedPath = ExpectedPath.LINEAR
    annual_targets: dict[int, PlanNumber] = Field(default_factory=dict)
    note: str | None = None
    #: The note in Chinese, for the Chinese output (None: note).
    note_zh: str | None = None

    #: The completion the plan itself prints for this row (专栏1's 完成目标 %), to be audited.
    published_completion: Figure | None = None
    #: Questions a person must still settle (a draft from `tnplan extract`); none when reviewed.
    review: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _completion_has_a_target(self) -> Self:
        if self.published_completion is not None and self.target.value == 0:
            raise ValueError("a published completion needs a target other than 0")
        return self

    @property
    def has_target(self) -> bool:
        """False for a row printed without a target ("——")."""
        return self.target.value is not None

    @property
    def target_value(self) -> float:
        """The target's number; only for indicators that have one (see has_target)."""
        if self.target.value is None:
            raise ValueError(f"{self.id} has no target")
        return self.target.value

    @property
    def baseline_value(self) -> float | None:
        """The baseline's number, or None where the plan prints none."""
        return None if self.baseline is None else self.baseline.value


class Quantity(_Strict):
    """One side of a cross-check: a printed figure, or a sum or product of printed figures."""

    value: PlanNumber | None = None
    #: The figure is the sum of these (a total and its parts) …
    sum: tuple[PlanNumber, ...] = ()
    #: … or the product of these (a total and a share of it, the share as a fraction).
    product: tuple[PlanNumber, ...] = ()
    unit: str
    text: str
    source: str

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        forms = [self.value is not None, bool(self.sum), bool(self.product)]
        if sum(forms) != 1:
            raise ValueError("give exactly one of value, sum, product")
        return self


class CrossCheck(_Strict):
    """A figure the plan prints twice (two places, or a total and its parts)."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    first: Quantity
    second: Quantity
    note: str | None = None

    @model_validator(mode="after")
    def _units_convert(self) -> Self:
        if convert(1.0, self.second.unit, self.first.unit) is None:
            raise ValueError(
                f"cross-check {self.id!r}: {self.second.unit!r} does not convert to"
                f" {self.first.unit!r}"
            )
        return self


class PlanInfo(_Strict):
    """The plan's own metadata."""

    id: str
    title: str
    title_en: str
    issuer: str
    document: str
    issued: str
    baseline_year: PlanYear
    start_year: PlanYear
    end_year: PlanYear
    source_note: str | None = None
    #: Questions about the plan itself still to settle (a draft from `tnplan extract`).
    review: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        if not self.baseline_year < self.start_year <= self.end_year:
            raise ValueError("need baseline_year < start_year <= end_year")
        if self.end_year - self.baseline_year > MAX_PLAN_YEARS:
            raise ValueError(
                f"a plan spans at most {MAX_PLAN_YEARS} years from its baseline year to its"
                f" end year; this one spans {self.end_year - self.baseline_year}"
            )
        return self

    @property
    def years(self) -> range:
        """The plan's years, start to end inclusive."""
        return range(self.start_year, self.end_year + 1)


class Thresholds(_Strict):
    """Lower edges of the pace-ratio bands; below ``behind`` is far behind, below 0 moving away."""

    ahead: PlanNumber
    on_track: PlanNumber
    behind: PlanNumber

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not 0 < self.behind < self.on_track <= self.ahead:
            raise ValueError("need 0 < behind < on_track <= ahead")
        return self


class Group(_Strict):
    """A heading under which indicators are listed (就业创业, 社会保障, …)."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    name_en: str


class Plan(_Strict):
    """The whole of targets.yaml."""

    plan: PlanInfo
    thresholds: Thresholds
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]
    crosschecks: tuple[CrossCheck, ...] = ()
    _by_id: dict[str, Indicator] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        group_ids = [g.id for g in self.groups]
        _require_unique("group id", group_ids)
        _require_unique("indicator id", [i.id for i in self.indicators])
        _require_unique("cross-check id", [c.id for c in self.crosschecks])
        by_id = {i.id: i for i in self.indicators}
        self._by_id = by_id
        for ind in self.indicators:
            if ind.group not in group_ids:
                raise ValueError(f"indicator {ind.id!r}: unknown group {ind.group!r}")
            if ind.parent is not None:
                if ind.parent not in by_id:
                    raise ValueError(f"indicator {ind.id!r}: unknown parent {ind.parent!r}")
                if by_id[ind.parent].parent is not None:
                    raise ValueError(
                        f"indicator {ind.id!r}: parent {ind.parent!r} is itself a child"
                    )
            bad_years = [y for y in ind.annual_targets if y not in self.plan.years]
            if bad_years:
                raise ValueError(
                    f"indicator {ind.id!r}: annual target for {bad_years[0]}, outside the plan"
                )
        return self

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id; KeyError if none."""
        return self._by_id[indicator_id]

    def lookup(self, text: str) -> Indicator | None:
        """The indicator text names: its id, its Chinese name (with or without 其中：), or its
        English name in any case; None if none."""
        wanted = text.strip()
        if wanted in self._by_id:
            return self._by_id[wanted]
        name = wanted.removeprefix("其中：").removeprefix("其中:")
        folded = wanted.casefold()
        return next(
            (
                ind
                for ind in self.indicators
                if ind.name == name or (ind.name_en and ind.name_en.casefold() == folded)
            ),
            None,
        )

    def nearest(self, text: str) -> Indicator | None:
        """The indicator text most likely means: the closest id, for text shaped like an id,
        else the closest Chinese or English name; None when nothing is close."""
        import difflib

        wanted = text.strip()
        if len(wanted) > _NEAREST_LONGEST:
            return None  # difflib's time grows with the length; no name is this long
        if _ID_RE.match(wanted):
            near = difflib.get_close_matches(wanted, list(self._by_id), n=1, cutoff=0.6)
            if near:
                return self._by_id[near[0]]
        names = {ind.name: ind for ind in self.indicators}
        names.update({ind.name_en: ind for ind in self.indicators if ind.name_en})
        near = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
        return names[near[0]] if near else None

    @property
    def by_id(self) -> dict[str, Indicator]:
        """The indicators by id (for loops that look many up)."""
        return self._by_id

    def group(self, group_id: str) -> Group:
        """The group with this id; KeyError if none."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)


def _require_unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


def is_valid_id(text: str) -> bool:
    """True when text has the form of an indicator id."""
    return bool(_ID_RE.match(text))


_MOVED = ("Entry", "Submission", "figure_of")


def __getattr__(name: str) -> Any:
    """The submission's models, now in model/submission.py, under their old address.

    Imported on first use: model/submission.py imports this module.
    """
    if name in _MOVED:
        from . import submission

        return getattr(submission, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
