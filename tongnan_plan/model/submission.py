"""A year's data submission: its shape and the rules its figures keep, in one place.

Validate with ``Submission.model_validate(data, context=SubmissionContext(plan))``. The plan
gives the rules that need it: known ids, the plan's years, units, percentage bounds, 其中 rows
within their parents. Without a context only the shape and the plan-free rules are checked.
A broken rule of tnplan's own is a pydantic error whose ``type`` is a code of the catalogue
(model/catalogue.py), with the facts of the case in its ``ctx``; validate/explain.py turns
errors into located diagnostics.
"""

# No `from __future__ import annotations`: see model/plan.py.
from typing import Annotated, Any, Literal, Self

from msgspec import Struct, field
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    Tag,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .catalogue import CATALOGUE
from .plan import ID_PATTERN, Comparator, Indicator, Kind, Plan, Provenance
from .units import MAX_MAGNITUDE, convert, normalise_unit, not_too_small

__all__ = [
    "COMPARATORS",
    "LEAST",
    "Conversion",
    "Entry",
    "Submission",
    "SubmissionContext",
    "basis_of",
    "figure_of",
    "upper_bound",
]

#: Comparators a figure may be reported with, as typed (≥ and ≤ as printed in the plan too).
COMPARATORS: dict[str, Comparator] = {
    "=": Comparator.EQ,
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    ">": Comparator.GT,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "<": Comparator.LT,
}
#: No figure is below zero: every indicator of the plan counts or measures something.
LEAST = 0.0
#: A percentage is at most this.
PERCENT_MAX = 100.0


def upper_bound(indicator: Indicator) -> float:
    """The largest figure the indicator can take, in its own unit."""
    return PERCENT_MAX if normalise_unit(indicator.unit) == "%" else MAX_MAGNITUDE


class Conversion(Struct):
    """A figure given in another unit of the same kind, and what it became."""

    indicator_id: str
    given: float
    unit: str
    value: float


class SubmissionContext(Struct):
    """What validating a submission needs to know: the plan, and what it did (conversions)."""

    plan: Plan
    conversions: list[Conversion] = field(default_factory=list)


def _problem(
    code: str, loc: tuple[str | int, ...], given: Any, /, **facts: Any
) -> InitErrorDetails:
    """A pydantic error of one of tnplan's codes; facts fill in its message."""
    return InitErrorDetails(
        type=PydanticCustomError(code, CATALOGUE[code].doc, facts), loc=loc, input=given
    )


def _raise(problems: list[InitErrorDetails]) -> None:
    if problems:
        raise ValidationError.from_exception_data("Submission", problems)


def _as_typed(value: Any) -> Any:
    """≥ and ≤ as the plan prints them, and the other spellings, as a Comparator."""
    return COMPARATORS.get(value, value) if isinstance(value, str) else value


def _as_provenance(value: Any) -> Any:
    """正式, 初步, 估计, 示例 and the codes in any case, as a Provenance."""
    if isinstance(value, str):
        return Provenance.from_word(value) or value
    return value


#: A provenance by its code or its Chinese word (a spreadsheet's drop-down offers the words).
NamedProvenance = Annotated[
    Provenance,
    BeforeValidator(_as_provenance),
    WithJsonSchema(
        {"enum": [p.value for p in Provenance] + [p.zh for p in Provenance], "type": "string"}
    ),
]


Number = Annotated[
    float, Field(strict=True, allow_inf_nan=False, ge=LEAST), AfterValidator(not_too_small)
]
TypedComparator = Annotated[
    Comparator,
    BeforeValidator(_as_typed),
    WithJsonSchema({"enum": list(COMPARATORS), "type": "string"}),
]


