"""The verdicts: a pace ratio's band (中期评估), the final words (总结评估), an estimate's.

The words themselves, and what each means, are the status registry's (model/status.py).
"""

from __future__ import annotations

from ..model.plan import Thresholds
from ..model.status import Status

__all__ = ["as_estimated", "final_status", "pace_status"]


def pace_status(pace_ratio: float, thresholds: Thresholds) -> Status:
    """The band of a pace ratio (progress ÷ 序时进度)."""
    if pace_ratio >= thresholds.ahead:
        return Status.AHEAD
    if pace_ratio >= thresholds.on_track:
        return Status.ON_TRACK
    if pace_ratio >= thresholds.behind:
        return Status.BEHIND
    return Status.FAR_BEHIND  # below the band, moving away from the target included


def final_status(reached: bool, completion: float | None, thresholds: Thresholds) -> Status:
    """总结评估: exceeded (completion over 100 %), completed, basically completed (within the
    plan's band, where it sets one) or not achieved."""
    if reached:
        return Status.EXCEEDED if completion is not None and completion > 1 else Status.COMPLETED
    band = thresholds.basically_complete
    if band is not None and completion is not None and completion >= band:
        return Status.BASICALLY_COMPLETED
    return Status.NOT_ACHIEVED


def as_estimated(status: Status) -> Status:
    """A final verdict resting on an estimate (预计值): 预计完成 or 预计未完成."""
    completed = status.info.completed
    if completed is None or status.info.estimate:
        return status
    return Status.ESTIMATED_COMPLETED if completed else Status.ESTIMATED_NOT_COMPLETED
