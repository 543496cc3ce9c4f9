"""What a command shows, built once from the library's results and handed to a writer.

A view holds the records machines read (each table's columns and its rows of plain values:
numbers raw, codes as codes) and, for the formats people read that are not yet written from
the records alone (the terminal table, Markdown, a workbook, SVG, HTML), the command's own
drawing of them. Standard library only: the command line builds its options from the
registry of writers (writers.py) without importing any writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .terminal import Screen

__all__ = ["Drawing", "Options", "Records", "View"]


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


@dataclass(frozen=True)
class View:
    """What one command shows: its title, the records (csv, tsv, json, jsonl), the JSON
    document where it holds more than the records, and the command's drawings by format."""

    title: str
    records: Records | None = None
    document: Any = None
    drawings: Mapping[str, Drawing] = field(default_factory=dict)
