"""The catalogue of diagnostic codes: every code once, both languages, and the README's table."""

from __future__ import annotations

import ast
import re
import string
from itertools import pairwise
from pathlib import Path

import pytest

from tongnan_plan.model.catalogue import (
    CATALOGUE,
    PHRASES,
    PROBLEMS,
    RESERVED,
    Words,
    diagnostic,
    figure_text,
    markdown_table,
    phrase,
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


#: The names of the codes' other wordings (code-shaped too).
FORMS = {name for p in PROBLEMS for name in p.forms}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_is_listed_once() -> None:
    codes = [p.code for p in PROBLEMS]
    assert len(codes) == len(set(codes)) == len(CATALOGUE)
    # kebab-case; one word is a code too (`unreviewed`, as issue 14 names it)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code) for code in codes)


#: Every wording of the catalogue: each code's main one and its forms, and the phrases.
WORDINGS = [
    *((p.code, "", p.en) for p in PROBLEMS),
    *((p.code, name, words.en) for p in PROBLEMS for name, words in p.forms.items()),
    *(("", name, words.en) for name, words in PHRASES.items()),
]


def _filled(code: str, form: str, params: dict[str, object]) -> Words:
    return render(code, params, form) if code else phrase(form, **params)


@pytest.mark.parametrize(("code", "form", "en"), WORDINGS, ids=lambda w: w or "-")
def test_both_languages_say_the_same_facts(code: str, form: str, en: str) -> None:
    template = CATALOGUE[code].wording(form) if code else PHRASES[form]
    assert _fields(template.en) == _fields(template.zh), (code, form)
    assert not _fields(template.en) & RESERVED  # diagnostic() takes these as its own
    params: dict[str, object] = {n: Words(f"<{n}>", f"《{n}》") for n in _fields(template.en)}
    # !r conversions need text, not Words: give plain text where a template quotes.
    params.update({name: name for name in re.findall(r"\{(\w+)!r\}", template.en)})
    filled = _filled(code, form, params)
    assert filled.en != filled.zh
    for name in _fields(template.en):
        assert name in filled.en and name in filled.zh
    if code:
        assert CATALOGUE[code].doc and "{" not in CATALOGUE[code].doc  # pydantic's message too


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
    assert found - NOT_CODES - set(CATALOGUE) - FORMS - set(PHRASES) == set()


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


# ---- every message from the catalogue, read from the package's source

PACKAGE = ROOT / "tongnan_plan"
#: The one module that builds a Diagnostic: everything else asks diagnostic() for one.
BUILDER = PACKAGE / "model" / "catalogue.py"
#: The catalogue's data: its codes (and their words) are written there, not emitted.
ENTRIES = {
    PACKAGE / "model" / f"{name}.py"
    for name in ("reading_problems", "figure_problems", "plan_problems")
}
#: The calls that emit a code of the catalogue, and which positional argument is the code.
EMITTERS = {"diagnostic": 0, "emit": 2, "emit_at": 3, "at": 2, "_add": 2, "_problem": 1, "quirk": 0}


def _name(call: ast.Call) -> str:
    func = call.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(source: str) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]


def _built_by_hand(source: str) -> list[int]:
    """The lines that construct a Diagnostic, or set a message, instead of asking the catalogue."""
    return [
        call.lineno
        for call in _calls(source)
        if _name(call) == "Diagnostic"
        or any(k.arg in ("message", "message_zh") for k in call.keywords)
    ]


def _emitted(source: str) -> list[tuple[int, str, str]]:
    """Each code (and form) a literal names in a call that emits one: line, code, form."""
    found = []
    for call in _calls(source):
        name = _name(call)
        if name not in EMITTERS:
            continue
        # _problem is the workbook reader's (row, column, code) as well as files' (file, code)
        args = [_text(a) for a in call.args]
        code = next((a for a in args[EMITTERS[name] :] if a is not None), None)
        if code is None:
            continue
        form = next((_text(k.value) for k in call.keywords if k.arg == "form"), None)
        found.append((call.lineno, code, form or ""))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_diagnostic_is_built_outside_the_catalogue() -> None:
    by_hand = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _modules()
        if path != BUILDER
        for line in _built_by_hand(path.read_text(encoding="utf-8"))
    ]
    assert by_hand == []


