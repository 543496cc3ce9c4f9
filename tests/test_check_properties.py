"""Property test: no input makes `tnplan check` crash, whatever the bytes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.sources.store import bundled_data, load_plan

from .conftest import FIXTURES

runner = CliRunner()
DATA = bundled_data()
IDS = [ind.id for ind in load_plan(DATA).indicators]
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
        ["no", "yes", "010", "1:30", "1e3", "2023-01-01", "6,200", "5%", "１２", ".nan"]
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
submissions = st.fixed_dictionaries(
    {},
    optional={
        "year": st.one_of(st.integers(2015, 2030), scalars),
        "provenance": st.one_of(st.sampled_from(["official", "sample", "final"]), scalars),
        "values": st.one_of(st.dictionaries(st.sampled_from(IDS), trees, max_size=6), trees),
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


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=inputs, suffix=st.sampled_from([".yaml", ".csv"]))
def test_check_never_crashes(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2023{suffix}"
        path.write_bytes(content)
        result = runner.invoke(app, ["check", str(path), "--data", str(DATA), "-f", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert report["valid"] == (result.exit_code == 0)
    for d in report["diagnostics"]:
        assert d["line"] >= 1 and d["column"] >= 1
