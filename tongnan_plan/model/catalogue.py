"""Every diagnostic code tnplan emits, once: its severity, its messages in English and Chinese,
and a line of documentation (the README's table of codes is made from it). The only place a
Diagnostic is built: everything else asks diagnostic() for one (tests/test_catalogue.py holds
this, reading the package's source).

The entries are data in reading_problems.py, plan_problems.py and figure_problems.py; a code
with several cases has named forms, each its own wording. The words a message is filled in
with (a hint, what a value was read as) are the named phrases of phrases.py.

A message is a ``str.format`` template; its parameters are plain values, or :class:`Words`
where the wording differs by language (a phrase is one). Run
``python -m tongnan_plan.model.catalogue`` to print the README's table.
"""

from __future__ import annotations

from collections.abc import Mapping

from .diagnostics import Diagnostic
from .figure_problems import CHOICE_PROBLEMS, PLAN_PROBLEMS, SUBMISSION_PROBLEMS
from .phrases import PHRASES
from .plan_problems import PLAN_FILE_PROBLEMS
from .problem import Problem, Words
from .reading_problems import DOCUMENT_PROBLEMS, READING_PROBLEMS
from .wording import figure_text, ratio_text, shorten

__all__ = [
    "CATALOGUE",
    "NO_WORDS",
    "PHRASES",
    "PROBLEMS",
    "Problem",
    "Words",
    "diagnostic",
    "figure_text",
    "markdown_table",
    "phrase",
    "ratio_text",
    "render",
    "shorten",
]


#: Every code, in the order of the README's table.
PROBLEMS = (
    *READING_PROBLEMS,
    *PLAN_PROBLEMS,
    *PLAN_FILE_PROBLEMS,
    *SUBMISSION_PROBLEMS,
    *DOCUMENT_PROBLEMS,
    *CHOICE_PROBLEMS,
)

#: A parameter that adds nothing, in either language.
NO_WORDS = Words("", "")

#: Every code, by name.
CATALOGUE: Mapping[str, Problem] = {p.code: p for p in PROBLEMS}


def _fill(template: Words, params: Mapping[str, object]) -> Words:
    en = {k: v.en if isinstance(v, Words) else v for k, v in params.items()}
    zh = {k: v.zh if isinstance(v, Words) else v for k, v in params.items()}
    return Words(template.en.format_map(en), template.zh.format_map(zh))


def render(code: str, params: Mapping[str, object], form: str = "") -> Words:
    """The message of code (in its form, if named) with its parameters filled in, in English
    and in Chinese."""
    return _fill(CATALOGUE[code].wording(form), params)


def phrase(name: str, /, **params: object) -> Words:
    """A part of a message (a hint added to another), from the catalogue's phrases."""
    return _fill(PHRASES[name], params)


#: Keywords of diagnostic() that are not a message's parameters.
RESERVED = frozenset({"form", "data_path", "cell"})


def diagnostic(
    code: str,
    file: str,
    line: int,
    column: int,
    /,
    *,
    form: str = "",
    data_path: str = "",
    cell: str = "",
    **params: object,
) -> Diagnostic:
    """A diagnostic of code at file:line:column (at the data path and the workbook's cell, if
    given), its message made from the catalogue: its main wording, or the form named."""
    message = render(code, params, form)
    severity = CATALOGUE[code].severity
    return Diagnostic(file, line, column, severity, code, message.en, data_path, message.zh, cell)


def markdown_table() -> str:
    """The README's table of codes: one row a code, in the catalogue's order."""
    rows = ["| code | severity | what it means |", "| --- | --- | --- |"]
    rows += [f"| `{p.code}` | {p.severity} | {p.doc} |" for p in PROBLEMS]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - a tool for the README
    print(markdown_table(), end="")
