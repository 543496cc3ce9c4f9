"""The catalogue of diagnostic codes: every code once, both languages, and the README's table."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from tongnan_plan.model.catalogue import (
    CATALOGUE,
    PROBLEMS,
    Words,
    diagnostic,
    figure_text,
    markdown_table,
    render,
)
from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import check_files

from .conftest import FIXTURES

ROOT = Path(__file__).parents[1]
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
#: Strings of the code's shape that are not diagnostic codes: quirk names and codec names.
NOT_CODES = {
    "number-as-text",
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "utf-32-be",
    "warn-only",  # a key of the config file (sources/config.py), as --warn-only names it
    "init-plan",  # a command's name
    # why extract's reading of a table's header gave up (extract/headers.py), not codes
    "no-name",
    "name-late",
    "no-figure",
    "no-rows",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_is_listed_once() -> None:
    codes = [p.code for p in PROBLEMS]
    assert len(codes) == len(set(codes)) == len(CATALOGUE)
    # kebab-case; one word is a code too (`unreviewed`, as issue 14 names it)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code) for code in codes)


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.code)
def test_both_languages_say_the_same_facts(problem) -> None:  # type: ignore[no-untyped-def]
    assert _fields(problem.en) == _fields(problem.zh), problem.code
    params = {name: Words(f"<{name}>", f"《{name}》") for name in _fields(problem.en)}
    # !r conversions need text, not Words: give plain text where a template quotes.
    params.update({name: name for name in re.findall(r"\{(\w+)!r\}", problem.en)})
    en, zh = render(problem.code, params)
    assert en != zh
    for name in _fields(problem.en):
        assert name in en and name in zh
    assert problem.doc and "{" not in problem.doc  # also pydantic's message: no placeholders


def test_the_readme_table_is_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("| code | severity | what it means |")
    end = readme.index("\n\n", start) + 1
    table = readme[start:end]
    rows = [line for line in table.splitlines()[2:]]
    in_readme = {re.match(r"\| `([^`]+)` \| (\w+) \|", row).group(1) for row in rows}  # type: ignore[union-attr]
    assert in_readme == set(CATALOGUE)  # no code missing, none extra
    assert table == markdown_table()  # and each row says what the catalogue says


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_code_the_checks_can_emit_is_catalogued() -> None:
    package = ROOT / "tongnan_plan"
    modules = [
        *sorted(p for p in (package / "model").glob("*.py") if p.name != "status.py"),
        *sorted((package / "sources").glob("*.py")),
        *sorted((package / "validate").glob("*.py")),
        *sorted((package / "cli").glob("*.py")),
        *sorted((package / "extract").glob("*.py")),
    ]
    found = set()
    for module in modules:
        found |= {s for s in _string_constants(module) if CODE.fullmatch(s)}
    assert found - NOT_CODES - set(CATALOGUE) == set()


@pytest.mark.parametrize(
    "path",
    [*sorted((FIXTURES / "invalid").glob("*.yaml")), FIXTURES / "csv" / "2023.csv"],
    ids=lambda p: p.name,
)
def test_diagnostics_have_their_catalogued_severity(path: Path, plan: Plan) -> None:
    for d in check_files([path], plan).diagnostics:
        assert d.severity is CATALOGUE[d.code].severity, d.code


def test_a_diagnostic_from_the_catalogue() -> None:
    d = diagnostic("year-outside-plan", "2026.yaml", 1, 7, year=2026, first=2021, last=2025)
    assert (d.severity, d.line, d.column) == (Severity.ERROR, 1, 7)
    assert d.message == "year 2026 is outside the plan period 2021-2025"
    assert d.message_zh == "2026 年不在规划期 2021-2025 年之内"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (962.0, "962"),
        (0.82, "0.82"),
        (100.0000001, "100.0000001"),
        (1e15, "1e+15"),
        (-3.5, "-3.5"),
        (5e-324, "5e-324"),  # the smallest float: "4.94066e-324" reads back as it, but is longer
    ],
)
def test_figures_are_written_briefly_but_exactly(value: float, text: str) -> None:
    assert figure_text(value) == text
