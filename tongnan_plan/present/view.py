"""What a command shows, built once from the library's results and handed to a writer.

A view holds the records machines read (each table's columns and its rows of plain values:
numbers raw, codes as codes); what it says to people, in a language, as blocks (headings,
tables of typed cells, lists, paragraphs: every word and figure already written by the cell
layer, cells.py), which the Markdown writer writes; and, for the formats people read that are
not yet written from the blocks alone (the terminal table, a workbook, SVG, HTML), the
command's own drawing of them. Standard library only: the command line builds its options
from the registry of writers (writers.py) without importing any writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .terminal import Screen

__all__ = [
    "Block",
    "Cell",
    "Drawing",
    "Heading",
    "Items",
    "Notice",
    "Options",
    "Paragraphs",
    "Picture",
    "Records",
    "Section",
    "Table",
    "View",
]


@dataclass(frozen=True)
class Options:
    """How a view is written: the language, the screen (a terminal, or plain text of a width
    for a file), CSV for Excel, and whether the output goes to a file."""

    lang: str
    screen: Screen | None = None
    excel: bool = False
    to_file: bool = False


#: A command's own drawing of its view in one format.
Drawing = Callable[[Options], "str | bytes"]


@dataclass(frozen=True)
class Records:
    """A table for machines: its columns (the keys of every row, in order) and its rows."""

    columns: tuple[str, ...]
    rows: Sequence[Mapping[str, Any]]

    def ordered(self) -> list[dict[str, Any]]:
        """Every row with the columns' keys, in the columns' order (missing: None)."""
        return [{key: row.get(key) for key in self.columns} for row in self.rows]


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell for people: its text, the number it stands for (written as a number where a
    table asks for numbers), and its style (a status's colour)."""

    text: str
    value: float | int | None = None
    style: str = ""
    #: A shorter text for a narrow screen (an indicator's short name), where it has one.
    short: str = ""


@dataclass(frozen=True)
class Table:
    """A table for people: its headers and rows of cells; numbers: write each cell's value
    (where it has one) as a number, aligned as numbers are."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    numbers: bool = False
    #: What each column holds, for a page's and a document's layout: "num" (numbers, aligned
    #: right), "fig" (other figures: kept on one line), "status" (a status: its cells' style
    #: is the status's colour), "" (text). None given: text throughout.
    classes: Sequence[str] = ()
    #: What the table is ("by-area": the report's tables by area, which share their columns'
    #: widths; "counts": the count of each status), for a page's and a document's layout.
    kind: str = ""
    #: Each row's indicator id, where a row is an indicator's.
    ids: Sequence[str] = ()


@dataclass(frozen=True)
class Heading:
    """A heading over what follows, at its level (1 the document's own, 2 a part's, …)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Items:
    """A list, an item a line; numbered as a document numbers the items under a heading of
    this level (a Word report: 3 → 1. 2. …, 4 → （1）（2）…), where it is numbered."""

    lines: Sequence[str]
    numbering: int = 0


@dataclass(frozen=True)
class Paragraphs:
    """Paragraphs (footnotes, notices); style says what they are, for a page's and a
    document's layout ("" body text; "meta", "note", "source", "caption", "title",
    "placeholder": a place a person fills in; "status <colour>": a status line); lead, a
    label before the first, set in bold where the format has bold."""

    lines: Sequence[str]
    style: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Picture:
    """A chart: its model (chart.Chart, chart.AcrossChart: what the SVG and the Word
    document's picture are both drawn from, each with its svg(frame)); its words for a reader
    who cannot see it (its title, as the picture's text alternative); and, for a format that
    holds no pictures, the chart drawn as lines of text (none: such a format leaves it out)."""

    chart: Any
    words: str
    lines: Sequence[str] = ()
    #: Under the picture in a document (its number, title, unit and source).
    caption: str = ""
    #: The legend in words, for a picture drawn without the fonts for its labels.
    key: str = ""


@dataclass(frozen=True)
class Notice:
    """A warning on the figures (or that every figure is official): at the head of what a
    view says, and again at its end (end)."""

    lines: Sequence[str]
    official: bool = False
    end: bool = False


@dataclass(frozen=True)
class Section:
    """A part of a page or document, its blocks in order: its id (an anchor), its kind
    ("header": the document's title and what it is; "indicator": one indicator's story),
    and, for a header, the document's title as a reader's program shows it (a browser's tab,
    a Word document's properties)."""

    blocks: Sequence[Block]
    id: str = ""
    kind: str = ""
    title: str = ""

    @property
    def lines(self) -> list[str]:
        """The lines of its paragraphs and lists, for a writer that writes only lines."""
        return [line for block in self.blocks for line in getattr(block, "lines", ())]


Block = Heading | Table | Items | Paragraphs | Picture | Notice | Section


@dataclass(frozen=True)
class View:
    """What one command shows: its title, the records (csv, tsv, json, jsonl), the JSON
    document where it holds more than the records, the command's drawings by format, and
    what it says to people in a language (built when a writer for people asks)."""

    title: str
    records: Records | None = None
    document: Any = None
    drawings: Mapping[str, Drawing] = field(default_factory=dict)
    blocks: Callable[[str], Sequence[Block]] | None = None
    #: Blocks of a format that says something else than the others (the Word report, laid
    #: out as a government report with its own headings and places to fill in), by format.
    forms: Mapping[str, Callable[[str], Sequence[Block]]] = field(default_factory=dict)
    #: A page to read on its own (the report): its HTML is the page of its blocks, not a
    #: recording of the terminal's drawing.
    page: bool = False
