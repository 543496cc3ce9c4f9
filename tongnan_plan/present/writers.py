"""The registry of writers: every output format, the file endings that name it, whether it
is bytes, and the function that writes a view in it; and which formats each command offers.

Every command's --format choices and the format an -o name's ending picks come from here. A
new format is one writer function and one line of WRITERS (and its name in the commands that
offer it). Standard library only at import; a writer imports what it needs when it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING, cast

from msgspec import Struct

if TYPE_CHECKING:
    from .view import Block, Options, View

__all__ = [
    "OFFERED",
    "WRITERS",
    "FormatChoiceError",
    "Writer",
    "choices",
    "chosen_format",
    "formats_table",
    "writable",
    "write",
]


class Writer(Struct, frozen=True):
    """One output format: its name (--format), the endings of a file that holds it, whether
    it is bytes (never written to a terminal), what it is (for --help and the README)."""

    name: str
    suffixes: tuple[str, ...]
    binary: bool
    about: str
    write: Callable[[View, Options], str | bytes]
    of_records: bool = False  # written from the view's records (where it has them)


def _screen(view: View, options: Options) -> str | bytes:
    """The view's blocks drawn for the screen (screen.py)."""
    from .screen import screen_text

    return screen_text(view, options)


def _drawn(name: str) -> Callable[[View, Options], str | bytes]:
    """A format people read, drawn by the command that made the view."""

    def write(view: View, options: Options) -> str | bytes:
        return view.drawings[name](options)

    write.__doc__ = f"The view as the command draws it in {name}."
    return write


def _records_or_drawn(
    name: str, records: Callable[[View, Options], str]
) -> Callable[..., str | bytes]:
    """A format of records: the command's own drawing where it has one (the CSV template of
    `new`), else the view's records."""

    def write(view: View, options: Options) -> str | bytes:
        drawing = view.drawings.get(name)
        return drawing(options) if drawing is not None else records(view, options)

    write.__doc__ = f"The view's records as {name}."
    return write


def _table(view: View) -> list[dict[str, object]]:
    if view.records is None:
        raise LookupError(f"the view {view.title!r} has no records")
    return view.records.ordered()


def _csv(view: View, options: Options) -> str:
    from .formats import csv_text

    assert view.records is not None
    return csv_text(view.records.rows, view.records.columns, excel=options.excel)


def _tsv(view: View, options: Options) -> str:
    from .formats import csv_text

    assert view.records is not None
    return csv_text(view.records.rows, view.records.columns, delimiter="\t")


def _json(view: View, options: Options) -> str:
    from .formats import json_text

    return json_text(view.document if view.document is not None else _table(view))


def _jsonl(view: View, options: Options) -> str:
    from .formats import json_lines

    return json_lines(_table(view))


def _markdown(view: View, options: Options) -> str:
    """The view's blocks as Markdown (GitHub tables, every text escaped; a table of layouts,
    its first); what is said only on a screen, or of a column not shown, left out; a view
    without blocks, as its command draws it."""
    if view.blocks is None:
        return str(view.drawings["markdown"](options))
    return "\n\n".join(_markdown_parts(view.blocks(options.lang))) + "\n"


