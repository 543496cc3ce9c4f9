"""Where a YAML file goes wrong, said as an editor shows it: line and column as editors count
them (PyYAML also breaks lines at NEL, LS and PS), and syntax, character and depth errors made
into located diagnostics."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from ..model.catalogue import Words, diagnostic, phrase
from ..model.diagnostics import Diagnostic
from .document import Key, format_path

#: Deeper nesting than this is refused as the parser reaches it (a plan file needs four levels).
MAX_DEPTH = 64

#: Characters YAML 1.1 (so PyYAML) takes as line breaks but editors do not: NEL, LS, PS.
YAML11_BREAKS = ("\x85", "\u2028", "\u2029")
#: (Compiled on first use: only a file with one of those breaks, or a problem, needs it.)
_EDITOR_BREAK = r"\r\n|\r|\n"


def mark_position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a mark, as the parser counts them."""
    return mark.line + 1, mark.column + 1


class EditorLines:
    """Lines as editors count them (ended by LF, CRLF or CR only), to locate a character."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer(_EDITOR_BREAK, text))]

    def at(self, index: int) -> tuple[int, int]:
        """1-based line and column of the character at index."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def position(self, mark: Any) -> tuple[int, int]:
        """1-based line and column of a mark, by its character index."""
        return self.at(mark.index)


def editor_split(text: str) -> list[str]:
    return re.split(_EDITOR_BREAK, text)


def character_diagnostic(exc: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    """A character YAML does not allow (a control character, U+FFFE), named by code point."""
    code = getattr(exc, "character", None)
    char = chr(code) if isinstance(code, int) else code if isinstance(code, str) else ""
    # The C parser counts the position in UTF-8 bytes, the Python one in characters; the
    # first such character in the text is the one the parser stopped at.
    index = text.find(char) if char else -1
    if index < 0:
        index = min(max(getattr(exc, "position", 0) or 0, 0), len(text))
    line, column = EditorLines(text).at(index)
    named = f" U+{ord(char):04X}" if char else ""
    import unicodedata  # here: only a document tnplan cannot read pays for it

    control = bool(char) and unicodedata.category(char) == "Cc"
    form = "control-character" if control else "character"
    return diagnostic("yaml-syntax", file, line, column, form=form, named=named)


def too_deep(file: str, line: int, column: int, path: Sequence[Key]) -> Diagnostic:
    return diagnostic("too-deep", file, line, column, data_path=format_path(path), limit=MAX_DEPTH)


def syntax_diagnostic(
    exc: yaml.MarkedYAMLError, text: str, file: str, at: Callable[[Any], tuple[int, int]]
) -> Diagnostic:
    # The context mark, where there is one, is the start of what was being read (the key,
    # the unclosed bracket); the problem mark is where the parser gave up, often a line later.
    mark = exc.context_mark or exc.problem_mark
    line, column = at(mark) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    hints = _hints(text, {line, line - 1})
    if exc.context and exc.problem_mark and exc.context_mark:
        problem_line, problem_column = at(exc.problem_mark)
        return diagnostic(
            "yaml-syntax",
            file,
            line,
            column,
            form="context",
            context=exc.context,
            problem=problem,
            line=problem_line,
            column=problem_column,
            hints=hints,
        )
    return diagnostic("yaml-syntax", file, line, column, problem=problem, hints=hints)


def _hints(text: str, near: set[int]) -> Words:
    """What a syntax error's message adds: tabs or a full-width colon on a line near it, and
    line separators anywhere in the file."""
    found: list[Words] = []
    lines = editor_split(text)
    for candidate in near:
        if 1 <= candidate <= len(lines):
            source_line = lines[candidate - 1]
            if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
                found.append(phrase("yaml.tabs"))
                break
            if "：" in source_line and ":" not in source_line.split("#")[0]:
                found.append(phrase("yaml.full-width-colon", line=candidate))
                break
    if any(b in text for b in YAML11_BREAKS):
        found.append(phrase("yaml.line-separator"))
    return Words("".join(w.en for w in found), "".join(w.zh for w in found))
