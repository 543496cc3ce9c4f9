"""Property tests of `tnplan check`: no input makes it crash, good figures are taken as written,
and one fault put into a good file is found, with its code, where it was put.

The number of examples comes from the Hypothesis profile (tests/conftest.py): quick in CI,
10,000 a property with HYPOTHESIS_PROFILE=thorough.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.catalogue import CATALOGUE, figure_text
from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Indicator
from tongnan_plan.model.submission import figure_of
from tongnan_plan.present.xlsx import submission_workbook
from tongnan_plan.sources.store import bundled_data, load_plan
from tongnan_plan.sources.xlsx_parts import column_letter
from tongnan_plan.sources.yaml_reader import parse_yaml
from tongnan_plan.validate.check import check_document

from .conftest import FIXTURES

runner = CliRunner()
DATA = bundled_data()
PLAN = load_plan(DATA)
IDS = [ind.id for ind in PLAN.indicators]
SEEDS = [
    (FIXTURES / "valid" / "2023.yaml").read_bytes(),
    (DATA / "actuals" / "2022.yaml").read_bytes(),
    (FIXTURES / "csv" / "2023.csv").read_bytes(),
]
YAML_CHARS = [
    *":-[]{}&*!|>'\"%@`#,?~\t\n 0123456789.eE+_年：，\u3000\ufeff\x00\x07",
    "\r\n",
    "<<",
    "!!",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["no", "yes", "010", "1:30", "1e3", "2023-01-01", "6,200", "5%", "１２", ".nan", "1e309"]
    ),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(IDS), st.text(max_size=8)), children, max_size=4),
    ),
    max_leaves=12,
)
entries = st.fixed_dictionaries(
    {"value": scalars},
    optional={
        "unit": st.sampled_from(["人", "万人", "％", "个", "亿元", "万人次", 5]),
        "to_date": st.one_of(st.booleans(), scalars),
        "comparator": st.sampled_from(["≥", ">=", "≈", None]),
        "note": scalars,
    },
)
submissions = st.fixed_dictionaries(
    {},
    optional={
        "year": st.one_of(st.integers(2015, 2030), scalars),
        "provenance": st.one_of(st.sampled_from(["official", "sample", "final"]), scalars),
        "values": st.one_of(
            st.dictionaries(st.sampled_from(IDS), st.one_of(trees, entries), max_size=6), trees
        ),
        "extra": trees,
    },
)


def _dump(document: Any) -> bytes:
    try:
        return yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, ValueError, OverflowError):
        return b""


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "bytes"]))
        piece = draw(st.sampled_from(YAML_CHARS)).encode("utf-8")
        if op == "insert":
            data[at:at] = piece
        elif op == "delete":
            data[at : at + draw(st.integers(1, 8))] = b""
        elif op == "replace":
            data[at : at + len(piece)] = piece
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
    return bytes(data)


inputs = st.one_of(mutated(), submissions.map(_dump), st.binary(max_size=64))


@given(content=inputs, suffix=st.sampled_from([".yaml", ".csv", ".YML", ".txt"]))
def test_check_never_crashes(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2023{suffix}"
        path.write_bytes(content)
        result = runner.invoke(app, ["check", str(path), "--data", str(DATA), "-f", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    unusable = any(CATALOGUE[d["code"]].usage for d in report["diagnostics"])
    assert result.exit_code == (2 if unusable else 0 if report["valid"] else 1)
    for d in report["diagnostics"]:
        assert d["line"] >= 1 and d["column"] >= 1
        assert d["code"] in CATALOGUE and d["severity"] == CATALOGUE[d["code"]].severity


# ---- good figures, written out by the test, and what they must become

#: How many of the second unit make one of the first: the plan's pairs of units, by hand.
PER = {"万人": {"人": 10_000}, "万人次": {"人次": 10_000}, "万张": {"张": 10_000}}
PER["人"] = {"万人": 1 / 10_000}
PER["人次"] = {"万人次": 1 / 10_000}
PER["亿元"] = {"万元": 10_000, "元": 100_000_000}


@dataclass(frozen=True)
class Written:
    """One figure as the test writes it, and the number tnplan must make of it."""

    indicator: Indicator
    text: str
    unit: str | None
    expected: float

    def line(self) -> str:
        if self.unit is None:
            return f"  {self.indicator.id}: {self.text}"
        return f"  {self.indicator.id}: {{value: {self.text}, unit: {json.dumps(self.unit)}}}"


@st.composite
def written(draw: st.DrawFn, indicator: Indicator) -> Written:
    """A figure within the indicator's bounds, as a bare number or in a unit of the same kind."""
    decimals = draw(st.integers(0, 3))
    largest = 100 if indicator.unit == "%" else 1_000_000
    whole = draw(st.integers(0, largest * 10**decimals))
    text = (
        str(whole)
        if decimals == 0
        else f"{whole // 10**decimals}.{whole % 10**decimals:0{decimals}d}"
    )
    others = PER.get(indicator.unit, {})
    unit = draw(st.sampled_from([None, indicator.unit, *others]))
    per = others.get(unit, 1) if unit is not None else 1
    return Written(indicator, text, unit, float(text) / per)


