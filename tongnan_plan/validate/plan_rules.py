"""The check of a plan file (targets.yaml): every problem at its line and column.

`tnplan check` recognises a plan file by its ``plan:`` key. The model's own rules (its shape,
ids given twice, unknown groups and parents, cycles of parents, the plan's years) are found by
validating it, and where one part does not validate the references are still checked over the
file's raw rows, so that one run lists them all. The rules below hold a plan's figures to each
other; the links to other plans (``previous:``, ``continues:``) are checked against the plans
the caller knows of. Reads no files: sources/ hands the document over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from msgspec import Struct, field
from pydantic import ValidationError
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

from ..model.catalogue import phrase
from ..model.diagnostics import Diagnostic
from ..model.plan import (
    Comparator,
    Direction,
    Indicator,
    Kind,
    Plan,
)
from ..model.references import Row, reference_problems
from ..model.submission import upper_bound
from ..model.units import normalise_unit
from ..sources.yaml_reader import Document, Key
from .explain import emit, error_diagnostics

__all__ = [
    "CheckedPlan",
    "KnownPlans",
    "check_plan_document",
    "plan_model_diagnostics",
]

#: Codes of reference_problems: found over the raw rows, so never taken from the model too.
_REFERENCE_CODES = frozenset(
    {"duplicate-id", "unknown-group", "unknown-parent", "parent-cycle", "nested-parent"}
)
_FLOORS = (Comparator.GE, Comparator.GT)
_CEILINGS = (Comparator.LE, Comparator.LT)

Path = tuple[Key, ...]


class KnownPlans(Protocol):
    """The plans a plan file may name as its previous one (a repository of plans)."""

    @property
    def where(self) -> str:
        """Where the plans are, for messages (a directory)."""
        ...

    def plan_ids(self) -> list[str]:
        """The ids of the plans."""
        ...

    def plan_by_id(self, plan_id: str) -> Plan | None:
        """The plan of this id, if it loads."""
        ...

    def previous_of(self, plan_id: str) -> str | None:
        """The id the plan of this id names as its previous (without loading it)."""
        ...

    def folders_of(self, plan_id: str) -> list[str]:
        """The folders of every plan that says this id."""
        ...


class CheckedPlan(Struct):
    """A plan file after checking: the plan (if it validates), its document, its problems."""

    file: str
    plan: Plan | None
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def plan_model_diagnostics(doc: Document) -> tuple[Plan | None, list[Diagnostic]]:
    """The plan, or every error of its model, located (what a load of the plan reports)."""
    try:
        return Plan.model_validate(doc.data), []
    except ValidationError as exc:
        errors = [e for e in exc.errors(include_url=False) if e["type"] not in _REFERENCE_CODES]
    references = [_details(problem) for problem in _raw_references(doc.data)]
    out = error_diagnostics(doc, [*errors, *references], model=Plan)
    return None, _in_file_order(out)


def check_plan_document(
    doc: Document, diagnostics: Sequence[Diagnostic] = (), plans: KnownPlans | None = None
) -> CheckedPlan:
    """Check a parsed plan file: the model, its figures against each other, its placeholders
    and open questions, and (given the plans it may follow) its links to a previous plan."""
    plan, out = plan_model_diagnostics(doc)
    indicators = _valid_indicators(doc.data)
    out += _figure_rules(doc, indicators)
    out += _parts_within_wholes(doc, indicators)
    out += _placeholders_and_questions(doc)
    if plans is not None:
        out += _links(doc, plans)
    return CheckedPlan(doc.file, plan, doc, [*diagnostics, *_in_file_order(out)])


def _details(problem: InitErrorDetails) -> ErrorDetails:
    """A problem of tnplan's own, as pydantic reports the errors it raises."""
    kind = problem["type"]
    assert isinstance(kind, PydanticCustomError)
    return ErrorDetails(
        type=kind.type,
        loc=problem["loc"] if "loc" in problem else (),
        msg=kind.message(),
        input=problem["input"],
        ctx=kind.context or {},
    )


def _in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    unique = list(dict.fromkeys(diagnostics))
    return sorted(unique, key=lambda d: (d.line, d.column))


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _raw_references(data: Any) -> list[InitErrorDetails]:
    """The reference rules over the file's rows as written, whatever else fails to validate."""

    def get(item: Any, key: str) -> Any:
        return item.get(key) if isinstance(item, dict) else None

    rows = [
        Row(get(i, "id"), get(i, "group"), get(i, "parent")) for i in _items(data, "indicators")
    ]
    groups = [get(g, "id") for g in _items(data, "groups")]
    crosschecks = [get(c, "id") for c in _items(data, "crosschecks")]
    return list(reference_problems(groups, rows, crosschecks))


def _valid_indicators(data: Any) -> list[tuple[int, Indicator]]:
    """The indicators that validate on their own, with their place in the file."""
    out = []
    for i, item in enumerate(_items(data, "indicators")):
        try:
            out.append((i, Indicator.model_validate(item)))
        except ValidationError:
            continue  # reported by the model's validation
    return out


def _figure_rules(doc: Document, indicators: Sequence[tuple[int, Indicator]]) -> list[Diagnostic]:
    out = []
    for i, ind in indicators:
        at: Path = ("indicators", i)
        for which in ("baseline", "target"):
            figure = getattr(ind, which)
            if figure is not None and figure.value is not None and figure.value > upper_bound(ind):
                limit = upper_bound(ind)
                facts = {"name": ind.name, "value": figure.value, "limit": limit}
                out.append(emit(doc, (*at, which, "value"), "percent-out-of-range", **facts))
        out += _comparator_against_direction(doc, at, ind)
        out += _nothing_to_climb(doc, at, ind)
    return out