def test_a_message_written_at_a_call_site_is_found() -> None:
    planted = 'd = Diagnostic(f, 1, 1, Severity.ERROR, "csv-syntax", "a quote never closed")\n'
    assert _built_by_hand(planted) == [1]
    assert _built_by_hand("d = replace(d, message_zh='引号没有闭合')\n") == [1]
    assert _built_by_hand('d = diagnostic("csv-syntax", f, 1, 1)\n') == []


def test_every_code_and_form_emitted_is_catalogued() -> None:
    seen: set[str] = set()
    unknown = []
    for path in _modules():
        for line, code, form in _emitted(path.read_text(encoding="utf-8")):
            seen.add(code)
            forms = set(CATALOGUE[code].forms) if code in CATALOGUE else set()
            if code not in CATALOGUE or (form and form not in forms):
                unknown.append(f"{path.relative_to(ROOT)}:{line}: {code} {form}".rstrip())
    assert unknown == []
    assert len(seen) > 40  # the emitters are found: the test reads what the package calls


def test_an_uncatalogued_code_or_form_is_found() -> None:
    assert _emitted('x = diagnostic("no-such-code", f, 1, 1)\n') == [(1, "no-such-code", "")]
    assert _emitted('doc.at(3, 4, "csv-syntax", form="nope")\n') == [(1, "csv-syntax", "nope")]


def test_every_code_form_and_phrase_is_emitted() -> None:
    """Nothing in the catalogue that no module names (the names as literals outside it)."""
    named: set[str] = set()
    for path in _modules():
        if path not in ENTRIES and path != BUILDER:
            named |= _string_constants(path)
    forms = {f"{p.code}/{name}" for p in PROBLEMS for name in p.forms if name not in named}
    assert set(CATALOGUE) - named == set()
    assert forms == set()
    assert set(PHRASES) - named == set()


# ---- no message worded at a call site

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
#: The catalogue's data, where the words belong.
WORDED = {*ENTRIES, *(PACKAGE / "model" / f"{name}.py" for name in ("phrases", "command_phrases"))}
#: The layers whose messages state a problem, or a command's notice (the words of an output,
#: present/'s tables and reports, are not passed side by side to a call).
STATING = ("model", "calc", "sources", "validate", "extract", "present", "cli")


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    return None


def _worded(source: str) -> list[int]:
    """Lines of calls given a message in both languages: English text, then Chinese."""
    found = []
    for call in _calls(source):
        texts = [_literal(a) for a in call.args]
        for en, zh in pairwise(texts):
            if en and zh and LATIN.search(en) and not CJK.search(en) and CJK.search(zh):
                found.append(call.lineno)
                break
    return found


def test_no_message_is_worded_at_a_call_site() -> None:
    worded = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] in STATING and path not in WORDED | {BUILDER}
        for line in _worded(path.read_text(encoding="utf-8"))
    }
    assert worded == set()


def test_a_message_worded_at_a_call_site_is_found() -> None:
    assert _worded('hint = Words(f"; did you mean {near!r}?", f"；是否应为 {near!r}？")\n') == [1]
    assert _worded('raise _not_a_workbook(name, "is damaged", "文件已损坏")\n') == [1]
    assert _worded('run.usage(f"{shown} exists", f"{shown} 已存在")\n') == [1]
    assert _worded('run.tell(*words("output.wrote", shown=shown))\n') == []
    assert _worded('hint = phrase("hint.did-you-mean", near=near)\n') == []
    assert _worded('keys = Words(", ".join(KEYS), "、".join(KEYS))\n') == []
