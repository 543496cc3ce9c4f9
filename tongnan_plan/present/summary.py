"""The evaluations counted as evaluations publish them: 中期评估 mid-period, 总结评估 at the end.

Which statuses count at pace, which lag, which completed, and in which order they are counted
all come from the status registry (model/status.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..calc.progress import Evaluation
from ..model.status import STATUS_INFO, Status

__all__ = ["is_final", "status_counts", "summary"]


def is_final(evaluations: Sequence[Evaluation]) -> bool:
    """True when the evaluations are final (as of the plan's end year)."""
    return bool(evaluations) and all(ev.final for ev in evaluations)


def status_counts(evaluations: Sequence[Evaluation]) -> list[tuple[Status, int]]:
    """How many evaluations have each status, in the registry's order, zeros left out."""
    counts = {status: 0 for status in STATUS_INFO}
    for ev in evaluations:
        counts[ev.status] += 1
    return [(status, n) for status, n in counts.items() if n]


def summary(evaluations: Sequence[Evaluation], lang: str = "zh") -> str:
    """The evaluations counted by status, binding indicators that lag named."""
    if is_final(evaluations):
        return _final(evaluations, lang)
    return _mid_period(evaluations, lang)


def _names(evaluations: Sequence[Evaluation], lang: str) -> str:
    """The binding indicators that lag, or 无 / none."""
    binding = [ev for ev in evaluations if ev.severity == "error"]
    if lang == "zh":
        return "、".join(ev.indicator.name for ev in binding) or "无"
    return ", ".join(ev.indicator.name_en for ev in binding) or "none"


def _mid_period(evaluations: Sequence[Evaluation], lang: str) -> str:
    counts = status_counts(evaluations)
    judged = [ev for ev in evaluations if ev.status.info.judged]
    at_pace = sum(1 for ev in judged if ev.status.info.at_pace)
    share = at_pace / len(judged) * 100 if judged else 0.0
    incomplete = sum(1 for ev in evaluations if ev.status is Status.INCOMPLETE)
    if lang == "zh":
        parts = "，".join(f"{s.info.zh} {n} 项" for s, n in counts)
        apart = f"数据不全的 {incomplete} 项不判断进度；其余" if incomplete else ""
        return (
            f"共 {len(evaluations)} 项指标：{parts}。"
            f"{apart}有数据的 {len(judged)} 项中，达到或快于序时进度（含已实现、达标）的 "
            f"{at_pace} 项，占 {share:.1f}%。约束性指标滞后：{_names(evaluations, lang)}。"
        )
    parts = ", ".join(f"{s.info.en} {n}" for s, n in counts)
    apart = f" The {incomplete} with incomplete data are not judged on pace." if incomplete else ""
    other = "other " if incomplete else ""
    return (
        f"{len(evaluations)} indicators: {parts}.{apart} Of the {other}{len(judged)} with data,"
        f" {at_pace} ({share:.1f}%) are at or ahead of the time elapsed (achieved and met"
        " included)."
        f" Binding indicators lagging: {_names(evaluations, lang)}."
    )


def _final(evaluations: Sequence[Evaluation], lang: str) -> str:
    """总结评估: completed or not, incomplete data apart; nothing of 序时进度."""
    completed = sum(1 for ev in evaluations if ev.status.info.completed is True)
    not_completed = sum(1 for ev in evaluations if ev.status.info.completed is False)
    incomplete = sum(1 for ev in evaluations if ev.status is Status.INCOMPLETE)
    rest = [
        (s, n)
        for s, n in status_counts(evaluations)
        if s.info.completed is None and s is not Status.INCOMPLETE
    ]
    if lang == "zh":
        others = "".join(f"，{s.info.zh} {n} 项" for s, n in rest)
        return (
            f"共 {len(evaluations)} 项指标，总结评估：目标完成 {completed} 项，"
            f"未完成 {not_completed} 项，数据不全 {incomplete} 项{others}。"
            f"约束性指标未完成：{_names(evaluations, lang)}。"
        )
    others = "".join(f", {s.info.en} {n}" for s, n in rest)
    return (
        f"{len(evaluations)} indicators, final evaluation: Targets achieved {completed},"
        f" not achieved {not_completed}, incomplete data {incomplete}{others}."
        f" Binding indicators not achieved: {_names(evaluations, lang)}."
    )
