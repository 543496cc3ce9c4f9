"""YAML scalars written by hand, for the files tnplan writes (drafts of plan files).

Strings are always double-quoted, so that no text becomes YAML 1.1's true, null or octal, and
no line separator ends a line where an editor shows none.
"""

from __future__ import annotations

import json

__all__ = ["yaml_number", "yaml_string"]


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's; line separators escaped too)."""
    quoted = json.dumps(text.replace("\t", " "), ensure_ascii=False)
    return quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def yaml_number(value: float | None) -> str:
    """A number as YAML reads it back exactly (a whole number without ``.0``); null for None."""
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else repr(value)
