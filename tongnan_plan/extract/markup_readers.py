"""HTML pages, Word documents and PDFs into the neutral form (paragraphs and tables).

Each parser is imported inside its reader: lxml for HTML, python-docx for .docx (it reads the
document's XML with lxml too), pdfplumber for PDF (in pdf_reader.py, under limits). A file a
parser cannot read gives a TnplanError that names the file, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from ..model.catalogue import Words, diagnostic, phrase
from ..model.diagnostics import TnplanError
from .document import (
    Block,
    Paragraph,
    PlanDocument,
    Table,
    join_broken_paragraphs,
)

__all__ = ["MAX_DOCX_UNPACKED", "beyond_bounds", "clean", "read_docx", "read_html", "unreadable"]

_SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dt", "dd", "caption"}
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})


def beyond_bounds(file: str, bound: Words) -> TnplanError:
    """A document refused before (or while) it is parsed: what bound it breaks."""
    return TnplanError([diagnostic("document-beyond-bounds", file, 1, 1, bound=bound)])


def unreadable(file: str, what: Words, exc: Exception) -> TnplanError:
    """A document its parser cannot read (what: the phrase of its kind), and why."""
    reason = str(exc) or type(exc).__name__
    return TnplanError([diagnostic("unreadable-document", file, 1, 1, what=what, reason=reason)])


def clean(text: str) -> str:
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
        raise unreadable(file, phrase("document.html"), exc) from None
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
            tuple(clean(cell.text_content()) for cell in row if cell.tag in ("td", "th"))
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
        text = clean(element.text_content())
        if text:
            blocks.append(Paragraph(text, _where(element)))
        return
    if element.text and element.text.strip() and has_block_child:
        blocks.append(Paragraph(clean(element.text), _where(element)))
    for child in element:
        _walk(child, blocks)
        if child.tail and child.tail.strip() and has_block_child:
            blocks.append(Paragraph(clean(child.tail), _where(element)))


# ---------------------------------------------------------------- Word (.docx)


#: A Word document unpacks to at most this many bytes (a plan's runs to a few MiB, its
#: pictures included); every part is counted as it inflates, thumbnails too.
MAX_DOCX_UNPACKED = 32 * 1024 * 1024


def read_docx(raw: bytes, file: str) -> PlanDocument:
    """The paragraphs and tables of a Word document in body order, located by their number."""
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    from ..sources.archive import Bounds, inflated_size

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            inflated_size(archive, MAX_DOCX_UNPACKED)
        document = docx.Document(io.BytesIO(raw))
    except Bounds as exc:
        raise beyond_bounds(file, exc.words) from None
    except Exception as exc:  # python-docx raises zip, XML and key errors alike
        raise unreadable(file, phrase("document.word"), exc) from None
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        local = child.tag.rsplit("}", 1)[-1]
        if local == "p":
            paragraphs += 1
            text = clean(DocxParagraph(child, document).text)
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
            cells.append(clean(cell.text))
        rows.append(tuple(cells))
    located = tuple(f"table {number} row {i + 1}" for i in range(len(rows)))
    return Table(tuple(rows), f"table {number}", located)
