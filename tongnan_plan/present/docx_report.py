"""The evaluation report as a Word document in the form of a Chinese evaluation report
(总结评估报告 at the plan's end, an evaluation as of a year before it), laid out by docx_style.py.

Its content is the report's page (report.build_page, which the HTML and Markdown reports write)
and the same evaluations: the tables by area are the page's tables, the charts the page's charts
(chart.chart, drawn as pictures by docx_chart.py), the sentences sentences.py's. What only a
person can write (主要成效, 存在问题, 下一步工作建议) is a marked place to fill in, 【待填写：…】,
with the facts tnplan can offer under it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..calc.progress import Evaluation
from .cells import HEADERS, REPORT_COLUMNS
from .chart import chart
from .docx_style import (
    BODY,
    CAPTION,
    HEADINGS,
    NOTE,
    PLACEHOLDER,
    TABLE,
    TITLE,
    heading_number,
    new_document,
)
from .escaping import data_text
from .report import Page, ReportInput, Story, Table, build_page
from .sentences import binding_first, facts, indicator_sentence

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

__all__ = ["DOCX_WORDS", "report_docx"]

DOCX_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "final": "总结评估报告",
        "as_of": "实施情况评估报告（截至{year}年）",
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


class _Writer:
    """Adds the report's parts to a document in order, numbering headings, tables and figures."""

    def __init__(self, document: Document, page: Page) -> None:
        self.document = document
        self.page = page
        self.lang = page.lang
        self.words = DOCX_WORDS[page.lang]
        self.counters = [0, 0, 0, 0]
        self.tables = 0
        self.figures = 0

    def heading(self, level: int, text: str) -> None:
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (4 - level)
        number = heading_number(level, self.counters[level - 1], self.lang)
        self.document.add_paragraph(data_text(number + text), style=HEADINGS[level - 1])

    def paragraph(self, text: str, style: str = BODY, *, bold: bool = False) -> Paragraph:
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(data_text(text)).bold = bold or None
        return paragraph

    def caption(self, template: str, **fields: str) -> None:
        """A table's caption, kept on the page of its table."""
        self.tables += 1
        made = self.paragraph(template.format(n=str(self.tables), **fields), CAPTION)
        made.paragraph_format.keep_with_next = True

    def table(self, table: Table, *, widths: Sequence[float] | None = None) -> None:
        """A table of text cells, its header row repeated on each page, no row split."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        made = self.document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
        made.style = "Table Grid"
        made.autofit = False
        _fixed_widths(made, widths or _shared_widths(table))
        rows = made.rows
        for row, cells in zip(rows, [table.headers, *(r.cells for r in table.rows)], strict=True):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for i, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles[TABLE]
                run = paragraph.add_run(data_text(text))
                if row is rows[0]:
                    run.bold = True
                if i in table.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        rows[0]._tr.get_or_add_trPr().append(header)
        self.document.add_paragraph(style=NOTE)

    def picture(self, story: Story) -> None:
        """A main indicator's chart as a picture, its caption under it (with the legend in
        words where the picture could not draw Chinese)."""
        from docx.shared import Mm

        from .docx_chart import chart_png

        ev = story.evaluation
        drawn = chart(
            story.rows, ev, self.page.baseline_year, self.lang, end_year=self.page.end_year
        )
        picture = chart_png(drawn)
        held = self.document.add_paragraph(style=CAPTION)
        held.paragraph_format.keep_with_next = True  # with its caption
        held.add_run().add_picture(io.BytesIO(picture.png), width=Mm(150))
        self.figures += 1
        caption = self.words["figure"].format(
            n=self.figures, title=drawn.title, unit=ev.indicator.unit, source=ev.indicator.source
        )
        self.paragraph(caption, CAPTION)
        if not picture.labelled:
            items = "　".join(f"({i}) {label}" for i, (_, _, label) in enumerate(drawn.legend, 1))
            self.paragraph(self.words["key"].format(items=items), CAPTION)


#: The type area's width in millimetres (210 − 28 − 26).
TYPE_AREA_MM = 156


def _width(text: str) -> int:
    """How many half-width characters text is as wide as (a Chinese character is two)."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _shared_widths(table: Table) -> list[float]:
    """The type area shared among the columns by the width of their longest text (each
    between 8 and 60 half-width characters' worth)."""
    weights = [
        min(60, max(8, _width(header), *(_width(row.cells[i]) for row in table.rows)))
        for i, header in enumerate(table.headers)
    ]
    return [TYPE_AREA_MM * weight / sum(weights) for weight in weights]


