"""A plan file's head, read without loading the plan: its ``plan:`` values, and (when asked)
how many indicators it lists in each tier.

Choosing a plan by its id, following ``previous:`` links and listing a repository of forty
plans should not cost forty full loads. The parser's events are read and nothing is built
from them: no value is constructed, no alias followed, no tag honoured. The head is a guide,
not a check: loading the plan (or `tnplan check`) says whether it is valid.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from msgspec import Struct, field

from ..model.diagnostics import TnplanError
from .files import read_text

__all__ = ["TIER_NAMES", "PlanHead", "is_plan_data", "read_head"]

#: The tiers a head counts, in order: model.plan.Tier's values, named here so that listing
#: plans imports no model (a test holds the two the same).
TIER_NAMES = ("main", "goal", "action")

#: Plain scalars YAML reads as null.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class PlanHead(Struct):
    """What a plan file's head says; parsed is False when the file cannot be read or parsed."""

    info: dict[str, str | None] = field(default_factory=dict)
    #: Indicators by tier (counted only when asked for).
    tiers: Counter[str] = field(default_factory=Counter)
    indicators: int = 0
    parsed: bool = True

    def text(self, key: str) -> str | None:
        """A value of the plan: block as text (None where absent or null)."""
        return self.info.get(key)

    def year(self, key: str) -> int | None:
        """A year of the plan: block (None where absent or not a whole number)."""
        value = self.info.get(key)
        return int(value) if value is not None and value.isdigit() else None


def is_plan_data(data: Any) -> bool:
    """True for the data of a plan file: a mapping with a ``plan:`` key (a submission has none)."""
    return isinstance(data, dict) and "plan" in data


def read_head(path: Path, *, count_tiers: bool = False) -> PlanHead:
    """The head of the plan file at path: read up to the end of its ``plan:`` block, or (with
    count_tiers) through its indicators, counting them by tier."""
    try:
        text = read_text(path)
    except TnplanError:
        return PlanHead(parsed=False)
    loader: Any = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    head = PlanHead()
    try:
        for _ in range(2):  # the stream, the document
            loader.get_event()
        if not loader.check_event(yaml.MappingStartEvent):
            return PlanHead(parsed=False)
        loader.get_event()
        while loader.check_event(yaml.ScalarEvent):
            key = loader.get_event().value
            if key == "plan" and loader.check_event(yaml.MappingStartEvent):
                head.info = _plain_mapping(loader)
                if not count_tiers:
                    return head
            elif (
                key == "indicators" and count_tiers and loader.check_event(yaml.SequenceStartEvent)
            ):
                _count_tiers(loader, head)
            else:
                _skip_value(loader)
    except yaml.YAMLError:
        return PlanHead(parsed=False)
    finally:
        loader.dispose()
    return head


def _plain_mapping(loader: Any) -> dict[str, str | None]:
    """The plain scalar values of the mapping whose start event is next (others skipped)."""
    loader.get_event()
    out: dict[str, str | None] = {}
    while loader.check_event(yaml.ScalarEvent):
        key = loader.get_event().value
        if loader.check_event(yaml.ScalarEvent):
            event = loader.get_event()
            plain = event.implicit[0] and event.value in _NULLS
            out[key] = None if plain else event.value
        else:
            _skip_value(loader)
    loader.get_event()  # the mapping's end
    return out


def _count_tiers(loader: Any, head: PlanHead) -> None:
    """Count the items of the indicators sequence (its start event next) by their tier.

    One loop over the events, no call per value: a repository of forty plans is listed in
    the time a few loads take.
    """
    get = loader.get_event
    get()
    depth, key_next, tier_next = 1, False, False  # depth 2: the keys and values of an item
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    while True:
        event = get()
        kind = event.__class__
        if kind is scalar or kind is alias:
            if depth == 1:
                head.indicators += 1
            elif depth == 2:
                if key_next:
                    tier_next = kind is scalar and event.value == "tier"
                elif tier_next:
                    head.tiers[event.value] += 1
                    tier_next = False
                key_next = not key_next
        elif kind in opening:
            if depth == 1:
                head.indicators += 1
                key_next = kind is yaml.MappingStartEvent
            depth += 1
        elif kind in closing:
            depth -= 1
            if depth == 0:
                return
            key_next = key_next or depth == 2
        else:  # the document or the stream ends inside the sequence
            raise yaml.YAMLError("the indicators end where the file does not")


def _skip_value(loader: Any) -> None:
    depth = 0
    while True:
        event = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            raise yaml.YAMLError("the file ends inside a value")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth <= 0:
            return
