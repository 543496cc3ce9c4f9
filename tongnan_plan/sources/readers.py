"""Submission readers by file ending: the one place that knows which formats tnplan reads.

Every reader takes a path and the name to report it by, and returns a format-neutral
:class:`~tongnan_plan.sources.yaml_reader.Document` (the data as plain Python values, with
where each key and value stands) and its non-fatal diagnostics; a file it cannot use at all
raises TnplanError. A reader of a workbook reports a cell as ``sheet!A1`` by returning a
Document subclass whose ``diagnostic()`` sets :attr:`Diagnostic.cell` (line and column then
hold the cell's row and column numbers).

Adding a format is one reader module and one line in READERS. Readers are imported only when
a file of theirs is read: start-up time is part of the product.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..model.catalogue import Words, diagnostic, phrase
from ..model.diagnostics import Diagnostic, TnplanError
from .yaml_reader import Document

__all__ = ["READERS", "SUFFIXES", "Reader", "read_submission", "reader_for"]

Reader = Callable[[Path, str], tuple[Document, list[Diagnostic]]]

#: File ending -> (module under tongnan_plan.sources, its function(path, name)).
READERS: dict[str, tuple[str, str]] = {
    ".yaml": ("yaml_reader", "load_yaml"),
    ".yml": ("yaml_reader", "load_yaml"),
    ".csv": ("csv_reader", "load_csv"),
    ".xlsx": ("xlsx_reader", "load_xlsx"),
}
#: The endings of submission files, in the order a missing year's file is looked for.
SUFFIXES = tuple(READERS)


def reader_for(path: Path) -> Reader | None:
    """The reader of a file by its ending (any case), or None for a format tnplan lacks."""
    found = READERS.get(path.suffix.lower())
    if found is None:
        return None
    module, function = found
    reader: Reader = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    return reader


def read_submission(path: Path) -> tuple[Document, list[Diagnostic]]:
    """Read a submission file with the reader its ending names; TnplanError if it cannot be."""
    shown = str(path)
    reader = reader_for(path)
    if reader is None:
        given = (
            Words(repr(path.suffix), repr(path.suffix)) if path.suffix else phrase("file.no-ending")
        )
        problem = diagnostic(
            "unsupported-format", shown, 1, 1, suffixes=", ".join(SUFFIXES), given=given
        )
        raise TnplanError([problem])
    return reader(path, shown)
