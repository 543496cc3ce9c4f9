"""Workbook submissions: the template round trip (new → filled with openpyxl → check → status),
each problem at its cell, and workbooks that are no workbook at all."""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import Plan, Tier
from tongnan_plan.model.submission import figure_of
from tongnan_plan.sources import xlsx_reader
from tongnan_plan.sources.store import check_files

runner = CliRunner()

#: The template's first indicator row (rows 1-5: title, year, provenance, source; 6: header).
FIRST = 7
VALUE = "E"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def template(folder: Path, data_dir: Path, year: int = 2025, *more: str) -> Path:
    path = folder / f"{year}.xlsx"
    code, _, err = invoke("new", str(year), "-o", str(path), "--data", str(data_dir), *more)
    assert code == 0, err
    return path


def fill(
    path: Path,
    figures: Mapping[str, Any],
    *,
    provenance: Any = "初步",
    notes: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Type the figures into the value cells as a clerk would; the row of each id."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["填报"]
    sheet["B3"] = provenance
    sheet["B4"] = "区人力社保局 统计科"
    rows = {}
    for row in range(FIRST, sheet.max_row + 1):
        key = sheet[f"A{row}"].value
        rows[key] = row
        if key in figures:
            sheet[f"{VALUE}{row}"] = figures[key]
        if notes and key in notes:
            sheet[f"G{row}"] = notes[key]
    workbook.save(path)
    return rows


def saved_results(path: Path, results: Mapping[str, str], errors: Mapping[str, str] = {}) -> None:
    """Give formula cells the results Excel would save with them (openpyxl saves none)."""
    raw = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for ref, value in results.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*(?:/>|></v>)',
                        rf"\g<1>\g<2><v>{value}</v>",
                        text,
                    )
                for ref, error in errors.items():
                    text = re.sub(
                        rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)<v\s*(?:/>|></v>)',
                        rf'<c r="{ref}" t="e"\g<1>>\g<2><v>{error}</v>',
                        text,
                    )
                data = text.encode("utf-8")
            target.writestr(item, data)
    path.write_bytes(out.getvalue())


def test_the_round_trip(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    """new → filled in → check exit 0 → counted by status."""
    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    path = template(tmp_path, data_dir, 2025)
    # 2025's own flows, typed in: 城镇新增就业人数 1.10 万人, and two levels.
    fill(path, {"urban_new_jobs": 1.1, "surveyed_unemployment_rate": 5.2, "postdoc_recruits": 1})
    code, out, _ = invoke("check", str(path), "--data", str(data), "-f", "json")
    report = json.loads(out)
    assert code == 0 and report["errors"] == 0, out
    (data / "actuals" / "2025.yaml").unlink()  # the workbook takes the shipped sample's place
    shutil.copy(path, data / "actuals" / "2025.xlsx")
    code, out, _ = invoke("status", "--data", str(data), "-f", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    # 1.12 + 1.05 + 1.08 + 1.10 (2021-2024, shipped) + 1.10 (2025, from the workbook) = 5.45
    assert rows["urban_new_jobs"]["cumulative"] == pytest.approx(5.45)
    assert rows["urban_new_jobs"]["status"] == "exceeded"  # 5.45 > 5: 超额完成
    assert rows["surveyed_unemployment_rate"]["actual"] == 5.2
    assert rows["surveyed_unemployment_rate"]["provenance"] == "preliminary"  # 初步
    # 博士后研究人员招收数: 1 + 1 + 2 + 1 + 1 = 6 ≥ 【5】.
    assert rows["postdoc_recruits"]["cumulative"] == 6


def test_each_problem_at_its_cell(tmp_path: Path, data_dir: Path) -> None:
    path = template(tmp_path, data_dir, 2021)
    rows = fill(
        path,
        {
            "urban_new_jobs": 10500,  # 人 typed into a 万人 field
            "surveyed_unemployment_rate": "约5.3",  # text in a value cell
            "basic_pension_coverage": "=95+1.2",  # a formula, its result never saved
            "postdoc_recruits": 1,
        },
        provenance="正式数据",  # not one of the drop-down's words
    )
    code, out, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "json")
    assert code == 1
    found = {
        (d["code"], d["cell"], d["line"], d["column"])
        for d in json.loads(out)["diagnostics"]
        if d["severity"] == "error"
    }
    slip, text, formula = (
        rows["urban_new_jobs"],
        rows["surveyed_unemployment_rate"],
        rows["basic_pension_coverage"],
    )
    assert found == {
        ("invalid-provenance", "填报!B3", 3, 2),
        ("unit-slip", f"填报!E{slip}", slip, 5),
        ("not-a-number", f"填报!E{text}", text, 5),
        ("formula-without-value", f"填报!E{formula}", formula, 5),
    }
    # In text, the cell stands where a text file's line and column stand.
    _, text_out, _ = invoke(
        "check", str(path), "--data", str(data_dir), "-f", "text", "--lang", "en"
    )
    assert f"{path}:填报!E{slip}: error[unit-slip] " in text_out
    assert "10500 人 = 1.05 万人: write 1.05\n" in text_out  # a workbook's unit cell is fixed
    # In GitHub annotations: the row and column numbers.
    _, github, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "github")
    assert f"line={slip},col=5,title=tnplan unit-slip::填报!E{slip}: " in github


