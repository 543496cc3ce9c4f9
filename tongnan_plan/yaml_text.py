"""YAML scalars written by hand, for the files tnplan writes (drafts of plan files).

Strings are always double-quoted, so that no text becomes YAML 1.1's true, null or octal, and
no line separator ends a line where an editor shows none. Every character YAML cannot hold
as it is (DEL, C1 controls, U+FFFE, lone surrogates), and every one that would act on a
terminal or reorder what it shows (ESC, bidirectional controls), is written as an escape: a
draft printed with ``-o -`` moves no cursor, and a draft always loads back.
"""

from __future__ import annotations

import json
import re

__all__ = ["draft_problem", "yaml_block_line", "yaml_comment", "yaml_number", "yaml_string"]

#: What a double-quoted scalar must escape beyond JSON's own escapes (C0 controls, " and \):
#: characters outside YAML's printable set, line separators, and bidirectional controls.
_ESCAPED = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
#: The same and the C0 controls, for text that cannot escape (comments, block scalars).
_UNSHOWN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufffe\uffff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xD800 <= code < 0xE000:  # a lone surrogate: no YAML reader takes even its escape
        return "\\ufffd"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's; the rest escaped as \\x, \\u)."""
    quoted = json.dumps(text.replace("\t", " "), ensure_ascii=False)
    return _ESCAPED.sub(_escape, quoted)


def yaml_comment(text: str) -> str:
    """Text for a ``#`` comment: one line, whatever it held (a file name with a line break in
    it never starts a line of YAML), its controls shown as escapes."""
    return _UNSHOWN.sub(_escape, re.sub(r"[\r\n]+", " ", text))


def yaml_block_line(text: str) -> str:
    """One line of a literal block scalar (``note: |-``), which cannot escape: its controls
    are shown as escapes (``\\x1b``), so that the block loads and prints as text."""
    return _UNSHOWN.sub(_escape, re.sub(r"[\t\r\n]+", " ", text)).strip()


def yaml_number(value: float | None) -> str:
    """A number as YAML reads it back exactly (a whole number without ``.0``, a figure typed
    with its zeros as typed: 0.140, see model/given.py); null for None."""
    if value is None:
        return "null"
    written = getattr(value, "written", None)  # a model.given.Given (this layer is below it)
    if isinstance(written, str):
        return written
    return str(int(value)) if float(value).is_integer() else repr(value)


def draft_problem(text: str) -> str | None:
    """Why a draft tnplan wrote would not load as YAML (None when it loads): checked before
    the draft is written, so that no command says it wrote a draft that cannot be read."""
    import yaml

    try:
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        return " ".join(str(exc).split())
    return None
