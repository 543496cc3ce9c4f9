"""The evaluations counted as evaluations publish them: 中期评估 mid-period, 总结评估 at the end.

Which statuses count at pace, which lag, which completed, and in which order they are counted
all come from the status registry (model/status.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..calc.progress import Evaluation
from ..model.plan import Attribute
from ..model.status import STATUS_INFO, Status
from .cells import percent

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


def _binding(evaluations: Sequence[Evaluation], lang: str, *, final: bool) -> str:
    """The sentence on binding indicators; none where no indicator is binding (the report says
    so once, in its own line)."""
    if not any(ev.indicator.attribute is Attribute.BINDING for ev in evaluations):
        return ""
    if lang == "zh":
        return f"约束性指标{'未完成' if final else '滞后'}：{_names(evaluations, lang)}。"
    verb = "not completed" if final else "lagging"
    return f" Binding indicators {verb}: {_names(evaluations, lang)}."


def _share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "—"


def _mid_period(evaluations: Sequence[Evaluation], lang: str) -> str:
    """中期评估, counted as the national mid-term evaluation counts: 基本符合或快于预期 (achieved
    early, ahead, on track; a bound held is on track) and 滞后 (behind, far behind)."""
    counts = status_counts(evaluations)
    judged = [ev for ev in evaluations if ev.status.info.judged]
    at_pace = sum(1 for ev in judged if ev.status.info.at_pace)
    lagging = sum(1 for ev in judged if ev.status.lags)
    incomplete = sum(1 for ev in evaluations if ev.status is Status.INCOMPLETE)
    binding = _binding(evaluations, lang, final=False)
    if not judged:  # nothing to count at pace: the counts by status say it all
        if lang == "zh":
            said = "，".join(f"{s.info.zh} {n} 项" for s, n in counts)
            return f"共 {len(evaluations)} 项指标：{said}。" + binding
        said = ", ".join(f"{s.info.en} {n}" for s, n in counts)
        return f"{len(evaluations)} indicators: {said}." + binding
    if lang == "zh":
        parts = "，".join(f"{s.info.zh} {n} 项" for s, n in counts)
        apart = f"数据不全的 {incomplete} 项不判断进度；其余" if incomplete else ""
        return (
            f"共 {len(evaluations)} 项指标：{parts}。"
            f"{apart}有数据的 {len(judged)} 项中，基本符合或快于预期（含提前实现）的 "
            f"{at_pace} 项，占 {_share(at_pace, len(judged))}；滞后（含明显滞后）的 {lagging} 项。"
            + binding
        )
    parts = ", ".join(f"{s.info.en} {n}" for s, n in counts)
    apart = f" The {incomplete} with incomplete data are not judged on pace." if incomplete else ""
    other = "other " if incomplete else ""
    return (
        f"{len(evaluations)} indicators: {parts}.{apart} Of the {other}{len(judged)} with data,"
        f" {at_pace} ({_share(at_pace, len(judged))}) are on track or ahead (achieved early"
        f" included), {lagging} behind (far behind included)." + binding
    )


def _final(evaluations: Sequence[Evaluation], lang: str) -> str:
    """总结评估: each word counted, then completed or not, figures on an estimate apart, incomplete
    data apart; nothing of 序时进度."""
    counts = status_counts(evaluations)
    firm = [ev for ev in evaluations if not ev.status.info.estimate]
    completed = sum(1 for ev in firm if ev.status.info.completed is True)
    not_completed = sum(1 for ev in firm if ev.status.info.completed is False)
    estimated = sum(1 for ev in evaluations if ev.status.info.estimate)
    basic = sum(1 for ev in evaluations if ev.status is Status.BASICALLY_COMPLETED)
    binding = _binding(evaluations, lang, final=True)
    if lang == "zh":
        parts = "，".join(f"{s.info.zh} {n} 项" for s, n in counts)
        within = f"（含基本完成 {basic} 项）" if basic else ""
        apart = f"；以预计值判断的 {estimated} 项另计" if estimated else ""
        return (
            f"共 {len(evaluations)} 项指标，总结评估：{parts}。目标完成（含超额完成）"
            f"{completed} 项，未完成 {not_completed} 项{within}{apart}。" + binding
        )
    parts = ", ".join(f"{s.info.en} {n}" for s, n in counts)
    within = f" ({basic} basically completed)" if basic else ""
    apart = f"; the {estimated} judged on an estimate are counted apart" if estimated else ""
    return (
        f"{len(evaluations)} indicators, final evaluation: {parts}. Targets completed"
        f" (exceeded included) {completed}, not completed {not_completed}{within}{apart}." + binding
    )
