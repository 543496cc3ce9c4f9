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
_DIRECTIVE = r"tnplan:[ \t]*ignore\[([^\]\r\n]{0,400})\]"
#: The same as a YAML comment: after a ``#`` that starts the line or follows a blank.
_COMMENT = r"(?:^|[ \t])#[ \t]*" + _DIRECTIVE
_LINE_BREAK = r"\r\n|\r|\n"


def _codes(inside: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in inside.split(",") if code.strip())


def comment_directives(text: str) -> dict[int, tuple[tuple[str, ...], int]]:
    """The directives of YAML text by line: the codes and the column of the ``#``."""
    if "tnplan:" not in text:  # nearly every file: nothing to look for
        return {}
    # Compiled here, not at import: nearly every run reads no directive at all.
    starts = [0, *(m.end() for m in re.finditer(_LINE_BREAK, text))]
    found: dict[int, tuple[tuple[str, ...], int]] = {}
    line = 0
    for match in re.finditer(_COMMENT, text, re.MULTILINE):
        hash_at = text.index("#", match.start())
        while line + 1 < len(starts) and starts[line + 1] <= hash_at:
            line += 1
        found[line + 1] = (_codes(match.group(1)), hash_at - starts[line] + 1)
    return found


def note_directive(note: str) -> tuple[str, ...] | None:
    """The codes a note cell silences for its row, or None when it holds no directive."""
    match = re.search(_DIRECTIVE, note) if "tnplan:" in note else None
    return None if match is None else _codes(match.group(1))
