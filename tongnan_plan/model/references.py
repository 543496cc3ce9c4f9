"""The references inside a plan file, and the errors tnplan's own plan rules raise.

A plan's ids are unique; each indicator's group is one of its groups; a 其中 row's parent is
an indicator of the plan that is not itself a 其中 row, and parents never lead round in a
cycle. reference_problems() finds every broken reference, over the parsed plan (Plan's own
validator) or over a file's rows as written (validate/plan_rules.py, where another part of the
file does not validate), at document paths, as pydantic errors of the catalogue's codes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from .catalogue import CATALOGUE, Words, phrase

__all__ = ["Row", "problem", "raise_problems", "reference_problems"]


def problem(code: str, loc: tuple[str | int, ...], given: Any, /, **facts: Any) -> InitErrorDetails:
    """A pydantic error of one of tnplan's codes, at loc; facts fill in its message."""
    return InitErrorDetails(
        type=PydanticCustomError(code, CATALOGUE[code].doc, facts), loc=loc, input=given
    )


def raise_problems(problems: list[InitErrorDetails]) -> None:
    if problems:
        raise ValidationError.from_exception_data("Plan", problems)


class Row(NamedTuple):
    """What the reference rules need of an indicator (None where the file lacks it)."""

    id: Any
    group: Any
    parent: Any


def reference_problems(
    group_ids: Sequence[Any], rows: Sequence[Row], crosscheck_ids: Sequence[Any] = ()
) -> Iterator[InitErrorDetails]:
    """Every broken reference of a plan: ids given twice, unknown groups and parents, a 其中
    row whose parent is itself one, parents that lead round in a cycle.

    Works on the parsed plan and on a file's raw rows alike (tnplan check reports these even
    where another part of the file does not validate); the locations are document paths.
    """
    yield from _unique("groups", phrase("kind.group"), group_ids)
    yield from _unique("indicators", phrase("kind.indicator"), [row.id for row in rows])
    yield from _unique("crosschecks", phrase("kind.crosscheck"), crosscheck_ids)
    known_groups = {g for g in group_ids if isinstance(g, str)}
    by_id = {row.id: row for row in rows if isinstance(row.id, str)}
    groups = ", ".join(g for g in dict.fromkeys(group_ids) if isinstance(g, str))
    for i, row in enumerate(rows):
        if isinstance(row.group, str) and row.group not in known_groups:
            facts = {"id": row.id, "group": row.group, "groups": groups}
            yield problem("unknown-group", ("indicators", i, "group"), row.group, **facts)
        if not isinstance(row.parent, str):
            continue
        parent = by_id.get(row.parent)
        loc = ("indicators", i, "parent")
        if parent is None:
            yield problem("unknown-parent", loc, row.parent, id=row.id, parent=row.parent)
        elif _in_cycle(row.id, by_id):
            chain = " → ".join(_chain(row.id, by_id))
            yield problem("parent-cycle", loc, row.parent, id=row.id, chain=chain)
        elif isinstance(parent.parent, str):
            facts = {"id": row.id, "parent": row.parent, "grandparent": parent.parent}
            yield problem("nested-parent", loc, row.parent, **facts)


def _unique(where: str, what: Words, ids: Sequence[Any]) -> Iterator[InitErrorDetails]:
    first: dict[str, int] = {}
    for i, value in enumerate(ids):
        if not isinstance(value, str):
            continue
        if value in first:
            loc = (where, i, "id")
            facts = {"what": what, "id": value, "first_at": (where, first[value], "id")}
            yield problem("duplicate-id", loc, value, **facts)
        else:
            first[value] = i


def _chain(start: str, by_id: dict[str, Row]) -> list[str]:
    """start, its parent, that one's parent … until an id repeats or a row has no parent."""
    chain = [start]
    current = by_id.get(start)
    while current is not None and isinstance(current.parent, str):
        chain.append(current.parent)
        if current.parent in chain[:-1]:
            break
        current = by_id.get(current.parent)
    return chain


def _in_cycle(start: str, by_id: dict[str, Row]) -> bool:
    chain = _chain(start, by_id)
    return len(chain) > 1 and chain[-1] == start
