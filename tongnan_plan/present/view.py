"""What a command shows, built once from the library's results and handed to a writer.

A view holds the records machines read (each table's columns and its rows of plain values:
numbers raw, codes as codes); what it says to people, in a language, as blocks (headings,
tables of typed cells, lists, paragraphs: every word and figure already written by the cell
layer, cells.py), which the writers for people write (Markdown, a workbook, the screen and
its SVG and HTML recordings); where a screen shows other blocks (a chart drawn in
characters, as wide as the screen), those for a width; and, for what is not written from the
blocks alone (the form of `new`), the command's own drawing of it. Standard library only:
the command line builds its options from the registry of writers (writers.py) without
importing any writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

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


class Options(Struct, frozen=True):
    """How a view is written: the language, the screen (a terminal, or plain text of a width
    for a file), CSV for Excel, and whether the output goes to a file."""

    lang: str
    screen: Screen | None = None
    excel: bool = False
    to_file: bool = False


#: A command's own drawing of its view in one format.
Drawing = Callable[[Options], "str | bytes"]


class Records(Struct, frozen=True):
    """A table for machines: its columns (the keys of every row, in order) and its rows."""

    columns: tuple[str, ...]
    rows: Sequence[Mapping[str, Any]]

    def ordered(self) -> list[dict[str, Any]]:
        """Every row with the columns' keys, in the columns' order (missing: None)."""
        return [{key: row.get(key) for key in self.columns} for row in self.rows]


class Cell(Struct, frozen=True):
    """A cell for people: its text, the number it stands for (written as a number where a
    table asks for numbers, and always in a workbook), and its style (a status's colour)."""

    text: str
    value: float | int | None = None
    style: str = ""
    #: In a workbook: the number format of its number (what the text writes around it, such
    #: as 累计 and *; empty: the decimals it was given). A cell with a format is a figure's:
    #: a workbook leaves it empty where there is no figure.
    number_format: str = ""
    #: In a workbook: a status's class in the registry (good, ok, …), the cell's fill.
    tone: str = ""
    #: On a screen: the text as runs of (text, style) (a figure, then its bar in colour).
    runs: tuple[tuple[str, str], ...] = ()
    #: On a screen: the shorter text a narrow table may show instead (a short name).
    short: str | None = None


class Table(Struct, frozen=True):
    """A table for people: its headers and rows of cells; numbers: write each cell's value
    (where it has one) as a number, aligned as numbers are."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    numbers: bool = False
    #: Over the table (a heading in Markdown; its title on a screen), in a style.
    title: str = ""
    title_style: str = ""
    #: Each column's key (default: its place, "0", "1", …), as the fields below name it.
    keys: Sequence[str] = ()
    #: On a screen: the columns shown, richest first, the one that fits the width chosen
    #: (layout.fit; its last is the last resort); elsewhere the first. None: every column.
    layouts: Sequence[Sequence[str]] = ()
    #: On a screen: columns aligned right (figures); columns that wrap between phrases
    #: (the rest stay on one line); columns left out where those would get too little room.
    right: frozenset[str] = frozenset()
    prose: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    #: On a screen: a cell is kept whole (its column as wide as its widest), or stays on one
    #: line (no_wrap); the least width of some columns.
    no_wrap: bool = False
    least: Mapping[str, int] = field(default_factory=dict)
    #: Written to a file: as plain columns of text, not drawn as on a screen.
    plain_in_file: bool = False
    #: On a screen: the table at least as wide as its title (within the width), which so
    #: stays on one line where it fits.
    title_whole: bool = False
    #: In a workbook: the columns written, by key (none: every column; a workbook adds what
    #: a reader sorts and filters by, such as ids, and leaves out a bar drawn in characters);
    #: the sheet's name (none: its heading's); the first columns kept in view as it scrolls;
    #: whether its header filters the rows.
    sheet: Sequence[str] = ()
    name: str = ""
    frozen: int = 1
    filtered: bool = False
    #: On a page and in a document: the columns of figures that stay on one line (units,
    #: baselines, targets; numbers, those of right, do too); what the table is ("by-area":
    #: the report's tables by area, which share their columns' widths; "counts": the count
    #: of each status); each row's indicator id, where a row is an indicator's.
    one_line: frozenset[str] = frozenset()
    kind: str = ""
    ids: Sequence[str] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column's key."""
        return tuple(self.keys) or tuple(str(i) for i in range(len(self.headers)))

    def widest(self) -> Table:
        """The table as a format that shows one layout has it: the first of its layouts."""
        if not self.layouts:
            return self
        at = [self.columns.index(key) for key in self.layouts[0]]
        rows = [[row[i] for i in at] for row in self.rows]
        headers = [self.headers[i] for i in at]
        return Table(headers, rows, self.numbers, self.title, self.title_style, self.layouts[0])


class Heading(Struct, frozen=True):
    """A heading over what follows (on a screen, in its style), at its level (1 the
    document's own, 2 a part's, …)."""

    text: str
    style: str = ""
    level: int = 2


class Items(Struct, frozen=True):
    """A list, an item a line; tones: each line's tone (see Cell), where it has one."""

    lines: Sequence[str]
    tones: Sequence[str] = ()
    #: On a screen: the lines' style (a title in bold).
    style: str = ""
    #: Numbered as a document numbers the items under a heading of this level (a Word
    #: report: 3 → 1. 2. …, 4 → （1）（2）…); 0: not numbered.
    numbering: int = 0


class Paragraphs(Struct, frozen=True):
    """Paragraphs (footnotes, notices); on a screen in a style. screen: said only where the
    figures are looked at, not in a document: on a screen (the terminal and its recordings)
    and in a workbook; column: said only where the table before shows that column (what it
    holds); warning: a workbook writes it under the sheet's title, before any figure."""

    lines: Sequence[str]
    style: str = ""
    screen: bool = False
    column: str = ""
    warning: bool = False
    #: On a page and in a document, what they are: "" body text; "meta", "note", "source",
    #: "caption" (a table's), "title", "placeholder" (a place a person fills in), "status
    #: <tone>" (a status line); lead: a label before the first, in bold where a format has it.
    role: str = ""
    lead: str = ""


class Picture(Struct, frozen=True):
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


class Notice(Struct, frozen=True):
    """A warning on the figures (or that every figure is official): at the head of what a
    view says, and again at its end (end)."""

    lines: Sequence[str]
    official: bool = False
    end: bool = False


class Section(Struct, frozen=True):
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


class View(Struct, frozen=True):
    """What one command shows: its title, the records (csv, tsv, json, jsonl), the JSON
    document where it holds more than the records, the command's drawings by format, and
    what it says to people in a language (built when a writer for people asks)."""

    title: str
    records: Records | None = None
    document: Any = None
    drawings: Mapping[str, Drawing] = field(default_factory=dict)
    blocks: Callable[[str], Sequence[Block]] | None = None
    #: What a screen of a width shows, where that is not the blocks (a chart drawn in
    #: characters, its bars as wide as the width leaves): blocks for a language and a width.
    screen: Callable[[str, int], Sequence[Block]] | None = None
    #: The command that made it: the title of its recordings (svg, html).
    command: str = "tnplan"
    #: Blocks of a format that says something else than the others (the Word report, laid
    #: out as a government report with its own headings and places to fill in), by format.
    forms: Mapping[str, Callable[[str], Sequence[Block]]] = field(default_factory=dict)
    #: A page to read on its own (the report): its HTML is the page of its blocks, not a
    #: recording of its screen.
    page: bool = False