def _markdown_parts(blocks: Sequence[Block]) -> list[str]:
    """Each block as Markdown: a heading at its level, paragraphs (a lead in bold), a list,
    a table (under its title), a picture's lines of text in a fence, a notice quoted in
    bold; a section's blocks in turn (see _flat)."""
    from .escaping import code_fence, markdown
    from .formats import markdown_table
    from .view import Heading, Items, Notice, Paragraphs, Picture, Table

    parts: list[str] = []
    shown: tuple[str, ...] = ("",)  # the columns of the table before ("": none asked)
    for block in _flat(blocks):
        if isinstance(block, Picture):
            if block.lines:
                parts.append("\n".join(code_fence(list(block.lines))))
        elif isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {markdown(block.text)}")
        elif isinstance(block, Notice):
            parts.append(f"> **{markdown(' '.join(block.lines))}**")
        elif isinstance(block, Items):
            if block.lines:
                parts.append("\n".join("- " + markdown(line) for line in block.lines))
        elif isinstance(block, Paragraphs):
            if block.lines and not block.screen and block.column in shown:
                lead = f"**{markdown(block.lead.strip())}** " if block.lead else ""
                parts.append(lead + "\n\n".join(markdown(line) for line in block.lines))
        elif isinstance(block, Table):
            table = block.widest()
            shown = ("", *table.columns)
            if table.title:
                parts.append(f"## {markdown(table.title)}")
            rows = [
                [c.value if table.numbers and c.value is not None else c.text for c in row]
                for row in table.rows
            ]
            parts.append(markdown_table(table.headers, rows, numbers=table.numbers))
    return parts


def _flat(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each section's in its place; an indicator's section as Markdown lays
    it out: its heading, its chart, then its paragraphs and lists as one list."""
    from .view import Heading, Items, Paragraphs, Picture, Section

    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, Section):
            out.append(block)
        elif block.kind == "indicator":
            out += [b for b in block.blocks if isinstance(b, Heading | Picture)]
            kinds = Items | Paragraphs
            out.append(Items([ln for b in block.blocks if isinstance(b, kinds) for ln in b.lines]))
        else:
            out += _flat(block.blocks)
    return out


def _svg(view: View, options: Options) -> str | bytes:
    """The view's pictures (charts) as SVG, a picture a line; a view without pictures, its
    blocks as a screen shows them, recorded as SVG (screen.py)."""
    from .view import Picture

    blocks = view.blocks(options.lang) if view.blocks is not None else ()
    pictures = [block for block in blocks if isinstance(block, Picture)]
    if not pictures:
        from .screen import recording

        return recording(view, options, svg=True)
    return "".join(picture.chart.svg() + "\n" for picture in pictures)


def _html(view: View, options: Options) -> str | bytes:
    """A page to read on its own (the report) as one standalone HTML page of its blocks;
    another view's blocks as a screen shows them, recorded as an HTML page."""
    if view.page and view.blocks is not None:
        from .report_html import page_html

        return page_html(view.blocks(options.lang), options.lang)
    from .screen import recording

    return recording(view, options, svg=False)


def _docx(view: View, options: Options) -> bytes:
    """The view's blocks for a Word document (its own form of them, where it has one) as a
    document laid out by docx_style.py."""
    from .docx_writer import blocks_docx

    blocks = view.forms.get("docx", view.blocks)
    if blocks is None:
        raise LookupError(f"the view {view.title!r} has no document")
    return blocks_docx(blocks(options.lang), options.lang)


def _xlsx(view: View, options: Options) -> str | bytes:
    """The command's own workbook where it draws one, else the view's blocks as a workbook."""
    drawing = view.drawings.get("xlsx")
    if drawing is not None:
        return drawing(options)
    if view.blocks is None:
        raise LookupError(f"the view {view.title!r} has no workbook")
    from .xlsx import blocks_workbook

    return blocks_workbook(view.title, view.blocks(options.lang))


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("table", (".txt",), False, "a table for the terminal", _screen),
        Writer(
            "csv", (".csv",), False, "comma-separated values", _records_or_drawn("csv", _csv), True
        ),
        Writer(
            "tsv", (".tsv",), False, "tab-separated values", _records_or_drawn("tsv", _tsv), True
        ),
        Writer("json", (".json",), False, "JSON", _records_or_drawn("json", _json), True),
        Writer("jsonl", (".jsonl", ".ndjson"), False, "JSON Lines: a record a line", _jsonl, True),
        Writer("markdown", (".md", ".markdown"), False, "Markdown", _markdown),
        Writer("xlsx", (".xlsx",), True, "a workbook", _xlsx),
        Writer("svg", (".svg",), False, "an SVG picture", _svg),
        Writer("html", (".html", ".htm"), False, "a web page", _html),
        Writer("docx", (".docx",), True, "a Word document", _docx),
        Writer("yaml", (".yaml", ".yml"), False, "YAML", _drawn("yaml")),
    )
}

