"""``tnplan: ignore[CODE, …]`` written into a submission: the codes a line silences.

In YAML the directive is a comment on the line (``urban_new_jobs: 10500  # tnplan:
ignore[unit-slip]``); in a CSV file or a workbook, which have no comments beside a figure, it
is written in the row's note cell. The codes are taken as written: validate/ says which of them
tnplan does not know.
"""

from __future__ import annotations

import re

__all__ = ["comment_directives", "note_directive"]

#: The directive, wherever it stands in a note (no nesting, no backtracking over long runs).
_DIRECTIVE = re.compile(r"tnplan:[ \t]*ignore\[([^\]\r\n]{0,400})\]")
#: The same as a YAML comment: after a ``#`` that starts the line or follows a blank.
_COMMENT = re.compile(r"(?:^|[ \t])#[ \t]*tnplan:[ \t]*ignore\[([^\]\r\n]{0,400})\]", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _codes(inside: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in inside.split(",") if code.strip())


def comment_directives(text: str) -> dict[int, tuple[tuple[str, ...], int]]:
    """The directives of YAML text by line: the codes and the column of the ``#``."""
    if "tnplan:" not in text:  # nearly every file: nothing to look for
        return {}
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    found: dict[int, tuple[tuple[str, ...], int]] = {}
    line = 0
    for match in _COMMENT.finditer(text):
        hash_at = text.index("#", match.start())
        while line + 1 < len(starts) and starts[line + 1] <= hash_at:
            line += 1
        found[line + 1] = (_codes(match.group(1)), hash_at - starts[line] + 1)
    return found


def note_directive(note: str) -> tuple[str, ...] | None:
    """The codes a note cell silences for its row, or None when it holds no directive."""
    match = _DIRECTIVE.search(note) if "tnplan:" in note else None
    return None if match is None else _codes(match.group(1))
