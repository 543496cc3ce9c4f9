"""Pydantic models of the plan (targets.yaml); a year's submission is in model/submission.py."""

# No `from __future__ import annotations` here: pydantic would build every field's type
# from its text (a compile each) when the class is made, ~1 ms of every start-up.
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import InitErrorDetails

from .references import Row, problem, raise_problems, reference_problems
from .units import MAX_MAGNITUDE, convert, not_too_small

__all__ = [
    "Attribute",
    "Basis",
    "Comparator",
    "CrossCheck",
    "Direction",
    "ExpectedPath",
    "Figure",
    "Group",
    "Indicator",
    "Kind",
    "PeriodError",
    "Plan",
    "PlanInfo",
    "Provenance",
    "Quantity",
    "Thresholds",
    "Tier",
    "TierInfo",
    "parse_period",
    "predecessor",
]

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
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
    #: 左右, "about": met within the plan's `thresholds.about` share of the target.
    ABOUT = "~"

    @property
    def sign(self) -> str:
        """The comparator as printed before a figure (≥ > ≤ < ~); nothing for a bare number."""
        return _SIGNS[self]


_SIGNS = {
    Comparator.EQ: "",
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
    Comparator.ABOUT: "~",
}


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
    def from_word(cls, word: str) -> "Provenance | None":
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


#: The tolerance of a 左右 target when the plan file sets none (thresholds.about).
DEFAULT_ABOUT = 0.05


class _Strict(BaseModel):
    # defer_build: a model's validator is built the first time it validates, not at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


#: A figure of the plan: finite, and no larger than any plan could print (see MAX_MAGNITUDE).
PlanNumber = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE),
    AfterValidator(not_too_small),
]
#: The years a plan may name …
FIRST_YEAR, LAST_YEAR = 1900, 2200
#: … and how many years it may span from its baseline year to its end year.
MAX_PLAN_YEARS = 30
PlanYear = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


def _none_is_empty(value: Any) -> Any:
    return () if value is None else value


#: A draft's open questions; `review:` left with no item (every question settled) is none.
Review = Annotated[tuple[str, ...], BeforeValidator(_none_is_empty)]


#: How a placeholder figure (todo) reads in tables: "to be decided", never a number.
PLACEHOLDER_TEXT = "待定"


