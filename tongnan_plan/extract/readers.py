"""One entry point for every input format: a file's suffix (or first bytes) picks its reader.

Each reader returns the neutral form (document.PlanDocument). The parsers of HTML, Word and PDF
are imported inside their readers, so that no other command pays for them. The file is read
once, here, as the submissions are (sources/files.py): a regular file only (a FIFO or a device
could block or never end), of at most MAX_DOCUMENT_BYTES; every reader is handed its bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model.catalogue import Words, diagnostic
from ..model.diagnostics import TnplanError
from .document import PlanDocument

__all__ = ["MAX_DOCUMENT_BYTES", "READERS", "format_of", "read_document"]

Reader = Callable[[bytes, str], PlanDocument]

#: A plan document is at most this large (a plan's PDF with its pictures runs to a few MiB).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


def _text(raw: bytes, display: str) -> PlanDocument:
    from ..sources.files import decode_text
    from .text_reader import read_plain_text

    return read_plain_text(decode_text(raw, display, legacy_encodings=True), display)


def _html(raw: bytes, display: str) -> PlanDocument:
    from ..sources.files import decode_text
    from .markup_readers import read_html

    return read_html(decode_text(raw, display, legacy_encodings=True), display)


def _docx(raw: bytes, display: str) -> PlanDocument:
    from .markup_readers import read_docx

    return read_docx(raw, display)


def _pdf(raw: bytes, display: str) -> PlanDocument:
    from .pdf_reader import read_pdf

    return read_pdf(raw, display)


#: Input formats by name: the reader of each.
READERS: dict[str, Reader] = {"text": _text, "html": _html, "docx": _docx, "pdf": _pdf}

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}  # fmt: skip


def format_of(path: Path, head: bytes) -> str:
    """The input format of a file: by its first bytes where they tell, else by its suffix."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return "html"
    return _BY_SUFFIX.get(path.suffix.lower(), "unknown")


def read_document(path: Path) -> PlanDocument:
    """Read a plan document of any supported format; TnplanError with a located reason if not."""
    from ..sources.files import read_bytes

    name = str(path)
    raw = read_bytes(path, name, limit=MAX_DOCUMENT_BYTES)
    head = raw[:512]
    kind = format_of(path, head)
    if kind == "unknown":
        suffix = Words(path.suffix or "these", path.suffix or "此类")
        raise TnplanError([diagnostic("unknown-format", name, 1, 1, suffix=suffix)])
    if kind in {"text", "html"} and b"\x00" in head:
        raise TnplanError([diagnostic("binary-file", name, 1, 1)])
    return READERS[kind](raw, name)
