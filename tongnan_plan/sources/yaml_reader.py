"""YAML in, plain data out, with the line and column of every key and value.

PyYAML is used only to parse (compose) the document; this module builds the Python
values itself so that it can refuse what PyYAML would silently accept: duplicate keys
(PyYAML keeps the last), aliases and merge keys, tags that construct objects, and the
YAML 1.1 readings that turn ``no`` into false, ``010`` into 8 and ``12:30`` into 750.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..model.catalogue import diagnostic, figure_text
from ..model.diagnostics import Diagnostic, TnplanError
from ..model.given import typed
from .directives import comment_directives
from .document import Document, Key, PathT, format_path, is_plain_number
from .files import FILE_PROBLEMS, MAX_BYTES, read_text
from .yaml_errors import (
    MAX_DEPTH,
    YAML11_BREAKS,
    EditorLines,
    character_diagnostic,
    mark_position,
    syntax_diagnostic,
    too_deep,
)

__all__ = [
    "FILE_PROBLEMS",
    "MAX_BYTES",
    "MAX_NUMBER_LENGTH",
    "Document",
    "Key",
    "format_path",
    "is_plain_number",
    "load_yaml",
    "parse_yaml",
    "read_text",
]

#: A number written with more characters than this is refused, not converted.
MAX_NUMBER_LENGTH = 100


try:  # PyYAML's C parser is about three times faster; fall back where it was not built.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = _TAG + "str", _TAG + "int", _TAG + "float"
_NUMBER_START = frozenset("+-.0123456789")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")


def load_yaml(
    path: Path, display: str | None = None, *, positions: bool = True
) -> tuple[Document, list[Diagnostic]]:
    """Read and parse a YAML file: the document and its non-fatal diagnostics."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name, positions=positions)


def parse_yaml(
    text: str, file: str, *, positions: bool = True
) -> tuple[Document, list[Diagnostic]]:
    """Parse YAML text into a Document; fatal problems raise TnplanError.

    With positions=False the document records where nothing stands (faster for a large file
    expected to be valid); it is parsed again, with positions, as soon as a problem turns up
    while reading it, and Document.located() does the same for problems found later.
    """
    # The collector finds nothing to free among the nodes being built but, run over and over
    # as they pile up, makes large files load in more than linear time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, file, positions)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, file: str, positions: bool) -> tuple[Document, list[Diagnostic]]:
    lines = EditorLines(text) if any(b in text for b in YAML11_BREAKS) else None
    at = mark_position if lines is None else lines.position
    loader = _Loader(text)
    builder = _Builder(file, loader, at, record=positions)
    try:
        data = builder.document()
    except _NeedPositions:
        return _parse(text, file, True)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):  # libyaml's own limit, of 1000
            line, column = at(exc.problem_mark)
            raise TnplanError([too_deep(file, line, column, "")]) from None
        raise TnplanError([syntax_diagnostic(exc, text, file, at)]) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        raise TnplanError([character_diagnostic(exc, text, file)]) from None
    finally:
        loader.dispose()
    if builder.diagnostics and not positions:
        return _parse(text, file, True)
    if builder.fatal:
        raise TnplanError(builder.diagnostics)
    document = Document(file, data, builder.values, builder.keys, builder.quirks)
    if not positions:  # found again only if a problem needs one
        document.text, document.relocate = text, parse_yaml
    document.suppressions = comment_directives(text)
    return document, builder.diagnostics


