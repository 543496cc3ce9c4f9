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
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..calc.progress import Evaluation
from ..model.plan import PlanInfo
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
from .summary import is_final

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["DOCX_WORDS", "mid_term_year", "report_docx"]

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
        self.next_shape_id: int | None = None
        self.end: Any = None  # the body's last element, its section properties
        # Styles by name, looked up once: python-docx looks a style's id up anew (through
        # every style of the document) for each paragraph it is given to.
        self.style_ids = {style.name: style.style_id for style in document.styles}

    def styled(self, paragraph: Paragraph, style: str) -> Paragraph:
        """paragraph in the style of this name."""
        paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        return paragraph

    def add(self, style: str) -> Paragraph:
        """A new, empty paragraph at the end of the document, in style: put before the
        section's properties found once (python-docx looks for them through the whole body
        for each paragraph it adds)."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        if self.end is None:
            self.end = self.document.element.body.sectPr
        if self.end is None:  # pragma: no cover - every new document has one
            return self.styled(self.document.add_paragraph(), style)
        element = OxmlElement("w:p")
        self.end.addprevious(element)
        return self.styled(Paragraph(element, self.document._body), style)

    def heading(self, level: int, text: str) -> None:
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (4 - level)
        number = heading_number(level, self.counters[level - 1], self.lang)
        self.add(HEADINGS[level - 1]).add_run(data_text(number + text))

    def paragraph(self, text: str, style: str = BODY, *, bold: bool = False) -> Paragraph:
        paragraph = self.add(style)
        paragraph.add_run(data_text(text)).bold = bold or None
        return paragraph

    def numbered(self, level: int, n: int, text: str) -> Paragraph:
        """A paragraph opened by its number at level (1. or （1）), a space between where the
        text opens with a figure (18. 1对1…, not 18.1对1…)."""
        number = heading_number(level, n, self.lang)
        gap = " " if text[:1].isdigit() and not number.endswith(" ") else ""
        return self.paragraph(number + gap + text)

    def caption(self, template: str, **fields: str) -> None:
        """A table's caption, kept on the page of its table."""
        self.tables += 1
        made = self.paragraph(template.format(n=str(self.tables), **fields), CAPTION)
        made.paragraph_format.keep_with_next = True

    def table(self, table: Table, *, widths: Sequence[float] | None = None) -> None:
        """A table of text cells, its header row repeated on each page, no row split."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        made = self.document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
        made._tbl.tblPr.style = self.style_ids["Table Grid"]
        made.autofit = False  # a fixed layout: the widths below are kept
        made.alignment = WD_TABLE_ALIGNMENT.CENTER
        _narrow_margins(made._tbl.tblPr)
        shares = [Mm(width) for width in widths or _shared_widths(table)]
        for column, width in zip(made.columns, shares, strict=True):
            column.width = width
        rows = made.rows
        texts = [table.headers, *(r.cells for r in table.rows)]
        for n, (row, cells) in enumerate(zip(rows, texts, strict=True)):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for i, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
                cell.width = shares[i]
                paragraph = cell.paragraphs[0]
                self.styled(paragraph, TABLE)
                # Each row with the next: a table short enough moves whole to the next page.
                paragraph.paragraph_format.keep_with_next = n < len(texts) - 1 or None
                run = paragraph.add_run(data_text(text))
                if n == 0:
                    run.bold = True
                if i in table.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        made._tbl.tr_lst[0].get_or_add_trPr().append(header)
        self.add(NOTE)

    def embed(self, paragraph: Paragraph, png: bytes, width: int) -> None:
        """A PNG picture width wide at the end of paragraph, as its own part of the package.

        Not python-docx's add_picture: to spare a copy of a picture already in the document it
        hashes every picture there and reads every id of the document for each one it adds,
        which grows with the square of the pictures (500 charts took 10 s of 25).
        """
        from docx.image.image import Image
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.oxml.shape import CT_Inline
        from docx.parts.image import ImagePart
        from docx.shared import Emu

        image = Image.from_blob(png)
        name = f"chart{self.figures}.png"
        part = ImagePart(PackURI(f"/word/media/{name}"), image.content_type, png, image)
        relation = self.document.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        if self.next_shape_id is None:
            self.next_shape_id = self.document.part.next_id  # once: it reads the document
        height = Emu(round(width * image.px_height / image.px_width))
        inline = CT_Inline.new_pic_inline(self.next_shape_id, relation, name, Emu(width), height)
        self.next_shape_id += 1
        paragraph.add_run()._r.add_drawing(inline)

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
        held = self.add(CAPTION)
        held.paragraph_format.keep_with_next = True  # with its caption
        self.figures += 1
        self.embed(held, picture.png, Mm(PICTURE_MM))
        caption = self.words["figure"].format(
            n=self.figures, title=drawn.title, unit=ev.indicator.unit, source=ev.indicator.source
        )
        self.paragraph(caption, CAPTION)
        if not picture.labelled:
            items = "　".join(f"({i}) {label}" for i, (_, _, label) in enumerate(drawn.legend, 1))
            self.paragraph(self.words["key"].format(items=items), CAPTION)


#: A cell's margin on its left and right, in twentieths of a point (1 mm; Word's is 1.9 mm).
CELL_MARGIN = 57


def _narrow_margins(properties: Any) -> None:
    """Cell margins of CELL_MARGIN left and right, placed where the schema wants them (after
    the table's layout, before its look)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


#: The type area's width in millimetres (210 − 28 − 26).
TYPE_AREA_MM = 156


def _width(text: str) -> int:
    """How many half-width characters text is as wide as (a Chinese character is two)."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


#: What a line may not break within: a run of Latin letters and figures (Chinese text breaks
#: between any two characters).
_WORD = re.compile(r"[^\s\u2e80-\uffff]+|[\u2e80-\uffff]")
#: A half-width character of the tables' type (小五, 9 pt) in millimetres.
HALF_WIDTH_MM = 9 * 25.4 / 72 / 2


def _shared_widths(table: Table) -> list[float]:
    """The type area shared among the columns: each first as wide as its longest word (so
    that no word breaks), the rest by the width of each column's longest text (at most 40
    half-width characters' worth)."""
    columns = [
        [header, *(row.cells[i] for row in table.rows)] for i, header in enumerate(table.headers)
    ]
    words = [
        max(_width(part) for text in texts for part in text.split() or [""]) for texts in columns
    ]
    least = [(word + 1) * HALF_WIDTH_MM + 2 * CELL_MARGIN / 56.7 for word in words]
    if sum(least) >= TYPE_AREA_MM:
        return [TYPE_AREA_MM * width / sum(least) for width in least]
    weights = [min(40, max(_width(text) for text in texts)) for texts in columns]
    spare = TYPE_AREA_MM - sum(least)
    return [width + spare * w / sum(weights) for width, w in zip(least, weights, strict=True)]


def mid_term_year(info: PlanInfo) -> int:
    """The year a plan's mid-term evaluation (中期评估) is as of: the first year past half its
    period (2023 for 2021-2025, as the national 14th plan's was)."""
    return info.baseline_year + -(-(info.end_year - info.baseline_year) // 2)


def _title(writer: _Writer, data: ReportInput, page: Page) -> None:
    """The plan's name and the kind of evaluation: 总结评估 at its end, 中期评估 at mid-term, else
    an evaluation as of the year; the warning on the figures under it."""
    w = writer.words
    if is_final(data.evaluations):
        kind = w["final"]
    else:
        mid_term = data.as_of == mid_term_year(data.plan.plan)
        kind = w["mid_term" if mid_term else "as_of"].format(year=data.as_of)
    writer.paragraph(page.title, TITLE)
    writer.paragraph(kind, TITLE)
    writer.paragraph(page.meta, CAPTION)
    writer.paragraph(page.notice, PLACEHOLDER, bold=not page.official)


def _overall(writer: _Writer, page: Page) -> None:
    writer.heading(1, writer.words["overall"])
    for text in page.summary.paragraphs:
        writer.paragraph(text)
    writer.paragraph(page.binding_label + page.binding)
    writer.caption(writer.words["counts"])
    writer.table(page.counts, widths=(50, 25))


#: A chart's width on the page in millimetres: three to a page with their captions.
PICTURE_MM = 130
#: The widths of the tables by area, in millimetres, by column and language (the type area
#: is 156 mm wide); a table without a column (no 序时进度 in a final evaluation) shares its
#: width out, one with another (完成年度目标) gives it 12.
AREA_WIDTHS = {
    "zh": dict(zip(REPORT_COLUMNS, (30, 11, 15, 15, 17, 11, 14, 14, 14, 15), strict=True)),
    "en": dict(zip(REPORT_COLUMNS, (26, 10, 15, 15, 13, 10, 18, 15, 13, 21), strict=True)),
}


def _area_widths(table: Table, lang: str) -> list[float]:
    """The widths of a table by area's columns, found by their headers, filling the type area."""
    # By the report's own columns: other keys share their headers (目标 is target_unit too).
    keys = {HEADERS[lang][key]: key for key in REPORT_COLUMNS}
    widths = AREA_WIDTHS[lang]
    weights = [widths.get(keys.get(header, ""), 12) for header in table.headers]
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
            writer.numbered(3, n, text)
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
            writer.numbered(4, n, line)


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
        writer.numbered(4, n, text)
    writer.paragraph(page.notice, bold=not page.official)


def _properties(document: Document, page: Page) -> None:
    """The document's own title, description and dates (not python-docx's template's)."""
    from datetime import UTC, datetime

    properties = document.core_properties
    properties.title = data_text(page.title)
    properties.author = ""
    properties.comments = data_text(page.meta)
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)


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
    _properties(document, page)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
