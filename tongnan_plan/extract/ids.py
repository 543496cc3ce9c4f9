"""Readable draft ids: an ASCII slug of each indicator's name, unique in the plan.

城镇新增就业人数 -> chengzhen_xinzeng_jiuye_renshu: the name's pinyin without tones (pypinyin),
its characters taken two by two (most Chinese words are two characters), at most four words;
a second indicator of the same slug gets _2, _3. The ids of a draft are given once all its
indicators are made, and every reference (parent, notes, questions) follows the new id.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

from .draft import DraftPlan

__all__ = ["name_slug", "readable_ids"]

_TOKEN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")
_WORDS = 4
#: A word shaped like an id: where an old id stands in a note, the new one takes its place.
_ID_TOKEN = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*_[a-z0-9_]*(?![A-Za-z0-9_])")


@functools.cache
def _readings() -> dict[str, str] | None:
    """Each character's first reading without tones, from pypinyin's own table of readings.

    Read straight from the table (0.07 s) rather than through pypinyin's API, whose import loads
    its phrase dictionary too (0.3 s, more than half of what `tnplan status` costs); None when
    the table is not where this version of pypinyin keeps it.
    """
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return None
    table = Path(spec.origin).parent / "pinyin_dict.json"
    if not table.is_file():
        return None
    raw: dict[str, str] = json.loads(table.read_text(encoding="utf-8"))
    return {chr(int(code)): _toneless(readings.split(",")[0]) for code, readings in raw.items()}


def _toneless(reading: str) -> str:
    reading = re.sub("[ǖǘǚǜü]", "v", reading)
    decomposed = unicodedata.normalize("NFD", reading)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _syllables(token: str) -> list[str]:
    readings = _readings()
    if readings is not None:
        return [readings.get(c, "") for c in token]
    from pypinyin import Style, lazy_pinyin

    return [s.replace("ü", "v") for s in lazy_pinyin(token, style=Style.NORMAL)]


def name_slug(name: str) -> str:
    """The ASCII slug of a name (a valid id: a letter first, then a-z, 0-9 and _)."""
    words: list[str] = []
    for token in _TOKEN.findall(name.removeprefix("其中：").removeprefix("其中:")):
        if token.isascii():
            words.append(token.lower())
            continue
        syllables = _syllables(token)
        words += ["".join(syllables[k : k + 2]) for k in range(0, len(syllables), 2)]
    slug = "_".join(w for w in (re.sub(r"[^a-z0-9]", "", w) for w in words[:_WORDS]) if w)
    if not slug:
        return "indicator"
    return slug if slug[0].isalpha() else f"n{slug}"


def _unique(base: str, taken: dict[str, int]) -> str:
    new = base
    while new in taken:
        taken[base] += 1
        new = f"{base}_{taken[base]}"
    taken.setdefault(base, 1)
    taken.setdefault(new, 1)
    return new


def readable_ids(plan: DraftPlan) -> dict[str, str]:
    """Give the plan's groups and indicators slug ids; returns the old -> new indicator ids."""
    groups: dict[str, int] = {}
    group_ids = {g.id: _unique(name_slug(g.name), groups) for g in plan.groups}
    for group in plan.groups:
        group.id = group_ids[group.id]
    taken: dict[str, int] = {}
    renamed: dict[str, str] = {}
    for indicator in plan.indicators:
        renamed[indicator.id] = _unique(name_slug(indicator.name), taken)
        indicator.group = group_ids.get(indicator.group, indicator.group)
    if not renamed:
        return renamed

    def follow(text: str) -> str:
        if "_" not in text:
            return text
        return _ID_TOKEN.sub(lambda m: renamed.get(m.group(0), m.group(0)), text)

    for indicator in plan.indicators:
        indicator.id = renamed[indicator.id]
        if indicator.parent is not None:
            indicator.parent = renamed.get(indicator.parent, indicator.parent)
        indicator.note = [follow(n) for n in indicator.note]
        indicator.review = [follow(r) for r in indicator.review]
    plan.review = [follow(r) for r in plan.review]
    return renamed
