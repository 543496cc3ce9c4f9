"""`tnplan extract` as a user runs it: files written, refused, printed; bad input; exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tongnan_plan.cli import app

from .conftest import FIXTURES

SEED = FIXTURES / "extract" / "tongnan-14th-plan.txt"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"TNPLAN_LANG": "en"})
    return result.exit_code, result.stdout, result.stderr


def test_writes_a_draft_that_status_and_indicators_load(tmp_path: Path) -> None:
    target = tmp_path / "plan" / "targets.yaml"
    target.parent.mkdir()
    (target.parent / "actuals").mkdir()
    code, out, err = invoke("extract", str(SEED), "-o", str(target))
    assert code == 0, err
    assert out == ""
    # 专栏1 has 25 rows (23 numbered, 2 其中), 专栏2 17; the summary says so on stderr.
    assert "专栏1 (25 rows, previous plan), 专栏2 (17 rows)" in err
    assert f"wrote {target}" in err
    code, out, err = invoke("indicators", "--data", str(target.parent), "--format", "csv")
    assert code == 0, err
    assert out.count("\n") == 1 + 17 + 66  # header, 专栏2, targets in the text
    code, out, err = invoke("status", "--data", str(target.parent), "--format", "csv")
    assert code == 0, err


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "targets.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = invoke("extract", str(SEED), "-o", str(target))
    assert code == 2
    assert "exists; add --force" in err
    assert target.read_text(encoding="utf-8") == "mine\n"
    code, _, _ = invoke("extract", str(SEED), "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# Draft plan file")


def test_dash_writes_to_standard_output() -> None:
    code, out, err = invoke("extract", str(SEED), "-o", "-")
    assert code == 0
    assert out.startswith("# Draft plan file written by `tnplan extract`")
    assert "\n  review:\n    - " in out  # one question a line, where a check can point
    assert "wrote" not in err


def test_previous_plan_and_its_results(tmp_path: Path) -> None:
    plan_dir = tmp_path / "13th"
    (plan_dir / "actuals").mkdir(parents=True)
    code, _, err = invoke(
        "extract",
        str(SEED),
        "--previous",
        "-o",
        str(plan_dir / "targets.yaml"),
        "--results",
        str(plan_dir / "actuals" / "2020.yaml"),
    )
    assert code == 0, err
    code, out, err = invoke("audit", "--data", str(plan_dir), "--format", "csv")
    # The audit recomputes 专栏1's printed completions: 18920 / 4000 = 473%, printed 495%.
    # 失业人员再就业人数, its id the pinyin of its name two characters a word, four words at most.
    assert "shiye_renyuan_zaijiu_yeren" in out
    assert code == 1  # a mismatch, as for the shipped 13th plan


def test_results_needs_previous(tmp_path: Path) -> None:
    code, _, err = invoke("extract", str(SEED), "--results", str(tmp_path / "r.yaml"))
    assert code == 2
    assert "--results needs --previous" in err


def test_a_missing_file(tmp_path: Path) -> None:
    code, _, err = invoke("extract", str(tmp_path / "nothing.txt"), "-o", "-")
    assert code == 2
    assert err == f"{tmp_path / 'nothing.txt'}:1:1: error[file-not-found] no such file\n"


def test_an_empty_file_has_nothing_to_draft(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = invoke("extract", str(empty), "-o", "-")
    assert (code, out) == (1, "")
    assert "no indicator table or target found" in err


def test_a_file_with_no_table_and_no_target(tmp_path: Path) -> None:
    prose = tmp_path / "notice.txt"
    prose.write_text("关于印发某规划的通知\n\n请认真贯彻执行。\n", encoding="utf-8")
    code, _, err = invoke("extract", str(prose), "-o", "-")
    assert code == 1
    assert "tables: none; targets in the text: 0" in err


def test_a_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "plan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = invoke("extract", str(binary), "-o", "-")
    assert code == 2
    assert "error[binary-file] a binary file, not text" in err


def test_a_damaged_docx(tmp_path: Path) -> None:
    damaged = tmp_path / "plan.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = invoke("extract", str(damaged), "-o", "-")
    assert code == 2
    assert "error[unreadable-document] cannot read this Word document" in err


def test_an_unknown_format(tmp_path: Path) -> None:
    sheet = tmp_path / "plan.xlsx"
    sheet.write_bytes(b"\x01\x02")
    code, _, err = invoke("extract", str(sheet), "-o", "-")
    assert code == 2
    assert "error[unknown-format]" in err


def test_a_gb18030_text_file(tmp_path: Path) -> None:
    legacy = tmp_path / "plan.txt"
    legacy.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    code, out, _ = invoke("extract", str(legacy), "-o", "-")
    assert code == 0
    assert 'name: "城镇新增就业人数"' in out


def test_other_commands_do_not_import_the_parsers(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tongnan_plan", "status", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert not imported & {"lxml", "docx", "pdfplumber", "pdfminer"}
    assert "tongnan_plan.extract" not in result.stderr


def test_when_nothing_is_found_the_headers_seen_are_said_with_why(tmp_path: Path) -> None:
    plan = tmp_path / "projects.txt"
    lines = ["某县基础设施规划（2026—2030年）", "", "表1 重点项目", ""]
    lines += ["序号", "项目", "单位", "建设内容", "1", "医院", "个", "新建", ""]
    lines += ["指标\t单位\t说明", "就业\t万人\t稳定"]
    plan.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = invoke("extract", str(plan), "-o", "-")
    assert code == 1
    assert "no indicator table or target found" in err
    # The one-cell-per-line header starts at line 5; the tab-separated one is line 14.
    assert "  line 5: 序号 | 项目 | 单位\n    no figure column" in err
    assert "  line 14: 指标 | 单位 | 说明\n    no figure column" in err


def test_when_no_header_at_all_is_seen_that_is_said(tmp_path: Path) -> None:
    plan = tmp_path / "prose.txt"
    plan.write_text("某县规划（2026—2030年）\n\n加强就业服务。\n", encoding="utf-8")
    code, _, err = invoke("extract", str(plan), "-o", "-")
    assert code == 1
    assert "no header of an indicator table seen" in err