@st.composite
def good_submissions(draw: st.DrawFn) -> list[Written]:
    chosen = draw(
        st.lists(st.sampled_from(PLAN.indicators), unique_by=lambda ind: ind.id, max_size=25)
    )
    return [draw(written(ind)) for ind in chosen]


def _document(figures: list[Written], name: str = "2023.yaml") -> str:
    lines = ["year: 2023", "provenance: sample", "values:"] + [w.line() for w in figures]
    return "\n".join(lines) + "\n"


def _check(text: str, name: str = "2023.yaml") -> Any:
    doc, diagnostics = parse_yaml(text, name)
    return check_document(doc, PLAN, diagnostics)


@given(figures=good_submissions())
def test_good_figures_are_taken_as_written(figures: list[Written]) -> None:
    checked = _check(_document(figures))
    by_id = {w.indicator.id: w for w in figures}
    # A 其中 row over its parent (same unit) is the one error good figures can make.
    over = {
        w.indicator.id
        for w in figures
        if w.indicator.parent in by_id
        and PLAN.indicator(w.indicator.parent).unit == w.indicator.unit
        and w.expected > by_id[w.indicator.parent].expected
    }
    errors = [(d.code, d.path) for d in checked.diagnostics if d.severity is Severity.ERROR]
    assert sorted(errors) == [("child-exceeds-parent", f"values.{key}") for key in sorted(over)]
    assert checked.submission is not None
    got = {key: figure_of(value)[0] for key, value in checked.submission.values.items()}
    assert got.keys() == by_id.keys() - over
    for key, value in got.items():
        assert value == pytest.approx(by_id[key].expected, rel=1e-12, abs=1e-12)
    converted = [d for d in checked.diagnostics if d.code == "unit-converted"]
    assert len(converted) == sum(
        1 for w in figures if w.unit not in (None, w.indicator.unit) and w.indicator.id not in over
    )
    absent = len(PLAN.indicators) - len(figures)
    missing = [d.message for d in checked.diagnostics if d.code == "missing-indicators"]
    if absent:
        (message,) = missing
        assert message.startswith(
            f"{absent} of the {len(PLAN.indicators)} indicators of the plan are"
        )
    else:
        assert missing == []


# ---- one fault put into a good file

