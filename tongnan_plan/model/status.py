"""The status of an indicator: stable codes for machines, and one registry of what each means.

Every fact about a status (its words, its colour in a terminal, its CSS class in the report,
whether it lags, whether it counts at pace, what it means in a final evaluation, and its place
in the summary) is one row of :data:`STATUS_INFO`. Adding a band is adding one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["STATUS_INFO", "Status", "StatusInfo"]


class Status(StrEnum):
    """Stable status codes, for machines; what they mean for people is in STATUS_INFO."""

    ACHIEVED = "achieved"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    MOVING_AWAY = "moving_away"
    MET = "met"
    NOT_MET = "not_met"
    #: The final year's figure is in and the target was not reached.
    NOT_ACHIEVED = "not_achieved"
    NO_DATA = "no_data"
    #: A cumulative total with a missing year that does not already meet the target, or a level
    #: whose final-year figure is missing: no verdict can be given.
    INCOMPLETE = "incomplete"
    #: The plan prints no target for the row ("——").
    NO_TARGET = "no_target"

    @property
    def info(self) -> StatusInfo:
        """This status's row of the registry."""
        return STATUS_INFO[self]

    @property
    def lags(self) -> bool:
        """True for the statuses that need attention."""
        return STATUS_INFO[self].lags


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """What one status means, for people and for the summary."""

    #: The words for people, in Chinese and in English.
    zh: str
    en: str
    #: Its Rich style in a terminal table.
    style: str
    #: Its CSS class in the report (good, ok, warn, bad, none).
    css: str
    #: Needs attention: a warning for an anticipated indicator, an error for a binding one.
    lags: bool
    #: A verdict on the figures, counted in the share at pace (no data, no target and
    #: incomplete data are not).
    judged: bool
    #: At or ahead of 序时进度, achieved and met included.
    at_pace: bool
    #: In a final evaluation (总结评估): True the target was completed, False it was not,
    #: None neither (incomplete data, no data, no target, or a mid-period band).
    completed: bool | None

    def words(self, lang: str) -> str:
        """The status in words, in lang ("zh" or "en")."""
        return self.zh if lang == "zh" else self.en


#: The registry, in the order the summary counts the statuses.
STATUS_INFO: dict[Status, StatusInfo] = {
    Status.ACHIEVED: StatusInfo(
        "已实现", "achieved", "bold green", "good", False, True, True, True
    ),
    Status.AHEAD: StatusInfo("快于预期", "ahead", "green", "good", False, True, True, None),
    Status.ON_TRACK: StatusInfo("基本符合预期", "on track", "cyan", "ok", False, True, True, None),
    Status.BEHIND: StatusInfo("滞后", "behind", "yellow", "warn", True, True, False, None),
    Status.FAR_BEHIND: StatusInfo("严重滞后", "far behind", "red", "bad", True, True, False, None),
    Status.MOVING_AWAY: StatusInfo(
        "背离目标", "moving away", "bold red", "bad", True, True, False, None
    ),
    Status.MET: StatusInfo("达标", "met", "green", "good", False, True, True, True),
    Status.NOT_MET: StatusInfo("未达标", "not met", "bold red", "bad", True, True, False, False),
    Status.NOT_ACHIEVED: StatusInfo(
        "未完成", "not achieved", "bold red", "bad", True, True, False, False
    ),
    Status.INCOMPLETE: StatusInfo(
        "数据不全", "incomplete data", "italic", "none", False, False, False, None
    ),
    Status.NO_DATA: StatusInfo("无数据", "no data", "dim", "none", False, False, False, None),
    Status.NO_TARGET: StatusInfo("无目标", "no target", "dim", "none", False, False, False, None),
}