def _fixed_widths(table: DocxTable, widths: Sequence[float]) -> None:
    """Columns of these widths in millimetres, kept as given (a fixed layout)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _title(writer: _Writer, data: ReportInput, page: Page) -> None:
    w = writer.words
    final = all(ev.final for ev in data.evaluations) and bool(data.evaluations)
    kind = w["final"] if final else w["as_of"].format(year=data.as_of)
    writer.paragraph(page.title, TITLE)
    writer.paragraph(kind, TITLE)
    writer.paragraph(page.meta, CAPTION)
    writer.paragraph(page.notice, PLACEHOLDER, bold=True)


def _overall(writer: _Writer, page: Page) -> None:
    writer.heading(1, writer.words["overall"])
    for text in page.summary.paragraphs:
        writer.paragraph(text)
    writer.paragraph(page.binding_label + page.binding)
    writer.caption(writer.words["counts"])
    writer.table(page.counts, widths=(50, 25))


#: The widths of the tables by area, in millimetres, by column (the type area is 156 mm
#: wide); a table without a column (no 序时进度 in a final evaluation) shares its width out.
AREA_WIDTHS = dict(zip(REPORT_COLUMNS, (37, 12, 14, 14, 18, 12, 14, 12, 12, 11), strict=True))


def _area_widths(table: Table, lang: str) -> list[float]:
    """The widths of a table by area's columns, found by their headers, filling the type area."""
    keys = {header: key for key, header in HEADERS[lang].items()}
    weights = [AREA_WIDTHS.get(keys.get(header, ""), 12) for header in table.headers]
    return [TYPE_AREA_MM * weight / sum(weights) for weight in weights]


def _indicators(writer: _Writer, data: ReportInput, page: Page) -> None:
    writer.heading(1, writer.words["indicators"])
    by_id = {ev.indicator.id: ev for ev in data.evaluations}
    stories = {story.evaluation.indicator.id: story for story in page.stories}
    for name, table in page.groups.tables:
        writer.heading(2, name)
        members = binding_first([by_id[row.id] for row in table.rows if row.id in by_id])
        for n, ev in enumerate(members, start=1):
            text = indicator_sentence(ev, data.plan.plan, writer.lang)
            writer.paragraph(heading_number(3, n, writer.lang) + text)
        writer.caption(writer.words["table"], name=name)
        writer.table(table, widths=_area_widths(table, writer.lang))
        for ev in members:
            if ev.indicator.id in stories:
                writer.picture(stories[ev.indicator.id])
    for note in page.groups.notes:
        writer.paragraph(note, NOTE)


def _to_fill(writer: _Writer, evaluations: Sequence[Evaluation]) -> None:
    offered = facts(evaluations, writer.lang)
    for key in ("achievements", "problems", "next_steps"):
        writer.heading(1, writer.words[key])
        writer.paragraph(writer.words[f"fill_{key}"], PLACEHOLDER)
        writer.paragraph(writer.words["offered"])
        for n, line in enumerate(offered[key], start=1):
            writer.paragraph(heading_number(4, n, writer.lang) + line)


def _audit(writer: _Writer, page: Page) -> None:
    writer.heading(1, writer.words["audit"])
    for text in page.audit.paragraphs:
        writer.paragraph(text)
    for name, table in page.audit.tables:
        writer.caption(writer.words["audit_table"], name=name)
        writer.table(table)


def _sources(writer: _Writer, page: Page) -> None:
    writer.heading(1, writer.words["sources"])
    for n, text in enumerate(page.sources.paragraphs, start=1):
        writer.paragraph(heading_number(4, n, writer.lang) + text)
    writer.paragraph(page.notice, bold=not page.official)


def report_docx(data: ReportInput, lang: str = "zh") -> bytes:
    """The report as a Word document (.docx bytes)."""
    page = build_page(data, lang)
    document = new_document(lang)
    writer = _Writer(document, page)
    _title(writer, data, page)
    _overall(writer, page)
    _indicators(writer, data, page)
    _to_fill(writer, data.evaluations)
    _audit(writer, page)
    _sources(writer, page)
    document.core_properties.title = data_text(page.title)
    document.core_properties.author = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
