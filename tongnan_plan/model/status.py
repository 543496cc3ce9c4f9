"""The status of an indicator: stable codes for machines, and one registry of what each means.

Every fact about a status (its words, its colour in a terminal, its CSS class in the report,
whether it lags, whether it counts at pace, what it means in a final evaluation, and its place
in the summary) is one row of :data:`STATUS_INFO`. Adding a band is adding one row.
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct

__all__ = ["STATUS_INFO", "Status", "StatusInfo"]


class Status(StrEnum):
    """Stable status codes, for machines; what they mean for people is in STATUS_INFO.

    Before the plan's end year (中期评估) an indicator is achieved, ahead, on track, behind or
    far behind; a bound held is on track, a bound broken behind, in those same words. In the
    end year (总结评估) it is exceeded, completed, basically completed (where a plan sets that
    band) or not achieved, and estimated completed or not where the figure is an estimate.
    """

    #: Before the end year: the target is already reached (提前实现).
    ACHIEVED = "achieved"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    #: The end year: the target is beaten (a count or total above it: completion over 100 %).
    EXCEEDED = "exceeded"
    #: The end year: the target is reached.
    COMPLETED = "completed"
    #: The end year: short of the target, within the plan's 基本完成 band (thresholds).
    BASICALLY_COMPLETED = "basically_completed"
    #: The end year: the target was not reached.
    NOT_ACHIEVED = "not_achieved"
    #: The end year, on an estimate (预计值): the target will be reached, or not.
    ESTIMATED_COMPLETED = "estimated_completed"
    ESTIMATED_NOT_COMPLETED = "estimated_not_completed"
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


#: Where each word is used (the README's status table cites them).
NATIONAL_MIDTERM = "《纲要》实施中期评估报告（国家发展改革委，2023-12-26；财新 2023-12-28）"
SIC_MIDTERM = "国家信息中心，“十二五”规划中期评估（时间进度 40%）"
YEARBOOKS = "统计年鉴、政府工作报告（“超额完成”“完成全年目标任务的115%”，完成情况：完成）"
ESTIMATE = "总结评估以预计值补缺并注明“预计”"
BAND = "地方总结评估自定的区间（本规划未设；thresholds.basically_complete）"
TNPLAN = "tnplan"


class StatusInfo(Struct, frozen=True):
    """What one status means, for people and for the summary."""

    #: The words for people, in Chinese and in English.
    zh: str
    en: str
    #: Its Rich style in a terminal table.
    style: str
    #: Its CSS class in the report (good, ok, warn, bad, none).
    css: str
    #: Needs attention: a warning for an anticipated indicator, an error for a binding one.
    lags: bool = False
    #: A verdict on the figures (no data, no target and incomplete data are not).
    judged: bool = True
    #: Before the end year: 基本符合或快于预期 (on track, ahead or achieved), as the national
    #: mid-term evaluation counts them.
    at_pace: bool = False
    #: In a final evaluation (总结评估): True the target was completed, False it was not,
    #: None neither (incomplete data, no data, no target, or a mid-period band).
    completed: bool | None = None
    #: The final verdict rests on an estimate (预计), counted apart in the summary.
    estimate: bool = False
    #: Where the word is used.
    source: str = TNPLAN

    def words(self, lang: str) -> str:
        """The status in words, in lang ("zh" or "en")."""
        return self.zh if lang == "zh" else self.en


#: The registry, in the order the summary counts the statuses.
STATUS_INFO: dict[Status, StatusInfo] = {
    Status.ACHIEVED: StatusInfo(
        "提前实现", "achieved early", "bold green", "good", at_pace=True, source=NATIONAL_MIDTERM
    ),
    Status.AHEAD: StatusInfo(
        "快于预期", "ahead", "green", "good", at_pace=True, source=NATIONAL_MIDTERM
    ),
    Status.ON_TRACK: StatusInfo(
        "基本符合预期", "on track", "cyan", "ok", at_pace=True, source=NATIONAL_MIDTERM
    ),
    Status.BEHIND: StatusInfo(
        "滞后", "behind", "yellow", "warn", lags=True, source=NATIONAL_MIDTERM
    ),
    Status.FAR_BEHIND: StatusInfo(
        "明显滞后", "far behind", "red", "bad", lags=True, source=SIC_MIDTERM
    ),
    Status.EXCEEDED: StatusInfo(
        "超额完成", "exceeded", "bold green", "good", completed=True, source=YEARBOOKS
    ),
    Status.COMPLETED: StatusInfo(
        "完成", "completed", "green", "good", completed=True, source=YEARBOOKS
    ),
    Status.BASICALLY_COMPLETED: StatusInfo(
        "基本完成",
        "basically completed",
        "yellow",
        "warn",
        lags=True,
        completed=False,
        source=BAND,
    ),
    Status.NOT_ACHIEVED: StatusInfo(
        "未完成",
        "not completed",
        "bold red",
        "bad",
        lags=True,
        completed=False,
        source=YEARBOOKS,
    ),
    Status.ESTIMATED_COMPLETED: StatusInfo(
        "预计完成",
        "est. completed",
        "italic green",
        "ok",
        completed=True,
        estimate=True,
        source=ESTIMATE,
    ),
    Status.ESTIMATED_NOT_COMPLETED: StatusInfo(
        "预计未完成",
        "est. not completed",
        "italic red",
        "warn",
        lags=True,
        completed=False,
        estimate=True,
        source=ESTIMATE,
    ),
    Status.INCOMPLETE: StatusInfo("数据不全", "incomplete data", "italic", "none", judged=False),
    Status.NO_DATA: StatusInfo("无数据", "no data", "dim", "none", judged=False),
    Status.NO_TARGET: StatusInfo("无目标", "no target", "dim", "none", judged=False),
}