class Entry(BaseModel):
    """One indicator's figure in a submission, with more to say than a bare number."""

    # defer_build: a model's validator is built the first time it validates, not at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    value: Number
    unit: StrictStr | None = None
    #: A figure reported as a bound ("≥90"), as 专栏1 prints some results.
    comparator: TypedComparator = Comparator.EQ
    #: For cumulative indicators: the total to date (截至年底累计) rather than the year's flow.
    to_date: StrictBool = False
    source: StrictStr | None = None
    note: StrictStr | None = None
    #: 口径调整: what changed in the statistical definition since the previous year's figure.
    basis_change: StrictStr | None = Field(
        default=None,
        description="口径调整: what changed in the statistical definition since the previous"
        " year's figure",
    )
    #: The previous year's figure recomputed on the new basis (同口径), in this entry's unit.
    previous_same_basis: Number | None = Field(
        default=None,
        description="the previous year's figure on the new basis (同口径), in this entry's unit",
    )


def _form(value: Any) -> str:
    return "entry" if isinstance(value, dict | Entry) else "number"


#: A bare number in the indicator's unit, or an Entry. A checked bare number stays a float:
#: building an Entry for each would cost more than the rest of the check.
Figure = Annotated[
    Annotated[Entry, Tag("entry")] | Annotated[Number, Tag("number")], Discriminator(_form)
]
IndicatorId = Annotated[str, Field(pattern=ID_PATTERN)]


#: The tiers a submission may record (`tier:`), those of the plan and all of them.
_TIERS = ("main", "goal", "action", "all")


class Submission(BaseModel):
    """One year's data submission (data/actuals/YYYY.yaml), values keyed by indicator id."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    year: StrictInt
    provenance: NamedProvenance
    source: StrictStr | None = None
    note: StrictStr | None = None
    #: The tier of indicators the template asked for (``tnplan new --tier``): the indicators
    #: a missing one is counted among. None: every indicator of the plan.
    tier: Literal["main", "goal", "action", "all"] | None = None
    values: dict[IndicatorId, Figure]

    @field_validator("year")
    @classmethod
    def _within_the_plan(cls, year: int, info: ValidationInfo) -> int:
        context = info.context
        if isinstance(context, SubmissionContext):
            first, last = context.plan.plan.start_year, context.plan.plan.end_year
            if not first <= year <= last:
                code = "year-outside-plan"
                facts = {"year": year, "first": first, "last": last}
                raise PydanticCustomError(code, CATALOGUE[code].doc, facts)
        return year

    @field_validator("tier", mode="before")
    @classmethod
    def _a_tier(cls, tier: Any) -> Any:
        if tier is not None and tier not in _TIERS:
            shown = repr(tier) if isinstance(tier, str) else str(tier)
            raise PydanticCustomError(
                "invalid-tier", CATALOGUE["invalid-tier"].doc, {"given": shown}
            )
        return tier

    @field_validator("values", mode="before")
    @classmethod
    def _known_ids(cls, values: Any, info: ValidationInfo) -> Any:
        if values is None:
            return {}  # `values:` with nothing under it: no figures yet
        context = info.context
        if isinstance(values, dict) and isinstance(context, SubmissionContext):
            known = context.plan.by_id
            unknown = [key for key in values if key not in known]
            # One error for them all: a file of 100,000 wrong ids stays cheap to report.
            _raise([_problem("unknown-indicator", (), unknown, keys=unknown)] if unknown else [])
        return values

    @field_validator("values")
    @classmethod
    def _figures_keep_the_plans_rules(
        cls, values: dict[str, Entry | float], info: ValidationInfo
    ) -> dict[str, Entry | float]:
        context = info.context
        if not isinstance(context, SubmissionContext):
            return values
        by_id = context.plan.by_id
        problems: list[InitErrorDetails] = []
        converted: dict[str, Entry] = {}
        for key, figure in values.items():
            indicator = by_id[key]
            if isinstance(figure, Entry):
                entry = _checked_entry(key, figure, indicator, context, problems)
                if entry is not figure:
                    converted[key] = entry
            elif figure > upper_bound(indicator):
                problems.append(_over_the_top((key,), figure, figure, indicator.unit, indicator))
        _raise(problems)
        return {**values, **converted} if converted else values

    @model_validator(mode="after")
    def _parts_within_wholes(self, info: ValidationInfo) -> Self:
        context = info.context
        if isinstance(context, SubmissionContext):
            _raise(list(_parts_over_wholes(self.values, context.plan)))
        return self

    def entries(self) -> dict[str, Entry]:
        """Every value as an Entry (a bare number becomes an Entry without a unit)."""
        return {
            key: value if isinstance(value, Entry) else Entry(value=value)
            for key, value in self.values.items()
        }


def _checked_entry(
    key: str,
    entry: Entry,
    indicator: Indicator,
    context: SubmissionContext,
    problems: list[InitErrorDetails],
) -> Entry:
    """The entry in the indicator's unit; every rule it breaks is added to problems."""
    if entry.to_date and indicator.kind is not Kind.CUMULATIVE:
        problems.append(
            _problem("to-date-not-cumulative", (key, "to_date"), True, name=indicator.name)
        )
    value, unit = entry.value, entry.unit
    converting = unit is not None and normalise_unit(unit) != normalise_unit(indicator.unit)
    if unit is not None and converting:
        in_unit = convert(value, unit, indicator.unit)
        if in_unit is None:
            facts = {"unit": unit, "name": indicator.name, "expected": indicator.unit}
            problems.append(_problem("unit-mismatch", (key, "unit"), unit, **facts))
            return entry
        value = in_unit
    if value > upper_bound(indicator):
        problems.append(
            _over_the_top((key, "value"), entry.value, value, unit or indicator.unit, indicator)
        )
        return entry
    if unit is None or not converting:
        return entry
    context.conversions.append(Conversion(key, entry.value, unit, value))
    update: dict[str, Any] = {"value": value, "unit": indicator.unit}
    if entry.previous_same_basis is not None:  # given in the entry's unit too
        update["previous_same_basis"] = convert(entry.previous_same_basis, unit, indicator.unit)
    return entry.model_copy(update=update)