class Figure(_Strict):
    """A printed figure: the parsed number, its comparator, and the text verbatim.

    A figure still to be written (a draft's target, see `tnplan init-plan`) is a placeholder:
    ``{todo: "what to write"}``, with no value; `tnplan check` reports it as unfinished. It is
    never read as zero: an indicator whose target is a placeholder has no target yet.
    """

    value: PlanNumber | None
    comparator: Comparator = Comparator.EQ
    text: str
    basis: Basis = Basis.YEAR
    source: str | None = None
    #: The unit text is printed in, where that is not the indicator's (value is converted).
    unit: str | None = None
    #: What a person must still write here; None once the figure is written.
    todo: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _placeholder_needs_no_value(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("todo") is not None:
            return {"value": None, "text": PLACEHOLDER_TEXT, **data}
        return data

    @model_validator(mode="after")
    def _placeholder_has_no_value(self) -> Self:
        if self.todo is not None and self.value is not None:
            raise ValueError("a figure marked todo has no value: delete todo once it is written")
        return self

    @property
    def is_bound(self) -> bool:
        """True when printed with an inequality (≤5.5, >95)."""
        return self.comparator is not Comparator.EQ

    @property
    def unfinished(self) -> bool:
        """True for a placeholder still to be written (todo)."""
        return self.todo is not None


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
    review: Review = ()
    #: The previous plan's indicator this one continues (its id); false for none. Unset: the
    #: previous plan's indicator of the same id, else of the same name (see predecessor()).
    continues: Annotated[str, Field(pattern=ID_PATTERN)] | Literal[False] | None = None
    #: The tolerance of a 左右 target: the plan's thresholds.about, set when the plan is read.
    _about: float = PrivateAttr(default=DEFAULT_ABOUT)

    @model_validator(mode="after")
    def _completion_has_a_target(self) -> Self:
        if self.published_completion is not None and self.target.value == 0:
            raise ValueError("a published completion needs a target other than 0")
        return self

    @property
    def has_target(self) -> bool:
        """False for a row printed without a target ("——"), or one still to be written."""
        return self.target.value is not None

    @property
    def target_value(self) -> float:
        """The target's number; only for indicators that have one (see has_target)."""
        if self.target.value is None:
            raise ValueError(f"{self.id} has no target")
        return self.target.value

    @property
    def about_tolerance(self) -> float:
        """How far short of a 左右 target (as a share of it) still meets it."""
        return self._about

    @property
    def baseline_value(self) -> float | None:
        """The baseline's number, or None where the plan prints none."""
        return None if self.baseline is None else self.baseline.value

    @property
    def year_baseline(self) -> float | None:
        """The baseline as the baseline year's own figure: a plain number (not a bound), of
        the year (not a total over the previous period); None otherwise."""
        baseline = self.baseline
        if baseline is None or baseline.is_bound or baseline.basis is not Basis.YEAR:
            return None
        return baseline.value


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
    review: Review = ()
    #: The id of the plan this one follows (the 13th plan for the 14th), in the same repository.
    previous: str | None = None

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        baseline, start, end = self.baseline_year, self.start_year, self.end_year
        if start > end:
            raise_problems([problem("invalid-period", ("start_year",), start, **_years(self))])
        if baseline >= start:
            raise_problems(
                [problem("invalid-period", ("baseline_year",), baseline, **_years(self))]
            )
        if end - baseline > MAX_PLAN_YEARS:
            raise_problems(
                [
                    problem(
                        "plan-too-long",
                        ("end_year",),
                        end,
                        span=end - baseline,
                        limit=MAX_PLAN_YEARS,
                    )
                ]
            )
        return self

    @property
    def years(self) -> range:
        """The plan's years, start to end inclusive."""
        return range(self.start_year, self.end_year + 1)


class Thresholds(_Strict):
    """Lower edges of the pace-ratio bands (below ``behind`` is far behind), and the optional
    基本完成 band of a final evaluation: a completion short of the target but at least this."""

    ahead: PlanNumber
    on_track: PlanNumber
    behind: PlanNumber
    #: 基本完成: off unless a plan sets it (e.g. 0.9: at least 90 % of the target).
    basically_complete: PlanNumber | None = None
    #: A target printed "T左右" (comparator ~) is met by a value short of T by at most this
    #: share of T (0.05: 5.5左右 is met from 5.225 up for an indicator where higher is better,
    #: up to 5.775 where lower is). Beyond T the better way it is met, as a bare target is.
    about: PlanNumber = DEFAULT_ABOUT

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not 0 < self.behind < self.on_track <= self.ahead:
            raise ValueError("need 0 < behind < on_track <= ahead")
        if self.basically_complete is not None and not 0 < self.basically_complete < 1:
            raise ValueError("need 0 < basically_complete < 1")
        if not 0 <= self.about < 1:
            raise ValueError("need 0 <= about < 1")
        return self


def _years(info: PlanInfo) -> dict[str, int]:
    return {"baseline": info.baseline_year, "start": info.start_year, "end": info.end_year}


class Group(_Strict):
    """A heading under which indicators are listed (就业创业, 社会保障, …)."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    name_en: str


class TierInfo(_Strict):
    """How the plan heads a tier of its targets (专栏2 主要指标, 第一章第四节 目标, …)."""

    name: str
    name_en: str


#: A tier's heading (Chinese, English) where the plan file names none: words that fit any plan.
DEFAULT_TIERS = {
    Tier.MAIN: ("主要指标", "Main indicators"),
    Tier.GOAL: ("其他目标", "Further goals"),
    Tier.ACTION: ("行动计划目标", "Action targets"),
}


class Plan(_Strict):
    """The whole of targets.yaml."""

    plan: PlanInfo
    thresholds: Thresholds
    #: The plan's own headings of its tiers; a tier it does not name gets DEFAULT_TIERS'.
    tiers: dict[Tier, TierInfo] = Field(default_factory=dict)
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]
    crosschecks: tuple[CrossCheck, ...] = ()
    _by_id: dict[str, Indicator] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        self._by_id = {i.id: i for i in self.indicators}
        for indicator in self.indicators:
            indicator._about = self.thresholds.about
        raise_problems(
            list(
                reference_problems(
                    [g.id for g in self.groups],
                    [Row(i.id, i.group, i.parent) for i in self.indicators],
                    [c.id for c in self.crosschecks],
                )
            )
            + list(_annual_targets_within(self))
        )
        return self

    def tier_heading(self, tier: Tier, lang: str = "zh") -> str:
        """The heading of a tier: the plan's own, else a generic one."""
        info = self.tiers.get(tier)
        zh, en = DEFAULT_TIERS[tier] if info is None else (info.name, info.name_en)
        return zh if lang == "zh" else en

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
        if re.match(ID_PATTERN, wanted):  # compiled on first use (show, a mistyped id)
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


def _annual_targets_within(plan: Plan) -> Iterator[InitErrorDetails]:
    years = plan.plan.years
    for i, ind in enumerate(plan.indicators):
        for year in ind.annual_targets:
            if year not in years:
                loc = ("indicators", i, "annual_targets", year)
                facts = {"year": year, "first": years.start, "last": years.stop - 1}
                yield problem("annual-target-outside", loc, year, **facts)


def predecessor(indicator: Indicator, previous: Plan) -> Indicator | None:
    """The indicator of the previous plan that this one continues, if any.

    ``continues: ID`` names it; ``continues: false`` says there is none; unset, it is the
    previous plan's indicator with the same id, else the one with the same name.
    """
    if indicator.continues is False:
        return None
    if indicator.continues is not None:
        return previous.by_id.get(indicator.continues)
    same_id = previous.by_id.get(indicator.id)
    if same_id is not None:
        return same_id
    return next((ind for ind in previous.indicators if ind.name == indicator.name), None)


class PeriodError(ValueError):
    """A text that is not a plan's period: key names its words among the commands' phrases
    (model/command_phrases.py), filled in with the text and the limits below."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


#: Compiled when first used (only `init-plan --period` reads a period), not at import.
_PERIOD = r"\s*([0-9]{4})\s*[-–—~至到]\s*([0-9]{4})\s*"


def parse_period(text: str) -> tuple[int, int]:
    """A plan's years written as ``2026-2030``: (first, last); PeriodError if not one."""
    found = re.fullmatch(_PERIOD, text)
    if found is None:
        raise PeriodError("usage.period-form")
    first, last = int(found.group(1)), int(found.group(2))
    if not FIRST_YEAR < first <= last <= LAST_YEAR or last - first + 1 > MAX_PLAN_YEARS:
        raise PeriodError("usage.period-range")
    return first, last
