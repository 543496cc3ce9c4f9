"""The config file of a data repository: which codes to ignore or to report as warnings, and
whether warnings fail a check.

Found the way ruff finds its own: in the folder of the submissions, then in each folder above
it, the first ``tnplan.toml``, or ``pyproject.toml`` with a ``[tool.tnplan]`` table::

    # tnplan.toml (in pyproject.toml: the same keys under [tool.tnplan])
    ignore = ["missing-indicators"]
    warn-only = ["implausible-jump"]
    strict = true

A config that cannot be used is a TnplanError located in the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..model.catalogue import Words, diagnostic, phrase, render
from ..model.diagnostics import Diagnostic, TnplanError
from ..validate.selection import Selection, code_problems, nearest_in
from .files import read_text

__all__ = [
    "CONFIG_FILE",
    "MAX_CONFIG_CHARS",
    "MAX_CONFIG_DEPTH",
    "PYPROJECT",
    "Choice",
    "Config",
    "choose",
    "find_config",
    "load_config",
]

CONFIG_FILE = "tnplan.toml"
PYPROJECT = "pyproject.toml"
#: The keys a config takes, and the phrase of what each holds.
_KEYS = {"ignore": "expected.codes", "warn-only": "expected.codes", "strict": "expected.bool"}


#: A tnplan.toml holds a few lines: one longer than this is refused before it is parsed.
MAX_CONFIG_CHARS = 1024 * 1024
#: Brackets nested deeper than this are refused before TOML is parsed (tomllib recurses).
MAX_CONFIG_DEPTH = 64

#: The header of the table in pyproject.toml: [tool.tnplan], spaced or quoted as TOML allows.
_TOOL_TABLE = r'^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*"?tnplan"?[ \t]*\]'


class Config(NamedTuple):
    """What a config file chooses (nothing, when there is no file)."""

    selection: Selection = Selection()
    #: Warnings fail the check; None where the file does not say.
    strict: bool | None = None
    #: The file it was read from.
    path: Path | None = None


def find_config(start: Path) -> Path | None:
    """The config that applies to files in start: the nearest tnplan.toml, or pyproject.toml
    holding [tool.tnplan], in start or a folder above it."""
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        project = candidate / PYPROJECT
        if project.is_file() and _has_table(project):
            return project
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = read_text(pyproject)
    except TnplanError:
        return False  # someone else's file that cannot be read: not ours to report
    # Most projects' files have no such table: it is looked for before TOML is parsed at all,
    # and its pattern only in a file with a line that could be its header.
    headed = any("tnplan" in line and line.lstrip(" \t")[:1] == "[" for line in text.split("\n"))
    if not headed or not re.search(_TOOL_TABLE, text, re.MULTILINE):
        return False
    return isinstance(_tool_table(_parse(text, str(pyproject))), dict)


def _tool_table(document: dict[str, Any]) -> Any:
    tool = document.get("tool")
    return tool.get("tnplan") if isinstance(tool, dict) else None


def load_config(path: Path) -> Config:
    """Read a config file (tnplan.toml, or the [tool.tnplan] table of pyproject.toml)."""
    name = str(path)
    text = read_text(path, name)
    if path.name != PYPROJECT and len(text) > MAX_CONFIG_CHARS:
        chars, limit = f"{len(text):,}", f"{MAX_CONFIG_CHARS:,}"
        problem = diagnostic(
            "invalid-config", name, 1, 1, form="too-long", chars=chars, limit=limit
        )
        raise TnplanError([problem])
    document = _parse(text, name)
    table = _tool_table(document) if path.name == PYPROJECT else document
    if table is None:
        table = {}
    if not isinstance(table, dict):
        raise TnplanError([_located(name, text, "tnplan", form="not-a-table")])
    problems = [d for key, value in table.items() for d in _key_problems(name, text, key, value)]
    if problems:
        raise TnplanError(problems)
    selection = Selection(frozenset(table.get("ignore", ())), frozenset(table.get("warn-only", ())))
    return Config(selection, table.get("strict"), path)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where brackets first nest deeper than MAX_CONFIG_DEPTH (line, column), if they do.

    Brackets inside strings are counted too: a config's strings are codes, which hold none.
    """
    if text.count("[") + text.count("{") <= MAX_CONFIG_DEPTH:
        return None
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_CONFIG_DEPTH:
                line = text.count("\n", 0, index) + 1
                return line, index - text.rfind("\n", 0, index)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _parse(text: str, name: str) -> dict[str, Any]:
    import tomllib

    deep = _too_deep(text)
    if deep is not None:
        line, column = deep
        problem = diagnostic(
            "invalid-config", name, line, column, form="too-deep", limit=MAX_CONFIG_DEPTH
        )
        raise TnplanError([problem])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        if where:
            line, column = int(where[1]), int(where[2])
        else:  # "at end of document": where the text ends
            line, column = text.count("\n") + 1, len(text) - text.rfind("\n")
        reason = re.sub(r" \(at [^)]*\)$", "", str(exc))
        raise TnplanError(
            [diagnostic("invalid-config", name, line, column, reason=reason)]
        ) from None


