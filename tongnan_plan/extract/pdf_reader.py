"""PDFs into the neutral form, read in a child process under limits of pages, memory and time.

pdfminer (under pdfplumber) is pure Python and believes what a file says: a contents stream
that inflates to a gigabyte is inflated, a ToUnicode map spanning <00000000>-<FFFFFFFF> is
expanded entry by entry, a page tree can name one page 200,000 times. No check of the file
beforehand can foresee all of that, so the parse runs in a child with its address space
capped (MAX_MEMORY), a time budget for each page and for the whole (PAGE_SECONDS,
TOTAL_SECONDS), and at most MAX_PAGES pages; what it breaks is said as the file's problem.
The child is handed the bytes the parent has read (a regular file, of bounded size) and
answers with the blocks as JSON.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import Any

from ..model.catalogue import Words, diagnostic, phrase
from ..model.diagnostics import TnplanError
from .document import Block, Paragraph, PlanDocument, Table, join_broken_paragraphs, starts_heading

__all__ = ["MAX_MEMORY", "MAX_PAGES", "PAGE_SECONDS", "TOTAL_SECONDS", "read_pdf"]

#: A plan runs to a few hundred pages at most.
MAX_PAGES = 1_000
#: The child's address space: pdfplumber itself takes some 150 MB of it.
MAX_MEMORY = 512 * 1024 * 1024
#: Seconds one page may take, and the whole document (a plan's page takes well under one).
PAGE_SECONDS = 5
TOTAL_SECONDS = 60

_BOUNDS, _UNREADABLE = 3, 4
#: The child's memory, as a message says it.
_MIB = f"{MAX_MEMORY // 2**20:,}"
#: What the child is told by its arguments (the parent's values, which a test may lower).
_BUDGET = (PAGE_SECONDS, MAX_PAGES)


def read_pdf(raw: bytes, file: str) -> PlanDocument:
    """The text lines and ruled tables of a PDF with a text layer, page by page, top to bottom."""
    from .markup_readers import beyond_bounds

    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__, str(PAGE_SECONDS), str(MAX_PAGES)],
            input=raw,
            capture_output=True,
            timeout=TOTAL_SECONDS,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    except subprocess.TimeoutExpired:
        raise beyond_bounds(file, phrase("bounds.total-time", seconds=TOTAL_SECONDS)) from None
    return _answer(done, file)


def _answer(done: subprocess.CompletedProcess[bytes], file: str) -> PlanDocument:
    """The child's blocks, or its refusal as the file's problem."""
    from .markup_readers import beyond_bounds, unreadable

    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    if done.returncode == 0 and isinstance(answer, list):
        blocks: list[Block] = [
            Paragraph(item["text"], item["where"])
            if "text" in item
            else Table(tuple(tuple(row) for row in item["rows"]), item["where"])
            for item in answer
        ]
        if not blocks:
            raise _no_text_layer(file)
        return PlanDocument(file, join_broken_paragraphs(blocks))
    if done.returncode == _BOUNDS and isinstance(answer, dict):
        raise beyond_bounds(file, Words(answer["en"], answer["zh"]))
    if done.returncode == _UNREADABLE and isinstance(answer, dict):
        raise unreadable(file, phrase("document.pdf"), ValueError(answer["en"]))
    # Killed (by the memory or CPU limit, or a signal) before it could answer.
    raise beyond_bounds(file, phrase("bounds.memory-or-time", mib=_MIB))


def _no_text_layer(file: str) -> TnplanError:
    return TnplanError([diagnostic("no-text-layer", file, 1, 1)])


# ---------------------------------------------------------------- the child


class _PageTooSlow(BaseException):
    """A page's time is up: no Exception, so that no ``except Exception`` in pdfminer
    swallows it and carries on."""


def _limit() -> None:
    """The child's own limits: address space and CPU time (a backstop to the alarms); where
    the system has no such limits (Windows), the parent's overall time budget still holds."""
    try:
        import resource
    except ImportError:
        return

    resource.setrlimit(resource.RLIMIT_AS, (MAX_MEMORY, MAX_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (TOTAL_SECONDS, TOTAL_SECONDS + 5))


def _child() -> int:
    """Read a PDF from standard input; write its blocks (or why not) to standard output."""
    import signal

    def too_slow(signum: int, frame: object) -> None:
        raise _PageTooSlow

    _limit()
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, too_slow)
    seconds, pages = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else _BUDGET
    raw = sys.stdin.buffer.read()
    try:
        blocks = _blocks(raw, seconds, pages)
    except _PageTooSlow:
        return _say(_BOUNDS, phrase("bounds.page-time", seconds=seconds))
    except (MemoryError, RecursionError):
        return _say(_BOUNDS, phrase("bounds.memory-or-depth", mib=_MIB))
    except _TooManyPages:
        return _say(_BOUNDS, phrase("bounds.pages", pages=f"{pages:,}"))
    except Exception as exc:  # pdfminer raises its own errors for damaged files
        if _out_of_memory(exc):
            return _say(_BOUNDS, phrase("bounds.memory", mib=_MIB))
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        reason = str(cause) or type(cause).__name__
        return _say(_UNREADABLE, Words(reason, reason))
    sys.stdout.write(json.dumps(blocks, ensure_ascii=False))
    return 0


class _TooManyPages(Exception):
    pass


def _out_of_memory(exc: BaseException) -> bool:
    """The error, or the error pdfplumber wrapped, is running out of the memory allowed."""
    seen: list[BaseException] = [exc]
    if exc.args and isinstance(exc.args[0], BaseException):
        seen.append(exc.args[0])
    seen += [e for e in (exc.__cause__, exc.__context__) if e is not None]
    return any(isinstance(e, MemoryError) or "allocate" in str(e) for e in seen)


def _say(code: int, words: Words) -> int:
    sys.stdout.write(json.dumps({"en": words.en, "zh": words.zh}, ensure_ascii=False))
    return code


def _blocks(raw: bytes, seconds: int, pages: int) -> list[dict[str, Any]]:
    """Every page's blocks as JSON-ready records, each page under its own alarm."""
    import signal

    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    out: list[dict[str, Any]] = []
    alarm = getattr(signal, "alarm", lambda seconds: 0)
    alarm(seconds)  # opening and the first page
    # Never closed: pdfplumber's close() walks every page again, outside any alarm (a
    # contents object that refers to itself would loop there for ever); the child ends.
    pdf = pdfplumber.open(io.BytesIO(raw))
    doctop = 0.0
    for number, page_object in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > pages:
            raise _TooManyPages
        alarm(seconds)
        page = Page(pdf, page_object, page_number=number, initial_doctop=doctop)
        doctop += float(page.height)
        for block in _pdf_page(page, number):
            if isinstance(block, Paragraph):
                out.append({"text": block.text, "where": block.where})
            else:
                out.append({"rows": [list(row) for row in block.rows], "where": block.where})
        page.close()
    alarm(0)
    return out


def _pdf_page(page: Any, number: int) -> list[Block]:
    from .markup_readers import clean

    found = page.find_tables()
    placed: list[tuple[float, Block]] = []
    for k, table in enumerate(found, start=1):
        rows = tuple(tuple(clean(c or "") for c in row) for row in table.extract())
        placed.append((table.bbox[1], Table(rows, f"page {number} table {k}")))
    outside = page
    for table in found:
        outside = outside.outside_bbox(table.bbox)
    paragraph: list[str] = []
    top = 0.0
    for line in outside.extract_text_lines():
        text = clean(line["text"])
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


if __name__ == "__main__":
    sys.exit(_child())