def test_formulas_are_read_by_their_saved_results(tmp_path: Path, data_dir: Path) -> None:
    path = template(tmp_path, data_dir, 2021)
    rows = fill(path, {"urban_new_jobs": "=1+0.05", "postdoc_recruits": "=1/0"})
    saved_results(
        path,
        {f"E{rows['urban_new_jobs']}": "1.05"},
        {f"E{rows['postdoc_recruits']}": "#DIV/0!"},
    )
    result = check_files([path], load_plan(data_dir))
    (submission,) = result.submissions
    assert {k: figure_of(v)[0] for k, v in submission.values.items()} == {"urban_new_jobs": 1.05}
    (error,) = [d for d in result.diagnostics if d.severity == "error"]
    assert (error.code, error.cell) == ("formula-error", f"填报!E{rows['postdoc_recruits']}")
    assert "=1/0" in error.message and "#DIV/0!" in error.message


def load_plan(data_dir: Path) -> Plan:
    from tongnan_plan.sources.store import load_plan as load

    return load(data_dir)


def test_empty_value_cells_are_figures_not_reported(
    tmp_path: Path, data_dir: Path, plan: Plan
) -> None:
    path = template(tmp_path, data_dir, 2021)
    fill(path, {"urban_new_jobs": 1.1})
    result = check_files([path], plan)
    assert [d.code for d in result.diagnostics] == ["missing-indicators"]  # no missing-value
    main = [ind for ind in plan.indicators if ind.tier is Tier.MAIN]
    # The template records its tier (main): one reported, 16 of the 17 main ones missing.
    assert result.diagnostics[0].message.startswith(
        f"{len(main) - 1} of the {len(main)} indicators of the file's tier, main"
    )


