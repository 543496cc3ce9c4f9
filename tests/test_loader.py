"""YAML to plain data with positions; what PyYAML would accept silently is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.model.diagnostics import TnplanError
from tongnan_plan.sources.yaml_reader import MAX_BYTES, parse_yaml, read_text


def test_positions_of_keys_and_values_are_one_based() -> None:
    doc, problems = parse_yaml("a: 1\nb:\n  c: [x, 2]\n", "f.yaml")
    assert problems == []
    assert doc.data == {"a": 1, "b": {"c": ["x", 2]}}
    assert doc.where(("b", "c"), key=True) == (3, 3)
    assert doc.where(("b", "c", 1)) == (3, 10)
    assert doc.where(("b", "c", 7)) == (3, 6)  # nearest known ancestor


def test_numbers_as_yaml_1_2_would_read_them_are_left_as_text_with_a_note() -> None:
    doc, problems = parse_yaml("a: 1e3\nb: '5'\n", "f.yaml")
    assert doc.data == {"a": "1e3", "b": "5"}
    assert doc.quirks == {("a",): ("number-as-text", "1e3")}
    assert problems == []


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("a: off\n", "yaml11-boolean", False),
        ("a: 0o10\n", None, "0o10"),  # YAML 1.2 octal is text to YAML 1.1: no surprise value
        ("a: 012\n", "yaml11-octal", 10),
        ("a: 1:00\n", "yaml11-sexagesimal", 60),
        ("a: 0x1F\n", None, 31),
        ("a: 1_000\n", None, 1000),
    ],
)
def test_yaml_1_1_readings(text: str, code: str | None, value: object) -> None:
    doc, problems = parse_yaml(text, "f.yaml")
    assert doc.data == {"a": value}
    assert [p.code for p in problems] == ([code] if code else [])


def test_several_documents_are_refused() -> None:
    with pytest.raises(TnplanError) as caught:
        parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")
    assert caught.value.diagnostics[0].code == "yaml-syntax"


def test_control_characters_are_located() -> None:
    with pytest.raises(TnplanError) as caught:
        parse_yaml("a: 1\nb: x\x07y\n", "f.yaml")
    (d,) = caught.value.diagnostics
    assert (d.code, d.line, d.column) == ("yaml-syntax", 2, 5)


def test_deep_nesting_is_refused_before_parsing() -> None:
    with pytest.raises(TnplanError) as caught:
        parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "f.yaml")
    assert caught.value.diagnostics[0].code == "too-deep"


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    with pytest.raises(TnplanError) as caught:
        parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert {d.code for d in caught.value.diagnostics} == {"yaml-alias"}


def test_keys_read_as_booleans_or_null_are_reported() -> None:
    doc, problems = parse_yaml("yes: 1\n~: 2\n", "f.yaml")
    assert [(p.code, p.line) for p in problems] == [("key-not-text", 1), ("key-not-text", 2)]
    assert doc.data == {"yes": 1, "~": 2}


def test_text_read_before_is_known_as_text_and_nothing_else_is() -> None:
    # Plain text a resolver claims by its first character (name, note, 1e3) is remembered
    # once found to be text; a boolean, a null or a number of the same first letter is not.
    first = "name: nothing\nnote: 1e3\nyesterday: today\n"
    assert parse_yaml(first, "a.yaml")[0].data == {
        "name": "nothing",
        "note": "1e3",
        "yesterday": "today",
    }
    doc, problems = parse_yaml("no: name\nnote: no\nname: 1e3\nnothing: null\n", "b.yaml")
    assert doc.data == {"no": "name", "note": False, "name": "1e3", "nothing": None}
    assert [(p.code, p.line) for p in problems] == [("key-not-text", 1), ("yaml11-boolean", 2)]
    assert doc.quirks == {
        ("note",): ("yaml11-boolean", "no"),
        ("name",): ("number-as-text", "1e3"),
    }


def test_oversized_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(TnplanError) as caught:
        read_text(path)
    assert caught.value.diagnostics[0].code == "file-too-large"


def test_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("a: 1\n".encode("utf-16"))
    with pytest.raises(TnplanError) as caught:
        read_text(path)
    assert caught.value.diagnostics[0].code == "not-utf8"
