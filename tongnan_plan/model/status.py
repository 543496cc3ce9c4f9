"""The status of an indicator: stable codes for machines."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Status"]


class Status(StrEnum):
    """Stable status codes, for machines; words for people live in the renderer."""

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
    def lags(self) -> bool:
        """True for the statuses that need attention."""
        return self in _LAGGING


_LAGGING = frozenset(
    {Status.BEHIND, Status.FAR_BEHIND, Status.MOVING_AWAY, Status.NOT_MET, Status.NOT_ACHIEVED}
)
