"""The status registry: every Status has one row, and every row says what the status means."""

from __future__ import annotations

import pytest

from tongnan_plan.model.status import STATUS_INFO, Status, StatusInfo

CSS_CLASSES = {"good", "ok", "warn", "bad", "none"}


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_every_field(status: Status) -> None:
    info = status.info
    assert isinstance(info, StatusInfo)
    assert info.zh and info.en  # words for people, in both languages
    assert info.words("zh") == info.zh and info.words("en") == info.en
    assert info.style  # a Rich style; parsing it proves it is one
    from rich.style import Style

    Style.parse(info.style)
    assert info.css in CSS_CLASSES
    assert status.lags is info.lags
    assert isinstance(info.judged, bool) and isinstance(info.at_pace, bool)
    assert info.completed in (True, False, None)
    # Counted at pace only with a verdict; a status that lags is never at pace.
    assert not info.at_pace or info.judged
    assert not (info.lags and info.at_pace)


def test_the_registry_covers_every_status_once_and_orders_the_summary() -> None:
    assert set(STATUS_INFO) == set(Status)
    assert len(STATUS_INFO) == len(Status)
    order = list(STATUS_INFO)
    # Achieved early first; the bands from ahead to far behind in order; the final words from
    # exceeded down; no verdict at the end.
    assert order[0] is Status.ACHIEVED
    bands = [Status.AHEAD, Status.ON_TRACK, Status.BEHIND, Status.FAR_BEHIND]
    assert [s for s in order if s in bands] == bands
    final = [
        Status.EXCEEDED,
        Status.COMPLETED,
        Status.BASICALLY_COMPLETED,
        Status.NOT_ACHIEVED,
        Status.ESTIMATED_COMPLETED,
        Status.ESTIMATED_NOT_COMPLETED,
    ]
    assert [s for s in order if s in final] == final
    assert order[-3:] == [Status.INCOMPLETE, Status.NO_DATA, Status.NO_TARGET]


def test_the_words_of_practice() -> None:
    # The national 14th-plan mid-term evaluation (2023-12-26/28): 提前实现, 快于预期,
    # 基本符合预期, 滞后; 国家信息中心 on the 12th plan: 明显滞后; year-books: 超额完成, 完成.
    mid = [Status.ACHIEVED, Status.AHEAD, Status.ON_TRACK, Status.BEHIND, Status.FAR_BEHIND]
    assert [s.info.zh for s in mid] == ["提前实现", "快于预期", "基本符合预期", "滞后", "明显滞后"]
    final = [Status.EXCEEDED, Status.COMPLETED, Status.BASICALLY_COMPLETED, Status.NOT_ACHIEVED]
    assert [s.info.zh for s in final] == ["超额完成", "完成", "基本完成", "未完成"]
    estimates = [Status.ESTIMATED_COMPLETED, Status.ESTIMATED_NOT_COMPLETED]
    assert [s.info.zh for s in estimates] == ["预计完成", "预计未完成"]
    words = {s.info.zh for s in Status}
    # No Chinese evaluation found uses these, nor 达标 for a bound held mid-period.
    assert not words & {"严重滞后", "背离目标", "达标", "未达标", "已实现"}
    # Every word of a verdict says where it is used.
    for status in Status:
        if status.info.judged:
            assert status.info.source != "tnplan", status


def test_words_are_distinct() -> None:
    for lang in ("zh", "en"):
        words = [status.info.words(lang) for status in Status]
        assert len(set(words)) == len(words), lang


def test_incomplete_data() -> None:
    info = Status.INCOMPLETE.info
    assert (info.zh, info.en) == ("数据不全", "incomplete data")
    assert not info.at_pace and not info.judged  # not counted at pace: there is no verdict
    assert not info.lags  # unknown is not lagging
    assert info.completed is None  # counted apart in a final evaluation
    assert info.css == "none"  # neutral, as no data is
    assert "red" not in info.style and "green" not in info.style


def test_final_outcomes() -> None:
    completed = {s for s in Status if s.info.completed is True}
    not_completed = {s for s in Status if s.info.completed is False}
    assert completed == {Status.EXCEEDED, Status.COMPLETED, Status.ESTIMATED_COMPLETED}
    assert not_completed == {
        Status.BASICALLY_COMPLETED,
        Status.NOT_ACHIEVED,
        Status.ESTIMATED_NOT_COMPLETED,
    }
    estimated = {s for s in Status if s.info.estimate}
    assert estimated == {Status.ESTIMATED_COMPLETED, Status.ESTIMATED_NOT_COMPLETED}


def test_lagging_and_at_pace() -> None:
    lagging = {s for s in Status if s.lags}
    assert lagging == {
        Status.BEHIND,
        Status.FAR_BEHIND,
        Status.BASICALLY_COMPLETED,
        Status.NOT_ACHIEVED,
        Status.ESTIMATED_NOT_COMPLETED,
    }
    # 基本符合或快于预期, as the national mid-term evaluation counts: achieved early, ahead,
    # on track (a bound held is on track).
    at_pace = {s for s in Status if s.info.at_pace}
    assert at_pace == {Status.ACHIEVED, Status.AHEAD, Status.ON_TRACK}
    unjudged = {s for s in Status if not s.info.judged}
    assert unjudged == {Status.INCOMPLETE, Status.NO_DATA, Status.NO_TARGET}
