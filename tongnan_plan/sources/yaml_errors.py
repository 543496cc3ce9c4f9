"""Where a YAML file goes wrong, said as an editor shows it: line and column as editors count
them (PyYAML also breaks lines at NEL, LS and PS), and syntax, character and depth errors made
into located diagnostics."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from ..model.diagnostics import Diagnostic, Severity
from .document import Key, format_path

#: Deeper nesting than this is refused as the parser reaches it (a plan file needs four levels).
MAX_DEPTH = 64

#: Characters YAML 1.1 (so PyYAML) takes as line breaks but editors do not: NEL, LS, PS.
YAML11_BREAKS = ("\x85", "\u2028", "\u2029")
_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


def mark_position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a mark, as the parser counts them."""
    return mark.line + 1, mark.column + 1


class EditorLines:
    """Lines as editors count them (ended by LF, CRLF or CR only), to locate a character."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _EDITOR_BREAK.finditer(text))]

    def at(self, index: int) -> tuple[int, int]:
        """1-based line and column of the character at index."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def position(self, mark: Any) -> tuple[int, int]:
        """1-based line and column of a mark, by its character index."""
        return self.at(mark.index)


def editor_split(text: str) -> list[str]:
    return _EDITOR_BREAK.split(text)


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

    what = " (a control character)" if char and unicodedata.category(char) == "Cc" else ""
    what_zh = "（控制字符）" if what else ""
    return Diagnostic(
        file,
        line,
        column,
        Severity.ERROR,
        "yaml-syntax",
        f"character{named}{what} is not allowed in YAML",
        "",
        f"YAML 中不允许出现字符{named}{what_zh}",
    )


def too_deep(file: str, line: int, column: int, path: Sequence[Key]) -> Diagnostic:
    return Diagnostic(
        file,
        line,
        column,
        Severity.ERROR,
        "too-deep",
        f"nesting is deeper than tnplan accepts ({MAX_DEPTH} levels)",
        format_path(path),
        f"嵌套层数超过 tnplan 接受的 {MAX_DEPTH} 层",
    )


def syntax_diagnostic(
    exc: yaml.MarkedYAMLError, text: str, file: str, at: Callable[[Any], tuple[int, int]]
) -> Diagnostic:
    # The context mark, where there is one, is the start of what was being read (the key,
    # the unclosed bracket); the problem mark is where the parser gave up, often a line later.
    mark = exc.context_mark or exc.problem_mark
    line, column = at(mark) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    message = f"YAML does not parse: {problem}"
    zh = f"YAML 无法解析（{problem}）"
    if exc.context and exc.problem_mark and exc.context_mark:
        problem_line, problem_column = at(exc.problem_mark)
        where = f"line {problem_line} column {problem_column}"
        message = f"YAML does not parse: {exc.context}, {problem} at {where}"
        zh = (
            f"YAML 无法解析（{exc.context}, {problem}），问题出现在第 "
            f"{problem_line} 行第 {problem_column} 列"
        )
    lines = editor_split(text)
    for candidate in {line, line - 1}:
        if 1 <= candidate <= len(lines):
            source_line = lines[candidate - 1]
            if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
                message += "; YAML does not allow tabs for indentation: use spaces"
                zh += "；YAML 不允许用制表符缩进，请用空格"
                break
            if "：" in source_line and ":" not in source_line.split("#")[0]:
                message += (
                    f"; line {candidate} has a full-width colon '：' where YAML needs ':'"
                    " followed by a space"
                )
                zh += f"；第 {candidate} 行用了全角冒号“：”，YAML 需要半角冒号“:”加一个空格"
                break
    if any(b in text for b in YAML11_BREAKS):
        message += (
            "; the file holds a Unicode line separator (U+0085, U+2028 or U+2029), which YAML"
            " 1.1 reads as a line break where editors show none"
        )
        zh += (
            "；文件中有 Unicode 行分隔符（U+0085、U+2028 或 U+2029），"
            "YAML 1.1 把它读作换行，编辑器却不显示换行"
        )
    return Diagnostic(file, line, column, Severity.ERROR, "yaml-syntax", message, "", zh)