def _key_problems(name: str, text: str, key: str, value: Any) -> list[Diagnostic]:
    """What is wrong with one key of the config and its value (nothing, mostly)."""
    if key not in _KEYS:
        near = nearest_in(key, _KEYS)
        hint = (
            phrase("hint.did-you-mean", near=near)
            if near
            else phrase("hint.config-keys", keys=Words(", ".join(_KEYS), "、".join(_KEYS)))
        )
        return [_located(name, text, key, form="unknown-key", key=key, hint=hint)]
    if key == "strict" and isinstance(value, bool):
        return []
    if key != "strict" and isinstance(value, list) and all(isinstance(c, str) for c in value):
        return [
            diagnostic(p.code, name, *_position(text, p.given), **p.facts)
            for p in code_problems(value)
        ]
    expected = phrase(_KEYS[key])
    return [_located(name, text, key, form="wrong-type", key=key, expected=expected)]


def _position(text: str, needle: str) -> tuple[int, int]:
    """Line and column of the first needle in text (of a quoted needle where there is one)."""
    for form in (f'"{needle}"', f"'{needle}'", needle):
        index = text.find(form)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            return line, index - (text.rfind("\n", 0, index) + 1) + 1
    return 1, 1


def _located(name: str, text: str, needle: str, /, **params: Any) -> Diagnostic:
    line, column = _position(text, needle)
    return diagnostic("invalid-config", name, line, column, **params)


class Choice(NamedTuple):
    """What a run of `tnplan check` chooses: the config's selection with the command line's
    added, whether warnings fail, and what is wrong with the codes given on the command line
    (each problem a message in both languages)."""

    selection: Selection
    strict: bool
    config: Path | None
    problems: list[Words]


def choose(
    files: Sequence[Path],
    config: Path | None,
    ignore: Iterable[str],
    warn_only: Iterable[str],
    strict: bool | None,
) -> Choice:
    """The choice of a check of files: the config given (else the one found from the files'
    common folder up) and the command line's codes; TnplanError for a config that cannot be
    used. strict: --strict or --no-strict, else the config's."""
    path = config if config is not None else find_config(_common_folder(files))
    found = load_config(path) if path is not None else Config()
    ignore, warn_only = list(ignore), list(warn_only)
    problems = [render(p.code, p.facts) for p in code_problems([*ignore, *warn_only])]
    selection = found.selection.joined(Selection(frozenset(ignore), frozenset(warn_only)))
    chosen_strict = strict if strict is not None else bool(found.strict)
    return Choice(selection, chosen_strict, path, problems)


def _common_folder(files: Sequence[Path]) -> Path:
    """The folder the files share (the current one when they share none)."""
    folders = [os.path.abspath(path.parent) for path in files]
    try:
        return Path(os.path.commonpath(folders)) if folders else Path.cwd()
    except ValueError:  # different drives
        return Path.cwd()
