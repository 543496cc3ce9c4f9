"""Finding the figures that the plan's prose sets for the period ("新增X个", "X%以上")."""

from __future__ import annotations

import re

from msgspec import Struct
from msgspec.structs import replace

from ..model.plan import Comparator
from ..model.units import normalise_unit
from .cells import UNITS, comparator_around, parse_number
from .outline import Passage

__all__ = ["ProseFigure", "prose_figures"]

_FIGURE = re.compile(
    r"(?<![\d.第])(?P<number>\d+(?:\.\d+)?)"
    r"(?:\s*[-—~～至]\s*(?P<upper>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r")"
)
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
_CLAUSE = re.compile(r"[^，,：:]+")
_ACTION = (
    "升级建设", "推荐认定", "培养选拔", "培养造就", "培养培训", "高质量", "建成后", "每年",
    "创建", "打造", "建设", "建成", "设立", "培育", "引进", "遴选", "组织", "举办", "开展",
    "提供", "增加", "使用", "租用", "评选", "申报", "累计", "确保", "力争", "继续", "实现",
    "积极", "推荐", "其中", "潼南",
)  # fmt: skip
#: "到“十五五”末", "“十四五”期间": when, not what.
_PERIOD_WORDS = re.compile(r"^(到)?[“\"]?十.?五[”\"]?(期末|末|期间|时期)?")
_LINK = re.compile(
    r"(分别)?(总量)?(达到|达|突破|稳定在|控制在|保持在|维持在|不低于|不少于|不超过|超过|"
    r"实现|为|在|共|累计)$"
)
_JOINER = re.compile(r"^[和及与、]|[和及与、]$")


class ProseFigure(Struct, frozen=True):
    """A figure printed in running text, with the words around it."""

    value: float
    unit: str
    comparator: Comparator
    #: The words that gave the comparator ("以上", "不低于"), or "".
    comparator_word: str
    name: str
    #: The clause the figure is printed in, verbatim; sentence is the whole sentence.
    clause: str
    sentence: str
    source: str
    where: str
    chapter: int | None
    chapter_title: str
    past: bool
    #: The upper end of a printed range ("2-5 个"), else None.
    upper: float | None = None
    #: The clause says the figure applies each year (每年, 年…).
    per_year: bool = False
    #: How the name was found: "before", "after", "list" (分别 or 各), for the review.
    named_from: str = "before"
    #: The passage sets out the plan's main goals (主要目标).
    goal: bool = False
    #: The comparator word is printed once after the last of a list of figures (… 和 7.99 万人以上).
    shared_comparator: bool = False


def prose_figures(passages: list[Passage]) -> list[ProseFigure]:
    """Every figure with a unit printed in the body of the plan, in reading order."""
    found: list[ProseFigure] = []
    for passage in passages:
        if not passage.in_body:
            continue
        for sentence in _SENTENCE.findall(passage.text):
            for part in _CLAUSE.findall(sentence):
                clause = part.strip().rstrip("。；！？!?;")
                found.extend(_clause_figures(clause, sentence.strip(), passage))
    return found


def _clause_figures(clause: str, sentence: str, passage: Passage) -> list[ProseFigure]:
    matches = list(_FIGURE.finditer(clause))
    if not matches:
        return []
    if (len(matches) > 1 and "分别" in clause) or re.search(r"各\s*\d", clause):
        listed = _listed(clause, matches, sentence, passage)
        if listed:
            return listed
    # Between two figures, the words after the last 和、及 belong to the second one.
    bounds = [0]
    for k in range(1, len(matches)):
        gap = clause[matches[k - 1].end() : matches[k].start()]
        joiner = max(gap.rfind(j) for j in "和及、与")
        bounds.append(matches[k - 1].end() + joiner + 1 if joiner >= 0 else matches[k - 1].end())
    bounds.append(len(clause))
    figures = []
    for k, match in enumerate(matches):
        start = bounds[k]
        end = bounds[k + 1] if k + 1 < len(matches) else len(clause)
        figures.append(_figure(clause, match, start, end, sentence=sentence, passage=passage))
    return figures


