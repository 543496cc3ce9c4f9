"""HTML pages, Word documents and PDFs into the neutral form (paragraphs and tables).

Each parser is imported inside its reader: lxml for HTML, python-docx for .docx (it reads the
document's XML with lxml too), pdfplumber for PDF. A file a parser cannot read gives a
TnplanError that names the file, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..model.diagnostics import Diagnostic, Severity, TnplanError
from .document import (
    Block,
    Paragraph,
    PlanDocument,
    Table,
    join_broken_paragraphs,
    starts_heading,
)

__all__ = ["read_docx", "read_html", "read_pdf"]

_SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dt", "dd", "caption"}
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})


def _unreadable(file: str, what: str, what_zh: str, exc: Exception) -> TnplanError:
    reason = str(exc) or type(exc).__name__
    return TnplanError(
        [
            Diagnostic(
                file, 1, 1, Severity.ERROR, "unreadable-document",
                f"cannot read this {what}: {reason}", "", f"无法读取此{what_zh}：{reason}",
            )
        ]
    )  # fmt: skip


def _clean(text: str) -> str:
    """Collapse runs of white space; keep it between Latin words, drop it between CJK ones."""
    return _SPACE.sub(" ", text).strip()


# ---------------------------------------------------------------- HTML


def read_html(text: str, file: str) -> PlanDocument:
    """The paragraphs and <table>s of an HTML page, in order, each located by its source line."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise _unreadable(file, "HTML page", "HTML 网页", exc) from None
    blocks: list[Block] = []
    body = root.find("body")
    _walk(body if body is not None else root, blocks)
    return PlanDocument(file, join_broken_paragraphs(blocks))


def _where(element: Any) -> str:
    return f"line {element.sourceline}" if element.sourceline else "page"


def _walk(element: Any, blocks: list[Block]) -> None:
    """Emit a table or a block of text for element, or go down into its children."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP_TAGS:
        return
    if tag == "table":
        rows = [
            tuple(_clean(cell.text_content()) for cell in row if cell.tag in ("td", "th"))
            for row in element.iter("tr")
        ]
        located = tuple(_where(row) for row in element.iter("tr"))
        blocks.append(Table(tuple(r for r in rows), _where(element), located))
        return
    has_block_child = any(
        isinstance(c.tag, str) and (c.tag in _BLOCK_TAGS or c.tag in {"div", "table", "section"})
        for c in element
    )
    if tag in _BLOCK_TAGS or (tag in {"div", "section", "td", "body"} and not has_block_child):
        text = _clean(element.text_content())
        if text:
            blocks.append(Paragraph(text, _where(element)))
        return
    if element.text and element.text.strip() and has_block_child:
        blocks.append(Paragraph(_clean(element.text), _where(element)))
    for child in element:
        _walk(child, blocks)
        if child.tail and child.tail.strip() and has_block_child:
            blocks.append(Paragraph(_clean(child.tail), _where(element)))


# ---------------------------------------------------------------- Word (.docx)


def read_docx(path: Path, file: str) -> PlanDocument:
    """The paragraphs and tables of a Word document in body order, located by their number."""
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, XML and key errors alike
        raise _unreadable(file, "Word document", "Word 文档", exc) from None
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        local = child.tag.rsplit("}", 1)[-1]
        if local == "p":
            paragraphs += 1
            text = _clean(DocxParagraph(child, document).text)
            if text:
                blocks.append(Paragraph(text, f"paragraph {paragraphs}"))
        elif local == "tbl":
            tables += 1
            blocks.append(_docx_table(DocxTable(child, document), tables))
    return PlanDocument(file, join_broken_paragraphs(blocks))


def _docx_table(table: Any, number: int) -> Table:
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            # A cell merged across columns comes back once per column it spans.
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append(_clean(cell.text))
        rows.append(tuple(cells))
    located = tuple(f"table {number} row {i + 1}" for i in range(len(rows)))
    return Table(tuple(rows), f"table {number}", located)


# ---------------------------------------------------------------- PDF


def read_pdf(path: Path, file: str) -> PlanDocument:
    """The text lines and ruled tables of a PDF with a text layer, page by page, top to bottom."""
    import pdfplumber

    blocks: list[Block] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                blocks.extend(_pdf_page(page, number))
    except Exception as exc:  # pdfminer raises its own errors for damaged files
        raise _unreadable(file, "PDF", "PDF 文件", exc) from None
    if not blocks:
        raise TnplanError(
            [
                Diagnostic(
                    file, 1, 1, Severity.ERROR, "no-text-layer",
                    "the PDF has no text layer (a scan?); extract reads text, not images",
                    "", "PDF 没有文字层（扫描件？）；extract 只能读取文字，不能识别图像",
                )
            ]
        )  # fmt: skip
    return PlanDocument(file, join_broken_paragraphs(blocks))


def _pdf_page(page: Any, number: int) -> list[Block]:
    found = page.find_tables()
    placed: list[tuple[float, Block]] = []
    for k, table in enumerate(found, start=1):
        rows = tuple(tuple(_clean(c or "") for c in row) for row in table.extract())
        placed.append((table.bbox[1], Table(rows, f"page {number} table {k}")))
    outside = page
    for table in found:
        outside = outside.outside_bbox(table.bbox)
    paragraph: list[str] = []
    top = 0.0
    for line in outside.extract_text_lines():
        text = _clean(line["text"])
        if paragraph and starts_heading(text):
            placed.append((top, Paragraph("".join(paragraph), f"page {number}")))
            paragraph = []
        if not paragraph:
            top = line["top"]
        paragraph.append(text)
        # A short line, or one that ends a sentence, ends its paragraph.
        if text.endswith(("。", "；", "：")) or len(text) < 20:
            placed.append((top, Paragraph("".join(paragraph), f"page {number}")))
            paragraph = []
    if paragraph:
        placed.append((top, Paragraph("".join(paragraph), f"page {number}")))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]
