"""Bounds before work (issue 20): workbooks measured before python-calamine sees them, figures
near zero refused, configs bounded in size, nesting and the codes they name.

Every hostile input is built here, in the test: a workbook is the template `tnplan new` writes,
with one part of its zip replaced. Nothing is timed; a case that used to take gigabytes or abort
the process is held to its answer, which it can only give by refusing before the work.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import Plan, Tier
from tongnan_plan.present.xlsx import submission_workbook
from tongnan_plan.sources.config import MAX_CONFIG_CHARS, MAX_CONFIG_DEPTH
from tongnan_plan.sources.xlsx_parts import MAX_CELLS, MAX_UNPACKED

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"
BOOK = "xl/workbook.xml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def template(plan: Plan) -> bytes:
    return submission_workbook(plan, 2025, [i for i in plan.indicators if i.tier == Tier.MAIN])


def rezipped(raw: bytes, changes: dict[str, Callable[[bytes], bytes]], **more: bytes) -> bytes:
    """The workbook with some parts changed (by a function of their bytes) or added."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, changes.get(info.filename, lambda d: d)(data))
        for name, data in more.items():
            target.writestr(name, data)
    return out.getvalue()


def value_cell(xml: bytes, ref: str = "E7") -> Callable[[bytes], bytes]:
    """The sheet with one cell (the first value cell, E7) replaced by xml."""
    pattern = rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)'
    return lambda sheet: re.sub(pattern, xml, sheet, count=1)


def with_cell(ref: str) -> Callable[[bytes], bytes]:
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    cell = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode()
    return lambda sheet: sheet.replace(b"</sheetData>", cell)


def checked(tmp_path: Path, data_dir: Path, raw: bytes) -> list[dict[str, object]]:
    path = tmp_path / "2025.xlsx"
    path.write_bytes(raw)
    code, out, err = invoke("check", str(path), "--data", str(data_dir), "-f", "json")
    assert code == 1, (out, err)
    assert "Traceback" not in out + err and "panicked" not in err
    diagnostics: list[dict[str, object]] = json.loads(out)["diagnostics"]
    return diagnostics


def only_error(diagnostics: list[dict[str, object]]) -> dict[str, object]:
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert len(errors) == 1, errors
    return errors[0]


# ---- workbooks: bounds before the native reader


@pytest.mark.parametrize(
    ("ref", "corner"),
    [
        ("XFD1048576", "A1:XFD1048576"),
        ("XFD4000", "A1:XFD4000"),
        # One row past the bound in column Z (26), wider than the template.
        (f"Z{MAX_CELLS // 26 + 1}", f"A1:Z{MAX_CELLS // 26 + 1}"),
    ],
)
def test_a_far_cell_is_refused_before_the_reader(
    tmp_path: Path, data_dir: Path, plan: Plan, ref: str, corner: str
) -> None:
    # XFD1048576 made the Rust reader abort the process; XFD4000 took 2 GB before a refusal.
    raw = rezipped(template(plan), {SHEET: with_cell(ref)})
    problem = only_error(checked(tmp_path, data_dir, raw))
    assert problem["code"] == "workbook-beyond-bounds"
    assert f"spans {corner}, more than {MAX_CELLS:,} cells" in str(problem["message"])


@pytest.mark.parametrize("ref", ["XFE1", "A1048577", "A0", "ABCD1", "1A"])
def test_a_cell_no_sheet_can_hold_is_refused(
    tmp_path: Path, data_dir: Path, plan: Plan, ref: str
) -> None:
    sheet = f'<row r="7"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode()
    raw = rezipped(template(plan), {SHEET: lambda s: s.replace(b"</sheetData>", sheet)})
    problem = only_error(checked(tmp_path, data_dir, raw))
    assert problem["code"] == "workbook-beyond-bounds", problem
    assert "no cell of a sheet" in str(problem["message"])