def _comparator_against_direction(doc: Document, at: Path, ind: Indicator) -> list[Diagnostic]:
    comparator = ind.target.comparator
    floor = comparator in _FLOORS and ind.direction is Direction.LOWER
    ceiling = comparator in _CEILINGS and ind.direction is Direction.HIGHER
    if not (floor or ceiling):
        return []
    bound = phrase("bound.floor") if floor else phrase("bound.ceiling")
    better = phrase("direction.lower") if floor else phrase("direction.higher")
    facts = {"name": ind.name, "text": ind.target.text, "bound": bound, "direction": better}
    path = (*at, "target", "comparator")
    return [emit(doc, path, "comparator-contradicts-direction", given=ind.direction.value, **facts)]


def _nothing_to_climb(doc: Document, at: Path, ind: Indicator) -> list[Diagnostic]:
    """A level whose bare-number target equals its baseline: no progress can be measured.

    A bound (≤5.5 against ≤5.5) is held, not climbed, and is judged met / not met by design.
    """
    baseline, target = ind.baseline, ind.target
    if ind.kind is not Kind.ANNUAL or baseline is None or target.is_bound:
        return []
    if baseline.value is None or baseline.value != target.value or baseline.is_bound:
        return []
    path = (*at, "target", "value")
    return [emit(doc, path, "target-equals-baseline", name=ind.name, target=target.text)]


def _parts_within_wholes(
    doc: Document, indicators: Sequence[tuple[int, Indicator]]
) -> list[Diagnostic]:
    """其中 rows whose target is larger than their parent's, in the same unit and kind."""
    by_id = {ind.id: ind for _, ind in indicators}
    out = []
    for i, ind in indicators:
        parent = by_id.get(ind.parent) if ind.parent is not None else None
        if parent is None or not (ind.has_target and parent.has_target):
            continue
        if normalise_unit(parent.unit) != normalise_unit(ind.unit) or parent.kind is not ind.kind:
            continue
        if ind.target_value > parent.target_value:
            facts = {
                "name": ind.name,
                "value": ind.target_value,
                "unit": ind.unit,
                "parent": parent.name,
                "parent_value": parent.target_value,
            }
            path = ("indicators", i, "target", "value")
            out.append(emit(doc, path, "child-target-exceeds-parent", **facts))
    return out


def _placeholders_and_questions(doc: Document) -> list[Diagnostic]:
    """Targets still to be written (todo), and each open question of a draft (review)."""
    data = doc.data
    out = []
    info = data.get("plan") if isinstance(data, dict) else None
    out += _questions(doc, ("plan",), info)
    for i, item in enumerate(_items(data, "indicators")):
        if not isinstance(item, dict):
            continue
        target = item.get("target")
        # A todo beside a value is the model's error (delete todo): said once, there.
        if isinstance(target, dict) and target.get("todo") is not None and "value" not in target:
            name = item.get("name", item.get("id", ""))
            path = ("indicators", i, "target", "todo")
            out.append(emit(doc, path, "unfinished-target", name=name, todo=target["todo"]))
        out += _questions(doc, ("indicators", i), item)
    return out


def _questions(doc: Document, at: Path, item: Any) -> list[Diagnostic]:
    review = item.get("review") if isinstance(item, dict) else None
    if not isinstance(review, list):
        return []
    return [
        emit(doc, (*at, "review", j), "unreviewed", question=question)
        for j, question in enumerate(review)
        if isinstance(question, str)
    ]


def _loop(own_id: str, previous_id: str, plans: KnownPlans) -> list[str]:
    """The plans from own_id back through ``previous:`` to own_id again, if the links lead
    back to it (each plan visited once: linear, whatever loop lies further back)."""
    path, seen = [own_id], {own_id}
    step: str | None = previous_id
    while step is not None and step not in seen:
        path.append(step)
        seen.add(step)
        step = plans.previous_of(step)
    return [*path, own_id] if step == own_id else []


def _links(doc: Document, plans: KnownPlans) -> list[Diagnostic]:
    """``previous:`` names a plan of the repository, and each ``continues:`` one of its ids."""
    data = doc.data
    info = data.get("plan") if isinstance(data, dict) else None
    previous_id = info.get("previous") if isinstance(info, dict) else None
    own_id = info.get("id") if isinstance(info, dict) else None
    out = []
    if isinstance(own_id, str) and len(folders := plans.folders_of(own_id)) > 1:
        shown = ", ".join(folder or "(root)" for folder in folders)
        out.append(emit(doc, ("plan", "id"), "duplicate-plan-id", id=own_id, folders=shown))
    if isinstance(own_id, str) and isinstance(previous_id, str):
        loop = _loop(own_id, previous_id, plans)
        if loop:
            out.append(emit(doc, ("plan", "previous"), "previous-cycle", loop=" → ".join(loop)))
    previous: Plan | None = None
    if isinstance(previous_id, str):
        known = [p for p in plans.plan_ids() if p != own_id]
        if previous_id in known:
            previous = plans.plan_by_id(previous_id)
        else:
            facts = {"previous": previous_id, "repository": plans.where, "plans": ", ".join(known)}
            out.append(emit(doc, ("plan", "previous"), "unknown-previous", **facts))
            return out
    for i, item in enumerate(_items(data, "indicators")):
        continues = item.get("continues") if isinstance(item, dict) else None
        if not isinstance(continues, str):
            continue
        if previous is not None and continues in previous.by_id:
            continue
        whose: Any = repr(previous_id)
        if previous_id is None:
            whose = phrase("previous.none")
        facts = {"id": item.get("id"), "continues": continues, "previous": whose}
        out.append(emit(doc, ("indicators", i, "continues"), "unknown-continues", **facts))
    return out
