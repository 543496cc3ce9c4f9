"""`tnplan report`'s view: the page (report.py) written as HTML, Markdown or a Word document."""

from __future__ import annotations

from .report import ReportInput, build_page
from .view import Drawing, Options, View

__all__ = ["report_view"]


def report_view(data: ReportInput) -> View:
    """The report, drawn as one standalone HTML page, Markdown (the same sections, charts
    drawn as bars in text) or a Word document."""

    def html(options: Options) -> str:
        from .report_html import page_html

        return page_html(build_page(data, options.lang))

    def markdown(options: Options) -> str:
        from .report_markdown import page_markdown

        return page_markdown(build_page(data, options.lang))

    def docx(options: Options) -> bytes:
        from .docx_report import report_docx

        return report_docx(data, options.lang)

    drawings: dict[str, Drawing] = {"html": html, "markdown": markdown, "docx": docx}
    return View(data.plan.plan.title, drawings=drawings)