def test_a_declared_dimension_is_held_to_the_bound(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    declare = lambda s: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', s)  # noqa: E731
    problem = only_error(checked(tmp_path, data_dir, rezipped(template(plan), {SHEET: declare})))
    assert problem["code"] == "workbook-beyond-bounds"
    assert "declares its extent as A1:XFD1048576" in str(problem["message"])


def test_many_rows_of_one_cell_are_refused(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    # 1M one-cell rows took 513 MB: the extent from A1 counts, not the cells written.
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(30, MAX_CELLS + 2))
    raw = rezipped(
        template(plan),
        {SHEET: lambda s: s.replace(b"</sheetData>", rows.encode() + b"</sheetData>")},
    )
    problem = only_error(checked(tmp_path, data_dir, raw))
    assert problem["code"] == "workbook-beyond-bounds"


@pytest.mark.parametrize("claimed", ["4000000000", "99999999999999999999999", "-1"])
def test_shared_strings_that_claim_too_many_are_refused(
    tmp_path: Path, data_dir: Path, plan: Plan, claimed: str
) -> None:
    # A table claiming four billion strings made the Rust reader abort.
    types = lambda t: t.replace(  # noqa: E731
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = lambda t: t.replace(  # noqa: E731
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    strings = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        f' count="{claimed}" uniqueCount="{claimed}"><si><t>a</t></si></sst>'
    ).encode()
    raw = rezipped(
        template(plan),
        {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels},
        **{"xl/sharedStrings.xml": strings},
    )
    problem = only_error(checked(tmp_path, data_dir, raw))
    assert problem["code"] == "workbook-beyond-bounds"
    assert "shared strings" in str(problem["message"])


def test_a_part_that_unpacks_huge_is_refused_as_it_inflates(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    # A thumbnail of zeros: a few hundred KB packed, more than the bound unpacked.
    huge = bytes(MAX_UNPACKED + 1)
    raw = rezipped(template(plan), {}, **{"docProps/thumbnail.jpeg": huge})
    assert len(raw) < MAX_UNPACKED // 50
    problem = only_error(checked(tmp_path, data_dir, raw))
    assert problem["code"] == "workbook-beyond-bounds"
    assert "unpacks to more than" in str(problem["message"])


def test_a_size_header_that_lies_is_not_believed(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    # The central directory says the thumbnail is 10 bytes; it inflates to far more.
    raw = bytearray(rezipped(template(plan), {}, **{"docProps/thumbnail.jpeg": bytes(1 << 22)}))
    directory = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"docProps/thumbnail.jpeg"))
    raw[directory + 24 : directory + 28] = (10).to_bytes(4, "little")  # uncompressed size
    problem = only_error(checked(tmp_path, data_dir, bytes(raw)))
    assert problem["code"] == "not-a-workbook"
    assert "damaged" in str(problem["message"])


def _sheet_state(state: str) -> Callable[[bytes], bytes]:
    return lambda book: book.replace(
        b'state="visible" r:id="rId1"', f'state="{state}" r:id="rId1"'.encode(), 1
    )


@pytest.mark.parametrize(
    ("state", "said"), [("veryHidden", "very hidden"), ("hidden", "is hidden")]
)
def test_a_hidden_fill_sheet_is_read_and_said(
    tmp_path: Path, data_dir: Path, plan: Plan, state: str, said: str
) -> None:
    raw = rezipped(template(plan), {BOOK: _sheet_state(state)})
    (warning,) = [d for d in checked(tmp_path, data_dir, raw) if d["code"] == "hidden-sheet"]
    assert warning["severity"] == "warning" and warning["cell"] == "填报!A1"
    assert said in str(warning["message"])


def test_two_fill_sheets_are_refused(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    second = lambda book: book.replace("填表说明".encode(), "填报".encode(), 1)  # noqa: E731
    problem = only_error(checked(tmp_path, data_dir, rezipped(template(plan), {BOOK: second})))
    assert problem["code"] == "duplicate-sheet"
    assert "2 sheets named '填报'" in str(problem["message"])


def test_a_typed_error_constant_is_located(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    # #N/A typed into a value cell used to be counted as not reported, without a word.
    na = value_cell(b'<c r="E7" t="e"><v>#N/A</v></c>')
    found = checked(tmp_path, data_dir, rezipped(template(plan), {SHEET: na}))
    (problem,) = [d for d in found if d["code"] == "error-value"]
    assert problem["cell"] == "填报!E7" and "#N/A" in str(problem["message"])


# ---- figures near zero


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("2025.csv", "# provenance: sample\n# year: 2025\nid,value\nurban_new_jobs,5e-324\n"),
        ("2025.yaml", "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: 4.9e-324\n"),
        (
            "2025.yaml",
            "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: {value: 1.0e-10}\n",
        ),
    ],
)
def test_a_subnormal_figure_is_refused_where_it_stands(
    tmp_path: Path, data_dir: Path, name: str, text: str
) -> None:
    # 5e-324 used to end `check` with "math domain error" (exit 3).
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, err = invoke("check", str(path), "--data", str(data_dir), "-f", "json")
    assert code == 1, err
    (problem,) = [d for d in json.loads(out)["diagnostics"] if d["severity"] == "error"]
    assert problem["code"] == "value-too-small" and problem["line"] == 4


def test_a_subnormal_in_a_workbook_is_refused_at_its_cell(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    tiny = value_cell(b'<c r="E7"><v>5e-324</v></c>')
    found = checked(tmp_path, data_dir, rezipped(template(plan), {SHEET: tiny}))
    (problem,) = [d for d in found if d["code"] == "value-too-small"]
    assert problem["cell"] == "填报!E7"


def test_status_with_a_subnormal_figure_leaves_it_out(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    (target / "actuals" / "2025.yaml").write_text(
        "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: 4.9e-324\n", encoding="utf-8"
    )
    code, _, err = invoke("status", "--data", str(target))
    assert code == 1 and "value-too-small" in err and "internal error" not in err


# ---- configs


def _config_dir(tmp_path: Path, config: str, name: str = "tnplan.toml") -> Path:
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / name).write_text(config, encoding="utf-8")
    submission = folder / "2025.yaml"
    submission.write_text(
        "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n", encoding="utf-8"
    )
    return submission


@pytest.mark.parametrize(
    ("name", "config", "opening"),
    [
        ("tnplan.toml", "ignore = " + "[" * 100_000 + "]" * 100_000 + "\n", "["),
        ("tnplan.toml", "ignore = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n", "{a = "),
        ("pyproject.toml", "[tool.tnplan]\nignore = " + "[" * 1_000 + "]" * 1_000 + "\n", "["),
    ],
)
def test_a_deeply_nested_config_is_refused_before_it_is_parsed(
    tmp_path: Path, data_dir: Path, name: str, config: str, opening: str
) -> None:
    # tomllib recursed until RecursionError: exit 3, in check and status.
    submission = _config_dir(tmp_path, config, name)
    code, _, err = invoke("check", str(submission), "--data", str(data_dir))
    assert code == 2 and "RecursionError" not in err
    assert f"nested more than {MAX_CONFIG_DEPTH} deep" in err
    line = 2 if name == "pyproject.toml" else 1
    # At the bracket that opens one level too many: after "ignore = " and 64 openings.
    column = len("ignore = ") + len(opening) * MAX_CONFIG_DEPTH + 1
    assert f"{name}:{line}:{column}:" in err


def test_a_huge_config_is_refused_by_its_size(tmp_path: Path, data_dir: Path) -> None:
    submission = _config_dir(tmp_path, "# " + "x" * MAX_CONFIG_CHARS + "\n")
    code, _, err = invoke("check", str(submission), "--data", str(data_dir))
    assert code == 2 and f"at most {MAX_CONFIG_CHARS:,}" in err


def test_many_unknown_codes_are_one_problem_with_a_count(tmp_path: Path, data_dir: Path) -> None:
    # 200,000 of them took more than 30 s; they are counted in one pass now.
    count = 20_000
    codes = ", ".join(f'"nope-{i}"' for i in range(count))
    submission = _config_dir(tmp_path, f"ignore = [{codes}]\n")
    code, _, err = invoke("check", str(submission), "--data", str(data_dir))
    assert code == 2
    (line,) = [line for line in err.splitlines() if "unknown-code" in line]
    assert "'nope-0'" in line and f"and {count - 1:,} more unknown codes" in line
    assert line.startswith(f"{submission.parent / 'tnplan.toml'}:1:11:")


def test_many_inline_ignores_of_unknown_codes_are_one_problem(
    tmp_path: Path, data_dir: Path
) -> None:
    count = 5_000
    lines = "".join(f"# tnplan: ignore[nope-{i}]\n" for i in range(count))
    path = tmp_path / "2025.yaml"
    path.write_text(
        "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n" + lines, encoding="utf-8"
    )
    code, out, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "json")
    assert code == 1
    (problem,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "unknown-code"]
    assert (problem["line"], problem["column"]) == (5, 1)
    assert f"and {count - 1:,} more unknown codes" in str(problem["message"])


def test_a_config_found_upward_is_named_where_it_changed_the_output(
    tmp_path: Path, data_dir: Path
) -> None:
    # A tnplan.toml two folders up silenced a problem and no output named it.
    plan = tmp_path / "a" / "b" / "plan"
    shutil.copytree(data_dir, plan)
    (tmp_path / "tnplan.toml").write_text('ignore = ["missing-indicators"]\n', encoding="utf-8")
    submission = plan / "actuals" / "2025.yaml"
    submission.write_text(
        "year: 2025\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n", encoding="utf-8"
    )
    said = f"the config file {tmp_path / 'tnplan.toml'} ignored or made warnings of"
    code, out, err = invoke("check", str(submission), "--data", str(plan))
    assert code == 0 and "0 warnings" in out
    assert f"{said} 1 problem(s)" in err
    code, _, err = invoke("status", "--data", str(plan))
    assert code == 0 and said in err
    (tmp_path / "tnplan.toml").write_text('ignore = ["implausible-jump"]\n', encoding="utf-8")
    code, _, err = invoke("check", str(submission), "--data", str(plan))
    assert "the config file" not in err  # it changed nothing here: nothing to say


def test_a_figure_in_the_source_column_is_reported(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    # A figure typed into 来源 beside an empty value cell was passed over as not reported.
    number = value_cell(b'<c r="E7"/>')
    source = value_cell(b'<c r="F7" t="n"><v>1.2</v></c>', "F7")
    raw = rezipped(template(plan), {SHEET: lambda s: source(number(s))})
    found = checked(tmp_path, data_dir, raw)
    (problem,) = [d for d in found if d["code"] == "misplaced-figure"]
    assert problem["cell"] == "填报!F7"
    assert "holds the number 1.2, and the value cell E7 is empty" in str(problem["message"])


def test_status_reading_a_far_cell_workbook_says_so(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    # status reading actuals/2025.xlsx aborted the process (SIGABRT) like check did.
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    (target / "actuals" / "2025.yaml").unlink()
    raw = rezipped(template(plan), {SHEET: with_cell("XFD1048576")})
    (target / "actuals" / "2025.xlsx").write_bytes(raw)
    code, out, err = invoke("status", "--data", str(target))
    assert code == 1 and out  # the other years are shown
    assert "2025.xlsx:1:1: error[workbook-beyond-bounds]" in err
