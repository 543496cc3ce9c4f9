"""Where each paragraph sits in the plan: chapter, section, 专栏 and item."""

from __future__ import annotations

import re

from msgspec import Struct

from .document import Paragraph, PlanDocument, Table

__all__ = ["Passage", "chinese_number", "outline"]

_CHAPTER = re.compile(r"^\s*(第([一二三四五六七八九十百]+)章)\s*(.*)$")
_SECTION = re.compile(r"^\s*(第([一二三四五六七八九十]+)节)\s*(.*)$")
_BOX = re.compile(r"^\s*专栏\s*(\d+)\s*(.*)$")
_ITEM = re.compile(r"^\s*\**\s*(\d+)\s*[.．、]\s*(.*)$", re.S)
#: Sections that report the past (发展基础, 回顾): their figures are results, not targets.
_PAST = re.compile(r"发展基础|回顾|成就|现状|基本情况|取得|完成情况")
_GOAL = re.compile(r"主要目标|发展目标|总体目标|目标任务")
_DIGITS = "一二三四五六七八九"


def chinese_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十四 -> 14, 二十三 -> 23 (up to 99)."""
    if "十" not in text:
        return _DIGITS.index(text) + 1
    tens, _, units = text.partition("十")
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        _DIGITS.index(units) + 1 if units else 0
    )


class Passage(Struct, frozen=True):
    """A paragraph and its place; source cites it as plan files do (第二章第三节, 专栏3 第1项)."""

    text: str
    where: str
    source: str
    chapter: int | None
    chapter_title: str
    #: The paragraph reports results (a 发展基础 section), not targets.
    past: bool
    #: The paragraph sits in a chapter (not in the notice, the contents or the preface).
    in_body: bool
    #: The paragraph sets out the plan's main goals (主要目标): a tier of its own.
    goal: bool = False


class _Place(Struct):
    """Where the reading stands: the headings seen last."""

    chapter: str = ""
    chapter_no: int | None = None
    chapter_title: str = ""
    section: str = ""
    section_title: str = ""
    box: str = ""
    item: str = ""

    def source(self) -> str:
        if self.box:
            return f"{self.box} {self.item}".strip()
        if self.section:
            return f"{self.chapter}{self.section}"
        return f"{self.chapter} 引言" if self.chapter else "前言"


def outline(document: PlanDocument) -> list[Passage]:
    """Every paragraph of the document with its chapter, section, 专栏 and item."""
    passages: list[Passage] = []
    place = _Place()
    after_table = False
    for block in document.blocks:
        if isinstance(block, Table):
            # A 专栏 that holds a table ends with it (and with the note under it).
            place.box = place.item = ""
            after_table = True
            continue
        text = block.text.strip()
        if after_table and re.match(r"^注\s*[:：]", text):
            continue
        after_table = False
        if not _heading(text, place):
            passages.append(_passage(block, place))
    return passages


def _heading(text: str, place: _Place) -> bool:
    """Move place on when text is a heading; True when it was one (a 专栏 item is not)."""
    if m := _CHAPTER.match(text):
        title = f"{m.group(1)} {_strip_page(m.group(3))}"
        place.chapter, place.chapter_no, place.chapter_title = (
            m.group(1),
            chinese_number(m.group(2)),
            title,
        )
        place.section = place.section_title = place.box = place.item = ""
        return True
    if (m := _SECTION.match(text)) and place.chapter:
        place.section, place.section_title = m.group(1), m.group(3)
        place.box = place.item = ""
        return True
    if m := _BOX.match(text):
        place.box, place.item = f"专栏{m.group(1)}", ""
        return True
    if place.box and (m := _ITEM.match(text)):
        place.item = f"第{m.group(1)}项"
    return False


def _strip_page(title: str) -> str:
    return re.sub(r"[.…\s\d]+$", "", title)


def _passage(block: Paragraph, place: _Place) -> Passage:
    section = place.section
    past = bool(section and _PAST.search(place.section_title))
    goal = bool(section and not place.box and _GOAL.search(place.section_title))
    text = block.text.replace("**", "")
    return Passage(
        text,
        block.where,
        place.source(),
        place.chapter_no,
        place.chapter_title,
        past,
        bool(place.chapter),
        goal,
    )
