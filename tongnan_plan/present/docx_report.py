"""The evaluation report as a Word document in the form of a Chinese evaluation report
(总结评估报告 at the plan's end, an evaluation as of a year before it): its blocks, which the
docx writer (docx_writer.py) lays out by docx_style.py.

Its content is the report's (report.parts, which the page is laid out from too): the tables
by area are the page's tables, the charts the page's pictures, the sentences sentences.py's.
What only a person can write (主要成效, 存在问题, 下一步工作建议) is a marked place to fill in,
【待填写：…】, with the facts tnplan can offer under it.
"""

from __future__ import annotations

from msgspec.structs import replace

from ..model.plan import Indicator, PlanInfo
from .report import WORDS, Parts, ReportInput, parts
from .sentences import binding_first, facts, indicator_sentence
from .summary import is_final
from .view import Block, Heading, Items, Paragraphs, Picture, Section

__all__ = ["DOCX_WORDS", "document_blocks", "mid_term_year"]

DOCX_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "final": "总结评估报告",
        "as_of": "实施情况评估报告（截至{year}年）",
        "mid_term": "中期评估报告（截至{year}年）",
        "overall": "总体情况",
        "indicators": "主要指标完成情况",
        "table": "表{n}　{name}指标完成情况",
        "figure": "图{n}　{title}（{unit}；出处：{source}）",
        "key": "图例：{items}",
        "counts": "表{n}　指标评估结果统计",
        "achievements": "主要成效",
        "problems": "存在问题",
        "next_steps": "下一步工作建议",
        "fill_achievements": "【待填写：规划实施以来取得的主要成效、采取的工作举措和典型做法。】",
        "fill_problems": "【待填写：规划实施中存在的主要问题及其原因。】",
        "fill_next_steps": "【待填写：下一步工作的思路、目标和具体措施。】",
        "offered": "tnplan 据已报送数据列出以下事实，供撰写时参考：",
        "audit": "规划文本核对",
        "sources": "数据来源与说明",
        "audit_table": "表{n}　{name}",
    },
    "en": {
        "final": "Final evaluation report",
        "as_of": "Evaluation report as of {year}",
        "mid_term": "Mid-term evaluation report (as of {year})",
        "overall": "Overview",
        "indicators": "The main indicators",
        "table": "Table {n}. {name}",
        "figure": "Figure {n}. {title} ({unit}; printed in: {source})",
        "key": "Key: {items}",
        "counts": "Table {n}. Indicators by result",
        "achievements": "Main achievements",
        "problems": "Problems",
        "next_steps": "Next steps",
        "fill_achievements": "【To be written: the main achievements since the plan began, the"
        " measures taken and the practices worth repeating.】",
        "fill_problems": "【To be written: the main problems in carrying out the plan, and their"
        " causes.】",
        "fill_next_steps": "【To be written: the approach, aims and measures for the work ahead.】",
        "offered": "From the figures reported, tnplan offers these facts for the writer:",
        "audit": "Audit of the plan's printed figures",
        "sources": "Sources and notes",
        "audit_table": "Table {n}. {name}",
    },
}


def mid_term_year(info: PlanInfo) -> int:
    """The year a plan's mid-term evaluation (中期评估) is as of: the first year past half its
    period (2023 for 2021-2025, as the national 14th plan's was)."""
    return info.baseline_year + -(-(info.end_year - info.baseline_year) // 2)


def _kind(data: ReportInput, lang: str) -> str:
    """The kind of evaluation: 总结评估 at the plan's end, 中期评估 at mid-term, else an
    evaluation as of the year."""
    w = DOCX_WORDS[lang]
    if is_final(data.evaluations):
        return w["final"]
    mid_term = data.as_of == mid_term_year(data.plan.plan)
    return w["mid_term" if mid_term else "as_of"].format(year=data.as_of)


class _Numbers:
    """The numbers of the document's tables and figures, in turn."""

    def __init__(self) -> None:
        self.tables = 0
        self.figures = 0

    def table(self, template: str, **fields: str) -> Paragraphs:
        """A table's caption."""
        self.tables += 1
        return Paragraphs([template.format(n=str(self.tables), **fields)], role="caption")

    def figure(self, picture: Picture, ind: Indicator, lang: str) -> Picture:
        """A main indicator's picture with its caption (its number, title, unit, source) and
        its legend in words (for a picture drawn without Chinese fonts)."""
        self.figures += 1
        w, drawn = DOCX_WORDS[lang], picture.chart
        caption = w["figure"].format(
            n=self.figures, title=drawn.title, unit=ind.unit, source=ind.source
        )
        items = "　".join(f"({i}) {label}" for i, (_, _, label) in enumerate(drawn.legend, 1))
        return replace(picture, lines=(), caption=caption, key=w["key"].format(items=items))


def _indicators(data: ReportInput, p: Parts, numbers: _Numbers, lang: str) -> list[Block]:
    """Per area: a sentence per indicator (binding first), its table, its main indicators'
    charts; the notes under them all."""
    w = DOCX_WORDS[lang]
    out: list[Block] = [Heading(w["indicators"], level=1)]
    for group in p.groups:
        members = binding_first(group.members)
        sentences = [indicator_sentence(ev, data.plan.plan, lang) for ev in members]
        out += [Heading(group.name, level=2), Items(sentences, numbering=3)]
        out += [numbers.table(w["table"], name=group.name), group.table]
        for ev in members:
            story = p.stories.get(ev.indicator.id)
            if story is None:
                continue
            picture = next(b for b in story.blocks if isinstance(b, Picture))
            out.append(numbers.figure(picture, ev.indicator, lang))
    return [*out, Paragraphs(p.notes, role="note")]


def _to_fill(data: ReportInput, lang: str) -> list[Block]:
    """主要成效, 存在问题, 下一步工作建议: each a place to fill in, with the facts offered."""
    w = DOCX_WORDS[lang]
    offered = facts(data.evaluations, lang)
    out: list[Block] = []
    for key in ("achievements", "problems", "next_steps"):
        out += [
            Heading(w[key], level=1),
            Paragraphs([w[f"fill_{key}"]], role="placeholder"),
            Paragraphs([w["offered"]]),
            Items(offered[key], numbering=4),
        ]
    return out


def document_blocks(data: ReportInput, lang: str = "zh") -> list[Block]:
    """The report as a Word document: the title and the kind of evaluation, the warning on
    the figures; 总体情况; the indicators by area; the places to fill in; the audit; the
    sources."""
    p, w, numbers = parts(data, lang), DOCX_WORDS[lang], _Numbers()
    front: list[Block] = [
        Paragraphs([p.title, _kind(data, lang)], role="title"),
        Paragraphs([p.meta], role="meta"),
        p.notice,
    ]
    overall: list[Block] = [
        Heading(w["overall"], level=1),
        Paragraphs([p.summary]),
        Paragraphs([p.binding], lead=WORDS[lang]["binding"]),
        numbers.table(w["counts"]),
        p.counts,
    ]
    indicators = _indicators(data, p, numbers, lang)
    audit: list[Block] = [Heading(w["audit"], level=1), Paragraphs(p.audit_quiet)]
    for name, table in p.audit:
        audit += [numbers.table(w["audit_table"], name=name), table]
    sources: list[Block] = [
        Heading(w["sources"], level=1),
        Items(p.sources, numbering=4),
        replace(p.notice, end=True),
    ]
    return [
        Section(front, kind="header", title=p.title),
        *overall,
        *indicators,
        *_to_fill(data, lang),
        *audit,
        *sources,
    ]