_RECORDS = ("csv", "tsv", "json", "jsonl")
#: The formats each command offers, its default first.
OFFERED: dict[str, tuple[str, ...]] = {
    "status": ("table", *_RECORDS, "markdown", "xlsx", "svg", "html"),
    "show": ("table", *_RECORDS, "markdown", "xlsx", "svg"),
    "indicators": ("table", *_RECORDS, "markdown", "xlsx"),
    "figures": ("table", *_RECORDS, "markdown", "xlsx"),
    "audit": ("table", *_RECORDS, "markdown", "xlsx"),
    "plans": ("table", *_RECORDS, "markdown", "xlsx"),
    "report": ("html", "markdown", "docx"),
    "new": ("yaml", "csv", "xlsx"),
}


def choices(command: str) -> type[StrEnum]:
    """The formats a command offers, as the enum its --format option takes."""
    names = OFFERED[command]
    members = {name.upper(): name for name in names}
    return cast("type[StrEnum]", StrEnum(f"{command.title()}Format", members))


class FormatChoiceError(ValueError):
    """Options that ask for no format the command writes, or for two at once."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh


def _words(name: str, /, **params: object) -> tuple[str, str]:
    """A usage error's words by name, from the catalogue's phrases (model/command_phrases.py)."""
    from ..model.catalogue import phrase

    return phrase(name, **params)


def _endings(command: str) -> str:
    return ", ".join(f"{name} ({', '.join(WRITERS[name].suffixes)})" for name in OFFERED[command])


def chosen_format(
    command: str, given: str | None, output: PurePath | None, *, excel: bool = False
) -> str:
    """The format a command writes: --format (csv with --excel); else the one -o's ending
    names; else the command's default. An ending that no format of the command claims, or one
    that names another format than --format, is a FormatChoiceError: a file never holds
    another format than its name says."""
    offered = OFFERED[command]
    if excel:
        if given is not None and given != "csv":
            raise FormatChoiceError(*_words("format.excel-not-csv", given=given))
        given = "csv"
    suffix = "" if output is None or str(output) == "-" else output.suffix.lower()
    if not suffix:
        return given or offered[0]
    named = [name for name in offered if suffix in WRITERS[name].suffixes]
    if not named:
        raise FormatChoiceError(
            *_words(
                "format.ending-not-written",
                output=output,
                command=command,
                suffix=suffix,
                endings=_endings(command),
            )
        )
    if given is not None and given not in named:
        wanted = ", ".join(WRITERS[given].suffixes)
        raise FormatChoiceError(
            *_words(
                "format.ending-not-given", output=output, named=named[0], given=given, wanted=wanted
            )
        )
    return given or named[0]


def writable(view: View) -> tuple[str, ...]:
    """The formats a view can be written in: those of its records, and its drawings."""
    return tuple(
        name
        for name, writer in WRITERS.items()
        if name in view.drawings
        or (writer.of_records and view.records is not None)
        or (name in ("table", "markdown", "xlsx", "svg", "html") and view.blocks is not None)
        or name in view.forms
    )


def formats_table() -> str:
    """The README's table of output formats (a test holds the two equal)."""
    lines = ["| format | file endings | what | commands |", "| --- | --- | --- | --- |"]
    for name, writer in WRITERS.items():
        endings = ", ".join(f"`{suffix}`" for suffix in writer.suffixes)
        commands = ", ".join(f"`{c}`" for c, offered in OFFERED.items() if name in offered)
        lines.append(f"| `{name}` | {endings} | {writer.about} | {commands} |")
    return "\n".join(lines) + "\n"


def write(view: View, fmt: str, options: Options) -> str | bytes:
    """The view in a format (a name of WRITERS)."""
    return WRITERS[fmt].write(view, options)
