"""A diagnostic code's record: its severity, its messages and its documentation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from msgspec import Struct, field

from .diagnostics import Severity

__all__ = ["INFO", "E", "Problem", "W", "Words"]


class Words(NamedTuple):
    """A parameter of a message that reads differently in each language."""

    en: str
    zh: str


class Problem(Struct, frozen=True):
    """One diagnostic code."""

    code: str
    severity: Severity
    en: str
    zh: str
    #: One line for the README (also pydantic's message where a model raises the code).
    doc: str
    #: Located at a key rather than at its value.
    at_key: bool = False
    #: The file could not be used at all: `check` exits 2, as for a usage error.
    usage: bool = False
    #: An error that is a judgement rather than a fact (a figure that looks wrong): it may be
    #: ignored or made a warning, and the figure is then used.
    judgement: bool = False
    #: Other wordings of the code, by name, each for a case the main message does not fit (a
    #: CSV's column rather than a YAML key).
    forms: Mapping[str, Words] = field(default_factory=dict)

    def wording(self, form: str = "") -> Words:
        """The message template: the main one, or the form named (KeyError if none is)."""
        return self.forms[form] if form else Words(self.en, self.zh)

    @property
    def silenceable(self) -> bool:
        """Whether --ignore, --warn-only and directives may take it: warnings, notes and the
        errors that are judgements. An error that leaves a figure out cannot be silenced:
        the figure would be missing without a word."""
        return self.severity is not Severity.ERROR or self.judgement


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
