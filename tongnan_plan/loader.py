"""YAML in, plain data out, with the line and column of every key and value.

PyYAML is used only to parse (compose) the document; this module builds the Python
values itself so that it can refuse what PyYAML would silently accept: duplicate keys
(PyYAML keeps the last), aliases and merge keys, tags that construct objects, and the
YAML 1.1 readings that turn ``no`` into false, ``010`` into 8 and ``12:30`` into 750.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity, TnplanError

__all__ = ["MAX_BYTES", "Document", "Key", "format_path", "load_yaml", "parse_yaml", "read_text"]

#: Submissions and plans larger than this are refused before parsing.
MAX_BYTES = 16 * 1024 * 1024
#: Deeper nesting than this is refused before parsing (a plan file needs four levels).
MAX_DEPTH = 64

Key = str | int
PathT = tuple[Key, ...]

try:  # PyYAML's C parser is about three times faster; fall back where it was not built.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _TAG + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
)
_YAML12_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")


@dataclass
class Document:
    """A parsed YAML file: its data and where each key and value stands (1-based)."""

    file: str
    data: Any
    values: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    #: YAML 1.1 readings found while building the data, by path: (code, scalar text).
    quirks: dict[PathT, tuple[str, str]] = field(default_factory=dict)

    def where(self, path: Sequence[Key], *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at path, else of its nearest ancestor."""
        p = tuple(path)
        while True:
            table = self.keys if key and p in self.keys else self.values
            if p in table:
                return table[p]
            if not p:
                return (1, 1)
            p = p[:-1]

    def diagnostic(
        self,
        path: Sequence[Key],
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        key: bool = False,
    ) -> Diagnostic:
        """A diagnostic located at path in this document."""
        line, column = self.where(path, key=key)
        return Diagnostic(self.file, line, column, severity, code, message, format_path(path))


def format_path(path: Sequence[Key]) -> str:
    """``values.urban_new_jobs.value`` style; list items as ``indicators[3]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def read_text(path: Path, display: str | None = None) -> str:
    """The file's text, decoded as UTF-8 (a BOM is accepted); TnplanError on anything else."""
    name = display or str(path)

    def fail(code: str, message: str, line: int = 1, column: int = 1) -> TnplanError:
        return TnplanError([Diagnostic(name, line, column, Severity.ERROR, code, message)])

    try:
        if path.is_dir():
            raise fail("is-directory", "is a directory, not a YAML file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(
                "file-too-large",
                f"file is {size:,} bytes; tnplan reads at most {MAX_BYTES:,} bytes",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("file-not-found", "no such file") from None
    except PermissionError:
        raise fail("file-unreadable", "permission denied") from None
    except OSError as exc:
        raise fail("file-unreadable", exc.strerror or str(exc)) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("not-utf8", "file is UTF-16; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = (
                "; it reads as GBK/GB18030 (as saved by many Windows tools): convert it with "
                "`iconv -f GB18030 -t UTF-8 FILE > NEW` or save it as UTF-8"
            )
        except UnicodeDecodeError:
            pass
        raise fail(
            "not-utf8", f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}){hint}", line, column
        ) from None


