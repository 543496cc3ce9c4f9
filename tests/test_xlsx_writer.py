"""Workbooks tnplan writes, opened with openpyxl and checked cell by cell: the template a clerk
fills in, and the status, indicators and show tables. Also how the command line chooses them
(--format, -o's ending, --excel), and that no other command pays for loading them (nor
`tnplan status` for what only other commands use)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import ID_PATTERN, Kind, Plan, Provenance, Tier
from tongnan_plan.model.status import Status
from tongnan_plan.present.xlsx import STATUS_FILLS, WIDEST, display_width

runner = CliRunner()
ROOT = Path(__file__).parents[1]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def written(tmp_path: Path, name: str, *args: str) -> openpyxl.Workbook:
    path = tmp_path / name
    code, _, err = invoke(*args, "-o", str(path))
    assert code == 0, err
    return openpyxl.load_workbook(path)


def _rows_by_id(sheet: Worksheet, first: int) -> dict[str, int]:
    """The row of each indicator id in column A (the notes below the table are no id)."""
    cells = ((row, sheet.cell(row=row, column=1).value) for row in range(first, sheet.max_row + 1))
    return {
        value: row for row, value in cells if isinstance(value, str) and re.match(ID_PATTERN, value)
    }


# ---- the template


def test_the_template_a_clerk_fills_in(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    workbook = written(tmp_path, "2025.xlsx", "new", "2025", "--data", str(data_dir))
    assert workbook.sheetnames == ["填报", "填表说明"]
    sheet = workbook["填报"]
    assert [c.value for c in sheet[6]] == [
        "指标id",
        "指标名称",
        "单位",
        "类型",
        "数值",
        "来源",
        "备注",
        "口径调整",
        "上年同口径数",
    ]
    assert (sheet["A2"].value, sheet["B2"].value) == ("年份", 2025)
    assert (sheet["A3"].value, sheet["A4"].value) == ("数据性质", "数据来源")
    main = [ind for ind in plan.indicators if ind.tier is Tier.MAIN]
    rows = _rows_by_id(sheet, 7)
    assert list(rows) == [ind.id for ind in main]  # --tier main by default: 17 rows
    for ind in main:
        row = rows[ind.id]
        assert sheet[f"C{row}"].value == ind.unit
        kind = sheet[f"D{row}"].value
        assert kind == ("累计：填该年新增" if ind.kind is Kind.CUMULATIVE else "水平：填当年数值")
    # Only the value, source and note cells (and the provenance and source above) are open.
    assert sheet.protection.sheet
    row = rows["urban_new_jobs"]
    assert [sheet[f"{c}{row}"].protection.locked for c in "ABCDEFG"] == [True] * 4 + [False] * 3
    assert (sheet["B2"].protection.locked, sheet["B3"].protection.locked) == (True, False)
    assert sheet.freeze_panes == "C7"
    assert sheet.column_dimensions["B"].width >= min(
        WIDEST, max(display_width(ind.name) for ind in main)
    )


def test_the_template_checks_what_it_can(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    sheet = written(tmp_path, "2025.xlsx", "new", "2025", "--data", str(data_dir))["填报"]
    rows = _rows_by_id(sheet, 7)
    rules = {  # each cell a rule covers, its ranges (E9:E10) taken cell by cell
        f"{get_column_letter(column)}{row}": rule
        for rule in sheet.data_validations.dataValidation
        for cells in rule.sqref.ranges
        for row, column in cells.cells
    }
    provenance = rules["B3"]
    assert provenance.type == "list"
    assert provenance.formula1 == '"' + ",".join(p.zh for p in Provenance) + '"'
    assert provenance.formula1 == '"正式,初步,估计,示例"'
    for key, row in rows.items():
        rule = rules[f"E{row}"]
        assert rule.type == "decimal" and rule.formula1 == "0" and rule.showErrorMessage
        if plan.indicator(key).unit == "%":
            assert (rule.operator, rule.formula2) == ("between", "100")
        else:
            assert (rule.operator, rule.formula2) == ("greaterThanOrEqual", None)


def test_every_tier_and_every_format(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    sheet = written(tmp_path, "all.xlsx", "new", "2025", "--tier", "all", "--data", str(data_dir))[
        "填报"
    ]
    assert list(_rows_by_id(sheet, 7)) == [ind.id for ind in plan.indicators]
    goal = [ind.id for ind in plan.indicators if ind.tier is Tier.GOAL]
    for suffix, fmt in ((".yaml", []), (".csv", []), (".CSV", ["--format", "csv"])):
        path = tmp_path / f"2025{suffix}"
        code, _, _ = invoke(
            "new", "2025", "--tier", "goal", *fmt, "-o", str(path), "--data", str(data_dir)
        )
        text = path.read_text(encoding="utf-8")
        assert code == 0
        ids = [
            line.split(",")[0].strip().rstrip(":")
            for line in text.splitlines()
            if line.startswith(("  ", *goal))
        ]
        assert [i for i in ids if i and not i.startswith("#")] == goal, suffix
    # A name whose ending is no template's is refused, never a CSV under a .txt name.
    code, _, err = invoke("new", "2025", "-f", "csv", "-o", str(tmp_path / "t.txt"))
    assert code == 2 and ".csv" in err and not (tmp_path / "t.txt").exists()
    # The CSV template is read by check: each blank value is asked for.
    code, out, _ = invoke(
        "check", str(tmp_path / "2025.csv"), "-f", "json", "--data", str(data_dir)
    )
    found = [d["code"] for d in json.loads(out)["diagnostics"]]
    assert code == 1 and found.count("missing-value") == len(goal)
    assert "invalid-provenance" in found


def test_new_refuses_what_does_not_fit(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "2025.xlsx"
    target.write_bytes(b"the clerk's figures")
    code, _, err = invoke("new", "2025", "-o", str(target), "--data", str(data_dir))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"the clerk's figures"
    args = ("new", "2025", "--format", "xlsx", "--schema", "s.json", "--data", str(data_dir))
    assert invoke(*args)[0] == 2  # --schema is for YAML
    # A workbook goes to a file, or into a pipe with -o - (never onto a terminal).
    result = runner.invoke(app, ["new", "2025", "-f", "xlsx", "-o", "-", "--data", str(data_dir)])
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK\x03\x04")


# ---- tables


def test_the_status_workbook(tmp_path: Path, data_dir: Path) -> None:
    workbook = written(tmp_path, "status.xlsx", "status", "--year", "2024", "--data", str(data_dir))
    sheet = workbook.active
    assert sheet is not None
    assert sheet["A2"].value == "注意：标 * 的数字不是正式统计数据（示例），仅供演示或参考。"
    headers = [c.value for c in sheet[3]]
    assert headers[:3] == ["指标id", "指标", "单位"]
    column = {header: index for index, header in enumerate(headers, 1)}
    rows = _rows_by_id(sheet, 4)
    row = rows["urban_new_jobs"]
    # 1.12 + 1.05 + 1.08 + 1.10 = 4.35 万人 by 2024: 4.35 / 5 = 87 % of 【5】; 序时进度 4/5.
    latest = sheet.cell(row=row, column=column["最新值"])
    assert latest.value == pytest.approx(4.35) and latest.number_format == '"累计 "General"*"'
    completion = sheet.cell(row=row, column=column["完成度"])
    assert completion.value == pytest.approx(0.87) and completion.number_format == "0.0%"
    assert sheet.cell(row=row, column=column["序时进度"]).value == pytest.approx(0.8)
    assert sheet.cell(row=row, column=column["年份"]).value == 2024
    assert sheet.cell(row=row, column=column["基期"]).value == 1.05  # printed as a bare number
    assert sheet.cell(row=row, column=column["目标"]).value == "【5】"
    # A target of 100 held from a baseline of 100 is judged as a floor: ≥100, as the text says.
    held = sheet.cell(row=rows["labour_inspection_closure_rate"], column=column["目标"])
    assert held.value == "≥100"
    # 农民工参加职业培训人次: 2022 is missing; 0.32 + 0.3 + 0.31 = 0.93 is a lower bound.
    row = rows["migrant_worker_training"]
    latest = sheet.cell(row=row, column=column["最新值"])
    assert latest.value == pytest.approx(0.93) and latest.number_format == '"累计 ≥"General"*"'
    completion = sheet.cell(row=row, column=column["完成度"])
    assert completion.value == pytest.approx(0.93 / 1.5) and completion.number_format == '"≥"0.0%'
    assert sheet.cell(row=row, column=column["缺报年份"]).value == "2022"
    assert sheet.freeze_panes == "C4"
    # A fill per status, from the registry's class.
    for key, row in rows.items():
        status = sheet.cell(row=row, column=column["状态"])
        words = {s.info.zh: s for s in Status}
        fill = STATUS_FILLS[words[status.value].info.css]
        assert status.fill.fgColor.rgb == "00" + fill, key
    # Columns as wide as their text: a Chinese character counts two.
    longest_id = max(len(key) for key in rows)
    assert sheet.column_dimensions["A"].width == longest_id + 2
    assert sheet.column_dimensions["B"].width == WIDEST  # long names wrap
    assert sheet.cell(row=4, column=2).alignment.wrap_text
    # Below the table, after a blank row: the summary (counted as evaluations publish it),
    # then the footnotes; the warning above is not written twice.
    below = [sheet.cell(row=row, column=1).value for row in range(max(rows.values()) + 1, 30)]
    assert below[0] is None and below[1].startswith(f"共 {len(rows)} 项指标")
    assert below[3].startswith("† 有年份缺报") and sheet["A2"].value not in below


def test_every_status_has_a_fill() -> None:
    for status in Status:
        assert status.info.css in STATUS_FILLS, status


def test_the_indicators_and_show_workbooks(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    workbook = written(
        tmp_path, "indicators.xlsx", "indicators", "--tier", "main", "--data", str(data_dir)
    )
    sheet = workbook.active
    assert sheet is not None
    headers = [c.value for c in sheet[2]]
    rows = _rows_by_id(sheet, 3)
    assert list(rows) == [ind.id for ind in plan.indicators if ind.tier is Tier.MAIN]
    # The Markdown table's columns and words; a figure the plan prints bare is a number, one
    # it prints in brackets or as a bound stays as printed (the CSV has every key).
    assert headers == ["编号", "指标", "单位", "类型", "属性", "基期", "目标", "来源"]
    assert sheet.title == "指标"
    row = rows["urban_new_jobs"]
    baseline, target = (sheet.cell(row=row, column=headers.index(h) + 1) for h in ("基期", "目标"))
    assert (baseline.value, target.value) == (1.05, "【5】")
    row = rows["surveyed_unemployment_rate"]
    assert sheet.cell(row=row, column=headers.index("目标") + 1).value == "≤5.5"
    assert sheet.freeze_panes == "C3"
    # show takes the indicator's Chinese name as well as its id.
    workbook = written(
        tmp_path, "show.xlsx", "show", "城镇新增就业人数", "--year", "2024", "--data", str(data_dir)
    )
    sheet = workbook.active
    assert sheet is not None
    assert sheet.title == "urban_new_jobs"
    headers = [c.value for c in sheet[2]]
    years = [sheet.cell(row=row, column=1).value for row in range(3, 8)]
    assert years == [2021, 2022, 2023, 2024, 2025]
    values = [sheet.cell(row=row, column=headers.index("数值") + 1).value for row in range(3, 7)]
    assert values == pytest.approx([1.12, 1.05, 1.08, 1.1])  # 2022: 10500 人 = 1.05 万人
    # The headers and words of the Markdown table (the same blocks), the figures typed.
    assert headers[:3] == ["年份", "数值", "截至该年累计"] and sheet["C3"].value == "否"
    status_line = sheet.cell(row=9, column=1)
    assert status_line.value.startswith("状态") and status_line.fill.fgColor.rgb == "00C6EFCE"


# ---- choosing the format


def test_formats_follow_the_output_and_excel_is_csv(tmp_path: Path, data_dir: Path) -> None:
    data = ("--data", str(data_dir))
    code, _, err = invoke("status", "-f", "xlsx", *data)
    assert code == 2 and "-o" in err  # never a workbook onto a terminal or into nothing
    path = tmp_path / "status.csv"
    assert invoke("status", "--excel", "-o", str(path), *data)[0] == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,") and b"\r\n" in raw  # CSV for Excel, not a table
    path = tmp_path / "x.json"
    assert invoke("status", "-o", str(path), *data)[0] == 0
    assert json.loads(path.read_text(encoding="utf-8"))[0]["id"] == "urban_new_jobs"
    for command in ("status", "indicators"):
        code, _, err = invoke(command, "--excel", "--format", "json", *data)
        assert code == 2 and "--excel" in err
    assert invoke("indicators", "--excel", "--format", "csv", *data)[0] == 0


def test_show_takes_names_and_suggests(data_dir: Path) -> None:
    by_id = invoke("show", "urban_new_jobs", "-f", "json", "--data", str(data_dir))
    by_name = invoke("show", "城镇新增就业人数", "-f", "json", "--data", str(data_dir))
    by_english = invoke("show", "new urban jobs", "-f", "json", "--data", str(data_dir))
    assert by_id[0] == 0 and by_id[1] == by_name[1] == by_english[1]
    code, _, err = invoke("show", "城镇新增就业人口", "--data", str(data_dir), "--lang", "en")
    assert code == 2
    assert "did you mean 'urban_new_jobs' (城镇新增就业人数)?" in err


# ---- start-up pays for no workbook, nor for what another command needs


def imported_by(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The modules a run of `python -m tongnan_plan *args` imports (-X importtime's list)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tongnan_plan", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "tongnan_plan.cli" in imported  # the measurement works
    return imported


@pytest.mark.parametrize(
    "args", [["status"], ["check", "data/actuals/2023.yaml"], ["indicators", "-f", "csv"]]
)
def test_commands_without_a_workbook_import_no_workbook_library(args: list[str]) -> None:
    imported = imported_by(args)
    assert not {name for name in imported if name.split(".")[0] in ("openpyxl", "python_calamine")}


#: What `tnplan status` has no use for: the other commands' modules (their options and help
#: included), the Chinese of every --help, drafting, the next plan's figures, the hints for a
#: clerk's mistyped number (its data has none), HTML escaping and the Unicode database (for a
#: document the YAML parser stops in).
NOT_FOR_STATUS = (
    "tongnan_plan.cli.figures",
    "tongnan_plan.cli.checking",
    "tongnan_plan.cli.drafting",
    "tongnan_plan.cli.plans",
    "tongnan_plan.cli.help_zh",
    "tongnan_plan.extract",
    "tongnan_plan.calc.handover",
    "tongnan_plan.validate.clerk_hints",
    "html",
    "unicodedata",
)


def test_status_imports_nothing_another_command_needs() -> None:
    imported = imported_by(["status", "--lang", "zh"])
    assert "tongnan_plan.cli.evaluation" in imported  # its own command's module is there
    assert not imported & set(NOT_FOR_STATUS)


def test_help_still_imports_every_command_and_its_chinese() -> None:
    imported = imported_by(["--help"], env={**os.environ, "TNPLAN_LANG": "zh"})
    assert set(NOT_FOR_STATUS[:5]) <= imported


def test_a_workbook_round_trip_through_a_data_directory(tmp_path: Path, data_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    (data / "actuals" / "2025.yaml").unlink()  # the workbook takes the shipped sample's place
    path = data / "actuals" / "2025.xlsx"
    assert invoke("new", "2025", "-o", str(path), "--data", str(data))[0] == 0
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["填报"]
    sheet["B3"] = "正式"
    sheet["E7"] = 1.1  # 城镇新增就业人数, the first row
    workbook.save(path)
    code, out, _ = invoke("status", "-f", "json", "--data", str(data))
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and rows["urban_new_jobs"]["as_of"] == 2025


# ---- the one writer over blocks


def test_blocks_workbook_writes_what_the_blocks_say() -> None:
    """A workbook from blocks built by hand: the columns the table gives a workbook, its
    sheet name, frozen columns and filter; a warning under the title; a figure in its number
    format, its tone as a fill, a figure cell without a figure empty; paragraphs of a column
    the sheet leaves out, and pictures, not written; a screen paragraph written."""
    import io

    from tongnan_plan.present.view import Cell, Heading, Items, Paragraphs, Picture, Table
    from tongnan_plan.present.xlsx import blocks_workbook

    rows = [
        [Cell("a1"), Cell("Σ 4.35*", 4.35, number_format='"Σ "General"*"'), Cell("██"),
         Cell("ahead", tone="good")],
        [Cell("b2"), Cell("—", number_format="General"), Cell(""), Cell("behind", tone="bad")],
    ]  # fmt: skip
    table = Table(
        ["id", "Latest", "Bar", "Status"],
        rows,
        keys=["id", "latest", "bar", "status"],
        sheet=["id", "latest", "status"],
        name="status",
        frozen=2,
        filtered=True,
    )
    blocks = [
        Heading("The title"),
        table,
        Paragraphs(["the summary"], screen=True),
        Paragraphs(["what the bar draws"], column="bar"),
        Paragraphs(["figures marked * are not official"], warning=True),
        Items(["ahead of pace", "one more line"], tones=["good"]),
        Picture(None, "a chart", ["a chart drawn in text"]),
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(blocks_workbook("ignored", blocks))).active
    assert sheet is not None and sheet.title == "status"
    column_a = [sheet.cell(row=row, column=1).value for row in range(1, 12)]
    assert column_a == [
        "The title",
        "figures marked * are not official",  # the warning, before any figure
        "id",
        "a1",
        "b2",
        None,
        "the summary",
        None,
        "ahead of pace",
        "one more line",
        None,  # neither the bar's paragraph nor the picture's text
    ]
    assert [c.value for c in sheet[3]] == ["id", "Latest", "Status"]  # no bar column
    assert (sheet["B4"].value, sheet["B4"].number_format) == (4.35, '"Σ "General"*"')
    assert sheet["B5"].value is None  # no figure: empty, not "—"
    assert sheet["C4"].fill.fgColor.rgb == "00" + STATUS_FILLS["good"]
    assert sheet["C5"].fill.fgColor.rgb == "00" + STATUS_FILLS["bad"]
    assert sheet["A9"].fill.fgColor.rgb == "00" + STATUS_FILLS["good"]
    assert sheet["A10"].fill.fill_type is None
    assert sheet.freeze_panes == "C4" and sheet.auto_filter.ref == "A3:C5"