def test_cells_that_are_no_number(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    import datetime

    path = template(tmp_path, data_dir, 2021)
    rows = fill(
        path,
        {
            "urban_new_jobs": datetime.date(2021, 1, 5),
            "postdoc_recruits": True,
            "surveyed_unemployment_rate": " 5.3 ",  # a number kept as text: read as the number
            "subsidised_skills_training": "6,200",
        },
    )
    result = check_files([path], plan)
    errors = {d.cell: d.message for d in result.diagnostics if d.severity == "error"}
    assert "is read as a date" in errors[f"填报!E{rows['urban_new_jobs']}"]
    assert "is a boolean" in errors[f"填报!E{rows['postdoc_recruits']}"]
    assert errors[f"填报!E{rows['subsidised_skills_training']}"].endswith(
        "6200 人次 = 0.62 万人次: write 0.62"
    )
    values = result.submissions[0].values
    assert {k: figure_of(v)[0] for k, v in values.items()} == {"surveyed_unemployment_rate": 5.3}


def test_a_note_can_silence_a_slip(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    path = template(tmp_path, data_dir, 2021)
    note = {"urban_new_jobs": "确为当年数 tnplan: ignore[unit-slip]"}
    fill(path, {"urban_new_jobs": 10500}, notes=note)
    result = check_files([path], plan)
    assert [d.code for d in result.diagnostics] == ["missing-indicators"]
    assert figure_of(result.submissions[0].values["urban_new_jobs"])[0] == 10500


def test_a_workbook_laid_out_by_hand(tmp_path: Path, plan: Plan) -> None:
    """The CSV's column names, a unit stated, the year from the file name."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "填报"
    sheet.append(["provenance", "official"])
    sheet.append(["id", "value", "unit", "source", "note"])
    sheet.append(["urban_new_jobs", 10800, "人", "年报", None])
    path = tmp_path / "2023.xlsx"
    workbook.save(path)
    result = check_files([path], plan)
    (submission,) = result.submissions
    assert submission.year == 2023
    assert figure_of(submission.values["urban_new_jobs"])[0] == pytest.approx(1.08)
    assert [d.cell for d in result.diagnostics if d.code == "unit-converted"] == ["填报!C3"]


def test_two_files_for_one_year(tmp_path: Path, data_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    workbook = template(data / "actuals", data_dir, 2023)
    fill(workbook, {"urban_new_jobs": 1.1})
    code, _, err = invoke("status", "--data", str(data), "-f", "json")
    assert code == 1
    assert "duplicate-year" in err and "2023.xlsx" in err


# ---- workbooks that are no workbook


def _zip(members: Mapping[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _no_fill_sheet() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sheet1"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _no_header() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "填报"
    sheet.append(["年份", 2023])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


#: The compound file an encrypted OOXML workbook is: the OLE signature, and its streams named
#: in UTF-16 in the directory (here without the sectors around them).
_ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + bytes(504)
    + "EncryptionInfo".encode("utf-16-le")
    + bytes(50)
    + "EncryptedPackage".encode("utf-16-le")
)

BAD = {
    "damaged": (lambda: _no_fill_sheet()[:900], "not-a-workbook", "damaged"),
    "a Word document": (
        lambda: _zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"}),
        "not-a-workbook",
        "a Word document",
    ),
    "encrypted": (lambda: _ENCRYPTED, "not-a-workbook", "password"),
    "an .xls": (lambda: _ENCRYPTED[:600], "not-a-workbook", "Excel 97-2003"),
    "text": (lambda: b"id,value\nurban_new_jobs,1.1\n", "not-a-workbook", "CSV"),
    "binary": (lambda: bytes(range(256)) * 4, "not-a-workbook", "and this is not one"),
    "unpacks huge": (
        lambda: _zip({"xl/workbook.xml": b"<w/>", "xl/big.xml": bytes(70 * 1024 * 1024)}),
        "workbook-beyond-bounds",
        "unpacks to more than",
    ),
    "no sheet 填报": (_no_fill_sheet, "missing-sheet", "'Sheet1'"),
    "no header": (_no_header, "missing-key", "指标id"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_a_bad_workbook_is_said_plainly(tmp_path: Path, data_dir: Path, case: str) -> None:
    make, code, words = BAD[case]
    path = tmp_path / "2023.xlsx"
    path.write_bytes(make())
    exit_code, out, _ = invoke(
        "check", str(path), "--data", str(data_dir), "-f", "json", "--lang", "en"
    )
    assert exit_code == 1, out
    assert "Traceback" not in out
    (problem,) = json.loads(out)["diagnostics"]
    assert (problem["file"], problem["code"]) == (str(path), code)
    assert words in problem["message"]


def test_a_workbook_over_the_size_limit(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2023.xlsx"
    path.write_bytes(_no_fill_sheet() + bytes(17 * 1024 * 1024))  # 16 MiB is the limit
    code, out, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "json")
    assert code == 1 and json.loads(out)["diagnostics"][0]["code"] == "file-too-large"


def test_column_letters() -> None:
    assert [xlsx_reader.column_letter(n) for n in (1, 5, 26, 27, 52, 703)] == [
        "A",
        "E",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]


# ---- no workbook makes check crash


_TEMPLATE: dict[str, bytes] = {}


def _template_bytes(data_dir: Path) -> bytes:
    if "raw" not in _TEMPLATE:
        with tempfile.TemporaryDirectory() as folder:
            path = template(Path(folder), data_dir, 2023)
            fill(path, {"urban_new_jobs": 1.1, "postdoc_recruits": "=1+1"})
            _TEMPLATE["raw"] = path.read_bytes()
    return _TEMPLATE["raw"]


@st.composite
def damaged_workbooks(draw: st.DrawFn, raw: bytes) -> bytes:
    """The template's bytes with a few bytes changed, or one of its parts' XML changed and
    packed again (so that the zip is sound and the damage is inside)."""
    if draw(st.booleans()):
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        return bytes(data[: draw(st.integers(len(data) // 2, len(data)))])
    source = zipfile.ZipFile(io.BytesIO(raw))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            content = source.read(name)
            if name == victim:
                text = bytearray(content)
                for _ in range(draw(st.integers(1, 6))):
                    at = draw(st.integers(0, max(len(text) - 1, 0)))
                    piece = draw(
                        st.sampled_from(
                            [b"<", b">", b"/", b'"', b"&", b"<f>", b"<v>", b"\x00", b"E"]
                        )
                    )
                    text[at:at] = piece
                content = bytes(text)
            target.writestr(name, content)
    return out.getvalue()


def test_no_damaged_workbook_makes_check_crash(data_dir: Path) -> None:
    raw = _template_bytes(data_dir)

    @given(content=damaged_workbooks(raw))
    def check_one(content: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "2023.xlsx"
            path.write_bytes(content)
            result = runner.invoke(app, ["check", str(path), "--data", str(data_dir), "-f", "json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in (0, 1, 2)
        for d in json.loads(result.stdout)["diagnostics"]:
            assert d["line"] >= 1 and d["column"] >= 1

    check_one()


def test_a_fifo_named_xlsx_is_refused(tmp_path: Path, data_dir: Path) -> None:
    import os

    path = tmp_path / "2023.xlsx"
    os.mkfifo(path)
    code, out, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "json", "--lang", "en")
    (problem,) = json.loads(out)["diagnostics"]
    assert code == 1 and problem["code"] == "file-unreadable" and "FIFO" in problem["message"]


def test_a_cell_in_colour_too() -> None:
    from tongnan_plan.model.diagnostics import Diagnostic, Severity
    from tongnan_plan.present.reporters import line

    d = Diagnostic("2025.xlsx", 7, 5, Severity.ERROR, "unit-slip", "m", cell="填报!E7")
    assert line(d, colour=True).startswith("\033[1m2025.xlsx:填报!E7:\033[0m ")
    assert line(d) == "2025.xlsx:填报!E7: error[unit-slip] m"


def test_the_pre_commit_hook_checks_workbooks() -> None:
    import yaml

    (hook,) = yaml.safe_load(
        (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    )
    assert re.search(hook["files"], "data/actuals/2025.xlsx")
    assert not re.search(hook["files"], "data/actuals/2025.xlsx.bak")
