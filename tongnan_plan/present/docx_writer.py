"""A view's blocks as a Word document (.docx), laid out by docx_style.py (GB/T 9704): the
docx writer. It lays out what the blocks say and builds none of it: headings numbered
一、（一）1.（1）, paragraphs in the style their block names, tables with their header row on each
page, each picture (chart.Chart drawn by docx_chart.py) with its caption.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .cells import REPORT_COLUMNS
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
from .view import Block, Heading, Items, Notice, Paragraphs, Picture, Section, Table

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = ["blocks_docx"]

#: The document's style of a block of paragraphs of each style (see view.Paragraphs).
STYLES = {
    "": BODY,
    "title": TITLE,
    "meta": CAPTION,
    "caption": CAPTION,
    "note": NOTE,
    "placeholder": PLACEHOLDER,
}


class _Writer:
    """Adds blocks to a document in order, numbering headings and numbered lists."""

    def __init__(self, document: Document, lang: str) -> None:
        self.document = document
        self.lang = lang
        self.counters = [0, 0, 0, 0]
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

    def write(self, block: Block) -> None:
        """One block, in the document's layout."""
        if isinstance(block, Section):
            for inner in block.blocks:
                self.write(inner)
        elif isinstance(block, Heading):
            self.heading(block.level, block.text)
        elif isinstance(block, Notice):
            style = BODY if block.end else PLACEHOLDER
            for line in block.lines:
                self.paragraph(line, style, bold=not block.official)
        elif isinstance(block, Paragraphs):
            for n, line in enumerate(block.lines):
                made = self.paragraph((block.lead if n == 0 else "") + line, STYLES[block.role])
                if block.role == "caption":  # a table's: kept on the page of its table
                    made.paragraph_format.keep_with_next = True
        elif isinstance(block, Items):
            for n, line in enumerate(block.lines, start=1):
                if block.numbering:
                    self.numbered(block.numbering, n, line)
                else:
                    self.paragraph(line)
        elif isinstance(block, Picture):
            self.picture(block)
        else:
            self.table(block, widths=_widths(block, self.lang))

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

    def table(self, table: Table, *, widths: Sequence[float]) -> None:
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
        shares = [Mm(width) for width in widths]
        for column, width in zip(made.columns, shares, strict=True):
            column.width = width
        numeric = {i for i, key in enumerate(table.columns) if key in table.right}
        texts = [table.headers, *([cell.text for cell in row] for row in table.rows)]
        for n, (row, cells) in enumerate(zip(made.rows, texts, strict=True)):
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
                if i in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        made._tbl.tr_lst[0].get_or_add_trPr().append(header)
        self.add(NOTE)

    def embed(self, paragraph: Paragraph, png: bytes, width: int, words: str) -> None:
        """A PNG picture width wide at the end of paragraph, as its own part of the package,
        words its text for a reader who cannot see it (its alternative text in Word).

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
        inline.docPr.set("descr", data_text(words))
        self.next_shape_id += 1
        paragraph.add_run()._r.add_drawing(inline)

    def picture(self, block: Picture) -> None:
        """A chart as a picture, its caption under it (with the legend in words where the
        picture could not draw Chinese)."""
        from docx.shared import Mm

        from .docx_chart import chart_png

        picture = chart_png(block.chart)
        held = self.add(CAPTION)
        held.paragraph_format.keep_with_next = True  # with its caption
        self.figures += 1
        self.embed(held, picture.png, Mm(PICTURE_MM), block.words)
        self.paragraph(block.caption, CAPTION)
        if not picture.labelled:
            self.paragraph(block.key, CAPTION)


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


#: A half-width character of the tables' type (小五, 9 pt) in millimetres.
HALF_WIDTH_MM = 9 * 25.4 / 72 / 2


def _shared_widths(table: Table) -> list[float]:
    """The type area shared among the columns: each first as wide as its longest word (so
    that no word breaks), the rest by the width of each column's longest text (at most 40
    half-width characters' worth)."""
    columns = [
        [header, *(row[i].text for row in table.rows)] for i, header in enumerate(table.headers)
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


#: A chart's width on the page in millimetres: three to a page with their captions.
PICTURE_MM = 130
#: The widths of the tables by area, in millimetres, by column (its key) and language (the
#: type area is 156 mm wide); a table without a column (no 序时进度 in a final evaluation)
#: shares its width out, one with another (完成年度目标) gives it 12.
AREA_WIDTHS = {
    "zh": dict(zip(REPORT_COLUMNS, (30, 11, 15, 15, 17, 11, 14, 14, 14, 15), strict=True)),
    "en": dict(zip(REPORT_COLUMNS, (26, 10, 15, 15, 13, 10, 18, 15, 13, 21), strict=True)),
}


def _area_widths(table: Table, lang: str) -> list[float]:
    """The widths of a table by area's columns, by their keys, filling the type area."""
    weights = [AREA_WIDTHS[lang].get(key, 12) for key in table.columns]
    return [TYPE_AREA_MM * weight / sum(weights) for weight in weights]


def _widths(table: Table, lang: str) -> list[float]:
    """A table's columns' widths in millimetres: the counts' fixed, the tables by area's by
    their columns, any other's shared by its texts."""
    if table.kind == "counts":
        return [50, 25]
    if table.kind == "by-area":
        return _area_widths(table, lang)
    return _shared_widths(table)


def _properties(document: Document, blocks: Sequence[Block]) -> None:
    """The document's own title, description and dates (not python-docx's template's): its
    header's title and what it says it is (its "meta" paragraph)."""
    from datetime import UTC, datetime

    header = next((b for b in blocks if isinstance(b, Section) and b.kind == "header"), None)
    about = [] if header is None else [
        line for b in header.blocks
        if isinstance(b, Paragraphs) and b.role == "meta" for line in b.lines
    ]  # fmt: skip
    properties = document.core_properties
    properties.title = data_text(header.title if header is not None else "")
    properties.author = ""
    properties.comments = data_text(" ".join(about))
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)


def blocks_docx(blocks: Sequence[Block], lang: str = "zh") -> bytes:
    """The blocks as a Word document (.docx bytes)."""
    document = new_document(lang)
    writer = _Writer(document, lang)
    for block in blocks:
        writer.write(block)
    _properties(document, blocks)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