def _over_the_top(
    loc: tuple[str, ...], given: float, value: float, unit: str, indicator: Indicator
) -> InitErrorDetails:
    """A figure above what the indicator can take: over 100 %, or past the magnitude cap."""
    limit = upper_bound(indicator)
    if limit == PERCENT_MAX:
        return _problem(
            "percent-out-of-range", loc, given, name=indicator.name, value=value, limit=limit
        )
    return _problem(
        "value-too-large",
        loc,
        given,
        name=indicator.name,
        given=given,
        given_unit=unit,
        limit=limit,
        unit=indicator.unit,
    )


def _parts_over_wholes(values: dict[str, Entry | float], plan: Plan) -> list[InitErrorDetails]:
    """其中 rows larger than their parent, where both are in the same unit and of one kind."""
    out = []
    for indicator in plan.indicators:
        if indicator.parent is None or indicator.id not in values or indicator.parent not in values:
            continue
        parent = plan.indicator(indicator.parent)
        if parent.unit != indicator.unit:
            continue
        child_value, child_total, _ = figure_of(values[indicator.id])
        parent_value, parent_total, _ = figure_of(values[indicator.parent])
        if child_total == parent_total and child_value > parent_value:
            facts = {
                "name": indicator.name,
                "value": child_value,
                "parent": parent.name,
                "parent_value": parent_value,
                "unit": parent.unit,
            }
            loc = ("values", indicator.id)
            out.append(_problem("child-exceeds-parent", loc, child_value, **facts))
    return out


def basis_of(value: Entry | float) -> tuple[str | None, float | None]:
    """A submitted value's 口径调整, if any: what changed, and the previous year's figure on
    the new basis (None where not given)."""
    if isinstance(value, Entry):
        return value.basis_change, value.previous_same_basis
    return None, None


def figure_of(value: Entry | float) -> tuple[float, bool, Comparator]:
    """A submitted value's number, whether it is a total to date, and how it was reported.

    Cheaper than entries() where many values are read: a checked submission keeps a bare
    number as a float and builds an Entry only for a value with more to say.
    """
    if isinstance(value, Entry):
        return value.value, value.to_date, value.comparator
    return value, False, Comparator.EQ