def _figure(
    clause: str,
    match: re.Match[str],
    start: int,
    end: int,
    *,
    sentence: str,
    passage: Passage,
    name: str | None = None,
    named_from: str = "",
) -> ProseFigure:
    before, after = clause[start : match.start()], clause[match.end() : end]
    comparator, word = comparator_around(before, after)
    if not word and len(_FIGURE.findall(clause)) == 1:
        # "不低于园区总入驻企业数量的50%": the word may stand apart from the number.
        comparator, word = comparator_around(
            re.sub(r"(不低于|不少于|不超过).*$", r"\1", before), ""
        )
    upper = match.group("upper")
    if upper is not None:
        comparator, word = Comparator.GE, f"{match.group('number')}-{upper}"
    if name is None:
        name, named_from = _name(before, after, word)
    return ProseFigure(
        value=parse_number(match.group("number")),
        unit=normalise_unit(match.group("unit")),
        comparator=comparator,
        comparator_word=word,
        name=name,
        clause=clause,
        sentence=sentence,
        source=passage.source,
        where=passage.where,
        chapter=passage.chapter,
        chapter_title=passage.chapter_title,
        past=passage.past,
        upper=parse_number(upper) if upper else None,
        per_year=bool(re.search(r"每年|^年|年度|年营业|年收入", clause)) or name.startswith("年"),
        named_from=named_from,
        goal=passage.goal,
    )


def _name(before: str, after: str, word: str) -> tuple[str, str]:
    """A name for the figure: the words before it, else the words after it."""
    if word and word not in {"以上", "以内", "以下"}:
        # "不低于园区总入驻企业数量的50%": the share of something, "占" it.
        cut = before.rstrip()
        before = (
            cut[: -len(word)] if cut.endswith(word) else before.replace(word, "占").rstrip("的")
        )
    head = _tidy(before)
    tail = after.strip()
    for suffix in ("以上", "以内", "以下"):
        tail = tail.removeprefix(suffix)
    tail = _tidy(re.split(r"进行|参与|入驻|，", tail)[0])
    if len(head) >= 2:
        if tail and (
            len(tail) <= 3 or re.search(r"(引进|培训|服务|培养|认定|举办)$", head)
        ):  # "实现0.5万人就业": the object follows the figure
            return head + tail, "before"
        return head, "before"
    return (tail or head or before.strip()), "after"


def _tidy(text: str) -> str:
    text = _JOINER.sub("", text.strip().rstrip("。；！？;")).strip()
    text = re.sub(r"^在.{1,30}?中(?=打造|培育|建设|设立|开展|创建)", "", text)
    text = _PERIOD_WORDS.sub("", text).lstrip("，、 ")
    changed = True
    while changed and text:
        changed = False
        for word in _ACTION:
            if text.startswith(word):
                text, changed = text[len(word) :].lstrip(), True
        stripped = _LINK.sub(lambda m: m.group(2) or "", text).strip()
        if stripped != text:
            text, changed = stripped, True
    if len(text) > 2 and text[0] == "“" and text[-1] == "”" and "“" not in text[1:-1]:
        text = text[1:-1]
    return text.strip("，、 ")


def _listed(
    clause: str, matches: list[re.Match[str]], sentence: str, passage: Passage
) -> list[ProseFigure]:
    """Figures printed as a list against a list of subjects (分别 …, 各 …)."""
    each = "各" in clause and "分别" not in clause
    cut = clause.find("分别") if not each else clause.find("各")
    subjects = [s for s in re.split(r"[、和及]", _tidy(clause[:cut]).removeprefix("全区")) if s]
    if not subjects:
        return []
    if each:  # 各: one figure for every subject
        names, spans = _with_prefix(subjects), [(matches[0], matches[0].end())] * len(subjects)
    elif len(subjects) == len(matches):
        names = _with_suffix(subjects)
        spans = list(zip(matches, [m.start() for m in matches[1:]] + [len(clause)], strict=True))
    else:
        return []
    figures = [
        _figure(
            clause,
            match,
            match.start(),
            end,
            sentence=sentence,
            passage=passage,
            name=name,
            named_from="list",
        )
        for (match, end), name in zip(spans, names, strict=True)
    ]
    if each:
        return figures
    # "48.82 万人、4.7 万人和 7.99 万人以上": a word after the last figure only, read for all.
    last = figures[-1]
    if last.comparator_word and all(not f.comparator_word for f in figures[:-1]):
        figures = [
            replace(
                f,
                comparator=last.comparator,
                comparator_word=last.comparator_word,
                shared_comparator=True,
            )
            for f in figures
        ]
    return figures


def _with_suffix(subjects: list[str]) -> list[str]:
    """养老、失业、工伤保险参保人数 -> each with the last one's tail (保险参保人数)."""
    last = subjects[-1]
    short = {len(s) for s in subjects[:-1]}
    if len(short) == 1 and (n := short.pop()) < len(last):
        tail = last[n:]
        return [s + tail for s in subjects[:-1]] + [last]
    return subjects


def _with_prefix(subjects: list[str]) -> list[str]:
    """市级示范仲裁院、仲裁庭、仲裁调解室 -> each with the first one's head (市级示范)."""
    first = subjects[0]
    if len(subjects) > 1:
        at = first.find(subjects[1][0])
        if at > 0:
            head = first[:at]
            return [first] + [head + s for s in subjects[1:]]
    return subjects
