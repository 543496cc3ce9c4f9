"""`tnplan report`'s view: the report's page (report.page_blocks), which HTML and Markdown
write, and its Word form (docx_report.document_blocks), which the docx writer writes."""

from __future__ import annotations

import functools

from .docx_report import document_blocks
from .report import ReportInput, page_blocks
from .view import View

__all__ = ["report_view"]


def report_view(data: ReportInput) -> View:
    """The report: a page to read on its own (one standalone HTML page, or Markdown with
    the charts drawn as bars in text), and a Word document."""
    forms = {"docx": functools.partial(document_blocks, data)}
    blocks = functools.partial(page_blocks, data)
    return View(data.plan.plan.title, blocks=blocks, forms=forms, page=True)