class _Builder:
    """Reads the parser's events into plain Python data, noting problems as it goes.

    Working on events rather than a composed node tree is about twice as fast for a large
    file, and an alias is reported where it is written.
    """

    def __init__(
        self,
        file: str,
        loader: yaml.CSafeLoader | yaml.SafeLoader,
        at: Callable[[Any], tuple[int, int]] = mark_position,
        *,
        record: bool = True,
    ) -> None:
        self.file = file
        self.loader = loader
        #: The 1-based line and column of a mark (see EditorLines).
        self.at = at
        #: Whether to note where every key and value stands (see parse_yaml's positions).
        self.record = record
        self.resolvers = loader.yaml_implicit_resolvers
        # Typed loosely: PyYAML's stubs say an event may be None and lack its subclasses' fields.
        self.next_event: Any = loader.get_event
        self.values: dict[PathT, tuple[int, int]] = {}
        self.keys: dict[PathT, tuple[int, int]] = {}
        self.quirks: dict[PathT, tuple[str, str]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.fatal = False

    def _add(
        self, event: Any, path: PathT, code: str, /, fatal: bool = False, **params: Any
    ) -> None:
        line, column = self.at(event.start_mark)
        where = format_path(path)
        self.diagnostics.append(
            diagnostic(code, self.file, line, column, data_path=where, **params)
        )
        self.fatal = self.fatal or fatal

    def document(self) -> Any:
        """The single document of the stream; empty-file and several-documents are errors."""
        self.next_event()  # StreamStartEvent
        first = self.next_event()
        if isinstance(first, yaml.StreamEndEvent):
            raise TnplanError([diagnostic("empty-file", self.file, 1, 1)])
        data = self.node(())
        self.next_event()  # DocumentEndEvent
        extra = self.next_event()
        if not isinstance(extra, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                first.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return data

    def _skip(self) -> None:
        """Consume the rest of a collection whose start event was read."""
        depth = 1
        while depth:
            event = self.next_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1

    def node(self, path: PathT) -> Any:
        event = self.next_event()
        if self.record:
            self.values[path] = self.at(event.start_mark)
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            text = event.value
            tag = event.tag
            # The common cases first: a large file is mostly plain names and numbers.
            if tag is None and event.implicit[0]:
                if text and (text[0] not in self.resolvers or text in _PLAIN_TEXT):
                    return text  # a plain name: no resolver claims it (see _PLAIN_TEXT)
                tag = _resolve(self.loader, text, event.implicit)
                if tag == _STR:
                    return self._text(event, path, text)
                if len(text) <= MAX_NUMBER_LENGTH:
                    if tag == _FLOAT and "_" not in text and ":" not in text:
                        if text[-1] in _DIGITS and math.isfinite(number := float(text)):
                            return number if text[-1] != "0" else typed(text, number)
                    elif tag == _INT and text.isdigit() and (text[0] != "0" or text == "0"):
                        return int(text)
            elif tag is None or tag == "!":
                return text  # quoted or block text
            return self._scalar(event, tag, path)
        if kind is yaml.AliasEvent:
            self._alias(event, path)
            return None
        return self._collection(event, path, kind)

    def _alias(self, event: Any, path: PathT) -> None:
        self._add(event, path, "yaml-alias", fatal=True, anchor=event.anchor)

    def _collection(self, event: Any, path: PathT, kind: type) -> Any:
        """A mapping or a sequence whose start event was read; None if its tag is refused."""
        if len(path) >= MAX_DEPTH:
            line, column = self.at(event.start_mark)
            # Stop here: reading on would let the parser's own stacks grow with the nesting.
            raise TnplanError([*self.diagnostics, too_deep(self.file, line, column, path)])
        if kind is yaml.MappingStartEvent:
            expected = _TAG + "map"
        else:
            expected = _TAG + "seq"
        if event.tag not in (None, "!", expected):
            self._add(event, path, "yaml-tag", fatal=True, tag=event.tag.removeprefix(_TAG))
            self._skip()
            return None
        if kind is yaml.MappingStartEvent:
            return self._mapping(path)
        out: list[Any] = []
        while self.loader.check_event(yaml.SequenceEndEvent) is False:
            out.append(self.node((*path, len(out))))
        self.next_event()
        return out

    def _mapping(self, path: PathT) -> dict[Key, Any]:
        out: dict[Key, Any] = {}
        lines: dict[Key, int] = {}
        while True:
            event = self.next_event()
            kind = event.__class__
            if kind is yaml.MappingEndEvent:
                return out
            if kind is yaml.ScalarEvent and event.tag is None:
                key: Any = event.value
                # A plain name (no resolver claims its first character) or a quoted key is
                # a string as it stands; anything else is looked at closely.
                plain = event.implicit[0] and (not key or key[0] in self.resolvers)
                if plain and key not in _PLAIN_TEXT:
                    key = self._key(event, path)
            elif kind is yaml.ScalarEvent:
                key = self._key(event, path)
            else:
                self._add(event, path, "yaml-complex-key", fatal=True)
                if isinstance(event, yaml.CollectionStartEvent):
                    self._skip()
                key = _SKIP
            child = (*path, key)
            if key is _SKIP:
                self._skip_node()
                continue
            if key in out or key in lines:
                if not self.record:
                    raise _NeedPositions
                self._add(event, child, "duplicate-key", key=key, first=lines[key])
                self._skip_node()
                continue
            if self.record:
                self.keys[child] = position = self.at(event.start_mark)
                lines[key] = position[0]
            out[key] = self.node(child)

    def _text(self, event: Any, path: PathT, text: str) -> str | None:
        """A plain scalar YAML 1.1 reads as text; one that YAML 1.2 reads as a number is noted."""
        if text[:1] in _NUMBER_START and is_plain_number(text):
            if len(text) > MAX_NUMBER_LENGTH:
                self._number_too_long(event, path, text)
                return None
            self.quirks[path] = ("number-as-text", text)
        return text

    def _number_too_long(self, event: Any, path: PathT, text: str) -> None:
        length = f"{len(text):,}"
        self._add(
            event,
            path,
            "not-a-number",
            fatal=True,
            form="too-long",
            length=length,
            limit=MAX_NUMBER_LENGTH,
        )

    def _skip_node(self) -> None:
        event = self.next_event()
        if isinstance(event, yaml.CollectionStartEvent):
            self._skip()

    def _key(self, event: Any, path: PathT) -> Any:
        """A key: a plain name, a year (an int), or refused (merge keys, booleans, nulls)."""
        tag = event.tag
        if tag is None:
            tag = _resolve(self.loader, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _TAG + "merge":
            self._add(event, path, "yaml-merge-key", fatal=True)
            return _SKIP
        key_tag = tag.removeprefix(_TAG)
        if key_tag in ("bool", "null", "float", "timestamp"):
            self._add(event, (*path, event.value), "key-not-text", key=event.value, kind=key_tag)
            return event.value
        return self._scalar(event, tag, path, as_key=True)

    def _scalar(self, event: Any, full_tag: str, path: PathT, *, as_key: bool = False) -> Any:
        tag = full_tag.removeprefix(_TAG)
        text = event.value
        plain = event.implicit[0] and event.tag is None

        def quirk(code: str, /, **params: Any) -> None:
            if not as_key:
                self.quirks[path] = (code, text)
            self._add(event, path, code, text=text, **params)

        if tag == "str":
            return self._text(event, path, text) if plain and not as_key else text
        if tag in ("int", "float") and len(text) > MAX_NUMBER_LENGTH:
            self._number_too_long(event, path, text)
            return None
        if tag == "null":
            return None
        if tag == "bool":
            return _bool(text, quirk)
        if tag == "int":
            try:
                return self._int(text, quirk)
            except ValueError:
                quirk("not-a-number", form="tagged-int")
                return None
        if tag == "float":
            return self._float(text, path, quirk, as_key=as_key)
        if tag == "timestamp":
            if not as_key:
                self.quirks[path] = ("date", text)
            return text
        self._add(event, path, "yaml-tag", fatal=True, tag=tag)
        return None

    def _float(self, text: str, path: PathT, quirk: Any, *, as_key: bool) -> Any:
        cleaned = text.replace("_", "").lower()
        try:
            if ":" in cleaned:
                value = _base60(cleaned, float)
                quirk("yaml11-sexagesimal", value=figure_text(value))
                return value
            if cleaned.lstrip("+-") in (".inf", ".nan"):
                sign = -1.0 if cleaned.startswith("-") else 1.0
                return math.nan if "nan" in cleaned else sign * math.inf
            number = float(cleaned)
            if not math.isfinite(number) and not as_key:
                # Beyond the range of a float: handed on as text, for the check to say so.
                self.quirks[path] = ("number-as-text", text)
                return text
            return number if as_key else typed(cleaned, number)
        except ValueError:
            quirk("not-a-number", form="tagged-float")
            return None

    def _int(self, text: str, quirk: Any) -> int:
        cleaned = text.replace("_", "")
        sign = -1 if cleaned.startswith("-") else 1
        digits = cleaned.lstrip("+-")
        if ":" in digits:
            value = sign * int(_base60(digits, int))
            quirk("yaml11-sexagesimal", value=value)
            return value
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if _OCTAL.fullmatch(cleaned) and digits != "0":
            value = sign * int(digits, 8)
            quirk("yaml11-octal", value=value, decimal=int(digits, 10) * sign)
            return value
        return sign * int(digits)


#: Implicit tags of plain scalars already resolved, by text: keys and codes repeat a lot.
_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}
#: Plain scalars a resolver claims by their first character (name, note, text, …) that it
#: found to be text, not starting like a number: a key or a value as it stands. Keys repeat
#: in every entry of a plan, and a tag depends on a plain scalar's text alone.
_PLAIN_TEXT: set[str] = set()


_PLAIN_INT = re.compile(r"[1-9][0-9]*|0")
_PLAIN_FLOAT = re.compile(r"[0-9]+\.[0-9]+")


def _resolve(loader: Any, text: str, implicit: tuple[bool, bool]) -> str:
    """The tag YAML 1.1 (PyYAML's resolver) gives a plain scalar.

    Plain names (whose first character no implicit resolver claims) and plain decimals are
    answered at once, as PyYAML would answer them; the rest goes to PyYAML's resolver.
    """
    if text and text[0] not in loader.yaml_implicit_resolvers:
        return _STR
    if _PLAIN_INT.fullmatch(text):
        return _INT
    if _PLAIN_FLOAT.fullmatch(text):
        return _FLOAT
    cached = _RESOLVED.get((text, implicit))
    if cached is None:
        cached = loader.resolve(yaml.ScalarNode, text, implicit)
        if len(_RESOLVED) < 50_000 and len(text) <= MAX_NUMBER_LENGTH:
            _RESOLVED[(text, implicit)] = cached
            if cached == _STR and implicit[0] and text[:1] not in _NUMBER_START:
                _PLAIN_TEXT.add(text)
    return cached


_SKIP = object()


class _NeedPositions(Exception):
    """Raised by a builder that does not record positions when a diagnostic needs one."""


_DIGITS = frozenset("0123456789")


def _bool(text: str, quirk: Any) -> bool:
    """A YAML 1.1 boolean; any spelling but true/false is said to be one."""
    value = text.lower() in ("yes", "true", "on", "y")
    if text.lower() not in ("true", "false"):
        quirk("yaml11-boolean", value=str(value).lower())
    return value


def _base60(text: str, kind: type[int] | type[float]) -> float:
    value: float = 0
    for part in text.split(":"):
        value = value * 60 + kind(part)
    return value
