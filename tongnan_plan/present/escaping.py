"""Text that came from a file, made safe for the place it is shown.

Plan text, notes, sources and file names are data: on a terminal they must not move the
cursor, clear the screen or set a window title; in Markdown they must not become HTML, links
or table columns. HTML pages escape through :func:`html`, Rich tables take
:class:`rich.text.Text` (see terminal.py), CSV is quoted by the csv module (see formats.py).
"""

from __future__ import annotations

import html as _html
import re

__all__ = ["code_fence", "html", "markdown", "one_line"]

#: C0 and C1 control characters (escape sequences start with one), and the bidirectional
#: overrides and isolates that can reorder what a reader sees.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\r\n\t\u0085\u2028\u2029]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`\[\]|])")


def one_line(text: str) -> str:
    """Text for one line of a terminal: line breaks and tabs become a space, controls go."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))


def html(text: str) -> str:
    """Text for HTML: controls removed, then & < > " ' escaped."""
    return _html.escape(_CONTROLS.sub("", text))


def markdown(text: str) -> str:
    """Text for one line (or one table cell) of Markdown.

    & and < are escaped, so no tag or entity from a plan name reaches a viewer (a lone > opens
    nothing, and stays readable: ≥ and > are common in figures); backslash, backtick, brackets
    and the pipe are escaped, so no text becomes a link, a code span or a column.
    """
    escaped = one_line(text).replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def code_fence(lines: list[str]) -> list[str]:
    """Lines as a fenced code block whose fence no line can close."""
    body = [one_line(line) for line in lines]
    longest = max((len(run) for line in body for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *body, fence]
