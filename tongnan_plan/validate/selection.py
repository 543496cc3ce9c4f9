"""Choosing what fails: codes to ignore, errors that only warn, and a file's own directives.

A :class:`Selection` comes from ``--ignore`` and ``--warn-only`` and from a config file
(sources/config.py); a submission silences codes on one of its lines itself with
``# tnplan: ignore[CODE]`` (sources/directives.py). An ignored diagnostic is not reported and
does not count; a warned one is reported as a warning. Either way a figure that only a rule
across years would leave out (a unit slip) is then kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from msgspec.structs import replace

from ..model.catalogue import CATALOGUE, phrase, shorten
from ..model.diagnostics import Diagnostic, Severity
from ..sources.yaml_reader import Document
from .explain import emit_at

__all__ = ["Selection", "code_problems", "directive_problems", "nearest_in"]


class Selection(NamedTuple):
    """Which codes are not reported (ignore) and which errors are reported as warnings."""

    ignore: frozenset[str] = frozenset()
    warn_only: frozenset[str] = frozenset()

    def joined(self, other: Selection) -> Selection:
        """Both selections' codes."""
        return Selection(self.ignore | other.ignore, self.warn_only | other.warn_only)

    def chosen(self, diagnostic: Diagnostic, doc: Document | None) -> Diagnostic | None:
        """The diagnostic as reported: None when ignored, a warning when it only warns."""
        if diagnostic.code in self.ignore or _silenced(diagnostic, doc):
            return None
        if diagnostic.code in self.warn_only and diagnostic.severity is Severity.ERROR:
            return replace(diagnostic, severity=Severity.WARNING)
        return diagnostic

    def still_an_error(self, diagnostic: Diagnostic, doc: Document | None) -> bool:
        """True when the diagnostic is reported as an error after this selection."""
        chosen = self.chosen(diagnostic, doc)
        return chosen is not None and chosen.severity is Severity.ERROR

    def apply(self, diagnostics: Iterable[Diagnostic], doc: Document | None) -> list[Diagnostic]:
        """The diagnostics as reported, in their order."""
        return [d for d in (self.chosen(d, doc) for d in diagnostics) if d is not None]


def _silenced(diagnostic: Diagnostic, doc: Document | None) -> bool:
    """A directive of the document names the code on the diagnostic's line, or on the line
    of the key of the indicator it concerns (a figure given as a mapping spans lines)."""
    if doc is None or not doc.suppressions:
        return False
    lines = {diagnostic.line}
    parts = diagnostic.path.split(".")
    if len(parts) >= 2 and parts[0] == "values":
        key = doc.keys.get(("values", parts[1]))
        if key is not None:
            lines.add(key[0])
    return any(diagnostic.code in doc.suppressions.get(line, ((), 0))[0] for line in lines)


def nearest_in(text: str, choices: Iterable[str]) -> str | None:
    """The choice text most likely means, if any is close."""
    import difflib

    found = difflib.get_close_matches(text, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


class CodeProblem(NamedTuple):
    """A code that cannot be chosen: the diagnostic's code and facts, and the code given."""

    code: str
    facts: dict[str, Any]
    given: str


#: How many unknown codes are named in the one problem that reports them all.
_NAMED = 3


def code_problems(codes: Iterable[str]) -> list[CodeProblem]:
    """The codes that cannot be chosen, as the diagnostics that say so, in linear time.

    Codes tnplan does not know are one ``unknown-code``, at the first of them, with the code
    most likely meant and a count of the others (a config of 200,000 of them is one problem,
    not 200,000); an error whose figure cannot be used is ``cannot-ignore``, once a code.
    """
    out: list[CodeProblem] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            continue
        seen.add(code)
        problem = CATALOGUE.get(code)
        if problem is None:
            unknown.append(code)
        elif not problem.silenceable:
            out.append(CodeProblem("cannot-ignore", {"code": code}, code))
    if unknown:
        out.insert(0, _unknown(unknown))
    return out


def _unknown(unknown: Sequence[str]) -> CodeProblem:
    """One problem for every unknown code: the first, the one it likely means, the rest."""
    first = unknown[0]
    near = nearest_in(first, CATALOGUE)
    hint = phrase("hint.did-you-mean", near=near) if near else phrase("hint.catalogue-lists")
    rest = len(unknown) - 1
    if rest:
        named = ", ".join(repr(shorten(code, 40)) for code in unknown[1 : 1 + _NAMED])
        more = ", …" if rest > _NAMED else ""
        rested = "hint.more-unknown-codes" if rest > 1 else "hint.another-unknown-code"
        hint = phrase(rested, hint=hint, rest=f"{rest:,}", named=named, more=more)
    return CodeProblem("unknown-code", {"code": shorten(first), "hint": hint}, first)


def directive_problems(doc: Document) -> Sequence[Diagnostic]:
    """The codes the document's directives name that cannot be chosen, each problem at the
    first directive that names its code (all unknown codes one problem, with a count)."""
    where: dict[str, tuple[int, int]] = {}
    for line, (codes, column) in sorted(doc.suppressions.items()):
        for code in codes:
            where.setdefault(code, (line, column))
    return [emit_at(doc, *where[p.given], p.code, **p.facts) for p in code_problems(where)]