def load_yaml(path: Path, display: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read and parse a YAML file: the document and its non-fatal diagnostics."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, file: str) -> tuple[Document, list[Diagnostic]]:
    """Parse YAML text into a Document; fatal problems raise TnplanError."""
    _check_depth(text, file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise TnplanError([_syntax_diagnostic(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", 0)
        line, column = _line_col(text, position)
        char = getattr(exc, "character", "")
        code_point = f" U+{ord(char):04X}" if isinstance(char, str) and char else ""
        raise TnplanError(
            [
                Diagnostic(
                    file,
                    line,
                    column,
                    Severity.ERROR,
                    "yaml-syntax",
                    f"character{code_point} is not allowed in YAML",
                )
            ]
        ) from None
    if node is None:
        raise TnplanError(
            [Diagnostic(file, 1, 1, Severity.ERROR, "empty-file", "file holds no YAML document")]
        )
    builder = _Builder(file)
    data = builder.build(node, ())
    if builder.fatal:
        raise TnplanError(builder.diagnostics)
    doc = Document(file, data, builder.values, builder.keys, builder.quirks)
    return doc, builder.diagnostics


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _check_depth(text: str, file: str) -> None:
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    indent_depth = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    if deepest > MAX_DEPTH or indent_depth > MAX_DEPTH * 8:
        raise TnplanError(
            [
                Diagnostic(
                    file,
                    1,
                    1,
                    Severity.ERROR,
                    "too-deep",
                    f"nesting is deeper than tnplan accepts ({MAX_DEPTH} levels)",
                )
            ]
        )


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    # The context mark, where there is one, is the start of what was being read (the key,
    # the unclosed bracket); the problem mark is where the parser gave up, often a line later.
    mark = exc.context_mark or exc.problem_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = exc.problem or "invalid YAML"
    message = f"YAML does not parse: {problem}"
    if exc.context and exc.problem_mark and exc.context_mark:
        where = f"line {exc.problem_mark.line + 1} column {exc.problem_mark.column + 1}"
        message = f"YAML does not parse: {exc.context}, {problem} at {where}"
    lines = text.splitlines()
    for candidate in {line, line - 1}:
        if 1 <= candidate <= len(lines):
            source_line = lines[candidate - 1]
            if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
                message += "; YAML does not allow tabs for indentation: use spaces"
                break
            if "：" in source_line and ":" not in source_line.split("#")[0]:
                message += (
                    f"; line {candidate} has a full-width colon '：' where YAML needs ':'"
                    " followed by a space"
                )
                break
    return Diagnostic(file, line, column, Severity.ERROR, "yaml-syntax", message)


class _Builder:
    """Walks composed nodes into plain Python data, recording positions and problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[PathT, tuple[int, int]] = {}
        self.keys: dict[PathT, tuple[int, int]] = {}
        self.quirks: dict[PathT, tuple[str, str]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.fatal = False
        self._seen: set[int] = set()

    def _add(
        self,
        pos: tuple[int, int],
        path: PathT,
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        fatal: bool = False,
    ) -> None:
        self.diagnostics.append(
            Diagnostic(self.file, pos[0], pos[1], severity, code, message, format_path(path))
        )
        self.fatal = self.fatal or fatal

    def build(self, node: yaml.Node, path: PathT) -> Any:
        pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            at = self.keys.get(path, pos)
            self._add(
                at,
                path,
                "yaml-alias",
                f"value repeats the anchored value at line {pos[0]} through an alias;"
                " tnplan does not accept YAML aliases: write the value out",
                fatal=True,
            )
            return None
        self._seen.add(id(node))
        self.values[path] = pos
        tag = node.tag or ""
        if tag not in _PLAIN_TAGS:
            self._add(
                pos,
                path,
                "yaml-tag",
                f"tag {tag.removeprefix(_TAG)!r} is not allowed: tnplan reads plain data only"
                " (no objects, no binary, no sets)",
                fatal=True,
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path, pos)

    def _mapping(self, node: yaml.MappingNode, path: PathT) -> dict[Key, Any]:
        out: dict[Key, Any] = {}
        first_line: dict[Key, int] = {}
        for key_node, value_node in node.value:
            kpos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == _TAG + "merge":
                self._add(
                    kpos,
                    path,
                    "yaml-merge-key",
                    "merge keys ('<<') are not accepted: write the keys out",
                    fatal=True,
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._add(kpos, path, "yaml-complex-key", "a key must be a plain name", fatal=True)
                continue
            key_tag = key_node.tag.removeprefix(_TAG)
            key: Any = key_node.value
            if key_tag in ("bool", "null", "float", "timestamp"):
                self._add(
                    kpos,
                    (*path, key),
                    "key-not-text",
                    f"key {key!r} is read as a {key_tag} by YAML 1.1, not as a name; quote it",
                )
            else:
                key = self._scalar(key_node, path, kpos, as_key=True)
            child = (*path, key)
            if key in out:
                self._add(
                    kpos,
                    child,
                    "duplicate-key",
                    f"key {key!r} appears again (first at line {first_line[key]});"
                    " YAML would silently keep only the last",
                )
                continue
            first_line[key] = kpos[0]
            self.keys[child] = kpos
            out[key] = self.build(value_node, child)
        return out

    def _scalar(
        self, node: yaml.ScalarNode, path: PathT, pos: tuple[int, int], *, as_key: bool = False
    ) -> Any:
        tag = node.tag[len(_TAG) :]
        text = node.value
        plain = not node.style  # the C parser says '' where the Python one says None

        def quirk(code: str, message: str) -> None:
            if not as_key:
                self.quirks[path] = (code, text)
            self._add(pos, path, code, message)

        if tag == "str":
            if plain and not as_key and _YAML12_NUMBER.match(text):
                self.quirks[path] = ("number-as-text", text)
            return text
        if tag == "null":
            return None
        if tag == "bool":
            value = text.lower() in ("yes", "true", "on", "y")
            if text.lower() not in ("true", "false"):
                quirk(
                    "yaml11-boolean",
                    f"{text!r} is read as the boolean {str(value).lower()} by YAML 1.1;"
                    f" quote it ('{text}') if it is text",
                )
            return value
        if tag == "int":
            return self._int(text, quirk)
        if tag == "float":
            cleaned = text.replace("_", "").lower()
            if ":" in cleaned:
                quirk(
                    "yaml11-sexagesimal",
                    f"{text!r} is read as a base-60 number by YAML 1.1; quote it if it is text",
                )
                return _base60(cleaned, float)
            if cleaned.lstrip("+-") in (".inf", ".nan"):
                sign = -1.0 if cleaned.startswith("-") else 1.0
                return math.nan if "nan" in cleaned else sign * math.inf
            return float(cleaned)
        if tag == "timestamp":
            if not as_key:
                self.quirks[path] = ("date", text)
            return text
        self._add(
            pos, path, "yaml-tag", f"YAML type {tag!r} is not accepted in tnplan files", fatal=True
        )
        return None

    def _int(self, text: str, quirk: Any) -> int:
        cleaned = text.replace("_", "")
        sign = -1 if cleaned.startswith("-") else 1
        digits = cleaned.lstrip("+-")
        if ":" in digits:
            value = sign * int(_base60(digits, int))
            quirk(
                "yaml11-sexagesimal",
                f"{text!r} is read as the base-60 number {value} by YAML 1.1;"
                " quote it if it is text (a time, a ratio)",
            )
            return value
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if _OCTAL.match(cleaned) and digits != "0":
            value = sign * int(digits, 8)
            quirk(
                "yaml11-octal",
                f"{text!r} is read as the octal number {value} by YAML 1.1;"
                f" write {int(digits, 10) * sign} without the leading zero",
            )
            return value
        return sign * int(digits)


def _base60(text: str, kind: type[int] | type[float]) -> float:
    value: float = 0
    for part in text.split(":"):
        value = value * 60 + kind(part)
    return value


def pydantic_diagnostics(doc: Document, exc: Any, prefix: PathT = ()) -> list[Diagnostic]:
    """Turn a pydantic ValidationError into located diagnostics."""
    out: list[Diagnostic] = []
    for err in exc.errors(include_url=False):
        loc: PathT = (*prefix, *(part for part in err["loc"] if isinstance(part, str | int)))
        kind = err["type"]
        if kind == "extra_forbidden":
            out.append(doc.diagnostic(loc, "unknown-key", f"unknown key {loc[-1]!r}", key=True))
        elif kind == "missing":
            out.append(doc.diagnostic(loc[:-1], "missing-key", f"missing key {loc[-1]!r}"))
        else:
            message = str(err["msg"])
            out.append(doc.diagnostic(loc, "invalid-value", f"{format_path(loc)}: {message}"))
    return out