#: A fault, the code it must get, and for which indicators it is a fault.
FAULTS = [
    ("-5", "negative-value", lambda ind: True),
    ("abc", "not-a-number", lambda ind: True),
    ("'12'", "not-a-number", lambda ind: True),
    ("6,200", "not-a-number", lambda ind: True),
    ("", "missing-value", lambda ind: True),
    (".nan", "not-finite", lambda ind: True),
    ("-.inf", "not-finite", lambda ind: True),
    ("yes", "yaml11-boolean", lambda ind: True),
    ("010", "yaml11-octal", lambda ind: True),
    ("2000000000000000", "value-too-large", lambda ind: ind.unit != "%"),
    ("100.0000001", "percent-out-of-range", lambda ind: ind.unit == "%"),
    ("[1, 2]", "not-a-number", lambda ind: True),
    ("{value: 1, colour: red}", "unknown-key", lambda ind: True),
    ("{unit: 人}", "missing-key", lambda ind: True),
    ("{value: 1, to_date: maybe}", "invalid-type", lambda ind: True),
    ("{value: 1, comparator: ≈}", "invalid-comparator", lambda ind: True),
]
PARENTS_AND_CHILDREN = {ind.id for ind in PLAN.indicators if ind.parent} | {
    ind.parent for ind in PLAN.indicators if ind.parent
}
SIMPLE = [ind for ind in PLAN.indicators if ind.id not in PARENTS_AND_CHILDREN]


