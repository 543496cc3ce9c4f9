"""The format-neutral document every reader returns: plain data with the position of every
key and value, so that a rule can locate a problem without knowing the file's format."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from msgspec import Struct, field

from ..model.catalogue import CATALOGUE, diagnostic
from ..model.diagnostics import Diagnostic

__all__ = ["Document", "Key", "PathT", "format_path", "is_plain_number"]

Key = str | int
PathT = tuple[Key, ...]


@functools.cache
def _plain_number() -> re.Pattern[str]:
    """A decimal number as YAML 1.2 and spreadsheets write it; ASCII digits, no way to
    backtrack. Compiled on first use: most files hold no text that starts like a number."""
    return re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


class Document(Struct):
    """A parsed submission or plan, whatever its format: its data and where each key and value
    stands (1-based line and column)."""

    file: str
    data: Any
    values: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    #: YAML 1.1 readings found while building the data, by path: (code, scalar text).
    quirks: dict[PathT, tuple[str, str]] = field(default_factory=dict)
    #: The file's text, kept when it was parsed without positions: where() parses it again
    #: with relocate (the reader's own parse function, which keeps positions).
    text: str = ""
    relocate: Callable[[str, str], tuple[Document, list[Diagnostic]]] | None = None
    #: Codes silenced by the file itself (``# tnplan: ignore[CODE]`` on a YAML line, or in a
    #: row's note cell), by line: the codes as written and the column of the directive.
    suppressions: dict[int, tuple[tuple[str, ...], int]] = field(default_factory=dict)

    #: Whether a figure's unit can be stated in this format (a workbook's unit cells are fixed).
    units_stated: ClassVar[bool] = True

    def where(self, path: Sequence[Key], *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at path, else of its nearest ancestor."""
        if self.text and self.relocate is not None:
            located, _ = self.relocate(self.text, self.file)
            self.values, self.keys, self.text = located.values, located.keys, ""
        p = tuple(path)
        if key and p in self.keys:
            return self.keys[p]
        while p not in self.values:
            if not p:
                return (1, 1)
            p = p[:-1]
        return self.values[p]

    def diagnostic(self, path: Sequence[Key], code: str, /, **params: Any) -> Diagnostic:
        """A diagnostic of the catalogue located at path in this document (at its key, for a
        code the catalogue says is about the key); params fill in its message."""
        line, column = self.where(path, key=CATALOGUE[code].at_key)
        return self.at(line, column, code, data_path=format_path(path), **params)

    def at(self, line: int, column: int, code: str, /, **params: Any) -> Diagnostic:
        """A diagnostic of the catalogue at line and column of this document (a cell, for a
        workbook); params fill in its message (and may name its data_path)."""
        cell = self.cell(line, column)
        return diagnostic(code, self.file, line, column, cell=cell, **params)

    def cell(self, line: int, column: int) -> str:
        """Where line and column are in a workbook (``填报!E7``); empty for a text file."""
        return ""


def is_plain_number(text: str) -> bool:
    """True for a decimal number as YAML 1.2 and spreadsheets write it (ASCII digits only)."""
    return _plain_number().fullmatch(text) is not None


def format_path(path: Sequence[Key]) -> str:
    """``values.urban_new_jobs.value`` style; list items as ``indicators[3]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
