"""The neutral form every reader produces: paragraphs and tables, in order, with locations."""

from __future__ import annotations

import re

from msgspec import Struct, field

from .headers import Rejected

__all__ = [
    "Block",
    "Paragraph",
    "PlanDocument",
    "Table",
    "join_broken_paragraphs",
    "starts_heading",
]


class Paragraph(Struct, frozen=True):
    """A paragraph of running text; where says where it starts (``line 12``, ``page 3``)."""

    text: str
    where: str


class Table(Struct, frozen=True):
    """A table as rows of cell texts; where says where it starts, row_where where each row is."""

    rows: tuple[tuple[str, ...], ...]
    where: str
    row_where: tuple[str, ...] = ()

    def located(self, index: int) -> str:
        """Where row index is, or where the table is when rows carry no location."""
        return self.row_where[index] if index < len(self.row_where) else self.where


Block = Paragraph | Table


class PlanDocument(Struct):
    """A plan read from a file: its blocks in reading order and the file's name."""

    file: str
    blocks: list[Block] = field(default_factory=list)
    #: Headers a reader saw but could not read a table under (`extract` says why).
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs alone, in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]


#: A paragraph ending in one of these is complete; one that does not may run on after a page break.
_COMPLETE = tuple("。；！？：!?;:")
_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十百]+[章节]|专栏\s*\d+|[一二三四五六七八九十]+[、.．]|"
    r"\d+\s*[.．、]|\**\d+\s*[.．、]|注[:：]|目\s*录)"
)


def starts_heading(text: str) -> bool:
    """True when text starts like a heading or a numbered item (第二章, 专栏 3, 1., 注：)."""
    return _HEADING.match(text) is not None


def join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page break to the paragraph that carries it on.

    Copied plans keep the page breaks of the printed original: "达\\n\\n96%" is one sentence.
    A paragraph that ends without closing punctuation is joined to the next one when that one
    is running text (not a heading, a numbered item or a table).
    """
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and _runs_on(previous.text)
            and not _HEADING.match(block.text)
        ):
            out[-1] = Paragraph(previous.text + block.text.lstrip(), previous.where)
        else:
            out.append(block)
    return out


def _runs_on(text: str) -> bool:
    stripped = text.rstrip()
    if not stripped or stripped.endswith(_COMPLETE):
        return False
    # A heading or a title line is short and complete without punctuation.
    if _HEADING.match(stripped) and len(stripped) < 40:
        return False
    return len(stripped) >= 40