@st.composite
def faulty(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """A good file with one fault: its text, the code due, and the fault's line and column."""
    chosen = draw(
        st.lists(st.sampled_from(SIMPLE), unique_by=lambda ind: ind.id, min_size=1, max_size=12)
    )
    figures = [draw(written(ind)) for ind in chosen]
    at = draw(st.integers(0, len(figures) - 1))
    lines = _document(figures).splitlines()
    row = 3 + at  # year, provenance and values come first (0-based index of the figure's line)
    indicator = figures[at].indicator
    if draw(st.booleans()):
        # An id the plan lacks, at the start of its key.
        lines[row] = lines[row].replace(indicator.id, f"zz_{indicator.id}", 1)
        return "\n".join(lines) + "\n", "unknown-indicator", row + 1, 3
    fault, code, _ = draw(st.sampled_from([f for f in FAULTS if f[2](indicator)]))
    prefix = f"  {indicator.id}:"
    lines[row] = f"{prefix} {fault}" if fault else prefix
    if fault.startswith("{"):
        # The position of the entry's part at fault, as its code says.
        part = {"unknown-key": "colour", "missing-key": "{", "invalid-type": "maybe"}.get(code)
        column = lines[row].index(part or "≈") + 1
        if code == "missing-key":
            column = len(prefix) + 2
    else:
        column = len(prefix) + 2 if fault else len(prefix) + 1
    return "\n".join(lines) + "\n", code, row + 1, column


@given(case=faulty())
def test_one_fault_is_found_where_it_is(case: tuple[str, str, int, int]) -> None:
    text, code, line, column = case
    checked = _check(text)
    errors = [
        (d.code, d.line, d.column) for d in checked.diagnostics if d.severity is Severity.ERROR
    ]
    assert errors == [(code, line, column)], text


@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_figures_in_messages_are_exact_and_short(value: float) -> None:
    text = figure_text(value)
    assert float(text) == value  # nothing lost: 100.0000001 is not shown as 100
    assert len(text) <= len(repr(value))


# ---- workbooks and config files: hostile, generated, never a crash

#: The template `tnplan new --format xlsx` writes, whose sheet the generator rewrites.
TEMPLATE = submission_workbook(PLAN, 2023, PLAN.indicators[:8])
_FAR = ["XFD1048576", "XFD1", "A1048576", "XFE1", "A0", "AAAA1", "E1048577", "1E", ""]
_CELL_VALUES = [
    b"<v>1.1</v>", b"<v>5e-324</v>", b"<v>1e308</v>", b"<v>-0</v>", b"<v>nan</v>",
    b"<v>abc</v>", b"<v></v>", b"<f>1/0</f>", b"<f>SUM(A1)</f><v>#DIV/0!</v>",
    b"<is><t>\xe2\x80\xae=HYPERLINK(1)</t></is>", b"<is><t>&#27;[2J</t></is>",
]  # fmt: skip


@st.composite
def hostile_workbooks(draw: st.DrawFn) -> bytes:
    """The template with cells, a dimension, a sheet state or shared strings put into it."""
    import io
    import zipfile

    cells = []
    for _ in range(draw(st.integers(0, 6))):
        near = st.builds(
            lambda c, r: f"{column_letter(c)}{r}", st.integers(1, 30), st.integers(1, 400)
        )
        ref = draw(st.one_of(near, st.sampled_from(_FAR)))
        kind = draw(st.sampled_from([b"", b' t="e"', b' t="s"', b' t="inlineStr"', b' t="str"']))
        value = draw(st.sampled_from(_CELL_VALUES))
        row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or "1"
        cells.append(
            b'<row r="%s"><c r="%s"%s>%s</c></row>' % (row.encode(), ref.encode(), kind, value)
        )
    dimension = draw(st.sampled_from(["A1:G20", "A1:XFD1048576", "", "B2", "A1:ZZZ9"]))
    state = draw(st.sampled_from(["visible", "hidden", "veryHidden", ""]))
    source = zipfile.ZipFile(io.BytesIO(TEMPLATE))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"".join(cells) + b"</sheetData>")
                data = data.replace(
                    b'<dimension ref="', f'<dimension ref="{dimension}" x="'.encode()
                )
            elif info.filename == "xl/workbook.xml":
                data = data.replace(
                    b'state="visible" r:id="rId1"', f'state="{state}" r:id="rId1"'.encode()
                )
            target.writestr(info.filename, data)
        if draw(st.booleans()):
            count = draw(st.sampled_from(["1", "4000000000", "-5", "x"]))
            strings = f'<sst count="{count}" uniqueCount="{count}"><si><t>a</t></si></sst>'
            target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def _check_answers(result: Any) -> None:
    """A check's run ended as tnplan promises: an exit code of 0-2, a report, located."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "panicked" not in result.stderr
    if result.stdout:
        for d in json.loads(result.stdout)["diagnostics"]:
            assert d["line"] >= 1 and d["column"] >= 1 and d["code"] in CATALOGUE


@given(workbook=hostile_workbooks())
def test_check_never_crashes_on_a_workbook(workbook: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2023.xlsx"
        path.write_bytes(workbook)
        result = runner.invoke(app, ["check", str(path), "--data", str(DATA), "-f", "json"])
    _check_answers(result)


_CONFIG_PIECES = [
    "ignore", "warn-only", "strict", "=", "[", "]", "{", "}", ",", '"', "'", "\n", " ",
    "true", "1e400", "5e-324", "#", "[tool.tnplan]", '"missing-indicators"', '"unit-slip"',
    '"nope"', '"formula-error"', "\x00", "\ufeff", "\\u0000",
]  # fmt: skip


@st.composite
def hostile_configs(draw: st.DrawFn) -> str:
    """A config file: a valid one broken a little, or pieces of TOML put together, or a list
    of brackets nested deep."""
    shape = draw(st.sampled_from(["valid", "pieces", "deep"]))
    if shape == "deep":
        depth = draw(st.integers(1, 3000))
        return "ignore = " + "[" * depth + "]" * draw(st.integers(0, depth)) + "\n"
    if shape == "pieces":
        return "".join(draw(st.lists(st.sampled_from(_CONFIG_PIECES), max_size=40)))
    codes = draw(st.lists(st.sampled_from([*sorted(CATALOGUE)[:20], "nope", ""]), max_size=8))
    text = f"ignore = {json.dumps(codes)}\nwarn-only = {json.dumps(codes[::-1])}\n"
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(_CONFIG_PIECES)) + text[at:]


@given(config=hostile_configs(), name=st.sampled_from(["tnplan.toml", "pyproject.toml"]))
def test_check_never_crashes_on_a_config(config: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_text(config, encoding="utf-8")
        path = Path(folder) / "2023.yaml"
        path.write_bytes(SEEDS[0])
        result = runner.invoke(app, ["check", str(path), "--data", str(DATA), "-f", "json"])
    _check_answers(result)
